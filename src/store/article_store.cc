#include "store/article_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <mutex>
#include <span>

#include "util/waiting_writers.h"

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

constexpr const char* kSelectColumns =
    "SELECT seq, batch, id, url, source, title, lang, text, html, published, fetched, expires,"
    " story FROM articles ";

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

}  // namespace

struct ArticleStore::Connections {
  // Writes (Append, IndexMissing, IndexAndSetStories) take turns on the writer
  // connection; Replay() reads it before any of them runs.
  mutable std::mutex writer_mu;
  sqlite3* writer = nullptr;  // GUARDED_BY(writer_mu)
  // Append() calls waiting for writer_mu: indexing lets them in between its
  // slices, since an answer waits on each commit and none on the index.
  WaitingWriters appends;
  mutable std::mutex reader_mu;
  sqlite3* reader = nullptr;  // GUARDED_BY(reader_mu)
  ~Connections() {
    sqlite3_close(reader);
    sqlite3_close(writer);
  }
};

Status MigrateSchema(sqlite3* db) {
  int version = 0;
  {
    Statement q(db, "PRAGMA user_version");
    if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "schema version");
    version = sqlite3_column_int(q.get(), 0);
  }
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
    if (s.ok() && version < 3) {
      // Left empty: IndexMissing() fills it with the text only the engine can
      // extract (docs/DESIGN.md "Search"). Its rows go with their article.
      s = Exec(db,
               "CREATE VIRTUAL TABLE article_search USING fts5("
               "title, body, tokenize='porter unicode61');"
               "CREATE TRIGGER articles_drop_search AFTER DELETE ON articles"
               " BEGIN DELETE FROM article_search WHERE rowid = old.seq; END");
    }
    if (s.ok() && version < 4) {
      // The story id each article was answered with (IndexAndSetStories()), so that a
      // restart gives stories the ids clients saw. NULL before version 4.
      s = Exec(db, "ALTER TABLE articles ADD COLUMN story TEXT");
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
  {
    Statement q(db, "PRAGMA journal_mode=WAL");
    if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) {
      return SqlError(db, path + " is not a storyline database");
    }
    if (ColumnText(q.get(), 0) != "wal") return Status::IoError(path + ": WAL mode unavailable");
  }
  STORYLINE_RETURN_IF_ERROR(Exec(db, "PRAGMA synchronous=FULL"));
  STORYLINE_RETURN_IF_ERROR(MigrateSchema(db));
  auto reader = OpenConnection(path);
  if (!reader.ok()) return reader.status();
  store->db_->reader = *reader;
  return store;
}

ArticleStore::~ArticleStore() = default;

Status ArticleStore::Append(std::vector<StoredArticle>* rows,
                            const std::vector<std::string>& removed) {
  std::unique_lock<std::mutex> lock = db_->appends.Lock(db_->writer_mu);
  sqlite3* db = db_->writer;
  std::int64_t next = 1;
  {
    Statement q(db, "SELECT COALESCE(MAX(seq), 0) FROM articles");
    if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "last seq");
    next = sqlite3_column_int64(q.get(), 0) + 1;
  }
  Status stored = InTransaction(db, [&] {
    Status s = Status::Ok();
    if (!removed.empty()) {
      Statement del(db, "DELETE FROM articles WHERE id = ?");
      if (!del.ok()) s = SqlError(db, "prepare delete");
      for (std::size_t i = 0; s.ok() && i < removed.size(); ++i) {
        del.Text(1, removed[i]);
        if (sqlite3_step(del.get()) != SQLITE_DONE) s = SqlError(db, "delete");
        sqlite3_reset(del.get());
      }
    }
    Statement insert(db,
                     "INSERT INTO articles (seq, id, batch, url, source, title, lang, text, html,"
                     " published, fetched, expires) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    Statement insert_prepared(db, "INSERT INTO prepared (seq, bytes) VALUES (?,?)");
    if (s.ok() && !(insert.ok() && insert_prepared.ok())) s = SqlError(db, "prepare insert");
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
      if (s.ok() && !r.prepared.empty()) {
        sqlite3_bind_int64(insert_prepared.get(), 1, next + static_cast<std::int64_t>(i));
        sqlite3_bind_blob(insert_prepared.get(), 2, r.prepared.data(),
                          static_cast<int>(r.prepared.size()), SQLITE_STATIC);
        if (sqlite3_step(insert_prepared.get()) != SQLITE_DONE) s = SqlError(db, "insert prepared");
        sqlite3_reset(insert_prepared.get());
      }
    }
    return s;
  });
  STORYLINE_RETURN_IF_ERROR(stored);
  for (std::size_t i = 0; i < rows->size(); ++i) {
    (*rows)[i].seq = next + static_cast<std::int64_t>(i);
  }
  return Status::Ok();
}

