// WaitingWriters: lets a thread that holds a lock for long stretches (an
// indexer, a snapshot builder) give way to the threads waiting for that lock
// whose work someone is waiting on (commits, engine writes). glibc's
// mutexes and rwlocks do not hand over on unlock, and its rwlock prefers
// readers, so the waiting has to be counted.
//
//   WaitingWriters writers;
//   auto lock = writers.Lock(mu);             // the writer: counted while it waits
//   ...                                       // the long holder, between two steps:
//   writers.Yield(holder_lock);               // unlocks, lets them all in, locks again
//
// Thread-safety: every member may be called from any thread.
#ifndef STORYLINE_UTIL_WAITING_WRITERS_H_
#define STORYLINE_UTIL_WAITING_WRITERS_H_

#include <atomic>
#include <mutex>
#include <thread>

namespace storyline {

class WaitingWriters {
 public:
  // Locks `mu` for writing (std::unique_lock<Mutex>), counted as waiting
  // until it holds it.
  template <typename Mutex>
  std::unique_lock<Mutex> Lock(Mutex& mu) {
    waiting_.fetch_add(1);
    std::unique_lock<Mutex> lock(mu);
    waiting_.fetch_sub(1);
    return lock;
  }

  // Whether a writer waits now.
  bool any() const { return waiting_.load() > 0; }

  // Returns once no writer waits (after they have taken the lock).
  void WaitForNone() const {
    while (any()) std::this_thread::yield();
  }

  // When a writer waits: unlocks `held` (a unique_lock or shared_lock the
  // caller holds), waits until every waiting writer has had the lock, and
  // locks it again.
  template <typename Lock>
  void Yield(Lock& held) const {
    if (!any()) return;
    held.unlock();
    WaitForNone();
    held.lock();
  }

 private:
  std::atomic<int> waiting_{0};
};

}  // namespace storyline

#endif  // STORYLINE_UTIL_WAITING_WRITERS_H_
