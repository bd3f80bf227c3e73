// English stop words: the Snowball project's English list plus the reporting
// verbs and fillers of news prose ("said", "told", "according").
#ifndef STORYLINE_TEXT_STOPWORDS_H_
#define STORYLINE_TEXT_STOPWORDS_H_

#include <string_view>

namespace storyline::text {

// `folded` is a token after Fold(). Thread-safe.
bool IsStopWord(std::string_view folded);

// Only the Snowball list: the grammar words ("the", "of", "was"), not the
// news words ("said", "Tuesday") that say nothing about which event it is
// but are part of what a sentence reports.
bool IsFunctionWord(std::string_view folded);

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_STOPWORDS_H_
