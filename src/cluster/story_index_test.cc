#include "cluster/story_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <vector>

namespace storyline::cluster {
namespace {

using features::DocVectors;
using features::SparseVector;

constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kT0 = 1538524800;  // 2018-10-03

// A unit text vector over `terms` (id, weight), ids ascending.
DocVectors Text(SparseVector terms) {
  DocVectors v;
  v.text = std::move(terms);
  features::Normalize(&v.text);
  return v;
}

ClusterDoc Doc(const DocVectors& v, std::optional<UnixSeconds> time = std::nullopt,
               std::optional<std::uint32_t> duplicate_of = std::nullopt) {
  ClusterDoc d;
  d.vectors = &v;
  d.time = time;
  d.duplicate_of = duplicate_of;
  return d;
}

// Three vectors for a merge: `a` and `b` overlap too little (cosine 0.1) to
// share a story, `c` lies between them.
struct MergeCase {
  DocVectors a = Text({{1, 0.1f}, {2, std::sqrt(0.99f)}});
  DocVectors b = Text({{1, 1.0f}});
  DocVectors c = Text({{1, 1.1f}, {2, std::sqrt(0.99f)}});
};

TEST(StoryIndex, ArticlesWithTheSameTermsJoinOneStory) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v));
  EXPECT_EQ(clusterer->Add(1, Doc(v)), s0);
  EXPECT_EQ(clusterer->StoryOf(0), clusterer->StoryOf(1));
}

TEST(StoryIndex, UnrelatedArticleStartsAnotherStory) {
  auto clusterer = CreateClusterer({});
  DocVectors quake = Text({{1, 1}, {2, 1}, {3, 1}});
  DocVectors summit = Text({{10, 1}, {11, 1}, {12, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(quake));
  std::uint32_t s1 = clusterer->Add(1, Doc(summit));
  EXPECT_NE(s0, s1);
  EXPECT_EQ(clusterer->Add(2, Doc(quake)), s0);
  EXPECT_EQ(clusterer->Add(3, Doc(summit)), s1);
  EXPECT_EQ(clusterer->Stories().size(), 2u);
}

TEST(StoryIndex, WeakOverlapBelowThresholdStartsAnotherStory) {
  auto clusterer = CreateClusterer({});
  MergeCase m;
  std::uint32_t s0 = clusterer->Add(0, Doc(m.a));
  EXPECT_NE(clusterer->Add(1, Doc(m.b)), s0);  // cosine 0.1 < threshold 0.2
}

TEST(StoryIndex, SameTermsDaysApartWithinMaxGapJoin) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  EXPECT_EQ(clusterer->Add(1, Doc(v, kT0 + 1 * kDay)), s0);
  EXPECT_EQ(clusterer->Add(2, Doc(v, kT0 + 5 * kDay)), s0);
}

TEST(StoryIndex, SameTermsThirtyDaysApartDoNotJoin) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  std::uint32_t s1 = clusterer->Add(1, Doc(v, kT0 + 30 * kDay));
  EXPECT_NE(s1, s0);
  // A later article on the same terms joins the recent story.
  EXPECT_EQ(clusterer->Add(2, Doc(v, kT0 + 31 * kDay)), s1);
}

TEST(StoryIndex, MaxGapDaysIsConfigurable) {
  ClusterOptions options;
  options.max_gap_days = 60;
  auto clusterer = CreateClusterer(options);
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  // 30 days inside a 60-day gap: the fade divides the score by 1 + 29/3, to
  // about 0.094, still below the threshold; with a slower fade it joins.
  EXPECT_NE(clusterer->Add(1, Doc(v, kT0 + 30 * kDay)), s0);
  options.fade_days = 30;
  auto slow = CreateClusterer(options);
  std::uint32_t t0 = slow->Add(0, Doc(v, kT0));
  EXPECT_EQ(slow->Add(1, Doc(v, kT0 + 30 * kDay)), t0);
}

TEST(StoryIndex, StoryCannotCreepForwardOneArticleAtATime) {
  // Each article is 3 days after the last, but the gap is measured to the
  // story's mean time: by day 12 that mean (day 4.5) is over 7 days away.
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  for (std::uint32_t d = 1; d <= 3; ++d) {
    ASSERT_EQ(clusterer->Add(d, Doc(v, kT0 + 3 * d * kDay)), s0) << "day " << 3 * d;
  }
  EXPECT_NE(clusterer->Add(4, Doc(v, kT0 + 12 * kDay)), s0);
}

TEST(StoryIndex, UndatedArticleIgnoresTimeEvidence) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  EXPECT_EQ(clusterer->Add(1, Doc(v)), s0);
}

