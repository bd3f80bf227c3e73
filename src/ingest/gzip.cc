#include "ingest/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace storyline::ingest {
namespace {

constexpr std::size_t kInputBuffer = 64 << 10;
constexpr int kGzipWindow = 15 + 16;  // 32 KiB window, gzip wrapper only

std::string MemberName(std::size_t member) { return "gzip member " + std::to_string(member); }

}  // namespace

Result<std::size_t> StreamSource::Read(char* dst, std::size_t n) {
  if (n == 0) return std::size_t{0};
  in_->read(dst, static_cast<std::streamsize>(n));
  auto got = static_cast<std::size_t>(in_->gcount());
  bytes_ += got;
  if (got == 0 && in_->bad()) return Status::IoError("read error");
  return got;
}

SourceStreamBuf::int_type SourceStreamBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!status_.ok()) return traits_type::eof();
  Result<std::size_t> n = source_->Read(buffer_.data(), buffer_.size());
  if (!n.ok()) {
    status_ = n.status();
    return traits_type::eof();
  }
  if (*n == 0) return traits_type::eof();
  setg(buffer_.data(), buffer_.data(), buffer_.data() + *n);
  return traits_type::to_int_type(*gptr());
}

// The inflate state plus where the compressed bytes come from: an istream
// refilled into `buffer`, or one memory block.
struct GzipReader::Impl {
  explicit Impl(std::istream* s) : in(s), buffer(kInputBuffer) { Init(); }
  explicit Impl(std::string_view data) : memory(data) {
    Init();
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), UINT32_MAX));
    memory.remove_prefix(zs.avail_in);
    taken = zs.avail_in;
  }
  ~Impl() {
    if (initialized) inflateEnd(&zs);
  }

  void Init() {
    std::memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, kGzipWindow) == Z_OK) {
      initialized = true;
    } else {
      error = Status::Internal("cannot initialise zlib");
    }
  }

  // Makes input available when there is more; false at its end.
  bool Refill() {
    if (zs.avail_in > 0) return true;
    if (in == nullptr) {
      if (memory.empty()) return false;
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(memory.data()));
      zs.avail_in = static_cast<uInt>(std::min<std::size_t>(memory.size(), UINT32_MAX));
      memory.remove_prefix(zs.avail_in);
      taken += zs.avail_in;
      return true;
    }
    if (input_done) return false;
    in->read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    auto got = static_cast<std::size_t>(in->gcount());
    if (got == 0) {
      input_done = true;
      if (in->bad()) error = Status::IoError("read error in " + MemberName(members));
      return false;
    }
    taken += got;
    zs.next_in = buffer.data();
    zs.avail_in = static_cast<uInt>(got);
    return true;
  }

  std::istream* in = nullptr;
  std::string_view memory;
  std::vector<Bytef> buffer;
  z_stream zs;
  bool initialized = false;
  bool input_done = false;
  bool in_member = false;  // inside a member (started, not yet at its end)
  bool finished = false;   // clean end after the last member
  std::size_t members = 0;
  std::uint64_t taken = 0;  // compressed bytes taken from the input
  Status error;
};

GzipReader::GzipReader(std::istream* in) : impl_(std::make_unique<Impl>(in)) {}
GzipReader::GzipReader(std::string_view data) : impl_(std::make_unique<Impl>(data)) {}
GzipReader::~GzipReader() = default;

std::uint64_t GzipReader::input_bytes() const { return impl_->taken - impl_->zs.avail_in; }
std::size_t GzipReader::members() const { return impl_->members; }

