// The words FindQuotes() (text/quotes.h) reads attributions by: the speech
// verbs of English and of the other languages of text/languages.h, "he" and
// "she", the adverbs between a speaker and the verb, role nouns, the
// function words that open sentences but name nobody, the connectors inside
// names, and NamesSomeone(), which tells whether a cleaned speaker names
// anyone. Internal to text/quotes.cc; nothing else should include it.
//
//   Lower l(word);  // the English lists take this form
//   if (IsSpeechVerb(l.view()) || IsSpeechVerbIn(lang, word)) ...
//
// Thread-safety: constants and pure functions.
#ifndef STORYLINE_TEXT_QUOTE_WORDS_H_
#define STORYLINE_TEXT_QUOTE_WORDS_H_

#include <array>
#include <cstddef>
#include <string_view>

#include "text/languages.h"

namespace storyline::text::quote_internal {

// A word's lower-case ASCII form for the small word lists below (names and
// other non-ASCII words never need to be looked up there).
struct Lower {
  std::array<char, 24> buf;
  std::size_t len = 0;
  explicit Lower(std::string_view w) {
    if (w.size() > buf.size()) return;
    for (char c : w) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        len = 0;
        return;
      }
      buf[len++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
  }
  std::string_view view() const { return {buf.data(), len}; }
};

// An English speech verb ("said", "told", "tweeted"), in its Lower() form.
bool IsSpeechVerb(std::string_view w);

// Speech verbs of the other languages storyline reads, as written in lower
// case (UTF-8), for the attributions that name the speaker right after the
// verb or right before it: "„…“, sagte Müller", "« … », a déclaré Borissov",
// "“…”, dijo Sánchez", "«…», ha detto Conte", "«…», — сказал Путин", "Müller
// sagte: „…“". Indexed by Language; English has its own lists above, and
// Polish, read as English (text/languages.h), none.
bool IsSpeechVerbIn(Language lang, std::string_view w);

// "he"/"she" of the other languages, as written ("sagte er", "dijo él").
// Indexed by Language.
bool IsPronounIn(Language lang, std::string_view w);

// French writes the pronoun onto the verb after a quote: "dit-il",
// "ajoute-t-elle"; "a-t-il" before a participle. The length of that ending,
// or 0.
std::size_t FrenchPronounEnding(std::string_view w);

// A speech verb whose object is the listener: "told", "asked".
bool IsObjectVerb(std::string_view w);

// A speech verb's participle that hands a sentence's subject a quote
// ("Obama defended the decision, saying “…”"): "saying", "adding",
// "tweeting".
bool IsSpeechParticiple(std::string_view w);

// Words that may stand between a speaker and the verb: "Trump also said".
bool IsSpeechAdverb(std::string_view w);

// "he" or "she".
bool IsPronoun(std::string_view w);

// "“…” He said.": a pronoun may open the attribution after a quote.
bool IsSubjectPronoun(std::string_view w);

// Capitalised words that start sentences but name nobody.
bool IsFunctionWord(std::string_view w);

// Lower-case role nouns right before a name: "North Korea expert Andrei Lankov".
bool IsRoleNoun(std::string_view w);

// A word that names what a person is, lower-case: a role noun or a title.
bool IsRoleOrTitle(std::string_view w);

// A lower-case word that may stand inside a name: "Bank of England", "Osama
// bin Laden", "Ursula von der Leyen" (its "von").
bool IsConnector(std::string_view w);

// Whether a cleaned speaker name can name who spoke. One word that is a
// stop word of news names nobody ("Another adds:", "However, his spokesman
// said", "A White House statement on Sunday said"; the agencies among them,
// "Reuters", do), nor does a role alone ("Executive") or a kind of body
// ("Department") or a plural role ("Investigators"). A rank may ("King":
// Billy King, or the King), but not an abbreviated one cut from its name
// ("said Dist." at a line's end).
bool NamesSomeone(std::string_view name, Language lang);

}  // namespace storyline::text::quote_internal

#endif  // STORYLINE_TEXT_QUOTE_WORDS_H_
