// End-to-end tests of the HTTP server: a StoryService and an HttpServer in
// this process on a free loopback port, spoken to with cpp-httplib's client.
#include <httplib.h>
#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "cli_fixture.h"
#include "ingest/gzip.h"
#include "server/http_server.h"
#include "server/story_service.h"
#include "store/article_store.h"
#include "util/time.h"

namespace storyline::testing {
namespace {

using Json = nlohmann::json;

const char* kArticle = R"({"id": "quake-1", "source": "Northline Wire",
  "title": "Earthquake strikes Valdora", "published": "2026-03-03T09:50:00Z", "lang": "en",
  "text": "A magnitude 6.8 earthquake struck near the Chilean coastal town of Valdora on Tuesday, killing at least nine people and damaging the harbour, officials said."})";

class ServerTest : public CliTest {
 protected:
  void TearDown() override {
    StopServer();
    CliTest::TearDown();
  }

  // `snapshot_ms` 0: answers come after the snapshot (most tests read their
  // writes back at once); otherwise a publisher thread rebuilds it.
  void StartServer(server::HttpOptions options = {}, int workers = 8, int snapshot_ms = 0) {
    server::ServiceOptions so;
    so.db_path = (dir_ / "test.db").string();
    so.snapshot_interval = std::chrono::milliseconds(snapshot_ms);
    auto service = server::StoryService::Open(so);
    ASSERT_TRUE(service.ok()) << service.status().ToString();
    service_ = std::move(*service);
    options.port = 0;
    options.threads = workers;
    http_ = std::make_unique<server::HttpServer>(service_.get(), options);
    auto port = http_->Bind();
    ASSERT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { http_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  }

  void StopServer() {
    client_.reset();
    if (http_) http_->Stop();
    if (thread_.joinable()) thread_.join();
    http_.reset();
    service_.reset();
  }

  httplib::Result Post(const std::string& body, const std::string& type,
                       const httplib::Headers& headers = {}) {
    return client_->Post("/articles", headers, body, type.c_str());
  }

  // GET `path`; expects JSON and returns it parsed.
  Json GetJson(const std::string& path, int expected_status = 200) {
    auto res = client_->Get(path.c_str());
    EXPECT_TRUE(res) << path;
    if (!res) return Json();
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    Json j = Json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << res->body;
    return j;
  }

  // GET /stories?q=`q` (encoded by the client) and more `params`.
  Json Search(const std::string& q, httplib::Params params = {}) {
    params.emplace("q", q);
    auto res = client_->Get("/stories", params, httplib::Headers{});
    EXPECT_TRUE(res) << q;
    if (!res) return Json();
    EXPECT_EQ(res->status, 200) << q << ": " << res->body;
    Json j = Json::parse(res->body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << res->body;
    return j;
  }

  // The story ids of a GET /stories answer, in order.
  static std::vector<std::string> StoryIds(const Json& page) {
    std::vector<std::string> ids;
    for (const auto& s : page["stories"]) ids.push_back(s["id"]);
    return ids;
  }

  // Every article's story, as GET /articles/{id} tells it.
  std::map<std::string, std::string> ServerAssignments(const std::vector<std::string>& ids) {
    std::map<std::string, std::string> out;
    for (const auto& id : ids) out[id] = GetJson("/articles/" + id)["story"].get<std::string>();
    return out;
  }

  static std::vector<std::string> SampleIds() {
    std::vector<std::string> ids;
    std::ifstream in(kSource + "/data/sample/articles.jsonl");
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) ids.push_back(Json::parse(line)["id"]);
    }
    return ids;
  }

  // Starts `writers` threads that POST kArticle `each` times, each on a
  // connection of its own, with the id `id(writer, i)`; `answered(id, res)`
  // runs for every answer, one at a time. The caller joins them.
  std::vector<std::thread> StartWriters(
      int writers, int each, const std::function<std::string(int, int)>& id,
      const std::function<void(const std::string&, const httplib::Result&)>& answered) {
    auto mu = std::make_shared<std::mutex>();
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
      threads.emplace_back([=, this] {
        httplib::Client c("127.0.0.1", port_);
        for (int i = 0; i < each; ++i) {
          Json a = Json::parse(kArticle);
          a["id"] = id(w, i);
          auto res = c.Post("/articles", a.dump(), "application/json");
          std::lock_guard<std::mutex> lock(*mu);
          answered(a["id"], res);
        }
      });
    }
    return threads;
  }

  std::unique_ptr<server::StoryService> service_;
  std::unique_ptr<server::HttpServer> http_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  int port_ = 0;
};

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

