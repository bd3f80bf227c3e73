#include "brief/brief.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <queue>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "brief/brief_internal.h"
#include "brief/facts.h"
#include "brief/headline.h"
#include "brief/quote_merge.h"
#include "util/ascii.h"
#include "util/bytes8.h"

namespace storyline::brief {
namespace {

using brief_internal::FirstWords;
using brief_internal::IsPairOrName;
using brief_internal::IsTitleMark;
using brief_internal::IsWord;
using brief_internal::MergeQuotes;
using brief_internal::OnlyIn;
using brief_internal::PairQuotes;
using brief_internal::PositionWeight;
using brief_internal::Sentence;
using brief_internal::Show;
using brief_internal::TimeKey;
using brief_internal::Timeline;

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
// (PositionWeight() is in brief_internal.h: facts weigh positions too.)
double AgreementWeight(int articles) { return static_cast<double>(articles) * articles; }
double LengthCost(std::uint16_t words) { return std::sqrt(static_cast<double>(words)); }
// A sentence must bring at least this share of word pairs not yet covered,
// and must not say again in other words what is chosen: at most this share
// of its content words already covered.
constexpr double kMinNewShare = 0.4;
constexpr double kMaxCoveredWords = 0.6;
// Fragments this long stand in for sentences when a story has none (the
// lengths material.cc allows a whole sentence).
constexpr std::uint16_t kMinFallbackWords = 6;
constexpr std::uint16_t kMaxFallbackWords = 60;
constexpr std::size_t kMinCutWords = 5;
// A lead heads the story when it brings at least this share of the best
// sentence's gain (Summarize()).
constexpr double kMinLeadShare = 0.5;

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

}  // namespace

namespace brief_internal {

// A sentence shown alone keeps its quotation marks paired. The splitter
// ends a sentence inside a quote that runs on (“… said in a statement:
// "Stuart Hall is innocent of these charges. He will ...”), so the mark
// that closes it is in a later sentence; and a sentence may begin inside a
// quote (“He will plead not guilty,” he said.). The missing mark is added at
// the end or at the start. Curly marks are counted by kind; a straight mark
// left over is an opening one unless it is the first and placed as a
// closing one (no space before it).
std::string PairQuotes(std::string s) {
  std::size_t open = 0, close = 0, straight = 0, first_straight = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight bytes a step to the next '"' or the lead byte of a curly mark:
    // every sentence a brief weighs comes through here.
    for (; i + 8 <= s.size(); i += 8) {
      const std::uint64_t x = Load8(s.data() + i);
      const std::uint64_t marks = ZeroBytes(x ^ Repeated('"')) | ZeroBytes(x ^ Repeated('\xE2'));
      if (marks != 0) {
        i += static_cast<std::size_t>(std::countr_zero(marks)) / 8;
        break;
      }
    }
    if (i >= s.size()) break;
    if (s[i] == '"') {
      if (straight++ == 0) first_straight = i;
    } else if (s[i] == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80') {
      open += s[i + 2] == '\x9C';   // “
      close += s[i + 2] == '\x9D';  // ”
    }
  }
  std::string before, after;
  if (straight % 2 == 1) {
    const std::size_t i = first_straight;
    const bool placed_closing = i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' &&
                                (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == ',');
    (placed_closing ? before : after) += '"';
  }
  for (; open < close; ++open) before += "\u201C";
  for (; close < open; ++close) after += "\u201D";
  if (before.empty() && after.empty()) return s;
  return before + s + after;
}

// A closing mark the splitter left at a sentence's start (“" He'll also
// earn ...”) belongs to the sentence before, and an opening one left at
// its end (“... waited on the streets. "”) to the sentence after: neither
// is shown.
std::string_view WithoutStrayMarks(std::string_view s) {
  if (s.starts_with("\" ")) s = TrimView(s.substr(2));
  if (s.starts_with("\u201D ")) s = TrimView(s.substr(4));
  if (s.ends_with(" \"")) s = TrimView(s.substr(0, s.size() - 2));
  if (s.ends_with(" \u201C")) s = TrimView(s.substr(0, s.size() - 4));
  return s;
}

std::string Show(std::string_view sentence) {
  return PairQuotes(Trim(WithoutStrayMarks(WithoutDateline(TrimView(sentence)))));
}

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

}  // namespace brief_internal

