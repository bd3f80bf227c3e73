// What the plain-text cleaner (text_cleaner.cc) looks for, and the byte-level
// matching it looks with: the markers of photo credits, bylines, copyright
// footers and page furniture, the words of dates and headings, the
// characters the rules know, and the scans that find them in a line.
//
// All of it runs on every line of every article, so it is written for speed:
// matchers fold case as they compare instead of lower-casing a copy, byte
// sets are bitmaps, word lists are split at compile time, and the long scans
// take printable ASCII eight bytes at a time. Each gives exactly the answer
// of the plain loop it stands for.
//
// Thread-safety: constants and pure functions only.
#ifndef STORYLINE_EXTRACT_CLEANER_LEXICON_H_
#define STORYLINE_EXTRACT_CLEANER_LEXICON_H_

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "util/ascii.h"
#include "util/bytes8.h"

namespace storyline::extract::lexicon {

// -------------------------------------------------------------- characters

// UTF-8 spellings of the non-ASCII characters the rules look at.
inline constexpr std::string_view kLeftDoubleQuote = "\xE2\x80\x9C";   // “
inline constexpr std::string_view kRightDoubleQuote = "\xE2\x80\x9D";  // ”
inline constexpr std::string_view kLeftSingleQuote = "\xE2\x80\x98";   // ‘
inline constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";  // ’, also the apostrophe
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";          // …
inline constexpr std::string_view kCopyrightSign = "\xC2\xA9";         // ©
inline constexpr std::string_view kRightGuillemet = "\xC2\xBB";        // »
inline constexpr std::string_view kEnDash = "\xE2\x80\x93";
inline constexpr std::string_view kEmDash = "\xE2\x80\x94";
inline constexpr std::string_view kBullet = "\xE2\x80\xA2";
inline constexpr std::string_view kMiddleDot = "\xC2\xB7";

inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
// The multi-byte characters the rules look for are non-ASCII to the last
// byte, so an ASCII byte at an end rules them all out without a compare.
inline bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// A set of bytes, written as a string literal and tested without a search:
// the rules ask "is this byte one of these" of many bytes of every line.
class ByteSet {
 public:
  // Implicit, so TrimChars(w, "(),.;:") reads like the string it is built from.
  consteval ByteSet(const char* bytes) {  // NOLINT(google-explicit-constructor)
    for (; *bytes != '\0'; ++bytes) {
      const auto b = static_cast<unsigned char>(*bytes);
      bits_[b / 64] |= uint64_t{1} << (b % 64);
    }
  }
  constexpr bool Has(char c) const {
    const auto b = static_cast<unsigned char>(c);
    return (bits_[b / 64] >> (b % 64)) & 1;
  }

 private:
  std::array<uint64_t, 4> bits_{};
};

enum class Case { kUpper, kLower, kDigit, kOther };

// Case of the first character of `w`. Knows ASCII, Latin-1, Latin Extended-A
// (approximately), Greek and Cyrillic; other scripts and punctuation are kOther.
Case FirstCharCase(std::string_view w);

bool StartsWithQuote(std::string_view s);

// True when a line ends the way a sentence or a quote does. Such a line is
// never a heading or headline: "Election day is November 6." and
// "He said: “No.”" are body text however short they are.
bool EndsLikeSentence(std::string_view s);

// Byte length of the Unicode line break (NEL U+2028 U+2029) or, when
// `breaks` is false, of the Unicode white space (NBSP, U+2000-200A, U+202F,
// U+205F, U+3000) that `s` starts with; 0 if none.
size_t UnicodeSeparatorLength(std::string_view s, bool breaks);

// ---------------------------------------------------------------- matching
//
// The rules match lower-case words against ASCII-lowercased text (written
// LowerAscii(s) below). Folding where they compare costs nothing for the
// many comparisons that fail at the first byte.

inline bool Contains(std::string_view s, std::string_view needle) {
  return s.find(needle) != std::string_view::npos;
}

// s.starts_with(prefix), but most lines differ at the first byte and are
// told so without a call to memcmp. REQUIRES: !prefix.empty().
inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return !s.empty() && s[0] == prefix[0] && s.starts_with(prefix);
}

