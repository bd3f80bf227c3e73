// Streaming gzip (RFC 1952) decompression on zlib, and the ByteSource
// interface the WARC reader pulls bytes through (plain or decompressed).
//
//   std::ifstream in(path, std::ios::binary);
//   std::unique_ptr<ByteSource> src = OpenMaybeGzipped(&in);  // gzip or plain
//   char buf[1 << 16];
//   for (;;) {
//     Result<std::size_t> n = src->Read(buf, sizeof buf);
//     if (!n.ok()) { Report(n.status()); break; }   // corrupt or truncated gzip
//     if (*n == 0) break;                           // end of input
//     Use(std::string_view(buf, *n));
//   }
//
//   std::string page;
//   Status s = GunzipFile("a.html.gz", /*max_bytes=*/16 << 20, &page);  // bounded
//
// Multi-member files (Common Crawl writes every WARC record as its own gzip
// member) are read as one stream. Memory is bounded by the buffers (64 KiB
// input, zlib's 32 KiB window), never by the data: a gzip bomb only costs
// time, and the whole-file helpers stop at their limit with an error.
//
// Thread-compatible: one reader per thread; distinct readers are independent.
#ifndef STORYLINE_INGEST_GZIP_H_
#define STORYLINE_INGEST_GZIP_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::ingest {

// A pull source of bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `n` bytes to `dst`. Returns the count, 0 only at the end of
  // the input, or a non-OK status (which every later call returns too).
  // Bytes decoded before an error are returned first; the error comes on the
  // next call.
  virtual Result<std::size_t> Read(char* dst, std::size_t n) = 0;
  // Bytes taken from the underlying input so far (compressed bytes for gzip).
  virtual std::uint64_t input_bytes() const = 0;
};

// The bytes of a std::istream as they are. `in` must outlive the source.
class StreamSource final : public ByteSource {
 public:
  explicit StreamSource(std::istream* in) : in_(in) {}
  Result<std::size_t> Read(char* dst, std::size_t n) override;
  std::uint64_t input_bytes() const override { return bytes_; }

 private:
  std::istream* in_;
  std::uint64_t bytes_ = 0;
};

// The decompressed bytes of a gzip stream of one or more members.
//
// Errors (kInvalidInput, naming the member): an empty input, bytes that are
// not gzip (also after a member: trailing garbage), corrupt data or a failed
// checksum, and a stream that ends inside a member (truncated).
class GzipReader final : public ByteSource {
 public:
  // Reads from `in`, which must outlive the reader.
  explicit GzipReader(std::istream* in);
  // Reads from `data`, which must outlive the reader.
  explicit GzipReader(std::string_view data);
  ~GzipReader() override;
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  Result<std::size_t> Read(char* dst, std::size_t n) override;
  std::uint64_t input_bytes() const override;
  // Members started so far (1 while reading the first).
  std::size_t members() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A ByteSource as a std::streambuf, for readers that take a std::istream
// (JSONL is read a line at a time):
//
//   GzipReader gz(&file);
//   SourceStreamBuf buf(&gz);
//   std::istream in(&buf);
//   while (std::getline(in, line)) ...
//   if (!buf.status().ok()) Report(buf.status());   // corrupt or truncated
//
// The source's error ends the stream (EOF) and is kept in status().
class SourceStreamBuf final : public std::streambuf {
 public:
  // `source` must outlive the buffer.
  explicit SourceStreamBuf(ByteSource* source)
      : source_(source), buffer_(std::size_t{1} << 16, '\0') {}
  const Status& status() const { return status_; }

 protected:
  int_type underflow() override;

 private:
  ByteSource* source_;
  std::string buffer_;
  Status status_;
};

// True when `head` starts with the gzip magic bytes 1f 8b.
bool LooksGzipped(std::string_view head);

// A GzipReader when the stream starts with the gzip magic bytes, else a
// StreamSource. `in` must outlive the result.
std::unique_ptr<ByteSource> OpenMaybeGzipped(std::istream* in);

// Reads all of `src` into `*out` (replacing it). Fails with the source's error,
// or with kInvalidInput once more than `max_bytes` would be needed (then
// `*over_limit`, when given, is set true; it is false otherwise); `*out`
// never grows past `max_bytes`.
Status ReadAll(ByteSource* src, std::size_t max_bytes, std::string* out,
               bool* over_limit = nullptr);

// Decompresses the gzip file at `path` (at most `max_bytes` of output).
// kIoError when it cannot be opened; otherwise as ReadAll.
Status GunzipFile(const std::string& path, std::size_t max_bytes, std::string* out);

// Decompresses gzip bytes held in memory (at most `max_bytes` of output).
Status Gunzip(std::string_view gz, std::size_t max_bytes, std::string* out);

// Decompresses an HTTP "deflate" body: zlib-wrapped, or raw deflate as some
// servers send it. At most `max_bytes` of output.
Status InflateHttpDeflate(std::string_view data, std::size_t max_bytes, std::string* out);

// One gzip member holding `data` (for writers, tests and benchmarks);
// concatenated results form a multi-member stream.
std::string GzipCompress(std::string_view data, int level = 6);

}  // namespace storyline::ingest

#endif  // STORYLINE_INGEST_GZIP_H_
