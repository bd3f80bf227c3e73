#include "extract/outlet.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::extract {
namespace {

constexpr char kBody[] = "\n\nThe port of Calais closed for a second day as the storm went on.";

std::string Named(const std::string& text) { return OutletNamedIn(text, ""); }

TEST(Outlet, ReadsTheWireCreditOfADateline) {
  EXPECT_EQ(Named("WASHINGTON (Reuters) - The Senate passed the bill." + std::string(kBody)),
            "Reuters");
  EXPECT_EQ(Named("(CNN) -- Nine people were killed when a strong earthquake struck."), "CNN");
  EXPECT_EQ(Named("LONDON, March 3 (Reuters) - Shares fell."), "Reuters");
  EXPECT_EQ(Named("New Delhi [India], Jan 1 (ANI): The minister said ..."), "ANI");
  EXPECT_EQ(Named("SOUTH SALT LAKE, Utah (ABC4 News) \xE2\x80\x93 A man was arrested."),
            "ABC4 News");
  EXPECT_EQ(Named("(Phys.org)\xE2\x80\x94Questioning thoughts arise from a study."), "Phys.org");
  EXPECT_EQ(Named("BEIRUT (Associated Press) _ Fighting resumed."), "Associated Press");
  // One wire, one name, however its copies spell it.
  EXPECT_EQ(Named("NEW YORK (AP) - Stocks rose."), "Associated Press");
  EXPECT_EQ(OutletNamedIn("Stocks rose.", "Copyright 2005 The Associated Press."),
            "Associated Press");
  EXPECT_EQ(Named("PARIS (AFP) - Strikes spread."), "AFP");
  EXPECT_EQ(Named("Berlin (dpa) - Die Bahn streikt."), "dpa");
}

TEST(Outlet, ABracketThatIsNoOutletsNameIsNoCredit) {
  EXPECT_EQ(Named("(Washington) \xE2\x80\x93 The government tortured opponents, HRW said."), "");
  EXPECT_EQ(Named("(VIDEO) - Watch the rescue as it happened."), "");
  EXPECT_EQ(Named("The senator (Reuters reported) - wrongly - that the vote was set."), "");
  EXPECT_EQ(Named("WASHINGTON (Reuters) The Senate passed the bill."), "");  // no dash
  // Only the first line holds a dateline.
  EXPECT_EQ(Named("The Senate passed the bill.\n\nWASHINGTON (Reuters) - Then it adjourned."), "");
}

TEST(Outlet, ReadsTheHolderOfACopyrightFooter) {
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 Copyright 2024 Bloomberg News. All rights reserved."),
            "Bloomberg News");
  EXPECT_EQ(CopyrightHolder("Copyright \xC2\xA9 2001-2004 United Press International"),
            "United Press International");
  EXPECT_EQ(CopyrightHolder("Copyright 2012 SPACE.com, a TechMediaNetwork company. All rights "
                            "reserved. This material may not be published."),
            "SPACE.com");
  EXPECT_EQ(CopyrightHolder("Copyright 2005 The Associated Press. All rights reserved."),
            "The Associated Press");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 THE NOBEL FOUNDATION 2004"), "THE NOBEL FOUNDATION");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 Thomas Crosbie Media, 2004."), "Thomas Crosbie Media");
  EXPECT_EQ(CopyrightHolder("(c) 2019 Reuters"), "Reuters");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9Reuters 2019"), "Reuters");
  // The company's legal form is not part of the name.
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 YG Entertainment Inc. All rights reserved."),
            "YG Entertainment");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 2024 Bloomberg L.P."), "Bloomberg");
  // What stands before the mark is not the holder.
  EXPECT_EQ(CopyrightHolder("International English Copyright \xC2\xA9 2004 Lycos, Inc. All "
                            "Rights Reserved."),
            "Lycos");
}

TEST(Outlet, AFooterWithoutAHoldersNameNamesNone) {
  EXPECT_EQ(CopyrightHolder("(C) All rights reserved"), "");
  EXPECT_EQ(CopyrightHolder("All rights reserved. This material may not be published."), "");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 Getty Images"), "");  // a photo agency: a picture's credit
  EXPECT_EQ(CopyrightHolder("Brett Lee faces another Test match \xC2\xA9 Getty Images"), "");
  // A run of capitals is a menu, not a name.
  EXPECT_EQ(CopyrightHolder("Copyright 2004 The Ledger Printer-Friendly Version E-Mail This "
                            "Article Today"),
            "");
  EXPECT_EQ(CopyrightHolder(""), "");
}

