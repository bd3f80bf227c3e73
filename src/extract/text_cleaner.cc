#include "extract/text_cleaner.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/cleaner_lexicon.h"
#include "util/abbreviations.h"
#include "util/ascii.h"

namespace storyline::extract {
namespace {

using lexicon::AllPrintable;
using lexicon::BytesBetween;
using lexicon::ByteSet;
using lexicon::Case;
using lexicon::Contains;
using lexicon::CountFlagged;
using lexicon::CountSpaces;
using lexicon::CountWords;
using lexicon::EndsLikeSentence;
using lexicon::EveryWord;
using lexicon::FirstCharCase;
using lexicon::IsAscii;
using lexicon::IsLower;
using lexicon::IsUpper;
using lexicon::Load8;
using lexicon::Repeated;
using lexicon::StartsWith;
using lexicon::StartsWithQuote;
using lexicon::TrimChars;
using lexicon::ZeroBytes;
using std::string_view;

constexpr size_t kMaxCreditWords = 12;   // a credit is a short tail: "Image: iStock"
constexpr size_t kMaxCreditBytes = 300;  // ... even when its words are long
constexpr size_t kMaxHeadingWords = 8;
constexpr size_t kMaxHeadlineWords = 20;
// Byte caps too, for scripts that do not put spaces between words.
constexpr size_t kMaxHeadingBytes = 120;
constexpr size_t kMaxHeadlineBytes = 300;
constexpr size_t kMaxWholeLineWords = 60;  // bylines, boilerplate, agency lines
constexpr size_t kMaxRoleBylineWords = 7;  // "Washington Post Staff Writers"
constexpr size_t kMaxNoticeWords = 200;    // a cookie consent notice, all of it on one line
constexpr size_t kMinRescuedWords = 6;     // a sentence kept from behind furniture ...
constexpr size_t kMaxRescuedBytes = 1000;  // ... in a piece no longer than this
constexpr size_t kMaxCopyrightWords = 40;  // footers that name no year
constexpr size_t kDatelineReach = 6;       // lines from the top a dateline may sit

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
  string_view text;  // white space collapsed to single spaces, trimmed; in the arena
  size_t words = 0;  // ' '-separated words in text
  Kind kind = Kind::kBody;
  // A piece of a run-together line after its first (SplitRunTogether()): it
  // goes on the paragraph of the piece before it.
  bool continues = false;
};

// ---------------------------------------------------------------- captions

// Where a credit may begin: just inside a bracket, or after a sentence end
// or separator and a space ("... 2019. Image: iStock").
bool IsSegmentStart(string_view s, size_t p) {
  if (p >= s.size() || s[p] == ' ') return false;
  if (s[p - 1] == '(' || s[p - 1] == '[') return true;
  if (s[p - 1] != ' ' || p < 2) return false;
  const string_view before = s.substr(0, p - 1);
  if (ByteSet(".!?|/-;").Has(before.back())) return true;
  if (IsAscii(before.back())) return false;
  return before.ends_with(lexicon::kEnDash) || before.ends_with(lexicon::kEmDash) ||
         before.ends_with(lexicon::kBullet) || before.ends_with(lexicon::kMiddleDot) ||
         before.ends_with(lexicon::kRightDoubleQuote);
}

// Calls f(p) for each p >= from, in order, where IsSegmentStart() may hold
// (after an opening bracket, or after a space that does not follow a
// lower-case letter) until f returns true; returns whether it did. Most
// spaces in a line follow a word and are passed over eight at a time.
// REQUIRES: from >= 1.
template <class F>
bool AnySegmentStart(string_view t, size_t from, F f) {
  size_t q = from - 1;  // the byte before p
  if (q == 0 && t.size() > 1) {
    if ((t[0] == ' ' || t[0] == '(' || t[0] == '[') && f(1)) return true;
    q = 1;
  }
  for (; q + 8 <= t.size(); q += 8) {
    const uint64_t x = Load8(t.data() + q);
    const uint64_t after_word = BytesBetween(Load8(t.data() + q - 1), 'a', 'z');
    uint64_t marks = (ZeroBytes(x ^ Repeated(' ')) & ~after_word) | ZeroBytes(x ^ Repeated('(')) |
                     ZeroBytes(x ^ Repeated('['));
    for (; marks != 0; marks &= marks - 1) {
      const size_t p = q + std::countr_zero(marks) / 8 + 1;
      if (p < t.size() && f(p)) return true;
    }
  }
  for (; q + 1 < t.size(); ++q) {
    if ((t[q] == ' ' || t[q] == '(' || t[q] == '[') && f(q + 1)) return true;
  }
  return false;
}

// "Doug Mills/The New York Times", "Evan Vucci/AP": capitalised words, a
// slash between a name and an outlet, nothing that ends a sentence.
bool IsNameSlashOutlet(string_view seg) {
  if (EndsLikeSentence(seg)) return false;
  const size_t words = CountWords(seg);
  if (words < 2 || words > 7) return false;  // not a "(Reuters/Ipsos)" poll
  bool slash = false;
  const bool names = EveryWord(seg, [&slash](string_view w) {
    if (FirstCharCase(w) != Case::kUpper && w != "via") return false;
    const size_t at = w.find('/');
    slash |= at != string_view::npos && at > 0 && AsciiAlnum(w[at - 1]) &&
             FirstCharCase(w.substr(at + 1)) == Case::kUpper;
    return true;
  });
  return names && slash;
}

// Whether a credit starts at byte p of `s`. `spaces`, when given, is the
// number of spaces in s.substr(p) (a line's is its word count - 1).
bool IsCreditAt(string_view s, size_t p, std::optional<size_t> spaces = std::nullopt) {
  const string_view rest = s.substr(p);
  const auto colon = [rest](string_view m) {
    return AsciiStartsWithFolded(rest, m) && rest.substr(m.size()).starts_with(':');
  };
  const auto word = [rest](string_view m) {
    return AsciiStartsWithFolded(rest, m) &&
           (rest.size() == m.size() || !AsciiAlnum(rest[m.size()]));
  };
  const auto prefix = [rest](string_view m) { return AsciiStartsWithFolded(rest, m); };
  if (p == 0 && (lexicon::kCaptionColonMarkers.AnyOpening(rest, colon) ||
                 lexicon::kCaptionWordMarkers.AnyOpening(rest, word))) {
    return true;
  }
  // Counting stops at the cap: `rest` may be a whole paragraph.
  if (!spaces) spaces = CountSpaces(rest, kMaxCreditWords);
  if (*spaces >= kMaxCreditWords) return false;
  const size_t words = *spaces + 1;
  if (lexicon::kCaptionColonMarkers.AnyOpening(rest, colon) ||
      lexicon::kCreditColonMarkers.AnyOpening(rest, colon) ||
      lexicon::kCaptionWordMarkers.AnyOpening(rest, word) ||
      lexicon::kCreditWordMarkers.AnyOpening(rest, word)) {
    return true;
  }
  if (!EndsLikeSentence(rest) &&
      (lexicon::kAgencyMarkers.AnyOpening(rest, word) ||
       (words >= 2 && lexicon::kSlashAgencyMarkers.AnyOpening(rest, prefix)))) {
    return true;
  }
  return IsNameSlashOutlet(rest);
}

// `key` is the line's MatchKey() if it has at most kMaxWholeLineWords
// words, else empty; `maybe_marker` is false when no line of the text holds
// a credit marker.
Kind ClassifyCaption(const Line& l, string_view key, bool maybe_marker) {
  const string_view t = l.text;
  // Short lines are a bare credit ("Getty Images"); longer ones carry a caption.
  const Kind found = l.words <= 6 ? Kind::kCredit : Kind::kCaption;
  if (lexicon::kCaptionKeys.Has(key)) return Kind::kCredit;
  // AP: "FILE - In this Oct. 9, 2018, file photo, ...".
  if (StartsWith(t, "FILE - ") || StartsWith(t, "FILE \xE2\x80\x93 ") ||
      StartsWith(t, "FILE \xE2\x80\x94 ")) {
    return Kind::kCaption;
  }
  if (maybe_marker && lexicon::HasCreditMarker(t)) return found;
  if (IsCreditAt(t, 0, l.words - 1)) return found;
  // Past the line start only the last kMaxCreditWords words (and bytes) can
  // hold a credit, which keeps the scan linear.
  size_t tail = t.size() > kMaxCreditBytes ? t.size() - kMaxCreditBytes : 1;
  if (l.words > kMaxCreditWords) tail = lexicon::AfterLastSpaces(t, kMaxCreditWords, tail);
  const auto credit_at = [t](size_t p) { return IsSegmentStart(t, p) && IsCreditAt(t, p); };
  if (AnySegmentStart(t, tail, credit_at)) return Kind::kCaption;
  // A bracketed credit closing the line: "... (Photo by A B/Getty Images)."
  const string_view u = TrimChars(t, ". ");
  if (u.ends_with(')') || u.ends_with(']')) {
    const size_t open = u.find_last_of("([");
    if (open != string_view::npos) {
      const size_t at = u.data() - t.data() + open + 1;
      if (IsCreditAt(t.substr(at, u.size() - open - 2), 0)) {
        return at == 1 ? Kind::kCredit : Kind::kCaption;
      }
    }
  }
  return Kind::kBody;
}

// --------------------------------------------------------------- copyright

bool IsCopyright(const Line& l) {
  const string_view t = l.text;
  if (StartsWith(t, lexicon::kCopyrightSign)) return true;
  // "(c) 2019 Reuters", but not a list item "(c) the tenant shall ...".
  if (AsciiStartsWithFolded(t, "(c) ") &&
      (lexicon::StartsWithYear(t.substr(4)) || lexicon::ContainsFolded(t, "copyright"))) {
    return true;
  }
  if (AsciiStartsWithFolded(t, "copyright ")) {  // "Copyright © 2019", not "Copyright law ..."
    string_view rest = t.substr(10);
    if (rest.starts_with(lexicon::kCopyrightSign))
      rest.remove_prefix(lexicon::kCopyrightSign.size());
    if (AsciiStartsWithFolded(rest, "(c)")) rest.remove_prefix(3);
    if (lexicon::StartsWithYear(TrimChars(rest, " "))) return true;
  }
  if (l.words > kMaxCopyrightWords) return false;
  if (lexicon::HasCopyrightPhrase(t)) return true;
  return l.words <= 20 && Contains(t, lexicon::kCopyrightSign);
}

// ----------------------------------------------------------------- bylines

// True when `names` is only names and their glue, starting with a name.
bool IsNameList(string_view names, bool after_by) {
  const size_t words = CountWords(names);
  if (words == 0 || words > 20) return false;
  const size_t start = names.find_first_not_of(' ');
  const string_view first =
      TrimChars(names.substr(start, names.find(' ', start) - start), "(),.;:");
  if (FirstCharCase(first) != Case::kUpper) return false;
  // "By Tuesday, ..." and "By May 2019" are time phrases, not bylines.
  if (after_by && (lexicon::kMonths.HasFolded(first) || lexicon::kWeekdays.HasFolded(first))) {
    return false;
  }
  return EveryWord(names, [](string_view raw) {
    const string_view w = TrimChars(raw, "(),.;:|/-&");
    if (StartsWithQuote(w)) return false;
    return FirstCharCase(w) != Case::kLower || lexicon::kBylineGlue.HasFolded(w);
  });
}

bool IsBylineSegment(string_view seg) {
  seg = TrimChars(seg, " ");
  if (FirstCharCase(seg) != Case::kUpper) return false;
  string_view prefix;
  const bool found = lexicon::kBylinePrefixes.AnyOpening(seg, [&](string_view p) {
    prefix = p;
    return AsciiStartsWithFolded(seg, p);
  });
  return found && IsNameList(seg.substr(prefix.size()), prefix.starts_with("by"));
}

// A byline without "By": a few capitalised words ending in a newsroom role
// ("Washington Post Staff Writers", "Associated Press Writer"). A lead
// naming a correspondent is longer and has lower-case words.
bool EndsInNewsroomRole(const Line& l) {
  if (l.words > kMaxRoleBylineWords) return false;
  const string_view t = TrimChars(l.text, " .");
  const bool role = lexicon::kNewsroomRoles.Any([t](string_view r) {
    return t.size() > r.size() && t[t.size() - r.size() - 1] == ' ' &&
           AsciiEqualsIgnoreCase(t.substr(t.size() - r.size()), r);
  });
  return role && IsNameList(t, false);
}

bool IsByline(const Line& l, string_view key) {
  if (lexicon::kAgencyKeys.Has(key)) return true;
  if (EndsInNewsroomRole(l)) return true;
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
  if (l.words > kMaxHeadingWords || !Contains(t, " | ")) return false;
  const bool no_digits =
      EveryWord(l.text, [](string_view w) { return FirstCharCase(w) != Case::kDigit; });
  return no_digits && IsNameList(t, false);
}

// ------------------------------------------------------------- boilerplate

bool IsBoilerplate(string_view key, size_t words) {
  if (key.empty() || lexicon::kBoilerplateKeys.Has(key)) return true;  // "***", "Advertisement"
  // "read more" must not match "read moreover"; "more:" ends in punctuation.
  const auto opens = [key](string_view p) {
    return StartsWith(key, p) &&
           (key.size() == p.size() || !AsciiAlnum(key[p.size()]) || !AsciiAlnum(p.back()));
  };
  for (const lexicon::BoilerplatePrefixes& group : lexicon::kBoilerplatePrefixes) {
    if (words <= group.max_words && group.list.AnyOpening(key, opens)) return true;
  }
  // "Follow Jane Doe on Twitter: @janedoe".
  return StartsWith(key, "follow ") && words <= 25 &&
         lexicon::kSocialNetworks.Any([key](string_view n) { return Contains(key, n); });
}

// Whether `l` names cookies ("cookie", "Cookies", "Cookie-Informationen").
// Cost: a find() of 'k', rare in most languages' text, and a look around it.
bool NamesCookies(const Line& l) {
  const string_view t = l.text;
  for (size_t k = t.find('k', 3); k != string_view::npos && k + 2 < t.size();
       k = t.find('k', k + 1)) {
    if (t[k - 1] == 'o' && t[k - 2] == 'o' && AsciiLower(t[k - 3]) == 'c' && t[k + 1] == 'i' &&
        t[k + 2] == 'e') {
      return true;
    }
  }
  return false;
}

// Whether `l` speaks as a site to its reader (kCookieNoticeVoice).
bool HasNoticeVoice(const Line& l) {
  return lexicon::kCookieNoticeVoice.Any(
      [&l](string_view voice) { return lexicon::ContainsFolded(l.text, voice); });
}

// Whether `l` is a site's cookie consent notice, in any of the languages of
// kCookieNoticeVoice: it names cookies in the site's voice.
bool IsCookieNotice(const Line& l) {
  return l.words <= kMaxNoticeWords && NamesCookies(l) && HasNoticeVoice(l);
}

// The lines (or a run-together line's pieces) after a cookie notice that go
// on about cookies or in the site's voice are the notice's too ("Such third
// party cookies may track your use ...", "Zudem messen und werten wir die
// Besuche aus, um unsere Webseite ..."); furniture between them ("OK")
// does not end it, a line of the article does.
void DropCookieNoticeTails(std::vector<Line>& lines) {
  bool in_notice = false;
  for (Line& l : lines) {
    if (l.kind != Kind::kBody) {
      in_notice = in_notice || (l.kind == Kind::kBoilerplate && IsCookieNotice(l));
      continue;
    }
    if (in_notice && l.words <= kMaxNoticeWords && (NamesCookies(l) || HasNoticeVoice(l))) {
      l.kind = Kind::kBoilerplate;
      continue;
    }
    in_notice = false;
  }
}

// --------------------------------------------------------- headlines, headings

bool LooksLikeHeadline(const Line& l) {
  const size_t n = l.words;
  if (n < 2 || n > kMaxHeadlineWords || l.text.size() > kMaxHeadlineBytes) return false;
  if (EndsLikeSentence(l.text)) return false;
  if (FirstCharCase(l.text) == Case::kLower) return false;
  // Mostly digits is a time stamp or score line ("8 / 2 / 13 at 1: 30 PM").
  const auto letters =
      std::count_if(l.text.begin(), l.text.end(), [](char c) { return IsUpper(c) || IsLower(c); });
  return letters > std::count_if(l.text.begin(), l.text.end(), AsciiDigit);
}

// Shape of a section heading: short, no sentence punctuation, starts with a
// capital or digit, and mostly Title Case (or ALL CAPS, or up to 3 words).
bool LooksLikeHeading(const Line& l) {
  const size_t n = l.words;
  if (n == 0 || n > kMaxHeadingWords || l.text.size() > kMaxHeadingBytes) return false;
  if (EndsLikeSentence(l.text)) return false;
  const Case first = FirstCharCase(l.text);
  if (first != Case::kUpper && first != Case::kDigit) return false;
  const string_view last_word = l.text.substr(l.text.rfind(' ') + 1);
  if (lexicon::kDanglingWords.HasFolded(last_word)) return false;  // "Trump said"
  if (std::none_of(l.text.begin(), l.text.end(), IsLower) &&
      std::count_if(l.text.begin(), l.text.end(), IsUpper) >= 2) {
    return true;
  }
  size_t significant = 0, capitalised = 0;
  EveryWord(l.text, [&](string_view w) {
    if (lexicon::kSmallWords.HasFolded(w)) return true;
    ++significant;
    capitalised += FirstCharCase(w) != Case::kLower;
    return true;
  });
  return capitalised * 4 >= significant * 3 || n <= 3;
}

// Where the body starts in a first line that a Title Case headline runs
// into with no break ("Man Charged With Animal Cruelty After Biting His Dog
// The pet owner says ..."): at the capitalised determiner or pronoun that
// opens the sentence, when four or more words before it are all Title Case
// (small words may be lower case; three or more capitalised, so not a date
// "30 June 2011 –") with no sentence punctuation, and a word
// in lower case other than a small word follows it within four words. 0
// when the line is not so.
size_t GluedHeadlineEnd(string_view text) {
  static constexpr string_view kOpeners[] = {"The", "A", "An", "He", "She", "It", "They", "We"};
  auto is_opener = [](string_view w) {
    return std::find(std::begin(kOpeners), std::end(kOpeners), w) != std::end(kOpeners);
  };
  size_t start = 0, words = 0, capitalised = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == string_view::npos) return 0;
    const string_view w = text.substr(start, end - start);
    if (is_opener(w) && words >= 4 && capitalised >= 3) {
      // The sentence goes on in lower case soon: "The pet owner says",
      // "The Carter Center is"; a headline's "The" is followed by capitals.
      // Title Case leaves small words in lower case ("Clash Over The
      // Economy in Debate"): a sentence's other words are what count. A
      // later opener before them is where the sentence starts instead.
      size_t at = end + 1;
      for (int k = 0; k < 4 && at < text.size(); ++k) {
        const size_t next = std::min(text.find(' ', at), text.size());
        const string_view v = text.substr(at, next - at);
        if (is_opener(v)) break;
        if (FirstCharCase(v) == Case::kLower && !lexicon::kSmallWords.HasFolded(v)) return start;
        at = next + 1;
      }
    }
    if (w.empty() || w.back() == '.' || w.back() == ':' || w.back() == ',' || w.back() == '!' ||
        w.back() == '?' || w.back() == ';' || w.back() == '"') {
      return 0;
    }
    const Case c = FirstCharCase(w);
    if (c == Case::kLower && !lexicon::kSmallWords.HasFolded(w)) return 0;
    capitalised += c == Case::kUpper;
    if (++words > kMaxHeadlineWords) return 0;
    start = end + 1;
  }
  return 0;
}