// Writes are answered from the ingest thread after their commit, so one
// worker serves many writers at once; stopping the server while writes are
// on their way answers each of them (or refuses the connection) and loses
// none that was acknowledged.
TEST_F(ServerTest, ConcurrentWritesThroughOneWorkerAreAnsweredAndAStopLosesNoneAcknowledged) {
  StartServer({}, /*workers=*/1);
  constexpr int kWriters = 8;
  constexpr int kEach = 15;
  std::vector<std::string> acknowledged;
  int refused = 0;
  std::atomic<int> answered{0};
  std::vector<std::thread> writers = StartWriters(
      kWriters, kEach,
      [](int w, int i) { return "w" + std::to_string(w) + "-" + std::to_string(i); },
      [&](const std::string& id, const httplib::Result& res) {
        if (res && res->status == 200) {
          Json j = Json::parse(res->body);
          EXPECT_EQ(j["articles"][0]["id"], id);
          EXPECT_FALSE(j["articles"][0]["story"].get<std::string>().empty());
          acknowledged.push_back(id);
        } else if (res) {
          EXPECT_EQ(res->status, 503) << res->body;  // only a stopping server refuses
          ++refused;
        }
        ++answered;
      });
  // Half of the writes in, stop while the rest are on their way.
  while (answered.load() < kWriters * kEach / 2) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const int stopped_port = port_;
  StopServer();
  for (auto& t : writers) t.join();
  // The listening socket is closed: a new connection is refused, not left
  // waiting in a backlog nobody reads.
  httplib::Client late("127.0.0.1", stopped_port);
  late.set_read_timeout(1, 0);
  EXPECT_EQ(late.Get("/healthz").error(), httplib::Error::Connection);
  EXPECT_GE(acknowledged.size(), static_cast<std::size_t>(kWriters * kEach / 2));

  StartServer();
  for (const std::string& id : acknowledged) {
    EXPECT_EQ(client_->Get(("/articles/" + id).c_str())->status, 200) << id;
  }
}

