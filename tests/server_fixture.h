// Shared by the end-to-end tests of the HTTP server (server_test.cc,
// server_concurrency_test.cc, server_store_test.cc): the ServerTest fixture,
// a StoryService and an HttpServer in this process on a free loopback port,
// spoken to with cpp-httplib's client, and the articles the tests post.
#ifndef STORYLINE_TESTS_SERVER_FIXTURE_H_
#define STORYLINE_TESTS_SERVER_FIXTURE_H_

#include <httplib.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli_fixture.h"
#include "server/http_server.h"
#include "server/story_service.h"

namespace storyline::testing {

using Json = nlohmann::json;

inline const char* kArticle = R"({"id": "quake-1", "source": "Northline Wire",
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

inline const char* kBudget = R"({"id": "budget-1", "source": "Kestria Daily",
  "title": "Kestria raises fuel tax", "published": "2026-03-03T10:00:00Z", "lang": "en",
  "text": "The Kestria finance ministry presented its budget on Tuesday, raising the fuel tax and cutting the deficit target, finance minister Aino Rask told parliament."})";

// kArticle with another id and wording: joins the same story, not a copy.
inline std::string SecondQuakeReport() {
  Json j = Json::parse(kArticle);
  j["id"] = "quake-2";
  j["source"] = "Coastal Herald";
  j["text"] =
      "Rescuers searched the damaged harbour of Valdora after a magnitude 6.8 earthquake "
      "struck the Chilean coastal town on Tuesday; officials said nine people were killed.";
  return j.dump();
}

}  // namespace storyline::testing

#endif  // STORYLINE_TESTS_SERVER_FIXTURE_H_
