#include "extract/content.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/content_lexicon.h"
#include "extract/html_document.h"

namespace storyline::extract {
namespace {

std::string Extract(std::string_view html) {
  auto doc = HtmlDocument::Parse(html);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return "<parse failed>";
  return ExtractMainText(*doc);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool Has(const std::string& text, std::string_view needle) {
  return text.find(needle) != std::string::npos;
}

// Body paragraphs long enough to look like prose, with commas.
std::string Prose(int i) {
  return "Paragraph " + std::to_string(i) +
         " of the report says that the council, after a long debate on Tuesday, voted to "
         "rebuild the old bridge, to widen the road and, in the same session, to plant trees "
         "along the river.";
}

std::string Paragraphs(int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) out += "<p>" + Prose(i) + "</p>\n";
  return out;
}

const char kNav[] =
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World news and analysis</a>"
    "</li><li><a href='/sport'>Sport</a></li></ul></nav>";

TEST(ExtractMainText, KeepsArticleDropsNavFooterCommentsAndRelated) {
  std::string html =
      "<html><body><header class='site-header'>" + std::string(kNav) +
      "</header><main><article><h1>Council votes to rebuild the bridge</h1>" + Paragraphs(6) +
      "<div class='related-stories'><h3>Related</h3><ul>"
      "<li><a href='/a'>Another story about bridges in the region and elsewhere</a></li>"
      "<li><a href='/b'>Roads to be widened across the county next summer</a></li></ul></div>"
      "</article><section id='comments'><p>Great article, I agree with the council, and I "
      "think, honestly, the trees are a good idea for everyone here.</p><p>Terrible decision, "
      "the money should go to schools, hospitals, and the police, not to a bridge.</p>"
      "</section></main><footer><p>Copyright 2024 The Daily Example, all rights reserved, "
      "reproduction forbidden, see terms.</p></footer></body></html>";
  std::string text = Extract(html);
  for (int i = 1; i <= 6; ++i) EXPECT_TRUE(Has(text, Prose(i))) << i;
  EXPECT_FALSE(Has(text, "World news")) << text;
  EXPECT_FALSE(Has(text, "Another story")) << text;
  EXPECT_FALSE(Has(text, "Great article")) << text;
  EXPECT_FALSE(Has(text, "Terrible decision")) << text;
  EXPECT_FALSE(Has(text, "Copyright")) << text;
  EXPECT_FALSE(Has(text, "Council votes")) << "the headline is not body text: " << text;
}

TEST(ExtractMainText, OneParagraphALine) {
  std::string text = Extract("<html><body><article>" + Paragraphs(4) + "</article></body></html>");
  std::vector<std::string> lines = Lines(text);
  ASSERT_EQ(lines.size(), 4u) << text;
  for (int i = 0; i < 4; ++i) EXPECT_EQ(lines[i], Prose(i + 1));
}

TEST(ExtractMainText, KeepsListItemsAndSubheadingsOfTheArticle) {
  std::string html = "<html><body><div class='article-body'>" + Paragraphs(3) +
                     "<h2>What happens next</h2><ul><li>The bridge closes in March, for "
                     "eight months.</li><li>Buses will take a detour through the old town."
                     "</li></ul>" +
                     Paragraphs(2) + "</div></body></html>";
  std::string text = Extract(html);
  EXPECT_TRUE(Has(text, "\nWhat happens next\n")) << text;
  EXPECT_TRUE(Has(text, "\nThe bridge closes in March, for eight months.\n")) << text;
  EXPECT_TRUE(Has(text, "\nBuses will take a detour through the old town.\n")) << text;
}

TEST(ExtractMainText, FindsTheArticleByTextDensityWithoutHints) {
  std::string sidebar = "<div>";
  for (int i = 0; i < 12; ++i) {
    sidebar += "<div><a href='/x" + std::to_string(i) + "'>Most read story number " +
               std::to_string(i) + " of the day</a></div>";
  }
  sidebar += "</div>";
  std::string html = "<html><body><div>" + sidebar + "<div><div>" + Paragraphs(5) +
                     "</div></div><div><span>Tags:</span> <a href='/t/1'>bridges</a>, "
                     "<a href='/t/2'>roads</a></div></div></body></html>";
  std::string text = Extract(html);
  for (int i = 1; i <= 5; ++i) EXPECT_TRUE(Has(text, Prose(i))) << i;
  EXPECT_FALSE(Has(text, "Most read")) << text;
  EXPECT_FALSE(Has(text, "bridges, roads")) << text;
}

TEST(ExtractMainText, DropsShareBarsCaptionsAndFurnitureInsideTheArticle) {
  std::string html =
      "<html><body><article>" + Paragraphs(2) +
      "<figure><img src='a.jpg'><figcaption>The old bridge at dawn. Photo: Jane Roe/Reuters"
      "</figcaption></figure><div class='social-share'><a href='#'>Share on Facebook</a> "
      "<a href='#'>Tweet</a></div><p>Advertisement</p><div hidden>Subscribe for $1 a week, "
      "cancel any time you like, no questions asked at all.</div>" +
      Paragraphs(2) + "<p><a href='/more'>Read more: The history of the old bridge</a></p>" +
      "</article></body></html>";
  std::string text = Extract(html);
  EXPECT_TRUE(Has(text, Prose(1))) << text;
  EXPECT_FALSE(Has(text, "old bridge at dawn")) << text;
  EXPECT_FALSE(Has(text, "Share on")) << text;
  EXPECT_FALSE(Has(text, "Advertisement")) << text;
  EXPECT_FALSE(Has(text, "Subscribe")) << text;
  EXPECT_FALSE(Has(text, "Read more")) << text;
  EXPECT_EQ(Lines(text).size(), 4u) << text;
}

TEST(ExtractMainText, FindsTheArticleInsideAWrapperWithAFurnitureName) {
  // WordPress puts "comments-open" on wrappers of the whole page; the retry
  // without the name rules finds the article anyway.
  std::string text = Extract("<html><body><div class='site comments-open'><div>" + Paragraphs(5) +
                             "</div></div></body></html>");
  for (int i = 1; i <= 5; ++i) EXPECT_TRUE(Has(text, Prose(i))) << i;
}

TEST(ExtractMainText, KeepsAPageOfOnlyAFewShortParagraphs) {
  std::string text = Extract(
      "<html><body><div><p>The museum reopens on Friday.</p><p>Tickets cost five euros."
      "</p></div></body></html>");
  EXPECT_EQ(text, "The museum reopens on Friday.\nTickets cost five euros.");
}

TEST(ExtractMainText, ReadsTextSplitByLineBreaks) {
  std::string text =
      Extract("<html><body><div class='post'>" + Prose(1) + "<br><br>" + Prose(2) + "<br><br>" +
              Prose(3) + "</div><div class='sidebar'><a href='/'>Archive</a></div></body></html>");
  EXPECT_EQ(Lines(text).size(), 3u) << text;
  EXPECT_TRUE(Has(text, Prose(2))) << text;
  EXPECT_FALSE(Has(text, "Archive")) << text;
}

TEST(ExtractMainText, PageWithoutBodyTextGivesEmpty) {
  EXPECT_EQ(Extract("<html><head><title>Only a title</title></head></html>"), "");
  EXPECT_EQ(Extract("<html><body></body></html>"), "");
  EXPECT_EQ(Extract("<html><body><script>var a = 'not text, at all, ever';</script></body></html>"),
            "");
}

TEST(ExtractMainText, SurvivesDeepNesting) {
  // libxml2 caps the tree depth (about 256 without XML_PARSE_HUGE); the walk
  // is iterative anyway, so any depth is safe.
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>" + Prose(1) + "</p>";
  html += "</body></html>";
  std::string text = Extract(html);
  EXPECT_TRUE(text.empty() || Has(text, "Paragraph 1")) << text.substr(0, 200);
}

TEST(ExtractMainText, HandlesAHugePage) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < 20000; ++i) html += "<div class='block'><p>" + Prose(i) + "</p></div>";
  html += "</article></body></html>";
  std::string text = Extract(html);
  EXPECT_EQ(Lines(text).size(), 20000u);
}

