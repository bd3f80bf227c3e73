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
  auto far = [&](const std::optional<UnixSeconds>& t) {
    return time && t && std::abs(static_cast<double>(*time - *t)) > max_gap_seconds_;
  };
  std::uint64_t keys[kBands];
  std::optional<std::uint32_t> best;  // the original found
  for (std::size_t band = 0; band < kBands; ++band) {
    std::uint64_t key = band + 1;
    for (std::size_t r = 0; r < kRows; ++r) key = HashCombine(key, sig[band * kRows + r]);
    keys[band] = key;
    auto it = buckets_.find(key);
    if (it == buckets_.end()) continue;
    for (std::uint32_t other : it->second) {
      auto found = held_.find(other);
      if (found == held_.end()) continue;  // forgotten, not yet out of this bucket
      const Held& h = found->second;
      if ((best && h.original >= *best) || far(h.time)) continue;
      if (h.original != other) {
        // A copy stands for its original while that is held and near in time.
        auto original = held_.find(h.original);
        if (original == held_.end() || original->second.original != h.original ||
            far(original->second.time) ||
            features::EstimateJaccard(sig, original->second.sig) < kChainFloor) {
          continue;
        }
      }
      if (features::EstimateJaccard(sig, h.sig) >= min_jaccard_) best = h.original;
    }
  }
  for (std::uint64_t key : keys) buckets_[key].push_back(doc);
  held_.emplace(doc, Held{sig, time, best.value_or(doc)});
  return best;
}

void DuplicateIndex::Forget(std::uint32_t doc, std::optional<std::uint32_t> heir) {
  held_.erase(doc);
  if (!heir) return;
  for (auto& [other, h] : held_) {
    if (h.original == doc) h.original = *heir;
  }
}

void DuplicateIndex::Sweep() {
  adds_since_sweep_ = 0;
  if (!watermark_) return;
  // Twice the window: out-of-order arrivals within it still find their original.
  const double horizon = static_cast<double>(*watermark_) - 2 * max_gap_seconds_;
  for (auto it = held_.begin(); it != held_.end();) {
    const auto& t = it->second.time;
    if (t && static_cast<double>(*t) < horizon) {
      held_.erase(it++);
    } else {
      ++it;
    }
  }
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    std::erase_if(it->second, [&](std::uint32_t doc) { return !held_.contains(doc); });
    if (it->second.empty()) {
      buckets_.erase(it++);
    } else {
      ++it;
    }
  }
}

void DuplicateIndex::Clear() {
  buckets_.clear();
  held_.clear();
}

}  // namespace storyline::cluster
