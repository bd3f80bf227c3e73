#include "extract/metadata.h"

#include <gtest/gtest.h>

#include "extract/metadata_site.h"
#include "util/time.h"

namespace storyline::extract {
namespace {

PageMetadata Meta(std::string_view html, std::string_view url = "") {
  auto doc = HtmlDocument::Parse(html);
  EXPECT_TRUE(doc.ok());
  return ExtractMetadata(*doc, url);
}

UnixSeconds Day(std::string_view iso) { return *ParseIsoTime(iso); }

TEST(Metadata, TakesJsonLdHeadlineDatesAuthorsAndPublisherFromGraph) {
  PageMetadata m = Meta(R"(<html><head><title>Ignored | Daily</title>
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Daily Site"},
      {"@type":["NewsArticle"],"headline":"Rates rise &amp; fall","datePublished":"2019-03-12T08:00:00+01:00",
       "dateModified":"2019-03-13T10:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
       "publisher":{"@type":"Organization","name":"The Daily"}}]}</script></head><body><p>x</p></body></html>)");
  EXPECT_EQ(m.title, "Rates rise & fall");
  EXPECT_EQ(m.published, Day("2019-03-12T07:00:00Z"));
  EXPECT_EQ(m.modified, Day("2019-03-13T10:00:00Z"));
  EXPECT_EQ(m.byline, "Ann Lee and Bo Chan");
  EXPECT_EQ(m.site, "The Daily");
}

TEST(Metadata, ReadsAJsonLdScriptOverAMebibyte) {
  std::string body;
  while (body.size() <= (std::size_t{3} << 19)) body += "The council met again today. ";
  PageMetadata m = Meta(R"(<html><head><script type="application/ld+json">{"@type":"NewsArticle",)"
                        R"("headline":"Council meets","articleBody":")" +
                        body + R"("}</script></head><body><p>x</p></body></html>)");
  EXPECT_EQ(m.title, "Council meets");
}

TEST(Metadata, IgnoresBrokenJsonLdAndFallsBackToMetaTags) {
  PageMetadata m = Meta(R"(<html><head>
    <script type="application/ld+json">{"@type":"NewsArticle","headline": "Broken", </script>
    <meta property="og:title" content="Open Graph headline">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2020-05-01T12:00:00Z">
    <meta name="author" content="By Jane Doe">
    </head><body></body></html>)");
  EXPECT_EQ(m.title, "Open Graph headline");
  EXPECT_EQ(m.site, "Example News");
  EXPECT_EQ(m.published, Day("2020-05-01T12:00:00Z"));
  EXPECT_EQ(m.byline, "Jane Doe");
}

TEST(Metadata, ReadsJsonLdWrappedInCdata) {
  PageMetadata m = Meta(R"(<html><head><script type="application/ld+json">
    <![CDATA[ {"@type":"Article","headline":"Wrapped","datePublished":"2018-04-05T06:00"} ]]>
    </script></head><body></body></html>)");
  EXPECT_EQ(m.title, "Wrapped");
  EXPECT_EQ(m.published, Day("2018-04-05T06:00:00Z"));
}

TEST(Metadata, PrefersPropertyMetaOverNameMeta) {
  PageMetadata m = Meta(R"(<html><head><meta name="DC.title" content="Name title">
    <meta property="dc:title" content="Property title"><meta property="og:title" content="OG"></head></html>)");
  EXPECT_EQ(m.title, "Property title");
}

TEST(Metadata, CleansSiteNameFromTitleTag) {
  EXPECT_EQ(Meta("<html><head><title>Storm hits coast | The Herald</title>"
                 "<meta property='og:site_name' content='The Herald'></head></html>")
                .title,
            "Storm hits coast");
  EXPECT_EQ(Meta("<html><head><title>Herald: Storm hits the coast</title></head></html>",
                 "https://www.herald.com/a")
                .title,
            "Storm hits the coast");
  // No site name known: the <h1> the title starts with.
  EXPECT_EQ(Meta("<html><head><title>Storm hits the coast - Weather - Foo</title></head>"
                 "<body><h1>Storm hits the coast</h1></body></html>")
                .title,
            "Storm hits the coast");
  // Neither: readability's rule drops the last part.
  EXPECT_EQ(Meta("<html><head><title>Storm hits the coast hard | Foo</title></head></html>").title,
            "Storm hits the coast hard");
}

TEST(Metadata, UsesH1WhenNothingElse) {
  EXPECT_EQ(Meta("<html><body><h1> Only   heading </h1><p>t</p></body></html>").title,
            "Only heading");
}

TEST(Metadata, DeclaredTitleThatIsOnlyTheSiteNameIsSkipped) {
  PageMetadata m = Meta(R"(<html><head><meta property="og:site_name" content="Example">
    <meta property="og:title" content="Example"><title>Real headline here - Example</title></head></html>)");
  EXPECT_EQ(m.title, "Real headline here");
}

TEST(Metadata, PublishedAndModifiedAreNotConfused) {
  PageMetadata m = Meta(R"(<html><head>
    <meta property="article:modified_time" content="2021-02-02T00:00:00Z"></head><body>
    <time class="updated" datetime="2021-02-03T00:00:00Z">Feb 3</time></body></html>)");
  EXPECT_FALSE(m.published);
  EXPECT_EQ(m.modified, Day("2021-02-02T00:00:00Z"));

  PageMetadata only_updated_time = Meta(
      "<html><body><p>x</p><time class='updated' datetime='2021-02-03'>x</time></body></html>");
  EXPECT_FALSE(only_updated_time.published);
  EXPECT_EQ(only_updated_time.modified, Day("2021-02-03"));
}

TEST(Metadata, DatesFromTimeElementsItempropUrlAndDateline) {
  EXPECT_EQ(
      Meta("<html><body><time pubdate datetime='2017-06-01T10:00:00Z'>June 1</time></body></html>")
          .published,
      Day("2017-06-01T10:00:00Z"));
  EXPECT_EQ(
      Meta("<html><body><span itemprop='datePublished' content='2016-01-02'>x</span></body></html>")
          .published,
      Day("2016-01-02"));
  EXPECT_EQ(
      Meta("<html><body><p>x</p></body></html>", "https://e.com/news/2019/03/12/story").published,
      Day("2019-03-12"));
  EXPECT_EQ(
      Meta("<html><body><div class='article-date'>Published March 12, 2019</div></body></html>")
          .published,
      Day("2019-03-12"));
  EXPECT_EQ(Meta("<html><head><meta name='sailthru.date' content='Tue, 12 Mar 2019 10:00:00 GMT'>"
                 "</head></html>")
                .published,
            Day("2019-03-12T10:00:00Z"));
}

TEST(Metadata, NeverInventsADate) {
  PageMetadata m = Meta(R"(<html><body><p>Updated today. Yesterday it rained.</p>
    <footer class="footer">Copyright 2019 Example Corp. <time datetime="2019-01-01">x</time></footer>
    <div class="date">2019</div></body></html>)",
                        "https://e.com/2019/story");
  EXPECT_FALSE(m.published);
  EXPECT_FALSE(m.modified);
}