TEST(StoryIndex, DuplicateJoinsItsOriginalsStory) {
  auto clusterer = CreateClusterer({});
  DocVectors quake = Text({{1, 1}, {2, 1}, {3, 1}});
  DocVectors summit = Text({{10, 1}, {11, 1}, {12, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(quake));
  std::uint32_t s1 = clusterer->Add(1, Doc(summit));
  // The copy's own vectors point elsewhere; duplicate_of decides.
  EXPECT_EQ(clusterer->Add(2, Doc(summit, std::nullopt, 0u)), s0);
  EXPECT_EQ(clusterer->StoryOf(2), s0);
  EXPECT_NE(clusterer->StoryOf(2), s1);
}

TEST(StoryIndex, DuplicateDoesNotMoveTheCentroid) {
  auto clusterer = CreateClusterer({});
  DocVectors quake = Text({{1, 1}, {2, 1}, {3, 1}});
  DocVectors other = Text({{20, 1}, {21, 1}, {22, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(quake));
  ASSERT_EQ(clusterer->Add(1, Doc(other, std::nullopt, 0u)), s0);
  // Had the copy's terms entered the story, this article would join it.
  EXPECT_NE(clusterer->Add(2, Doc(other)), s0);
}

TEST(StoryIndex, StoriesMergeWhenAnArticleBridgesThem) {
  ClusterOptions options;
  options.merge_threshold = 0.3f;
  auto clusterer = CreateClusterer(options);
  MergeCase m;
  std::uint32_t sa = clusterer->Add(0, Doc(m.a));
  std::uint32_t sb = clusterer->Add(1, Doc(m.b));
  ASSERT_NE(sa, sb);
  std::uint32_t sc = clusterer->Add(2, Doc(m.c));
  EXPECT_EQ(clusterer->StoryOf(0), sc);
  EXPECT_EQ(clusterer->StoryOf(1), sc);
  EXPECT_EQ(clusterer->StoryOf(2), sc);
  std::vector<std::vector<std::uint32_t>> stories = clusterer->Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0], (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(StoryIndex, StoryOfStaysConsistentAfterMerge) {
  ClusterOptions options;
  options.merge_threshold = 0.3f;
  auto clusterer = CreateClusterer(options);
  MergeCase m;
  clusterer->Add(0, Doc(m.a));
  clusterer->Add(1, Doc(m.b));
  std::uint32_t merged = clusterer->Add(2, Doc(m.c));
  // Later articles like either side land in the merged story, and so do
  // copies of articles that joined a story before the merge.
  EXPECT_EQ(clusterer->Add(3, Doc(m.b)), merged);
  EXPECT_EQ(clusterer->Add(4, Doc(m.a)), merged);
  EXPECT_EQ(clusterer->Add(5, Doc(m.b, std::nullopt, 1u)), merged);
  for (std::uint32_t d = 0; d < 6; ++d) EXPECT_EQ(clusterer->StoryOf(d), merged) << d;
  ASSERT_EQ(clusterer->Stories().size(), 1u);
}

TEST(StoryIndex, BridgeBelowMergeThresholdKeepsStoriesApart) {
  ClusterOptions options;
  options.merge_threshold = 0.5f;  // the stories' mean pairwise cosine is (0.1 + 0.74) / 2
  auto clusterer = CreateClusterer(options);
  MergeCase m;
  std::uint32_t sa = clusterer->Add(0, Doc(m.a));
  std::uint32_t sb = clusterer->Add(1, Doc(m.b));
  clusterer->Add(2, Doc(m.c));
  EXPECT_NE(clusterer->StoryOf(0), clusterer->StoryOf(1));
  EXPECT_EQ(clusterer->StoryOf(0), sa);
  EXPECT_EQ(clusterer->StoryOf(1), sb);
  EXPECT_EQ(clusterer->Stories().size(), 2u);
}

TEST(StoryIndex, StoriesListEachArticleOnceInArrivalOrder) {
  ClusterOptions options;
  options.merge_threshold = 0.3f;
  auto clusterer = CreateClusterer(options);
  MergeCase m;
  DocVectors quake = Text({{50, 1}, {51, 1}});
  DocVectors vote = Text({{60, 1}, {61, 2}});
  std::vector<ClusterDoc> docs = {Doc(quake),
                                  Doc(m.a),
                                  Doc(vote),
                                  Doc(m.b),
                                  Doc(quake, std::nullopt, 0u),
                                  Doc(m.c),
                                  Doc(vote),
                                  Doc(m.a, std::nullopt, 1u),
                                  Doc(quake)};
  for (std::uint32_t d = 0; d < docs.size(); ++d) clusterer->Add(d, docs[d]);

  std::vector<std::vector<std::uint32_t>> stories = clusterer->Stories();
  std::vector<std::uint32_t> all;
  for (const auto& members : stories) {
    EXPECT_FALSE(members.empty());
    EXPECT_TRUE(std::is_sorted(members.begin(), members.end()));
    for (std::uint32_t d : members) {
      all.push_back(d);
      // Stories() and StoryOf() agree.
      EXPECT_EQ(clusterer->StoryOf(d), clusterer->StoryOf(members.front())) << d;
    }
  }
  std::sort(all.begin(), all.end());
  std::vector<std::uint32_t> expected(docs.size());
  for (std::uint32_t d = 0; d < docs.size(); ++d) expected[d] = d;
  EXPECT_EQ(all, expected);
  EXPECT_EQ(stories.size(), 3u);  // quake, the merged a/b/c story, vote
}

TEST(Centroid, SubtractTakesBackAnAddedVector) {
  DocVectors a = Text({{1, 1}, {2, 1}});
  DocVectors b = Text({{2, 1}, {3, 1}});
  Centroid c;
  c.Add(a.text);
  c.Add(b.text);
  EXPECT_LT(c.Cos(a.text), 0.99f);
  c.Subtract(b.text);
  EXPECT_NEAR(c.Cos(a.text), 1.0f, 1e-5f);  // the norm is that of `a` alone again
  EXPECT_NEAR(c.Cos(b.text), 0.5f, 1e-5f);
  c.Subtract(a.text);
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(c.Cos(a.text), 0.0f);
}

TEST(StoryIndex, RemovingAMemberLeavesTheOthers) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  DocVectors summit = Text({{10, 1}, {11, 1}, {12, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  clusterer->Add(1, Doc(v, kT0 + kDay));
  clusterer->Add(2, Doc(v, kT0 + 2 * kDay));
  std::uint32_t s1 = clusterer->Add(3, Doc(summit, kT0));
  clusterer->Remove(1, Doc(v, kT0 + kDay));
  auto stories = clusterer->Stories();
  ASSERT_EQ(stories.size(), 2u);
  EXPECT_EQ(stories[0], (std::vector<std::uint32_t>{0, 2}));
  // The story still takes articles like its members.
  EXPECT_EQ(clusterer->Add(4, Doc(v, kT0 + kDay)), s0);
  // Removing a story's only article closes it; a like article starts another.
  clusterer->Remove(3, Doc(summit, kT0));
  stories = clusterer->Stories();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0], (std::vector<std::uint32_t>{0, 2, 4}));
  std::uint32_t s2 = clusterer->Add(5, Doc(summit, kT0));
  EXPECT_NE(s2, s1);
  EXPECT_NE(s2, s0);
  EXPECT_EQ(clusterer->Stories().size(), 2u);
}

TEST(StoryIndex, PromotedCopyKeepsTheStoryScoring) {
  auto clusterer = CreateClusterer({});
  DocVectors v = Text({{1, 1}, {2, 1}, {3, 1}});
  std::uint32_t s0 = clusterer->Add(0, Doc(v, kT0));
  clusterer->Add(1, Doc(v, kT0, 0));  // a copy of 0
  clusterer->Remove(0, Doc(v, kT0));
  clusterer->Promote(1, v);
  EXPECT_EQ(clusterer->Stories(), (std::vector<std::vector<std::uint32_t>>{{1}}));
  // The centroid is the copy's now: a like article still joins.
  EXPECT_EQ(clusterer->Add(2, Doc(v, kT0)), s0);
}

// A story's stamp moves whenever its members do, and only then; a story
// merged away or emptied has none.
TEST(StoryIndex, StampsMoveWithMembersAndGoWithTheStory) {
  ClusterOptions options;
  options.merge_threshold = 0.3f;
  auto clusterer = CreateClusterer(options);
  MergeCase m;
  DocVectors summit = Text({{10, 1}, {11, 1}, {12, 1}});
  std::uint32_t sa = clusterer->Add(0, Doc(m.a));
  std::uint32_t sb = clusterer->Add(1, Doc(m.b));
  std::uint32_t ss = clusterer->Add(2, Doc(summit));
  auto stamps = clusterer->Stamps();
  ASSERT_EQ(stamps.size(), 3u);
  EXPECT_NE(stamps[sa], 0u);
  EXPECT_NE(stamps[sa], stamps[sb]);
  const std::uint64_t summit_stamp = stamps[ss];

  std::uint32_t merged = clusterer->Add(3, Doc(m.c));  // bridges a and b
  std::uint32_t gone = merged == sa ? sb : sa;
  stamps = clusterer->Stamps();
  EXPECT_EQ(stamps[gone], 0u);
  EXPECT_GT(stamps[merged], summit_stamp);
  EXPECT_EQ(stamps[ss], summit_stamp);  // untouched
  EXPECT_EQ(clusterer->Members(merged), (std::vector<std::uint32_t>{0, 1, 3}));

  const std::uint64_t before = stamps[ss];
  clusterer->Add(4, Doc(summit, std::nullopt, 2u));  // a copy joins
  EXPECT_GT(clusterer->Stamps()[ss], before);
  clusterer->Remove(2, Doc(summit));
  const std::uint64_t after_remove = clusterer->Stamps()[ss];
  clusterer->Promote(4, summit);
  EXPECT_GT(clusterer->Stamps()[ss], after_remove);
  clusterer->Remove(4, Doc(summit));  // the last member: the story is gone
  EXPECT_EQ(clusterer->Stamps()[ss], 0u);
  // Live stories are exactly those with a stamp.
  std::size_t live = static_cast<std::size_t>(std::count_if(
      clusterer->Stamps().begin(), clusterer->Stamps().end(), [](auto t) { return t != 0; }));
  EXPECT_EQ(live, clusterer->Stories().size());
}

}  // namespace
}  // namespace storyline::cluster
