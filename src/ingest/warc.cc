#include "ingest/warc.h"

#include <algorithm>
#include <cstring>

#include "util/ascii.h"

namespace storyline::ingest {
namespace {

constexpr std::size_t kBufferSize = 64 << 10;
constexpr std::size_t kMaxLine = 8 << 10;          // longer header lines are malformed
constexpr std::size_t kMaxHeaderBytes = 64 << 10;  // a WARC header larger than this is malformed
constexpr std::string_view kVersionPrefix = "WARC/1.";

// `s` for a message: at most 60 bytes, control bytes and non-ASCII as '?'.
std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 60)) {
    out += (c >= 0x20 && c < 0x7f) ? c : '?';
  }
  if (s.size() > 60) out += "...";
  return out;
}

// Parses a non-negative decimal number that fits 63 bits.
bool ParseLength(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

// Buffered reads over a ByteSource: lines, exact byte counts, skips.
class WarcReader::Buffer {
 public:
  explicit Buffer(ByteSource* source) : source_(source), data_(kBufferSize) {}

  // Reads one line into *line without its "\n" (and "\r"); a line longer than
  // `max` keeps its first `max` bytes and sets *too_long, the rest is read
  // past. *consumed is the line's length in the input. Returns false when the
  // input ends (or fails) before any byte.
  bool ReadLine(std::string* line, std::size_t max, bool* too_long, std::uint64_t* consumed) {
    line->clear();
    *too_long = false;
    *consumed = 0;
    for (;;) {
      if (pos_ == end_ && !Fill()) return *consumed > 0;
      const char* start = data_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
      std::size_t piece = nl != nullptr ? static_cast<std::size_t>(nl - start) : end_ - pos_;
      std::size_t room = max > line->size() ? max - line->size() : 0;
      if (piece > room) *too_long = true;
      line->append(start, std::min(piece, room));
      *consumed += piece + (nl != nullptr ? 1 : 0);
      if (nl != nullptr) {
        pos_ += piece + 1;
        if (!line->empty() && line->back() == '\r') line->pop_back();
        return true;
      }
      pos_ = end_;
    }
  }

  // Appends up to `n` bytes to *out; returns how many (fewer at the end).
  std::size_t Read(std::size_t n, std::string* out) {
    std::size_t done = 0;
    while (done < n) {
      if (pos_ == end_ && !Fill()) break;
      std::size_t take = std::min(n - done, end_ - pos_);
      out->append(data_.data() + pos_, take);
      pos_ += take;
      done += take;
    }
    return done;
  }

  // Reads past up to `n` bytes; returns how many.
  std::uint64_t Skip(std::uint64_t n) {
    std::uint64_t done = 0;
    while (done < n) {
      if (pos_ == end_ && !Fill()) break;
      auto take = static_cast<std::size_t>(std::min<std::uint64_t>(n - done, end_ - pos_));
      pos_ += take;
      done += take;
    }
    return done;
  }

  // The source's error once it failed; OK otherwise (also at a clean end).
  const Status& error() const { return error_; }

 private:
  bool Fill() {
    if (at_end_) return false;
    Result<std::size_t> n = source_->Read(data_.data(), data_.size());
    if (!n.ok()) error_ = n.status();
    if (!n.ok() || *n == 0) {
      at_end_ = true;
      return false;
    }
    pos_ = 0;
    end_ = *n;
    return true;
  }

  ByteSource* source_;
  std::vector<char> data_;
  std::size_t pos_ = 0, end_ = 0;
  bool at_end_ = false;
  Status error_;
};

WarcReader::WarcReader(ByteSource* source, const WarcOptions& options)
    : source_(source), options_(options), buffer_(std::make_unique<Buffer>(source)) {}

WarcReader::~WarcReader() = default;

WarcStep WarcReader::Problem(std::size_t* counter, std::string why) {
  ++*counter;
  problem_.record = record_;
  problem_.why = Status::InvalidInput(why);
  return WarcStep::kProblem;
}

std::string_view WarcReader::HeaderValue(std::string_view name) const {
  for (const auto& [k, v] : headers_) {
    if (AsciiEqualsIgnoreCase(k, name)) return v;
  }
  return {};
}

WarcReader::Header WarcReader::ReadHeader() {
  headers_.clear();
  std::string line;
  bool too_long = false;
  std::uint64_t line_bytes = 0;

  // The version line; blank lines (record separators) are passed over,
  // anything else is garbage (or the rest of a malformed record, when resyncing).
  if (pending_version_.empty()) {
    std::uint64_t garbage = 0;
    for (;;) {
      if (!buffer_->ReadLine(&line, kMaxLine, &too_long, &line_bytes)) {
        if (garbage > 0) {
          std::string why =
              std::to_string(garbage) + " bytes after the last record are not a WARC record";
          if (!buffer_->error().ok()) why += " (" + buffer_->error().message() + ")";
          ++stats_.garbage;
          problem_.record = record_ + 1;  // names the record that would follow
          problem_.why = Status::InvalidInput(why);
          ended_ = true;
          return Header::kProblem;
        }
        return Header::kEnd;
      }
      if (!too_long && line.starts_with(kVersionPrefix)) break;
      if (line.empty() && garbage == 0) continue;
      if (!resync_) garbage += line_bytes;
    }
    resync_ = false;
    if (garbage > 0) {
      pending_version_ = line;
      problem_.record = record_ + 1;
      ++stats_.garbage;
      problem_.why = Status::InvalidInput("skipped " + std::to_string(garbage) +
                                          " bytes that are not a WARC record before this one");
      return Header::kProblem;
    }
  } else {
    line = std::move(pending_version_);
    pending_version_.clear();
  }

  ++record_;
  ++stats_.records;
  std::uint64_t header_bytes = line.size();
  for (;;) {
    if (!buffer_->ReadLine(&line, kMaxLine, &too_long, &line_bytes)) {
      std::string why = "truncated: the input ends inside the WARC header";
      if (!buffer_->error().ok()) why += " (" + buffer_->error().message() + ")";
      Problem(&stats_.truncated, why);
      ended_ = true;
      return Header::kProblem;
    }
    if (line.empty()) return Header::kRecord;
    header_bytes += line_bytes;
    if (too_long || header_bytes > kMaxHeaderBytes) {
      resync_ = true;
      Problem(&stats_.malformed, "malformed: WARC header line or header too long");
      return Header::kProblem;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !headers_.empty()) {
      headers_.back().second += ' ';
      headers_.back().second += TrimBlanks(line);
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;  // tolerated: not a field
    headers_.emplace_back(std::string(TrimBlanks(std::string_view(line).substr(0, colon))),
                          std::string(TrimBlanks(std::string_view(line).substr(colon + 1))));
  }
}

std::optional<WarcStep> WarcReader::ReadBlock(WarcPage* page) {
  std::string_view length_text = HeaderValue("Content-Length");
  std::uint64_t length = 0;
  if (!ParseLength(length_text, &length)) {
    resync_ = true;
    return Problem(&stats_.malformed,
                   length_text.empty()
                       ? std::string("malformed: no Content-Length")
                       : "malformed: bad Content-Length \"" + Printable(length_text) + "\"");
  }
  auto cut_off = [&](std::uint64_t got) {
    std::string why = "truncated: the input ends after " + std::to_string(got) + " of " +
                      std::to_string(length) + " block bytes";
    if (!buffer_->error().ok()) why += " (" + buffer_->error().message() + ")";
    ended_ = true;
    return Problem(&stats_.truncated, why);
  };

  std::string_view type = HeaderValue("WARC-Type");
  bool response = AsciiEqualsIgnoreCase(type, "response");
  if (!response || length > options_.max_record_bytes) {
    std::uint64_t got = buffer_->Skip(length);
    if (got < length) return cut_off(got);
    if (!response) {
      ++stats_.not_response;
      return std::nullopt;
    }
    return Problem(&stats_.too_large, "block of " + std::to_string(length) +
                                          " bytes exceeds the limit of " +
                                          std::to_string(options_.max_record_bytes));
  }

  block_.clear();
  std::size_t got = buffer_->Read(static_cast<std::size_t>(length), &block_);
  if (got < length) return cut_off(got);

  std::string_view warc_type = HeaderValue("Content-Type");
  bool http = AsciiStartsWithFolded(warc_type, "application/http") ||
              std::string_view(block_).starts_with("HTTP/");
  if (!http) {
    ++stats_.not_html;  // e.g. Heritrix's text/dns responses
    return std::nullopt;
  }
  HttpResponse response_head;
  Status s = ParseHttpResponse(block_, &response_head);
  if (!s.ok()) return Problem(&stats_.malformed, "malformed: " + s.message());
  if (response_head.status != 200) {
    ++stats_.not_ok;
    return std::nullopt;
  }
  const std::string& media = response_head.content_type;
  if (!media.empty() && media != "text/html" && media != "application/xhtml+xml") {
    ++stats_.not_html;
    return std::nullopt;
  }

  block_.erase(0, response_head.body_offset);
  if (response_head.transfer_encoding.find("chunked") != std::string::npos) {
    s = DecodeChunked(&block_);
    if (!s.ok()) return Problem(&stats_.malformed, "malformed HTTP body: " + s.message());
  }
  const std::string& encoding = response_head.content_encoding;
  if (!encoding.empty() && encoding != "identity") {
    std::string decoded;
    if (encoding == "gzip" || encoding == "x-gzip") {
      s = Gunzip(block_, options_.max_record_bytes, &decoded);
    } else if (encoding == "deflate") {
      s = InflateHttpDeflate(block_, options_.max_record_bytes, &decoded);
    } else {
      s = Status::InvalidInput("unsupported Content-Encoding \"" + Printable(encoding) + "\"");
    }
    if (!s.ok()) return Problem(&stats_.malformed, "undecodable HTTP body: " + s.message());
    block_ = std::move(decoded);
  }
  if (media.empty() && !SniffHtml(block_)) {
    ++stats_.not_html;
    return std::nullopt;
  }

  ++stats_.pages;
  page->record = record_;
  page->record_id = StripRecordId(HeaderValue("WARC-Record-ID"));
  page->target_uri = std::string(HeaderValue("WARC-Target-URI"));
  page->date = std::string(HeaderValue("WARC-Date"));
  page->charset = std::move(response_head.charset);
  page->html = std::move(block_);
  block_ = std::string();
  return WarcStep::kPage;
}

WarcStep WarcReader::Next(WarcPage* page) {
  for (;;) {
    if (ended_) return WarcStep::kEnd;
    Header h = ReadHeader();
    if (h == Header::kProblem) return WarcStep::kProblem;
    if (h == Header::kEnd) {
      ended_ = true;
      if (!buffer_->error().ok()) {
        // The source failed between records (e.g. trailing bytes that are not gzip).
        problem_.record = record_ + 1;
        problem_.why =
            Status::InvalidInput("the input cannot be read on after record " +
                                 std::to_string(record_) + ": " + buffer_->error().message());
        ++stats_.truncated;
        return WarcStep::kProblem;
      }
      return WarcStep::kEnd;
    }
    std::optional<WarcStep> step = ReadBlock(page);
    if (step) return *step;
  }
}

void WarcStats::Add(const WarcStats& o) {
  records += o.records;
  pages += o.pages;
  not_response += o.not_response;
  not_html += o.not_html;
  not_ok += o.not_ok;
  too_large += o.too_large;
  truncated += o.truncated;
  malformed += o.malformed;
  garbage += o.garbage;
}

std::string WarcStats::Summary() const {
  std::string out =
      std::to_string(records) + " WARC records: " + std::to_string(pages) + " HTML pages";
  auto add = [&out](std::size_t n, const char* what) {
    if (n > 0) out += ", " + std::to_string(n) + " " + what;
  };
  add(not_response, "not responses");
  add(not_html, "not HTML");
  add(not_ok, "not status 200");
  add(too_large, "over the size limit");
  add(truncated, "truncated");
  add(malformed, "malformed");
  add(garbage, "runs of garbage");
  return out;
}

Status ParseHttpResponse(std::string_view block, HttpResponse* out) {
  *out = HttpResponse();
  std::size_t eol = block.find('\n');
  std::string_view status_line = TrimBlanks(block.substr(0, eol));
  if (!status_line.starts_with("HTTP/")) {
    return Status::InvalidInput("not an HTTP response: \"" + Printable(status_line) + "\"");
  }
  std::size_t sp = status_line.find(' ');
  std::string_view code =
      sp == std::string_view::npos ? std::string_view() : TrimBlanks(status_line.substr(sp + 1));
  if (code.size() < 3 ||
      !std::all_of(code.begin(), code.begin() + 3, [](char c) { return c >= '0' && c <= '9'; }) ||
      (code.size() > 3 && code[3] != ' ')) {
    return Status::InvalidInput("bad HTTP status line: \"" + Printable(status_line) + "\"");
  }
  out->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');

  std::size_t pos = eol == std::string_view::npos ? block.size() : eol + 1;
  while (pos < block.size()) {
    std::size_t end = block.find('\n', pos);
    std::size_t next = end == std::string_view::npos ? block.size() : end + 1;
    std::string_view line = block.substr(pos, next - pos);
    pos = next;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = TrimBlanks(line.substr(0, colon));
    std::string_view value = TrimBlanks(line.substr(colon + 1));
    if (AsciiEqualsIgnoreCase(name, "Content-Type")) {
      std::size_t semi = value.find(';');
      out->content_type = AsciiLowered(TrimBlanks(value.substr(0, semi)));
      while (semi != std::string_view::npos) {
        std::string_view rest = value.substr(semi + 1);
        semi = rest.find(';');
        std::string_view param = TrimBlanks(rest.substr(0, semi));
        value = rest;
        std::size_t eq = param.find('=');
        if (eq == std::string_view::npos ||
            !AsciiEqualsIgnoreCase(TrimBlanks(param.substr(0, eq)), "charset")) {
          continue;
        }
        std::string_view cs = TrimBlanks(param.substr(eq + 1));
        if (cs.size() >= 2 && (cs.front() == '"' || cs.front() == '\'') &&
            cs.back() == cs.front()) {
          cs = cs.substr(1, cs.size() - 2);
        }
        out->charset = std::string(TrimBlanks(cs));
      }
    } else if (AsciiEqualsIgnoreCase(name, "Transfer-Encoding")) {
      out->transfer_encoding = AsciiLowered(value);
    } else if (AsciiEqualsIgnoreCase(name, "Content-Encoding")) {
      out->content_encoding = AsciiLowered(value);
    }
  }
  out->body_offset = pos;
  return Status::Ok();
}

Status DecodeChunked(std::string* body) {
  std::string& b = *body;
  std::size_t read = 0, write = 0;
  while (read < b.size()) {
    std::size_t eol = b.find('\n', read);
    std::string_view line(b.data() + read, (eol == std::string::npos ? b.size() : eol) - read);
    line = TrimBlanks(line.substr(0, line.find(';')));  // chunk extensions
    std::uint64_t size = 0;
    if (line.empty() || line.size() > 15) {
      return Status::InvalidInput("bad chunk size line \"" + Printable(line) + "\"");
    }
    for (char c : line) {
      int d = (c >= '0' && c <= '9')                           ? c - '0'
              : (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f') ? AsciiLower(c) - 'a' + 10
                                                               : -1;
      if (d < 0) return Status::InvalidInput("bad chunk size line \"" + Printable(line) + "\"");
      size = size * 16 + static_cast<std::uint64_t>(d);
    }
    if (size == 0 || eol == std::string::npos) break;  // last chunk (trailers ignored)
    read = eol + 1;
    std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(size, b.size() - read));
    std::memmove(b.data() + write, b.data() + read, take);
    write += take;
    read += take;
    if (read < b.size() && b[read] == '\r') ++read;
    if (read < b.size() && b[read] == '\n') ++read;
  }
  b.resize(write);
  return Status::Ok();
}

bool SniffHtml(std::string_view body) {
  std::string head = AsciiLowered(body.substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos ||
         head.find("<html") != std::string::npos;
}

std::string StripRecordId(std::string_view id) {
  id = TrimBlanks(id);
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  if (AsciiStartsWithFolded(id, "urn:uuid:")) id.remove_prefix(9);
  return std::string(id);
}

}  // namespace storyline::ingest
