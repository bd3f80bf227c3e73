#include "store/article_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/test_dir.h"

namespace storyline::store {
namespace {

namespace fs = std::filesystem;

// Version 1's articles table, as storyline wrote it (versions 2 and 3 kept it).
constexpr const char* kVersion1Articles =
    "CREATE TABLE articles ("
    " seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, batch INTEGER NOT NULL,"
    " url TEXT, source TEXT, title TEXT, lang TEXT, text TEXT, html TEXT,"
    " published INTEGER, fetched INTEGER, expires INTEGER);";

class ArticleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::FreshTestDir("store");
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

  // Stores `rows` and indexes them, as the server does after each commit.
  static Status AppendAndIndex(ArticleStore& store, std::vector<StoredArticle>* rows,
                               const std::vector<std::string>& removed = {}) {
    STORYLINE_RETURN_IF_ERROR(store.Append(rows, removed));
    return store.WriteDerived(*rows);
  }

  // Runs `sql` on the database file directly, as an older storyline would.
  void ExecSql(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
    sqlite3_close(db);
  }

  // Rows in the search index (its own file), whether or not their article
  // is still stored (Search() joins the articles, so it cannot see a stale
  // row).
  int SearchRows() { return Count(path_ + "-search", "SELECT count(*) FROM article_search"); }

  // The one number `sql` selects in the SQLite file `file`; -1 when the
  // query fails.
  static int Count(const std::string& file, const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK) << file;
    sqlite3_stmt* q = nullptr;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
      n = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return n;
  }

  // Stored articles the search index lacks, as Replay() reports them.
  static int Unindexed(const ArticleStore& store) {
    int n = 0;
    EXPECT_TRUE(store.Replay([&](StoredArticle r) { n += r.indexed ? 0 : 1; }).ok());
    return n;
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

// The analysis is not in the commit: WriteDerived() keeps it in the search
// file, Replay() gives it back, and it goes with its article.
TEST_F(ArticleStoreTest, KeepsThePreparedBytesForReplayAndDropsThemWithTheArticle) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
  rows[0].prepared = std::string("\0\x01bytes\xff", 8);  // binary, with a NUL
  ASSERT_TRUE((*store)->Append(&rows).ok());
  std::vector<std::string> prepared;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { prepared.push_back(r.prepared); }).ok());
  EXPECT_EQ(prepared, (std::vector<std::string>{"", ""}));  // not written yet
  ASSERT_TRUE((*store)->WriteDerived(rows).ok());
  prepared.clear();
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { prepared.push_back(r.prepared); }).ok());
  EXPECT_EQ(prepared, (std::vector<std::string>{rows[0].prepared, ""}));

  std::vector<StoredArticle> none;
  ASSERT_TRUE((*store)->Append(&none, {"a"}).ok());
  ASSERT_TRUE((*store)->WriteDerived({}).ok());
  EXPECT_EQ(Count(path_ + "-search", "SELECT count(*) FROM derived"), 0);
}

// A database written by the first server (schema 1: no prepared table)
// opens, migrates, and replays its articles without prepared bytes.
TEST_F(ArticleStoreTest, MigratesAVersionOneDatabase) {
  ExecSql(std::string(kVersion1Articles) +
          "INSERT INTO articles (seq, id, batch, text) VALUES (1, 'old', 1, 'Old text');"
          "PRAGMA user_version = 1;");
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

std::vector<std::string> HitIds(const Result<std::vector<SearchHit>>& hits) {
  std::vector<std::string> ids;
  EXPECT_TRUE(hits.ok()) << hits.status().ToString();
  if (hits.ok()) {
    for (const auto& h : *hits) ids.push_back(h.id);
  }
  return ids;
}

TEST_F(ArticleStoreTest, SearchFindsBodyWordsStemmedAndRanksByBm25) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("once", 1), Row("often", 1), Row("never", 1)};
  rows[0].article.text = "The harbour was closed after the storm and the town waited.";
  rows[1].article.text = "Harbours reopened: the harbour master said the harbour is safe.";
  rows[2].article.text = "Nothing about the sea in this one, only the mountains.";
  // The extracted text, when given, is what is indexed, not the received body.
  rows[2].search_text = "Extracted words mention a lighthouse.";
  ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
  // More occurrences rank first; "HARBOURS" is case-folded and stemmed.
  EXPECT_EQ(HitIds((*store)->Search("HARBOURS", 10)), (std::vector<std::string>{"often", "once"}));
  EXPECT_EQ(HitIds((*store)->Search("harbour storm", 10)), (std::vector<std::string>{"once"}));
  EXPECT_EQ(HitIds((*store)->Search("lighthouse", 10)), (std::vector<std::string>{"never"}));
  EXPECT_TRUE(HitIds((*store)->Search("mountains", 10)).empty());
  // Titles are searched too.
  EXPECT_EQ(HitIds((*store)->Search("title OFTEN", 10)), (std::vector<std::string>{"often"}));
  EXPECT_EQ(HitIds((*store)->Search("harbour", 1)), (std::vector<std::string>{"often"}));
  auto hits = (*store)->Search("harbour", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_GT((*hits)[0].relevance, (*hits)[1].relevance);
  EXPECT_TRUE(HitIds((*store)->Search("   ", 10)).empty());
}

