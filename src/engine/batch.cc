#include "engine/batch.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <queue>
#include <thread>

namespace storyline {
namespace {

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
  const std::size_t chunk_size = 256 * threads;

  std::vector<Article> chunk;
  std::vector<std::optional<PreparedArticle>> prepared;
  std::vector<Status> failures;
  std::priority_queue<Pending, std::vector<Pending>, Later> window;
  std::vector<std::pair<std::size_t, std::size_t>> input_to_engine;  // (input_no, engine no)
  std::vector<std::string> input_origins;  // for messages, by input number
  UnixSeconds carry = std::numeric_limits<UnixSeconds>::min();
  std::size_t input_no = 0;

  auto add_earliest = [&] {
    Pending p = std::move(const_cast<Pending&>(window.top()));
    window.pop();
    std::size_t n = engine->Add(std::move(p.article));
    input_to_engine.emplace_back(p.input_no, n);
  };

  auto flush = [&] {
    prepared.clear();
    prepared.resize(chunk.size());
    failures.assign(chunk.size(), Status::Ok());
    auto work = [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        auto r = engine->Prepare(std::move(chunk[i]));
        if (r.ok()) {
          prepared[i] = std::move(*r);
        } else {
          failures[i] = r.status();
        }
      }
    };
    if (threads == 1 || chunk.size() < 64) {
      work(0, chunk.size());
    } else {
      std::vector<std::thread> pool;
      std::size_t per = (chunk.size() + threads - 1) / threads;
      for (std::size_t t = 0; t < threads; ++t) {
        std::size_t b = t * per, e = std::min(chunk.size(), b + per);
        if (b < e) pool.emplace_back(work, b, e);
      }
      for (auto& th : pool) th.join();
    }
    for (std::size_t i = 0; i < prepared.size(); ++i) {
      if (!prepared[i]) {
        ++result->unusable;
        diag->Report(input_origins[input_no - prepared.size() + i], failures[i]);
        continue;
      }
      const Article& a = prepared[i]->article();
      if (a.published) carry = *a.published;
      window.push(Pending{carry, input_no - prepared.size() + i, std::move(*prepared[i])});
      while (window.size() > options.reorder_window) add_earliest();
    }
    chunk.clear();
    if (options.progress) options.progress(input_no, engine->article_count(), result->read.bytes);
  };

  std::vector<std::string> input_ids;
  Status status = ingest::ReadArticles(
      paths,
      [&](Article a) {
        input_origins.push_back(a.origin);
        input_ids.push_back(a.id);
        chunk.push_back(std::move(a));
        ++input_no;
        if (chunk.size() >= chunk_size) flush();
      },
      diag, &result->read);
  flush();
  while (!window.empty()) add_earliest();

  std::sort(input_to_engine.begin(), input_to_engine.end());
  result->added.reserve(input_to_engine.size());
  for (const auto& [in, n] : input_to_engine) result->added.emplace_back(input_ids[in], n);
  return status;
}

}  // namespace storyline
