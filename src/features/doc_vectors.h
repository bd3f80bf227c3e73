// DocVectors: the weighted views of one article that clustering compares,
// built from its Analysis and the current term statistics.
#ifndef STORYLINE_FEATURES_DOC_VECTORS_H_
#define STORYLINE_FEATURES_DOC_VECTORS_H_

#include <span>

#include "features/sparse_vector.h"
#include "features/term_stats.h"
#include "text/analyzer.h"

namespace storyline::features {

struct DocVectors {
  SparseVector text;      // body + title terms, (1 + ln tf) * idf, unit length
  SparseVector entities;  // entity tokens, (1 + ln count) * idf, unit length
};

struct VectorOptions {
  float title_boost = 2.0f;  // a title term counts as this many extra mentions
  float idf_power = 1.5f;    // weight = tf * idf^idf_power
  std::size_t max_text_terms = 128;
  std::size_t max_entity_terms = 48;
};

// `idfs`: what stats.AddDocument(analysis, &idfs) just wrote, so the
// terms are not looked up again; empty to look each up in `stats`.
DocVectors BuildDocVectors(const text::Analysis& analysis, const TermStats& stats,
                           const VectorOptions& options = {}, std::span<const float> idfs = {});

}  // namespace storyline::features

#endif  // STORYLINE_FEATURES_DOC_VECTORS_H_
