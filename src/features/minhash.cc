#include "features/minhash.h"

#include <algorithm>

#include "util/hash.h"

namespace storyline::features {
namespace {

// splitmix64 finaliser: a cheap, well-mixed permutation of 64-bit values.
inline std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

void Update(std::uint64_t shingle, MinHash* sig) {
  // Two 32-bit halves of one mixed value per pair of positions.
  for (std::size_t k = 0; k < kMinHashSize; k += 2) {
    std::uint64_t h = Mix(shingle + 0x9e3779b97f4a7c15ULL * (k + 1));
    auto lo = static_cast<std::uint32_t>(h);
    auto hi = static_cast<std::uint32_t>(h >> 32);
    (*sig)[k] = std::min((*sig)[k], lo);
    (*sig)[k + 1] = std::min((*sig)[k + 1], hi);
  }
}

}  // namespace

MinHash ComputeMinHash(std::span<const std::uint64_t> words) {
  MinHash sig;
  sig.fill(0xffffffffu);
  if (words.empty()) return sig;
  if (words.size() < kShingleWords) {
    std::uint64_t h = 0;
    for (std::uint64_t w : words) h = HashCombine(h, w);
    Update(h, &sig);
    return sig;
  }
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = HashCombine(h, words[i + k]);
    Update(h, &sig);
  }
  return sig;
}

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  std::size_t same = 0;
  for (std::size_t k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashSize;
}

}  // namespace storyline::features
