#include "brief/brief.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <queue>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "text/tokenizer.h"
#include "util/ascii.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace storyline::brief {
namespace {

// Summary: the concepts are word pairs, names and numbers. A concept
// reported in an article's k-th sentence weighs
// (1 + k)^-kPositionPower there (news puts what matters first), summed over
// every sentence of every article that reports it (what an article comes
// back to is what it is about), times (articles reporting it)^kAgreementPower
// (what several sources agree on is the story), times TitleWeight() of the
// content words it shares with the title of an article reporting it (what a
// headline names). A sentence's gain is the weight of its new
// concepts over words^kLengthPower. Chosen on wikinewssum's development
// clusters among a handful of principled settings; see docs/DESIGN.md.
// (Powers 0.5, 2 and 0.5, written out: std::pow is a hot spot here.)
double PositionWeight(std::uint16_t position) { return 1.0 / std::sqrt(1.0 + position); }
double AgreementWeight(int articles) { return static_cast<double>(articles) * articles; }
double LengthCost(std::uint16_t words) { return std::sqrt(static_cast<double>(words)); }
// A sentence must bring at least this share of word pairs not yet covered,
// and must not say again in other words what is chosen: at most this share
// of its content words already covered.
constexpr double kMinNewShare = 0.4;
constexpr double kMaxCoveredWords = 0.6;
// Facts ("only in", timeline): sentences this long, whose word pairs are
// mostly new and that name at least one new name or number.
constexpr std::uint16_t kMinFactWords = 8;
constexpr std::uint16_t kMaxFactWords = 60;
constexpr double kMinFactNovelty = 0.7;
// Quotes: this many words at least; merged when sharing this share of word pairs.
constexpr std::size_t kMinQuoteWords = 5;
constexpr double kQuoteMergeJaccard = 0.6;
constexpr std::size_t kMaxPairGroups = 64;
constexpr std::size_t kHeadlineWords = 20;
// Fragments this long stand in for sentences when a story has none (the
// lengths material.cc allows a whole sentence).
constexpr std::uint16_t kMinFallbackWords = 6;
constexpr std::uint16_t kMaxFallbackWords = 60;
constexpr std::size_t kMinCutWords = 5;

bool IsKey(std::uint32_t c) { return (c & text::kTitleMark) == text::kKeyConcept; }
bool IsWord(std::uint32_t c) { return (c & text::kTitleMark) == text::kWordConcept; }
bool IsTitleMark(std::uint32_t c) { return (c & text::kTitleMark) == text::kTitleMark; }
// What facts are judged on: word pairs, names and numbers.
bool IsPairOrName(std::uint32_t c) { return !IsWord(c) && !IsTitleMark(c); }

// A concept that shares k content words with its article's title (a bigram
// 1 or 2, a name 1) weighs 1 + k times as much: what a headline names is
// what the story is about. On both wikinewssum sets a word pair with one
// word in its article's title is in the reference about twice as often as
// one with none, with two about six times; see docs/DESIGN.md.
double TitleWeight(int shared) { return 1.0 + shared; }

// How many content words the title shares with each concept that a title
// mark of `concepts` (one sentence's, sorted) names; at most 2.
void ReadTitleMarks(std::span<const std::uint32_t> concepts, const std::uint32_t* numbers,
                    std::vector<std::uint8_t>* shared) {
  auto first_mark = std::lower_bound(concepts.begin(), concepts.end(), text::kTitleMark);
  for (auto m = first_mark; m != concepts.end(); ++m) {
    const std::uint32_t hash = *m & text::kConceptHashMask & ~1u;
    const std::uint8_t k = (*m & 1u) ? 2 : 1;
    for (std::uint32_t kind : {0u, text::kKeyConcept}) {
      for (std::uint32_t c : {hash | kind, hash | 1u | kind}) {
        auto at = std::lower_bound(concepts.begin(), first_mark, c);
        if (at == first_mark || *at != c) continue;
        std::uint8_t& s = (*shared)[numbers[at - concepts.begin()]];
        s = std::max(s, k);
      }
    }
  }
}

constexpr UnixSeconds kUndated = std::numeric_limits<UnixSeconds>::min();
UnixSeconds TimeKey(const BriefArticle& a) { return a.time ? *a.time : kUndated; }

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

// Whether every word of `s` opens with a capital, a digit or '(': a place,
// a date and a credit ("Santiago, Chile, Jan. 5 (UPI)"), not a clause.
bool AllWordsCapitalized(std::string_view s) {
  bool start = true;
  for (char c : s) {
    if (c == ' ') {
      start = true;
      continue;
    }
    if (start && !std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '(') {
      return false;
    }
    start = false;
  }
  return true;
}

// A sentence as shown: without an inline dateline or wire credit in front
// ("VALDORA, Chile (Wire) — A quake...", "Valdora, Chile, Jan. 5 (Wire) --
// A quake..." or "(Wire) — A quake..." become "A quake..."): a prefix of at
// most 80 bytes, before a dash, that opens with '(' or an all-capitals word,
// or that ends with a credit in brackets and has only capitalised words and
// numbers.
std::string_view WithoutDateline(std::string_view s) {
  static constexpr std::string_view kDashes[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " -- ", " - "};
  // The first dash of any kind within the first 80 bytes: one pass over the
  // spaces (at one place at most one of the dashes can start).
  std::size_t cut = std::string_view::npos, dash_len = 0;
  const std::string_view head = s.substr(0, 80);
  for (std::size_t at = head.find(' ');
       at != std::string_view::npos && cut == std::string_view::npos; at = head.find(' ', at + 1)) {
    for (std::string_view d : kDashes) {
      if (head.substr(at).starts_with(d)) {
        cut = at;
        dash_len = d.size();
        break;
      }
    }
  }
  if (cut == std::string_view::npos || cut == 0) return s;
  std::string_view prefix = s.substr(0, cut);
  bool caps = prefix.size() >= 2 && std::isupper(static_cast<unsigned char>(prefix[0])) &&
              std::isupper(static_cast<unsigned char>(prefix[1]));
  bool credited = prefix.back() == ')' && prefix.find('(') != std::string_view::npos &&
                  AllWordsCapitalized(prefix);
  if (prefix.front() != '(' && !caps && !credited) return s;
  if (prefix.front() == '(' && prefix.back() != ')') return s;
  std::string_view rest = s.substr(cut + dash_len);
  if (rest.empty() || !std::isupper(static_cast<unsigned char>(rest[0]))) return s;
  return rest;
}

std::size_t WordCount(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The first `words` words of `s`, with "…" when cut.
std::string FirstWords(std::string_view s, std::size_t words) {
  std::size_t seen = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool space = s[i] == ' ' || s[i] == '\n';
    if (!space && !in_word && ++seen > words) {
      std::string out = Trim(s.substr(0, i));
      while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) {
        out.pop_back();
      }
      return out + "\xE2\x80\xA6";  // …
    }
    in_word = !space;
  }
  return Trim(s);
}

