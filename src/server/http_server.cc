#include "server/http_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "ingest/gzip.h"
#include "output/json_writer.h"
#include "server/article_body.h"
#include "server/http_request.h"
#include "server/mhd_api.h"
#include "store/article_store.h"
#include "util/ascii.h"
#include "util/time.h"

namespace storyline::server {
namespace {

using Json = nlohmann::json;

using http_internal::AcceptsGzip;
using http_internal::Dump;
using http_internal::EscapeMarkup;
using http_internal::ExpiryOf;
using http_internal::Mhd;
using http_internal::ParseQuery;
using http_internal::ParseStoryQuery;
using http_internal::Request;
using http_internal::Response;
using http_internal::SegmentAfter;
using http_internal::SendError;
using http_internal::SendJson;
using http_internal::SendSharedJson;
using http_internal::StoryQuery;

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

// A list (GET /stories) carries each story's brief but only its first
// kListArticles articles: a story of a hundred articles would otherwise make
// its list entry mostly links, and the front page several times larger (and
// slower to send and to read). GET /stories/{id} lists them all; `size`
// counts them all.
constexpr std::size_t kListArticles = 5;

std::string StoryJson(const Story& story,
                      std::size_t max_articles = std::numeric_limits<std::size_t>::max()) {
  std::ostringstream out;
  output::WriteStoryJson(story, out, max_articles);
  std::string s = out.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
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

namespace {

// A fixed set of threads running queued jobs in order: the requests that may
// block (writes wait for their group commit; searches and article reads
// query SQLite), so that the event threads never wait.
class WorkQueue {
 public:
  explicit WorkQueue(int threads) {
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this] {
        pthread_setname_np(pthread_self(), "sl-worker");  // for top -H and perf
        Loop();
      });
    }
  }
  ~WorkQueue() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();  // runs what was queued first
  }
  void Post(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

 private:
  void Loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }
  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;  // GUARDED_BY(mu_)
  bool stopping_ = false;                   // GUARDED_BY(mu_)
  std::vector<std::thread> threads_;
};

using Handler = std::function<void(const Request&, Response&)>;
// A write's handler answers later, from the thread that learns the outcome:
// it calls `finish` once, when `res` holds the answer.
using Finish = std::function<void()>;
using WriteHandler = std::function<void(const Request&, Response&, Finish)>;

// Where a request is answered: on the event thread that read it (cheap reads
// of the snapshot), or by the work queue (anything that may block).
enum class Where { kEventThread, kWorker };

struct Dispatch {
  Route route = Route::kOther;
  Where where = Where::kEventThread;
  Handler handler;      // empty (and no writer): `res` already holds the answer (404, 405)
  WriteHandler writer;  // on a worker, instead of `handler`
};

// What one connection's current request has gathered, from its first
// callback to its completion.
struct Exchange {
  std::string uri;       // as sent, for the query string
  bool started = false;  // the first callback (headers only) has been seen
  Request req;
  Response res;
  bool too_large = false;  // the body passed the limit: answered 413 once read
  bool answered = false;   // `res` is final (a worker finished)
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  Route route = Route::kOther;
};

MHD_Result CollectValue(void* into, MHD_ValueKind, const char* key, const char* value) {
  static_cast<std::vector<std::pair<std::string, std::string>>*>(into)->emplace_back(
      key ? key : "", value ? value : "");
  return MHD_YES;
}

std::string AddressOf(const sockaddr* addr) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr == nullptr) return "";
  if (addr->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, text, sizeof text);
  } else if (addr->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, text, sizeof text);
  }
  return text;
}

}  // namespace

struct HttpServer::Impl {
  StoryService* service;
  HttpOptions options;
  MHD_Daemon* daemon = nullptr;
  std::unique_ptr<WorkQueue> workers;
  std::mutex stop_mu;
  std::condition_variable stop_cv;
  bool stopped = false;  // GUARDED_BY(stop_mu)
  // Set by the destructor: requests still arriving are answered 503 instead
  // of being handed to the workers being drained.
  std::mutex closing_mu;
  bool closing = false;  // GUARDED_BY(closing_mu)
  // Connections suspended and not yet resumed: the destructor waits for
  // them (a write's answer may still come from the ingest thread).
  int suspended = 0;  // GUARDED_BY(closing_mu)
  std::condition_variable resumed;

