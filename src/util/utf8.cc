#include "util/utf8.h"

#include <simdjson.h>

namespace storyline {

bool IsValidUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

std::size_t FindInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else
      return i;
    if (i + len > n) return i;
    char32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return n;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  while (!text.empty()) {
    std::size_t bad = FindInvalidUtf8(text);
    out.append(text.substr(0, bad));
    if (bad == text.size()) break;
    out.append("\xEF\xBF\xBD");  // U+FFFD
    text.remove_prefix(bad + 1);
  }
  return out;
}

bool RepairC1Controls(std::string* text) {
  // UTF-8 of the windows-1252 characters of bytes 0x80-0x9F; "" for the
  // five it leaves undefined.
  static constexpr std::string_view kCp1252[32] = {"\xE2\x82\xAC",
                                                   "",
                                                   "\xE2\x80\x9A",
                                                   "\xC6\x92",
                                                   "\xE2\x80\x9E",
                                                   "\xE2\x80\xA6",
                                                   "\xE2\x80\xA0",
                                                   "\xE2\x80\xA1",
                                                   "\xCB\x86",
                                                   "\xE2\x80\xB0",
                                                   "\xC5\xA0",
                                                   "\xE2\x80\xB9",
                                                   "\xC5\x92",
                                                   "",
                                                   "\xC5\xBD",
                                                   "",
                                                   "",
                                                   "\xE2\x80\x98",
                                                   "\xE2\x80\x99",
                                                   "\xE2\x80\x9C",
                                                   "\xE2\x80\x9D",
                                                   "\xE2\x80\xA2",
                                                   "\xE2\x80\x93",
                                                   "\xE2\x80\x94",
                                                   "\xCB\x9C",
                                                   "\xE2\x84\xA2",
                                                   "\xC5\xA1",
                                                   "\xE2\x80\xBA",
                                                   "\xC5\x93",
                                                   "",
                                                   "\xC5\xBE",
                                                   "\xC5\xB8"};
  const auto c1_at = [text](std::size_t from) {
    for (std::size_t at = text->find('\xC2', from); at != std::string::npos;
         at = text->find('\xC2', at + 1)) {
      if (at + 1 < text->size() && static_cast<unsigned char>((*text)[at + 1]) >= 0x80 &&
          static_cast<unsigned char>((*text)[at + 1]) <= 0x9F) {
        return at;
      }
    }
    return std::string::npos;
  };
  std::size_t at = c1_at(0);
  if (at == std::string::npos) return false;
  std::string out;
  out.reserve(text->size() + 16);
  std::size_t done = 0;
  for (; at != std::string::npos; at = c1_at(done)) {
    out.append(*text, done, at - done);
    const std::string_view with = kCp1252[static_cast<unsigned char>((*text)[at + 1]) - 0x80];
    out.append(with.empty() ? std::string_view(" ") : with);
    done = at + 2;
  }
  out.append(*text, done);
  *text = std::move(out);
  return true;
}

}  // namespace storyline
