// SparseVector: a weighted bag of terms, sorted by term id, used for articles
// and story centroids.
#ifndef STORYLINE_FEATURES_SPARSE_VECTOR_H_
#define STORYLINE_FEATURES_SPARSE_VECTOR_H_

#include <cstdint>
#include <vector>

namespace storyline::features {

struct WeightedTerm {
  std::uint64_t id = 0;
  float weight = 0;
};

using SparseVector = std::vector<WeightedTerm>;  // sorted by id, ids unique

// Dot product of two id-sorted vectors.
float Dot(const SparseVector& a, const SparseVector& b);

// Scales `v` to unit L2 norm (no-op for the zero vector).
void Normalize(SparseVector* v);

// Keeps the `k` heaviest terms (ties by id), re-sorted by id.
void KeepTop(SparseVector* v, std::size_t k);

}  // namespace storyline::features

#endif  // STORYLINE_FEATURES_SPARSE_VECTOR_H_
