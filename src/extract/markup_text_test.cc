#include "extract/markup_text.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline::extract {
namespace {

TEST(HasMarkup, NeedsTwoTagsOfHtml) {
  EXPECT_TRUE(HasMarkup("<p>The port closed.</p>"));
  EXPECT_TRUE(HasMarkup("Ferries wait.<br/>More on <a href=\"/x\">Thursday</a>."));
  EXPECT_TRUE(HasMarkup("<P CLASS=\"lead\">The port closed.</P>"));
  // Comparisons, one tag written about, and tags HTML does not have.
  EXPECT_FALSE(HasMarkup("When x < 5 and y > 3, the storm passes."));
  EXPECT_FALSE(HasMarkup("Use the <b> element for bold."));
  EXPECT_FALSE(HasMarkup("<Reuters> and <AP> reported it."));
  EXPECT_FALSE(HasMarkup("<p no closing bracket <p again"));
  EXPECT_FALSE(HasMarkup(""));
}

TEST(LooksLikeWholePage, OnlyAPageOpening) {
  EXPECT_TRUE(LooksLikeWholePage("<!DOCTYPE html><html><body></body></html>"));
  EXPECT_TRUE(LooksLikeWholePage("\xEF\xBB\xBF  \n<html lang=\"en\">"));
  EXPECT_FALSE(LooksLikeWholePage("<p>The port closed.</p>"));
  EXPECT_FALSE(LooksLikeWholePage("The page said <html> at the top."));
}

TEST(MarkupText, BlocksAndBreaksMakeLinesAndTheRestIsText) {
  auto text = MarkupText(
      "<p>The port of Calais closed\nfor a second day on <b>Tuesday</b>.</p>"
      "<h2>Ferries wait</h2><p>Crossings resume on <a href=\"/t\">Thursday</a>.<br>No date "
      "yet.</p><script>var x = 1;</script><figure><img src=\"a.jpg\"><figcaption>Lorries "
      "queue. Photo: AP</figcaption></figure><ul><li>One &amp; two</li></ul>");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text,
            "The port of Calais closed for a second day on Tuesday.\n"
            "Ferries wait\n"
            "Crossings resume on Thursday.\n"
            "No date yet.\n"
            "One & two");
}

TEST(MarkupText, LineBreaksStayInTextWithInlineMarkupOnly) {
  auto text = MarkupText(
      "The flight disappeared on <a href=\"http://ex.com/x\">March 8</a>.\n\nThe search "
      "<em>goes on</em>.");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "The flight disappeared on March 8.\nThe search goes on.");
}

}  // namespace
}  // namespace storyline::extract
