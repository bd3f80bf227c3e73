#include "text/analyzer.h"

#include <algorithm>
#include <utility>

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
using analyzer_internal::IsTimeStampLabel;
using analyzer_internal::IsTitleComplement;
using analyzer_internal::IsTitleOrCalendarWord;
using analyzer_internal::IsUnitOrTimeZone;
using analyzer_internal::StateName;
using analyzer_internal::TakesOf;
using analyzer_internal::TakesPossessive;

namespace {

// kWordSeed ("word") is in text/analyzer_pass.h.
constexpr std::uint64_t kTermSeed = 0x7465726d;       // "term"
constexpr std::uint64_t kEntitySeed = 0x656e7479;     // "enty"
constexpr std::uint64_t kAcronymSeed = 0x6163726f;    // "acro"
constexpr std::uint64_t kLanguageSeed = 0x6c616e67;   // "lang"
constexpr std::uint64_t kLowerCaseSeed = 0x6c6f7772;  // "lowr"

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
  kSeenMixedCase = 8,    // capitalised inside a sentence, not in capitals ("Pinochet")
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

// "US", "U.S.", "WHO", "EU": all capitals, two to four letters.
bool IsAcronym(const Token& t) { return t.all_caps && t.end - t.begin <= 7 && t.ascii; }

}  // namespace

std::uint64_t TermId(std::string_view stem) { return Hash64(stem, kTermSeed); }
std::uint64_t EntityId(std::string_view folded) { return Hash64(folded, kEntitySeed); }
std::uint64_t LowerCaseId(std::string_view folded) { return Hash64(folded, kLowerCaseSeed); }

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

// Whether token k of `p`, in capitals, is in a run of words in capitals
// (a space or a hyphen between them, "A" and "I" among them) that is a
// heading or a label run into a sentence ("PINOCHET TRIAL TIMELINE", "ABOUT
// A BOY"). Not a run of short words, which are acronyms ("BSE PSU index",
// "UUP MLA"): it needs one of five letters or more. Nor a dateline: a run
// that opens a sentence and ends at a comma, a bracket or a dash ("TEL
// AVIV, Israel", "KANSAS CITY (AP) -", "NEW YORK —") names the place the
// story was filed from.
bool InRunOfCapitals(const Pass& p, std::size_t k) {
  const auto caps_word = [&](std::size_t j) {
    const Token& t = p.tokens[j];
    return t.kind == TokenKind::kWord &&
           (t.all_caps || (t.end - t.begin == 1 && AsciiUpper(p.text[t.begin])));
  };
  const auto joined = [&](std::size_t a, std::size_t b) {
    return p.tokens[b].begin == p.tokens[a].end + 1 &&
           (p.text[p.tokens[a].end] == ' ' || p.text[p.tokens[a].end] == '-');
  };
  std::size_t first = k, last = k;
  while (first > 0 && caps_word(first - 1) && joined(first - 1, first)) --first;
  while (last + 1 < p.tokens.size() && caps_word(last + 1) && joined(last, last + 1)) ++last;
  if (first == last) return false;
  bool long_word = false;
  for (std::size_t j = first; j <= last; ++j) {
    long_word |= p.tokens[j].end - p.tokens[j].begin >= 5;
  }
  if (!long_word) return false;
  if (p.info[first].sentence_start) {
    std::size_t after = p.tokens[last].end;
    while (after < p.text.size() && p.text[after] == ' ') ++after;
    // '\xE2' opens the UTF-8 of — and – (as in IsAcronymOpener()).
    if (after < p.text.size() && (p.text[after] == ',' || p.text[after] == '(' ||
                                  p.text[after] == '-' || p.text[after] == '\xE2')) {
      return false;
    }
  }
  return true;
}

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

// One Analyze() call: its steps, and the state they share. Analyze() runs the
// steps in the order they are declared; each says what it needs from those
// before it. The analyzer's word cache (term_of_) carries what the steps
// learn of a word from one to the next: its term and flags, and how this
// body writes it (CountBodyWords()).
//
//   Reading reading(this, &bodyp, &titlep, briefs, language, &a);
//   reading.CountBodyWords();
//   reading.CountTitleWords();
//   ...
//   reading.Finish();
//
// Thread-safety: lives for one call, on the analyzer's thread.
class Analyzer::Reading {
 public:
  // `bodyp` and `titlep` are the article's prepared passes (Prepare()) and
  // `a` its analysis, holding the body's sentences. `analyzer` and all three
  // must outlive the reading.
  Reading(Analyzer* analyzer, Pass* bodyp, Pass* titlep, bool briefs, Language language,
          Analysis* a);

