#include "brief/brief.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "brief/brief_internal.h"
#include "brief/material.h"
#include "extract/text_cleaner.h"
#include "text/analyzer.h"

namespace storyline::brief {
namespace {

// A story under construction: each article's material and brief input.
class StoryBuilder {
 public:
  StoryBuilder& Add(std::string id, std::string outlet, std::string title, std::string text,
                    std::optional<UnixSeconds> time = std::nullopt, bool duplicate = false) {
    text::Analysis a = analyzer_.Analyze(title, text);
    auto item = std::make_unique<Item>();
    item->material = MakeMaterial(text, a);
    item->id = std::move(id);
    item->outlet = std::move(outlet);
    item->title = std::move(title);
    item->time = time;
    item->duplicate = duplicate;
    items_.push_back(std::move(item));
    return *this;
  }

  Story Brief(const BriefOptions& options = {}) {
    std::vector<BriefArticle> in;
    for (const auto& item : items_) {
      BriefArticle b;
      b.material = &item->material;
      b.id = item->id;
      b.outlet = item->outlet;
      b.title = item->title;
      b.time = item->time;
      b.duplicate = item->duplicate;
      b.centrality = 1.0f / static_cast<float>(in.size() + 1);  // earlier is more central
      b.entities = item->material.names;
      in.push_back(b);
    }
    Story story;
    WriteBrief(in, options, &story);
    return story;
  }

 private:
  struct Item {
    ArticleMaterial material;
    std::string id, outlet, title;
    std::optional<UnixSeconds> time;
    bool duplicate = false;
  };
  text::Analyzer analyzer_;
  std::vector<std::unique_ptr<Item>> items_;
};

std::size_t Words(const std::vector<std::string>& sentences) {
  std::size_t n = 0;
  for (const std::string& s : sentences) {
    std::istringstream in(s);
    std::string w;
    while (in >> w) ++n;
  }
  return n;
}

bool Contains(const std::vector<std::string>& v, std::string_view needle) {
  for (const std::string& s : v) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

const std::string kQuakeA =
    "A magnitude 6.8 earthquake struck off the coast of central Chile on Tuesday, killing at "
    "least nine people in the fishing town of Valdora.\n"
    "The quake hit at 4:12 a.m. local time with its epicentre 22 kilometres southwest of "
    "Valdora, the national seismology service said.\n"
    "\"We felt the whole house jump and then the lights went out,\" said Elena Ruiz, the mayor "
    "of Valdora.\n"
    "Rescue teams from Concepcion were searching collapsed homes near the harbour.\n";
const std::string kQuakeB =
    "An earthquake of magnitude 6.8 killed at least nine people in Valdora, Chile, on Tuesday, "
    "officials said.\n"
    "A tsunami warning was issued for 400 kilometres of coastline and lifted two hours later.\n"
    "Mayor Elena Ruiz said: \"We felt the whole house jump and then the lights went out.\"\n"
    "The Red Cross sent forty tonnes of supplies from Santiago to the town on Wednesday.\n";

TEST(WriteBrief, SummaryStaysWithinTheBudgetAndDoesNotRepeatItself) {
  StoryBuilder b;
  b.Add("a", "Wire", "Quake kills nine in Chile", kQuakeA, 100);
  b.Add("b", "Herald", "Nine dead as quake hits Chilean town", kQuakeB, 200);
  for (std::size_t budget : {20u, 40u, 100u}) {
    Story s = b.Brief({.summary_words = budget});
    ASSERT_FALSE(s.summary.empty());
    EXPECT_LE(Words(s.summary), budget);
    // The two leads say the same thing; only one of them is chosen.
    int leads = 0;
    for (const std::string& sentence : s.summary)
      leads += sentence.find("nine") != std::string::npos;
    EXPECT_LE(leads, 1) << "budget " << budget;
  }
}

TEST(WriteBrief, SummaryIsInReadingOrderAndACutSentenceEndsWithAnEllipsis) {
  StoryBuilder b;
  b.Add("a", "Wire", "", kQuakeA, 100);
  b.Add("b", "Herald", "", kQuakeB, 200);
  Story s = b.Brief({.summary_words = 30});
  ASSERT_GE(s.summary.size(), 1u);
  const std::string& last = s.summary.back();
  bool whole = last.back() == '.' || last.back() == '"';
  bool cut = last.size() >= 3 && last.substr(last.size() - 3) == "\xE2\x80\xA6";
  EXPECT_TRUE(whole || cut) << last;
}

TEST(WriteBrief, HeadlineIsTheCentralTitleUnlessItIsClickbait) {
  StoryBuilder b;
  b.Add("a", "Tabloid", "You won't believe what this quake did", kQuakeA, 100);
  b.Add("b", "Herald", "Nine dead as quake hits Chilean town", kQuakeB, 200);
  EXPECT_EQ(b.Brief().headline, "Nine dead as quake hits Chilean town");

  StoryBuilder untitled;
  untitled.Add("a", "Wire", "", kQuakeA, 100);
  Story s = untitled.Brief();
  EXPECT_FALSE(s.headline.empty());
  EXPECT_LE(Words({s.headline}), 21u);
}

// Untitled, the headline is written from a lead (an article's first
// sentence) that says much of the story, not from a sentence further down
// that every outlet repeats word for word; a lead that says little of the
// story ("Officials met ...") is passed over.
TEST(WriteBrief, AnUntitledHeadlineIsWrittenFromALead) {
  // The summary's first pick is the fullest sentence, the second of both
  // articles; the headline is written from a lead, an article's first.
  const std::string rescue =
      "Rescue teams from Concepcion searched collapsed homes near the Valdora harbour on Friday "
      "night after the storm wrecked it and the mayor resigned.\n";
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "A storm wrecked the Valdora harbour on Friday and the mayor resigned.\n" + rescue, 100);
  b.Add("b", "Herald", "",
        "The mayor of Valdora resigned on Friday after a storm wrecked the harbour.\n" + rescue,
        200);
  const Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(s.headline.starts_with("A storm wrecked") || s.headline.starts_with("The mayor of"))
      << s.headline;
  EXPECT_EQ(s.headline.find("Rescue"), std::string::npos) << s.headline;
}

TEST(WriteBrief, HeadlinePrefersAWholeTitleAndNeverShowsPageFurniture) {
  // The more central article's title is cut off, a dateline's lead or an
  // open quotation: the other's whole title wins.
  for (const char* weak :
       {"Nine people were killed when a strong earthquake hit a...",
        "(CNN) -- Nine people were killed when a strong earthquake",
        "\u201cWe lost everything in the town of Valdora", "Quake",
        "Seismology | Nine dead in Chile", "Nine dead in Chile \u00AB Breaking News"}) {
    StoryBuilder b;
    b.Add("a", "Wire", weak, kQuakeA, 100);
    b.Add("b", "Herald", "Nine dead as quake hits Chilean town", kQuakeB, 200);
    EXPECT_EQ(b.Brief().headline, "Nine dead as quake hits Chilean town") << weak;
  }
  // Navigation and markup are no headline even when no other title is there.
  StoryBuilder nav;
  nav.Add("a", "Wire", "Home > News > World > Americas", kQuakeA, 100);
  nav.Add("b", "Herald", "'); //--> Associated Press", kQuakeB, 200);
  const std::string headline = nav.Brief().headline;
  EXPECT_EQ(headline.find(" > "), std::string::npos) << headline;
  EXPECT_EQ(headline.find("//"), std::string::npos) << headline;
  EXPECT_FALSE(headline.empty());
  // A weak title is still better than none.
  StoryBuilder cut;
  cut.Add("a", "Wire", "Nine people were killed when a strong earthquake hit a...", kQuakeA, 100);
  EXPECT_EQ(cut.Brief().headline, "Nine people were killed when a strong earthquake hit a...");
}

// A site's or section's name in the title field names nothing the story
// reports: a less central article's title heads the story instead, or, with
// none, a headline written from the text. One word of the story makes a
// title its own.
TEST(WriteBrief, ATitleThatNamesNothingTheStoryReportsIsNoHeadline) {
  StoryBuilder b;
  b.Add("a", "Wire", "Personal Finance", kQuakeA, 100);
  b.Add("b", "Herald", "Nine dead as quake hits Chilean town", kQuakeB, 200);
  EXPECT_EQ(b.Brief().headline, "Nine dead as quake hits Chilean town");

  StoryBuilder alone;
  alone.Add("a", "Wire", "Silicon Valley NORTH", kQuakeA, 100);
  const std::string headline = alone.Brief().headline;
  EXPECT_NE(headline, "Silicon Valley NORTH");
  EXPECT_NE(headline.find("earthquake"), std::string::npos) << headline;

  // A page's name for itself names no event, though "News" is a word the
  // story may use.
  for (const char* page :
       {"Latest News & Headlines", "Top News Article", "Welcome to the Valdora website"}) {
    StoryBuilder b2;
    b2.Add("a", "Wire", page, kQuakeA + "Latest news and headlines from Valdora follow.\n", 100);
    b2.Add("b", "Herald", "Nine dead as quake hits Chilean town", kQuakeB, 200);
    EXPECT_EQ(b2.Brief().headline, "Nine dead as quake hits Chilean town") << page;
  }

  StoryBuilder one_word;
  one_word.Add("a", "Wire", "Grief and anger in Valdora", kQuakeA, 100);
  EXPECT_EQ(one_word.Brief().headline, "Grief and anger in Valdora");
}

TEST(WriteBrief, QuotesCarriedByTwoOutletsMergeWithSpeakerAndBothOutlets) {
  StoryBuilder b;
  b.Add("a", "Wire", "", kQuakeA, 100);
  b.Add("b", "Herald", "", kQuakeB, 200);
  Story s = b.Brief();
  ASSERT_FALSE(s.quotes.empty());
  const StoryQuote& q = s.quotes.front();
  EXPECT_NE(q.text.find("We felt the whole house jump"), std::string::npos);
  EXPECT_EQ(q.speaker, "Elena Ruiz");
  EXPECT_EQ(q.outlets, (std::vector<std::string>{"Wire", "Herald"}));
}

TEST(WriteBrief, ASpeakerNamedByGivenNameIsTheOnePersonOfThatName) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "Mick Jagger and Keith Richards played Hyde Park on Saturday night.\n"
        "\u201cIt is quite a difficult gig for any band in the rain,\u201d Mick said.\n",
        100);
  Story s = b.Brief();
  ASSERT_FALSE(s.quotes.empty());
  EXPECT_EQ(s.quotes.front().speaker, "Mick Jagger");
}

