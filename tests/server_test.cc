// End-to-end tests of the HTTP server's API (docs/API.md): each route's
// answers, its errors and limits, the write token, gzip both ways and the
// static files. The fixture is in server_fixture.h.
#include <httplib.h>

#include <algorithm>
#include <chrono>

#include "cli_fixture.h"
#include "ingest/gzip.h"
#include "server_fixture.h"
#include "util/time.h"

namespace storyline::testing {
namespace {

TEST_F(ServerTest, HealthzCountsWhatIsServed) {
  StartServer();
  Json h = GetJson("/healthz");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["articles"], 0);
  EXPECT_EQ(h["stories"], 0);
  EXPECT_EQ(GetJson("/stories")["total"], 0);
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  h = GetJson("/healthz");
  EXPECT_EQ(h["articles"], 1);
  EXPECT_EQ(h["stories"], 1);
  EXPECT_GE(h["version"].get<int>(), 1);
  // The front page (kept per snapshot) follows the write too.
  Json front = GetJson("/stories");
  EXPECT_EQ(front["total"], 1);
  EXPECT_EQ(front["version"], h["version"]);
  EXPECT_EQ(front, GetJson("/stories?limit=20&offset=0"));
}

TEST_F(ServerTest, PostedArticleIsServedWithItsStory) {
  StartServer();
  auto res = Post(kArticle, "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json posted = Json::parse(res->body);
  ASSERT_EQ(posted["articles"].size(), 1u);
  EXPECT_EQ(posted["articles"][0]["id"], "quake-1");
  std::string story = posted["articles"][0]["story"];
  EXPECT_TRUE(posted["errors"].empty());

  Json s = GetJson("/stories/" + story);
  EXPECT_EQ(s["id"], story);
  EXPECT_EQ(s["headline"], "Earthquake strikes Valdora");
  EXPECT_EQ(s["articles"][0]["id"], "quake-1");
  EXPECT_FALSE(s["summary"].empty());

  Json a = GetJson("/articles/quake-1");
  EXPECT_EQ(a["story"], story);
  EXPECT_EQ(a["source"], "Northline Wire");
  EXPECT_EQ(a["published"], "2026-03-03T09:50:00Z");
  EXPECT_NE(a["text"].get<std::string>().find("magnitude 6.8"), std::string::npos);

  Json list = GetJson("/stories");
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["limit"], 20);
  EXPECT_EQ(list["stories"][0]["id"], story);
}

// A list names each story's first few articles; the story itself all of them.
TEST_F(ServerTest, AStoryListNamesFiveArticlesAndTheStoryAllOfThem) {
  StartServer();
  std::string jsonl;
  for (int i = 0; i < 7; ++i) {
    Json a = Json::parse(kArticle);
    a["id"] = "quake-" + std::to_string(i);
    a["source"] = "Outlet " + std::to_string(i);
    jsonl += a.dump() + "\n";
  }
  ASSERT_EQ(Post(jsonl, "application/x-ndjson")->status, 200);
  Json list = GetJson("/stories");
  ASSERT_EQ(list["total"], 1) << list.dump();
  const Json& card = list["stories"][0];
  EXPECT_EQ(card["size"], 7);
  ASSERT_EQ(card["articles"].size(), 5u);
  EXPECT_EQ(card["articles"][0]["id"], "quake-0");
  EXPECT_EQ(card["outlets"].size(), 7u);
  Json story = GetJson("/stories/" + card["id"].get<std::string>());
  EXPECT_EQ(story["size"], 7);
  EXPECT_EQ(story["articles"].size(), 7u);
  EXPECT_EQ(story["summary"], card["summary"]);
}

// The front page goes gzipped to a client that accepts gzip, plain to one
// that does not (or refuses it with q=0); both are the same JSON.
TEST_F(ServerTest, TheFrontPageIsGzippedForClientsThatAcceptIt) {
  StartServer();
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  client_->set_decompress(false);  // the bytes as sent
  auto plain = client_->Get("/stories");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(plain->get_header_value("Vary"), "Accept-Encoding");
  ASSERT_EQ(Json::parse(plain->body)["total"], 1);
  for (const char* accepted : {"gzip, deflate, br", "br;q=1.0, GZIP;q=0.5", "*"}) {
    auto gzipped = client_->Get("/stories", {{"Accept-Encoding", accepted}});
    ASSERT_TRUE(gzipped);
    EXPECT_EQ(gzipped->status, 200);
    EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip") << accepted;
    EXPECT_EQ(gzipped->get_header_value("Content-Type"), "application/json; charset=utf-8");
    std::string body;
    Status unzipped = ingest::Gunzip(gzipped->body, 1 << 24, &body);
    ASSERT_TRUE(unzipped.ok()) << accepted << ": " << unzipped.ToString();
    EXPECT_EQ(body, plain->body);
  }
  for (const char* refused : {"gzip;q=0", "deflate, br", "gzip; q=0.000", "x-gzip"}) {
    auto res = client_->Get("/stories", {{"Accept-Encoding", refused}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->get_header_value("Content-Encoding"), "") << refused;
    EXPECT_EQ(res->body, plain->body) << refused;
  }
  // The front page however asked (the web page sends limit and offset).
  auto asked = client_->Get("/stories?limit=20&offset=0", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->get_header_value("Content-Encoding"), "gzip");
  std::string asked_body;
  ASSERT_TRUE(ingest::Gunzip(asked->body, 1 << 24, &asked_body).ok());
  EXPECT_EQ(asked_body, plain->body);
  // Only the front page is compressed: a filtered list is sent plain.
  auto filtered = client_->Get("/stories?limit=5", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(filtered);
  EXPECT_EQ(filtered->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(Json::parse(filtered->body)["total"], 1);
}

TEST_F(ServerTest, CacheControlMaxAgeIsStoredAsTheExpiry) {
  StartServer();
  auto bad = Post(kArticle, "application/json", {{"Cache-Control", "max-age=soon"}});
  EXPECT_EQ(bad->status, 400) << bad->body;
  ASSERT_EQ(Post(kArticle, "application/json", {{"Cache-Control", "max-age=3600"}})->status, 200);
  Json a = GetJson("/articles/quake-1");
  ASSERT_TRUE(a["expires"].is_string()) << a.dump();
  auto expires = ParseIsoTime(a["expires"].get<std::string>());
  ASSERT_TRUE(expires.has_value());
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  EXPECT_GT(*expires, now + 3000);
  EXPECT_LE(*expires, now + 3600);
  // Without the header an article does not expire.
  Json other = Json::parse(kArticle);
  other["id"] = "quake-2";
  ASSERT_EQ(Post(other.dump(), "application/json")->status, 200);
  EXPECT_TRUE(GetJson("/articles/quake-2")["expires"].is_null());
}

TEST_F(ServerTest, DeleteTakesTheArticleOutOfItsStory) {
  StartServer();
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  auto second = Post(SecondQuakeReport(), "application/json");
  ASSERT_EQ(second->status, 200) << second->body;
  std::string story = GetJson("/articles/quake-1")["story"];
  ASSERT_EQ(GetJson("/articles/quake-2")["story"], story);
  ASSERT_EQ(GetJson("/stories/" + story)["articles"].size(), 2u);

  auto del = client_->Delete("/articles/quake-2");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 200) << del->body;
  GetJson("/articles/quake-2", 404);
  Json s = GetJson("/stories/" + story);
  ASSERT_EQ(s["articles"].size(), 1u);
  EXPECT_EQ(s["articles"][0]["id"], "quake-1");
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);
  EXPECT_EQ(client_->Delete("/articles/quake-2")->status, 404);
  EXPECT_EQ(client_->Delete("/articles/never-was")->status, 404);

  // The story's last article: the story goes too.
  EXPECT_EQ(client_->Delete("/articles/quake-1")->status, 200);
  GetJson("/stories/" + story, 404);
  EXPECT_EQ(GetJson("/stories")["total"], 0);
  // A deleted id may be posted again; a restart keeps the deletion.
  ASSERT_EQ(Post(SecondQuakeReport(), "application/json")->status, 200);
  StopServer();
  StartServer();
  GetJson("/articles/quake-1", 404);
  EXPECT_EQ(GetJson("/articles/quake-2")["source"], "Coastal Herald");
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);
}

TEST_F(ServerTest, PutCreatesOrReplacesAndTheArticleMayMoveStory) {
  StartServer();
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  ASSERT_EQ(Post(SecondQuakeReport(), "application/json")->status, 200);
  ASSERT_EQ(Post(kBudget, "application/json")->status, 200);
  std::string quake = GetJson("/articles/quake-1")["story"];
  std::string budget = GetJson("/articles/budget-1")["story"];
  ASSERT_NE(quake, budget);

  // quake-2 rewritten as a budget report: the path's id wins over the body's.
  Json j = Json::parse(kBudget);
  j["id"] = "ignored";
  j["text"] =
      "Finance minister Aino Rask told the Kestria parliament that the budget raises the "
      "fuel tax and cuts the deficit target, the finance ministry said on Tuesday.";
  auto put = client_->Put("/articles/quake-2", j.dump(), "application/json");
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 200) << put->body;
  Json answer = Json::parse(put->body);
  EXPECT_EQ(answer["articles"][0]["id"], "quake-2");
  EXPECT_EQ(answer["articles"][0]["story"], budget);
  Json a = GetJson("/articles/quake-2");
  EXPECT_EQ(a["story"], budget);
  EXPECT_NE(a["text"].get<std::string>().find("Aino Rask told"), std::string::npos);
  GetJson("/articles/ignored", 404);
  EXPECT_EQ(GetJson("/stories/" + quake)["articles"].size(), 1u);
  EXPECT_EQ(GetJson("/stories/" + budget)["articles"].size(), 2u);
  EXPECT_EQ(GetJson("/healthz")["articles"], 3);