  // The body's terms and Analysis::word_hashes and word_count; notes in the
  // word cache how the body writes each word, and marks its headings.
  void CountBodyWords();
  // The title's terms, and how the title is written (title_case_).
  void CountTitleWords();
  // Analysis::concepts and concept_ends, for briefs. After CountTitleWords().
  void FindConcepts();
  // Analysis::dates.
  void FindDates();
  // The entity terms, and for briefs Analysis::entities. After
  // CountBodyWords() and CountTitleWords().
  void FindEntities();
  // Puts the terms counted into the analysis, and sorts the mentions.
  void Finish();

 private:
  // A word's cache key: its hash, and in another language than English its
  // language too ("die" is a German article, an English verb).
  std::uint64_t CacheKey(std::uint64_t key) const {
    return english_ ? key : HashCombine(key, kLanguageSeed + static_cast<std::uint64_t>(language_));
  }
  // The cache entry of token i of `p`, made when its word is first seen:
  // its term (0 for none) and word-list flags, which it copies to
  // p.info[i].flags. Valid until the next call.
  WordInfo& Word(Pass& p, std::size_t i);

  // What the body wrote, once CountBodyWords() has run.
  const WordInfo* InBody(std::uint64_t key) const;
  std::uint8_t Written(std::uint64_t key, bool terms_only) const;
  bool SeenLower(std::uint64_t hash) const;
  bool OpeningParticiple(std::string_view folded, std::uint64_t hash) const;

  // The entity scan of the title (`title_pass` how it is written) or the
  // body (kNoHeading), and its steps for each run of capitals.
  void ScanEntities(const Pass& p, Heading title_pass);
  bool CountsAsCapital(const Pass& p, Heading title_pass, std::size_t k) const;
  bool CapitalsCount(const Pass& p, std::size_t k) const;
  std::size_t ReadRun(const Pass& p, Heading title_pass, std::size_t i);
  bool PunctuationJoins(const Pass& p, std::size_t j, std::string_view gap, std::size_t lead) const;
  std::pair<std::size_t, std::size_t> TrimRun(const Pass& p) const;
  void AddName(const Pass& p, std::size_t b, std::size_t e);
  void AddMention(const Pass& p, std::size_t b, std::size_t e);
  // For the prior: `folded`, a content word written in lower case.
  void RecordLowerCase(std::string_view folded) {
    std::uint64_t id = LowerCaseId(folded);
    lower_case_words_->push_back(id);
    if (vocabulary_) (*vocabulary_)[id] = "L:" + std::string(folded);
  }
  std::size_t FindMention(std::uint64_t h);

  // The analyzer's, kept from one article to the next.
  WordCache& term_of_;
  std::string& scratch_;
  std::string& elided_;
  std::uint32_t& generation_;
  std::unordered_map<std::uint64_t, std::string>* const vocabulary_;
  std::vector<std::uint64_t>* const lower_case_words_;

  // This article's.
  Pass& bodyp_;
  Pass& titlep_;
  Analysis& a_;
  const bool briefs_;
  const Language language_;
  const bool english_;
  Stemmer& stemmer_;  // the language's
  // Term occurrences, in a flat vector each: see AddCount().
  std::vector<TermCount> body_terms_, title_terms_, entity_terms_;
  Heading title_case_ = kNoHeading;
  // The entity scan's: the tokens of the run of capitals being read, and
  // the name it gives, folded (key_) and as written (name_).
  std::vector<std::size_t> run_;
  std::string key_, name_;
  // Hashes of the keys of Analysis::entities, in the same order, and an
  // index of them once there are many (FindMention()).
  std::vector<std::uint64_t> mention_hashes_;
  absl::flat_hash_map<std::uint64_t, std::size_t> mention_index_;
};

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
  Reading reading(this, &bodyp, &titlep, briefs, language, &a);
  reading.CountBodyWords();
  reading.CountTitleWords();
  if (briefs) reading.FindConcepts();
  reading.FindDates();
  reading.FindEntities();
  reading.Finish();
  if (body.size() > kKeepBuffersBytes) body_pass_ = std::make_unique<Buffers>();
  if (title.size() > kKeepBuffersBytes) title_pass_ = std::make_unique<Buffers>();
  return a;
}

Analyzer::Reading::Reading(Analyzer* analyzer, Pass* bodyp, Pass* titlep, bool briefs,
                           Language language, Analysis* a)
    : term_of_(analyzer->term_of_),
      scratch_(analyzer->scratch_),
      elided_(analyzer->elided_),
      generation_(analyzer->generation_),
      vocabulary_(analyzer->vocabulary_),
      lower_case_words_(analyzer->lower_case_words_),
      bodyp_(*bodyp),
      titlep_(*titlep),
      a_(*a),
      briefs_(briefs),
      language_(language),
      english_(language == Language::kEnglish),
      stemmer_(english_ ? analyzer->stemmer_ : analyzer->OtherStemmer(language)) {}

