#include "extract/text_cleaner.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {
namespace {

using std::string_view;

// UTF-8 spellings of the non-ASCII characters the rules look at.
constexpr string_view kLeftDoubleQuote = "\xE2\x80\x9C";   // “
constexpr string_view kRightDoubleQuote = "\xE2\x80\x9D";  // ”
constexpr string_view kLeftSingleQuote = "\xE2\x80\x98";   // ‘
constexpr string_view kRightSingleQuote = "\xE2\x80\x99";  // ’, also the apostrophe
constexpr string_view kEllipsis = "\xE2\x80\xA6";          // …
constexpr string_view kCopyrightSign = "\xC2\xA9";         // ©
constexpr string_view kRightGuillemet = "\xC2\xBB";        // »
constexpr string_view kEnDash = "\xE2\x80\x93";
constexpr string_view kEmDash = "\xE2\x80\x94";
constexpr string_view kBullet = "\xE2\x80\xA2";
constexpr string_view kMiddleDot = "\xC2\xB7";

constexpr size_t kMaxCreditWords = 12;   // a credit is a short tail: "Image: iStock"
constexpr size_t kMaxCreditBytes = 300;  // ... even when its words are long
constexpr size_t kMaxHeadingWords = 8;
constexpr size_t kMaxHeadlineWords = 20;
// Byte caps too, for scripts that do not put spaces between words.
constexpr size_t kMaxHeadingBytes = 120;
constexpr size_t kMaxHeadlineBytes = 300;
constexpr size_t kMaxWholeLineWords = 60;  // bylines, boilerplate, agency lines
constexpr size_t kDatelineReach = 6;       // lines from the top a dateline may sit
constexpr size_t kMaxDateWords = 20;       // "Posted: Nov 27, 2005 8:20 AM ET Updated: ..."

// Word lists are '|'-separated lower-case strings: short to read, and the
// long ones are only ever checked against short lines.
constexpr string_view kMonths =
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
constexpr string_view kWeekdays =
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";

template <class Pred>
bool AnyItem(string_view list, Pred pred) {
  for (size_t start = 0, i = 0; i <= list.size(); ++i) {
    if (i < list.size() && list[i] != '|') continue;
    if (pred(list.substr(start, i - start))) return true;
    start = i + 1;
  }
  return false;
}

// One substring search instead of a walk over the items.
bool InList(string_view list, string_view s) {
  if (s.empty() || s.find('|') != string_view::npos) return false;
  for (size_t at = list.find(s); at != string_view::npos; at = list.find(s, at + 1)) {
    const size_t end = at + s.size();
    if ((at == 0 || list[at - 1] == '|') && (end == list.size() || list[end] == '|')) return true;
  }
  return false;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsUpper(c) || IsLower(c) || IsDigit(c); }
bool Contains(string_view s, string_view needle) { return s.find(needle) != string_view::npos; }

std::string LowerAscii(string_view s) {
  std::string out(s);
  for (char& c : out) c = IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::vector<string_view> SplitWords(string_view s) {
  std::vector<string_view> words;
  for (size_t start = 0, i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ' ') continue;
    if (i > start) words.push_back(s.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

string_view TrimChars(string_view w, string_view chars) {
  while (!w.empty() && chars.find(w.front()) != string_view::npos) w.remove_prefix(1);
  while (!w.empty() && chars.find(w.back()) != string_view::npos) w.remove_suffix(1);
  return w;
}

// Byte length of the line break (\n \r NEL U+2028 U+2029) or, when `breaks`
// is false, of the white space (ASCII, NBSP, U+2000-200A, U+202F, U+205F,
// U+3000) at s[i]; 0 if none.
size_t SeparatorLength(string_view s, size_t i, bool breaks) {
  const auto b = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (breaks) {
    if (b(0) == '\n' || b(0) == '\r') return 1;
    if (b(0) == 0xC2 && b(1) == 0x85) return 2;
    return b(0) == 0xE2 && b(1) == 0x80 && (b(2) == 0xA8 || b(2) == 0xA9) ? 3 : 0;
  }
  if (b(0) == ' ' || b(0) == '\t' || b(0) == '\v' || b(0) == '\f') return 1;
  if (b(0) == 0xC2 && b(1) == 0xA0) return 2;
  if (b(0) == 0xE2 && b(1) == 0x80 && ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xAF)) return 3;
  const bool wide = (b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) ||
                    (b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80);
  return wide ? 3 : 0;
}

enum class Case { kUpper, kLower, kDigit, kOther };

// Case of the first character of `w`. Knows ASCII, Latin-1, Latin Extended-A
// (approximately), Greek and Cyrillic; other scripts and punctuation are kOther.
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
  if (string_view(".!?:;,\"')]").find(s.back()) != string_view::npos) return true;
  // ” ’ … » and the CJK full stop, marks and closing quotes 。！？」』.
  static constexpr string_view kMultiByte[] = {
      kRightDoubleQuote, kRightSingleQuote, kEllipsis,      kRightGuillemet, "\xE3\x80\x82",
      "\xEF\xBC\x81",    "\xEF\xBC\x9F",    "\xE3\x80\x8D", "\xE3\x80\x8F"};
  return std::any_of(std::begin(kMultiByte), std::end(kMultiByte),
                     [s](string_view end) { return s.ends_with(end); });
}

// Byte length of list or link decoration at the front or back of `s`
// ("» ", "• ", "--", "(...)"), 0 if none.
size_t DecorationLength(string_view s, bool front) {
  static constexpr string_view kMultiByte[] = {
      kBullet,        "\xE2\x96\xBA", "\xE2\x96\xB6", kRightGuillemet, "\xC2\xAB", "\xE2\x80\xBA",
      "\xE2\x80\xB9", kEllipsis,      "\xE2\x86\x92", kEnDash,         kEmDash,    kMiddleDot};
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
  for (size_t i = 0; i < text.size(); ++i) {
    const bool apostrophe = text.substr(i).starts_with(kRightSingleQuote);
    key.push_back(apostrophe ? '\'' : text[i]);
    if (apostrophe) i += kRightSingleQuote.size() - 1;
  }
  return LowerAscii(key);
}

enum class Kind {
  kBody,
  kHeadline,
  kDateline,
  kCaption,
  kCredit,
  kCopyright,
  kHeading,
  kByline,
  kBoilerplate
};

struct Line {
  std::string text;                // white space collapsed to single spaces, trimmed
  std::string lower;               // ASCII-lowercased copy, same byte offsets as text
  std::vector<string_view> words;  // views into text
  std::string key;                 // MatchKey(text), only for short lines
  Kind kind = Kind::kBody;
};

// ---------------------------------------------------------------- captions

// At a line start these make the whole line a caption ("FILE PHOTO: ...",
// BBC "Image caption ..."); elsewhere they start a credit tail like the rest.
constexpr string_view kCaptionColonMarkers =
    "image|images|photo|photos|photograph|picture|pictures|pic|file photo|file|illustration";
constexpr string_view kCaptionWordMarkers = "image caption|media caption";
constexpr string_view kCreditColonMarkers = "photographer|credit|credits|photo credit|image credit";
constexpr string_view kCreditWordMarkers =
    "image source|image copyright|photo by|photos by|photograph by|picture by|image by|"
    "illustration by|photo courtesy|image courtesy|courtesy photo|file photo";
// Bare names: the tail must not end like a sentence ("Getty Images said ...").
constexpr string_view kAgencyMarkers =
    "getty images|shutterstock|istock|istockphoto|alamy|afp photo|ap photo";
// Need a second word, so a "Reuters/Ipsos poll" is not a credit.
constexpr string_view kSlashAgencyMarkers = "reuters/|afp/|epa/|epa-efe/|xinhua/";
// Case-sensitive spellings found only in photo credits, so they mark a
// caption wherever they are ("... 2018. REUTERS/Kevin Lamarque").
constexpr string_view kCreditAnywhere[] = {"REUTERS/",  "AFP PHOTO",  "/AFP",    "/ AFP",
                                           "/Getty",    "/GETTY",     "/ Getty", "via Getty",
                                           "AP Photo/", "via REUTERS"};
// Whole-line keys that are photo furniture.
constexpr string_view kCaptionKeys =
    "image|photo|photos|picture|gallery|photo gallery|view gallery|enlarge|enlarge this image|"
    "toggle caption|hide caption|expand image";

// Where a credit may begin: just inside a bracket, or after a sentence end
// or separator and a space ("... 2019. Image: iStock").
bool IsSegmentStart(string_view s, size_t p) {
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
  if (words.size() < 2 || words.size() > 7) return false;  // not a "(Reuters/Ipsos)" poll
  bool slash = false;
  for (string_view w : words) {
    if (FirstCharCase(w) != Case::kUpper && w != "via") return false;
    const size_t at = w.find('/');
    slash |= at != string_view::npos && at > 0 && IsAlnum(w[at - 1]) &&
             FirstCharCase(w.substr(at + 1)) == Case::kUpper;
  }
  return slash;
}

// Whether a credit starts at byte p of `text` (`lower` is its lowercased twin).
bool IsCreditAt(string_view text, string_view lower, size_t p) {
  const string_view rest = lower.substr(p);
  const auto colon = [rest](string_view m) {
    return rest.starts_with(m) && rest.substr(m.size()).starts_with(':');
  };
  const auto word = [rest](string_view m) {
    return rest.starts_with(m) && (rest.size() == m.size() || !IsAlnum(rest[m.size()]));
  };
  const auto prefix = [rest](string_view m) { return rest.starts_with(m); };
  if (p == 0 && (AnyItem(kCaptionColonMarkers, colon) || AnyItem(kCaptionWordMarkers, word))) {
    return true;
  }
  const string_view tail = text.substr(p);
  const size_t words = std::count(tail.begin(), tail.end(), ' ') + 1;
  if (words > kMaxCreditWords) return false;
  if (AnyItem(kCaptionColonMarkers, colon) || AnyItem(kCreditColonMarkers, colon) ||
      AnyItem(kCaptionWordMarkers, word) || AnyItem(kCreditWordMarkers, word)) {
    return true;
  }
  if (!EndsLikeSentence(tail) &&
      (AnyItem(kAgencyMarkers, word) || (words >= 2 && AnyItem(kSlashAgencyMarkers, prefix)))) {
    return true;
  }
  return IsNameSlashOutlet(tail);
}

Kind ClassifyCaption(const Line& l) {
  const string_view t = l.text;
  // Short lines are a bare credit ("Getty Images"); longer ones carry a caption.
  const Kind found = l.words.size() <= 6 ? Kind::kCredit : Kind::kCaption;
  if (InList(kCaptionKeys, l.key)) return Kind::kCredit;
  // AP: "FILE - In this Oct. 9, 2018, file photo, ...".
  if (t.starts_with("FILE - ") || t.starts_with("FILE \xE2\x80\x93 ") ||
      t.starts_with("FILE \xE2\x80\x94 ")) {
    return Kind::kCaption;
  }
  for (string_view needle : kCreditAnywhere) {
    if (Contains(t, needle)) return found;
  }
  if (IsCreditAt(t, l.lower, 0)) return found;
  // Past the line start only the last kMaxCreditWords words (and bytes) can
  // hold a credit, which keeps the scan linear.
  size_t tail = t.size() > kMaxCreditBytes ? t.size() - kMaxCreditBytes : 1;
  for (size_t i = t.size(), spaces = 0; i-- > tail;) {
    if (t[i] == ' ' && ++spaces == kMaxCreditWords) tail = i + 1;
  }
  for (size_t p = tail; p < t.size(); ++p) {
    if (IsSegmentStart(t, p) && IsCreditAt(t, l.lower, p)) return Kind::kCaption;
  }
  // A bracketed credit closing the line: "... (Photo by A B/Getty Images)."
  const string_view u = TrimChars(t, ". ");
  const size_t open = u.find_last_of("([");
  if ((u.ends_with(')') || u.ends_with(']')) && open != string_view::npos) {
    const size_t at = u.data() - t.data() + open + 1;
    const size_t len = u.size() - open - 2;
    if (IsCreditAt(t.substr(at, len), string_view(l.lower).substr(at, len), 0)) {
      return at == 1 ? Kind::kCredit : Kind::kCaption;
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
  const string_view lo = l.lower;
  if (l.text.starts_with(kCopyrightSign)) return true;
  // "(c) 2019 Reuters", but not a list item "(c) the tenant shall ...".
  if (lo.starts_with("(c) ") && (StartsWithYear(lo.substr(4)) || Contains(lo, "copyright"))) {
    return true;
  }
  if (lo.starts_with("copyright ")) {  // "Copyright © 2019", not "Copyright law ..."
    string_view rest = lo.substr(10);
    if (rest.starts_with(kCopyrightSign)) rest.remove_prefix(kCopyrightSign.size());
    if (rest.starts_with("(c)")) rest.remove_prefix(3);
    if (StartsWithYear(TrimChars(rest, " "))) return true;
  }
  if (l.words.size() > 40) return false;
  static constexpr string_view kPhrases =
      "all rights reserved|may not be published, broadcast|rewritten or redistributed|"
      "rewritten, or redistributed|may not be reproduced without|may not be republished without";
  if (AnyItem(kPhrases, [lo](string_view p) { return Contains(lo, p); })) return true;
  return l.words.size() <= 20 && Contains(l.text, kCopyrightSign);
}

// ----------------------------------------------------------------- bylines

constexpr string_view kBylinePrefixes =
    "by |by: |written by |words by |story by |text by |posted by |reported by |compiled by |"
    "reporting by |additional reporting by |writing by |editing by |edited by |"
    "with reporting by |contributing reporting by |contributing: |contributors: ";
// Lower-case words a byline may hold between names ("Jane Doe in Seoul",
// "Reporting by A; additional reporting by B", "staff writer", "3 hours ago").
constexpr string_view kBylineGlue =
    "and|&|in|for|of|at|on|from|with|via|the|de|del|della|di|da|dos|du|van|von|der|den|la|le|"
    "al|el|bin|y|staff|writer|writers|reporter|reporters|correspondent|editor|contributor|"
    "columnist|additional|reporting|writing|editing|by|updated|published|posted|ago|hour|hours|"
    "minute|minutes|min|mins|day|days|am|pm|a.m|p.m";
constexpr string_view kAgencyKeys =
    "reuters|ap|afp|associated press|the associated press|agence france-presse|"
    "agence france presse|bloomberg|bloomberg news|xinhua|dpa|upi|tass|kyodo|yonhap|efe|pti|ians|"
    "staff report|staff reports|from staff reports|staff and wire reports|wire reports|"
    "wire services|news services";

// True when `names` is only names and their glue, starting with a name.
bool IsNameList(string_view names, bool after_by) {
  const std::vector<string_view> words = SplitWords(names);
  if (words.empty() || words.size() > 20) return false;
  const string_view first = TrimChars(words[0], "(),.;:");
  if (FirstCharCase(first) != Case::kUpper) return false;
  // "By Tuesday, ..." and "By May 2019" are time phrases, not bylines.
  const std::string first_lower = LowerAscii(first);
  if (after_by && (InList(kMonths, first_lower) || InList(kWeekdays, first_lower))) return false;
  for (string_view raw : words) {
    const string_view w = TrimChars(raw, "(),.;:|/-&");
    if (StartsWithQuote(w)) return false;
    if (FirstCharCase(w) == Case::kLower && !InList(kBylineGlue, LowerAscii(w))) return false;
  }
  return true;
}

bool IsBylineSegment(string_view seg) {
  seg = TrimChars(seg, " ");
  if (FirstCharCase(seg) != Case::kUpper) return false;
  const std::string lo = LowerAscii(seg);
  string_view prefix;
  const bool found = AnyItem(kBylinePrefixes, [&](string_view p) {
    prefix = p;
    return lo.starts_with(p);
  });
  return found && IsNameList(seg.substr(prefix.size()), prefix.starts_with("by"));
}

bool IsByline(const Line& l) {
  if (InList(kAgencyKeys, l.key)) return true;
  string_view t = l.text;
  if (t.starts_with('(') && (t.ends_with(')') || t.ends_with(")."))) t = TrimChars(t, "(). ");
  // "Reporting by A; Editing by B": every segment must be a credit.
  bool all = true;
  for (size_t start = 0; start <= t.size() && all;) {
    const size_t end = std::min(t.find(';', start), t.size());
    all = IsBylineSegment(t.substr(start, end - start));
    start = end + 1;
  }
  if (all) return true;
  // "Jane Doe | Reuters", but not "May 2, 2013 | 5:03pm".
  if (l.words.size() > kMaxHeadingWords || !Contains(t, " | ")) return false;
  for (string_view w : l.words) {
    if (FirstCharCase(w) == Case::kDigit) return false;
  }
  return IsNameList(t, false);
}

// ------------------------------------------------------------- boilerplate

constexpr string_view kBoilerplateKeys =
    "advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|"
    "paid post|promoted|promoted content|read more|read more here|continue reading|keep reading|"
    "share|share this|share this article|share this story|share this post|share on facebook|"
    "share on twitter|tweet|email|e-mail|print|comments|comment|related|more|recommended|"
    "recommended for you|most read|most popular|trending|trending now|subscribe|subscribe now|"
    "sign up|sign up now|follow us|log in|sign in|register|loading|newsletter|back to top|"
    "skip advertisement|top stories|latest news|more stories|you may also like|view comments|"
    "show comments|leave a comment|click to expand|video|watch|listen|play|next|previous|close|"
    "menu|home|copy link|link copied";

// Line openings that make a short line page furniture. A longer line is a
// real sentence that happens to start so ("Advertisement revenue fell ...").
struct BoilerplatePrefixes {
  size_t max_words;
  string_view list;
};
constexpr BoilerplatePrefixes kBoilerplatePrefixes[] = {
    {6, "advertisement"},
    {8,
     "more on this|share on|share via|keep reading|story continues|article continues|"
     "sponsored by|don't miss"},
    {15,
     "listen to this|continue reading|share this|you may also like|editor's picks|watch live|"
     "watch video|click to|click for|follow us|like us on|join us on|log in to|sign in to"},
    {25,
     "read the full|read full|watch the full|download the app|download our|more:|watch:|listen:|"
     "video:|related:|recommended:|trending:|most read:|sponsored:|sign up for|sign up to|"
     "sign up now|sign up here|subscribe to|subscribe for|subscribe now|subscribe here|"
     "subscribe today|for more news|for more stories|get the latest"},
    {30,
     "read more|also read|read also|see also|related stories|related articles|related coverage|"
     "related content|related news|related reading|related links|click here|tap here|"
     "originally published"},
    {40,
     "this article was originally|this story was originally|this article originally|"
     "this story originally|this article first appeared|this story first appeared|"
     "a version of this article|a version of this story"}};

bool IsBoilerplate(const Line& l) {
  const std::string& key = l.key;
  const size_t words = l.words.size();
  if (key.empty() || InList(kBoilerplateKeys, key)) return true;  // "***", "Advertisement"
  // "read more" must not match "read moreover"; "more:" ends in punctuation.
  const auto opens = [&key](string_view p) {
    return key.starts_with(p) &&
           (key.size() == p.size() || !IsAlnum(key[p.size()]) || !IsAlnum(p.back()));
  };
  for (const BoilerplatePrefixes& group : kBoilerplatePrefixes) {
    if (words <= group.max_words && AnyItem(group.list, opens)) return true;
  }
  // "Follow Jane Doe on Twitter: @janedoe".
  return key.starts_with("follow ") && words <= 25 &&
         AnyItem("twitter|facebook|instagram|linkedin|tiktok|threads|@| on x",
                 [&key](string_view n) { return Contains(key, n); });
}

// --------------------------------------------------- dates, headlines, headings

bool IsTimeToken(string_view w) {  // "12:30", "9:05:10", "10:15pm", "22.34"
  size_t i = 0;
  int groups = 0;
  for (;;) {
    const size_t start = i;
    while (i < w.size() && IsDigit(w[i])) ++i;
    if (i == start || i - start > 2) return false;
    ++groups;
    if (i >= w.size() || (w[i] != ':' && w[i] != '.')) break;
    ++i;
  }
  const string_view suffix = w.substr(i);
  return groups >= 2 && (suffix.empty() || suffix == "am" || suffix == "pm");
}

// "2013-05-03", "05/03/2013", "3.5.2013", "8/2/13": three digit groups, one
// of them a year unless slashes make the form unambiguous.
bool IsNumericDate(string_view w) {
  int groups = 0;
  bool year = Contains(w, "/");
  for (size_t i = 0; i < w.size();) {
    const size_t start = i;
    while (i < w.size() && IsDigit(w[i])) ++i;
    if (i == start || (i - start > 2 && i - start != 4)) return false;
    year |= i - start == 4;
    ++groups;
    if (i < w.size() && w[i] != '-' && w[i] != '/' && w[i] != '.') return false;
    if (i < w.size()) ++i;
  }
  return groups == 3 && year;
}

// A line that is only a date, with optional weekday, time, time zone and
// "Updated"/"Published" label.
bool IsDateLine(const Line& l) {
  if (l.words.empty() || l.words.size() > kMaxDateWords) return false;
  // Tokenised text (ECB+) spaces out separators: "05 / 03 / 2013", "1: 32 pm".
  std::string glued;
  for (size_t i = 0; i < l.lower.size(); ++i) {
    const char prev = glued.empty() ? '\0' : glued.back();
    const char next = i + 1 < l.lower.size() ? l.lower[i + 1] : '\0';
    const bool after_digit_sep = (prev == '/' || prev == ':' || prev == '.') && glued.size() >= 2 &&
                                 IsDigit(glued[glued.size() - 2]);
    const bool glue = (after_digit_sep && IsDigit(next)) || (IsDigit(prev) && next == '/');
    if (l.lower[i] != ' ' || !glue) glued.push_back(l.lower[i]);
  }
  static constexpr string_view kFiller =
      "updated|published|posted|article|last|on|at|@|date|am|pm|a.m|p.m|et|est|edt|ct|cst|cdt|pt|"
      "pst|pdt|gmt|utc|bst|cet|cest|ist|jst|kst|hkt|sgt|aest";
  bool month = false, day = false, year = false, numeric = false;
  for (string_view raw : SplitWords(glued)) {
    const string_view w = TrimChars(raw, ",.;:|()/");
    if (w.empty() || w == kEnDash || w == kEmDash || w == kMiddleDot) continue;
    const size_t digits = w.find_first_not_of("0123456789");
    if (digits == string_view::npos) {
      if (w.size() > 2 && (w.size() != 4 || !StartsWithYear(w))) return false;
      (w.size() <= 2 ? day : year) = true;
    } else if (digits > 0 && digits <= 2 && InList("st|nd|rd|th", w.substr(digits))) {
      day = true;
    } else if (IsNumericDate(w)) {
      numeric = true;
    } else if (InList(kMonths, w)) {
      month = true;
    } else if (!InList(kWeekdays, w) && !InList(kFiller, w) && !IsTimeToken(w)) {
      return false;
    }
  }
  return numeric || (month && (day || year));
}

bool LooksLikeHeadline(const Line& l) {
  const size_t n = l.words.size();
  if (n < 2 || n > kMaxHeadlineWords || l.text.size() > kMaxHeadlineBytes) return false;
  if (EndsLikeSentence(l.text)) return false;
  if (FirstCharCase(l.text) == Case::kLower) return false;
  // Mostly digits is a time stamp or score line ("8 / 2 / 13 at 1: 30 PM").
  const auto letters =
      std::count_if(l.text.begin(), l.text.end(), [](char c) { return IsUpper(c) || IsLower(c); });
  return letters > std::count_if(l.text.begin(), l.text.end(), IsDigit);
}

// Shape of a section heading: short, no sentence punctuation, starts with a
// capital or digit, and mostly Title Case (or ALL CAPS, or up to 3 words).
bool LooksLikeHeading(const Line& l) {
  // Words Title Case leaves lower case, and words that leave a sentence hanging.
  static constexpr string_view kSmallWords =
      "a|an|the|and|or|but|nor|of|in|on|at|to|for|with|by|from|as|vs|vs.|via|into|over|per|up|"
      "out|off";
  static constexpr string_view kDanglingWords =
      "said|says|say|told|tells|asked|added|and|or|but|of|to|the|a|an|in|on|at|for|with|by|from|"
      "that|which|who|as|is|are|was|were|has|have|had|will|would";
  const size_t n = l.words.size();
  if (n == 0 || n > kMaxHeadingWords || l.text.size() > kMaxHeadingBytes) return false;
  if (EndsLikeSentence(l.text)) return false;
  const Case first = FirstCharCase(l.text);
  if (first != Case::kUpper && first != Case::kDigit) return false;
  if (InList(kDanglingWords, LowerAscii(l.words.back()))) return false;  // "Trump said"
  if (std::none_of(l.text.begin(), l.text.end(), IsLower) &&
      std::count_if(l.text.begin(), l.text.end(), IsUpper) >= 2) {
    return true;
  }
  size_t significant = 0, capitalised = 0;
  for (string_view w : l.words) {
    if (InList(kSmallWords, LowerAscii(w))) continue;
    ++significant;
    capitalised += FirstCharCase(w) != Case::kLower;
  }
  return capitalised * 4 >= significant * 3 || n <= 3;
}

// ------------------------------------------------------------------ driver

std::vector<Line> SplitLines(string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
  std::vector<Line> lines;
  std::string cur;
  bool pending_space = false;
  for (size_t i = 0; i <= text.size();) {
    if (i == text.size() || SeparatorLength(text, i, true) > 0) {
      if (!cur.empty()) lines.emplace_back().text = std::move(cur);
      cur.clear();
      pending_space = false;
      i += i == text.size() ? 1 : SeparatorLength(text, i, true);
    } else if (size_t n = SeparatorLength(text, i, false)) {
      pending_space = !cur.empty();
      i += n;
    } else {
      if (pending_space) cur.push_back(' ');
      pending_space = false;
      cur.push_back(text[i++]);
    }
  }
  return lines;
}

Kind ClassifyOnItsOwn(Line& l) {
  l.lower = LowerAscii(l.text);
  l.words = SplitWords(l.text);
  if (IsCopyright(l)) return Kind::kCopyright;
  // The whole-line rules only match short lines; paragraphs skip the key.
  if (l.words.size() <= kMaxWholeLineWords) {
    l.key = MatchKey(l.text);
    if (IsByline(l)) return Kind::kByline;
    if (IsBoilerplate(l)) return Kind::kBoilerplate;
  }
  return ClassifyCaption(l);
}

}  // namespace

CleanedText CleanPlainText(std::string_view text) {
  CleanedText out;
  std::vector<Line> lines = SplitLines(text);
  // `lines` no longer grows, so the word views into each text stay valid.
  for (Line& l : lines) l.kind = ClassifyOnItsOwn(l);

  // A line followed by one starting in lower case is part of a hard-wrapped
  // sentence: never a headline or heading.
  const auto run_on = [&](size_t i) {
    return i + 1 < lines.size() && FirstCharCase(lines[i + 1].text) == Case::kLower;
  };
  size_t last_body = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kBody) last_body = i;
  }

  // Header: removed lines are skipped; then a date, a headline and a one-word
  // section label ("Politics") may come in any order before the first body line.
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    if (l.kind != Kind::kBody) continue;
    if (out.dateline.empty() && IsDateLine(l)) {
      l.kind = Kind::kDateline;
      out.dateline = l.text;
    } else if (out.headline.empty() && i < last_body && !run_on(i) && LooksLikeHeadline(l)) {
      l.kind = Kind::kHeadline;
      out.headline = l.text;
    } else if (i < last_body && l.words.size() == 1 && LooksLikeHeading(l)) {
      l.kind = Kind::kHeading;
    } else {
      break;
    }
  }
  // Pages often put the date under a one-sentence summary; look a little further.
  for (size_t i = 0; out.dateline.empty() && i < std::min(lines.size(), kDatelineReach); ++i) {
    if (lines[i].kind == Kind::kBody && IsDateLine(lines[i])) {
      lines[i].kind = Kind::kDateline;
      out.dateline = lines[i].text;
    }
  }

