// StoryService: the live engine behind the HTTP server. It owns a StoryEngine
// and an ArticleStore; one ingest thread is the engine's single writer. Writes
// are prepared on the caller's thread, queued, stored in one group commit with
// everything else queued, added to the engine, and only then answered. Reads
// go to an immutable Snapshot of the ranked stories, rebuilt after writes at
// most every `snapshot_interval` (only changed stories are re-briefed) by a
// publisher thread, beside the ingest thread's commits.
//
//   auto service = StoryService::Open({.db_path = "storyline.db"});
//   SubmitResult r = (*service)->Submit(std::move(articles));  // blocks until durable
//   (*service)->SubmitAsync(std::move(articles), {}, [](SubmitResult r) {...});  // returns at once
//   std::shared_ptr<const Snapshot> s = (*service)->snapshot();  // never blocks on writes
//
// Thread-safety: every public member may be called from any thread.
#ifndef STORYLINE_SERVER_STORY_SERVICE_H_
#define STORYLINE_SERVER_STORY_SERVICE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "server/metrics.h"
#include "server/snapshot.h"
#include "store/article_store.h"
#include "storyline/engine.h"
#include "util/waiting_writers.h"

namespace storyline::server {

struct ServiceOptions {
  std::string db_path = "storyline.db";
  EngineOptions engine;
  // Longest a write waits before GET sees it (a rebuild may take longer under
  // load). Zero: every write is in the snapshot before it is answered.
  std::chrono::milliseconds snapshot_interval{200};
};

// The outcome of one Submit(): per article, in the order given.
struct SubmitResult {
  Status status;  // non-OK: nothing of this submission was stored
  struct Added {
    std::size_t index;  // position in the submission
    std::string id;
    std::string story;  // the story it joined, as of its acknowledgement
  };
  std::vector<Added> added;
  struct Refused {
    std::size_t index;
    Status why;
  };
  std::vector<Refused> refused;
};

// What GET /articles/{id} shows.
struct ArticleView {
  store::StoredArticle stored;
  std::string story;  // "" when not yet in the snapshot
};

// A story that a full-text search found: its index in Snapshot::ranked and
// the BM25 relevance of its best matching article (higher is better).
struct StoryMatch {
  std::size_t rank;
  double relevance;
};

class StoryService {
 public:
  // Opens the store, replays it into a fresh engine (Add in arrival order, as
  // when they were written, from the stored analysis; Prepare again only
  // when there is none this build can read) and starts the ingest thread. Fails when the store or
  // the prior cannot be opened.
  static Result<std::unique_ptr<StoryService>> Open(const ServiceOptions& options);
  ~StoryService();  // stops the ingest thread; queued writes are refused

  // Prepares (on this thread), stores and adds `articles`; returns when they
  // are durable. An article that cannot be prepared, or whose id is known or
  // repeated, is refused on its own; the rest are stored. `expires` (Unix
  // seconds) is kept with each article.
  SubmitResult Submit(std::vector<Article> articles,
                      std::optional<UnixSeconds> expires = std::nullopt);

  // Removes the article `id` from the store and its story; returns once the
  // deletion is durable. NotFound when no such article is stored.
  Status Remove(const std::string& id);

  // The same three writes without waiting: the article is prepared on this
  // thread, then `done` runs once with the outcome, on the ingest thread
  // (or on this one, when nothing was left to store). `done` must be quick
  // and must not call back into the service's writes. The HTTP server uses
  // these, so that no thread sits waiting for a commit.
  using Done = std::function<void(SubmitResult)>;
  void SubmitAsync(std::vector<Article> articles, std::optional<UnixSeconds> expires, Done done);
  void ReplaceAsync(Article article, std::optional<UnixSeconds> expires, Done done);
  void RemoveAsync(const std::string& id, Done done);

  // Creates or replaces the article with `article.id`: the stored one (if
  // any) is removed and this one added, in one durable commit. The new
  // version joins whichever story it fits now. Refusals as Submit().
  SubmitResult Replace(Article article, std::optional<UnixSeconds> expires = std::nullopt);

  // The latest snapshot. Cheap; never waits for writes.
  std::shared_ptr<const Snapshot> snapshot() const { return snapshot_.load(); }

  // Called with every snapshot as it is published, on the thread that
  // publishes it, before readers get it (the HTTP server makes its front
  // page there). Null: nothing. Once this returns, the previous hook is not
  // running and will not run again.
  void set_on_publish(std::function<void(const Snapshot&)> hook);

  // The story that `id` names now: itself, or for a story since merged, the
  // story that holds its first article. nullopt when unknown.
  std::optional<std::size_t> FindStory(const Snapshot& snapshot, const std::string& id) const;

  // The stories of `snapshot` holding articles that match `query` (plain
  // words, all required; ArticleStore::Search()), most relevant first: a
  // story ranks by its best article's BM25. Only the kMaxSearchHits best
  // articles are considered.
  static constexpr std::size_t kMaxSearchHits = 10000;
  Result<std::vector<StoryMatch>> SearchStories(const Snapshot& snapshot,
                                                std::string_view query) const;

  // The stored article and its story; NotFound when unknown.
  Result<ArticleView> GetArticle(const std::string& id) const;

  Metrics& metrics() { return metrics_; }
  std::size_t replayed() const { return replayed_; }
  // Of those, how many had to be analysed again (no stored analysis this
  // build can read: stored by an older storyline, or by another format).
  std::size_t reanalysed() const { return reanalysed_; }

