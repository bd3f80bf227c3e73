#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace storyline::text {
namespace {

// The text of each token, in order.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(t.view(text));
  return out;
}

using Strings = std::vector<std::string>;

TEST(Tokenizer, SplitsWordsOnSpacesAndPunctuation) {
  EXPECT_EQ(Words("Trump met Kim, then left."), (Strings{"Trump", "met", "Kim", "then", "left"}));
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" ,.;!? \n\t").empty());
}

TEST(Tokenizer, AbbreviationWithDotsIsOneTokenFoldedWithoutThem) {
  EXPECT_EQ(Words("the U.S. and U.N. at 4 a.m. today"),
            (Strings{"the", "U.S", "and", "U.N", "at", "4", "a.m", "today"}));
  EXPECT_EQ(Fold("U.S"), "us");
  EXPECT_EQ(Fold("6.8"), "6.8");
  std::vector<Token> tokens;
  Tokenize("U.S. troops", &tokens);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].all_caps);
}

TEST(OpensInLowerCase, LooksPastMarksToTheFirstLetterOrDigit) {
  EXPECT_TRUE(OpensInLowerCase("potentially have undermined his position"));
  EXPECT_TRUE(OpensInLowerCase("\u2026 [the] deal is off"));
  EXPECT_TRUE(OpensInLowerCase("\u00e9t\u00e9 difficile"));  // "été": not ASCII
  EXPECT_FALSE(OpensInLowerCase("We will appeal"));
  EXPECT_FALSE(OpensInLowerCase("\u201c\u00c9t\u00e9"));
  EXPECT_FALSE(OpensInLowerCase("20 people were hurt"));
  EXPECT_FALSE(OpensInLowerCase("... "));
  EXPECT_FALSE(OpensInLowerCase(""));
}

TEST(Tokenizer, OffsetsPointIntoTheText) {
  std::string_view text = "  North Korea";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].begin, 2u);
  EXPECT_EQ(tokens[0].end, 7u);
  EXPECT_EQ(tokens[1].begin, 8u);
  EXPECT_EQ(tokens[1].end, 13u);
}

TEST(Tokenizer, KeepsDecimalNumberAsOneToken) {
  std::string_view text = "a magnitude 6.1 quake";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[2].view(text), "6.1");
  EXPECT_EQ(tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
}

TEST(Tokenizer, KeepsThousandsSeparatorInsideNumber) {
  std::string_view text = "about 1,200 homes";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].view(text), "1,200");
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
}

TEST(Tokenizer, SeparatorNotFollowedByDigitEndsTheNumber) {
  // A sentence-final period and a list comma are not part of the number.
  EXPECT_EQ(Words("killed 9. Then 12, 13"), (Strings{"killed", "9", "Then", "12", "13"}));
  EXPECT_EQ(Words("in 2019."), (Strings{"in", "2019"}));
}

TEST(Tokenizer, SplitsHyphenatedWords) {
  EXPECT_EQ(Words("North Korean-US engagement"), (Strings{"North", "Korean", "US", "engagement"}));
  EXPECT_EQ(Words("fish-processing plant"), (Strings{"fish", "processing", "plant"}));
}

TEST(Tokenizer, DropsPossessiveS) {
  EXPECT_EQ(Words("Trump's summit"), (Strings{"Trump", "summit"}));
  EXPECT_EQ(Words("Valdora\u2019s homes"), (Strings{"Valdora", "homes"}));  // curly apostrophe
  EXPECT_EQ(Words("the President's"), (Strings{"the", "President"}));       // at end of text
}

TEST(Tokenizer, KeepsInnerApostrophesOfNamesAndContractions) {
  EXPECT_EQ(Words("O'Brien said don't"), (Strings{"O'Brien", "said", "don't"}));
  EXPECT_EQ(Words("won\u2019t go"), (Strings{"won\u2019t", "go"}));
  // A trailing apostrophe (plural possessive) is not part of the word.
  EXPECT_EQ(Words("students' union"), (Strings{"students", "union"}));
}

