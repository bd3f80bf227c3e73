#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ingest/gzip.h"
#include "tests/test_dir.h"

namespace storyline::ingest {
namespace {

namespace fs = std::filesystem;

// Records every report, in order.
class RecordingDiagnostics final : public Diagnostics {
 public:
  void Report(std::string_view origin, const Status& why) override {
    reports.emplace_back(std::string(origin), why);
  }
  // Number of reports whose origin is exactly `origin`.
  int CountFor(const std::string& origin) const {
    int n = 0;
    for (const auto& [o, s] : reports) n += o == origin;
    return n;
  }
  // The message of the (first) report for `origin`, or "" when none.
  std::string MessageFor(const std::string& origin) const {
    for (const auto& [o, s] : reports) {
      if (o == origin) return s.message();
    }
    return "";
  }
  std::vector<std::pair<std::string, Status>> reports;
};

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::FreshTestDir("storyline_reader"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }

  Status Read(const std::vector<std::string>& paths) {
    return ReadArticles(
        paths, [this](Article a) { articles_.push_back(std::move(a)); }, &diag_, &stats_);
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Article& a : articles_) ids.push_back(a.id);
    return ids;
  }

  fs::path dir_;
  std::vector<Article> articles_;
  RecordingDiagnostics diag_;
  ReadStats stats_;
};

using Strings = std::vector<std::string>;