  // Headings sit between sentence-like body lines. When many lines lack end
  // punctuation or run on in lower case the text is hard-wrapped, and short
  // lines are fragments of sentences.
  std::vector<bool> heading_shape(lines.size(), false);
  size_t body = 0, unpunctuated = 0, run_ons = 0, first_solid = lines.size(), last_solid = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kBody) continue;
    ++body;
    unpunctuated += !EndsLikeSentence(lines[i].text);
    run_ons += run_on(i);
    heading_shape[i] = LooksLikeHeading(lines[i]);
    if (heading_shape[i]) continue;
    first_solid = std::min(first_solid, i);
    last_solid = i;
  }
  const bool hard_wrapped = body >= 4 && (unpunctuated * 2 > body || run_ons * 5 > body);
  for (size_t i = first_solid + 1; !hard_wrapped && i < last_solid; ++i) {
    if (heading_shape[i] && !run_on(i)) lines[i].kind = Kind::kHeading;
  }

  // Where each dropped kind is counted, indexed by Kind.
  CleanStats& s = out.stats;
  int* const counters[] = {nullptr,      nullptr,     nullptr,    &s.captions,   &s.credits,
                           &s.copyright, &s.headings, &s.bylines, &s.boilerplate};
  static_assert(static_cast<int>(Kind::kBoilerplate) == 8, "counters follow Kind");
  for (const Line& l : lines) {
    if (int* counter = counters[static_cast<int>(l.kind)]) ++*counter;
    if (l.kind != Kind::kBody) continue;
    if (!out.text.empty()) out.text += "\n\n";
    out.text += l.text;
  }
  return out;
}

}  // namespace storyline::extract