// ------------------------------------------------------------------ driver

// What a byte is to the line splitter: part of a word, ASCII white space, an
// ASCII line break, or the lead byte of a possible Unicode separator.
enum class ByteClass : uint8_t { kWord, kSpace, kBreak, kUnicode };

constexpr std::array<ByteClass, 256> kByteClasses = [] {
  std::array<ByteClass, 256> classes{};
  classes.fill(ByteClass::kWord);
  for (unsigned char c : {' ', '\t', '\v', '\f'}) classes[c] = ByteClass::kSpace;
  classes['\n'] = classes['\r'] = ByteClass::kBreak;
  for (int c : {0xC2, 0xE2, 0xE3}) classes[c] = ByteClass::kUnicode;
  return classes;
}();

ByteClass ClassOf(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

// Splits `text` at line breaks into its non-empty lines, white space
// collapsed, written one after another into `arena` (the line views point
// into it). One pass, no allocation per line.
std::vector<Line> SplitLines(string_view text, std::unique_ptr<char[]>& arena) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
  // Collapsing never lengthens a line, so text.size() bytes always do.
  arena = std::make_unique_for_overwrite<char[]>(text.size());
  char* out = arena.get();
  char* line = out;   // where the current line starts
  size_t spaces = 0;  // written into the current line
  bool pending_space = false;
  std::vector<Line> lines;
  const auto end_line = [&] {
    if (out != line) lines.push_back({string_view(line, out - line), spaces + 1});
    line = out;
    spaces = 0;
    pending_space = false;
  };
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      // Eight bytes at a time while they are printable ASCII (no tab, line
      // break, control or non-ASCII byte) with no two spaces in a row: they
      // are copied as they are. A first space that is to be dropped (at a
      // line start, after other white space) is left to the byte loop; a
      // last space waits, as any does, for the next word.
      const uint64_t x = Load8(text.data() + i);
      const uint64_t spaces_at = ZeroBytes(x ^ Repeated(' '));
      const bool lead_ok = !(spaces_at & 0x80) || (out != line && !pending_space);
      if (AllPrintable(x) && !(spaces_at & (spaces_at << 8)) && lead_ok) {
        if (pending_space) {
          *out++ = ' ';
          ++spaces;
        }
        std::memcpy(out, text.data() + i, 8);  // fits: `out` never passes arena + i
        const bool trailing = spaces_at >> 63;
        out += 8 - trailing;
        spaces += CountFlagged(spaces_at) - trailing;
        pending_space = trailing;
        i += 8;
        continue;
      }
    }
    ByteClass c = ClassOf(text[i]);
    size_t n = 1;
    if (c == ByteClass::kUnicode) {
      const string_view rest = text.substr(i);
      if ((n = lexicon::UnicodeSeparatorLength(rest, true)) > 0) {
        c = ByteClass::kBreak;
      } else if ((n = lexicon::UnicodeSeparatorLength(rest, false)) > 0) {
        c = ByteClass::kSpace;
      } else {
        c = ByteClass::kWord;
      }
    }
    if (c == ByteClass::kWord) {
      if (pending_space) {
        *out++ = ' ';
        ++spaces;
        pending_space = false;
      }
      // The rest of the word, in one loop.
      do {
        *out++ = text[i++];
      } while (i < text.size() && ClassOf(text[i]) == ByteClass::kWord);
      continue;
    }
    if (c == ByteClass::kSpace) {
      pending_space = out != line;
    } else {
      end_line();
    }
    i += n;
  }
  end_line();
  return lines;
}