TEST(WriteBrief, AmongEqualQuotesOneOpeningLikeASentenceComesFirst) {
  // One outlet each, both with a speaker: the fragment taken out of a
  // sentence, though said first, follows the quote that reads on its own.
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "The mayor said the storm would \"test every dam and levee we have\", "
        "according to Mayor Ann Berg.\n"
        "\"We have opened four shelters in the north of the city,\" said Mayor Ann Berg.\n",
        100);
  Story s = b.Brief();
  ASSERT_EQ(s.quotes.size(), 2u);
  EXPECT_EQ(s.quotes[0].text.rfind("We have opened four shelters", 0), 0u) << s.quotes[0].text;
  EXPECT_EQ(s.quotes[1].text.rfind("test every dam", 0), 0u) << s.quotes[1].text;
}

TEST(WriteBrief, ASpeakerNamedNextToTheQuoteOutweighsOneFoundForAPronoun) {
  // One outlet names the speaker; the other's "he said" resolves to the
  // only person it named before.
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "The mayor spoke after the vote.\n"
        "\"We will rebuild the northern quay before the winter storms,\" Zoe Berg said.\n",
        100);
  b.Add("b", "Herald", "",
        "Carl Holm watched the council vote from the gallery on Monday.\n"
        "\"We will rebuild the northern quay before the winter storms,\" he said.\n",
        200);
  Story s = b.Brief();
  ASSERT_FALSE(s.quotes.empty());
  EXPECT_EQ(s.quotes.front().outlets.size(), 2u);
  EXPECT_EQ(s.quotes.front().speaker, "Zoe Berg");
}

