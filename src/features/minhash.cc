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

// One-permutation hashing (Li, Owen & Zhang 2012): each shingle's hash picks
// one of the kMinHashSize bins and competes only there, so a shingle costs
// one hash instead of kMinHashSize. Empty bins are filled afterwards
// (densification, Shrivastava & Li 2014).
void Update(std::uint64_t shingle, MinHash* sig) {
  std::uint64_t h = Mix(shingle);
  std::size_t bin = static_cast<std::size_t>(h % kMinHashSize);
  auto value = static_cast<std::uint32_t>(h >> 32);
  if (value < (*sig)[bin]) (*sig)[bin] = value;
}

// Rotation densification: an empty bin borrows the value of the next
// non-empty bin to its right, offset by the distance so that borrowed values
// from different bins do not collide by accident.
void Densify(MinHash* sig) {
  constexpr std::uint32_t kEmpty = 0xffffffffu;
  std::size_t first = kMinHashSize;
  for (std::size_t k = 0; k < kMinHashSize; ++k) {
    if ((*sig)[k] != kEmpty) {
      first = k;
      break;
    }
  }
  if (first == kMinHashSize) return;
  MinHash out = *sig;
  for (std::size_t k = 0; k < kMinHashSize; ++k) {
    if ((*sig)[k] != kEmpty) continue;
    std::size_t d = 1;
    while ((*sig)[(k + d) % kMinHashSize] == kEmpty) ++d;
    out[k] = (*sig)[(k + d) % kMinHashSize] ^ static_cast<std::uint32_t>(Mix(d) >> 32);
  }
  *sig = out;
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
    Densify(&sig);
    return sig;
  }
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    std::uint64_t h = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) h = HashCombine(h, words[i + k]);
    Update(h, &sig);
  }
  Densify(&sig);
  return sig;
}

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  std::size_t same = 0;
  for (std::size_t k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashSize;
}

}  // namespace storyline::features
