#include "server/snapshot.h"

#include <gtest/gtest.h>

#include <sstream>

#include "output/json_writer.h"

namespace storyline::server {
namespace {

const char* kQuake =
    "A magnitude 6.1 earthquake struck near the coastal town of Valdora on Tuesday, "
    "damaging the harbour and the old cathedral, officials in Valdora said.";
const char* kBudget =
    "The Kestria finance ministry presented its budget, raising the fuel tax and cutting "
    "the deficit target, finance minister Aino Rask told parliament.";

class SnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EngineOptions options;
    options.removable = true;
    auto engine = StoryEngine::Create(options);
    ASSERT_TRUE(engine.ok());
    engine_ = std::move(*engine);
  }
  void Add(const std::string& id, const char* text, int hour, const std::string& lang) {
    Article a;
    a.id = id;
    a.source = "Outlet " + id;
    a.text = std::string(text) + " Report " + id + ".";
    a.lang = lang;
    a.published = 1772704800 + hour * 3600;
    auto prepared = engine_->Prepare(std::move(a));
    ASSERT_TRUE(prepared.ok());
    engine_->Add(std::move(*prepared));
    langs_.push_back(lang);
  }

  std::unique_ptr<StoryEngine> engine_;
  std::vector<std::string> langs_;
};

TEST_F(SnapshotTest, RebriefsOnlyStoriesWhoseMembersChanged) {
  Add("q1", kQuake, 0, "en");
  Add("b1", kBudget, 1, "fi");
  Add("q2", kQuake, 2, "en");
  SnapshotBuilder builder;
  auto first = builder.Build(*engine_, langs_, 1);
  ASSERT_EQ(first->ranked.size(), 2u);
  EXPECT_EQ(builder.last_built(), 2u);
  std::size_t budget_rank = *first->RankOfArticle(1);
  std::shared_ptr<const Story> budget = first->ranked[budget_rank].story;
  EXPECT_EQ(budget->articles.size(), 1u);
  EXPECT_EQ(*first->ranked[budget_rank].langs, (std::vector<std::string>{"fi"}));

  Add("q3", kQuake, 3, "de");
  EXPECT_FALSE(first->RankOfArticle(3));  // added after the first snapshot
  auto second = builder.Build(*engine_, langs_, 2);
  EXPECT_EQ(second->version, 2u);
  EXPECT_EQ(second->articles, 4u);
  EXPECT_EQ(builder.last_built(), 1u);  // only the quake story grew
  std::size_t quake_rank = *second->RankOfArticle(3);
  EXPECT_EQ(*second->RankOfArticle(0), quake_rank);
  EXPECT_EQ(second->ranked[quake_rank].story->articles.size(), 3u);
  EXPECT_EQ(*second->ranked[quake_rank].langs, (std::vector<std::string>{"de", "en"}));
  // The budget story's brief is the same object, not rebuilt.
  EXPECT_EQ(second->ranked[*second->RankOfArticle(1)].story.get(), budget.get());
  // The first snapshot is untouched by the second.
  EXPECT_EQ(first->ranked[*first->RankOfArticle(0)].story->articles.size(), 2u);
  EXPECT_EQ(second->rank_of.at(second->ranked[quake_rank].story->id), quake_rank);
}

TEST_F(SnapshotTest, RebriefsAStoryThatLostAnArticleAndDropsOneThatVanished) {
  Add("q1", kQuake, 0, "en");
  Add("b1", kBudget, 1, "fi");
  Add("q2", kQuake, 2, "de");
  SnapshotBuilder builder;
  auto first = builder.Build(*engine_, langs_, 1);
  ASSERT_EQ(first->ranked.size(), 2u);
  std::string budget = first->ranked[*first->RankOfArticle(1)].story->id;
  std::shared_ptr<const Story> quake = first->ranked[*first->RankOfArticle(0)].story;

  ASSERT_TRUE(engine_->Remove(2).ok());  // q2
  auto second = builder.Build(*engine_, langs_, 2);
  EXPECT_EQ(builder.last_built(), 1u);  // the quake story, not the budget's
  EXPECT_EQ(second->articles, 2u);
  const SnapshotStory& q = second->ranked[*second->RankOfArticle(0)];
  EXPECT_NE(q.story.get(), quake.get());
  ASSERT_EQ(q.story->articles.size(), 1u);
  EXPECT_EQ(q.story->articles[0].id, "q1");
  EXPECT_EQ(*q.langs, (std::vector<std::string>{"en"}));  // "de" left with q2

  ASSERT_TRUE(engine_->Remove(1).ok());  // b1: its story vanishes
  auto third = builder.Build(*engine_, langs_, 3);
  ASSERT_EQ(third->ranked.size(), 1u);
  EXPECT_FALSE(third->rank_of.contains(budget));
  EXPECT_EQ(third->articles, 1u);
  EXPECT_EQ(builder.last_built(), 0u);
}

TEST_F(SnapshotTest, StoriesCarryTheScoreOfNowAsTheEngineRanksThem) {
  Add("q1", kQuake, 0, "en");
  Add("b1", kBudget, 1, "en");
  SnapshotBuilder builder;
  builder.Build(*engine_, langs_, 1);
  Add("b2", kBudget, 30, "en");  // a day later: the quake story is less fresh
  auto snapshot = builder.Build(*engine_, langs_, 2);
  std::vector<Story> expected = engine_->Stories();
  ASSERT_EQ(snapshot->ranked.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto story = snapshot->StoryAt(i);
    EXPECT_EQ(story->id, expected[i].id);
    EXPECT_DOUBLE_EQ(story->score, expected[i].score);
    EXPECT_EQ(story->headline, expected[i].headline);
  }
}

// Briefs written on several threads at once are the ones written one by one,
// and a later build on one thread reuses them like its own.
TEST_F(SnapshotTest, BriefsWrittenOnThreadsAreTheSame) {
  const char* texts[] = {kQuake, kBudget};
  for (int i = 0; i < 12; ++i) Add("a" + std::to_string(i), texts[i % 2], i, "en");
  SnapshotBuilder serial, parallel;
  auto one = serial.Build(*engine_, langs_, 1);
  auto many = parallel.Build(*engine_, langs_, 1, nullptr, nullptr, 3);
  EXPECT_EQ(parallel.last_built(), serial.last_built());
  ASSERT_EQ(many->ranked.size(), one->ranked.size());
  for (std::size_t rank = 0; rank < one->ranked.size(); ++rank) {
    std::ostringstream a, b;
    output::WriteStoryJson(*one->ranked[rank].story, a);
    output::WriteStoryJson(*many->ranked[rank].story, b);
    EXPECT_EQ(b.str(), a.str()) << "rank " << rank;
  }
  Add("q", kQuake, 12, "en");
  auto next = parallel.Build(*engine_, langs_, 2);
  EXPECT_EQ(parallel.last_built(), 1u);  // only the quake story grew
  EXPECT_EQ(next->ranked.size(), one->ranked.size());
}

}  // namespace
}  // namespace storyline::server
