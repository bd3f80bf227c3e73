#include "util/abbreviations.h"

#include <gtest/gtest.h>

#include <string_view>

namespace storyline {
namespace {

// The full stop at the end of `text` (its last byte).
bool EndsNoSentence(std::string_view text, std::string_view after) {
  return FullStopEndsNoSentence(WordBeforeFullStop(text, text.size() - 1), after);
}

TEST(Abbreviations, TheWordBeforeAFullStopIsItsLettersAndInnerDots) {
  EXPECT_EQ(WordBeforeFullStop("in the U.S. today", 10), "U.S");
  EXPECT_EQ(WordBeforeFullStop("on Sept. 9", 7), "Sept");
  EXPECT_EQ(WordBeforeFullStop("(J. Smith", 2), "J");
  EXPECT_EQ(WordBeforeFullStop(".", 0), "");
}

TEST(Abbreviations, OnlyAnAbbreviationOrNoBeforeANumberKeepsTheSentence) {
  EXPECT_TRUE(EndsNoSentence("about approx.", " 5 km"));
  EXPECT_TRUE(EndsNoSentence("said Dr.", " Olmos"));
  EXPECT_TRUE(EndsNoSentence("ranked No.", " 4"));
  EXPECT_FALSE(EndsNoSentence("he said no.", " It was late."));
  // A word that only ends like an abbreviation is none.
  EXPECT_FALSE(EndsNoSentence("the Smithco.", " The"));   // "co" inside a word
  EXPECT_FALSE(EndsNoSentence("paid reapprox.", " It"));  // "approx" inside one
  EXPECT_TRUE(EndsNoSentence("the Rev.", " Jones"));
  EXPECT_FALSE(EndsNoSentence("the end.", " It"));
}

}  // namespace
}  // namespace storyline