 private:
  struct Pending;
  explicit StoryService(const ServiceOptions& options);
  Status Restore();
  // Prepares `article` (the `index`th of its submission) into an item of
  // `pending`: what was received, the text to index, the analysis. Any
  // thread.
  Status PrepareItem(std::size_t index, Article article, Pending* pending) const;
  // Queues `pending` for the ingest thread, which calls `done` once it has
  // applied it (or refused it, at shutdown).
  void Enqueue(std::shared_ptr<Pending> pending, Done done);
  // Enqueue() and wait for the outcome.
  static SubmitResult Wait(const std::function<void(Done)>& start);
  void IngestLoop();
  void Apply(const std::vector<std::shared_ptr<Pending>>& group);
  // The publisher thread: rebuilds after writes, at most every
  // snapshot_interval (counted from the end of the last rebuild); at stop,
  // indexes what is left.
  void PublishLoop();
  // Tells the publisher that writes were applied.
  void MarkChanged();
  // IndexPending() and Publish(), timed.
  void Rebuild();
  // A new snapshot of the engine (under engine_mu_ shared). With `threads`
  // > 1 its briefs are written on that many threads, without letting writers
  // in (the first snapshot, before the ingest thread starts).
  void Publish(int threads = 1);
  // Writes unindexed_ to the store's search file: search rows, the engine's
  // analyses and the story ids the articles were answered with.
  void IndexPending();
  std::size_t UnindexedRows();
  // Rows waiting for the search file at which a rebuild writes them between
  // two briefs instead of after the snapshot.
  static constexpr std::size_t kIndexBetweenBriefs = 2048;
  // The id clients see for engine story `engine_id`, given on first sight:
  // `wanted` (the id a replayed article was answered with) when no other
  // story has it, else the next fresh "s<N>". REQUIRES: engine_mu_ held
  // (shared is enough: only the one thread that publishes reads it shared).
  const std::string& PublicStory(const std::string& engine_id, const std::string& wanted = "");
  // Removes the articles whose time to live ran out by `now` (store and
  // engine, one commit); returns whether any was removed.
  bool ExpireDue(UnixSeconds now);
  // Takes articles `numbers` out of the engine and the id maps.
  // REQUIRES: their store rows are deleted; ids_mu_ held for writing.
  void Forget(const std::vector<std::uint32_t>& numbers);

  const ServiceOptions options_;
  // The engine is written by the ingest thread (Add, Remove) under
  // engine_mu_ held exclusively, and read by the publisher thread under it
  // shared, so a snapshot rebuild (briefs, ranking) runs beside the ingest
  // thread's commits instead of between them. So are the members below
  // that a rebuild reads: version_, langs_ and the public story ids.
  mutable std::shared_mutex engine_mu_;
  WaitingWriters engine_writers_;  // the publisher lets them in between briefs
  std::unique_ptr<StoryEngine> engine_;
  std::unique_ptr<store::ArticleStore> store_;
  std::int64_t batch_ = 0;          // last group commit number
  std::uint64_t version_ = 0;       // writes applied
  std::vector<std::string> langs_;  // per article number
  // (expires, article number), soonest first; entries of articles removed
  // since are skipped when they come due. Ingest thread only.
  std::priority_queue<std::pair<UnixSeconds, std::uint32_t>,
                      std::vector<std::pair<UnixSeconds, std::uint32_t>>, std::greater<>>
      expiry_;
  // Story ids as clients see them. The engine numbers its stories in the
  // order it makes them, so a replay without the deleted articles would
  // number them otherwise; these ids stay (docs/DESIGN.md "Live server").
  // Under engine_mu_ (PublicStory()).
  absl::flat_hash_map<std::string, std::string> public_story_;  // engine id -> public
  absl::flat_hash_set<std::string> public_used_;                // every public id given
  std::uint64_t next_story_ = 1;                                // next fresh "s<N>"
  // Stored articles (seq, title, search_text, prepared, story) waiting for
  // ArticleStore::WriteDerived(), which takes them many at a time with each
  // snapshot rebuild.
  std::mutex unindexed_mu_;
  std::vector<store::StoredArticle> unindexed_;  // GUARDED_BY(unindexed_mu_)
  SnapshotBuilder builder_;
  std::mutex on_publish_mu_;
  std::function<void(const Snapshot&)> on_publish_;  // GUARDED_BY(on_publish_mu_)
  std::atomic<std::shared_ptr<const Snapshot>> snapshot_;
  std::size_t replayed_ = 0;
  std::size_t reanalysed_ = 0;
  Metrics metrics_;

  // Article id -> engine number, and story id -> the first article it was
  // given for (so a merged story's id still finds its story).
  mutable std::shared_mutex ids_mu_;
  absl::flat_hash_map<std::string, std::uint32_t> number_of_id_;  // GUARDED_BY(ids_mu_)
  absl::flat_hash_map<std::string, std::uint32_t> story_alias_;   // GUARDED_BY(ids_mu_)

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<std::shared_ptr<Pending>> queue_;  // GUARDED_BY(queue_mu_)
  bool stopping_ = false;                       // GUARDED_BY(queue_mu_)
  std::thread ingest_;

  std::mutex publish_mu_;
  std::condition_variable publish_cv_;
  bool changed_ = false;           // GUARDED_BY(publish_mu_)
  bool publish_stopping_ = false;  // GUARDED_BY(publish_mu_)
  std::thread publisher_;          // none when snapshot_interval is 0
};

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_STORY_SERVICE_H_