  // PUT of an unknown id creates it.
  Json fresh = Json::parse(kArticle);
  fresh["text"] =
      "Engineers in Valdora said the earthquake-damaged harbour would reopen on "
      "Friday after they inspected the quay walls and the old cathedral.";
  put = client_->Put("/articles/quake-3", fresh.dump(), "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(GetJson("/articles/quake-3")["story"], quake);
  // One article only; a refused replacement leaves the stored one.
  EXPECT_EQ(client_->Put("/articles/quake-3", "", "application/x-ndjson")->status, 415);
  EXPECT_EQ(client_->Put("/articles/quake-3", R"({"id": "x"})", "application/json")->status, 400);
  EXPECT_EQ(GetJson("/articles/quake-3")["story"], quake);
  EXPECT_EQ(GetJson("/healthz")["articles"], 4);
}

TEST_F(ServerTest, DeleteAndPutNeedTheToken) {
  server::HttpOptions options;
  options.write_token = "s3cret-token";
  StartServer(options);
  httplib::Headers auth = {{"Authorization", "Bearer s3cret-token"}};
  ASSERT_EQ(Post(kArticle, "application/json", auth)->status, 200);
  EXPECT_EQ(client_->Delete("/articles/quake-1")->status, 401);
  EXPECT_EQ(client_->Delete("/articles/quake-1", {{"Authorization", "Bearer no"}})->status, 403);
  EXPECT_EQ(client_->Put("/articles/quake-1", kArticle, "application/json")->status, 401);
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);
  EXPECT_EQ(client_->Put("/articles/quake-1", auth, kArticle, "application/json")->status, 200);
  EXPECT_EQ(client_->Delete("/articles/quake-1", auth)->status, 200);
  EXPECT_EQ(GetJson("/healthz")["articles"], 0);
}

