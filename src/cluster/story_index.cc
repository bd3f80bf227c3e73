#include "cluster/story_index.h"

#include <algorithm>
#include <cmath>

#include "util/time.h"

namespace storyline::cluster {
namespace {

constexpr double kSecondsPerDay = 86400.0;

// Indices of the `k` heaviest terms of `v`, heaviest first, into `idx`.
void TopTerms(const features::SparseVector& v, std::size_t k, std::vector<std::uint32_t>* out) {
  std::vector<std::uint32_t>& idx = *out;
  idx.resize(v.size());
  for (std::size_t i = 0; i < idx.size(); ++i) idx[i] = static_cast<std::uint32_t>(i);
  auto heavier = [&](std::size_t a, std::size_t b) {
    return v[a].weight != v[b].weight ? v[a].weight > v[b].weight : v[a].id < v[b].id;
  };
  if (idx.size() > k) {
    // Select, then order only the selected few.
    auto mid = idx.begin() + static_cast<std::ptrdiff_t>(k);
    std::nth_element(idx.begin(), mid, idx.end(), heavier);
    idx.resize(k);
    std::sort(idx.begin(), idx.end(), heavier);
  } else {
    std::sort(idx.begin(), idx.end(), heavier);
  }
}

}  // namespace

void Centroid::Add(const features::SparseVector& v) {
  for (const auto& t : v) {
    float& w = weights_[t.id];
    squared_norm_ += 2.0 * w * t.weight + static_cast<double>(t.weight) * t.weight;
    w += t.weight;
  }
}

void Centroid::Add(const Centroid& other) {
  for (const auto& [id, x] : other.weights_) {
    float& w = weights_[id];
    squared_norm_ += 2.0 * w * x + static_cast<double>(x) * x;
    w += x;
  }
}

void Centroid::Subtract(const features::SparseVector& v) {
  // Below this a weight is rounding left over from vectors added and taken
  // back (term weights of unit vectors are far larger).
  constexpr float kZero = 1e-6f;
  for (const auto& t : v) {
    auto it = weights_.find(t.id);
    if (it == weights_.end()) continue;
    double before = it->second;
    it->second -= t.weight;
    double after = std::abs(it->second) < kZero ? 0.0 : it->second;
    squared_norm_ += after * after - before * before;
    if (after == 0.0) weights_.erase(it);
  }
  if (weights_.empty() || squared_norm_ < 0) squared_norm_ = 0;
}

double Centroid::Dot(const features::SparseVector& v) const {
  double dot = 0;
  for (const auto& t : v) {
    if (auto it = weights_.find(t.id); it != weights_.end()) {
      dot += static_cast<double>(it->second) * t.weight;
    }
  }
  return dot;
}

double Centroid::Dot(const Centroid& other) const {
  // Walk the smaller table, look up in the larger.
  const Centroid& small = weights_.size() <= other.weights_.size() ? *this : other;
  const Centroid& large = &small == this ? other : *this;
  double dot = 0;
  for (const auto& [id, w] : small.weights_) {
    if (auto it = large.weights_.find(id); it != large.weights_.end()) {
      dot += static_cast<double>(w) * it->second;
    }
  }
  return dot;
}

float Centroid::Cos(const features::SparseVector& v) const {
  if (squared_norm_ <= 0 || v.empty()) return 0;
  return static_cast<float>(Dot(v) / std::sqrt(squared_norm_));
}

float Centroid::MeanCos(const features::SparseVector& v, std::size_t n) const {
  if (n == 0 || v.empty()) return 0;
  return static_cast<float>(Dot(v) / static_cast<double>(n));
}

float Centroid::MeanDot(const Centroid& other, std::size_t n, std::size_t m) const {
  if (n == 0 || m == 0) return 0;
  return static_cast<float>(Dot(other) / (static_cast<double>(n) * static_cast<double>(m)));
}

float Centroid::Cos(const Centroid& other) const {
  if (squared_norm_ <= 0 || other.squared_norm_ <= 0) return 0;
  return static_cast<float>(Dot(other) / std::sqrt(squared_norm_ * other.squared_norm_));
}

std::uint32_t StoryIndex::Root(std::uint32_t story) const {
  while (parent_[story] != story) story = parent_[story];
  return story;
}

bool StoryIndex::Expired(const StoryState& s) const {
  if (!s.alive) return true;
  if (!watermark_ || !s.last) return false;
  return static_cast<double>(*watermark_ - *s.last) > options_.max_gap_days * kSecondsPerDay;
}

float StoryIndex::Score(const ClusterDoc& doc, const StoryState& s) const {
  const features::DocVectors& v = *doc.vectors;
  std::size_t n = s.originals;
  float text = options_.average_linkage ? s.text.MeanCos(v.text, n) : s.text.Cos(v.text);
  float score = text;
  if (!v.entities.empty() && !s.entities.empty()) {
    float ent = options_.average_linkage ? s.entities.MeanCos(v.entities, s.with_entities)
                                         : s.entities.Cos(v.entities);
    score = options_.text_weight * text + (1 - options_.text_weight) * ent;
  }
  if (doc.time && s.dated > 0) {
    double gap = std::abs(static_cast<double>(*doc.time) - s.MeanTime()) / kSecondsPerDay;
    if (gap > options_.max_gap_days) return -1;
    score /= static_cast<float>(1.0 + std::max(0.0, gap - 1.0) / options_.fade_days);
  }
  return score;
}

std::vector<std::uint32_t> StoryIndex::Candidates(const ClusterDoc& doc) {
  // Accumulate the article's weight on each story's posted terms.
  absl::flat_hash_map<std::uint32_t, float> overlap;
  auto visit = [&](const features::SparseVector& v, const std::vector<std::uint32_t>& top,
                   std::size_t k) {
    for (std::size_t r = 0; r < top.size() && r < k; ++r) {
      std::size_t i = top[r];
      auto it = postings_.find(v[i].id);
      if (it == postings_.end()) continue;
      auto& list = it->second;
      for (std::size_t p = 0; p < list.size();) {
        std::uint32_t story = list[p];
        if (Expired(stories_[story])) {  // drop quiet and merged stories as we meet them
          list[p] = list.back();
          list.pop_back();
          continue;
        }
        overlap[story] += v[i].weight;
        ++p;
      }
    }
  };
  visit(doc.vectors->text, top_text_, options_.query_terms);
  visit(doc.vectors->entities, top_entities_, options_.query_terms / 2);

  std::vector<std::pair<float, std::uint32_t>> ranked;
  ranked.reserve(overlap.size());
  for (const auto& [story, w] : overlap) ranked.emplace_back(w, story);
  std::size_t k = std::min(options_.candidates, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(),
                    [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second < b.second;
                    });
  std::vector<std::uint32_t> out;
  out.reserve(k);
  for (std::size_t i = 0; i < k; ++i) out.push_back(ranked[i].second);
  return out;
}

void StoryIndex::Post(std::uint32_t story, const features::SparseVector& v,
                      const std::vector<std::uint32_t>& top, std::size_t k) {
  StoryState& s = stories_[story];
  for (std::size_t r = 0; r < top.size() && r < k; ++r) {
    std::size_t i = top[r];
    if (s.posted.insert(v[i].id).second) postings_[v[i].id].push_back(story);
  }
}

void StoryIndex::Join(std::uint32_t story, const ClusterDoc& doc, std::uint32_t doc_no) {
  StoryState& s = stories_[story];
  s.members.push_back(doc_no);
  Touch(story);
  if (doc.time) {
    ++s.dated;
    s.time_sum += static_cast<double>(*doc.time);
    KeepLatest(&s.last, *doc.time);
  }
  if (doc.duplicate_of) return;  // a copy adds no new evidence
  AddEvidence(story, *doc.vectors);
}

void StoryIndex::AddEvidence(std::uint32_t story, const features::DocVectors& v) {
  StoryState& s = stories_[story];
  ++s.originals;
  if (!v.entities.empty()) ++s.with_entities;
  s.text.Add(v.text);
  s.entities.Add(v.entities);
  Post(story, v.text, top_text_, options_.index_terms);
  Post(story, v.entities, top_entities_, options_.index_terms / 2);
}

void StoryIndex::Remove(std::uint32_t doc_no, const ClusterDoc& doc) {
  std::uint32_t story = Root(doc_story_[doc_no]);
  StoryState& s = stories_[story];
  std::erase(s.members, doc_no);
  Touch(story);
  if (doc.time && s.dated > 0) {
    --s.dated;
    s.time_sum -= static_cast<double>(*doc.time);
  }
  // `last` stays: a story may stay open a little longer than its members
  // alone would keep it.
  if (!doc.duplicate_of && s.originals > 0) {
    --s.originals;
    if (!doc.vectors->entities.empty() && s.with_entities > 0) --s.with_entities;
    s.text.Subtract(doc.vectors->text);
    s.entities.Subtract(doc.vectors->entities);
  }
  // Postings stay: a story listed under a term it no longer holds is only
  // one more candidate to score. An empty story is closed; Candidates() and
  // Sweep() drop it as they meet it.
  if (s.members.empty()) {
    s = StoryState();
    s.alive = false;
    stamps_[story] = 0;
  }
}

void StoryIndex::Promote(std::uint32_t doc_no, const features::DocVectors& vectors) {
  std::uint32_t story = Root(doc_story_[doc_no]);
  // A copy became an original: the story's signals changed.
  Touch(story);
  if (Expired(stories_[story])) return;  // closed: nothing scores against it
  const std::size_t k = std::max(options_.query_terms, options_.index_terms);
  TopTerms(vectors.text, k, &top_text_);
  TopTerms(vectors.entities, k, &top_entities_);
  AddEvidence(story, vectors);
}

float StoryIndex::StorySimilarity(const StoryState& a, const StoryState& b) const {
  if (a.dated > 0 && b.dated > 0) {
    double gap = std::abs(a.MeanTime() - b.MeanTime()) / kSecondsPerDay;
    if (gap > options_.max_gap_days) return -1;
  }
  auto mean = [&](const Centroid& x, std::size_t nx, const Centroid& y, std::size_t ny) {
    return options_.average_linkage ? x.MeanDot(y, nx, ny) : x.Cos(y);
  };
  float sim = mean(a.text, a.originals, b.text, b.originals);
  if (!a.entities.empty() && !b.entities.empty()) {
    sim =
        options_.text_weight * sim +
        (1 - options_.text_weight) * mean(a.entities, a.with_entities, b.entities, b.with_entities);
  }
  return sim;
}

void StoryIndex::Merge(std::uint32_t into, std::uint32_t from) {
  StoryState& a = stories_[into];
  StoryState& b = stories_[from];
  a.text.Add(b.text);
  a.entities.Add(b.entities);
  a.members.insert(a.members.end(), b.members.begin(), b.members.end());
  a.originals += b.originals;
  a.dated += b.dated;
  a.time_sum += b.time_sum;
  a.with_entities += b.with_entities;
  std::sort(a.members.begin(), a.members.end());
  if (b.last) KeepLatest(&a.last, *b.last);
  for (std::uint64_t term : b.posted) {
    if (a.posted.insert(term).second) postings_[term].push_back(into);
  }
  b = StoryState();
  b.alive = false;
  parent_[from] = into;
  Touch(into);
  stamps_[from] = 0;
}

std::uint32_t StoryIndex::MergeIfConverged(std::uint32_t story, std::uint32_t other) {
  if (StorySimilarity(stories_[story], stories_[other]) < options_.merge_threshold) return story;
  bool keep = stories_[story].members.size() >= stories_[other].members.size();
  std::uint32_t into = keep ? story : other;
  Merge(into, keep ? other : story);
  return into;
}

void StoryIndex::Sweep() {
  adds_since_sweep_ = 0;
  std::erase_if(live_, [&](std::uint32_t story) {
    StoryState& s = stories_[story];
    if (!Expired(s)) return false;
    s.text = Centroid();
    s.entities = Centroid();
    s.posted = {};
    return true;
  });
}

void StoryIndex::Consolidate() {
  if (!options_.consolidate) return;
  constexpr std::size_t kTried = 8;  // most-overlapping stories scored per story
  for (std::size_t li = 0; li < live_.size(); ++li) {
    std::uint32_t story = live_[li];
    if (Expired(stories_[story])) continue;
    // Stories posted under this story's terms, by how many terms they share.
    absl::flat_hash_map<std::uint32_t, std::uint32_t> shared;
    for (std::uint64_t term : stories_[story].posted) {
      auto it = postings_.find(term);
      if (it == postings_.end()) continue;
      for (std::uint32_t other : it->second) {
        if (other != story && !Expired(stories_[other])) ++shared[other];
      }
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranked;
    ranked.reserve(shared.size());
    for (const auto& [other, n] : shared) ranked.emplace_back(n, other);
    std::size_t k = std::min(kTried, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(k), ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    for (std::size_t i = 0; i < k; ++i) {
      std::uint32_t other = ranked[i].second;
      if (!stories_[story].alive) break;
      if (!stories_[other].alive) continue;
      story = MergeIfConverged(story, other);
    }
  }
  std::erase_if(live_, [&](std::uint32_t s) { return !stories_[s].alive; });
}

std::uint32_t StoryIndex::Add(std::uint32_t doc_no, const ClusterDoc& doc) {
  if (++adds_since_sweep_ >= kSweepEvery) {
    Sweep();
    Consolidate();
  }
  // The article's heaviest terms, found once for both lookup and posting.
  const std::size_t k = std::max(options_.query_terms, options_.index_terms);
  TopTerms(doc.vectors->text, k, &top_text_);
  TopTerms(doc.vectors->entities, k, &top_entities_);
  if (doc_story_.size() <= doc_no) doc_story_.resize(doc_no + 1, 0);
  if (doc.time) KeepLatest(&watermark_, *doc.time);

  if (doc.duplicate_of && *doc.duplicate_of < doc_story_.size()) {
    std::uint32_t story = Root(doc_story_[*doc.duplicate_of]);
    Join(story, doc, doc_no);
    doc_story_[doc_no] = story;
    return story;
  }

  std::vector<std::pair<float, std::uint32_t>> scored;
  for (std::uint32_t story : Candidates(doc))
    scored.emplace_back(Score(doc, stories_[story]), story);
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  std::uint32_t story;
  if (!scored.empty() && scored.front().first >= options_.threshold) {
    story = scored.front().second;
    Join(story, doc, doc_no);
    // The article may bridge stories that now converge: merge those whose
    // story-to-story score reaches the merge threshold. With average linkage
    // this is the criterion agglomerative clustering would apply.
    for (std::size_t i = 1; i < scored.size(); ++i) {
      if (scored[i].first < options_.merge_floor * options_.threshold) break;
      std::uint32_t other = scored[i].second;
      if (!stories_[other].alive || Root(other) == Root(story)) continue;
      story = MergeIfConverged(story, other);
    }
  } else {
    story = static_cast<std::uint32_t>(stories_.size());
    stories_.emplace_back();
    parent_.push_back(story);
    stamps_.push_back(0);  // Join() stamps it
    live_.push_back(story);
    Join(story, doc, doc_no);
  }
  doc_story_[doc_no] = story;
  return story;
}

std::uint32_t StoryIndex::StoryOf(std::uint32_t doc_no) const { return Root(doc_story_[doc_no]); }

std::vector<std::vector<std::uint32_t>> StoryIndex::Stories() const {
  std::vector<std::vector<std::uint32_t>> out;
  for (std::uint32_t s = 0; s < stories_.size(); ++s) {
    if (stamps_[s] != 0) out.push_back(stories_[s].members);
  }
  return out;
}

std::unique_ptr<Clusterer> CreateClusterer(const ClusterOptions& options) {
  return std::make_unique<StoryIndex>(options);
}

}  // namespace storyline::cluster
