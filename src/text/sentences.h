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

#include "util/abbreviations.h"  // IsAbbreviation(), FullStopEndsNoSentence()

namespace storyline::text {

struct SentenceSpan {
  std::uint32_t begin = 0;  // byte offsets, trimmed of surrounding white space
  std::uint32_t end = 0;
  std::uint16_t paragraph = 0;  // index of the line/paragraph it belongs to
};

std::vector<SentenceSpan> SplitSentences(std::string_view text);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_SENTENCES_H_
