// Clusterer: the interface every story-clustering algorithm implements, and
// its factory. Articles arrive one at a time (online); a batch run is the same
// stream replayed, so one input always gives the same stories.
//
//   auto clusterer = CreateClusterer(ClusterOptions{});
//   std::uint32_t story = clusterer->Add(doc_no, doc);
//   ...
//   std::uint32_t final_story = clusterer->StoryOf(doc_no);   // after merges
//
// Thread-safety: not thread-safe; one writer.
#ifndef STORYLINE_CLUSTER_CLUSTERER_H_
#define STORYLINE_CLUSTER_CLUSTERER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "features/doc_vectors.h"
#include "storyline/article.h"

namespace storyline::cluster {

// What a clusterer sees of one article.
struct ClusterDoc {
  const features::DocVectors* vectors = nullptr;  // must outlive the Add() call
  std::optional<UnixSeconds> time;
  // Set when the article is a near-copy of an earlier one: it joins that
  // article's story without moving the story's centroid.
  std::optional<std::uint32_t> duplicate_of;
};

// One configuration for every data set. The scores are cosines of unit
// vectors, so they are comparable across corpora; see docs/DESIGN.md.
struct ClusterOptions {
  float text_weight = 0.8f;       // share of the text cosine in the match score
  float threshold = 0.22f;        // join the best story when its score reaches this
  float merge_threshold = 0.20f;  // merge two stories whose story-to-story score reaches this
  float merge_floor = 0.5f;       // stories the article scored below this * threshold are not tried
  // Time evidence, used when both sides are dated: a story stops taking
  // articles `max_gap_days` after its last one, and scores fade with the gap.
  double max_gap_days = 7.0;
  double fade_days = 3.0;
  bool average_linkage = true;   // mean cosine with members, not cosine with the centroid
  std::size_t candidates = 24;   // stories scored exactly per article
  std::size_t query_terms = 24;  // article terms used to find candidates
  std::size_t index_terms = 16;  // terms of each article posted for its story
  bool consolidate = true;       // merge converged live stories now and then
};

class Clusterer {
 public:
  virtual ~Clusterer() = default;

  // Adds article `doc_no` (numbers are dense, from 0, in arrival order) and
  // returns the story it joined.
  virtual std::uint32_t Add(std::uint32_t doc_no, const ClusterDoc& doc) = 0;

  // The story `doc_no` belongs to now, after any merges.
  virtual std::uint32_t StoryOf(std::uint32_t doc_no) const = 0;

  // Every live story's members, in arrival order; stories in creation order.
  virtual std::vector<std::vector<std::uint32_t>> Stories() const = 0;

  // A stamp per story number (every number StoryOf() has given, so story
  // numbers are below its size): 0 when the story is gone (merged into
  // another or emptied), else a number that moves whenever its members do
  // (an article joins or leaves, a story merges into it, a copy in it is
  // promoted). Live stories are exactly those with a stamp, in creation
  // order; a caller that keeps something derived from a story (its ranking
  // signals, its brief) works it out again only when the stamp moved.
  virtual const std::vector<std::uint64_t>& Stamps() const = 0;

  // Members of live story number `story`, in arrival order.
  // REQUIRES: Stamps()[story] != 0.
  virtual const std::vector<std::uint32_t>& Members(std::uint32_t story) const = 0;

  // Merges live stories that have converged (story-to-story score at or
  // above the merge threshold). The index does this by itself now and then;
  // call it before reading Stories() when a batch ends.
  virtual void Consolidate() = 0;

  // Takes article `doc_no` out of its story. `doc` must be what Add() was
  // given for it (the same vectors, time and duplicate_of). An original's
  // vectors are subtracted from the story's centroids; a story left without
  // members disappears from Stories(). A story does not split: articles that
  // joined because of the removed one stay. REQUIRES: doc_no was added and
  // not removed since.
  virtual void Remove(std::uint32_t doc_no, const ClusterDoc& doc) = 0;

  // Makes article `doc_no`, added as a copy, count as an original of its
  // story from now on (its vectors join the centroids): used when the
  // original it copied is removed. REQUIRES: doc_no was added as a copy.
  virtual void Promote(std::uint32_t doc_no, const features::DocVectors& vectors) = 0;
};

// The online centroid clusterer (cluster/story_index.h).
std::unique_ptr<Clusterer> CreateClusterer(const ClusterOptions& options);

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_CLUSTERER_H_
