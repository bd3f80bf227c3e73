#include "extract/char_refs.h"

#include <libxml/HTMLparser.h>

#include <cstddef>
#include <optional>
#include <string_view>

#include "util/ascii.h"
#include "util/utf8.h"

namespace storyline::extract {
namespace {

using std::string_view;

constexpr size_t kMaxNameBytes = 8;     // "thetasym", the longest HTML 4 name
constexpr size_t kMaxNumberDigits = 7;  // "&#1114111;", "&#x10FFFF;"

// The character of the reference that `ref` (from just after its '&' to just
// before its ';') names, if it is one.
std::optional<char32_t> Referenced(string_view ref) {
  if (ref.empty()) return std::nullopt;
  if (ref[0] == '#') {
    const bool hex = ref.size() > 1 && (ref[1] == 'x' || ref[1] == 'X');
    const string_view digits = ref.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > kMaxNumberDigits) return std::nullopt;
    char32_t cp = 0;
    for (char c : digits) {
      const int digit = hex ? AsciiHexValue(c) : (AsciiDigit(c) ? c - '0' : -1);
      if (digit < 0) return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    return cp;  // AppendUtf8() writes U+FFFD for what no character is
  }
  if (ref.size() > kMaxNameBytes) return std::nullopt;
  char name[kMaxNameBytes + 1];
  for (size_t i = 0; i < ref.size(); ++i) {
    const char c = ref[i];
    if (!AsciiAlnum(c)) return std::nullopt;
    name[i] = c;
  }
  name[ref.size()] = '\0';
  if (ref == "apos") return U'\'';  // XML's, not in HTML 4
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name));
  if (e == nullptr) return std::nullopt;
  return static_cast<char32_t>(e->value);
}

}  // namespace

bool DecodeCharacterReferences(std::string* text) {
  const string_view in = *text;
  size_t amp = in.find('&');
  if (amp == string_view::npos) return false;
  std::string out;
  size_t copied = 0;  // in[0, copied) is in `out`
  for (; amp != string_view::npos; amp = in.find('&', amp + 1)) {
    // "&#x" and the digits, or a name, then the ";".
    const size_t reach = std::min(in.size(), amp + 3 + kMaxNumberDigits + 1);
    const size_t semi = in.substr(0, reach).find(';', amp + 1);
    if (semi == string_view::npos) continue;
    const std::optional<char32_t> cp = Referenced(in.substr(amp + 1, semi - amp - 1));
    if (!cp) continue;
    if (out.empty()) out.reserve(in.size());
    out.append(in, copied, amp - copied);
    AppendUtf8(*cp, &out);
    copied = semi + 1;
    amp = semi;
  }
  if (copied == 0) return false;
  out.append(in, copied, string_view::npos);
  *text = std::move(out);
  return true;
}

}  // namespace storyline::extract
