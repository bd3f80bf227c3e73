#include "eval/metrics.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_dir.h"

namespace storyline::eval {
namespace {

namespace fs = std::filesystem;

const std::string kSource = STORYLINE_SOURCE_DIR;

// Gold: two stories of two articles and one of one.
Labels Gold() {
  return {{"a", "quake"}, {"b", "quake"}, {"c", "summit"}, {"d", "summit"}, {"e", "vote"}};
}

TEST(Metrics, PerfectClusteringScoresOneEverywhere) {
  // Same grouping under other names.
  Labels pred = {{"a", "s7"}, {"b", "s7"}, {"c", "s1"}, {"d", "s1"}, {"e", "s2"}};
  Result<Scores> s = Score(Gold(), pred);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_DOUBLE_EQ(s->bcubed_p, 1.0);
  EXPECT_DOUBLE_EQ(s->bcubed_r, 1.0);
  EXPECT_DOUBLE_EQ(s->bcubed_f1, 1.0);
  EXPECT_DOUBLE_EQ(s->pair_p, 1.0);
  EXPECT_DOUBLE_EQ(s->pair_r, 1.0);
  EXPECT_DOUBLE_EQ(s->pair_f1, 1.0);
  EXPECT_NEAR(s->ari, 1.0, 1e-12);
  EXPECT_NEAR(s->nmi, 1.0, 1e-12);
  EXPECT_EQ(s->n, 5u);
  EXPECT_EQ(s->gold_k, 3u);
  EXPECT_EQ(s->pred_k, 3u);
}

TEST(Metrics, AllInOneClusterHasFullRecallAndKnownPrecision) {
  Labels pred = {{"a", "x"}, {"b", "x"}, {"c", "x"}, {"d", "x"}, {"e", "x"}};
  Result<Scores> s = Score(Gold(), pred);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->bcubed_r, 1.0);
  // Per article |G ∩ C| / |C|: 2/5 for a-d, 1/5 for e.
  EXPECT_NEAR(s->bcubed_p, (4 * 0.4 + 0.2) / 5, 1e-12);
  EXPECT_NEAR(s->bcubed_f1, 2 * 0.36 / 1.36, 1e-12);
  // 2 true pairs out of 10 predicted.
  EXPECT_NEAR(s->pair_p, 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(s->pair_r, 1.0);
  EXPECT_NEAR(s->ari, 0.0, 1e-12);
  EXPECT_NEAR(s->nmi, 0.0, 1e-12);
  EXPECT_EQ(s->pred_k, 1u);
}

TEST(Metrics, AllSingletonsHaveFullPrecisionAndKnownRecall) {
  Labels pred = {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}};
  Result<Scores> s = Score(Gold(), pred);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->bcubed_p, 1.0);
  EXPECT_NEAR(s->bcubed_r, (4 * 0.5 + 1) / 5, 1e-12);
  EXPECT_DOUBLE_EQ(s->pair_p, 1.0);  // no predicted pairs: precision 1 by convention
  EXPECT_DOUBLE_EQ(s->pair_r, 0.0);
  EXPECT_DOUBLE_EQ(s->pair_f1, 0.0);
}

TEST(Metrics, ExtraPredictedIdsAreIgnored) {
  Labels pred = {{"a", "s7"}, {"b", "s7"}, {"c", "s1"}, {"d", "s1"}, {"e", "s2"}, {"zz", "s7"}};
  Result<Scores> s = Score(Gold(), pred);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(s->bcubed_p, 1.0);
  EXPECT_EQ(s->n, 5u);
}

TEST(Metrics, MissingPredictionIsAnErrorNamingTheId) {
  Labels pred = {{"a", "s7"}, {"b", "s7"}, {"c", "s1"}, {"d", "s1"}};
  Result<Scores> s = Score(Gold(), pred);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.status().message().find("\"e\""), std::string::npos) << s.status().message();
}

TEST(Metrics, EmptyGoldIsAnError) { EXPECT_FALSE(Score({}, {{"a", "x"}}).ok()); }

class LabelsFileTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_metrics"); }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& contents) {
    std::string path = (dir_ / name).string();
    std::ofstream(path) << contents;
    return path;
  }
  fs::path dir_;
};