Analyzer::WordInfo& Analyzer::Reading::Word(Pass& p, std::size_t i) {
  // A short all-caps word is an acronym ("US", "U.S.", "WHO"), never the stop
  // word it folds to: it has a cache entry of its own.
  std::uint64_t key = p.info[i].word_hash;
  if (IsAcronym(p.tokens[i])) key = HashCombine(key, kAcronymSeed);
  bool inserted = false;
  WordInfo& w = term_of_.FindOrAdd(CacheKey(key), &inserted);
  if (inserted) {
    std::string_view f = p.Folded(i);
    if (english_) {
      if (IsStopWord(f) && !IsAcronym(p.tokens[i])) w.flags |= kStop;
      if ((w.flags & kStop) && IsFunctionWord(f)) w.flags |= kFunction;
    } else {
      // French and Italian write an elided article or preposition into
      // the word ("l'homme", "dell'anno"): the word is what follows.
      if (p.tokens[i].punctuated) {
        if (const std::string_view rest = AfterElision(p.tokens[i].view(p.text), language_);
            !rest.empty()) {
          elided_ = Fold(rest);
          f = elided_;
        }
      }
      if (IsStopWordIn(language_, f) && !IsAcronym(p.tokens[i])) w.flags |= kStop | kFunction;
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
      std::string_view stem = stemmer_.Stem(f);
      w.term = TermId(stem);
      if (vocabulary_) (*vocabulary_)[w.term] = std::string(stem);
    }
  }
  p.info[i].flags = w.flags;
  return w;
}

void Analyzer::Reading::CountBodyWords() {
  const std::size_t body_tokens = bodyp_.tokens.size();
  body_terms_.reserve(body_tokens);
  a_.word_hashes.resize(body_tokens);
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
      if (Heading h = IsHeading(bodyp_, sentence_from, to); h != kNoHeading) {
        for (std::size_t k = sentence_from; k < to; ++k) {
          if (!bodyp_.tokens[k].capitalized) continue;
          bodyp_.info[k].heading = h;
          if (!bodyp_.info[k].sentence_start) --Word(bodyp_, k).capitalised_inside;
        }
      }
    }
    sentence_from = to;
    long_words = long_capitalised = any_long = long_capitals = 0;
  };
  for (std::size_t i = 0; i < body_tokens; ++i) {
    const TokenInfo& inf = bodyp_.info[i];
    if (inf.sentence_first && i > sentence_from) end_sentence(i);
    a_.word_hashes[i] = inf.word_hash;
    WordInfo& w = Word(bodyp_, i);
    if (w.generation != generation_) {
      w.generation = generation_;
      w.written = 0;
      w.capitalised_inside = 0;
      if (w.term != 0) {
        w.slot = static_cast<std::uint32_t>(body_terms_.size());
        body_terms_.push_back({w.term, 0});
      }
    }
    const Token& t = bodyp_.tokens[i];
    if (!t.capitalized) {
      if (lower_case_words_ && !(w.written & kSeenLower) && t.kind == TokenKind::kWord &&
          !(inf.flags & kStop)) {
        RecordLowerCase(bodyp_.Folded(i));
      }
      w.written |= kSeenLower;
    } else if (inf.sentence_start) {
      w.written |= kSeenOpening;
    } else {
      ++w.capitalised_inside;
      if (!t.all_caps) w.written |= kSeenMixedCase;
    }
    if (i > sentence_from && t.kind == TokenKind::kWord && t.end - t.begin >= 4) {
      ++any_long;
      long_capitals += t.all_caps;
      if (!(inf.flags & kStop)) {
        ++long_words;
        long_capitalised += t.capitalized;
      }
    }
    if (w.term != 0) body_terms_[w.slot].count += 1;
  }
  if (body_tokens > sentence_from) end_sentence(body_tokens);
  a_.word_count = static_cast<std::uint32_t>(bodyp_.tokens.size());
}

// The entry of cache key `key` if the body has the word, else null.
const Analyzer::WordInfo* Analyzer::Reading::InBody(std::uint64_t key) const {
  const WordInfo* w = term_of_.Find(CacheKey(key));
  return w != nullptr && w->generation == generation_ ? w : nullptr;
}

// How the body wrote the word of cache key `key`; `terms_only`: 0 for a
// word that is no term (a stop word, a single letter), never a name.
std::uint8_t Analyzer::Reading::Written(std::uint64_t key, bool terms_only) const {
  const WordInfo* w = InBody(key);
  if (w == nullptr || (terms_only && w->term == 0)) return 0;
  return w->written | (w->capitalised_inside > 0 ? kSeenCapitalised : 0);
}

