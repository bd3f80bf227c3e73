#include "brief/headline.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "brief/brief_internal.h"
#include "util/abbreviations.h"
#include "util/ascii.h"
#include "util/time.h"

namespace storyline::brief {
namespace {

using brief_internal::FirstWords;
using brief_internal::IsWord;

// ---- titles -------------------------------------------------------------------

// How a title serves as the story's headline: kFit, kWeak (a headline, but a
// poor one: clickbait, cut off, a dateline's lead, a quotation's opening, one
// or two words) or kFurniture (page navigation or markup, never shown).
enum class TitleFitness { kFit, kWeak, kFurniture };

TitleFitness HeadlineFitness(std::string_view title) {
  if (title.empty()) return TitleFitness::kFurniture;
  // Markup ("'); //-->", "<< Previous | Next >>") and navigation: a trail of
  // two or more separators ("Home > News > UK", "Email this story |
  // Printable Version | ..."). One separator may part a headline from a
  // section or site name ("BOUCHET ACADEMY | Kids at ...", "Tanks at the
  // Palace « VOA Breaking News"): weak, not furniture.
  for (std::string_view markup : {"<<", ">>", "//", "-->", "{", "}"}) {
    if (title.find(markup) != std::string_view::npos) return TitleFitness::kFurniture;
  }
  std::size_t separators = 0;
  for (std::string_view sep : {" > ", " | ", " :: ", " \xC2\xAB "}) {
    for (std::size_t at = title.find(sep); at != std::string_view::npos;
         at = title.find(sep, at + sep.size())) {
      ++separators;
    }
  }
  if (separators >= 2) return TitleFitness::kFurniture;
  if (separators == 1) return TitleFitness::kWeak;
  const std::string lower = " " + AsciiLowered(title) + " ";
  for (std::string_view bait : {" you ", " your ", " you'll ", " this is why ", " here's ",
                                " won't believe ", " what happened next "}) {
    if (lower.find(bait) != std::string::npos) return TitleFitness::kWeak;
  }
  if (title.back() == '?' || title.back() == '!') return TitleFitness::kWeak;
  if (title.front() >= '0' && title.front() <= '9') return TitleFitness::kWeak;  // "10 things"
  // A first sentence cut to make a title: "... after rescuing a...".
  if (title.ends_with("...") || title.ends_with("\xE2\x80\xA6")) return TitleFitness::kWeak;
  // A lead with its dateline: "(CNN) -- Flooding in southern India".
  if (title.find(" -- ") != std::string_view::npos) return TitleFitness::kWeak;
  // A quotation left open: "\u201c I couldn \u2019 t see what the kids were doing".
  if ((title.starts_with('"') && title.find('"', 1) == std::string_view::npos) ||
      (title.starts_with("\xE2\x80\x9C") && title.find("\xE2\x80\x9D") == std::string_view::npos)) {
    return TitleFitness::kWeak;
  }
  std::size_t words = 0;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] != ' ' && (i == 0 || title[i - 1] == ' ')) ++words;
  }
  return words < 3 ? TitleFitness::kWeak : TitleFitness::kFit;
}

// Words a page names itself with ("Latest News & Headlines", "Top News
// Article", "Member Center", "Home Page"): a title of these alone names a
// page, not an event.
constexpr std::array<std::string_view, 52> kPageWords = {
    "news",    "latest",  "breaking", "headlines", "headline",      "top",   "stories",
    "story",   "article", "articles", "home",      "homepage",      "page",  "online",
    "center",  "centre",  "member",   "members",   "international", "world", "national",
    "local",   "section", "index",    "welcome",   "website",       "site",  "official",
    "today's", "today",   "daily",    "updates",   "update",        "live",  "views",
    "front",   "main",    "more",     "from",      "around",        "the",   "and",
    "&",       "of",      "to",       "our",       "for",           "in",    "a",
    "your",    "-",       "|"};

