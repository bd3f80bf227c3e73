#include "server/article_body.h"

#include <gtest/gtest.h>

namespace storyline::server {
namespace {

TEST(ArticleBody, ReadsTheKindFromTheContentType) {
  EXPECT_EQ(BodyKindOf(""), BodyKind::kJsonObject);
  EXPECT_EQ(BodyKindOf("Application/JSON; charset=utf-8"), BodyKind::kJsonObject);
  EXPECT_EQ(BodyKindOf("application/x-ndjson"), BodyKind::kJsonLines);
  EXPECT_EQ(BodyKindOf("text/html;charset=ISO-8859-1"), BodyKind::kHtml);
  EXPECT_FALSE(BodyKindOf("text/plain").has_value());
  EXPECT_FALSE(BodyKindOf("multipart/form-data; boundary=x").has_value());
}

TEST(ArticleBody, MeasuresJsonDepthOutsideStrings) {
  EXPECT_EQ(JsonDepth("{}"), 1);
  EXPECT_EQ(JsonDepth(R"({"a": [1, {"b": []}]})"), 4);
  EXPECT_EQ(JsonDepth(R"({"a": "[[[[{{{{\"[[["})"), 1);
  EXPECT_EQ(JsonDepth(std::string(100000, '[')), 100000);
}

TEST(ArticleBody, RefusesDeepJsonBeforeParsingIt) {
  std::string deep = R"({"text": "t", "x": )" + std::string(40, '[') + std::string(40, ']') + "}";
  auto body = ParseArticleBody(BodyKind::kJsonObject, deep, {}, 32);
  ASSERT_FALSE(body.ok());
  EXPECT_NE(body.status().message().find("deeper"), std::string::npos);
  EXPECT_TRUE(ParseArticleBody(BodyKind::kJsonObject, deep, {}, 64).ok());
}

TEST(ArticleBody, JsonLinesKeepGoodLinesAndNameBadOnes) {
  auto body = ParseArticleBody(BodyKind::kJsonLines,
                               "{\"id\": \"a\", \"text\": \"one\"}\r\n\nnot json\n"
                               "{\"id\": \"b\", \"text\": \"two\"}",
                               {}, 32);
  ASSERT_TRUE(body.ok());
  ASSERT_EQ(body->articles.size(), 2u);
  EXPECT_EQ(body->articles[1].id, "b");
  EXPECT_EQ(body->lines, (std::vector<std::size_t>{1, 4}));
  ASSERT_EQ(body->errors.size(), 1u);
  EXPECT_EQ(body->errors[0].line, 3u);
}

TEST(ArticleBody, HtmlNeedsAUrlAndGetsAnIdFromItsBytes) {
  EXPECT_FALSE(ParseArticleBody(BodyKind::kHtml, "<p>x</p>", {}, 32).ok());
  HtmlHeaders headers;
  headers.url = "bad\xff";
  EXPECT_FALSE(ParseArticleBody(BodyKind::kHtml, "<p>x</p>", headers, 32).ok());
  headers.url = "https://a.example/x";
  headers.published = "soon";
  EXPECT_FALSE(ParseArticleBody(BodyKind::kHtml, "<p>x</p>", headers, 32).ok());
  headers.published = "";
  auto body = ParseArticleBody(BodyKind::kHtml, "<p>x</p>", headers, 32);
  ASSERT_TRUE(body.ok());
  ASSERT_EQ(body->articles.size(), 1u);
  EXPECT_FALSE(body->articles[0].id.empty());
  EXPECT_EQ(body->articles[0].html, "<p>x</p>");
}

}  // namespace
}  // namespace storyline::server