// A word that opens a sentence of the body, as itself or as an acronym
// ("Officials said", "US officials"), and that the body also writes in lower
// case is a common word, not a name, where it opens a sentence.
bool Analyzer::Reading::SeenLower(std::uint64_t hash) const {
  const std::uint8_t plain = Written(hash, false);
  return (plain & kSeenLower) && ((plain & kSeenOpening) ||
                                  (Written(HashCombine(hash, kAcronymSeed), false) & kSeenOpening));
}

// A sentence-opening participle in front of a name ("Quoting The Onion",
// "Choosing DeGeneres"): a word in -ing that the body never capitalises
// inside a sentence, and whose verb it also writes in lower case
// ("quote", "quoted", "chose"... as "choos-e"). "Beijing Evening News"
// keeps "Beijing": the body has no "beij", "beije" or "beijed".
bool Analyzer::Reading::OpeningParticiple(std::string_view folded, std::uint64_t hash) const {
  if (folded.size() < 6 || folded.substr(folded.size() - 3) != "ing") return false;
  if (Written(hash, false) & kSeenCapitalised) return false;
  std::string_view base = folded.substr(0, folded.size() - 3);
  std::string form;
  auto lower = [&](std::string_view stem, std::string_view suffix) {
    form.assign(stem);
    form.append(suffix);
    return (Written(Hash64(form, kWordSeed), false) & kSeenLower) != 0;
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
}

void Analyzer::Reading::CountTitleWords() {
  for (std::size_t i = 0; i < titlep_.tokens.size(); ++i) {
    if (std::uint64_t id = Word(titlep_, i).term) AddCount(&title_terms_, id, 1);
  }
  // A title in Title Case ("Haiti Fears Death Toll May Rise") capitalises
  // its common words too: there a word counts as a name only where the body
  // also capitalises it inside a sentence ("Haiti"), or it is in capitals.
  // In a title in capitals, only where the body capitalises it.
  title_case_ = TitleCase(titlep_);
}

// Concepts of each sentence (word bigrams, names and numbers), and title
// marks for those that share content words with the title: what a headline
// names is what the article is about (Edmundson's title method).
void Analyzer::Reading::FindConcepts() {
  // The title's terms, and a 64-bit filter of them that turns most words
  // away without a search.
  std::vector<std::uint64_t> title_ids;
  std::uint64_t title_filter = 0;
  title_ids.reserve(title_terms_.size());
  for (const TermCount& t : title_terms_) {
    title_ids.push_back(t.id);
    title_filter |= std::uint64_t{1} << (t.id & 63);
  }
  std::sort(title_ids.begin(), title_ids.end());
  auto in_title = [&](std::uint64_t key) {
    return ((title_filter >> (key & 63)) & 1) != 0 &&
           std::binary_search(title_ids.begin(), title_ids.end(), key);
  };
  a_.concept_ends.reserve(a_.sentences.size());
  std::size_t s = 0, first = 0;
  std::uint64_t prev_key = 0;
  bool prev_stop = true;
  int prev_title = 0;  // whether the previous word is a title term
  auto close_sentence = [&] {
    auto begin = a_.concepts.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, a_.concepts.end());
    a_.concepts.erase(std::unique(begin, a_.concepts.end()), a_.concepts.end());
    a_.concept_ends.push_back(static_cast<std::uint32_t>(a_.concepts.size()));
    first = a_.concepts.size();
    prev_key = 0;
    prev_stop = true;
  };
  for (std::size_t i = 0; i < bodyp_.tokens.size() && s < a_.sentences.size(); ++i) {
    const Token& t = bodyp_.tokens[i];
    while (s < a_.sentences.size() && a_.sentences[s].end <= t.begin) {
      close_sentence();
      ++s;
    }
    if (s == a_.sentences.size() || t.begin < a_.sentences[s].begin) continue;
    const WordInfo& w = Word(bodyp_, i);
    // Pairs of grammar words say nothing; news words ("said", "Tuesday")
    // are part of what a sentence reports.
    bool stop = (w.flags & kFunction) != 0;
    std::uint64_t key = w.term != 0 ? w.term : bodyp_.info[i].word_hash;
    const int title = w.term != 0 && in_title(w.term) ? 1 : 0;
    if (prev_key != 0 && !(stop && prev_stop)) {
      const std::uint32_t pair =
          static_cast<std::uint32_t>(HashCombine(prev_key, key)) & kConceptHashMask;
      a_.concepts.push_back(pair);
      if (const int shared = prev_title + title) {
        a_.concepts.push_back(TitleMark(pair, shared));
      }
    }
    if (w.term != 0) {
      a_.concepts.push_back(WordConcept(key));
    }
    bool opener = i == 0 || bodyp_.tokens[i - 1].end <= a_.sentences[s].begin;
    if (t.kind == TokenKind::kNumber ||
        (t.kind == TokenKind::kWord && t.capitalized && !opener && !(w.flags & kStop))) {
      const std::uint32_t name = (static_cast<std::uint32_t>(key) & kConceptHashMask) | kKeyConcept;
      a_.concepts.push_back(name);
      if (title) a_.concepts.push_back(TitleMark(name, 1));
    }
    prev_key = key;
    prev_stop = stop;
    prev_title = title;
  }
  while (s < a_.sentences.size()) {
    close_sentence();
    ++s;
  }
}

