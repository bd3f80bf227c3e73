#include "store/article_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <mutex>
#include <span>

namespace storyline::store {
namespace {

Status SqlError(sqlite3* db, std::string_view what) {
  return Status::IoError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Status Exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    Status s = Status::IoError(std::string(sql).substr(0, 40) + ": " + (message ? message : "?"));
    sqlite3_free(message);
    return s;
  }
  return Status::Ok();
}

// Runs `write` in one transaction on `db`: committed when it succeeds,
// rolled back otherwise.
Status InTransaction(sqlite3* db, const std::function<Status()>& write) {
  STORYLINE_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  Status s = write();
  if (s.ok()) s = Exec(db, "COMMIT");
  if (!s.ok()) Exec(db, "ROLLBACK");
  return s;
}

// A prepared statement, finalized when it goes out of scope.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return stmt_; }
  bool ok() const { return stmt_ != nullptr; }

  void Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Time(int i, const std::optional<UnixSeconds>& t) {
    if (t)
      sqlite3_bind_int64(stmt_, i, *t);
    else
      sqlite3_bind_null(stmt_, i);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

std::string ColumnText(sqlite3_stmt* s, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

std::optional<UnixSeconds> ColumnTime(sqlite3_stmt* s, int i) {
  if (sqlite3_column_type(s, i) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(s, i);
}

// The columns RowOf() reads, of an article `a` and its `derived` row `d`
// (the reading connection has the search file attached as "search").
constexpr const char* kSelectColumns =
    "SELECT a.seq, a.batch, a.id, a.url, a.source, a.title, a.lang, a.text, a.html,"
    " a.published, a.fetched, a.expires, COALESCE(d.story, a.story)";
constexpr const char* kFromArticles =
    " FROM main.articles a LEFT JOIN search.derived d ON d.seq = a.seq";

StoredArticle RowOf(sqlite3_stmt* s) {
  StoredArticle r;
  r.seq = sqlite3_column_int64(s, 0);
  r.batch = sqlite3_column_int64(s, 1);
  r.article.id = ColumnText(s, 2);
  r.article.url = ColumnText(s, 3);
  r.article.source = ColumnText(s, 4);
  r.article.title = ColumnText(s, 5);
  r.article.lang = ColumnText(s, 6);
  r.article.text = ColumnText(s, 7);
  r.article.html = ColumnText(s, 8);
  r.article.published = ColumnTime(s, 9);
  r.article.fetched = ColumnTime(s, 10);
  r.expires = ColumnTime(s, 11);
  r.story = ColumnText(s, 12);
  return r;
}

// Inserts the search row of article `seq`. REQUIRES: a transaction is open.
Status InsertSearchRow(sqlite3* db, Statement* insert, std::int64_t seq, const StoredArticle& r) {
  sqlite3_bind_int64(insert->get(), 1, seq);
  insert->Text(2, r.article.title);
  insert->Text(3, r.search_text.empty() ? r.article.text : r.search_text);
  int rc = sqlite3_step(insert->get());
  sqlite3_reset(insert->get());
  sqlite3_clear_bindings(insert->get());
  return rc == SQLITE_DONE ? Status::Ok() : SqlError(db, "index");
}

constexpr const char* kInsertSearch =
    "INSERT INTO article_search (rowid, title, body) VALUES (?,?,?)";

// The search index's own file, beside the database: `path`-search.
std::string SearchPath(const std::string& path) { return path + "-search"; }

// The search file's schema, in its PRAGMA user_version: 1 the search
// index, 2 also the table `derived`.
constexpr int kSearchSchemaVersion = 2;

Result<sqlite3*> OpenConnection(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = SqlError(db, "cannot open " + path);
    sqlite3_close(db);
    return s;
  }
  // A reader waits for a checkpoint instead of failing with SQLITE_BUSY.
  sqlite3_busy_timeout(db, 5000);
  return db;
}

// Puts `db`, the file at `path`, in WAL mode. kIoError "`path` is not a
// storyline `what`" when it is not a SQLite database.
Status UseWal(sqlite3* db, const std::string& path, std::string_view what) {
  Statement q(db, "PRAGMA journal_mode=WAL");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) {
    return SqlError(db, path + " is not a storyline " + std::string(what));
  }
  if (ColumnText(q.get(), 0) != "wal") return Status::IoError(path + ": WAL mode unavailable");
  return Status::Ok();
}

// The file's schema version (PRAGMA user_version).
Result<int> UserVersion(sqlite3* db) {
  Statement q(db, "PRAGMA user_version");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "schema version");
  return sqlite3_column_int(q.get(), 0);
}

// Attaches the database file `path` to `db` as `name`.
Status Attach(sqlite3* db, const std::string& path, const char* name) {
  Statement q(db, (std::string("ATTACH DATABASE ? AS ") + name).c_str());
  if (!q.ok()) return SqlError(db, "attach");
  q.Text(1, path);
  return sqlite3_step(q.get()) == SQLITE_DONE ? Status::Ok() : SqlError(db, "attach " + path);
}

// Opens (creating it) the search index file at `path`, beside the database
// at `articles_path`, and deletes the rows of articles that are no longer
// stored (deleted while the index was behind, or before a crash).
Result<sqlite3*> OpenSearch(const std::string& path, const std::string& articles_path) {
  auto opened = OpenConnection(path);
  if (!opened.ok()) return opened.status();
  sqlite3* db = *opened;
  auto fail = [&](Status s) {
    sqlite3_close(db);
    return s;
  };
  // WAL as the database; NORMAL: the index is derived from the articles,
  // and what a crash loses of it the next start indexes again.
  if (Status wal = UseWal(db, path, "search index"); !wal.ok()) return fail(wal);
  Result<int> read = UserVersion(db);
  if (!read.ok()) return fail(read.status());
  const int version = *read;
  if (version > kSearchSchemaVersion) {
    return fail(Status::InvalidInput(path + ": search index version " + std::to_string(version) +
                                     " is newer than this storyline's"));
  }
  Status s = Exec(db, "PRAGMA synchronous=NORMAL");
  if (s.ok() && version < kSearchSchemaVersion) {
    s = InTransaction(db, [&] {
      Status step;
      if (version < 1) {
        // rowid = the article's seq; body = the text the engine analysed.
        step = Exec(db,
                    "CREATE VIRTUAL TABLE article_search USING fts5("
                    "title, body, tokenize='porter unicode61')");
      }
      if (step.ok() && version < 2) {
        // What the server derived from each article after its commit: the
        // engine's analysis and the story id it was answered with.
        step =
            Exec(db, "CREATE TABLE derived (seq INTEGER PRIMARY KEY, story TEXT, prepared BLOB)");
      }
      if (step.ok()) {
        step = Exec(db, ("PRAGMA user_version = " + std::to_string(kSearchSchemaVersion)).c_str());
      }
      return step;
    });
  }
  if (s.ok()) s = Attach(db, articles_path, "articles_db");
  if (s.ok()) {
    s = InTransaction(db, [&] {
      return Exec(db,
                  "DELETE FROM main.article_search WHERE rowid NOT IN"
                  " (SELECT seq FROM articles_db.articles);"
                  "DELETE FROM main.derived WHERE seq NOT IN"
                  " (SELECT seq FROM articles_db.articles)");
    });
  }
  if (s.ok()) s = Exec(db, "DETACH DATABASE articles_db");
  if (!s.ok()) return fail(s);
  return db;
}

}  // namespace

