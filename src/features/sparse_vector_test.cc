#include "features/sparse_vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace storyline::features {
namespace {

std::vector<std::uint64_t> Ids(const SparseVector& v) {
  std::vector<std::uint64_t> ids;
  for (const auto& t : v) ids.push_back(t.id);
  return ids;
}

double Norm(const SparseVector& v) {
  double sq = 0;
  for (const auto& t : v) sq += static_cast<double>(t.weight) * t.weight;
  return std::sqrt(sq);
}

TEST(SparseVector, DotSumsProductsOfSharedIds) {
  SparseVector a = {{1, 1.0f}, {3, 2.0f}, {7, 0.5f}};
  SparseVector b = {{2, 5.0f}, {3, 4.0f}, {7, 2.0f}, {9, 1.0f}};
  EXPECT_FLOAT_EQ(Dot(a, b), 2.0f * 4.0f + 0.5f * 2.0f);
  EXPECT_FLOAT_EQ(Dot(b, a), Dot(a, b));
}

TEST(SparseVector, DotOfDisjointOrEmptyVectorsIsZero) {
  SparseVector a = {{1, 1.0f}, {3, 2.0f}};
  SparseVector b = {{2, 1.0f}, {4, 2.0f}};
  EXPECT_FLOAT_EQ(Dot(a, b), 0.0f);
  EXPECT_FLOAT_EQ(Dot(a, {}), 0.0f);
  EXPECT_FLOAT_EQ(Dot({}, {}), 0.0f);
}

TEST(SparseVector, DotHandlesLargeIds) {
  SparseVector a = {{1, 1.0f}, {0xfffffffffffffff0ULL, 3.0f}};
  SparseVector b = {{0xfffffffffffffff0ULL, 2.0f}};
  EXPECT_FLOAT_EQ(Dot(a, b), 6.0f);
}

TEST(SparseVector, NormalizeScalesToUnitLength) {
  SparseVector v = {{1, 3.0f}, {2, 4.0f}};
  Normalize(&v);
  EXPECT_FLOAT_EQ(v[0].weight, 0.6f);
  EXPECT_FLOAT_EQ(v[1].weight, 0.8f);
  EXPECT_EQ(Ids(v), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_NEAR(Norm(v), 1.0, 1e-6);
  EXPECT_NEAR(Dot(v, v), 1.0f, 1e-6);
}

TEST(SparseVector, NormalizeLeavesZeroAndEmptyVectorsAlone) {
  SparseVector zero = {{1, 0.0f}, {2, 0.0f}};
  Normalize(&zero);
  EXPECT_FLOAT_EQ(zero[0].weight, 0.0f);
  EXPECT_FLOAT_EQ(zero[1].weight, 0.0f);
  EXPECT_FALSE(std::isnan(zero[0].weight));
  SparseVector empty;
  Normalize(&empty);
  EXPECT_TRUE(empty.empty());
}

TEST(SparseVector, NormalizeOfTinyWeightsStaysFinite) {
  SparseVector v = {{1, 1e-20f}, {2, 1e-20f}};
  Normalize(&v);
  EXPECT_NEAR(Norm(v), 1.0, 1e-5);
}

TEST(SparseVector, KeepTopKeepsHeaviestSortedById) {
  SparseVector v = {{1, 0.5f}, {2, 0.9f}, {3, 0.1f}, {4, 0.7f}, {5, 0.2f}};
  KeepTop(&v, 2);
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(Ids(v), (std::vector<std::uint64_t>{2, 4}));
  EXPECT_FLOAT_EQ(v[0].weight, 0.9f);
  EXPECT_FLOAT_EQ(v[1].weight, 0.7f);
}

TEST(SparseVector, KeepTopBreaksTiesByLowerId) {
  SparseVector v = {{10, 0.5f}, {20, 0.5f}, {30, 0.5f}, {40, 0.5f}};
  KeepTop(&v, 2);
  EXPECT_EQ(Ids(v), (std::vector<std::uint64_t>{10, 20}));
}

TEST(SparseVector, KeepTopIsNoOpWhenVectorIsSmall) {
  SparseVector v = {{1, 0.1f}, {2, 0.9f}};
  KeepTop(&v, 2);
  EXPECT_EQ(Ids(v), (std::vector<std::uint64_t>{1, 2}));
  KeepTop(&v, 10);
  EXPECT_EQ(Ids(v), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_FLOAT_EQ(v[0].weight, 0.1f);
}

TEST(SparseVector, KeepTopZeroEmptiesTheVector) {
  SparseVector v = {{1, 0.1f}, {2, 0.9f}};
  KeepTop(&v, 0);
  EXPECT_TRUE(v.empty());
}

TEST(SparseVector, KeepTopThenNormalizeGivesUnitVector) {
  SparseVector v;
  for (std::uint64_t i = 1; i <= 200; ++i) v.push_back({i * 3, static_cast<float>(i % 17) + 1});
  KeepTop(&v, 128);
  Normalize(&v);
  EXPECT_EQ(v.size(), 128u);
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end(), [](const WeightedTerm& a, const WeightedTerm& b) {
    return a.id < b.id;
  }));
  EXPECT_NEAR(Norm(v), 1.0, 1e-5);
}

}  // namespace
}  // namespace storyline::features
