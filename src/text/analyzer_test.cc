#include "text/analyzer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <vector>

namespace storyline::text {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

// Made up, in the style of the founding example (shared/seeds).
constexpr const char* kTitle = "Trump says Kim Jong Un summit will follow midterm elections";
constexpr const char* kBody =
    "President Donald Trump met North Korean leader Kim Jong Un in Singapore. "
    "Secretary of State Mike Pompeo said the talks had gone well.\n\n"
    "Officials said a second summit was likely after the election. "
    "Several officials in Pyongyang praised the plan, and Kim Jong Un thanked the president.";

std::vector<std::string> EntityNames(const Analysis& a) {
  std::vector<std::string> names;
  for (const EntityMention& m : a.entities) names.push_back(m.name);
  return names;
}

const EntityMention* FindEntity(const Analysis& a, const std::string& key) {
  for (const EntityMention& m : a.entities) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

// Whether the mention `key` is a doubtful one-word name (only a lone
// sentence opener, or also written in lower case); a missing mention fails
// the test.
bool Doubtful(const Analysis& a, const std::string& key) {
  const EntityMention* m = FindEntity(a, key);
  EXPECT_NE(m, nullptr) << key;
  return m != nullptr && m->doubtful;
}

float CountOf(const std::vector<TermCount>& terms, std::uint64_t id) {
  for (const TermCount& t : terms) {
    if (t.id == id) return t.count;
  }
  return 0;
}

std::uint64_t StemId(std::string_view word) {
  Stemmer stemmer;
  return TermId(stemmer.Stem(word));
}

bool SortedById(const std::vector<TermCount>& terms) {
  return std::is_sorted(terms.begin(), terms.end(),
                        [](const TermCount& a, const TermCount& b) { return a.id < b.id; });
}

TEST(Analyzer, FindsMultiWordNamesWithTitlesStripped) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(kTitle, kBody);
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Kim Jong Un"));
  EXPECT_THAT(names, Contains("Mike Pompeo"));
  EXPECT_THAT(names, Contains("Donald Trump"));
  EXPECT_THAT(names, Contains("Pyongyang"));
  // The titles in front of the names never become part of an entity.
  EXPECT_THAT(names, Not(Contains("Secretary of State Mike Pompeo")));
  EXPECT_THAT(names, Not(Contains("President Donald Trump")));
  EXPECT_THAT(names, Not(Contains("Secretary")));
  EXPECT_THAT(names, Not(Contains("State")));
}

TEST(Analyzer, WordsInCapitalsRunIntoASentenceAreNamesOnlyWhereTheBodySaysSo) {
  Analyzer analyzer;
  // A sidebar's heading and a page's link glued into sentences: only
  // "PINOCHET", which the body also writes "Pinochet", is a name (counted
  // as "Pinochet").
  Analysis a = analyzer.Analyze(
      "",
      "Gen Pinochet faces charges of murder and kidnapping over the trial's old cases. "
      "They relate to a joint campaign. PINOCHET TRIAL TIMELINE October 1998: Police in the "
      "UK arrest Pinochet on a Spanish warrant. ENTER PHOTO GALLERY The court sat again.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Pinochet"));
  EXPECT_THAT(names, Not(Contains("PINOCHET TRIAL TIMELINE")));
  EXPECT_THAT(names, Not(Contains("TRIAL TIMELINE")));
  EXPECT_THAT(names, Not(Contains("ENTER PHOTO GALLERY")));
  EXPECT_THAT(names, Not(Contains("ENTER PHOTO GALLERY The")));

  // A dateline is a place, and short words in capitals are acronyms.
  Analysis b = analyzer.Analyze(
      "",
      "TEL AVIV, Israel - Rockets fell on the city. The BSE PSU index rose as the UUP MLA "
      "spoke.");
  names = EntityNames(b);
  EXPECT_THAT(names, Contains("TEL AVIV"));
  EXPECT_THAT(names, Contains("BSE PSU"));
  EXPECT_THAT(names, Contains("UUP MLA"));
}

TEST(Analyzer, APagesTimeStampIsNoPartOfTheNameAfterIt) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Last updated at 10:15 AM ET Samuel Dalembert signed a new deal. Updated 9:05 PM GMT "
      "Wladimir Klitschko kept his titles. Posted 10:00 AM AEST South Australia flooded. "
      "Updated Thursdays by the sports desk.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Samuel Dalembert"));
  EXPECT_THAT(names, Contains("Wladimir Klitschko"));
  EXPECT_THAT(names, Contains("South Australia"));
  // One word after a time stamp is the next line's first, not a name.
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("AM"), std::string::npos) << n;
    EXPECT_EQ(n.find("GMT"), std::string::npos) << n;
    EXPECT_EQ(n.find("Updated"), std::string::npos) << n;
    EXPECT_NE(n, "Thursdays");
  }
}

