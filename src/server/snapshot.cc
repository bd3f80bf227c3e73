#include "server/snapshot.h"

#include <algorithm>
#include <optional>

#include "util/parallel.h"

namespace storyline::server {

Result<std::shared_ptr<const Story>> Snapshot::StoryAt(std::size_t rank) const {
  const SnapshotStory& s = ranked[rank];
  if (s.story && s.story->score == s.score) return s.story;
  std::shared_ptr<Story> copy;
  if (s.story) {
    copy = std::make_shared<Story>(*s.story);
  } else {
    Result<Story> unpacked = UnpackStory(*s.packed);
    if (!unpacked.ok()) return unpacked.status();
    copy = std::make_shared<Story>(std::move(*unpacked));
  }
  copy->score = s.score;
  return std::shared_ptr<const Story>(std::move(copy));
}

SnapshotBuilder::Written SnapshotBuilder::Write(const StoryEngine& engine, const RankedStory& r,
                                                std::size_t rank) const {
  Written w;
  Story story = engine.BuildStory(r);
  if (rank >= full_briefs_) {
    w.packed = PackStory(story);
  } else {
    w.story = std::move(story);
  }
  return w;
}

std::vector<SnapshotBuilder::Written> SnapshotBuilder::WriteBriefs(
    const StoryEngine& engine, const std::vector<RankedStory>& ranked, int threads) const {
  std::vector<Written> written;
  if (threads <= 1) return written;
  std::vector<std::size_t> todo;  // ranks of the stories not built at their stamp
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const RankedStory& r = ranked[rank];
    if (r.number >= cache_.size() || cache_[r.number].stamp != r.stamp) todo.push_back(rank);
  }
  written.resize(ranked.size());
  ParallelFor(todo.size(), threads,
              [&](std::size_t k) { written[todo[k]] = Write(engine, ranked[todo[k]], todo[k]); });
  return written;
}

std::shared_ptr<const Snapshot> SnapshotBuilder::Build(
    const StoryEngine& engine, const std::vector<std::string>& langs, std::uint64_t version,
    const StoryIdMap& public_id, const std::function<void()>& between, int threads) {
  ++builds_;
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->version = version;
  // Stories built at their current stamp come back without members.
  std::vector<RankedStory> ranked = engine.RankStories(between, [&](const RankedStory& r) {
    return r.number < cache_.size() && cache_[r.number].stamp == r.stamp;
  });
  snapshot->ranked.reserve(ranked.size());
  std::vector<Written> written = WriteBriefs(engine, ranked, threads);
  last_built_ = 0;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const RankedStory& r = ranked[rank];
    // Between briefs, and every few hundred stories reused without one.
    if (between && rank % 256 == 255) between();
    if (cache_.size() <= r.number) cache_.resize(r.number + 1);
    Cached& entry = cache_[r.number];
    if (entry.stamp != r.stamp) {
      Written w = written.empty() ? Write(engine, r, rank) : std::move(written[rank]);
      if (w.story) {
        if (public_id) w.story->id = public_id(r.id);
        entry.story = std::make_shared<const Story>(std::move(*w.story));
        entry.packed.reset();
      } else {
        if (public_id) w.packed->id = public_id(r.id);
        entry.packed = std::make_shared<const PackedStory>(std::move(*w.packed));
        entry.story.reset();
      }
      std::vector<std::string> story_langs;
      for (std::size_t m : r.members) {
        if (m < langs.size() && !langs[m].empty()) story_langs.push_back(langs[m]);
        if (m >= story_of_article_.size()) story_of_article_.resize(m + 1, Snapshot::kNone);
        story_of_article_[m] = r.number;
      }
      std::sort(story_langs.begin(), story_langs.end());
      story_langs.erase(std::unique(story_langs.begin(), story_langs.end()), story_langs.end());
      entry.langs = std::make_shared<const std::vector<std::string>>(std::move(story_langs));
      entry.stamp = r.stamp;
      entry.size = r.members.size();
      ++last_built_;
      if (between) between();
    } else if (entry.story && rank >= 2 * full_briefs_) {
      entry.packed = std::make_shared<const PackedStory>(PackStory(*entry.story));
      entry.story.reset();
    } else if (entry.packed && rank < full_briefs_) {
      // Cannot fail on bytes PackStory() wrote; were they corrupt, the story
      // would stay packed and StoryAt() report it.
      if (Result<Story> story = UnpackStory(*entry.packed); story.ok()) {
        entry.story = std::make_shared<const Story>(std::move(*story));
        entry.packed.reset();
      }
    }
    entry.seen = builds_;
    snapshot->articles += entry.size;  // removed articles are in no story
    snapshot->ranked.push_back({entry.story, entry.packed, r.score, entry.langs});
  }
  // Stories merged away or emptied since the last build are dropped.
  for (Cached& entry : cache_) {
    if (entry.stamp != 0 && entry.seen != builds_) entry = Cached();
  }
  snapshot->rank_of_story.assign(cache_.size(), Snapshot::kNone);
  snapshot->rank_of.reserve(ranked.size());
  for (std::uint32_t rank = 0; rank < ranked.size(); ++rank) {
    snapshot->rank_of_story[ranked[rank].number] = rank;
    snapshot->rank_of.emplace(snapshot->ranked[rank].id(), rank);
  }
  snapshot->story_of_article = story_of_article_;
  return snapshot;
}

}  // namespace storyline::server
