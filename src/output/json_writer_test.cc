#include "output/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace storyline::output {
namespace {

Story MakeStory() {
  Story s;
  s.id = "s1";
  s.headline =
      "Quote \"this\", back\\slash, tab\t, newline\n, bell\x07, caf\xC3\xA9 "
      "\xE2\x80\x9Cok\xE2\x80\x9D";
  s.summary = {"First.", "Second."};
  s.score = 2.5;
  s.outlets = {"Harbor Tribune"};
  s.first_seen = 86400;
  s.entities = {{"Kim Jong Un", 2}};
  StoryArticle a;
  a.id = "a1";
  a.source = "Harbor Tribune";
  a.title = "<script>alert(1)</script>";
  a.published = 86400;
  StoryArticle b = a;
  b.id = "a2";
  b.duplicate_of = "a1";
  b.published.reset();
  s.articles = {a, b};
  return s;
}

TEST(StoriesJsonWriter, WritesValidJsonThatRoundTripsEveryField) {
  std::ostringstream out;
  StoriesJsonWriter w(out);
  w.Add(MakeStory());
  w.Add(MakeStory());
  w.Finish();
  nlohmann::json j = nlohmann::json::parse(out.str());
  ASSERT_EQ(j.size(), 2u);
  const Story want = MakeStory();
  EXPECT_EQ(j[0]["headline"], want.headline);
  EXPECT_EQ(j[0]["summary"][1], "Second.");
  EXPECT_DOUBLE_EQ(j[0]["score"].get<double>(), 2.5);
  EXPECT_EQ(j[0]["size"], 2);
  EXPECT_EQ(j[0]["first_seen"], "1970-01-02T00:00:00Z");
  EXPECT_TRUE(j[0]["last_seen"].is_null());
  EXPECT_EQ(j[0]["entities"][0]["name"], "Kim Jong Un");
  EXPECT_EQ(j[0]["articles"][0]["title"], "<script>alert(1)</script>");
  EXPECT_TRUE(j[0]["articles"][0]["duplicate_of"].is_null());
  EXPECT_EQ(j[0]["articles"][1]["duplicate_of"], "a1");
  EXPECT_TRUE(j[0]["articles"][1]["published"].is_null());
}

TEST(StoriesJsonWriter, NoStoriesIsAnEmptyArray) {
  std::ostringstream out;
  StoriesJsonWriter w(out);
  w.Finish();
  EXPECT_EQ(nlohmann::json::parse(out.str()), nlohmann::json::array());
}

TEST(AssignmentLine, IsOneJsonObjectPerLine) {
  std::ostringstream out;
  WriteAssignmentLine("id \"1\"", "s2", out);
  std::string line = out.str();
  ASSERT_EQ(line.back(), '\n');
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["id"], "id \"1\"");
  EXPECT_EQ(j["story"], "s2");
}

}  // namespace
}  // namespace storyline::output