TEST(Analyzer, ManyNamesAreCountedAsFewAre) {
  // Past 64 distinct names the analyzer looks mentions up in an index
  // instead of a scan: the counts must come out the same.
  std::string body;
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 150; ++i) {
      body += "The team met Anna Berg" + std::to_string(i) + " in Springfield on Monday. ";
    }
    body += "\n\n";
  }
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", body);
  for (int i : {0, 63, 64, 65, 149}) {
    const EntityMention* m = FindEntity(a, "anna berg" + std::to_string(i));
    ASSERT_NE(m, nullptr) << i;
    EXPECT_EQ(m->count, 2) << i;
  }
  const EntityMention* town = FindEntity(a, "springfield");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->count, 300);
}

TEST(Analyzer, AHugeArticleLeavesNoBuffersOfItsSizeBehind) {
  // The working buffers keep their capacity between articles (a thread's
  // analyzer lives as long as the thread, a server worker's too), except after
  // text over 1 MiB, which would otherwise stay held at its size for good.
  Analyzer analyzer;
  const std::string story = "The mayor of Springfield opened the new bridge on Monday. ";
  std::string huge;
  while (huge.size() <= (std::size_t{2} << 20)) huge += story;
  Analysis a = analyzer.Analyze("Bridge opens", huge);
  EXPECT_GT(a.body_terms.size(), 0u);
  EXPECT_LT(analyzer.BufferBytes(), std::size_t{64} << 10);

  // An article of news size keeps its buffers for the next one.
  std::string news;
  while (news.size() <= (std::size_t{200} << 10)) news += story;
  analyzer.Analyze("Bridge opens", news);
  EXPECT_GT(analyzer.BufferBytes(), news.size());

  // And a huge article analyses as a small one does.
  Analyzer fresh;
  Analysis b = fresh.Analyze("Bridge opens", huge);
  Analysis c = analyzer.Analyze("Bridge opens", huge);
  ASSERT_EQ(b.body_terms.size(), c.body_terms.size());
  for (std::size_t i = 0; i < b.body_terms.size(); ++i) {
    EXPECT_EQ(b.body_terms[i].id, c.body_terms[i].id);
    EXPECT_EQ(b.body_terms[i].count, c.body_terms[i].count);
  }
}

TEST(Analyzer, FormerAndActingAreNoPartOfAName) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Former U.S. President Bill Clinton spoke first. Former New York "
                                "Mayor Ed Koch followed, and Acting Chief Dan Reyes closed.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("U.S."));
  EXPECT_THAT(names, Contains("Bill Clinton"));
  EXPECT_THAT(names, Contains("Dan Reyes"));
  for (const std::string& n : names) {
    EXPECT_EQ(n.find("Former"), std::string::npos) << n;
    EXPECT_EQ(n.find("Acting"), std::string::npos) << n;
  }
}

TEST(Analyzer, NamesThatBeginWithNewKeepIt) {
  // "new" is a stop word; "New York" is not "York".
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "The storm hit New York City on Monday. New York was dark and "
                                "New Zealand sent help. A new plan was drawn up. New Year's Day "
                                "passed.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("New York City"));
  EXPECT_THAT(names, Contains("New York"));
  EXPECT_THAT(names, Contains("New Zealand"));
  for (const std::string& n : names) {
    EXPECT_NE(n, "York") << n;
    EXPECT_NE(n, "Zealand") << n;
    EXPECT_NE(n, "New") << n;
  }
}

TEST(Analyzer, InitialsAndKoreanGivenNamesStayInTheName) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "U.N. Secretary General Ban Ki-moon met former president George W. Bush, said J. "
      "Stephen Herring. The B-24 Liberator landed at 9:53 AM with Lt. Col. Erik Kurilla aboard. "
      "Guards found it in Cell Block G. Dubai police were told. An Obama-backed plan and a "
      "Hong Kong-based firm were named. Bush kept Defense Secretary Donald H. Rumsfeld. "
      "His father, George H. W. Bush, agreed.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Ban Ki-moon"));
  EXPECT_THAT(names, Contains("George W. Bush"));
  // An initial after a given name, however long the run before it.
  EXPECT_THAT(names, Contains(HasSubstr("Donald H. Rumsfeld")));
  for (const std::string& n : names) EXPECT_FALSE(n.ends_with("Donald H")) << n;
  EXPECT_THAT(names, Contains("George H. W. Bush"));
  EXPECT_THAT(names, Contains("J. Stephen Herring"));
  EXPECT_THAT(names, Contains("Erik Kurilla"));
  EXPECT_THAT(names, Contains("Hong Kong"));
  EXPECT_THAT(names, Contains("Obama"));
  for (const std::string& n : names) {
    EXPECT_GT(n.size(), 1u) << n;  // no "B" from "B-24"
    EXPECT_NE(n, "AM");
    EXPECT_NE(n, "Col");
    const bool block_and_city =
        n.find("Block") != std::string::npos && n.find("Dubai") != std::string::npos;
    EXPECT_FALSE(block_and_city) << n;  // "G." there ends a sentence
  }
}

