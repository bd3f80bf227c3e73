#include "extract/text_cleaner.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {
namespace {

using std::string_view;

// UTF-8 spellings of the non-ASCII characters the rules look at.
constexpr string_view kRightDoubleQuote = "\xE2\x80\x9D";  // ”
constexpr string_view kLeftDoubleQuote = "\xE2\x80\x9C";   // “
constexpr string_view kRightSingleQuote = "\xE2\x80\x99";  // ’ (also the apostrophe)
constexpr string_view kLeftSingleQuote = "\xE2\x80\x98";   // ‘
constexpr string_view kEllipsis = "\xE2\x80\xA6";          // …
constexpr string_view kCopyrightSign = "\xC2\xA9";         // ©
constexpr string_view kEnDash = "\xE2\x80\x93";
constexpr string_view kEmDash = "\xE2\x80\x94";
constexpr string_view kBullet = "\xE2\x80\xA2";
constexpr string_view kMiddleDot = "\xC2\xB7";
constexpr string_view kRightGuillemet = "\xC2\xBB";  // »

// A credit is a short tail: "Image: iStock", "Photo by A B/Getty Images".
constexpr size_t kMaxCreditWords = 12;
constexpr size_t kMaxCreditBytes = 300;
constexpr size_t kMaxHeadingWords = 8;
constexpr size_t kMaxHeadlineWords = 20;
constexpr size_t kMaxWholeLineWords = 60;  // bylines, boilerplate, agency lines
constexpr size_t kDatelineReach = 6;       // lines from the top a dateline may sit
constexpr size_t kMaxDateWords = 20;       // "Posted: Nov 27, 2005 8:20 AM ET Updated: ..."

enum class Kind {
  kBody, kHeadline, kDateline, kCaption, kCredit, kCopyright, kHeading, kByline, kBoilerplate,
};

struct Line {
  std::string text;                // white space collapsed to single spaces, trimmed
  std::string lower;               // ASCII-lowercased copy: same byte offsets as text
  std::vector<string_view> words;  // views into text
  Kind kind = Kind::kBody;
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
bool Contains(string_view s, string_view needle) { return s.find(needle) != string_view::npos; }

template <size_t N>
bool IsOneOf(string_view s, const string_view (&set)[N]) {
  for (string_view x : set) {
    if (s == x) return true;
  }
  return false;
}

// Byte length of the white-space character at s[i] (ASCII, NBSP, the
// U+2000 block, narrow/medium/ideographic spaces), 0 if none.
size_t SpaceLength(string_view s, size_t i) {
  const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  const unsigned char c = b(0);
  if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return 1;
  if (c == 0xC2 && b(1) == 0xA0) return 2;
  if (c == 0xE2 && b(1) == 0x80 && (b(2) >= 0x80 && (b(2) <= 0x8A || b(2) == 0xAF))) return 3;
  if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) return 3;
  if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) return 3;
  return 0;
}

// Byte length of the line break at s[i] (\n, \r, NEL, U+2028, U+2029), 0 if none.
size_t BreakLength(string_view s, size_t i) {
  const auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (b(0) == '\n' || b(0) == '\r') return 1;
  if (b(0) == 0xC2 && b(1) == 0x85) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9)) return 3;
  return 0;
}

