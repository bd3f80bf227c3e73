// Snapshot: an immutable picture of the ranked stories, briefs included, that
// the server's read handlers share without touching the engine or any lock;
// SnapshotBuilder makes the next one, re-briefing only the stories whose
// members changed since the last.
//
//   SnapshotBuilder builder;
//   std::shared_ptr<const Snapshot> s = builder.Build(engine, langs, version);
//   published.store(s);               // readers: published.load()->ranked ...
//
// Thread-safety: a Snapshot is immutable, read it from any thread. Build()
// reads the engine, so it runs where Add() runs (the ingest thread), never
// concurrently with Add().
#ifndef STORYLINE_SERVER_SNAPSHOT_H_
#define STORYLINE_SERVER_SNAPSHOT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storyline/engine.h"
#include "storyline/story.h"

namespace storyline::server {

struct SnapshotStory {
  // Built when the story's members last changed; shared between snapshots.
  // Its `score` is the one of that time: use `score` below.
  std::shared_ptr<const Story> story;
  double score = 0;
  std::vector<std::string> langs;  // distinct languages of its articles, sorted
};

struct Snapshot {
  std::uint64_t version = 0;  // writes applied when it was taken
  std::size_t articles = 0;
  std::vector<SnapshotStory> ranked;                      // highest score first
  absl::flat_hash_map<std::string, std::size_t> rank_of;  // story id -> index in ranked
  std::vector<std::uint32_t> story_of_article;            // article number -> index in ranked

  // The story at `rank` with its current score (a copy only when it moved).
  std::shared_ptr<const Story> StoryAt(std::size_t rank) const;

  // The answer to the most asked read (GET /stories with no parameters),
  // made by `make` on the first call and shared by every later one.
  const std::string& FrontPage(const std::function<std::string()>& make) const {
    std::call_once(front_page_once_, [&] { front_page_ = make(); });
    return front_page_;
  }
  // The same answer gzip-compressed, for clients that accept it, made by
  // `make` on the first call and shared likewise.
  const std::string& FrontPageGzip(const std::function<std::string()>& make) const {
    std::call_once(front_page_gzip_once_, [&] { front_page_gzip_ = make(); });
    return front_page_gzip_;
  }

 private:
  mutable std::once_flag front_page_once_, front_page_gzip_once_;
  mutable std::string front_page_, front_page_gzip_;
};

class SnapshotBuilder {
 public:
  // Maps the engine's story id to the id clients see.
  using StoryIdMap = std::function<std::string(const std::string&)>;

  // A snapshot of `engine` now. `langs[n]` is article n's language ("" when
  // unknown). Stories carry `public_id(engine id)` as their id (null: the
  // engine's). REQUIRES: langs.size() == engine.article_count().
  // `between` (when given) is called after each story briefed: the server
  // lets a waiting writer of the engine in there (docs/DESIGN.md "Live
  // server"), so the engine may have moved on from the ranking by the time a
  // later story is built; the snapshot is then briefly behind, never wrong.
  std::shared_ptr<const Snapshot> Build(const StoryEngine& engine,
                                        const std::vector<std::string>& langs,
                                        std::uint64_t version,
                                        const StoryIdMap& public_id = nullptr,
                                        const std::function<void()>& between = nullptr);

  // Stories whose brief the last Build() wrote (the others were reused).
  std::size_t last_built() const { return last_built_; }

 private:
  struct Cached {
    std::vector<std::size_t> members;
    std::shared_ptr<const Story> story;
    std::vector<std::string> langs;
  };
  absl::flat_hash_map<std::string, Cached> cache_;  // engine story id -> last build
  std::size_t last_built_ = 0;
};

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_SNAPSHOT_H_