// Dates written in the text ("on Tuesday, December 9, 2008"): only sentences
// holding a year-like number are parsed.
void Analyzer::Reading::FindDates() {
  const std::string_view body = bodyp_.text;
  std::size_t s = 0;
  for (std::size_t i = 0; i < bodyp_.tokens.size(); ++i) {
    const Token& t = bodyp_.tokens[i];
    if (t.kind != TokenKind::kNumber || t.end - t.begin != 4) continue;
    char c0 = body[t.begin], c1 = body[t.begin + 1];
    if (!((c0 == '1' && c1 == '9') || (c0 == '2' && c1 == '0'))) continue;
    while (s < a_.sentences.size() && a_.sentences[s].end <= t.begin) ++s;
    if (s == a_.sentences.size()) break;
    const SentenceSpan& span = a_.sentences[s];
    if (auto d = FindDateInText(body.substr(span.begin, span.end - span.begin))) {
      a_.dates.push_back(*d);
    }
    while (i + 1 < bodyp_.tokens.size() && bodyp_.tokens[i + 1].begin < span.end)
      ++i;  // next sentence
  }
  std::sort(a_.dates.begin(), a_.dates.end());
  a_.dates.erase(std::unique(a_.dates.begin(), a_.dates.end()), a_.dates.end());
}

// Entity candidates: runs of capitalised words (with connectors inside).
void Analyzer::Reading::FindEntities() {
  ScanEntities(titlep_, title_case_);
  ScanEntities(bodyp_, kNoHeading);

  // A one-word name the body also writes in lower case ("the Department
  // said ... the department") is doubtful; not one in capitals ("US", "us").
  if (briefs_) {
    for (EntityMention& m : a_.entities) {
      if (m.doubtful || m.key.find(' ') != std::string::npos) continue;
      if (std::count_if(m.name.begin(), m.name.end(), AsciiUpper) > 1) continue;
      if (Written(Hash64(m.key, kWordSeed), /*terms_only=*/true) & kSeenLower) m.doubtful = true;
    }
  }
}

void Analyzer::Reading::ScanEntities(const Pass& p, Heading title_pass) {
  const std::size_t n = p.tokens.size();
  std::size_t i = 0;
  while (i < n) {
    bool cap = CountsAsCapital(p, title_pass, i);
    if (!cap) {
      ++i;
      continue;
    }
    const std::size_t j = ReadRun(p, title_pass, i);
    const auto [b, e] = TrimRun(p);
    if (e > b) AddName(p, b, e);
    i = std::max(j, i + 1);
  }
}

// Whether token k of `p` counts as capitalised, `p` written as `title_pass`
// says (ScanEntities()).
bool Analyzer::Reading::CountsAsCapital(const Pass& p, Heading title_pass, std::size_t k) const {
  const Token& t = p.tokens[k];
  if (t.kind != TokenKind::kWord || !(t.capitalized || t.all_caps)) return false;
  const Heading h = title_pass != kNoHeading ? title_pass : Heading(p.info[k].heading);
  if (h == kNoHeading) return !t.all_caps || title_pass != kNoHeading || CapitalsCount(p, k);
  if (h == kInTitleCase && t.all_caps) return true;
  // Capitalised inside a sentence of the body, as a word or an acronym.
  const std::uint64_t hash = p.info[k].word_hash;
  return ((Written(hash, /*terms_only=*/true) |
           (IsAcronym(t) ? Written(HashCombine(hash, kAcronymSeed), false) : 0)) &
          kSeenCapitalised) != 0;
}

// Whether token k of the body, in capitals inside a sentence, counts as
// capitalised. Words in capitals run together are a heading or a label
// glued into the sentence ("... opponents. PINOCHET TRIAL TIMELINE October
// 1998: ...", "ENTER PHOTO GALLERY"): a word of one is a name only where
// the body also writes it capitalised, not in capitals ("Pinochet"). Out of
// CountsAsCapital(), which every token of the text passes through.
[[gnu::noinline]] bool Analyzer::Reading::CapitalsCount(const Pass& p, std::size_t k) const {
  if (!InRunOfCapitals(p, k)) return true;
  return (Written(p.info[k].word_hash, /*terms_only=*/false) & kSeenMixedCase) != 0;
}

