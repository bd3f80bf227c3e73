#include "util/abbreviations.h"

#include <cstddef>
#include <iterator>

#include "absl/container/flat_hash_set.h"
#include "util/ascii.h"

namespace storyline {
namespace {

constexpr std::size_t kLongest = 6;  // of kAbbreviations: "approx"

constexpr std::string_view kAbbreviations[] = {
    "mr",  "mrs",  "ms",     "dr",   "prof", "sr",   "jr",  "st",   "gen",  "col",  "lt",
    "sgt", "capt", "cmdr",   "gov",  "sen",  "rep",  "rev", "hon",  "pres", "supt", "insp",
    "det", "adm",  "maj",    "brig", "jan",  "feb",  "mar", "apr",  "jun",  "jul",  "aug",
    "sep", "sept", "oct",    "nov",  "dec",  "vs",   "etc", "inc",  "corp", "ltd",  "co",
    "mt",  "ft",   "approx", "est",  "dept", "univ", "u.s", "u.k",  "u.n",  "e.g",  "i.e",
    "a.m", "p.m",  "d.c",    "ave",  "blvd", "fig",  "vol", "atty", "dist", "asst", "e.u",
};

}  // namespace

bool IsAbbreviation(std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // initial: "J. Smith"
  if (word.empty() || word.size() > kLongest) return false;
  char buf[kLongest];
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  static const absl::flat_hash_set<std::string_view> kSet(std::begin(kAbbreviations),
                                                          std::end(kAbbreviations));
  return kSet.contains(std::string_view(buf, word.size()));
}

std::string_view WordBeforeFullStop(std::string_view text, std::size_t dot) {
  std::size_t w = dot;
  while (w > 0 && dot - w <= kLongest && (AsciiAlpha(text[w - 1]) || text[w - 1] == '.')) --w;
  return text.substr(w, dot - w);
}

bool FullStopEndsNoSentence(std::string_view word, std::string_view after) {
  if (IsAbbreviation(word)) return true;
  if (word != "No" && word != "no") return false;
  const auto blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  };
  std::size_t k = 0;
  while (k < after.size() && blank(after[k])) ++k;
  return k < after.size() && AsciiDigit(after[k]);
}

}  // namespace storyline
