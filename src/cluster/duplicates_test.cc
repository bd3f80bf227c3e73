#include "cluster/duplicates.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace storyline::cluster {
namespace {

using features::ComputeMinHash;
using features::MinHash;

// A made-up text of `n` distinct words starting at `first`.
std::vector<std::uint64_t> Words(std::uint64_t first, std::size_t n) {
  std::vector<std::uint64_t> w;
  for (std::size_t i = 0; i < n; ++i) w.push_back((first + i) * 0x9e3779b97f4a7c15ULL);
  return w;
}

// `base` with the words in [from, from + count) replaced by new ones.
std::vector<std::uint64_t> Edited(std::vector<std::uint64_t> base, std::size_t from,
                                  std::size_t count) {
  for (std::size_t i = from; i < from + count; ++i) base[i] = 0xabcdef00 + i;
  return base;
}

TEST(DuplicateIndex, FirstArticleIsAnOriginal) {
  DuplicateIndex dups;
  EXPECT_EQ(dups.FindOrAdd(0, ComputeMinHash(Words(1, 300))), std::nullopt);
}

TEST(DuplicateIndex, ExactCopyPointsAtTheOriginal) {
  DuplicateIndex dups;
  MinHash sig = ComputeMinHash(Words(1, 300));
  ASSERT_EQ(dups.FindOrAdd(0, sig), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, sig), 0u);
}

TEST(DuplicateIndex, NearCopyPointsAtTheOriginal) {
  DuplicateIndex dups;
  std::vector<std::uint64_t> text = Words(1, 400);
  ASSERT_EQ(dups.FindOrAdd(0, ComputeMinHash(text)), std::nullopt);
  // One sentence (12 words) rewritten: about 4% of the shingles change.
  EXPECT_EQ(dups.FindOrAdd(1, ComputeMinHash(Edited(text, 200, 12))), 0u);
}

TEST(DuplicateIndex, UnrelatedArticleIsAnotherOriginal) {
  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, ComputeMinHash(Words(1, 300))), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, ComputeMinHash(Words(10000, 300))), std::nullopt);
  // ...and both are now originals that copies can point at.
  EXPECT_EQ(dups.FindOrAdd(2, ComputeMinHash(Words(10000, 300))), 1u);
  EXPECT_EQ(dups.FindOrAdd(3, ComputeMinHash(Words(1, 300))), 0u);
}

TEST(DuplicateIndex, HalfRewrittenArticleIsNotACopy) {
  DuplicateIndex dups;
  std::vector<std::uint64_t> text = Words(1, 300);
  ASSERT_EQ(dups.FindOrAdd(0, ComputeMinHash(text)), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, ComputeMinHash(Edited(text, 0, 150))), std::nullopt);
}

TEST(DuplicateIndex, CopiesOfACopyPointAtTheFirstOriginal) {
  DuplicateIndex dups;
  std::vector<std::uint64_t> text = Words(1, 400);
  MinHash sig = ComputeMinHash(text);
  ASSERT_EQ(dups.FindOrAdd(0, sig), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, sig), 0u);
  EXPECT_EQ(dups.FindOrAdd(2, sig), 0u);
  EXPECT_EQ(dups.FindOrAdd(3, ComputeMinHash(Edited(text, 100, 8))), 0u);
}

TEST(DuplicateIndex, PrefersTheEarliestOfSeveralOriginals) {
  // Two originals, each a light edit of one text at opposite ends, are too
  // far apart to be copies of each other; the full text copies both and is
  // attributed to the earlier one.
  std::vector<std::uint64_t> base = Words(1, 400);
  MinHash head_edited = ComputeMinHash(Edited(base, 0, 50));
  MinHash tail_edited = ComputeMinHash(Edited(base, 350, 50));
  MinHash full = ComputeMinHash(base);
  ASSERT_LT(features::EstimateJaccard(head_edited, tail_edited), 0.7);
  ASSERT_GE(features::EstimateJaccard(full, head_edited), 0.7);
  ASSERT_GE(features::EstimateJaccard(full, tail_edited), 0.7);

  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(5, head_edited), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(9, tail_edited), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(12, full), 5u);
}

TEST(DuplicateIndex, ThresholdIsConfigurable) {
  std::vector<std::uint64_t> text = Words(1, 300);
  std::vector<std::uint64_t> edited = Edited(text, 100, 20);  // roughly Jaccard 0.85
  DuplicateIndex strict(/*min_jaccard=*/0.95);
  ASSERT_EQ(strict.FindOrAdd(0, ComputeMinHash(text)), std::nullopt);
  EXPECT_EQ(strict.FindOrAdd(1, ComputeMinHash(edited)), std::nullopt);
  DuplicateIndex loose(/*min_jaccard=*/0.5);
  ASSERT_EQ(loose.FindOrAdd(0, ComputeMinHash(text)), std::nullopt);
  EXPECT_EQ(loose.FindOrAdd(1, ComputeMinHash(edited)), 0u);
}