TEST(Metadata, BylineFromDomCleaned) {
  EXPECT_EQ(
      Meta("<html><body><div class='byline'>By Sam Roe | March 3, 2019</div></body></html>").byline,
      "Sam Roe");
  EXPECT_EQ(Meta("<html><body><a rel='author' href='/a'>Kim Park</a></body></html>").byline,
            "Kim Park");
  EXPECT_EQ(
      Meta("<html><body><span itemprop='author'><span itemprop='name'>Li Wei</span> staff</span>"
           "</body></html>")
          .byline,
      "Li Wei");
  // A login box is not a byline; an author URL in a meta is not a name.
  EXPECT_EQ(Meta("<html><head><meta property='article:author' content='https://fb.com/x'></head>"
                 "<body><div id='authorization'>Sign In</div></body></html>")
                .byline,
            "");
}

TEST(Metadata, BylineKeepsSurnamesThatBeginLikeMonths) {
  auto byline = [](std::string_view text) {
    return Meta("<html><body><div class='byline'>" + std::string(text) + "</div></body></html>")
        .byline;
  };
  EXPECT_EQ(byline("By Nikhil Marathe"), "Nikhil Marathe");
  EXPECT_EQ(byline("Janet Julian"), "Janet Julian");
  EXPECT_EQ(byline("By Theresa May"), "Theresa May");
  // A month before the date's digits goes with the date, "May" too.
  EXPECT_EQ(byline("By Joshua Sokol May 12, 2016"), "Joshua Sokol");
  EXPECT_EQ(byline("Jane Doe, March 3, 2019"), "Jane Doe");
  EXPECT_EQ(byline("Jane Doe, Sept. 9, 2010"), "Jane Doe");
  // A dateline in a byline box is no name.
  EXPECT_EQ(byline("Last Updated: January 7, 2025"), "");
}