TEST_F(ArticleStoreTest, SearchTakesFts5SyntaxAsPlainWords) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1)};
  rows[0].article.text = "Rain AND wind OR snow NEAR the coast";
  ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
  for (const char* q :
       {"AND OR (", "\"", "\"\"", "NOT", "rain NOT", "a*", "title:rain", "^rain", "rain)",
        "NEAR(rain wind)", "'; DROP TABLE articles; --", "\x01\x7f", "\xff\xfe", "{rain}", "-"}) {
    auto hits = (*store)->Search(q, 10);
    EXPECT_TRUE(hits.ok()) << q << ": " << hits.status().ToString();
  }
  // Operators are words: "rain AND wind" needs the word "and", which is there.
  EXPECT_EQ(HitIds((*store)->Search("rain AND wind", 10)), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(HitIds((*store)->Search("rain NOT", 10)).empty());
  EXPECT_TRUE(HitIds((*store)->Search("rain*", 10)).size() == 1);  // '*' is no token character
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"a"}));
  EXPECT_EQ(MatchExpression(" a \"b\"\tc "), "\"a\" \"\"\"b\"\"\" \"c\"");
  EXPECT_EQ(MatchExpression(" \n "), "");
}

// Append() stores, WriteDerived() indexes later (the server batches it):
// what was refused or deleted in between is not indexed.
TEST_F(ArticleStoreTest, WriteDerivedIndexesOnlyWhatIsStoredAndUnindexed) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> first = {Row("a", 1), Row("gone", 1)};
  first[0].article.text = "A zeppelin landed.";
  first[1].article.text = "Another zeppelin.";
  ASSERT_TRUE((*store)->Append(&first).ok());
  EXPECT_EQ(Unindexed(**store), 2);
  std::vector<bool> before;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { before.push_back(r.indexed); }).ok());
  EXPECT_EQ(before, (std::vector<bool>{false, false}));
  EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());
  std::vector<StoredArticle> refused = {Row("b", 2), Row("a", 2)};
  refused[0].article.text = "zeppelin";
  EXPECT_FALSE((*store)->Append(&refused).ok());
  std::vector<StoredArticle> none;
  ASSERT_TRUE((*store)->Append(&none, {"gone"}).ok());

  std::vector<StoredArticle> pending = first;
  pending.insert(pending.end(), refused.begin(), refused.end());
  ASSERT_TRUE((*store)->WriteDerived(pending).ok());
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Unindexed(**store), 0);
  EXPECT_EQ(SearchRows(), 1);  // nothing for the deleted or the refused
  std::vector<bool> indexed;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { indexed.push_back(r.indexed); }).ok());
  EXPECT_EQ(indexed, (std::vector<bool>{true}));
  ASSERT_TRUE((*store)->WriteDerived(pending).ok());  // twice: nothing more
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"a"}));
}

TEST_F(ArticleStoreTest, MigratesAVersion1DatabaseAndIndexesWhatIsMissing) {
  ExecSql(std::string(kVersion1Articles) +
          "INSERT INTO articles (seq, id, batch, title, text, html) VALUES"
          " (1, 'old-text', 1, 'Old', 'A zeppelin landed.', ''),"
          " (2, 'old-html', 1, 'Page', '', '<p>A blimp landed.</p>');"
          "PRAGMA user_version = 1;");
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(ReplayedIds(**store), (std::vector<std::string>{"old-text", "old-html"}));
  EXPECT_EQ(Unindexed(**store), 2);
  EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());

  // The caller indexes the old rows with the text it extracted.
  std::vector<StoredArticle> old;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { old.push_back(std::move(r)); }).ok());
  old[1].search_text = "A blimp landed.";
  ASSERT_TRUE((*store)->WriteDerived({old[1]}).ok());
  EXPECT_EQ(Unindexed(**store), 1);
  ASSERT_TRUE((*store)->WriteDerived(old).ok());  // the one indexed already is kept
  EXPECT_EQ(Unindexed(**store), 0);
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"old-text"}));
  EXPECT_EQ(HitIds((*store)->Search("blimp", 10)), (std::vector<std::string>{"old-html"}));

  // New rows continue after the old ones and are indexed as stored.
  std::vector<StoredArticle> rows = {Row("new", 2)};
  rows[0].article.text = "Another zeppelin.";
  ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
  EXPECT_EQ(rows[0].seq, 3);
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)).size(), 2u);
}