TEST_F(LabelsFileTest, TakesLabelFromFirstKnownKeyAndNumbersAsText) {
  std::string path = Write("l.jsonl",
                           "{\"id\": \"a\", \"label\": \"L\", \"topic\": \"T\"}\n"
                           "\n"
                           "{\"id\": 7, \"event_idx\": 3}\n"
                           "{\"id\": \"b\", \"topic\": \"T\", \"story\": \"S\"}\n");
  Result<Labels> labels = LoadLabels(path);
  ASSERT_TRUE(labels.ok()) << labels.status().ToString();
  EXPECT_EQ(labels->size(), 3u);
  EXPECT_EQ(labels->at("a"), "L");
  EXPECT_EQ(labels->at("7"), "3");
  EXPECT_EQ(labels->at("b"), "S");  // "story" wins over "topic"
}

TEST_F(LabelsFileTest, BadLineIsAnErrorNamingFileAndLine) {
  std::string path = Write("bad.jsonl", "{\"id\": \"a\", \"label\": \"L\"}\n{\"id\": \"b\",\n");
  Result<Labels> labels = LoadLabels(path);
  ASSERT_FALSE(labels.ok());
  EXPECT_NE(labels.status().message().find(path + ":2"), std::string::npos);
}

TEST_F(LabelsFileTest, LineWithoutLabelIsAnError) {
  std::string path = Write("nolabel.jsonl", "{\"id\": \"a\", \"label\": \"L\"}\n{\"id\": \"b\"}\n");
  Result<Labels> labels = LoadLabels(path);
  ASSERT_FALSE(labels.ok());
  EXPECT_NE(labels.status().message().find(path + ":2"), std::string::npos);
}

TEST_F(LabelsFileTest, MissingFileIsIoError) {
  EXPECT_EQ(LoadLabels((dir_ / "none.jsonl").string()).status().code(), StatusCode::kIoError);
}

// Runs `command` and returns its standard output.
std::string Capture(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

TEST(Metrics, AgreesWithReferenceScriptOnFixture) {
  fs::path script = fs::path(kSource) / ".." / "shared" / "eval" / "metrics.py";
  if (!fs::exists(script)) GTEST_SKIP() << "reference script not found: " << script;
  if (std::system("python3 -c pass >/dev/null 2>&1") != 0) GTEST_SKIP() << "python3 not available";
  std::string gold_path = kSource + "/tests/data/eval/gold.jsonl";
  std::string pred_path = kSource + "/tests/data/eval/pred.jsonl";

  std::string out =
      Capture("python3 '" + script.string() + "' '" + gold_path + "' '" + pred_path + "'");
  nlohmann::json ref = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(ref.is_object()) << "script output: " << out;

  Result<Labels> gold = LoadLabels(gold_path);
  Result<Labels> pred = LoadLabels(pred_path);
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_TRUE(pred.ok()) << pred.status().ToString();
  Result<Scores> s = Score(*gold, *pred);
  ASSERT_TRUE(s.ok()) << s.status().ToString();

  // The fixture mixes stories, so no metric is trivially 0 or 1.
  EXPECT_LT(s->bcubed_f1, 0.9);
  EXPECT_GT(s->bcubed_f1, 0.3);

  const std::pair<const char*, double> metrics[] = {{"bcubed_p", s->bcubed_p},
                                                    {"bcubed_r", s->bcubed_r},
                                                    {"bcubed_f1", s->bcubed_f1},
                                                    {"pair_p", s->pair_p},
                                                    {"pair_r", s->pair_r},
                                                    {"pair_f1", s->pair_f1},
                                                    {"ari", s->ari},
                                                    {"nmi", s->nmi}};
  for (const auto& [name, value] : metrics) {
    ASSERT_TRUE(ref.contains(name)) << name;
    EXPECT_NEAR(value, ref[name].get<double>(), 1e-4) << name;
  }
  EXPECT_EQ(s->n, ref["n"].get<std::size_t>());
  EXPECT_EQ(s->gold_k, ref["gold_k"].get<std::size_t>());
  EXPECT_EQ(s->pred_k, ref["pred_k"].get<std::size_t>());
}

}  // namespace
}  // namespace storyline::eval
