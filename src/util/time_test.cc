#include "util/time.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(IsoTime, ParsesDateOnlyAsUtcMidnight) { EXPECT_EQ(ParseIsoTime("1970-01-02"), 86400); }

TEST(IsoTime, AppliesZoneOffsets) {
  auto utc = ParseIsoTime("2014-09-14T00:52:07Z");
  EXPECT_EQ(ParseIsoTime("2014-09-13T20:52:07.702-0400"), utc);
  EXPECT_EQ(ParseIsoTime("2014-09-14T02:52:07+02:00"), utc);
  EXPECT_EQ(ParseIsoTime("2014-09-14 00:52:07"), utc);
}

TEST(IsoTime, RejectsNonsenseAndImpossibleDates) {
  EXPECT_FALSE(ParseIsoTime("yesterday"));
  EXPECT_FALSE(ParseIsoTime("2023-02-30"));
  EXPECT_FALSE(ParseIsoTime("2023-13-01T00:00:00Z"));
  EXPECT_FALSE(ParseIsoTime("2023-01-01T00:00:00Zjunk"));
  EXPECT_FALSE(ParseIsoTime(""));
}

TEST(IsoTime, FormatsRoundTrip) {
  auto t = ParseIsoTime("2026-03-14T08:30:05Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatIsoTime(*t), "2026-03-14T08:30:05Z");
  EXPECT_EQ(FormatIsoTime(-1), "1969-12-31T23:59:59Z");
}

TEST(IsoTime, FormatsFourDigitYearsAndPrintsOthersAsTheyCome) {
  EXPECT_EQ(FormatIsoTime(-62167219200), "0000-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoTime(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoTime(253402300800), "10000-01-01T00:00:00Z");
  EXPECT_EQ(FormatIsoTime(-62167219201), "-001-12-31T23:59:59Z");
  EXPECT_EQ(FormatIsoTime(951782400 + 3723), "2000-02-29T01:02:03Z");
}

std::string DateOf(std::string_view line) {
  auto t = FindDateInText(line);
  return t ? FormatIsoTime(*t).substr(0, 10) : "none";
}

TEST(DateInText, ReadsTheDatelineFormsNewsUses) {
  EXPECT_EQ(DateOf("May 03, 2013"), "2013-05-03");
  EXPECT_EQ(DateOf("PUBLISHED: THURSDAY, MAY 2, 2013, 1: 32 PM"), "2013-05-02");
  EXPECT_EQ(DateOf("May 3rd, 2013 2: 00pm EDT"), "2013-05-03");
  EXPECT_EQ(DateOf("Fri., May. 3, 2013 11: 45 AM PDT"), "2013-05-03");
  EXPECT_EQ(DateOf("Posted on Thu Jun 13, 2013 08: 45 AM PDT"), "2013-06-13");
  EXPECT_EQ(DateOf("14 June 2013"), "2013-06-14");
  EXPECT_EQ(DateOf("Updated 2013-05-03 10:00"), "2013-05-03");
  EXPECT_EQ(DateOf("UPDATED 05 / 03 / 2013 at 11: 00 AM EDT"), "2013-05-03");
}

TEST(DateInText, ReadsDottedAndImpossibleMonthFormsDayFirst) {
  EXPECT_EQ(DateOf("Article posted on 08. 07. 2012"), "2012-07-08");
  EXPECT_EQ(DateOf("12.03.2019"), "2019-03-12");
  EXPECT_EQ(DateOf("28/11/2005"), "2005-11-28");
  EXPECT_EQ(DateOf("11/28/2005"), "2005-11-28");
}

TEST(DateInText, NeverGuessesAMissingYearOrAnImpossibleDate) {
  EXPECT_EQ(DateOf("Tuesday, May 3"), "none");
  EXPECT_EQ(DateOf("February 30, 2013"), "none");
  EXPECT_EQ(DateOf("Maybe 3, 2013 things happened"), "none");
  EXPECT_EQ(DateOf("He scored 3 goals in 2013"), "none");
  EXPECT_EQ(DateOf(""), "none");
}

TEST(DateTime, ParsesMetadataForms) {
  auto at = [](std::string_view iso) { return *ParseIsoTime(iso); };
  EXPECT_EQ(ParseDateTime("2019-03-12T10:00:00+0100"), at("2019-03-12T09:00:00Z"));
  EXPECT_EQ(ParseDateTime("Tue, 12 Mar 2019 10:00:00 GMT"), at("2019-03-12T10:00:00Z"));
  EXPECT_EQ(ParseDateTime("Tue, 12 Mar 2019 10:00:00 -0500"), at("2019-03-12T15:00:00Z"));
  EXPECT_EQ(ParseDateTime("Sat Dec 07 2024 01:36:42 GMT+0000 (Coordinated Universal Time)"),
            at("2024-12-07T01:36:42Z"));
  EXPECT_EQ(ParseDateTime("March 11, 2015 3:46 PM EDT"), at("2015-03-11T19:46:00Z"));
  EXPECT_EQ(ParseDateTime("12 March 2019"), at("2019-03-12"));
  EXPECT_EQ(ParseDateTime("2019/03/12"), at("2019-03-12"));
  EXPECT_EQ(ParseDateTime("12.03.2019 14:05"), at("2019-03-12T14:05:00Z"));
  EXPECT_EQ(ParseDateTime("03/12/2019"), at("2019-03-12"));
  EXPECT_EQ(ParseDateTime("April 28, 2019 at 6:01 am"), at("2019-04-28T06:01:00Z"));
}

TEST(DateTime, NeverCompletesAPartialDate) {
  EXPECT_FALSE(ParseDateTime("2019"));
  EXPECT_FALSE(ParseDateTime("March 2019"));
  EXPECT_FALSE(ParseDateTime("Copyright 2019"));
  EXPECT_FALSE(ParseDateTime("today"));
  EXPECT_FALSE(ParseDateTime("3 hours ago"));
  EXPECT_FALSE(ParseDateTime("February 30, 2019"));
  EXPECT_FALSE(ParseDateTime(""));
}

}  // namespace
}  // namespace storyline
