#include "util/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

TEST(Utf8, AcceptsMultiByteText) {
  EXPECT_TRUE(
      IsValidUtf8("Kim Jong Un \xE2\x80\x9Cincredible\xE2\x80\x9D \xC2\xA9 \xF0\x9F\x98\x80"));
}

TEST(Utf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8("abc\xFF"
                            "def"),
            3u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);         // truncated sequence
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);       // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("x\xED\xA0\x80"), 1u);  // surrogate
}

TEST(Utf8, ReadsC1ControlsAsWindows1252) {
  // "\u0091\u0091Such\u0092\u0092 said ... livid\u0097they ... \u0095 Callas"
  std::string text =
      "\xC2\x91\xC2\x91Such\xC2\x92\xC2\x92 said; livid\xC2\x97they; \xC2\x95 Callas";
  EXPECT_TRUE(RepairC1Controls(&text));
  EXPECT_EQ(text,
            "\xE2\x80\x98\xE2\x80\x98Such\xE2\x80\x99\xE2\x80\x99 said; "
            "livid\xE2\x80\x94they; \xE2\x80\xA2 Callas");
  std::string undefined =
      "a\xC2\x81"
      "b";  // no windows-1252 character: a space
  EXPECT_TRUE(RepairC1Controls(&undefined));
  EXPECT_EQ(undefined, "a b");
  // Other two-byte characters ("\u00A9", "\u00E9") stay as they are.
  std::string clean = "\xC2\xA9 caf\xC3\xA9";
  EXPECT_FALSE(RepairC1Controls(&clean));
  EXPECT_EQ(clean, "\xC2\xA9 caf\xC3\xA9");
}

}  // namespace
}  // namespace storyline
