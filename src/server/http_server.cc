#include "server/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "output/json_writer.h"
#include "server/article_body.h"
#include "store/article_store.h"
#include "util/ascii.h"
#include "util/time.h"

namespace storyline::server {
namespace {

using Json = nlohmann::json;

std::string Dump(const Json& j) {
  // Replace, never throw, on bytes that are not UTF-8 (all input is checked,
  // but an error message may quote a header).
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// '<', '>' and '&' occur in JSON only inside strings, where \u escapes mean
// the same: a response read as HTML by mistake can carry no markup.
std::string EscapeMarkup(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

// REQUIRES: `body` went through EscapeMarkup().
void SendEscapedJson(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void SendJson(httplib::Response& res, int status, const std::string& raw) {
  SendEscapedJson(res, status, EscapeMarkup(raw));
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  SendJson(res, status, Dump(Json{{"error", message}}));
}

void SendError(httplib::Response& res, const Status& status) {
  SendError(res, HttpStatusOf(status), status.message());
}

bool IsLoopback(const std::string& addr) {
  return addr.rfind("127.", 0) == 0 || addr == "::1" || addr.rfind("::ffff:127.", 0) == 0;
}

// Constant-time comparison, so a token cannot be guessed a byte at a time.
bool SameSecret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

// A decimal number of at most 9 digits, nothing else.
std::optional<std::size_t> ParseCount(const std::string& s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  std::size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::size_t>(c - '0');
  }
  return v;
}

std::string StoryJson(const Story& story) {
  std::ostringstream out;
  output::WriteStoryJson(story, out);
  std::string s = out.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Story filters of GET /stories.
struct StoryQuery {
  std::size_t limit = 20, offset = 0;
  std::optional<UnixSeconds> since, until;
  std::string lang, outlet;
  std::string text;  // q: plain words for the full-text search; blank: none

  bool Matches(const SnapshotStory& s) const {
    const Story& story = *s.story;
    if (since && (!story.last_seen || *story.last_seen < *since)) return false;
    if (until && (!story.first_seen || *story.first_seen > *until)) return false;
    if (!lang.empty() && !std::binary_search(s.langs.begin(), s.langs.end(), lang)) return false;
    if (!outlet.empty() &&
        std::find(story.outlets.begin(), story.outlets.end(), outlet) == story.outlets.end()) {
      return false;
    }
    return true;
  }
};

Result<StoryQuery> ParseStoryQuery(const httplib::Request& req) {
  StoryQuery q;
  if (req.has_param("limit")) {
    auto v = ParseCount(req.get_param_value("limit"));
    if (!v || *v < 1 || *v > 200) return Status::InvalidInput("limit must be 1 to 200");
    q.limit = *v;
  }
  if (req.has_param("offset")) {
    auto v = ParseCount(req.get_param_value("offset"));
    if (!v) return Status::InvalidInput("offset must be a number");
    q.offset = *v;
  }
  for (const char* key : {"since", "until"}) {
    if (!req.has_param(key)) continue;
    auto t = ParseIsoTime(req.get_param_value(key));
    if (!t) return Status::InvalidInput(std::string(key) + " must be an ISO 8601 time");
    (std::string_view(key) == "since" ? q.since : q.until) = t;
  }
  q.lang = req.get_param_value("lang");
  q.outlet = req.get_param_value("outlet");
  q.text = req.get_param_value("q");
  return q;
}

// Seconds from a write's Cache-Control: max-age=N; nullopt when absent.
Result<std::optional<UnixSeconds>> ParseMaxAge(const std::string& cache_control) {
  std::string v = AsciiLowered(cache_control);
  std::size_t at = v.find("max-age=");
  if (at == std::string::npos) return std::optional<UnixSeconds>();
  std::string digits;
  for (std::size_t i = at + 8; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) digits += v[i];
  auto n = ParseCount(digits);
  if (!n) return Status::InvalidInput("Cache-Control max-age must be a number of seconds");
  return std::optional<UnixSeconds>(static_cast<UnixSeconds>(*n));
}

// When a write expires: now plus its Cache-Control max-age; nullopt when it
// has none.
Result<std::optional<UnixSeconds>> ExpiryOf(const httplib::Request& req) {
  auto max_age = ParseMaxAge(req.get_header_value("Cache-Control"));
  if (!max_age.ok() || !*max_age) return max_age;
  UnixSeconds now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
  return std::optional<UnixSeconds>(now + **max_age);
}

constexpr std::array<std::pair<const char*, const char*>, 3> kStaticFiles = {{
    {"index.html", "text/html; charset=utf-8"},
    {"app.js", "text/javascript; charset=utf-8"},
    {"style.css", "text/css; charset=utf-8"},
}};

}  // namespace

int HttpStatusOf(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidInput:
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kIoError:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

struct HttpServer::Impl {
  StoryService* service;
  HttpOptions options;
  httplib::Server http;

  // Wraps a handler: times it into the route's histogram.
  httplib::Server::Handler Timed(Route route, httplib::Server::Handler handler) {
    return [this, route, handler](const httplib::Request& req, httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      handler(req, res);
      std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      service->metrics().ObserveRequest(route, took.count());
    };
  }

  // True when the request may write; otherwise the error is sent.
  bool MayWrite(const httplib::Request& req, httplib::Response& res) {
    if (!options.write_token.empty()) {
      std::string auth = req.get_header_value("Authorization");
      if (auth.empty()) {
        res.set_header("WWW-Authenticate", "Bearer");
        SendError(res, 401, "writes need Authorization: Bearer <token>");
        return false;
      }
      if (!SameSecret(auth, "Bearer " + options.write_token)) {
        SendError(res, 403, "wrong write token");
        return false;
      }
      return true;
    }
    if (!IsLoopback(req.remote_addr)) {
      SendError(res, 403, "this server takes writes from loopback only (it has no write token)");
      return false;
    }
    return true;
  }

  void PostArticles(const httplib::Request& req, httplib::Response& res) {
    if (!MayWrite(req, res)) return;
    auto kind = BodyKindOf(req.get_header_value("Content-Type"));
    if (!kind) {
      SendError(res, 415,
                "Content-Type must be application/json, application/x-ndjson or text/html");
      return;
    }
    auto expiry = ExpiryOf(req);
    if (!expiry.ok()) return SendError(res, expiry.status());
    std::optional<UnixSeconds> expires = *expiry;
    HtmlHeaders html{.url = req.get_header_value("X-Article-URL"),
                     .id = req.get_header_value("X-Article-ID"),
                     .source = req.get_header_value("X-Article-Source"),
                     .published = req.get_header_value("X-Article-Published")};
    auto body = ParseArticleBody(*kind, req.body, html, options.max_json_depth);
    if (!body.ok()) {
      service->metrics().CountRejected(1);
      return SendError(res, body.status());
    }
    Json errors = Json::array();
    for (const auto& e : body->errors) {
      errors.push_back({{"line", e.line}, {"error", e.why.message()}});
    }
    service->metrics().CountRejected(body->errors.size());
    if (body->articles.empty()) {
      SendJson(res, 400, Dump(Json{{"error", "no article in the body"}, {"errors", errors}}));
      return;
    }
    std::vector<std::size_t> lines = body->lines;
    SubmitResult result = service->Submit(std::move(body->articles), expires);
    if (!result.status.ok()) return SendError(res, result.status);
    // One article sent alone and refused: its refusal is the answer.
    if (*kind != BodyKind::kJsonLines && !result.refused.empty()) {
      return SendError(res, result.refused.front().why);
    }
    for (const auto& r : result.refused) {
      errors.push_back({{"line", lines[r.index]}, {"error", r.why.message()}});
    }
    Json added = Json::array();
    for (const auto& a : result.added) added.push_back({{"id", a.id}, {"story", a.story}});
    SendJson(res, 200, Dump(Json{{"articles", added}, {"errors", errors}}));
  }

  // PUT /articles/{id}: one article in any of POST's single-article forms
  // (not JSON lines); the id in the path is the article's id, whatever the
  // body says. Creates it, or replaces the stored one in the same commit.
  void PutArticle(const httplib::Request& req, httplib::Response& res) {
    if (!MayWrite(req, res)) return;
    auto kind = BodyKindOf(req.get_header_value("Content-Type"));
    if (!kind || *kind == BodyKind::kJsonLines) {
      SendError(res, 415, "Content-Type must be application/json or text/html");
      return;
    }
    auto expiry = ExpiryOf(req);
    if (!expiry.ok()) return SendError(res, expiry.status());
    std::optional<UnixSeconds> expires = *expiry;
    const std::string id = req.matches[1];
    HtmlHeaders html{.url = req.get_header_value("X-Article-URL"),
                     .id = id,
                     .source = req.get_header_value("X-Article-Source"),
                     .published = req.get_header_value("X-Article-Published")};
    auto body = ParseArticleBody(*kind, req.body, html, options.max_json_depth);
    if (!body.ok()) {
      service->metrics().CountRejected(1);
      return SendError(res, body.status());
    }
    if (body->articles.size() != 1) {
      return SendError(res, !body->errors.empty() ? body->errors.front().why
                                                  : Status::InvalidInput("no article in the body"));
    }
    body->articles.front().id = id;
    SubmitResult result = service->Replace(std::move(body->articles.front()), expires);
    if (!result.status.ok()) return SendError(res, result.status);
    if (!result.refused.empty()) return SendError(res, result.refused.front().why);
    Json added = Json::array();
    for (const auto& a : result.added) added.push_back({{"id", a.id}, {"story", a.story}});
    SendJson(res, 200, Dump(Json{{"articles", added}, {"errors", Json::array()}}));
  }

  void DeleteArticle(const httplib::Request& req, httplib::Response& res) {
    if (!MayWrite(req, res)) return;
    const std::string id = req.matches[1];
    Status s = service->Remove(id);
    if (!s.ok()) return SendError(res, s);
    SendJson(res, 200, Dump(Json{{"id", id}, {"deleted", true}}));
  }

  void GetStories(const httplib::Request& req, httplib::Response& res) {
    auto query = ParseStoryQuery(req);
    if (!query.ok()) return SendError(res, query.status());
    auto snapshot = service->snapshot();
    if (req.params.empty()) {
      SendEscapedJson(res, 200, snapshot->FrontPage([&] {
        return EscapeMarkup(StoriesPage(*snapshot, *query, nullptr));
      }));
      return;
    }
    if (store::MatchExpression(query->text).empty()) {
      SendJson(res, 200, StoriesPage(*snapshot, *query, nullptr));
      return;
    }
    auto matches = service->SearchStories(*snapshot, query->text);
    if (!matches.ok()) return SendError(res, matches.status());
    std::vector<std::size_t> ranks;
    ranks.reserve(matches->size());
    for (const StoryMatch& m : *matches) ranks.push_back(m.rank);
    SendJson(res, 200, StoriesPage(*snapshot, *query, &ranks));
  }

  // The page of stories that pass `query`'s filters, taken from `ranks`
  // (indexes into snapshot.ranked, in the order to show) or, when null, from
  // every story in rank order.
  static std::string StoriesPage(const Snapshot& snapshot, const StoryQuery& query,
                                 const std::vector<std::size_t>* ranks) {
    std::size_t total = 0;
    std::string stories;
    std::size_t n = ranks ? ranks->size() : snapshot.ranked.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t rank = ranks ? (*ranks)[i] : i;
      if (!query.Matches(snapshot.ranked[rank])) continue;
      if (total >= query.offset && total < query.offset + query.limit) {
        if (!stories.empty()) stories += ",\n";
        stories += StoryJson(*snapshot.StoryAt(rank));
      }
      ++total;
    }
    return "{\"version\": " + std::to_string(snapshot.version) +
           ", \"total\": " + std::to_string(total) +
           ", \"offset\": " + std::to_string(query.offset) +
           ", \"limit\": " + std::to_string(query.limit) + ", \"stories\": [\n" + stories + "]}\n";
  }

  void GetStory(const httplib::Request& req, httplib::Response& res) {
    auto snapshot = service->snapshot();
    auto rank = service->FindStory(*snapshot, req.matches[1]);
    if (!rank) return SendError(res, 404, "no story with id " + std::string(req.matches[1]));
    SendJson(res, 200, StoryJson(*snapshot->StoryAt(*rank)) + "\n");
  }

  void GetArticle(const httplib::Request& req, httplib::Response& res) {
    auto view = service->GetArticle(req.matches[1]);
    if (!view.ok()) return SendError(res, view.status());
    const Article& a = view->stored.article;
    Json j = {{"id", a.id},           {"url", a.url},     {"source", a.source},
              {"title", a.title},     {"text", a.text},   {"lang", a.lang},
              {"published", nullptr}, {"story", nullptr}, {"expires", nullptr}};
    if (a.published) j["published"] = FormatIsoTime(*a.published);
    if (view->stored.expires) j["expires"] = FormatIsoTime(*view->stored.expires);
    if (!view->story.empty()) j["story"] = view->story;
    SendJson(res, 200, Dump(j));
  }

  void Health(const httplib::Request&, httplib::Response& res) {
    auto snapshot = service->snapshot();
    SendJson(res, 200,
             Dump(Json{{"status", "ok"},
                       {"articles", snapshot->articles},
                       {"stories", snapshot->ranked.size()},
                       {"version", snapshot->version}}));
  }

  void MetricsText(const httplib::Request&, httplib::Response& res) {
    auto snapshot = service->snapshot();
    res.set_content(service->metrics().Render({.articles = snapshot->articles,
                                               .stories = snapshot->ranked.size(),
                                               .version = snapshot->version}),
                    "text/plain; version=0.0.4; charset=utf-8");
  }

  // Only names of kStaticFiles reach here (the route says so); the path is
  // never built from request bytes beyond that choice.
  void StaticFile(const std::string& name, httplib::Response& res) {
    for (const auto& [file, type] : kStaticFiles) {
      if (name != file) continue;
      std::ifstream in(std::filesystem::path(options.web_dir) / file, std::ios::binary);
      if (options.web_dir.empty() || !in) break;
      std::ostringstream bytes;
      bytes << in.rdbuf();
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Cache-Control", "no-cache");
      res.set_content(bytes.str(), type);
      return;
    }
    SendError(res, 404, "no such file: " + name);
  }

  void Routes() {
    http.Get("/healthz", Timed(Route::kHealth, [this](const auto& q, auto& r) { Health(q, r); }));
    http.Get("/metrics",
             Timed(Route::kOther, [this](const auto& q, auto& r) { MetricsText(q, r); }));
    http.Get("/stories",
             Timed(Route::kStories, [this](const auto& q, auto& r) { GetStories(q, r); }));
    http.Get(R"(/stories/([^/]+))",
             Timed(Route::kStory, [this](const auto& q, auto& r) { GetStory(q, r); }));
    http.Get(R"(/articles/([^/]+))",
             Timed(Route::kArticle, [this](const auto& q, auto& r) { GetArticle(q, r); }));
    http.Post("/articles",
              Timed(Route::kPost, [this](const auto& q, auto& r) { PostArticles(q, r); }));
    http.Put(R"(/articles/([^/]+))",
             Timed(Route::kPost, [this](const auto& q, auto& r) { PutArticle(q, r); }));
    http.Delete(R"(/articles/([^/]+))",
                Timed(Route::kOther, [this](const auto& q, auto& r) { DeleteArticle(q, r); }));
    http.Get("/",
             Timed(Route::kStatic, [this](const auto&, auto& r) { StaticFile("index.html", r); }));
    http.Get(
        R"(/(index\.html|app\.js|style\.css))",
        Timed(Route::kStatic, [this](const auto& q, auto& r) { StaticFile(q.matches[1], r); }));

    // Statuses httplib sets by itself (404 for no route, 413 for a body over
    // the limit, 400 for a bad request line) get a JSON error too.
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      std::string what = res.status == 404   ? "not found"
                         : res.status == 413 ? "request body too large"
                         : res.status == 405
                             ? "method not allowed"
                             : "request refused (HTTP " + std::to_string(res.status) + ")";
      SendError(res, res.status, what);
    });
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                                  std::exception_ptr) { SendError(res, 500, "internal error"); });
  }
};

HttpServer::HttpServer(StoryService* service, HttpOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->service = service;
  impl_->options = std::move(options);
  auto& http = impl_->http;
  int threads = std::max(2, impl_->options.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(impl_->options.max_body_bytes);
  http.set_read_timeout(impl_->options.read_timeout);
  http.set_write_timeout(impl_->options.write_timeout);
  http.set_keep_alive_timeout(impl_->options.keep_alive_timeout.count());
  http.set_keep_alive_max_count(10000);
  // httplib writes an answer's head and body separately: with Nagle's
  // algorithm the body waited for the client's delayed ACK, 40 ms a request.
  http.set_tcp_nodelay(true);
  impl_->Routes();
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind() {
  const HttpOptions& o = impl_->options;
  int port = o.port;
  if (port == 0) {
    port = impl_->http.bind_to_any_port(o.bind);
    if (port < 0) return Status::IoError("cannot bind " + o.bind);
  } else if (!impl_->http.bind_to_port(o.bind, port)) {
    return Status::IoError("cannot bind " + o.bind + ":" + std::to_string(port));
  }
  return port;
}

void HttpServer::Run() { impl_->http.listen_after_bind(); }

void HttpServer::Stop() { impl_->http.stop(); }

}  // namespace storyline::server
