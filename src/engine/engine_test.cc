#include "storyline/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include "output/json_writer.h"

namespace storyline {
namespace {

const char* kQuake =
    "A magnitude 6.1 earthquake struck near the coastal town of Valdora on Tuesday, "
    "damaging the harbour and the old cathedral, officials in Valdora said.";
const char* kBudget =
    "The Kestria finance ministry presented its budget, raising the fuel tax and cutting "
    "the deficit target, finance minister Aino Rask told parliament.";
const char* kFlood =
    "Heavy rain flooded the river valley of Morwen overnight; rescue teams evacuated "
    "four hundred residents and closed the northern railway bridge.";

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

std::unique_ptr<StoryEngine> RemovableEngine() {
  EngineOptions options;
  options.removable = true;
  auto engine = StoryEngine::Create(options);
  EXPECT_TRUE(engine.ok());
  return std::move(*engine);
}

// Adds article `i` of the quake (i < 3) or budget story, as EngineWithTwoEvents does.
std::size_t AddReport(StoryEngine* engine, int i, const std::string& id,
                      const char* text = nullptr) {
  Article a;
  a.id = id;
  a.source = "Outlet " + std::to_string(i);
  a.text = text ? std::string(text)
                : std::string(i < 3 ? kQuake : kBudget) + " Report " + std::to_string(i) + ".";
  a.published = 1772704800 + i * 3600;
  auto prepared = engine->Prepare(std::move(a));
  EXPECT_TRUE(prepared.ok());
  return engine->Add(std::move(*prepared));
}

// Each story's article ids, in rank order.
std::vector<std::vector<std::string>> Members(const StoryEngine& engine) {
  std::vector<std::vector<std::string>> out;
  for (const Story& s : engine.Stories()) {
    out.emplace_back();
    for (const StoryArticle& a : s.articles) out.back().push_back(a.id);
  }
  return out;
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

// A word no other article uses: "q" and the letters of `n` in base 26.
std::string UniqueWord(int n, char lead) {
  std::string w(1, lead);
  do {
    w.push_back(static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return w;
}

// Adds a one-sentence article about its own made-up words: every i a story.
void AddUnique(StoryEngine& e, int i, const std::string& id, const std::string& source = "") {
  Article a;
  a.id = id;
  a.source = source;
  a.text = "Reports of " + UniqueWord(i, 'q') + " " + UniqueWord(i, 'x') + " and " +
           UniqueWord(i, 'z') + " near " + UniqueWord(i, 'v') + " continued on Monday.";
  auto prepared = e.Prepare(std::move(a));
  ASSERT_TRUE(prepared.ok());
  e.Add(std::move(*prepared));
}

// RankStories() with a pause lets Add() in every few hundred stories it
// counts (the server's publisher does): the ranking still names each story
// once, the stories as they were when it started.
TEST(StoryEngine, RankingPausesEveryFewHundredStoriesAndNamesEachStoryOnce) {
  auto engine = StoryEngine::Create({});
  ASSERT_TRUE(engine.ok());
  StoryEngine& e = **engine;
  for (int i = 0; i < 1100; ++i) AddUnique(e, i, "a" + std::to_string(i));
  int pauses = 0;
  std::vector<RankedStory> paused = e.RankStories([&] { ++pauses; });
  EXPECT_GE(pauses, 2);  // every story counted for the first time
  const std::vector<RankedStory> plain = e.RankStories();
  ASSERT_EQ(plain.size(), 1100u);
  ASSERT_EQ(paused.size(), plain.size());
  for (std::size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(paused[i].id, plain[i].id);
  // Nothing changed since: nothing to count, nothing to pause for.
  pauses = 0;
  e.RankStories([&] { ++pauses; });
  EXPECT_EQ(pauses, 0);

  auto other = StoryEngine::Create({});
  ASSERT_TRUE(other.ok());
  for (int i = 0; i < 1100; ++i) AddUnique(**other, i, "a" + std::to_string(i));
  int copies = 0;
  std::vector<RankedStory> moving = (*other)->RankStories([&] {
    // Copies of the first articles join their stories while it ranks.
    AddUnique(**other, copies, "copy" + std::to_string(copies));
    ++copies;
  });
  EXPECT_GE(copies, 2);
  EXPECT_EQ(moving.size(), 1100u);
  std::set<std::string> ids;
  for (const RankedStory& r : moving) EXPECT_TRUE(ids.insert(r.id).second) << r.id;
}

// The ranking counts again only stories whose stamp moved, and what it
// remembers of the others ranks exactly as counting everything afresh.
TEST(StoryEngine, RankingFromMemoryIsTheRankingAfresh) {
  auto live = StoryEngine::Create({});
  auto fresh = StoryEngine::Create({});
  ASSERT_TRUE(live.ok() && fresh.ok());
  auto add_both = [&](int i, const std::string& id, const std::string& source) {
    AddUnique(**live, i, id, source);
    AddUnique(**fresh, i, id, source);
  };
  for (int i = 0; i < 40; ++i) add_both(i, "a" + std::to_string(i), "Outlet A");
  const std::vector<RankedStory> before = (*live)->RankStories();
  ASSERT_EQ(before.size(), 40u);
  // Another outlet joins five stories, and five stories are new.
  for (int i = 0; i < 45; i += 3) add_both(i, "b" + std::to_string(i), "Outlet B");
  for (int i = 40; i < 45; ++i) add_both(i, "c" + std::to_string(i), "Outlet C");
  std::vector<std::uint32_t> moved;
  const std::vector<RankedStory> again = (*live)->RankStories(nullptr, [&](const RankedStory& r) {
    auto was = std::find_if(before.begin(), before.end(),
                            [&](const RankedStory& b) { return b.number == r.number; });
    if (was == before.end() || was->stamp != r.stamp) {
      moved.push_back(r.number);
      return false;
    }
    return true;  // known at this stamp: no id, no members
  });
  const std::vector<RankedStory> afresh = (*fresh)->RankStories();
  ASSERT_EQ(again.size(), afresh.size());
  // 14 stories Outlet B joined (0, 3, ..., 39) and 5 new ones (40-44; b42
  // starts one that c42 joins).
  EXPECT_EQ(moved.size(), 19u);
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].number, afresh[i].number);
    EXPECT_EQ(again[i].score, afresh[i].score);  // exactly: the same arithmetic
    bool asked = std::count(moved.begin(), moved.end(), again[i].number) > 0;
    EXPECT_EQ(again[i].id.empty(), !asked);
    EXPECT_EQ(again[i].members.empty(), !asked);
    if (asked) {
      EXPECT_EQ(again[i].members, afresh[i].members);
    }
  }
  // Stories told by two outlets now rank first.
  EXPECT_EQ(afresh.front().members.size(), 2u);
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

// The stories of a fresh engine given one article of outlet "Outlet" with
// `title` and `text` as received.
std::vector<Story> StoriesOfOne(std::string title, std::string text) {
  auto engine = StoryEngine::Create({});
  EXPECT_TRUE(engine.ok());
  Article a;
  a.id = "a";
  a.source = "Outlet";
  a.title = std::move(title);
  a.text = std::move(text);
  auto prepared = (*engine)->Prepare(std::move(a));
  EXPECT_TRUE(prepared.ok());
  if (!prepared.ok()) return {};
  (*engine)->Add(std::move(*prepared));
  return (*engine)->Stories();
}

TEST(StoryEngine, MojibakeIsRepairedBeforeTheTextIsRead) {
  // UTF-8 read as windows-1252 on its way: "Valdora’s" arrives as
  // "Valdoraâ€™s", and the closing quote's last byte (0x9D) is lost.
  std::vector<Story> stories = StoriesOfOne(
      "Valdora\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s cathedral falls",
      "A magnitude 6.1 earthquake struck Valdora on Tuesday, damaging the harbour. "
      "\xC3\xA2\xE2\x82\xAC\xC5\x93The old cathedral is gone for good, and the harbour with it,"
      "\xC3\xA2\xE2\x82\xAC Mayor Ines Roca said.");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].headline, "Valdora\xE2\x80\x99s cathedral falls");
  ASSERT_EQ(stories[0].quotes.size(), 1u);
  EXPECT_EQ(stories[0].quotes[0].text,
            "The old cathedral is gone for good, and the harbour with it");
  EXPECT_EQ(stories[0].quotes[0].speaker, "Ines Roca");
}

TEST(StoryEngine, EscapedTextIsDecodedBeforeItIsRead) {
  // Feeds often deliver text and titles HTML-escaped.
  std::vector<Story> stories = StoriesOfOne(
      "Smith &amp; Sons close Valdora plant",
      "Smith &amp; Sons said on Monday it would close its Valdora plant. &quot;We had no "
      "choice, and we are sorry for it,&quot; chief executive Jane Doe said.");
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].headline, "Smith & Sons close Valdora plant");
  EXPECT_EQ(stories[0].articles[0].title, "Smith & Sons close Valdora plant");
  ASSERT_EQ(stories[0].quotes.size(), 1u);
  EXPECT_EQ(stories[0].quotes[0].text, "We had no choice, and we are sorry for it");
  EXPECT_EQ(stories[0].quotes[0].speaker, "Jane Doe");
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

TEST(StoryEngine, RemovedArticleLeavesTheStoriesOfTheOthers) {
  auto removed = RemovableEngine();
  auto never = RemovableEngine();
  for (int i = 0; i < 5; ++i) {
    AddReport(removed.get(), i, "a" + std::to_string(i));
    if (i != 1) AddReport(never.get(), i, "a" + std::to_string(i));
  }
  std::string quake = removed->StoryOf(0);
  ASSERT_EQ(removed->StoryOf(1), quake);
  ASSERT_TRUE(removed->Remove(1).ok());
  EXPECT_TRUE(removed->removed(1));
  EXPECT_EQ(Members(*removed), Members(*never));
  // Two stories of two: the newer ranks first.
  EXPECT_EQ(Members(*removed), (std::vector<std::vector<std::string>>{{"a3", "a4"}, {"a0", "a2"}}));
  EXPECT_EQ(removed->StoryOf(0), quake);  // the story keeps its id
  std::vector<RankedStory> ranked = removed->RankStories();
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[1].id, quake);
  EXPECT_EQ(ranked[1].members, (std::vector<std::size_t>{0, 2}));
  Story built = removed->BuildStory(ranked[1]);
  ASSERT_EQ(built.articles.size(), 2u);
  EXPECT_EQ(built.articles[1].id, "a2");
  EXPECT_EQ(removed->StoryOfAll().articles.size(), 4u);
  EXPECT_EQ(removed->Remove(1).code(), StatusCode::kNotFound);
  EXPECT_EQ(removed->Remove(99).code(), StatusCode::kNotFound);
}

