// Where sentences end in English news text: the full stops that end none
// (after an abbreviation, "Mr.", "U.S.", "Sept.", or an initial, and "No."
// before a number), and the closing marks an end carries ("... said.”").
// One answer for every stage that cuts text into sentences.
//
// Thread-safety: free functions, no shared state.
#ifndef STORYLINE_UTIL_ABBREVIATIONS_H_
#define STORYLINE_UTIL_ABBREVIATIONS_H_

#include <cstddef>
#include <string_view>

namespace storyline {

// Whether a full stop after `word` (written without it, any case) ends no
// sentence: a title ("Dr", "Sgt"), a month ("Sept"), a company's or a
// place's short form ("Inc", "U.S", "Blvd"), "a.m" and "e.g", or a
// single-letter initial in capitals ("John F. Kennedy").
bool IsAbbreviation(std::string_view word);

// Whether the full stop after `word` ends no sentence, given the text right
// after the stop: an abbreviation, or "No." before a number ("No. 1"; "said
// no." ends one). The sentence splitter, the quote finder and
// the text cleaner (where it cuts a line run together) all ask this.
bool FullStopEndsNoSentence(std::string_view word, std::string_view after);

// The word the full stop at text[dot] follows, as the functions above take
// it: the ASCII letters and inner dots before it ("U.S" of "U.S.", "Sept"),
// read back no further than one byte past the longest abbreviation, since a
// longer word is none. REQUIRES: dot <= text.size().
std::string_view WordBeforeFullStop(std::string_view text, std::size_t dot);

// The length in bytes of the closing quote or bracket at text[i] (" ' ) ]
// ” ’), which a sentence end carries before the space: "... said.” He";
// 0 for any other byte. REQUIRES: i < text.size().
inline std::size_t ClosingMarkAt(std::string_view text, std::size_t i) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  const std::string_view mark = text.substr(i, 3);
  return mark == "\u201D" || mark == "\u2019" ? 3 : 0;
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_ABBREVIATIONS_H_