TEST(Analyzer, LongTitlesLeaveTheWholeNameAndNoFragment) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Biegun never met his counterpart, Vice Minister for Foreign Affairs Choe Son Hui. "
      "Secretary of Homeland Security Kirstjen Nielsen was not there.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Choe Son Hui"));
  EXPECT_THAT(names, Contains("Kirstjen Nielsen"));
  EXPECT_THAT(names, Not(Contains("Affairs Choe")));
  EXPECT_THAT(names, Not(Contains("Son Hui")));
  EXPECT_THAT(names, Not(Contains("Security Kirstjen Nielsen")));
}

TEST(Analyzer, NamesOfInstitutionsHoldTogetherAndListsComeApart) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Nurses at St. Brendan's Hospital walked out, said Irene Castillo of Northgate "
      "Securities. Analysts at Halden & Co. said exports to Germany and Poland would fall. "
      "The Department of Health and Human Services and the Bank of England said nothing. "
      "Ludwig van Beethoven and Charles de Gaulle were not there. Procter & Gamble rose. "
      "Shares of Acme, Inc. fell in the U.S. on Monday. Trump's Washington was quiet.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("St. Brendan's Hospital"));
  EXPECT_THAT(names, Contains("Irene Castillo"));
  EXPECT_THAT(names, Contains("Northgate Securities"));
  EXPECT_THAT(names, Contains("Halden & Co."));
  EXPECT_THAT(names, Contains("Germany"));
  EXPECT_THAT(names, Contains("Poland"));
  EXPECT_THAT(names, Contains("Department of Health and Human Services"));
  EXPECT_THAT(names, Contains("Bank of England"));
  EXPECT_THAT(names, Contains("Ludwig van Beethoven"));
  EXPECT_THAT(names, Contains("Charles de Gaulle"));
  EXPECT_THAT(names, Contains("Procter & Gamble"));
  EXPECT_THAT(names, Contains("Acme, Inc."));
  EXPECT_THAT(names, Contains("U.S."));
  EXPECT_THAT(names, Contains("Trump"));
  EXPECT_THAT(names, Contains("Washington"));
  EXPECT_THAT(names, Not(Contains("Irene Castillo of Northgate Securities")));
  EXPECT_THAT(names, Not(Contains("Germany and Poland")));
  EXPECT_THAT(names, Not(Contains("Co")));
  EXPECT_THAT(names, Not(Contains("Hospital")));
}

// "and" goes on to a word that ends an institution's name, and never to
// a clause: "... the Code for Crown Prosecutors and I have concluded".
TEST(Analyzer, AndJoinsAnInstitutionNotAClause) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "The Food and Agriculture Organisation met on Monday. It was "
                                "done under the Code for Crown Prosecutors and I have agreed.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Food and Agriculture Organisation"));
  EXPECT_THAT(names, Contains("Code for Crown Prosecutors"));
  EXPECT_THAT(names, Not(Contains("Food")));
  EXPECT_THAT(names, Not(Contains("Code for Crown Prosecutors and I")));
}

TEST(Analyzer, InstitutionNamesStopWhereTheSentenceDoes) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Owen Marsh, Chief Executive of Cobalt Systems, spoke. The store "
                                "is on Main St. The mayor said nothing. Staff of Children's "
                                "Hospital of Philadelphia cheered.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Cobalt Systems"));
  EXPECT_THAT(names, Contains("Main St"));
  EXPECT_THAT(names, Contains("Children's Hospital of Philadelphia"));
  EXPECT_THAT(names, Not(Contains("Executive")));
  EXPECT_THAT(names, Not(Contains("Main St. The")));
}

TEST(Analyzer, AnAndStaysInsideAnOrganisationsName) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Lothian and Borders Police and the Syrian Observatory for Human "
                                "Rights said Romney and Obama had not called.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Lothian and Borders Police"));
  EXPECT_THAT(names, Contains("Syrian Observatory for Human Rights"));
  EXPECT_THAT(names, Contains("Romney"));
  EXPECT_THAT(names, Contains("Obama"));
  a = analyzer.Analyze("", "Fans from Bosnia and Herzegovina and Trinidad and Tobago met.");
  EXPECT_THAT(EntityNames(a), Contains("Bosnia and Herzegovina"));
  EXPECT_THAT(EntityNames(a), Contains("Trinidad and Tobago"));
}

