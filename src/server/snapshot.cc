#include "server/snapshot.h"

#include <algorithm>

namespace storyline::server {

std::shared_ptr<const Story> Snapshot::StoryAt(std::size_t rank) const {
  const SnapshotStory& s = ranked[rank];
  if (s.story->score == s.score) return s.story;
  auto copy = std::make_shared<Story>(*s.story);
  copy->score = s.score;
  return copy;
}

std::shared_ptr<const Snapshot> SnapshotBuilder::Build(const StoryEngine& engine,
                                                       const std::vector<std::string>& langs,
                                                       std::uint64_t version,
                                                       const StoryIdMap& public_id,
                                                       const std::function<void()>& between) {
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->version = version;
  snapshot->story_of_article.assign(engine.article_count(), 0);
  std::vector<RankedStory> ranked = engine.RankStories(between);
  snapshot->ranked.reserve(ranked.size());
  snapshot->rank_of.reserve(ranked.size());

  absl::flat_hash_map<std::string, Cached> next;
  next.reserve(ranked.size());
  last_built_ = 0;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    RankedStory& r = ranked[rank];
    // Between briefs, and every few hundred stories reused without one.
    if (between && rank % 256 == 255) between();
    Cached entry;
    auto it = cache_.find(r.id);
    if (it != cache_.end() && it->second.members == r.members) {
      entry = std::move(it->second);
    } else {
      Story story = engine.BuildStory(r);
      if (public_id) story.id = public_id(r.id);
      entry.story = std::make_shared<const Story>(std::move(story));
      for (std::size_t m : r.members) {
        if (m < langs.size() && !langs[m].empty()) entry.langs.push_back(langs[m]);
      }
      std::sort(entry.langs.begin(), entry.langs.end());
      entry.langs.erase(std::unique(entry.langs.begin(), entry.langs.end()), entry.langs.end());
      entry.members = std::move(r.members);
      ++last_built_;
      if (between) between();
    }
    for (std::size_t m : entry.members) {
      if (m < snapshot->story_of_article.size()) {
        snapshot->story_of_article[m] = static_cast<std::uint32_t>(rank);
      }
    }
    snapshot->articles += entry.members.size();  // removed articles are in no story
    snapshot->ranked.push_back({entry.story, r.score, entry.langs});
    snapshot->rank_of.emplace(entry.story->id, rank);
    next.emplace(std::move(r.id), std::move(entry));
  }
  cache_ = std::move(next);  // stories merged away are dropped
  return snapshot;
}

}  // namespace storyline::server