std::vector<string_view> SplitWords(string_view s) {
  std::vector<string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      if (i > start) words.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

enum class Case { kUpper, kLower, kDigit, kOther };

// Case of the first character of `w`. Knows ASCII, Latin-1, Latin
// Extended-A (approximately), Greek and Cyrillic; other scripts are kOther.
Case FirstCharCase(string_view w) {
  if (w.empty()) return Case::kOther;
  const unsigned char c = w[0];
  if (c < 0x80) {
    if (IsUpper(c)) return Case::kUpper;
    if (IsLower(c)) return Case::kLower;
    return IsDigit(c) ? Case::kDigit : Case::kOther;
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

// True when a line ends the way a sentence or a quote does. Such a line is
// never a heading or headline: "Election day is November 6." and
// "He said: “No.”" are body text however short they are.
bool EndsLikeSentence(string_view s) {
  if (s.empty()) return false;
  switch (s.back()) {
    case '.': case '!': case '?': case ':': case ';': case ',': case '"': case '\'':
    case ')': case ']':
      return true;
    default:
      break;
  }
  return s.ends_with(kRightDoubleQuote) || s.ends_with(kRightSingleQuote) ||
         s.ends_with(kEllipsis) || s.ends_with(kRightGuillemet);
}

string_view TrimChars(string_view w, string_view chars) {
  while (!w.empty() && chars.find(w.front()) != string_view::npos) w.remove_prefix(1);
  while (!w.empty() && chars.find(w.back()) != string_view::npos) w.remove_suffix(1);
  return w;
}

// Byte length of list/link decoration at the front or back of `s`
// ("» ", "• ", "--", "(...)"), 0 if none.
size_t DecorationLength(string_view s, bool front) {
  static constexpr string_view kMultiByte[] = {
      kBullet, "\xE2\x96\xBA", "\xE2\x96\xB6", kRightGuillemet, "\xC2\xAB", "\xE2\x80\xBA",
      "\xE2\x80\xB9", kEllipsis, "\xE2\x86\x92", kEnDash, kEmDash, kMiddleDot};
  if (s.empty()) return 0;
  const string_view ascii = front ? " -*>[(|#~=_<" : " -*>])|#~=_.:!<";
  if (ascii.find(front ? s.front() : s.back()) != string_view::npos) return 1;
  for (string_view d : kMultiByte) {
    if (front ? s.starts_with(d) : s.ends_with(d)) return d.size();
  }
  return 0;
}

// The line as the whole-line rules see it: lower case, curly apostrophes
// straightened, decoration stripped ("» Read More:" -> "read more").
std::string MatchKey(string_view text) {
  while (size_t n = DecorationLength(text, true)) text.remove_prefix(n);
  while (size_t n = DecorationLength(text, false)) text.remove_suffix(n);
  std::string key;
  key.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with(kRightSingleQuote)) {
      key.push_back('\'');
      i += kRightSingleQuote.size() - 1;
    } else {
      key.push_back(ToLower(text[i]));
    }
  }
  return key;
}

// ---------------------------------------------------------------- captions

enum class Follow { kColon, kWord, kSlash };

struct CreditMarker {
  string_view text;    // lower case
  Follow follow;       // what must come right after it
  bool opens_caption;  // at line start, the line is a caption however long
  bool agency;         // a bare name: the credit must not end like a sentence
};

constexpr CreditMarker kCreditMarkers[] = {
    {"image", Follow::kColon, true, false},          {"images", Follow::kColon, true, false},
    {"photo", Follow::kColon, true, false},          {"photos", Follow::kColon, true, false},
    {"photograph", Follow::kColon, true, false},     {"picture", Follow::kColon, true, false},
    {"pictures", Follow::kColon, true, false},       {"pic", Follow::kColon, true, false},
    {"file photo", Follow::kColon, true, false},     {"file", Follow::kColon, true, false},
    {"illustration", Follow::kColon, true, false},   {"photographer", Follow::kColon, false, false},
    {"credit", Follow::kColon, false, false},        {"credits", Follow::kColon, false, false},
    {"photo credit", Follow::kColon, false, false},  {"image credit", Follow::kColon, false, false},
    {"image source", Follow::kWord, false, false},   {"image copyright", Follow::kWord, false, false},
    {"image caption", Follow::kWord, true, false},   {"media caption", Follow::kWord, true, false},
    {"photo by", Follow::kWord, false, false},       {"photos by", Follow::kWord, false, false},
    {"photograph by", Follow::kWord, false, false},  {"picture by", Follow::kWord, false, false},
    {"image by", Follow::kWord, false, false},       {"illustration by", Follow::kWord, false, false},
    {"photo courtesy", Follow::kWord, false, false}, {"image courtesy", Follow::kWord, false, false},
    {"courtesy photo", Follow::kWord, false, false}, {"file photo", Follow::kWord, false, false},
    {"getty images", Follow::kWord, false, true},    {"shutterstock", Follow::kWord, false, true},
    {"istock", Follow::kWord, false, true},          {"istockphoto", Follow::kWord, false, true},
    {"alamy", Follow::kWord, false, true},           {"afp photo", Follow::kWord, false, true},
    {"ap photo", Follow::kWord, false, true},        {"reuters/", Follow::kSlash, false, true},
    {"afp/", Follow::kSlash, false, true},           {"epa/", Follow::kSlash, false, true},
    {"epa-efe/", Follow::kSlash, false, true},       {"xinhua/", Follow::kSlash, false, true},
};

// Case-sensitive spellings that only ever occur in photo credits, so a line
// holding one anywhere is a caption ("... 2018. REUTERS/Kevin Lamarque").
constexpr string_view kCreditAnywhere[] = {
    "REUTERS/", "AFP PHOTO", "/AFP", "/ AFP", "/Getty Images", "/ Getty Images",
    "via Getty Images", "via REUTERS", "AP Photo/",
};

// Whole-line keys that are photo furniture rather than text.
constexpr string_view kCaptionKeys[] = {
    "image", "photo", "photos", "picture", "gallery", "photo gallery", "view gallery",
    "enlarge", "enlarge this image", "toggle caption", "hide caption", "expand image",
};

// Where a credit may begin: the line start, just inside a bracket, or after a
// sentence end or separator and a space ("... 2019. Image: iStock").
bool IsSegmentStart(string_view s, size_t p) {
  if (p == 0) return true;
  if (p >= s.size() || s[p] == ' ') return false;
  if (s[p - 1] == '(' || s[p - 1] == '[') return true;
  if (s[p - 1] != ' ' || p < 2) return false;
  const string_view before = s.substr(0, p - 1);
  if (string_view(".!?|/-;").find(before.back()) != string_view::npos) return true;
  return before.ends_with(kEnDash) || before.ends_with(kEmDash) || before.ends_with(kBullet) ||
         before.ends_with(kMiddleDot) || before.ends_with(kRightDoubleQuote);
}

// "Doug Mills/The New York Times", "Evan Vucci/AP": capitalised words, a
// slash between a name and an outlet, nothing that ends a sentence.
bool IsNameSlashOutlet(string_view seg) {
  if (EndsLikeSentence(seg)) return false;
  const std::vector<string_view> words = SplitWords(seg);
  if (words.empty() || words.size() > 7) return false;
  bool slash = false;
  for (string_view w : words) {
    if (FirstCharCase(w) != Case::kUpper && w != "via") return false;
    const size_t at = w.find('/');
    if (at != string_view::npos && at > 0 && IsAlnum(w[at - 1]) &&
        FirstCharCase(w.substr(at + 1)) == Case::kUpper) {
      slash = true;
    }
  }
  return slash;
}

// Whether a credit starts at byte p of `text` (`lower` is its lowercased
// twin). Sets *opens when the marker makes the whole line a caption.
bool IsCreditAt(string_view text, string_view lower, size_t p, bool* opens) {
  const string_view rest_lower = lower.substr(p);
  for (const CreditMarker& m : kCreditMarkers) {
    if (!rest_lower.starts_with(m.text)) continue;
    const size_t end = m.text.size();
    const bool followed = m.follow == Follow::kSlash
                              ? true
                              : m.follow == Follow::kColon
                                    ? end < rest_lower.size() && rest_lower[end] == ':'
                                    : end == rest_lower.size() || !IsAlnum(rest_lower[end]);
    if (!followed) continue;
    if (p == 0 && m.opens_caption) {
      *opens = true;
      return true;
    }
    const string_view rest = text.substr(p);
    const std::vector<string_view> words = SplitWords(rest);
    if (words.size() > kMaxCreditWords) continue;
    if (m.agency && EndsLikeSentence(rest)) continue;
    if (m.follow == Follow::kSlash && words.size() < 2) continue;  // "Reuters/Ipsos"
    return true;
  }
  return IsNameSlashOutlet(text.substr(p));
}

Kind ClassifyCaption(const Line& l, const std::string& key) {
  const string_view t = l.text;
  const Kind whole = l.words.size() <= 6 ? Kind::kCredit : Kind::kCaption;
  if (IsOneOf(key, kCaptionKeys)) return Kind::kCredit;
  // AP: "FILE - In this Oct. 9, 2018, file photo, ...".
  if (t.starts_with("FILE - ") || t.starts_with("FILE \xE2\x80\x93 ") ||
      t.starts_with("FILE \xE2\x80\x94 ")) {
    return Kind::kCaption;
  }
  for (string_view needle : kCreditAnywhere) {
    if (Contains(t, needle)) return whole;
  }
  // Only the last kMaxCreditWords words can hold a credit (bar the line start),
  // which keeps the scan linear.
  size_t tail = 0;
  for (size_t i = t.size(), spaces = 0; i-- > 0;) {
    if (t[i] == ' ' && ++spaces == kMaxCreditWords) {
      tail = i + 1;
      break;
    }
  }
  // Bound the bytes scanned too: a credit is short even when its words are long.
  if (t.size() > kMaxCreditBytes) tail = std::max(tail, t.size() - kMaxCreditBytes);
  bool opens = false;
  if (IsCreditAt(t, l.lower, 0, &opens)) return whole;
  for (size_t p = std::max<size_t>(tail, 1); p < t.size(); ++p) {
    if (IsSegmentStart(t, p) && IsCreditAt(t, l.lower, p, &opens)) return Kind::kCaption;
  }
  // A bracketed credit closing the line: "... (Photo by A B/Getty Images)."
  string_view u = t;
  while (u.ends_with('.') || u.ends_with(' ')) u.remove_suffix(1);
  if (u.ends_with(')') || u.ends_with(']')) {
    const size_t open = u.find_last_of("([");
    if (open != string_view::npos) {
      const size_t len = u.size() - open - 2;
      const string_view inner = u.substr(open + 1, len);
      if (IsCreditAt(inner, string_view(l.lower).substr(open + 1, len), 0, &opens)) {
        return open == 0 ? Kind::kCredit : Kind::kCaption;
      }
    }
  }
  return Kind::kBody;
}

// --------------------------------------------------------------- copyright

bool StartsWithYear(string_view s) {
  return s.size() >= 4 && (s.starts_with("19") || s.starts_with("20")) && IsDigit(s[2]) &&
         IsDigit(s[3]);
}

bool IsCopyright(const Line& l) {
  const string_view t = l.text;
  const string_view lo = l.lower;
  if (t.starts_with(kCopyrightSign)) return true;
  // "(c) 2019 Reuters" but not a legal list item "(c) the tenant shall ...".
  if (lo.starts_with("(c) ")) {
    const string_view rest = lo.substr(4);
    if (StartsWithYear(rest) || rest.starts_with("copyright")) return true;
  }
  if (lo.starts_with("copyright ")) {  // "Copyright 2018", "Copyright © 2019", not "Copyright law"
    string_view rest = lo.substr(10);
    if (rest.starts_with(kCopyrightSign)) rest.remove_prefix(kCopyrightSign.size());
    if (rest.starts_with("(c)")) rest.remove_prefix(3);
    if (StartsWithYear(TrimChars(rest, " "))) return true;
  }
  if (l.words.size() > 40) return false;
  static constexpr string_view kPhrases[] = {
      "all rights reserved",           "may not be published, broadcast",
      "rewritten or redistributed",    "rewritten, or redistributed",
      "may not be reproduced without", "may not be republished without",
  };
  for (string_view p : kPhrases) {
    if (Contains(lo, p)) return true;
  }
  return l.words.size() <= 20 && Contains(t, kCopyrightSign);
}

// ----------------------------------------------------------------- bylines

constexpr string_view kMonths[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
};
constexpr string_view kWeekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
};

