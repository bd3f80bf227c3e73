// The facts of a story's brief (brief.h): OnlyIn() lists, per outlet, the
// sentences whose names, numbers and word pairs no other outlet of the story
// has; Timeline() lists the articles oldest first, each with the facts it was
// first to report. A fact is a sentence of mostly new word pairs that names
// at least one new name or number; the most specific come first (a rare new
// name outweighs several common ones; BriefOptions::prior). Internal to
// brief/brief.cc; nothing else should include it.
//
//   std::vector<std::size_t> readers = ...;  // the articles the brief reads
//   OnlyIn(articles, readers, options.only_in_per_outlet, options.prior, story);
//   Timeline(articles, readers, options, story);
//
// Thread-safety: pure functions of their inputs.
#ifndef STORYLINE_BRIEF_FACTS_H_
#define STORYLINE_BRIEF_FACTS_H_

#include <cstddef>
#include <span>
#include <vector>

#include "brief/brief.h"
#include "features/term_stats.h"
#include "storyline/story.h"

namespace storyline::brief::brief_internal {

// Appends to story->only_in, for each outlet of the articles `readers`
// (indexes into `articles`) that has any, at most `per_outlet` facts no other
// of those outlets reports, the outlets in the order of story->outlets, then
// the others; nothing when the readers come from fewer than two outlets.
// `prior` may be null (every name weighs the same).
void OnlyIn(std::span<const BriefArticle> articles, const std::vector<std::size_t>& readers,
            std::size_t per_outlet, const features::TermStats* prior, Story* story);

// Sets story->timeline: the articles `readers` oldest first, each with
// options.timeline_facts facts no earlier one reported (the first with its
// lead), cut to options.max_timeline entries keeping the first, the last and
// those that added facts; leaves it as it is for fewer than two readers.
void Timeline(std::span<const BriefArticle> articles, const std::vector<std::size_t>& readers,
              const BriefOptions& options, Story* story);

}  // namespace storyline::brief::brief_internal

#endif  // STORYLINE_BRIEF_FACTS_H_