TEST(WriteBrief, AQuoteRunByTwoOutletsMergesAmongHundredsOfOthers) {
  // 200 other quotes, all sharing the common word pairs of the one that two
  // outlets ran ("of the", "in the"): the merge still finds it, by the
  // pairs only a few quotes have.
  StoryBuilder b;
  b.Add("a", "Wire", "", kQuakeA, 100);
  for (int i = 0; i < 200; ++i) {
    std::string n = std::to_string(i);
    auto w = [&](char c) { return "w" + n + c; };
    b.Add("x" + n, "Outlet" + n, "",
          "\"Of the " + w('a') + " in the " + w('b') + " of the " + w('c') + " in the " + w('d') +
              " and then the " + w('e') + ",\" said Mayor Ann Berg" + n + ".\n",
          150 + i);
  }
  b.Add("b", "Herald", "", kQuakeB, 400);
  Story s = b.Brief({.max_quotes = 300});
  const StoryQuote* felt = nullptr;
  for (const StoryQuote& q : s.quotes) {
    if (q.text.find("We felt the whole house jump") != std::string::npos) felt = &q;
  }
  ASSERT_NE(felt, nullptr);
  EXPECT_EQ(felt->speaker, "Elena Ruiz");
  EXPECT_EQ(felt->outlets, (std::vector<std::string>{"Wire", "Herald"}));
  EXPECT_EQ(s.quotes.size(), 201u);  // the others stay apart
}

TEST(WriteBrief, OnlyInListsWhatOneOutletAloneReports) {
  StoryBuilder b;
  b.Add("a", "Wire", "", kQuakeA, 100);
  b.Add("b", "Herald", "", kQuakeB, 200);
  Story s = b.Brief();
  std::map<std::string, std::vector<std::string>> only;
  for (const OutletFacts& f : s.only_in) only[f.outlet] = f.sentences;
  EXPECT_TRUE(Contains(only["Wire"], "Concepcion"));
  EXPECT_TRUE(Contains(only["Herald"], "Red Cross"));
  EXPECT_FALSE(Contains(only["Herald"], "Concepcion"));
}

TEST(WriteBrief, SummaryLeavesOutHeadingsAndTagListsRunIntoSentences) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "FREE PRESS COLUMNIST Floods closed the main road into Valdora on Monday, officials said.\n"
        "Floods closed the main road into Valdora | weather | roads | Chile news today.\n"
        "Rescue teams from Concepcion reached the town by boat on Monday evening.\n"
        "Floods closed the main road into Valdora on Monday and cut off the harbour.\n",
        100);
  b.Add("b", "Herald", "",
        "Floods closed the main road into Valdora on Monday, cutting off the harbour.\n", 200);
  BriefOptions options;
  options.summary_words = 40;
  Story s = b.Brief(options);
  ASSERT_FALSE(s.summary.empty());
  EXPECT_FALSE(Contains(s.summary, "COLUMNIST"));
  EXPECT_FALSE(Contains(s.summary, " | "));
  EXPECT_TRUE(Contains(s.summary, "Floods closed the main road")) << s.summary[0];
}

TEST(WriteBrief, SummaryLeavesOutNavigationLaidOutWithMarks) {
  // Breadcrumbs and menus drawn with rules end like sentences but are the
  // page's, not the story's.
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "Home > World > Americas > Floods closed the main road into Valdora on Monday.\n"
        "Programs ------ RADIO ------ Floods cut off the harbour town of Valdora.\n"
        "About us / Contact us / Subscribe The flood reached the Valdora town hall at noon.\n"
        "Rescue teams from Concepcion --- forty in all --- reached the town by boat.\n"
        "Volunteers and/or soldiers from Concepcion carried sandbags to the harbour wall.\n",
        100);
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(Contains(s.summary, "Rescue teams"));  // a dash written "---" is prose
  EXPECT_TRUE(Contains(s.summary, "and/or"));        // and so is a slash inside a word
  EXPECT_FALSE(Contains(s.summary, " > "));
  EXPECT_FALSE(Contains(s.summary, "------"));
  EXPECT_FALSE(Contains(s.summary, "Contact us"));
}

// A lead about a bridge, then three sentences that come back to the flood
// barrier.
const char* kBarrierArticle =
    "Officials opened a new bridge over the river in Valdora on Monday morning.\n"
    "The flood barrier at Valdora harbour was finished after storms wrecked the old sea wall.\n"
    "Engineers said the flood barrier at Valdora harbour would protect two thousand homes.\n"
    "Fishermen said the flood barrier at Valdora harbour had already held back one storm.\n"
    "Residents said the flood barrier at Valdora harbour changed how the town looks.\n";

TEST(WriteBrief, SummaryWeighsWhatAnArticleComesBackTo) {
  // One article: its lead is about a bridge, then three sentences come back
  // to the flood barrier. With room for one sentence the summary is about
  // the barrier, not the lead that is said once.
  StoryBuilder b;
  b.Add("a", "Wire", "", kBarrierArticle, 100);
  BriefOptions options;
  options.summary_words = 12;
  Story s = b.Brief(options);
  ASSERT_EQ(s.summary.size(), 1u);
  EXPECT_TRUE(Contains(s.summary, "flood barrier")) << s.summary[0];
}

TEST(WriteBrief, SummaryWeighsWhatTheTitleNames) {
  // The same article under a headline about its bridge: the lead, said once,
  // now outweighs the barrier the article comes back to.
  StoryBuilder b;
  b.Add("a", "Wire", "New bridge opens over the river", kBarrierArticle, 100);
  BriefOptions options;
  options.summary_words = 12;
  Story s = b.Brief(options);
  ASSERT_EQ(s.summary.size(), 1u);
  EXPECT_TRUE(s.summary[0].starts_with("Officials opened a new bridge")) << s.summary[0];
}

