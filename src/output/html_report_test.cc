#include "output/html_report.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace storyline::output {
namespace {

std::size_t Count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

Story FullStory() {
  Story s;
  s.id = "s1";
  s.headline = "Summit <script>alert('h')</script> & more";
  s.summary = {"Leaders met <b>today</b>.", "Talks \"went\" well."};
  s.outlets = {"Harbor Tribune", "Northline Wire"};
  s.first_seen = 1772514720;  // 2026-03-03T05:12:00Z
  s.last_seen = 1772528400;   // 2026-03-03T09:00:00Z
  s.entities = {{"Kim Jong Un", 2}, {"Geneva", 1}};
  s.quotes = {
      {"I like him, <script>x()</script>", "Donald Trump", {"Harbor Tribune", "Northline Wire"}}};
  s.only_in = {{"Harbor Tribune", {"Only <i>here</i>."}}, {"Northline Wire", {}}};
  s.timeline = {{1772514720, "a1", "Harbor Tribune", {"First fact."}},
                {std::nullopt, "a2", "Northline Wire", {}}};
  StoryArticle a;
  a.id = "a1";
  a.source = "Harbor Tribune";
  a.title = "<script>alert(1)</script>";
  a.url = "https://harbor.example/a?x=1&y=\"2\"";
  a.published = 1772514720;
  StoryArticle b;
  b.id = "a2";
  b.source = "Northline Wire";
  b.title = "Copy";
  b.url = "javascript:alert(1)";
  b.duplicate_of = "a1";
  s.articles = {a, b};
  return s;
}

std::string Render(const std::vector<Story>& stories, HtmlReportOptions options = {}) {
  std::ostringstream out;
  HtmlReportWriter w(out, std::move(options));
  for (const Story& s : stories) w.Add(s);
  w.Finish();
  return out.str();
}

HtmlReportOptions FullStories(std::size_t n) {
  HtmlReportOptions o;
  o.full_stories = n;
  return o;
}

HtmlReportOptions Generated(std::string when) {
  HtmlReportOptions o;
  o.generated = std::move(when);
  return o;
}

TEST(HtmlReport, EscapesEveryStringFromArticles) {
  std::string html = Render({FullStory()});
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>today"), std::string::npos);
  EXPECT_EQ(html.find("<i>here"), std::string::npos);
  EXPECT_NE(html.find("Summit &lt;script&gt;alert(&#39;h&#39;)&lt;/script&gt; &amp; more"),
            std::string::npos);
  EXPECT_NE(html.find("I like him, &lt;script&gt;x()&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Leaders met &lt;b&gt;today&lt;/b&gt;. Talks &quot;went&quot; well."),
            std::string::npos);
  EXPECT_NE(html.find("Only &lt;i&gt;here&lt;/i&gt;."), std::string::npos);
  // The URL is escaped inside its attribute.
  EXPECT_NE(html.find("href=\"https://harbor.example/a?x=1&amp;y=&quot;2&quot;\""),
            std::string::npos);
}

TEST(HtmlReport, LinksOnlyHttpUrls) {
  std::string html = Render({FullStory()});
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  EXPECT_EQ(Count(html, "<a "), 1u);
  EXPECT_TRUE(IsLinkableUrl("HTTPS://example.com/"));
  EXPECT_TRUE(IsLinkableUrl("http://example.com"));
  EXPECT_FALSE(IsLinkableUrl("javascript:alert(1)"));
  EXPECT_FALSE(IsLinkableUrl(" https://example.com"));
  EXPECT_FALSE(IsLinkableUrl("https://exa mple.com"));
  EXPECT_FALSE(IsLinkableUrl("https://"));
  EXPECT_FALSE(IsLinkableUrl("data:text/html,<script>"));
  EXPECT_FALSE(IsLinkableUrl("//example.com/a"));
}

TEST(HtmlReport, IsAnHtml5PageWithEveryPartOfAStory) {
  std::string html = Render({FullStory()}, Generated("2026-03-14T08:30:00Z"));
  EXPECT_EQ(html.rfind("<!doctype html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2026-03-14T08:30:00Z\">"), std::string::npos);
  EXPECT_NE(html.find("<time datetime=\"2026-03-03T05:12:00Z\">3 Mar 2026, 05:12 UTC</time>"),
            std::string::npos);
  EXPECT_NE(html.find("<span class=\"speaker\">Donald Trump</span>"), std::string::npos);
  EXPECT_NE(html.find("Kim Jong Un<span class=\"count\""), std::string::npos);
  EXPECT_NE(html.find("Only in <span class=\"chip\""), std::string::npos);
  EXPECT_EQ(Count(html, "<div class=\"only\">"), 1u);  // the outlet with nothing is left out
  EXPECT_NE(html.find("First fact."), std::string::npos);
  EXPECT_NE(html.find("nothing new"), std::string::npos);
  EXPECT_NE(html.find("undated"), std::string::npos);
  EXPECT_NE(html.find("copy of Harbor Tribune"), std::string::npos);
  EXPECT_EQ(Count(html, "<article class=\"story\""), 1u);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("</html>\n"), std::string::npos);
}

