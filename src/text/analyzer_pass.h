// The analyzer's pass over one text (Analyzer::Analyze(), text/analyzer.h):
// Prepare() cuts a title or a body into tokens and notes each one's folded
// form, word hash and whether it opens a sentence or a clause; TitleCase()
// and IsHeading() tell a title, or a line of the body, written in Title Case
// or in capitals, where capitals do not mark names. Internal to
// text/analyzer.cc; nothing else should include it.
//
//   Pass p;  // kept from one article to the next for its capacity
//   Prepare(body, &sentences, &p);
//   std::string_view folded = p.Folded(i);
//   Heading h = IsHeading(p, from, to);  // once p.info[k].flags are filled
//
// Thread-safety: free functions over a Pass the caller owns; no shared state.
#ifndef STORYLINE_TEXT_ANALYZER_PASS_H_
#define STORYLINE_TEXT_ANALYZER_PASS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"
#include "text/tokenizer.h"

namespace storyline::text::analyzer_internal {

// The seed of TokenInfo::word_hash.
constexpr std::uint64_t kWordSeed = 0x776f7264;  // "word"

enum WordFlags : std::uint8_t {
  kStop = 1,
  kConnector = 2,
  kTitleOrCalendar = 4,
  kFunction = 8,       // a grammar word (IsFunctionWord); kStop is set too
  kCount = 16,         // IsCountWord
  kClauseOpener = 32,  // IsClauseOpener
};

// How a line is written when it is a title or a headline inside the body,
// where capitals do not mark names as in a sentence (TokenInfo::heading).
enum Heading : std::uint8_t {
  kNoHeading = 0,
  kInTitleCase = 1,  // "Lindsay Lohan Checks Into Betty Ford Rehab"
  kInCapitals = 2,   // "DEMOCRATS RETAIN THE SENATE WHILE THE GOP KEEPS ITS GRIP"
};

struct TokenInfo {
  std::uint32_t fold_begin;  // into the folded buffer
  std::uint32_t fold_len;
  std::uint64_t word_hash;  // Hash64(folded)
  // Opens a sentence, or a clause inside one where a capital says nothing
  // about a name (OpensAClause).
  bool sentence_start;
  bool sentence_first;   // the first token of a sentence span (body only)
  std::uint8_t heading;  // a Heading: in a body line written as a title
  std::uint8_t flags;    // WordFlags of the folded word
};

// Per-article working state of Analyze().
struct Pass {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<TokenInfo> info;
  // The text with every byte ORed with 0x20, which lowers ASCII letters and
  // leaves digits alone: the folded form of an ASCII token with no
  // apostrophe or dot inside sits at its own offsets. Folded forms of the
  // other tokens follow the text, back to back.
  std::string folded;

  std::string_view Folded(std::size_t i) const {
    return std::string_view(folded).substr(info[i].fold_begin, info[i].fold_len);
  }
};

// Reads `text` into *p: its tokens, each one's folded form and word hash
// (Hash64 with kWordSeed), and whether it opens a sentence or a clause. A
// body passes its `sentences` (SplitSentences()): a token opens a sentence
// at the start of a span, and a capitalised one inside a span opens a clause
// after a colon, an opening quotation mark or a spaced dash. A title passes
// null: a token opens a sentence at its start or after ? ! . or :. Headings
// are left kNoHeading, and TokenInfo::flags for Analyze() to fill. `text`
// must outlive the use of *p (Pass::text views it).
void Prepare(std::string_view text, const std::vector<SentenceSpan>* sentences, Pass* p);

// How a title is written: in capitals, in Title Case or as a sentence.
Heading TitleCase(const Pass& p);

// Whether the body's sentence of tokens [from, to) is a headline written
// into the text (a related link, a section title, a caption's heading:
// "Lindsay Lohan Checks Into Betty Ford Rehab", "France Unsure if Raid
// Killed Top Suspect in Paris Attacks"): in Title Case, and either a
// grammar word in it is capitalised too ("Into", "It", "About"; not "The",
// which opens names) or, like a title, it has no comma and does not end
// like a sentence. A sentence naming many people ("Barack Obama, Mitt
// Romney and Joe Biden spoke.") is not one. A sentence mostly in capitals
// is a headline too (IsInCapitals). Needs the tokens' flags.
Heading IsHeading(const Pass& p, std::size_t from, std::size_t to);

}  // namespace storyline::text::analyzer_internal

#endif  // STORYLINE_TEXT_ANALYZER_PASS_H_
