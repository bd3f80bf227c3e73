// StoryIndex: the online story clusterer. Each live story keeps centroids of
// its articles' text and entity vectors; an inverted index maps distinctive
// terms to the stories that posted them, so an arriving article is scored
// only against stories that share its heaviest terms, and stories that have
// gone quiet (in publication time) drop out of the index. Cost per article
// therefore depends on the live stories near it, not on all stories seen.
//
// Match score of article a and story s (cosines of unit vectors):
//   score = w * cos(a.text, s.text) + (1 - w) * cos(a.entities, s.entities)
// (text alone when either side has no entities), divided by
// 1 + max(0, gap_days - 1) / fade_days when both are dated, where gap_days is
// the distance to the story's mean publication time (not its last article, so
// a story cannot creep forward in time one article at a time). The article joins
// the best story scoring >= threshold, else starts a story. When the
// runner-up also qualifies and the two stories' centroids score >=
// merge_threshold, they merge (stories converge as their events do).
//
// Thread-safety: not thread-safe.
#ifndef STORYLINE_CLUSTER_STORY_INDEX_H_
#define STORYLINE_CLUSTER_STORY_INDEX_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "cluster/clusterer.h"

namespace storyline::cluster {

// A running sum of unit vectors; cosine against it needs its norm, kept
// incrementally.
class Centroid {
 public:
  void Add(const features::SparseVector& v);
  void Add(const Centroid& other);
  // Takes back a vector given to Add(v); weights that fall to (about) zero
  // are dropped, so a centroid of no vectors is empty again.
  void Subtract(const features::SparseVector& v);
  // Cosine of unit vector `v` with this centroid; 0 when either is empty.
  float Cos(const features::SparseVector& v) const;
  float Cos(const Centroid& other) const;
  // Dot product of unit vector `v` with this sum of `n` unit vectors, over n:
  // the mean cosine of `v` with the members (average linkage).
  float MeanCos(const features::SparseVector& v, std::size_t n) const;
  // Mean cosine between the n members of this and the m members of `other`.
  float MeanDot(const Centroid& other, std::size_t n, std::size_t m) const;
  bool empty() const { return weights_.empty(); }

 private:
  double Dot(const features::SparseVector& v) const;
  double Dot(const Centroid& other) const;

  absl::flat_hash_map<std::uint64_t, float> weights_;
  double squared_norm_ = 0;
};

class StoryIndex final : public Clusterer {
 public:
  explicit StoryIndex(const ClusterOptions& options) : options_(options) {}

  // Stories still open for articles (for tests and monitoring).
  std::size_t live_stories() const { return live_.size(); }

  std::uint32_t Add(std::uint32_t doc_no, const ClusterDoc& doc) override;
  std::uint32_t StoryOf(std::uint32_t doc_no) const override;
  std::vector<std::vector<std::uint32_t>> Stories() const override;
  const std::vector<std::uint64_t>& Stamps() const override { return stamps_; }
  const std::vector<std::uint32_t>& Members(std::uint32_t story) const override {
    return stories_[story].members;
  }
  void Consolidate() override;
  void Remove(std::uint32_t doc_no, const ClusterDoc& doc) override;
  void Promote(std::uint32_t doc_no, const features::DocVectors& vectors) override;

 private:
  struct StoryState {
    Centroid text;
    Centroid entities;
    std::optional<UnixSeconds> last;  // newest member's time, for expiry
    std::size_t dated = 0;            // members with a publication time
    double time_sum = 0;              // of those times, so the story's mean time is at hand
    double MeanTime() const { return time_sum / static_cast<double>(dated); }
    std::vector<std::uint32_t> members;
    std::size_t originals = 0;                  // members that moved the centroid (not copies)
    std::size_t with_entities = 0;              // of those, members with an entity vector
    absl::flat_hash_set<std::uint64_t> posted;  // terms this story is listed under
    bool alive = true;
  };

  std::uint32_t Root(std::uint32_t story) const;
  bool Expired(const StoryState& s) const;
  // Score of `doc` against story `s`, or a negative number when time rules it out.
  float Score(const ClusterDoc& doc, const StoryState& s) const;
  std::vector<std::uint32_t> Candidates(const ClusterDoc& doc);
  void Join(std::uint32_t story, const ClusterDoc& doc, std::uint32_t doc_no);
  // Adds an original's vectors to `story` (centroids, counts, postings).
  // REQUIRES: top_text_ and top_entities_ hold the vectors' top terms.
  void AddEvidence(std::uint32_t story, const features::DocVectors& v);
  // Lists `story` under the first `k` terms of `top` (indices into `v`).
  void Post(std::uint32_t story, const features::SparseVector& v,
            const std::vector<std::uint32_t>& top, std::size_t k);
  void Merge(std::uint32_t into, std::uint32_t from);
  // Gives `story` a new stamp: its members changed.
  void Touch(std::uint32_t story) { stamps_[story] = ++changes_; }
  // Merges `story` and `other` (the smaller into the larger) when their
  // story-to-story score reaches the merge threshold; returns the story
  // that now holds `story`'s articles.
  std::uint32_t MergeIfConverged(std::uint32_t story, std::uint32_t other);
  // Story-to-story score, on the same scale as Score(); negative when time rules it out.
  float StorySimilarity(const StoryState& a, const StoryState& b) const;

  static constexpr std::size_t kSweepEvery = 4096;

  ClusterOptions options_;
  std::vector<StoryState> stories_;
  std::vector<std::uint32_t> parent_;     // union-find over story numbers
  std::vector<std::uint64_t> stamps_;     // per story number, see Stamps()
  std::uint64_t changes_ = 0;             // the last stamp given
  std::vector<std::uint32_t> doc_story_;  // story each article joined (before merges)
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>> postings_;
  std::optional<UnixSeconds> watermark_;  // latest publication time seen
  // Stories that may still take articles; swept now and then so that expired
  // stories give back their centroids and postings (they keep their members).
  std::vector<std::uint32_t> live_;
  std::vector<std::uint32_t> top_text_, top_entities_;  // of the article being added
  std::size_t adds_since_sweep_ = 0;
  void Sweep();
};

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_STORY_INDEX_H_
