// End-to-end: HTML pages through `storyline extract` and `storyline cluster`.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace storyline::testing {
namespace {

// Wraps a bare-text article in the furniture of a real page: navigation,
// share bar, related links, newsletter box and footer around <p> paragraphs.
std::string AsPage(const std::string& site, const std::string& text) {
  std::string html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
                     site +
                     "</title></head><body><header><nav><ul><li><a href=\"/\">Home</a></li>"
                     "<li><a href=\"/world\">World</a></li><li><a href=\"/markets\">Markets</a>"
                     "</li></ul></nav></header><main><article><div class=\"share\"><a href=\"#\">"
                     "Share on Facebook</a> <a href=\"#\">Tweet</a></div>";
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    html += "<p>" + line + "</p>\n";
  }
  html +=
      "</article><aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Stocks "
      "slide as oil jumps</a></li><li><a href=\"/b\">Ten things to watch this week</a></li>"
      "</ul></aside><div class=\"newsletter\">Sign up for our newsletter</div></main>"
      "<footer><p>&copy; 2018 " +
      site + ". All rights reserved.</p></footer></body></html>";
  return html;
}

// `extract`'s JSON lines by id; a line that is not a JSON object fails the test.
std::map<std::string, nlohmann::json> PagesById(const std::string& out) {
  std::map<std::string, nlohmann::json> pages;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json p = nlohmann::json::parse(line, nullptr, false);
    EXPECT_TRUE(p.is_object()) << line;
    if (p.is_object()) pages[p["id"].get<std::string>()] = p;
  }
  return pages;
}

using HtmlCliTest = CliTest;

TEST_F(HtmlCliTest, FoundingExampleAsHtmlPagesIsOneStory) {
  fs::path seeds = fs::path(kSource) / ".." / "shared" / "seeds";
  if (!fs::is_directory(seeds)) GTEST_SKIP() << "no founding example at " << seeds;
  std::vector<std::string> ids;
  for (const auto& e : fs::directory_iterator(seeds)) {
    if (e.path().extension() != ".txt") continue;
    std::string id = e.path().stem().string();
    Write("pages/" + id + ".html", AsPage("Outlet " + id, ReadFile(e.path())));
    ids.push_back(id);
  }
  ASSERT_GE(ids.size(), 2u);
  fs::path assignments = dir_ / "assign.jsonl";
  ASSERT_EQ(Run("cluster " + Quote((dir_ / "pages").string()) + " -q -o /dev/null -a " +
                Quote(assignments.string())),
            0)
      << err_;
  std::map<std::string, std::string> pred = ReadLabels(assignments);
  for (const std::string& id : ids) {
    ASSERT_TRUE(pred.count(id)) << id << " missing; stderr: " << err_;
    EXPECT_EQ(pred[id], pred[ids[0]]) << id << " is in another story";
  }

  ASSERT_EQ(Run("extract -q " + Quote((dir_ / "pages").string())), 0) << err_;
  EXPECT_EQ(out_.find("Sign up for our newsletter"), std::string::npos);
  EXPECT_EQ(out_.find("All rights reserved"), std::string::npos);
  EXPECT_NE(out_.find("I like him, he likes me"), std::string::npos);
}

TEST_F(HtmlCliTest, PathologicalPagesGetAClearErrorEachAndTheRestIsExtracted) {
  Write("in/good.html",
        "<html><body><article><p>A good page with enough words in one paragraph to count as "
        "an article body.</p></article></body></html>");
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  Write("in/deep.html", deep + "<p>Deep text.</p>");
  Write("in/big.html", "<html><body><p>" + std::string(50u << 20, 'a') + "</p></body></html>");
  Write("in/nobody.html", "<html><head><title>Only a title</title></head></html>");
  std::string junk =
      "\x7F"
      "ELF";
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>(i * 7919 % 256));
  Write("in/junk.html", junk);
  Write("in/empty.htm", "");

  ASSERT_EQ(Run("extract -q -t 2 " + Quote((dir_ / "in").string())), 0) << err_;
  std::vector<nlohmann::json> pages;
  std::istringstream lines(out_);
  std::string line;
  while (std::getline(lines, line)) pages.push_back(nlohmann::json::parse(line, nullptr, false));
  std::map<std::string, std::string> text;
  for (const auto& p : pages) {
    ASSERT_TRUE(p.is_object());
    text[p["id"].get<std::string>()] = p["text"].get<std::string>();
  }
  ASSERT_TRUE(text.count("good"));
  EXPECT_NE(text["good"].find("A good page"), std::string::npos);
  EXPECT_FALSE(text.count("big"));
  EXPECT_FALSE(text.count("nobody"));
  EXPECT_FALSE(text.count("junk"));
  EXPECT_NE(err_.find("big.html: file of"), std::string::npos) << err_;
  EXPECT_NE(err_.find("nobody.html: no article text"), std::string::npos) << err_;
  EXPECT_NE(err_.find("junk.html: binary data"), std::string::npos) << err_;
  EXPECT_NE(err_.find("empty.htm: empty page"), std::string::npos) << err_;
}