TEST(Metadata, BylineSkipsTheAuthorsRoleAndOtherAuthorsBoxes) {
  // The role inside the author element is not part of the name.
  EXPECT_EQ(Meta("<html><body><div class='author'><a href='/author/b'>Ben Silverman</a>"
                 "<div class='author-title'>Games Editor</div></div></body></html>")
                .byline,
            "Ben Silverman");
  // A "follow our writers" box in a complementary column names other people.
  EXPECT_EQ(Meta("<html><body><div id='Aside' role='complementary'><ul>"
                 "<li class='author-follow'>Katie Couric</li></ul></div>"
                 "<article><div class='author'><div class='author-name'>Nataliya Vasilyeva</div>"
                 "</div><p>Text.</p></article></body></html>")
                .byline,
            "Nataliya Vasilyeva");
  // schema.org's author in an aside is the page's when it is the only one...
  EXPECT_EQ(Meta("<html><body><article><p>Text.</p></article><aside><p><span "
                 "itemprop='author'><span itemprop='name'>Nicolas Perriault</span></span></p>"
                 "</aside></body></html>")
                .byline,
            "Nicolas Perriault");
  // ... and nobody's when an aside lists other articles by other authors.
  EXPECT_EQ(Meta("<html><body><article><p>Text.</p></article><aside>"
                 "<span itemprop='author'>Ann Lee</span><span itemprop='author'>Bo Chen</span>"
                 "</aside></body></html>")
                .byline,
            "");
  // Classes on <body> describe the page's layout: "sidebar-primary" there
  // does not put the whole page in a sidebar.
  EXPECT_EQ(Meta("<html><body class='single-post sidebar-primary'><article>"
                 "<div class='article__author'>By Scott Cunningham</div><p>Text.</p>"
                 "</article></body></html>")
                .byline,
            "Scott Cunningham");
}

TEST(Metadata, CanonicalUrlResolvedAgainstThePage) {
  EXPECT_EQ(Meta("<html><head><link rel='canonical' href='/news/a?x=1'></head></html>",
                 "https://www.example.com/amp/a")
                .url,
            "https://www.example.com/news/a?x=1");
  EXPECT_EQ(Meta("<html><head><meta property='og:url' content='//example.com/b'></head></html>",
                 "http://m.example.com/")
                .url,
            "http://example.com/b");
  EXPECT_EQ(Meta("<html><head><link rel='canonical' href='c'></head></html>").url, "");
}

TEST(Metadata, DeclaredLanguage) {
  EXPECT_EQ(Meta("<html lang='fr-FR'><body></body></html>").declared_lang, "fr-FR");
  EXPECT_EQ(Meta("<html><head><meta http-equiv='content-language' content='de'></head></html>")
                .declared_lang,
            "de");
  EXPECT_EQ(
      Meta("<html><head><meta property='og:locale' content='es_ES'></head></html>").declared_lang,
      "es_ES");
}

TEST(Metadata, JsonLdNameCloserToTitleWinsOverHeadline) {
  PageMetadata m =
      Meta(R"(<html><head><title>List of films - Wiki</title><script type="application/ld+json">
    {"@type":"Article","name":"List of films","headline":"Wikimedia list article"}</script></head></html>)");
  EXPECT_EQ(m.title, "List of films");
}

TEST(ResolveUrl, HandlesTheUsualForms) {
  EXPECT_EQ(ResolveUrl("https://a.com/x/y.html", "z.html"), "https://a.com/x/z.html");
  EXPECT_EQ(ResolveUrl("https://a.com/x/y.html", "../z"), "https://a.com/z");
  EXPECT_EQ(ResolveUrl("https://a.com/x/y?q", "?r"), "https://a.com/x/y?r");
  EXPECT_EQ(ResolveUrl("https://a.com", "/p"), "https://a.com/p");
  EXPECT_EQ(ResolveUrl("https://a.com/", "javascript:void(0)"), "");
  EXPECT_EQ(ResolveUrl("", "http://b.com/"), "http://b.com/");
}

TEST(StripSiteName, CutsEitherEndButNotTheHeadline) {
  EXPECT_EQ(StripSiteName("Obama speaks - BBC News", "BBC News", ""), "Obama speaks");
  EXPECT_EQ(StripSiteName("Salon.com | Obama speaks", "", "https://www.salon.com/x"),
            "Obama speaks");
  EXPECT_EQ(StripSiteName("Ten things | about - this", "", ""), "Ten things | about - this");
  EXPECT_EQ(StripSiteName("The Guardian", "The Guardian", ""), "The Guardian");
  EXPECT_EQ(StripSiteName("Tanks at the Palace \u00AB VOA News", "VOA News", ""),
            "Tanks at the Palace");
}

TEST(DateInUrl, FindsFullDatesOnly) {
  EXPECT_EQ(DateInUrl("https://e.com/2019/03/12/x"), Day("2019-03-12"));
  EXPECT_EQ(DateInUrl("https://e.com/story-2019-3-12-x"), Day("2019-03-12"));
  EXPECT_EQ(DateInUrl("https://e.com/a/20190312/x"), Day("2019-03-12"));
  EXPECT_FALSE(DateInUrl("https://e.com/2019/03/x"));
  EXPECT_FALSE(DateInUrl("https://e.com/id/123456789012"));
  EXPECT_FALSE(DateInUrl("https://2019.e.com/x?d=2019-03-12"));
}

}  // namespace
}  // namespace storyline::extract