// Whether the word s[start, end) is a mark that lays out a page rather than
// punctuates prose: a breadcrumb or bullet standing alone (">", "*", "»",
// "•") or a rule drawn with one character ("------", "=====", "****"; four
// at least, since prose writes a dash as "--" or "---").
bool IsLayoutMark(std::string_view s, std::size_t start, std::size_t end) {
  const std::string_view w = s.substr(start, end - start);
  if (w == ">" || w == "*" || w == "\xC2\xBB" || w == "\xE2\x80\xA2") return true;
  if (w.size() < 4) return false;
  const char c = w[0];
  if (c != '-' && c != '=' && c != '_' && c != '*' && c != '~' && c != '#') return false;
  return w.find_first_not_of(c) == std::string_view::npos;
}

// Page furniture that ends like a sentence: a heading, byline or section
// label run into it (two all-capitals words in a row: "FREE PRESS COLUMNIST
// As chief...", "BILL GATES: Good morning."; an acronym stands alone), a
// list of tags or links ("election fraud | government | human rights"), or
// navigation laid out with marks ("Programs ------ RADIO ------ AM Back.",
// "Disneyland Report > Disney News > Stitch's Great Escape!", "About us /
// Contact us / Subscribe ...").
// When it is not, `*words` is WordCount(s): one pass does both, since every
// candidate sentence of a summary asks both.
bool LooksLikeFurniture(std::string_view s, std::size_t* words) {
  const std::size_t n = s.size();
  std::size_t count = 0;
  int run = 0, slashes = 0;
  std::size_t i = 0;
  while (i < n) {
    while (i < n && (s[i] == ' ' || s[i] == '\n')) ++i;
    if (i == n) break;
    const std::size_t start = i;
    int upper = 0, lower = 0;
    for (; i < n && s[i] != ' ' && s[i] != '\n'; ++i) {
      // std::isupper/islower in the C locale the program runs in.
      upper += s[i] >= 'A' && s[i] <= 'Z';
      lower += s[i] >= 'a' && s[i] <= 'z';
    }
    ++count;
    // " | " (a '|' word with a space on each side).
    if (i - start == 1 && s[start] == '|' && start > 0 && s[start - 1] == ' ' && i < n &&
        s[i] == ' ') {
      return true;
    }
    if (upper == 0 && lower == 0 && IsLayoutMark(s, start, i)) return true;
    // Links parted by " / ", twice or more: "About us / Contact us /
    // Subscribe The Han-class submarines ..." (prose writes "and/or").
    if (i - start == 1 && s[start] == '/' && ++slashes >= 2) return true;
    run = (upper >= 2 && lower == 0) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  *words = count;
  return false;
}

// Whether a sentence is one quotation followed by who said it: it opens with
// a quote mark and at least two words follow the last closing one
// ("\"Getting Longhorn to customers in 2006 will ...,\" Bill Gates said
// Friday."; in single marks as British papers quote, "‘...,’ he said.").
// Such a sentence reports what was said and by whom, and reads alone; a
// sentence inside a quotation, or one without its speaker, does not.
bool IsAttributedQuote(std::string_view s) {
  static constexpr std::string_view kOpen = "\xE2\x80\x9C", kClose = "\xE2\x80\x9D";  // “ ”
  static constexpr std::string_view kOpenSingle = "\xE2\x80\x98";                     // ‘
  static constexpr std::string_view kCloseSingle = "\xE2\x80\x99";                    // ’
  if (s.starts_with(kOpenSingle)) {
    const std::size_t close = s.rfind(kCloseSingle);
    return close != std::string_view::npos && WordCount(s.substr(close + kCloseSingle.size())) >= 2;
  }
  if (!s.starts_with('"') && !s.starts_with(kOpen)) return false;
  std::size_t end = 0;  // just past the last closing mark
  if (std::size_t curly = s.rfind(kClose); curly != std::string_view::npos) {
    end = curly + kClose.size();
  }
  if (std::size_t straight = s.rfind('"'); straight != std::string_view::npos && straight > 0) {
    end = std::max(end, straight + 1);
  }
  return end > 0 && WordCount(s.substr(end)) >= 2;
}

// How a sentence of an article is shown.
std::string Show(std::string_view sentence) { return Trim(WithoutDateline(TrimView(sentence))); }

struct Sentence {
  std::size_t article;  // index into the brief's articles
  const SentenceFacts* facts;
};

// Whether an article is a page about itself rather than a report: an error
// page, a registration or download wall, whose first whole sentence speaks
// to the reader about the page ("The page you requested cannot be found.",
// "Unfortunately we are unable to process your request at this time.").
// A report's lead seldom is (Readers() asks for more evidence); what
// follows such a lead is more of it.
// Furniture before the lead (a line of tags or links) is passed over.
bool IsPageNotice(const ArticleMaterial& m) {
  for (const SentenceFacts& s : m.sentences) {
    if (s.flags & kFragment) continue;
    const std::string shown = Show(m.Sentence(s));
    std::size_t words = 0;
    if (!LooksLikeFurniture(shown, &words)) return (s.flags & (kAboutThePage | kReaderChrome)) != 0;
  }
  return false;
}

// Whether an article's text says anything its title names: some word pair,
// name or number of it carries a title mark. An untitled article does.
bool AboutItsTitle(const BriefArticle& a) {
  if (a.title.empty()) return true;
  return std::any_of(a.material->concepts.begin(), a.material->concepts.end(), IsTitleMark);
}

// Whether article `a` reports some word pair, name or number that another
// of `among` reports too.
bool SharesWithOthers(std::span<const BriefArticle> articles, std::size_t a,
                      const std::vector<std::size_t>& among) {
  absl::flat_hash_set<std::uint32_t> own;
  for (std::uint32_t c : articles[a].material->concepts) {
    if (IsPairOrName(c)) own.insert(c);
  }
  for (std::size_t b : among) {
    if (b == a) continue;
    for (std::uint32_t c : articles[b].material->concepts) {
      if (own.contains(c)) return true;
    }
  }
  return false;
}

// The originals the brief reads, at most `max` of the most central, in
// joining order. Left out, when the story has other articles: a page notice
// or a page about something other than its own title (a front page of other
// news that came in under the story's link: "Latest News & Headlines" over
// a line about something else) that says nothing the story says: no word
// pair, name or number another article reports (an article about a new
// privacy policy opens with a page phrase too, but shares the story). All
// originals are read when every one is such, all articles when every one
// is a copy.
std::vector<std::size_t> Readers(std::span<const BriefArticle> articles, std::size_t max) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    if (!articles[i].duplicate) out.push_back(i);
  }
  if (out.size() >= 2) {
    std::vector<std::size_t> kept;
    for (std::size_t a : out) {
      const bool report = !IsPageNotice(*articles[a].material) && AboutItsTitle(articles[a]);
      if (report || SharesWithOthers(articles, a, out)) kept.push_back(a);
    }
    if (!kept.empty()) out = std::move(kept);
  }
  if (out.empty()) {
    for (std::size_t i = 0; i < articles.size(); ++i) out.push_back(i);
  }
  if (out.size() > max) {
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
      return articles[a].centrality > articles[b].centrality;
    });
    out.resize(max);
    std::sort(out.begin(), out.end());
  }
  return out;
}

