#include "extract/html_document.h"

#include <gtest/gtest.h>

#include <string>

#include "util/utf8.h"

namespace storyline::extract {
namespace {

TEST(SniffCharset, ByteOrderMarkWinsOverEverything) {
  EXPECT_EQ(SniffCharset("\xEF\xBB\xBF<meta charset=latin1>", "shift_jis"), "UTF-8");
}

TEST(SniffCharset, TransportHintBeatsMeta) {
  EXPECT_EQ(SniffCharset("<meta charset=\"utf-8\">", "ISO-8859-1"), "windows-1252");
}

TEST(SniffCharset, MetaCharsetAndHttpEquiv) {
  EXPECT_EQ(SniffCharset("<html><head><META CHARSET='Shift_JIS'>", ""), "Shift_JIS");
  EXPECT_EQ(SniffCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                         "charset=windows-1251\">",
                         ""),
            "windows-1251");
}

TEST(SniffCharset, UnknownLabelsFallBackOnTheBytes) {
  EXPECT_EQ(SniffCharset("<meta charset=\"no-such-charset\"><p>caf\xC3\xA9", ""), "UTF-8");
  EXPECT_EQ(SniffCharset("<p>caf\xE9</p>", "bogus"), "windows-1252");
}

TEST(HtmlDocument, DecodesLatin1DeclaredPageToUtf8) {
  auto doc = HtmlDocument::Parse(
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 "
      "na\xEFve</p></body></html>");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->encoding(), "windows-1252");
  EXPECT_EQ(NodeText(doc->body()), "Caf\xC3\xA9 na\xC3\xAFve");
}

TEST(HtmlDocument, UndeclaredWindows1252IsDecodedNotMangled) {
  // 0x93/0x94 are curly quotes in windows-1252 (control codes in Latin-1).
  auto doc = HtmlDocument::Parse("<p>\x93Hello\x94</p>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(NodeText(doc->body()), "\xE2\x80\x9CHello\xE2\x80\x9D");
}

TEST(HtmlDocument, InvalidUtf8InAUtf8PageIsReplacedAndTheRestKept) {
  auto doc = HtmlDocument::Parse(
      "<meta charset=utf-8><body><p>one \xFF two</p><p>three \xC3\xA9</p></body>");
  ASSERT_TRUE(doc.ok());
  std::string text = NodeText(doc->body());
  EXPECT_TRUE(IsValidUtf8(text));
  EXPECT_NE(text.find("two"), std::string::npos);
  EXPECT_NE(text.find("three \xC3\xA9"), std::string::npos);
}

TEST(HtmlDocument, RefusesEmptyBinaryAndOversizedInput) {
  EXPECT_EQ(HtmlDocument::Parse("  \n ").status().code(), StatusCode::kInvalidInput);
  std::string binary = "\x89PNG\r\n\x1A\n";
  binary.append(std::string(100, '\0'));
  auto b = HtmlDocument::Parse(binary);
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(b.status().message().find("binary"), std::string::npos);
  auto big = HtmlDocument::Parse(std::string(2000, 'x'), "", {.max_bytes = 1000});
  EXPECT_NE(big.status().message().find("exceeds"), std::string::npos);
}

TEST(HtmlDocument, BrokenMarkupIsRecovered) {
  auto doc = HtmlDocument::Parse("<div><p>one<p>two</div></span><b>three");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(NodeText(doc->body()), "onetwothree");
}

TEST(HtmlDocument, DeepNestingParsesWithoutCrashing) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "deep";
  auto doc = HtmlDocument::Parse(html);
  // libxml2 stops nesting at its depth limit; either way no crash, and the
  // helpers below must cope with whatever depth the tree has.
  if (doc.ok()) (void)NodeText(doc->body());
}

TEST(NodeText, SkipsScriptsAndCollapsesWhitespace) {
  auto doc = HtmlDocument::Parse(
      "<body><p>a\n\t b&nbsp;c</p><script>var x=1;</script><style>p{}</style><p>d<br>e</p></body>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(NodeText(doc->body()), "a b cd e");
}

TEST(Attribute, ReadsValuesAndMissingIsEmpty) {
  auto doc = HtmlDocument::Parse("<body><a href=\"/x\" CLASS=\"nav\">x</a></body>");
  ASSERT_TRUE(doc.ok());
  const xmlNode* a = doc->body()->children;
  ASSERT_TRUE(HasTag(a, "a"));
  EXPECT_EQ(Attribute(a, "href"), "/x");
  EXPECT_EQ(Attribute(a, "class"), "nav");
  EXPECT_EQ(Attribute(a, "id"), "");
}

}  // namespace
}  // namespace storyline::extract

namespace storyline::extract {
namespace {

TEST(DropScriptAndStyleText, EmptiesScriptsAndStylesButKeepsJsonLdAndTags) {
  std::string html =
      "<p>a</p><SCRIPT type=\"text/javascript\">if (x < 1) document.write('<p>no</p>');</SCRIPT>"
      "<style>p > b { color: red }</style><script type='application/ld+json'>{\"a\": 1}</script>"
      "<scripts-not>kept</scripts-not><p>b</p>";
  EXPECT_EQ(DropScriptAndStyleText(html),
            "<p>a</p><SCRIPT type=\"text/javascript\"></SCRIPT><style></style>"
            "<script type='application/ld+json'>{\"a\": 1}</script>"
            "<scripts-not>kept</scripts-not><p>b</p>");
}

TEST(DropScriptAndStyleText, UnterminatedScriptIsLeftAlone) {
  EXPECT_EQ(DropScriptAndStyleText("<p>a</p><script>var s = '"), "<p>a</p><script>var s = '");
  EXPECT_EQ(DropScriptAndStyleText("<script src=\"a>b\""), "<script src=\"a>b\"");
}

TEST(DropScriptAndStyleText, ScriptTextNeverReachesTheTree) {
  auto doc = HtmlDocument::Parse(
      "<body><p>one</p><script>var t = \"</p><p>fake\";</script><p>two</p></body>");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(NodeText(doc->body()), "onetwo");
}

}  // namespace
}  // namespace storyline::extract
