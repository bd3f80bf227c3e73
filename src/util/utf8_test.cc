#include "util/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace storyline
