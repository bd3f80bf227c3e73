#include "ingest/warc.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "ingest/gzip.h"

namespace storyline::ingest {
namespace {

// One WARC record; `extra` are more header lines, each ending in "\r\n".
std::string Record(const std::string& type, const std::string& id, const std::string& block,
                   const std::string& extra = "") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
         ">\r\nWARC-Date: 2026-03-14T08:30:00Z\r\n" + extra +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(const std::string& head, const std::string& body) {
  return "HTTP/1.1 " + head + "\r\n\r\n" + body;
}

std::string Response(const std::string& id, const std::string& http,
                     const std::string& uri = "https://news.example/a") {
  return Record(
      "response", id, http,
      "WARC-Target-URI: " + uri + "\r\nContent-Type: application/http; msgtype=response\r\n");
}

const std::string kPage = "<!DOCTYPE html><html lang=\"en\"><body><p>Story.</p></body></html>";

std::string HtmlResponse(const std::string& id, const std::string& body = kPage) {
  return Response(id, Http("200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"", body));
}

struct Outcome {
  std::vector<WarcPage> pages;
  std::vector<WarcProblem> problems;
  WarcStats stats;
};

Outcome ReadWarc(const std::string& bytes, WarcOptions options = {}) {
  std::istringstream in(bytes);
  std::unique_ptr<ByteSource> src = OpenMaybeGzipped(&in);
  WarcReader reader(src.get(), options);
  Outcome out;
  WarcPage page;
  for (int guard = 0; guard < 1000; ++guard) {
    WarcStep step = reader.Next(&page);
    if (step == WarcStep::kEnd) break;
    if (step == WarcStep::kPage) out.pages.push_back(page);
    if (step == WarcStep::kProblem) out.problems.push_back(reader.problem());
  }
  EXPECT_EQ(reader.Next(&page), WarcStep::kEnd);
  out.stats = reader.stats();
  return out;
}

// A small crawl as Common Crawl writes it: warcinfo, then request, response
// and metadata for each fetch.
std::string Crawl() {
  return Record("warcinfo", "info", "software: test\r\nformat: WARC File Format 1.1\r\n",
                "Content-Type: application/warc-fields\r\n") +
         Record("request", "req1", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
                "Content-Type: application/http; msgtype=request\r\n") +
         HtmlResponse("resp1") + Record("metadata", "meta1", "fetchTimeMs: 12\r\n");
}

TEST(WarcReader, TakesTheHtmlResponseAmongWarcinfoRequestAndMetadata) {
  Outcome o = ReadWarc(Crawl());
  ASSERT_EQ(o.pages.size(), 1u);
  const WarcPage& p = o.pages[0];
  EXPECT_EQ(p.record, 3u);
  EXPECT_EQ(p.record_id, "resp1");
  EXPECT_EQ(p.target_uri, "https://news.example/a");
  EXPECT_EQ(p.date, "2026-03-14T08:30:00Z");
  EXPECT_EQ(p.charset, "ISO-8859-1");
  EXPECT_EQ(p.html, kPage);
  EXPECT_TRUE(o.problems.empty());
  EXPECT_EQ(o.stats.records, 4u);
  EXPECT_EQ(o.stats.pages, 1u);
  EXPECT_EQ(o.stats.not_response, 3u);
  EXPECT_EQ(o.stats.Summary(), "4 WARC records: 1 HTML pages, 3 not responses");
}

TEST(WarcReader, ReadsGzipWithOneMemberPerRecordLikeCommonCrawl) {
  std::string plain = Crawl() + HtmlResponse("resp2");
  std::string gz;
  std::size_t start = 0;
  while (start < plain.size()) {
    std::size_t next = plain.find("WARC/1.1\r\n", start + 1);
    if (next == std::string::npos) next = plain.size();
    gz += GzipCompress(std::string_view(plain).substr(start, next - start));
    start = next;
  }
  Outcome o = ReadWarc(gz);
  ASSERT_EQ(o.pages.size(), 2u);
  EXPECT_EQ(o.pages[1].record_id, "resp2");
  EXPECT_EQ(o.pages[1].html, kPage);
  EXPECT_EQ(o.stats.records, 5u);
  // One gzip stream around the whole file reads the same.
  EXPECT_EQ(ReadWarc(GzipCompress(plain)).pages.size(), 2u);
}

TEST(WarcReader, NonHtmlPayloadsAndOtherStatusesAreCountedNotReported) {
  std::string warc =
      Response("txt", Http("200 OK\r\nContent-Type: text/plain", "User-agent: *\n")) +
      Response("img", Http("200 OK\r\nContent-Type: image/jpeg", "\xff\xd8\xff")) +
      Response("404", Http("404 Not Found\r\nContent-Type: text/html", kPage)) +
      Response("301", Http("301 Moved\r\nLocation: /b", "")) +
      Response("sniffed", Http("200 OK\r\nServer: x", "\n  <html><p>Untyped page.</p></html>")) +
      Response("untyped", Http("200 OK\r\nServer: x", "%PDF-1.4 not a page")) +
      Response("xhtml", Http("200 OK\r\nContent-Type: Application/XHTML+XML", kPage)) +
      Record("response", "dns", "20260314083000\nnews.example. 300 IN A 10.0.0.1\n",
             "Content-Type: text/dns\r\n");
  Outcome o = ReadWarc(warc);
  ASSERT_EQ(o.pages.size(), 2u);
  EXPECT_EQ(o.pages[0].record_id, "sniffed");
  EXPECT_EQ(o.pages[1].record_id, "xhtml");
  EXPECT_TRUE(o.problems.empty());
  EXPECT_EQ(o.stats.not_html, 4u);
  EXPECT_EQ(o.stats.not_ok, 2u);
  EXPECT_EQ(o.stats.records, 8u);
}

TEST(WarcReader, TruncatedFinalRecordIsAProblemAfterTheGoodOnes) {
  std::string good = HtmlResponse("r1") + HtmlResponse("r2");
  std::string last = HtmlResponse("r3");
  Outcome o = ReadWarc(good + last.substr(0, last.size() - 30));
  ASSERT_EQ(o.pages.size(), 2u);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].record, 3u);
  EXPECT_NE(o.problems[0].why.message().find("truncated"), std::string::npos)
      << o.problems[0].why.message();
  EXPECT_EQ(o.stats.truncated, 1u);

  // Cut inside the header, and inside a gzip member.
  o = ReadWarc(good + last.substr(0, 40));
  EXPECT_EQ(o.stats.truncated, 1u);
  EXPECT_EQ(o.pages.size(), 2u);
  std::string gz = GzipCompress(good) + GzipCompress(last);
  o = ReadWarc(gz.substr(0, gz.size() - 20));
  EXPECT_EQ(o.pages.size(), 2u);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].record, 3u);
  EXPECT_NE(o.problems[0].why.message().find("gzip"), std::string::npos)
      << o.problems[0].why.message();
}