TEST_F(ReaderTest, JsonlReportsEachBadLineOnceAndKeepsTheGoodOnes) {
  std::string path =
      Write("feed.jsonl",
            "{\"id\": \"a1\", \"title\": \"Quake\", \"text\": \"Good one.\"}\n"    // 1
            "{\"id\": \"a2\", \"text\": \"unterminated\n"                          // 2
            "{\"id\": \"a3\", \"text\": \"bad \xFF byte\"}\n"                      // 3
            "{\"id\": \"a4\", \"text\": 5}\n"                                      // 4
            "{\"id\": \"a5\", \"text\": \"  \"}\n"                                 // 5
            "[\"id\", \"a6\"]\n"                                                   // 6
            "{\"id\": \"a1\", \"text\": \"Same id again.\"}\n"                     // 7
            "\n"                                                                   // 8
            "{\"id\": \"a9\", \"text\": \"Fine too.\", \"source\": \"Wire\"}\n");  // 9
  ASSERT_TRUE(Read({path}).ok());
  EXPECT_EQ(Ids(), (Strings{"a1", "a9"}));
  EXPECT_EQ(articles_[0].title, "Quake");
  EXPECT_EQ(articles_[0].text, "Good one.");
  EXPECT_EQ(articles_[0].origin, path + ":1");
  EXPECT_EQ(articles_[1].source, "Wire");
  EXPECT_EQ(articles_[1].origin, path + ":9");

  for (int line : {2, 3, 4, 5, 6, 7}) {
    std::string origin = path + ":" + std::to_string(line);
    EXPECT_EQ(diag_.CountFor(origin), 1) << origin;
  }
  EXPECT_EQ(diag_.reports.size(), 6u);
  for (const auto& [origin, why] : diag_.reports) {
    EXPECT_FALSE(why.ok()) << origin;
    EXPECT_FALSE(why.message().empty()) << origin;
  }
  EXPECT_NE(diag_.MessageFor(path + ":2").find("JSON"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(path + ":3").find("UTF-8"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(path + ":4").find("\"text\" must be a string"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(path + ":5").find("empty"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(path + ":6").find("object"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(path + ":7").find("duplicate id"), std::string::npos);
  EXPECT_EQ(stats_.files, 1u);
  EXPECT_EQ(stats_.articles, 2u);
  EXPECT_EQ(stats_.skipped, 6u);
  EXPECT_EQ(stats_.warnings, 0u);
}

TEST_F(ReaderTest, BadPublishedKeepsArticleWithWarning) {
  std::string path =
      Write("dated.jsonl",
            "{\"id\": \"d1\", \"text\": \"Dated.\", \"published\": \"last Tuesday\"}\n"
            "{\"id\": \"d2\", \"text\": \"Dated.\", \"published\": "
            "\"2018-10-09T12:00:00Z\"}\n");
  ASSERT_TRUE(Read({path}).ok());
  ASSERT_EQ(Ids(), (Strings{"d1", "d2"}));
  EXPECT_FALSE(articles_[0].published.has_value());
  EXPECT_EQ(articles_[1].published, 1539086400);
  EXPECT_EQ(stats_.warnings, 1u);
  EXPECT_EQ(stats_.skipped, 0u);
  ASSERT_EQ(diag_.CountFor(path + ":1"), 1);
  EXPECT_NE(diag_.MessageFor(path + ":1").find("last Tuesday"), std::string::npos);
}

TEST_F(ReaderTest, TextFileIdIsFileNameAndBomIsStripped) {
  std::string path = Write("kim-summit.txt", "\xEF\xBB\xBFTrump says a second summit is near.\n");
  ASSERT_TRUE(Read({path}).ok());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].id, "kim-summit.txt");
  EXPECT_EQ(articles_[0].text.rfind("Trump says", 0), 0u) << articles_[0].text;
  EXPECT_EQ(articles_[0].origin, path);
  EXPECT_TRUE(diag_.reports.empty());
}

TEST_F(ReaderTest, EmptyAndInvalidUtf8TextFilesAreReported) {
  std::string empty = Write("empty.txt", "");
  std::string blank = Write("blank.txt", "\xEF\xBB\xBF  \n\n");
  std::string bad = Write("bad.txt", "Caf\xE9 au lait.\n");  // Latin-1, not UTF-8
  std::string good = Write("good.txt", "A good article.\n");
  ASSERT_TRUE(Read({empty, blank, bad, good}).ok());
  EXPECT_EQ(Ids(), (Strings{"good.txt"}));
  EXPECT_EQ(diag_.CountFor(empty), 1);
  EXPECT_EQ(diag_.CountFor(blank), 1);
  EXPECT_EQ(diag_.CountFor(bad), 1);
  EXPECT_NE(diag_.MessageFor(empty).find("empty"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(bad).find("invalid UTF-8 at byte 3"), std::string::npos)
      << diag_.MessageFor(bad);
  EXPECT_EQ(stats_.skipped, 3u);
  EXPECT_EQ(stats_.files, 4u);
}

TEST_F(ReaderTest, DirectoryIsReadRecursivelyInNameOrderIgnoringReadme) {
  // Created out of order on purpose.
  Write("feed/sub/c.txt", "Third.\n");
  Write("feed/b.txt", "Second.\n");
  Write("feed/README.md", "# Not an article\n");
  Write("feed/a.txt", "First.\n");
  Write("feed/sub/d.jsonl", "{\"id\": \"d\", \"text\": \"Fourth.\"}\n");
  ASSERT_TRUE(Read({(dir_ / "feed").string()}).ok());
  EXPECT_EQ(Ids(), (Strings{"a.txt", "b.txt", "c.txt", "d"}));
  EXPECT_EQ(stats_.ignored_files, 1u);
  EXPECT_EQ(stats_.files, 4u);
  EXPECT_EQ(stats_.skipped, 0u);
  EXPECT_TRUE(diag_.reports.empty());
}

TEST(ReadNotesTest, NamesPassedOverFilesAndWarcRecordsOnlyWhenThereAreAny) {
  ReadStats stats;
  EXPECT_EQ(ReadNotes(stats), "");
  stats.ignored_files = 2;
  EXPECT_EQ(ReadNotes(stats),
            "; 2 files in directories passed over (not .txt, .json, .jsonl, "
            ".html or .warc)");
  stats.ignored_files = 1;
  stats.warc.records = 3;
  stats.warc.pages = 3;
  EXPECT_EQ(ReadNotes(stats),
            "; 1 file in directories passed over (not .txt, .json, .jsonl, "
            ".html or .warc); 3 WARC records: 3 HTML pages");
}

TEST_F(ReaderTest, BrokenSymlinkInDirectoryIsReportedAndTheRestRead) {
  Write("feed/a.txt", "First.\n");
  fs::path link = dir_ / "feed" / "gone.txt";
  fs::create_symlink(dir_ / "feed" / "moved-away.txt", link);
  ASSERT_TRUE(Read({(dir_ / "feed").string()}).ok());
  EXPECT_EQ(Ids(), (Strings{"a.txt"}));
  EXPECT_EQ(diag_.CountFor(link.string()), 1);
  EXPECT_NE(diag_.MessageFor(link.string()).find("broken symbolic link"), std::string::npos);
  EXPECT_EQ(stats_.skipped, 1u);
}

TEST_F(ReaderTest, ExplicitFileWithUnknownExtensionIsReadAsText) {
  std::string path = Write("notes.md", "Named on the command line.\n");
  ASSERT_TRUE(Read({path}).ok());
  EXPECT_EQ(Ids(), (Strings{"notes.md"}));
  EXPECT_EQ(stats_.ignored_files, 0u);
}

// Read as standard input is: JSONL when it opens with an object, as the
// output of "<(zcat a.jsonl.gz)" or a file saved without its extension does.
TEST_F(ReaderTest, ExplicitFileWithUnknownExtensionThatOpensWithAnObjectIsJsonl) {
  std::string path = Write("feed",
                           "\n  {\"id\": \"a\", \"text\": \"First.\"}\n"
                           "{\"id\": \"b\", \"text\": \"Second.\"}\n");
  ASSERT_TRUE(Read({path}).ok());
  EXPECT_EQ(Ids(), (Strings{"a", "b"}));
  // In a directory it is passed over, as before.
  ASSERT_TRUE(Read({dir_.string()}).ok());
  EXPECT_EQ(stats_.ignored_files, 1u);
}

// JSONL may come gzipped: "feed.jsonl.gz", in a directory too, or named
// without its extension. A truncated one keeps its whole lines and is
// reported; the stats count the bytes as stored.
TEST_F(ReaderTest, GzippedJsonlIsReadAndATruncatedOneKeepsItsWholeLines) {
  const std::string lines =
      "{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"b\", \"text\": \"Second.\"}\n";
  const std::string gz = GzipCompress(lines);
  Write("in/feed.jsonl.gz", gz);
  ASSERT_TRUE(Read({(dir_ / "in").string()}).ok());
  EXPECT_EQ(Ids(), (Strings{"a", "b"}));
  EXPECT_EQ(stats_.bytes, gz.size());
  EXPECT_TRUE(diag_.reports.empty());

  articles_.clear();
  std::string many;
  for (int i = 0; i < 2000; ++i) {
    many += "{\"id\": \"n" + std::to_string(i) + "\", \"text\": \"Line " + std::to_string(i) +
            " of a long feed.\"}\n";
  }
  const std::string whole = GzipCompress(many);
  const std::string cut = Write("cut", whole.substr(0, whole.size() / 2));
  ASSERT_TRUE(Read({cut}).ok());
  EXPECT_GT(articles_.size(), 100u);
  EXPECT_LT(articles_.size(), 2000u);
  EXPECT_NE(diag_.MessageFor(cut).find("truncated"), std::string::npos) << diag_.MessageFor(cut);

  articles_.clear();
  const std::string note = Write("note.gz", GzipCompress("A text that came gzipped.\n"));
  ASSERT_TRUE(Read({note}).ok());
  EXPECT_EQ(Ids(), (Strings{"note.gz"}));
  // A gzipped text file in a directory keeps the id it had uncompressed.
  articles_.clear();
  Write("texts/a.txt.gz", GzipCompress("A flood hit the valley on Monday.\n"));
  ASSERT_TRUE(Read({(dir_ / "texts").string()}).ok());
  EXPECT_EQ(Ids(), (Strings{"a.txt"}));
  EXPECT_EQ(articles_[0].text, "A flood hit the valley on Monday.\n");
}

TEST_F(ReaderTest, MissingOnlyInputIsNotFound) {
  std::string missing = (dir_ / "no-such-dir").string();
  Status s = Read({missing});
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(diag_.CountFor(missing), 1);
  EXPECT_EQ(stats_.skipped, 1u);
  EXPECT_TRUE(articles_.empty());
}

TEST_F(ReaderTest, MissingInputBesideAGoodOneIsReportedNotFatal) {
  std::string missing = (dir_ / "gone.txt").string();
  std::string good = Write("here.txt", "Still read.\n");
  EXPECT_TRUE(Read({missing, good}).ok());
  EXPECT_EQ(Ids(), (Strings{"here.txt"}));
  EXPECT_EQ(diag_.CountFor(missing), 1);
}

TEST_F(ReaderTest, DuplicateIdAcrossFilesIsSkipped) {
  std::string a = Write("one/same.txt", "First copy.\n");
  std::string b = Write("two/same.txt", "Second copy.\n");
  ASSERT_TRUE(Read({a, b}).ok());
  ASSERT_EQ(articles_.size(), 1u);
  EXPECT_EQ(articles_[0].text, "First copy.\n");
  EXPECT_EQ(diag_.CountFor(b), 1);
  EXPECT_NE(diag_.MessageFor(b).find("duplicate id"), std::string::npos);
}

TEST_F(ReaderTest, MissingIdBecomesStableContentHash) {
  std::string path = Write("noid.jsonl",
                           "{\"text\": \"Kim Jong Un met Trump.\"}\n"
                           "{\"text\": \"Something else entirely.\"}\n");
  ASSERT_TRUE(Read({path}).ok());
  ASSERT_EQ(articles_.size(), 2u);
  EXPECT_FALSE(articles_[0].id.empty());
  EXPECT_NE(articles_[0].id, articles_[1].id);

  Article again;
  ASSERT_TRUE(
      ParseArticleJson("{\"text\": \"Kim Jong Un met Trump.\", \"title\": \"T\"}", &again).ok());
  EXPECT_EQ(again.id, articles_[0].id);
}

TEST_F(ReaderTest, OversizedFileAndLineAreReportedAndTheRestIsRead) {
  std::string big_txt = Write("big.txt", std::string(300, 'x'));
  std::string jsonl = Write("a.jsonl", R"({"id": "long", "text": ")" + std::string(300, 'y') +
                                           "\"}\n" + R"({"id": "short", "text": "fine"})" + "\n");
  ReadOptions options;
  options.max_article_bytes = 200;
  Status s = ReadArticles(
      {big_txt, jsonl}, [this](Article a) { articles_.push_back(std::move(a)); }, &diag_, &stats_,
      options);
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(Ids(), Strings{"short"});
  EXPECT_NE(diag_.MessageFor(big_txt).find("exceeds the limit"), std::string::npos);
  EXPECT_NE(diag_.MessageFor(jsonl + ":1").find("exceeds the limit"), std::string::npos);
  EXPECT_EQ(stats_.skipped, 2u);
}

TEST_F(ReaderTest, BinaryJunkAndDeepNestingAreReportedNotFatal) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) & 0xff));
  std::string bin = Write("junk.txt", junk);
  std::string deep = Write("deep.jsonl", std::string(100000, '[') + std::string(100000, ']') +
                                             "\n" + R"({"id": "ok", "text": "fine"})" + "\n");
  EXPECT_TRUE(Read({bin, deep}).ok());
  EXPECT_EQ(Ids(), Strings{"ok"});
  EXPECT_NE(diag_.MessageFor(bin).find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(diag_.CountFor(deep + ":1"), 1);
}

