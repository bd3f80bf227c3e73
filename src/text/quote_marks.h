// Tokens and quotation marks for FindQuotes() (text/quotes.h): Scan() cuts
// cleaned text into words and the punctuation attributions are read by,
// ApplyQuotationStyle() reads which way round the text places “ and », and
// FindParts() pairs the opening and closing marks into quote parts.
// Internal to text/quotes.cc; nothing else should include it.
//
//   std::vector<Tok> toks;
//   Scan(text, &toks);
//   ApplyQuotationStyle(text, &toks);
//   for (const Part& p : FindParts(text, toks)) Use(p.spans);
//
// Tokens are byte offsets into the text they were scanned from.
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_TEXT_QUOTE_MARKS_H_
#define STORYLINE_TEXT_QUOTE_MARKS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace storyline::text::quote_internal {

enum class Kind : std::uint8_t {
  kWord,
  kOpen,      // “ «
  kClose,     // ” »
  kStraight,  // "
  kComma,
  kStop,  // . ! ? ending a sentence
  kColon,
  kSemicolon,
  kDash,
  kOther,
  kBreak,  // end of a paragraph
};

struct Tok {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  Kind kind = Kind::kOther;
  bool cap = false;  // a word starting with an upper-case letter
  // A straight mark after an odd number of them in its paragraph (since the
  // last line break): one is open there.
  bool after_odd = false;
};

// Whether the character starting at text[i] is an upper-case letter.
// REQUIRES: i < text.size().
bool IsUpperAt(std::string_view text, std::size_t i);

// The tokens of `text` into *toks (cleared first), in order: words (with
// their inner apostrophes, hyphens and dots, and the full stop of "Mr." or
// an initial), a token for each mark and punctuation character, and one
// kBreak for each run of line breaks. Spaces (no-break ones too) and the
// single marks ‘ ’ are no tokens. “ „ « are kOpen and ” » kClose until
// ApplyQuotationStyle().
void Scan(std::string_view text, std::vector<Tok>* toks);

// Which marks open and close quotations depends on the language: English
// and Turkish write “…”; German „…“ and »…«; Polish, Dutch and Romanian
// „…”; French, Spanish, Italian, Russian and Swiss German «…». Scan() reads
// “ „ « as opening and ” » as closing; here the text's own use decides
// for the two marks that serve both ways. Where “ is placed as a closing
// mark more often than as an opening one, it closes (read as opening, a
// German quote's closing “ opened a "quote" of the text up to the next
// quotation); where » is placed as an opening mark more often than as a
// closing one, » opens and « closes. By count, not by the first mark: a
// text cut from a page may open inside a quotation.
void ApplyQuotationStyle(std::string_view text, std::vector<Tok>* toks);

// Quote parts: one opening mark to its closing mark, possibly over several
// paragraphs.
struct Part {
  int open = 0;    // token of the opening mark
  int close = -1;  // token of the closing mark; -1 when unclosed
  int last = 0;    // last token inside
  int words = 0;
  std::vector<std::pair<int, int>> spans;  // inside tokens [first, last] per paragraph
};

// Whether `t` opens a quotation: an opening mark, or a straight one placed
// as one (after a space or an opening bracket, before neither a space nor
// one of , ; : )).
bool IsOpening(std::string_view text, const Tok& t);

// The quote parts of `toks` (Scan() of `text`) in order. A part still open
// at a paragraph's end goes on when the next paragraph opens with a mark,
// while it has fewer than 3 paragraphs and 120 words; else it ends there,
// unclosed. Parts with no words are left out.
std::vector<Part> FindParts(std::string_view text, const std::vector<Tok>& toks);

}  // namespace storyline::text::quote_internal

#endif  // STORYLINE_TEXT_QUOTE_MARKS_H_
