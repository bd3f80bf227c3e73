// ParallelFor: runs fn(0) ... fn(n - 1) on up to `threads` threads, the
// caller's among them, each index exactly once, and returns when all are
// done. Indexes are handed out one at a time, so items of uneven cost (the
// briefs of stories of every size, articles analysed or only parsed) keep
// every thread busy to the end.
//
//   ParallelFor(stories.size(), threads, [&](std::size_t i) { built[i] = Build(stories[i]); });
//
// fn must be safe to call concurrently for different indexes; what it writes
// is visible to the caller once ParallelFor returns.
#ifndef STORYLINE_UTIL_PARALLEL_H_
#define STORYLINE_UTIL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace storyline {

template <typename Fn>
void ParallelFor(std::size_t n, int threads, const Fn& fn) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) fn(i);
  };
  const std::size_t used = std::min(n, static_cast<std::size_t>(std::max(threads, 1)));
  std::vector<std::thread> helpers;
  for (std::size_t t = 1; t < used; ++t) helpers.emplace_back(work);
  work();
  for (std::thread& h : helpers) h.join();
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_PARALLEL_H_
