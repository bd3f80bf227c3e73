// WarcReader: the HTML pages in a WARC 1.0/1.1 file (plain or gzip), one
// record at a time.
//
//   std::ifstream in(path, std::ios::binary);
//   std::unique_ptr<ByteSource> src = OpenMaybeGzipped(&in);
//   WarcReader warc(src.get());
//   WarcPage page;
//   for (WarcStep step; (step = warc.Next(&page)) != WarcStep::kEnd;) {
//     if (step == WarcStep::kPage) Use(page);
//     else Report("record " + std::to_string(warc.problem().record), warc.problem().why);
//   }
//   // warc.stats(): every record, by what became of it.
//
// A page is a `response` record holding an HTTP response (application/http)
// with status 200 and an HTML payload: the HTTP Content-Type is text/html or
// application/xhtml+xml, or, without one, the body starts like HTML. Chunked
// transfer encoding and gzip/deflate content encoding are undone; the
// Content-Type charset is passed on. Other records (warcinfo, request,
// metadata, revisit...), other payloads and other statuses are counted and
// passed over without a word: a crawl is mostly those. What is wrong (a
// truncated or malformed record, one over the size limit, bytes between
// records that are not a record, an undecodable body) is a problem: counted,
// returned as kProblem, and the reader goes on with the next record (after
// garbage or a header without Content-Length, at the next "WARC/1." line).
// An error of the byte source (corrupt gzip) ends the input after one problem,
// counted as truncated.
//
// Memory: one record at a time, never more than max_record_bytes of block
// (larger records are read past in 64 KiB steps), plus a 64 KiB buffer.
//
// Thread-compatible: one reader per thread.
#ifndef STORYLINE_INGEST_WARC_H_
#define STORYLINE_INGEST_WARC_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/gzip.h"
#include "storyline/status.h"

namespace storyline::ingest {

// What became of the records of one or more WARC inputs.
struct WarcStats {
  std::size_t records = 0;       // record headers seen (a cut-off final record included)
  std::size_t pages = 0;         // HTML responses handed on
  std::size_t not_response = 0;  // warcinfo, request, metadata, revisit, ... (not reported)
  std::size_t not_html = 0;      // responses whose payload is not HTML (not reported)
  std::size_t not_ok = 0;        // HTTP status other than 200 (not reported)
  // Problems, each reported:
  std::size_t too_large = 0;  // block over max_record_bytes
  std::size_t truncated = 0;  // the input ends (or can no longer be read) inside or after it
  std::size_t malformed = 0;  // bad WARC header or HTTP message, undecodable body
  std::size_t garbage = 0;    // runs of bytes between records that are no record

  std::size_t problems() const { return too_large + truncated + malformed + garbage; }
  void Add(const WarcStats& other);
  // "12 records: 4 HTML pages, 8 not responses, 1 truncated" (non-zero counts only).
  std::string Summary() const;
};

struct WarcOptions {
  std::size_t max_record_bytes = 16u << 20;  // larger blocks are skipped (and bodies decoded to)
};

// One HTML page of a WARC file.
struct WarcPage {
  std::size_t record = 0;  // 1-based number of the record in its input
  std::string record_id;   // WARC-Record-ID without "<urn:uuid:" and ">"
  std::string target_uri;  // WARC-Target-URI
  std::string date;        // WARC-Date as written
  std::string charset;     // HTTP Content-Type charset, "" when none
  std::string html;        // the payload, transfer and content encodings undone
};

enum class WarcStep { kPage, kProblem, kEnd };

// A problem: the record it concerns (for garbage: the record that follows it,
// or one past the last) and why.
struct WarcProblem {
  std::size_t record = 0;
  Status why;
};

class WarcReader {
 public:
  // `source` must outlive the reader.
  explicit WarcReader(ByteSource* source, const WarcOptions& options = {});
  ~WarcReader();
  WarcReader(const WarcReader&) = delete;
  WarcReader& operator=(const WarcReader&) = delete;

  // Reads on to the next page (kPage, in *page) or problem (kProblem, in
  // problem()); kEnd at the end of the input and ever after.
  WarcStep Next(WarcPage* page);

  const WarcProblem& problem() const { return problem_; }
  const WarcStats& stats() const { return stats_; }
  std::uint64_t input_bytes() const { return source_->input_bytes(); }

 private:
  class Buffer;
  enum class Header { kRecord, kEnd, kProblem };

  Header ReadHeader();
  // Counts a problem of the current record and returns kProblem.
  WarcStep Problem(std::size_t* counter, std::string why);
  // After a header: the page, a problem, or nullopt for a record passed over.
  std::optional<WarcStep> ReadBlock(WarcPage* page);
  // The value of header `name` (case-insensitive), "" when absent.
  std::string_view HeaderValue(std::string_view name) const;

  ByteSource* source_;
  WarcOptions options_;
  std::unique_ptr<Buffer> buffer_;
  std::size_t record_ = 0;  // records begun
  bool ended_ = false;
  bool resync_ = false;          // skip to the next "WARC/1." line before reading a header
  std::string pending_version_;  // a version line read while skipping garbage
  std::vector<std::pair<std::string, std::string>> headers_;
  std::string block_;
  WarcProblem problem_;
  WarcStats stats_;
};

// The parts of an HTTP response message in a WARC block.
struct HttpResponse {
  int status = 0;
  std::string content_type;       // media type, lower case, no parameters; "" when absent
  std::string charset;            // the Content-Type charset parameter, "" when absent
  std::string transfer_encoding;  // lower case, "" when absent
  std::string content_encoding;   // lower case, "" when absent
  std::size_t body_offset = 0;    // where the body starts in the block
};

// Parses the status line and headers of `block`. kInvalidInput when it does
// not start with an HTTP/x.y status line. A header that runs to the end of
// the block (a cut-off record) leaves an empty body.
Status ParseHttpResponse(std::string_view block, HttpResponse* out);

// Undoes chunked transfer encoding (in place). kInvalidInput on a chunk size
// line that is not hex. A body cut off inside a chunk or before the last
// chunk keeps what arrived (crawlers truncate long payloads). Never grows
// the string.
Status DecodeChunked(std::string* body);

// True when `body` starts like an HTML document ("<!doctype html", "<html"
// within the first KiB, case-insensitive).
bool SniffHtml(std::string_view body);

// "<urn:uuid:1234>" -> "1234"; "<urn:x:y>" -> "urn:x:y".
std::string StripRecordId(std::string_view id);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_WARC_H_