TEST(WriteBrief, TheSentenceCutAtTheBudgetIsTheLastChosenAndIsReadLast) {
  // The barrier sentences are chosen first (the article comes back to them),
  // the bridge lead after them; the lead comes first in the article, yet it
  // is the one cut when the two do not fit, the barrier stays whole, and the
  // cut lead is read last: no sentence follows one that breaks off.
  StoryBuilder b;
  b.Add("a", "Wire", "", kBarrierArticle, 100);
  BriefOptions options;
  options.summary_words = 22;
  Story s = b.Brief(options);
  ASSERT_EQ(s.summary.size(), 2u);
  EXPECT_LE(Words(s.summary), options.summary_words);
  EXPECT_TRUE(Contains(s.summary, "flood barrier")) << s.summary[0];
  EXPECT_TRUE(s.summary[0].ends_with(".")) << s.summary[0];
  EXPECT_TRUE(s.summary[1].starts_with("Officials opened a new bridge")) << s.summary[1];
  EXPECT_TRUE(s.summary[1].ends_with("\xE2\x80\xA6")) << s.summary[1];
}

TEST(WriteBrief, SummaryTakesAQuoteWithItsSpeakerButNotOneWithout) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "\"The new harbour wall held back the worst storm in fifty years,\" said Mayor Elena Ruiz "
        "of Valdora on Monday.\n"
        "\xE2\x80\x9CThe harbour wall held back the worst storm in fifty years and saved the "
        "town.\xE2\x80\x9D\n"
        "\"Crews worked through the night in Valdora. The harbour wall held back the storm and "
        "the town is safe,\" she said.\n",
        100);
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(Contains(s.summary, "said Mayor Elena Ruiz")) << s.summary[0];
  EXPECT_FALSE(Contains(s.summary, "saved the town"));            // no speaker
  EXPECT_FALSE(Contains(s.summary, "the town is safe"));          // starts inside a quotation
  EXPECT_FALSE(Contains(s.summary, "worked through the night"));  // no speaker after it
}

TEST(WriteBrief, SummaryTakesAQuoteInSingleMarksWithItsSpeaker) {
  // British papers quote in single marks: the same rule, a speaker after the
  // closing mark, holds for them.
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "\xE2\x80\x98The new harbour wall held back the worst storm in fifty years,\xE2\x80\x99 "
        "said Mayor Elena Ruiz of Valdora on Monday.\n"
        "\xE2\x80\x98"
        "Crews worked through the night in Valdora and the harbour is "
        "safe.\xE2\x80\x99\n",
        100);
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(Contains(s.summary, "said Mayor Elena Ruiz"));
  EXPECT_FALSE(Contains(s.summary, "worked through the night"));  // no speaker
}

TEST(WriteBrief, SummaryLeavesOutSentencesAboutTheWebPage) {
  StoryBuilder b;
  b.Add("a", "Globe", "",
        "Registering for the Valdora Globe harbour storm alerts is free and easy!\n"
        "Please make sure your browser supports JavaScript to read about the harbour storm.\n"
        "Click here to log in with your e-mail address and password for harbour storm news.\n"
        "The harbour storm page you requested cannot be found on the Valdora Globe site.\n"
        "Our privacy policy and terms of service cover the harbour storm alerts in Valdora.\n"
        "The harbour wall in Valdora held back the worst storm in fifty years on Monday.\n",
        100);
  b.Add("b", "Wire", "",
        "The storm hit Valdora harbour on Monday and the harbour wall held.\n"
        "Storm alerts for Valdora harbour stayed in force until Tuesday.\n",
        101);
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(Contains(s.summary, "harbour wall"));
  EXPECT_FALSE(Contains(s.summary, "Registering for"));
  EXPECT_FALSE(Contains(s.summary, "your browser"));
  EXPECT_FALSE(Contains(s.summary, "log in"));
  EXPECT_FALSE(Contains(s.summary, "page you requested"));
  EXPECT_FALSE(Contains(s.summary, "privacy policy"));
}

TEST(WriteBrief, AnErrorPageInAStoryIsNotRead) {
  // A page whose lead speaks about the page, and that says nothing the
  // story says, is a notice, not a report: none of it is read, not even
  // what follows the lead, and its title is no headline.
  StoryBuilder b;
  b.Add("e", "Times", "Page not found",
        "The page you requested cannot be found on this site.\n"
        "The story may have expired or been moved to another address.\n",
        100);
  b.Add("a", "Wire", "Storm hits Valdora harbour",
        "The storm hit Valdora harbour on Monday and the harbour wall held.\n"
        "Storm alerts for Valdora harbour stayed in force until Tuesday.\n",
        101);
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_TRUE(Contains(s.summary, "harbour wall held"));
  EXPECT_FALSE(Contains(s.summary, "may have expired"));
  EXPECT_EQ(s.headline, "Storm hits Valdora harbour");
}

TEST(WriteBrief, AReportWhoseLeadNamesAPagePhraseIsReadWhenItSharesTheStory) {
  // "privacy policy" in a lead about a privacy policy: the article reports
  // what the story reports, so it is read (its lead is still no candidate).
  StoryBuilder b;
  b.Add("a", "Wire", "Valdora Telecom changes privacy policy",
        "Valdora Telecom changed its privacy policy on Monday after complaints.\n"
        "Regulators fined the firm 40,000 dollars last year for selling data.\n",
        100);
  b.Add("b", "Herald", "Valdora Telecom customers win",
        "Customers of Valdora Telecom said the company changed its rules on Monday.\n", 101);
  Story s = b.Brief();
  EXPECT_TRUE(Contains(s.summary, "40,000 dollars"));
}

TEST(WriteBrief, APageOfOtherNewsInAStoryIsNotRead) {
  // A front page that came in under the story's link: about neither its own
  // title nor the story. An article about its title is read even when it
  // shares nothing with the others.
  StoryBuilder b;
  b.Add("f", "Daily", "Latest News & Headlines",
        "Stocks rallied in Tokyo on Friday as the yen weakened against the dollar.\n", 100);
  b.Add("a", "Wire", "Storm hits Valdora harbour",
        "The storm hit Valdora harbour on Monday and the harbour wall held.\n", 101);
  b.Add("c", "Courier", "Concepcion sends rescue boats",
        "Rescue boats from Concepcion reached the fishing fleet before dawn.\n", 102);
  Story s = b.Brief();
  EXPECT_TRUE(Contains(s.summary, "harbour wall held"));
  EXPECT_TRUE(Contains(s.summary, "Rescue boats"));
  EXPECT_FALSE(Contains(s.summary, "yen"));
}

