// ArticleStore: the server's durable record of every article it has
// acknowledged, in one SQLite file (WAL journal, synchronous=FULL), so that a
// restart can rebuild the stories by replaying them in arrival order, and
// the full-text search index over them, in a second file beside it.
//
//   auto store = ArticleStore::Open("storyline.db");  // + storyline.db-search
//   if (!store.ok()) Die(store.status());
//   std::vector<StoredArticle> rows = ...;         // one group commit
//   Status s = (*store)->Append(&rows);            // durable once OK
//   (*store)->Replay([](StoredArticle row) { ... });  // arrival order
//
// Layout (schema version 6, in PRAGMA user_version):
//   articles(seq INTEGER PRIMARY KEY,   -- arrival order, from 1
//            id TEXT UNIQUE NOT NULL,
//            batch INTEGER NOT NULL,    -- the group commit it arrived in
//            url, source, title, lang TEXT,
//            text, html TEXT,           -- the body as received
//            published, fetched, expires INTEGER,  -- Unix seconds or NULL
//            story TEXT)                -- versions 4 and 5: the story id it
//                                       -- was answered with; read where
//                                       -- `derived` has none, never written
// and in FILE-search (its own user_version 2; WAL, synchronous=NORMAL):
//   article_search USING fts5(title, body, tokenize='porter unicode61')
//            -- rowid = articles.seq; body = the text the engine analysed
//            -- (as received; for an HTML page the extracted text).
//   derived(seq INTEGER PRIMARY KEY,    -- articles.seq
//           story TEXT,                 -- the story id it was answered with
//           prepared BLOB)              -- PreparedArticle::Serialize()
// The metadata columns hold what the engine made of the article (a title or
// date found in its HTML), the body what was received, so that preparing a
// stored article again gives the same result.
//
// A commit (Append()) writes and fsyncs the articles alone. What the server
// derives from them, the search rows, the engine's analysis and the story
// ids, is written later by WriteDerived() and many at a time (FTS5 pays per
// transaction: indexing in every group commit cost the server's ingest
// thread 0.2 ms an article), on the search file's own connection, so that
// no commit of articles ever waits for it (in one file, POSTs waited up to
// 50 ms for an index commit), and an acknowledged write fsyncs about a
// quarter of the bytes it would with its analysis. All of it can be made
// again from the articles: an article stored without a search row or an
// analysis (a crash before WriteDerived(), a lost search file, a database
// from before version 6) is reported by Replay(), and the caller prepares
// it again at the next start and writes what it derived; a lost story id
// gives that article's story a new id. A deleted article's rows there go
// at the next WriteDerived() (and at Open() when a crash came first); until
// then Search() and Get() do not see it, since they join the articles. A
// seq is never given twice while the store is open, so a stale row cannot
// be taken for a new article.
//
// Thread-safety: Replay() first, before any other thread uses the store (its
// `visit` may call the writer methods). Then every method may be called from
// any thread: Append() writes on the articles' writer connection (the
// server's ingest thread), WriteDerived() the search file on a connection of
// its own (the publisher thread); Get(), LastBatch(), LastStoryNumber() and
// Search() share a reading connection under a mutex of its own (WAL readers
// block no writer).
#ifndef STORYLINE_STORE_ARTICLE_STORE_H_
#define STORYLINE_STORE_ARTICLE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

struct sqlite3;

namespace storyline::store {

struct StoredArticle {
  std::int64_t seq = 0;    // arrival order, from 1; set by Append()
  std::int64_t batch = 0;  // the group commit it arrived in, from 1
  Article article;
  std::optional<UnixSeconds> expires;
  // What the engine made of the article (PreparedArticle::Serialize()), so a
  // restart need not analyse it again; empty when not kept. Written by
  // WriteDerived(), not by Append(); given by Replay(), not by Get().
  std::string prepared;
  // What the search index holds as the body when it is not article.text: the
  // text as written once read (an HTML page's extracted text, a markup
  // text's text, character references decoded); empty: article.text. Written by WriteDerived();
  // Get() reads it back for an HTML page once it is indexed.
  std::string search_text;
  // Whether the search index has the article. Given by Replay().
  bool indexed = true;
  // The story id the article was answered with; empty when not recorded.
  // Written by WriteDerived(), not by Append(); given by Replay().
  std::string story;
};

// One article matching a search.
struct SearchHit {
  std::string id;
  double relevance = 0;  // -bm25(): higher is better
};

class ArticleStore {
 public:
  static constexpr int kSchemaVersion = 6;

  // Opens or creates the database at `path` and migrates it to
  // kSchemaVersion, and the search index at `path`-search. Fails (kIoError)
  // when a file cannot be opened or is not a SQLite database, and
  // (kInvalidInput) when a newer storyline wrote it.
  static Result<std::unique_ptr<ArticleStore>> Open(const std::string& path);
  ~ArticleStore();
  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // Deletes the articles with ids `removed` (unknown ids are skipped), then
  // inserts `rows` (not their `prepared`, `story` or `search_text`: see
  // WriteDerived()), in one transaction, and sets their `seq`. Durable when
  // it returns OK (the commit is fsynced); on failure nothing was written.
  // kAlreadyExists when an id is already stored.
  Status Append(std::vector<StoredArticle>* rows, const std::vector<std::string>& removed = {});

  // Calls `visit` for every stored article in arrival order.
  Status Replay(const std::function<void(StoredArticle)>& visit) const;

  // The article with `id`, or nullopt when there is none.
  Result<std::optional<StoredArticle>> Get(std::string_view id) const;

  // The highest batch number stored (0 when empty).
  Result<std::int64_t> LastBatch() const;

  // Full-text search: the articles whose title or body hold every word of
  // `query` (plain words; FTS5 syntax in it means nothing), most relevant
  // first by BM25 (title weighted 2, body 1; Porter-stemmed, case-folded),
  // at most `limit`. Empty when `query` has no words.
  Result<std::vector<SearchHit>> Search(std::string_view query, std::size_t limit) const;

  // The highest N of the stored story ids "s<N>" (0 when none).
  Result<std::uint64_t> LastStoryNumber() const;

  // Writes what was derived from stored `rows` (by seq), in one transaction
  // on the search file: the search rows of those not indexed yet (title and
  // search_text), each row's `prepared` and `story` (empty ones keep what is
  // there), and takes out the rows of the articles Append() deleted since the
  // last call (so a row of `rows` deleted since the caller read it is not
  // left). Rows with no seq (never stored) are skipped.
  Status WriteDerived(const std::vector<StoredArticle>& rows);

 private:
  ArticleStore() = default;
  struct Connections;
  std::unique_ptr<Connections> db_;
};

// Brings the database to kSchemaVersion, one step at a time, in one
// transaction. Exposed for tests.
Status MigrateSchema(sqlite3* db);

// The FTS5 MATCH expression for plain words: each whitespace-separated word
// of `query` as a quoted string (quotes doubled), all required. Control
// bytes count as spaces; "" when there is no word. Exposed for tests.
std::string MatchExpression(std::string_view query);

}  // namespace storyline::store

#endif  // STORYLINE_STORE_ARTICLE_STORE_H_
