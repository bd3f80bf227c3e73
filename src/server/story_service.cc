#include "server/story_service.h"

#include <pthread.h>

#include <algorithm>
#include <iostream>

#include "absl/container/flat_hash_set.h"
#include "extract/read_article.h"
#include "util/parallel.h"
#include "util/time.h"

namespace storyline::server {
namespace {

// Where an article goes in publication order, as the batch runner places it:
// undated first, then by PlacingTime().
bool EarlierForAdding(const std::optional<UnixSeconds>& a, const std::optional<UnixSeconds>& b) {
  if (!a || !b) return !a && b;
  return *a < *b;
}

// Stored articles are prepared this many at a time, on all cores, at start.
constexpr std::size_t kReplayChunk = 512;

int AllCores() { return static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

// What the search index holds as an article's body, given the text as sent
// and as written once read (extract::ReadArticleSource(): an HTML page's
// extracted text, a markup text's text, references decoded): "" when that is
// the text as sent, which the index then reads.
std::string SearchText(const std::string& sent, std::string source) {
  return source == sent ? std::string() : std::move(source);
}

}  // namespace

struct StoryService::Pending {
  struct Item {
    std::size_t index;  // in the submission
    std::string text;   // as received, for the store
    std::string html;
    std::string search_text;  // SearchText(): the text as written; empty: `text` is indexed
    PreparedArticle prepared;
    std::string bytes;  // prepared.Serialize(), for the store
  };
  std::vector<Item> items;
  std::vector<std::string> removals;  // ids removed in the same commit, before `items` are added
  bool must_exist = false;  // removing an unknown id is NotFound (DELETE), not nothing (PUT)
  std::optional<UnixSeconds> expires;
  SubmitResult result;
  Done done;  // called once, with `result`
};

StoryService::StoryService(const ServiceOptions& options) : options_(options) {}

StoryService::~StoryService() {
  {
    std::lock_guard<std::mutex> lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (ingest_.joinable()) ingest_.join();
  {
    std::lock_guard<std::mutex> lock(publish_mu_);
    publish_stopping_ = true;
  }
  publish_cv_.notify_all();
  if (publisher_.joinable()) publisher_.join();
}

Result<std::unique_ptr<StoryService>> StoryService::Open(const ServiceOptions& options) {
  ServiceOptions removable = options;
  removable.engine.removable = true;  // DELETE, PUT and expiry take articles out
  std::unique_ptr<StoryService> service(new StoryService(removable));
  auto engine = StoryEngine::Create(removable.engine);
  if (!engine.ok()) return engine.status();
  service->engine_ = std::move(*engine);
  auto store = store::ArticleStore::Open(options.db_path);
  if (!store.ok()) return store.status();
  service->store_ = std::move(*store);
  STORYLINE_RETURN_IF_ERROR(service->Restore());
  // Every restored story needs its brief: on all cores, as the replay's
  // preparation is.
  service->Publish(AllCores());
  service->ingest_ = std::thread([s = service.get()] {
    pthread_setname_np(pthread_self(), "sl-ingest");  // for top -H and perf
    s->IngestLoop();
  });
  if (options.snapshot_interval.count() > 0) {
    service->publisher_ = std::thread([s = service.get()] {
      pthread_setname_np(pthread_self(), "sl-publish");
      s->PublishLoop();
    });
  }
  return service;
}

Status StoryService::Restore() {
  // Articles the search index lacks (stored before it existed, or not yet
  // indexed when the server stopped) are indexed here, where they are
  // prepared anyway: an HTML page's text exists only once extracted, so
  // only those pages are extracted again.
  std::size_t unindexed = 0;
  auto last_story = store_->LastStoryNumber();
  if (!last_story.ok()) return last_story.status();
  next_story_ = *last_story + 1;  // fresh ids never take one a stored article was given
  Status indexed;
  std::vector<store::StoredArticle> chunk;
  std::vector<std::uint32_t> batch_members;  // added from the batch being replayed
  std::int64_t current_batch = 0;
  std::atomic<std::size_t> reanalysed{0};
  // Ends a stored group commit the way it ended live: note the story each
  // of its articles was acknowledged with.
  auto end_batch = [&] {
    if (batch_members.empty()) return;
    for (std::uint32_t n : batch_members) {
      story_alias_.try_emplace(PublicStory(engine_->StoryOf(n)), n);
    }
    batch_members.clear();
  };
  auto flush = [&] {
    std::vector<std::optional<PreparedArticle>> prepared(chunk.size());
    std::vector<std::string> remade(chunk.size());  // analyses made again, serialised
    ParallelFor(chunk.size(), AllCores(), [&](std::size_t i) {
      // The stored analysis when this build can read it; else the article is
      // prepared again from what was received.
      PreparedArticle from_bytes;
      const bool parsed =
          !chunk[i].prepared.empty() && PreparedArticle::Parse(chunk[i].prepared, &from_bytes);
      if (parsed && chunk[i].indexed) {
        prepared[i] = std::move(from_bytes);
        return;
      }
      // The search index wants the text as written (SearchText()).
      Article article = chunk[i].article;
      std::string source;
      if (parsed) {
        prepared[i] = std::move(from_bytes);
        // Restored either way; a text that can no longer be read is
        // indexed as it was sent (below).
        if (!extract::ReadArticleSource(&article).ok()) return;
        source = std::move(article.text);
      } else {
        auto p = engine_->Prepare(std::move(article), chunk[i].indexed ? nullptr : &source);
        if (p.ok()) {
          remade[i] = p->Serialize();
          prepared[i] = std::move(*p);
        }
        reanalysed.fetch_add(1, std::memory_order_relaxed);
      }
      if (!chunk[i].indexed) {
        chunk[i].search_text = SearchText(chunk[i].article.text, std::move(source));
      }
    });
    // What this start derived again (search rows, analyses) is kept, so the
    // next start need not.
    std::vector<store::StoredArticle> derived;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const store::StoredArticle& row = chunk[i];
      if (row.indexed && remade[i].empty()) continue;
      store::StoredArticle& d = derived.emplace_back();
      d.seq = row.seq;
      d.story = row.story;
      d.prepared = std::move(remade[i]);
      if (!row.indexed) {
        d.article.title = row.article.title;
        d.search_text = row.search_text.empty() ? row.article.text : row.search_text;
        ++unindexed;
      }
    }
    if (!derived.empty() && indexed.ok()) indexed = store_->WriteDerived(derived);
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const store::StoredArticle& row = chunk[i];
      if (row.batch != current_batch) end_batch();
      current_batch = row.batch;
      if (!prepared[i]) {
        // Only when the analysis changed since the article was stored.
        std::cerr << "storyline: stored article " << row.article.id
                  << " no longer has article text; left out\n";
        continue;
      }
      std::string lang = prepared[i]->article().lang;
      auto n = static_cast<std::uint32_t>(engine_->Add(std::move(*prepared[i])));
      // A story the replay makes takes the id its first article was
      // answered with, whatever the engine numbers it now.
      PublicStory(engine_->StoryOf(n), row.story);
      langs_.push_back(std::move(lang));
      number_of_id_[row.article.id] = n;
      if (row.expires) expiry_.push({*row.expires, n});
      batch_members.push_back(n);
      ++replayed_;
    }
    chunk.clear();
  };
  // Articles that expired while the server was down are not replayed, and
  // are deleted once the replay is done.
  const UnixSeconds now = NowSeconds();
  std::vector<std::string> expired;
  Status s = store_->Replay([&](store::StoredArticle row) {
    if (row.expires && *row.expires < now) {
      expired.push_back(std::move(row.article.id));
      return;
    }
    chunk.push_back(std::move(row));
    if (chunk.size() >= kReplayChunk) flush();
  });
  flush();
  end_batch();
  reanalysed_ = reanalysed.load();
  STORYLINE_RETURN_IF_ERROR(s);
  STORYLINE_RETURN_IF_ERROR(indexed);
  if (unindexed > 0) {
    std::cerr << "storyline: indexed " << unindexed << " stored articles for search\n";
  }
  if (!expired.empty()) {
    std::vector<store::StoredArticle> none;
    STORYLINE_RETURN_IF_ERROR(store_->Append(&none, expired));
  }
  auto last = store_->LastBatch();
  if (!last.ok()) return last.status();
  batch_ = *last;
  version_ = static_cast<std::uint64_t>(batch_);
  return Status::Ok();
}

Status StoryService::PrepareItem(std::size_t index, Article article, Pending* pending) const {
  std::string text = article.text, html = article.html, source;
  auto prepared = engine_->Prepare(std::move(article), &source);
  if (!prepared.ok()) return prepared.status();
  std::string search_text = SearchText(text, std::move(source));
  std::string bytes = prepared->Serialize();
  pending->items.push_back({index, std::move(text), std::move(html), std::move(search_text),
                            std::move(*prepared), std::move(bytes)});
  return Status::Ok();
}

void StoryService::SubmitAsync(std::vector<Article> articles, std::optional<UnixSeconds> expires,
                               Done done) {
  auto pending = std::make_shared<Pending>();
  pending->expires = expires;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    Status s = PrepareItem(i, std::move(articles[i]), pending.get());
    if (!s.ok()) pending->result.refused.push_back({i, std::move(s)});
  }
  Enqueue(std::move(pending), std::move(done));
}

