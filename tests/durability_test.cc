// Issue 5's durability check: clients post articles to `storyline serve` as
// fast as it answers; the server is killed with SIGKILL mid-stream and
// restarted on the same database. Every acknowledged article must be there,
// the stories must be those of `storyline cluster` over the stored articles,
// and SQLite's integrity check must pass.
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "cli_fixture.h"
#include "serve_fixture.h"

namespace storyline::testing {
namespace {

using Json = nlohmann::json;

class DurabilityTest : public CliTest {
 protected:
  void TearDown() override {
    server_.Kill(SIGKILL);
    CliTest::TearDown();
  }
  int StartServer(const std::string& log_name, const std::string& snapshot_ms = "0") {
    return server_.Start(dir_ / log_name, {"--db", (dir_ / "live.db").string(), "--snapshot-ms",
                                           snapshot_ms, "--threads", "16"});
  }
  ServeProcess server_;
};

std::string QueryOne(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* q = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) == SQLITE_OK &&
      sqlite3_step(q) == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
  }
  sqlite3_finalize(q);
  return out;
}

TEST_F(DurabilityTest, AcknowledgedArticlesSurviveSigkill) {
  // The sample's articles, several times over under new ids, undated so that
  // the batch run adds them in the order given (the stored order).
  std::vector<Json> corpus;
  {
    std::ifstream in(kSource + "/data/sample/articles.jsonl");
    std::vector<Json> sample;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) sample.push_back(Json::parse(line));
    }
    for (int round = 0; round < 8; ++round) {
      for (Json a : sample) {
        a["id"] = "r" + std::to_string(round) + "-" + a["id"].get<std::string>();
        a.erase("published");
        corpus.push_back(std::move(a));
      }
    }
  }
  std::map<std::string, Json> by_id;
  for (const Json& a : corpus) by_id[a["id"]] = a;

  // Rebuilds (and so search indexing) rarely happen before the kill: the
  // restart has stored articles to index.
  int port = StartServer("first.log", "10000");
  ASSERT_GT(port, 0);
  std::mutex mu;
  std::set<std::string> acked;
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      for (std::size_t i; (i = next.fetch_add(1)) < corpus.size();) {
        auto res = client.Post("/articles", corpus[i].dump(), "application/json");
        if (!res) return;  // the server is gone
        if (res->status != 200) continue;
        Json j = Json::parse(res->body, nullptr, false);
        if (!j.is_object() || j["articles"].size() != 1) continue;
        std::lock_guard<std::mutex> lock(mu);
        acked.insert(j["articles"][0]["id"].get<std::string>());
      }
    });
  }
  // Kill once a third of the corpus is acknowledged, while the clients post.
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (acked.size() >= corpus.size() / 3) break;
    }
    if (next.load() >= corpus.size()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(server_.Kill(SIGKILL));
  for (auto& t : clients) t.join();
  ASSERT_LT(acked.size(), corpus.size()) << "killed too late to test anything";
  ASSERT_GT(acked.size(), 0u);

  // The database is whole, and holds every acknowledged article.
  std::vector<std::string> stored;
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "live.db").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(QueryOne(db, "PRAGMA integrity_check"), "ok");
    sqlite3_stmt* q = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT id FROM articles ORDER BY seq", -1, &q, nullptr),
              SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
      stored.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
  }
  std::set<std::string> stored_set(stored.begin(), stored.end());
  for (const auto& id : acked) EXPECT_TRUE(stored_set.count(id)) << id << " acknowledged, lost";

  // Restarted, it serves every stored article, grouped as a batch run groups them.
  port = StartServer("second.log");
  ASSERT_GT(port, 0);
  httplib::Client client("127.0.0.1", port);
  std::map<std::string, std::string> live;
  for (const auto& id : stored) {
    auto res = client.Get(("/articles/" + id).c_str());
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << id;
    live[id] = Json::parse(res->body)["story"].get<std::string>();
  }
  auto health = Json::parse(client.Get("/healthz")->body);
  EXPECT_EQ(health["articles"], stored.size());
  // Search rows are written after the commits; what the kill left unindexed
  // was indexed by the restart: every stored article is in the index.
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir_ / "live.db").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(
        QueryOne(db, "ATTACH DATABASE '" + (dir_ / "live.db-search").string() + "' AS search"), "");
    EXPECT_EQ(QueryOne(db, "PRAGMA search.integrity_check"), "ok");
    EXPECT_EQ(QueryOne(db,
                       "SELECT count(*) FROM articles WHERE NOT EXISTS (SELECT 1 FROM"
                       " search.article_search WHERE rowid = articles.seq)"),
              "0");
    sqlite3_close(db);
  }

  std::string jsonl;
  for (const auto& id : stored) jsonl += by_id[id].dump() + "\n";
  fs::path input = Write("stored.jsonl", jsonl);
  ASSERT_EQ(Run("cluster --quiet --no-briefs -o /dev/null --assignments " +
                Quote((dir_ / "batch.jsonl").string()) + " " + Quote(input.string())),
            0)
      << err_;
  EXPECT_EQ(Partition(live), Partition(ReadLabels(dir_ / "batch.jsonl")));
}

}  // namespace
}  // namespace storyline::testing
