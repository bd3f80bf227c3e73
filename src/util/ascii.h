// ASCII case helpers for markup, headers and tags (bytes >= 0x80 untouched).
#ifndef STORYLINE_UTIL_ASCII_H_
#define STORYLINE_UTIL_ASCII_H_

#include <string>
#include <string_view>

namespace storyline {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_ASCII_H_
