#include "text/analyzer.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "text/analyzer_pass.h"
#include "text/name_words.h"
#include "text/names.h"
#include "text/stopwords.h"
#include "text/tokenizer.h"
#include "util/ascii.h"
#include "util/hash.h"
#include "util/time.h"

namespace storyline::text {

using analyzer_internal::Heading;
using analyzer_internal::IsHeading;
using analyzer_internal::kClauseOpener;
using analyzer_internal::kConnector;
using analyzer_internal::kCount;
using analyzer_internal::kFunction;
using analyzer_internal::kInTitleCase;
using analyzer_internal::kNoHeading;
using analyzer_internal::kStop;
using analyzer_internal::kTitleOrCalendar;
using analyzer_internal::kWordSeed;
using analyzer_internal::Pass;
using analyzer_internal::Prepare;
using analyzer_internal::TitleCase;
using analyzer_internal::TokenInfo;

using analyzer_internal::EndsNameWithAnd;
using analyzer_internal::IsClauseOpener;
using analyzer_internal::IsCountWord;
using analyzer_internal::IsInitial;
using analyzer_internal::IsNameAbbreviation;
using analyzer_internal::IsNameConnector;
using analyzer_internal::IsNameSuffix;
using analyzer_internal::IsSyllable;
using analyzer_internal::IsTenureWord;
using analyzer_internal::IsTitleComplement;
using analyzer_internal::IsTitleOrCalendarWord;
using analyzer_internal::IsUnitOrTimeZone;
using analyzer_internal::StateName;
using analyzer_internal::TakesOf;
using analyzer_internal::TakesPossessive;

namespace {

// kWordSeed ("word") is in text/analyzer_pass.h.
constexpr std::uint64_t kTermSeed = 0x7465726d;      // "term"
constexpr std::uint64_t kEntitySeed = 0x656e7479;    // "enty"
constexpr std::uint64_t kAcronymSeed = 0x6163726f;   // "acro"
constexpr std::uint64_t kLanguageSeed = 0x6c616e67;  // "lang"

// What follows an elided article or preposition written into a French or
// Italian word ("l'homme", "qu'il", "dell'anno", "un'altra"): "homme", "il",
// "anno", "altra"; "" when `raw` (the token as written) has none.
std::string_view AfterElision(std::string_view raw, Language language) {
  if (language != Language::kFrench && language != Language::kItalian) return {};
  static constexpr std::string_view kFrench[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  static constexpr std::string_view kItalian[] = {"l",     "d",    "dell", "all",  "dall",
                                                  "nell",  "sull", "un",   "c",    "quell",
                                                  "quest", "com",  "dov",  "anch", "tutt"};
  std::size_t at = raw.find('\'');
  std::size_t len = 1;
  if (const std::size_t curly = raw.find("\xE2\x80\x99"); curly < at) {
    at = curly;
    len = 3;
  }
  if (at == std::string_view::npos || at == 0 || at > 6 || at + len >= raw.size()) return {};
  const std::string prefix = AsciiLowered(raw.substr(0, at));
  const auto elides = [&prefix](std::string_view e) { return e == prefix; };
  const bool found = language == Language::kFrench
                         ? std::any_of(std::begin(kFrench), std::end(kFrench), elides)
                         : std::any_of(std::begin(kItalian), std::end(kItalian), elides);
  return found ? raw.substr(at + len) : std::string_view();
}

constexpr std::size_t kMaxEntityTokens = 6;
constexpr std::size_t kMaxTermCache = 1 << 21;
// Text longer than this leaves no working buffers behind: they would keep its
// size (about 9 bytes a byte of text) for the life of the thread, a server
// worker's included. News articles are a few kilobytes.
constexpr std::size_t kKeepBuffersBytes = 1 << 20;

// How an article's body writes a word (WordInfo::written).
enum Written : std::uint8_t {
  kSeenLower = 1,
  kSeenCapitalised = 2,  // inside a sentence, not opening it
  kSeenOpening = 4,      // capitalised, opening a sentence
};

// Term occurrences are collected in a flat vector and counted by sorting:
// no per-term allocation on the hot path.
void AddCount(std::vector<TermCount>* v, std::uint64_t id, float w) { v->push_back({id, w}); }

std::vector<TermCount> Sorted(std::vector<TermCount> v) {
  std::sort(v.begin(), v.end(), [](const TermCount& a, const TermCount& b) { return a.id < b.id; });
  std::size_t out = 0;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (out > 0 && v[out - 1].id == v[i].id) {
      v[out - 1].count += v[i].count;
    } else {
      v[out++] = v[i];
    }
  }
  v.resize(out);
  return v;
}

}  // namespace

std::uint64_t TermId(std::string_view stem) { return Hash64(stem, kTermSeed); }
std::uint64_t EntityId(std::string_view folded) { return Hash64(folded, kEntitySeed); }

// "US", "U.S.", "WHO", "EU": all capitals, two to four letters.
bool IsAcronym(const Token& t) { return t.all_caps && t.end - t.begin <= 7 && t.ascii; }

struct Analyzer::Buffers {
  Pass pass;
};

Analyzer::Analyzer()
    : body_pass_(std::make_unique<Buffers>()), title_pass_(std::make_unique<Buffers>()) {}
Analyzer::~Analyzer() = default;

Stemmer& Analyzer::OtherStemmer(Language language) {
  std::unique_ptr<Stemmer>& s = stemmers_[static_cast<std::size_t>(language)];
  if (s == nullptr) s = std::make_unique<Stemmer>(std::string(StemmerName(language)).c_str());
  return *s;
}

std::size_t Analyzer::BufferBytes() const {
  std::size_t bytes = 0;
  for (const Buffers* b : {body_pass_.get(), title_pass_.get()}) {
    bytes += b->pass.tokens.capacity() * sizeof(Token) +
             b->pass.info.capacity() * sizeof(TokenInfo) + b->pass.folded.capacity();
  }
  return bytes;
}

Analyzer::WordInfo& Analyzer::WordCache::Grow(std::uint64_t key, bool* inserted) {
  std::vector<Slot> old(2 * slots_.size());
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == 0) continue;
    std::size_t i = s.key & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
  return FindOrAdd(key, inserted);
}

