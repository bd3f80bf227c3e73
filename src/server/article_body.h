// Article bodies of POST /articles: one JSON object, JSON lines, or an HTML
// page. JSON goes through the same parser as JSONL files
// (ingest::ParseArticleJson), HTML through the engine's extraction, so the
// server accepts exactly what `storyline cluster` accepts.
//
//   auto kind = BodyKindOf(req.content_type);        // nullopt: 415
//   auto body = ParseArticleBody(*kind, req.body, {.url = ...}, 32);
//
// Thread-safety: pure functions.
#ifndef STORYLINE_SERVER_ARTICLE_BODY_H_
#define STORYLINE_SERVER_ARTICLE_BODY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::server {

enum class BodyKind { kJsonObject, kJsonLines, kHtml };

// From a Content-Type value ("application/json; charset=utf-8"). An empty one
// is read as JSON. nullopt for anything else.
std::optional<BodyKind> BodyKindOf(std::string_view content_type);

// What an HTML body says about itself in headers (X-Article-*).
struct HtmlHeaders {
  std::string url;  // required
  std::string id;   // default: a hash of the page
  std::string source;
  std::string published;  // ISO 8601
};

struct ArticleBody {
  std::vector<Article> articles;
  std::vector<std::size_t> lines;  // per article: its line in the body, from 1
  struct Error {
    std::size_t line;
    Status why;
  };
  std::vector<Error> errors;  // lines of a JSONL body left out
};

// Parses `body`. A JSON object or HTML page that is not an article is an
// error (kInvalidInput, with the reason); a JSONL line that is not one is
// listed in `errors` and skipped. JSON nested deeper than `max_depth` is
// refused before it is parsed.
Result<ArticleBody> ParseArticleBody(BodyKind kind, std::string_view body, const HtmlHeaders& html,
                                     int max_depth);

// The deepest nesting of arrays and objects in `json` (strings skipped; no
// validation). Linear, no recursion.
int JsonDepth(std::string_view json);

}  // namespace storyline::server

#endif  // STORYLINE_SERVER_ARTICLE_BODY_H_
