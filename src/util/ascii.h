// ASCII helpers for markup, headers and tags (bytes >= 0x80 untouched).
#ifndef STORYLINE_UTIL_ASCII_H_
#define STORYLINE_UTIL_ASCII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace storyline {

inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// std::isalpha() in the C locale, inlined: an ASCII letter.
inline bool AsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// std::isdigit(), inlined: '0' to '9'.
inline bool AsciiDigit(char c) { return c >= '0' && c <= '9'; }

// std::isalnum() in the C locale, inlined: an ASCII letter or digit.
inline bool AsciiAlnum(char c) { return AsciiDigit(c) || AsciiAlpha(c); }

// The value of a hexadecimal digit ('0'-'9', 'a'-'f', 'A'-'F'); -1 for any
// other byte.
inline int AsciiHexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Whether `s` starts with `prefix`, the ASCII letters of `s` read in lower
// case: AsciiStartsWithFolded("Copyright 2024", "copyright").
// REQUIRES: `prefix` has no upper-case ASCII letter.
inline bool AsciiStartsWithFolded(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (AsciiLower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Whether `a` and `b` are the same but for the case of ASCII letters.
inline bool AsciiEqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// `s` without the spaces and tabs at both ends, nor a line's trailing CR:
// HTTP's optional whitespace around a header's parts, a JSON line's blanks.
inline std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace storyline

#endif  // STORYLINE_UTIL_ASCII_H_