// Schema 2 (articles and prepared, no search index) migrates to 6: the
// articles wait to be indexed, and their analysis, dropped from the
// database by version 6, to be made again.
TEST_F(ArticleStoreTest, MigratesAVersion2DatabaseWhoseArticlesWaitForEverythingDerived) {
  ExecSql(std::string(kVersion1Articles) +
          "CREATE TABLE prepared (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL);"
          "CREATE TRIGGER articles_drop_prepared AFTER DELETE ON articles"
          " BEGIN DELETE FROM prepared WHERE seq = old.seq; END;"
          "INSERT INTO articles (seq, id, batch, title, text) VALUES"
          " (1, 'v2', 1, 'Old', 'A zeppelin landed.');"
          "INSERT INTO prepared (seq, bytes) VALUES (1, 'analysis');"
          "PRAGMA user_version = 2;");
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<StoredArticle> old;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { old.push_back(std::move(r)); }).ok());
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0].prepared, "");
  EXPECT_EQ(old[0].story, "");  // version 4's column, empty for old rows
  // Moved to the search file (version 6).
  EXPECT_EQ(Count(path_, "SELECT count(*) FROM sqlite_master WHERE name = 'prepared'"), 0);
  EXPECT_EQ(*(*store)->LastStoryNumber(), 0u);
  EXPECT_EQ(Unindexed(**store), 1);
  ASSERT_TRUE((*store)->WriteDerived(old).ok());
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"v2"}));
}

// The story id an article was answered with is stored after its commit,
// with its search row, and read back by Replay() and Get(); the highest
// "s<N>" is known.
TEST_F(ArticleStoreTest, KeepsTheStoryIdsArticlesWereAnsweredWith) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1), Row("c", 1)};
  ASSERT_TRUE((*store)->Append(&rows).ok());
  EXPECT_EQ(*(*store)->LastStoryNumber(), 0u);
  rows[0].story = "s9";
  rows[1].story = "s12";
  rows[2].story = "";  // not known: left as it is
  EXPECT_EQ(Unindexed(**store), 3);
  ASSERT_TRUE((*store)->WriteDerived(rows).ok());
  EXPECT_EQ(Unindexed(**store), 0);
  EXPECT_EQ(SearchRows(), 3);
  std::vector<std::string> stories;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { stories.push_back(r.story); }).ok());
  EXPECT_EQ(stories, (std::vector<std::string>{"s9", "s12", ""}));
  EXPECT_EQ((*(*store)->Get("b"))->story, "s12");
  EXPECT_EQ(*(*store)->LastStoryNumber(), 12u);
}

// Indexing writes its own file: a large batch is wholly indexed, with its
// story ids, while another thread keeps appending.
TEST_F(ArticleStoreTest, IndexingABigBatchBesideAppendsIndexesAllOfIt) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows;
  for (int i = 0; i < 400; ++i) rows.push_back(Row("a" + std::to_string(i), 1));
  ASSERT_TRUE((*store)->Append(&rows).ok());
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].story = "s" + std::to_string(i + 1);
  std::thread appender([&] {
    for (int i = 0; i < 40; ++i) {
      std::vector<StoredArticle> more = {Row("b" + std::to_string(i), 2)};
      EXPECT_TRUE((*store)->Append(&more).ok());
    }
  });
  ASSERT_TRUE((*store)->WriteDerived(rows).ok());
  appender.join();
  EXPECT_EQ(SearchRows(), 400);
  EXPECT_EQ(Unindexed(**store), 40);  // the b rows: stored, not yet indexed
  EXPECT_EQ(*(*store)->LastStoryNumber(), 400u);
}

// Removing an article (DELETE, PUT, expiry) takes it out of the search
// index at the next indexing; a replacement is found by its new text.
TEST_F(ArticleStoreTest, ARemovedArticleIsNoLongerFound) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
  rows[0].article.text = "A zeppelin landed.";
  rows[1].article.text = "A zeppelin took off.";
  ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)).size(), 2u);
  std::vector<StoredArticle> replacement = {Row("b", 2)};
  replacement[0].article.text = "A blimp took off.";
  ASSERT_TRUE(AppendAndIndex(**store, &replacement, {"a", "b"}).ok());
  EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());
  EXPECT_EQ(HitIds((*store)->Search("blimp", 10)), (std::vector<std::string>{"b"}));
  EXPECT_EQ(Unindexed(**store), 0);
  EXPECT_EQ(SearchRows(), 1);  // the deleted articles' rows went with them
}

