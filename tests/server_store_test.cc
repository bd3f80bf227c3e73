// End-to-end tests of what the HTTP server keeps: expiry, restarts that
// replay the store (with or without the stored analysis), the full-text
// search index and the migration of an old database. The fixture is in
// server_fixture.h.
#include <httplib.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "cli_fixture.h"
#include "server_fixture.h"
#include "store/article_store.h"

namespace storyline::testing {
namespace {

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

}  // namespace
}  // namespace storyline::testing
