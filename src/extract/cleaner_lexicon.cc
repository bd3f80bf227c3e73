#include "extract/cleaner_lexicon.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace storyline::extract::lexicon {
namespace {

using std::string_view;

constexpr size_t kMaxDateWords = 20;  // "Posted: Nov 27, 2005 8:20 AM ET Updated: ..."

// A string looked for only where its anchor is: a byte rare in prose, which
// memchr skips to far faster than a search for each string moves.
struct AnchoredString {
  string_view text;
  char anchor;    // text[offset]
  size_t offset;  // of the first byte of text that is one of the anchors
};

template <size_t N>
constexpr std::array<AnchoredString, N> Anchor(const std::array<string_view, N>& strings,
                                               string_view anchors) {
  std::array<AnchoredString, N> out{};
  for (size_t i = 0; i < N; ++i) {
    const size_t at = strings[i].find_first_of(anchors);
    if (at == string_view::npos) throw "every string needs one of the anchors";
    out[i] = {strings[i], strings[i][at], at};
  }
  return out;
}

// The anchors `strings` use, each once, in order; and how many there are.
template <size_t N>
constexpr std::pair<std::array<char, N>, size_t> DistinctAnchors(
    const std::array<AnchoredString, N>& strings) {
  std::array<char, N> anchors{};
  size_t n = 0;
  for (const AnchoredString& s : strings) {
    if (string_view(anchors.data(), n).find(s.anchor) == string_view::npos) anchors[n++] = s.anchor;
  }
  return {anchors, n};
}

// Whether `s` (lower case if `folded`) is at line[at], in LowerAscii(line)
// if `folded`. Tries the last byte first: most anchors are false alarms.
bool MatchesAt(string_view line, size_t at, string_view s, bool folded) {
  if (line.size() - at < s.size()) return false;
  const string_view here = line.substr(at, s.size());
  if (folded) return AsciiLower(here.back()) == s.back() && AsciiStartsWithFolded(here, s);
  return here.back() == s.back() && here == s;
}

constexpr auto kAnchoredCredits =
    Anchor(std::to_array(kCreditAnywhere), "/ABCDEFGHIJKLMNOPQRSTUVWXYZ");
constexpr auto kCreditAnchors = DistinctAnchors(kAnchoredCredits);

constexpr auto kAnchoredPhrases = [] {
  std::array<string_view, kCopyrightPhrases.size()> phrases{};
  size_t n = 0;
  kCopyrightPhrases.Any([&](string_view p) {
    phrases[n++] = p;
    return false;
  });
  return Anchor(phrases, "bv");
}();

// Byte length of list or link decoration at the front or back of `s`
// ("» ", "• ", "--", "(...)"), 0 if none.
size_t DecorationLength(string_view s, bool front) {
  static constexpr string_view kMultiByte[] = {
      kBullet,        "\xE2\x96\xBA", "\xE2\x96\xB6", kRightGuillemet, "\xC2\xAB", "\xE2\x80\xBA",
      "\xE2\x80\xB9", kEllipsis,      "\xE2\x86\x92", kEnDash,         kEmDash,    kMiddleDot};
  if (s.empty()) return 0;
  const char edge = front ? s.front() : s.back();
  if ((front ? ByteSet(" -*>[(|#~=_<") : ByteSet(" -*>])|#~=_.:!<")).Has(edge)) return 1;
  if (IsAscii(edge)) return 0;
  for (string_view d : kMultiByte) {
    if (front ? s.starts_with(d) : s.ends_with(d)) return d.size();
  }
  return 0;
}

}  // namespace

Case FirstCharCase(string_view w) {
  if (w.empty()) return Case::kOther;
  const unsigned char c = w[0];
  if (c < 0x80) {
    if (IsUpper(c)) return Case::kUpper;
    if (IsLower(c)) return Case::kLower;
    return AsciiDigit(c) ? Case::kDigit : Case::kOther;
  }
  if (c < 0xC2 || c > 0xDF || w.size() < 2) return Case::kOther;
  const uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(w[1]) & 0x3Fu);
  if (cp == 0xD7 || cp == 0xF7) return Case::kOther;  // × ÷
  if (cp >= 0xC0 && cp <= 0xDE) return Case::kUpper;
  if (cp >= 0xDF && cp <= 0xFF) return Case::kLower;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0 ? Case::kUpper : Case::kLower;
  if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F)) return Case::kUpper;
  if ((cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F)) return Case::kLower;
  return Case::kOther;
}