// ---- summary and headline --------------------------------------------------

struct Summary {
  std::vector<std::string> sentences;
  std::string best;  // the first sentence chosen: the story's core
};

Summary Summarize(std::span<const BriefArticle> articles, const std::vector<std::size_t>& readers,
                  std::size_t budget) {
  // Dense numbers for the story's concepts and content words, so that the
  // selection below reads arrays rather than hash sets.
  absl::flat_hash_map<std::uint32_t, std::uint32_t> number;
  std::vector<double> weight;              // by number: position weights summed, then x
                                           // agreement x title
  std::vector<int> reporting;              // articles reporting it
  std::vector<std::uint32_t> counted_in;   // 1 + the reader that counted it last
  std::vector<std::uint8_t> title_shared;  // most content words shared with a title
  auto number_of = [&](std::uint32_t c) {
    auto [it, inserted] = number.try_emplace(c, static_cast<std::uint32_t>(weight.size()));
    if (inserted) {
      weight.push_back(0);
      reporting.push_back(0);
      counted_in.push_back(0);
      title_shared.push_back(0);
    }
    return it->second;
  };
  // A story whose articles hold no whole sentence (a standfirst without its
  // full stop, a page of headings) still gets a summary: then fragments of a
  // sentence's length stand in for sentences.
  bool whole = false;
  for (std::size_t a : readers) {
    for (const SentenceFacts& s : articles[a].material->sentences) whole |= !(s.flags & kFragment);
  }
  auto usable = [&](const SentenceFacts& s) {
    if (whole) return !(s.flags & kFragment);  // not headings, captions, link lines
    return s.words >= kMinFallbackWords && s.words <= kMaxFallbackWords;
  };
  // The numbers of every usable sentence's concepts, in reading order, so
  // that the candidates below need no second lookup. Content words are
  // numbered here too but weigh nothing.
  std::vector<std::uint32_t> numbers;
  {
    std::size_t concepts = 0;
    for (std::size_t a : readers) {
      const ArticleMaterial& m = *articles[a].material;
      for (const SentenceFacts& s : m.sentences) {
        if (usable(s)) concepts += m.Concepts(s).size();
      }
    }
    numbers.reserve(concepts);
    number.reserve(concepts);
  }
  for (std::size_t r = 0; r < readers.size(); ++r) {
    const ArticleMaterial& m = *articles[readers[r]].material;
    for (const SentenceFacts& s : m.sentences) {
      if (!usable(s)) continue;
      double w = PositionWeight(s.position);
      const auto concepts = m.Concepts(s);
      const std::size_t first = numbers.size();
      for (std::uint32_t c : concepts) {
        if (IsTitleMark(c)) {  // read below; never a candidate's concept
          numbers.push_back(0);
          continue;
        }
        std::uint32_t n = number_of(c);
        numbers.push_back(n);
        if (IsWord(c)) continue;
        weight[n] += w;                        // every mention counts
        if (counted_in[n] == r + 1) continue;  // an article reports it once
        counted_in[n] = static_cast<std::uint32_t>(r + 1);
        ++reporting[n];
      }
      ReadTitleMarks(concepts, numbers.data() + first, &title_shared);
    }
  }
  for (std::size_t n = 0; n < weight.size(); ++n) {
    weight[n] *= AgreementWeight(reporting[n]) * TitleWeight(title_shared[n]);
  }

  struct Candidate {
    Sentence sentence;
    std::vector<std::pair<std::uint32_t, double>> concepts;  // (number, weight)
    std::vector<std::uint32_t> words;                        // numbers of its content words
    double length_cost;
    std::size_t shown_words;  // as shown: without a dateline
  };
  std::vector<Candidate> candidates;
  std::size_t next = 0;  // into `numbers`: the first concept of the sentence at hand
  for (std::size_t a : readers) {
    const ArticleMaterial& m = *articles[a].material;
    for (const SentenceFacts& s : m.sentences) {
      if (!usable(s)) continue;
      const auto concepts = m.Concepts(s);
      const std::uint32_t* n = numbers.data() + next;
      next += concepts.size();
      if (s.flags & kQuestion) continue;
      std::string_view shown = WithoutDateline(TrimView(m.Sentence(s)));
      if ((s.flags & kQuotation) && !IsAttributedQuote(shown)) continue;
      std::size_t shown_words = 0;
      if ((s.flags & (kAboutThePage | kReaderChrome)) || LooksLikeFurniture(shown, &shown_words)) {
        continue;
      }
      Candidate c{{a, &s}, {}, {}, LengthCost(s.words), shown_words};
      for (std::size_t i = 0; i < concepts.size(); ++i) {
        if (IsTitleMark(concepts[i])) continue;
        if (IsWord(concepts[i])) {
          c.words.push_back(n[i]);
        } else {
          c.concepts.emplace_back(n[i], weight[n[i]]);
        }
      }
      if (!c.concepts.empty()) candidates.push_back(std::move(c));
    }
  }

  Summary out;
  std::vector<char> covered(weight.size(), 0);  // by number, concepts and words alike
  std::size_t words = 0;                        // shown words chosen so far
  // The gain of a candidate now; 0 when it is out for good (both tests only
  // get stricter as the summary grows). A sentence that would cross the
  // budget is cut there: only the share f of its words that is shown counts,
  // so it brings about f of its weight for f of its length, a gain of
  // weight x f / sqrt(f x words). (Falls as the summary grows, like the rest.)
  auto gain_of = [&](const Candidate& c) {
    std::size_t said = 0;
    for (std::uint32_t w : c.words) said += covered[w];
    if (said > kMaxCoveredWords * static_cast<double>(c.words.size())) return 0.0;
    double gain = 0;
    std::size_t fresh = 0;
    for (const auto& [k, w] : c.concepts) {
      if (covered[k]) continue;
      gain += w;
      ++fresh;
    }
    if (fresh < kMinNewShare * static_cast<double>(c.concepts.size())) return 0.0;
    if (words < budget && c.shown_words > budget - words) {
      gain *= std::sqrt(static_cast<double>(budget - words) / static_cast<double>(c.shown_words));
    }
    return gain / c.length_cost;
  };
  // Lazy greedy (Minoux): covering concepts only lowers gains, so a gain
  // computed earlier bounds the gain now, and only the candidate on top of
  // the heap needs computing again. Ties go to the earlier candidate.
  std::priority_queue<std::pair<double, std::ptrdiff_t>> heap;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    double g = gain_of(candidates[i]);
    if (g > 0) heap.emplace(g, -static_cast<std::ptrdiff_t>(i));
  }
  std::vector<Sentence> chosen;
  std::size_t last_words = 0;  // shown words of the last sentence chosen
  while (words < budget && !heap.empty()) {
    auto [bound, neg] = heap.top();
    heap.pop();
    Candidate& c = candidates[static_cast<std::size_t>(-neg)];
    double g = gain_of(c);
    if (g <= 0) continue;
    if (!heap.empty() && g < heap.top().first) {
      heap.emplace(g, neg);
      continue;
    }
    for (const auto& [k, w] : c.concepts) covered[k] = 1;
    for (std::uint32_t w : c.words) covered[w] = 1;
    chosen.push_back(c.sentence);
    words += c.shown_words;
    last_words = c.shown_words;
  }
  if (chosen.empty()) return out;
  const auto& first = chosen.front();
  out.best = Show(articles[first.article].material->Sentence(*first.facts));
  // The budget is crossed by the last sentence chosen, the one of least gain
  // (greedy picks in falling order of gain): that one is cut (or left out
  // when under kMinCutWords words would be left of it), and read last, so
  // that no sentence follows one that breaks off.
  const SentenceFacts* cut = nullptr;
  std::size_t cut_words = 0;
  if (words > budget) {
    std::size_t before = words - last_words;
    if (budget - before >= kMinCutWords) {
      cut = chosen.back().facts;
      cut_words = budget - before;
    } else {
      chosen.pop_back();
    }
  }

  // Reading order: article time, then position in the article, then the
  // order the articles joined.
  std::sort(chosen.begin(), chosen.end(), [&](const Sentence& x, const Sentence& y) {
    if ((x.facts == cut) != (y.facts == cut)) return y.facts == cut;
    UnixSeconds tx = TimeKey(articles[x.article]), ty = TimeKey(articles[y.article]);
    if (tx != ty) return tx < ty;
    if (x.facts->position != y.facts->position) return x.facts->position < y.facts->position;
    return x.article < y.article;
  });
  for (const Sentence& s : chosen) {
    std::string text = Show(articles[s.article].material->Sentence(*s.facts));
    out.sentences.push_back(s.facts == cut ? FirstWords(text, cut_words) : std::move(text));
  }
  return out;
}

