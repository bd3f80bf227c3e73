// Hashing used for term ids, shingles and content ids (xxHash3, 64 bit).
#ifndef STORYLINE_UTIL_HASH_H_
#define STORYLINE_UTIL_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace storyline {

// Inlined (XXH_INLINE_ALL): most inputs are single words, where the call
// itself would cost as much as the hash.
inline std::uint64_t Hash64(std::string_view bytes, std::uint64_t seed = 0) {
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

// 16 lowercase hex digits of Hash64(bytes): a stable id for content.
std::string HexHash(std::string_view bytes);

// Mixes two hashes (boost::hash_combine's recipe, 64-bit).
inline std::uint64_t HashCombine(std::uint64_t a, std::uint64_t b) {
  return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_HASH_H_
