#include "engine/batch.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>

namespace storyline {
namespace {

// Undated articles go first: they match on content alone, and dated articles
// arriving later in time order can still join their stories (a story with no
// dated member never goes quiet).
constexpr UnixSeconds kUndated = std::numeric_limits<UnixSeconds>::min();

UnixSeconds OrderKey(const Article& a) { return PlacingTime(a).value_or(kUndated); }

// A run of consecutive input articles, prepared together on one worker.
struct Chunk {
  std::size_t first_input = 0;  // input number of articles[0]
  std::vector<Article> articles;
  std::vector<std::string> origins;  // for messages about articles that turn out unusable
  std::vector<std::optional<PreparedArticle>> prepared;
  std::vector<Status> failures;
  std::future<void> done;  // valid when a worker prepares it
};

void PrepareChunk(const StoryEngine& engine, Chunk* c) {
  c->prepared.resize(c->articles.size());
  c->failures.assign(c->articles.size(), Status::Ok());
  for (std::size_t i = 0; i < c->articles.size(); ++i) {
    auto r = engine.Prepare(std::move(c->articles[i]));
    if (r.ok()) {
      c->prepared[i] = std::move(*r);
    } else {
      c->failures[i] = r.status();
    }
  }
  c->articles.clear();
}

// Fixed worker threads that prepare chunks. Workers live for the whole run,
// so each keeps its analyzer's caches warm (they are thread-local).
class PreparePool {
 public:
  PreparePool(const StoryEngine& engine, std::size_t threads) : engine_(engine) {
    for (std::size_t t = 0; t < threads; ++t) workers_.emplace_back([this] { Work(); });
  }
  ~PreparePool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    for (auto& w : workers_) w.join();
  }

  std::future<void> Submit(Chunk* chunk) {
    std::packaged_task<void()> task([this, chunk] { PrepareChunk(engine_, chunk); });
    std::future<void> f = task.get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(std::move(task));
    }
    cv_.notify_one();
    return f;
  }

 private:
  void Work() {
    for (;;) {
      std::packaged_task<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
      }
      task();
    }
  }

  const StoryEngine& engine_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::packaged_task<void()>> queue_;  // GUARDED_BY(mu_)
  bool done_ = false;                             // GUARDED_BY(mu_)
  std::vector<std::thread> workers_;
};

// An article in the reorder window. Its prepared form is chunk->prepared[index]
// once the chunk is prepared: an article whose order key was known when it was
// read enters the window before that.
struct Pending {
  UnixSeconds key;
  std::size_t input_no;
  std::shared_ptr<Chunk> chunk;
  std::size_t index;
};

struct Later {
  bool operator()(const Pending& a, const Pending& b) const {
    return a.key != b.key ? a.key > b.key : a.input_no > b.input_no;
  }
};

// An article read and not yet in the window, with its order key when the
// input gave it: Prepare() keeps a `published` time it was given, so that
// one is final; without it, extraction or a dateline may still find one.
struct Unplaced {
  std::shared_ptr<Chunk> chunk;
  std::size_t index;
  std::optional<UnixSeconds> read_key;
};

// One batch run. The main thread reads, places articles into the window in
// input order and adds what leaves it; workers prepare chunks meanwhile.
// An article added waits only for its own chunk, so when the order is known
// from the input (every article has `published`), adding runs beside the
// preparation of later chunks instead of after all of it.
class BatchRun {
 public:
  BatchRun(StoryEngine* engine, const BatchOptions& options, ingest::Diagnostics* diag,
           BatchResult* result)
      : engine_(engine), options_(options), diag_(diag), result_(result) {
    const std::size_t threads = static_cast<std::size_t>(std::max(1, options.threads));
    chunk_size_ = std::max<std::size_t>(1, options.chunk_size);
    // Raw articles in flight are at most the window's worth (plus a few
    // chunks per worker), so reading can run ahead to the end of a short
    // input and the order of all of it is known early.
    max_in_flight_ = std::max(2 * threads, options.reorder_window / chunk_size_);
    // With one thread everything runs inline on the caller's thread.
    if (threads > 1) pool_.emplace(*engine, threads);
    open_ = std::make_shared<Chunk>();
  }

  void Read(Article a) {
    std::optional<UnixSeconds> key = a.published;
    open_->origins.push_back(a.origin);
    open_->articles.push_back(std::move(a));
    unplaced_.push_back(Unplaced{open_, open_->articles.size() - 1, key});
    ++input_no_;
    while (!in_flight_.empty() && Ready(*in_flight_.front())) CollectFront();
    Place();
    if (open_->articles.size() >= chunk_size_) Submit();
  }

