// `storyline serve` as a user starts it: flags, environment, messages.
#include <httplib.h>

#include "cli_fixture.h"
#include "serve_fixture.h"

namespace storyline::testing {
namespace {

using Json = nlohmann::json;

class ServeCliTest : public CliTest {
 protected:
  ServeProcess server_;
};

TEST_F(ServeCliTest, LoadsFilesOnceAndTakesTheTokenFromTheEnvironment) {
  std::string db = (dir_ / "s.db").string();
  std::string sample = kSource + "/data/sample/articles.jsonl";
  int port = server_.Start(dir_ / "first.log", {"--db", db, "--load", sample, "--snapshot-ms", "0"},
                           {"STORYLINE_WRITE_TOKEN=env-token"});
  ASSERT_GT(port, 0);
  std::string log = server_.log();
  EXPECT_NE(log.find("--load: 52 of 52 articles added"), std::string::npos) << log;
  EXPECT_NE(log.find("52 articles in 14 stories; open http://127.0.0.1:"), std::string::npos)
      << log;
  EXPECT_EQ(log.find("WARNING: no write token"), std::string::npos) << log;

  httplib::Client client("127.0.0.1", port);
  const char* article = R"({"id": "extra", "text": "A short article about a new bridge."})";
  EXPECT_EQ(client.Post("/articles", article, "application/json")->status, 401);
  EXPECT_EQ(
      client
          .Post("/articles", {{"Authorization", "Bearer env-token"}}, article, "application/json")
          ->status,
      200);
  EXPECT_TRUE(server_.Kill(SIGTERM)) << server_.log();  // SIGTERM stops it cleanly

  // Started again with the same --load: nothing is added twice.
  port = server_.Start(dir_ / "second.log", {"--db", db, "--load", sample});
  ASSERT_GT(port, 0);
  log = server_.log();
  EXPECT_NE(log.find("restored 53 articles"), std::string::npos) << log;
  EXPECT_NE(log.find("--load: 0 of 52 articles added, 52 already stored"), std::string::npos)
      << log;
  EXPECT_NE(log.find("WARNING: no write token"), std::string::npos) << log;
  EXPECT_EQ(Json::parse(httplib::Client("127.0.0.1", port).Get("/healthz")->body)["articles"], 53);
}

TEST_F(ServeCliTest, LoadsAnInputOfManyChunksAndCountsAcrossThem) {
  // More articles than one chunk of the load (256), one of them all
  // boilerplate, which the server refuses.
  std::string lines;
  for (int i = 0; i < 600; ++i) {
    std::string text = i == 300 ? "Copyright 2024 Example News. All rights reserved."
                                : "Council number " + std::to_string(i) +
                                      " approved a new budget for road repairs on Monday.";
    lines += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"" + text + "\"}\n";
  }
  std::string input = Write("many.jsonl", lines).string();
  std::string db = (dir_ / "many.db").string();
  int port = server_.Start(dir_ / "many.log", {"--db", db, "--load", input, "--snapshot-ms", "0"});
  ASSERT_GT(port, 0);
  std::string log = server_.log();
  EXPECT_NE(log.find("--load: 599 of 600 articles added, 0 already stored, 1 refused"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("many.jsonl:301: no article text left"), std::string::npos) << log;
  EXPECT_EQ(Json::parse(httplib::Client("127.0.0.1", port).Get("/healthz")->body)["articles"], 599);
}

TEST_F(ServeCliTest, RefusesADatabaseItCannotOpen) {
  Write("not.db", std::string(4096, 'x'));
  EXPECT_EQ(Run("serve --port 0 --db " + Quote((dir_ / "not.db").string())), 1);
  EXPECT_NE(err_.find("not.db"), std::string::npos) << err_;
}

}  // namespace
}  // namespace storyline::testing