void Analyzer::WordCache::clear() {
  slots_.assign(kInitialSlots, Slot());
  mask_ = kInitialSlots - 1;
  size_ = 0;
  zero_ = WordInfo();
  has_zero_ = false;
}

namespace {

// A short word in capitals opening a sentence is an acronym ("CNN reported",
// "NASA said"), unless punctuation follows it: then it is a dateline
// ("ROME, Italy", "GAZA (Reuters)", "PARIS - ") or a label ("NOTE:"). Longer
// ones are mostly datelines and lead-ins ("WASHINGTON —", "UPDATED").
bool IsAcronymOpener(const Pass& p, std::size_t k) {
  const Token& t = p.tokens[k];
  if (!t.all_caps || t.end - t.begin > 5) return false;
  std::size_t i = t.end;
  while (i < p.text.size() && p.text[i] == ' ') ++i;
  if (i >= p.text.size()) return true;
  const char c = p.text[i];
  // '\xE2' opens the UTF-8 of — and – (and of the other U+2000 punctuation).
  return c != ',' && c != '(' && c != ':' && c != '-' && c != '\xE2';
}

bool AsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Whether a name has ASCII letters and no lower-case ones ("SENATE", "U.S.").
bool IsAllCaps(std::string_view name) {
  bool letters = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    letters |= AsciiUpper(c);
  }
  return letters;
}

}  // namespace

