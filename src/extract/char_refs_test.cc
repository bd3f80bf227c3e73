#include "extract/char_refs.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::extract {
namespace {

std::string Decoded(std::string text) {
  DecodeCharacterReferences(&text);
  return text;
}

TEST(CharRefs, DecodesNamedAndNumericReferences) {
  EXPECT_EQ(Decoded("Smith &amp; Sons"), "Smith & Sons");
  EXPECT_EQ(Decoded("&quot;We had no choice,&quot; she said"), "\"We had no choice,\" she said");
  EXPECT_EQ(Decoded("MH370&#39;s path"), "MH370's path");
  EXPECT_EQ(Decoded("it&#x2019;s &#X2014; &apos;ok&apos;"), "it\xE2\x80\x99s \xE2\x80\x94 'ok'");
  EXPECT_EQ(Decoded("wait&hellip; 5&nbsp;km, &eacute;t&eacute;"),
            "wait\xE2\x80\xA6 5\xC2\xA0km, \xC3\xA9t\xC3\xA9");
  EXPECT_EQ(Decoded("&lt;b&gt;"), "<b>");
}

TEST(CharRefs, DecodesOncePerPass) {
  EXPECT_EQ(Decoded("&amp;quot;"), "&quot;");
  EXPECT_EQ(Decoded("&amp;&amp;"), "&&");
}

TEST(CharRefs, LeavesWhatIsNoReferenceAsWritten) {
  const std::string kept[] = {"AT&T",
                              "Q&A; more",
                              "a & b",
                              "&hellp; typo",
                              "&;",
                              "&#;",
                              "&#x;",
                              "&#12a;",
                              "&amp",
                              "?a=1&b=2;",
                              "&verylongname;",
                              "&#123456789;",
                              "tail &am",
                              "&AMP; caps",
                              ""};
  for (const std::string& s : kept) {
    std::string t = s;
    EXPECT_FALSE(DecodeCharacterReferences(&t)) << s;
    EXPECT_EQ(t, s);
  }
}

TEST(CharRefs, WritesReplacementCharacterForWhatIsNoCharacter) {
  EXPECT_EQ(Decoded("a&#0;b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(Decoded("&#xD800;"), "\xEF\xBF\xBD");
  EXPECT_EQ(Decoded("&#x110000;"), "\xEF\xBF\xBD");
  // A C1 control stays one, for RepairC1Controls() to read as windows-1252.
  EXPECT_EQ(Decoded("&#150;"), "\xC2\x96");
}

}  // namespace
}  // namespace storyline::extract
