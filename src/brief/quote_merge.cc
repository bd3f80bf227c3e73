#include "brief/quote_merge.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "text/tokenizer.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace storyline::brief::brief_internal {
namespace {

// Quotes: this many words at least; merged when sharing this share of word pairs.
constexpr std::size_t kMinQuoteWords = 5;
constexpr double kQuoteMergeJaccard = 0.6;
constexpr std::size_t kMaxPairGroups = 64;

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

}  // namespace

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
}  // namespace storyline::brief::brief_internal