void StoryService::RemoveAsync(const std::string& id, Done done) {
  auto pending = std::make_shared<Pending>();
  pending->removals.push_back(id);
  pending->must_exist = true;
  Enqueue(std::move(pending), std::move(done));
}

void StoryService::ReplaceAsync(Article article, std::optional<UnixSeconds> expires, Done done) {
  auto pending = std::make_shared<Pending>();
  pending->expires = expires;
  pending->removals.push_back(article.id);
  Status s = PrepareItem(0, std::move(article), pending.get());
  if (!s.ok()) {
    pending->result.refused.push_back({0, std::move(s)});
    pending->removals.clear();  // a refused replacement leaves the stored article
  }
  Enqueue(std::move(pending), std::move(done));
}

SubmitResult StoryService::Submit(std::vector<Article> articles,
                                  std::optional<UnixSeconds> expires) {
  return Wait([&](Done done) { SubmitAsync(std::move(articles), expires, std::move(done)); });
}

Status StoryService::Remove(const std::string& id) {
  return Wait([&](Done done) { RemoveAsync(id, std::move(done)); }).status;
}

SubmitResult StoryService::Replace(Article article, std::optional<UnixSeconds> expires) {
  return Wait([&](Done done) { ReplaceAsync(std::move(article), expires, std::move(done)); });
}

