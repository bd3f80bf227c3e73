// JSON output: stories (docs/DESIGN.md "Stories JSON") and assignments lines.
#ifndef STORYLINE_OUTPUT_JSON_WRITER_H_
#define STORYLINE_OUTPUT_JSON_WRITER_H_

#include <cstddef>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/page.h"
#include "storyline/story.h"

namespace storyline::output {

// Writes stories as one pretty-printed JSON array, one story at a time:
//
//   StoriesJsonWriter w(out);
//   engine.VisitStories([&](const Story& s) { w.Add(s); });
//   w.Finish();
//
// `out` must outlive the writer. Not thread-safe.
class StoriesJsonWriter {
 public:
  explicit StoriesJsonWriter(std::ostream& out) : out_(out) {}
  void Add(const Story& story);
  void Finish();  // closes the array; call once

 private:
  std::ostream& out_;
  bool first_ = true;
};

// One story as a JSON object, the shape of one element of the stories array
// (`storyline brief`). With `max_articles`, `articles` lists only the first
// that many (in the story's order); `size` still counts them all.
void WriteStoryJson(const Story& story, std::ostream& out,
                    std::size_t max_articles = std::numeric_limits<std::size_t>::max());

// One line: {"id": <id>, "story": <story>}.
void WriteAssignmentLine(std::string_view id, std::string_view story, std::ostream& out);

// One line of `storyline extract`: {"id","url","title","text","published",
// "modified","byline","site","lang"}; unknown dates are null.
void WritePageLine(std::string_view id, const extract::ExtractedPage& page, std::ostream& out);

}  // namespace storyline::output

#endif  // STORYLINE_OUTPUT_JSON_WRITER_H_
