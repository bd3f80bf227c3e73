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

// Mojibake, built here from the intended text: its UTF-8 bytes read as
// windows-1252 (or, with `latin1`, as Latin-1) and encoded again.
std::string Misread(std::string_view intended, bool latin1 = false) {
  static const char32_t kCp1252[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  for (unsigned char b : intended) {
    char32_t cp = b;
    if (b >= 0x80 && b <= 0x9F && !latin1 && kCp1252[b - 0x80] != 0) cp = kCp1252[b - 0x80];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

TEST(Utf8, RepairMojibakeMisreadUtf8IsDecodedBack) {
  const std::string intended[] = {
      "\xE2\x80\x9CIt\xE2\x80\x99s a travesty,\xE2\x80\x9D said Ahmed Helmy.",  // “It’s ...”
      "Caf\xC3\xA9 \xC3\xBC"
      "ber alles, \xC2\xA3"
      "5 at 20\xC2\xB0",                                         // Café über £ °
      "Micha\xC5\x82 Dvo\xC5\x99\xC3\xA1k and c\xC5\x93ur",      // Michał Dvořák cœur
      "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 world",  // Привет
      "Cairo \xE2\x80\x94 Egypt \xE2\x82\xAC"
      "5 \xF0\x9F\x98\x80",                                                // — € 😀
      "\xE2\x96\xB6 Available on iTunes",                                  // ▶
      "PSY \xEA\xB0\x95\xEB\x82\xA8\xEC\x8A\xA4\xED\x83\x80\xEC\x9D\xBC",  // 강남스타일
  };
  for (const std::string& want : intended) {
    for (bool latin1 : {false, true}) {
      std::string text = Misread(want, latin1);
      ASSERT_NE(text, want);
      EXPECT_TRUE(RepairMojibake(&text)) << want;
      if (latin1) RepairC1Controls(&text);
      EXPECT_EQ(text, want) << (latin1 ? "Latin-1" : "windows-1252");
      EXPECT_FALSE(RepairMojibake(&text)) << "a second repair changes nothing";
    }
  }
}

TEST(Utf8, RepairMojibakeByteOrderMarkIsDroppedAndABareQuoteRestored) {
  std::string bom = Misread("\xEF\xBB\xBFHello");  // "ï»¿Hello"
  EXPECT_TRUE(RepairMojibake(&bom));
  EXPECT_EQ(bom, "Hello");
  // windows-1252 has no 0x9D: the closing quote's last byte was lost.
  std::string bare = "\xE2\x80\x9CNo,\xC3\xA2\xE2\x82\xAC said she";  // “No,â€ said she
  EXPECT_TRUE(RepairMojibake(&bare));
  EXPECT_EQ(bare, "\xE2\x80\x9CNo,\xE2\x80\x9D said she");
}

TEST(Utf8, RepairMojibakeTextWrittenInThoseCharactersOnPurposeStays) {
  const std::string kept[] = {
      "plain ASCII",
      "Caf\xC3\xA9 au lait in S\xC3\xA3o Paulo, N\xC3\x83O",  // Café São NÃO
      "die Stra\xC3\x9F"
      "e\xE2\x80\x9C und STRA\xC3\x9F\xE2\x80\x9C",  // Straße“ STRAß“
      "ESPA\xC3\x91"
      "A\xE2\x80\x9D and A\xC3\x91\xE2\x80\x9D",                      // ESPAÑA” AÑ”
      "P\xC3\x85\xE2\x80\x9D she said",                               // PÅ” (capital, quote)
      "\xC3\xA9t\xC3\xA9 \xC2\xAB oui \xC2\xBB, d\xC3\xA9j\xC3\xA0",  // été « oui », déjà
      "\xC3\x9C\xE2\x80\xA6 and \xC3\x8E\xC2\xBB",                    // Ü… Î» (not alone-safe)
  };
  for (const std::string& text : kept) {
    std::string copy = text;
    EXPECT_FALSE(RepairMojibake(&copy)) << text;
    EXPECT_EQ(copy, text);
  }
}

TEST(Utf8, RepairEncodingRepairsMojibakeThenC1Controls) {
  // "it’s" as mojibake, then an em dash carried as the C1 control U+0097.
  std::string text = "it\u00E2\u20AC\u2122s livid\u0097they";
  EXPECT_TRUE(RepairEncoding(&text));
  EXPECT_EQ(text, "it\u2019s livid\u2014they");
  std::string clean = "plain text";
  EXPECT_FALSE(RepairEncoding(&clean));
  EXPECT_EQ(clean, "plain text");
}

}  // namespace
}  // namespace storyline
