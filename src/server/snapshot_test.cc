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
    ASSERT_TRUE(story.ok());
    EXPECT_EQ((*story)->id, expected[i].id);
    EXPECT_DOUBLE_EQ((*story)->score, expected[i].score);
    EXPECT_EQ((*story)->headline, expected[i].headline);
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

std::string Json(const Story& story) {
  std::ostringstream out;
  output::WriteStoryJson(story, out);
  return out.str();
}

// Stories below the builder's line keep their briefs packed; read through
// StoryAt() they are the briefs a builder that packs nothing gives.
TEST_F(SnapshotTest, PacksTheBriefsOfLowerRankedStories) {
  const char* texts[] = {kQuake, kBudget};
  for (int i = 0; i < 5; ++i) Add("a" + std::to_string(i), texts[i % 2], i, i % 2 ? "fi" : "en");
  Add("b", "The Ostria rail union called a strike for Friday over pay, its leader Petra Holm said.",
      6, "de");
  SnapshotBuilder whole(1000), packing(1);
  auto expected = whole.Build(*engine_, langs_, 1);
  auto snapshot = packing.Build(*engine_, langs_, 1);
  ASSERT_EQ(snapshot->ranked.size(), 3u);
  ASSERT_EQ(expected->ranked.size(), 3u);
  EXPECT_TRUE(snapshot->ranked[0].story);
  for (std::size_t rank = 1; rank < 3; ++rank) {
    const SnapshotStory& s = snapshot->ranked[rank];
    ASSERT_FALSE(s.story);
    ASSERT_TRUE(s.packed);
    EXPECT_LT(s.packed->bytes.size(), Json(*expected->ranked[rank].story).size());
  }
  for (std::size_t rank = 0; rank < 3; ++rank) {
    const SnapshotStory& s = snapshot->ranked[rank];
    const Story& want = *expected->ranked[rank].story;
    auto got = snapshot->StoryAt(rank);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(Json(**got), Json(*expected->StoryAt(rank).value())) << rank;
    EXPECT_EQ(s.id(), want.id);
    EXPECT_EQ(s.first_seen(), want.first_seen);
    EXPECT_EQ(s.last_seen(), want.last_seen);
    EXPECT_EQ(s.outlets(), want.outlets);
    EXPECT_EQ(snapshot->rank_of.at(want.id), rank);
  }
  // Written on threads, the packed briefs are the same.
  SnapshotBuilder threaded(1);
  auto many = threaded.Build(*engine_, langs_, 1, nullptr, nullptr, 3);
  for (std::size_t rank = 0; rank < 3; ++rank) {
    EXPECT_EQ(Json(*many->StoryAt(rank).value()), Json(*snapshot->StoryAt(rank).value()));
  }
}

// A packed story that climbs above the line unchanged is unpacked; a whole
// one that falls unchanged to twice the line or lower is packed.
TEST_F(SnapshotTest, UnpacksAStoryThatClimbsAndPacksOneThatFalls) {
  Add("q1", kQuake, 0, "en");
  Add("b1", kBudget, 1, "en");
  SnapshotBuilder builder(1);
  auto first = builder.Build(*engine_, langs_, 1);
  ASSERT_EQ(first->ranked.size(), 2u);
  ASSERT_TRUE(first->ranked[1].packed);
  const std::string low = first->ranked[1].id();
  const std::string low_json = Json(*first->StoryAt(1).value());
  // The top story's only article goes: the other story is first, unchanged.
  ASSERT_TRUE(engine_->Remove(*first->RankOfArticle(0) == 0 ? 0 : 1).ok());
  auto second = builder.Build(*engine_, langs_, 2);
  ASSERT_EQ(second->ranked.size(), 1u);
  EXPECT_EQ(builder.last_built(), 0u);
  ASSERT_EQ(second->ranked[0].id(), low);
  ASSERT_TRUE(second->ranked[0].story);
  EXPECT_FALSE(second->ranked[0].packed);
  // Score aside (the ranking moved), the brief is the one packed.
  Story unpacked = *second->ranked[0].story;
  unpacked.score = first->ranked[1].score;
  EXPECT_EQ(Json(unpacked), low_json);
  // Two larger, later stories push it to rank 2, twice the line: packed.
  const char* strike =
      "The Ostria rail union called a strike for Friday over pay, its leader Petra Holm said.";
  const char* floods =
      "Floods cut the road to the Mirova valley after three days of rain, the Mirova police said.";
  for (int i = 0; i < 3; ++i) Add("s" + std::to_string(i), strike, 5 + i, "en");
  for (int i = 0; i < 3; ++i) Add("f" + std::to_string(i), floods, 5 + i, "en");
  auto third = builder.Build(*engine_, langs_, 3);
  ASSERT_EQ(third->ranked.size(), 3u);
  ASSERT_EQ(third->ranked[2].id(), low);
  EXPECT_FALSE(third->ranked[2].story);
  ASSERT_TRUE(third->ranked[2].packed);
  auto again = third->StoryAt(2);
  ASSERT_TRUE(again.ok());
  Story repacked = **again;
  repacked.score = first->ranked[1].score;
  EXPECT_EQ(Json(repacked), low_json);
}

// Bytes that PackStory() did not write are refused, naming the story.
TEST(PackedStory, RoundTripsEveryFieldAndRefusesCorruptBytes) {
  Story s;
  s.id = "s7";
  s.headline = "Quake hits Valdora";
  s.summary = {"A quake struck.", "The harbour was damaged."};
  s.articles = {{"a1", "Outlet A", "Quake", "https://a.example/1", 1772704800, ""},
                {"a2", "Outlet B", "Quake hits", "", std::nullopt, "a1"}};
  s.outlets = {"Outlet A", "Outlet B"};
  s.first_seen = 1772704800;
  s.last_seen = 1772708400;
  s.score = 3.25;
  s.entities = {{"Valdora", 2}, {"Ines Roca", 1}};
  s.quotes = {{"It is gone", "Ines Roca", {"Outlet A", "Outlet B"}}};
  s.only_in = {{"Outlet B", {"The bridge held."}}};
  s.timeline = {{1772704800, "a1", "Outlet A", {"A quake struck."}},
                {std::nullopt, "a2", "Outlet B", {}}};
  PackedStory p = PackStory(s);
  EXPECT_EQ(p.id, "s7");
  EXPECT_EQ(p.outlets, s.outlets);
  EXPECT_EQ(p.last_seen, s.last_seen);
  auto back = UnpackStory(p);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(Json(*back), Json(s));
  EXPECT_EQ(back->score, 3.25);
  p.id = "s9";  // a server gives its own ids
  EXPECT_EQ(UnpackStory(p)->id, "s9");

  for (std::size_t cut : {std::size_t{0}, std::size_t{3}, p.bytes.size() / 2}) {
    PackedStory bad = p;
    bad.bytes.resize(cut);
    auto r = UnpackStory(bad);
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_NE(r.status().message().find("s9"), std::string::npos);
  }
  PackedStory flipped = p;
  flipped.bytes[flipped.bytes.size() / 2] ^= 0x55;
  EXPECT_FALSE(UnpackStory(flipped).ok());
}

}  // namespace
}  // namespace storyline::server
