// The pieces of an HTTP exchange that HttpServer's handlers work with (internal to
// server/http_server.cc; nothing else should include it): the Request as
// the handlers see it and the Response they fill, the JSON answers and
// errors (escaped so that no answer can carry markup), and the reading of
// what a request says: its query string, the {id} of its path, the filters
// of GET /stories, the expiry of a write and whether gzip is accepted.
//
//   Request req;
//   req.params = ParseQuery("/stories?limit=5&q=harbour");
//   auto query = ParseStoryQuery(req);
//   if (!query.ok()) return SendError(res, query.status());  // 400
//   SendJson(res, 200, Dump(Json{{"total", 0}}));
//
// Thread-safety: pure functions; a Request or Response belongs to the one
// request it is for.
#ifndef STORYLINE_SERVER_HTTP_REQUEST_H_
#define STORYLINE_SERVER_HTTP_REQUEST_H_

#include <algorithm>
#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/snapshot.h"
#include "store/article_store.h"
#include "storyline/status.h"
#include "util/ascii.h"
#include "util/time.h"

namespace storyline::server::http_internal {

using Json = nlohmann::json;

// One request as the handlers see it: what libmicrohttpd parsed, the body,
// and the route's {id}.
struct Request {
  std::string method;
  std::string path;   // percent-decoded
  std::string match;  // the {id} segment of /stories/{id} and /articles/{id}
  std::vector<std::pair<std::string, std::string>> params;   // query, decoded
  std::vector<std::pair<std::string, std::string>> headers;  // as sent
  std::string remote_addr;
  std::string body;

  // The header's value ("" when absent); names are case-insensitive.
  std::string Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (AsciiLowered(k) == AsciiLowered(name)) return v;
    }
    return "";
  }
  bool HasParam(std::string_view key) const {
    return std::any_of(params.begin(), params.end(), [&](const auto& p) { return p.first == key; });
  }
  // The first value of the query parameter ("" when absent).
  std::string Param(std::string_view key) const {
    for (const auto& [k, v] : params) {
      if (k == key) return v;
    }
    return "";
  }
};

// The answer a handler fills in, which HttpServer then sends.
struct Response {
  int status = 200;
  std::string body;
  // When set, the body is `shared` instead, bytes that `owner` keeps alive
  // (the front page of a snapshot), sent without a copy.
  std::shared_ptr<const void> owner;
  std::string_view shared;
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  void SetContent(std::string bytes, std::string type) {
    body = std::move(bytes);
    content_type = std::move(type);
  }
};

// `j` as JSON text on one line; bytes that are not UTF-8 are replaced.
std::string Dump(const Json& j);

// '<', '>' and '&' occur in JSON only inside strings, where \u escapes mean
// the same: a response read as HTML by mistake can carry no markup.
std::string EscapeMarkup(const std::string& json);

// Sends the JSON `body`, bytes that `owner` keeps, without copying them, as
// SendJson() sends its own. REQUIRES: `body` went through EscapeMarkup().
void SendSharedJson(Response& res, int status, std::shared_ptr<const void> owner,
                    std::string_view body);

// Whether an Accept-Encoding header value accepts gzip: a "gzip" (or "*")
// coding without q=0 ("gzip, deflate, br"; "gzip;q=0" refuses it).
bool AcceptsGzip(std::string_view header);

// Sends the JSON text `raw` with `status`, escaped by EscapeMarkup(), as
// application/json that is never cached nor sniffed.
void SendJson(Response& res, int status, const std::string& raw);

// Sends {"error": message} with `status`.
void SendError(Response& res, int status, std::string_view message);
// The same, with the status HttpStatusOf() maps `status` to.
void SendError(Response& res, const Status& status);

// Story filters of GET /stories.
struct StoryQuery {
  std::size_t limit = 20, offset = 0;
  std::optional<UnixSeconds> since, until;
  std::string lang, outlet;
  std::string text;  // q: plain words for the full-text search; blank: none

  bool Matches(const SnapshotStory& s) const {
    if (since && (!s.last_seen() || *s.last_seen() < *since)) return false;
    if (until && (!s.first_seen() || *s.first_seen() > *until)) return false;
    if (!lang.empty() && !std::binary_search(s.langs->begin(), s.langs->end(), lang)) return false;
    if (!outlet.empty() &&
        std::find(s.outlets().begin(), s.outlets().end(), outlet) == s.outlets().end()) {
      return false;
    }
    return true;
  }

  // Whether this asks for the front page: the default page, unfiltered
  // (however written: no parameters, or "?limit=20&offset=0" as the web
  // page asks).
  bool IsFrontPage() const {
    const StoryQuery defaults;
    return limit == defaults.limit && offset == 0 && !since && !until && lang.empty() &&
           outlet.empty() && store::MatchExpression(text).empty();
  }
};

// The filters of GET /stories from the query's limit, offset, since, until,
// lang, outlet and q. kInvalidInput (400) for a limit not 1 to 200, an
// offset not a number, or a since or until not an ISO 8601 time.
Result<StoryQuery> ParseStoryQuery(const Request& req);

// When a write expires: now plus its Cache-Control max-age; nullopt when it
// has none.
Result<std::optional<UnixSeconds>> ExpiryOf(const Request& req);

// The parameters of the query string of `uri` (after "?"), in order.
std::vector<std::pair<std::string, std::string>> ParseQuery(std::string_view uri);

// The {id} when `path` is `prefix` followed by one non-empty segment.
std::optional<std::string> SegmentAfter(std::string_view path, std::string_view prefix);

}  // namespace storyline::server::http_internal

#endif  // STORYLINE_SERVER_HTTP_REQUEST_H_