// Whether a title names a page rather than news: it is made of kPageWords
// alone, or it welcomes the reader ("Welcome to the Police Scotland
// website").
bool NamesAPage(std::string_view title) {
  if (AsciiStartsWithFolded(title, "welcome to ")) return true;
  std::size_t words = 0;
  for (std::size_t at = 0; at < title.size();) {
    const std::size_t end = std::min(title.find(' ', at), title.size());
    std::string_view w = title.substr(at, end - at);
    at = end + 1;
    while (!w.empty() && (w.back() == ',' || w.back() == ':' || w.back() == '.')) {
      w.remove_suffix(1);
    }
    if (w.empty()) continue;
    ++words;
    if (std::find(kPageWords.begin(), kPageWords.end(), AsciiLowered(w)) == kPageWords.end()) {
      return false;
    }
  }
  return words > 0;
}

// Whether a title names something its story reports: one of its content
// words is in the text of an article the brief reads. A site's or section's
// name ("Personal Finance", "Silicon Valley NORTH", "Lakeland, Polk County,
// Florida") or a notice ("Are you a robot?") in the title field names
// nothing the story says; Edmundson's title method turned round. The bar is
// one word, not a share: a headline over a short text may name more than
// the text spells out ("Broadcaster Stuart Hall denies child abuse charges"
// over a text with three of its seven words). A title without content words
// is not judged.
bool NamesTheStory(std::span<const BriefArticle> articles, std::span<const std::size_t> readers,
                   std::size_t a) {
  const std::vector<std::uint32_t>& words = articles[a].material->title_words;
  if (words.empty()) return true;
  auto names = [&](std::size_t r) {
    const std::vector<std::uint32_t>& concepts = articles[r].material->concepts;
    return std::any_of(concepts.begin(), concepts.end(), [&](std::uint32_t c) {
      return IsWord(c) && std::binary_search(words.begin(), words.end(), c);
    });
  };
  // Its own text first: there it almost always is.
  if (names(a)) return true;
  return std::any_of(readers.begin(), readers.end(),
                     [&](std::size_t r) { return r != a && names(r); });
}

// ---- a headline from a sentence ------------------------------------------------

// A cut keeps at least half a headline: less is not what the sentence says.
constexpr std::size_t kMinCutWords = kHeadlineWords / 2;
// A trailing attribution leaves at least this many words.
constexpr std::size_t kMinHeadlineWords = 6;
// A trailing attribution (", police said") has at most this many words.
constexpr std::size_t kMaxAttributionWords = 6;

// A word as the lists below match it: ASCII-lowered, without the
// punctuation that follows it.
std::string Core(std::string_view word) {
  while (!word.empty() &&
         (word.back() == ',' || word.back() == '.' || word.back() == ';' || word.back() == ':')) {
    word.remove_suffix(1);
  }
  return AsciiLowered(word);
}

bool OneOf(std::string_view word, std::span<const std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool Capitalized(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word.front()));
}

// Whether a word ends with a comma, semicolon or colon; not a time written
// with a space ("at 8: 00 am"), where the colon follows a digit.
bool EndsWithPause(std::string_view word) {
  if (word.empty()) return false;
  if (word.back() == ':') return word.size() < 2 || !AsciiDigit(word[word.size() - 2]);
  return word.back() == ',' || word.back() == ';';
}

// A day the sentence tells the event by: a weekday, "yesterday", "today".
// Not a possessive ("Tuesday's vote"): that names a thing.
constexpr std::array<std::string_view, 10> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday",    "yesterday",
                                                    "today",  "tonight"};
constexpr std::array<std::string_view, 10> kBeforeDay = {"on",   "late",  "early", "last", "next",
                                                         "this", "since", "until", "by",   "from"};
constexpr std::array<std::string_view, 4> kPartOfDay = {"morning", "afternoon", "evening", "night"};
// "last night", "this week": the time words a lead opens or closes with.
constexpr std::array<std::string_view, 2> kDeictic = {"last", "this"};
constexpr std::array<std::string_view, 6> kDeicticSpan = {"night",   "week",      "weekend",
                                                          "morning", "afternoon", "evening"};

// Verbs of saying after which "that" only opens what was said.
constexpr std::array<std::string_view, 16> kReportingVerbs = {
    "said",     "says",     "announced", "reported", "confirmed", "warned",    "claimed",  "stated",
    "revealed", "insisted", "argued",    "added",    "signaled",  "signalled", "believes", "told"};