SubmitResult StoryService::Wait(const std::function<void(Done)>& start) {
  std::promise<SubmitResult> outcome;
  std::future<SubmitResult> answered = outcome.get_future();
  start([&outcome](SubmitResult r) { outcome.set_value(std::move(r)); });
  return answered.get();
}

void StoryService::Enqueue(std::shared_ptr<Pending> pending, Done done) {
  if (pending->items.empty() && pending->removals.empty()) {
    metrics_.CountRejected(pending->result.refused.size());
    done(std::move(pending->result));
    return;
  }
  {
    std::lock_guard<std::mutex> lock(queue_mu_);
    if (!stopping_) {
      pending->done = std::move(done);
      queue_.push_back(std::move(pending));
    }
  }
  if (pending == nullptr) {  // queued
    queue_cv_.notify_one();
    return;
  }
  pending->result.status = Status::Internal("the server is shutting down");
  done(std::move(pending->result));
}

void StoryService::IngestLoop() {
  // With a snapshot interval, rebuilds (search indexing, briefs of what
  // changed, ranking) run on the publisher thread and a write is answered
  // once it is durable and in the engine. With none, this thread rebuilds
  // after every group, before answering it.
  const bool visible_before_answer = options_.snapshot_interval.count() == 0;
  for (;;) {
    std::vector<std::shared_ptr<Pending>> group;
    {
      std::unique_lock<std::mutex> lock(queue_mu_);
      // Wakes at least every second to remove expired articles.
      queue_cv_.wait_for(lock, std::chrono::seconds(1),
                         [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) {
        for (auto& p : queue_) {
          p->result.status = Status::Internal("the server is shutting down");
          p->done(std::move(p->result));
        }
        queue_.clear();
        if (visible_before_answer) IndexPending();  // else the publisher's last act
        return;
      }
      for (auto& p : queue_) group.push_back(std::move(p));
      queue_.clear();
    }
    bool changed = false;
    if (!group.empty()) {
      Apply(group);
      changed = true;
    }
    if (ExpireDue(NowSeconds())) changed = true;
    if (changed && visible_before_answer) Rebuild();
    if (changed && !visible_before_answer) MarkChanged();
    for (auto& p : group) p->done(std::move(p->result));
  }
}

void StoryService::MarkChanged() {
  {
    std::lock_guard<std::mutex> lock(publish_mu_);
    changed_ = true;
  }
  publish_cv_.notify_one();
}

void StoryService::PublishLoop() {
  // The interval counts from the end of the last rebuild. (A gap
  // proportional to the rebuild's length ran away: a rebuild's cost grows
  // with what arrived since the last, so longer gaps made longer rebuilds.)
  auto next_build = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(publish_mu_);
  for (;;) {
    publish_cv_.wait(lock, [&] { return publish_stopping_ || changed_; });
    if (!publish_stopping_) {
      publish_cv_.wait_until(lock, next_build, [&] { return publish_stopping_; });
    }
    if (publish_stopping_) break;
    changed_ = false;
    lock.unlock();
    Rebuild();
    next_build = std::chrono::steady_clock::now() + options_.snapshot_interval;
    lock.lock();
  }
  lock.unlock();
  IndexPending();  // what was acknowledged since the last rebuild
}

void StoryService::Rebuild() {
  auto start = std::chrono::steady_clock::now();
  IndexPending();
  Publish();
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  metrics_.ObserveSnapshot(took.count());
}

void StoryService::Apply(const std::vector<std::shared_ptr<Pending>>& group) {
  struct Ref {
    Pending* pending;
    std::size_t item;
    std::optional<UnixSeconds> time;
  };
  std::vector<Ref> refs;
  // Removals first (DELETE, and PUT's old version): each known id once.
  std::vector<std::string> removed_ids;
  std::vector<std::uint32_t> removed_numbers;
  {
    std::shared_lock<std::shared_mutex> lock(ids_mu_);
    absl::flat_hash_set<std::string> removing;
    for (const auto& p : group) {
      for (const std::string& id : p->removals) {
        auto it = number_of_id_.find(id);
        if (it == number_of_id_.end() || !removing.insert(id).second) {
          if (p->must_exist) p->result.status = Status::NotFound("no article with id " + id);
          continue;
        }
        removed_ids.push_back(id);
        removed_numbers.push_back(it->second);
      }
    }
    absl::flat_hash_set<std::string> seen;
    for (const auto& p : group) {
      for (std::size_t k = 0; k < p->items.size(); ++k) {
        const Article& a = p->items[k].prepared.article();
        bool known = number_of_id_.contains(a.id) && !removing.contains(a.id);
        if (known || !seen.insert(a.id).second) {
          p->result.refused.push_back(
              {p->items[k].index, Status::AlreadyExists("article id already exists: " + a.id)});
          continue;
        }
        refs.push_back({p.get(), k, PlacingTime(a)});
      }
    }
  }
  std::stable_sort(refs.begin(), refs.end(),
                   [](const Ref& a, const Ref& b) { return EarlierForAdding(a.time, b.time); });

  std::vector<store::StoredArticle> rows;
  rows.reserve(refs.size());
  for (const Ref& r : refs) {
    Pending::Item& item = r.pending->items[r.item];
    store::StoredArticle row;
    row.batch = batch_ + 1;
    row.article = item.prepared.article();  // metadata as prepared
    row.search_text = item.search_text;     // the text as written
    row.article.text = item.text;           // the body as received
    row.article.html = item.html;
    row.expires = r.pending->expires;
    row.prepared = std::move(item.bytes);
    rows.push_back(std::move(row));
  }
  if (rows.empty() && removed_ids.empty()) return;
  Status stored = store_->Append(&rows, removed_ids);
  if (!stored.ok()) {
    std::cerr << "storyline: store: " << stored.ToString() << '\n';
    for (const auto& p : group) p->result.status = stored;
    metrics_.CountRejected(refs.size());
    return;
  }
  ++batch_;
  metrics_.CountCommit();
  std::vector<store::StoredArticle> unindexed;
  unindexed.reserve(rows.size());
  for (store::StoredArticle& row : rows) {
    store::StoredArticle& pending = unindexed.emplace_back();
    pending.seq = row.seq;
    pending.article.title = std::move(row.article.title);
    pending.search_text = row.search_text.empty() ? row.article.text : std::move(row.search_text);
    pending.prepared = std::move(row.prepared);  // not in the commit: see ArticleStore
  }
  std::unique_lock<std::shared_mutex> engine_lock = engine_writers_.Lock(engine_mu_);
  if (!removed_numbers.empty()) {
    std::unique_lock<std::shared_mutex> lock(ids_mu_);
    Forget(removed_numbers);
  }

  std::vector<std::uint32_t> numbers;
  numbers.reserve(refs.size());
  for (const Ref& r : refs) {
    PreparedArticle& prepared = r.pending->items[r.item].prepared;
    std::string lang = prepared.article().lang;
    numbers.push_back(static_cast<std::uint32_t>(engine_->Add(std::move(prepared))));
    langs_.push_back(std::move(lang));
    if (r.pending->expires) expiry_.push({*r.pending->expires, numbers.back()});
  }
  // No Consolidate() here: the engine consolidates every 4,096 articles by
  // itself, as in a batch run, so the live stories are the stream's stories
  // whatever the grouping of requests was (docs/DESIGN.md "Live server").
  {
    std::unique_lock<std::shared_mutex> lock(ids_mu_);
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const std::string& id = rows[i].article.id;
      number_of_id_[id] = numbers[i];
      std::string story = PublicStory(engine_->StoryOf(numbers[i]));
      story_alias_.try_emplace(story, numbers[i]);
      unindexed[i].story = story;
      refs[i].pending->result.added.push_back(
          {refs[i].pending->items[refs[i].item].index, id, std::move(story)});
    }
  }
  for (const auto& p : group) {
    std::sort(p->result.added.begin(), p->result.added.end(),
              [](const auto& a, const auto& b) { return a.index < b.index; });
  }
  ++version_;
  engine_lock.unlock();
  {
    std::lock_guard<std::mutex> lock(unindexed_mu_);
    for (store::StoredArticle& row : unindexed) unindexed_.push_back(std::move(row));
  }
  metrics_.CountIngested(refs.size());
}