TEST(WriteBrief, FragmentsStandInForSentencesWhenAStoryHasNone) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "As a feminist with a great career, no one was more surprised than Hannah Ruiz when she "
        "became a housewife, but she is happy\nMore stories\n");
  Story s = b.Brief();
  ASSERT_EQ(s.summary.size(), 1u);
  EXPECT_TRUE(Contains(s.summary, "Hannah Ruiz"));
  EXPECT_FALSE(s.headline.empty());
  // Beside a whole sentence, fragments stay out.
  StoryBuilder c;
  c.Add("a", "Wire", "",
        "As a feminist with a great career, no one was more surprised than Hannah Ruiz when she "
        "became a housewife, but she is happy\nShe said the change came slowly over two years.\n");
  EXPECT_FALSE(Contains(c.Brief().summary, "feminist"));
}

// A prior written to a temporary file: `terms` is "<stem>\t<df>" lines.
features::TermStats PriorOf(const std::string& name, int documents, const std::string& terms) {
  std::string path = ::testing::TempDir() + "/storyline_brief_" + name + ".tsv";
  std::ofstream(path) << "#storyline-df\t1\t" << documents << "\n" << terms;
  auto stats = features::TermStats::LoadPrior(path);
  std::filesystem::remove(path);
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return stats.ok() ? std::move(*stats) : features::TermStats();
}

// Floods in Valdora, told by the Wire with two facts of its own (`fact`
// first, then the dam at Zorvat) and by the Herald with one.
void AddFloodStory(const std::string& fact, StoryBuilder* b) {
  const std::string shared =
      "Floods closed the main road into Valdora on Monday, officials said.\n";
  b->Add("a", "Wire", "",
         shared + fact +
             "\nEngineers said the old dam at Zorvat had cracked but was holding for now.\n",
         100);
  b->Add("b", "Herald", "",
         shared +
             "Rain is expected to continue for three more days across the region, forecasters "
             "said.\n",
         200);
}

// The facts listed as only in the Wire.
std::vector<std::string> WireFacts(const Story& s) {
  for (const OutletFacts& f : s.only_in) {
    if (f.outlet == "Wire") return f.sentences;
  }
  return {};
}

TEST(WriteBrief, OnlyInPrefersAFactThatStandsAlone) {
  // The Wire's first fact names more, but opens with "He", which shown
  // alone leaves the reader asking who.
  StoryBuilder b;
  AddFloodStory(
      "He told reporters in Oslo, Madrid and Berlin that aid flights would leave at once.", &b);
  std::vector<std::string> wire = WireFacts(b.Brief({.only_in_per_outlet = 1}));
  ASSERT_EQ(wire.size(), 1u);
  EXPECT_TRUE(Contains(wire, "Zorvat")) << wire[0];
}

TEST(WriteBrief, OnlyInLeavesOutSentencesAboutThePageButNotOnesAboutPasswords) {
  // All names and new to the story, so a fact by its counts; but it speaks
  // about the page.
  StoryBuilder b;
  AddFloodStory("Like Valdora Wire on Facebook and follow us on Twitter, Tumblr and Instagram.",
                &b);
  std::vector<std::string> wire = WireFacts(b.Brief());
  EXPECT_FALSE(Contains(wire, "follow us"));
  EXPECT_TRUE(Contains(wire, "Zorvat"));
  // A report about passwords is news: the words that keep such sentences out
  // of summaries do not keep them out of facts.
  StoryBuilder c;
  AddFloodStory("Hackers stole the password of the Zorvat dam's Siemens control system in March.",
                &c);
  std::vector<std::string> facts = WireFacts(c.Brief());
  EXPECT_TRUE(Contains(facts, "password")) << (facts.empty() ? "" : facts[0]);
}

TEST(WriteBrief, OnlyInPrefersOneRareNameToSeveralCommonOnesGivenAPrior) {
  StoryBuilder b;
  AddFloodStory(
      "Aid flights were promised by officials in Oslo, Madrid and Berlin late that night.", &b);
  BriefOptions one;
  one.only_in_per_outlet = 1;
  // Without a prior every name counts the same: three beat one.
  std::vector<std::string> plain = WireFacts(b.Brief(one));
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(Contains(plain, "Oslo"));
  // With a prior in which those three are common news words and "Zorvat" is
  // unknown, the rare name is the more specific fact.
  features::TermStats prior = PriorOf("rare", 1000, "oslo\t150\nmadrid\t200\nberlin\t250\n");
  one.prior = &prior;
  std::vector<std::string> specific = WireFacts(b.Brief(one));
  ASSERT_EQ(specific.size(), 1u);
  EXPECT_TRUE(Contains(specific, "Zorvat"));
}

// "Rescue teams ..." and "Seismologists said ..." open sentences and are
// written nowhere else: common words, not names. "Valdora" opens a sentence
// in one article and is written inside one in the other: a name.
TEST(WriteBrief, EntitiesLeaveOutWordsThatOnlyOpenSentences) {
  Story s = StoryBuilder()
                .Add("a", "Outlet A", "Quake kills nine in Chile", kQuakeA)
                .Add("b", "Outlet B", "Earthquake in Chile",
                     kQuakeB +
                         "Seismologists said aftershocks would follow.\n"
                         "Valdora lost power for a day.\n")
                .Brief();
  std::vector<std::string> entities;
  for (const EntityCount& e : s.entities) entities.push_back(e.name);
  EXPECT_TRUE(Contains(entities, "Valdora"));
  EXPECT_TRUE(Contains(entities, "Elena Ruiz"));
  EXPECT_FALSE(Contains(entities, "Rescue"));
  EXPECT_FALSE(Contains(entities, "Seismologists"));
}

