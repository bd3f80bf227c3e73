#include "ingest/gzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <sstream>
#include <string>

namespace storyline::ingest {
namespace {

// Everything `src` yields, read `chunk` bytes at a time; the status it ended with.
Status Drain(ByteSource* src, std::size_t chunk, std::string* out) {
  std::string buf(chunk, '\0');
  for (;;) {
    Result<std::size_t> n = src->Read(buf.data(), chunk);
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::Ok();
    EXPECT_LE(*n, chunk);
    out->append(buf.data(), *n);
  }
}

// Some text that compresses, different for each `seed`.
std::string Text(int seed, std::size_t size) {
  std::string s;
  for (int i = 0; s.size() < size; ++i) {
    s += "line " + std::to_string(seed) + "/" + std::to_string(i * 7919 % 1000) + " of the story\n";
  }
  s.resize(size);
  return s;
}

TEST(Gzip, RoundTripsOneMember) {
  std::string data = Text(1, 200000);
  std::string out;
  ASSERT_TRUE(Gunzip(GzipCompress(data), 1 << 20, &out).ok());
  EXPECT_EQ(out, data);
}

TEST(Gzip, ReadsEveryMemberOfAMultiMemberStreamInSmallChunks) {
  std::string expected, gz;
  for (int i = 0; i < 5; ++i) {
    std::string part = Text(i, 1000 + 3000 * i);
    expected += part;
    gz += GzipCompress(part);
  }
  gz += GzipCompress("");  // an empty member is still a member
  std::istringstream in(gz);
  GzipReader reader(&in);
  std::string out;
  ASSERT_TRUE(Drain(&reader, 7, &out).ok());
  EXPECT_EQ(out, expected);
  EXPECT_EQ(reader.members(), 6u);
  EXPECT_EQ(reader.input_bytes(), gz.size());
}

TEST(Gzip, TruncatedStreamFailsAfterReturningWhatItDecoded) {
  std::string data = Text(2, 100000);
  std::string gz = GzipCompress(data);
  std::istringstream in(gz.substr(0, gz.size() / 2));
  GzipReader reader(&in);
  std::string out;
  Status s = Drain(&reader, 4096, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("truncated"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("member 1"), std::string::npos) << s.message();
  EXPECT_FALSE(out.empty());
  EXPECT_EQ(out, data.substr(0, out.size()));
  // The error sticks.
  char c;
  EXPECT_FALSE(reader.Read(&c, 1).ok());
}

TEST(Gzip, TruncatedTrailerOfASecondMemberNamesThatMember) {
  std::string gz = GzipCompress("first") + GzipCompress("second");
  std::string out;
  Status s = Gunzip(std::string_view(gz).substr(0, gz.size() - 3), 1000, &out);
  EXPECT_NE(s.message().find("member 2"), std::string::npos) << s.message();
}

TEST(Gzip, CorruptDataIsAnErrorNotACrash) {
  std::string gz = GzipCompress(Text(3, 50000));
  for (std::size_t at : {std::size_t{3}, std::size_t{12}, gz.size() / 2, gz.size() - 6}) {
    std::string bad = gz;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    std::string out;
    Status s = Gunzip(bad, 1 << 20, &out);
    EXPECT_FALSE(s.ok()) << "flipped byte " << at;
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << s.message();
  }
}

TEST(Gzip, EmptyOrPlainInputIsNotGzip) {
  std::string out;
  Status empty = Gunzip("", 100, &out);
  EXPECT_NE(empty.message().find("empty"), std::string::npos) << empty.message();
  Status plain = Gunzip("<html>hello</html>", 100, &out);
  EXPECT_EQ(plain.code(), StatusCode::kInvalidInput);
  EXPECT_NE(plain.message().find("member 1"), std::string::npos) << plain.message();
}

TEST(Gzip, TrailingGarbageAfterAMemberIsReported) {
  std::string out;
  Status s = Gunzip(GzipCompress("page") + "this is not gzip", 100, &out);
  EXPECT_NE(s.message().find("trailing garbage"), std::string::npos) << s.message();
}

TEST(Gzip, BombStopsAtTheLimitWithoutGrowing) {
  // 64 MiB of zeros compress to about 64 KiB.
  std::string gz = GzipCompress(std::string(64u << 20, '\0'), 9);
  ASSERT_LT(gz.size(), 200u << 10);
  std::string out;
  Status s = Gunzip(gz, 1 << 20, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("exceeds the limit of 1048576"), std::string::npos) << s.message();
  EXPECT_LE(out.capacity(), (1u << 20) + (64u << 10) + 64);
  // Exactly at the limit is fine.
  EXPECT_TRUE(Gunzip(GzipCompress(std::string(1000, 'a')), 1000, &out).ok());
  EXPECT_EQ(out.size(), 1000u);
  EXPECT_FALSE(Gunzip(GzipCompress(std::string(1001, 'a')), 1000, &out).ok());
  // ReadAll() tells a limit passed from a corrupt stream.
  bool over_limit = false;
  const std::string big = GzipCompress(std::string(1001, 'a'));
  GzipReader too_big(big);
  EXPECT_FALSE(ReadAll(&too_big, 1000, &out, &over_limit).ok());
  EXPECT_TRUE(over_limit);
  GzipReader cut(std::string_view(big).substr(0, big.size() - 3));
  EXPECT_FALSE(ReadAll(&cut, 1 << 20, &out, &over_limit).ok());
  EXPECT_FALSE(over_limit);
}

TEST(Gzip, OpenMaybeGzippedPicksByMagicBytes) {
  std::string text = "WARC/1.0\r\n";
  for (const std::string& bytes : {text, GzipCompress(text)}) {
    std::istringstream in(bytes);
    std::unique_ptr<ByteSource> src = OpenMaybeGzipped(&in);
    std::string out;
    ASSERT_TRUE(Drain(src.get(), 3, &out).ok());
    EXPECT_EQ(out, text);
  }
  std::istringstream one("\x1f");
  std::string out;
  ASSERT_TRUE(Drain(OpenMaybeGzipped(&one).get(), 3, &out).ok());
  EXPECT_EQ(out, "\x1f");
}

TEST(Gzip, GunzipFileThatDoesNotExistIsAnIoError) {
  std::string out;
  EXPECT_EQ(GunzipFile("/nonexistent/x.html.gz", 10, &out).code(), StatusCode::kIoError);
}

TEST(Gzip, InflatesHttpDeflateWithAndWithoutZlibWrapper) {
  std::string data = Text(4, 5000);
  for (int window_bits : {15, -15}) {
    z_stream zs;
    std::memset(&zs, 0, sizeof zs);
    ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string deflated(deflateBound(&zs, data.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(data.data());
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(deflated.data());
    zs.avail_out = static_cast<uInt>(deflated.size());
    ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    deflated.resize(zs.total_out);
    deflateEnd(&zs);
    std::string out;
    ASSERT_TRUE(InflateHttpDeflate(deflated, 1 << 20, &out).ok()) << window_bits;
    EXPECT_EQ(out, data);
    EXPECT_FALSE(InflateHttpDeflate(deflated, 100, &out).ok());
  }
}

}  // namespace
}  // namespace storyline::ingest