// Reads into run_ the run of capitals from token i, which counts as one, and
// returns the token after it.
std::size_t Analyzer::Reading::ReadRun(const Pass& p, Heading title_pass, std::size_t i) {
  const std::size_t n = p.tokens.size();
  std::size_t j = i;
  run_.clear();
  // Leading title words do not count towards the name's length, so
  // "Vice Minister for Foreign Affairs Choe Son Hui" keeps the whole name.
  std::size_t lead = 0;
  auto is_lead = [&](std::size_t k) {
    std::uint8_t f = p.info[k].flags;
    if (f & (kTitleOrCalendar | kStop | kConnector)) return true;
    return lead > 0 && IsTitleComplement(p.Folded(k));
  };
  bool after_of = false;  // an "of" or "for" joined the name
  while (j < n && run_.size() < kMaxEntityTokens + lead) {
    const Token& u = p.tokens[j];
    bool ucap = CountsAsCapital(p, title_pass, j);
    // Adjacent tokens only: punctuation other than a space or hyphen ends
    // a name, except in "Procter & Gamble", "St. Brendan's Hospital" and
    // "Acme, Inc.".
    if (!run_.empty()) {
      std::string_view gap = p.text.substr(p.tokens[j - 1].end, u.begin - p.tokens[j - 1].end);
      bool joins = gap.size() == 1 && (gap[0] == ' ' || gap[0] == '-');
      if (!joins && ucap && !gap.empty() && gap.size() <= 5) {
        joins = PunctuationJoins(p, j, gap, lead);
      }
      // The last syllable of a Korean given name: "Ban Ki-moon", "Kim Jong-un".
      if (gap == "-" && !ucap && run_.size() >= 2 && IsSyllable(p.tokens[j - 1]) && IsSyllable(u) &&
          p.tokens[j - 1].capitalized && !(p.info[j].flags & kStop)) {
        run_.push_back(j);
        ++j;
        continue;
      }
      if (!joins) break;
    }
    if (ucap) {
      if (run_.size() == lead && is_lead(j)) ++lead;
      run_.push_back(j);
      ++j;
      continue;
    }
    if (!run_.empty() && (p.info[j].flags & kConnector) && j + 1 < n &&
        p.tokens[j + 1].kind == TokenKind::kWord && p.tokens[j + 1].capitalized) {
      // Past the titles in front, "of" and "for" go on only from the head
      // of an institution or place, and "and" only after them
      // ("Department of Health and Human Services"); elsewhere they end
      // the name ("Germany and Poland" is two).
      std::string_view f = p.Folded(j);
      bool of = f == "of" || f == "for";
      // "... the Code for Crown Prosecutors and I have": a pronoun after
      // "and" begins a clause.
      if (f == "and" && (p.info[j + 1].flags & kStop)) break;
      if (run_.size() > lead && f == "and" && !after_of) {
        // The capitalised words after it: do they end such a name?
        std::size_t k = j + 1;
        while (k + 1 < n && k + 1 - j < kMaxEntityTokens && p.tokens[k + 1].capitalized &&
               p.text.substr(p.tokens[k].end, p.tokens[k + 1].begin - p.tokens[k].end) == " ") {
          ++k;
        }
        if (!EndsNameWithAnd(p.Folded(k))) break;
      }
      if (run_.size() > lead && of && !TakesOf(p.Folded(run_.back()))) break;
      if (run_.size() == lead) ++lead;
      after_of |= of && run_.size() > lead;
      run_.push_back(j);
      ++j;
      continue;
    }
    break;
  }
  return j;
}

// Whether `gap`, at most five bytes of punctuation before token j, a
// capital, joins it to run_, of which the first `lead` tokens are titles:
// the rarer joins, tested only where they can be.
bool Analyzer::Reading::PunctuationJoins(const Pass& p, std::size_t j, std::string_view gap,
                                         std::size_t lead) const {
  const Token& u = p.tokens[j];
  switch (gap[0]) {
    case ' ':
    case '&':
      return gap == " & " || gap == "&";
    case '.': {
      // "St. Brendan's", and first or middle initials after at most one
      // word or after a common given name: "J. Stephen Herring", "George
      // H. W. Bush", "Defense Secretary Donald H. Rumsfeld" (not "Cell
      // Block G. Dubai").
      if (gap != ". " || p.info[j].sentence_start || (p.info[j].flags & kStop)) return false;
      if (IsNameAbbreviation(p.Folded(j - 1))) return true;
      std::size_t before = run_.size();  // run_[before, size) are initials
      while (before > 0 && IsInitial(p.tokens[run_[before - 1]])) --before;
      if (before == run_.size()) return false;
      return before <= lead + 1 || IsCommonGivenName(p.Folded(run_[before - 1]));
    }
    case '\'':
    case '\xE2':
      return (gap == "'s " || gap == "\u2019s ") && TakesPossessive(p.Folded(j));
    case ',':
      return gap == ", " && u.end < p.text.size() && p.text[u.end] == '.' &&
             IsNameSuffix(p.Folded(j), /*after_comma=*/true);
    default:
      return false;
  }
}