TEST(HtmlReport, AQuoteTakenOutOfASentenceOpensWithAnEllipsis) {
  Story s = FullStory();
  s.quotes = {{"potentially have undermined his position", "Dominic Grieve", {"Harbor Tribune"}},
              {"We will appeal", "Dominic Grieve", {"Harbor Tribune"}}};
  std::string html = Render({s});
  EXPECT_NE(html.find("<p>\u201c\u2026potentially have undermined his position\u201d</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<p>\u201cWe will appeal\u201d</p>"), std::string::npos);
}

TEST(HtmlReport, TotalsFillTheHeaderSlotAndTheFooter) {
  Story other = FullStory();
  other.outlets = {"Harbor Tribune", "Bay Courier"};
  std::string html = Render({FullStory(), other});
  std::string totals = "<strong>2 stories</strong> from 4 articles by 3 outlets";
  EXPECT_EQ(Count(html, totals), 2u) << html.substr(0, 200);
  EXPECT_LT(html.find(totals), html.find("<main"));
}

TEST(HtmlReport, EmptyRunIsAValidPageSayingSo) {
  std::string html = Render({});
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.find("No stories"), std::string::npos);
  EXPECT_NE(html.find("<strong>0 stories</strong> from 0 articles by 0 outlets"),
            std::string::npos);
  EXPECT_EQ(html.find("<article"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(HtmlReport, StoryWithoutDatesOutletsOrQuotesStillReads) {
  Story s;
  s.id = "bare";
  StoryArticle a;
  a.id = "only-article";
  s.articles = {a};
  std::string html = Render({s});
  EXPECT_NE(html.find("<h2 id=\"story-1-h\">bare</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("1 article \xC2\xB7 0 outlets</p>"), std::string::npos);
  EXPECT_EQ(html.find("<time"), std::string::npos);
  EXPECT_EQ(html.find("Quotes"), std::string::npos);
  EXPECT_EQ(html.find("Timeline"), std::string::npos);
  EXPECT_EQ(html.find("class=\"summary\""), std::string::npos);
  // The article is listed by its id when it has no title or source.
  EXPECT_NE(html.find("<span class=\"source-title\">only-article</span>"), std::string::npos);
}

TEST(HtmlReport, StoriesAfterTheFirstNAreListedCompactly) {
  std::vector<Story> stories(7, FullStory());
  std::string html = Render(stories, FullStories(3));
  EXPECT_EQ(Count(html, "<article class=\"story\""), 3u);
  EXPECT_NE(html.find("More stories"), std::string::npos);
  EXPECT_NE(html.find("<ol start=\"4\">"), std::string::npos);
  EXPECT_EQ(Count(html, "<li id=\"story-"), 4u);
  EXPECT_NE(html.find("<li id=\"story-7\">"), std::string::npos);
  EXPECT_NE(html.find("</li>\n</ol>\n</section>\n</main>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(HtmlReport, FewerStoriesThanNHaveNoCompactList) {
  std::string html = Render({FullStory()}, FullStories(1));
  EXPECT_EQ(html.find("More stories"), std::string::npos);
}

TEST(EscapeHtml, ReplacesControlCharactersAndInvalidUtf8) {
  EXPECT_EQ(EscapeHtml("a\x01"
                       "b\x7f"
                       "c\tn\n"),
            "a b c\tn\n");
  EXPECT_EQ(EscapeHtml("x\xC2\x85y"), "x y");  // U+0085, a C1 control
  EXPECT_EQ(EscapeHtml("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(EscapeHtml("bad\xFF"), "bad\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("<&>\"'"), "&lt;&amp;&gt;&quot;&#39;");
}

}  // namespace
}  // namespace storyline::output