  void Finish() {
    Submit();
    while (!unplaced_.empty()) {
      Await(*unplaced_.front().chunk);
      Place();
    }
    while (!window_.empty()) AddEarliest();
    while (!in_flight_.empty()) CollectFront();
    engine_->Consolidate();

    std::sort(input_to_engine_.begin(), input_to_engine_.end());
    result_->added.reserve(input_to_engine_.size());
    for (const auto& [in, n] : input_to_engine_) result_->added.push_back(n);
  }

 private:
  // Hands the open chunk to a worker (or prepares it here with one thread).
  void Submit() {
    if (open_->articles.empty()) return;
    if (pool_) {
      while (in_flight_.size() >= max_in_flight_) CollectFront();
      open_->done = pool_->Submit(open_.get());
      in_flight_.push_back(std::move(open_));
    } else {
      PrepareChunk(*engine_, open_.get());
      in_flight_.push_back(std::move(open_));
      CollectFront();
    }
    open_ = std::make_shared<Chunk>();
    open_->first_input = input_no_;
  }

  static void Await(Chunk& c) {
    if (c.done.valid()) c.done.wait();
  }

  // Prepared: submitted (every chunk but the open one is) and done.
  bool Ready(Chunk& c) const {
    return &c != open_.get() && (!c.done.valid() || c.done.wait_for(std::chrono::seconds(0)) ==
                                                        std::future_status::ready);
  }

  // Reports the unusable articles of the oldest submitted chunk, in input
  // order whatever the order of adding.
  void CollectFront() {
    Chunk& c = *in_flight_.front();
    Await(c);
    for (std::size_t i = 0; i < c.failures.size(); ++i) {
      if (c.failures[i].ok()) continue;
      ++result_->unusable;
      diag_->Report(c.origins[i], c.failures[i]);
    }
    c.origins.clear();
    c.failures.clear();
    in_flight_.pop_front();
    if (options_.progress)
      options_.progress(input_no_, engine_->article_count(), result_->read.bytes);
  }

  // Moves read articles into the window in input order, adding what leaves
  // it; stops at an article whose key needs its chunk prepared first. An
  // article with a known key takes its place in the window even if it then
  // turns out unusable, one without only if usable, so the order of adding
  // depends on the input alone.
  void Place() {
    while (!unplaced_.empty()) {
      Unplaced& u = unplaced_.front();
      UnixSeconds key;
      if (u.read_key) {
        key = *u.read_key;
      } else {
        if (!Ready(*u.chunk)) return;
        const auto& slot = u.chunk->prepared[u.index];
        if (!slot) {
          unplaced_.pop_front();
          continue;
        }
        key = OrderKey(slot->article());
      }
      window_.push(Pending{key, u.chunk->first_input + u.index, std::move(u.chunk), u.index});
      unplaced_.pop_front();
      while (window_.size() > options_.reorder_window) AddEarliest();
    }
  }

  void AddEarliest() {
    Pending p = std::move(const_cast<Pending&>(window_.top()));
    window_.pop();
    if (p.chunk == open_) Submit();
    Await(*p.chunk);
    std::optional<PreparedArticle>& slot = p.chunk->prepared[p.index];
    if (!slot) return;  // unusable: reported when its chunk is collected
    std::size_t n = engine_->Add(std::move(*slot));
    slot.reset();
    input_to_engine_.emplace_back(p.input_no, n);
  }

  StoryEngine* engine_;
  const BatchOptions& options_;
  ingest::Diagnostics* diag_;
  BatchResult* result_;
  std::size_t chunk_size_ = 0;
  std::size_t max_in_flight_ = 0;
  std::optional<PreparePool> pool_;

  std::size_t input_no_ = 0;
  std::shared_ptr<Chunk> open_;                   // being filled by Read()
  std::deque<std::shared_ptr<Chunk>> in_flight_;  // submitted, not yet collected
  std::deque<Unplaced> unplaced_;
  std::priority_queue<Pending, std::vector<Pending>, Later> window_;
  std::vector<std::pair<std::size_t, std::size_t>> input_to_engine_;  // (input no, engine no)
};

}  // namespace

Status RunBatch(const std::vector<std::string>& paths, StoryEngine* engine,
                const BatchOptions& options, ingest::Diagnostics* diag, BatchResult* result) {
  BatchRun run(engine, options, diag, result);
  Status status = ingest::ReadArticles(
      paths, [&](Article a) { run.Read(std::move(a)); }, diag, &result->read);
  run.Finish();
  return status;
}

}  // namespace storyline