std::string LowerAscii(string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLower(c);
  return out;
}

// Lower-case words a byline may hold between names ("Jane Doe in Seoul",
// "Reporting by A and B; additional reporting by C", "staff writer").
constexpr string_view kBylineConnectors[] = {
    "and", "&", "in", "for", "of", "at", "on", "from", "with", "via", "the", "de", "del",
    "della", "di", "da", "dos", "du", "van", "von", "der", "den", "la", "le", "al", "el",
    "bin", "y", "staff", "writer", "writers", "reporter", "reporters", "correspondent",
    "editor", "contributor", "columnist", "additional", "reporting", "writing", "editing",
    "by", "updated", "published", "posted", "ago", "hour", "hours", "minute", "minutes",
    "min", "mins", "day", "days", "am", "pm", "a.m", "p.m",
};

// True when `names` is only names and their glue, starting with a name.
bool IsNameList(string_view names, bool after_plain_by) {
  const std::vector<string_view> words = SplitWords(names);
  if (words.empty() || words.size() > 20) return false;
  const string_view first = TrimChars(words[0], "(),.;:");
  if (FirstCharCase(first) != Case::kUpper) return false;
  // "By Tuesday, ..." and "By May 2019" are time phrases, not bylines.
  if (after_plain_by) {
    const std::string f = LowerAscii(first);
    if (IsOneOf(f, kMonths) || IsOneOf(f, kWeekdays)) return false;
  }
  for (string_view raw : words) {
    const string_view w = TrimChars(raw, "(),.;:|/-&");
    if (w.empty()) continue;
    if (StartsWithQuote(w)) return false;
    if (FirstCharCase(w) == Case::kLower && !IsOneOf(LowerAscii(w), kBylineConnectors)) {
      return false;
    }
  }
  return true;
}

