#include "engine/batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "tests/test_dir.h"

namespace storyline {
namespace {

class CollectDiagnostics : public ingest::Diagnostics {
 public:
  void Report(std::string_view origin, const Status& why) override {
    messages.push_back(std::string(origin) + ": " + why.message());
  }
  std::vector<std::string> messages;
};

// Each test writes its inputs in a folder of its own, removed when it ends
// (CTest runs tests in parallel).
class Batch : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_batch"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteCorpus();
  // Writes JSONL articles: (id, day of March 2026 or 0 for undated, usable).
  std::string WriteArticles(const std::string& name,
                            const std::vector<std::tuple<std::string, int, bool>>& articles);

  std::filesystem::path dir_;
};

std::string Batch::WriteCorpus() {
  std::string path = (dir_ / "corpus.jsonl").string();
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

TEST_F(Batch, ResultDoesNotDependOnThreadCount) {
  std::string path = WriteCorpus();
  CollectDiagnostics d1, d2;
  auto one = RunCorpus(path, 1, &d1);
  auto two = RunCorpus(path, 2, &d2);
  ASSERT_EQ(one.size(), 7u);
  EXPECT_EQ(one, two);
}

TEST_F(Batch, KeepsInputOrderInAssignmentsAndGroupsEachEvent) {
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

TEST_F(Batch, ReportsArticleWithNothingLeftAfterCleaning) {
  CollectDiagnostics diag;
  RunCorpus(WriteCorpus(), 1, &diag);
  ASSERT_EQ(diag.messages.size(), 1u);
  EXPECT_NE(diag.messages[0].find(".jsonl:8"), std::string::npos) << diag.messages[0];
  EXPECT_NE(diag.messages[0].find("no article text"), std::string::npos) << diag.messages[0];
}

std::string Batch::WriteArticles(const std::string& name,
                                 const std::vector<std::tuple<std::string, int, bool>>& articles) {
  std::string path = (dir_ / (name + ".jsonl")).string();
  std::ofstream out(path);
  for (const auto& [id, day, usable] : articles) {
    out << R"({"id": ")" << id << R"(", "text": ")"
        << (usable ? "The harbour authority of Port " + id + " reopened the northern quay."
                   : std::string("Photo: Reuters"))
        << '"';
    if (day > 0)
      out << R"(, "published": "2026-03-)" << (day < 10 ? "0" : "") << day << R"(T10:00:00Z")";
    out << "}\n";
  }
  return path;
}

// The ids in the order the engine added them.
std::vector<std::string> AddOrder(const std::string& path, BatchOptions options,
                                  CollectDiagnostics* diag) {
  auto engine = StoryEngine::Create({});
  EXPECT_TRUE(engine.ok());
  BatchResult result;
  EXPECT_TRUE(RunBatch({path}, engine->get(), options, diag, &result).ok());
  std::vector<std::string> ids;
  for (std::size_t n = 0; n < (*engine)->article_count(); ++n)
    ids.push_back((*engine)->ArticleId(n));
  return ids;
}

// The window of 2 holds the two latest-dated articles seen: b leaves when c
// arrives, then d and e leave at once; c and a are added at the end.
TEST_F(Batch, AddsThroughTheReorderWindowInTimeOrder) {
  std::string path = WriteArticles(
      "in", {{"a", 5, true}, {"b", 3, true}, {"c", 4, true}, {"d", 1, true}, {"e", 2, true}});
  for (int threads : {1, 2, 3}) {
    for (std::size_t chunk : {1, 2, 64}) {
      CollectDiagnostics diag;
      BatchOptions options;
      options.threads = threads;
      options.reorder_window = 2;
      options.chunk_size = chunk;
      EXPECT_EQ(AddOrder(path, options, &diag), (std::vector<std::string>{"b", "d", "e", "c", "a"}))
          << threads << " threads, chunks of " << chunk;
    }
  }
}

// An article whose input gives its date takes its place in the window when
// it is read, before it is prepared, so it holds the place even when it turns
// out unusable; one without a date holds none. Either way the order depends
// on the input alone, and the unusable article is reported once.
TEST_F(Batch, UnusableArticleHoldsAWindowPlaceOnlyWhenItsDateWasGiven) {
  std::string dated = WriteArticles("dated", {{"a", 5, true},
                                              {"b", 3, true},
                                              {"u", 9, false},
                                              {"c", 4, true},
                                              {"d", 1, true},
                                              {"e", 2, true}});
  std::string undated = WriteArticles("undated", {{"a", 5, true},
                                                  {"b", 3, true},
                                                  {"u", 0, false},
                                                  {"c", 4, true},
                                                  {"d", 1, true},
                                                  {"e", 2, true}});
  for (int threads : {1, 2}) {
    for (std::size_t chunk : {1, 4}) {
      BatchOptions options;
      options.threads = threads;
      options.reorder_window = 2;
      options.chunk_size = chunk;
      CollectDiagnostics d1, d2;
      EXPECT_EQ(AddOrder(dated, options, &d1), (std::vector<std::string>{"b", "c", "d", "e", "a"}))
          << threads << " threads, chunks of " << chunk;
      EXPECT_EQ(AddOrder(undated, options, &d2),
                (std::vector<std::string>{"b", "d", "e", "c", "a"}))
          << threads << " threads, chunks of " << chunk;
      ASSERT_EQ(d1.messages.size(), 1u);
      EXPECT_NE(d1.messages[0].find(":3"), std::string::npos) << d1.messages[0];
      EXPECT_EQ(d2.messages.size(), 1u);
    }
  }
}

}  // namespace
}  // namespace storyline