// The name in run_: its tokens run_[b, e), as the returned {b, e}; b == e
// for none.
std::pair<std::size_t, std::size_t> Analyzer::Reading::TrimRun(const Pass& p) const {
  // Trim: sentence-initial common words, titles and calendar words at the
  // edges, connectors at the end.
  std::size_t b = 0, e = run_.size();
  bool after_title = false;
  bool after_tenure = false;  // "Former New York ...": "New" stays
  bool after_time = false;    // a time stamp was dropped: "Updated 9:05 PM GMT ..."
  while (b < e) {
    std::size_t k = run_[b];
    bool title = p.info[k].flags & kTitleOrCalendar;
    bool tenure = b + 1 < e && IsTenureWord(p.Folded(k));
    // A page's time stamp run into a name ("10:15 AM ET Samuel Dalembert",
    // "Updated 9:05 PM GMT Wladimir Klitschko"), or alone ("EST", "1,000
    // MW"). (Lengths first: the lists hold words of 2-4 and 6-9 letters.)
    const std::size_t letters = p.tokens[k].end - p.tokens[k].begin;
    bool time = letters <= 4 ? p.tokens[k].all_caps && IsUnitOrTimeZone(p.Folded(k))
                             : letters >= 6 && letters <= 9 && IsTimeStampLabel(p.Folded(k));
    // "New" is a stop word, but "New York", "New Zealand" begin with it.
    bool place_opener = b + 1 < e && p.Folded(k) == "new";
    bool drop = title || tenure || (!place_opener && !after_tenure && (p.info[k].flags & kStop)) ||
                (p.info[k].flags & kCount) ||
                (!place_opener && p.info[k].sentence_start && SeenLower(p.info[k].word_hash)) ||
                // Alone, or opening a sentence before a name.
                ((p.info[k].flags & kClauseOpener) && (e - b == 1 || p.info[k].sentence_start)) ||
                (b + 1 < e && p.info[k].sentence_start &&
                 OpeningParticiple(p.Folded(k), p.info[k].word_hash)) ||
                (after_title && IsTitleComplement(p.Folded(k))) || time;
    if (!drop) break;
    after_time |= time;
    after_title |= title;
    after_tenure |= tenure;
    ++b;
  }
  while (e > b && (p.info[run_[e - 1]].flags & (kConnector | kTitleOrCalendar))) {
    --e;
  }
  // The place of a title, then the holder's name: "Prime Minister of
  // Japan Shinzo Abe", "Ambassador to Israel Dan Shapiro" (where "to"
  // ended the run before). The place is left out, the person stays
  // whole: the name starts at a common given name that leaves two or
  // three words, with no given name before it ("Mary Ann Mobley").
  const bool of_a_title =
      after_title || (run_[0] >= 2 && p.tokens[run_[0] - 1].kind == TokenKind::kWord &&
                      (p.Folded(run_[0] - 1) == "to" || p.Folded(run_[0] - 1) == "of") &&
                      (p.info[run_[0] - 2].flags & kTitleOrCalendar));
  if (of_a_title && e - b >= 3) {
    for (std::size_t c = b + 1; c + 1 < e && c <= b + 2; ++c) {
      const std::string_view before = p.Folded(run_[c - 1]);
      if (IsCommonGivenName(before) || (p.info[run_[c - 1]].flags & kConnector)) break;
      // ("Al" is a nickname and the article of "Bashar al-Assad".)
      const std::string_view given = p.Folded(run_[c]);
      // Not half of a hyphenated given name: "Kerri-Ann Jones".
      const bool hyphened = p.text[p.tokens[run_[c]].begin - 1] == '-';
      if (given == "al" || hyphened || !IsCommonGivenName(given) || e - c > 3) continue;
      b = IsInitial(p.tokens[run_[c - 1]]) && c - 1 > b ? c - 1 : c;  // "J. Christopher"
      break;
    }
  }
  if (e - b == 1 && p.Folded(run_[b]) == "new") e = b;  // "New Year's Day": nothing left
  // One word after a time stamp is the next line's first: "Updated Thursdays",
  // "AM RADIO".
  if (e - b == 1 && after_time) e = b;
  // One letter is no name: "B-24", "E!", a lone initial.
  if (e - b == 1 && p.tokens[run_[b]].end - p.tokens[run_[b]].begin == 1) e = b;
  return {b, e};
}