struct ArticleStore::Connections {
  // Article writes (Append) take turns on the writer connection.
  mutable std::mutex writer_mu;
  sqlite3* writer = nullptr;  // GUARDED_BY(writer_mu)
  // The search index is a second SQLite file with a writer of its own, so
  // that indexing never holds up a commit (docs/DESIGN.md "Live server").
  mutable std::mutex search_mu;
  sqlite3* search = nullptr;  // GUARDED_BY(search_mu)
  // Articles deleted since the last WriteDerived(), whose rows there are to go.
  std::mutex unindex_mu;
  std::vector<std::int64_t> unindex;  // GUARDED_BY(unindex_mu)
  // The next seq to give: a seq is never given twice in a process, so a
  // search row left by a deleted article cannot be taken for a new one.
  std::int64_t next_seq = 1;  // GUARDED_BY(writer_mu)
  // Reads: the articles, with the search file attached as "search".
  mutable std::mutex reader_mu;
  sqlite3* reader = nullptr;  // GUARDED_BY(reader_mu)
  // Append()'s statements on the writer, prepared once (preparing them at
  // every group commit was about a tenth of the ingest thread's time).
  std::unique_ptr<Statement> delete_article, insert_article;  // GUARDED_BY(writer_mu)

  Statement& WriterStatement(std::unique_ptr<Statement>* s, const char* sql) {
    if (!*s || !(*s)->ok()) *s = std::make_unique<Statement>(writer, sql);
    return **s;
  }