void StoryService::Forget(const std::vector<std::uint32_t>& numbers) {
  absl::flat_hash_set<std::uint32_t> gone;
  for (std::uint32_t n : numbers) {
    Status s = engine_->Remove(n);
    if (!s.ok()) std::cerr << "storyline: remove: " << s.ToString() << '\n';
    number_of_id_.erase(engine_->ArticleId(n));
    gone.insert(n);
  }
  metrics_.CountRemoved(numbers.size());
  // A merged story's id named by a removed article no longer finds a story
  // (one pass over the aliases per commit, not per article).
  absl::erase_if(story_alias_, [&](const auto& alias) { return gone.contains(alias.second); });
}

bool StoryService::ExpireDue(UnixSeconds now) {
  std::vector<std::string> ids;
  std::vector<std::uint32_t> numbers;
  // Expiry times are whole seconds (the second of the write plus max-age):
  // an article goes once that second is past, so it lives at least max-age
  // seconds (with `<=` a write late in its second lived barely longer than
  // max-age - 1, and max-age=1 could expire before its answer was read).
  while (!expiry_.empty() && expiry_.top().first < now) {
    std::uint32_t n = expiry_.top().second;
    expiry_.pop();
    if (engine_->removed(n)) continue;  // deleted or replaced before it expired
    ids.push_back(engine_->ArticleId(n));
    numbers.push_back(n);
  }
  if (ids.empty()) return false;
  std::vector<store::StoredArticle> none;
  Status s = store_->Append(&none, ids);
  if (!s.ok()) {
    std::cerr << "storyline: store: expiring articles: " << s.ToString() << '\n';
    for (std::uint32_t n : numbers) expiry_.push({now + 1, n});  // try again
    return false;
  }
  std::unique_lock<std::shared_mutex> engine_lock = engine_writers_.Lock(engine_mu_);
  std::unique_lock<std::shared_mutex> lock(ids_mu_);
  Forget(numbers);
  ++version_;
  return true;
}