TEST(StoryEngine, RemovingTheOnlyArticleMakesItsStoryVanish) {
  auto engine = RemovableEngine();
  for (int i = 0; i < 5; ++i) AddReport(engine.get(), i, "a" + std::to_string(i));
  std::size_t flood = AddReport(engine.get(), 5, "flood", kFlood);
  ASSERT_EQ(engine->Stories().size(), 3u);
  ASSERT_TRUE(engine->Remove(flood).ok());
  EXPECT_EQ(Members(*engine),
            (std::vector<std::vector<std::string>>{{"a0", "a1", "a2"}, {"a3", "a4"}}));
  EXPECT_EQ(engine->RankStories().size(), 2u);
}

TEST(StoryEngine, RemovedIdMayBeAddedAgain) {
  auto engine = RemovableEngine();
  for (int i = 0; i < 5; ++i) AddReport(engine.get(), i, "a" + std::to_string(i));
  std::string quake = engine->StoryOf(0);
  ASSERT_TRUE(engine->Remove(1).ok());
  // Back with the budget's text: it joins the budget story now.
  std::size_t again = AddReport(engine.get(), 4, "a1");
  EXPECT_EQ(again, 5u);
  EXPECT_NE(engine->StoryOf(again), quake);
  EXPECT_EQ(engine->StoryOf(again), engine->StoryOf(3));
  EXPECT_EQ(Members(*engine),
            (std::vector<std::vector<std::string>>{{"a3", "a4", "a1"}, {"a0", "a2"}}));
}

