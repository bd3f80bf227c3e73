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

}  // namespace
}  // namespace storyline