  ~Connections() {
    delete_article.reset();  // finalized before their connection closes
    insert_article.reset();
    sqlite3_close(reader);
    sqlite3_close(search);
    sqlite3_close(writer);
  }
};

Status MigrateSchema(sqlite3* db) {
  Result<int> read = UserVersion(db);
  if (!read.ok()) return read.status();
  const int version = *read;
  if (version > ArticleStore::kSchemaVersion) {
    return Status::InvalidInput("database schema version " + std::to_string(version) +
                                " is newer than this storyline's (" +
                                std::to_string(ArticleStore::kSchemaVersion) + ")");
  }
  if (version == ArticleStore::kSchemaVersion) return Status::Ok();
  return InTransaction(db, [&] {
    Status s;
    // One step per version; each leaves the schema at the next version.
    if (version < 1) {
      s = Exec(db,
               "CREATE TABLE articles ("
               " seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, batch INTEGER NOT NULL,"
               " url TEXT, source TEXT, title TEXT, lang TEXT, text TEXT, html TEXT,"
               " published INTEGER, fetched INTEGER, expires INTEGER)");
    }
    if (s.ok() && version < 2) {
      // What the engine made of each article (PreparedArticle::Serialize()), so
      // a restart replays without analysing again; a row of its own so that
      // reading an article does not read it, gone with its article.
      s = Exec(db,
               "CREATE TABLE prepared (seq INTEGER PRIMARY KEY, bytes BLOB NOT NULL);"
               "CREATE TRIGGER articles_drop_prepared AFTER DELETE ON articles"
               " BEGIN DELETE FROM prepared WHERE seq = old.seq; END");
    }
    // Versions 3 and 4 held the search index in this file (an FTS5 table
    // article_search, its rows deleted by a trigger with their article);
    // version 5 moved it to a file of its own.
    if (s.ok() && version < 4) {
      // The story id each article was answered with, so that a restart gives
      // stories the ids clients saw. NULL before version 4; not written
      // since version 6 (the search file's `derived` keeps it), read where
      // that has none.
      s = Exec(db, "ALTER TABLE articles ADD COLUMN story TEXT");
    }
    if (s.ok() && version < 5) {
      // The search index moved to a file of its own (SearchPath()); the
      // next start indexes every article there again.
      s = Exec(db,
               "DROP TRIGGER IF EXISTS articles_drop_search;"
               "DROP TABLE IF EXISTS article_search");
    }
    if (s.ok() && version < 6) {
      // The analysis moved to the search file's `derived`, written after the
      // commit: an acknowledged write fsyncs the article alone (its analysis
      // was three quarters of the bytes). The next start prepares every
      // article again and keeps the analysis there.
      s = Exec(db,
               "DROP TRIGGER IF EXISTS articles_drop_prepared;"
               "DROP TABLE IF EXISTS prepared");
    }
    if (s.ok()) {
      s = Exec(db,
               ("PRAGMA user_version = " + std::to_string(ArticleStore::kSchemaVersion)).c_str());
    }
    return s;
  });
}

