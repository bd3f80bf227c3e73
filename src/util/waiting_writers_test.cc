#include "util/waiting_writers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <shared_mutex>
#include <thread>

namespace storyline {
namespace {

TEST(WaitingWriters, YieldKeepsTheLockWhenNoWriterWaits) {
  WaitingWriters writers;
  std::shared_mutex mu;
  std::shared_lock<std::shared_mutex> held(mu);
  EXPECT_FALSE(writers.any());
  writers.Yield(held);
  EXPECT_TRUE(held.owns_lock());
}

// A reader that holds a shared_mutex and yields between steps lets a waiting
// writer in before it goes on, although glibc's rwlock prefers readers.
TEST(WaitingWriters, AWaitingWriterGetsTheLockBeforeTheYieldingReaderGoesOn) {
  WaitingWriters writers;
  std::shared_mutex mu;
  std::shared_lock<std::shared_mutex> held(mu);
  std::atomic<bool> wrote{false};
  std::thread writer([&] {
    auto lock = writers.Lock(mu);
    wrote = true;
  });
  while (!writers.any()) std::this_thread::yield();  // the writer waits on `mu`
  EXPECT_FALSE(wrote.load());
  writers.Yield(held);
  EXPECT_TRUE(held.owns_lock());
  EXPECT_TRUE(wrote.load());  // it wrote while the reader had let go
  EXPECT_FALSE(writers.any());
  held.unlock();
  writer.join();
}

}  // namespace
}  // namespace storyline