TEST(ParseArticleJson, IdenticalTextWithoutIdIsADuplicate) {
  Article a, b;
  ASSERT_TRUE(ParseArticleJson("{\"text\": \"Same words.\"}", &a).ok());
  ASSERT_TRUE(ParseArticleJson("{\"text\": \"Same words.\", \"source\": \"X\"}", &b).ok());
  EXPECT_EQ(a.id, b.id);
}

TEST(ParseArticleJson, LinesOverAMebibyteParseAsShortOnesDo) {
  // A line over 1 MiB gets a parser of its own; the next short line the
  // thread's parser again, and a broken long line is still reported.
  std::string text;
  while (text.size() <= (std::size_t{3} << 19)) text += "The council met again today. ";
  Article big, small, broken;
  ASSERT_TRUE(ParseArticleJson("{\"id\": \"big\", \"text\": \"" + text + "\"}", &big).ok());
  EXPECT_EQ(big.id, "big");
  EXPECT_EQ(big.text, text);
  ASSERT_TRUE(ParseArticleJson("{\"id\": \"small\", \"text\": \"Short.\"}", &small).ok());
  EXPECT_EQ(small.text, "Short.");
  EXPECT_FALSE(ParseArticleJson("{\"id\": \"x\", \"text\": \"" + text, &broken).ok());
}

