#include "extract/read_article.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::extract {
namespace {

constexpr char kBody[] =
    "The port of Calais closed for a second day on Tuesday as the storm went on.\n\n"
    "Ferries wait\n\n"
    "Ferry companies said crossings would resume once the wind dropped below gale force.";

TEST(ReadArticle, PlainTextIsDecodedRepairedAndCleaned) {
  Article a;
  a.source = "Le CafÃ© News";  // mojibake: UTF-8 read as windows-1252
  a.text = std::string("Storm shuts Calais\n\n") + kBody +
           "\n\nThe harbour master said &quot;it is the worst in years.&quot;\n\n"
           "Lorries queue at Calais. Photo: Reuters\n";
  ASSERT_TRUE(ReadArticle(&a).ok());
  EXPECT_EQ(a.title, "Storm shuts Calais");  // the headline line, as none came
  EXPECT_EQ(a.source, "Le Café News");
  EXPECT_EQ(a.text.find("Ferries wait"), std::string::npos) << a.text;  // a stray heading
  EXPECT_EQ(a.text.find("Photo: Reuters"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("said \"it is the worst in years.\""), std::string::npos) << a.text;
}

TEST(ReadArticle, PageTextKeepsItsSubheadingsAndFieldsGivenWin) {
  Article a;
  a.title = "Given title";
  a.html =
      "<html><head><title>Page title</title><meta name=\"author\" content=\"Jane Roe\">"
      "</head><body><article><h1>Page title</h1>"
      "<p>The port of Calais closed for a second day on Tuesday as the storm went on and "
      "lorries queued for miles on the motorway.</p><h2>Ferries wait</h2><p>Ferry companies "
      "said crossings would resume once the wind dropped below gale force.</p></article>"
      "</body></html>";
  PageOnly page;
  ASSERT_TRUE(ReadArticle(&a, &page).ok());
  EXPECT_TRUE(a.html.empty());
  EXPECT_EQ(a.title, "Given title");
  EXPECT_NE(a.text.find("\n\nFerries wait\n\n"), std::string::npos) << a.text;
  EXPECT_EQ(page.byline, "Jane Roe");
}

TEST(ReadArticle, TextGivenWithAPageIsReadAsPlainText) {
  Article a;
  a.text = kBody;
  a.html = "<html><body><p>Something else entirely, long enough to be a body.</p></body></html>";
  ASSERT_TRUE(ReadArticle(&a).ok());
  EXPECT_EQ(a.text.find("Something else"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Ferries wait"), std::string::npos) << a.text;
}

TEST(ReadArticle, TextThatIsMarkupIsReadAsTheTextItMarksUp) {
  // A feed's content field, as given and escaped once.
  for (const std::string& text :
       {std::string("<p>The port of Calais closed for a second day on <b>Tuesday</b> as the "
                    "storm went on.</p><h2>Ferries wait</h2><p>Ferry companies said "
                    "<a href=\"https://ex.com/f\">crossings</a> would resume.</p>"),
        std::string("&lt;p&gt;The port of Calais closed for a second day on Tuesday as the "
                    "storm went on.&lt;/p&gt;&lt;h2&gt;Ferries wait&lt;/h2&gt;&lt;p&gt;Ferry "
                    "companies said crossings would resume.&lt;/p&gt;")}) {
    Article a;
    a.text = text;
    ASSERT_TRUE(ReadArticle(&a).ok()) << text;
    EXPECT_EQ(a.text,
              "The port of Calais closed for a second day on Tuesday as the storm went on.\n\n"
              "Ferries wait\n\n"
              "Ferry companies said crossings would resume.")
        << text;
  }
  // A text that is a whole page is read as the page.
  Article a;
  a.text =
      "<!DOCTYPE html><html><head><title>Storm shuts Calais</title></head><body><nav><a "
      "href=\"/\">Home</a></nav><article><p>The port of Calais closed for a second day on "
      "Tuesday as the storm went on and lorries queued for miles on the motorway.</p></article>"
      "</body></html>";
  ASSERT_TRUE(ReadArticle(&a).ok());
  EXPECT_EQ(a.title, "Storm shuts Calais");
  EXPECT_EQ(a.text,
            "The port of Calais closed for a second day on Tuesday as the storm went on and "
            "lorries queued for miles on the motorway.");
}

TEST(ReadArticle, RefusesAnArticleWithNothingLeft) {
  Article a;
  a.text = "Image: iStock\n\n\xC2\xA9 2024 Example News. All rights reserved.\n";
  Status s = ReadArticle(&a);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("no article text left"), std::string::npos) << s.message();
}

TEST(ReadArticle, AnArticleWithoutASourceIsTheOutletItsTextNames) {
  Article a;
  a.text = std::string("CALAIS (Reuters) - Ferries stayed in port.") + kBody;
  ASSERT_TRUE(ReadArticle(&a).ok());
  EXPECT_EQ(a.source, "Reuters");

  Article b;  // the footer names it, and is not kept in the text
  b.text = std::string(kBody) + "\n\n\xC2\xA9 2031 Example News. All rights reserved.";
  ASSERT_TRUE(ReadArticle(&b).ok());
  EXPECT_EQ(b.source, "Example News");
  EXPECT_EQ(b.text.find("rights reserved"), std::string::npos) << b.text;

  Article c;  // a source given wins
  c.source = "Le Monde";
  c.text = std::string("CALAIS (Reuters) - Ferries stayed in port.") + kBody;
  ASSERT_TRUE(ReadArticle(&c).ok());
  EXPECT_EQ(c.source, "Le Monde");

  Article d;  // a text that names no outlet leaves it empty
  d.text = kBody;
  ASSERT_TRUE(ReadArticle(&d).ok());
  EXPECT_EQ(d.source, "");

  Article e;  // a title's appended outlet: the source, and no part of the title
  e.title = "Ferries stay in port - Xinhua";
  e.text = kBody;
  ASSERT_TRUE(ReadArticle(&e).ok());
  EXPECT_EQ(e.title, "Ferries stay in port");
  EXPECT_EQ(e.source, "Xinhua");

  Article f;  // with a source given, the title still loses the name
  f.source = "Le Monde";
  f.title = "Ferries stay in port | NPR";
  f.text = kBody;
  ASSERT_TRUE(ReadArticle(&f).ok());
  EXPECT_EQ(f.title, "Ferries stay in port");
  EXPECT_EQ(f.source, "Le Monde");
}

TEST(ReadArticle, ATextOpeningWithItsTitleSaysItOnce) {
  const auto text_of = [](std::string title, std::string text) {
    Article a;
    a.title = std::move(title);
    a.text = std::move(text);
    EXPECT_TRUE(ReadArticle(&a).ok());
    return a.text;
  };
  // Run into the first line, before a capital, a digit or a quotation mark.
  EXPECT_EQ(text_of("Concern over Rwanda growing",
                    "Concern over Rwanda growing 12 February 2004 - International concern was "
                    "growing on Thursday after a warning from Kigali."),
            "12 February 2004 - International concern was growing on Thursday after a warning "
            "from Kigali.");
  EXPECT_EQ(text_of("Offer to Teixeira Bumped as High as $184M",
                    "Offer to Teixeira Bumped as High as $184M For weeks now, the team has "
                    "waited for an answer from the player's agent."),
            "For weeks now, the team has waited for an answer from the player's agent.");
  // On a line of its own, even where it does not look like a headline.
  EXPECT_EQ(text_of("Who will pay for the storm?",
                    std::string("  Who will pay for the storm?\n") + kBody),
            text_of("", kBody));
  // Not a title repeated: the text's own first sentence goes on after it.
  const std::string lead =
      "The Angels offered Mark Teixeira an eight-year contract, the general manager said.";
  EXPECT_EQ(text_of("The Angels offered Mark Teixeira an eight-year contract", lead), lead);
  EXPECT_EQ(text_of("The Angels offered Mark Teixeira", lead), lead);
  // A text that is only its title (and a footer) keeps it.
  EXPECT_EQ(text_of("Esther Williams, swimming star, dies at 91",
                    "Esther Williams, swimming star, dies at 91\n\nCopyright 1989 Example Daily. "
                    "All rights reserved."),
            "Esther Williams, swimming star, dies at 91");
  // A title that ends with a full stop is the text's lead, which stays.
  const std::string first = "Ferries stayed in port. The storm went on for a second day.";
  EXPECT_EQ(text_of("Ferries stayed in port.", first), first);
  const std::string quoted = "He said \"we stay in port.\" The storm went on for a second day.";
  EXPECT_EQ(text_of("He said \"we stay in port.\"", quoted), quoted);
}

TEST(ReadArticle, ADatelineDatesAnArticleWithoutADate) {
  Article a;
  a.text = std::string("May 3, 2013\n\n") + kBody;
  ASSERT_TRUE(ReadArticle(&a).ok());
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, 1367539200);  // 2013-05-03T00:00:00Z
}

TEST(ReadArticle, ATitleThatIsOnlyADateIsNoTitle) {
  Article a;
  a.title = "Saturday November 20, 2004 6:23PM";
  a.text = kBody;
  ASSERT_TRUE(ReadArticle(&a).ok());
  EXPECT_EQ(a.title, "");
  ASSERT_TRUE(a.published.has_value());
  EXPECT_EQ(*a.published, 1100908800);  // 2004-11-20T00:00:00Z

  // A date the article came with stays; a headline on top of the text stands in.
  Article b;
  b.title = "Last Updated: Monday, 28 November 2005, 02: 24 GMT";
  b.published = 1;
  b.text = std::string("Ten dead in southern Iran quake\n") + kBody;
  ASSERT_TRUE(ReadArticle(&b).ok());
  EXPECT_EQ(b.title, "Ten dead in southern Iran quake");
  EXPECT_EQ(*b.published, 1);

  Article c;  // a title with a date in it is a title
  c.title = "Quake of November 20, 2004 kills ten";
  c.text = kBody;
  ASSERT_TRUE(ReadArticle(&c).ok());
  EXPECT_EQ(c.title, "Quake of November 20, 2004 kills ten");
}

}  // namespace
}  // namespace storyline::extract