TEST(ContentLexicon, JudgesClassNamesByTheirHeadWord) {
  using content::ReadClassNames;
  EXPECT_TRUE(ReadClassNames("entry-content").positive);
  EXPECT_TRUE(ReadClassNames("articleBody").positive);
  EXPECT_TRUE(ReadClassNames("story-body__inner").positive);
  EXPECT_TRUE(ReadClassNames("article-footer").negative);
  EXPECT_FALSE(ReadClassNames("article-footer").positive);
  EXPECT_TRUE(ReadClassNames("social-share-bar").negative);
  EXPECT_TRUE(ReadClassNames("socialshare").negative);
  EXPECT_TRUE(ReadClassNames("main-nav").negative);
  EXPECT_TRUE(ReadClassNames("ad-slot").negative);
  EXPECT_FALSE(ReadClassNames("header-add").negative && ReadClassNames("header-add").positive);
  EXPECT_FALSE(ReadClassNames("shadow").negative) << "'ad' is a word, not a substring";
  EXPECT_TRUE(ReadClassNames("sr-only").hidden);
  EXPECT_FALSE(ReadClassNames("hidden-xs").hidden) << "hidden on small screens only";
}

TEST(ContentLexicon, RecognisesFurnitureLines) {
  using content::IsFurnitureLine;
  EXPECT_TRUE(IsFurnitureLine("Advertisement"));
  EXPECT_TRUE(IsFurnitureLine("Read more »"));
  EXPECT_TRUE(IsFurnitureLine("Story continues below advertisement"));
  EXPECT_TRUE(IsFurnitureLine("By Jane Doe and John Roe"));
  EXPECT_TRUE(IsFurnitureLine("\xC2\xA9 2024 The Daily Example. All rights reserved."));
  EXPECT_FALSE(IsFurnitureLine("By the end of the day, the council had voted."));
  EXPECT_FALSE(IsFurnitureLine("Share prices fell by 3% on Monday."));
  EXPECT_FALSE(IsFurnitureLine("Read the full report, which runs to 200 pages, online."));
}

}  // namespace
}  // namespace storyline::extract