constexpr string_view kBylinePrefixes[] = {
    "by ",          "by: ",           "written by ",      "words by ",      "story by ",
    "text by ",     "posted by ",       "reported by ",   "compiled by ",
    "reporting by ", "additional reporting by ", "writing by ", "editing by ",
    "edited by ",   "with reporting by ", "contributing reporting by ", "contributing: ",
    "contributors: ",
};

constexpr string_view kAgencyKeys[] = {
    "reuters", "ap", "afp", "associated press", "the associated press", "agence france-presse",
    "agence france presse", "bloomberg", "bloomberg news", "xinhua", "dpa", "upi", "tass",
    "kyodo", "yonhap", "efe", "pti", "ians",
};

bool IsBylineSegment(string_view seg) {
  seg = TrimChars(seg, " ");
  const std::string lo = LowerAscii(seg);
  for (string_view p : kBylinePrefixes) {
    if (lo.starts_with(p) && FirstCharCase(seg) == Case::kUpper) {
      return IsNameList(seg.substr(p.size()), p.starts_with("by"));
    }
  }
  return false;
}

bool IsByline(const Line& l, const std::string& key) {
  if (IsOneOf(key, kAgencyKeys)) return true;
  string_view t = l.text;
  if (t.starts_with('(') && (t.ends_with(')') || t.ends_with(").")))  // "(Reporting by ...)"
    t = TrimChars(t, "(). ");
  // "Reporting by A; Editing by B": every segment must be a credit.
  bool all = true;
  size_t segments = 0;
  for (size_t start = 0; start <= t.size() && all; ++segments) {
    size_t end = t.find(';', start);
    if (end == string_view::npos) end = t.size();
    all = IsBylineSegment(t.substr(start, end - start));
    start = end + 1;
  }
  if (all && segments > 0) return true;
  // "Jane Doe | Reuters", but not "May 2, 2013 | 5:03pm".
  if (l.words.size() > kMaxHeadingWords || !Contains(t, " | ")) return false;
  for (string_view w : l.words) {
    if (FirstCharCase(w) == Case::kDigit) return false;
  }
  return IsNameList(t, false);
}

