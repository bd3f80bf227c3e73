// Story headlines: the title of one of the story's articles when one is fit
// to head it, else one written from a sentence of the story.
//
//   A title is fit unless it is page furniture (navigation, markup: never
//   shown) or weak (clickbait, cut off, a dateline's lead, a quotation's
//   opening, one or two words: used only when no fit title is left); and it
//   must name something the story reports (one of its content words in the
//   text of an article the brief reads) and be more than a page's name for
//   itself ("Latest News & Headlines", "Welcome to ..."). A site's or
//   section's name in the title field ("Taipei Times", "Personal Finance")
//   is none.
//
//   Written from a sentence (an article's lead), a headline is the sentence
//   trimmed the way a copy editor trims a lead into a headline (after Dorr,
//   Zajic and Schwartz's Hedge Trimmer, 2003, with word lists where they
//   parse): without the day it happened ("on Tuesday"), a trailing
//   attribution (", according to Reuters", ", police said"), "that" after
//   "said" and the full stop; then, when still longer than a headline, cut
//   before the last clause that can go (a comma, "after", "which", "that",
//   ...) when that leaves at least half of it, else after kHeadlineWords
//   words with "…".
//
//   std::string h = WriteHeadline(articles, readers, lead);
//
// Thread-safety: pure functions.
#ifndef STORYLINE_BRIEF_HEADLINE_H_
#define STORYLINE_BRIEF_HEADLINE_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "brief/brief.h"

namespace storyline::brief {

// The most words a headline written from a sentence keeps.
inline constexpr std::size_t kHeadlineWords = 20;

// The story's headline: the most central fit title among `readers` (indices
// into `articles`, the articles the brief reads) that names what the story
// reports, else a weak one, else HeadlineFromSentence(lead), where `lead` is
// a sentence of the story as shown (WriteBrief() passes an article's lead,
// or the summary's first sentence); a title that names nothing the story
// reports only when there is no lead, and the most central text's first line
// when there is neither: a story with text always has a headline.
std::string WriteHeadline(std::span<const BriefArticle> articles,
                          std::span<const std::size_t> readers, std::string_view lead);

// A headline written from `sentence` (see above); "" for "".
std::string HeadlineFromSentence(std::string_view sentence);

}  // namespace storyline::brief

#endif  // STORYLINE_BRIEF_HEADLINE_H_
