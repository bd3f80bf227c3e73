// Quotes: finds direct quotations in cleaned article text and who said them,
// for story briefs ("the shared quote and its speaker").
//
//   for (const Quote& q : FindQuotes(body)) {
//     Show(q.text, q.speaker.empty() ? "unattributed" : q.speaker);
//   }
//
// Input is cleaned text (one paragraph a line, blank lines allowed; valid
// UTF-8). Curly “…”, „…“, „…”, «…», »…« and straight "…" marks are
// quotation marks, the way round the text itself places them (German closes
// with “ and may open with »); single marks are not (’ is an apostrophe far
// more often than a quote).
//
// What is found:
//   - attributions after a quote ("“…,” Trump said.", "“…,” said Trump.",
//     "“…,” he told reporters.", "“…,” Trump said, according to Reuters.",
//     "“…,” according to Pompeo.") and before it ("Trump said: “…”",
//     "Trump said that “…”", "Pompeo told a reporter “…”",
//     "Pompeo told a reporter on Monday that “…”");
//   - a quote split around its attribution is one quote:
//     "“I like him,” Trump said, “he likes me.”" -> "I like him, he likes me."
//     and so is "“A,” Trump said. “B.”" when B has no attribution of its own;
//   - a quote over several paragraphs (a paragraph that ends inside a quote
//     continues when the next one opens with a mark), at most 3 paragraphs
//     and 120 words; an unclosed mark ends at its paragraph's end;
//   - speakers are person names with titles and roles removed
//     ("Secretary of State Mike Pompeo" -> "Mike Pompeo"); "he"/"she" is
//     resolved to the previous quote's speaker, or to the one person named in
//     the sentences before, only when no other person is named in between;
//     otherwise the speaker stays empty;
//   - a quote with no attribution of its own takes the speaker named in the
//     same sentence ("Trump said the two had “a very, very good meeting.”");
//   - a paragraph that opens with a quote and names nobody goes on with the
//     speaker of the quote and attribution that end the paragraph before;
//   - ", saying “…”" (a speech participle) gives the quote to the name that
//     opens the sentence ("Obama defended the decision, saying “…”").
// Skipped: quotations under 4 words without a direct attribution (scare
// quotes: called it a “great honour”) and unattributed title-case ones
// (book and film titles).
//
// Cost: one linear scan over the text plus work near each quote mark; no
// regular expressions, no allocation per word.
//
// Thread-safety: free function, no shared state.
#ifndef STORYLINE_TEXT_QUOTES_H_
#define STORYLINE_TEXT_QUOTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/languages.h"

namespace storyline::text {

// How the speaker of a quote was found.
enum class SpeakerSource : std::uint8_t {
  kNone,       // no attribution found; speaker empty
  kNamed,      // an attribution naming the speaker next to the quote
  kPronoun,    // "he said": resolved from the text before (speaker may be empty)
  kSentence,   // named elsewhere in the quote's sentence, or unnamed ("the official said")
  kContinued,  // a quote paragraph after one of the same speaker, named for that one
};

struct Quote {
  // The quotation without its marks, trimmed, white space collapsed; parts
  // of a split quote joined with one space.
  std::string text;
  // The speaker's name as written, titles removed ("Trump", "Mike Pompeo"),
  // or empty when unknown or unclear.
  std::string speaker;
  SpeakerSource source = SpeakerSource::kNone;
  // Byte offsets into the text: the opening mark of the first part to just
  // past the closing mark of the last part (or the end of the paragraph
  // where an unclosed quote stops).
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  // The attribution's speaker words ("Trump", "he"), or both 0 when none.
  std::uint32_t speaker_begin = 0;
  std::uint32_t speaker_end = 0;
};

// The quotes of `text` in order of appearance. `text` need not outlive the
// call. Never fails: text without quotes, empty text and unbalanced marks
// give what can be found (possibly nothing). Speakers are found by English
// rules; in another language of text/languages.h also after its common
// speech verbs ("„…“, sagte Müller", "« … », a déclaré Borissov", "“…”, dijo
// Sánchez", "Müller sagte: „…“") and its "he said" ("sagte er", "dit-il",
// "“…”, dijo."); its function words and German roles before a name are
// dropped ("Der Polizeisprecher Markus Dittrich" -> "Markus Dittrich").
std::vector<Quote> FindQuotes(std::string_view text, Language lang = Language::kEnglish);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_QUOTES_H_