// ------------------------------------------------------------- boilerplate

constexpr string_view kBoilerplateKeys[] = {
    "", "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
    "sponsored content", "paid content", "paid post", "promoted", "promoted content",
    "read more", "read more here", "continue reading", "keep reading", "share", "share this",
    "share this article", "share this story", "share this post", "share on facebook",
    "share on twitter", "tweet", "email", "e-mail", "print", "comments", "comment", "related",
    "more", "recommended", "recommended for you", "most read", "most popular", "trending",
    "trending now", "subscribe", "subscribe now", "sign up", "sign up now", "follow us",
    "log in", "sign in", "register", "loading", "newsletter", "back to top", "skip advertisement",
    "top stories", "latest news", "more stories", "you may also like", "view comments",
    "show comments", "leave a comment", "click to expand", "video", "watch", "listen", "play",
    "next", "previous", "close", "menu", "home", "copy link", "link copied",
};

struct BoilerplatePrefix {
  string_view text;  // lower case
  size_t max_words;  // longer lines are real sentences that happen to start so
};

constexpr BoilerplatePrefix kBoilerplatePrefixes[] = {
    {"read more", 30}, {"read the full", 20}, {"read full", 20}, {"also read", 30},
    {"read also", 30}, {"see also", 30}, {"related:", 30}, {"related stories", 30},
    {"related articles", 30}, {"related coverage", 30}, {"related content", 30},
    {"related news", 30}, {"related reading", 30}, {"related links", 30}, {"more:", 25},
    {"more on this", 8}, {"watch:", 25}, {"watch live", 15}, {"watch the full", 20},
    {"watch video", 15}, {"listen:", 25}, {"listen to this", 12}, {"video:", 25},
    {"click here", 30}, {"click to", 15}, {"tap here", 30}, {"sign up for", 25},
    {"sign up to", 25}, {"sign up now", 25}, {"sign up here", 25}, {"subscribe to", 25},
    {"subscribe for", 25}, {"subscribe now", 25}, {"subscribe here", 25},
    {"subscribe today", 25}, {"follow us", 15}, {"like us on", 15}, {"join us on", 15},
    {"share this", 12}, {"share on", 8}, {"share via", 8}, {"continue reading", 12},
    {"keep reading", 8}, {"story continues", 8}, {"article continues", 8},
    {"advertisement", 6}, {"sponsored by", 8}, {"sponsored:", 25}, {"for more news", 25},
    {"for more stories", 25}, {"get the latest", 25}, {"download the app", 20},
    {"download our", 20}, {"this article was originally", 40},
    {"this story was originally", 40}, {"this article originally", 40},
    {"this story originally", 40}, {"this article first appeared", 40},
    {"this story first appeared", 40}, {"originally published", 30},
    {"a version of this article", 40}, {"a version of this story", 40}, {"don't miss", 8},
    {"you may also like", 12}, {"recommended:", 25}, {"editor's picks", 10},
    {"trending:", 25}, {"most read:", 25}, {"log in to", 15}, {"sign in to", 15},
};

