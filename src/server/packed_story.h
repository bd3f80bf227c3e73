// PackedStory: a story's brief kept deflated, for the stories a server
// holds but rarely shows. Of a 200,000-article stream's 66,699 stories a
// reader pages through the first few hundred; the rest are asked for by a
// filter, a search or a link now and then, and their briefs held whole were
// most of the server's heap (docs/DESIGN.md, "Live server"). A packed story
// keeps whole only what the list filters read.
//
//   PackedStory p = PackStory(story);     // about a quarter of its size
//   Result<Story> back = UnpackStory(p);  // the same story, field for field
//
// Thread-safety: a PackedStory is a value; unpack it from any thread.
#ifndef STORYLINE_SERVER_PACKED_STORY_H_
#define STORYLINE_SERVER_PACKED_STORY_H_

#include <optional>
#include <string>
#include <vector>

#include "storyline/status.h"
#include "storyline/story.h"

namespace storyline::server {

struct PackedStory {
  // The story's id (settable: a server gives its own), and copies of the
  // fields that GET /stories filters read.
  std::string id;
  std::optional<UnixSeconds> first_seen, last_seen;
  std::vector<std::string> outlets;
  std::string bytes;  // every other field of the Story, in binary, deflated
};

PackedStory PackStory(const Story& story);

// The story `packed` was made from. Fails only on bytes that PackStory()
// did not write (corrupt memory), naming the story.
Result<Story> UnpackStory(const PackedStory& packed);

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_PACKED_STORY_H_