// A word run into a sentence from a heading or past a lost full stop
// ("... flew Home on Monday") reads as a name inside the sentence. The prior
// tells: its news write "home" in lower case in 90 documents and as part of
// a name in 10, while "Valdora" they write only as a name. "WHO", short
// capitals, is an acronym whatever "who" is.
TEST(WriteBrief, EntitiesLeaveOutWordsThePriorWritesInLowerCase) {
  auto names = [](const Story& s) {
    std::vector<std::string> out;
    for (const EntityCount& e : s.entities) out.push_back(e.name);
    return out;
  };
  const std::string run_in = "The team flew Home on Monday, the WHO said.\n";
  StoryBuilder c;
  c.Add("a", "Outlet A", "Quake kills nine in Chile", kQuakeA + run_in)
      .Add("b", "Outlet B", "Earthquake in Chile", kQuakeB + run_in);
  auto has = [](const std::vector<std::string>& v, std::string_view name) {
    return std::find(v.begin(), v.end(), name) != v.end();
  };
  ASSERT_TRUE(has(names(c.Brief()), "Home")) << "the case this test is about";
  features::TermStats prior =
      PriorOf("word_case", 1000, "E:home\t10\nE:valdora\t12\nE:who\t3\nL:home\t90\nL:who\t900\n");
  BriefOptions options;
  options.prior = &prior;
  std::vector<std::string> with = names(c.Brief(options));
  EXPECT_FALSE(has(with, "Home"));
  EXPECT_TRUE(has(with, "Valdora"));
  EXPECT_TRUE(has(with, "WHO"));
}

TEST(WriteBrief, EntitiesLeaveOutAKindOfBodyAlone) {
  // Two ministries, so "Ministry" joins neither; it names none of them.
  Story s =
      StoryBuilder()
          .Add("a", "Outlet A", "Quake kills nine in Chile",
               kQuakeA + "The Health Ministry sent doctors. The Ministry said more would go.\n")
          .Add("b", "Outlet B", "Earthquake in Chile",
               kQuakeB + "The Interior Ministry sent tents. The Ministry named no date.\n")
          .Brief();
  std::vector<std::string> entities;
  for (const EntityCount& e : s.entities) entities.push_back(e.name);
  EXPECT_TRUE(Contains(entities, "Valdora"));
  EXPECT_TRUE(Contains(entities, "Health Ministry"));
  EXPECT_EQ(std::count(entities.begin(), entities.end(), "Ministry"), 0);
}

TEST(WriteBrief, EntitiesLeaveOutAnArticleNamingItsOwnOutlet) {
  // "Valdora Times" reports under its own name; the other outlet's text
  // names it too, and that mention counts.
  const std::string self = "The Valdora Times understands the mayor will resign.\n";
  Story alone = StoryBuilder()
                    .Add("a", "Valdora Times", "Quake kills nine in Chile", kQuakeA + self)
                    .Add("b", "Outlet B", "Earthquake in Chile", kQuakeB)
                    .Brief();
  std::vector<std::string> entities;
  for (const EntityCount& e : alone.entities) entities.push_back(e.name);
  EXPECT_TRUE(Contains(entities, "Valdora"));
  EXPECT_FALSE(Contains(entities, "Valdora Times"));
  EXPECT_FALSE(Contains(entities, "The Valdora Times"));

  Story cited =
      StoryBuilder()
          .Add("a", "Valdora Times", "Quake kills nine in Chile", kQuakeA + self)
          .Add("b", "Outlet B", "Earthquake in Chile",
               kQuakeB + "The mayor will resign, the Valdora Times reported on its website.\n")
          .Brief();
  const auto times = std::find_if(cited.entities.begin(), cited.entities.end(),
                                  [](const EntityCount& e) { return e.name.ends_with("Times"); });
  ASSERT_NE(times, cited.entities.end());
  EXPECT_EQ(times->count, 1);  // Outlet B's mention only
}

TEST(WriteBrief, TimelineIsOldestFirstWithTheNewFactsOfLaterArticles) {
  StoryBuilder b;
  b.Add("late", "Herald", "", kQuakeB, 500);
  b.Add("early", "Wire", "", kQuakeA, 100);
  Story s = b.Brief();
  ASSERT_EQ(s.timeline.size(), 2u);
  EXPECT_EQ(s.timeline[0].article_id, "early");
  EXPECT_EQ(s.timeline[1].article_id, "late");
  EXPECT_TRUE(Contains(s.timeline[1].new_facts, "Red Cross") ||
              Contains(s.timeline[1].new_facts, "tsunami"));
}

TEST(WriteBrief, DuplicatesCountForQuotesButNotAsOutletsOfTheirOwn) {
  StoryBuilder b;
  b.Add("a", "Wire", "", kQuakeA, 100);
  b.Add("a2", "Reprint", "", kQuakeA, 150, /*duplicate=*/true);
  Story s = b.Brief();
  ASSERT_FALSE(s.quotes.empty());
  EXPECT_EQ(s.quotes.front().outlets, (std::vector<std::string>{"Wire", "Reprint"}));
  EXPECT_TRUE(s.only_in.empty());  // one original outlet: nothing is "only in"
}

TEST(WriteBrief, EmptyStoryAndArticlesWithoutSentencesAreHarmless) {
  Story s;
  WriteBrief({}, {}, &s);
  EXPECT_TRUE(s.summary.empty());
  StoryBuilder b;
  b.Add("x", "Wire", "Title only", "Too short");
  Story t = b.Brief();
  EXPECT_EQ(t.headline, "Title only");
  // A title of one huge run of characters is cut, between characters.
  StoryBuilder huge;
  huge.Add("z", "Wire", "Quake in Valdora " + std::string(100000, 'x') + " \xC3\xA9", kQuakeA);
  const std::string cut = huge.Brief().headline;
  EXPECT_LE(cut.size(), 303u);
  EXPECT_TRUE(cut.ends_with("\xE2\x80\xA6")) << cut.substr(0, 40);
  // Without a title or a sentence, the text's first line heads the story.
  StoryBuilder untitled;
  untitled.Add("y", "Wire", "", "NGA PURSUES CONTROL OF SATELLITE IMAGERY\nLINK ANALYSIS");
  EXPECT_EQ(untitled.Brief().headline, "NGA PURSUES CONTROL OF SATELLITE IMAGERY");
}

