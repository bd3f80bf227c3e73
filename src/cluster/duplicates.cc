#include "cluster/duplicates.h"

#include <algorithm>

#include "util/hash.h"

namespace storyline::cluster {

std::optional<std::uint32_t> DuplicateIndex::FindOrAdd(std::uint32_t doc,
                                                       const features::MinHash& sig) {
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
      if (features::EstimateJaccard(sig, signatures_.at(other)) >= min_jaccard_) best = other;
    }
  }
  if (best) return best;
  for (std::uint64_t key : keys) buckets_[key].push_back(doc);
  signatures_.emplace(doc, sig);
  return std::nullopt;
}

void DuplicateIndex::Clear() {
  buckets_.clear();
  signatures_.clear();
}

}  // namespace storyline::cluster