// `key` is scratch space, reused across lines.
Kind ClassifyOnItsOwn(const Line& l, bool maybe_marker, std::string& key) {
  key.clear();
  // The whole-line rules only match short lines; paragraphs skip the key.
  const bool whole_line_rules = l.words <= kMaxWholeLineWords;
  if (whole_line_rules) {
    lexicon::MatchKey(l.text, lexicon::kKeyPrefixBytes, key);
    if (StartsWith(key, "follow ")) lexicon::MatchKey(l.text, l.text.size(), key);
  }
  if (IsCopyright(l)) return Kind::kCopyright;
  if (IsCookieNotice(l)) return Kind::kBoilerplate;
  if (whole_line_rules) {
    if (IsByline(l, key)) return Kind::kByline;
    if (IsBoilerplate(key, l.words)) return Kind::kBoilerplate;
  }
  return ClassifyCaption(l, key, maybe_marker);
}

// `l` without page furniture run into its start ("Continue reading the main
// story Thomas Friedman writes: ..."), when a capital or a quote mark opens
// what follows.
void CutLeadingFurniture(Line* l) {
  lexicon::kLeadingFurniture.AnyOpening(l->text, [l](string_view phrase) {
    const string_view t = l->text;
    if (t.size() < phrase.size() + 2 || !AsciiStartsWithFolded(t, phrase) ||
        t[phrase.size()] != ' ') {
      return false;
    }
    const string_view rest = t.substr(phrase.size() + 1);
    if (FirstCharCase(rest) != Case::kUpper && rest[0] != '"' &&
        !StartsWith(rest, "\xE2\x80\x9C")) {
      return false;
    }
    l->text = rest;
    l->words = CountWords(rest);
    return true;
  });
}

