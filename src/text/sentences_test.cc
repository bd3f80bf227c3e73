#include "text/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {
namespace {

using Strings = std::vector<std::string>;

std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const SentenceSpan& s : SplitSentences(text)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::vector<int> Paragraphs(std::string_view text) {
  std::vector<int> out;
  for (const SentenceSpan& s : SplitSentences(text)) out.push_back(s.paragraph);
  return out;
}

TEST(Sentences, SplitsOnPeriodExclamationAndQuestionMark) {
  EXPECT_EQ(Sentences("Trump spoke. Kim listened! Did it work? Nobody knows."),
            (Strings{"Trump spoke.", "Kim listened!", "Did it work?", "Nobody knows."}));
}

TEST(Sentences, FindsEveryEndWhereverItFallsInTheEightByteSteps) {
  for (std::size_t k = 1; k <= 24; ++k) {
    const std::string first = "A" + std::string(k, 'b');
    for (const char* end : {".", "!", "?", "\n"}) {
      const std::string text = first + end + " Next one! Last\nline";
      const std::string ended = end[0] == '\n' ? first : first + end;
      EXPECT_EQ(Sentences(text), (Strings{ended, "Next one!", "Last", "line"})) << text;
    }
  }
}

TEST(Sentences, EmptyAndBlankTextHaveNoSentences) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences("  \n\n \t ").empty());
}

TEST(Sentences, TextWithoutFinalPunctuationIsOneSentence) {
  EXPECT_EQ(Sentences("Campaign Rally"), (Strings{"Campaign Rally"}));
}

TEST(Sentences, SpansAreTrimmedOfWhiteSpace) {
  std::string_view text = "  First one.   Second one.  ";
  std::vector<SentenceSpan> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[0].end, 12u);
  EXPECT_EQ(spans[1].begin, 15u);
  EXPECT_EQ(spans[1].end, 26u);
}

TEST(Sentences, KeepsTitleAbbreviationWithTheName) {
  EXPECT_EQ(Sentences("Mr. Smith arrived. Dr. Olmos left."),
            (Strings{"Mr. Smith arrived.", "Dr. Olmos left."}));
}

TEST(Sentences, KeepsCountryAbbreviationInsideSentence) {
  EXPECT_EQ(Sentences("U.S. officials met. The U.S. Senate voted."),
            (Strings{"U.S. officials met.", "The U.S. Senate voted."}));
}

TEST(Sentences, KeepsSingleLetterInitialWithTheName) {
  EXPECT_EQ(Sentences("J. Smith said yes. Then he left."),
            (Strings{"J. Smith said yes.", "Then he left."}));
  EXPECT_EQ(Sentences("It was George W. Bush again."), (Strings{"It was George W. Bush again."}));
}

TEST(Sentences, KeepsNumberAbbreviationBeforeDigit) {
  EXPECT_EQ(Sentences("He is ranked No. 1 in the world. Others trail."),
            (Strings{"He is ranked No. 1 in the world.", "Others trail."}));
}

// A quote mark glued to the next sentence's capital still ends a sentence;
// the mark goes with the sentence whose quote it opens or closes.
TEST(Sentences, SplitsWhereAQuoteMarkIsGluedToTheNextSentence) {
  EXPECT_EQ(Sentences("They flew to Mars.\"Congratulations to Scott,\" he said."),
            (Strings{"They flew to Mars.", "\"Congratulations to Scott,\" he said."}));
  EXPECT_EQ(Sentences("He said \"it was over.\"Then he left."),
            (Strings{"He said \"it was over.\"", "Then he left."}));
  EXPECT_EQ(Sentences("\u201CIt was over.\u201DThen he left."),
            (Strings{"\u201CIt was over.\u201D", "Then he left."}));
  EXPECT_EQ(Sentences("It was 1.5 billion.\"x\" is a letter."),
            (Strings{"It was 1.5 billion.\"x\" is a letter."}));
}