bool IsBoilerplate(const std::string& key, size_t words) {
  if (IsOneOf(key, kBoilerplateKeys)) return true;
  for (const BoilerplatePrefix& p : kBoilerplatePrefixes) {
    if (words > p.max_words || !key.starts_with(p.text)) continue;
    // "read more" must not match "read moreover"; "more:" ends in punctuation.
    const size_t n = p.text.size();
    if (key.size() == n || !IsAlnum(key[n]) || !IsAlnum(p.text.back())) return true;
  }
  // "Follow Jane Doe on Twitter: @janedoe".
  if (key.starts_with("follow ") && words <= 25) {
    static constexpr string_view kNetworks[] = {"twitter", "facebook", "instagram", "linkedin",
                                                "tiktok", "threads", "@", " on x"};
    for (string_view n : kNetworks) {
      if (Contains(key, n)) return true;
    }
  }
  return false;
}

// ------------------------------------------------- headline, date, heading

bool IsTimeToken(string_view w) {  // "12:30", "9:05:10", "10:15pm", "22.34"
  size_t i = 0;
  int groups = 0;
  while (i < w.size()) {
    size_t digits = 0;
    while (i < w.size() && IsDigit(w[i])) ++i, ++digits;
    if (digits == 0 || digits > 2) return false;
    ++groups;
    if (i < w.size() && (w[i] == ':' || w[i] == '.')) {
      ++i;
      continue;
    }
    break;
  }
  const string_view suffix = w.substr(i);
  return groups >= 2 && (suffix.empty() || suffix == "am" || suffix == "pm");
}

// "2013-05-03", "05/03/2013", "3.5.2013", "8/2/13": three digit groups, one
// of them a year unless slashes make the form unambiguous.
bool IsNumericDate(string_view w) {
  int groups = 0;
  bool year = w.find('/') != string_view::npos;
  size_t i = 0;
  while (i < w.size()) {
    const size_t start = i;
    while (i < w.size() && IsDigit(w[i])) ++i;
    if (i == start) return false;
    year |= i - start == 4;
    if (i - start != 4 && i - start > 2) return false;
    ++groups;
    if (i < w.size()) {
      if (w[i] != '-' && w[i] != '/' && w[i] != '.') return false;
      ++i;
    }
  }
  return groups == 3 && year;
}