// --------------------------------------------------- run-together lines

// Whether the full stop at `dot` ends no sentence (FullStopEndsNoSentence():
// "U.S.", "Sept.", "J.", "No. 4"). A cut missed only leaves a longer piece.
bool FullStopEndsNoSentenceAt(string_view t, size_t dot) {
  return FullStopEndsNoSentence(WordBeforeFullStop(t, dot), t.substr(dot + 1));
}

// Calls f(piece) for the pieces of `t`, in order: cut after each sentence end
// that a sentence start follows ("... in 2019. The ...", "... said.” He"),
// and around each bracketed credit ("(AP Photo/Rich Pedroncelli)"), so that a
// credit stands alone. The pieces cover `t` but for the spaces at the cuts.
template <class F>
void ForEachPiece(string_view t, F f) {
  size_t start = 0;
  const auto cut = [&](size_t end, size_t next) {
    if (end > start) f(t.substr(start, end - start));
    start = next;
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if ((c == '(' || c == '[') && (i == 0 || t[i - 1] == ' ')) {
      // A credit is short, so the closing bracket is looked for only so far.
      const size_t close = t.substr(0, i + kMaxCreditBytes).find(c == '(' ? ')' : ']', i);
      if (close == string_view::npos || !IsCreditAt(t.substr(i + 1, close - i - 1), 0)) continue;
      size_t end = close + 1;
      if (end < t.size() && t[end] == '.') ++end;
      if (end < t.size() && t[end] != ' ') continue;  // "(AP Photo/X)-led": not a credit alone
      if (i > start) cut(i - 1, i);
      cut(end, std::min(end + 1, t.size()));
      i = end;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    if (c == '.' && FullStopEndsNoSentenceAt(t, i)) continue;
    size_t end = i + 1;  // past closing quotes and brackets
    while (end < t.size()) {
      const size_t m = ClosingMarkAt(t, end);
      if (m == 0) break;
      end += m;
    }
    if (end + 1 >= t.size() || t[end] != ' ') continue;
    const string_view next = t.substr(end + 1);
    if (FirstCharCase(next) == Case::kLower) continue;  // "... 3 p.m. on Monday"
    if (FirstCharCase(next) == Case::kOther && !StartsWithQuote(next) && next[0] != '(') continue;
    cut(end, end + 1);
    i = end;
  }
  cut(t.size(), t.size());
}

// Whether `t` opens the way sentences open and headlines, link titles and
// credits seldom do: with a quote mark or a capitalised function word ("The",
// "After", "She"), followed within four words by a word in lower case other
// than a small word ("The new coronavirus", "“We were told"; not "The
// Godfather Trilogy Returns", "‘Caucasian Knot’ on January 1").
bool OpensSentence(string_view t) {
  const size_t end = std::min(t.find(' '), t.size());
  if (!StartsWithQuote(t) && !lexicon::kSentenceOpeners.Has(t.substr(0, end))) return false;
  size_t at = end + 1;
  for (int k = 0; k < 4 && at < t.size(); ++k) {
    const size_t next = std::min(t.find(' ', at), t.size());
    const string_view w = t.substr(at, next - at);
    if (FirstCharCase(w) == Case::kLower && !lexicon::kSmallWords.HasFolded(w)) return true;
    at = next + 1;
  }
  return false;
}

// Where a sentence starts inside `piece`, a piece of a run-together line
// judged not the article, when furniture was run into it with no sentence
// end between ("Picture: Instagram After further care, Mr Noxon was
// pronounced dead by paramedics.", "ALSO READ : Sfundo soars “The manner
// ... changed,” she said."): the byte after the last space where what comes
// before is still not the article on its own, and what follows is on its
// own (at least kMinRescuedWords words, ending like a sentence, opening as a
// sentence opens, OpensSentence(), not after a comma or inside a
// quotation). 0 when there is none. On the 708 SemEval 2022 texts
// (2026-11-25) it kept 5 sentences, all of the article.
size_t SentenceAfterFurniture(const Line& piece, bool maybe_marker, std::string& key) {
  const string_view t = piece.text;
  // Both parts are short, which bounds the work: the furniture a credit's
  // bytes, the piece a sentence's.
  if (piece.words <= kMinRescuedWords || t.size() > kMaxRescuedBytes || !EndsLikeSentence(t)) {
    return 0;
  }
  size_t best = 0;
  size_t words_after = piece.words;  // words from the cut on
  bool in_quote = false;
  for (size_t i = 0; i < std::min(t.size(), kMaxCreditBytes); ++i) {
    if (t[i] == '"') in_quote = !in_quote;
    if (t.substr(i).starts_with(lexicon::kLeftDoubleQuote)) in_quote = true;
    if (t.substr(i).starts_with(lexicon::kRightDoubleQuote)) in_quote = false;
    if (t[i] != ' ') continue;
    --words_after;
    if (words_after < kMinRescuedWords) break;
    if (in_quote || ByteSet(",;").Has(t[i - 1])) continue;
    const string_view rest = t.substr(i + 1);
    if (!OpensSentence(rest)) continue;
    Line before{t.substr(0, i), piece.words - words_after, Kind::kBody, false};
    Line after{rest, words_after, Kind::kBody, false};
    if (ClassifyOnItsOwn(before, maybe_marker, key) == Kind::kBody) continue;
    if (ClassifyOnItsOwn(after, maybe_marker, key) != Kind::kBody) continue;
    best = i + 1;
  }
  return best;
}

// Whether `l` is an article, or most of one, written as one line (a scraped
// text that lost its paragraph breaks): longer than any whole-line rule
// matches, and holding most of the text's `words`. A caption, credit, footer
// or "Follow us" inside it would otherwise take the whole line with it, or
// stay in the body for being inside. A long caption in a text of many
// paragraphs ("FILE - ... (AP Photo/X)") is not one.
bool IsRunTogether(const Line& l, size_t words) {
  return l.words > kMaxWholeLineWords && l.words * 2 > words;
}

// Cuts each run-together line of `lines` (IsRunTogether()) into its pieces
// (ForEachPiece()) and judges each piece as a line is judged (furniture run
// into its start cut, then the rules on its own), so that only what is not
// the article goes; the pieces kept stay one paragraph. Other lines are
// passed through. `words`: the words of all lines.
std::vector<Line> SplitRunTogether(const std::vector<Line>& lines, size_t words, bool maybe_marker,
                                   std::string& key) {
  std::vector<Line> out;
  out.reserve(lines.size());
  for (const Line& l : lines) {
    if (!IsRunTogether(l, words)) {
      out.push_back(l);
      continue;
    }
    bool first = true;
    ForEachPiece(l.text, [&](string_view piece) {
      Line p{piece, CountWords(piece), Kind::kBody, !first};
      CutLeadingFurniture(&p);
      p.kind = ClassifyOnItsOwn(p, maybe_marker, key);
      if (p.kind != Kind::kBody) {
        if (const size_t at = SentenceAfterFurniture(p, maybe_marker, key); at > 0) {
          Line gone{p.text.substr(0, at - 1), 0, p.kind, p.continues};
          gone.words = CountWords(gone.text);
          out.push_back(gone);
          p.text.remove_prefix(at);
          p.words = CountWords(p.text);
          p.kind = Kind::kBody;
          p.continues = true;
        }
      }
      out.push_back(p);
      first = false;
    });
  }
  return out;
}

}  // namespace