TEST(Outlet, ReadsTheNameATextReportsUnder) {
  EXPECT_EQ(Named("Trump said so on Tuesday.\n\nAsia Times understands the location will be in "
                  "Asia."),
            "Asia Times");
  EXPECT_EQ(Named("Three men died. STV understands all three are monks."), "STV");
  EXPECT_EQ(Named("Eyewitness News has learned from neighbours that the victim was 20."),
            "Eyewitness News");
  EXPECT_EQ(Named("The deal is close. But Sky News understands it may slip."), "Sky News");
  EXPECT_EQ(Named("The document, which Reuters has seen, sets a date."), "Reuters");
  EXPECT_EQ(Named("Two men were arrested, the BBC understands."), "BBC");
  EXPECT_EQ(Named("The Canberra Times can reveal Graf started talks."), "The Canberra Times");
  EXPECT_EQ(Named("The Free Press has obtained the ballots."), "The Free Press");
}

TEST(Outlet, AnotherOutletNamedInPassingIsNotTheTextsOwn) {
  EXPECT_EQ(Named("The senator told CNN that the vote was set."), "");
  EXPECT_EQ(Named("The vote was set, according to Reuters."), "");
  EXPECT_EQ(Named("The minister understands the risk. Today has seen protests."), "");
  EXPECT_EQ(Named("The Minister understands the risk."), "");
  EXPECT_EQ(Named("Reports said John Smith has seen the letter."), "");
  EXPECT_EQ(Named("The Daily News has fallen silent."), "");  // "has", but no reporting verb
  EXPECT_EQ(Named("The Daily News has seenery."), "");
}

TEST(Outlet, ARunOfCharactersIsNoName) {
  const std::string run(5000, 'X');
  EXPECT_EQ(Named("The document, which " + run + ".com has seen, sets a date."), "");
  EXPECT_EQ(CopyrightHolder("\xC2\xA9 2024 " + run), "");
}

TEST(Outlet, ACreditComesBeforeAFooterAndAFooterBeforeAName) {
  EXPECT_EQ(OutletNamedIn("NEW YORK (AP) - Stocks rose. The Daily News has learned more.",
                          "Copyright 2024 The Daily News"),
            "Associated Press");
  EXPECT_EQ(OutletNamedIn("Stocks rose. The Daily News has learned more.",
                          "\xC2\xA9 2024 Example Herald"),
            "Example Herald");
  // The first footer line that names a holder.
  EXPECT_EQ(OutletNamedIn("Stocks rose.", "(C) All rights reserved\n\xC2\xA9 2024 Example Herald"),
            "Example Herald");
}

// A page's title with its outlet's name after a separator: the title and
// the name apart.
TEST(TitleWithoutOutlet, SplitsTheOutletAPageAppends) {
  auto parts = [](std::string_view t) {
    TitleParts p = TitleWithoutOutlet(t);
    return std::string(p.text) + "|" + p.outlet;
  };
  EXPECT_EQ(parts("Sandy kills 6 in Haiti - Xinhua"), "Sandy kills 6 in Haiti|Xinhua");
  EXPECT_EQ(parts("Tanks at the Palace \xC2\xAB VOA Breaking News"),
            "Tanks at the Palace|VOA Breaking News");
  EXPECT_EQ(parts("Pakistani Pele dies \xE2\x80\x93 The Express Tribune"),
            "Pakistani Pele dies|The Express Tribune");
  EXPECT_EQ(parts("Warnings Canceled : The Two-Way : NPR"), "Warnings Canceled : The Two-Way|NPR");
  EXPECT_EQ(parts("Quake hits Iran | AP"), "Quake hits Iran|Associated Press");
  // A title that is an outlet's name alone is no title.
  EXPECT_EQ(parts("Taipei Times"), "|Taipei Times");
  // What follows is no outlet: the title stays whole.
  EXPECT_EQ(parts("Champions League knock-out draw - LIVE"),
            "Champions League knock-out draw - LIVE|");
  EXPECT_EQ(parts("Lindsay Lohan Checks Into Court - Ordered Rehab"),
            "Lindsay Lohan Checks Into Court - Ordered Rehab|");
  EXPECT_EQ(parts("Peace talks fail - a blow to the Times"),
            "Peace talks fail - a blow to the Times|");
  EXPECT_EQ(parts("Stocks fall in Tokyo"), "Stocks fall in Tokyo|");
  EXPECT_EQ(parts(""), "|");
}

}  // namespace
}  // namespace storyline::extract
