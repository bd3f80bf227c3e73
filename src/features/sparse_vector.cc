#include "features/sparse_vector.h"

#include <algorithm>
#include <cmath>

namespace storyline::features {

float Dot(const SparseVector& a, const SparseVector& b) {
  float sum = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id < b[j].id) {
      ++i;
    } else if (b[j].id < a[i].id) {
      ++j;
    } else {
      sum += a[i++].weight * b[j++].weight;
    }
  }
  return sum;
}

void Normalize(SparseVector* v) {
  double sq = 0;
  for (const auto& t : *v) sq += static_cast<double>(t.weight) * t.weight;
  if (sq <= 0) return;
  auto inv = static_cast<float>(1.0 / std::sqrt(sq));
  for (auto& t : *v) t.weight *= inv;
}

void KeepTop(SparseVector* v, std::size_t k) {
  if (v->size() <= k) return;
  std::nth_element(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(k), v->end(),
                   [](const WeightedTerm& a, const WeightedTerm& b) {
                     return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
                   });
  v->resize(k);
  std::sort(v->begin(), v->end(),
            [](const WeightedTerm& a, const WeightedTerm& b) { return a.id < b.id; });
}

}  // namespace storyline::features
