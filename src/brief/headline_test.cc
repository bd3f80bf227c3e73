#include "brief/headline.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace storyline::brief {
namespace {

std::size_t WordsIn(const std::string& s) {
  std::istringstream in(s);
  std::size_t n = 0;
  for (std::string w; in >> w;) ++n;
  return n;
}

TEST(HeadlineFromSentence, TrimsALeadTheWayAHeadlineIsWritten) {
  // The founding example's lead: the day, "that" after "said", the source
  // and the circumstance go; who did what stays.
  EXPECT_EQ(HeadlineFromSentence(
                "US President Donald Trump said Tuesday that he would hold his second summit with "
                "North Korean leader Kim Jong Un after the upcoming November mid-term elections in "
                "the United States, according to Reuters."),
            "US President Donald Trump said he would hold his second summit with North Korean "
            "leader Kim Jong Un");
}

TEST(HeadlineFromSentence, DropsTheDayButNotAThingNamedByIt) {
  EXPECT_EQ(
      HeadlineFromSentence(
          "A Royal Navy rating was jailed for five years on Wednesday for raping a colleague."),
      "A Royal Navy rating was jailed for five years for raping a colleague");
  EXPECT_EQ(HeadlineFromSentence("On Tuesday, the court ruled against the mayor of Valdora."),
            "The court ruled against the mayor of Valdora");
  EXPECT_EQ(HeadlineFromSentence("The mayor resigned late Friday night after a week of protests."),
            "The mayor resigned after a week of protests");
  EXPECT_EQ(HeadlineFromSentence("Tuesday's vote was delayed by a storm over the capital."),
            "Tuesday's vote was delayed by a storm over the capital");
}

TEST(HeadlineFromSentence, DropsTheDateButNotADateThatNamesAThing) {
  EXPECT_EQ(HeadlineFromSentence("On June 15, 2003, Sgt. Frank Ford told his commander of abuse."),
            "Sgt. Frank Ford told his commander of abuse");
  EXPECT_EQ(HeadlineFromSentence("The treaty was signed on 5 March 2004 in Valdora."),
            "The treaty was signed in Valdora");
  EXPECT_EQ(HeadlineFromSentence("Dec. 5, the court ruled against the mayor."),
            "The court ruled against the mayor");
  EXPECT_EQ(HeadlineFromSentence("He was a fixture during the Sept. 11 attacks in New York."),
            "He was a fixture during the Sept. 11 attacks in New York");
  EXPECT_EQ(HeadlineFromSentence("Officials said the vote of May 3 would stand."),
            "Officials said the vote of May 3 would stand");
}

TEST(HeadlineFromSentence, DropsATrailingAttribution) {
  EXPECT_EQ(
      HeadlineFromSentence("Three people died when a bus overturned near the border, police said."),
      "Three people died when a bus overturned near the border");
  EXPECT_EQ(HeadlineFromSentence("Prices rose by 4 percent in March, the statistics office said."),
            "Prices rose by 4 percent in March");
  // A clause after a comma that attributes nothing stays.
  EXPECT_EQ(HeadlineFromSentence("The river burst its banks, flooding the old town."),
            "The river burst its banks, flooding the old town");
}

TEST(HeadlineFromSentence, KeepsTheFullStopOfAnAbbreviation) {
  EXPECT_EQ(HeadlineFromSentence("The treaty was signed by Canada and the U.S."),
            "The treaty was signed by Canada and the U.S.");
}

TEST(HeadlineFromSentence, CutsALongSentenceBeforeAClauseThatCanGo) {
  EXPECT_EQ(HeadlineFromSentence(
                "Time Warner Cable and Sprint Corp. are close to a deal that would let the cable "
                "company offer cellphone service to its customers across the country."),
            "Time Warner Cable and Sprint Corp. are close to a deal");
  EXPECT_EQ(
      HeadlineFromSentence(
          "Lawmakers are questioning whether a French bank failed to comply with U.S. "
          "money-laundering laws, possibly helping Saddam Hussein manipulate the oil program."),
      "Lawmakers are questioning whether a French bank failed to comply with U.S. "
      "money-laundering laws");
}

TEST(HeadlineFromSentence, NeverCutsInsideAnAsideOrBeforeWhatAPhraseNeeds) {
  // The cut at "attacks," would leave the appositive open and no verb.
  const std::string kerik = HeadlineFromSentence(
      "Former New York City Police Commissioner Bernard Kerik, a fixture at Mayor Rudolph "
      "Giuliani's side during the Sept. 11 attacks, was nominated to lead the department.");
  EXPECT_EQ(WordsIn(kerik), 20u) << kerik;
  EXPECT_TRUE(kerik.ends_with("\xE2\x80\xA6")) << kerik;
  // "in | which" would end the headline on a preposition.
  const std::string lacy = HeadlineFromSentence(
      "The revelation that Lacy bit the small dog came after a showdown with officers in which "
      "Lacy allegedly used another of his dogs to keep them away.");
  EXPECT_TRUE(lacy.ends_with("\xE2\x80\xA6")) << lacy;
  // Inside brackets: cut after twenty words instead.
  const std::string train = HeadlineFromSentence(
      "Police said the Tilt Train came off the tracks and overturned at 12.06am (AEST, 1.06am "
      "AEDT) about 400km north of Brisbane on the main coastal line.");
  EXPECT_TRUE(train.ends_with("north of\xE2\x80\xA6")) << train;
}

TEST(HeadlineFromSentence, ATimeWrittenWithASpaceIsNoPlaceToCut) {
  const std::string h = HeadlineFromSentence(
      "Voters in Turkmenistan began to cast their ballots at 8: 00 am local time in a "
      "parliamentary "
      "election the West sees as a test of reform.");
  EXPECT_EQ(h.find("ballots at 8\xE2\x80\xA6"), std::string::npos) << h;
  EXPECT_FALSE(h.ends_with("at 8")) << h;
}

TEST(HeadlineFromSentence, ALongSentenceWithoutAPlaceToCutIsCutAfterTwentyWords) {
  const std::string h = HeadlineFromSentence(
      "New Zealand swing bowler James Franklin suffered a groin injury in the final build-up to "
      "the Brisbane Test to rule him out of the series opener against Australia.");
  EXPECT_EQ(WordsIn(h), kHeadlineWords);
  EXPECT_TRUE(h.ends_with("Test to rule\xE2\x80\xA6")) << h;
}

TEST(HeadlineFromSentence, EmptyAndOddInputsAreHarmless) {
  EXPECT_EQ(HeadlineFromSentence(""), "");
  EXPECT_EQ(HeadlineFromSentence("   "), "");
  EXPECT_EQ(HeadlineFromSentence("\xE2\x80\x94 "), "");
  EXPECT_EQ(HeadlineFromSentence("Tuesday."), "");
  EXPECT_EQ(HeadlineFromSentence("\xE2\x80\x94 After 58 days, Gregoire won."),
            "After 58 days, Gregoire won");
  EXPECT_EQ(HeadlineFromSentence("today"), "");
}

}  // namespace
}  // namespace storyline::brief