Result<std::size_t> GzipReader::Read(char* dst, std::size_t n) {
  Impl& s = *impl_;
  if (!s.error.ok()) return s.error;
  if (s.finished || n == 0) return std::size_t{0};
  n = std::min<std::size_t>(n, UINT32_MAX);
  s.zs.next_out = reinterpret_cast<Bytef*>(dst);
  s.zs.avail_out = static_cast<uInt>(n);
  while (s.zs.avail_out > 0) {
    if (!s.Refill()) {
      if (!s.error.ok()) break;
      if (s.members == 0) {
        s.error = Status::InvalidInput("empty input, not gzip data");
      } else if (s.in_member) {
        s.error =
            Status::InvalidInput("truncated gzip data: " + MemberName(s.members) + " ends early");
      } else {
        s.finished = true;
      }
      break;
    }
    if (!s.in_member) {
      // Another member follows (or garbage, which inflate rejects below).
      if (s.members > 0) inflateReset(&s.zs);
      ++s.members;
      s.in_member = true;
    }
    int r = inflate(&s.zs, Z_NO_FLUSH);
    if (r == Z_STREAM_END) {
      s.in_member = false;
      continue;
    }
    if (r == Z_OK || r == Z_BUF_ERROR) continue;  // Z_BUF_ERROR: needs more input
    std::string why = s.zs.msg != nullptr ? s.zs.msg : "zlib error " + std::to_string(r);
    if (r == Z_DATA_ERROR && s.members > 1 &&
        std::strcmp(why.c_str(), "incorrect header check") == 0) {
      s.error = Status::InvalidInput("bytes after " + MemberName(s.members - 1) +
                                     " are not gzip data (trailing garbage)");
    } else if (r == Z_DATA_ERROR) {
      s.error = Status::InvalidInput("corrupt gzip data in " + MemberName(s.members) + ": " + why);
    } else {
      s.error = Status::Internal("zlib failed in " + MemberName(s.members) + ": " + why);
    }
    break;
  }
  std::size_t produced = n - s.zs.avail_out;
  s.zs.next_out = nullptr;
  s.zs.avail_out = 0;
  if (produced > 0) return produced;  // the error, if any, on the next call
  if (!s.error.ok()) return s.error;
  return std::size_t{0};
}

bool LooksGzipped(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

std::unique_ptr<ByteSource> OpenMaybeGzipped(std::istream* in) {
  char head[2] = {0, 0};
  int c0 = in->peek();
  if (c0 == 0x1f) {
    in->get(head[0]);
    int c1 = in->peek();
    in->unget();
    if (c1 == 0x8b) return std::make_unique<GzipReader>(in);
  }
  in->clear(in->rdstate() & ~std::ios::eofbit);
  return std::make_unique<StreamSource>(in);
}

Status ReadAll(ByteSource* src, std::size_t max_bytes, std::string* out, bool* over_limit) {
  out->clear();
  if (over_limit != nullptr) *over_limit = false;
  char buf[1 << 16];
  for (;;) {
    // Ask for one byte more than the limit allows, to see whether there is more.
    std::size_t room = max_bytes - out->size() + 1;
    Result<std::size_t> n = src->Read(buf, std::min(sizeof buf, room));
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::Ok();
    if (out->size() + *n > max_bytes) {
      out->clear();
      if (over_limit != nullptr) *over_limit = true;
      return Status::InvalidInput("decompressed data exceeds the limit of " +
                                  std::to_string(max_bytes) + " bytes");
    }
    out->append(buf, *n);
  }
}

Status GunzipFile(const std::string& path, std::size_t max_bytes, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot open: " + std::string(std::strerror(errno)));
  GzipReader gz(&in);
  return ReadAll(&gz, max_bytes, out);
}

Status Gunzip(std::string_view gz, std::size_t max_bytes, std::string* out) {
  GzipReader reader(gz);
  return ReadAll(&reader, max_bytes, out);
}

namespace {

// One zlib stream (window_bits as for inflateInit2) from memory, bounded.
Status InflateOnce(std::string_view data, int window_bits, std::size_t max_bytes,
                   std::string* out) {
  out->clear();
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("cannot initialise zlib");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), UINT32_MAX));
  char buf[1 << 16];
  Status status;
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int r = inflate(&zs, Z_NO_FLUSH);
    std::size_t produced = sizeof buf - zs.avail_out;
    if (out->size() + produced > max_bytes) {
      out->clear();
      status = Status::InvalidInput("decompressed data exceeds the limit of " +
                                    std::to_string(max_bytes) + " bytes");
      break;
    }
    out->append(buf, produced);
    if (r == Z_STREAM_END) break;
    if (r == Z_OK) continue;
    if (r == Z_BUF_ERROR) {
      status = Status::InvalidInput("truncated deflate data");
    } else {
      status = Status::InvalidInput(std::string("corrupt deflate data: ") +
                                    (zs.msg != nullptr ? zs.msg : "zlib error"));
    }
    break;
  }
  inflateEnd(&zs);
  return status;
}

}  // namespace

Status InflateHttpDeflate(std::string_view data, std::size_t max_bytes, std::string* out) {
  Status s = InflateOnce(data, 15, max_bytes, out);
  if (s.ok() || s.message().find("limit") != std::string::npos) return s;
  return InflateOnce(data, -15, max_bytes, out);  // raw deflate
}

std::string GzipCompress(std::string_view data, int level) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, level, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int r = deflate(&zs, Z_FINISH);
  out.resize(r == Z_STREAM_END ? zs.total_out : 0);
  deflateEnd(&zs);
  return out;
}

}  // namespace storyline::ingest
