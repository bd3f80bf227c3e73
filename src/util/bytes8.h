// Eight bytes of text as one 64-bit word, and exact per-byte tests on it
// (SWAR): the long scans over article text (the plain-text cleaner, the
// sentence splitter) take eight bytes a step with these.
//
// Byte k of the text sits in bits 8k..8k+7 whatever the machine's byte
// order, and a test flags a byte by setting its high bit (bit 8k+7). None
// lets a carry or borrow cross into another byte, so every flag is exact;
// std::countr_zero(flags) / 8 is the first flagged byte.
//
// Thread-safety: pure functions.
#ifndef STORYLINE_UTIL_BYTES8_H_
#define STORYLINE_UTIL_BYTES8_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace storyline {

inline constexpr std::uint64_t kEveryByte = 0x0101010101010101;
inline constexpr std::uint64_t kHighBits = 0x8080808080808080;

// Reads eight bytes from p, which may be unaligned.
inline std::uint64_t Load8(const char* p) {
  std::uint64_t x = 0;
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(&x, p, sizeof x);
  } else {
    for (int k = 0; k < 8; ++k) x |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  }
  return x;
}

inline void Store8(char* p, std::uint64_t x) {
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(p, &x, sizeof x);
  } else {
    for (int k = 0; k < 8; ++k) p[k] = static_cast<char>(x >> (8 * k));
  }
}

// `c` in every byte: x ^ Repeated(c) has a zero byte where x has c.
constexpr std::uint64_t Repeated(char c) { return kEveryByte * static_cast<unsigned char>(c); }

// The zero bytes of x.
inline std::uint64_t ZeroBytes(std::uint64_t x) {
  return ~(((x & ~kHighBits) + ~kHighBits) | x | ~kHighBits);
}

// The bytes of x in [lo, hi], for ASCII lo <= hi.
inline std::uint64_t BytesBetween(std::uint64_t x, char lo, char hi) {
  const std::uint64_t low7 = x & ~kHighBits;  // adding below 0x80 carries into no other byte
  return (low7 + Repeated(static_cast<char>(0x80 - lo))) &
         ~(low7 + Repeated(static_cast<char>(0x7F - hi))) & ~x & kHighBits;
}

// Whether all eight bytes are printable ASCII (0x20 to 0x7F).
inline bool AllPrintable(std::uint64_t x) {
  return ((x | ((x - Repeated(' ')) & ~x)) & kHighBits) == 0;
}

// ToLower() on each of the eight bytes.
inline std::uint64_t LowerAscii8(std::uint64_t x) { return x | (BytesBetween(x, 'A', 'Z') >> 2); }

// Number of flagged bytes.
inline std::size_t CountFlagged(std::uint64_t flags) { return ((flags >> 7) * kEveryByte) >> 56; }

}  // namespace storyline

#endif  // STORYLINE_UTIL_BYTES8_H_
