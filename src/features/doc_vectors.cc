#include "features/doc_vectors.h"

#include <cmath>

namespace storyline::features {
namespace {

// Sublinear term frequency; most terms occur once, where no log is needed.
float Tf(float count) {
  if (count == 1.0f) return 1.0f;
  return count > 0 ? 1.0f + std::log(count) : 0.0f;
}

float Power(float idf, float p) {
  if (p == 1.0f) return idf;
  if (p == 1.5f) return idf * std::sqrt(idf);  // the default: no powf per term
  return std::pow(idf, p);
}

}  // namespace

DocVectors BuildDocVectors(const text::Analysis& a, const TermStats& stats,
                           const VectorOptions& options, std::span<const float> idfs) {
  DocVectors v;
  std::size_t next = 0;  // into idfs, in the order AddDocument() wrote them
  auto idf = [&](std::uint64_t id) { return idfs.empty() ? stats.Idf(id) : idfs[next++]; };
  // Merge the two id-sorted lists, giving title terms their boost.
  const auto& b = a.body_terms;
  const auto& t = a.title_terms;
  v.text.reserve(b.size() + t.size());
  std::size_t i = 0, j = 0;
  while (i < b.size() || j < t.size()) {
    std::uint64_t id;
    float count = 0;
    if (j >= t.size() || (i < b.size() && b[i].id < t[j].id)) {
      id = b[i].id;
      count = b[i++].count;
    } else if (i >= b.size() || t[j].id < b[i].id) {
      id = t[j].id;
      count = options.title_boost * t[j++].count;
    } else {
      id = b[i].id;
      count = b[i++].count + options.title_boost * t[j++].count;
    }
    v.text.push_back({id, Tf(count) * Power(idf(id), options.idf_power)});
  }
  KeepTop(&v.text, options.max_text_terms);
  Normalize(&v.text);

  v.entities.reserve(a.entity_terms.size());
  for (const auto& e : a.entity_terms) {
    v.entities.push_back({e.id, Tf(e.count) * Power(idf(e.id), options.idf_power)});
  }
  KeepTop(&v.entities, options.max_entity_terms);
  Normalize(&v.entities);
  return v;
}

}  // namespace storyline::features
