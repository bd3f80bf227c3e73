// Sentence splitter for cleaned English news text.
//
// A line break always ends a sentence (cleaned text keeps one paragraph per
// line). Inside a line, '.', '!' or '?' (with closing quotes or brackets)
// followed by white space and an upper-case letter, digit or opening quote
// ends one, except after a known abbreviation ("Mr.", "U.S.", "Nov.") or a
// single-letter initial.
//
// Thread-safety: free function, no shared state.
#ifndef STORYLINE_TEXT_SENTENCES_H_
#define STORYLINE_TEXT_SENTENCES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::text {

struct SentenceSpan {
  std::uint32_t begin = 0;  // byte offsets, trimmed of surrounding white space
  std::uint32_t end = 0;
  std::uint16_t paragraph = 0;  // index of the line/paragraph it belongs to
};

std::vector<SentenceSpan> SplitSentences(std::string_view text);

// Whether a full stop after `word` (written without it, any case) ends no
// sentence: a title ("Dr", "Sgt"), a month ("Sept"), a company's or a
// place's short form ("Inc", "U.S", "Blvd"), "a.m" and "e.g", or a
// single-letter initial in capitals ("John F. Kennedy").
bool IsAbbreviation(std::string_view word);

// Whether the full stop after `word` ends no sentence, given the text right
// after the stop: an abbreviation, or "No." before a number ("No. 1"; "said
// no." ends one). The splitter and the quote finder both ask this.
bool FullStopEndsNoSentence(std::string_view word, std::string_view after);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_SENTENCES_H_