TEST(ParseArticleJson, NumericIdIsKeptAsItsJsonText) {
  Article a;
  ASSERT_TRUE(ParseArticleJson("{\"id\": 42, \"text\": \"Numbered.\"}", &a).ok());
  EXPECT_EQ(a.id, "42");
}

TEST(ParseArticleJson, NullAndUnknownFieldsAreAllowed) {
  Article a;
  Status s = ParseArticleJson(
      "{\"id\": \"n\", \"text\": \"Body.\", \"url\": null, \"extra\": [1, 2]}", &a);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(a.url.empty());
}

TEST(ParseArticleJson, TrailingContentAfterObjectIsRejected) {
  Article a;
  EXPECT_EQ(ParseArticleJson("{\"text\": \"x\"} {\"text\": \"y\"}", &a).code(),
            StatusCode::kInvalidInput);
}

TEST(ParseArticleJson, HtmlWithoutTextIsKeptForExtraction) {
  Article a;
  ASSERT_TRUE(ParseArticleJson("{\"id\": \"h\", \"html\": \"<p>Hi</p>\"}", &a).ok());
  EXPECT_EQ(a.html, "<p>Hi</p>");
  EXPECT_TRUE(a.text.empty());
}

TEST(ParseArticleJson, NeitherTextNorHtmlIsAnError) {
  Article a;
  Status s = ParseArticleJson("{\"id\": \"h\", \"html\": \"  \"}", &a);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("html"), std::string::npos);
}

