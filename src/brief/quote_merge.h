// MergeQuotes(): a story's quotations across its articles for its brief
// (brief.h), merged when one contains the other or they share most word
// pairs, each shown as the part every outlet ran, with the speaker most
// articles give (canonical, text/names.h) and every outlet that ran it.
// Internal to brief/brief.cc; nothing else should include it.
//
//   text::NameGroups groups(names);  // the story's names
//   story->quotes = MergeQuotes(articles, groups, options.max_quotes);
//
// Thread-safety: a pure function of its inputs.
#ifndef STORYLINE_BRIEF_QUOTE_MERGE_H_
#define STORYLINE_BRIEF_QUOTE_MERGE_H_

#include <cstddef>
#include <span>
#include <vector>

#include "brief/brief.h"
#include "storyline/story.h"
#include "text/names.h"

namespace storyline::brief::brief_internal {

// The quotes of `articles` (copies included, each counting for its outlet)
// of five words at least, merged; at most `max`, the quotes most outlets ran
// first, then those with a speaker, then those that open like a sentence,
// then the earliest. A speaker is named as `names` names the entity. The
// result owns its strings.
std::vector<StoryQuote> MergeQuotes(std::span<const BriefArticle> articles,
                                    const text::NameGroups& names, std::size_t max);

}  // namespace storyline::brief::brief_internal

#endif  // STORYLINE_BRIEF_QUOTE_MERGE_H_
