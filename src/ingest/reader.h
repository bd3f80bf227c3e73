// Readers: outside bytes -> Article. Plain-text files (one article each, id =
// file name; also gzipped, .txt.gz, id = the name without .gz), JSONL files
// (one article a line, fields in docs/DESIGN.md; also gzipped, .jsonl.gz),
// HTML pages (.html, .htm, .xhtml, and gzipped as .html.gz/.htm.gz; id = file
// name without its extensions), WARC files (.warc, .warc.gz: one article per
// HTML response record, see warc.h; id = WARC-Record-ID, url = target URI,
// fetched = WARC-Date, charset = the HTTP charset), directories (recursively,
// in name order) and "-" for standard input. Standard input, and a file named
// with another extension (or none: a pipe such as "<(zcat a.jsonl.gz)"),
// gzipped or not, is JSONL when its first non-blank byte opens an object, else
// one plain text.
//
// Bad input never stops a run: an unreadable file, invalid UTF-8, an empty
// text, a broken JSON line, a corrupt gzip file, a bad WARC record or a
// duplicate id is reported to the Diagnostics sink with the file (and line or
// record) and the reason, counted, and skipped.
//
//   ReadStats stats;
//   Status s = ReadArticles(paths, [&](Article a) { Use(std::move(a)); }, &diag, &stats);
//
// Thread-safety: ReadArticles calls `sink` and `diag` on the calling thread.
#ifndef STORYLINE_INGEST_READER_H_
#define STORYLINE_INGEST_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/warc.h"
#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::ingest {

// Receives one message per skipped input.
class Diagnostics {
 public:
  virtual ~Diagnostics() = default;
  // `origin` names the input ("a.jsonl:12", "seeds/x.txt"); `why` is non-OK.
  virtual void Report(std::string_view origin, const Status& why) = 0;
};

struct ReadStats {
  std::size_t files = 0;
  std::size_t articles = 0;
  std::size_t skipped = 0;        // inputs reported to Diagnostics and left out
  std::size_t warnings = 0;       // inputs kept with a problem reported (e.g. a bad date)
  std::size_t ignored_files = 0;  // files in directories that are not articles (README.md, ...)
  std::uint64_t bytes = 0;        // as stored (compressed files count compressed)
  WarcStats warc;                 // records of WARC inputs; its problems are in `skipped` too
};

struct ReadOptions {
  // A larger text file, JSON line, decompressed .html.gz or WARC record is skipped.
  std::size_t max_article_bytes = 16u << 20;
};

using ArticleSink = std::function<void(Article)>;

// What a run's summary line adds to its counts, "" when there is nothing:
// the files in directories passed over as no article type, then the WARC
// records read. Starts with "; ".
std::string ReadNotes(const ReadStats& stats);

// Reads every article under `paths`. Returns a non-OK status only when no
// input could be opened at all (e.g. every path missing); each problem is
// also reported to `diag`. REQUIRES: diag and stats non-null.
Status ReadArticles(const std::vector<std::string>& paths, const ArticleSink& sink,
                    Diagnostics* diag, ReadStats* stats, const ReadOptions& options = {});

// Parses one JSONL line into `out`. Returns kInvalidInput with the reason for
// bad JSON, invalid UTF-8, a wrong field type or a missing/empty text. A
// "published" that is not an ISO 8601 time leaves the date unknown and, when
// `warning` is non-null, says so there.
Status ParseArticleJson(std::string_view line, Article* out, std::string* warning = nullptr);

// Builds the article of a plain-text file. Fails on invalid UTF-8 (naming the
// byte offset) or empty text.
Status MakeTextArticle(std::string_view bytes, std::string_view id, Article* out);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_READER_H_