namespace {

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
  std::string lead;  // the article lead (first whole sentence) the headline is written from, or ""
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
  //
  // The same first gains pick the lead the headline is written from, the
  // first whole sentence of an article: news writes its core there (the inverted pyramid), where
  // the summary's best sentence may come from further down ("They were initially sent to Banstead
  // Baptist Church after the blaze broke out"). The lead of most gain, if it brings at least
  // kMinLeadShare of the best sentence's gain: a chatty opening ("Well, here's something that we
  // all knew would happen eventually") says too little of the story.
  std::priority_queue<std::pair<double, std::ptrdiff_t>> heap;
  double lead_gain = 0;
  const Candidate* lead = nullptr;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    double g = gain_of(candidates[i]);
    if (g > 0) heap.emplace(g, -static_cast<std::ptrdiff_t>(i));
    if (candidates[i].sentence.facts->position == 0 && g > lead_gain) {
      lead_gain = g;
      lead = &candidates[i];
    }
  }
  const double top = heap.empty() ? 0 : heap.top().first;  // the best initial gain
  if (lead != nullptr && lead_gain >= kMinLeadShare * top) {
    out.lead = Show(articles[lead->sentence.article].material->Sentence(*lead->sentence.facts));
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
    out.sentences.push_back(s.facts == cut ? PairQuotes(FirstWords(text, cut_words))
                                           : std::move(text));
  }
  return out;
}

// ---- entities ----------------------------------------------------------------

// Whether `name` is the article's own outlet ("told Asia Times" in Asia
// Times, "The Guardian understands" in the Guardian): a text naming itself
// says nothing of the story. Another outlet's article naming it does count.
bool NamesItsOwnOutlet(const BriefArticle& a, std::string_view name) {
  const auto bare = [](std::string_view s) {
    return AsciiStartsWithFolded(s, "the ") ? s.substr(4) : s;
  };
  return AsciiEqualsIgnoreCase(bare(name), bare(a.outlet));
}

// Whether the news of the prior mostly write `name`, one word, in lower
// case: "Home", "Suspected", "LIFE" run into a sentence from a heading or a
// lost full stop ("... mid-80s Suspected militants"). It names something
// only where the prior's news write it as (part of) a name in at least one
// document in kMinNameShare of those using it, given at least
// kMinWordCaseDocs of them to judge by. Short capitals ("WHO", "IT", "AS")
// are acronyms, not the word.
bool PriorWritesInLowerCase(std::string_view name, const features::TermStats* prior) {
  constexpr std::uint32_t kMinWordCaseDocs = 10;
  constexpr double kMinNameShare = 0.15;
  if (prior == nullptr || name.size() > 32) return false;
  std::array<char, 32> folded;
  bool all_caps = true;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!AsciiAlpha(c)) return false;  // not one plain word
    all_caps &= c >= 'A' && c <= 'Z';
    folded[i] = static_cast<char>(c | 0x20);
  }
  if (all_caps && name.size() <= 3) return false;
  const features::TermStats::WordCase wc =
      prior->PriorWordCase(std::string_view(folded.data(), name.size()));
  const std::uint32_t docs = wc.in_names + wc.in_lower_case;
  return docs >= kMinWordCaseDocs && wc.in_names < kMinNameShare * docs;
}

void GroupEntities(std::span<const BriefArticle> articles, std::size_t max,
                   const features::TermStats* prior, const text::NameGroups& groups, Story* story) {
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
      if (NamesItsOwnOutlet(articles[a], n.name)) continue;
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
    const std::string& name = groups.groups()[g].canonical;
    if (!named[g] || text::IsGenericName(name) || PriorWritesInLowerCase(name, prior)) continue;
    story->entities.push_back({name, articles_of[g]});
  }
}

}  // namespace

void WriteBrief(std::span<const BriefArticle> articles, const BriefOptions& options, Story* story) {
  if (articles.empty()) return;
  std::vector<std::size_t> readers = Readers(articles, options.max_articles);

  std::vector<text::NameCount> names;
  for (const BriefArticle& a : articles) {
    for (const text::NameCount& n : a.entities) {
      if (!NamesItsOwnOutlet(a, n.name)) names.push_back(n);
    }
  }
  text::NameGroups groups(names);

  Summary summary = Summarize(articles, readers, options.summary_words);
  story->headline = PairQuotes(
      WriteHeadline(articles, readers, summary.lead.empty() ? summary.best : summary.lead));
  story->summary = std::move(summary.sentences);
  story->quotes = MergeQuotes(articles, groups, options.max_quotes);
  GroupEntities(articles, options.max_entities, options.prior, groups, story);
  story->only_in.clear();
  OnlyIn(articles, readers, options.only_in_per_outlet, options.prior, story);
  Timeline(articles, readers, options, story);
}

}  // namespace storyline::brief
