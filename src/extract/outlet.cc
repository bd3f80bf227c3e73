#include "extract/outlet.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "extract/cleaner_lexicon.h"
#include "util/ascii.h"

namespace storyline::extract {
namespace {

using lexicon::Case;
using lexicon::FirstCharCase;
using lexicon::TrimChars;
using lexicon::WordList;
using std::string_view;

constexpr size_t kMaxCreditAt = 80;      // bytes of dateline before "(Reuters)"
constexpr size_t kMaxCreditBytes = 60;   // inside the brackets
constexpr size_t kMaxDatelineWords = 8;  // "NEW DELHI [India], Jan 1" and the like
constexpr size_t kMaxNameWords = 6;      // "Agence France-Presse", "The Sydney Morning Herald"
constexpr size_t kMaxAcronymLetters = 5;
constexpr size_t kMaxNameBytes = 80;  // a run of characters is no name

// The last word of a newspaper's, broadcaster's or agency's name.
constexpr WordList kMediaHeads(
    "news|times|post|press|journal|herald|telegraph|guardian|tribune|radio|tv|television|daily|"
    "mail|express|gazette|chronicle|independent|observer|standard|mirror|agency|wire|network|"
    "online|magazine|monitor|insider|bulletin|dispatch|courier|inquirer|sentinel|examiner|"
    "register|globe|channel|broadcasting|media|zeitung|ledger|weekly|today|sun|star|nation");
// Capitals in brackets before a dash that label the piece, not its source.
constexpr WordList kLabels(
    "video|videos|photo|photos|pics|audio|update|updated|live|watch|exclusive|breaking|opinion|"
    "analysis|editorial|op-ed|ap photo|afp photo");
// What a text says when it reports under its own name: "Asia Times
// understands the location ...", "Eyewitness News has learned ...". Another
// outlet is cited in other words ("told CNN", "according to Reuters").
constexpr WordList kReportingVerbs("learned|learnt|seen|obtained");
struct ReportingPhrase {
  const char* text;       // searched for as written
  const WordList* verbs;  // the word that must follow, or null
};
constexpr ReportingPhrase kReportingPhrases[] = {
    {" understands", nullptr}, {" has ", &kReportingVerbs}, {" can reveal", nullptr}};
constexpr lexicon::ByteSet kClauseEnds(".,;:!?\")");
// One name for a wire its copies credit in several spellings, so that they
// count as one outlet.
struct WireName {
  WordList spellings;
  string_view name;
};
constexpr WireName kWireNames[] = {
    {WordList("ap|associated press|the associated press"), "Associated Press"},
    {WordList("afp|agence france-presse|agence france presse"), "AFP"},
    {WordList("upi|united press international"), "UPI"},
    {WordList("xinhua|xinhuanet|xinhua news agency"), "Xinhua"}};
// Lower-case words a holder's name may hold: "Bank of America", "Smith & Sons".
constexpr WordList kNameGlue("of|and|&|the|for|de|del|la|le|des|du|und");
// A company's legal form after its name: "YG Entertainment Inc.".
constexpr WordList kLegalForms("inc|ltd|llc|limited|corp|corporation|plc|gmbh|ag|l.p|lp");

// Where `needle` next occurs in `text` from `from` on, else npos (also past
// a NUL byte in the text, which ends the search). glibc's strstr compares 16
// bytes at a time, a quarter of the instructions of memmem, where
// string_view::find stops at each occurrence of the needle's first byte (a
// space here).
size_t Find(const std::string& text, const char* needle, size_t from) {
  if (from >= text.size()) return string_view::npos;
  const char* at = std::strstr(text.c_str() + from, needle);
  return at == nullptr ? string_view::npos : at - text.c_str();
}

// The words of `s`, split at spaces and line breaks.
std::vector<string_view> Words(string_view s) {
  std::vector<string_view> words;
  for (size_t at = 0; at < s.size();) {
    const size_t end = std::min(s.find_first_of(" \n", at), s.size());
    if (end > at) words.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

bool IsAcronym(string_view w) {
  if (w.size() < 2 || w.size() > kMaxAcronymLetters) return false;
  for (char c : w) {
    if (!lexicon::IsUpper(c)) return false;
  }
  return true;
}

// "SPACE.com", "CNSNews.com", "news.com.au".
bool IsWebAddress(string_view w) {
  for (string_view tld : {".com", ".org", ".net", ".co."}) {
    if (const size_t at = w.find(tld); at != string_view::npos && at > 0) return true;
  }
  return false;
}

std::string Joined(const std::vector<string_view>& words) {
  std::string out;
  for (string_view w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// `words` (each capitalised) joined, when they are an outlet's name (see
// outlet.h); else "".
std::string OutletName(const std::vector<string_view>& words) {
  if (words.empty() || words.size() > kMaxNameWords) return {};
  std::string name = Joined(words);
  if (name.size() > kMaxNameBytes || kLabels.HasFolded(name)) return {};
  if (lexicon::kAgencyKeys.HasFolded(name) || lexicon::kAgencyKeys.HasFolded(words.front())) {
    return name;
  }
  const string_view last = TrimChars(words.back(), "'");
  const bool outlet =
      IsWebAddress(last) || (words.size() == 1 ? IsAcronym(last) : kMediaHeads.HasFolded(last));
  return outlet ? name : std::string();
}

// "WASHINGTON (Reuters) - ...", "LONDON, March 3 (Reuters) - ...", "(CNN) --
// ...", "New Delhi [India], Jan 1 (ANI): ...": the credit, else "".
std::string DatelineCredit(string_view text) {
  const string_view line = text.substr(0, text.find('\n'));
  const size_t open = line.find('(');
  if (open == string_view::npos || open > kMaxCreditAt) return {};
  const size_t close = line.find(')', open);
  if (close == string_view::npos || close - open - 1 > kMaxCreditBytes) return {};
  // Before the credit, a dateline: capitalised words, numbers, commas.
  const std::vector<string_view> dateline = Words(line.substr(0, open));
  if (dateline.size() > kMaxDatelineWords) return {};
  for (string_view w : dateline) {
    if (FirstCharCase(w) != Case::kUpper && !AsciiDigit(w[0]) && w[0] != '[') return {};
  }
  // After it, a dash or a colon.
  string_view after = TrimChars(line.substr(close + 1), " ");
  bool dash = false;
  for (string_view d : {string_view("--"), string_view("-"), lexicon::kEmDash, lexicon::kEnDash,
                        string_view("_"), string_view(":")}) {
    if (after.starts_with(d)) {
      dash = true;
      break;
    }
  }
  if (!dash) return {};
  const string_view inside = line.substr(open + 1, close - open - 1);
  if (lexicon::kAgencyKeys.HasFolded(inside)) return std::string(inside);  // also "(dpa)"
  const std::vector<string_view> credit = Words(inside);
  for (string_view w : credit) {
    if (FirstCharCase(w) != Case::kUpper) return {};
  }
  return OutletName(credit);
}

// The outlet named just before a reporting phrase that starts at `at`.
std::string ReportingName(string_view text, size_t at) {
  std::vector<string_view> name;
  size_t end = at;
  while (name.size() <= kMaxNameWords && end > 0) {
    const size_t space = text.find_last_of(" \n", end - 1);
    const size_t start = space == string_view::npos ? 0 : space + 1;
    const string_view w = text.substr(start, end - start);
    // A word ending a sentence or a clause ends the name.
    if (w.empty() || FirstCharCase(w) != Case::kUpper || kClauseEnds.Has(w.back())) break;
    name.insert(name.begin(), w);
    if (space == string_view::npos || text[space] == '\n') break;
    end = space;
  }
  // "But Asia Times understands": the opener is not part of the name.
  while (!name.empty() && name.front() != "The" && lexicon::kSentenceOpeners.Has(name.front())) {
    name.erase(name.begin());
  }
  return OutletName(name);
}

std::string NamedIn(const std::string& text, string_view copyright) {
  if (std::string credit = DatelineCredit(text); !credit.empty()) return credit;
  for (size_t at = 0; at < copyright.size();) {
    const size_t end = std::min(copyright.find('\n', at), copyright.size());
    if (std::string holder = CopyrightHolder(copyright.substr(at, end - at)); !holder.empty()) {
      return holder;
    }
    at = end + 1;
  }
  // One pass over the text a phrase, each one strstr: they run on every
  // article that came without a source.
  const auto word_ends = [&text](size_t at) { return at >= text.size() || !AsciiAlnum(text[at]); };
  for (const ReportingPhrase& phrase : kReportingPhrases) {
    const size_t size = std::strlen(phrase.text);
    for (size_t at = Find(text, phrase.text, 0); at != string_view::npos;
         at = Find(text, phrase.text, at + size)) {
      size_t end = at + size;
      if (phrase.verbs != nullptr) {  // " has " and a verb of kReportingVerbs
        const size_t verb = end;
        while (!word_ends(end)) ++end;
        if (!phrase.verbs->Has(string_view(text).substr(verb, end - verb))) continue;
      }
      if (!word_ends(end)) continue;  // "understandsx"
      if (std::string name = ReportingName(text, at); !name.empty()) return name;
    }
  }
  return {};
}

// One name for a wire's spellings ("AP" -> "Associated Press").
std::string OneWireName(std::string name) {
  for (const WireName& wire : kWireNames) {
    if (wire.spellings.HasFolded(name)) return std::string(wire.name);
  }
  return name;
}

// The outlet `part` of a title names, when each word of it is capitalised
// (glue words aside) and together they are an outlet's name; else "".
std::string OutletOfTitlePart(string_view part) {
  const std::vector<string_view> words = Words(part);
  for (string_view w : words) {
    if (FirstCharCase(w) != Case::kUpper && !kNameGlue.HasFolded(w)) return {};
  }
  return OutletName(words);
}

}  // namespace

std::string CopyrightHolder(string_view footer) {
  std::vector<string_view> words = Words(footer);
  const auto is_marker = [](string_view w) {
    return w.starts_with(lexicon::kCopyrightSign) || AsciiEqualsIgnoreCase(w, "(c)") ||
           AsciiEqualsIgnoreCase(TrimChars(w, ",.:;"), "copyright");
  };
  // The holder follows a mark ("©", "(c)", "Copyright"): "Smith said. © Getty
  // Images" names Getty Images, not Smith.
  for (size_t mark = 0; mark < words.size(); ++mark) {
    if (!is_marker(words[mark])) continue;
    // The marks, "by", years and their ranges, in any order.
    size_t i = mark;
    for (; i < words.size(); ++i) {
      if (words[i].starts_with(lexicon::kCopyrightSign)) {  // "©2012", "©Reuters"
        words[i].remove_prefix(lexicon::kCopyrightSign.size());
      }
      const string_view bare = TrimChars(words[i], ",.:;");
      if (!bare.empty() && !is_marker(bare) && !AsciiEqualsIgnoreCase(bare, "by") &&
          !lexicon::StartsWithYear(bare)) {
        break;
      }
    }
    std::vector<string_view> name;
    bool too_long = false;
    for (; i < words.size(); ++i) {
      const string_view w = words[i];
      if (AsciiEqualsIgnoreCase(w, "all") && i + 1 < words.size() &&
          AsciiStartsWithFolded(words[i + 1], "rights")) {
        break;
      }
      if (lexicon::StartsWithYear(w) || is_marker(w)) break;  // "THE NOBEL FOUNDATION 2004"
      const string_view bare = TrimChars(w, ",;:|.");
      if (bare.empty()) break;  // "|", " - " and the like
      if (FirstCharCase(bare) != Case::kUpper && !kNameGlue.HasFolded(bare)) break;
      // A full stop ends the name unless the word is an abbreviation ("L.P.").
      const char end = w.back();
      const bool stop = end == ',' || end == ';' || end == ':' || end == '|' ||
                        (end == '.' && bare.find('.') == string_view::npos);
      name.push_back(end == '.' && !stop ? w : bare);
      if (stop) break;
      if (name.size() > kMaxNameWords) {  // a run of capitals, not a name
        too_long = true;
        break;
      }
    }
    while (!name.empty() && (kNameGlue.HasFolded(name.back()) ||
                             kLegalForms.HasFolded(TrimChars(name.back(), ".")))) {
      name.pop_back();
    }
    if (too_long || name.empty() || FirstCharCase(name.front()) != Case::kUpper) {
      continue;
    }
    std::string holder = Joined(name);
    if (holder.size() > kMaxNameBytes || lexicon::kAgencyMarkers.HasFolded(holder) ||
        kLabels.HasFolded(holder)) {
      continue;
    }
    return holder;
  }
  return {};
}

std::string OutletNamedIn(const std::string& text, string_view copyright) {
  return OneWireName(NamedIn(text, copyright));
}

TitleParts TitleWithoutOutlet(string_view title) {
  title = TrimChars(title, " ");
  // One pass from the end (it runs on every title): the last separator set
  // off by spaces, and how many spaces the title has.
  constexpr string_view kSeparators[] = {"-",           "|", "::", ":", "\xC2\xAB", "\xE2\x80\x93",
                                         "\xE2\x80\x94"};
  size_t cut = string_view::npos, after = 0, spaces = 0;
  for (size_t i = title.size(); i-- > 0;) {
    if (title[i] != ' ') continue;
    ++spaces;
    if (cut != string_view::npos) continue;
    if (i + 1 >= title.size() || AsciiAlnum(title[i + 1])) continue;  // a word follows
    for (string_view sep : kSeparators) {
      const size_t end = i + 1 + sep.size();
      if (end < title.size() && title[end] == ' ' && title[i + 1] == sep[0] &&
          title.compare(i + 1, sep.size(), sep) == 0) {
        cut = i;
        after = end + 1;
        break;
      }
    }
  }
  // A title of an outlet's name alone: at most kMaxNameWords words.
  if (spaces < kMaxNameWords) {
    if (std::string whole = OutletOfTitlePart(title); !whole.empty()) {
      return {string_view(), OneWireName(std::move(whole))};
    }
  }
  if (cut == string_view::npos || cut == 0) return {title, {}};
  std::string outlet = OutletOfTitlePart(title.substr(after));
  if (outlet.empty()) return {title, {}};
  return {TrimChars(title.substr(0, cut), " "), OneWireName(std::move(outlet))};
}

}  // namespace storyline::extract
