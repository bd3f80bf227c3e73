#include "cluster/duplicates.h"

#include <algorithm>
#include <cmath>

#include "util/hash.h"
#include "util/time.h"

namespace storyline::cluster {

std::optional<std::uint32_t> DuplicateIndex::FindOrAdd(std::uint32_t doc,
                                                       const features::MinHash& sig,
                                                       std::optional<UnixSeconds> time) {
  if (time) KeepLatest(&watermark_, *time);
  if (++adds_since_sweep_ >= kSweepEvery) Sweep();
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
      auto found = originals_.find(other);
      if (found == originals_.end()) continue;  // swept, not yet out of this bucket
      const Original& o = found->second;
      if (time && o.time && std::abs(static_cast<double>(*time - *o.time)) > max_gap_seconds_) {
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

void DuplicateIndex::Sweep() {
  adds_since_sweep_ = 0;
  if (!watermark_) return;
  // Twice the window: out-of-order arrivals within it still find their original.
  const double horizon = static_cast<double>(*watermark_) - 2 * max_gap_seconds_;
  for (auto it = originals_.begin(); it != originals_.end();) {
    const auto& t = it->second.time;
    if (t && static_cast<double>(*t) < horizon) {
      originals_.erase(it++);
    } else {
      ++it;
    }
  }
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    std::erase_if(it->second, [&](std::uint32_t doc) { return !originals_.contains(doc); });
    if (it->second.empty()) {
      buckets_.erase(it++);
    } else {
      ++it;
    }
  }
}

void DuplicateIndex::Clear() {
  buckets_.clear();
  originals_.clear();
}

}  // namespace storyline::cluster