TEST(WarcReader, GarbageBetweenRecordsIsSkippedToTheNextVersionLine) {
  std::string warc = HtmlResponse("r1") + "junk junk\r\nmore junk\nWARC/ nope\n" +
                     HtmlResponse("r2") + std::string(100000, 'x') + "\n" + HtmlResponse("r3") +
                     "trailing";
  Outcome o = ReadWarc(warc);
  ASSERT_EQ(o.pages.size(), 3u);
  EXPECT_EQ(o.pages[2].record_id, "r3");
  EXPECT_EQ(o.stats.garbage, 3u);
  ASSERT_EQ(o.problems.size(), 3u);
  EXPECT_EQ(o.problems[0].record, 2u);
  EXPECT_NE(o.problems[0].why.message().find("skipped 32 bytes"), std::string::npos)
      << o.problems[0].why.message();
  EXPECT_EQ(o.problems[2].record, 4u);
}

TEST(WarcReader, ChunkedTransferEncodingIsUndone) {
  std::string chunked =
      "1a;ext=1\r\n<html><body><p>First part \r\n10\r\nand second part.\r\n"
      "0\r\nX-Trailer: y\r\n\r\n";
  Outcome o = ReadWarc(Response(
      "c", Http("200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", chunked)));
  ASSERT_EQ(o.pages.size(), 1u);
  EXPECT_EQ(o.pages[0].html, "<html><body><p>First part and second part.");

  o = ReadWarc(Response(
      "bad", Http("200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked", "zz\r\n")));
  EXPECT_TRUE(o.pages.empty());
  EXPECT_EQ(o.stats.malformed, 1u);
}

TEST(WarcReader, GzipContentEncodingIsUndoneAlsoInsideChunks) {
  std::string gz = GzipCompress(kPage);
  Outcome o = ReadWarc(
      Response("g", Http("200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip", gz)));
  ASSERT_EQ(o.pages.size(), 1u);
  EXPECT_EQ(o.pages[0].html, kPage);

  char hex[16];
  std::snprintf(hex, sizeof hex, "%zx", gz.size() - 10);
  std::string chunked = std::string(hex) + "\r\n" + gz.substr(0, gz.size() - 10) + "\r\na\r\n" +
                        gz.substr(gz.size() - 10) + "\r\n0\r\n\r\n";
  o = ReadWarc(Response("gc", Http("200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: "
                                   "chunked\r\nContent-Encoding: x-gzip",
                                   chunked)));
  ASSERT_EQ(o.pages.size(), 1u);
  EXPECT_EQ(o.pages[0].html, kPage);

  o = ReadWarc(Response("broken", Http("200 OK\r\nContent-Type: text/html\r\nContent-Encoding: "
                                       "gzip",
                                       gz.substr(0, gz.size() / 2))) +
               Response("br", Http("200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br",
                                   "\x0b\x02\x80")) +
               HtmlResponse("ok"));
  ASSERT_EQ(o.pages.size(), 1u);
  EXPECT_EQ(o.stats.malformed, 2u);
  ASSERT_EQ(o.problems.size(), 2u);
  EXPECT_NE(o.problems[1].why.message().find("unsupported Content-Encoding \"br\""),
            std::string::npos)
      << o.problems[1].why.message();
}

