#include "util/time.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

TEST(IsoTime, ParsesDateOnlyAsUtcMidnight) {
  EXPECT_EQ(ParseIsoTime("1970-01-02"), 86400);
}

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

}  // namespace
}  // namespace storyline