Result<std::unique_ptr<ArticleStore>> ArticleStore::Open(const std::string& path) {
  std::unique_ptr<ArticleStore> store(new ArticleStore());
  store->db_ = std::make_unique<Connections>();
  auto writer = OpenConnection(path);
  if (!writer.ok()) return writer.status();
  store->db_->writer = *writer;
  sqlite3* db = *writer;
  // WAL: readers never block the writer; FULL: a commit is on disk (the WAL
  // fsynced) before it returns, which is what an acknowledgement promises.
  STORYLINE_RETURN_IF_ERROR(UseWal(db, path, "database"));
  STORYLINE_RETURN_IF_ERROR(Exec(db, "PRAGMA synchronous=FULL"));
  STORYLINE_RETURN_IF_ERROR(MigrateSchema(db));
  {
    Statement q(db, "SELECT COALESCE(MAX(seq), 0) FROM articles");
    if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "last seq");
    store->db_->next_seq = sqlite3_column_int64(q.get(), 0) + 1;
  }
  auto search = OpenSearch(SearchPath(path), path);
  if (!search.ok()) return search.status();
  store->db_->search = *search;
  auto reader = OpenConnection(path);
  if (!reader.ok()) return reader.status();
  store->db_->reader = *reader;
  STORYLINE_RETURN_IF_ERROR(Attach(*reader, SearchPath(path), "search"));
  return store;
}

ArticleStore::~ArticleStore() = default;

Status ArticleStore::Append(std::vector<StoredArticle>* rows,
                            const std::vector<std::string>& removed) {
  std::lock_guard<std::mutex> lock(db_->writer_mu);
  sqlite3* db = db_->writer;
  const std::int64_t next = db_->next_seq;
  std::vector<std::int64_t> deleted;
  Status stored = InTransaction(db, [&] {
    Status s = Status::Ok();
    if (!removed.empty()) {
      Statement& del = db_->WriterStatement(&db_->delete_article,
                                            "DELETE FROM articles WHERE id = ? RETURNING seq");
      if (!del.ok()) s = SqlError(db, "prepare delete");
      for (std::size_t i = 0; s.ok() && i < removed.size(); ++i) {
        del.Text(1, removed[i]);
        int rc;
        while ((rc = sqlite3_step(del.get())) == SQLITE_ROW) {
          deleted.push_back(sqlite3_column_int64(del.get(), 0));
        }
        if (rc != SQLITE_DONE) s = SqlError(db, "delete");
        sqlite3_reset(del.get());
      }
    }
    Statement& insert = db_->WriterStatement(
        &db_->insert_article,
        "INSERT INTO articles (seq, id, batch, url, source, title, lang, text, html,"
        " published, fetched, expires) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    if (s.ok() && !insert.ok()) s = SqlError(db, "prepare insert");
    for (std::size_t i = 0; s.ok() && i < rows->size(); ++i) {
      StoredArticle& r = (*rows)[i];
      const Article& a = r.article;
      sqlite3_bind_int64(insert.get(), 1, next + static_cast<std::int64_t>(i));
      insert.Text(2, a.id);
      sqlite3_bind_int64(insert.get(), 3, r.batch);
      insert.Text(4, a.url);
      insert.Text(5, a.source);
      insert.Text(6, a.title);
      insert.Text(7, a.lang);
      insert.Text(8, a.text);
      insert.Text(9, a.html);
      insert.Time(10, a.published);
      insert.Time(11, a.fetched);
      insert.Time(12, r.expires);
      int rc = sqlite3_step(insert.get());
      if (rc == SQLITE_CONSTRAINT) {
        s = Status::AlreadyExists("article id already stored: " + a.id);
      } else if (rc != SQLITE_DONE) {
        s = SqlError(db, "insert");
      }
      sqlite3_reset(insert.get());
      sqlite3_clear_bindings(insert.get());
    }
    return s;
  });
  STORYLINE_RETURN_IF_ERROR(stored);
  db_->next_seq = next + static_cast<std::int64_t>(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    (*rows)[i].seq = next + static_cast<std::int64_t>(i);
  }
  if (!deleted.empty()) {
    std::lock_guard<std::mutex> unindex_lock(db_->unindex_mu);
    db_->unindex.insert(db_->unindex.end(), deleted.begin(), deleted.end());
  }
  return Status::Ok();
}

Status ArticleStore::Replay(const std::function<void(StoredArticle)>& visit) const {
  // No lock: it runs before anything else uses the store, and `visit` may
  // call the writer methods (the restart indexes as it replays).
  sqlite3* db = db_->reader;
  Statement q(db, (std::string(kSelectColumns) +
                   ", d.prepared,"
                   " EXISTS (SELECT 1 FROM search.article_search s WHERE s.rowid = a.seq)" +
                   kFromArticles + " ORDER BY a.seq")
                      .c_str());
  if (!q.ok()) return SqlError(db, "replay");
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    StoredArticle row = RowOf(q.get());
    if (const void* bytes = sqlite3_column_blob(q.get(), 13)) {
      row.prepared.assign(static_cast<const char*>(bytes),
                          static_cast<std::size_t>(sqlite3_column_bytes(q.get(), 13)));
    }
    row.indexed = sqlite3_column_int(q.get(), 14) != 0;
    visit(std::move(row));
  }
  return rc == SQLITE_DONE ? Status::Ok() : SqlError(db, "replay");
}