// Stopping a server whose event threads are busy with connections coming
// and going never takes the process down, and what is answered meanwhile
// is an answer or a refusal. (MHD_quiesce_daemon() on libmicrohttpd's epoll
// thread pool aborted about one stop in a thousand here; 200 stops.)
TEST_F(ServerTest, StopsWhileConnectionsComeAndGoWithoutAborting) {
  std::atomic<int> answered{0};
  for (int cycle = 0; cycle < 200; ++cycle) {
    server::HttpOptions options;
    options.io_threads = 8;
    StartServer(options, /*workers=*/2);
    std::atomic<bool> stopped{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&, c, port = port_] {
        const char* path = c % 2 == 0 ? "/healthz" : "/articles/none";  // event thread, worker
        while (!stopped.load()) {
          httplib::Client client("127.0.0.1", port);
          client.set_connection_timeout(0, 200'000);
          client.set_read_timeout(0, 200'000);
          auto res = client.Get(path);
          if (!res) continue;
          EXPECT_TRUE(res->status == 200 || res->status == 404 || res->status == 503)
              << path << ": " << res->status;
          ++answered;
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    StopServer();
    stopped = true;
    for (auto& t : clients) t.join();
  }
  EXPECT_GT(answered.load(), 0);
}

// With a snapshot interval the publisher thread rebuilds beside the
// ingest: a write is answered before it is visible, becomes visible and
// searchable within the interval, and what it had not yet indexed when the
// server stopped is indexed on the way out.
TEST_F(ServerTest, WithAPublisherThreadWritesBecomeVisibleSearchableAndAreIndexedAtStop) {
  StartServer({}, 8, /*snapshot_ms=*/50);
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  Json front;
  for (int i = 0; i < 400; ++i) {  // up to 4 s
    front = GetJson("/stories");
    if (front["total"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(front["total"], 1);
  EXPECT_EQ(Search("harbour")["total"], 1);
  // Posted and stopped at once: the stop indexes it.
  Json second = Json::parse(kArticle);
  second["id"] = "quake-2";
  second["text"] = "Rescue teams reached the damaged lighthouse at Valdora on Wednesday.";
  ASSERT_EQ(Post(second.dump(), "application/json")->status, 200);
  StopServer();
  auto store = store::ArticleStore::Open((dir_ / "test.db").string());
  ASSERT_TRUE(store.ok());
  std::size_t stored = 0, indexed = 0;
  ASSERT_TRUE((*store)
                  ->Replay([&](store::StoredArticle row) {
                    ++stored;
                    indexed += row.indexed ? 1 : 0;
                  })
                  .ok());
  EXPECT_EQ(stored, 2u);
  EXPECT_EQ(indexed, 2u);
}

// With the publisher beside the commits, an id posted twice at once is
// taken once and refused once, never failing the other writes of its group
// commit; a DELETE right after the POSTs finds what they stored; a restart
// holds what was acknowledged.
TEST_F(ServerTest, WritesOfOneIdAtOnceAreTakenOnceAndRefusedOnce) {
  StartServer({}, 8, /*snapshot_ms=*/50);
  constexpr int kWriters = 8;
  constexpr int kEach = 25;
  std::map<std::string, int> taken, refused;
  std::vector<std::thread> writers = StartWriters(
      kWriters, kEach,
      [](int w, int i) { return "pair" + std::to_string(w / 2) + "-" + std::to_string(i); },
      [&](const std::string& id, const httplib::Result& res) {
        ASSERT_TRUE(res);
        if (res->status == 200) {
          ++taken[id];
        } else {
          EXPECT_EQ(res->status, 409) << res->body;
          ++refused[id];
        }
      });
  for (auto& t : writers) t.join();
  ASSERT_EQ(taken.size(), static_cast<std::size_t>(kWriters / 2 * kEach));
  for (const auto& [id, n] : taken) {
    EXPECT_EQ(n, 1) << id;
    EXPECT_EQ(refused[id], 1) << id;
  }
  for (int i = 0; i < kEach; ++i) {
    auto res = client_->Delete(("/articles/pair0-" + std::to_string(i)).c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << res->body;
  }
  StopServer();
  StartServer();
  EXPECT_EQ(GetJson("/healthz")["articles"], (kWriters / 2 - 1) * kEach);
  EXPECT_EQ(GetJson("/articles/pair1-0")["id"], "pair1-0");
  GetJson("/articles/pair0-0", 404);
}

// The publish hook sees each snapshot before readers do (the HTTP server
// makes its front page there), and not after it is cleared.
TEST_F(ServerTest, ThePublishHookSeesEachSnapshotBeforeReadersDoUntilCleared) {
  StartServer();  // snapshot interval 0: published before the write is answered
  std::atomic<int> calls{0};
  std::atomic<std::uint64_t> version{0};
  service_->set_on_publish([&](const server::Snapshot& s) {
    version = s.version;
    ++calls;
  });
  ASSERT_EQ(Post(kArticle, "application/json")->status, 200);
  EXPECT_GE(calls.load(), 1);
  EXPECT_EQ(version.load(), GetJson("/healthz")["version"].get<std::uint64_t>());
  service_->set_on_publish(nullptr);
  const int before = calls.load();
  Json second = Json::parse(kArticle);
  second["id"] = "quake-2";
  ASSERT_EQ(Post(second.dump(), "application/json")->status, 200);
  EXPECT_EQ(calls.load(), before);
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

const char* kBudget = R"({"id": "budget-1", "source": "Kestria Daily",
  "title": "Kestria raises fuel tax", "published": "2026-03-03T10:00:00Z", "lang": "en",
  "text": "The Kestria finance ministry presented its budget on Tuesday, raising the fuel tax and cutting the deficit target, finance minister Aino Rask told parliament."})";

// kArticle with another id and wording: joins the same story, not a copy.
std::string SecondQuakeReport() {
  Json j = Json::parse(kArticle);
  j["id"] = "quake-2";
  j["source"] = "Coastal Herald";
  j["text"] =
      "Rescuers searched the damaged harbour of Valdora after a magnitude 6.8 earthquake "
      "struck the Chilean coastal town on Tuesday; officials said nine people were killed.";
  return j.dump();
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

// Polls GET /articles/{id} until it is 404; false after `seconds`.
bool GoneWithin(httplib::Client* client, const std::string& id, int seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    auto res = client->Get(("/articles/" + id).c_str());
    if (res && res->status == 404) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST_F(ServerTest, ExpiredArticlesAreRemovedAndARestartDoesNotBringThemBack) {
  StartServer();
  ASSERT_EQ(Post(kArticle, "application/json", {{"Cache-Control", "max-age=1"}})->status, 200);
  ASSERT_EQ(Post(kBudget, "application/json")->status, 200);
  std::string quake = GetJson("/articles/quake-1")["story"];
  ASSERT_TRUE(GoneWithin(client_.get(), "quake-1", 60));
  GetJson("/stories/" + quake, 404);
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);
  StopServer();
  StartServer();
  GetJson("/articles/quake-1", 404);
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);

  // Expired while the server was down: not replayed, and deleted at start.
  ASSERT_EQ(Post(SecondQuakeReport(), "application/json", {{"Cache-Control", "max-age=2"}})->status,
            200);
  StopServer();
  std::this_thread::sleep_for(std::chrono::milliseconds(3100));
  StartServer();
  GetJson("/articles/quake-2", 404);
  EXPECT_EQ(GetJson("/healthz")["articles"], 1);
  StopServer();
  auto store = store::ArticleStore::Open((dir_ / "test.db").string());
  ASSERT_TRUE(store.ok());
  auto row = (*store)->Get("quake-2");
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(row->has_value());
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

TEST_F(ServerTest, SampleFedOverHttpGivesTheStoriesOfClusterAndARestartKeepsThem) {
  std::string sample = kSource + "/data/sample/articles.jsonl";
  ASSERT_EQ(Run("cluster --quiet --no-briefs -o /dev/null --assignments " +
                Quote((dir_ / "batch.jsonl").string()) + " " + Quote(sample)),
            0)
      << err_;
  auto batch = ReadLabels(dir_ / "batch.jsonl");
  ASSERT_EQ(batch.size(), 52u);

  StartServer();
  auto res = Post(ReadFile(sample), "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  Json posted = Json::parse(res->body);
  EXPECT_EQ(posted["articles"].size(), 52u);
  EXPECT_TRUE(posted["errors"].empty()) << posted["errors"].dump();

  auto live = ServerAssignments(SampleIds());
  EXPECT_EQ(Partition(live), Partition(batch));
  Json before = GetJson("/stories?limit=200");
  EXPECT_EQ(before["total"], Partition(batch).size());

  StopServer();
  StartServer();  // the same database
  EXPECT_EQ(service_->replayed(), 52u);
  EXPECT_EQ(service_->reanalysed(), 0u);  // replayed from the stored analysis
  EXPECT_EQ(ServerAssignments(SampleIds()), live);
  Json after = GetJson("/stories?limit=200");
  ASSERT_EQ(after["stories"].size(), before["stories"].size());
  for (std::size_t i = 0; i < after["stories"].size(); ++i) {
    Json a = after["stories"][i], b = before["stories"][i];
    EXPECT_EQ(a["id"], b["id"]);
    EXPECT_EQ(a["headline"], b["headline"]);
    EXPECT_EQ(a["summary"], b["summary"]);
    EXPECT_EQ(a["articles"], b["articles"]);
  }
  // Posting the same file again adds nothing: every id is known.
  Json again = Json::parse(Post(ReadFile(sample), "application/x-ndjson")->body);
  EXPECT_TRUE(again["articles"].empty());
  EXPECT_EQ(again["errors"].size(), 52u);

  // Without the stored analysis (a crash before it was written, a database
  // from an older storyline, another analysis format) the articles are
  // analysed again: same stories, and the analysis is kept for next time.
  StopServer();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "test.db-search").string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "UPDATE derived SET prepared = NULL", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  StartServer();
  EXPECT_EQ(service_->replayed(), 52u);
  EXPECT_EQ(service_->reanalysed(), 52u);
  EXPECT_EQ(ServerAssignments(SampleIds()), live);
  StopServer();
  StartServer();
  EXPECT_EQ(service_->reanalysed(), 0u);
  EXPECT_EQ(ServerAssignments(SampleIds()), live);
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

// Three articles on unrelated events, so that each is a story of its own.
const char* kSearchArticles[] = {
    R"({"id": "mine-1", "source": "Ore Weekly", "title": "Cobalt mine expands in Tarrow",
  "published": "2026-03-04T08:00:00Z", "lang": "en",
  "text": "The Tarrow mine will double its output of cobalt by next year, its owners said on Wednesday. Cobalt prices have risen as battery makers compete for cobalt supplies. Workers at the pit welcomed the news, though unions asked for new safety rules before the expansion begins."})",
    R"({"id": "rail-1", "source": "Metro Daily", "title": "New rail line opens in Brenmoor",
  "published": "2026-03-05T08:00:00Z", "lang": "en",
  "text": "A new rail line connecting Brenmoor to the airport opened on Thursday, cutting the journey to twenty minutes. The trains run every ten minutes during the day. Officials said the line cost less than planned, partly because steel and cobalt alloys for the track were bought early."})",
    R"({"id": "vote-1", "source": "Civic Times", "title": "Council approves budget in Lessing",
  "published": "2026-03-06T08:00:00Z", "lang": "en",
  "text": "The Lessing city council approved next year's budget on Friday after a long debate. Spending on parks and libraries rises slightly. The mayor said the budget keeps taxes flat. Residents who spoke at the meeting asked for more buses. The council will meet again in March to discuss the school building plan. The budget for roads is the same as last year, the treasurer said. The library in the old town will open on Sundays from April. The council also agreed to plant two hundred trees along the river. The park near the station will get new benches and lights. Some members wanted to cut the budget for the festival. The vote was seven to two. An old lighthouse keeper also spoke."})",
};

TEST_F(ServerTest, SearchFindsArticleTextRanksByBm25AndSurvivesARestart) {
  StartServer();
  std::map<std::string, std::string> story_of;
  for (const char* a : kSearchArticles) {
    auto res = Post(a, "application/json");
    ASSERT_EQ(res->status, 200) << res->body;
    Json posted = Json::parse(res->body);
    story_of[posted["articles"][0]["id"]] = posted["articles"][0]["story"];
  }
  ASSERT_EQ(GetJson("/stories")["total"], 3) << "the test needs three stories";

  // A word of the body only, not of the story's headline, summary or titles.
  Json found = Search("lighthouse");
  ASSERT_EQ(StoryIds(found), (std::vector<std::string>{story_of["vote-1"]}));
  std::string shown = found["stories"][0]["headline"].get<std::string>() +
                      found["stories"][0]["summary"].dump() +
                      found["stories"][0]["articles"].dump();
  EXPECT_EQ(shown.find("ighthouse"), std::string::npos) << shown;

  // More matches first: "cobalt" three times in the mine story, once in the rail one.
  EXPECT_EQ(StoryIds(Search("cobalt")),
            (std::vector<std::string>{story_of["mine-1"], story_of["rail-1"]}));
  // Case-folded and stemmed: "TRAINS" finds "trains", "Trained" finds them too.
  EXPECT_EQ(StoryIds(Search("TRAINS")), (std::vector<std::string>{story_of["rail-1"]}));
  EXPECT_EQ(StoryIds(Search("Trained")), (std::vector<std::string>{story_of["rail-1"]}));
  // Every word must occur in one article.
  EXPECT_EQ(StoryIds(Search("cobalt airport")), (std::vector<std::string>{story_of["rail-1"]}));
  EXPECT_EQ(Search("cobalt lighthouse")["total"], 0);
  // A form-encoded query ("+" for a space, as browsers send it), sent as is.
  {
    httplib::Client raw("127.0.0.1", port_);
    raw.set_url_encode(false);
    auto res = raw.Get("/stories?q=cobalt+airport");
    ASSERT_TRUE(res);
    EXPECT_EQ(StoryIds(Json::parse(res->body)), (std::vector<std::string>{story_of["rail-1"]}));
    // An escaped "+" is a "+": one word "cobalt+airport", a phrase to FTS5.
    EXPECT_EQ(Json::parse(raw.Get("/stories?q=cobalt%2Bairport")->body)["total"], 0);
  }
  EXPECT_EQ(Search("zeppelin")["total"], 0);
  // Filters apply to the matches; a blank q is no search.
  EXPECT_EQ(StoryIds(Search("cobalt", {{"outlet", "Metro Daily"}})),
            (std::vector<std::string>{story_of["rail-1"]}));
  EXPECT_EQ(StoryIds(Search("cobalt", {{"limit", "1"}, {"offset", "1"}})),
            (std::vector<std::string>{story_of["rail-1"]}));
  EXPECT_EQ(Search("cobalt", {{"limit", "1"}})["total"], 2);
  EXPECT_EQ(Search("  ")["total"], 3);

  // FTS5 syntax is taken as words: never an error.
  for (const char* q :
       {"AND OR (", "\"", "cobalt\"", "NEAR(cobalt rail)", "cobalt*", "-cobalt", "title:cobalt",
        "^cobalt", "NOT", "cobalt OR", "{a b}", "'; DROP TABLE x", "\xff\xfe", "\x01"}) {
    Json page = Search(q);
    EXPECT_TRUE(page["stories"].is_array()) << q;
  }
  EXPECT_EQ(Search("cobalt*")["total"], 2);
  EXPECT_EQ(Search("NEAR(cobalt rail)")["total"], 0);  // needs the words "near cobalt", "rail"

  StopServer();
  StartServer();
  EXPECT_EQ(StoryIds(Search("cobalt")),
            (std::vector<std::string>{story_of["mine-1"], story_of["rail-1"]}));
  EXPECT_EQ(StoryIds(Search("lighthouse")), (std::vector<std::string>{story_of["vote-1"]}));
}

// Deleted and replaced articles leave the index with their store rows.
TEST_F(ServerTest, SearchForgetsDeletedArticlesAndFindsReplacementsByTheirNewText) {
  StartServer();
  for (const char* a : kSearchArticles) ASSERT_EQ(Post(a, "application/json")->status, 200);
  ASSERT_EQ(Search("lighthouse")["total"], 1);
  ASSERT_EQ(Search("cobalt")["total"], 2);
  std::string vote_story = GetJson("/articles/vote-1")["story"];

  ASSERT_EQ(client_->Delete("/articles/vote-1")->status, 200);
  EXPECT_EQ(Search("lighthouse")["total"], 0);
  Json rail = Json::parse(kSearchArticles[1]);
  rail["text"] =
      "A new tram line connecting Brenmoor to the airport opened on Thursday, cutting the "
      "journey to twenty minutes. Officials said a zeppelin museum will open beside it.";
  auto put = client_->Put("/articles/rail-1", rail.dump(), "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  std::string rail_story = Json::parse(put->body)["articles"][0]["story"];
  std::string mine_story = GetJson("/articles/mine-1")["story"];
  EXPECT_EQ(StoryIds(Search("cobalt")), (std::vector<std::string>{mine_story}));
  EXPECT_EQ(StoryIds(Search("zeppelin")), (std::vector<std::string>{rail_story}));

  // The replay no longer sees the deleted articles, so the engine numbers
  // the stories otherwise; the ids clients were given stay.
  StopServer();
  StartServer();
  EXPECT_EQ(Search("lighthouse")["total"], 0);
  EXPECT_EQ(StoryIds(Search("cobalt")), (std::vector<std::string>{mine_story}));
  EXPECT_EQ(StoryIds(Search("zeppelin")), (std::vector<std::string>{rail_story}));
  EXPECT_EQ(GetJson("/articles/rail-1")["story"], rail_story);
  GetJson("/stories/" + rail_story);
  // A new story after the restart gets an id no story had before.
  auto res = Post(kSearchArticles[2], "application/json");
  ASSERT_EQ(res->status, 200) << res->body;
  std::string fresh = Json::parse(res->body)["articles"][0]["story"];
  EXPECT_NE(fresh, mine_story);
  EXPECT_NE(fresh, rail_story);
  EXPECT_NE(fresh, vote_story);
}

const char* kHarbourPage =
    "<html><head><title>Harbour reopens in Valdora</title></head><body><article>"
    "<p>The harbour of Valdora reopened on Friday after engineers inspected the quay walls "
    "damaged by last week's earthquake, the port authority said in a statement.</p>"
    "<p>Fishing boats returned to the docks within hours, and the town's mayor thanked the "
    "crews who cleared the debris from the waterfront over the weekend.</p>"
    "</article><footer>Subscribe to our newsletter</footer></body></html>";

TEST_F(ServerTest, SearchFindsTheExtractedTextOfAnHtmlPage) {
  StartServer();
  auto res =
      Post(kHarbourPage, "text/html",
           {{"X-Article-URL", "https://example.org/harbour"}, {"X-Article-ID", "harbour-1"}});
  ASSERT_EQ(res->status, 200) << res->body;
  std::string story = Json::parse(res->body)["articles"][0]["story"];
  EXPECT_EQ(StoryIds(Search("debris waterfront")), (std::vector<std::string>{story}));
  EXPECT_EQ(StoryIds(Search("engineer")), (std::vector<std::string>{story}));
  // Markup is not text.
  EXPECT_EQ(Search("article")["total"], 0);
  EXPECT_EQ(Search("html")["total"], 0);
}

TEST_F(ServerTest, SearchFindsTheTextOfAnArticleWrittenAsMarkup) {
  // A feed's content field: the text is HTML, with a link in it.
  const Json article = {
      {"id", "feed-1"},
      {"title", "Ferry strike ends"},
      {"text",
       "<p>The ferry strike at Valdora ended on Monday after <a "
       "href=\"https://example.org/unions\">the unions</a> accepted a new offer.</p><p>Crossings "
       "resume on Tuesday, the operator said, with extra sailings through the week.</p>"}};
  auto check = [&] {
    std::string story = GetJson("/articles/feed-1")["story"];
    EXPECT_EQ(StoryIds(Search("unions accepted")), (std::vector<std::string>{story}));
    EXPECT_EQ(Search("href")["total"], 0);
    EXPECT_EQ(Search("example")["total"], 0);
    // The article is kept as it was sent.
    EXPECT_EQ(GetJson("/articles/feed-1")["text"], article["text"]);
  };
  StartServer();
  ASSERT_EQ(Post(article.dump(), "application/json")->status, 200);
  check();
  // A restart that indexes it again (an older schema's, or a lost index)
  // indexes the same text.
  StopServer();
  for (const char* suffix : {"-search", "-search-wal", "-search-shm"}) {
    fs::remove(dir_ / (std::string("test.db") + suffix));
  }
  StartServer();
  EXPECT_EQ(service_->replayed(), 1u);
  check();
}

TEST_F(ServerTest, AVersion1DatabaseIsMigratedAndItsArticlesIndexed) {
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "test.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* insert = nullptr;
    ASSERT_EQ(sqlite3_exec(db,
                           "CREATE TABLE articles ("
                           " seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL,"
                           " batch INTEGER NOT NULL, url TEXT, source TEXT, title TEXT, lang TEXT,"
                           " text TEXT, html TEXT, published INTEGER, fetched INTEGER,"
                           " expires INTEGER); PRAGMA user_version = 1;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_prepare_v2(db,
                                 "INSERT INTO articles (seq, id, batch, url, source, title, text,"
                                 " html) VALUES (1, 'harbour-1', 1, 'https://example.org/harbour',"
                                 " 'example.org', 'Harbour reopens in Valdora', '', ?)",
                                 -1, &insert, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(insert, 1, kHarbourPage, -1, SQLITE_STATIC);
    ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
    sqlite3_finalize(insert);
    sqlite3_close(db);
  }
  StartServer();
  EXPECT_EQ(service_->replayed(), 1u);
  Json found = Search("debris");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["stories"][0]["articles"][0]["id"], "harbour-1");
  // New articles are indexed as they arrive, and a restart indexes nothing twice.
  ASSERT_EQ(Post(kSearchArticles[0], "application/json")->status, 200);
  StopServer();
  StartServer();
  EXPECT_EQ(Search("debris")["total"], 1);
  EXPECT_EQ(Search("cobalt")["total"], 1);
}

TEST_F(ServerTest, MarkupInATitleComesBackAsEscapedText) {
  StartServer();
  std::string title = "<script>alert(1)</script> Quake & more";
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
