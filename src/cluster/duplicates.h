// DuplicateIndex: finds exact and syndicated near-copies among the articles
// seen so far, by MinHash locality-sensitive hashing (bands of rows; a shared
// band makes a candidate, the signature estimate confirms it).
//
//   DuplicateIndex dups;
//   std::optional<std::uint32_t> orig = dups.FindOrAdd(doc_no, minhash);
//
// Thread-safety: not thread-safe.
#ifndef STORYLINE_CLUSTER_DUPLICATES_H_
#define STORYLINE_CLUSTER_DUPLICATES_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "features/minhash.h"
#include "storyline/article.h"

namespace storyline::cluster {

class DuplicateIndex {
 public:
  // `min_jaccard`: estimated shingle Jaccard at or above which two articles
  // are copies of one text.
  // `max_gap_days`: a dated text republished further from its original's
  // date than this starts afresh (a new story may reuse an old text).
  explicit DuplicateIndex(double min_jaccard = 0.7, double max_gap_days = 7.0)
      : min_jaccard_(min_jaccard), max_gap_seconds_(max_gap_days * 86400.0) {}

  // Returns the earliest added original that `doc` copies, if any; otherwise
  // adds `doc` as an original. Copies are not added (their original stands
  // for them), so chains of copies all point at one original.
  std::optional<std::uint32_t> FindOrAdd(std::uint32_t doc, const features::MinHash& sig,
                                         std::optional<UnixSeconds> time = std::nullopt);

  // Forgets original `doc`: later articles no longer match it. Copies of it
  // that were already found keep pointing at it (the caller handles them).
  void Forget(std::uint32_t doc) { originals_.erase(doc); }

  // Forgets everything.
  void Clear();

  // Originals currently held (older dated ones are forgotten as the stream
  // moves on: a copy more than max_gap_days away could not match them).
  std::size_t size() const { return originals_.size(); }

 private:
  static constexpr std::size_t kBands = 16;
  static constexpr std::size_t kRows = features::kMinHashSize / kBands;
  static constexpr std::size_t kSweepEvery = 4096;

  struct Original {
    features::MinHash sig;
    std::optional<UnixSeconds> time;
  };

  // Drops dated originals too old to match anything from `watermark_` on.
  void Sweep();

  double min_jaccard_;
  double max_gap_seconds_;
  std::optional<UnixSeconds> watermark_;  // latest time seen
  std::size_t adds_since_sweep_ = 0;
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;  // band key -> docs
  absl::flat_hash_map<std::uint32_t, Original> originals_;
};

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_DUPLICATES_H_
