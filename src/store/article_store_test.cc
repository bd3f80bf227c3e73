#include "store/article_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace storyline::store {
namespace {

namespace fs = std::filesystem;

class ArticleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ =
        fs::path(::testing::TempDir()) / ("store_" + std::to_string(getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  static StoredArticle Row(const std::string& id, std::int64_t batch) {
    StoredArticle r;
    r.batch = batch;
    r.article.id = id;
    r.article.title = "Title of " + id;
    r.article.text = "Text of " + id + " with <script>alert(1)</script> and ünïcode.";
    r.article.source = "Outlet";
    r.article.published = 1772704800;
    return r;
  }

  std::vector<std::string> ReplayedIds(const ArticleStore& store) {
    std::vector<std::string> ids;
    EXPECT_TRUE(store.Replay([&](StoredArticle r) { ids.push_back(r.article.id); }).ok());
    return ids;
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(ArticleStoreTest, KeepsArticlesAcrossReopeningInArrivalOrder) {
  {
    auto store = ArticleStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<StoredArticle> first = {Row("b", 1), Row("a", 1)};
    ASSERT_TRUE((*store)->Append(&first).ok());
    EXPECT_EQ(first[0].seq, 1);
    EXPECT_EQ(first[1].seq, 2);
    std::vector<StoredArticle> second = {Row("c", 2)};
    ASSERT_TRUE((*store)->Append(&second).ok());
  }
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"b", "a", "c"}));
  auto batch = (*store)->LastBatch();
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(*batch, 2);

  auto got = (*store)->Get("a");
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const StoredArticle& a = **got;
  EXPECT_EQ(a.seq, 2);
  EXPECT_EQ(a.article.text, Row("a", 1).article.text);
  EXPECT_EQ(a.article.title, "Title of a");
  EXPECT_EQ(a.article.published, 1772704800);
  EXPECT_FALSE(a.article.fetched.has_value());
  EXPECT_FALSE(a.expires.has_value());

  auto missing = (*store)->Get("nope");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(ArticleStoreTest, AGroupWithAKnownIdWritesNothing) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> first = {Row("a", 1)};
  ASSERT_TRUE((*store)->Append(&first).ok());
  std::vector<StoredArticle> second = {Row("b", 2), Row("a", 2)};
  Status s = (*store)->Append(&second);
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"a"}));
  // The store still takes writes afterwards.
  std::vector<StoredArticle> third = {Row("b", 3)};
  EXPECT_TRUE((*store)->Append(&third).ok());
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"a", "b"}));
}

TEST_F(ArticleStoreTest, AppendDeletesAndInsertsInOneTransaction) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> first = {Row("a", 1), Row("b", 1)};
  ASSERT_TRUE((*store)->Append(&first).ok());
  // Replacing "a" (delete and insert the same id) and deleting "b".
  std::vector<StoredArticle> second = {Row("a", 2)};
  second[0].article.title = "New title";
  ASSERT_TRUE((*store)->Append(&second, {"a", "b", "never-stored"}).ok());
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"a"}));
  EXPECT_EQ((*(*store)->Get("a"))->article.title, "New title");
  EXPECT_FALSE((*(*store)->Get("b")).has_value());
  // A failing insert leaves the deletions undone too.
  std::vector<StoredArticle> dup = {Row("c", 3), Row("c", 3)};
  EXPECT_FALSE((*store)->Append(&dup, {"a"}).ok());
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"a"}));
  // Deletions alone.
  std::vector<StoredArticle> none;
  ASSERT_TRUE((*store)->Append(&none, {"a"}).ok());
  EXPECT_TRUE(ReplayedIds(**store).empty());
}

TEST_F(ArticleStoreTest, UsesWalAndRecordsTheSchemaVersion) {
  ASSERT_TRUE(ArticleStore::Open(path_).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "wal");
  sqlite3_finalize(q);
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), ArticleStore::kSchemaVersion);
  sqlite3_finalize(q);
  // Migrating again is a no-op.
  EXPECT_TRUE(MigrateSchema(db).ok());
  sqlite3_close(db);
}

TEST_F(ArticleStoreTest, RefusesADatabaseFromANewerVersion) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = ArticleStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
}

TEST_F(ArticleStoreTest, KeepsThePreparedBytesForReplayAndDropsThemWithTheArticle) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
  rows[0].prepared = std::string("\0\x01bytes\xff", 8);  // binary, with a NUL
  ASSERT_TRUE((*store)->Append(&rows).ok());
  std::vector<std::string> prepared;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { prepared.push_back(r.prepared); }).ok());
  EXPECT_EQ(prepared, (std::vector<std::string>{rows[0].prepared, ""}));

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM articles WHERE id = 'a'", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM prepared", -1, &q, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

// A database written by the first server (schema 1: no prepared table)
// opens, migrates, and replays its articles without prepared bytes.
TEST_F(ArticleStoreTest, MigratesAVersionOneDatabase) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE articles ("
                         " seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, batch INTEGER NOT NULL,"
                         " url TEXT, source TEXT, title TEXT, lang TEXT, text TEXT, html TEXT,"
                         " published INTEGER, fetched INTEGER, expires INTEGER);"
                         "INSERT INTO articles (seq, id, batch, text) VALUES (1, 'old', 1, 'Old text');"
                         "PRAGMA user_version = 1;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<StoredArticle> seen;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { seen.push_back(std::move(r)); }).ok());
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].article.text, "Old text");
  EXPECT_TRUE(seen[0].prepared.empty());
  std::vector<StoredArticle> more = {Row("new", 2)};
  more[0].prepared = "bytes";
  EXPECT_TRUE((*store)->Append(&more).ok());
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"old", "new"}));
}

TEST_F(ArticleStoreTest, RefusesAFileThatIsNotADatabase) {
  std::ofstream(path_) << "this is not a database, just some text that is long enough\n";
  auto store = ArticleStore::Open(path_);
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace storyline::store
