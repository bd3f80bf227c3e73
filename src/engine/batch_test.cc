#include "engine/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace storyline {
namespace {

class CollectDiagnostics : public ingest::Diagnostics {
 public:
  void Report(std::string_view origin, const Status& why) override {
    messages.push_back(std::string(origin) + ": " + why.message());
  }
  std::vector<std::string> messages;
};

std::string WriteCorpus() {
  // One file per test and process: CTest runs tests in parallel.
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string path = ::testing::TempDir() + "/batch_corpus_" + std::to_string(getpid()) + "_" +
                     info->name() + ".jsonl";
  std::ofstream out(path);
  // Two events, interleaved and out of time order, plus an undated article.
  const char* quake =
      "A magnitude 6.1 earthquake struck near the coastal town of Valdora on Tuesday, "
      "damaging the harbour and the old cathedral, officials in Valdora said.";
  const char* budget =
      "The Kestria finance ministry presented its budget, raising the fuel tax and cutting "
      "the deficit target, finance minister Aino Rask told parliament.";
  for (int i = 0; i < 6; ++i) {
    bool q = i % 2 == 0;
    out << R"({"id": "a)" << i << R"(", "source": "Outlet )" << i << R"(", "text": ")"
        << (q ? quake : budget) << " Report " << i << R"(.", "published": "2026-03-0)" << (9 - i)
        << R"(T10:00:00Z"})"
        << "\n";
  }
  out << R"({"id": "undated", "text": ")" << quake << R"("})"
      << "\n";
  out << R"({"id": "empty-after-cleaning", "text": "Photo: Reuters"})"
      << "\n";
  return path;
}

std::vector<std::pair<std::string, std::string>> RunCorpus(const std::string& path, int threads,
                                                           CollectDiagnostics* diag) {
  auto engine = StoryEngine::Create({});
  EXPECT_TRUE(engine.ok());
  BatchOptions options;
  options.threads = threads;
  BatchResult result;
  EXPECT_TRUE(RunBatch({path}, engine->get(), options, diag, &result).ok());
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t n : result.added)
    out.emplace_back((*engine)->ArticleId(n), (*engine)->StoryOf(n));
  return out;
}

TEST(Batch, ResultDoesNotDependOnThreadCount) {
  std::string path = WriteCorpus();
  CollectDiagnostics d1, d2;
  auto one = RunCorpus(path, 1, &d1);
  auto two = RunCorpus(path, 2, &d2);
  ASSERT_EQ(one.size(), 7u);
  EXPECT_EQ(one, two);
}

TEST(Batch, KeepsInputOrderInAssignmentsAndGroupsEachEvent) {
  CollectDiagnostics diag;
  auto got = RunCorpus(WriteCorpus(), 1, &diag);
  ASSERT_EQ(got.size(), 7u);
  for (int i = 0; i < 6; ++i) EXPECT_EQ(got[i].first, "a" + std::to_string(i));
  EXPECT_EQ(got[6].first, "undated");
  EXPECT_EQ(got[0].second, got[2].second);
  EXPECT_EQ(got[2].second, got[4].second);
  EXPECT_EQ(got[1].second, got[3].second);
  EXPECT_NE(got[0].second, got[1].second);
  EXPECT_EQ(got[6].second, got[0].second);  // undated copy of the quake text joins the quake
}

TEST(Batch, ReportsArticleWithNothingLeftAfterCleaning) {
  CollectDiagnostics diag;
  RunCorpus(WriteCorpus(), 1, &diag);
  ASSERT_EQ(diag.messages.size(), 1u);
  EXPECT_NE(diag.messages[0].find(".jsonl:8"), std::string::npos) << diag.messages[0];
  EXPECT_NE(diag.messages[0].find("no article text"), std::string::npos) << diag.messages[0];
}

}  // namespace
}  // namespace storyline
