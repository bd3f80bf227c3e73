#include "storyline/engine.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "output/json_writer.h"

namespace storyline {
namespace {

std::unique_ptr<StoryEngine> EngineWithTwoEvents() {
  auto engine = StoryEngine::Create({});
  EXPECT_TRUE(engine.ok());
  const char* quake =
      "A magnitude 6.1 earthquake struck near the coastal town of Valdora on Tuesday, "
      "damaging the harbour and the old cathedral, officials in Valdora said.";
  const char* budget =
      "The Kestria finance ministry presented its budget, raising the fuel tax and cutting "
      "the deficit target, finance minister Aino Rask told parliament.";
  for (int i = 0; i < 5; ++i) {
    Article a;
    a.id = "a" + std::to_string(i);
    a.source = "Outlet " + std::to_string(i);
    a.text = std::string(i < 3 ? quake : budget) + " Report " + std::to_string(i) + ".";
    a.published = 1772704800 + i * 3600;
    auto prepared = (*engine)->Prepare(std::move(a));
    EXPECT_TRUE(prepared.ok());
    (*engine)->Add(std::move(*prepared));
  }
  (*engine)->Consolidate();
  return std::move(*engine);
}

std::string Json(const Story& story) {
  std::ostringstream out;
  output::WriteStoryJson(story, out);
  return out.str();
}

TEST(StoryEngine, RankedStoriesBuildTheSameStoriesAsStories) {
  auto engine = EngineWithTwoEvents();
  std::vector<Story> stories = engine->Stories();
  std::vector<RankedStory> ranked = engine->RankStories();
  ASSERT_EQ(ranked.size(), 2u);
  ASSERT_EQ(ranked.size(), stories.size());
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    EXPECT_EQ(ranked[i].id, stories[i].id);
    EXPECT_EQ(ranked[i].members.size(), stories[i].articles.size());
    EXPECT_DOUBLE_EQ(ranked[i].score, stories[i].score);
    EXPECT_EQ(Json(engine->BuildStory(ranked[i])), Json(stories[i]));
  }
  // Ranked highest first; the three-article quake story leads.
  EXPECT_GE(ranked[0].score, ranked[1].score);
  EXPECT_EQ(ranked[0].members, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(engine->StoryOf(0), ranked[0].id);
}

// Replaying serialised prepared articles gives the same stories, briefs
// included, as adding them fresh: what a restart relies on.
TEST(PreparedArticle, ReplayedFromItsBytesGivesTheSameStories) {
  auto fresh = StoryEngine::Create({});
  auto replay = StoryEngine::Create({});
  ASSERT_TRUE(fresh.ok() && replay.ok());
  const char* texts[] = {
      "A magnitude 6.1 earthquake struck near the coastal town of Valdora on Tuesday, damaging "
      "the harbour. \u201cThe old cathedral is gone for good,\u201d said mayor Ines Roca.",
      "Officials in Valdora said the earthquake on Tuesday damaged the harbour and the old "
      "cathedral. \u201cThe old cathedral is gone for good,\u201d mayor Ines Roca said.",
      "The Kestria finance ministry presented its budget, raising the fuel tax, finance "
      "minister Aino Rask told parliament on Wednesday."};
  for (int i = 0; i < 3; ++i) {
    Article a;
    a.id = "p" + std::to_string(i);
    a.source = "Outlet " + std::to_string(i);
    a.title = i == 2 ? "Budget raises fuel tax" : "Quake hits Valdora";
    a.url = "https://example.org/" + a.id;
    a.lang = "en";
    a.text = texts[i];
    a.published = 1772704800 + i * 3600;
    auto prepared = (*fresh)->Prepare(a);
    ASSERT_TRUE(prepared.ok());
    std::string bytes = prepared->Serialize();
    PreparedArticle back;
    ASSERT_TRUE(PreparedArticle::Parse(bytes, &back));
    EXPECT_EQ(back.article().id, a.id);
    EXPECT_EQ(back.article().url, a.url);
    EXPECT_EQ(back.article().published, a.published);
    EXPECT_EQ(back.Serialize(), bytes);
    (*fresh)->Add(std::move(*prepared));
    (*replay)->Add(std::move(back));
  }
  std::vector<Story> a = (*fresh)->Stories(), b = (*replay)->Stories();
  ASSERT_EQ(a.size(), 2u);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(Json(a[i]), Json(b[i]));
  EXPECT_FALSE(a[0].quotes.empty());  // the material came through
}

TEST(PreparedArticle, ParseRefusesOtherVersionsAndCorruptBytes) {
  auto engine = StoryEngine::Create({});
  ASSERT_TRUE(engine.ok());
  Article a;
  a.id = "x";
  a.text = "The Kestria finance ministry presented its budget on Wednesday, raising the fuel tax.";
  auto prepared = (*engine)->Prepare(a);
  ASSERT_TRUE(prepared.ok());
  const std::string bytes = prepared->Serialize();
  PreparedArticle out;
  std::string other = bytes;
  other[0] = static_cast<char>(PreparedArticle::kFormat + 1);
  EXPECT_FALSE(PreparedArticle::Parse(other, &out));
  EXPECT_FALSE(PreparedArticle::Parse(bytes.substr(0, bytes.size() - 1), &out));
  EXPECT_FALSE(PreparedArticle::Parse(bytes + "x", &out));
  EXPECT_FALSE(PreparedArticle::Parse("", &out));
  for (std::size_t cut = 0; cut < bytes.size(); cut += 7) {
    EXPECT_FALSE(PreparedArticle::Parse(bytes.substr(0, cut), &out)) << cut;
  }
  EXPECT_TRUE(PreparedArticle::Parse(bytes, &out));
}

}  // namespace
}  // namespace storyline