// BUG: "no" is in the abbreviation list (for "No. 1"), so a sentence that
// ends with the word "no" never ends: "Voters said no. Then ..." stays one
// sentence. "No." abbreviates "number" only before a digit.
TEST(Sentences, SplitsAfterSentenceFinalNo) {
  EXPECT_EQ(Sentences("Voters said no. The plan failed."),
            (Strings{"Voters said no.", "The plan failed."}));
}

// The one rule the splitter and the quote finder share.
TEST(FullStopEndsNoSentence, AbbreviationsAndNumberedNo) {
  EXPECT_TRUE(FullStopEndsNoSentence("Dr", " Beatriz Olmos said."));
  EXPECT_TRUE(FullStopEndsNoSentence("U.S", " officials said."));
  EXPECT_TRUE(FullStopEndsNoSentence("No", " 10 Downing Street"));
  EXPECT_TRUE(FullStopEndsNoSentence("no", "  5"));
  EXPECT_FALSE(FullStopEndsNoSentence("no", " The plan failed."));
  EXPECT_FALSE(FullStopEndsNoSentence("No", ""));
  EXPECT_FALSE(FullStopEndsNoSentence("Smith", " 5 people came."));
}

TEST(Sentences, KeepsMonthAbbreviation) {
  EXPECT_EQ(Sentences("The vote is on Nov. 6 this year. It matters."),
            (Strings{"The vote is on Nov. 6 this year.", "It matters."}));
}

TEST(Sentences, DoesNotSplitInsideDecimalNumbers) {
  EXPECT_EQ(Sentences("A magnitude 6.8 quake hit. It was 4.12 a.m."),
            (Strings{"A magnitude 6.8 quake hit.", "It was 4.12 a.m."}));
}

TEST(Sentences, DoesNotSplitBeforeLowerCaseWord) {
  EXPECT_EQ(Sentences("He said etc. and more. Then left."),
            (Strings{"He said etc. and more.", "Then left."}));
  EXPECT_EQ(Sentences("It ended at 5 p.m. local time."),
            (Strings{"It ended at 5 p.m. local time."}));
}

TEST(Sentences, KeepsClosingCurlyQuoteWithItsSentence) {
  EXPECT_EQ(Sentences("\u201cWe made incredible progress.\u201d Trump said it twice."),
            (Strings{"\u201cWe made incredible progress.\u201d", "Trump said it twice."}));
}

TEST(Sentences, KeepsClosingStraightQuoteAndBracketWithItsSentence) {
  EXPECT_EQ(Sentences("\"Go home!\" She did. (It rained.) Then it stopped."),
            (Strings{"\"Go home!\"", "She did.", "(It rained.)", "Then it stopped."}));
}

TEST(Sentences, SplitsBeforeOpeningCurlyQuote) {
  EXPECT_EQ(Sentences("He paused. \u201cWe are ready,\u201d he said."),
            (Strings{"He paused.", "\u201cWe are ready,\u201d he said."}));
}

TEST(Sentences, LineBreakAlwaysEndsASentence) {
  EXPECT_EQ(Sentences("Campaign Rally\nthe president spoke\nMr.\nSmith"),
            (Strings{"Campaign Rally", "the president spoke", "Mr.", "Smith"}));
}

TEST(Sentences, SentencesOfOneLineShareItsParagraph) {
  EXPECT_EQ(Paragraphs("One. Two.\nThree. Four."), (std::vector<int>{0, 0, 1, 1}));
}

TEST(Sentences, ParagraphIndexCountsBlankLinesOnce) {
  std::string_view text = "First para.\n\nSecond para. Still second.\n\n\n\nThird para.";
  EXPECT_EQ(Sentences(text),
            (Strings{"First para.", "Second para.", "Still second.", "Third para."}));
  EXPECT_EQ(Paragraphs(text), (std::vector<int>{0, 1, 1, 2}));
}

TEST(Sentences, LeadingBlankLinesDoNotAdvanceTheParagraph) {
  EXPECT_EQ(Paragraphs("\n\n  \nOnly one."), (std::vector<int>{0}));
}

TEST(Sentences, HandlesCarriageReturnLineEnds) {
  EXPECT_EQ(Sentences("One line.\r\nAnother line.\r\n"), (Strings{"One line.", "Another line."}));
}

}  // namespace
}  // namespace storyline::text
