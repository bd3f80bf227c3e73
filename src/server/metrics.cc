#include "server/metrics.h"

#include <cstdio>

namespace storyline::server {
namespace {

constexpr std::array<const char*, kRouteCount> kRouteNames = {
    "stories", "story", "article", "post_articles", "healthz", "static", "other"};

void Counter(std::string* out, const char* name, const char* help, std::uint64_t value) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " counter\n" + name +
          " " + std::to_string(value) + "\n";
}

void Gauge(std::string* out, const char* name, const char* help, std::uint64_t value) {
  *out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " gauge\n" + name +
          " " + std::to_string(value) + "\n";
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

void Metrics::ObserveRequest(Route route, double seconds) {
  Histogram& h = latency_[static_cast<std::size_t>(route)];
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  h.counts[bucket].fetch_add(1, std::memory_order_relaxed);
  h.sum_micros.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

std::string Metrics::Render(const Gauges& gauges) const {
  std::string out;
  Gauge(&out, "storyline_articles", "Articles in the live stories.", gauges.articles);
  Gauge(&out, "storyline_stories", "Stories in the served snapshot.", gauges.stories);
  Gauge(&out, "storyline_snapshot_version", "Writes applied in the served snapshot.",
        gauges.version);
  Counter(&out, "storyline_articles_ingested_total", "Articles acknowledged (stored and added).",
          ingested_.load(std::memory_order_relaxed));
  Counter(&out, "storyline_articles_rejected_total",
          "Articles refused (bad input, duplicate id, store failure).",
          rejected_.load(std::memory_order_relaxed));
  Counter(&out, "storyline_store_commits_total", "Group commits to the store.",
          commits_.load(std::memory_order_relaxed));
  Counter(&out, "storyline_briefs_built_total", "Story briefs written for snapshots.",
          briefs_.load(std::memory_order_relaxed));
  Counter(&out, "storyline_articles_removed_total",
          "Articles taken out of their story (DELETE, PUT's old version, expiry).",
          removed_.load(std::memory_order_relaxed));
  Counter(&out, "storyline_snapshots_total", "Snapshot rebuilds.",
          snapshots_.load(std::memory_order_relaxed));
  out +=
      "# HELP storyline_snapshot_seconds_total Time spent rebuilding snapshots.\n"
      "# TYPE storyline_snapshot_seconds_total counter\nstoryline_snapshot_seconds_total " +
      Number(static_cast<double>(snapshot_micros_.load(std::memory_order_relaxed)) / 1e6) + "\n";

  out += "# HELP storyline_request_seconds Time to answer an HTTP request.\n";
  out += "# TYPE storyline_request_seconds histogram\n";
  for (std::size_t r = 0; r < kRouteCount; ++r) {
    const Histogram& h = latency_[r];
    std::string label = std::string("route=\"") + kRouteNames[r] + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += h.counts[b].load(std::memory_order_relaxed);
      std::string le = b < kBuckets.size() ? Number(kBuckets[b]) : "+Inf";
      out += "storyline_request_seconds_bucket{" + label + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "storyline_request_seconds_sum{" + label + "} " +
           Number(static_cast<double>(h.sum_micros.load(std::memory_order_relaxed)) / 1e6) + "\n";
    out += "storyline_request_seconds_count{" + label + "} " + std::to_string(cumulative) + "\n";
  }
  return out;
}

}  // namespace storyline::server
