// Story headlines: the title of one of the story's articles when one is fit
// to head it, else one written from the summary's first sentence.
//
//   A title is fit unless it is page furniture (navigation, markup: never
//   shown) or weak (clickbait, cut off, a dateline's lead, a quotation's
//   opening, one or two words: used only when no fit title is left); and it
//   must name what the story reports (at least half its content words in the
//   text of the articles the brief reads), which a site's or section's name
//   in the title field ("Taipei Times", "Personal Finance") does not.
//
//   Written from a sentence, a headline is the sentence trimmed the way a
//   copy editor trims a lead into a headline (after Dorr, Zajic and
//   Schwartz's Hedge Trimmer, 2003, with word lists where they parse):
//   without the day it happened ("on Tuesday"), a trailing attribution
//   (", according to Reuters", ", police said"), "that" after "said" and the
//   full stop; then, when still longer than a headline, cut at the last
//   clause or phrase boundary (a comma, "after", "which", "in", ...) that
//   leaves enough of it, or after kHeadlineWords words with "…".
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
// the summary's first sentence as shown; a title that names nothing the story
// reports only when there is no lead, and the most central text's first line
// when there is neither: a story with text always has a headline.
std::string WriteHeadline(std::span<const BriefArticle> articles,
                          std::span<const std::size_t> readers, std::string_view lead);

// A headline written from `sentence` (see above); "" for "".
std::string HeadlineFromSentence(std::string_view sentence);

}  // namespace storyline::brief

#endif  // STORYLINE_BRIEF_HEADLINE_H_
