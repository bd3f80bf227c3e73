// End-to-end: `storyline cluster --html` writes a report of the run beside the JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace storyline::testing {
namespace {

std::size_t Count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The HTML the report writes is well formed: every tag outside <style> closes
// in order (void elements excepted), no '<' starts anything but a tag, and
// text holds no stray '>' or '"'. Returns "" or what is wrong.
std::string CheckWellFormed(const std::string& html) {
  static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "link", "input", "wbr"};
  std::vector<std::string> open;
  std::size_t i = 0;
  if (html.rfind("<!doctype html>", 0) != 0) return "no doctype";
  i = html.find('\n');
  while (i < html.size()) {
    std::size_t lt = html.find('<', i);
    std::string text = html.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
    if (text.find('>') != std::string::npos) return "stray '>' in text near " + text.substr(0, 60);
    if (lt == std::string::npos) break;
    std::size_t gt = html.find('>', lt);
    if (gt == std::string::npos) return "unclosed tag at " + std::to_string(lt);
    std::string tag = html.substr(lt + 1, gt - lt - 1);
    bool closing = !tag.empty() && tag[0] == '/';
    std::string name =
        tag.substr(closing ? 1 : 0, tag.find_first_of(" \n", closing ? 1 : 0) - (closing ? 1 : 0));
    if (name.empty() ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos) {
      return "bad tag <" + tag.substr(0, 40) + ">";
    }
    if (Count(tag, "\"") % 2 != 0) return "unbalanced quotes in <" + tag.substr(0, 60) + ">";
    i = gt + 1;
    if (closing) {
      if (open.empty() || open.back() != name) {
        return "</" + name + "> closes <" + (open.empty() ? "nothing" : open.back()) + ">";
      }
      open.pop_back();
    } else if (name == "style") {
      std::size_t end = html.find("</style>", i);
      if (end == std::string::npos) return "unclosed <style>";
      i = end + 8;
    } else if (!kVoid.count(name)) {
      open.push_back(name);
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  return "";
}

TEST_F(CliTest, HtmlReportHasASectionPerStoryBesideTheJson) {
  fs::path stories = dir_ / "stories.json", assignments = dir_ / "assign.jsonl",
           report = dir_ / "report.html";
  ASSERT_EQ(Run("cluster " + Quote(kSource + "/data/sample/articles.jsonl") + " -q -o " +
                Quote(stories.string()) + " -a " + Quote(assignments.string()) + " --html " +
                Quote(report.string())),
            0)
      << err_;
  nlohmann::json j = nlohmann::json::parse(ReadFile(stories), nullptr, false);
  ASSERT_TRUE(j.is_array());
  ASSERT_GT(j.size(), 1u);
  EXPECT_FALSE(ReadLabels(assignments).empty());

  std::string html = ReadFile(report);
  EXPECT_EQ(CheckWellFormed(html), "");
  EXPECT_EQ(Count(html, "<article class=\"story\""), j.size());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // In rank order, each with its headline (the sample's have no markup characters).
  std::size_t at = 0;
  for (std::size_t k = 0; k < j.size(); ++k) {
    std::string want = "<article class=\"story\" id=\"story-" + std::to_string(k + 1) + "\"";
    std::size_t section = html.find(want, at);
    ASSERT_NE(section, std::string::npos) << want;
    std::string headline = j[k]["headline"].get<std::string>();
    if (headline.find_first_of("&<>\"'") == std::string::npos) {
      EXPECT_NE(html.find(headline, section), std::string::npos) << headline;
    }
    at = section + 1;
  }
  std::size_t articles = 0;
  for (const auto& s : j) articles += s["articles"].size();
  EXPECT_NE(html.find("<strong>" + std::to_string(j.size()) + " stories</strong> from " +
                      std::to_string(articles) + " articles"),
            std::string::npos);
}

TEST_F(CliTest, HtmlReportToABadPathFailsBeforeTheWork) {
  int rc = Run("cluster " + Quote(kSource + "/data/sample/articles.jsonl") +
               " -q -o /dev/null --html " + Quote((dir_ / "no/such/dir/r.html").string()));
  EXPECT_EQ(rc, 1);
  EXPECT_NE(err_.find("cannot write"), std::string::npos) << err_;
  EXPECT_EQ(err_.find("articles in"), std::string::npos) << err_;  // no run summary
}

}  // namespace
}  // namespace storyline::testing