TEST(DuplicateIndex, DatedCopyWithinTheGapPointsAtTheOriginal) {
  constexpr UnixSeconds kT0 = 1538524800, kDay = 86400;
  DuplicateIndex dups;
  MinHash sig = ComputeMinHash(Words(1, 300));
  ASSERT_EQ(dups.FindOrAdd(0, sig, kT0), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, sig, kT0 + 2 * kDay), 0u);
  EXPECT_EQ(dups.FindOrAdd(2, sig, kT0 - 2 * kDay), 0u);
  EXPECT_EQ(dups.FindOrAdd(3, sig), 0u);  // undated: time does not rule it out
}

TEST(DuplicateIndex, TextReusedLongAfterItsOriginalStartsAfresh) {
  constexpr UnixSeconds kT0 = 1538524800, kDay = 86400;
  DuplicateIndex dups;
  MinHash sig = ComputeMinHash(Words(1, 300));
  ASSERT_EQ(dups.FindOrAdd(0, sig, kT0), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(1, sig, kT0 + 30 * kDay), std::nullopt);
  // The reused text is now an original of its own time.
  EXPECT_EQ(dups.FindOrAdd(2, sig, kT0 + 31 * kDay), 1u);
}

TEST(DuplicateIndex, ClearForgetsOriginals) {
  DuplicateIndex dups;
  MinHash sig = ComputeMinHash(Words(1, 300));
  ASSERT_EQ(dups.FindOrAdd(0, sig), std::nullopt);
  dups.Clear();
  EXPECT_EQ(dups.FindOrAdd(1, sig), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(2, sig), 1u);
}

// A 400-word text edited at both ends in turn: each version keeps about 0.8
// of the shingles of the one before, the second edit about 0.64 of the first
// text's. "A republished B's edit of C."
struct EditChain {
  std::vector<std::uint64_t> first = Words(1, 400);
  std::vector<std::uint64_t> second = Edited(first, 0, 40);
  std::vector<std::uint64_t> third = Edited(second, 360, 40);
};

TEST(DuplicateIndex, AnEditOfACopyPointsAtTheFirstOriginal) {
  EditChain chain;
  MinHash a = ComputeMinHash(chain.first), b = ComputeMinHash(chain.second),
          c = ComputeMinHash(chain.third);
  ASSERT_GE(features::EstimateJaccard(a, b), 0.7);
  ASSERT_GE(features::EstimateJaccard(b, c), 0.7);
  ASSERT_LT(features::EstimateJaccard(a, c), 0.7);  // no copy of the first text by itself

  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, a), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(1, b), 0u);
  EXPECT_EQ(dups.FindOrAdd(2, c), 0u);
}

TEST(DuplicateIndex, AChainStopsWhereLessThanHalfOfTheOriginalIsLeft) {
  EditChain chain;
  std::vector<std::uint64_t> fourth = Edited(chain.third, 170, 64);
  MinHash a = ComputeMinHash(chain.first), c = ComputeMinHash(chain.third),
          d = ComputeMinHash(fourth);
  ASSERT_GE(features::EstimateJaccard(c, d), 0.7);
  ASSERT_LT(features::EstimateJaccard(a, d), 0.5);

  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, a), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(1, ComputeMinHash(chain.second)), 0u);
  ASSERT_EQ(dups.FindOrAdd(2, c), 0u);
  EXPECT_EQ(dups.FindOrAdd(3, d), std::nullopt);
}

TEST(DuplicateIndex, ACopyOfACopyFarFromTheOriginalStartsAfresh) {
  constexpr UnixSeconds kT0 = 1538524800, kDay = 86400;
  MinHash sig = ComputeMinHash(Words(1, 300));
  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, sig, kT0), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(1, sig, kT0 + 5 * kDay), 0u);
  // Near the copy in time, but 10 days from the original.
  EXPECT_EQ(dups.FindOrAdd(2, sig, kT0 + 10 * kDay), std::nullopt);
}

TEST(DuplicateIndex, ForgettingAnOriginalHandsItsCopiesToTheHeir) {
  EditChain chain;
  MinHash a = ComputeMinHash(chain.first), b = ComputeMinHash(chain.second);
  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, a), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(1, b), 0u);
  ASSERT_EQ(dups.FindOrAdd(2, b), 0u);
  dups.Forget(0, /*heir=*/1);
  EXPECT_EQ(dups.FindOrAdd(3, b), 1u);
  EXPECT_EQ(dups.FindOrAdd(4, ComputeMinHash(chain.third)), 1u);
}

TEST(DuplicateIndex, ForgettingAnOriginalWithoutHeirLeavesItsCopiesUnmatched) {
  MinHash sig = ComputeMinHash(Words(1, 300));
  DuplicateIndex dups;
  ASSERT_EQ(dups.FindOrAdd(0, sig), std::nullopt);
  ASSERT_EQ(dups.FindOrAdd(1, sig), 0u);
  dups.Forget(0);
  EXPECT_EQ(dups.FindOrAdd(2, sig), std::nullopt);
  EXPECT_EQ(dups.FindOrAdd(3, sig), 2u);
}

}  // namespace
}  // namespace storyline::cluster
