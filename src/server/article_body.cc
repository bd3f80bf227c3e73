#include "server/article_body.h"

#include "ingest/reader.h"
#include "util/ascii.h"
#include "util/hash.h"
#include "util/time.h"
#include "util/utf8.h"

namespace storyline::server {
namespace {

Status CheckDepth(std::string_view json, int max_depth) {
  if (JsonDepth(json) > max_depth) {
    return Status::InvalidInput("JSON nested deeper than " + std::to_string(max_depth) + " levels");
  }
  return Status::Ok();
}

Status ParseOne(std::string_view json, int max_depth, Article* out) {
  STORYLINE_RETURN_IF_ERROR(CheckDepth(json, max_depth));
  // A "published" that is not a time leaves the date unknown, as in files.
  return ingest::ParseArticleJson(json, out);
}

Status ValidHeader(std::string_view name, std::string_view value) {
  if (!IsValidUtf8(value)) return Status::InvalidInput(std::string(name) + " is not UTF-8");
  if (value.size() > 4096) return Status::InvalidInput(std::string(name) + " is too long");
  return Status::Ok();
}

}  // namespace

std::optional<BodyKind> BodyKindOf(std::string_view content_type) {
  std::string type(TrimBlanks(content_type.substr(0, content_type.find(';'))));
  type = AsciiLowered(type);
  if (type.empty() || type == "application/json") return BodyKind::kJsonObject;
  if (type == "application/x-ndjson" || type == "application/jsonl" ||
      type == "application/json-lines" || type == "application/x-jsonlines") {
    return BodyKind::kJsonLines;
  }
  if (type == "text/html" || type == "application/xhtml+xml") return BodyKind::kHtml;
  return std::nullopt;
}

int JsonDepth(std::string_view json) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

Result<ArticleBody> ParseArticleBody(BodyKind kind, std::string_view body, const HtmlHeaders& html,
                                     int max_depth) {
  ArticleBody out;
  switch (kind) {
    case BodyKind::kJsonObject: {
      Article a;
      STORYLINE_RETURN_IF_ERROR(ParseOne(body, max_depth, &a));
      out.articles.push_back(std::move(a));
      out.lines.push_back(1);
      return out;
    }
    case BodyKind::kJsonLines: {
      std::size_t line_no = 0, pos = 0;
      while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = TrimBlanks(body.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty()) continue;
        Article a;
        Status s = ParseOne(line, max_depth, &a);
        if (!s.ok()) {
          out.errors.push_back({line_no, s});
          continue;
        }
        out.articles.push_back(std::move(a));
        out.lines.push_back(line_no);
      }
      return out;
    }
    case BodyKind::kHtml: {
      if (html.url.empty()) return Status::InvalidInput("an HTML body needs X-Article-URL");
      STORYLINE_RETURN_IF_ERROR(ValidHeader("X-Article-URL", html.url));
      STORYLINE_RETURN_IF_ERROR(ValidHeader("X-Article-ID", html.id));
      STORYLINE_RETURN_IF_ERROR(ValidHeader("X-Article-Source", html.source));
      if (TrimBlanks(body).empty()) return Status::InvalidInput("empty HTML body");
      Article a;
      a.url = html.url;
      a.source = html.source;
      a.id = html.id.empty() ? HexHash(body) : html.id;
      if (!html.published.empty()) {
        a.published = ParseIsoTime(html.published);
        if (!a.published) return Status::InvalidInput("X-Article-Published is not ISO 8601");
      }
      a.html = std::string(body);
      out.articles.push_back(std::move(a));
      out.lines.push_back(1);
      return out;
    }
  }
  return Status::Internal("unknown body kind");
}

}  // namespace storyline::server
