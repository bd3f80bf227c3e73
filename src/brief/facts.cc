#include "brief/facts.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "brief/brief_internal.h"
#include "util/ascii.h"

namespace storyline::brief::brief_internal {
namespace {

// Facts ("only in", timeline): sentences this long, whose word pairs are
// mostly new and that name at least one new name or number.
constexpr std::uint16_t kMinFactWords = 8;
constexpr std::uint16_t kMaxFactWords = 60;
constexpr double kMinFactNovelty = 0.7;

bool IsKey(std::uint32_t c) { return (c & text::kTitleMark) == text::kKeyConcept; }

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

}  // namespace

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
}  // namespace storyline::brief::brief_internal