// How a title serves as the story's headline: kFit, kWeak (a headline, but a
// poor one: clickbait, cut off, a dateline's lead, a quotation's opening, one
// or two words) or kFurniture (page navigation or markup, never shown).
enum class TitleFitness { kFit, kWeak, kFurniture };

TitleFitness HeadlineFitness(std::string_view title) {
  if (title.empty()) return TitleFitness::kFurniture;
  // Markup ("'); //-->", "<< Previous | Next >>") and navigation: a trail of
  // two or more separators ("Home > News > UK", "Email this story |
  // Printable Version | ..."). One separator may part a headline from a
  // section or site name ("BOUCHET ACADEMY | Kids at ..."): weak, not furniture.
  for (std::string_view markup : {"<<", ">>", "//", "-->", "{", "}"}) {
    if (title.find(markup) != std::string_view::npos) return TitleFitness::kFurniture;
  }
  std::size_t separators = 0;
  for (std::string_view sep : {" > ", " | ", " :: "}) {
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

std::string Headline(std::span<const BriefArticle> articles,
                     const std::vector<std::size_t>& readers, const Summary& summary) {
  // The most central title among the fittest; page furniture never. Titles
  // are judged most central first, so a story whose central title is whole
  // judges one.
  std::vector<std::size_t> titled;
  for (std::size_t a : readers) {
    if (!articles[a].title.empty()) titled.push_back(a);
  }
  std::stable_sort(titled.begin(), titled.end(), [&](std::size_t a, std::size_t b) {
    return articles[a].centrality > articles[b].centrality;
  });
  const BriefArticle* weak = nullptr;
  for (std::size_t a : titled) {
    const TitleFitness f = HeadlineFitness(articles[a].title);
    if (f == TitleFitness::kFit) return std::string(articles[a].title);
    if (f == TitleFitness::kWeak && weak == nullptr) weak = &articles[a];
  }
  if (weak != nullptr) return std::string(weak->title);
  return FirstWords(summary.best, kHeadlineWords);
}

// ---- quotes ------------------------------------------------------------------

// Lower-case ASCII letters and digits, every other run of bytes one space,
// padded with spaces so that containment is a substring test on whole words.
std::string NormalizeQuote(std::string_view s, std::size_t* words) {
  std::string out = " ";
  *words = 0;
  bool in_word = false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    char32_t cp = DecodeUtf8(s, &i);
    if (cp == '\'' || cp == 0x2019 || cp == 0x2018) continue;  // apostrophes join words
    bool word = cp < 0x80 ? std::isalnum(static_cast<int>(cp)) != 0
                          : !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xA0;
    if (word) {
      if (!in_word) ++*words;
      if (cp < 0x80) {
        out.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
      } else {
        out.append(s.substr(start, i - start));
      }
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
    in_word = word;
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

std::vector<std::uint64_t> WordPairs(std::string_view norm) {
  std::vector<std::uint64_t> out;
  std::uint64_t prev = 0;
  std::size_t i = 1;
  while (i < norm.size()) {
    std::size_t j = norm.find(' ', i);
    if (j == std::string_view::npos) break;
    std::uint64_t h = Hash64(norm.substr(i, j - i));
    if (prev != 0) out.push_back(HashCombine(prev, h));
    prev = h;
    i = j + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double Jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  std::size_t common = 0, i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

std::vector<StoryQuote> MergeQuotes(std::span<const BriefArticle> articles,
                                    const text::NameGroups& names, std::size_t max) {
  struct Group {
    std::string text, norm;
    std::vector<std::uint64_t> pairs;
    std::vector<std::string_view> outlets;
    std::map<std::string, int> speakers;
    std::size_t first = 0;
    bool fragment = false;  // text::OpensInLowerCase(text), set once merging is done
  };
  std::vector<Group> groups;
  // A quote joins the first group that holds it, that it holds (both are
  // word-aligned: norms start and end with a space) or that shares
  // kQuoteMergeJaccard of its word pairs; any of these shares word pairs.
  // So only the groups found through the quote's word pairs are tried, in
  // group order, and a pair that more than kMaxPairGroups groups have ("of
  // the") finds none: a story with thousands of quotes does not compare
  // every one with every other.
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>> groups_with_pair;
  auto post = [&](const std::vector<std::uint64_t>& pairs, std::uint32_t g) {
    for (std::uint64_t p : pairs) {
      std::vector<std::uint32_t>& in = groups_with_pair[p];
      if (in.empty() || in.back() != g) in.push_back(g);
    }
  };
  std::vector<std::uint32_t> candidates;
  for (std::size_t a = 0; a < articles.size(); ++a) {
    for (const ArticleMaterial::Quote& q : articles[a].material->quotes) {
      std::size_t words = 0;
      std::string norm = NormalizeQuote(q.text, &words);
      if (words < kMinQuoteWords) continue;
      std::vector<std::uint64_t> pairs = WordPairs(norm);
      candidates.clear();
      for (std::uint64_t p : pairs) {
        auto it = groups_with_pair.find(p);
        if (it == groups_with_pair.end() || it->second.size() > kMaxPairGroups) continue;
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      Group* match = nullptr;
      bool shorter = false;
      for (std::uint32_t c : candidates) {
        Group& g = groups[c];
        if (g.norm.find(norm) != std::string::npos) {
          match = &g;
          shorter = norm.size() < g.norm.size();
          break;
        }
        if (norm.find(g.norm) != std::string::npos ||
            Jaccard(pairs, g.pairs) >= kQuoteMergeJaccard) {
          match = &g;
          break;
        }
      }
      if (match == nullptr) {
        post(pairs, static_cast<std::uint32_t>(groups.size()));
        groups.push_back({q.text, std::move(norm), std::move(pairs), {}, {}, a});
        match = &groups.back();
      } else if (shorter) {
        // Show the part every outlet ran.
        post(pairs, static_cast<std::uint32_t>(match - groups.data()));
        match->text = q.text;
        match->norm = std::move(norm);
        match->pairs = std::move(pairs);
      }
      std::string_view outlet = articles[a].outlet;
      if (std::find(match->outlets.begin(), match->outlets.end(), outlet) == match->outlets.end()) {
        match->outlets.push_back(outlet);
      }
      // A speaker named next to the quote outweighs one found for a "he
      // said" or elsewhere in the sentence.
      if (!q.speaker.empty()) {
        std::string speaker = names.Canonical(q.speaker);
        // "Michelle said" in a story of Michelle Obama.
        if (std::string person = names.PersonOfGivenName(speaker); !person.empty()) {
          speaker = std::move(person);
        }
        match->speakers[speaker] += q.named ? 2 : 1;
      }
    }
  }
  // Most outlets first; among equals, a quote with its speaker, then one
  // that opens like a sentence, then the earliest.
  for (Group& g : groups) g.fragment = text::OpensInLowerCase(g.text);
  std::stable_sort(groups.begin(), groups.end(), [](const Group& x, const Group& y) {
    if (x.outlets.size() != y.outlets.size()) return x.outlets.size() > y.outlets.size();
    bool xs = !x.speakers.empty(), ys = !y.speakers.empty();
    if (xs != ys) return xs;
    if (x.fragment != y.fragment) return y.fragment;
    return x.first < y.first;
  });
  std::vector<StoryQuote> out;
  for (Group& g : groups) {
    if (out.size() == max) break;
    StoryQuote q;
    q.text = std::move(g.text);
    int best = 0;
    for (const auto& [speaker, votes] : g.speakers) {
      if (votes > best) {
        best = votes;
        q.speaker = speaker;
      }
    }
    q.outlets.assign(g.outlets.begin(), g.outlets.end());
    out.push_back(std::move(q));
  }
  return out;
}

// ---- entities ----------------------------------------------------------------

void GroupEntities(std::span<const BriefArticle> articles, std::size_t max,
                   const text::NameGroups& groups, Story* story) {
  // Count articles per group, not mentions: an article writing both "Trump"
  // and "Donald Trump" counts once.
  std::vector<int> articles_of(groups.groups().size(), 0);
  std::vector<int> last(groups.groups().size(), -1);
  // A group some article names without doubt: the others ("Seismologists",
  // "Dealers", "Department") are common words, not shown.
  std::vector<bool> named(groups.groups().size(), false);
  absl::flat_hash_map<std::string_view, int> group_of;  // one lookup per distinct name
  for (std::size_t a = 0; a < articles.size(); ++a) {
    for (const text::NameCount& n : articles[a].entities) {
      auto [it, inserted] = group_of.try_emplace(n.name, 0);
      if (inserted) it->second = groups.GroupOf(n.name);
      int g = it->second;
      if (g >= 0 && !n.doubtful) named[g] = true;
      if (g < 0 || last[g] == static_cast<int>(a)) continue;
      last[g] = static_cast<int>(a);
      ++articles_of[g];
    }
  }
  std::vector<std::size_t> order(articles_of.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (articles_of[x] != articles_of[y]) return articles_of[x] > articles_of[y];
    return groups.groups()[x].count > groups.groups()[y].count;
  });
  story->entities.clear();
  for (std::size_t g : order) {
    if (story->entities.size() == max || articles_of[g] == 0) break;
    // "Department" is some department: no entity to show.
    if (!named[g] || text::IsGenericName(groups.groups()[g].canonical)) continue;
    story->entities.push_back({groups.groups()[g].canonical, articles_of[g]});
  }
}

// ---- facts: only in, timeline --------------------------------------------------

struct Fact {
  Sentence sentence;
  double score;
};

// How much a new name or number says: its rarity in the news of the prior,
// (idf - 1) / (idf_max - 1) in [0, 1], squared, so that a name the news
// rarely uses ("Yongbyon") weighs about 1, one in a tenth of all articles
// ("June", "Asia") about 0.1, and several common names do not outweigh one
// specific name. Without a prior every name weighs 1.
double Specificity(std::uint32_t concept_hash, const features::TermStats* prior) {
  if (prior == nullptr) return 1.0;
  double top = prior->MaxPriorConceptIdf();
  if (top <= 1.0) return 1.0;
  double rarity = (prior->PriorConceptIdf(concept_hash) - 1.0) / (top - 1.0);
  rarity = std::clamp(rarity, 0.0, 1.0);
  return rarity * rarity;
}

// Whether a sentence opens with a word that points back to one before it
// ("He added that ...", "It was not immediately clear ...", "Their ..."):
// shown alone, as a fact is, it leaves the reader asking who or what.
bool OpensPointingBack(std::string_view sentence) {
  std::size_t end = 0;
  while (end < sentence.size() && end < 6 && AsciiAlpha(sentence[end])) ++end;
  if (end == sentence.size() || end == 0 || (sentence[end] != ' ' && sentence[end] != ',')) {
    return false;
  }
  static constexpr std::string_view kWords[] = {"He",    "She",  "It",    "They", "This",
                                                "These", "That", "Those", "His",  "Her",
                                                "Their", "Its",  "Him",   "Them"};
  const std::string_view first = sentence.substr(0, end);
  return std::find(std::begin(kWords), std::end(kWords), first) != std::end(kWords);
}

// How much of a fact `s` is against the concepts `known(c)` says are known
// elsewhere; nullopt when it is not a fact (too short, mostly known, or no new
// name or number). `prior` (may be null) weighs the new names by specificity.
template <typename Known>
std::optional<double> FactScore(const ArticleMaterial& m, const SentenceFacts& s, Known known,
                                const features::TermStats* prior) {
  // A sentence about the page is no fact either ("Like Haaretz on Facebook
  // and follow us on Twitter and Tumblr" is all names).
  if ((s.flags & (kQuestion | kQuotation | kAboutThePage)) || s.words < kMinFactWords ||
      s.words > kMaxFactWords) {
    return std::nullopt;
  }
  std::size_t new_keys = 0, pairs = 0, new_pairs = 0;
  double specific = 0;
  for (std::uint32_t c : m.Concepts(s)) {
    if (!IsPairOrName(c)) continue;
    bool fresh = !known(c);
    if (IsKey(c)) {
      new_keys += fresh;
      if (fresh) specific += Specificity(c, prior);
    } else {
      ++pairs;
      new_pairs += fresh;
    }
  }
  if (new_keys == 0 || pairs == 0) return std::nullopt;
  double novelty = static_cast<double>(new_pairs) / static_cast<double>(pairs);
  if (novelty < kMinFactNovelty) return std::nullopt;
  // Names and numbers count on a log scale: a sentence listing many is not
  // worth that many facts. One that cannot stand alone comes after those
  // that can.
  const double score = std::log2(1.0 + specific) + novelty + 0.5 * PositionWeight(s.position);
  return OpensPointingBack(m.Sentence(s)) ? 0.5 * score : score;
}

// The best `k` facts, not repeating one another, in article and position order.
std::vector<std::string> PickFacts(std::span<const BriefArticle> articles, std::vector<Fact> facts,
                                   std::size_t k) {
  std::stable_sort(facts.begin(), facts.end(),
                   [](const Fact& x, const Fact& y) { return x.score > y.score; });
  std::vector<Sentence> chosen;
  absl::flat_hash_set<std::uint32_t> covered;
  for (const Fact& f : facts) {
    if (chosen.size() == k) break;
    const ArticleMaterial& m = *articles[f.sentence.article].material;
    auto concepts = m.Concepts(*f.sentence.facts);
    std::size_t repeated = 0;
    for (std::uint32_t c : concepts) repeated += covered.contains(c);
    if (2 * repeated > concepts.size()) continue;
    covered.insert(concepts.begin(), concepts.end());
    chosen.push_back(f.sentence);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Sentence& x, const Sentence& y) {
    if (x.article != y.article) return x.article < y.article;
    return x.facts->position < y.facts->position;
  });
  std::vector<std::string> out;
  for (const Sentence& s : chosen) {
    out.push_back(Show(articles[s.article].material->Sentence(*s.facts)));
  }
  return out;
}

void OnlyIn(std::span<const BriefArticle> articles, const std::vector<std::size_t>& readers,
            std::size_t per_outlet, const features::TermStats* prior, Story* story) {
  std::vector<std::string_view> outlets;
  std::vector<std::size_t> outlet_of(articles.size(), 0);
  for (std::size_t a : readers) {
    auto it = std::find(outlets.begin(), outlets.end(), articles[a].outlet);
    outlet_of[a] = static_cast<std::size_t>(it - outlets.begin());
    if (it == outlets.end()) outlets.push_back(articles[a].outlet);
  }
  if (outlets.size() < 2) return;
  // The number of outlets reporting each concept (facts are judged on pairs
  // and names, not content words), by a dense number per concept: one hash
  // lookup per mention, the outlets taken one after another so that the
  // last outlet to count a concept says whether this one has.
  absl::flat_hash_map<std::uint32_t, std::uint32_t> number;
  std::vector<std::uint32_t> outlets_with;  // by number
  std::vector<std::uint32_t> counted_by;    // by number: 1 + the outlet that counted it last
  for (std::size_t o = 0; o < outlets.size(); ++o) {
    for (std::size_t a : readers) {
      if (outlet_of[a] != o) continue;
      for (std::uint32_t c : articles[a].material->concepts) {
        if (!IsPairOrName(c)) continue;
        auto [it, inserted] =
            number.try_emplace(c, static_cast<std::uint32_t>(outlets_with.size()));
        if (inserted) {
          outlets_with.push_back(0);
          counted_by.push_back(0);
        }
        const std::uint32_t n = it->second;
        if (counted_by[n] == o + 1) continue;
        counted_by[n] = static_cast<std::uint32_t>(o + 1);
        ++outlets_with[n];
      }
    }
  }
  auto known_elsewhere = [&](std::uint32_t c) { return outlets_with[number.at(c)] > 1; };
  std::vector<OutletFacts> found(outlets.size());
  for (std::size_t o = 0; o < outlets.size(); ++o) {
    std::vector<Fact> facts;
    for (std::size_t a : readers) {
      if (outlet_of[a] != o) continue;
      const ArticleMaterial& m = *articles[a].material;
      for (const SentenceFacts& s : m.sentences) {
        if (auto score = FactScore(m, s, known_elsewhere, prior)) {
          facts.push_back({{a, &s}, *score});
        }
      }
    }
    found[o].outlet = std::string(outlets[o]);
    found[o].sentences = PickFacts(articles, std::move(facts), per_outlet);
  }
  // In the order of the story's outlets (most articles first).
  for (const std::string& name : story->outlets) {
    for (OutletFacts& f : found) {
      if (f.outlet == name && !f.sentences.empty()) story->only_in.push_back(std::move(f));
    }
  }
  for (OutletFacts& f : found) {
    if (!f.sentences.empty() &&
        std::find(story->outlets.begin(), story->outlets.end(), f.outlet) == story->outlets.end()) {
      story->only_in.push_back(std::move(f));
    }
  }
}

void Timeline(std::span<const BriefArticle> articles, const std::vector<std::size_t>& readers,
              const BriefOptions& options, Story* story) {
  if (readers.size() < 2) return;
  std::vector<std::size_t> order = readers;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return TimeKey(articles[x]) < TimeKey(articles[y]);
  });
  absl::flat_hash_set<std::uint32_t> known;
  auto is_known = [&](std::uint32_t c) { return known.contains(c); };
  std::vector<TimelineEntry> entries;
  for (std::size_t a : order) {
    const ArticleMaterial& m = *articles[a].material;
    std::vector<Fact> facts;
    for (const SentenceFacts& s : m.sentences) {
      if (auto score = FactScore(m, s, is_known, options.prior)) facts.push_back({{a, &s}, *score});
    }
    TimelineEntry e;
    e.time = articles[a].time;
    e.article_id = std::string(articles[a].id);
    e.outlet = std::string(articles[a].outlet);
    // The first report's facts are the story itself: its lead.
    e.new_facts =
        PickFacts(articles, std::move(facts), entries.empty() ? 1 : options.timeline_facts);
    entries.push_back(std::move(e));
    for (std::uint32_t c : m.concepts) {
      if (IsPairOrName(c)) known.insert(c);
    }
  }
  if (entries.size() > options.max_timeline && options.max_timeline >= 2) {
    std::vector<TimelineEntry> kept;
    kept.push_back(std::move(entries.front()));
    for (std::size_t i = 1; i + 1 < entries.size() && kept.size() + 1 < options.max_timeline; ++i) {
      if (!entries[i].new_facts.empty()) kept.push_back(std::move(entries[i]));
    }
    kept.push_back(std::move(entries.back()));
    entries = std::move(kept);
  }
  story->timeline = std::move(entries);
}

}  // namespace

void WriteBrief(std::span<const BriefArticle> articles, const BriefOptions& options, Story* story) {
  if (articles.empty()) return;
  std::vector<std::size_t> readers = Readers(articles, options.max_articles);

  std::vector<text::NameCount> names;
  for (const BriefArticle& a : articles)
    names.insert(names.end(), a.entities.begin(), a.entities.end());
  text::NameGroups groups(names);

  Summary summary = Summarize(articles, readers, options.summary_words);
  story->headline = Headline(articles, readers, summary);
  story->summary = std::move(summary.sentences);
  story->quotes = MergeQuotes(articles, groups, options.max_quotes);
  GroupEntities(articles, options.max_entities, groups, story);
  story->only_in.clear();
  OnlyIn(articles, readers, options.only_in_per_outlet, options.prior, story);
  Timeline(articles, readers, options, story);
}

}  // namespace storyline::brief