TEST(ArticleMaterial, RoundTripsThroughItsBinaryForm) {
  text::Analyzer analyzer;
  text::Analysis a = analyzer.Analyze("Quake kills nine in Valdora", kQuakeA);
  ArticleMaterial m = MakeMaterial(kQuakeA, a);
  ASSERT_FALSE(m.sentences.empty());
  EXPECT_EQ(m.title_words.size(), 4u);  // quake, kill(s), nine, valdora
  ASSERT_FALSE(m.quotes.empty());
  std::string bytes;
  m.AppendTo(&bytes);
  ArticleMaterial back;
  ASSERT_TRUE(ArticleMaterial::Parse(bytes, &back));
  EXPECT_EQ(back.text, m.text);
  EXPECT_EQ(back.sentences.size(), m.sentences.size());
  EXPECT_EQ(back.concepts, m.concepts);
  EXPECT_EQ(back.title_words, m.title_words);
  ASSERT_EQ(back.quotes.size(), m.quotes.size());
  for (std::size_t i = 0; i < m.quotes.size(); ++i) {
    EXPECT_EQ(back.quotes[i].speaker, m.quotes[i].speaker);
    EXPECT_EQ(back.quotes[i].named, m.quotes[i].named) << m.quotes[i].text;
  }
  ASSERT_EQ(back.names.size(), m.names.size());
  for (std::size_t i = 0; i < m.names.size(); ++i) {
    EXPECT_EQ(back.names[i].name, m.names[i].name);
    EXPECT_EQ(back.names[i].doubtful, m.names[i].doubtful) << m.names[i].name;
  }
  EXPECT_FALSE(ArticleMaterial::Parse(bytes.substr(0, bytes.size() - 1), &back));
  EXPECT_FALSE(ArticleMaterial::Parse("junk", &back));
}

// A sentence that starts inside a quotation opened earlier in its paragraph
// is quoting too, though it opens with no mark of its own; the next
// paragraph starts outside again.
TEST(ArticleMaterial, SentencesInsideAQuotationAreMarked) {
  const std::string text =
      "\xE2\x80\x9C"
      "We have a very good relationship with him. I like him, he likes me, the "
      "relationship is good.\xE2\x80\x9D he said on Tuesday at the White House.\n"
      "The two leaders met in Singapore in June for their first summit meeting.\n";
  text::Analyzer analyzer;
  ArticleMaterial m = MakeMaterial(text, analyzer.Analyze("", text));
  ASSERT_EQ(m.sentences.size(), 3u);
  EXPECT_TRUE(m.sentences[0].flags & kQuotation);
  EXPECT_TRUE(m.sentences[1].flags & kQuotation) << m.Sentence(m.sentences[1]);
  EXPECT_FALSE(m.sentences[2].flags & kQuotation) << m.Sentence(m.sentences[2]);
}

// Sentences that tell the reader to do something, or give an address to
// write to, are about the page; reporting that uses the same verbs is not,
// nor is a quotation that commands.
TEST(ArticleMaterial, SentencesAddressedToTheReaderAreAboutThePage) {
  const std::string text =
      "Visit the movement's website at www.example.org for more.\n"
      "Find out when your favorite shops are holding sales.\n"
      "If you continue to encounter difficulties, please email the newsroom.\n"
      "To write to the movement directly, use contact@example.org today.\n"
      "Buy using click&buy and pay via credit card or via your phone bill.\n"
      "General permission is granted for the reproduction of this page.\n"
      "You have been re-directed to the Valdora Police website.\n"
      "Share prices fell sharply in Valdora after the storm on Monday.\n"
      "Visitors found the harbour closed and the wall badly damaged.\n"
      "\"Visit the harbour and see for yourself,\" the mayor told reporters.\n";
  text::Analyzer analyzer;
  ArticleMaterial m = MakeMaterial(text, analyzer.Analyze("", text));
  ASSERT_EQ(m.sentences.size(), 10u);
  for (int i : {0, 1, 2, 3, 4, 5, 6}) {
    EXPECT_TRUE(m.sentences[i].flags & kAboutThePage) << m.Sentence(m.sentences[i]);
  }
  constexpr std::uint8_t kPage = kAboutThePage | kReaderChrome;
  for (int i : {7, 8, 9}) EXPECT_FALSE(m.sentences[i].flags & kPage) << m.Sentence(m.sentences[i]);
}

// A sentence cut inside brackets is a fragment; a list's "1)" is not a cut.
TEST(ArticleMaterial, ASentenceCutInsideBracketsIsAFragment) {
  const std::string text =
      "723 words) to the Valdora Globe archive subscribers who pay for them.\n"
      "(If you are outside Valdora, you can still pay by credit card for the archive.\n"
      "1) The harbour wall held back the worst storm in fifty years on Monday.\n"
      "The harbour wall (built in 1890) held back the worst storm in fifty years.\n";
  text::Analyzer analyzer;
  ArticleMaterial m = MakeMaterial(text, analyzer.Analyze("", text));
  ASSERT_EQ(m.sentences.size(), 4u);
  EXPECT_TRUE(m.sentences[0].flags & kFragment);
  EXPECT_TRUE(m.sentences[1].flags & kFragment);
  EXPECT_FALSE(m.sentences[2].flags & kFragment);
  EXPECT_FALSE(m.sentences[3].flags & kFragment);
}