bool StartsWithQuote(string_view s) {
  return s.starts_with('"') || s.starts_with('\'') || s.starts_with(kLeftDoubleQuote) ||
         s.starts_with(kLeftSingleQuote) || s.starts_with(kRightDoubleQuote);
}

bool EndsLikeSentence(string_view s) {
  if (s.empty()) return false;
  if (ByteSet(".!?:;,\"')]").Has(s.back())) return true;
  if (IsAscii(s.back())) return false;
  // ” ’ … » and the CJK full stop, marks and closing quotes 。！？」』.
  static constexpr string_view kMultiByte[] = {
      kRightDoubleQuote, kRightSingleQuote, kEllipsis,      kRightGuillemet, "\xE3\x80\x82",
      "\xEF\xBC\x81",    "\xEF\xBC\x9F",    "\xE3\x80\x8D", "\xE3\x80\x8F"};
  return std::any_of(std::begin(kMultiByte), std::end(kMultiByte),
                     [s](string_view end) { return s.ends_with(end); });
}

size_t UnicodeSeparatorLength(string_view s, bool breaks) {
  const auto b = [s](size_t k) -> unsigned {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0;
  };
  if (breaks) {
    if (b(0) == 0xC2 && b(1) == 0x85) return 2;
    return b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9) ? 3 : 0;
  }
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xAF)) return 3;
  const bool wide = (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) ||
                    (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80);
  return wide ? 3 : 0;
}

bool ContainsFolded(string_view s, string_view needle) {
  for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (AsciiStartsWithFolded(s.substr(i), needle)) return true;
  }
  return false;
}

size_t CountSpaces(string_view s, size_t cap) {
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size() && n < cap; i += 8) {
    n += CountFlagged(ZeroBytes(Load8(s.data() + i) ^ Repeated(' ')));
  }
  for (; i < s.size() && n < cap; ++i) n += s[i] == ' ';
  return n;
}

size_t AfterLastSpaces(string_view s, size_t n, size_t floor) {
  for (size_t i = s.size(), spaces = 0; i-- > floor;) {
    if (i >= floor + 8) {  // eight bytes at a time while they keep the count short of n
      const size_t more = CountFlagged(ZeroBytes(Load8(s.data() + i - 7) ^ Repeated(' ')));
      if (spaces + more < n) {
        spaces += more;
        i -= 7;
        continue;
      }
    }
    if (s[i] == ' ' && ++spaces == n) return i + 1;
  }
  return floor;
}

// One memchr scan per distinct anchor (capital or slash) instead of one
// substring search per marker.
bool HasCreditMarker(string_view line) {
  const auto& [anchors, anchor_count] = kCreditAnchors;
  for (const char anchor : string_view(anchors.data(), anchor_count)) {
    for (size_t at = line.find(anchor); at != string_view::npos; at = line.find(anchor, at + 1)) {
      for (const AnchoredString& m : kAnchoredCredits) {
        if (m.anchor == anchor && m.offset <= at && MatchesAt(line, at - m.offset, m.text, false)) {
          return true;
        }
      }
    }
  }
  return false;
}

// Compares the phrases only around the b's and v's, in either case.
bool HasCopyrightPhrase(string_view line) {
  for (const char anchor : {'b', 'B', 'v', 'V'}) {
    for (size_t at = line.find(anchor); at != string_view::npos; at = line.find(anchor, at + 1)) {
      for (const AnchoredString& p : kAnchoredPhrases) {
        if (p.anchor == AsciiLower(anchor) && p.offset <= at &&
            MatchesAt(line, at - p.offset, p.text, true)) {
          return true;
        }
      }
    }
  }
  return false;
}

void MatchKey(string_view line, size_t max_bytes, std::string& key) {
  while (size_t n = DecorationLength(line, true)) line.remove_prefix(n);
  while (size_t n = DecorationLength(line, false)) line.remove_suffix(n);
  key.resize(std::min(line.size(), max_bytes));
  char* out = key.data();
  char* const end = out + key.size();
  for (size_t i = 0; i < line.size() && out != end;) {
    if (i + 8 <= line.size() && end - out >= 8) {
      const uint64_t x = Load8(line.data() + i);
      if (!ZeroBytes(x ^ Repeated(kRightSingleQuote[0]))) {  // no apostrophe starts here
        Store8(out, LowerAscii8(x));
        out += 8;
        i += 8;
        continue;
      }
    }
    const bool apostrophe = line.substr(i).starts_with(kRightSingleQuote);
    *out++ = apostrophe ? '\'' : AsciiLower(line[i]);
    i += apostrophe ? kRightSingleQuote.size() : 1;
  }
  key.resize(out - key.data());
}

