// Analyzer: turns one cleaned article (title + body) into the language facts
// every later stage uses: sentences, stemmed content terms, numbers, entity
// candidates (names, places, organisations) and the word sequence for
// shingling. It knows nothing of other articles; term weights come later
// (features/).
//
//   Analyzer analyzer;                       // one per thread
//   Analysis a = analyzer.Analyze(title, body);
//
// Thread-safety: not thread-safe (it owns a stemmer cache); one per thread.
#ifndef STORYLINE_TEXT_ANALYZER_H_
#define STORYLINE_TEXT_ANALYZER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/languages.h"
#include "text/sentences.h"
#include "text/stemmer.h"

namespace storyline::text {

// Term ids are 64-bit hashes of the folded, stemmed form; entity ids live in a
// separate hash space so "Bush" the name and "bush" the plant never collide.
std::uint64_t TermId(std::string_view stem);
std::uint64_t EntityId(std::string_view folded);
// The id under which the prior counts a word written in lower case ("L:<word>").
std::uint64_t LowerCaseId(std::string_view folded);

struct TermCount {
  std::uint64_t id = 0;
  float count = 0;
};

struct EntityMention {
  std::string name;  // as first written, titles stripped: "Kim Jong Un"
  std::string key;   // folded: "kim jong un"
  int count = 0;     // mentions in this article (title included)
  // A one-word name the article gives no reason to trust: every mention
  // opened a sentence or the title ("Dealers will replace", "Seismologists
  // said"), or the article also writes the word in lower case ("the
  // Department said ... the department"). A name is written elsewhere too.
  bool doubtful = true;
};

struct Analysis {
  std::vector<SentenceSpan> sentences;     // over the body
  std::vector<TermCount> body_terms;       // content stems and numbers, sorted by id
  std::vector<TermCount> title_terms;      // sorted by id
  std::vector<TermCount> entity_terms;     // folded tokens of entity mentions, sorted by id
  std::vector<EntityMention> entities;     // most mentioned first
  std::vector<std::uint64_t> word_hashes;  // every body word and number in order, for shingles
  std::uint32_t word_count = 0;
  std::vector<std::int64_t> dates;  // calendar days written in the body (Unix seconds at
                                    // midnight UTC), distinct, sorted; never guessed
  // What each sentence says, as 32-bit concept hashes for briefs: its word
  // bigrams (adjacent words, not both grammar words; content words by stem),
  // marked with kWordConcept its content words, and marked with kKeyConcept
  // its names and numbers (capitalised words that do not open the sentence,
  // numbers); and for each bigram, name or number that shares content words
  // with the article's title, a TitleMark() saying how many. Sentence s owns
  // concepts[s == 0 ? 0 : concept_ends[s - 1], concept_ends[s]), sorted, distinct.
  std::vector<std::uint32_t> concepts;
  std::vector<std::uint32_t> concept_ends;
};

inline constexpr std::uint32_t kKeyConcept = 0x80000000u;
inline constexpr std::uint32_t kWordConcept = 0x40000000u;
inline constexpr std::uint32_t kConceptHashMask = 0x3FFFFFFFu;
// Both marks: not a concept but a title mark (below).
inline constexpr std::uint32_t kTitleMark = kKeyConcept | kWordConcept;

// The concept of a content word with term id `term` (TermId()), as
// Analysis::concepts holds it.
inline std::uint32_t WordConcept(std::uint64_t term) {
  return (static_cast<std::uint32_t>(term) & kConceptHashMask) | kWordConcept;
}

// The title mark of a bigram, name or number (`marked` as stored, mark bits
// of a name included) that has `shared` (1 or 2) content words in its
// article's title: kTitleMark, then the concept's hash with its lowest bit
// replaced by shared - 1. It names one of two hashes (lowest bit 0 or 1) of a
// bigram or a name; the reader looks both up in the same sentence, where two
// concepts that differ in that bit alone are a one in 2^29 chance.
inline std::uint32_t TitleMark(std::uint32_t marked, int shared) {
  return kTitleMark | (marked & kConceptHashMask & ~1u) | static_cast<std::uint32_t>(shared > 1);
}

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // `briefs`: also fill what only briefs read, Analysis::concepts,
  // concept_ends and entities (the mentions; entity_terms are always filled).
  // `language`: whose function words are stop words and whose stemmer stems
  // (text/languages.h); the rest of the analysis is the same for every
  // language.
  Analysis Analyze(std::string_view title, std::string_view body, bool briefs = true,
                   Language language = Language::kEnglish);