// A deleted article is not found while the index is behind, and its row
// goes at the next Open() when no indexing came first (a crash).
TEST_F(ArticleStoreTest, ADeletedArticlesSearchRowGoesEvenWhenNoIndexingFollows) {
  {
    auto store = ArticleStore::Open(path_);
    ASSERT_TRUE(store.ok());
    std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
    rows[1].article.text = "A zeppelin landed.";
    ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
    std::vector<StoredArticle> none;
    ASSERT_TRUE((*store)->Append(&none, {"b"}).ok());
    EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());
    EXPECT_EQ(SearchRows(), 2);  // not indexed since
  }
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(SearchRows(), 1);
  EXPECT_EQ(Unindexed(**store), 0);
}

// The newest article deleted, the next one stored gets a new seq: the old
// search row, not yet taken out, is never read as the new article's.
TEST_F(ArticleStoreTest, ASeqIsNeverGivenTwice) {
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok());
  std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
  rows[1].article.text = "A zeppelin landed.";
  ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
  std::vector<StoredArticle> next = {Row("c", 2)};
  next[0].article.text = "A blimp landed.";
  ASSERT_TRUE((*store)->Append(&next, {"b"}).ok());
  EXPECT_EQ(next[0].seq, 3);
  EXPECT_EQ(Unindexed(**store), 1);  // c
  EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());
  ASSERT_TRUE((*store)->WriteDerived(next).ok());
  EXPECT_EQ(HitIds((*store)->Search("blimp", 10)), (std::vector<std::string>{"c"}));
  EXPECT_EQ(SearchRows(), 2);  // a and c
}

// Schema 4 held the search index in the database; 5 drops it there, and
// every article waits to be indexed in the search file.
TEST_F(ArticleStoreTest, MigratesAVersion4DatabaseMovingTheSearchIndexOut) {
  ExecSql(std::string(kVersion1Articles) +
          "CREATE TABLE prepared (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL);"
          "CREATE VIRTUAL TABLE article_search USING fts5("
          "title, body, tokenize='porter unicode61');"
          "CREATE TRIGGER articles_drop_search AFTER DELETE ON articles"
          " BEGIN DELETE FROM article_search WHERE rowid = old.seq; END;"
          "ALTER TABLE articles ADD COLUMN story TEXT;"
          "INSERT INTO articles (seq, id, batch, title, text, story) VALUES"
          " (1, 'v4', 1, 'Old', 'A zeppelin landed.', 's7');"
          "INSERT INTO article_search (rowid, title, body) VALUES (1, 'Old', 'A zeppelin landed.');"
          "PRAGMA user_version = 4;");
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(Unindexed(**store), 1);
  std::vector<StoredArticle> old;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { old.push_back(std::move(r)); }).ok());
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0].story, "s7");
  ASSERT_TRUE((*store)->WriteDerived(old).ok());
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"v4"}));
  EXPECT_EQ(Count(path_, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'article_search%'"),
            0);
}

// The search file is derived data: lost, it is made again empty, and every
// stored article waits to be indexed.
TEST_F(ArticleStoreTest, ALostSearchFileIsMadeAgainAndEveryArticleWaitsToBeIndexed) {
  {
    auto store = ArticleStore::Open(path_);
    ASSERT_TRUE(store.ok());
    std::vector<StoredArticle> rows = {Row("a", 1), Row("b", 1)};
    rows[0].article.text = "A zeppelin landed.";
    ASSERT_TRUE(AppendAndIndex(**store, &rows).ok());
    EXPECT_EQ(Unindexed(**store), 0);
  }
  for (const char* suffix : {"-search", "-search-wal", "-search-shm"}) fs::remove(path_ + suffix);
  auto store = ArticleStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(Unindexed(**store), 2);
  EXPECT_TRUE(HitIds((*store)->Search("zeppelin", 10)).empty());
  std::vector<StoredArticle> old;
  ASSERT_TRUE((*store)->Replay([&](StoredArticle r) { old.push_back(std::move(r)); }).ok());
  ASSERT_TRUE((*store)->WriteDerived(old).ok());
  EXPECT_EQ(HitIds((*store)->Search("zeppelin", 10)), (std::vector<std::string>{"a"}));
}

// A search file that is not a database is refused, named.
TEST_F(ArticleStoreTest, RefusesASearchFileThatIsNotADatabase) {
  std::ofstream(path_ + "-search") << "not a database, not at all, and long enough to be read";
  auto store = ArticleStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path_ + "-search"), std::string::npos)
      << store.status().ToString();
}

}  // namespace
}  // namespace storyline::store
