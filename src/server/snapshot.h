// Snapshot: an immutable picture of the ranked stories, briefs included (the
// lower-ranked ones packed), that the server's read handlers share without
// touching the engine or any lock;
// SnapshotBuilder makes the next one, re-briefing only the stories whose
// members changed since the last (the engine's story stamps say which), so
// what a rebuild costs beyond those briefs is a few operations per story.
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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "server/packed_story.h"
#include "storyline/engine.h"
#include "storyline/status.h"
#include "storyline/story.h"

namespace storyline::server {

struct SnapshotStory {
  // The brief, built when the story's members last changed and shared
  // between snapshots; null when it is kept packed (a story ranked below the
  // builder's `full_briefs`): read it through Snapshot::StoryAt(). Its
  // `score` is the one of that time: use `score` below.
  std::shared_ptr<const Story> story;
  std::shared_ptr<const PackedStory> packed;  // set when `story` is null
  double score = 0;
  // Distinct languages of its articles, sorted; shared like `story`.
  std::shared_ptr<const std::vector<std::string>> langs;

  // What the list filters and the ids read, packed or not.
  const std::string& id() const { return story ? story->id : packed->id; }
  const std::optional<UnixSeconds>& first_seen() const {
    return story ? story->first_seen : packed->first_seen;
  }
  const std::optional<UnixSeconds>& last_seen() const {
    return story ? story->last_seen : packed->last_seen;
  }
  const std::vector<std::string>& outlets() const {
    return story ? story->outlets : packed->outlets;
  }
};

struct Snapshot {
  static constexpr std::uint32_t kNone = UINT32_MAX;

  std::uint64_t version = 0;  // writes applied when it was taken
  std::size_t articles = 0;
  std::vector<SnapshotStory> ranked;  // highest score first
  // Story id (a view of the id of a story in `ranked`) -> index in ranked.
  absl::flat_hash_map<std::string_view, std::uint32_t> rank_of;
  // Article number -> the engine's number of the story it was in when that
  // story was last built (kNone: not built yet; stale for removed articles,
  // which nobody asks about), and the engine's story number -> index in
  // ranked (kNone: not in this snapshot). RankOfArticle() reads both.
  std::vector<std::uint32_t> story_of_article;
  std::vector<std::uint32_t> rank_of_story;

  // Index in `ranked` of the story holding article number `n`, when this
  // snapshot has it. REQUIRES: `n` not removed when the snapshot was built.
  std::optional<std::size_t> RankOfArticle(std::size_t n) const {
    if (n >= story_of_article.size()) return std::nullopt;
    std::uint32_t story = story_of_article[n];
    if (story >= rank_of_story.size() || rank_of_story[story] == kNone) return std::nullopt;
    return rank_of_story[story];
  }

  // The story at `rank` with its current score (a copy only when it moved,
  // or unpacked). Fails only when a packed brief cannot be read.
  Result<std::shared_ptr<const Story>> StoryAt(std::size_t rank) const;

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
  // Stories ranked below the first `full_briefs` keep their briefs packed
  // (PackedStory, about a quarter of the memory): readers page through the
  // first few hundred, and the rest are asked for now and then. A story is
  // packed when its brief is written below that line or once it ranks at
  // twice that or lower, and unpacked when it ranks above the line again, so
  // a story moving about the line is not packed and unpacked at every build.
  static constexpr std::size_t kFullBriefs = 2000;
  explicit SnapshotBuilder(std::size_t full_briefs = kFullBriefs) : full_briefs_(full_briefs) {}

  // Maps the engine's story id to the id clients see.
  using StoryIdMap = std::function<std::string(const std::string&)>;

  // A snapshot of `engine` now. `langs[n]` is article n's language ("" when
  // unknown). Stories carry `public_id(engine id)` as their id (null: the
  // engine's). REQUIRES: langs.size() == engine.article_count().
  // `between` (when given) is called after each story briefed: the server
  // lets a waiting writer of the engine in there (docs/DESIGN.md "Live
  // server"), so the engine may have moved on from the ranking by the time a
  // later story is built; the snapshot is then briefly behind, never wrong.
  // With `threads` > 1 the briefs this build needs are written first, on
  // that many threads, and `between` is called only after all of them: the
  // engine must not change meanwhile (a server's first build, before any
  // writer exists, where every story needs its brief).
  std::shared_ptr<const Snapshot> Build(const StoryEngine& engine,
                                        const std::vector<std::string>& langs,
                                        std::uint64_t version,
                                        const StoryIdMap& public_id = nullptr,
                                        const std::function<void()>& between = nullptr,
                                        int threads = 1);

  // Stories whose brief the last Build() wrote (the others were reused).
  std::size_t last_built() const { return last_built_; }

 private:
  struct Cached {
    std::uint64_t stamp = 0;             // the engine's stamp of the story when built; 0: nothing
    std::size_t size = 0;                // its articles
    std::shared_ptr<const Story> story;  // one of these two
    std::shared_ptr<const PackedStory> packed;
    std::shared_ptr<const std::vector<std::string>> langs;
    std::uint64_t seen = 0;  // the last Build() that ranked it
  };
  // A brief written for a build: whole, or packed when its rank is below
  // full_briefs_ (its id still the engine's).
  struct Written {
    std::optional<Story> story;
    std::optional<PackedStory> packed;
  };
  Written Write(const StoryEngine& engine, const RankedStory& r, std::size_t rank) const;
  // The briefs a build needs, by rank, written on `threads` threads; empty
  // when threads <= 1 (the build then writes each as it goes).
  std::vector<Written> WriteBriefs(const StoryEngine& engine,
                                   const std::vector<RankedStory>& ranked, int threads) const;

  const std::size_t full_briefs_;
  std::vector<Cached> cache_;                    // by the engine's story number
  std::vector<std::uint32_t> story_of_article_;  // see Snapshot::story_of_article
  std::uint64_t builds_ = 0;
  std::size_t last_built_ = 0;
};

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_SNAPSHOT_H_