TEST(MakeTextArticle, NamesTheByteOffsetOfInvalidUtf8) {
  Article a;
  Status s = MakeTextArticle("ok \xC3(", "x.txt", &a);
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("byte 3"), std::string::npos) << s.message();
}

TEST_F(ReaderTest, GzippedHtmlIdDropsEveryExtensionAndBadOnesAreReported) {
  std::string page = "<html><body><p>Flood waters rose overnight.</p></body></html>";
  Write("in/abc.html.gz", GzipCompress(page));
  Write("in/def.HTM.GZ", GzipCompress(page + " "));
  Write("in/cut.html.gz", GzipCompress(page).substr(0, 20));
  Write("in/bomb.html.gz", GzipCompress(std::string(2u << 20, ' ')));
  Write("in/other.gz", GzipCompress("not read: not a known kind"));
  ReadOptions options;
  options.max_article_bytes = 1u << 20;
  ASSERT_TRUE(ReadArticles(
                  {(dir_ / "in").string()},
                  [this](Article a) { articles_.push_back(std::move(a)); }, &diag_, &stats_,
                  options)
                  .ok());
  EXPECT_EQ(Ids(), (Strings{"abc", "def"}));
  EXPECT_EQ(articles_[0].html, page);
  EXPECT_EQ(articles_[0].origin, (dir_ / "in/abc.html.gz").string());
  EXPECT_NE(diag_.MessageFor((dir_ / "in/cut.html.gz").string()).find("truncated"),
            std::string::npos);
  EXPECT_NE(diag_.MessageFor((dir_ / "in/bomb.html.gz").string()).find("exceeds the limit"),
            std::string::npos);
  EXPECT_EQ(stats_.skipped, 2u);
  EXPECT_EQ(stats_.ignored_files, 1u);
}

TEST_F(ReaderTest, WarcResponsesBecomeArticlesWithRecordIdUrlDateAndCharset) {
  auto record = [](const std::string& type, const std::string& id, const std::string& uri,
                   const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id +
           ">\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2026-03-14T08:30:00Z\r\nContent-Type: application/http; "
           "msgtype=" +
           type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block +
           "\r\n\r\n";
  };
  std::string html = "<html><body><p>Flood waters rose overnight.</p></body></html>";
  std::string ok = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n";
  std::string warc = record("request", "q1", "https://a.example/1", "GET /1 HTTP/1.1\r\n\r\n") +
                     record("response", "r1", "https://a.example/1", ok + html) +
                     record("response", "r2", "https://a.example/2",
                            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG") +
                     record("response", "r1", "https://a.example/dup", ok + html) +
                     record("response", "r4", "https://a.example/4", ok + html);
  Write("in/crawl.warc.gz", GzipCompress(warc));
  std::string cut = record("response", "p1", "https://b.example/1", ok + html);
  Write("in/plain.warc", cut.substr(0, cut.size() - 10));
  ASSERT_TRUE(Read({(dir_ / "in").string()}).ok());

  EXPECT_EQ(Ids(), (Strings{"r1", "r4"}));
  const Article& a = articles_[0];
  EXPECT_EQ(a.url, "https://a.example/1");
  EXPECT_EQ(a.html, html);
  EXPECT_EQ(a.charset, "windows-1252");
  ASSERT_TRUE(a.fetched.has_value());
  EXPECT_EQ(*a.fetched, 1773477000);
  EXPECT_FALSE(a.published.has_value());
  std::string crawl = (dir_ / "in/crawl.warc.gz").string();
  EXPECT_EQ(a.origin, crawl + ":record 2");
  EXPECT_NE(diag_.MessageFor(crawl + ":record 4").find("duplicate id"), std::string::npos);
  std::string plain = (dir_ / "in/plain.warc").string();
  EXPECT_NE(diag_.MessageFor(plain + ":record 1").find("truncated"), std::string::npos);

  EXPECT_EQ(stats_.files, 2u);
  EXPECT_EQ(stats_.skipped, 2u);  // the duplicate and the cut-off record
  EXPECT_EQ(stats_.warc.records, 6u);
  EXPECT_EQ(stats_.warc.pages, 3u);
  EXPECT_EQ(stats_.warc.not_response, 1u);
  EXPECT_EQ(stats_.warc.not_html, 1u);
  EXPECT_EQ(stats_.warc.truncated, 1u);
  EXPECT_EQ(stats_.bytes, fs::file_size(crawl) + fs::file_size(plain));
}

}  // namespace
}  // namespace storyline::ingest