TEST_F(HtmlCliTest, JsonlLinesMayCarryHtml) {
  Write("a.jsonl",
        "{\"id\": \"p1\", \"url\": \"https://ex.com/p1\", \"html\": \"<html><body><nav>Menu</nav>"
        "<p>Storm closes the port of Calais for a second day.</p></body></html>\"}\n"
        "{\"id\": \"p2\", \"html\": \"<html><head><title>t</title></head></html>\"}\n");
  ASSERT_EQ(Run("extract -q " + Quote((dir_ / "a.jsonl").string())), 0) << err_;
  nlohmann::json p = nlohmann::json::parse(out_.substr(0, out_.find('\n')), nullptr, false);
  ASSERT_TRUE(p.is_object()) << out_;
  EXPECT_EQ(p["id"], "p1");
  EXPECT_EQ(p["url"], "https://ex.com/p1");
  EXPECT_EQ(p["text"], "Storm closes the port of Calais for a second day.");
  EXPECT_NE(err_.find("a.jsonl:2: no article text"), std::string::npos) << err_;
}

TEST_F(HtmlCliTest, ExtractRepairsMojibakeAsClusterDoes) {
  // A page declared UTF-8 whose text went through windows-1252 once on its
  // way ("itâ€™s", "ChÃ¡vez"), and a JSONL line with text and title alike.
  Write("in/page.html",
        "<html><head><meta charset=\"utf-8\"><title>ChÃ¡vez wins</title></head><body><article>"
        "<p>Hugo ChÃ¡vez said itâ€™s a victory for the revolution, and thousands cheered in "
        "Caracas as the results came in late on Sunday night.</p></article></body></html>");
  Write("in/lines.jsonl",
        "{\"id\": \"j1\", \"title\": \"CafÃ© reopens\", \"text\": \"The cafÃ© reopened "
        "on Monday.\"}\n");
  ASSERT_EQ(Run("extract -q " + Quote((dir_ / "in").string())), 0) << err_;
  std::map<std::string, nlohmann::json> pages = PagesById(out_);
  ASSERT_TRUE(pages.count("page")) << out_;
  EXPECT_NE(pages["page"]["text"].get<std::string>().find("Hugo Chávez said it’s a victory"),
            std::string::npos)
      << pages["page"]["text"];
  EXPECT_EQ(pages["page"]["title"], "Chávez wins");
  ASSERT_TRUE(pages.count("j1")) << out_;
  EXPECT_EQ(pages["j1"]["text"], "The café reopened on Monday.");
  EXPECT_EQ(pages["j1"]["title"], "Café reopens");
}

TEST_F(HtmlCliTest, ExtractPrintsTheTextClusterReads) {
  // Bare text: its caption, credit line and footer are not the article, and
  // a title-like line between paragraphs is a stray heading. A page keeps
  // its <h2> subheading, which its markup made part of the article.
  Write("in/story.txt",
        "Port of Calais closed by storm\n\n"
        "The port of Calais closed for a second day on Tuesday as the storm went on.\n\n"
        "Lorries queued for miles. Image: iStock\n\n"
        "Ferries wait\n\n"
        "Ferry companies said crossings would resume once the wind dropped below gale force.\n\n"
        "\u00a9 2024 Example News. All rights reserved.\n");
  Write("in/page.html",
        "<html><head><meta charset=\"utf-8\"><title>Storm shuts Calais</title></head><body>"
        "<article><h1>Storm shuts Calais</h1><p>The port of Calais closed for a second day on "
        "Tuesday as the storm went on and lorries queued for miles on the motorway.</p>"
        "<h2>Ferries wait</h2><p>Ferry companies said crossings would resume once the wind "
        "dropped below gale force, perhaps on Thursday morning.</p></article></body></html>");
  Write("in/empty.txt", "Image: iStock\n");
  ASSERT_EQ(Run("extract -q " + Quote((dir_ / "in").string())), 0) << err_;
  std::map<std::string, nlohmann::json> pages = PagesById(out_);
  ASSERT_TRUE(pages.count("story.txt")) << out_;
  EXPECT_EQ(pages["story.txt"]["title"], "Port of Calais closed by storm");
  EXPECT_EQ(pages["story.txt"]["text"],
            "The port of Calais closed for a second day on Tuesday as the storm went on.\n\n"
            "Ferry companies said crossings would resume once the wind dropped below gale "
            "force.");
  ASSERT_TRUE(pages.count("page")) << out_;
  EXPECT_NE(pages["page"]["text"].get<std::string>().find("\n\nFerries wait\n\n"),
            std::string::npos)
      << pages["page"]["text"];
  // An article with nothing left is reported and counted, as `cluster` does.
  EXPECT_EQ(pages.count("empty.txt"), 0u) << out_;
  EXPECT_NE(err_.find("empty.txt: no article text left"), std::string::npos) << err_;
  EXPECT_NE(err_.find("failed 1"), std::string::npos) << err_;
}

}  // namespace
}  // namespace storyline::testing
