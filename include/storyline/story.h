// Story: the engine's output, a group of articles that report one real-world
// event, with what a reader needs to grasp it.
#ifndef STORYLINE_STORY_H_
#define STORYLINE_STORY_H_

#include <optional>
#include <string>
#include <vector>

#include "storyline/article.h"

namespace storyline {

struct StoryArticle {
  std::string id;
  std::string source;
  std::string title;
  std::string url;
  std::optional<UnixSeconds> published;
  std::string duplicate_of;  // id of the article this one is a (near-)copy of; empty if original
};

struct EntityCount {
  std::string name;  // as most often written in the story, e.g. "Kim Jong Un"
  int count = 0;     // number of articles of the story that mention it
};

// A direct quotation the story's articles carry, merged across outlets.
struct StoryQuote {
  std::string text;                  // the words inside the quote marks
  std::string speaker;               // as the story names the person; "" when unknown
  std::vector<std::string> outlets;  // every outlet that ran it
};

// What one outlet reports that no other outlet of the story covers.
struct OutletFacts {
  std::string outlet;
  std::vector<std::string> sentences;
};

// One article in time order and the facts it was first to bring.
struct TimelineEntry {
  std::optional<UnixSeconds> time;
  std::string article_id;
  std::string outlet;
  std::vector<std::string> new_facts;  // sentences; empty when it added nothing new
};

// Outlets are named by the articles' `source`; an article without one is
// named by its id.
struct Story {
  std::string id;
  std::string headline;
  std::vector<std::string> summary;    // sentences, in reading order, within the word budget
  std::vector<StoryArticle> articles;  // in the order they joined the story
  std::vector<std::string> outlets;    // distinct sources, most articles first
  std::optional<UnixSeconds> first_seen;
  std::optional<UnixSeconds> last_seen;
  double score = 0;                     // importance; stories are ranked by it, highest first
  std::vector<EntityCount> entities;    // people, places, organisations; most articles first
  std::vector<StoryQuote> quotes;       // most outlets first
  std::vector<OutletFacts> only_in;     // outlets in the order of `outlets`
  std::vector<TimelineEntry> timeline;  // oldest first
};

}  // namespace storyline

#endif  // STORYLINE_STORY_H_