Result<std::optional<StoredArticle>> ArticleStore::Get(std::string_view id) const {
  std::lock_guard<std::mutex> lock(db_->reader_mu);
  sqlite3* db = db_->reader;
  Statement q(db, (std::string(kSelectColumns) + kFromArticles + " WHERE a.id = ?").c_str());
  if (!q.ok()) return SqlError(db, "get");
  q.Text(1, id);
  int rc = sqlite3_step(q.get());
  if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
  if (rc != SQLITE_ROW) return SqlError(db, "get");
  StoredArticle row = RowOf(q.get());
  if (!row.article.html.empty()) {
    // An HTML page's text exists only as extracted, in the search index
    // (empty until it is indexed).
    Statement body(db, "SELECT body FROM search.article_search WHERE rowid = ?");
    if (!body.ok()) return SqlError(db, "get text");
    sqlite3_bind_int64(body.get(), 1, row.seq);
    if (sqlite3_step(body.get()) == SQLITE_ROW) row.search_text = ColumnText(body.get(), 0);
  }
  return std::optional<StoredArticle>(std::move(row));
}

Result<std::int64_t> ArticleStore::LastBatch() const {
  std::lock_guard<std::mutex> lock(db_->reader_mu);
  sqlite3* db = db_->reader;
  Statement q(db, "SELECT COALESCE(MAX(batch), 0) FROM articles");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "last batch");
  return static_cast<std::int64_t>(sqlite3_column_int64(q.get(), 0));
}

std::string MatchExpression(std::string_view query) {
  std::string out, word;
  auto end_word = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      out += c;
      if (c == '"') out += '"';
    }
    out += '"';
    word.clear();
  };
  for (char c : query) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) {
      end_word();
    } else {
      word += c;
    }
  }
  end_word();
  return out;
}

Result<std::vector<SearchHit>> ArticleStore::Search(std::string_view query,
                                                    std::size_t limit) const {
  std::vector<SearchHit> hits;
  std::string match = MatchExpression(query);
  if (match.empty() || limit == 0) return hits;
  std::lock_guard<std::mutex> lock(db_->reader_mu);
  sqlite3* db = db_->reader;
  // bm25() is lower for better matches; the title counts twice the body.
  Statement q(db,
              "SELECT a.id, bm25(article_search, 2.0, 1.0) AS score FROM search.article_search"
              " JOIN main.articles a ON a.seq = article_search.rowid"
              " WHERE article_search MATCH ? ORDER BY score LIMIT ?");
  if (!q.ok()) return SqlError(db, "search");
  q.Text(1, match);
  sqlite3_bind_int64(q.get(), 2, static_cast<sqlite3_int64>(limit));
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    hits.push_back({ColumnText(q.get(), 0), -sqlite3_column_double(q.get(), 1)});
  }
  if (rc != SQLITE_DONE) return SqlError(db, "search");
  return hits;
}

Result<std::uint64_t> ArticleStore::LastStoryNumber() const {
  std::lock_guard<std::mutex> lock(db_->reader_mu);
  sqlite3* db = db_->reader;
  Statement q(db,
              "SELECT COALESCE(MAX(CAST(substr(story, 2) AS INTEGER)), 0) FROM"
              " (SELECT story FROM main.articles UNION ALL SELECT story FROM search.derived)"
              " WHERE story GLOB 's[0-9]*'");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "last story");
  return static_cast<std::uint64_t>(std::max<sqlite3_int64>(0, sqlite3_column_int64(q.get(), 0)));
}

