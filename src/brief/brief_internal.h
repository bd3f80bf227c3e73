// What brief.cc shares with the parts of a brief written in brief/facts.cc
// and brief/headline.cc: a sentence of the story's articles, the kinds of
// concept (text::Analysis::concepts) a brief tells apart, the weight of a
// sentence's position, the time articles are ordered by, Show(), how a
// sentence is shown, and FirstWords(), how one is cut. Internal to brief/;
// nothing else should include it.
//
//   for (std::uint32_t c : m.Concepts(s)) {
//     if (IsPairOrName(c)) weight += PositionWeight(s.position);
//   }
//   lines.push_back(Show(m.Sentence(s)));
//
// Thread-safety: constants and pure functions.
#ifndef STORYLINE_BRIEF_BRIEF_INTERNAL_H_
#define STORYLINE_BRIEF_BRIEF_INTERNAL_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "brief/brief.h"
#include "brief/material.h"
#include "text/analyzer.h"

namespace storyline::brief::brief_internal {

// The weight of a concept reported in an article's position-th sentence,
// (1 + position)^-0.5: news puts what matters first. The summary's model
// (brief.cc) explains it with the weights it goes with.
inline double PositionWeight(std::uint16_t position) { return 1.0 / std::sqrt(1.0 + position); }

// Whether concept `c` is a content word (weighs nothing; tells how much of a
// sentence is said again) or a title mark (names a concept its article's
// title shares words with).
inline bool IsWord(std::uint32_t c) { return (c & text::kTitleMark) == text::kWordConcept; }
inline bool IsTitleMark(std::uint32_t c) { return (c & text::kTitleMark) == text::kTitleMark; }
// What facts are judged on: word pairs, names and numbers.
inline bool IsPairOrName(std::uint32_t c) { return !IsWord(c) && !IsTitleMark(c); }

// The time articles are ordered by; undated ones come first.
inline constexpr UnixSeconds kUndated = std::numeric_limits<UnixSeconds>::min();
inline UnixSeconds TimeKey(const BriefArticle& a) { return a.time ? *a.time : kUndated; }

// How a sentence of an article is shown: trimmed, without a dateline, its
// quotation marks paired (PairQuotes).
std::string Show(std::string_view sentence);

// `s` with the quotation mark added that a quote cut by a sentence end
// lacks: at the end for a quote that runs on, at the start for one that
// began in the sentence before.
std::string PairQuotes(std::string s);

// The first `words` words of `s`, with "…" when cut.
std::string FirstWords(std::string_view s, std::size_t words);

// One sentence of a brief's articles. `facts` points into the article's
// ArticleMaterial, which must outlive it.
struct Sentence {
  std::size_t article;  // index into the brief's articles
  const SentenceFacts* facts;
};

}  // namespace storyline::brief::brief_internal

#endif  // STORYLINE_BRIEF_BRIEF_INTERNAL_H_