TEST(Analyzer, ATitleInTitleCaseNamesOnlyWhatTheBodyCapitalisesToo) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("Haiti Fears Death Toll May Rise After Storm Hits NGO Camps",
                                "The death toll in Haiti may rise, officials said on Monday, "
                                "as aid groups fear for camps hit by the storm.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Haiti"));
  EXPECT_THAT(names, Contains("NGO"));  // capitals stay a name
  EXPECT_THAT(names, Not(Contains("Haiti Fears Death Toll May Rise After Storm")));
  EXPECT_THAT(names, Not(Contains("Fears Death Toll May Rise After Storm Hits")));
  // A title in capitals names what the body capitalises.
  a = analyzer.Analyze("KLITSCHKO RETAINS WORLD HEAVYWEIGHT BELTS IN DUSSELDORF",
                       "Wladimir Klitschko kept his titles in Dusseldorf on Saturday.");
  EXPECT_THAT(EntityNames(a), Contains("Wladimir Klitschko"));
  for (const std::string& name : EntityNames(a)) {
    EXPECT_EQ(name.find("RETAINS"), std::string::npos) << name;
  }
  // A title in sentence case keeps its capitalised words as written.
  a = analyzer.Analyze("Kessler Canyon Fire grows to 1,200 acres near Mirabel Springs",
                       "The fire grew overnight.");
  EXPECT_THAT(EntityNames(a), Contains("Kessler Canyon Fire"));
  EXPECT_THAT(EntityNames(a), Contains("Mirabel Springs"));
}

TEST(Analyzer, AHeadlineInTheBodyNamesOnlyWhatTheBodyCapitalisesElsewhere) {
  Analyzer analyzer;
  // Related headlines run into the text: one with a capitalised grammar word
  // ("Into"), one with neither comma nor full stop.
  Analysis a = analyzer.Analyze(
      "",
      "Lindsay Lohan Checks Into Betty Ford Rehab\n"
      "Actress Lindsay Lohan entered the Betty Ford clinic on Monday, her lawyer said.\n"
      "France Unsure if Raid Killed Top Suspect in Paris Attacks\n"
      "Police in Paris searched a flat in Saint-Denis.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Lindsay Lohan"));
  EXPECT_THAT(names, Contains("Betty Ford"));
  EXPECT_THAT(names, Contains("Paris"));
  EXPECT_THAT(names, Not(Contains("Lindsay Lohan Checks Into Betty Ford Rehab")));
  EXPECT_THAT(names, Not(Contains("Raid Killed Top Suspect")));
  EXPECT_THAT(names, Not(Contains("Paris Attacks")));
  // A headline in capitals: there an acronym looks like any other word, so
  // only what the body capitalises elsewhere is a name.
  a = analyzer.Analyze("",
                       "RELATED: DEMOCRATS RETAIN THE SENATE WHILE THE GOP KEEPS ITS GRIP\n"
                       "The Democrats kept the Senate on Tuesday, the AP said.");
  for (const std::string& name : EntityNames(a)) {
    EXPECT_EQ(name.find("RETAIN"), std::string::npos) << name;
    EXPECT_EQ(name.find("GRIP"), std::string::npos) << name;
  }
  EXPECT_THAT(EntityNames(a), Contains("Senate"));
  // A sentence naming many people is no headline: each name stays.
  a = analyzer.Analyze("",
                       "Barack Obama, Mitt Romney, Joe Biden and Paul Ryan attended the "
                       "Alfred Smith Memorial Foundation Dinner.");
  names = EntityNames(a);
  EXPECT_THAT(names, Contains("Mitt Romney"));
  EXPECT_THAT(names, Contains("Paul Ryan"));
  EXPECT_THAT(names, Contains("Alfred Smith Memorial Foundation Dinner"));
}

TEST(Analyzer, CountsUnitsAndTrailingRanksAreNotNames) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Seven Palestinians were hurt, Gaza officials said at 10 a.m. ET. "
                                "The plant makes 1,000 MW, said Connecticut State Police Lt. "
                                "Paul Vance. Seventeen Turkish soldiers died. Ninety Kurdish "
                                "fighters fled.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Palestinians"));
  EXPECT_THAT(names, Contains("Turkish"));
  EXPECT_THAT(names, Not(Contains("Seventeen Turkish")));
  EXPECT_THAT(names, Not(Contains("Ninety Kurdish")));
  EXPECT_THAT(names, Contains("Connecticut State Police"));
  EXPECT_THAT(names, Contains("Paul Vance"));
  EXPECT_THAT(names, Not(Contains("Seven Palestinians")));
  EXPECT_THAT(names, Not(Contains("ET")));
  EXPECT_THAT(names, Not(Contains("MW")));
  EXPECT_THAT(names, Not(Contains("Connecticut State Police Lt")));
  Analysis b = analyzer.Analyze("",
                                "Prosecutors rested. Dist. Atty. Steve Cooley spoke, and Asst. "
                                "Supt. Mary Jones agreed.");
  std::vector<std::string> titled = EntityNames(b);
  EXPECT_THAT(titled, Contains("Steve Cooley"));
  EXPECT_THAT(titled, Contains("Mary Jones"));
  for (const char* title : {"Dist", "Atty", "Asst", "Supt"}) {
    EXPECT_THAT(titled, Not(Contains(title)));
  }
}