TEST(Tokenizer, SplitsAPluralPossessiveThatLostItsSpace) {
  // Sources drop the space after a plural possessive: "Nichols'fate".
  EXPECT_EQ(Words("Nichols'fate"), (Strings{"Nichols", "fate"}));
  EXPECT_EQ(Words("the Sixers\u2019bench"), (Strings{"the", "Sixers", "bench"}));
  EXPECT_EQ(Words("Nichols'sister"), (Strings{"Nichols", "sister"}));
  EXPECT_EQ(Words("Wizards'Eddie Jordan"), (Strings{"Wizards", "Eddie", "Jordan"}));
  // Names spelled with an apostrophe stay whole, and so do contractions.
  EXPECT_EQ(Words("Ma'an Qa'ida Shi'ite O'Briens"),
            (Strings{"Ma'an", "Qa'ida", "Shi'ite", "O'Briens"}));
  EXPECT_EQ(Words("it's he's Yes'm"), (Strings{"it", "he", "Yes'm"}));
}

TEST(Tokenizer, FlagsCapitalizedWords) {
  std::string_view text = "Trump met officials";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[0].all_caps);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].capitalized);
}

TEST(Tokenizer, FlagsAllCapsOnlyForTwoOrMoreLetters) {
  std::string_view text = "NATO and VALDORA A mIXED";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[0].all_caps);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[1].all_caps);
  EXPECT_TRUE(tokens[2].all_caps);
  EXPECT_TRUE(tokens[3].capitalized);  // "A": one letter is capitalized, not all caps
  EXPECT_FALSE(tokens[3].all_caps);
  EXPECT_FALSE(tokens[4].capitalized);
  EXPECT_FALSE(tokens[4].all_caps);
}

TEST(Tokenizer, KeepsNonAsciiLettersInsideWords) {
  std::string_view text = "Las T\u00f3rtolas near Biob\u00edo";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].view(text), "T\u00f3rtolas");
  EXPECT_FALSE(tokens[1].ascii);
  EXPECT_TRUE(tokens[0].ascii);
  EXPECT_EQ(tokens[3].view(text), "Biob\u00edo");
  EXPECT_FALSE(tokens[3].ascii);
}

TEST(Tokenizer, FlagsNonAsciiUpperCaseInitials) {
  std::string_view text = "\u00c9cole \u041c\u043e\u0441\u043a\u0432\u0430 \u00e9t\u00e9";
  std::vector<Token> tokens = Tokenize(text);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].view(text), "\u00c9cole");
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_EQ(tokens[1].view(text), "\u041c\u043e\u0441\u043a\u0432\u0430");  // Москва
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].capitalized);
}

TEST(Tokenizer, KeepsCombiningMarksInsideWords) {
  // "Jose\u0301" is José written with a combining acute accent.
  std::string_view text = "Jose\u0301 Ruiz";
  EXPECT_EQ(Words(text), (Strings{"Jose\u0301", "Ruiz"}));
}

TEST(Tokenizer, NonAsciiPunctuationSeparatesWords) {
  EXPECT_EQ(Words("\u201cincredible\u201d progress\u2014really"),
            (Strings{"incredible", "progress", "really"}));
}

TEST(Fold, LowerCasesAscii) {
  EXPECT_EQ(Fold("Trump"), "trump");
  EXPECT_EQ(Fold("NATO"), "nato");
  EXPECT_EQ(Fold("1,200"), "1,200");
}

TEST(Fold, StripsAccents) {
  EXPECT_EQ(Fold("Jos\u00e9"), "jose");
  EXPECT_EQ(Fold("Jose\u0301"), "jose");  // combining form folds the same
  EXPECT_EQ(Fold("T\u00f3rtolas"), "tortolas");
}

TEST(Fold, CaseFoldsAndStripsAccentsOfUpperCase) {
  EXPECT_EQ(Fold("\u00c9COLE"), "ecole");
  EXPECT_EQ(Fold("\u041c\u043e\u0441\u043a\u0432\u0430"), "\u043c\u043e\u0441\u043a\u0432\u0430");
}

TEST(Fold, DropsStraightAndCurlyApostrophes) {
  EXPECT_EQ(Fold("don't"), "dont");
  EXPECT_EQ(Fold("don\u2019t"), "dont");
  EXPECT_EQ(Fold("O\u2019Brien"), "obrien");
}

TEST(Fold, AppliesCompatibilityNormalization) {
  EXPECT_EQ(Fold("\ufb01nance"), "finance");            // "ﬁ" ligature
  EXPECT_EQ(Fold("\uff2e\uff21\uff34\uff2f"), "nato");  // full-width letters
}

TEST(Fold, FoldIntoAppends) {
  std::string out = "x ";
  FoldInto("Jos\u00e9", &out);
  FoldInto("Ruiz", &out);
  EXPECT_EQ(out, "x joseruiz");
}

}  // namespace
}  // namespace storyline::text
