#include "text/stopwords.h"

#include <string>

#include "absl/container/flat_hash_set.h"

namespace storyline::text {
namespace {

// Snowball English stop list (snowballstem.org, BSD licence), contractions
// spelled without the apostrophe as Fold() leaves them.
constexpr const char* kSnowball[] = {
    "i",       "me",      "my",     "myself",   "we",         "our",      "ours",    "ourselves",
    "you",     "your",    "yours",  "yourself", "yourselves", "he",       "him",     "his",
    "himself", "she",     "her",    "hers",     "herself",    "it",       "its",     "itself",
    "they",    "them",    "their",  "theirs",   "themselves", "what",     "which",   "who",
    "whom",    "this",    "that",   "these",    "those",      "am",       "is",      "are",
    "was",     "were",    "be",     "been",     "being",      "have",     "has",     "had",
    "having",  "do",      "does",   "did",      "doing",      "would",    "should",  "could",
    "ought",   "im",      "youre",  "hes",      "shes",       "its",      "were",    "theyre",
    "ive",     "youve",   "weve",   "theyve",   "id",         "youd",     "hed",     "shed",
    "wed",     "theyd",   "ill",    "youll",    "hell",       "shell",    "well",    "theyll",
    "isnt",    "arent",   "wasnt",  "werent",   "hasnt",      "havent",   "hadnt",   "doesnt",
    "dont",    "didnt",   "wont",   "wouldnt",  "shant",      "shouldnt", "cant",    "cannot",
    "couldnt", "mustnt",  "lets",   "thats",    "whos",       "whats",    "heres",   "theres",
    "whens",   "wheres",  "whys",   "hows",     "a",          "an",       "the",     "and",
    "but",     "if",      "or",     "because",  "as",         "until",    "while",   "of",
    "at",      "by",      "for",    "with",     "about",      "against",  "between", "into",
    "through", "during",  "before", "after",    "above",      "below",    "to",      "from",
    "up",      "down",    "in",     "out",      "on",         "off",      "over",    "under",
    "again",   "further", "then",   "once",     "here",       "there",    "when",    "where",
    "why",     "how",     "all",    "any",      "both",       "each",     "few",     "more",
    "most",    "other",   "some",   "such",     "no",         "nor",      "not",     "only",
    "own",     "same",    "so",     "than",     "too",        "very",     "s",       "t",
    "can",     "will",    "just",   "don",      "should",     "now",      "d",       "ll",
    "m",       "o",       "re",     "ve",       "y",
};

// Words of news prose that say nothing about which event is reported.
constexpr const char* kNews[] = {
    "said",      "say",       "says",     "saying",   "told",     "tell",      "tells",
    "according", "also",      "one",      "two",      "would",    "could",     "may",
    "might",     "must",      "shall",    "like",     "get",      "got",       "go",
    "going",     "make",      "made",     "many",     "much",     "us",        "mr",
    "mrs",       "ms",        "dr",       "per",      "via",      "yet",       "still",
    "even",      "however",   "though",   "although", "since",    "among",     "around",
    "within",    "without",   "across",   "another",  "every",    "whether",   "several",
    "including", "added",     "adding",   "asked",    "reported", "reports",   "report",
    "news",      "reuters",   "ap",       "afp",      "year",     "years",     "week",
    "weeks",     "day",       "days",     "time",     "today",    "yesterday", "monday",
    "tuesday",   "wednesday", "thursday", "friday",   "saturday", "sunday",    "new",
    "first",     "last",      "next",     "back",     "way",      "well",      "really",
    "thing",     "things",    "lot",      "people",   "want",     "wants",     "know",
    "think",     "see",       "seen",     "take",     "took",     "put",       "come",
    "came",      "use",       "used",     "part",     "number",   "including", "will",
    "way",       "look",
};

const absl::flat_hash_set<std::string_view>& StopSet() {
  static const auto* set = [] {
    auto* s = new absl::flat_hash_set<std::string_view>();
    for (const char* w : kSnowball) s->insert(w);
    for (const char* w : kNews) s->insert(w);
    return s;
  }();
  return *set;
}

}  // namespace

bool IsStopWord(std::string_view folded) { return StopSet().contains(folded); }

bool IsFunctionWord(std::string_view folded) {
  static const auto* set = [] {
    auto* s = new absl::flat_hash_set<std::string_view>();
    for (const char* w : kSnowball) s->insert(w);
    return s;
  }();
  return set->contains(folded);
}

}  // namespace storyline::text
