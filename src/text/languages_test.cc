#include "text/languages.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace storyline::text {
namespace {

TEST(Languages, TagsMapToLanguagesAndTheRestToEnglish) {
  EXPECT_EQ(LanguageOf("de"), Language::kGerman);
  EXPECT_EQ(LanguageOf("de-AT"), Language::kGerman);
  EXPECT_EQ(LanguageOf("pt_BR"), Language::kPortuguese);
  EXPECT_EQ(LanguageOf("FR"), Language::kFrench);
  EXPECT_EQ(LanguageOf("en"), Language::kEnglish);
  EXPECT_EQ(LanguageOf(""), Language::kEnglish);
  EXPECT_EQ(LanguageOf("pl"), Language::kEnglish);  // no stemmer: read as English is
  EXPECT_EQ(LanguageOf("x"), Language::kEnglish);
  EXPECT_EQ(StemmerName(Language::kSpanish), "spanish");
}

TEST(Languages, FunctionWordsAreMatchedFolded) {
  EXPECT_TRUE(IsStopWordIn(Language::kGerman, "und"));
  EXPECT_TRUE(IsStopWordIn(Language::kGerman, Fold("Für")));  // "fur"
  EXPECT_FALSE(IsStopWordIn(Language::kGerman, "bundestag"));
  EXPECT_TRUE(IsStopWordIn(Language::kSpanish, Fold("según")));
  EXPECT_TRUE(IsStopWordIn(Language::kTurkish, Fold("için")));
  EXPECT_TRUE(IsStopWordIn(Language::kRussian, Fold("Это")));
  EXPECT_FALSE(IsStopWordIn(Language::kFrench, "die"));
}

}  // namespace
}  // namespace storyline::text
