#include "cluster/duplicates.h"

#include <algorithm>
#include <cmath>

#include "util/hash.h"

namespace storyline::cluster {

std::optional<std::uint32_t> DuplicateIndex::FindOrAdd(std::uint32_t doc,
                                                       const features::MinHash& sig,
                                                       std::optional<UnixSeconds> time) {
  std::uint64_t keys[kBands];
  std::optional<std::uint32_t> best;
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t key = band + 1;
    for (std::size_t r = 0; r < kRows; ++r) key = HashCombine(key, sig[band * kRows + r]);
    keys[band] = key;
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    for (std::uint32_t other : it->second) {
      if (best && other >= *best) continue;
      const Original& o = originals_.at(other);
      if (time && o.time &&
          std::abs(static_cast<double>(*time - *o.time)) > max_gap_seconds_) {
        continue;
      }
      if (features::EstimateJaccard(sig, o.sig) >= min_jaccard_) best = other;
    }
  }
  if (best) return best;
  for (std::uint64_t key : keys) buckets_[key].push_back(doc);
  originals_.emplace(doc, Original{sig, time});
  return std::nullopt;
}

void DuplicateIndex::Clear() {
  buckets_.clear();
  originals_.clear();
}

}  // namespace storyline::cluster
