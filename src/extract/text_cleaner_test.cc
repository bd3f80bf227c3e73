#include "extract/text_cleaner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::extract {
namespace {

std::vector<std::string> Paragraphs(const CleanedText& c) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < c.text.size()) {
    size_t end = c.text.find("\n\n", start);
    if (end == std::string::npos) end = c.text.size();
    out.push_back(c.text.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

// Body text between the lines under test, so that headings count as "inside".
constexpr std::string_view kBefore = "The talks resumed on Monday after a pause of six weeks.\n";
constexpr std::string_view kAfter = "\nBoth sides said they expected a deal before the summer.";

// Cleans kBefore + line + kAfter and says whether `line` survived.
bool KeepsLineInBody(std::string_view line) {
  const std::string text = std::string(kBefore) + std::string(line) + std::string(kAfter);
  const CleanedText c = CleanPlainText(text);
  const std::vector<std::string> paras = Paragraphs(c);
  if (paras.size() < 2) {
    ADD_FAILURE() << "surrounding body lost with: " << line;
    return false;
  }
  EXPECT_EQ(paras.front(), "The talks resumed on Monday after a pause of six weeks.") << line;
  EXPECT_EQ(paras.back(), "Both sides said they expected a deal before the summer.") << line;
  return paras.size() == 3 && paras[1] == line;
}

TEST(TextCleaner, EmptyInputGivesEmptyOutput) {
  for (std::string_view in : {"", "\n\n", "  \t\r\n \xC2\xA0 \n"}) {
    const CleanedText c = CleanPlainText(in);
    EXPECT_EQ(c.text, "");
    EXPECT_EQ(c.headline, "");
    EXPECT_EQ(c.dateline, "");
  }
}

TEST(TextCleaner, CollapsesWhitespaceAndJoinsParagraphsWithBlankLine) {
  const CleanedText c = CleanPlainText(
      "  The  mayor\tresigned\xC2\xA0on Friday.  \r\n\r\n\nHer deputy\xE2\x80\x83takes over.\n");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.\n\nHer deputy takes over.");
}

TEST(TextCleaner, KeepsOneSentencePerLineTextUnchanged) {
  const std::string text =
      "Lindsay Lohan has checked into a rehab facility in California, her lawyer said.\n"
      "The 26-year-old actress was due to begin a 90-day stay on Thursday.\n"
      "A judge ordered the stay in March after she pleaded no contest.\n"
      "\xE2\x80\x9CShe is doing well,\xE2\x80\x9D her lawyer told reporters.\n"
      "The center declined to comment.";
  const CleanedText c = CleanPlainText(text);
  EXPECT_EQ(c.headline, "");
  EXPECT_EQ(c.dateline, "");
  EXPECT_EQ(Paragraphs(c).size(), 5u);
  std::string expected = text;
  for (size_t at = 0; (at = expected.find('\n', at)) != std::string::npos; at += 2) {
    expected.replace(at, 1, "\n\n");
  }
  EXPECT_EQ(c.text, expected);
}

TEST(TextCleaner, KeepsShortSentencesAndQuoteLines) {
  EXPECT_TRUE(KeepsLineInBody("Election day is November 6."));
  EXPECT_TRUE(KeepsLineInBody("He said: \xE2\x80\x9CNo.\xE2\x80\x9D"));
  EXPECT_TRUE(KeepsLineInBody("\xE2\x80\x9CWe are ready,\xE2\x80\x9D"));
  EXPECT_TRUE(KeepsLineInBody("\"We will not back down\""));
  EXPECT_TRUE(KeepsLineInBody("\xE2\x80\x98Not yet\xE2\x80\x99"));
  EXPECT_TRUE(KeepsLineInBody("Why now?"));
  EXPECT_TRUE(KeepsLineInBody("Nobody knows."));
}

TEST(TextCleaner, DropsPhotoCaptionWithImageCredit) {
  const CleanedText c = CleanPlainText(
      "The mayor greets supporters outside city hall on Friday. Image: iStock\n"
      "The harbour at dawn. Photo: Reuters/Jane Roe\n"
      "The mayor resigned on Friday after a week of protests.\n"
      "A smoke plume over the plant. Credit: Handout\n"
      "Her deputy takes over until the election.");
  EXPECT_EQ(c.text,
            "The mayor resigned on Friday after a week of protests.\n\n"
            "Her deputy takes over until the election.");
  EXPECT_EQ(c.stats.captions, 3);
}

TEST(TextCleaner, DropsCaptionEndingWithBracketedCredit) {
  EXPECT_FALSE(KeepsLineInBody(
      "Officials inspect the damaged bridge on Tuesday. (Photo by Jane Roe/Getty Images)"));
  EXPECT_FALSE(KeepsLineInBody("The minister speaks in the capital. (AP Photo/John Doe)"));
  EXPECT_FALSE(KeepsLineInBody("Firefighters at the scene (Reuters/John Doe)."));
  EXPECT_FALSE(KeepsLineInBody("Crowds gather in the square (Getty Images)"));
  EXPECT_FALSE(KeepsLineInBody("Voters queue outside a school. (Jane Roe/The Daily Example)"));
}

TEST(TextCleaner, DropsLinesThatAreOnlyACredit) {
  for (std::string_view credit :
       {"Getty Images", "Photo: Reuters", "REUTERS/Jane Roe", "Credit: Jane Roe for The Example",
        "Photographer: Jane Roe/Example News", "John Doe/AP", "AFP PHOTO / JOHN DOE",
        "Photo by Jane Roe on Unsplash", "Image copyright Getty Images", "toggle caption",
        "Shutterstock"}) {
    EXPECT_FALSE(KeepsLineInBody(credit)) << credit;
  }
  const CleanedText c = CleanPlainText("Getty Images\nThe mayor resigned on Friday.");
  EXPECT_EQ(c.stats.credits, 1);
  EXPECT_EQ(c.text, "The mayor resigned on Friday.");
}

TEST(TextCleaner, DropsWireServiceCaptions) {
  EXPECT_FALSE(KeepsLineInBody(
      "FILE PHOTO: The minister attends a meeting in the capital, on May 3, 2018. REUTERS/Jane "
      "Roe/File Photo"));
  EXPECT_FALSE(KeepsLineInBody(
      "FILE - In this May 3, 2018, file photo, the minister speaks to reporters in the capital."));
  EXPECT_FALSE(KeepsLineInBody(
      "The leader inspects a factory in this undated photo released on May 3. KCNA via REUTERS"));
  EXPECT_FALSE(KeepsLineInBody("Protesters march downtown. File photo"));
}

TEST(TextCleaner, KeepsSentencesThatMentionPhotosOrAgencies) {
  EXPECT_TRUE(KeepsLineInBody("Police released a file photo of the suspect on Sunday."));
  EXPECT_TRUE(KeepsLineInBody("Getty Images said on Tuesday it would cut 200 jobs."));
  EXPECT_TRUE(KeepsLineInBody("A Reuters/Ipsos poll found 43 percent approve of the plan."));
  EXPECT_TRUE(KeepsLineInBody("Reuters/Ipsos polling shows the race is tight."));
  EXPECT_TRUE(KeepsLineInBody("Some 43 percent approve of the plan (Reuters/Ipsos)."));
  EXPECT_TRUE(KeepsLineInBody("The two leaders met (pictured) in the border village."));
  EXPECT_TRUE(KeepsLineInBody("WASHINGTON (Reuters) - The Senate passed the bill on Tuesday."));
  EXPECT_TRUE(KeepsLineInBody("He showed them (images of the damage)."));
  EXPECT_TRUE(KeepsLineInBody("The photo: a grainy image of a man at a gate, was shared widely."));
  EXPECT_TRUE(KeepsLineInBody("She licensed the picture from Getty Images."));
}

TEST(TextCleaner, DropsCopyrightFooters) {
  const CleanedText c = CleanPlainText(
      "The mayor resigned on Friday.\n"
      "\xC2\xA9 Copyright 2031 Example News. All rights reserved.\n"
      "Copyright 2030 The Example Press. All rights reserved.\n"
      "(c) 2029 Example Wire\n"
      "Copyright \xC2\xA9 2028 Example Media Group\n"
      "This material may not be published, broadcast, rewritten or redistributed.");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.");
  EXPECT_EQ(c.stats.copyright, 5);
  // They are handed on: they name the publisher.
  EXPECT_EQ(c.copyright,
            "\xC2\xA9 Copyright 2031 Example News. All rights reserved.\n"
            "Copyright 2030 The Example Press. All rights reserved.\n"
            "(c) 2029 Example Wire\n"
            "Copyright \xC2\xA9 2028 Example Media Group\n"
            "This material may not be published, broadcast, rewritten or redistributed.");
}

TEST(TextCleaner, ACopyrightLineAboveTheBodyIsAPicturesCreditNotTheFooter) {
  const CleanedText c = CleanPlainText(
      "\xC2\xA9 Example Pictures\n"
      "The mayor resigned on Friday after a long row over the city budget.\n"
      "\xC2\xA9 2031 Example News. All rights reserved.");
  EXPECT_EQ(c.stats.copyright, 2);
  EXPECT_EQ(c.copyright, "\xC2\xA9 2031 Example News. All rights reserved.");
  EXPECT_EQ(CleanPlainText("\xC2\xA9 Example Pictures\nThe mayor resigned on Friday.").copyright,
            "");
}

TEST(TextCleaner, KeepsSentencesAboutCopyright) {
  EXPECT_TRUE(KeepsLineInBody("Copyright law has not kept up with streaming, the judge wrote."));
  EXPECT_TRUE(KeepsLineInBody("Copyrighted songs were removed from the platform."));
  EXPECT_TRUE(KeepsLineInBody("(c) the tenant shall pay the rent on the first of the month;"));
}

TEST(TextCleaner, DropsStrayHeadingBetweenParagraphs) {
  EXPECT_FALSE(KeepsLineInBody("Campaign Rally"));
  EXPECT_FALSE(KeepsLineInBody("WHAT HAPPENS NEXT"));
  EXPECT_FALSE(KeepsLineInBody("What happens next"));
  EXPECT_FALSE(KeepsLineInBody("Talks in the Desert and Beyond"));
  const CleanedText c =
      CleanPlainText(std::string(kBefore) + "Campaign Rally" + std::string(kAfter));
  EXPECT_EQ(c.stats.headings, 1);
}

TEST(TextCleaner, KeepsShortLinesThatAreNotHeadings) {
  // Broken sentences: dangling verb, or continued in lower case on the next line.
  EXPECT_TRUE(KeepsLineInBody("The President said"));
  const CleanedText c = CleanPlainText(
      "The talks resumed on Monday.\nNorth Korean Leader Kim\nsaid he was ready to meet.");
  EXPECT_EQ(Paragraphs(c).size(), 3u);
  // A sentence-case line with many words is a fragment, not a heading.
  EXPECT_TRUE(KeepsLineInBody("The talks could go on for weeks or months yet"));
  // Short lines at the very end are not between paragraphs.
  const CleanedText tail = CleanPlainText("The mayor resigned on Friday.\nMore To Come");
  EXPECT_EQ(tail.text, "The mayor resigned on Friday.\n\nMore To Come");
}

TEST(TextCleaner, KeepsShortLinesOfHardWrappedText) {
  // Neither a heading nor a headline: the lines are fragments of sentences.
  const std::string text =
      "The mayor resigned on Friday after a week\n"
      "of protests over the budget, saying that\n"
      "City Hall And The Council\n"
      "had lost the trust of voters in the\n"
      "poorer districts of the city.";
  EXPECT_EQ(Paragraphs(CleanPlainText(text)).size(), 5u);
}

TEST(TextCleaner, DropsBylines) {
  for (std::string_view byline :
       {"By Jane Roe", "By Jane Roe and John Doe, Reuters", "BY JANE ROE", "Jane Roe | Reuters",
        "Reporting by Jane Roe; Editing by John Doe",
        "(Reporting by Jane Roe in Seoul; Additional reporting by John Doe; Writing by Ann Lee; "
        "Editing by Bob Kay)",
        "Written by Jane Roe", "Writing by Jane Roe", "Additional reporting by John Doe in Paris",
        "By Jane Roe, staff writer", "Contributing: Jane Roe", "The Associated Press",
        "Staff Reports", "By: Jane Roe", "Washington Post Staff Writers", "Associated Press Writer",
        "Jane Roe, Chief Political Correspondent"}) {
    EXPECT_FALSE(KeepsLineInBody(byline)) << byline;
  }
  const CleanedText c = CleanPlainText("By Jane Roe\nThe mayor resigned on Friday.");
  EXPECT_EQ(c.stats.bylines, 1);
  EXPECT_EQ(c.text, "The mayor resigned on Friday.");
}

TEST(TextCleaner, KeepsSentencesStartingWithBy) {
  EXPECT_TRUE(KeepsLineInBody("By Tuesday, the troops had left the city."));
  EXPECT_TRUE(KeepsLineInBody("By the end of the year, prices had doubled."));
  EXPECT_TRUE(KeepsLineInBody("Written by hand, the letter ran to four pages."));
  EXPECT_TRUE(KeepsLineInBody("Reporting by the Example Times revealed the payments."));
  EXPECT_TRUE(KeepsLineInBody("The paper fired two staff writers."));
  EXPECT_TRUE(KeepsLineInBody("Jane Roe is our Moscow correspondent."));
}

TEST(TextCleaner, DropsBoilerplateLines) {
  for (std::string_view line :
       {"Read more: Ten things to know about the budget", "READ MORE",
        "Related: The vote explained", "Share this article", "Click here to read the full report.",
        "Sign up for our morning newsletter", "Subscribe to Example News for $1 a week.",
        "Advertisement", "ADVERTISEMENT", "- Advertisement -", "Follow us on Twitter",
        "Follow Jane Roe on Twitter: @janeroe", "Sponsored", "Continue reading",
        "\xC2\xBB Read More", "Story continues below advertisement", "Don\xE2\x80\x99t miss",
        "***"}) {
    EXPECT_FALSE(KeepsLineInBody(line)) << line;
  }
  const CleanedText c = CleanPlainText("Advertisement\nThe mayor resigned on Friday.");
  EXPECT_EQ(c.stats.boilerplate, 1);
}

TEST(TextCleaner, CutsFurnitureRunIntoTheStartOfASentence) {
  const CleanedText c = CleanPlainText(
      "The polls closed at eight.\n"
      "Continue reading the main story Thomas Friedman of the New York Times writes: \"No one "
      "knows.\"\n"
      "Story continues below advertisement \u201cWe won,\u201d she said.\n"
      "Advertisement At least one site has changed its page.\n"
      "Print Mail Fockers tops the box office at year's end.");
  EXPECT_EQ(c.text,
            "The polls closed at eight.\n\n"
            "Thomas Friedman of the New York Times writes: \"No one knows.\"\n\n"
            "\u201cWe won,\u201d she said.\n\n"
            "At least one site has changed its page.\n\n"
            "Fockers tops the box office at year's end.");
}

TEST(TextCleaner, KeepsSentencesThatOnlyContainBoilerplateWords) {
  EXPECT_TRUE(KeepsLineInBody("Users who click here are tracked by three ad networks."));
  EXPECT_TRUE(KeepsLineInBody("Advertisement revenue fell 5 percent in the third quarter."));
  EXPECT_TRUE(KeepsLineInBody("Related to that, the council will vote on Thursday."));
  EXPECT_TRUE(KeepsLineInBody(
      "Subscribe to the theory that prices will fall, and you will be waiting a long time, "
      "the analyst said in a note to clients that was widely shared among traders on Monday."));
  EXPECT_TRUE(KeepsLineInBody("More than 300 people were evacuated."));
}

TEST(TextCleaner, ExtractsHeadlineAndDateline) {
  const CleanedText c = CleanPlainText(
      "Lindsay Lohan checks into Betty Ford Center\n"
      "May 03, 2013\n"
      "After skipping a court date, the actress entered the clinic on Thursday.\n"
      "Her lawyer confirmed the stay.");
  EXPECT_EQ(c.headline, "Lindsay Lohan checks into Betty Ford Center");
  EXPECT_EQ(c.dateline, "May 03, 2013");
  EXPECT_TRUE(c.text.starts_with("After skipping")) << c.text;
  EXPECT_EQ(Paragraphs(c).size(), 2u);
  EXPECT_EQ(c.stats.headings, 0);
}

TEST(TextCleaner, FindsHeadlineAndDatelineAroundByline) {
  const CleanedText c = CleanPlainText(
      "Mayor quits after week of protests\n"
      "By Jane Roe\n"
      "Friday, March 3, 2023 10:15 AM ET\n"
      "The mayor resigned on Friday.");
  EXPECT_EQ(c.headline, "Mayor quits after week of protests");
  EXPECT_EQ(c.dateline, "Friday, March 3, 2023 10:15 AM ET");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.");
  EXPECT_EQ(c.stats.bylines, 1);
}

TEST(TextCleaner, ExtractsNumericDatelineWithoutHeadline) {
  const CleanedText c = CleanPlainText("2013-05-03\nThe mayor resigned on Friday.");
  EXPECT_EQ(c.headline, "");
  EXPECT_EQ(c.dateline, "2013-05-03");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.");
  EXPECT_EQ(CleanPlainText("Updated 05/03/2013\nThe mayor quit.").dateline, "Updated 05/03/2013");
}

TEST(TextCleaner, FindsDatelineBelowSummaryLine) {
  const CleanedText c = CleanPlainText(
      "Mayor quits after week of protests\n"
      "The mayor of the city stepped down on Thursday after a week of protests.\n"
      "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM\n"
      "The mayor resigned on Friday.");
  EXPECT_EQ(c.headline, "Mayor quits after week of protests");
  EXPECT_EQ(c.dateline, "PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM");
  EXPECT_EQ(Paragraphs(c).size(), 2u);
}

TEST(TextCleaner, ReadsTokenisedAndPipeSeparatedDates) {
  // ECB+ text is tokenised: separators come with spaces around them.
  for (std::string_view date : {"May 2, 2013 | 5: 03pm", "05 / 03 / 2013", "8 / 2 / 13 at 1: 30 PM",
                                "Tuesday 28 April 2009 22. 34 BST", "June 6th, 2013 7: 38pm EDT"}) {
    const CleanedText c = CleanPlainText(std::string(date) + "\nThe mayor resigned on Friday.");
    EXPECT_EQ(c.dateline, date);
    EXPECT_EQ(c.headline, "");
    EXPECT_EQ(c.text, "The mayor resigned on Friday.");
  }
}

TEST(TextCleaner, ReadsASectionsNameBeforeTheDate) {
  const CleanedText c = CleanPlainText(
      "Sports \xC2\xB7 December 5, 2021 \xC2\xB7 9:15 PM UTC\n"
      "Medvedev leads Russia to third Davis Cup title\n"
      "Russia took an unassailable 2-0 lead over Croatia in the final on Sunday.");
  EXPECT_EQ(c.dateline, "Sports \xC2\xB7 December 5, 2021 \xC2\xB7 9:15 PM UTC");
  EXPECT_EQ(c.headline, "Medvedev leads Russia to third Davis Cup title");
  EXPECT_TRUE(c.text.starts_with("Russia took")) << c.text;
  EXPECT_EQ(CleanPlainText("World | May 3, 2013\nThe mayor quit.").dateline, "World | May 3, 2013");
  // One word before the separator may name a section; a sentence's may not.
  EXPECT_EQ(
      CleanPlainText("The mayor quit \xE2\x80\x93 May 3, 2013\nHer deputy takes over.").dateline,
      "");
}

TEST(TextCleaner, DoesNotTakeSentencesForHeadlineOrDateline) {
  const CleanedText sentence = CleanPlainText("The mayor resigned.\nHer deputy takes over.");
  EXPECT_EQ(sentence.headline, "");
  EXPECT_EQ(Paragraphs(sentence).size(), 2u);
  // Nothing follows it, so a lone title-like line is the body.
  const CleanedText alone = CleanPlainText("Mayor quits after week of protests");
  EXPECT_EQ(alone.headline, "");
  EXPECT_EQ(alone.text, "Mayor quits after week of protests");
  // A date inside a sentence is not a dateline.
  const CleanedText dated = CleanPlainText("May 3, 2013 was a Friday.\nThe mayor quit.");
  EXPECT_EQ(dated.dateline, "");
  EXPECT_EQ(Paragraphs(dated).size(), 2u);
}

TEST(TextCleaner, CutsAHeadlineRunIntoTheFirstSentence) {
  const CleanedText c = CleanPlainText(
      "Man Charged With Animal Cruelty After Biting His Dog The pet owner says the act was for "
      "punishment.\nPolice arrested him on Saturday.");
  EXPECT_EQ(c.headline, "Man Charged With Animal Cruelty After Biting His Dog");
  EXPECT_EQ(Paragraphs(c).front(), "The pet owner says the act was for punishment.");
  const CleanedText center = CleanPlainText(
      "Read President Carter's Election Trip Report The Carter Center is very concerned about "
      "the count.\nObservers stay.");
  EXPECT_EQ(Paragraphs(center).front(), "The Carter Center is very concerned about the count.");
  // Not a sentence in which a name stands before "The", nor a date run into
  // the text.
  for (const char* whole :
       {"Secretary of State John Kerry told The Washington Post that talks would go on.",
        "30 June 2011 \xE2\x80\x93 The United Nations expert warned today of austerity."}) {
    const CleanedText kept = CleanPlainText(std::string(whole) + "\nThe count went on.");
    EXPECT_EQ(Paragraphs(kept).front(), whole);
  }
  // Title Case leaves small words in lower case: "in" does not start a
  // sentence after "The".
  const std::string title =
      "Obama and Romney Clash Over The Economy in Debate Tonight as polls "
      "tighten.";
  EXPECT_EQ(Paragraphs(CleanPlainText(title + "\nThe debate went on.")).front(), title);
}

TEST(TextCleaner, KeepsSentencesInScriptsWithoutSpaces) {
  // Japanese sentences end in 。 and have no spaces, so they are one "word".
  EXPECT_TRUE(
      KeepsLineInBody("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE5\x9C\xB0\xE9\x9C\x87\xE3\x80\x82"));
  EXPECT_TRUE(KeepsLineInBody(
      "Kindle\xE3\x81\xAE\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84\xE3\x82\xA2\xE3\x83\x97"
      "\xE3\x83\xAA\xE3\x81\x8C\xE5\x85\xAC\xE9\x96\x8B\xE3\x81\x95\xE3\x82\x8C\xE3\x81"
      "\x9F\xE3\x80\x82"));
}

TEST(TextCleaner, KeepsVeryLongLinesIntact) {
  // Also exercises the bounded credit scan: every '(' starts a candidate credit.
  const std::string blob = std::string(200000, 'x') + ".";
  const std::string parens = "x" + std::string(100000, '(') + ".";
  std::string spaced = "The";
  for (int i = 0; i < 50000; ++i) spaced += " (Photo";
  spaced += ".";
  EXPECT_TRUE(CleanPlainText(blob).text == blob);
  EXPECT_TRUE(CleanPlainText(parens).text == parens);
  EXPECT_TRUE(CleanPlainText(spaced).text == spaced);
}

std::string ReadSeed(const char* name) {
  std::ifstream in(std::string(STORYLINE_SOURCE_DIR "/../shared/seeds/") + name, std::ios::binary);
  if (!in) return {};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every line of `raw` that is not in `dropped` must come out as a paragraph.
void ExpectBodyKept(const std::string& raw, const CleanedText& c,
                    const std::vector<std::string_view>& dropped) {
  const std::vector<std::string> paras = Paragraphs(c);
  size_t expected = 0;
  std::istringstream lines(raw);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    bool is_dropped = false;
    for (std::string_view d : dropped) is_dropped |= line.find(d) != std::string::npos;
    if (is_dropped) continue;
    ++expected;
    EXPECT_NE(std::find(paras.begin(), paras.end(), line), paras.end()) << "lost: " << line;
  }
  EXPECT_EQ(paras.size(), expected);
}

// The cleaner scans ASCII text eight bytes at a time; these pin the byte
// loop's results where runs of white space, Unicode separators and stray
// UTF-8 lead bytes fall across those eight-byte steps.
TEST(TextCleaner, CollapsesWhiteSpaceAtAnyOffset) {
  const std::vector<std::string_view> spaces = {" ",
                                                "  ",
                                                "\t",
                                                " \t ",
                                                "\xC2\xA0",
                                                "\xE2\x80\x83",
                                                "\xE3\x80\x80",
                                                "\xE2\x80\xAF ",
                                                " \xE2\x81\x9F"};
  for (size_t shift = 0; shift < 8; ++shift) {
    std::string text(shift, 'x');  // moves every later byte to another offset
    std::string expected(shift, 'x');
    for (size_t i = 0; i < 40; ++i) {
      text += "ab" + std::string(i % 5, 'c') + std::string(spaces[i % spaces.size()]);
      expected += "ab" + std::string(i % 5, 'c') + " ";
    }
    text += "end.";
    expected += "end.";
    EXPECT_EQ(CleanPlainText(text).text, expected) << shift;
    EXPECT_EQ(CleanPlainText(" \t" + text + " \n").text, expected) << shift;
    EXPECT_EQ(CleanPlainText(" " + text + " ").text, expected) << shift;
    EXPECT_EQ(CleanPlainText("\xC2\xA0 " + text).text, expected) << shift;
    EXPECT_EQ(CleanPlainText("Ends here.\n " + text).text, "Ends here.\n\n" + expected) << shift;
    EXPECT_EQ(CleanPlainText("Starts here\t fine " + text).text, "Starts here fine " + expected)
        << shift;
  }
}

TEST(TextCleaner, CarriesStrayBytesThroughAndBreaksAtUnicodeLineBreaks) {
  // A lead byte that starts no separator is text; the NBSP after it is space.
  EXPECT_EQ(CleanPlainText("Prices rose \xC2\xC2\xA0today, it said.").text,
            "Prices rose \xC2 today, it said.");
  EXPECT_EQ(CleanPlainText("It rained.\xE2\x80\xA8It snowed.\xC2\x85It cleared.\r\nThe end.").text,
            "It rained.\n\nIt snowed.\n\nIt cleared.\n\nThe end.");
  EXPECT_EQ(CleanPlainText("Cut short \xE2\x80").text, "Cut short \xE2\x80");
}

TEST(TextCleaner, MatchesBoilerplateWithCurlyApostrophes) {
  const CleanedText c = CleanPlainText(
      "The mayor resigned on Friday.\nDon\xE2\x80\x99t miss\n"
      "Editor\xE2\x80\x99s picks: the week in pictures\nHer deputy takes over.");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.\n\nHer deputy takes over.");
  EXPECT_EQ(c.stats.boilerplate, 2);
}

TEST(TextCleaner, ReadsWholeLongFollowLines) {
  // Longer than the part of a line most whole-line rules look at.
  EXPECT_FALSE(KeepsLineInBody(
      "Follow our live coverage of the election results in every state and district on "
      "Facebook"));
  EXPECT_TRUE(KeepsLineInBody(
      "Follow the money, investigators said, and the trail leads to three shell companies."));
}

TEST(TextCleaner, FindsCopyrightPhrasesInAnyCase) {
  const CleanedText c = CleanPlainText(
      "The mayor resigned on Friday.\n"
      "This story MAY NOT BE REPUBLISHED WITHOUT the permission of Example News.\n"
      "Example Media Group, All Rights Reserved\n"
      "Her deputy takes over.");
  EXPECT_EQ(c.text, "The mayor resigned on Friday.\n\nHer deputy takes over.");
  EXPECT_EQ(c.stats.copyright, 2);
}

TEST(TextCleaner, LooksForCreditsOnlyInTheLastWordsOfAParagraph) {
  const std::string body =
      "The council met for six hours on Tuesday and voted to close two libraries, merge the "
      "parks department into public works, raise parking fees downtown and delay the new "
      "bus depot by a year, in a budget that the mayor said left no good choices.";
  EXPECT_FALSE(KeepsLineInBody(body + " Image: iStock"));
  EXPECT_FALSE(KeepsLineInBody(body + " (Photo: Jane Roe/Example News)"));
  // "Photo:" opens a segment, but one too long to be a credit.
  EXPECT_TRUE(KeepsLineInBody(body + " Photo: the vote came after midnight, and most of the "
                                     "public had gone home."));
}

// Scraped texts often come as one line, their paragraph breaks lost; a
// caption or credit inside must not take the article with it.
TEST(TextCleaner, CutsOnlyTheCreditOutOfAnArticleWrittenAsOneLine) {
  const std::string lead =
      "Thai police on Sunday shot dead a soldier who killed 26 people and wounded 57 in the "
      "worst mass shooting in the country's history.";
  const std::string middle =
      "Prime Minister Prayut Chan-o-cha confirmed the numbers of victims after the overnight "
      "siege was ended by police on Sunday morning, 16 hours after it began, at a shopping mall "
      "in the north-western city of Nakhon Ratchasima, also known as Korat.";
  const std::string last =
      "Officials said the man was angry over a financial dispute. He first killed two people, "
      "then drove to the mall.";
  const CleanedText c = CleanPlainText(lead + " " + middle + " (AP Photo/Sakchai Lalit) " + last);
  EXPECT_EQ(c.text, lead + " " + middle + "\n\n" + last);
  EXPECT_EQ(c.stats.credits, 1);
  // A credit marker anywhere in the line, a caption opening it.
  // A credit marker anywhere in the line: the piece it is in goes (here up to
  // the next sentence end, as where the credit stops is not written).
  EXPECT_EQ(CleanPlainText(lead + " " + middle + " REUTERS/Jorge Silva " + last).text,
            lead + " " + middle + "\n\nHe first killed two people, then drove to the mall.");
  // A caption opening the line; initials and abbreviations do not end its
  // sentence, so the caption goes whole.
  EXPECT_EQ(CleanPlainText("Photo: the U.S. Embassy in Bangkok on Sunday, lit by J. Doe. " + lead +
                           " " + middle)
                .text,
            lead + " " + middle);
}

TEST(TextCleaner, KeepsTheSentenceThatFurnitureRunsIntoInAnArticleWrittenAsOneLine) {
  // Over 60 words, as a one-line article is.
  const std::string lead =
      "Police fired tear gas at protesters in the centre of Hong Kong on New Year's Day, "
      "hours after the march had started peacefully. Organisers said more than a million people "
      "had taken part, while the police put the figure at sixty thousand. The city's leader "
      "called for calm and said the government would listen to the people, but offered no "
      "concessions.";
  const std::string caption =
      "A woman is detained by police officers during a demonstration in Hong Kong.";
  const std::string sentence =
      "A march drawing tens of thousands of protesters spiralled into chaotic scenes as police "
      "fired tear gas.";
  // The credit and the place after it go; the sentence that opens after them
  // ("A march drawing") stays.
  EXPECT_EQ(CleanPlainText(lead + " " + caption + " Picture: Reuters Hong Kong - " + sentence).text,
            lead + " " + caption + "\n\n" + sentence);
  // A quotation opening after a link title.
  const std::string quote = "\u201cThe manner in which I studied changed,\u201d she said.";
  EXPECT_EQ(CleanPlainText(lead + " ALSO READ: Student soars with six distinctions " + quote).text,
            lead + "\n\n" + quote);
  // A Title Case link title is no sentence, however it opens.
  EXPECT_EQ(
      CleanPlainText(lead + " ALSO READ: The Godfather Trilogy Returns To Cinemas In Style.").text,
      lead);
}

TEST(TextCleaner, DropsFurnitureOfOtherLanguages) {
  const std::string a =
      "Der Bundestag hat am Donnerstag ein neues Gesetz zur Windenergie beschlossen.";
  const std::string b = "Die Abgeordneten der Koalition stimmten für den Entwurf.";
  const std::string c = "El Gobierno aprobó el martes una nueva ley de vivienda.";
  EXPECT_EQ(
      CleanPlainText(a + "\n\nAnzeige\n\n" + b + "\n\nLesen Sie auch: Merkel trifft Macron\n\n" +
                     "Den vollständigen Artikel lesen ...\n")
          .text,
      a + "\n\n" + b);
  EXPECT_EQ(
      CleanPlainText(c + "\n\nPublicidad\n\nLee también: El Congreso debate la reforma\n").text, c);
  // The phrase run into the next sentence goes, the sentence stays; a
  // sentence that opens with the word ("Anzeige" is also a complaint) stays.
  EXPECT_EQ(CleanPlainText(a + "\n\nWeiterlesen nach der Anzeige Anzeige " + b).text,
            a + "\n\n" + b);
  const std::string complaint = "Anzeige gegen den Bürgermeister wurde am Montag erstattet.";
  EXPECT_EQ(CleanPlainText(a + "\n\n" + complaint).text, a + "\n\n" + complaint);
}

// A site's cookie consent notice (the scraper met the consent page) goes
// in any of the languages listed, and with it what follows it about cookies
// or in the site's voice; an article about cookies stays.
TEST(TextCleaner, DropsCookieNoticesButNotArticlesAboutCookies) {
  const std::string a = "The city council voted on Tuesday to close two libraries.";
  const std::string b = "A second vote on the bus depot is due in March.";
  EXPECT_EQ(CleanPlainText(a +
                           "\n\nWe use cookies to ensure that we give you the best experience on "
                           "our website.\n\nSuch third party cookies may track your use of the "
                           "site.\n\nOK\n\n" +
                           b)
                .text,
            a + "\n\n" + b);
  EXPECT_EQ(CleanPlainText(
                "Wir setzen auf unserer Website Cookies und andere Technologien ein, um Ihnen "
                "den vollen Funktionsumfang anzubieten. Zudem messen wir die Besuche, um unsere "
                "Webseite anzupassen.\n\n" +
                a)
                .text,
            a);
  // Run into one line with the article, only the notice's sentences go.
  const std::string lead =
      "The city council voted on Tuesday to close two libraries and merge the parks department "
      "into public works, in a budget the mayor said left no good choices, and the vote came "
      "after midnight, when most of the public had gone home.";
  EXPECT_EQ(CleanPlainText(lead +
                           " By continuing to use this site you consent to the use of cookies on "
                           "your device as described in our Cookie Policy. " +
                           b)
                .text,
            lead + "\n\n" + b);
  const std::string about =
      "The regulator said websites must ask before they set cookies, and fined the company for "
      "a cookie banner that hid the refusal button.";
  EXPECT_EQ(CleanPlainText(about + "\n\n" + b).text, about + "\n\n" + b);
  const std::string bakery =
      "Girl Scouts in the county sold 200,000 boxes of cookies this year, and the troop leaders "
      "said their website took most of the orders.";
  EXPECT_EQ(CleanPlainText(a + "\n\n" + bakery).text, a + "\n\n" + bakery);
}

TEST(TextCleaner, DropsFootersAndFurnitureInsideAnArticleWrittenAsOneLine) {
  const std::string lead =
      "The city council voted on Tuesday to close two libraries and merge the parks department "
      "into public works, in a budget the mayor said left no good choices.";
  const std::string middle =
      "Council members met for six hours, and the vote came after midnight, when most of the "
      "public had gone home.";
  const std::string last = "A second vote on the bus depot is due in March.";
  const CleanedText c = CleanPlainText(
      lead + " Advertisement " + middle + " Follow Jane Roe on Twitter: @janeroe. " + last +
      " Copyright 2020 The Associated Press. All rights reserved. This material may not be "
      "published, broadcast, rewritten or redistributed.");
  EXPECT_EQ(c.text, lead + " " + middle + "\n\n" + last);
  EXPECT_EQ(c.stats.copyright, 3);
  EXPECT_EQ(c.stats.boilerplate, 1);
}

TEST(TextCleaner, DropsALongCaptionWholeInATextOfParagraphs) {
  const std::string caption =
      "French soldiers patrol at Paris La Defense business district in Paris, France, 14 "
      "November 2015. The French government declared a state of emergency, tightened border "
      "controls and mobilized 1,500 soldiers in consequence to the 13 November Paris attacks. "
      "At least 120 people have been killed in a series of attacks in Paris on 13 November, "
      "according to French officials. Eight assailants were killed, police said. EPA/JANE ROE";
  std::string text;
  for (int i = 0; i < 6; ++i) {
    text +=
        "The talks resumed on Monday after a pause of six weeks, and both sides said they "
        "expected a deal before the summer recess began.\n";
  }
  const CleanedText c = CleanPlainText(text + caption + "\n" + text);
  EXPECT_EQ(c.text.find("soldiers"), std::string::npos);
  EXPECT_EQ(c.stats.captions, 1);
}

TEST(TextCleaner, CutsLongRunTogetherLinesInLinearTime) {
  // A caption opening a line of many brackets that never close and of full
  // stops with no space before them: each is read only a little way.
  std::string brackets = "Photo: the start.";
  for (int i = 0; i < 50000; ++i) brackets += " (Photo";
  std::string dots = "Photo: the start. A";
  for (int i = 0; i < 50000; ++i) dots += "a.a";
  dots += " and more words to make it long " + std::string(70 * 2, 'w');
  for (int i = 0; i < 70; ++i) dots += " word";
  EXPECT_EQ(CleanPlainText(brackets).text.size(), brackets.size() - 18);
  EXPECT_FALSE(CleanPlainText(dots).text.empty());
}

TEST(TextCleaner, CleansSeedArticles) {
  const std::string asia = ReadSeed("000_3d8a99a2a312c321.txt");
  const std::string bloomberg = ReadSeed("004_3fb57a84995691d4.txt");
  if (asia.empty() || bloomberg.empty()) GTEST_SKIP() << "seed articles not present";

  const CleanedText a = CleanPlainText(asia);
  EXPECT_EQ(a.text.find("iStock"), std::string::npos);
  EXPECT_EQ(a.stats.captions, 2);
  EXPECT_EQ(a.headline, "");
  EXPECT_NE(a.text.find("Election day is November 6."), std::string::npos);
  EXPECT_NE(a.text.find("I like him, he likes me, the relationship is good."), std::string::npos);
  ExpectBodyKept(asia, a, {"Image: iStock"});

  const CleanedText b = CleanPlainText(bloomberg);
  EXPECT_EQ(b.text.find("Campaign Rally"), std::string::npos);
  EXPECT_EQ(b.text.find("Copyright"), std::string::npos);
  EXPECT_EQ(b.text.find("\xC2\xA9"), std::string::npos);
  EXPECT_EQ(b.stats.headings, 1);
  EXPECT_EQ(b.stats.copyright, 1);
  EXPECT_EQ(b.headline, "");
  EXPECT_NE(
      b.text.find("\xE2\x80\x9CI like him, he likes me, the relationship is good,\xE2\x80\x9D "
                  "Trump said of Kim."),
      std::string::npos);
  ExpectBodyKept(bloomberg, b, {"Campaign Rally", "\xC2\xA9 Copyright"});
}

}  // namespace
}  // namespace storyline::extract
