// Story briefs: what a reader needs to grasp a story in ten seconds, written
// from its articles' material (brief/material.h) without any model:
//
//   headline  the most central article's title that is not clickbait and
//             names something the story reports; without one, the lead (an
//             article's first sentence) that says most of the story,
//             trimmed into a headline (brief/headline.h);
//   summary   extractive, under a word budget: sentences chosen greedily for
//             the concepts (word bigrams) they cover, each concept weighted
//             by how many articles report it, how often and how early they
//             do (the concept-coverage model of Gillick & Favre's ICSI
//             summariser); a sentence that mostly repeats chosen concepts,
//             and page furniture run into a sentence, are skipped, and
//             pages that are no report (an error page, a front page of
//             other news) are not read when the story has others;
//             ordered by article time, then position; the sentence that
//             crosses the budget is cut there with "…" and read last;
//   quotes    the articles' quotations, merged when one contains the other or
//             they share most word pairs; shown as the part every outlet
//             ran, with the speaker most articles give and every outlet;
//   entities  name variants grouped (text/names.h), counted in articles;
//   only_in   per outlet, sentences whose names, numbers and word pairs no
//             other outlet of the story has, the most specific first (a rare
//             new name outweighs several common ones; BriefOptions::prior);
//   timeline  articles oldest first, each with the facts it was first to
//             report.
//
//   std::vector<BriefArticle> in = ...;       // the story's articles
//   WriteBrief(in, {}, &story);
//
// Thread-safety: a pure function of its inputs.
#ifndef STORYLINE_BRIEF_BRIEF_H_
#define STORYLINE_BRIEF_BRIEF_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "brief/material.h"
#include "features/term_stats.h"
#include "storyline/story.h"
#include "text/names.h"

namespace storyline::brief {

struct BriefArticle {
  const ArticleMaterial* material = nullptr;  // required
  std::string_view id;
  std::string_view outlet;  // the source, or the id when the article has none
  std::string_view title;   // may be empty
  std::optional<UnixSeconds> time;
  bool duplicate = false;  // a (near-)copy of another article: counted for quotes only
  float centrality = 0;    // how central to the story (higher is more); picks the headline
  std::span<const text::NameCount> entities;  // names it mentions, with mentions
};

struct BriefOptions {
  std::size_t summary_words = 100;
  std::size_t only_in_per_outlet = 3;
  std::size_t max_quotes = 8;
  std::size_t max_entities = 12;
  std::size_t timeline_facts = 2;  // new facts listed per article
  std::size_t max_timeline = 30;   // entries; the first and last always stay
  std::size_t max_articles = 64;   // the most central originals read for summary and facts
  // The prior whose IDF (TermStats::PriorConceptIdf) tells how specific a name
  // or number is; nullptr weighs them all the same. Not owned; must outlive
  // WriteBrief calls.
  const features::TermStats* prior = nullptr;
};

// Fills story->headline, summary, quotes, entities, only_in and timeline.
// `articles` are in the order they joined the story.
void WriteBrief(std::span<const BriefArticle> articles, const BriefOptions& options, Story* story);

}  // namespace storyline::brief

#endif  // STORYLINE_BRIEF_BRIEF_H_
