// Metrics: the server's counters and request-latency histograms, written in
// Prometheus' text format for GET /metrics.
//
//   Metrics m;
//   m.ObserveRequest(Route::kStories, 0.0031);
//   std::string text = m.Render({.articles = 52, .stories = 14});
//
// Thread-safety: every member may be called from any thread (relaxed atomics;
// a scrape may see one request counted in a bucket and not yet in the sum).
#ifndef STORYLINE_SERVER_METRICS_H_
#define STORYLINE_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>

namespace storyline::server {

// What a request asked for: the label of its latency histogram.
enum class Route { kStories, kStory, kArticle, kPost, kHealth, kStatic, kOther };
inline constexpr std::size_t kRouteCount = 7;

struct Gauges {
  std::size_t articles = 0;
  std::size_t stories = 0;
  std::uint64_t version = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implied).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void ObserveRequest(Route route, double seconds);
  void CountIngested(std::size_t n) { ingested_.fetch_add(n, std::memory_order_relaxed); }
  void CountRejected(std::size_t n) { rejected_.fetch_add(n, std::memory_order_relaxed); }
  void CountCommit() { commits_.fetch_add(1, std::memory_order_relaxed); }
  void CountBriefs(std::size_t n) { briefs_.fetch_add(n, std::memory_order_relaxed); }
  void CountRemoved(std::size_t n) { removed_.fetch_add(n, std::memory_order_relaxed); }
  // One snapshot rebuild (ranking and briefs of changed stories) took this long.
  void ObserveSnapshot(double seconds) {
    snapshots_.fetch_add(1, std::memory_order_relaxed);
    snapshot_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6),
                               std::memory_order_relaxed);
  }

  std::string Render(const Gauges& gauges) const;

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> counts{};  // last: +Inf
    std::atomic<std::uint64_t> sum_micros{0};
  };
  std::array<Histogram, kRouteCount> latency_;
  std::atomic<std::uint64_t> ingested_{0}, rejected_{0}, commits_{0}, briefs_{0};
  std::atomic<std::uint64_t> removed_{0}, snapshots_{0}, snapshot_micros_{0};
};

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_METRICS_H_