TEST(WarcReader, MissingContentLengthSkipsToTheNextRecord) {
  std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:nolen>\r\n\r\n" +
      Http("200 OK\r\nContent-Type: text/html", kPage) + "\r\n\r\n";
  Outcome o = ReadWarc(HtmlResponse("r1") + no_length + HtmlResponse("r3"));
  ASSERT_EQ(o.pages.size(), 2u);
  EXPECT_EQ(o.pages[1].record_id, "r3");
  EXPECT_EQ(o.pages[1].record, 3u);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].record, 2u);
  EXPECT_NE(o.problems[0].why.message().find("no Content-Length"), std::string::npos);
  EXPECT_EQ(o.stats.malformed, 1u);
  EXPECT_EQ(o.stats.garbage, 0u);  // the rest of a malformed record is not garbage
}

TEST(WarcReader, RecordOverTheLimitIsSkippedAndTheNextIsRead) {
  std::string huge = "<html><body>" + std::string(200000, 'y') + "</body></html>";
  Outcome o = ReadWarc(HtmlResponse("big", huge) + HtmlResponse("small") +
                           Record("request", "bigreq", std::string(300000, 'z')),
                       {.max_record_bytes = 100000});
  ASSERT_EQ(o.pages.size(), 1u);
  EXPECT_EQ(o.pages[0].record_id, "small");
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.problems[0].record, 1u);
  EXPECT_NE(o.problems[0].why.message().find("exceeds the limit of 100000"), std::string::npos);
  EXPECT_EQ(o.stats.too_large, 1u);
  EXPECT_EQ(o.stats.not_response, 1u);  // a big record that is passed over anyway is no problem
}

TEST(WarcReader, CorruptGzipEndsTheInputWithOneProblem) {
  std::string gz = GzipCompress(HtmlResponse("r1")) + GzipCompress(HtmlResponse("r2"));
  std::string bad = gz;
  bad[gz.size() - 30] = static_cast<char>(bad[gz.size() - 30] ^ 0xff);
  Outcome o = ReadWarc(bad);
  // Whether the second page got out depends on where zlib notices (at the
  // latest, the member's CRC); there is one problem either way.
  EXPECT_GE(o.pages.size(), 1u);
  EXPECT_EQ(o.problems.size(), 1u);
  EXPECT_EQ(o.stats.problems(), 1u);

  o = ReadWarc(gz + "not gzip");
  EXPECT_EQ(o.pages.size(), 2u);
  ASSERT_EQ(o.problems.size(), 1u);
  EXPECT_NE(o.problems[0].why.message().find("trailing garbage"), std::string::npos);
}

TEST(WarcReader, EmptyInputHasNoRecords) {
  Outcome o = ReadWarc("");
  EXPECT_TRUE(o.pages.empty());
  EXPECT_TRUE(o.problems.empty());
  EXPECT_EQ(o.stats.records, 0u);
}

TEST(Http, ParsesStatusAndTheHeadersThatMatter) {
  std::string block =
      "HTTP/1.0 200\nContent-type:  text/HTML ; Charset = 'windows-1252' ; q=1\n"
      "transfer-encoding: Chunked\nContent-Encoding: GZIP\n\nbody";
  HttpResponse r;
  ASSERT_TRUE(ParseHttpResponse(block, &r).ok());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html");
  EXPECT_EQ(r.charset, "windows-1252");
  EXPECT_EQ(r.transfer_encoding, "chunked");
  EXPECT_EQ(r.content_encoding, "gzip");
  EXPECT_EQ(block.substr(r.body_offset), "body");

  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n", &r).ok());
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 2x0 OK\r\n\r\n", &r).ok());
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1\r\n\r\n", &r).ok());
  ASSERT_TRUE(ParseHttpResponse("HTTP/1.1 204 No Content\r\nServer: a", &r).ok());
  EXPECT_EQ(r.status, 204);
}

TEST(Http, DecodeChunkedKeepsWhatArrivedOfACutOffBody) {
  std::string body = "5\r\nhello\r\n10\r\nwor";
  ASSERT_TRUE(DecodeChunked(&body).ok());
  EXPECT_EQ(body, "hellowor");
  body = "5\r\nhello\r\nffffffffffffffffff\r\n";
  EXPECT_FALSE(DecodeChunked(&body).ok());
}

TEST(Warc, StripRecordIdAndSniffHtml) {
  EXPECT_EQ(StripRecordId(" <urn:uuid:0a1b-2c3d> "), "0a1b-2c3d");
  EXPECT_EQ(StripRecordId("<urn:other:7>"), "urn:other:7");
  EXPECT_TRUE(SniffHtml("\xEF\xBB\xBF<!-- x -->\n<!DOCTYPE HTML PUBLIC>"));
  EXPECT_TRUE(SniffHtml("  <HTML>"));
  EXPECT_FALSE(SniffHtml("{\"json\": true}"));
}

}  // namespace
}  // namespace storyline::ingest