  // True when the request may write; otherwise the error is sent.
  bool MayWrite(const Request& req, Response& res) {
    if (!options.write_token.empty()) {
      std::string auth = req.Header("Authorization");
      if (auth.empty()) {
        res.SetHeader("WWW-Authenticate", "Bearer");
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

  // A write's body as sent, or decompressed when it came with
  // `Content-Encoding: gzip` (a JSONL batch shrinks several times), at most
  // max_body_bytes either way. Null, with the error in `res`, for another
  // encoding (415), a decompressed body over the limit (413) or bytes that
  // are not gzip (400). `scratch` holds a decompressed body.
  const std::string* DecodedBody(const Request& req, Response& res, std::string* scratch) {
    const std::string encoding = AsciiLowered(TrimBlanks(req.Header("Content-Encoding")));
    if (encoding.empty() || encoding == "identity") return &req.body;
    if (encoding != "gzip" && encoding != "x-gzip") {
      SendError(res, 415, "Content-Encoding " + encoding + " is not supported (gzip is)");
      return nullptr;
    }
    ingest::GzipReader gz(std::string_view(req.body));
    bool over_limit = false;
    Status s = ingest::ReadAll(&gz, options.max_body_bytes, scratch, &over_limit);
    if (s.ok()) return scratch;
    if (over_limit) {
      SendError(res, 413,
                "request body too large (limit " + std::to_string(options.max_body_bytes) +
                    " bytes, decompressed)");
    } else {
      SendError(res, 400, "body is not valid gzip: " + s.message());
    }
    return nullptr;
  }

  // A write's body as articles (POST and PUT): HTML pages take their
  // metadata from the X-Article-* headers and `html_id` as their id. A body
  // that cannot be read counts as one rejected article.
  Result<ArticleBody> ParseWriteBody(const Request& req, std::string_view bytes, BodyKind kind,
                                     std::string html_id) {
    HtmlHeaders html{.url = req.Header("X-Article-URL"),
                     .id = std::move(html_id),
                     .source = req.Header("X-Article-Source"),
                     .published = req.Header("X-Article-Published")};
    auto body = ParseArticleBody(kind, bytes, html, options.max_json_depth);
    if (!body.ok()) service->metrics().CountRejected(1);
    return body;
  }

  // The "articles" of a write's answer: each added id and its story.
  static Json AddedJson(const SubmitResult& result) {
    Json added = Json::array();
    for (const auto& a : result.added) added.push_back({{"id", a.id}, {"story", a.story}});
    return added;
  }

  void PostArticles(const Request& req, Response& res, Finish finish) {
    if (!MayWrite(req, res)) return finish();
    auto kind = BodyKindOf(req.Header("Content-Type"));
    if (!kind) {
      SendError(res, 415,
                "Content-Type must be application/json, application/x-ndjson or text/html");
      return finish();
    }
    auto expiry = ExpiryOf(req);
    if (!expiry.ok()) return SendError(res, expiry.status()), finish();
    std::string scratch;
    const std::string* bytes = DecodedBody(req, res, &scratch);
    if (bytes == nullptr) return finish();
    auto body = ParseWriteBody(req, *bytes, *kind, req.Header("X-Article-ID"));
    if (!body.ok()) return SendError(res, body.status()), finish();
    Json errors = Json::array();
    for (const auto& e : body->errors) {
      errors.push_back({{"line", e.line}, {"error", e.why.message()}});
    }
    service->metrics().CountRejected(body->errors.size());
    if (body->articles.empty()) {
      SendJson(res, 400, Dump(Json{{"error", "no article in the body"}, {"errors", errors}}));
      return finish();
    }
    const bool alone = *kind != BodyKind::kJsonLines;
    service->SubmitAsync(
        std::move(body->articles), *expiry,
        [&res, alone, lines = std::move(body->lines), errors = std::move(errors),
         finish = std::move(finish)](SubmitResult result) mutable {
          Reply(res, finish, [&] {
            if (!result.status.ok()) return SendError(res, result.status);
            // One article sent alone and refused: its refusal is the answer.
            if (alone && !result.refused.empty()) {
              return SendError(res, result.refused.front().why);
            }
            for (const auto& r : result.refused) {
              errors.push_back({{"line", lines[r.index]}, {"error", r.why.message()}});
            }
            SendJson(res, 200, Dump(Json{{"articles", AddedJson(result)}, {"errors", errors}}));
          });
        });
  }

  // PUT /articles/{id}: one article in any of POST's single-article forms
  // (not JSON lines); the id in the path is the article's id, whatever the
  // body says. Creates it, or replaces the stored one in the same commit.
  void PutArticle(const Request& req, Response& res, Finish finish) {
    if (!MayWrite(req, res)) return finish();
    auto kind = BodyKindOf(req.Header("Content-Type"));
    if (!kind || *kind == BodyKind::kJsonLines) {
      SendError(res, 415, "Content-Type must be application/json or text/html");
      return finish();
    }
    auto expiry = ExpiryOf(req);
    if (!expiry.ok()) return SendError(res, expiry.status()), finish();
    const std::string id = req.match;
    std::string scratch;
    const std::string* bytes = DecodedBody(req, res, &scratch);
    if (bytes == nullptr) return finish();
    auto body = ParseWriteBody(req, *bytes, *kind, id);
    if (!body.ok()) return SendError(res, body.status()), finish();
    if (body->articles.size() != 1) {
      SendError(res, !body->errors.empty() ? body->errors.front().why
                                           : Status::InvalidInput("no article in the body"));
      return finish();
    }
    body->articles.front().id = id;
    service->ReplaceAsync(
        std::move(body->articles.front()), *expiry,
        [&res, finish = std::move(finish)](SubmitResult result) {
          Reply(res, finish, [&] {
            if (!result.status.ok()) return SendError(res, result.status);
            if (!result.refused.empty()) {
              return SendError(res, result.refused.front().why);
            }
            SendJson(res, 200,
                     Dump(Json{{"articles", AddedJson(result)}, {"errors", Json::array()}}));
          });
        });
  }

  void DeleteArticle(const Request& req, Response& res, Finish finish) {
    if (!MayWrite(req, res)) return finish();
    service->RemoveAsync(req.match,
                         [&res, id = req.match, finish = std::move(finish)](SubmitResult result) {
                           Reply(res, finish, [&] {
                             if (!result.status.ok()) return SendError(res, result.status);
                             SendJson(res, 200, Dump(Json{{"id", id}, {"deleted", true}}));
                           });
                         });
  }

  // Fills `res` by `fill` and calls `finish`, whatever happens: an
  // exception is a 500 (this runs on the ingest thread, which must go on).
  template <typename Fill>
  static void Reply(Response& res, const Finish& finish, Fill fill) {
    try {
      fill();
    } catch (const std::exception&) {
      res = Response();
      SendError(res, 500, "internal error");
    }
    finish();
  }

  // The answer to GET /stories with no parameters, made once a snapshot.
  static const std::string& MakeFrontPage(const Snapshot& snapshot) {
    return snapshot.FrontPage([&] {
      // Fails only on a packed brief that cannot be read, and the first
      // page's briefs are kept whole; were one unreadable, the page says so.
      Result<std::string> page = StoriesPage(snapshot, StoryQuery{}, nullptr);
      return EscapeMarkup(page.ok() ? *page : Dump(Json{{"error", page.status().message()}}));
    });
  }
  // The same, gzip-compressed (empty when compressing failed).
  static const std::string& MakeFrontPageGzip(const Snapshot& snapshot) {
    return snapshot.FrontPageGzip([&] { return ingest::GzipCompress(MakeFrontPage(snapshot)); });
  }

  void GetStories(const Request& req, Response& res) {
    auto query = ParseStoryQuery(req);
    if (!query.ok()) return SendError(res, query.status());
    auto snapshot = service->snapshot();
    if (query->IsFrontPage()) {
      // The page is made once a snapshot, plain and gzipped (by the
      // publisher, as it publishes it) and sent from the snapshot itself:
      // gzipped it is about a quarter of the bytes to send and to read.
      const std::string& gzipped = MakeFrontPageGzip(*snapshot);
      if (!gzipped.empty() && AcceptsGzip(req.Header("Accept-Encoding"))) {
        SendSharedJson(res, 200, snapshot, gzipped);
        res.SetHeader("Content-Encoding", "gzip");
      } else {
        SendSharedJson(res, 200, snapshot, MakeFrontPage(*snapshot));
      }
      res.SetHeader("Vary", "Accept-Encoding");
      return;
    }
    if (store::MatchExpression(query->text).empty()) {
      Result<std::string> page = StoriesPage(*snapshot, *query, nullptr);
      if (!page.ok()) return SendError(res, page.status());
      SendJson(res, 200, *page);
      return;
    }
    auto matches = service->SearchStories(*snapshot, query->text);
    if (!matches.ok()) return SendError(res, matches.status());
    std::vector<std::size_t> ranks;
    ranks.reserve(matches->size());
    for (const StoryMatch& m : *matches) ranks.push_back(m.rank);
    Result<std::string> page = StoriesPage(*snapshot, *query, &ranks);
    if (!page.ok()) return SendError(res, page.status());
    SendJson(res, 200, *page);
  }

  // The page of stories that pass `query`'s filters, taken from `ranks`
  // (indexes into snapshot.ranked, in the order to show) or, when null, from
  // every story in rank order. Fails when a packed brief cannot be read.
  static Result<std::string> StoriesPage(const Snapshot& snapshot, const StoryQuery& query,
                                         const std::vector<std::size_t>* ranks) {
    std::size_t total = 0;
    std::string stories;
    std::size_t n = ranks ? ranks->size() : snapshot.ranked.size();
    for (std::size_t i = 0; i < n; ++i) {
      std::size_t rank = ranks ? (*ranks)[i] : i;
      if (!query.Matches(snapshot.ranked[rank])) continue;
      if (total >= query.offset && total < query.offset + query.limit) {
        auto story = snapshot.StoryAt(rank);
        if (!story.ok()) return story.status();
        if (!stories.empty()) stories += ",\n";
        stories += StoryJson(**story, kListArticles);
      }
      ++total;
    }
    return "{\"version\": " + std::to_string(snapshot.version) +
           ", \"total\": " + std::to_string(total) +
           ", \"offset\": " + std::to_string(query.offset) +
           ", \"limit\": " + std::to_string(query.limit) + ", \"stories\": [\n" + stories + "]}\n";
  }

  void GetStory(const Request& req, Response& res) {
    auto snapshot = service->snapshot();
    auto rank = service->FindStory(*snapshot, req.match);
    if (!rank) return SendError(res, 404, "no story with id " + req.match);
    auto story = snapshot->StoryAt(*rank);
    if (!story.ok()) return SendError(res, story.status());
    SendJson(res, 200, StoryJson(**story) + "\n");
  }

  void GetArticle(const Request& req, Response& res) {
    auto view = service->GetArticle(req.match);
    if (!view.ok()) return SendError(res, view.status());
    const Article& a = view->stored.article;
    // An HTML page's text is what was extracted from it.
    const std::string& text = a.text.empty() ? view->stored.search_text : a.text;
    Json j = {{"id", a.id},           {"url", a.url},     {"source", a.source},
              {"title", a.title},     {"text", text},     {"lang", a.lang},
              {"published", nullptr}, {"story", nullptr}, {"expires", nullptr}};
    if (a.published) j["published"] = FormatIsoTime(*a.published);
    if (view->stored.expires) j["expires"] = FormatIsoTime(*view->stored.expires);
    if (!view->story.empty()) j["story"] = view->story;
    SendJson(res, 200, Dump(j));
  }

  void Health(const Request&, Response& res) {
    auto snapshot = service->snapshot();
    SendJson(res, 200,
             Dump(Json{{"status", "ok"},
                       {"articles", snapshot->articles},
                       {"stories", snapshot->ranked.size()},
                       {"version", snapshot->version}}));
  }

  void MetricsText(const Request&, Response& res) {
    auto snapshot = service->snapshot();
    res.SetContent(service->metrics().Render({.articles = snapshot->articles,
                                              .stories = snapshot->ranked.size(),
                                              .version = snapshot->version}),
                   "text/plain; version=0.0.4; charset=utf-8");
  }

  // Only names of kStaticFiles reach here (the route says so); the path is
  // never built from request bytes beyond that choice.
  void StaticFile(const std::string& name, Response& res) {
    for (const auto& [file, type] : kStaticFiles) {
      if (name != file) continue;
      std::ifstream in(std::filesystem::path(options.web_dir) / file, std::ios::binary);
      if (options.web_dir.empty() || !in) break;
      std::ostringstream bytes;
      bytes << in.rdbuf();
      res.SetHeader("X-Content-Type-Options", "nosniff");
      res.SetHeader("Cache-Control", "no-cache");
      res.SetContent(bytes.str(), type);
      return;
    }
    SendError(res, 404, "no such file: " + name);
  }

  // Chooses the handler of `req` (setting req.match); for no route, the
  // answer (404, or 405 with Allow) is left in `res` and the handler empty.
  Dispatch Choose(Request& req, Response& res) {
    const std::string& m = req.method;
    const bool get = m == "GET" || m == "HEAD";
    auto on = [&](Route route, Where where, Handler h) {
      return Dispatch{route, where, std::move(h), nullptr};
    };
    auto write = [&](Route route, WriteHandler h) {
      return Dispatch{route, Where::kWorker, nullptr, std::move(h)};
    };
    auto not_allowed = [&](const char* allow) {
      res.SetHeader("Allow", allow);
      SendError(res, 405, m + " is not allowed on " + req.path + " (allowed: " + allow + ")");
      return Dispatch{};
    };
    const std::string& path = req.path;
    if (path == "/healthz" || path == "/metrics" || path == "/stories") {
      if (!get) return not_allowed("GET, HEAD");
      if (path == "/healthz")
        return on(Route::kHealth, Where::kEventThread, [this](auto& q, auto& r) { Health(q, r); });
      if (path == "/metrics")
        return on(Route::kOther, Where::kEventThread,
                  [this](auto& q, auto& r) { MetricsText(q, r); });
      // A search queries SQLite; the other pages come from the snapshot.
      Where where =
          store::MatchExpression(req.Param("q")).empty() ? Where::kEventThread : Where::kWorker;
      return on(Route::kStories, where, [this](auto& q, auto& r) { GetStories(q, r); });
    }
    if (auto id = SegmentAfter(path, "/stories/")) {
      if (!get) return not_allowed("GET, HEAD");
      req.match = *id;
      return on(Route::kStory, Where::kEventThread, [this](auto& q, auto& r) { GetStory(q, r); });
    }
    if (path == "/articles") {
      if (m != "POST") return not_allowed("POST");
      return write(Route::kPost,
                   [this](auto& q, auto& r, Finish f) { PostArticles(q, r, std::move(f)); });
    }
    if (auto id = SegmentAfter(path, "/articles/")) {
      req.match = *id;
      if (get)
        return on(Route::kArticle, Where::kWorker, [this](auto& q, auto& r) { GetArticle(q, r); });
      if (m == "PUT") {
        return write(Route::kPost,
                     [this](auto& q, auto& r, Finish f) { PutArticle(q, r, std::move(f)); });
      }
      if (m == "DELETE") {
        return write(Route::kOther,
                     [this](auto& q, auto& r, Finish f) { DeleteArticle(q, r, std::move(f)); });
      }
      return not_allowed("GET, HEAD, PUT, DELETE");
    }
    std::string file = path == "/" ? "index.html" : path.substr(1);
    for (const auto& [name, type] : kStaticFiles) {
      if (file != name) continue;
      if (!get) return not_allowed("GET, HEAD");
      return on(Route::kStatic, Where::kEventThread,
                [this, file](auto&, auto& r) { StaticFile(file, r); });
    }
    SendError(res, 404, "not found: " + path);
    return Dispatch{};
  }

  // Runs a handler; an exception is a 500, never a dead connection.
  void Answer(const Dispatch& d, Exchange* ex) {
    try {
      d.handler(ex->req, ex->res);
    } catch (const std::exception&) {
      ex->res = Response();
      SendError(ex->res, 500, "internal error");
    }
  }

  // Runs `d` on a worker and wakes `connection` once its answer is ready.
  // A write's handler finishes on the ingest thread, after its commit, so
  // no worker waits for the disk.
  void AnswerLater(const Dispatch& d, Exchange* ex, MHD_Connection* connection) {
    auto once = std::make_shared<std::atomic<bool>>(false);
    Finish finish = [this, ex, connection, once] {
      if (once->exchange(true)) return;
      ex->answered = true;
      Mhd().resume_connection(connection);
      std::lock_guard<std::mutex> lock(closing_mu);
      if (--suspended == 0) resumed.notify_all();
    };
    if (!d.writer) {
      Answer(d, ex);
      return finish();
    }
    // A write handler throws only before it hands its write to the service
    // (nothing after that throws), so here no answer is on its way.
    try {
      d.writer(ex->req, ex->res, finish);
    } catch (const std::exception&) {
      if (once->load()) return;
      ex->res = Response();
      SendError(ex->res, 500, "internal error");
      finish();
    }
  }

  // Hands `ex`'s answer to libmicrohttpd, and times the request.
  MHD_Result Queue(MHD_Connection* connection, Exchange* ex) {
    Response& res = ex->res;
    if (!res.owner) {  // the body moves to the heap instead of being copied
      auto body = std::make_shared<const std::string>(std::move(res.body));
      res.shared = *body;
      res.owner = std::move(body);
    }
    // libmicrohttpd only reads the buffer; its owner is let go with it.
    auto* keep = new std::shared_ptr<const void>(res.owner);
    MHD_Response* r = Mhd().create_response_from_buffer_with_free_callback_cls(
        res.shared.size(), const_cast<char*>(res.shared.data()),
        [](void* cls) { delete static_cast<std::shared_ptr<const void>*>(cls); }, keep);
    if (r == nullptr) {
      delete keep;
      return MHD_NO;
    }
    if (!res.content_type.empty()) {
      Mhd().add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, res.content_type.c_str());
    }
    for (const auto& [name, value] : res.headers) {
      Mhd().add_response_header(r, name.c_str(), value.c_str());
    }
    MHD_Result queued = Mhd().queue_response(connection, static_cast<unsigned>(res.status), r);
    Mhd().destroy_response(r);
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - ex->start;
    service->metrics().ObserveRequest(ex->route, took.count());
    return queued;
  }

  // libmicrohttpd's access handler: called once with the headers, once per
  // piece of body, and once at the end (again after a resume).
  MHD_Result OnRequest(MHD_Connection* connection, const char* url, const char* method,
                       const char* upload_data, std::size_t* upload_size, void** state) {
    auto* ex = static_cast<Exchange*>(*state);  // made by OnUri()
    if (!ex->started) {
      ex->started = true;
      ex->req.method = method;
      ex->req.path = url;
      return MHD_YES;
    }
    if (*upload_size != 0) {
      // Past the limit the rest is read and dropped, then refused: a client
      // that sends its whole body before reading gets the 413, not a reset.
      if (ex->too_large || ex->req.body.size() + *upload_size > options.max_body_bytes) {
        ex->too_large = true;
        ex->req.body.clear();
      } else {
        ex->req.body.append(upload_data, *upload_size);
      }
      *upload_size = 0;
      return MHD_YES;
    }
    if (ex->answered) return Queue(connection, ex);
    if (ex->too_large) {
      SendError(
          ex->res, 413,
          "request body too large (limit " + std::to_string(options.max_body_bytes) + " bytes)");
      return Queue(connection, ex);
    }
    Request& req = ex->req;
    Mhd().get_connection_values(connection, MHD_HEADER_KIND, CollectValue, &req.headers);
    // Parsed here, not by libmicrohttpd, which leaves "+" as it is.
    req.params = ParseQuery(ex->uri);
    if (const MHD_ConnectionInfo* info =
            Mhd().get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS)) {
      req.remote_addr = AddressOf(info->client_addr);
    }
    Dispatch d = Choose(req, ex->res);
    ex->route = d.route;
    if (!d.handler && !d.writer) return Queue(connection, ex);
    if (d.where == Where::kEventThread) {
      Answer(d, ex);
      return Queue(connection, ex);
    }
    // The connection sleeps until a worker has the answer; the event
    // thread goes on serving the others.
    std::lock_guard<std::mutex> lock(closing_mu);
    if (closing) {
      SendError(ex->res, 503, "the server is shutting down");
      return Queue(connection, ex);
    }
    Mhd().suspend_connection(connection);
    ++suspended;
    workers->Post([this, d = std::move(d), ex, connection] { AnswerLater(d, ex, connection); });
    return MHD_YES;
  }

  static MHD_Result Access(void* self, MHD_Connection* connection, const char* url,
                           const char* method, const char* /*version*/, const char* upload_data,
                           std::size_t* upload_size, void** state) {
    return static_cast<Impl*>(self)->OnRequest(connection, url, method, upload_data, upload_size,
                                               state);
  }

  // Called first for every request, with the URI as sent: starts its
  // Exchange, which OnRequest() gets as its state.
  static void* OnUri(void*, const char* uri, MHD_Connection*) {
    auto* ex = new Exchange();
    ex->uri = uri;
    return ex;
  }

  static void Completed(void*, MHD_Connection*, void** state, MHD_RequestTerminationCode) {
    delete static_cast<Exchange*>(*state);
    *state = nullptr;
  }
};

HttpServer::HttpServer(StoryService* service, HttpOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->service = service;
  impl_->options = std::move(options);
  // The front page is made where the snapshot is, not by the first event
  // thread to be asked for it (a few milliseconds the others wait behind).
  service->set_on_publish([](const Snapshot& s) { Impl::MakeFrontPageGzip(s); });
}

HttpServer::~HttpServer() {
  impl_->service->set_on_publish(nullptr);
  Stop();
  // From here a request for a worker is answered 503. The daemon still
  // accepts connections until it stops: MHD_quiesce_daemon() would stop
  // that sooner, but on an epoll thread pool (libmicrohttpd 0.9.75) it
  // races the event threads for the listening socket, and the loser aborts
  // the process ("Failed to remove listen FD from epoll set").
  {
    std::lock_guard<std::mutex> lock(impl_->closing_mu);
    impl_->closing = true;
  }
  // Workers finish every request they were given, and the ingest thread
  // answers the writes among them, before the daemon and its connections go.
  impl_->workers.reset();
  {
    std::unique_lock<std::mutex> lock(impl_->closing_mu);
    impl_->resumed.wait(lock, [this] { return impl_->suspended == 0; });
  }
  if (impl_->daemon != nullptr) Mhd().stop_daemon(impl_->daemon);
}

Result<int> HttpServer::Bind() {
  const HttpOptions& o = impl_->options;
  if (!Mhd().error.empty()) return Status::IoError("cannot load libmicrohttpd: " + Mhd().error);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string where = o.bind + ":" + std::to_string(o.port);
  if (getaddrinfo(o.bind.c_str(), std::to_string(o.port).c_str(), &hints, &found) != 0 ||
      found == nullptr) {
    return Status::IoError("cannot bind " + where + ": not an address");
  }
  sockaddr_storage addr{};
  std::memcpy(&addr, found->ai_addr, found->ai_addrlen);
  const bool v6 = found->ai_family == AF_INET6;
  freeaddrinfo(found);

  const unsigned io_threads = o.io_threads > 0 ? static_cast<unsigned>(o.io_threads)
                                               : std::max(1u, std::thread::hardware_concurrency());
  impl_->workers = std::make_unique<WorkQueue>(std::max(1, o.threads));
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME;
  if (v6) flags |= MHD_USE_IPv6;
  impl_->daemon = Mhd().start_daemon(
      flags, static_cast<std::uint16_t>(o.port), nullptr, nullptr, &Impl::Access, impl_.get(),
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&addr), MHD_OPTION_THREAD_POOL_SIZE,
      io_threads, MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(o.read_timeout.count()),
      MHD_OPTION_URI_LOG_CALLBACK, &Impl::OnUri, nullptr, MHD_OPTION_NOTIFY_COMPLETED,
      &Impl::Completed, nullptr, MHD_OPTION_END);
  if (impl_->daemon == nullptr) {
    impl_->workers.reset();
    return Status::IoError("cannot bind " + where);
  }
  const MHD_DaemonInfo* info = Mhd().get_daemon_info(impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info != nullptr ? static_cast<int>(info->port) : o.port;
}

void HttpServer::Run() {
  std::unique_lock<std::mutex> lock(impl_->stop_mu);
  impl_->stop_cv.wait(lock, [this] { return impl_->stopped; });
}

void HttpServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->stop_mu);
    impl_->stopped = true;
  }
  impl_->stop_cv.notify_all();
}

}  // namespace storyline::server
