// Attributions for FindQuotes() (text/quotes.h): who said a quote part,
// read from the words right after its closing mark (Trailing(): "“…,” Trump
// said.", "“…,” said Trump.", "“…,” he told reporters.") or before its
// opening mark (Leading(): "Trump said: “…”", "Pompeo told a reporter that
// “…”"), over the tokens of text/quote_marks.h. Context holds the text, its
// tokens and language, and the readings of names, verbs and speakers the
// attributions and the resolution of "he said" share. Internal to
// text/quotes.cc; nothing else should include it.
//
//   Context c{text, toks, part_of, lang};
//   Attribution a = Trailing(c, part);
//   if (!a.found) a = Leading(c, part);
//   if (a.found) Use(c.SpeakerName(a));
//
// Token indices are into Context::toks; an Attribution's tokens are -1 when
// it names nobody.
//
// Thread-safety: free functions and a Context that is read only; no shared
// state.
#ifndef STORYLINE_TEXT_QUOTE_ATTRIBUTION_H_
#define STORYLINE_TEXT_QUOTE_ATTRIBUTION_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/languages.h"
#include "text/quote_marks.h"
#include "text/quote_words.h"

namespace storyline::text::quote_internal {

// How a quote right after an attribution goes on with the speech: after a
// comma ("“A,” Trump said, “B.”") or after a full stop ("“A,” Trump said.
// “B.”").
enum class Join : std::uint8_t { kNone, kComma, kPeriod };

// Who said one quote part, as its attribution names them.
struct Attribution {
  bool found = false;
  bool direct = false;   // next to the quote, not just somewhere in its sentence
  bool pronoun = false;  // "he said"
  int speaker_first = -1, speaker_last = -1;  // tokens of the name or pronoun
  Join join = Join::kNone;
  int join_open = -1;  // the opening mark that follows the attribution
};

// The tokens of one text with the quote part each lies in and the text's
// language, and what attributions read in them: words, speech verbs, names,
// subjects and objects, speakers. `text` and `toks` must outlive it. The
// readers quotes.cc calls once a token or a name (IsVerbAt(),
// SkipSpeechAdverbs(), NameRunForward()) are defined here with the one-line
// ones, so that its loops inline them.
struct Context {
  std::string_view text;
  const std::vector<Tok>& toks;
  std::vector<int> part_of;  // token -> part index, or -1 outside quotes
  Language lang = Language::kEnglish;