TEST_F(ServerTest, HtmlPageIsExtracted) {
  StartServer();
  std::string page =
      "<html><head><title>Harbour reopens in Valdora</title></head><body><article>"
      "<p>The harbour of Valdora reopened on Friday after engineers inspected the quay walls "
      "damaged by last week's earthquake, the port authority said in a statement.</p>"
      "<p>Fishing boats returned to the docks within hours, and the town's mayor thanked the "
      "crews who cleared the debris from the waterfront over the weekend.</p>"
      "</article></body></html>";
  auto res =
      Post(page, "text/html",
           {{"X-Article-URL", "https://example.org/harbour"}, {"X-Article-ID", "harbour-1"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json a = GetJson("/articles/harbour-1");
  EXPECT_EQ(a["url"], "https://example.org/harbour");
  EXPECT_EQ(a["title"], "Harbour reopens in Valdora");
  // Its text is the extracted text, not the markup (nor nothing).
  const std::string text = a["text"];
  EXPECT_NE(text.find("Fishing boats returned to the docks"), std::string::npos) << text;
  EXPECT_EQ(text.find("<p>"), std::string::npos) << text;
  // Without the URL header the page is refused.
  EXPECT_EQ(Post(page, "text/html")->status, 400);
}

TEST_F(ServerTest, StoriesFilterAndPage) {
  StartServer();
  ASSERT_EQ(Post(ReadFile(kSource + "/data/sample/articles.jsonl"), "application/x-ndjson")->status,
            200);
  Json all = GetJson("/stories?limit=200");
  std::size_t total = all["total"];
  ASSERT_GT(total, 3u);
  Json page = GetJson("/stories?limit=2&offset=1");
  EXPECT_EQ(page["total"], total);
  ASSERT_EQ(page["stories"].size(), 2u);
  EXPECT_EQ(page["stories"][0]["id"], all["stories"][1]["id"]);
  // Ranked highest first.
  for (std::size_t i = 1; i < all["stories"].size(); ++i) {
    EXPECT_GE(all["stories"][i - 1]["score"].get<double>(),
              all["stories"][i]["score"].get<double>());
  }
  std::string outlet = all["stories"][0]["outlets"][0];
  std::string encoded;
  for (char c : outlet) encoded += c == ' ' ? std::string("%20") : std::string(1, c);
  Json by_outlet = GetJson("/stories?limit=200&outlet=" + encoded);
  EXPECT_GT(by_outlet["total"].get<std::size_t>(), 0u);
  EXPECT_LT(by_outlet["total"].get<std::size_t>(), total);
  for (const auto& s : by_outlet["stories"]) {
    const auto& outlets = s["outlets"];
    EXPECT_NE(std::find(outlets.begin(), outlets.end(), outlet), outlets.end());
  }
  // Everything in the sample is from March and April 2026.
  EXPECT_EQ(GetJson("/stories?since=2026-05-01T00:00:00Z")["total"], 0);
  EXPECT_EQ(GetJson("/stories?until=2026-02-01T00:00:00Z")["total"], 0);
  EXPECT_EQ(GetJson("/stories?limit=200&since=2026-01-01T00:00:00Z")["total"], total);
  EXPECT_EQ(GetJson("/stories?lang=xx")["total"], 0);
  Json q = GetJson("/stories?q=valdora");
  EXPECT_GE(q["total"].get<int>(), 1);
  EXPECT_LT(q["total"].get<std::size_t>(), total);
  // The other filters still apply to what q found.
  EXPECT_EQ(GetJson("/stories?q=valdora&lang=xx")["total"], 0);
  EXPECT_EQ(GetJson("/stories?q=valdora&since=2026-05-01T00:00:00Z")["total"], 0);
  Json paged = GetJson("/stories?q=valdora&limit=1&offset=0");
  EXPECT_EQ(paged["total"], q["total"]);
  ASSERT_EQ(paged["stories"].size(), 1u);
  EXPECT_EQ(paged["stories"][0]["id"], q["stories"][0]["id"]);
}

TEST_F(ServerTest, MarkupInATitleComesBackAsEscapedText) {
  StartServer();
  std::string title = "<script>alert(1)</script> Earthquake & more";
  Json article = Json::parse(kArticle);
  article["title"] = title;
  auto res = Post(article.dump(), "application/json");
  ASSERT_EQ(res->status, 200);
  std::string story = Json::parse(res->body)["articles"][0]["story"];
  auto raw = client_->Get(("/stories/" + story).c_str());
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(raw->body.find("<script>"), std::string::npos);
  EXPECT_NE(raw->body.find("\\u003cscript\\u003e"), std::string::npos);
  EXPECT_EQ(Json::parse(raw->body)["headline"], title);
  EXPECT_EQ(GetJson("/articles/quake-1")["title"], title);
}

// A write's body may come gzipped (Content-Encoding: gzip), within the body
// limit once decompressed; another encoding, or bytes that are not gzip, get
// a clear refusal.
TEST_F(ServerTest, GzippedWriteBodiesAreReadAndOtherEncodingsRefused) {
  server::HttpOptions options;
  options.max_body_bytes = 64 << 10;
  StartServer(options);
  Json second = Json::parse(kArticle);
  second["id"] = "quake-2";
  const std::string jsonl = Json::parse(kArticle).dump() + "\n" + second.dump() + "\n";
  auto res =
      Post(ingest::GzipCompress(jsonl), "application/x-ndjson", {{"Content-Encoding", "gzip"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(Json::parse(res->body)["articles"].size(), 2u);
  Json third = Json::parse(kArticle);
  third["text"] = "Rescue teams reached the damaged lighthouse at Valdora on Wednesday.";
  res = client_->Put("/articles/quake-3", {{"Content-Encoding", "GZIP"}},
                     ingest::GzipCompress(third.dump()), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(GetJson("/articles/quake-3")["id"], "quake-3");

  res = Post(jsonl, "application/x-ndjson", {{"Content-Encoding", "br"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415) << res->body;
  res = Post(jsonl, "application/x-ndjson", {{"Content-Encoding", "gzip"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_NE(res->body.find("gzip"), std::string::npos) << res->body;
  // About 1 KiB on the wire, 1 MiB decompressed: over the limit.
  res = Post(ingest::GzipCompress(std::string(1 << 20, ' ')), "application/json",
             {{"Content-Encoding", "gzip"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413) << res->body;
  EXPECT_EQ(GetJson("/healthz")["articles"], 3);
}

TEST_F(ServerTest, BadRequestsGetClearErrorsAndTheServerKeepsServing) {
  server::HttpOptions options;
  options.max_body_bytes = 64 << 10;
  StartServer(options);
  auto expect_error = [&](httplib::Result res, int status, const std::string& what) {
    ASSERT_TRUE(res) << what;
    EXPECT_EQ(res->status, status) << what << ": " << res->body;
    Json j = Json::parse(res->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << what << ": " << res->body;
    EXPECT_TRUE(j["error"].is_string()) << what;
    EXPECT_FALSE(j["error"].get<std::string>().empty()) << what;
  };
  expect_error(Post("{\"id\": \"x\", \"text\": ", "application/json"), 400, "malformed JSON");
  expect_error(Post("[1, 2]", "application/json"), 400, "not an object");
  expect_error(Post("{\"id\": \"x\"}", "application/json"), 400, "no text");
  expect_error(Post("{\"id\": \"x\", \"text\": \"caf\xe9 au lait\"}", "application/json"), 400,
               "invalid UTF-8");
  std::string deep = "{\"id\": \"x\", \"text\": \"t\", \"extra\": " + std::string(100, '[') +
                     std::string(100, ']') + "}";
  expect_error(Post(deep, "application/json"), 400, "too deep");
  expect_error(Post(std::string(100 << 10, 'x'), "application/json"), 413, "oversized body");
  expect_error(Post(kArticle, "text/plain"), 415, "unsupported type");
  expect_error(Post("\n\n", "application/x-ndjson"), 400, "empty JSONL");
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  expect_error(Post(kArticle, "application/json"), 409, "duplicate id");
  expect_error(client_->Get("/stories/s999"), 404, "unknown story");
  expect_error(client_->Get("/articles/nope"), 404, "unknown article");
  expect_error(client_->Get("/stories?limit=0"), 400, "limit 0");
  expect_error(client_->Get("/stories?limit=abc"), 400, "limit not a number");
  expect_error(client_->Get("/stories?since=yesterday"), 400, "since not a time");
  expect_error(client_->Get("/nothing-here"), 404, "unknown path");
  EXPECT_EQ(client_->Post("/stories", "", "application/json")->get_header_value("Allow"),
            "GET, HEAD");
  expect_error(client_->Post("/stories", "", "application/json"), 405, "POST on /stories");
  expect_error(client_->Delete("/stories/s1"), 405, "DELETE on a story");
  expect_error(client_->Get("/articles"), 405, "GET on /articles");
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/CMakeLists.txt",
                           "/%2e%2e%2fCMakeLists.txt", "/stories/..%2f..%2fCMakeLists.txt",
                           "/index.html/../../CMakeLists.txt", "/..%5cCMakeLists.txt"}) {
    auto res = client_->Get(path);
    ASSERT_TRUE(res) << path;
    EXPECT_GE(res->status, 400) << path;
    EXPECT_EQ(res->body.find("cmake_minimum_required"), std::string::npos) << path;
  }

  // A JSONL batch keeps its good lines and names the bad ones.
  auto res =
      Post(std::string("{broken\n") +
               R"({"id": "ok-1", "text": "Officials in Valdora said the )"
               R"(harbour would reopen on Friday after engineers inspected the quay walls."})" +
               "\n",
           "application/x-ndjson");
  ASSERT_EQ(res->status, 200) << res->body;
  Json j = Json::parse(res->body);
  ASSERT_EQ(j["articles"].size(), 1u);
  EXPECT_EQ(j["articles"][0]["id"], "ok-1");
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0]["line"], 1);

  Json h = GetJson("/healthz");
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["articles"], 2);
}

TEST_F(ServerTest, WritesNeedTheTokenWhenOneIsSet) {
  server::HttpOptions options;
  options.write_token = "s3cret-token";
  StartServer(options);
  auto missing = Post(kArticle, "application/json");
  EXPECT_EQ(missing->status, 401);
  EXPECT_EQ(missing->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_EQ(Post(kArticle, "application/json", {{"Authorization", "Bearer wrong"}})->status, 403);
  EXPECT_EQ(Post(kArticle, "application/json", {{"Authorization", "s3cret-token"}})->status, 403);
  EXPECT_EQ(GetJson("/healthz")["articles"], 0);
  EXPECT_EQ(Post(kArticle, "application/json", {{"Authorization", "Bearer s3cret-token"}})->status,
            200);
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);  // reads need no token
}

TEST_F(ServerTest, ServesOnlyTheWebPageFiles) {
  Write("web/index.html", "<!doctype html><title>storyline</title>");
  Write("web/secret.txt", "not for the web");
  server::HttpOptions options;
  options.web_dir = (dir_ / "web").string();
  StartServer(options);
  auto index = client_->Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><title>storyline</title>");
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(client_->Get("/index.html")->status, 200);
  EXPECT_EQ(client_->Get("/app.js")->status, 404);  // allowed name, but not there
  EXPECT_EQ(client_->Get("/secret.txt")->status, 404);
}

TEST_F(ServerTest, MetricsAreInPrometheusTextFormat) {
  StartServer();
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  ASSERT_EQ(Post(kBudget, "application/json")->status, 200);
  ASSERT_EQ(client_->Delete("/articles/budget-1")->status, 200);
  GetJson("/stories");
  auto res = client_->Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  const std::string& m = res->body;
  EXPECT_NE(m.find("\nstoryline_articles 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("\nstoryline_stories 1\n"), std::string::npos);
  EXPECT_NE(m.find("\nstoryline_articles_ingested_total 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("\nstoryline_articles_removed_total 1\n"), std::string::npos);
  // Every write was followed by a rebuild (snapshot-ms 0 in tests).
  EXPECT_NE(m.find("\nstoryline_snapshots_total 3\n"), std::string::npos);
  EXPECT_NE(m.find("# TYPE storyline_snapshot_seconds_total counter"), std::string::npos);
  EXPECT_NE(m.find("# TYPE storyline_request_seconds histogram"), std::string::npos);
  EXPECT_NE(m.find("storyline_request_seconds_count{route=\"stories\"} 1\n"), std::string::npos);
  EXPECT_NE(m.find("storyline_request_seconds_bucket{route=\"post_articles\",le=\"+Inf\"} 2\n"),
            std::string::npos);
}

}  // namespace
}  // namespace storyline::testing