TEST(Analyzer, SentenceOpenersAndParticiplesAreNoPartOfTheNameAfterThem) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Despite Romney's lead, the race was close. Meanwhile Barack Obama said little. "
      "Quoting The Onion, he joked. The paper was quoted widely. Considering Lionsgate "
      "shares, analysts were calm. Beijing Evening News reported the visit. Wyoming Governor "
      "Matt Mead spoke. Critics wrote, Despite everything, the show went on. Actually Mitt "
      "Romney won.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Romney"));
  EXPECT_THAT(names, Contains("Barack Obama"));
  EXPECT_THAT(names, Contains("Onion"));  // "The" is a stop word, as ever
  EXPECT_THAT(names, Contains("Lionsgate"));
  EXPECT_THAT(names, Not(Contains("Despite Romney")));
  EXPECT_THAT(names, Not(Contains("Meanwhile Barack Obama")));
  EXPECT_THAT(names, Not(Contains("Quoting The Onion")));
  EXPECT_THAT(names, Not(Contains("Considering Lionsgate")));
  EXPECT_THAT(names, Not(Contains("Despite")));
  EXPECT_THAT(names, Contains("Mitt Romney"));
  EXPECT_THAT(names, Not(Contains("Actually Mitt")));
  EXPECT_THAT(names, Not(Contains("Actually Mitt Romney")));
  // A place in -ing keeps its name: the body writes no verb it could come from.
  EXPECT_THAT(names, Contains("Beijing Evening News"));
  EXPECT_THAT(names, Contains("Wyoming Governor Matt Mead"));
}

TEST(Analyzer, ATitlesPlaceIsNoPartOfTheHoldersName) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Speaking in Tel Aviv, US Ambassador to Israel Dan Shapiro defended the plan. The Prime "
      "Minister of Japan Shinzo Abe agreed. The late Ambassador to Libya J. Christopher Stevens "
      "was praised. The Ambassador to Ireland Mary Ann Mobley spoke. Israel said nothing. "
      "Assistant Secretary of State Kerri-Ann Jones agreed.");
  std::vector<std::string> names = EntityNames(a);
  EXPECT_THAT(names, Contains("Dan Shapiro"));
  EXPECT_THAT(names, Contains("Shinzo Abe"));
  EXPECT_THAT(names, Contains("J. Christopher Stevens"));
  EXPECT_THAT(names, Contains("Mary Ann Mobley"));  // the cut is at the first given name only
  EXPECT_THAT(names, Not(Contains("Israel Dan Shapiro")));
  EXPECT_THAT(names, Not(Contains("Japan Shinzo Abe")));
  EXPECT_THAT(names, Contains("Israel"));
  EXPECT_THAT(names, Contains("Kerri-Ann Jones"));
}

TEST(Analyzer, AWordAlsoWrittenInLowerCaseIsADoubtfulName) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Officials at the Department said the department would appeal. "
                                "The US told us that Reid and Kerry would meet in Geneva.");
  EXPECT_TRUE(Doubtful(a, "department"));
  EXPECT_FALSE(Doubtful(a, "us"));  // capitals: an acronym, whatever "us" is
  EXPECT_FALSE(Doubtful(a, "reid"));
  EXPECT_FALSE(Doubtful(a, "geneva"));
}

TEST(Analyzer, AWordOpeningAClauseIsADoubtfulNameAsAtASentenceStart) {
  // After a colon, an opening quotation mark or a dash set off by spaces, a
  // capital says no more than at the start of a sentence.
  Analyzer analyzer;
  Analysis a =
      analyzer.Analyze("",
                       "2000: Deemed unfit for trial, Pinochet returns home to Chile.\n"
                       "Protesters chanted \"Give the money back\" outside the court in Santiago.\n"
                       "SANTIAGO \u2014 Lawyers for the family said Pinochet was ill.");
  EXPECT_TRUE(Doubtful(a, "deemed"));
  EXPECT_TRUE(Doubtful(a, "give"));
  EXPECT_TRUE(Doubtful(a, "lawyers"));
  EXPECT_FALSE(Doubtful(a, "pinochet"));
  EXPECT_FALSE(Doubtful(a, "santiago"));
}

TEST(Analyzer, StateAbbreviatedAfterATownNamesTheState) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "DUNMORE, Mich. - Brightwell Motors said on Tuesday that "
                                "Michigan plants and one in Camden, N.J. would stop.");
  const EntityMention* michigan = FindEntity(a, "michigan");
  ASSERT_NE(michigan, nullptr);
  EXPECT_EQ(michigan->name, "Michigan");
  EXPECT_EQ(michigan->count, 2);
  EXPECT_NE(FindEntity(a, "new jersey"), nullptr);
  EXPECT_EQ(FindEntity(a, "mich"), nullptr);
  // The entity term is the state's, shared with articles that spell it out.
  EXPECT_EQ(CountOf(a.entity_terms, EntityId("michigan")), 2);
  EXPECT_EQ(CountOf(a.entity_terms, EntityId("mich")), 0);
  EXPECT_EQ(CountOf(a.entity_terms, EntityId("jersey")), 1);
}