std::size_t StoryService::UnindexedRows() {
  std::lock_guard<std::mutex> lock(unindexed_mu_);
  return unindexed_.size();
}

void StoryService::IndexPending() {
  std::vector<store::StoredArticle> rows;
  {
    std::lock_guard<std::mutex> lock(unindexed_mu_);
    rows.swap(unindexed_);
  }
  if (rows.empty()) return;
  // One transaction. On failure the articles stay stored: the next start
  // indexes and prepares them again and gives their new stories new ids.
  Status s = store_->WriteDerived(rows);
  if (!s.ok())
    std::cerr << "storyline: search index, analyses and story ids: " << s.ToString() << '\n';
}

const std::string& StoryService::PublicStory(const std::string& engine_id,
                                             const std::string& wanted) {
  auto it = public_story_.find(engine_id);
  if (it != public_story_.end()) return it->second;
  std::string id = wanted;
  if (id.empty() || public_used_.contains(id)) {
    do {
      id = "s" + std::to_string(next_story_++);
    } while (public_used_.contains(id));
  }
  public_used_.insert(id);
  return public_story_.emplace(engine_id, std::move(id)).first->second;
}

void StoryService::set_on_publish(std::function<void(const Snapshot&)> hook) {
  std::lock_guard<std::mutex> lock(on_publish_mu_);
  on_publish_ = std::move(hook);
}

