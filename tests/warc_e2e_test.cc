// End-to-end: a Common Crawl-like .warc.gz built from tests/data/html
// through the built `storyline` binary (cluster and extract).
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_fixture.h"
#include "ingest/gzip.h"

namespace storyline::testing {
namespace {

// `utf8` in `charset` (glibc iconv); "" when it cannot be converted.
std::string Encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  std::string out(utf8.size() * 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* dst = out.data();
  std::size_t in_left = utf8.size(), out_left = out.size();
  std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  if (r == static_cast<std::size_t>(-1)) return "";
  out.resize(out.size() - out_left);
  return out;
}

std::string Record(const std::string& type, const std::string& id, const std::string& uri,
                   const std::string& date, const std::string& content_type,
                   const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
                  ">\r\nWARC-Date: " + date + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  return r + "Content-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

// Chunked transfer encoding in pieces of 100 bytes.
std::string Chunked(const std::string& body) {
  std::string out;
  for (std::size_t i = 0; i < body.size(); i += 100) {
    std::string piece = body.substr(i, 100);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", piece.size());
    out += std::string(size) + "\r\n" + piece + "\r\n";
  }
  return out + "0\r\n\r\n";
}

struct Fetch {
  std::string name;  // fixture file name without .html
  std::string id;    // WARC-Record-ID of the response
  std::string uri;
};

class WarcE2eTest : public CliTest {
 protected:
  // Writes crawl.warc.gz, one gzip member per record as Common Crawl does:
  // warcinfo, then request + response + metadata for every fixture page, plus
  // responses that are not pages (robots.txt, a 404, a redirect). One page
  // comes chunked and gzip-encoded, one in ISO-8859-7 with only the HTTP
  // header saying so (its <meta> claims UTF-8).
  fs::path WriteCrawl() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(kSource) / "tests/data/html")) {
      if (e.path().extension() == ".html") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::string gz = ingest::GzipCompress(
        Record("warcinfo", "00000000-0000-4000-8000-000000000000", "", "2026-03-10T06:00:00Z",
               "application/warc-fields", "software: storyline tests\r\nformat: WARC 1.0\r\n"));
    int n = 0;
    for (const fs::path& f : files) {
      ++n;
      Fetch fetch;
      fetch.name = f.stem().string();
      char id[64];
      std::snprintf(id, sizeof id, "6f1c2d3e-0000-4000-8000-%012d", n);
      fetch.id = id;
      std::string outlet = fetch.name.substr(fetch.name.find('-') + 1);
      fetch.uri = "https://" + outlet + ".example/news/" + fetch.name;
      char date[32];
      std::snprintf(date, sizeof date, "2026-03-1%dT%02d:15:00Z", n % 3, 8 + n);
      std::string html = ReadFile(f);
      std::string head = "HTTP/1.1 200 OK\r\nServer: test\r\n";
      if (fetch.name == "fire-coastline") {
        html = Encode(html, "ISO-8859-7");
        head += "Content-Type: text/html; charset=ISO-8859-7\r\n";
      } else if (fetch.name == "bridge-metro") {
        html = Chunked(ingest::GzipCompress(html));
        head +=
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n";
      } else {
        head += "Content-Type: text/html; charset=utf-8\r\n";
      }
      gz += ingest::GzipCompress(Record("request", fetch.id + "-q", fetch.uri, date,
                                        "application/http; msgtype=request",
                                        "GET / HTTP/1.1\r\nHost: example\r\n\r\n"));
      gz +=
          ingest::GzipCompress(Record("response", fetch.id, fetch.uri, date,
                                      "application/http; msgtype=response", head + "\r\n" + html));
      gz += ingest::GzipCompress(Record("metadata", fetch.id + "-m", fetch.uri, date,
                                        "application/warc-fields", "fetchTimeMs: 42\r\n"));
      fetches_.push_back(fetch);
    }
    auto response = [](const std::string& id, const std::string& http) {
      return ingest::GzipCompress(Record("response", id, "https://other.example/" + id,
                                         "2026-03-12T10:00:00Z",
                                         "application/http; msgtype=response", http));
    };
    gz += response("robots", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nUser-agent: *\n");
    gz += response("missing",
                   "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>");
    gz += response("moved", "HTTP/1.1 301 Moved Permanently\r\nLocation: /x\r\n\r\n");
    return Write("crawl.warc.gz", gz);
  }

  // Record id of fixture `name`.
  std::string IdOf(const std::string& name) const {
    for (const Fetch& f : fetches_) {
      if (f.name == name) return f.id;
    }
    ADD_FAILURE() << "no fixture " << name;
    return "";
  }

  std::vector<Fetch> fetches_;
};

TEST_F(WarcE2eTest, ClusterPutsEachEventsPagesIntoOneStory) {
  fs::path crawl = WriteCrawl();
  ASSERT_EQ(fetches_.size(), 7u) << "tests/data/html should hold 7 pages";
  fs::path assignments = dir_ / "assign.jsonl";
  ASSERT_EQ(Run("cluster " + Quote(crawl.string()) + " -q -a " + Quote(assignments.string()) +
                " -o " + Quote((dir_ / "stories.json").string())),
            0)
      << err_;

  std::map<std::string, std::set<std::string>> stories;  // story -> record ids
  std::ifstream in(assignments);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    stories[j["story"].get<std::string>()].insert(j["id"].get<std::string>());
  }
  std::set<std::set<std::string>> got;
  for (auto& [story, ids] : stories) got.insert(ids);
  std::set<std::set<std::string>> want = {
      {IdOf("bridge-coastline"), IdOf("bridge-ledger"), IdOf("bridge-metro")},
      {IdOf("fire-coastline"), IdOf("fire-ledger")},
      {IdOf("tram-ledger"), IdOf("tram-metro")},
  };
  EXPECT_EQ(got, want) << err_;
  EXPECT_NE(err_.find("7 articles in 3 stories"), std::string::npos) << err_;
  EXPECT_NE(err_.find("25 WARC records: 7 HTML pages, 15 not responses, 1 not HTML, "
                      "2 not status 200"),
            std::string::npos)
      << err_;
}

TEST_F(WarcE2eTest, ExtractWritesOneLinePerHtmlRecordWithRecordIdAndTargetUri) {
  fs::path crawl = WriteCrawl();
  ASSERT_EQ(Run("extract " + Quote(crawl.string()) + " -q -t 2"), 0) << err_;
  std::istringstream lines(out_);
  std::string line;
  std::vector<nlohmann::json> pages;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    ASSERT_TRUE(j.is_object()) << line;
    pages.push_back(j);
  }
  ASSERT_EQ(pages.size(), fetches_.size()) << out_;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Fetch& f = fetches_[i];
    EXPECT_EQ(pages[i]["id"], f.id);
    EXPECT_EQ(pages[i]["url"], f.uri);
    std::string text = pages[i]["text"].get<std::string>();
    EXPECT_GT(text.size(), 200u) << f.name;
    EXPECT_EQ(text.find("Privacy"), std::string::npos) << f.name << ": footer in text";
    EXPECT_EQ(pages[i]["lang"], "en") << f.name;
    if (f.name == "fire-coastline") {
      // Decoded with the HTTP charset, not the page's wrong <meta charset>.
      EXPECT_NE(text.find("Ελένη Μάρκου"), std::string::npos) << text;
    }
    if (f.name == "bridge-metro") {
      EXPECT_NE(text.find("Ferry operators in Port Aldren"), std::string::npos) << text;
    }
  }
  EXPECT_NE(err_.find("7 pages extracted from 1 file "), std::string::npos) << err_;
  EXPECT_NE(err_.find("25 WARC records"), std::string::npos) << err_;
}

