#include "extract/metadata_strings.h"

#include <cstdint>

#include "extract/html_document.h"
#include "util/utf8.h"

namespace storyline::extract::metadata_internal {
namespace {

// Decodes the character references that survive in metadata values: libxml2
// decodes attributes once, but many sites escape twice ("&amp;#8217;"), and
// JSON-LD strings are not HTML-decoded at all.
std::string DecodeEntities(std::string_view s) {
  if (!Contains(s, "&")) return std::string(s);
  struct Named {
    std::string_view name;
    std::uint32_t cp;
  };
  static constexpr Named kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
      {"rdquo", 0x201D},  {"ldquo", 0x201C}, {"mdash", 0x2014}, {"ndash", 0x2013},
      {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},   {"middot", 0xB7},
      {"copy", 0xA9},     {"eacute", 0xE9},  {"egrave", 0xE8},  {"aacute", 0xE1},
      {"oacute", 0xF3},   {"iacute", 0xED},  {"uacute", 0xFA},  {"ntilde", 0xF1},
      {"ccedil", 0xE7},   {"auml", 0xE4},    {"ouml", 0xF6},    {"uuml", 0xFC},
      {"szlig", 0xDF},    {"agrave", 0xE0},  {"ecirc", 0xEA},   {"bull", 0x2022}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      out.push_back(s[i++]);
      continue;
    }
    std::size_t semi = s.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view ref = s.substr(i + 1, semi - i - 1);
    bool done = false;
    if (ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x' || ref[1] == 'X';
      std::uint32_t cp = 0;
      bool ok = ref.size() > (hex ? 2u : 1u);
      for (std::size_t k = hex ? 2 : 1; k < ref.size() && ok; ++k) {
        char c = ref[k];
        int digit = (c >= '0' && c <= '9')          ? c - '0'
                    : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                    : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                    : -1;
        if (digit < 0) ok = false;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
      }
      if (ok) {
        AppendUtf8(cp, &out);
        done = true;
      }
    } else {
      for (const Named& n : kNamed) {
        if (n.name == ref) {
          AppendUtf8(n.cp, &out);
          done = true;
          break;
        }
      }
    }
    if (done) {
      i = semi + 1;
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

}  // namespace

std::string CleanValue(std::string_view s) {
  std::string once = DecodeEntities(s);
  if (Contains(once, "&")) once = DecodeEntities(once);
  return CollapseWhitespace(once);
}

}  // namespace storyline::extract::metadata_internal