TEST(StoryEngine, EarliestCopyBecomesTheOriginalWhenTheOriginalIsRemoved) {
  auto engine = RemovableEngine();
  std::size_t original = AddReport(engine.get(), 0, "orig", kFlood);
  AddReport(engine.get(), 1, "copy1", kFlood);
  AddReport(engine.get(), 2, "copy2", kFlood);
  std::vector<Story> before = engine->Stories();
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(before[0].articles[1].duplicate_of, "orig");
  ASSERT_TRUE(engine->Remove(original).ok());
  std::vector<Story> after = engine->Stories();
  ASSERT_EQ(after.size(), 1u);
  ASSERT_EQ(after[0].articles.size(), 2u);
  EXPECT_EQ(after[0].articles[0].id, "copy1");
  EXPECT_EQ(after[0].articles[0].duplicate_of, "");
  EXPECT_EQ(after[0].articles[1].duplicate_of, "copy1");
  // The promoted copy moves the centroid: the flood story still takes a
  // report of the flood, and removing both copies empties it.
  std::size_t report = AddReport(engine.get(), 3, "report",
                                 "Rescue teams in the Morwen valley evacuated four hundred "
                                 "residents after heavy rain flooded the river overnight.");
  EXPECT_EQ(engine->StoryOf(report), engine->StoryOf(1));
  ASSERT_TRUE(engine->Remove(1).ok());  // the promoted copy: copy2 takes over
  after = engine->Stories();
  ASSERT_EQ(after.size(), 1u);
  ASSERT_EQ(after[0].articles.size(), 2u);
  EXPECT_EQ(after[0].articles[0].id, "copy2");
  EXPECT_EQ(after[0].articles[0].duplicate_of, "");
  ASSERT_TRUE(engine->Remove(2).ok());
  ASSERT_TRUE(engine->Remove(report).ok());
  EXPECT_TRUE(engine->Stories().empty());
  EXPECT_TRUE(engine->StoryOfAll().articles.empty());
}

TEST(StoryEngine, ACopyArrivingAfterItsOriginalWasRemovedCopiesTheHeir) {
  auto engine = RemovableEngine();
  std::size_t original = AddReport(engine.get(), 0, "orig", kFlood);
  AddReport(engine.get(), 1, "copy1", kFlood);
  ASSERT_TRUE(engine->Remove(original).ok());
  AddReport(engine.get(), 2, "copy2", kFlood);
  std::vector<Story> after = engine->Stories();
  ASSERT_EQ(after.size(), 1u);
  ASSERT_EQ(after[0].articles.size(), 2u);
  EXPECT_EQ(after[0].articles[1].id, "copy2");
  EXPECT_EQ(after[0].articles[1].duplicate_of, "copy1");
}

TEST(StoryEngine, RemoveNeedsARemovableEngine) {
  auto engine = EngineWithTwoEvents();
  EXPECT_EQ(engine->Remove(0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(engine->Stories().size(), 2u);
}

}  // namespace
}  // namespace storyline
