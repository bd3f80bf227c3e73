// MinHash signatures over word shingles, for finding exact and syndicated
// near-copies (Broder 1997). Two articles' signatures agree in a fraction of
// positions that estimates the Jaccard similarity of their shingle sets.
#ifndef STORYLINE_FEATURES_MINHASH_H_
#define STORYLINE_FEATURES_MINHASH_H_

#include <array>
#include <cstdint>
#include <span>

namespace storyline::features {

inline constexpr std::size_t kMinHashSize = 128;
inline constexpr std::size_t kShingleWords = 5;
using MinHash = std::array<std::uint32_t, kMinHashSize>;

// Signature of the set of `kShingleWords`-word shingles of `word_hashes`
// (a text shorter than one shingle is one shingle). Empty input gives a
// signature of all 0xffffffff.
MinHash ComputeMinHash(std::span<const std::uint64_t> word_hashes);

// Fraction of equal positions: an estimate of the Jaccard similarity.
double EstimateJaccard(const MinHash& a, const MinHash& b);

}  // namespace storyline::features

#endif  // STORYLINE_FEATURES_MINHASH_H_