CleanedText CleanPlainText(std::string_view text, const CleanOptions& options) {
  CleanedText out;
  std::unique_ptr<char[]> arena;  // the lines' text
  std::vector<Line> lines = SplitLines(text, arena);
  for (Line& l : lines) CutLeadingFurniture(&l);
  // Credit markers are rare, and their search costs more to start than to
  // run: one search of all the lines (back to back in the arena) clears
  // most articles of them at once.
  const size_t arena_size = lines.empty() ? 0 : &lines.back().text.back() + 1 - arena.get();
  const bool maybe_marker = lexicon::HasCreditMarker(string_view(arena.get(), arena_size));
  std::string key;
  size_t words = 0;
  for (Line& l : lines) {
    l.kind = ClassifyOnItsOwn(l, maybe_marker, key);
    words += l.words;
  }
  if (std::any_of(lines.begin(), lines.end(),
                  [words](const Line& l) { return IsRunTogether(l, words); })) {
    lines = SplitRunTogether(lines, words, maybe_marker, key);
  }
  DropCookieNoticeTails(lines);

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
    if (out.dateline.empty() && lexicon::IsDateLine(l.text, l.words)) {
      l.kind = Kind::kDateline;
      out.dateline = l.text;
    } else if (out.headline.empty() && i < last_body && !run_on(i) && LooksLikeHeadline(l)) {
      l.kind = Kind::kHeadline;
      out.headline = l.text;
    } else if (i < last_body && l.words == 1 && LooksLikeHeading(l)) {
      l.kind = Kind::kHeading;
    } else {
      break;
    }
  }
  // A headline run into the first sentence on the same line.
  for (Line& l : lines) {
    if (l.kind != Kind::kBody) continue;
    if (const size_t cut = GluedHeadlineEnd(l.text); cut > 0) {
      if (out.headline.empty()) out.headline = l.text.substr(0, cut - 1);
      l.text.remove_prefix(cut);
      l.words = CountWords(l.text);
    }
    break;
  }
  // Pages often put the date under a one-sentence summary; look a little further.
  for (size_t i = 0; out.dateline.empty() && i < std::min(lines.size(), kDatelineReach); ++i) {
    if (lines[i].kind == Kind::kBody && lexicon::IsDateLine(lines[i].text, lines[i].words)) {
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
  for (size_t i = first_solid + 1; options.drop_headings && !hard_wrapped && i < last_solid; ++i) {
    if (heading_shape[i] && !run_on(i)) lines[i].kind = Kind::kHeading;
  }

  // The footer: the copyright lines below body text (one above it is a
  // picture's credit, "© Getty Images").
  bool below_body = false;
  for (const Line& l : lines) {
    below_body = below_body || l.kind == Kind::kBody;
    if (!below_body || l.kind != Kind::kCopyright) continue;
    if (!out.copyright.empty()) out.copyright += '\n';
    out.copyright += l.text;
  }

  // Where each dropped kind is counted, indexed by Kind.
  CleanStats& s = out.stats;
  int* const counters[] = {nullptr,      nullptr,     nullptr,    &s.captions,   &s.credits,
                           &s.copyright, &s.headings, &s.bylines, &s.boilerplate};
  static_assert(static_cast<int>(Kind::kBoilerplate) == 8, "counters follow Kind");
  size_t kept_bytes = 0;
  for (const Line& l : lines) {
    if (int* counter = counters[static_cast<int>(l.kind)]) ++*counter;
    if (l.kind == Kind::kBody) kept_bytes += l.text.size() + 2;
  }
  out.text.reserve(kept_bytes);
  bool kept_last = false;  // the line before was kept
  for (const Line& l : lines) {
    if (l.kind != Kind::kBody) {
      kept_last = false;
      continue;
    }
    if (!out.text.empty()) out.text += l.continues && kept_last ? " " : "\n\n";
    out.text += l.text;
    kept_last = true;
  }
  return out;
}

}  // namespace storyline::extract
