#include "text/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text_cleaner.h"
#include "text/analyzer.h"

namespace storyline::text {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

const NameGroup* GroupNamed(const NameGroups& g, std::string_view canonical) {
  for (const NameGroup& x : g.groups()) {
    if (x.canonical == canonical) return &x;
  }
  return nullptr;
}

TEST(CleanName, StripsTitlesAndPossessives) {
  EXPECT_EQ(CleanName("President Trump"), "Trump");
  EXPECT_EQ(CleanName("US President Donald Trump"), "Donald Trump");
  EXPECT_EQ(CleanName("Mr. Trump"), "Trump");
  EXPECT_EQ(CleanName("Trump's"), "Trump");
  EXPECT_EQ(CleanName("Councillors Brenda Kowalski"), "Brenda Kowalski");  // a list's title
  EXPECT_EQ(CleanName("Undersheriff James Gage"), "James Gage");
  // A trade before a name, as headlines write it.
  EXPECT_EQ(CleanName("Comedian Ellen DeGeneres"), "Ellen DeGeneres");
  EXPECT_EQ(CleanName("Owner Arte Moreno"), "Arte Moreno");
  EXPECT_EQ(CleanName("Singer Andy Williams"), "Andy Williams");
  EXPECT_EQ(CleanName("Economist Intelligence Unit"), "Economist Intelligence Unit");
  EXPECT_EQ(CleanName("Kings Cross Station"), "Kings Cross Station");
  EXPECT_EQ(CleanName("Mid-Bedfordshire MP"), "Mid-Bedfordshire");
  EXPECT_EQ(CleanName("Harrison County Deputy Coroner Brian Switzer"), "Brian Switzer");
  EXPECT_EQ(CleanName("Det Insp Graham Cordner"), "Graham Cordner");
  EXPECT_EQ(CleanName("Queens Park Rangers"), "Queens Park Rangers");
  EXPECT_EQ(CleanName("Pompeo’s"), "Pompeo");
  EXPECT_EQ(CleanName("Secretary of State Mike Pompeo"), "Mike Pompeo");
  EXPECT_EQ(CleanName("Vice Minister for Foreign Affairs Choe Son Hui"), "Choe Son Hui");
  EXPECT_EQ(CleanName("Chairman Kim"), "Kim");
  EXPECT_EQ(CleanName("  Kim   Jong Un "), "Kim Jong Un");
  EXPECT_EQ(CleanName("Battalion Chief Marcus Delgado"), "Marcus Delgado");
  EXPECT_EQ(CleanName("Supervisor Linda Okamoto"), "Linda Okamoto");
  EXPECT_EQ(CleanName("Dr. Beatriz Olmos"), "Beatriz Olmos");
  // A place or body before the title, when a full name follows it.
  EXPECT_EQ(CleanName("Chalhuaca Mayor Víctor Huamán"), "Víctor Huamán");
  EXPECT_EQ(CleanName("Calder County Supervisor Linda Okamoto"), "Linda Okamoto");
  EXPECT_EQ(CleanName("Calder County Fire Chief Anne Ruiz"), "Anne Ruiz");
  EXPECT_EQ(CleanName("Palmer Public Safety Director Jon Owen"), "Jon Owen");  // up to 4 words
  // A member of parliament's title, before the name or after a place.
  EXPECT_EQ(CleanName("Conservative MP Rob Wilson"), "Rob Wilson");
  EXPECT_EQ(CleanName("Brigadier-General Yoav Mordechai"), "Yoav Mordechai");
  EXPECT_EQ(CleanName("Asst Ch Con Bernard Higgins"), "Bernard Higgins");
  EXPECT_EQ(CleanName("Assistant Chief Constable Bernard Higgins"), "Bernard Higgins");
  EXPECT_EQ(CleanName("Con Edison"), "Con Edison");
  EXPECT_EQ(CleanName("Supt Catherine Hankinson"), "Catherine Hankinson");
  EXPECT_EQ(CleanName("Meteorologist Joel Gratz"), "Joel Gratz");
  EXPECT_EQ(CleanName("WCCO TV Managing Editor Angela Benson"), "Angela Benson");
  EXPECT_EQ(CleanName("Passenger Yehuda Samarano"), "Yehuda Samarano");
  EXPECT_EQ(CleanName("Trans-Canada Highway"), "Trans-Canada Highway");
  EXPECT_EQ(CleanName("Passenger Rights Group"), "Passenger Rights Group");
  EXPECT_EQ(CleanName("Editor & Publisher"), "Editor & Publisher");
  EXPECT_EQ(CleanName("Manager"), "Manager");
  EXPECT_EQ(CleanName("Mid-Bedfordshire MP"), "Mid-Bedfordshire");
  // An officer's title, and a party's label before a title.
  EXPECT_EQ(CleanName("Microsoft Chief Executive Officer Steve Ballmer"), "Steve Ballmer");
  EXPECT_EQ(CleanName("Officer Darren Wilson"), "Darren Wilson");
  EXPECT_EQ(CleanName("Palmer City Clerk Janette Bower"), "Janette Bower");
  EXPECT_EQ(CleanName("James Clerk Maxwell"), "James Clerk Maxwell");
  EXPECT_EQ(CleanName("Tory Lord McAlpine"), "McAlpine");
  EXPECT_EQ(CleanName("Democratic Senator Claire McCaskill"), "Claire McCaskill");
  EXPECT_EQ(CleanName("Republican Party"), "Republican Party");
  EXPECT_EQ(CleanName("Labour Party"), "Labour Party");
  EXPECT_EQ(CleanName("Mid-Bedforshire Conservative MP"), "Mid-Bedforshire");
  EXPECT_EQ(CleanName("Conservative MP"), "Conservative");
}

TEST(CleanName, KeepsNamesThatOnlyLookTitled) {
  EXPECT_EQ(CleanName("State Department"), "State Department");
  EXPECT_EQ(CleanName("General Electric"), "General Electric");
  EXPECT_EQ(CleanName("President"), "President");
  EXPECT_EQ(CleanName("Kookmin University President Lee"), "Kookmin University President Lee");
  EXPECT_EQ(CleanName("The Washington Post"), "The Washington Post");
  EXPECT_EQ(CleanName(""), "");
}

TEST(NameGroups, SurnameJoinsTheFullName) {
  NameGroups g(std::vector<NameCount>{
      {"Trump", 10}, {"Donald Trump", 2}, {"Pompeo", 5}, {"Mike Pompeo", 1}});
  ASSERT_EQ(g.groups().size(), 2u);
  EXPECT_EQ(g.groups()[0].canonical, "Donald Trump");
  EXPECT_EQ(g.groups()[0].count, 12);
  EXPECT_THAT(g.groups()[0].variants, ElementsAre("Trump", "Donald Trump"));
  EXPECT_EQ(g.groups()[1].canonical, "Mike Pompeo");
  EXPECT_EQ(g.groups()[1].count, 6);
}

TEST(NameGroups, AGivenNameAloneIsThePersonOnlyForASpeaker) {
  NameGroups g(std::vector<NameCount>{
      {"Mick", 3}, {"Mick Jagger", 2}, {"Keith Richards", 2}, {"Rolling Stones", 4}});
  // Mick stays a group of its own (it may be anyone) ...
  EXPECT_EQ(g.Canonical("Mick"), "Mick");
  // ... but a speaker named so is the one person of the story with that name,
  // also by its formal form.
  EXPECT_EQ(g.PersonOfGivenName("Mick"), "Mick Jagger");
  EXPECT_EQ(g.PersonOfGivenName("Michael"), "Mick Jagger");
  EXPECT_EQ(g.PersonOfGivenName("Keith"), "Keith Richards");
  EXPECT_EQ(g.PersonOfGivenName("Richards"), "");  // no given name
  NameGroups two(std::vector<NameCount>{{"Donald Trump", 3}, {"Donald Tusk", 2}});
  EXPECT_EQ(two.PersonOfGivenName("Donald"), "");  // two people: neither
}

TEST(NameGroups, FamilyNameFirstJoinsToo) {
  NameGroups g(std::vector<NameCount>{{"Kim", 7}, {"Kim Jong Un", 2}});
  ASSERT_EQ(g.groups().size(), 1u);
  EXPECT_EQ(g.groups()[0].canonical, "Kim Jong Un");
  EXPECT_EQ(g.groups()[0].count, 9);
}

TEST(NameGroups, CanonicalIsNotTheFormWrittenInCapitals) {
  NameGroups g(std::vector<NameCount>{{"AREQUIPA", 4}, {"Arequipa", 2}, {"NASA", 3}});
  ASSERT_EQ(g.groups().size(), 2u);
  EXPECT_EQ(g.groups()[0].canonical, "Arequipa");  // the dateline's capitals lose
  EXPECT_EQ(g.groups()[0].count, 6);
  EXPECT_EQ(g.groups()[1].canonical, "NASA");  // no other form
}

TEST(NameGroups, NicknameJoinsTheFormalGivenName) {
  NameGroups g(std::vector<NameCount>{{"Mike Pompeo", 3},
                                      {"Michael Pompeo", 1},
                                      {"Bill Clinton", 2},
                                      {"William Clinton", 1},
                                      {"Steve Jobs", 1},
                                      {"Steven Jobs", 1}});
  ASSERT_EQ(g.groups().size(), 3u);
  const NameGroup* pompeo = GroupNamed(g, "Mike Pompeo");
  ASSERT_NE(pompeo, nullptr);
  EXPECT_EQ(pompeo->count, 4);
  EXPECT_THAT(pompeo->variants, UnorderedElementsAre("Mike Pompeo", "Michael Pompeo"));
  ASSERT_NE(GroupNamed(g, "Bill Clinton"), nullptr);
  EXPECT_EQ(GroupNamed(g, "Bill Clinton")->count, 3);
}

TEST(NameGroups, DifferentGivenNamesStayApart) {
  NameGroups g(std::vector<NameCount>{{"Mike Pompeo", 1}, {"Susan Pompeo", 1}});
  EXPECT_EQ(g.groups().size(), 2u);
}

TEST(NameGroups, TitlesAndPossessivesAreTheSameEntity) {
  NameGroups g(std::vector<NameCount>{
      {"President Trump", 2}, {"Trump's", 1}, {"Mr. Trump", 1}, {"Donald Trump", 1}});
  ASSERT_EQ(g.groups().size(), 1u);
  EXPECT_EQ(g.groups()[0].canonical, "Donald Trump");
  EXPECT_EQ(g.groups()[0].count, 5);
}

TEST(NameGroups, ANameWithAMiddleNameIsTheNameWithout) {
  NameGroups g(std::vector<NameCount>{{"Barack Hussein Obama", 1},
                                      {"Barack Obama", 2},
                                      {"Obama", 22},
                                      {"George Stanley McGovern", 1},
                                      {"George McGovern", 3}});
  ASSERT_EQ(g.groups().size(), 2u);
  EXPECT_EQ(g.Canonical("Obama"), "Barack Obama");
  EXPECT_EQ(g.Canonical("Barack Hussein Obama"), "Barack Obama");
  EXPECT_EQ(g.groups()[0].count, 25);
  EXPECT_EQ(g.Canonical("George Stanley McGovern"), "George McGovern");
}

TEST(NameGroups, AMiddleNameDoesNotJoinWhatIsNoPersonsNameOrCouldBeAnother) {
  // Two channels, not a person's name.
  NameGroups channels(std::vector<NameCount>{{"BBC HD", 1}, {"BBC One HD", 2}});
  EXPECT_EQ(channels.groups().size(), 2u);
  // "Arthur Sulzberger" is also the start of his son's name: it may be
  // either man, so it is not the father's "Arthur Ochs Sulzberger".
  NameGroups family(std::vector<NameCount>{
      {"Arthur Ochs Sulzberger", 3}, {"Arthur Sulzberger", 1}, {"Arthur Sulzberger Jr.", 1}});
  EXPECT_NE(family.Canonical("Arthur Sulzberger"), "Arthur Ochs Sulzberger");
  // Two people with one middle name each.
  NameGroups two(
      std::vector<NameCount>{{"John Paul Smith", 1}, {"John Henry Smith", 1}, {"John Smith", 2}});
  EXPECT_EQ(two.Canonical("John Smith"), "John Smith");
}

TEST(NameGroups, AmbiguousShortFormIsNotMerged) {
  NameGroups g(std::vector<NameCount>{{"Kim Jong Un", 3}, {"Kim Yo Jong", 2}, {"Kim", 6}});
  ASSERT_EQ(g.groups().size(), 3u);
  EXPECT_EQ(g.groups()[0].canonical, "Kim");
  EXPECT_EQ(g.groups()[0].count, 6);
  EXPECT_EQ(g.Canonical("Kim"), "Kim");
}

TEST(NameGroups, ASurnameJoinsThePersonTheStoryIsAbout) {
  // The story is about Tomás Ekwueme; his father is named in full once.
  NameGroups g(std::vector<NameCount>{{"Tomás Ekwueme", 6},
                                      {"Ekwueme", 9},
                                      {"Chidi Ekwueme", 1},
                                      {"Barack Obama", 3},
                                      {"Michelle Obama", 2},
                                      {"Obama", 7}});
  EXPECT_EQ(g.Canonical("Ekwueme"), "Tomás Ekwueme");
  EXPECT_EQ(g.Canonical("Chidi Ekwueme"), "Chidi Ekwueme");
  // Three mentions against two are no story about one of them.
  EXPECT_EQ(g.Canonical("Obama"), "Obama");
}

TEST(NameGroups, APlaceDoesNotJoinTheLargerOfTwoPlacesItEnds) {
  NameGroups g(std::vector<NameCount>{{"West Virginia", 9},
                                      {"Virginia Beach", 1},
                                      {"Virginia", 3},
                                      {"Saharan Africa", 4},
                                      {"Show Africa", 1},
                                      {"Africa", 2}});
  EXPECT_EQ(g.Canonical("Virginia"), "Virginia");
  EXPECT_EQ(g.Canonical("Africa"), "Africa");
}

TEST(CleanName, APluralTitleOfTwoLettersIsATitle) {
  EXPECT_EQ(CleanName("MPs Andrew Griffiths"), "Andrew Griffiths");
  EXPECT_EQ(CleanName("Drs Ann Lee and Bo Park"), "Ann Lee and Bo Park");
}

TEST(CleanName, APersonLeavesWhereTheyAreFromBehind) {
  EXPECT_EQ(CleanName("Brian McNamara of Ohio University"), "Brian McNamara");
  EXPECT_EQ(CleanName("Sen. Harry Reid of Nevada"), "Harry Reid");
  EXPECT_EQ(CleanName("Bank of England"), "Bank of England");
  EXPECT_EQ(CleanName("Duke of Edinburgh"), "Duke of Edinburgh");
  EXPECT_EQ(CleanName("Department of Homeland Security"), "Department of Homeland Security");
  EXPECT_EQ(CleanName("University of California"), "University of California");
}

TEST(CleanName, AFamilyRoleIsATitleBeforeAPersonsName) {
  EXPECT_EQ(CleanName("Mother Stacey Lihn"), "Stacey Lihn");
  EXPECT_EQ(CleanName("Mother Teresa"), "Mother Teresa");
  EXPECT_EQ(CleanName("Son Heung Min"), "Son Heung Min");  // a surname, not a son
}

TEST(NameGroups, APlaceRunIntoAPersonsNameIsThePersonTheStoryNames) {
  NameGroups g(std::vector<NameCount>{{"Israel Dan Shapiro", 1},
                                      {"Dan Shapiro", 2},
                                      {"Israel", 5},
                                      {"Libya J. Christopher Stevens", 1},
                                      {"Christopher Stevens", 3},
                                      {"Libya", 2},
                                      {"Mid Ulster Sandra Overend", 1},
                                      {"Overend", 2},
                                      {"Arcade Joseph Comeaux", 1},
                                      {"Joseph Comeaux", 1},
                                      {"Julie Ann Brandau", 2},
                                      {"Mary Ann Mobley", 1},
                                      {"Ann Mobley", 1},
                                      {"Queens Mary Hospital", 1},
                                      {"Mary Hospital", 1}});
  EXPECT_EQ(g.Canonical("Israel Dan Shapiro"), "Dan Shapiro");
  EXPECT_EQ(GroupNamed(g, "Dan Shapiro")->count, 3);
  EXPECT_EQ(g.Canonical("Libya J. Christopher Stevens"), "Christopher Stevens");
  // The story never writes "Sandra Overend" or "Ann Brandau" alone, nor
  // "Arcade": an uncommon given name looks just like a place before a name.
  EXPECT_EQ(g.Canonical("Mid Ulster Sandra Overend"), "Mid Ulster Sandra Overend");
  EXPECT_EQ(g.Canonical("Arcade Joseph Comeaux"), "Arcade Joseph Comeaux");
  EXPECT_EQ(g.Canonical("Julie Ann Brandau"), "Julie Ann Brandau");
  // A given name first, or a body's word last, is never cut.
  EXPECT_EQ(g.Canonical("Mary Ann Mobley"), "Mary Ann Mobley");
  EXPECT_EQ(g.Canonical("Queens Mary Hospital"), "Queens Mary Hospital");
}

TEST(Names, AKindOfBodyAloneIsNoName) {
  for (const char* generic :
       {"Department", "Ministry", "Commission", "Street", "Party", "COURT", "Ambassador", "MPs"}) {
    EXPECT_TRUE(IsGenericName(generic)) << generic;
  }
  for (const char* name : {"Congress", "Senate", "Police", "State Department", "Pentagon", ""}) {
    EXPECT_FALSE(IsGenericName(name)) << name;
  }
}

TEST(NameGroups, ANameAfterAConnectorIsAnotherEntity) {
  // "Israel" is the country the "Government of Israel" governs, not the
  // government; the same for a bank and its country, a duke and his city.
  NameGroups g(std::vector<NameCount>{{"Government of Israel", 2},
                                      {"Israel", 9},
                                      {"Bank of England", 1},
                                      {"England", 3},
                                      {"Minister for Europe", 1},
                                      {"Europe", 2},
                                      {"Luis de Guindos", 2},
                                      {"Guindos", 3},
                                      {"Reserve Bank of Solvara", 3},
                                      {"Solvara Chamber of Small Enterprises", 1},
                                      {"Solvara", 3}});
  EXPECT_EQ(g.Canonical("Israel"), "Israel");
  ASSERT_NE(GroupNamed(g, "Israel"), nullptr);
  EXPECT_EQ(GroupNamed(g, "Israel")->count, 9);
  EXPECT_EQ(g.Canonical("England"), "England");
  EXPECT_EQ(g.Canonical("Europe"), "Europe");
  EXPECT_EQ(g.Canonical("Guindos"), "Luis de Guindos");  // a particle is no connector
  // Nor does a place join a body whose name it opens.
  EXPECT_EQ(g.Canonical("Solvara"), "Solvara");
}

TEST(NameGroups, PlacesAndOrganisationsDoNotSwallowTheirFirstWord) {
  NameGroups g(std::vector<NameCount>{{"Asia Times", 2},
                                      {"Asia", 1},
                                      {"North Korea", 4},
                                      {"North", 1},
                                      {"Russia and China", 1},
                                      {"China", 2}});
  EXPECT_EQ(g.groups().size(), 6u);
}

TEST(NameGroups, AcronymsJoinTheirOtherSpellingsAndTheirFullForm) {
  NameGroups g(std::vector<NameCount>{{"U.S.", 3},
                                      {"US", 2},
                                      {"United States", 1},
                                      {"FBI", 2},
                                      {"Federal Bureau of Investigation", 1},
                                      {"U.N.", 1},
                                      {"UN", 1}});
  ASSERT_EQ(g.groups().size(), 3u);
  EXPECT_EQ(g.groups()[0].canonical, "United States");
  EXPECT_EQ(g.groups()[0].count, 6);
  EXPECT_EQ(g.Canonical("FBI"), "Federal Bureau of Investigation");
  EXPECT_EQ(GroupNamed(g, "Federal Bureau of Investigation")->count, 3);
  EXPECT_EQ(GroupNamed(g, "U.N.")->count, 2);      // no full form given: the two spellings alone
  EXPECT_EQ(g.Canonical("U.S"), "United States");  // a form not given, found by its letters
}

TEST(NameGroups, AcronymsStayApartWhenTheirExpansionIsUnclearOrAPerson) {
  // "AP" with a person's initials only, and "EU" with two full forms.
  NameGroups g(std::vector<NameCount>{{"AP", 2},
                                      {"Andy Pettitte", 3},
                                      {"EU", 2},
                                      {"European Union", 1},
                                      {"Energy Unit", 1},
                                      {"USA", 1},
                                      {"NATO", 1},
                                      {"Nato", 1},
                                      {"A", 1}});
  EXPECT_EQ(g.Canonical("AP"), "AP");
  EXPECT_EQ(GroupNamed(g, "Andy Pettitte")->count, 3);
  EXPECT_EQ(g.Canonical("EU"), "EU");
  EXPECT_EQ(g.Canonical("USA"), "USA");  // letters differ from "US"
  EXPECT_EQ(g.groups().size(), 8u);
}

TEST(NameGroups, GivenNameAloneIsNotThePerson) {
  NameGroups g(std::vector<NameCount>{{"Donald Trump", 2}, {"Donald", 1}});
  EXPECT_EQ(g.groups().size(), 2u);
}

TEST(NameGroups, CanonicalMapsSpeakersToTheEntity) {
  NameGroups g(std::vector<NameCount>{{"Trump", 10},
                                      {"Donald Trump", 2},
                                      {"Michael Pompeo", 1},
                                      {"Mike Pompeo", 2},
                                      {"Kim Jong Un", 1}});
  EXPECT_EQ(g.Canonical("Trump"), "Donald Trump");
  EXPECT_EQ(g.Canonical("President Trump"), "Donald Trump");
  EXPECT_EQ(g.Canonical("Pompeo"), "Mike Pompeo");
  EXPECT_EQ(g.Canonical("Mr. Pompeo's"), "Mike Pompeo");
  EXPECT_EQ(g.Canonical("Michael Pompeo"), "Mike Pompeo");
  EXPECT_EQ(g.Canonical("Chairman Kim"), "Kim Jong Un");
  EXPECT_EQ(g.Canonical("Andrei Lankov"), "Andrei Lankov");  // unknown: cleaned, unchanged
  EXPECT_EQ(g.GroupOf("Andrei Lankov"), -1);
}

TEST(NameGroups, EmptyInput) {
  NameGroups g(std::vector<NameCount>{});
  EXPECT_TRUE(g.groups().empty());
  EXPECT_EQ(g.Canonical("Trump"), "Trump");
  NameGroups h(std::vector<NameCount>{{"", 3}, {"Trump", 0}});
  EXPECT_TRUE(h.groups().empty());
}

TEST(NameGroups, OrderIsIndependentOfInputOrder) {
  std::vector<NameCount> a = {{"Trump", 3}, {"Donald Trump", 1}, {"Kim", 3}, {"Kim Jong Un", 1}};
  std::vector<NameCount> b(a.rbegin(), a.rend());
  NameGroups ga(a), gb(b);
  ASSERT_EQ(ga.groups().size(), gb.groups().size());
  for (std::size_t i = 0; i < ga.groups().size(); ++i) {
    EXPECT_EQ(ga.groups()[i].canonical, gb.groups()[i].canonical);
  }
}

// The founding example's entities, as the analyzer finds them, summed over
// both articles.
TEST(NameGroups, SeedEntitiesGroupIntoOnePerPerson) {
  fs::path dir = fs::path(STORYLINE_SOURCE_DIR) / ".." / "shared" / "seeds";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "no founding example at " << dir;
  std::vector<NameCount> names;
  Analyzer analyzer;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    extract::CleanedText c = extract::CleanPlainText(ss.str());
    Analysis a = analyzer.Analyze(c.headline, c.text);
    for (const EntityMention& m : a.entities) names.push_back({m.name, m.count});
  }
  NameGroups g(names);
  const NameGroup* trump = GroupNamed(g, "Donald Trump");
  ASSERT_NE(trump, nullptr);
  EXPECT_THAT(trump->variants, UnorderedElementsAre("Trump", "Donald Trump"));
  const NameGroup* kim = GroupNamed(g, "Kim Jong Un");
  ASSERT_NE(kim, nullptr);
  EXPECT_THAT(kim->variants, UnorderedElementsAre("Kim", "Kim Jong Un"));
  EXPECT_EQ(g.Canonical("Pompeo"), g.Canonical("Mike Pompeo"));
  EXPECT_EQ(g.Canonical("Pompeo"), g.Canonical("Michael Pompeo"));
  EXPECT_EQ(g.Canonical("Choe"), "Choe Son Hui");
  EXPECT_EQ(g.Canonical("Biegun"), "Stephen Biegun");
  EXPECT_EQ(g.GroupOf("Affairs Choe"), -1);  // no title fragments from the analyzer
  EXPECT_EQ(g.GroupOf("Son Hui"), g.GroupOf("Choe Son Hui"));
  // Places keep their own groups.
  EXPECT_NE(g.GroupOf("North Korea"), g.GroupOf("South Korea"));
  EXPECT_NE(g.GroupOf("Asia"), g.GroupOf("Asia Times"));
}

}  // namespace
TEST(GivenNameGender, KnownNamesAndNamesGivenToBoth) {
  EXPECT_EQ(GivenNameGender("charles"), Gender::kMale);
  EXPECT_EQ(GivenNameGender("barack"), Gender::kMale);
  EXPECT_EQ(GivenNameGender("stephanie"), Gender::kFemale);
  EXPECT_EQ(GivenNameGender("liz"), Gender::kFemale);
  EXPECT_EQ(GivenNameGender("jean"), Gender::kUnknown);
  EXPECT_EQ(GivenNameGender("sandy"), Gender::kUnknown);
  EXPECT_EQ(GivenNameGender("valdoran"), Gender::kUnknown);
}

TEST(NamesABody, TheLastWordIsABodysHead) {
  EXPECT_TRUE(NamesABody("Administrative Appeals Chamber"));
  EXPECT_TRUE(NamesABody("Foreign Ministry"));
  EXPECT_TRUE(NamesABody("White House"));
  EXPECT_FALSE(NamesABody("Charles Warner"));
  EXPECT_FALSE(NamesABody("Ministry"));  // one word: IsGenericName's case
}

}  // namespace storyline::text
