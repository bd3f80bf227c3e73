#include "engine/batch.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <future>
#include <limits>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>

namespace storyline {
namespace {

constexpr std::size_t kChunkSize = 256;

// Undated articles go first: they match on content alone, and dated articles
// arriving later in time order can still join their stories (a story with no
// dated member never goes quiet).
constexpr UnixSeconds kUndated = std::numeric_limits<UnixSeconds>::min();

// A run of consecutive input articles, prepared together on one worker.
struct Chunk {
  std::size_t first_input = 0;  // input number of articles[0]
  std::vector<Article> articles;
  std::vector<std::string> origins;  // for messages about articles that turn out unusable
  std::vector<std::optional<PreparedArticle>> prepared;
  std::vector<Status> failures;
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

struct Pending {
  UnixSeconds key;
  std::size_t input_no;
  PreparedArticle article;
};

struct Later {
  bool operator()(const Pending& a, const Pending& b) const {
    return a.key != b.key ? a.key > b.key : a.input_no > b.input_no;
  }
};

}  // namespace

Status RunBatch(const std::vector<std::string>& paths, StoryEngine* engine,
                const BatchOptions& options, ingest::Diagnostics* diag, BatchResult* result) {
  const std::size_t threads = static_cast<std::size_t>(std::max(1, options.threads));
  // With one thread everything runs inline on the caller's thread; with more,
  // workers prepare chunks while this thread reads, orders and adds.
  std::optional<PreparePool> pool;
  if (threads > 1) pool.emplace(*engine, threads);
  const std::size_t max_in_flight = 2 * threads;

  std::deque<std::pair<std::unique_ptr<Chunk>, std::future<void>>> in_flight;
  std::unique_ptr<Chunk> chunk = std::make_unique<Chunk>();
  std::priority_queue<Pending, std::vector<Pending>, Later> window;
  std::vector<std::pair<std::size_t, std::size_t>> input_to_engine;  // (input no, engine no)
  std::size_t input_no = 0;

  auto add_earliest = [&] {
    Pending p = std::move(const_cast<Pending&>(window.top()));
    window.pop();
    std::size_t n = engine->Add(std::move(p.article));
    input_to_engine.emplace_back(p.input_no, n);
  };

  // Moves a prepared chunk into the reorder window, adding what leaves it.
  auto absorb = [&](Chunk& c) {
    for (std::size_t i = 0; i < c.prepared.size(); ++i) {
      std::size_t in = c.first_input + i;
      if (!c.prepared[i]) {
        ++result->unusable;
        diag->Report(c.origins[i], c.failures[i]);
        continue;
      }
      const Article& a = c.prepared[i]->article();
      auto when = a.published ? a.published : a.fetched;
      UnixSeconds key = when ? *when : kUndated;
      window.push(Pending{key, in, std::move(*c.prepared[i])});
      while (window.size() > options.reorder_window) add_earliest();
    }
    if (options.progress) options.progress(input_no, engine->article_count(), result->read.bytes);
  };

  auto drain_one = [&] {
    in_flight.front().second.wait();
    absorb(*in_flight.front().first);
    in_flight.pop_front();
  };

  auto submit = [&] {
    if (chunk->articles.empty()) return;
    if (!pool) {
      PrepareChunk(*engine, chunk.get());
      absorb(*chunk);
    } else {
      while (in_flight.size() >= max_in_flight) drain_one();
      std::future<void> done = pool->Submit(chunk.get());
      in_flight.emplace_back(std::move(chunk), std::move(done));
    }
    chunk = std::make_unique<Chunk>();
    chunk->first_input = input_no;
  };

  Status status = ingest::ReadArticles(
      paths,
      [&](Article a) {
        chunk->origins.push_back(a.origin);
        chunk->articles.push_back(std::move(a));
        ++input_no;
        if (chunk->articles.size() >= kChunkSize) submit();
      },
      diag, &result->read);
  submit();
  while (!in_flight.empty()) drain_one();
  while (!window.empty()) add_earliest();
  engine->Consolidate();

  std::sort(input_to_engine.begin(), input_to_engine.end());
  result->added.reserve(input_to_engine.size());
  for (const auto& [in, n] : input_to_engine) result->added.push_back(n);
  return status;
}

}  // namespace storyline
