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

  // Returns the original that `doc` copies, if any; otherwise adds `doc` as
  // an original. `doc` is a copy when its estimated Jaccard with an article
  // held here (an original, or a copy found earlier) reaches min_jaccard and
  // that article's original is within max_gap_days of it; the copy is then
  // held too, so a copy of a copy is found ("A republished B's edit of C")
  // and named a copy of the first original, C. Among several, the earliest
  // original wins.
  std::optional<std::uint32_t> FindOrAdd(std::uint32_t doc, const features::MinHash& sig,
                                         std::optional<UnixSeconds> time = std::nullopt);

  // Forgets `doc`: later articles no longer match it. When it is an
  // original, the copies of it held here stand for `heir` from now on, the
  // copy that takes its place (held_ is scanned: removal is rare), or, with
  // no heir, match nothing more. What FindOrAdd() returned before is the
  // caller's to mend.
  void Forget(std::uint32_t doc, std::optional<std::uint32_t> heir = std::nullopt);

  // Forgets everything.
  void Clear();

  // Articles currently held, originals and copies (older dated ones are
  // forgotten as the stream moves on: a copy more than max_gap_days away
  // could not match them).
  std::size_t size() const { return held_.size(); }

 private:
  static constexpr std::size_t kBands = 32;
  static constexpr std::size_t kRows = features::kMinHashSize / kBands;
  static constexpr std::size_t kSweepEvery = 4096;
  static constexpr double kChainFloor = 0.5;

  struct Held {
    features::MinHash sig;
    std::optional<UnixSeconds> time;
    std::uint32_t original;  // itself for an original
  };

  // Drops dated originals too old to match anything from `watermark_` on.
  void Sweep();

  double min_jaccard_;
  double max_gap_seconds_;
  std::optional<UnixSeconds> watermark_;  // latest time seen
  std::size_t adds_since_sweep_ = 0;
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>> buckets_;  // band key -> docs
  absl::flat_hash_map<std::uint32_t, Held> held_;
};

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_DUPLICATES_H_