void StoryService::Publish(int threads) {
  std::shared_ptr<const Snapshot> next;
  {
    std::shared_lock<std::shared_mutex> lock(engine_mu_);
    // Between two briefs, a waiting Add() goes first: a rebuild briefs
    // hundreds of stories, and a group commit waiting all that time held up
    // every answer in it. (glibc's rwlock prefers readers, so the wait is
    // explicit.)
    next = builder_.Build(
        *engine_, langs_, version_, [this](const std::string& id) { return PublicStory(id); },
        [&] {
          engine_writers_.Yield(lock);
          // A rebuild with thousands of new stories takes seconds, and the
          // rows for the search file must not pile up meanwhile (a 20k
          // --load held 125 MB of them): write them between briefs, without
          // the engine lock (Yield() shows a rebuild may let go of it).
          if (UnindexedRows() >= kIndexBetweenBriefs) {
            lock.unlock();
            IndexPending();
            lock.lock();
          }
        },
        threads);
  }
  {
    std::lock_guard<std::mutex> lock(on_publish_mu_);
    if (on_publish_) on_publish_(*next);
  }
  snapshot_.store(std::move(next));
  metrics_.CountBriefs(builder_.last_built());
}

std::optional<std::size_t> StoryService::FindStory(const Snapshot& snapshot,
                                                   const std::string& id) const {
  if (auto it = snapshot.rank_of.find(std::string_view(id)); it != snapshot.rank_of.end()) {
    return it->second;
  }
  std::shared_lock<std::shared_mutex> lock(ids_mu_);
  auto alias = story_alias_.find(id);
  if (alias == story_alias_.end()) return std::nullopt;
  return snapshot.RankOfArticle(alias->second);
}

Result<std::vector<StoryMatch>> StoryService::SearchStories(const Snapshot& snapshot,
                                                            std::string_view query) const {
  auto hits = store_->Search(query, kMaxSearchHits);
  if (!hits.ok()) return hits.status();
  std::vector<StoryMatch> matches;
  absl::flat_hash_map<std::size_t, std::size_t> at;  // rank -> index in matches
  {
    std::shared_lock<std::shared_mutex> lock(ids_mu_);
    for (const store::SearchHit& hit : *hits) {
      auto it = number_of_id_.find(hit.id);
      // Stored but not yet in this snapshot: found by the next one.
      if (it == number_of_id_.end()) continue;
      std::optional<std::size_t> rank = snapshot.RankOfArticle(it->second);
      if (!rank) continue;
      // Hits come best first: a story's first hit is its best.
      if (at.try_emplace(*rank, matches.size()).second) matches.push_back({*rank, hit.relevance});
    }
  }
  // Best article first; equal relevance keeps the front page's order.
  std::stable_sort(matches.begin(), matches.end(), [](const StoryMatch& a, const StoryMatch& b) {
    if (a.relevance != b.relevance) return a.relevance > b.relevance;
    return a.rank < b.rank;
  });
  return matches;
}

Result<ArticleView> StoryService::GetArticle(const std::string& id) const {
  std::optional<std::uint32_t> number;
  {
    std::shared_lock<std::shared_mutex> lock(ids_mu_);
    if (auto it = number_of_id_.find(id); it != number_of_id_.end()) number = it->second;
  }
  if (!number) return Status::NotFound("no article with id " + id);
  auto stored = store_->Get(id);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return Status::NotFound("no article with id " + id);
  ArticleView view;
  view.stored = std::move(**stored);
  auto snap = snapshot();
  if (auto rank = snap->RankOfArticle(*number)) view.story = snap->ranked[*rank].id();
  return view;
}

}  // namespace storyline::server
