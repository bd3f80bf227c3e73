#include "features/term_stats.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "features/doc_vectors.h"
#include "tests/test_dir.h"

namespace storyline::features {
namespace {

namespace fs = std::filesystem;

class TermStatsTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_term_stats"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << contents;
    return path;
  }

  fs::path dir_;
};

text::Analysis WithTerms(std::vector<std::uint64_t> body, std::vector<std::uint64_t> title,
                         std::vector<std::uint64_t> entities = {}) {
  text::Analysis a;
  for (auto id : body) a.body_terms.push_back({id, 1});
  for (auto id : title) a.title_terms.push_back({id, 1});
  for (auto id : entities) a.entity_terms.push_back({id, 1});
  return a;
}

TEST_F(TermStatsTest, LoadsPriorAndCountsDocumentsAndTerms) {
  std::string path = Write("df.tsv", "#storyline-df\t1\t1000\nsummit\t10\nE:kim\t5\n#6.8\t2\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents(), 1000u);
  EXPECT_EQ(stats->prior_terms(), 3u);
  // ln((N + 1) / (df + 1)) + 1
  EXPECT_NEAR(stats->Idf(text::TermId("summit")), std::log(1001.0 / 11.0) + 1, 1e-4);
  EXPECT_NEAR(stats->Idf(text::EntityId("kim")), std::log(1001.0 / 6.0) + 1, 1e-4);
  EXPECT_NEAR(stats->Idf(text::TermId("#6.8")), std::log(1001.0 / 3.0) + 1, 1e-4);
}

TEST_F(TermStatsTest, TermInPriorHasLowerIdfThanUnseenTerm) {
  std::string path = Write("df.tsv", "#storyline-df\t1\t1000\nsummit\t10\nE:kim\t5\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_LT(stats->Idf(text::TermId("summit")), stats->Idf(text::TermId("valdora")));
  EXPECT_LT(stats->Idf(text::EntityId("kim")), stats->Idf(text::EntityId("pompeo")));
  // "E:kim" is an entity token, not the term "kim".
  EXPECT_GT(stats->Idf(text::TermId("kim")), stats->Idf(text::EntityId("kim")));
}

// "L:" lines say how often a word is written in lower case; with the "E:"
// lines they tell a common word from a name. They are no terms: no IDF, no
// count among the prior's terms.
TEST_F(TermStatsTest, PriorWordCaseReadsNameTokensAndLowerCaseWords) {
  std::string path = Write("df.tsv",
                           "#storyline-df\t1\t1000\nE:home\t10\nE:kim\t5\nL:home\t90\n"
                           "L:suspected\t12\nhome\t95\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->prior_terms(), 3u);  // E:home, E:kim, home
  EXPECT_EQ(stats->PriorWordCase("home").in_names, 10u);
  EXPECT_EQ(stats->PriorWordCase("home").in_lower_case, 90u);
  EXPECT_EQ(stats->PriorWordCase("kim").in_names, 5u);
  EXPECT_EQ(stats->PriorWordCase("kim").in_lower_case, 0u);
  EXPECT_EQ(stats->PriorWordCase("suspected").in_names, 0u);
  EXPECT_EQ(stats->PriorWordCase("suspected").in_lower_case, 12u);
  EXPECT_EQ(
      stats->PriorWordCase("valdora").in_names + stats->PriorWordCase("valdora").in_lower_case, 0u);
  // The term "home" keeps its own count, and "suspected" is no term.
  EXPECT_NEAR(stats->Idf(text::TermId("home")), std::log(1001.0 / 96.0) + 1, 1e-4);
  EXPECT_GT(stats->Idf(text::TermId("suspected")), stats->Idf(text::TermId("home")));
  EXPECT_EQ(TermStats().PriorWordCase("home").in_lower_case, 0u);
}

TEST_F(TermStatsTest, PriorConceptIdfReadsBodyTermsOfThePriorOnly) {
  std::string path = Write("df.tsv", "#storyline-df\t1\t1000\nsummit\t10\nE:kim\t5\n#6.8\t2\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  auto concept_of = [](std::uint64_t id, std::uint32_t flag) {
    return (static_cast<std::uint32_t>(id) & text::kConceptHashMask) | flag;
  };
  // A name or content word concept is known by its term id's low bits, flags ignored.
  EXPECT_NEAR(stats->PriorConceptIdf(concept_of(text::TermId("summit"), text::kKeyConcept)),
              std::log(1001.0 / 11.0) + 1, 1e-4);
  EXPECT_NEAR(stats->PriorConceptIdf(concept_of(text::TermId("summit"), text::kWordConcept)),
              std::log(1001.0 / 11.0) + 1, 1e-4);
  EXPECT_NEAR(stats->PriorConceptIdf(concept_of(text::TermId("#6.8"), text::kKeyConcept)),
              std::log(1001.0 / 3.0) + 1, 1e-4);
  // Entity tokens are not concepts; an unknown concept gets the highest IDF.
  EXPECT_FLOAT_EQ(stats->PriorConceptIdf(concept_of(text::TermId("kim"), text::kKeyConcept)),
                  stats->MaxPriorConceptIdf());
  EXPECT_NEAR(stats->MaxPriorConceptIdf(), std::log(1001.0) + 1, 1e-4);
  // The stream does not move it: a brief depends on its story alone.
  stats->AddDocument(WithTerms({text::TermId("summit")}, {}));
  EXPECT_NEAR(stats->PriorConceptIdf(concept_of(text::TermId("summit"), text::kKeyConcept)),
              std::log(1001.0 / 11.0) + 1, 1e-4);
  // Without a prior every concept weighs 1.
  EXPECT_FLOAT_EQ(TermStats().PriorConceptIdf(concept_of(text::TermId("summit"), 0)), 1.0f);
  EXPECT_FLOAT_EQ(TermStats().MaxPriorConceptIdf(), 1.0f);
}

TEST_F(TermStatsTest, MissingFileIsIoError) {
  Result<TermStats> stats = TermStats::LoadPrior((dir_ / "no-such.tsv").string());
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kIoError);
  EXPECT_NE(stats.status().message().find("no-such.tsv"), std::string::npos);
}

TEST_F(TermStatsTest, BadHeaderIsInvalidInputNamingLineOne) {
  std::string path = Write("bad_header.tsv", "term\tdf\nsummit\t10\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(stats.status().message().find(path + ":1"), std::string::npos)
      << stats.status().message();
}

TEST_F(TermStatsTest, WrongVersionOrDocumentCountIsInvalidInput) {
  Result<TermStats> v2 = TermStats::LoadPrior(Write("v2.tsv", "#storyline-df\t2\t1000\n"));
  ASSERT_FALSE(v2.ok());
  EXPECT_EQ(v2.status().code(), StatusCode::kInvalidInput);
  Result<TermStats> count = TermStats::LoadPrior(Write("count.tsv", "#storyline-df\t1\tmany\n"));
  ASSERT_FALSE(count.ok());
  EXPECT_EQ(count.status().code(), StatusCode::kInvalidInput);
}

TEST_F(TermStatsTest, LineWithoutTabIsInvalidInputNamingFileAndLine) {
  std::string path = Write("no_tab.tsv", "#storyline-df\t1\t10\nsummit\t3\nelect 4\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(stats.status().message().find(path + ":3"), std::string::npos)
      << stats.status().message();
}

TEST_F(TermStatsTest, NonNumericDocumentFrequencyIsInvalidInputNamingFileAndLine) {
  std::string path = Write("bad_df.tsv", "#storyline-df\t1\t10\nsummit\tthree\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(stats.status().message().find(path + ":2"), std::string::npos)
      << stats.status().message();
}

TEST_F(TermStatsTest, EmptyTermIsInvalidInput) {
  std::string path = Write("empty_term.tsv", "#storyline-df\t1\t10\n\t3\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find(path + ":2"), std::string::npos);
}

// BUG: an empty file has no "#storyline-df" header, yet LoadPrior accepts it
// as a prior of 0 documents (the header check only runs when line 1 exists),
// so a truncated prior silently turns IDF weighting off.
TEST_F(TermStatsTest, EmptyFileIsInvalidInput) {
  Result<TermStats> stats = TermStats::LoadPrior(Write("empty.tsv", ""));
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), StatusCode::kInvalidInput);
}

TEST(TermStats, ShippedPriorLoads) {
  Result<TermStats> stats =
      TermStats::LoadPrior(std::string(STORYLINE_SOURCE_DIR) + "/data/prior/df_en.tsv");
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_GT(stats->documents(), 100u);
  EXPECT_GT(stats->prior_terms(), 1000u);
}

TEST(TermStats, AddDocumentWritesTheIdfsOfWhatItCounted) {
  TermStats stats;
  stats.AddDocument(WithTerms({5, 9}, {}));
  text::Analysis a;
  a.body_terms = {{3, 1}, {5, 2}, {9, 1}};
  a.title_terms = {{5, 1}, {8, 1}};
  a.entity_terms = {{9, 1}, {42, 3}};  // 9 is also a text term: counted twice
  std::vector<float> idfs;
  stats.AddDocument(a, &idfs);
  const std::vector<std::uint64_t> order = {3, 5, 8, 9, 9, 42};  // text merged, then entities
  ASSERT_EQ(idfs.size(), order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    EXPECT_EQ(idfs[k], stats.Idf(order[k])) << k;  // bit for bit
  }
  EXPECT_LT(stats.Idf(9), stats.Idf(5));
  // BuildDocVectors reads them in that order: the same vectors as looking up.
  const DocVectors given = BuildDocVectors(a, stats, {}, idfs);
  const DocVectors looked_up = BuildDocVectors(a, stats);
  auto same = [](const SparseVector& x, const SparseVector& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(),
                      [](const WeightedTerm& p, const WeightedTerm& q) {
                        return p.id == q.id && p.weight == q.weight;
                      });
  };
  EXPECT_TRUE(same(given.text, looked_up.text));
  EXPECT_TRUE(same(given.entities, looked_up.entities));
  EXPECT_EQ(given.text.size(), 4u);
}

TEST(TermStats, EmptyStatsGiveIdfOne) {
  TermStats stats;
  EXPECT_EQ(stats.documents(), 0u);
  EXPECT_FLOAT_EQ(stats.Idf(text::TermId("anything")), 1.0f);
}

TEST(TermStats, StreamDocumentsLowerIdf) {
  TermStats stats;
  for (int i = 0; i < 9; ++i)
    stats.AddDocument(WithTerms({100 + static_cast<std::uint64_t>(i)}, {}));
  float before = stats.Idf(7);
  stats.AddDocument(WithTerms({7}, {}));
  float after_one = stats.Idf(7);
  stats.AddDocument(WithTerms({7}, {}));
  float after_two = stats.Idf(7);
  EXPECT_LT(after_one, before);
  EXPECT_LT(after_two, after_one);
  EXPECT_EQ(stats.documents(), 11u);
  EXPECT_NEAR(after_two, std::log(12.0 / 3.0) + 1, 1e-5);
}

TEST(TermStats, TermInBodyAndTitleCountsOncePerDocument) {
  TermStats stats;
  stats.AddDocument(WithTerms({3, 5, 9}, {1, 5, 11}));
  // N = 1, df = 1 for every term: ln(2 / 2) + 1 = 1.
  for (std::uint64_t id : {1, 3, 5, 9, 11}) EXPECT_FLOAT_EQ(stats.Idf(id), 1.0f) << id;
  EXPECT_GT(stats.Idf(4), 1.0f);
}

TEST(TermStats, EntityTokensCountAsDocumentFrequency) {
  TermStats stats;
  stats.AddDocument(WithTerms({1}, {}, {text::EntityId("kim")}));
  stats.AddDocument(WithTerms({2}, {}));
  EXPECT_LT(stats.Idf(text::EntityId("kim")), stats.Idf(text::EntityId("moon")));
}

TEST_F(TermStatsTest, StreamAddsToPrior) {
  std::string path = Write("df.tsv", "#storyline-df\t1\t10\nsummit\t4\n");
  Result<TermStats> stats = TermStats::LoadPrior(path);
  ASSERT_TRUE(stats.ok());
  std::uint64_t summit = text::TermId("summit");
  stats->AddDocument(WithTerms({summit}, {}));
  EXPECT_EQ(stats->documents(), 11u);
  EXPECT_NEAR(stats->Idf(summit), std::log(12.0 / 6.0) + 1, 1e-5);
}

}  // namespace
}  // namespace storyline::features
