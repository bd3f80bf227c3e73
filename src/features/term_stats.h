// TermStats: document frequencies for IDF weights, from a prior shipped with
// the project (data/prior/df_en.tsv, built by tools/build_prior.sh) combined
// with the statistics of the stream itself. The prior lets two articles alone
// be weighted as sensibly as two million; as the stream grows it dominates.
//
//   auto stats = TermStats::LoadPrior("data/prior/df_en.tsv");
//   stats->AddDocument(analysis);          // as each article arrives
//   float w = stats->Idf(term_id);
//
// Thread-safety: Idf() may run concurrently with other Idf() calls; AddDocument
// needs exclusive access.
#ifndef STORYLINE_FEATURES_TERM_STATS_H_
#define STORYLINE_FEATURES_TERM_STATS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storyline/status.h"
#include "text/analyzer.h"

namespace storyline::features {

class TermStats {
 public:
  TermStats() = default;

  // Reads a prior written by `storyline df`: a header line
  // "#storyline-df<TAB>1<TAB><documents>", then "<term><TAB><df>" lines, where
  // entity tokens are written "E:<token>" and words written in lower case
  // "L:<word>" (these are no terms: PriorWordCase() alone reads them).
  // Returns kIoError or kInvalidInput naming the file and line when it cannot
  // be used.
  static Result<TermStats> LoadPrior(const std::string& path);

  // Counts one document of the stream: each distinct body/title term and
  // entity token once. With `idfs`, also writes there the Idf() of each of
  // its terms as it stands after the count: the body and title terms merged
  // in id order, then the entity tokens (BuildDocVectors' order). That is
  // one table lookup a term instead of two.
  void AddDocument(const text::Analysis& analysis, std::vector<float>* idfs = nullptr);

  // Smoothed inverse document frequency, ln((N + 1) / (df + 1)) + 1, over the
  // prior and the stream together; >= 1 for every term.
  float Idf(std::uint64_t id) const;

  // The prior's IDF of a brief concept (text::Analysis::concepts): a content
  // word, name or number, known by the low 30 bits of its term id (the
  // concept's flag bits are ignored). The prior alone, not the stream, so that
  // a brief stays a function of its story's articles. A concept the prior
  // lacks (a rare name, a word pair) gets the highest IDF; without a prior
  // every concept gets 1. Safe to call concurrently with anything: the prior
  // does not change after LoadPrior.
  float PriorConceptIdf(std::uint32_t concept_hash) const;
  // The highest PriorConceptIdf (a concept the prior lacks); 1 without a prior.
  float MaxPriorConceptIdf() const;

  // How the prior's news write one folded word ("home"): in how many
  // documents it is a token of a name ("Home Office", "Home") and in how
  // many it is written in lower case ("at home"). Zeros for a word the prior
  // lacks, or without a prior. The prior alone, like PriorConceptIdf().
  struct WordCase {
    std::uint32_t in_names = 0;
    std::uint32_t in_lower_case = 0;
  };
  WordCase PriorWordCase(std::string_view folded_word) const;

  std::uint64_t documents() const { return prior_docs_ + stream_docs_; }
  std::size_t prior_terms() const { return prior_terms_; }

 private:
  std::uint64_t prior_docs_ = 0;
  std::uint64_t stream_docs_ = 0;
  // ln(prior_docs_ + stream_docs_ + 1), kept as the counts change: Idf()
  // runs for every term of every article.
  float log_docs_ = 0;
  std::size_t prior_terms_ = 0;
  // Prior and stream counts in one table: one lookup per term either way.
  absl::flat_hash_map<std::uint64_t, std::uint32_t> df_;
  std::vector<std::uint32_t*> counted_;  // AddDocument's scratch: the counts it raised
  // The prior's body terms (not entity tokens) by concept hash.
  absl::flat_hash_map<std::uint32_t, std::uint32_t> prior_concept_df_;
  // The prior's "E:" and "L:" counts by text::EntityId of the word.
  absl::flat_hash_map<std::uint64_t, WordCase> prior_word_case_;
};

}  // namespace storyline::features

#endif  // STORYLINE_FEATURES_TERM_STATS_H_