// A line that is only a date, with optional weekday, time, time zone and
// "Updated"/"Published" label.
bool IsDateLine(const Line& l) {
  if (l.words.empty() || l.words.size() > kMaxDateWords) return false;
  static constexpr string_view kFiller[] = {
      "updated", "published", "posted", "article", "last", "on", "at", "@", "date", "am", "pm", "a.m", "p.m",
      "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet",
      "cest", "ist", "jst", "kst", "hkt", "sgt", "aest",
  };
  // Tokenised text (ECB+) spaces out separators: "05 / 03 / 2013", "1: 32 pm".
  std::string glued;
  for (size_t i = 0; i < l.lower.size(); ++i) {
    const char c = l.lower[i];
    const char prev = glued.empty() ? '\0' : glued.back();
    const char next = i + 1 < l.lower.size() ? l.lower[i + 1] : '\0';
    const bool after_digit_sep = (prev == '/' || prev == ':' || prev == '.') &&
                                 glued.size() >= 2 && IsDigit(glued[glued.size() - 2]);
    if (c == ' ' && ((after_digit_sep && IsDigit(next)) || (IsDigit(prev) && next == '/'))) {
      continue;
    }
    glued.push_back(c);
  }
  bool month = false, day = false, year = false, numeric = false;
  for (string_view raw : SplitWords(glued)) {
    const string_view w = TrimChars(raw, ",.;:|()/");
    if (w.empty() || w == kEnDash || w == kEmDash || w == kMiddleDot) continue;
    const size_t digits = w.find_first_not_of("0123456789");
    if (digits == string_view::npos) {
      if (w.size() <= 2) day = true;
      else if (w.size() == 4 && StartsWithYear(w)) year = true;
      else return false;
    } else if (digits > 0 && digits <= 2 &&
               IsOneOf(w.substr(digits), {"st", "nd", "rd", "th"})) {
      day = true;
    } else if (IsNumericDate(w)) {
      numeric = true;
    } else if (IsOneOf(w, kMonths)) {
      month = true;
    } else if (!IsOneOf(w, kWeekdays) && !IsOneOf(w, kFiller) && !IsTimeToken(w)) {
      return false;
    }
  }
  return numeric || (month && (day || year));
}

bool LooksLikeHeadline(const Line& l) {
  const size_t n = l.words.size();
  if (n < 2 || n > kMaxHeadlineWords || EndsLikeSentence(l.text)) return false;
  if (FirstCharCase(l.text) == Case::kLower) return false;
  // Mostly digits is a time stamp or score line ("8 / 2 / 13 at 1: 30 PM").
  size_t letters = 0, digits = 0;
  for (char c : l.text) {
    letters += IsUpper(c) || IsLower(c);
    digits += IsDigit(c);
  }
  return letters > digits;
}

// Words Title Case leaves in lower case.
constexpr string_view kSmallWords[] = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "as", "vs", "vs.", "via", "into", "over", "per", "up", "out", "off",
};
// A line ending in one of these is a broken sentence, not a heading ("Trump said").
constexpr string_view kDanglingWords[] = {
    "said", "says", "say", "told", "tells", "asked", "added", "and", "or", "but", "of", "to",
    "the", "a", "an", "in", "on", "at", "for", "with", "by", "from", "that", "which", "who",
    "as", "is", "are", "was", "were", "has", "have", "had", "will", "would",
};

// Shape of a section heading: short, no sentence punctuation, starts with a
// capital or digit, and mostly Title Case (or ALL CAPS, or very few words).
bool LooksLikeHeading(const Line& l) {
  const size_t n = l.words.size();
  if (n == 0 || n > kMaxHeadingWords || EndsLikeSentence(l.text)) return false;
  const Case first = FirstCharCase(l.text);
  if (first != Case::kUpper && first != Case::kDigit) return false;
  if (IsOneOf(LowerAscii(l.words.back()), kDanglingWords)) return false;
  size_t upper = 0, lower = 0, significant = 0, capitalised = 0;
  for (char c : l.text) {
    upper += IsUpper(c);
    lower += IsLower(c);
  }
  if (lower == 0 && upper >= 2) return true;
  for (string_view w : l.words) {
    if (IsOneOf(LowerAscii(w), kSmallWords)) continue;
    ++significant;
    capitalised += FirstCharCase(w) != Case::kLower;
  }
  return capitalised * 4 >= significant * 3 || n <= 3;
}

std::vector<Line> SplitLines(string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
  std::vector<Line> lines;
  std::string cur;
  bool pending_space = false;
  const auto flush = [&] {
    if (!cur.empty()) lines.push_back(Line{std::move(cur), {}, {}, Kind::kBody});
    cur.clear();
    pending_space = false;
  };
  for (size_t i = 0; i < text.size();) {
    if (size_t n = BreakLength(text, i)) {
      flush();
      i += n;
    } else if (size_t m = SpaceLength(text, i)) {
      pending_space = !cur.empty();
      i += m;
    } else {
      if (pending_space) cur.push_back(' ');
      pending_space = false;
      cur.push_back(text[i++]);
    }
  }
  flush();
  return lines;
}

