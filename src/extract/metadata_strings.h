// The string helpers the readers of a page's metadata share
// (extract/metadata.cc, metadata_site.cc, metadata_json_ld.cc): values
// cleaned of character references and runs of white space, names folded for
// comparison, words counted. Internal to page metadata (extract/metadata.h);
// nothing else should include it.
//
//   std::string site = CleanValue("The Guardian &amp;#8217;s");
//   if (Fold(site) == Fold(other) || LooksLikeUrl(site)) ...
//
// Thread-safety: pure functions.
#ifndef STORYLINE_EXTRACT_METADATA_STRINGS_H_
#define STORYLINE_EXTRACT_METADATA_STRINGS_H_

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

#include "util/ascii.h"

namespace storyline::extract::metadata_internal {

// Whether `needle` occurs in `haystack`.
inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// Character references decoded (extract/char_refs.h), twice-escaped ones
// ("&amp;#8217;") too, and runs of white space collapsed.
std::string CleanValue(std::string_view s);

// Lower-case ASCII letters and digits, non-ASCII bytes kept: "The Guardian"
// and "the-guardian" compare equal.
inline std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out.push_back(AsciiLower(c));
  }
  return out;
}

// How many runs of characters other than ' ', '\t' and '\n' `s` holds.
inline std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool ws = c == ' ' || c == '\t' || c == '\n';
    if (!ws && !in) ++n;
    in = !ws;
  }
  return n;
}

// Whether `s` starts like a URL ("http://", "https://", "www.", "//"; any case).
inline bool LooksLikeUrl(std::string_view s) {
  return AsciiStartsWithFolded(s, "http://") || AsciiStartsWithFolded(s, "https://") ||
         AsciiStartsWithFolded(s, "www.") || AsciiStartsWithFolded(s, "//");
}

}  // namespace storyline::extract::metadata_internal

#endif  // STORYLINE_EXTRACT_METADATA_STRINGS_H_