TEST_F(WarcE2eTest, BrokenRecordsAreReportedByFileAndRecordWithoutFailingTheRun) {
  fs::path crawl = WriteCrawl();
  std::string gz = ReadFile(crawl);
  // Garbage between two members, and the last member cut short.
  std::string warcinfo_end = ingest::GzipCompress(
      Record("warcinfo", "00000000-0000-4000-8000-000000000000", "", "2026-03-10T06:00:00Z",
             "application/warc-fields", "software: storyline tests\r\nformat: WARC 1.0\r\n"));
  std::string broken = warcinfo_end + ingest::GzipCompress("this is not a WARC record\n") +
                       gz.substr(warcinfo_end.size(), gz.size() - warcinfo_end.size() - 40);
  fs::path path = Write("broken.warc.gz", broken);
  ASSERT_EQ(Run("extract " + Quote(path.string()) + " -q -t 1"), 0) << err_;
  EXPECT_NE(err_.find("broken.warc.gz:record 2: skipped 26 bytes"), std::string::npos) << err_;
  EXPECT_NE(err_.find("broken.warc.gz:record 25: truncated"), std::string::npos) << err_;
  EXPECT_NE(err_.find("7 pages extracted"), std::string::npos) << err_;
  EXPECT_NE(err_.find("skipped 2;"), std::string::npos) << err_;
  EXPECT_NE(err_.find("1 truncated, 1 runs of garbage"), std::string::npos) << err_;
}

}  // namespace
}  // namespace storyline::testing