// Whether LowerAscii(s) contains `needle`. Quadratic; for rare lines only.
bool ContainsFolded(std::string_view s, std::string_view needle);

// Calls f(word) for the ' '-separated words of `s` in order until f returns
// false; returns whether every call returned true.
template <class F>
bool EveryWord(std::string_view s, F f) {
  for (size_t start = 0, i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != ' ') continue;
    if (i > start && !f(s.substr(start, i - start))) return false;
    start = i + 1;
  }
  return true;
}

inline size_t CountWords(std::string_view s) {
  size_t n = 0;
  EveryWord(s, [&n](std::string_view) {
    ++n;
    return true;
  });
  return n;
}

inline std::string_view TrimChars(std::string_view w, ByteSet chars) {
  while (!w.empty() && chars.Has(w.front())) w.remove_prefix(1);
  while (!w.empty() && chars.Has(w.back())) w.remove_suffix(1);
  return w;
}

// ---------------------------------------------------- eight bytes at a time
//
// util/bytes8.h: eight bytes as one word and exact per-byte tests on it.

using ::storyline::AllPrintable;
using ::storyline::BytesBetween;
using ::storyline::CountFlagged;
using ::storyline::kEveryByte;
using ::storyline::kHighBits;
using ::storyline::Load8;
using ::storyline::LowerAscii8;
using ::storyline::Repeated;
using ::storyline::Store8;
using ::storyline::ZeroBytes;

// Number of spaces in `s`, or some number >= cap once there are that many.
size_t CountSpaces(std::string_view s, size_t cap);

// Just past the n-th space from the end of `s`, looking back no further than
// s[floor]; `floor` if there are fewer.
size_t AfterLastSpaces(std::string_view s, size_t n, size_t floor);

// --------------------------------------------------------------- word lists

// A '|'-separated list of lower-case items, split at compile time:
//
//   inline constexpr WordList kMonths("january|february|...");
//   if (kMonths.HasFolded(word)) ...
//
// Items are non-empty and at most kMaxItems; a list that breaks either rule
// does not compile.
class WordList {
 public:
  static constexpr size_t kMaxItems = 96;

  consteval explicit WordList(std::string_view list) : list_(list) {
    for (size_t start = 0, i = 0; i <= list.size(); ++i) {
      if (i < list.size() && list[i] != '|') continue;
      if (i == start || size_ == kMaxItems) throw "WordList: empty item or too many items";
      ends_[size_++] = static_cast<uint16_t>(i);
      const auto first = static_cast<unsigned char>(list[start]);
      first_bytes_[first / 64] |= uint64_t{1} << (first % 64);
      max_size_ = i - start > max_size_ ? i - start : max_size_;
      start = i + 1;
    }
  }

  // Calls pred(item) in list order until it returns true; returns whether it did.
  template <class Pred>
  constexpr bool Any(Pred pred) const {
    for (size_t i = 0, start = 0; i < size_; start = ends_[i++] + 1) {
      if (pred(list_.substr(start, ends_[i] - start))) return true;
    }
    return false;
  }

  // Any(pred) over the items whose first byte is that of LowerAscii(s), for
  // a `pred` that cannot hold for the others: most lists are skipped whole.
  template <class Pred>
  constexpr bool AnyOpening(std::string_view s, Pred pred) const {
    if (s.empty()) return false;
    const char c = AsciiLower(s[0]);
    const auto b = static_cast<unsigned char>(c);
    if (!((first_bytes_[b / 64] >> (b % 64)) & 1)) return false;
    return Any([c, &pred](std::string_view item) { return item[0] == c && pred(item); });
  }

  // Whether `s` is one of the items.
  constexpr bool Has(std::string_view s) const {
    if (s.empty() || s.size() > max_size_) return false;
    return Any([s](std::string_view item) { return item == s; });
  }

  // Whether LowerAscii(s) is one of the items.
  constexpr bool HasFolded(std::string_view s) const {
    if (s.empty() || s.size() > max_size_) return false;
    return AnyOpening(s, [s](std::string_view item) {
      return item.size() == s.size() && AsciiStartsWithFolded(s, item);
    });
  }

  constexpr size_t size() const { return size_; }
  constexpr size_t max_size() const { return max_size_; }  // of the longest item