bool IsTimeToken(string_view w) {
  size_t i = 0;
  int groups = 0;
  for (;;) {
    const size_t start = i;
    while (i < w.size() && AsciiDigit(w[i])) ++i;
    if (i == start || i - start > 2) return false;
    ++groups;
    if (i >= w.size() || (w[i] != ':' && w[i] != '.')) break;
    ++i;
  }
  const string_view suffix = w.substr(i);
  return groups >= 2 && (suffix.empty() || suffix == "am" || suffix == "pm");
}

bool IsNumericDate(string_view w) {
  int groups = 0;
  bool year = Contains(w, "/");
  for (size_t i = 0; i < w.size();) {
    const size_t start = i;
    while (i < w.size() && AsciiDigit(w[i])) ++i;
    if (i == start || (i - start > 2 && i - start != 4)) return false;
    year |= i - start == 4;
    ++groups;
    if (i < w.size() && w[i] != '-' && w[i] != '/' && w[i] != '.') return false;
    if (i < w.size()) ++i;
  }
  return groups == 3 && year;
}

bool IsDateLine(string_view line, size_t words) {
  if (words == 0 || words > kMaxDateWords) return false;
  // A section's name may head the date: "Sports · December 5, 2021 · 9:15
  // PM UTC", "World | May 3, 2013".
  if (const size_t space = line.find(' '); words > 3 && space != string_view::npos) {
    const string_view label = line.substr(0, space);
    const string_view rest = line.substr(space + 1);
    for (string_view sep : {kMiddleDot, string_view("|"), kEnDash, kEmDash}) {
      if (rest.starts_with(sep) && rest.substr(sep.size()).starts_with(' ') &&
          std::all_of(label.begin(), label.end(), AsciiAlpha)) {
        return IsDateLine(rest.substr(sep.size() + 1), words - 2);
      }
    }
  }
  bool month = false, day = false, year = false, numeric = false;
  const auto date_word = [&](string_view raw) {
    const string_view w = TrimChars(raw, ",.;:|()/");
    if (w.empty() || w == kEnDash || w == kEmDash || w == kMiddleDot) return true;
    const size_t digits = w.find_first_not_of("0123456789");
    if (digits == string_view::npos) {
      if (w.size() > 2 && (w.size() != 4 || !StartsWithYear(w))) return false;
      (w.size() <= 2 ? day : year) = true;
    } else if (digits > 0 && digits <= 2 && kOrdinalSuffixes.Has(w.substr(digits))) {
      day = true;
    } else if (IsNumericDate(w)) {
      numeric = true;
    } else if (kMonths.Has(w)) {
      month = true;
    } else if (!kWeekdays.Has(w) && !kDateFiller.Has(w) && !IsTimeToken(w)) {
      return false;
    }
    return true;
  };
  // Tokenised text (ECB+) spaces out separators: "05 / 03 / 2013", "1: 32 pm".
  // Words are judged as soon as the glued text has them, so a body line
  // is given up on at its first word.
  std::string glued;
  size_t word_start = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = AsciiLower(line[i]);
    const char prev = glued.empty() ? '\0' : glued.back();
    const char next = i + 1 < line.size() ? AsciiLower(line[i + 1]) : '\0';
    const bool after_digit_sep = (prev == '/' || prev == ':' || prev == '.') && glued.size() >= 2 &&
                                 AsciiDigit(glued[glued.size() - 2]);
    const bool glue = (after_digit_sep && AsciiDigit(next)) || (AsciiDigit(prev) && next == '/');
    if (c == ' ' && glue) continue;
    if (c == ' ') {
      if (!date_word(string_view(glued).substr(word_start))) return false;
      word_start = glued.size() + 1;
    }
    glued.push_back(c);
  }
  return date_word(string_view(glued).substr(word_start)) && (numeric || (month && (day || year)));
}

}  // namespace storyline::extract::lexicon
