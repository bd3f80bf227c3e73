// Word lists of the plain-text cleaner (text_cleaner.cc): the markers of
// photo credits, bylines, copyright footers and page furniture, and the
// words of dates and headings. Every item is matched against lower-cased
// text, so items are lower case.
//
// A list is written as one '|'-separated string, which is short to read,
// and split at compile time, so a match walks a few item views instead of
// re-parsing the string for every line.
#ifndef STORYLINE_EXTRACT_CLEANER_LEXICON_H_
#define STORYLINE_EXTRACT_CLEANER_LEXICON_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storyline::extract::lexicon {

// A '|'-separated list split at compile time:
//
//   inline constexpr WordList kMonths("january|february|...");
//   if (kMonths.Has("may")) ...
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

  // Whether `s` is one of the items.
  constexpr bool Has(std::string_view s) const {
    if (s.empty() || s.size() > max_size_) return false;
    return Any([s](std::string_view item) { return item == s; });
  }

  // Whether some item starts with byte `c`: a cheap test that skips the
  // list for most lines.
  constexpr bool MayStartWith(char c) const {
    const auto b = static_cast<unsigned char>(c);
    return (first_bytes_[b / 64] >> (b % 64)) & 1;
  }

  constexpr size_t max_size() const { return max_size_; }

 private:
  std::string_view list_;
  std::array<uint16_t, kMaxItems> ends_{};  // one past each item's last byte
  size_t size_ = 0;
  size_t max_size_ = 0;
  std::array<uint64_t, 4> first_bytes_{};  // bit b: some item starts with byte b
};

// ------------------------------------------------------------------- dates

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

// ---------------------------------------------------------------- captions

// At a line start these make the whole line a caption ("FILE PHOTO: ...",
// BBC "Image caption ..."); elsewhere they start a credit tail like the rest.
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
// caption wherever they are ("... 2018. REUTERS/Kevin Lamarque").
inline constexpr std::string_view kCreditAnywhere[] = {
    "REUTERS/", "AFP PHOTO", "/AFP",      "/ AFP",      "/Getty",
    "/GETTY",   "/ Getty",   "via Getty", "AP Photo/", "via REUTERS"};
// Whole-line keys that are photo furniture.
inline constexpr WordList kCaptionKeys(
    "image|photo|photos|picture|gallery|photo gallery|view gallery|enlarge|enlarge this image|"
    "toggle caption|hide caption|expand image");

// --------------------------------------------------------------- copyright

inline constexpr WordList kCopyrightPhrases(
    "all rights reserved|may not be published, broadcast|rewritten or redistributed|"
    "rewritten, or redistributed|may not be reproduced without|may not be republished without");

// ----------------------------------------------------------------- bylines

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
inline constexpr WordList kAgencyKeys(
    "reuters|ap|afp|associated press|the associated press|agence france-presse|"
    "agence france presse|bloomberg|bloomberg news|xinhua|dpa|upi|tass|kyodo|yonhap|efe|pti|ians|"
    "staff report|staff reports|from staff reports|staff and wire reports|wire reports|"
    "wire services|news services");

// ------------------------------------------------------------- boilerplate

inline constexpr WordList kBoilerplateKeys(
    "advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|"
    "paid post|promoted|promoted content|read more|read more here|continue reading|keep reading|"
    "share|share this|share this article|share this story|share this post|share on facebook|"
    "share on twitter|tweet|email|e-mail|print|comments|comment|related|more|recommended|"
    "recommended for you|most read|most popular|trending|trending now|subscribe|subscribe now|"
    "sign up|sign up now|follow us|log in|sign in|register|loading|newsletter|back to top|"
    "skip advertisement|top stories|latest news|more stories|you may also like|view comments|"
    "show comments|leave a comment|click to expand|video|watch|listen|play|next|previous|close|"
    "menu|home|copy link|link copied");

// Line openings that make a short line page furniture. A longer line is a
// real sentence that happens to start so ("Advertisement revenue fell ...").
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
                  "get the latest")},
    {30, WordList("read more|also read|read also|see also|related stories|related articles|"
                  "related coverage|related content|related news|related reading|related links|"
                  "click here|tap here|originally published")},
    {40, WordList("this article was originally|this story was originally|this article originally|"
                  "this story originally|this article first appeared|this story first appeared|"
                  "a version of this article|a version of this story")}};
// "Follow Jane Doe on Twitter: @janedoe".
inline constexpr WordList kSocialNetworks(
    "twitter|facebook|instagram|linkedin|tiktok|threads|@| on x");

// ---------------------------------------------------------------- headings

// Words Title Case leaves lower case, and words that leave a sentence hanging.
inline constexpr WordList kSmallWords(
    "a|an|the|and|or|but|nor|of|in|on|at|to|for|with|by|from|as|vs|vs.|via|into|over|per|up|"
    "out|off");
inline constexpr WordList kDanglingWords(
    "said|says|say|told|tells|asked|added|and|or|but|of|to|the|a|an|in|on|at|for|with|by|from|"
    "that|which|who|as|is|are|was|were|has|have|had|will|would");

}  // namespace storyline::extract::lexicon

#endif  // STORYLINE_EXTRACT_CLEANER_LEXICON_H_