// Adds the name of tokens run_[b, e), b < e: its words as entity terms and,
// for briefs, the mention.
void Analyzer::Reading::AddName(const Pass& p, std::size_t b, std::size_t e) {
  // A state abbreviated after a town stands for the state:
  // "DUNMORE, Mich." names Michigan.
  std::string_view state;
  if (e - b == 1) {
    const Token& t = p.tokens[run_[b]];
    if (t.begin >= 2 && p.text.substr(t.begin - 2, 2) == ", " && t.end < p.text.size() &&
        p.text[t.end] == '.') {
      state = StateName(p.Folded(run_[b]));
    }
  }
  if (!state.empty()) {
    key_.clear();
    for (char c : state) key_.push_back(static_cast<char>(c | 0x20));  // ' ' stays
    for (std::size_t from = 0; from < key_.size();) {
      std::size_t to = std::min(key_.find(' ', from), key_.size());
      std::string_view f = std::string_view(key_).substr(from, to - from);
      from = to + 1;
      if (IsStopWord(f)) continue;  // as in a written name: "New" is no term
      std::uint64_t id = EntityId(f);
      AddCount(&entity_terms_, id, 1);
      if (vocabulary_) (*vocabulary_)[id] = "E:" + std::string(f);
    }
    if (briefs_) name_.assign(state);
  } else {
    // The mention as written and folded, for briefs; its tokens as
    // entity terms, always.
    key_.clear();
    name_.clear();
    for (std::size_t r = b; r < e; ++r) {
      std::size_t k = run_[r];
      std::string_view f = p.Folded(k);
      if (briefs_) {
        if (!key_.empty()) key_.push_back(' ');
        key_.append(f);
        if (!name_.empty())
          name_.append(p.text.substr(p.tokens[k - 1].end, p.tokens[k].begin - p.tokens[k - 1].end));
        name_.append(p.tokens[k].view(p.text));
      }
      if (!(p.info[k].flags & (kConnector | kStop)) && f.size() >= 2) {
        std::uint64_t id = EntityId(f);
        AddCount(&entity_terms_, id, 1);
        if (vocabulary_) (*vocabulary_)[id] = "E:" + std::string(f);
      }
    }
    // A suffix or an initialism keeps its last dot: "Halden & Co.", "U.S.".
    const Token& last = p.tokens[run_[e - 1]];
    if (briefs_ && last.end < p.text.size() && p.text[last.end] == '.' &&
        (IsNameSuffix(p.Folded(run_[e - 1]), false) ||
         (last.punctuated && last.view(p.text).find('.') != std::string_view::npos))) {
      name_.push_back('.');
    }
  }
  if (briefs_) AddMention(p, b, e);
}

// Counts the mention of key_ as name_, written as run_[b, e).
void Analyzer::Reading::AddMention(const Pass& p, std::size_t b, std::size_t e) {
  std::vector<EntityMention>& mentions = a_.entities;
  std::uint64_t h = Hash64(key_);
  std::size_t at = FindMention(h);
  if (at == mention_hashes_.size()) {
    if (!mention_index_.empty()) mention_index_.emplace(h, at);
    mention_hashes_.push_back(h);
    mentions.push_back({name_, key_, 0});
  } else if (IsAllCaps(mentions[at].name) && !IsAllCaps(name_)) {
    mentions[at].name = name_;  // "Senate" rather than a headline's "SENATE"
  }
  ++mentions[at].count;
  if (e - b > 1 || !p.info[run_[b]].sentence_start || IsAcronymOpener(p, run_[b])) {
    mentions[at].doubtful = false;
  }
}

// Distinct mentions, found by a linear scan over their key hashes: an
// article names a few dozen at most, and this allocates nothing per lookup.
// Past kScannedMentions a hash index takes over, so that a page naming
// thousands (a long list, a table) does not cost their square. Returns the
// mention's index in Analysis::entities, or their number if it is new.
std::size_t Analyzer::Reading::FindMention(std::uint64_t h) {
  constexpr std::size_t kScannedMentions = 64;
  if (mention_hashes_.size() <= kScannedMentions) {
    return static_cast<std::size_t>(std::find(mention_hashes_.begin(), mention_hashes_.end(), h) -
                                    mention_hashes_.begin());
  }
  if (mention_index_.empty()) {
    for (std::size_t k = 0; k < mention_hashes_.size(); ++k) {
      mention_index_.emplace(mention_hashes_[k], k);
    }
  }
  auto it = mention_index_.find(h);
  return it == mention_index_.end() ? mention_hashes_.size() : it->second;
}

void Analyzer::Reading::Finish() {
  a_.body_terms = Sorted(std::move(body_terms_));
  a_.title_terms = Sorted(std::move(title_terms_));
  a_.entity_terms = Sorted(std::move(entity_terms_));
  std::sort(a_.entities.begin(), a_.entities.end(),
            [](const EntityMention& x, const EntityMention& y) {
              return x.count != y.count ? x.count > y.count : x.key < y.key;
            });
}

}  // namespace storyline::text