// Words a trailing attribution names its source with.
constexpr std::array<std::string_view, 8> kAttributionVerbs = {
    "said", "says", "told", "reported", "reports", "added", "announced", "confirmed"};

// Words a clause that can be left out of a headline opens with: the
// subordinators and relative pronouns that attach a circumstance or a
// description ("... after the midterm elections", "... a deal that would
// let ..."). Not prepositions: "are on the verge", "a campaign devised by"
// and "stationed in" need what follows.
constexpr std::array<std::string_view, 17> kBoundaryWords = {
    "after", "before",    "because", "while",    "when",   "which", "who",  "whose",    "where",
    "amid",  "following", "despite", "although", "though", "until", "that", "including"};
// A prefix ending in one of these stops mid-phrase (articles, auxiliaries,
// prepositions: "a showdown with officers in | which ...").
constexpr std::array<std::string_view, 31> kOpenEnds = {
    "a",    "an",   "the", "to",   "of",    "and",  "or",    "is",   "are", "was", "were",
    "be",   "been", "has", "have", "had",   "will", "would", "in",   "on",  "at",  "for",
    "with", "from", "by",  "into", "about", "over", "under", "than", "as"};

// Drops words [begin, end) of `w`. A pause after the last of them (", ")
// stays with the word before, unless the words opened the sentence.
void Erase(std::vector<std::string>* w, std::size_t begin, std::size_t end) {
  const bool pause = EndsWithPause((*w)[end - 1]);
  if (pause && begin > 0 && !EndsWithPause((*w)[begin - 1])) (*w)[begin - 1] += ',';
  w->erase(w->begin() + static_cast<std::ptrdiff_t>(begin),
           w->begin() + static_cast<std::ptrdiff_t>(end));
}

// Drops the day the sentence tells the event by: "(on|late|early) Tuesday
// (morning)", "yesterday", "last night", "this week".
void DropDays(std::vector<std::string>* w) {
  for (std::size_t i = 0; i < w->size();) {
    const std::string_view word = (*w)[i];
    const std::string core = Core(word);
    std::size_t begin = i, end = i + 1;
    if (OneOf(core, kDays)) {
      if (i > 0 && OneOf(Core((*w)[i - 1]), kBeforeDay) && !EndsWithPause((*w)[i - 1])) --begin;
      if (!EndsWithPause(word) && end < w->size() && OneOf(Core((*w)[end]), kPartOfDay)) ++end;
    } else if (OneOf(core, kDeictic) && !EndsWithPause(word) && i + 1 < w->size() &&
               OneOf(Core((*w)[i + 1]), kDeicticSpan)) {
      ++end;
    } else {
      ++i;
      continue;
    }
    Erase(w, begin, end);
    i = begin;
  }
}