// The founding example: ../shared/seeds, as the engine cleans them.
TEST(WriteBrief, FoundingExample) {
  namespace fs = std::filesystem;
  fs::path seeds = fs::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no founding example at " << seeds;
  StoryBuilder b;
  std::vector<std::string> ids;
  for (const auto& e : fs::directory_iterator(seeds)) {
    if (e.path().extension() != ".txt") continue;
    ids.push_back(e.path().filename().string());
  }
  std::sort(ids.begin(), ids.end());
  ASSERT_EQ(ids.size(), 2u);
  for (const std::string& id : ids) {
    std::ifstream in(seeds / id);
    std::stringstream buf;
    buf << in.rdbuf();
    extract::CleanedText cleaned = extract::CleanPlainText(buf.str());
    b.Add(id, id, "", cleaned.text);
  }
  // With the shipped prior, as the engine briefs: names weigh by specificity.
  auto prior =
      features::TermStats::LoadPrior(std::string(STORYLINE_SOURCE_DIR) + "/data/prior/df_en.tsv");
  ASSERT_TRUE(prior.ok()) << prior.status().ToString();
  BriefOptions options;
  options.prior = &*prior;
  Story s = b.Brief(options);
  const std::string& asia_times = ids[0];  // 000_...
  const std::string& bloomberg = ids[1];   // 004_...

  bool found = false;
  for (const StoryQuote& q : s.quotes) {
    if (q.text != "I like him, he likes me, the relationship is good") continue;
    found = true;
    EXPECT_NE(q.speaker.find("Trump"), std::string::npos);
    EXPECT_EQ(q.outlets.size(), 2u);
  }
  EXPECT_TRUE(found);

  std::vector<std::string> entities;
  for (const EntityCount& e : s.entities) entities.push_back(e.name);
  EXPECT_TRUE(Contains(entities, "Trump"));
  EXPECT_TRUE(Contains(entities, "Kim Jong Un"));
  int pompeos = 0;
  for (const std::string& e : entities) {
    if (e.find("Pompeo") == std::string::npos) continue;
    ++pompeos;
    EXPECT_TRUE(e == "Mike Pompeo" || e == "Michael Pompeo") << e;  // the full name, once
  }
  EXPECT_EQ(pompeos, 1);

  std::map<std::string, std::vector<std::string>> only;
  for (const OutletFacts& f : s.only_in) only[f.outlet] = f.sentences;
  EXPECT_TRUE(Contains(only[bloomberg], "Geneva") || Contains(only[bloomberg], "Stockholm"));
  EXPECT_TRUE(Contains(only[bloomberg], "Biegun"));
  EXPECT_TRUE(Contains(only[asia_times], "Lankov"));
  EXPECT_TRUE(Contains(only[asia_times], "Yongbyon"));

  std::string all = s.headline;
  for (const auto& v : {s.summary}) {
    for (const std::string& x : v) all += "\n" + x;
  }
  for (const auto& f : s.only_in) {
    for (const std::string& x : f.sentences) all += "\n" + x;
  }
  for (const auto& q : s.quotes) all += "\n" + q.text;
  EXPECT_EQ(all.find("Image: iStock"), std::string::npos);
  EXPECT_EQ(all.find("Campaign Rally"), std::string::npos);
  EXPECT_EQ(all.find("All rights reserved"), std::string::npos);
}

}  // namespace
}  // namespace storyline::brief

namespace storyline::brief {
namespace {

TEST(WriteBrief, InlineDatelinesAndWireCreditsAreNotShown) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "VALDORA, Chile (Wire) \xE2\x80\x94 A magnitude 6.8 earthquake struck the coast on "
        "Tuesday, killing at least nine people.\nRescue teams searched collapsed homes in the "
        "harbour district through the night.\n");
  Story s = b.Brief();
  ASSERT_FALSE(s.summary.empty());
  EXPECT_EQ(s.summary.front().rfind("A magnitude 6.8 earthquake", 0), 0u) << s.summary.front();
}

TEST(WriteBrief, DatelineOfCapitalisedWordsEndingInACreditIsNotShownNorCounted) {
  StoryBuilder b;
  b.Add("a", "Wire", "",
        "Valdora, Chile, Jan. 5 (Wire) -- A magnitude 6.8 earthquake struck the coast on "
        "Tuesday, killing at least nine people.\n"
        "Officials in the port of Valdora (Chile) - Rescue teams searched collapsed homes in the "
        "harbour district through the night.\n");
  BriefOptions options;
  options.summary_words = 16;  // the first sentence without its 6-word dateline, plus 1
  Story s = b.Brief(options);
  ASSERT_FALSE(s.summary.empty());
  EXPECT_EQ(s.summary.front().rfind("A magnitude 6.8 earthquake", 0), 0u) << s.summary.front();
  // A clause before the dash is not a dateline.
  std::string all;
  for (const std::string& x : b.Brief().summary) all += x + "\n";
  EXPECT_NE(all.find("Officials in the port of Valdora (Chile) - Rescue"), std::string::npos)
      << all;
  // The budget counts the words shown: the 15-word sentence fits whole.
  EXPECT_EQ(s.summary.front().find("\xE2\x80\xA6"), std::string::npos) << s.summary.front();
}

}  // namespace
}  // namespace storyline::brief

namespace storyline::brief {
namespace {

// Found by the text fuzzer: an empty material made memcpy see a null pointer.
TEST(ArticleMaterial, EmptyMaterialRoundTrips) {
  ArticleMaterial empty;
  std::string bytes;
  empty.AppendTo(&bytes);
  ArticleMaterial back;
  back.text = "stale";
  ASSERT_TRUE(ArticleMaterial::Parse(bytes, &back));
  EXPECT_TRUE(back.text.empty());
  EXPECT_TRUE(back.sentences.empty());
}

// A sentence shown alone pairs its quotation marks: the splitter ends one
// inside a quote that runs on, or starts one inside a quote.
TEST(PairQuotes, AddsTheMarkACutQuoteLacks) {
  using brief_internal::PairQuotes;
  EXPECT_EQ(PairQuotes("She said: \"Stuart Hall is innocent of these charges."),
            "She said: \"Stuart Hall is innocent of these charges.\"");
  EXPECT_EQ(PairQuotes("I think we could have won,\" he said."),
            "\"I think we could have won,\" he said.");
  EXPECT_EQ(PairQuotes("He said: \u201CI think he cares deeply."),
            "He said: \u201CI think he cares deeply.\u201D");
  EXPECT_EQ(PairQuotes("We will win,\u201D he said."), "\u201CWe will win,\u201D he said.");
  // Paired marks, apostrophes and none: as they are.
  EXPECT_EQ(PairQuotes("He said \"yes\" and \u201Cno\u201D, it's late."),
            "He said \"yes\" and \u201Cno\u201D, it's late.");
  EXPECT_EQ(PairQuotes(""), "");
}

// A mark the splitter left on the wrong side of a sentence end is not shown.
TEST(Show, LeavesOutMarksOfTheSentencesAround) {
  using brief_internal::Show;
  EXPECT_EQ(Show("\" He'll also earn five percent of the grosses."),
            "He'll also earn five percent of the grosses.");
  EXPECT_EQ(Show("Residents waited on the streets. \""), "Residents waited on the streets.");
  EXPECT_EQ(Show("She said: \"It is over."), "She said: \"It is over.\"");
}

}  // namespace
}  // namespace storyline::brief