  // When set, every term and entity token id analysed from now on is recorded
  // with its text (entity tokens as "E:<token>"), for building the prior.
  // `vocabulary` must outlive the analyzer's use of it; nullptr stops recording.
  void RecordVocabulary(std::unordered_map<std::uint64_t, std::string>* vocabulary) {
    vocabulary_ = vocabulary;
  }
  // When set, every Analyze() from now on appends to `*out` the LowerCaseId
  // of each word its body writes in lower case (once each; words, not stop
  // words), recorded in the vocabulary as "L:<word>": the prior counts them,
  // so that a brief can tell a common word from a name. nullptr stops it.
  void RecordLowerCaseWords(std::vector<std::uint64_t>* out) { lower_case_words_ = out; }

  // Bytes the working buffers kept from the last articles hold (capacity).
  // Text over 1 MiB leaves none behind, so a thread that once analysed a huge
  // article does not hold its size for good.
  std::size_t BufferBytes() const;

 private:
  struct Buffers;
  // One Analyze() call: its steps and the state they share (analyzer.cc).
  class Reading;
  Stemmer stemmer_;  // English
  // The other languages' stemmers, made when first needed.
  std::array<std::unique_ptr<Stemmer>, kLanguages> stemmers_;
  Stemmer& OtherStemmer(Language language);
  std::string scratch_;
  std::string elided_;  // a French or Italian word without its elided article
  std::unique_ptr<Buffers> body_pass_, title_pass_;
  // Folded-word hash -> term id (0 for a stop word) and word-list flags,
  // across articles.
  struct WordInfo {
    std::uint64_t term = 0;
    std::uint32_t generation = 0;  // Analyze() call whose body last had this word
    std::uint32_t slot = 0;        // its index in that call's body term list
    std::uint8_t flags = 0;
    // How that call's body wrote the word: kSeenLower, kSeenCapitalised
    // (inside a sentence), kSeenOpening. Valid only while `generation` is
    // that call's.
    std::uint8_t written = 0;
    // How many times that call's body capitalised it inside a sentence,
    // headings left out (kSeenCapitalised when above 0).
    std::uint32_t capitalised_inside = 0;
  };
  // The cache itself: open addressing with linear probing, keyed by the
  // hashes, which are already well mixed, so a slot is a hash's low bits and
  // finding a cached word (every token of every article) takes a compare or
  // two. Slots hold {key, WordInfo}; key 0 marks an empty slot, and the word
  // whose key is 0 has an entry of its own.
  class WordCache {
   public:
    // The entry of `key`, value-initialised if it is new (`*inserted` says
    // so). The reference stays valid until the next call.
    WordInfo& FindOrAdd(std::uint64_t key, bool* inserted) {
      if (key == 0) {
        *inserted = !has_zero_;
        has_zero_ = true;
        return zero_;
      }
      for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        Slot& s = slots_[i];
        if (s.key == key) {
          *inserted = false;
          return s.info;
        }
        if (s.key == 0) {
          if (2 * (size_ + 1) > slots_.size()) return Grow(key, inserted);
          s.key = key;
          ++size_;
          *inserted = true;
          return s.info;
        }
      }
    }
    // The entry of `key`, or null; adds nothing.
    const WordInfo* Find(std::uint64_t key) const {
      if (key == 0) return has_zero_ ? &zero_ : nullptr;
      for (std::size_t i = key & mask_;; i = (i + 1) & mask_) {
        const Slot& s = slots_[i];
        if (s.key == key) return &s.info;
        if (s.key == 0) return nullptr;
      }
    }
    std::size_t size() const { return size_ + has_zero_; }
    void clear();

   private:
    struct Slot {
      std::uint64_t key = 0;
      WordInfo info;
    };
    // Doubles the table (at most half full), then adds `key`.
    WordInfo& Grow(std::uint64_t key, bool* inserted);

    std::vector<Slot> slots_ = std::vector<Slot>(kInitialSlots);  // a power of two
    std::size_t mask_ = kInitialSlots - 1;
    std::size_t size_ = 0;  // keys other than 0
    WordInfo zero_;
    bool has_zero_ = false;
    static constexpr std::size_t kInitialSlots = 1 << 12;
  };
  WordCache term_of_;
  std::uint32_t generation_ = 0;
  std::unordered_map<std::uint64_t, std::string>* vocabulary_ = nullptr;
  std::vector<std::uint64_t>* lower_case_words_ = nullptr;
};

}  // namespace storyline::text

#endif  // STORYLINE_TEXT_ANALYZER_H_