bool IsDayNumber(std::string_view core) {
  std::size_t digits = 0;
  while (digits < core.size() && AsciiDigit(core[digits])) ++digits;
  const std::string_view rest = core.substr(digits);
  return digits >= 1 && digits <= 2 &&
         (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th");
}

bool IsYear(std::string_view core) {
  return core.size() == 4 && std::all_of(core.begin(), core.end(), AsciiDigit);
}

// The words of a calendar date from word i ("June 15, 2003", "15 June
// 2003", "Dec. 5"), or 0.
std::size_t DateAt(const std::vector<std::string>& w, std::size_t i) {
  if (i + 1 >= w.size()) return 0;
  const std::string first = Core(w[i]), second = Core(w[i + 1]);
  const bool month_first = Capitalized(w[i]) && MonthOf(first) != 0 && IsDayNumber(second);
  const bool day_first = IsDayNumber(first) && Capitalized(w[i + 1]) && MonthOf(second) != 0;
  if (!month_first && !day_first) return 0;
  return i + 2 < w.size() && IsYear(Core(w[i + 2])) ? 3 : 2;
}

// Drops the date the event happened on: "on June 15, 2003" anywhere, and a
// date that opens the sentence ("Dec. 5, 2004, the court ruled"). Not a date
// that names a thing ("the Sept. 11 attacks").
void DropDates(std::vector<std::string>* w) {
  for (std::size_t i = 0; i < w->size();) {
    const std::size_t n = DateAt(*w, i);
    const bool on = n > 0 && i > 0 && Core((*w)[i - 1]) == "on" && !EndsWithPause((*w)[i - 1]);
    if (n == 0 || (i > 0 && !on)) {
      ++i;
      continue;
    }
    const std::size_t begin = on ? i - 1 : i;
    Erase(w, begin, i + n);
    i = begin;
  }
}

// Drops "that" after a verb of saying: "said that he would" -> "said he would".
void DropThatAfterSaying(std::vector<std::string>* w) {
  for (std::size_t i = 1; i < w->size();) {
    if ((*w)[i] == "that" && !EndsWithPause((*w)[i - 1]) &&
        OneOf(Core((*w)[i - 1]), kReportingVerbs)) {
      w->erase(w->begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
}

// Drops a trailing attribution: ", according to Reuters", ", police said".
void DropAttribution(std::vector<std::string>* w) {
  std::size_t tail = w->size();
  while (tail > 0 && !EndsWithPause((*w)[tail - 1])) --tail;
  if (tail < kMinHeadlineWords || tail == w->size() || w->size() - tail > kMaxAttributionWords) {
    return;
  }
  bool attribution = Core((*w)[tail]) == "according";
  for (std::size_t i = tail; i < w->size(); ++i) {
    attribution |= OneOf(Core((*w)[i]), kAttributionVerbs);
  }
  if (!attribution) return;
  w->resize(tail);
  w->back().pop_back();  // the pause
}

// The number of words to keep when `w` is longer than a headline: the
// longest prefix of kMinCutWords to kHeadlineWords words that ends at a
// clause boundary (a pause, or before a word of kBoundaryWords) with every
// bracket, quotation and pair of commas it opens closed ("Kerik, a fixture
// at ..., " is no cut) and no open end; 0 when there is none.
std::size_t CutAtBoundary(const std::vector<std::string>& w) {
  std::size_t best = 0;
  int brackets = 0, commas = 0;
  bool quoted = false;
  for (std::size_t keep = 1; keep <= std::min(kHeadlineWords, w.size() - 1); ++keep) {
    const std::string& word = w[keep - 1];
    for (std::size_t i = 0; i < word.size(); ++i) {
      if (word[i] == '(' || word[i] == '[') ++brackets;
      if (word[i] == ')' || word[i] == ']') --brackets;
      if (word[i] == '"') quoted = !quoted;
      if (word.compare(i, 3, "\xE2\x80\x9C") == 0) quoted = true;
      if (word.compare(i, 3, "\xE2\x80\x9D") == 0) quoted = false;
    }
    const bool pause = EndsWithPause(word);
    if (keep < kMinCutWords || brackets > 0 || quoted) {
      commas += word.back() == ',';
      continue;
    }
    const bool balanced = commas % 2 == 0;  // the commas before this word
    commas += word.back() == ',';
    if (!balanced || OneOf(Core(word), kOpenEnds)) continue;
    if (pause || OneOf(w[keep], kBoundaryWords)) best = keep;
  }
  return best;
}

// The first line of the most central article's text: what heads a story
// with no sentence to summarise and no title (a page of list items or
// headings), so that no story goes without a headline.
std::string_view FirstLine(std::span<const BriefArticle> articles,
                           std::span<const std::size_t> readers) {
  const BriefArticle* central = nullptr;
  for (std::size_t a : readers) {
    if (central == nullptr || articles[a].centrality > central->centrality) central = &articles[a];
  }
  if (central == nullptr) return {};
  const std::string_view text = central->material->text;
  const std::size_t begin = std::min(text.find_first_not_of(" \n"), text.size());
  return text.substr(begin, text.find('\n', begin) - begin);
}

}  // namespace

std::string HeadlineFromSentence(std::string_view sentence) {
  std::vector<std::string> w;
  for (std::size_t at = 0; at < sentence.size();) {
    const std::size_t end = std::min(sentence.find_first_of(" \n", at), sentence.size());
    if (end > at) w.emplace_back(sentence.substr(at, end - at));
    at = end + 1;
  }
  // A dash or bullet left in front of the lead by its dateline.
  while (!w.empty() &&
         OneOf(w.front(), std::array<std::string_view, 5>{"\xE2\x80\x94", "\xE2\x80\x93", "-", "--",
                                                          "\xE2\x80\xA2"})) {
    w.erase(w.begin());
  }
  if (w.empty()) return "";
  // The full stop, unless it ends an abbreviation ("U.S.").
  std::string& last = w.back();
  if (last.size() > 1 && last.back() == '.' &&
      !IsAbbreviation(std::string_view(last).substr(0, last.size() - 1))) {
    last.pop_back();
  }
  DropDays(&w);
  DropDates(&w);
  DropThatAfterSaying(&w);
  DropAttribution(&w);
  if (w.empty()) return "";
  if (w.size() > kHeadlineWords) {
    if (const std::size_t keep = CutAtBoundary(w)) {
      w.resize(keep);
      if (EndsWithPause(w.back())) w.back().pop_back();
    }
  }
  std::string out;
  for (const std::string& word : w) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  // A lead that opened with its day ("On Tuesday, the court ruled").
  if (std::islower(static_cast<unsigned char>(out.front()))) {
    out.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(out.front())));
  }
  return FirstWords(out, kHeadlineWords);
}

namespace {

// A headline of at most kMaxHeadlineBytes (a title field or a "word" can be
// megabytes of one run of characters): cut at a space when there is one in
// its last third, else between characters, with "…".
constexpr std::size_t kMaxHeadlineBytes = 300;

std::string Capped(std::string h) {
  if (h.size() <= kMaxHeadlineBytes) return h;
  std::size_t cut = kMaxHeadlineBytes;
  while (cut > 0 && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80) --cut;
  if (const std::size_t space = h.rfind(' ', cut);
      space != std::string::npos && space >= 2 * kMaxHeadlineBytes / 3) {
    cut = space;
  }
  h.resize(cut);
  return h + "\xE2\x80\xA6";  // …
}

std::string ChooseHeadline(std::span<const BriefArticle> articles,
                           std::span<const std::size_t> readers, std::string_view lead) {
  // The most central title among the fittest; page furniture never. Titles
  // are judged most central first, so a story whose central title is whole
  // judges one. A title that names nothing the story reports comes after a
  // headline written from the lead, and before one from the text's first
  // line, the last resort of a story with neither sentences nor titles.
  std::vector<std::size_t> titled;
  for (std::size_t a : readers) {
    if (!articles[a].title.empty()) titled.push_back(a);
  }
  if (titled.empty()) {
    return HeadlineFromSentence(lead.empty() ? FirstLine(articles, readers) : lead);
  }
  std::stable_sort(titled.begin(), titled.end(), [&](std::size_t a, std::size_t b) {
    return articles[a].centrality > articles[b].centrality;
  });
  const BriefArticle* weak = nullptr;
  const BriefArticle* unrelated = nullptr;
  for (std::size_t a : titled) {
    const TitleFitness f = HeadlineFitness(articles[a].title);
    if (f == TitleFitness::kFurniture) continue;
    if (NamesAPage(articles[a].title) || !NamesTheStory(articles, readers, a)) {
      if (unrelated == nullptr) unrelated = &articles[a];
      continue;
    }
    if (f == TitleFitness::kFit) return std::string(articles[a].title);
    if (weak == nullptr) weak = &articles[a];
  }
  if (weak != nullptr) return std::string(weak->title);
  if (!lead.empty()) return HeadlineFromSentence(lead);
  if (unrelated != nullptr) return std::string(unrelated->title);
  return HeadlineFromSentence(FirstLine(articles, readers));
}

}  // namespace

std::string WriteHeadline(std::span<const BriefArticle> articles,
                          std::span<const std::size_t> readers, std::string_view lead) {
  return Capped(ChooseHeadline(articles, readers, lead));
}

}  // namespace storyline::brief