void Count(Kind kind, CleanStats& stats) {
  switch (kind) {
    case Kind::kCaption: ++stats.captions; break;
    case Kind::kCredit: ++stats.credits; break;
    case Kind::kCopyright: ++stats.copyright; break;
    case Kind::kHeading: ++stats.headings; break;
    case Kind::kByline: ++stats.bylines; break;
    case Kind::kBoilerplate: ++stats.boilerplate; break;
    case Kind::kBody: case Kind::kHeadline: case Kind::kDateline: break;
  }
}

}  // namespace

CleanedText CleanPlainText(std::string_view text) {
  CleanedText out;
  std::vector<Line> lines = SplitLines(text);
  // `lines` no longer grows, so views into each text stay valid.
  for (Line& l : lines) {
    l.lower = LowerAscii(l.text);
    l.words = SplitWords(l.text);
    // Whole-line rules only match short lines; long paragraphs skip the key.
    const bool short_line = l.words.size() <= kMaxWholeLineWords;
    const std::string key = short_line ? MatchKey(l.text) : std::string();
    if (IsCopyright(l)) {
      l.kind = Kind::kCopyright;
    } else if (short_line && IsByline(l, key)) {
      l.kind = Kind::kByline;
    } else if (short_line && IsBoilerplate(key, l.words.size())) {
      l.kind = Kind::kBoilerplate;
    } else {
      l.kind = ClassifyCaption(l, key);
    }
  }

  // A line followed by one that starts in lower case is a fragment of a
  // hard-wrapped sentence, never a headline or heading.
  const auto continues = [&](size_t i) {
    return i + 1 < lines.size() && FirstCharCase(lines[i + 1].text) == Case::kLower;
  };

  // Header: removed lines are skipped; then a date, a headline and a one-word
  // section label ("Politics") may come in any order before the first body line.
  size_t last_body = lines.size();
  for (size_t i = lines.size(); i-- > 0;) {
    if (lines[i].kind == Kind::kBody) {
      last_body = i;
      break;
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.kind != Kind::kBody) continue;
    const bool more_after = last_body != lines.size() && last_body > i;
    if (out.dateline.empty() && IsDateLine(l)) {
      l.kind = Kind::kDateline;
      out.dateline = l.text;
    } else if (out.headline.empty() && more_after && !continues(i) && LooksLikeHeadline(l)) {
      l.kind = Kind::kHeadline;
      out.headline = l.text;
    } else if (more_after && l.words.size() == 1 && LooksLikeHeading(l)) {
      l.kind = Kind::kHeading;
    } else {
      break;
    }
  }
  // Pages often put the date under a one-sentence summary; look a little further.
  for (size_t i = 0; out.dateline.empty() && i < lines.size() && i < kDatelineReach; ++i) {
    if (lines[i].kind == Kind::kBody && IsDateLine(lines[i])) {
      lines[i].kind = Kind::kDateline;
      out.dateline = lines[i].text;
    }
  }

  // Headings sit between sentence-like body lines. When many lines lack end
  // punctuation or run on in lower case, the text is hard-wrapped and short
  // lines are fragments.
  std::vector<bool> heading_shape(lines.size(), false);
  size_t body = 0, unpunctuated = 0, run_on = 0, first_solid = lines.size(), last_solid = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kBody) continue;
    ++body;
    unpunctuated += !EndsLikeSentence(lines[i].text);
    run_on += continues(i);
    heading_shape[i] = LooksLikeHeading(lines[i]);
    if (!heading_shape[i]) {
      if (first_solid == lines.size()) first_solid = i;
      last_solid = i;
    }
  }
  const bool hard_wrapped = body >= 4 && (unpunctuated * 2 > body || run_on * 5 > body);
  for (size_t i = first_solid + 1; !hard_wrapped && i < last_solid; ++i) {
    if (heading_shape[i] && !continues(i)) {
      lines[i].kind = Kind::kHeading;
    }
  }

  for (const Line& l : lines) {
    Count(l.kind, out.stats);
    if (l.kind != Kind::kBody) continue;
    if (!out.text.empty()) out.text += "\n\n";
    out.text += l.text;
  }
  return out;
}

}  // namespace storyline::extract
