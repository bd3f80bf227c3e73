// A small binary encoding for what the engine keeps or stores of an article
// (brief material, prepared articles): fixed-width integers in the host's
// byte order (little-endian on every machine storyline is built for),
// strings and vectors as a 32-bit count followed by their bytes.
//
//   std::string out;
//   PutU32(&out, 7);
//   PutString(&out, "text");
//   BinaryReader r(out);
//   std::uint32_t n; std::string s;
//   bool ok = r.GetU32(&n) && r.GetString(&s) && r.done();
//
// Readers never trust a count: a vector is sized only after the bytes it
// needs are known to be there, so corrupt input fails cleanly instead of
// allocating what a count claims.
#ifndef STORYLINE_UTIL_BINARY_H_
#define STORYLINE_UTIL_BINARY_H_

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace storyline {

inline void PutU32(std::string* out, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  out->append(b, 4);
}
inline void PutU64(std::string* out, std::uint64_t v) {
  char b[8];
  std::memcpy(b, &v, 8);
  out->append(b, 8);
}
inline void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<std::uint32_t>(s.size()));
  out->append(s);
}
// An optional integer (a time that may be unknown): a u32 presence flag, then
// the value, 0 when absent.
inline void PutOptional(std::string* out, const std::optional<std::int64_t>& v) {
  PutU32(out, v ? 1 : 0);
  PutU64(out, static_cast<std::uint64_t>(v.value_or(0)));
}
// For vectors of types without padding (integers, packed structs).
template <typename T>
void PutVector(std::string* out, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>,
                "only types whose every byte is a value");
  PutU32(out, static_cast<std::uint32_t>(v.size()));
  if (!v.empty()) out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : b_(bytes) {}

  bool GetU32(std::uint32_t* v) { return GetBytes(v, 4); }
  bool GetU64(std::uint64_t* v) { return GetBytes(v, 8); }
  bool GetString(std::string* s) {
    std::uint32_t n;
    if (!GetU32(&n) || b_.size() < n) return false;
    s->assign(b_.substr(0, n));
    b_.remove_prefix(n);
    return true;
  }
  // What PutOptional() wrote; false on a flag other than 0 or 1, or a value
  // beside a 0 flag.
  bool GetOptional(std::optional<std::int64_t>* v) {
    std::uint32_t has = 0;
    std::uint64_t bits = 0;
    if (!GetU32(&has) || !GetU64(&bits) || has > 1 || (has == 0 && bits != 0)) return false;
    *v = has ? std::optional<std::int64_t>(static_cast<std::int64_t>(bits)) : std::nullopt;
    return true;
  }
  template <typename T>
  bool GetVector(std::vector<T>* v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint32_t n;
    if (!GetU32(&n) || b_.size() / sizeof(T) < n) return false;
    v->resize(n);
    return GetBytes(v->data(), n * sizeof(T));
  }
  bool GetBytes(void* dst, std::size_t n) {
    if (b_.size() < n) return false;
    if (n == 0) return true;  // dst may be null (an empty vector's data())
    std::memcpy(dst, b_.data(), n);
    b_.remove_prefix(n);
    return true;
  }
  bool done() const { return b_.empty(); }

 private:
  std::string_view b_;
};

}  // namespace storyline

#endif  // STORYLINE_UTIL_BINARY_H_