  // The text of token i.
  std::string_view Word(int i) const {
    return text.substr(toks[i].begin, toks[i].end - toks[i].begin);
  }
  // Whether token i is a word (false past either end).
  bool IsWord(int i) const {
    return i >= 0 && i < static_cast<int>(toks.size()) && toks[i].kind == Kind::kWord;
  }
  // Whether token i is a speech verb in lower case: an English one, or one
  // of the text's language ("dit-il" with its pronoun ending).
  bool IsVerbAt(int i) const {
    if (!IsWord(i) || toks[i].cap) return false;
    Lower l(Word(i));
    // "saying" only in "quoted as saying": after a comma ("..., saying")
    // its subject is the main clause's, which Subject() cannot find.
    if (l.view() == "saying") {
      return i >= 2 && IsWord(i - 1) && IsWord(i - 2) && Lower(Word(i - 1)).view() == "as" &&
             Lower(Word(i - 2)).view() == "quoted";
    }
    if (IsSpeechVerb(l.view())) return true;
    if (lang == Language::kEnglish) return false;
    const std::string_view w = Word(i);
    if (lang == Language::kFrench) {
      if (const std::size_t end = FrenchPronounEnding(w); end > 0) {
        return IsSpeechVerbIn(lang, w.substr(0, w.size() - end));  // "dit-il"
      }
    }
    return IsSpeechVerbIn(lang, w);
  }
  // "he" or "she" at token i, in the text's language.
  bool IsPronounAt(int i) const;
  // Whether the verb at token `verb`, right after a quote, says its subject
  // is the one spoken of before, with nobody named after it: French "dit-il"
  // or "a-t-il ajouté" (`aux` the "a-t-il"), or in Spanish, Italian and
  // Portuguese, which leave a pronoun subject out, a verb that ends its
  // clause ("“…”, dijo.").
  bool ImpliedSubject(int verb, int aux) const;
  // Another language's auxiliary before a participle: "a déclaré X" (French),
  // "ha detto X" (Italian), "ha dicho X" (Spanish).
  bool IsAuxiliaryAt(int i) const;
  // Whether tokens i and i + 1 are "according to".
  bool IsAccordingAt(int i) const;
  // The first token from `i` on that is not a speech adverb in lower case
  // ("Trump also said").
  int SkipSpeechAdverbs(int i) const {
    while (IsWord(i) && !toks[i].cap && IsSpeechAdverb(Lower(Word(i)).view())) ++i;
    return i;
  }
  // A capitalised run (names, titles, connectors) ending at token `last`,
  // words only; returns its first token or -1.
  int NameRunBack(int last, int floor) const;
  // A capitalised run starting at `first`; returns its last token or -1.
  int NameRunForward(int first, int ceil) const {
    int last = -1;
    for (int i = first; i <= ceil && IsWord(i); ++i) {
      Lower l(Word(i));
      if (toks[i].cap && !(i == first && IsFunctionWord(l.view()))) {
        last = i;
      } else if (!toks[i].cap && IsConnector(l.view()) && last >= 0) {
        continue;
      } else {
        break;
      }
    }
    return last;
  }
  // Whether token i is "&".
  bool IsAmpersand(int i) const {
    return i >= 0 && i < static_cast<int>(toks.size()) && toks[i].kind == Kind::kOther &&
           Word(i) == "&";
  }
  // The comma that opens an appositive closed by the comma at `close`
  // ("John Smith, the port's chief executive, said"): the nearest comma
  // before it, with up to kMaxAppositiveTokens words (and ampersands)
  // between and nothing that ends a clause; -1 if none.
  int AppositiveOpen(int close, int floor) const;
  // Whether 1-3 lower-case words from `first` end in a role or title ("chief
  // executive", "spokesman"); *end is the token after them.
  bool EndsInRole(int first, int* end) const;
  // The name that ends right before the comma at `comma`, looking back to
  // `floor`: its first token, or -1. Not one inside a phrase ("Police in
  // Kabul, the capital, said", "In Washington, the president, said" are no
  // words of Kabul's or Washington's).
  int NameBeforeComma(int comma, int floor) const;
  // Subject of a verb at token v, looking back to `floor`.
  void Subject(int v, int floor, Attribution* a) const;
  // Object of "said"/"according to" at token o: "said Trump".
  void Object(int o, int ceil, Attribution* a) const;
  // A place or body, then what the person is there, then the person: "said
  // Academy spokeswoman Leslie Unger", "said Anchorage businessman Andrew
  // Halcro" (one to three lower-case words, the last a role or the name of
  // two words or more), or a title in capitals set off from the name by a
  // comma, "said Premier League Chief Executive, Richard Scudamore". The
  // speaker found so far ends at `last`; moves it to that person.
  void NameAfterOffice(int last, int ceil, Attribution* a) const;
  // The speaker `a` names, cleaned; "" when none is named or it is a pronoun.
  std::string SpeakerName(const Attribution& a) const;
  // The name written in tokens [first, last], cleaned; "" when it names
  // nobody.
  std::string CleanNameAt(int first, int last) const;
  // The speaker named by tokens [first, last].
  std::string CleanSpeakerAt(int first, int last) const;
};

// "“…,” John Smith, the port’s chief executive, said on Monday.": when the
// words [j, words_end) are a name and one or two comma-set appositives
// follow it, then the verb, returns the verb's token (the name is its
// speaker); else -1.
int VerbAfterAppositive(const Context& c, int j, int words_end);

// "“…,” Trump said." / "“…,” said Trump, who …" / "“…,” he told reporters."
Attribution Trailing(const Context& c, const Part& p);

// "Trump said: “…”", "Pompeo told a reporter that “…”"; an attribution
// further back in the same sentence is found but not direct.
Attribution Leading(const Context& c, const Part& p);

}  // namespace storyline::text::quote_internal

#endif  // STORYLINE_TEXT_QUOTE_ATTRIBUTION_H_