TEST(Analyzer, EntityKeyIsFoldedAndCountIncludesTitle) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(kTitle, kBody);
  const EntityMention* kim = FindEntity(a, "kim jong un");
  ASSERT_NE(kim, nullptr);
  EXPECT_EQ(kim->name, "Kim Jong Un");
  EXPECT_EQ(kim->count, 3);  // title + two body mentions
  // Most mentioned first.
  ASSERT_FALSE(a.entities.empty());
  EXPECT_EQ(a.entities.front().key, "kim jong un");
}

TEST(Analyzer, SentenceInitialCommonWordIsNotAnEntity) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", kBody);
  // "Officials" opens a sentence and "officials" appears in lower case too.
  EXPECT_EQ(FindEntity(a, "officials"), nullptr);
  EXPECT_EQ(FindEntity(a, "several"), nullptr);
}

TEST(Analyzer, SentenceInitialNameNeverWrittenLowerCaseIsAnEntity) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "Talks ended. Pompeo flew to Pyongyang, and talks resumed.");
  EXPECT_NE(FindEntity(a, "pompeo"), nullptr);
  EXPECT_NE(FindEntity(a, "pyongyang"), nullptr);
  EXPECT_EQ(FindEntity(a, "talks"), nullptr);  // also written "talks"
}

TEST(Analyzer, NameSeenOnlyOpeningSentencesIsMarked) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("",
                                "Seismologists said it was small. Seismologists agreed. "
                                "Pompeo flew to Pyongyang. Mike Pompeo met Kim.");
  EXPECT_TRUE(Doubtful(a, "seismologists"));
  EXPECT_TRUE(Doubtful(a, "pompeo"));        // "Mike Pompeo" is another mention
  EXPECT_FALSE(Doubtful(a, "mike pompeo"));  // two words
  EXPECT_FALSE(Doubtful(a, "pyongyang"));
}

TEST(Analyzer, TitleHasSentencesToo) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("Is Cobalt overpaying for Lumenfield? Analysts weigh the price",
                                "Cobalt agreed to buy Lumenfield on Monday.");
  EXPECT_TRUE(Doubtful(a, "analysts"));
  EXPECT_FALSE(Doubtful(a, "lumenfield"));
}

TEST(Analyzer, AcronymOpeningASentenceIsANameButADatelineIsNot) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "", "BEIRUT, Lebanon - Talks began. CNN reported a delay. ROME — Talks ended. NASA agreed.");
  EXPECT_FALSE(Doubtful(a, "cnn"));
  EXPECT_TRUE(Doubtful(a, "beirut"));
  EXPECT_TRUE(Doubtful(a, "rome"));
  EXPECT_FALSE(Doubtful(a, "nasa"));
}

TEST(Analyzer, EntityTermsHoldFoldedNameTokens) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "Mike Pompeo met Jos\u00e9 Ruiz.");
  EXPECT_GT(CountOf(a.entity_terms, EntityId("pompeo")), 0);
  EXPECT_GT(CountOf(a.entity_terms, EntityId("mike")), 0);
  EXPECT_GT(CountOf(a.entity_terms, EntityId("jose")), 0);
  // Entity ids are a separate hash space from term ids.
  EXPECT_NE(EntityId("pompeo"), TermId("pompeo"));
  EXPECT_TRUE(SortedById(a.entity_terms));
}

TEST(Analyzer, StopWordsAreNotBodyTerms) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "The officials said that the summit was over.");
  EXPECT_EQ(CountOf(a.body_terms, TermId("the")), 0);
  EXPECT_EQ(CountOf(a.body_terms, TermId("said")), 0);
  EXPECT_EQ(CountOf(a.body_terms, TermId("that")), 0);
  EXPECT_EQ(CountOf(a.body_terms, TermId("was")), 0);
  EXPECT_EQ(CountOf(a.body_terms, StemId("summit")), 1);
  EXPECT_EQ(CountOf(a.body_terms, StemId("officials")), 1);
  EXPECT_EQ(a.body_terms.size(), 2u);  // "over" is a stop word too
}

TEST(Analyzer, StemsMergeInflectedForms) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "Elections, election and elections again.");
  EXPECT_EQ(StemId("elections"), StemId("election"));
  EXPECT_EQ(CountOf(a.body_terms, StemId("election")), 3);
  EXPECT_EQ(CountOf(a.body_terms, TermId("elections")), 0);
}

TEST(Analyzer, TitleTermsAreKeptApartFromBodyTerms) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("Summit talks collapse", "Rain fell on the harbour.");
  EXPECT_EQ(CountOf(a.title_terms, StemId("summit")), 1);
  EXPECT_EQ(CountOf(a.body_terms, StemId("summit")), 0);
  EXPECT_EQ(CountOf(a.body_terms, StemId("harbour")), 1);
  EXPECT_EQ(CountOf(a.title_terms, StemId("harbour")), 0);
  EXPECT_TRUE(SortedById(a.title_terms));
  EXPECT_TRUE(SortedById(a.body_terms));
}

