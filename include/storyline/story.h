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

struct Story {
  std::string id;
  std::string headline;
  std::vector<std::string> summary;    // sentences
  std::vector<StoryArticle> articles;  // in the order they joined the story
  std::vector<std::string> outlets;    // distinct sources, most articles first
  std::optional<UnixSeconds> first_seen;
  std::optional<UnixSeconds> last_seen;
  double score = 0;  // importance; stories are ranked by it, highest first
  std::vector<EntityCount> entities;
};

}  // namespace storyline

#endif  // STORYLINE_STORY_H_