Status ArticleStore::Replay(const std::function<void(StoredArticle)>& visit) const {
  // No lock: it runs before anything else uses the store, and `visit` may
  // call the writer methods (the restart indexes as it replays).
  sqlite3* db = db_->writer;
  Statement q(db,
              "SELECT a.seq, a.batch, a.id, a.url, a.source, a.title, a.lang, a.text, a.html,"
              " a.published, a.fetched, a.expires, a.story, p.bytes,"
              " EXISTS (SELECT 1 FROM article_search s WHERE s.rowid = a.seq)"
              " FROM articles a LEFT JOIN prepared p ON p.seq = a.seq ORDER BY a.seq");
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
  Statement q(db, (std::string(kSelectColumns) + "WHERE id = ?").c_str());
  if (!q.ok()) return SqlError(db, "get");
  q.Text(1, id);
  int rc = sqlite3_step(q.get());
  if (rc == SQLITE_DONE) return std::optional<StoredArticle>();
  if (rc != SQLITE_ROW) return SqlError(db, "get");
  StoredArticle row = RowOf(q.get());
  if (!row.article.html.empty()) {
    // An HTML page's text exists only as extracted, in the search index
    // (empty until it is indexed).
    Statement body(db, "SELECT body FROM article_search WHERE rowid = ?");
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
              "SELECT a.id, bm25(article_search, 2.0, 1.0) AS score FROM article_search"
              " JOIN articles a ON a.seq = article_search.rowid"
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
              "SELECT COALESCE(MAX(CAST(substr(story, 2) AS INTEGER)), 0) FROM articles"
              " WHERE story GLOB 's[0-9]*'");
  if (!q.ok() || sqlite3_step(q.get()) != SQLITE_ROW) return SqlError(db, "last story");
  return static_cast<std::uint64_t>(std::max<sqlite3_int64>(0, sqlite3_column_int64(q.get(), 0)));
}

namespace {

// Records each row's `story` (empty ones are skipped). REQUIRES: a
// transaction is open.
Status WriteStories(sqlite3* db, std::span<const StoredArticle> rows) {
  Statement update(db, "UPDATE articles SET story = ? WHERE seq = ?");
  if (!update.ok()) return SqlError(db, "prepare story update");
  for (const StoredArticle& row : rows) {
    if (row.story.empty()) continue;
    update.Text(1, row.story);
    sqlite3_bind_int64(update.get(), 2, row.seq);
    int rc = sqlite3_step(update.get());
    sqlite3_reset(update.get());
    if (rc != SQLITE_DONE) return SqlError(db, "story update");
  }
  return Status::Ok();
}

// Indexes those of `rows` that are stored and not indexed yet (a row may have
// been deleted since the caller read it), in order, until `until` has passed
// (one row at least); `*written` is how many rows it went through.
// REQUIRES: a transaction is open.
Status WriteMissingSearchRows(sqlite3* db, std::span<const StoredArticle> rows,
                              std::chrono::steady_clock::time_point until, std::size_t* written) {
  *written = 0;
  Statement has(db,
                "SELECT EXISTS (SELECT 1 FROM article_search WHERE rowid = ?1)"
                " OR NOT EXISTS (SELECT 1 FROM articles WHERE seq = ?1)");
  Statement insert(db, kInsertSearch);
  if (!has.ok() || !insert.ok()) return SqlError(db, "prepare index");
  for (const StoredArticle& row : rows) {
    if (*written > 0 && std::chrono::steady_clock::now() >= until) break;
    sqlite3_bind_int64(has.get(), 1, row.seq);
    int rc = sqlite3_step(has.get());
    const bool skip = rc == SQLITE_ROW && sqlite3_column_int(has.get(), 0) != 0;
    sqlite3_reset(has.get());
    if (rc != SQLITE_ROW) return SqlError(db, "index lookup");
    if (!skip) STORYLINE_RETURN_IF_ERROR(InsertSearchRow(db, &insert, row.seq, row));
    ++*written;
  }
  return Status::Ok();
}

}  // namespace

Status ArticleStore::IndexMissing(const std::vector<StoredArticle>& rows) {
  std::lock_guard<std::mutex> lock(db_->writer_mu);
  sqlite3* db = db_->writer;
  std::size_t written = 0;
  return InTransaction(db, [&] {
    return WriteMissingSearchRows(db, rows, std::chrono::steady_clock::time_point::max(), &written);
  });
}

Status ArticleStore::IndexAndSetStories(const std::vector<StoredArticle>& rows) {
  // In slices of about kIndexSlice each, one transaction a slice, with any
  // waiting Append() let in between: indexing a snapshot's worth of articles
  // at once held the writer for 30-60 ms while POSTs waited for their
  // commits. The slice bounds the inserts, not its COMMIT, where FTS5 writes
  // its segment and merges: an Append() can still wait up to about 50 ms
  // (docs/DESIGN.md "Live server", "Commits go first").
  std::size_t done = 0;
  while (done < rows.size()) {
    {
      std::lock_guard<std::mutex> lock(db_->writer_mu);
      sqlite3* db = db_->writer;
      const auto until = std::chrono::steady_clock::now() + kIndexSlice;
      const std::span<const StoredArticle> rest =
          std::span<const StoredArticle>(rows).subspan(done);
      std::size_t written = 0;
      Status s = InTransaction(db, [&] {
        STORYLINE_RETURN_IF_ERROR(WriteMissingSearchRows(db, rest, until, &written));
        return WriteStories(db, rest.first(written));
      });
      STORYLINE_RETURN_IF_ERROR(s);
      done += written;
    }
    db_->appends.WaitForNone();
  }
  return Status::Ok();
}

}  // namespace storyline::store