 private:
  std::string_view list_;
  std::array<uint16_t, kMaxItems> ends_{};  // one past each item's last byte
  size_t size_ = 0;
  size_t max_size_ = 0;
  std::array<uint64_t, 4> first_bytes_{};  // bit b: some item starts with byte b
};

// Dates.
inline constexpr WordList kMonths(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec");
inline constexpr WordList kWeekdays(
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun");
inline constexpr WordList kOrdinalSuffixes("st|nd|rd|th");
// Words a date line may carry besides the date: labels, time zones.
inline constexpr WordList kDateFiller(
    "updated|published|posted|article|last|on|at|@|date|am|pm|a.m|p.m|et|est|edt|ct|cst|cdt|pt|"
    "pst|pdt|gmt|utc|bst|cet|cest|ist|jst|kst|hkt|sgt|aest");

// Captions. At a line start these make the whole line a caption ("FILE
// PHOTO: ...", BBC "Image caption ..."); elsewhere they start a credit tail
// like the rest.
inline constexpr WordList kCaptionColonMarkers(
    "image|images|photo|photos|photograph|picture|pictures|pic|file photo|file|illustration");
inline constexpr WordList kCaptionWordMarkers("image caption|media caption");
inline constexpr WordList kCreditColonMarkers(
    "photographer|credit|credits|photo credit|image credit");
inline constexpr WordList kCreditWordMarkers(
    "image source|image copyright|photo by|photos by|photograph by|picture by|image by|"
    "illustration by|photo courtesy|image courtesy|courtesy photo|file photo");
// Bare names: the tail must not end like a sentence ("Getty Images said ...").
inline constexpr WordList kAgencyMarkers(
    "getty images|shutterstock|istock|istockphoto|alamy|afp photo|ap photo");
// Need a second word, so a "Reuters/Ipsos poll" is not a credit.
inline constexpr WordList kSlashAgencyMarkers("reuters/|afp/|epa/|epa-efe/|xinhua/");
// Case-sensitive spellings found only in photo credits, so they mark a
// caption wherever they are ("... 2018. REUTERS/Kevin Lamarque"). Each has a
// capital or a slash (see HasCreditMarker).
inline constexpr std::string_view kCreditAnywhere[] = {
    "REUTERS/", "AFP PHOTO", "/AFP",      "/ AFP",     "/Getty",
    "/GETTY",   "/ Getty",   "via Getty", "AP Photo/", "via REUTERS"};
// Whole-line keys that are photo furniture.
inline constexpr WordList kCaptionKeys(
    "image|photo|photos|picture|gallery|photo gallery|view gallery|enlarge|enlarge this image|"
    "toggle caption|hide caption|expand image");

// Copyright footers. Each phrase has a 'b' or a 'v' (see HasCopyrightPhrase).
inline constexpr WordList kCopyrightPhrases(
    "all rights reserved|may not be published, broadcast|rewritten or redistributed|"
    "rewritten, or redistributed|may not be reproduced without|may not be republished without");

// Bylines.
inline constexpr WordList kBylinePrefixes(
    "by |by: |written by |words by |story by |text by |posted by |reported by |compiled by |"
    "reporting by |additional reporting by |writing by |editing by |edited by |"
    "with reporting by |contributing reporting by |contributing: |contributors: ");
// Lower-case words a byline may hold between names ("Jane Doe in Seoul",
// "Reporting by A; additional reporting by B", "staff writer", "3 hours ago").
inline constexpr WordList kBylineGlue(
    "and|&|in|for|of|at|on|from|with|via|the|de|del|della|di|da|dos|du|van|von|der|den|la|le|"
    "al|el|bin|y|staff|writer|writers|reporter|reporters|correspondent|editor|contributor|"
    "columnist|additional|reporting|writing|editing|by|updated|published|posted|ago|hour|hours|"
    "minute|minutes|min|mins|day|days|am|pm|a.m|p.m");
// Newsroom roles a byline without "By" ends in: "Washington Post Staff
// Writers", "Associated Press Writer", "Chief Political Correspondent".
inline constexpr WordList kNewsroomRoles(
    "staff writer|staff writers|staff reporter|staff reporters|staff correspondent|"
    "correspondent|correspondents|contributing writer|contributing reporter|press writer|"
    "news services writer|business writer|sports writer|science writer|political writer");
inline constexpr WordList kAgencyKeys(
    "reuters|ap|afp|associated press|the associated press|agence france-presse|"
    "agence france presse|bloomberg|bloomberg news|xinhua|dpa|upi|tass|kyodo|yonhap|efe|pti|ians|"
    "staff report|staff reports|from staff reports|staff and wire reports|wire reports|"
    "wire services|news services");

// Boilerplate: whole-line keys, and line openings that make a short line
// page furniture. A longer line is a real sentence that happens to start so
// ("Advertisement revenue fell ...").
inline constexpr WordList kBoilerplateKeys(
    "advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|"
    "paid post|promoted|promoted content|read more|read more here|continue reading|keep reading|"
    "share|share this|share this article|share this story|share this post|share on facebook|"
    "share on twitter|tweet|email|e-mail|print|comments|comment|related|more|recommended|"
    "recommended for you|most read|most popular|trending|trending now|subscribe|subscribe now|"
    "sign up|sign up now|follow us|log in|sign in|register|loading|newsletter|back to top|"
    "skip advertisement|top stories|latest news|more stories|you may also like|view comments|"
    "show comments|leave a comment|click to expand|video|watch|listen|play|next|previous|close|"
    "menu|home|copy link|link copied|"
    // The same in German, Spanish, French, Italian and Portuguese.
    "anzeige|werbung|publicidad|publicité|pubblicità|publicidade");
// Furniture that a page's text can run into the next sentence on one line
// ("Continue reading the main story Thomas Friedman writes: ..."): the
// phrase is cut and the sentence kept. Only whole phrases that no sentence
// of news opens with.
inline constexpr WordList kLeadingFurniture(
    "continue reading the main story|story continues below advertisement|"
    "story continues below|article continues below|advertisement continues below|"
    "advertisement|print mail|print email|print e-mail|"
    // German news sites: "Weiterlesen nach der Anzeige Anzeige Die ...".
    "weiterlesen nach der anzeige anzeige|weiterlesen nach der anzeige|anzeige");

struct BoilerplatePrefixes {
  size_t max_words;
  WordList list;
};
inline constexpr BoilerplatePrefixes kBoilerplatePrefixes[] = {
    {6, WordList("advertisement")},
    {8, WordList("more on this|share on|share via|keep reading|story continues|article continues|"
                 "sponsored by|don't miss")},
    {15, WordList("listen to this|continue reading|share this|you may also like|editor's picks|"
                  "watch live|watch video|click to|click for|follow us|like us on|join us on|"
                  "log in to|sign in to")},
    {25, WordList("read the full|read full|watch the full|download the app|download our|more:|"
                  "watch:|listen:|video:|related:|recommended:|trending:|most read:|sponsored:|"
                  "sign up for|sign up to|sign up now|sign up here|subscribe to|subscribe for|"
                  "subscribe now|subscribe here|subscribe today|for more news|for more stories|"
                  "get the latest|den vollständigen artikel lesen|lee la nota|"
                  "leer más|lire la suite|continua a leggere|leia mais")},
    {30,
     WordList("read more|also read|read also|see also|related stories|related articles|"
              "related coverage|related content|related news|related reading|related links|"
              "click here|tap here|originally published|lesen sie auch|mehr zum thema|"
              "lee también|te puede interesar|lire aussi|à lire aussi|leggi anche|leia também")},
    {40, WordList("this article was originally|this story was originally|this article originally|"
                  "this story originally|this article first appeared|this story first appeared|"
                  "a version of this article|a version of this story")}};
// A site telling its reader about cookies: a line naming cookies and one of
// these is a consent notice, not news (a scraper that met the site's
// consent page keeps it as text). The site's own voice, not the words
// "cookie" or "privacy" alone: articles are written about those.
inline constexpr WordList kCookieNoticeVoice(
    "this site|this website|our site|our website|our partners|your browser|your device|"
    "your consent|cookie policy|cookie settings|we use cookies|enable cookies|must be enabled|"
    // German, French, Spanish, Italian, Portuguese, Dutch, Polish.
    "diese seite|diese website|unserer website|unserer webseite|unsere website|unsere webseite|"
    "ihrem browser|ihr browser|datenschutzerkl|datenschutzbestimmung|datenschutzrichtlinie|"
    "ce site|notre site|votre navigateur|utilisons des cookies|politique de confidentialit|"
    "este sitio|nuestro sitio|nuestra web|su navegador|utilizamos cookies|usamos cookies|"
    "política de privacidad|questo sito|nostro sito|utilizziamo|este site|nosso site|"
    "política de privacidade|deze website|onze website|wij gebruiken cookies|cookiebeleid|"
    "naszej stronie|naszych stron|polityce prywatno|polityka prywatno|polityki prywatno");

// "Follow Jane Doe on Twitter: @janedoe".
inline constexpr WordList kSocialNetworks(
    "twitter|facebook|instagram|linkedin|tiktok|threads|@| on x");

// Headings: words Title Case leaves lower case, and words that leave a
// sentence hanging.
inline constexpr WordList kSmallWords(
    "a|an|the|and|or|but|nor|of|in|on|at|to|for|with|by|from|as|vs|vs.|via|into|over|per|up|"
    "out|off");
// Capitalised function words that open sentences (and seldom a headline
// or credit, where a word in lower case does not soon follow them).
inline constexpr WordList kSentenceOpeners(
    "The|A|An|He|She|It|They|We|I|His|Her|Their|Its|Our|This|That|These|Those|After|When|"
    "While|As|In|On|At|But|If|Since|Last");
inline constexpr WordList kDanglingWords(
    "said|says|say|told|tells|asked|added|and|or|but|of|to|the|a|an|in|on|at|for|with|by|from|"
    "that|which|who|as|is|are|was|were|has|have|had|will|would");

// ------------------------------------------------------------------ finders

// Whether `line` holds one of kCreditAnywhere.
bool HasCreditMarker(std::string_view line);

// Whether LowerAscii(line) holds one of kCopyrightPhrases.
bool HasCopyrightPhrase(std::string_view line);

// The line as the whole-line rules see it: lower case, curly apostrophes
// straightened, decoration stripped ("» Read More:" -> "read more"). Written
// into `key`, whose buffer the caller reuses, and cut after `max_bytes`.
void MatchKey(std::string_view line, size_t max_bytes, std::string& key);

// How much of a key the rules read. Whole keys are only compared with list
// items, all shorter than this, and openings are shorter still, so a key cut
// here matches exactly what the whole key would, and a paragraph is not
// lower-cased in full. Only a "Follow ..." line needs its whole key.
inline constexpr size_t kKeyPrefixBytes = 64;
static_assert(kAgencyKeys.max_size() < kKeyPrefixBytes &&
              kBoilerplateKeys.max_size() < kKeyPrefixBytes &&
              kCaptionKeys.max_size() < kKeyPrefixBytes);
static_assert([] {
  for (const BoilerplatePrefixes& group : kBoilerplatePrefixes) {
    if (group.list.max_size() >= kKeyPrefixBytes) return false;
  }
  return true;
}());

// ------------------------------------------------------------------- dates

// A year from 1900 to 2099 at the start of `s`.
inline bool StartsWithYear(std::string_view s) {
  return s.size() >= 4 && (s.starts_with("19") || s.starts_with("20")) && AsciiDigit(s[2]) &&
         AsciiDigit(s[3]);
}

// "12:30", "9:05:10", "10:15pm", "22.34".
bool IsTimeToken(std::string_view w);

// "2013-05-03", "05/03/2013", "3.5.2013", "8/2/13": three digit groups, one
// of them a year unless slashes make the form unambiguous.
bool IsNumericDate(std::string_view w);

// Whether a line of `words` words is only a date, with optional weekday,
// time, time zone and "Updated"/"Published" label ("May 03, 2013",
// "2013-05-03", "Friday, May 3, 2013 10:15 AM ET", ECB+'s "05 / 03 / 2013"),
// perhaps after a section's name and a separator ("Sports · December 5,
// 2021 · 9:15 PM UTC").
bool IsDateLine(std::string_view line, size_t words);

}  // namespace storyline::extract::lexicon

#endif  // STORYLINE_EXTRACT_CLEANER_LEXICON_H_