namespace {

// Records each row's `story` and `prepared` in `derived` (empty ones keep
// what is there). REQUIRES: a transaction is open on the search connection.
Status WriteDerivedRows(sqlite3* db, std::span<const StoredArticle> rows) {
  Statement upsert(db,
                   "INSERT INTO derived (seq, story, prepared) VALUES (?,?,?) ON CONFLICT (seq)"
                   " DO UPDATE SET story = COALESCE(excluded.story, story),"
                   " prepared = COALESCE(excluded.prepared, prepared)");
  if (!upsert.ok()) return SqlError(db, "prepare derived");
  for (const StoredArticle& row : rows) {
    if (row.seq <= 0 || (row.story.empty() && row.prepared.empty())) continue;
    sqlite3_bind_int64(upsert.get(), 1, row.seq);
    if (!row.story.empty()) upsert.Text(2, row.story);
    if (!row.prepared.empty()) {
      sqlite3_bind_blob(upsert.get(), 3, row.prepared.data(), static_cast<int>(row.prepared.size()),
                        SQLITE_STATIC);
    }
    int rc = sqlite3_step(upsert.get());
    sqlite3_reset(upsert.get());
    sqlite3_clear_bindings(upsert.get());
    if (rc != SQLITE_DONE) return SqlError(db, "derived");
  }
  return Status::Ok();
}

// Inserts the search rows of those of `rows` the index lacks. REQUIRES: a
// transaction is open on the search connection `db`.
Status WriteMissingSearchRows(sqlite3* db, std::span<const StoredArticle> rows) {
  Statement has(db, "SELECT EXISTS (SELECT 1 FROM article_search WHERE rowid = ?)");
  Statement insert(db, kInsertSearch);
  if (!has.ok() || !insert.ok()) return SqlError(db, "prepare index");
  for (const StoredArticle& row : rows) {
    if (row.seq <= 0) continue;  // never stored (its Append() failed)
    sqlite3_bind_int64(has.get(), 1, row.seq);
    int rc = sqlite3_step(has.get());
    const bool skip = rc == SQLITE_ROW && sqlite3_column_int(has.get(), 0) != 0;
    sqlite3_reset(has.get());
    if (rc != SQLITE_ROW) return SqlError(db, "index lookup");
    if (!skip) STORYLINE_RETURN_IF_ERROR(InsertSearchRow(db, &insert, row.seq, row));
  }
  return Status::Ok();
}

}  // namespace

Status ArticleStore::WriteDerived(const std::vector<StoredArticle>& rows) {
  std::lock_guard<std::mutex> lock(db_->search_mu);
  sqlite3* db = db_->search;
  std::vector<std::int64_t> unindex;
  Status s = InTransaction(db, [&] {
    STORYLINE_RETURN_IF_ERROR(WriteMissingSearchRows(db, rows));
    STORYLINE_RETURN_IF_ERROR(WriteDerivedRows(db, rows));
    // Then the rows of articles deleted since (some perhaps just written:
    // an article may be deleted before this).
    {
      std::lock_guard<std::mutex> unindex_lock(db_->unindex_mu);
      unindex.swap(db_->unindex);
    }
    Statement del(db, "DELETE FROM article_search WHERE rowid = ?");
    Statement del_derived(db, "DELETE FROM derived WHERE seq = ?");
    if (!del.ok() || !del_derived.ok()) return SqlError(db, "prepare unindex");
    for (std::int64_t seq : unindex) {
      for (Statement* d : {&del, &del_derived}) {
        sqlite3_bind_int64(d->get(), 1, seq);
        int rc = sqlite3_step(d->get());
        sqlite3_reset(d->get());
        if (rc != SQLITE_DONE) return SqlError(db, "unindex");
      }
    }
    return Status::Ok();
  });
  if (!s.ok() && !unindex.empty()) {  // rolled back: they are still to go
    std::lock_guard<std::mutex> unindex_lock(db_->unindex_mu);
    db_->unindex.insert(db_->unindex.end(), unindex.begin(), unindex.end());
  }
  return s;
}

}  // namespace storyline::store