Analysis Analyzer::Analyze(std::string_view title, std::string_view body, bool briefs,
                           Language language) {
  Analysis a;
  a.sentences = SplitSentences(body);

  // Working buffers live in the analyzer and keep their capacity from one
  // article to the next.
  Pass& bodyp = body_pass_->pass;
  Pass& titlep = title_pass_->pass;
  Prepare(body, &a.sentences, &bodyp);
  Prepare(title, nullptr, &titlep);

  // Stem (or mark as stop word) each distinct folded word once per analyzer,
  // with its word-list flags: news vocabulary repeats, so after warm-up
  // almost every word is a cache hit and no string is hashed twice.
  if (term_of_.size() > kMaxTermCache) term_of_.clear();
  // A word's cache key: its hash, and in another language than English its
  // language too ("die" is a German article, an English verb).
  const bool english = language == Language::kEnglish;
  const auto cache_key = [english, language](std::uint64_t key) {
    return english ? key : HashCombine(key, kLanguageSeed + static_cast<std::uint64_t>(language));
  };
  Stemmer& stemmer = english ? stemmer_ : OtherStemmer(language);
  auto word = [&](Pass& p, std::size_t i) -> WordInfo& {
    // A short all-caps word is an acronym ("US", "U.S.", "WHO"), never the stop
    // word it folds to: it has a cache entry of its own.
    std::uint64_t key = p.info[i].word_hash;
    if (IsAcronym(p.tokens[i])) key = HashCombine(key, kAcronymSeed);
    bool inserted = false;
    WordInfo& w = term_of_.FindOrAdd(cache_key(key), &inserted);
    if (inserted) {
      std::string_view f = p.Folded(i);
      if (english) {
        if (IsStopWord(f) && !IsAcronym(p.tokens[i])) w.flags |= kStop;
        if ((w.flags & kStop) && IsFunctionWord(f)) w.flags |= kFunction;
      } else {
        // French and Italian write an elided article or preposition into
        // the word ("l'homme", "dell'anno"): the word is what follows.
        if (p.tokens[i].punctuated) {
          if (const std::string_view rest = AfterElision(p.tokens[i].view(p.text), language);
              !rest.empty()) {
            elided_ = Fold(rest);
            f = elided_;
          }
        }
        if (IsStopWordIn(language, f) && !IsAcronym(p.tokens[i])) w.flags |= kStop | kFunction;
      }
      if (IsNameConnector(f)) w.flags |= kConnector;
      if (IsTitleOrCalendarWord(f)) w.flags |= kTitleOrCalendar;
      if (IsCountWord(f)) w.flags |= kCount;
      if (IsClauseOpener(f) && !IsAcronym(p.tokens[i])) w.flags |= kClauseOpener;
      if (p.tokens[i].kind == TokenKind::kNumber) {
        scratch_.assign("#");
        scratch_.append(f);
        w.term = TermId(scratch_);
        if (vocabulary_) (*vocabulary_)[w.term] = scratch_;
      } else if (f.size() >= 2 && !(w.flags & kStop)) {
        std::string_view stem = stemmer.Stem(f);
        w.term = TermId(stem);
        if (vocabulary_) (*vocabulary_)[w.term] = std::string(stem);
      }
    }
    p.info[i].flags = w.flags;
    return w;
  };
  auto term = [&](Pass& p, std::size_t i) { return word(p, i).term; };

  const std::size_t body_tokens = bodyp.tokens.size();
  std::vector<TermCount> body_terms, title_terms, entity_terms;
  body_terms.reserve(body_tokens);
  a.word_hashes.resize(body_tokens);
  // Count each distinct word in a slot of its own (recorded in the word
  // cache for this article), so the final sort sees distinct words, not
  // every token.
  ++generation_;
  // Each word's entry also notes how this body writes it (`written`,
  // `capitalised_inside`). A heading capitalises common words too, so its
  // words are taken back out of `capitalised_inside` once its sentence is
  // found to be one: each sentence is judged at its end, with the counts of
  // IsTitleCase() and IsInCapitals() kept on the way, and only a sentence
  // in Title Case or in capitals looks at its tokens again.
  std::size_t sentence_from = 0;
  // Words of four letters or more after the sentence's first: not stop
  // words, and those capitalised (IsTitleCase); any, and those in capitals
  // (IsInCapitals).
  std::uint32_t long_words = 0, long_capitalised = 0, any_long = 0, long_capitals = 0;
  auto end_sentence = [&](std::size_t to) {
    if (long_capitalised >= 3 &&
        (long_capitalised * 5 >= long_words * 4 || long_capitals * 5 >= any_long * 4)) {
      if (Heading h = IsHeading(bodyp, sentence_from, to); h != kNoHeading) {
        for (std::size_t k = sentence_from; k < to; ++k) {
          if (!bodyp.tokens[k].capitalized) continue;
          bodyp.info[k].heading = h;
          if (!bodyp.info[k].sentence_start) --word(bodyp, k).capitalised_inside;
        }
      }
    }
    sentence_from = to;
    long_words = long_capitalised = any_long = long_capitals = 0;
  };
  for (std::size_t i = 0; i < body_tokens; ++i) {
    const TokenInfo& inf = bodyp.info[i];
    if (inf.sentence_first && i > sentence_from) end_sentence(i);
    a.word_hashes[i] = inf.word_hash;
    WordInfo& w = word(bodyp, i);
    if (w.generation != generation_) {
      w.generation = generation_;
      w.written = 0;
      w.capitalised_inside = 0;
      if (w.term != 0) {
        w.slot = static_cast<std::uint32_t>(body_terms.size());
        body_terms.push_back({w.term, 0});
      }
    }
    const Token& t = bodyp.tokens[i];
    if (!t.capitalized) {
      w.written |= kSeenLower;
    } else if (inf.sentence_start) {
      w.written |= kSeenOpening;
    } else {
      ++w.capitalised_inside;
    }
    if (i > sentence_from && t.kind == TokenKind::kWord && t.end - t.begin >= 4) {
      ++any_long;
      long_capitals += t.all_caps;
      if (!(inf.flags & kStop)) {
        ++long_words;
        long_capitalised += t.capitalized;
      }
    }
    if (w.term != 0) body_terms[w.slot].count += 1;
  }
  if (body_tokens > sentence_from) end_sentence(body_tokens);
  // The entry of cache key `key` if the body has the word, else null.
  auto in_body = [&](std::uint64_t key) -> const WordInfo* {
    const WordInfo* w = term_of_.Find(cache_key(key));
    return w != nullptr && w->generation == generation_ ? w : nullptr;
  };
  // How the body wrote the word of cache key `key`; `terms_only`: 0 for a
  // word that is no term (a stop word, a single letter), never a name.
  auto written = [&](std::uint64_t key, bool terms_only) -> std::uint8_t {
    const WordInfo* w = in_body(key);
    if (w == nullptr || (terms_only && w->term == 0)) return 0;
    return w->written | (w->capitalised_inside > 0 ? kSeenCapitalised : 0);
  };
  // A word that opens a sentence of the body, as itself or as an acronym
  // ("Officials said", "US officials"), and that the body also writes in lower
  // case is a common word, not a name, where it opens a sentence.
  auto seen_lower = [&](std::uint64_t hash) {
    const std::uint8_t plain = written(hash, false);
    return (plain & kSeenLower) &&
           ((plain & kSeenOpening) ||
            (written(HashCombine(hash, kAcronymSeed), false) & kSeenOpening));
  };
  // A sentence-opening participle in front of a name ("Quoting The Onion",
  // "Choosing DeGeneres"): a word in -ing that the body never capitalises
  // inside a sentence, and whose verb it also writes in lower case
  // ("quote", "quoted", "chose"... as "choos-e"). "Beijing Evening News"
  // keeps "Beijing": the body has no "beij", "beije" or "beijed".
  auto opening_participle = [&](std::string_view folded, std::uint64_t hash) {
    if (folded.size() < 6 || folded.substr(folded.size() - 3) != "ing") return false;
    if (written(hash, false) & kSeenCapitalised) return false;
    std::string_view base = folded.substr(0, folded.size() - 3);
    std::string form;
    auto lower = [&](std::string_view stem, std::string_view suffix) {
      form.assign(stem);
      form.append(suffix);
      return (written(Hash64(form, kWordSeed), false) & kSeenLower) != 0;
    };
    for (std::string_view suffix : {"", "e", "s", "es", "ed", "d"}) {
      if (lower(base, suffix)) return true;
    }
    // "cutting" -> "cut", "planning" -> "planned".
    if (base.size() >= 3 && base[base.size() - 1] == base[base.size() - 2]) {
      std::string_view single = base.substr(0, base.size() - 1);
      if (lower(single, "") || lower(single, "s") || lower(base, "ed")) return true;
    }
    return false;
  };

  for (std::size_t i = 0; i < titlep.tokens.size(); ++i) {
    if (std::uint64_t id = term(titlep, i)) AddCount(&title_terms, id, 1);
  }
  // A title in Title Case ("Haiti Fears Death Toll May Rise") capitalises
  // its common words too: there a word counts as a name only where the body
  // also capitalises it inside a sentence ("Haiti"), or it is in capitals.
  // In a title in capitals, only where the body capitalises it.
  const Heading title_case = TitleCase(titlep);
  a.word_count = static_cast<std::uint32_t>(bodyp.tokens.size());

  // Concepts of each sentence (word bigrams, names and numbers), and title
  // marks for those that share content words with the title: what a headline
  // names is what the article is about (Edmundson's title method).
  if (briefs) {
    // The title's terms, and a 64-bit filter of them that turns most words
    // away without a search.
    std::vector<std::uint64_t> title_ids;
    std::uint64_t title_filter = 0;
    title_ids.reserve(title_terms.size());
    for (const TermCount& t : title_terms) {
      title_ids.push_back(t.id);
      title_filter |= std::uint64_t{1} << (t.id & 63);
    }
    std::sort(title_ids.begin(), title_ids.end());
    auto in_title = [&](std::uint64_t key) {
      return ((title_filter >> (key & 63)) & 1) != 0 &&
             std::binary_search(title_ids.begin(), title_ids.end(), key);
    };
    a.concept_ends.reserve(a.sentences.size());
    std::size_t s = 0, first = 0;
    std::uint64_t prev_key = 0;
    bool prev_stop = true;
    int prev_title = 0;  // whether the previous word is a title term
    auto close_sentence = [&] {
      auto begin = a.concepts.begin() + static_cast<std::ptrdiff_t>(first);
      std::sort(begin, a.concepts.end());
      a.concepts.erase(std::unique(begin, a.concepts.end()), a.concepts.end());
      a.concept_ends.push_back(static_cast<std::uint32_t>(a.concepts.size()));
      first = a.concepts.size();
      prev_key = 0;
      prev_stop = true;
    };
    for (std::size_t i = 0; i < bodyp.tokens.size() && s < a.sentences.size(); ++i) {
      const Token& t = bodyp.tokens[i];
      while (s < a.sentences.size() && a.sentences[s].end <= t.begin) {
        close_sentence();
        ++s;
      }
      if (s == a.sentences.size() || t.begin < a.sentences[s].begin) continue;
      const WordInfo& w = word(bodyp, i);
      // Pairs of grammar words say nothing; news words ("said", "Tuesday")
      // are part of what a sentence reports.
      bool stop = (w.flags & kFunction) != 0;
      std::uint64_t key = w.term != 0 ? w.term : bodyp.info[i].word_hash;
      const int title = w.term != 0 && in_title(w.term) ? 1 : 0;
      if (prev_key != 0 && !(stop && prev_stop)) {
        const std::uint32_t pair =
            static_cast<std::uint32_t>(HashCombine(prev_key, key)) & kConceptHashMask;
        a.concepts.push_back(pair);
        if (const int shared = prev_title + title) {
          a.concepts.push_back(TitleMark(pair, shared));
        }
      }
      if (w.term != 0) {
        a.concepts.push_back((static_cast<std::uint32_t>(key) & kConceptHashMask) | kWordConcept);
      }
      bool opener = i == 0 || bodyp.tokens[i - 1].end <= a.sentences[s].begin;
      if (t.kind == TokenKind::kNumber ||
          (t.kind == TokenKind::kWord && t.capitalized && !opener && !(w.flags & kStop))) {
        const std::uint32_t name =
            (static_cast<std::uint32_t>(key) & kConceptHashMask) | kKeyConcept;
        a.concepts.push_back(name);
        if (title) a.concepts.push_back(TitleMark(name, 1));
      }
      prev_key = key;
      prev_stop = stop;
      prev_title = title;
    }
    while (s < a.sentences.size()) {
      close_sentence();
      ++s;
    }
  }

  // Dates written in the text ("on Tuesday, December 9, 2008"): only sentences
  // holding a year-like number are parsed.
  {
    std::size_t s = 0;
    for (std::size_t i = 0; i < bodyp.tokens.size(); ++i) {
      const Token& t = bodyp.tokens[i];
      if (t.kind != TokenKind::kNumber || t.end - t.begin != 4) continue;
      char c0 = body[t.begin], c1 = body[t.begin + 1];
      if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) continue;
      while (s < a.sentences.size() && a.sentences[s].end <= t.begin) ++s;
      if (s == a.sentences.size()) break;
      const SentenceSpan& span = a.sentences[s];
      if (auto d = FindDateInText(body.substr(span.begin, span.end - span.begin))) {
        a.dates.push_back(*d);
      }
      while (i + 1 < bodyp.tokens.size() && bodyp.tokens[i + 1].begin < span.end)
        ++i;  // next sentence
    }
    std::sort(a.dates.begin(), a.dates.end());
    a.dates.erase(std::unique(a.dates.begin(), a.dates.end()), a.dates.end());
  }

  // Entity candidates: runs of capitalised words (with connectors inside).
  // Distinct mentions, found by a linear scan over their key hashes: an
  // article names a few dozen at most, and this allocates nothing per lookup.
  // Past kScannedMentions a hash index takes over, so that a page naming
  // thousands (a long list, a table) does not cost their square.
  constexpr std::size_t kScannedMentions = 64;
  std::vector<EntityMention>& mentions = a.entities;
  std::vector<std::uint64_t> mention_hashes;
  absl::flat_hash_map<std::uint64_t, std::size_t> mention_index;
  auto find_mention = [&](std::uint64_t h) {
    if (mention_hashes.size() <= kScannedMentions) {
      return static_cast<std::size_t>(std::find(mention_hashes.begin(), mention_hashes.end(), h) -
                                      mention_hashes.begin());
    }
    if (mention_index.empty()) {
      for (std::size_t k = 0; k < mention_hashes.size(); ++k) {
        mention_index.emplace(mention_hashes[k], k);
      }
    }
    auto it = mention_index.find(h);
    return it == mention_index.end() ? mention_hashes.size() : it->second;
  };
  auto scan_entities = [&](const Pass& p, Heading title_pass) {
    // Whether token k counts as capitalised here.
    auto capital = [&](std::size_t k) {
      const Token& t = p.tokens[k];
      if (t.kind != TokenKind::kWord || !(t.capitalized || t.all_caps)) return false;
      const Heading h = title_pass != kNoHeading ? title_pass : Heading(p.info[k].heading);
      if (h == kNoHeading || (h == kInTitleCase && t.all_caps)) return true;
      // Capitalised inside a sentence of the body, as a word or an acronym.
      const std::uint64_t hash = p.info[k].word_hash;
      return ((written(hash, /*terms_only=*/true) |
               (IsAcronym(t) ? written(HashCombine(hash, kAcronymSeed), false) : 0)) &
              kSeenCapitalised) != 0;
    };
    const std::size_t n = p.tokens.size();
    std::size_t i = 0;
    std::string key, name;
    std::vector<std::size_t> run;
    while (i < n) {
      bool cap = capital(i);
      if (!cap) {
        ++i;
        continue;
      }
      std::size_t j = i;
      run.clear();
      // Leading title words do not count towards the name's length, so
      // "Vice Minister for Foreign Affairs Choe Son Hui" keeps the whole name.
      std::size_t lead = 0;
      auto is_lead = [&](std::size_t k) {
        std::uint8_t f = p.info[k].flags;
        if (f & (kTitleOrCalendar | kStop | kConnector)) return true;
        return lead > 0 && IsTitleComplement(p.Folded(k));
      };
      bool after_of = false;  // an "of" or "for" joined the name
      while (j < n && run.size() < kMaxEntityTokens + lead) {
        const Token& u = p.tokens[j];
        bool ucap = capital(j);
        // Adjacent tokens only: punctuation other than a space or hyphen ends
        // a name, except in "Procter & Gamble", "St. Brendan's Hospital" and
        // "Acme, Inc.".
        if (!run.empty()) {
          std::string_view gap = p.text.substr(p.tokens[j - 1].end, u.begin - p.tokens[j - 1].end);
          bool joins = gap.size() == 1 && (gap[0] == ' ' || gap[0] == '-');
          if (!joins && ucap && !gap.empty() && gap.size() <= 5) {
            switch (gap[0]) {  // the rarer joins, tested only where they can be
              case ' ':
              case '&':
                joins = gap == " & " || gap == "&";
                break;
              case '.':
                // "St. Brendan's", and a first or middle initial after at most
                // a given name: "J. Stephen Herring", "George W. Bush" (not
                // "Cell Block G. Dubai").
                joins = gap == ". " && !p.info[j].sentence_start && !(p.info[j].flags & kStop) &&
                        (IsNameAbbreviation(p.Folded(j - 1)) ||
                         (IsInitial(p.tokens[j - 1]) && run.size() <= lead + 2));
                break;
              case '\'':
              case '\xE2':
                joins = (gap == "'s " || gap == "\u2019s ") && TakesPossessive(p.Folded(j));
                break;
              case ',':
                joins = gap == ", " && u.end < p.text.size() && p.text[u.end] == '.' &&
                        IsNameSuffix(p.Folded(j), /*after_comma=*/true);
                break;
              default:
                break;
            }
          }
          // The last syllable of a Korean given name: "Ban Ki-moon", "Kim Jong-un".
          if (gap == "-" && !ucap && run.size() >= 2 && IsSyllable(p.tokens[j - 1]) &&
              IsSyllable(u) && p.tokens[j - 1].capitalized && !(p.info[j].flags & kStop)) {
            run.push_back(j);
            ++j;
            continue;
          }
          if (!joins) break;
        }
        if (ucap) {
          if (run.size() == lead && is_lead(j)) ++lead;
          run.push_back(j);
          ++j;
          continue;
        }
        if (!run.empty() && (p.info[j].flags & kConnector) && j + 1 < n &&
            p.tokens[j + 1].kind == TokenKind::kWord && p.tokens[j + 1].capitalized) {
          // Past the titles in front, "of" and "for" go on only from the head
          // of an institution or place, and "and" only after them
          // ("Department of Health and Human Services"); elsewhere they end
          // the name ("Germany and Poland" is two).
          std::string_view f = p.Folded(j);
          bool of = f == "of" || f == "for";
          if (run.size() > lead && f == "and" && !after_of) {
            // The capitalised words after it: do they end such a name?
            std::size_t k = j + 1;
            while (k + 1 < n && k + 1 - j < kMaxEntityTokens && p.tokens[k + 1].capitalized &&
                   p.text.substr(p.tokens[k].end, p.tokens[k + 1].begin - p.tokens[k].end) == " ") {
              ++k;
            }
            if (!EndsNameWithAnd(p.Folded(k))) break;
          }
          if (run.size() > lead && of && !TakesOf(p.Folded(run.back()))) break;
          if (run.size() == lead) ++lead;
          after_of |= of && run.size() > lead;
          run.push_back(j);
          ++j;
          continue;
        }
        break;
      }
      // Trim: sentence-initial common words, titles and calendar words at the
      // edges, connectors at the end.
      std::size_t b = 0, e = run.size();
      bool after_title = false;
      bool after_tenure = false;  // "Former New York ...": "New" stays
      while (b < e) {
        std::size_t k = run[b];
        bool title = p.info[k].flags & kTitleOrCalendar;
        bool tenure = b + 1 < e && IsTenureWord(p.Folded(k));
        // "New" is a stop word, but "New York", "New Zealand" begin with it.
        bool place_opener = b + 1 < e && p.Folded(k) == "new";
        bool drop =
            title || tenure || (!place_opener && !after_tenure && (p.info[k].flags & kStop)) ||
            (p.info[k].flags & kCount) ||
            (!place_opener && p.info[k].sentence_start && seen_lower(p.info[k].word_hash)) ||
            // Alone, or opening a sentence before a name.
            ((p.info[k].flags & kClauseOpener) && (e - b == 1 || p.info[k].sentence_start)) ||
            (b + 1 < e && p.info[k].sentence_start &&
             opening_participle(p.Folded(k), p.info[k].word_hash)) ||
            (after_title && IsTitleComplement(p.Folded(k)));
        if (!drop) break;
        after_title |= title;
        after_tenure |= tenure;
        ++b;
      }
      while (e > b && (p.info[run[e - 1]].flags & (kConnector | kTitleOrCalendar))) {
        --e;
      }
      // The place of a title, then the holder's name: "Prime Minister of
      // Japan Shinzo Abe", "Ambassador to Israel Dan Shapiro" (where "to"
      // ended the run before). The place is left out, the person stays
      // whole: the name starts at a common given name that leaves two or
      // three words, with no given name before it ("Mary Ann Mobley").
      const bool of_a_title =
          after_title || (run[0] >= 2 && p.tokens[run[0] - 1].kind == TokenKind::kWord &&
                          (p.Folded(run[0] - 1) == "to" || p.Folded(run[0] - 1) == "of") &&
                          (p.info[run[0] - 2].flags & kTitleOrCalendar));
      if (of_a_title && e - b >= 3) {
        for (std::size_t c = b + 1; c + 1 < e && c <= b + 2; ++c) {
          const std::string_view before = p.Folded(run[c - 1]);
          if (IsCommonGivenName(before) || (p.info[run[c - 1]].flags & kConnector)) break;
          // ("Al" is a nickname and the article of "Bashar al-Assad".)
          const std::string_view given = p.Folded(run[c]);
          // Not half of a hyphenated given name: "Kerri-Ann Jones".
          const bool hyphened = p.text[p.tokens[run[c]].begin - 1] == '-';
          if (given == "al" || hyphened || !IsCommonGivenName(given) || e - c > 3) continue;
          b = IsInitial(p.tokens[run[c - 1]]) && c - 1 > b ? c - 1 : c;  // "J. Christopher"
          break;
        }
      }
      if (e - b == 1 && p.Folded(run[b]) == "new") e = b;  // "New Year's Day": nothing left
      // One letter is no name: "B-24", "E!", a lone initial.
      if (e - b == 1 && p.tokens[run[b]].end - p.tokens[run[b]].begin == 1) e = b;
      if (e - b == 1 && p.tokens[run[b]].all_caps && IsUnitOrTimeZone(p.Folded(run[b]))) e = b;
      // A state abbreviated after a town stands for the state:
      // "DUNMORE, Mich." names Michigan.
      std::string_view state;
      if (e - b == 1) {
        const Token& t = p.tokens[run[b]];
        if (t.begin >= 2 && p.text.substr(t.begin - 2, 2) == ", " && t.end < p.text.size() &&
            p.text[t.end] == '.') {
          state = StateName(p.Folded(run[b]));
        }
      }
      if (!state.empty()) {
        key.clear();
        for (char c : state) key.push_back(static_cast<char>(c | 0x20));  // ' ' stays
        for (std::size_t from = 0; from < key.size();) {
          std::size_t to = std::min(key.find(' ', from), key.size());
          std::string_view f = std::string_view(key).substr(from, to - from);
          from = to + 1;
          if (IsStopWord(f)) continue;  // as in a written name: "New" is no term
          std::uint64_t id = EntityId(f);
          AddCount(&entity_terms, id, 1);
          if (vocabulary_) (*vocabulary_)[id] = "E:" + std::string(f);
        }
        if (briefs) name.assign(state);
      } else if (e > b) {
        // The mention as written and folded, for briefs; its tokens as
        // entity terms, always.
        key.clear();
        name.clear();
        for (std::size_t r = b; r < e; ++r) {
          std::size_t k = run[r];
          std::string_view f = p.Folded(k);
          if (briefs) {
            if (!key.empty()) key.push_back(' ');
            key.append(f);
            if (!name.empty())
              name.append(
                  p.text.substr(p.tokens[k - 1].end, p.tokens[k].begin - p.tokens[k - 1].end));
            name.append(p.tokens[k].view(p.text));
          }
          if (!(p.info[k].flags & (kConnector | kStop)) && f.size() >= 2) {
            std::uint64_t id = EntityId(f);
            AddCount(&entity_terms, id, 1);
            if (vocabulary_) (*vocabulary_)[id] = "E:" + std::string(f);
          }
        }
        // A suffix or an initialism keeps its last dot: "Halden & Co.", "U.S.".
        const Token& last = p.tokens[run[e - 1]];
        if (briefs && last.end < p.text.size() && p.text[last.end] == '.' &&
            (IsNameSuffix(p.Folded(run[e - 1]), false) ||
             (last.punctuated && last.view(p.text).find('.') != std::string_view::npos))) {
          name.push_back('.');
        }
      }
      if (e > b) {
        if (briefs) {
          std::uint64_t h = Hash64(key);
          std::size_t at = find_mention(h);
          if (at == mention_hashes.size()) {
            if (!mention_index.empty()) mention_index.emplace(h, at);
            mention_hashes.push_back(h);
            mentions.push_back({name, key, 0});
          } else if (IsAllCaps(mentions[at].name) && !IsAllCaps(name)) {
            mentions[at].name = name;  // "Senate" rather than a headline's "SENATE"
          }
          ++mentions[at].count;
          if (e - b > 1 || !p.info[run[b]].sentence_start || IsAcronymOpener(p, run[b])) {
            mentions[at].doubtful = false;
          }
        }
      }
      i = std::max(j, i + 1);
    }
  };
  scan_entities(titlep, title_case);
  scan_entities(bodyp, kNoHeading);

  // A one-word name the body also writes in lower case ("the Department
  // said ... the department") is doubtful; not one in capitals ("US", "us").
  if (briefs) {
    for (EntityMention& m : mentions) {
      if (m.doubtful || m.key.find(' ') != std::string::npos) continue;
      if (std::count_if(m.name.begin(), m.name.end(), AsciiUpper) > 1) continue;
      if (written(Hash64(m.key, kWordSeed), /*terms_only=*/true) & kSeenLower) m.doubtful = true;
    }
  }

  a.body_terms = Sorted(std::move(body_terms));
  a.title_terms = Sorted(std::move(title_terms));
  a.entity_terms = Sorted(std::move(entity_terms));
  std::sort(a.entities.begin(), a.entities.end(),
            [](const EntityMention& x, const EntityMention& y) {
              return x.count != y.count ? x.count > y.count : x.key < y.key;
            });
  if (body.size() > kKeepBuffersBytes) body_pass_ = std::make_unique<Buffers>();
  if (title.size() > kKeepBuffersBytes) title_pass_ = std::make_unique<Buffers>();
  return a;
}

}  // namespace storyline::text