TEST(Analyzer, NumbersBecomeTerms) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "A magnitude 6.8 quake damaged 1,200 homes and 6.8 percent.");
  EXPECT_EQ(CountOf(a.body_terms, TermId("#6.8")), 2);
  EXPECT_EQ(CountOf(a.body_terms, TermId("#1,200")), 1);
}

TEST(Analyzer, WordHashesCoverEveryWordInOrder) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("Title words", "The quake hit 9 towns. The quake hit.");
  EXPECT_EQ(a.word_count, 8u);
  ASSERT_EQ(a.word_hashes.size(), 8u);
  // Stop words are kept for shingling; repeated words hash alike.
  EXPECT_EQ(a.word_hashes[0], a.word_hashes[5]);  // "The"
  EXPECT_EQ(a.word_hashes[1], a.word_hashes[6]);  // "quake"
  EXPECT_NE(a.word_hashes[0], a.word_hashes[1]);
}

TEST(Analyzer, SentencesAreOverTheBody) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("A title. With two sentences.", kBody);
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.sentences[0].paragraph, 0);
  EXPECT_EQ(a.sentences[2].paragraph, 1);
}

TEST(Analyzer, RecordsVocabularyWhenAsked) {
  Analyzer analyzer;
  std::unordered_map<std::uint64_t, std::string> vocabulary;
  analyzer.RecordVocabulary(&vocabulary);
  analyzer.Analyze("", "Elections in Valdora cost 1,200 pesos.");
  EXPECT_EQ(vocabulary[StemId("elections")], "elect");
  EXPECT_EQ(vocabulary[TermId("#1,200")], "#1,200");
  EXPECT_EQ(vocabulary[EntityId("valdora")], "E:valdora");
}

TEST(Analyzer, CollectsDatesWrittenInTheText) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze(
      "",
      "Reid checked herself in on Tuesday, December 9, 2008. She left on 14 January 2009.\n"
      "The 2008 season ended. Nothing else happened in May.");
  ASSERT_EQ(a.dates.size(), 2u);
  EXPECT_EQ(a.dates[0], 1228780800);  // 2008-12-09
  EXPECT_EQ(a.dates[1], 1231891200);  // 2009-01-14
}

}  // namespace
}  // namespace storyline::text

