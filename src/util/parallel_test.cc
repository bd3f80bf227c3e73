#include "util/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace storyline {
namespace {

TEST(ParallelFor, CallsEveryIndexExactlyOnce) {
  for (int threads : {0, 1, 2, 3, 8}) {
    for (std::size_t n : {0u, 1u, 2u, 1000u}) {
      std::vector<std::atomic<int>> calls(n);
      ParallelFor(n, threads, [&](std::size_t i) { calls[i].fetch_add(1); });
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(calls[i].load(), 1)
            << "index " << i << " of " << n << ", " << threads << " threads";
      }
    }
  }
}

TEST(ParallelFor, UsesSeveralThreadsButNoMoreThanAskedOrItems) {
  std::mutex mu;
  std::condition_variable cv;
  std::set<std::thread::id> seen;
  // Each call waits (at most 10 s) until a second thread has come in: with
  // one thread doing everything the wait would run out.
  ParallelFor(64, 4, [&](std::size_t) {
    std::unique_lock<std::mutex> lock(mu);
    seen.insert(std::this_thread::get_id());
    cv.notify_all();
    cv.wait_for(lock, std::chrono::seconds(10), [&] { return seen.size() >= 2; });
  });
  EXPECT_GE(seen.size(), 2u);
  EXPECT_LE(seen.size(), 4u);

  seen.clear();
  ParallelFor(1, 4, [&](std::size_t) {
    std::lock_guard<std::mutex> lock(mu);
    seen.insert(std::this_thread::get_id());
  });
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(*seen.begin(), std::this_thread::get_id());  // one item: the caller does it
}

}  // namespace
}  // namespace storyline