namespace storyline::text {
namespace {

TEST(Analyzer, AcronymsAreTermsNotTheStopWordsTheyFoldTo) {
  Analyzer analyzer;
  Analysis a = analyzer.Analyze("", "Talks between the US and U.S. allies let us hope.");
  std::uint64_t us = TermId("us");
  int count = 0;
  for (const auto& t : a.body_terms) count += t.id == us ? static_cast<int>(t.count) : 0;
  EXPECT_EQ(count, 2);  // "US" and "U.S.", not the pronoun
}

TEST(Analyzer, WithoutBriefsSkipsConceptsAndMentionsButNotEntityTerms) {
  Analyzer analyzer;
  Analysis full = analyzer.Analyze(kTitle, kBody);
  Analysis lean = analyzer.Analyze(kTitle, kBody, /*briefs=*/false);
  EXPECT_FALSE(full.entities.empty());
  EXPECT_TRUE(lean.entities.empty());
  EXPECT_TRUE(lean.concepts.empty());
  EXPECT_TRUE(lean.concept_ends.empty());
  auto same = [](const std::vector<TermCount>& x, const std::vector<TermCount>& y) {
    return std::equal(
        x.begin(), x.end(), y.begin(), y.end(),
        [](const TermCount& a, const TermCount& b) { return a.id == b.id && a.count == b.count; });
  };
  EXPECT_FALSE(lean.entity_terms.empty());
  EXPECT_TRUE(same(lean.entity_terms, full.entity_terms));
  EXPECT_TRUE(same(lean.body_terms, full.body_terms));
  EXPECT_TRUE(same(lean.title_terms, full.title_terms));
  EXPECT_EQ(lean.word_hashes, full.word_hashes);
  EXPECT_EQ(lean.dates, full.dates);
  EXPECT_EQ(lean.sentences.size(), full.sentences.size());
}

TEST(Analyzer, SentenceConceptsAreSortedDistinctAndMarkNames) {
  Analyzer analyzer;
  Analysis a =
      analyzer.Analyze("", "Rain fell on Lyon. Rain fell on Lyon again, said Mayor Ada Roy.");
  ASSERT_EQ(a.sentences.size(), 2u);
  ASSERT_EQ(a.concept_ends.size(), 2u);
  auto first = std::span(a.concepts).first(a.concept_ends[0]);
  auto second = std::span(a.concepts).subspan(a.concept_ends[0]);
  EXPECT_TRUE(std::is_sorted(first.begin(), first.end()));
  EXPECT_EQ(std::adjacent_find(first.begin(), first.end()), first.end());
  // Every concept of the first sentence is in the second, which adds more.
  for (std::uint32_t c : first) {
    EXPECT_TRUE(std::binary_search(second.begin(), second.end(), c));
  }
  EXPECT_GT(second.size(), first.size());
  // "Lyon" is a name in both; "Rain" opens the sentence and is not.
  auto keys = [](std::span<const std::uint32_t> cs) {
    return std::count_if(cs.begin(), cs.end(), [](std::uint32_t c) { return c & kKeyConcept; });
  };
  EXPECT_EQ(keys(first), 1);
  EXPECT_EQ(keys(second), 4);  // Lyon, Mayor, Ada, Roy
}

TEST(Analyzer, ConceptsSharingWordsWithTheTitleCarryTitleMarks) {
  Analyzer analyzer;
  const std::string body =
      "Engineers finished the flood barrier at Valdora harbour. Rain fell on Lyon again.";
  Analysis titled = analyzer.Analyze("Flood barrier finished in Valdora", body);
  Analysis untitled = analyzer.Analyze("", body);
  auto marks = [](std::span<const std::uint32_t> cs) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t c : cs) {
      if ((c & kTitleMark) == kTitleMark) out.push_back(c);
    }
    return out;
  };
  ASSERT_EQ(titled.concept_ends.size(), 2u);
  auto first = std::span(titled.concepts).first(titled.concept_ends[0]);
  auto second = std::span(titled.concepts).subspan(titled.concept_ends[0]);
  // The marks come on top of the same concepts: without them the two agree.
  std::vector<std::uint32_t> bare;
  for (std::uint32_t c : titled.concepts) {
    if ((c & kTitleMark) != kTitleMark) bare.push_back(c);
  }
  EXPECT_EQ(bare, untitled.concepts);
  EXPECT_TRUE(marks(untitled.concepts).empty());
  EXPECT_TRUE(marks(second).empty());  // Lyon's rain shares nothing with the title
  const std::vector<std::uint32_t> got = marks(first);
  ASSERT_FALSE(got.empty());
  // "flood barrier" has both words in the title (the mark's lowest bit set),
  // "the flood" one; the name "Valdora" is marked too.
  int both = 0, one = 0;
  for (std::uint32_t m : got) (m & 1u ? both : one) += 1;
  EXPECT_GE(both, 1);
  EXPECT_GE(one, 2);
  const std::uint32_t valdora = TitleMark(
      [&] {
        for (std::uint32_t c : first) {
          if ((c & kTitleMark) == kKeyConcept) return c;
        }
        return 0u;
      }(),
      1);
  EXPECT_TRUE(std::binary_search(first.begin(), first.end(), valdora));
}

std::vector<std::uint64_t> BodyTermIds(const Analysis& a) {
  std::vector<std::uint64_t> ids;
  for (const TermCount& t : a.body_terms) ids.push_back(t.id);
  return ids;
}

TEST(Analyzer, OtherLanguagesDropTheirFunctionWordsAndUseTheirStemmer) {
  Analyzer analyzer;
  const Analysis german = analyzer.Analyze(
      "", "Der Bundestag hat die Gesetze und die Regeln beschlossen.", true, Language::kGerman);
  const Analysis as_english = analyzer.Analyze(
      "", "Der Bundestag hat die Gesetze und die Regeln beschlossen.", true, Language::kEnglish);
  const Analysis other =
      analyzer.Analyze("", "Das Gesetz und der Bundestag.", true, Language::kGerman);
  // German: "der", "die", "und", "hat" are no terms; "Gesetze" and
  // "Gesetz" are one; read as English they are terms of their own.
  EXPECT_EQ(german.body_terms.size(), 4u);  // bundestag, gesetz, regeln, beschloss
  EXPECT_GT(as_english.body_terms.size(), german.body_terms.size());
  for (std::uint64_t id : BodyTermIds(other)) EXPECT_THAT(BodyTermIds(german), Contains(id));
  // The same word in two languages keeps two readings: English "die" is a term.
  const Analysis english = analyzer.Analyze("", "Thousands die in the floods.");
  EXPECT_EQ(english.body_terms.size(), 3u);  // thousand, die, flood
}

TEST(Analyzer, FrenchAndItalianElisionsAreNotPartOfTheWord) {
  Analyzer analyzer;
  const Analysis a = analyzer.Analyze("", "L'homme et l\u2019enfant.", true, Language::kFrench);
  const Analysis b = analyzer.Analyze("", "Un homme, un enfant.", true, Language::kFrench);
  EXPECT_EQ(BodyTermIds(a), BodyTermIds(b));
  const Analysis c = analyzer.Analyze("", "Dell'anno scorso.", true, Language::kItalian);
  const Analysis d = analyzer.Analyze("", "L'anno scorso.", true, Language::kItalian);
  EXPECT_EQ(BodyTermIds(c), BodyTermIds(d));
}

}  // namespace
}  // namespace storyline::text
