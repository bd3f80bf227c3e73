#include "ingest/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "ingest/gzip.h"
#include "ingest/warc.h"
#include "util/ascii.h"
#include "util/hash.h"
#include "util/json_parser.h"
#include "util/plural.h"
#include "util/time.h"
#include "util/utf8.h"

namespace storyline::ingest {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kText, kTextGz, kJsonl, kHtml, kHtmlGz, kWarc, kOther };

FileKind KindOf(const fs::path& p) {
  std::string name = AsciiLowered(p.filename().string());
  if (name.ends_with(".warc") || name.ends_with(".warc.gz")) return FileKind::kWarc;
  if (name.ends_with(".html.gz") || name.ends_with(".htm.gz") || name.ends_with(".xhtml.gz")) {
    return FileKind::kHtmlGz;
  }
  if (name.ends_with(".txt.gz") || name.ends_with(".text.gz")) return FileKind::kTextGz;
  if (name.ends_with(".jsonl.gz") || name.ends_with(".ndjson.gz") || name.ends_with(".json.gz")) {
    return FileKind::kJsonl;  // read through gzip (ReadFile() looks at the bytes)
  }
  std::string ext = AsciiLowered(p.extension().string());
  if (ext == ".txt" || ext == ".text") return FileKind::kText;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return FileKind::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  return FileKind::kOther;
}

bool IsBlank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
  });
}

std::string_view StripBom(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

// Shared state of one ReadArticles call.
class Run {
 public:
  Run(const ArticleSink& sink, Diagnostics* diag, ReadStats* stats, const ReadOptions& options)
      : sink_(sink), diag_(diag), stats_(stats), options_(options) {}

  void Skip(std::string_view origin, const Status& why) {
    ++stats_->skipped;
    diag_->Report(origin, why);
  }

  void Emit(Article a) {
    if (!ids_.insert(a.id).second) {
      Skip(a.origin,
           Status::InvalidInput("duplicate id \"" + a.id + "\" (first seen earlier in this run)"));
      return;
    }
    ++stats_->articles;
    sink_(std::move(a));
  }

  // `count_bytes`: add the lines' bytes to the stats (not for a gzipped
  // file, which counts its stored bytes).
  void ReadJsonl(std::istream& in, const std::string& name, bool count_bytes = true) {
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (count_bytes) stats_->bytes += line.size() + 1;
      if (IsBlank(line)) continue;
      std::string origin = name + ":" + std::to_string(line_no);
      if (line.size() > options_.max_article_bytes) {
        Skip(origin, Status::InvalidInput("line of " + std::to_string(line.size()) +
                                          " bytes exceeds the limit of " +
                                          std::to_string(options_.max_article_bytes)));
        continue;
      }
      Article a;
      std::string warning;
      Status s = ParseArticleJson(line, &a, &warning);
      if (!s.ok()) {
        Skip(origin, s);
        continue;
      }
      if (!warning.empty()) {
        ++stats_->warnings;
        diag_->Report(origin, Status::InvalidInput(warning));
      }
      a.origin = std::move(origin);
      Emit(std::move(a));
    }
    if (in.bad()) Skip(name, Status::IoError("read error after line " + std::to_string(line_no)));
  }

  void ReadText(std::string_view bytes, const std::string& name, const std::string& id,
                bool count_bytes = true) {
    if (count_bytes) stats_->bytes += bytes.size();
    if (bytes.size() > options_.max_article_bytes) {
      Skip(name, Status::InvalidInput("file of " + std::to_string(bytes.size()) +
                                      " bytes exceeds the limit of " +
                                      std::to_string(options_.max_article_bytes)));
      return;
    }
    Article a;
    Status s = MakeTextArticle(bytes, id, &a);
    if (!s.ok()) {
      Skip(name, s);
      return;
    }
    a.origin = name;
    Emit(std::move(a));
  }

  // An HTML page is passed on as received; the engine extracts it (its
  // encoding is only known once it is parsed).
  void ReadHtml(std::string bytes, const std::string& name, std::string id) {
    if (IsBlank(bytes)) {
      Skip(name, Status::InvalidInput("empty page"));
      return;
    }
    Article a;
    a.id = std::move(id);
    a.html = std::move(bytes);
    a.origin = name;
    Emit(std::move(a));
  }

  // Every HTML response record of a WARC file (plain or gzip) becomes an
  // article; one record in memory at a time.
  void ReadWarc(std::istream& in, const std::string& name) {
    std::unique_ptr<ByteSource> source = OpenMaybeGzipped(&in);
    WarcReader warc(source.get(), {.max_record_bytes = options_.max_article_bytes});
    const std::string file = fs::path(name).filename().string();
    std::uint64_t counted = 0;
    WarcPage page;
    for (;;) {
      WarcStep step = warc.Next(&page);
      stats_->bytes += warc.input_bytes() - counted;
      counted = warc.input_bytes();
      if (step == WarcStep::kEnd) break;
      std::size_t record = step == WarcStep::kPage ? page.record : warc.problem().record;
      std::string origin = name + ":record " + std::to_string(record);
      if (step == WarcStep::kProblem) {
        Skip(origin, warc.problem().why);
        continue;
      }
      if (IsBlank(page.html)) {
        Skip(origin, Status::InvalidInput("empty page"));
        continue;
      }
      Article a;
      a.id = page.record_id.empty() ? file + ":record " + std::to_string(record)
                                    : std::move(page.record_id);
      a.url = std::move(page.target_uri);
      a.html = std::move(page.html);
      a.charset = std::move(page.charset);
      a.fetched = ParseIsoTime(page.date);
      if (!a.fetched && !page.date.empty()) {
        ++stats_->warnings;
        diag_->Report(origin, Status::InvalidInput("WARC-Date is not an ISO 8601 time: \"" +
                                                   page.date.substr(0, 40) + "\""));
      }
      a.origin = std::move(origin);
      Emit(std::move(a));
    }
    stats_->warc.Add(warc.stats());
  }

  void ReadFile(const fs::path& path, bool explicit_path) {
    FileKind kind = KindOf(path);
    if (kind == FileKind::kOther && !explicit_path) {
      ++stats_->ignored_files;
      return;
    }
    std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Skip(name, Status::IoError("cannot open: " + std::string(std::strerror(errno))));
      return;
    }
    ++stats_->files;
    if (ReadJsonlOrUntold(in, kind, name, path.filename().string())) return;
    if (kind == FileKind::kWarc) {
      ReadWarc(in, name);
      return;
    }
    if (kind == FileKind::kHtmlGz || kind == FileKind::kTextGz) {
      GzipReader gz(&in);
      std::string bytes;
      Status s = ReadAll(&gz, options_.max_article_bytes, &bytes);
      stats_->bytes += gz.input_bytes();
      if (!s.ok()) {
        Skip(name, s);
        return;
      }
      if (kind == FileKind::kHtmlGz) {
        ReadHtml(std::move(bytes), name, path.stem().stem().string());  // abc.html.gz -> abc
      } else {
        // a.txt.gz -> a.txt, the id the uncompressed file has.
        ReadText(bytes, name, path.stem().string(), /*count_bytes=*/false);
      }
      return;
    }
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (!ec && size > options_.max_article_bytes) {
      stats_->bytes += size;
      Skip(name,
           Status::InvalidInput("file of " + std::to_string(size) + " bytes exceeds the limit of " +
                                std::to_string(options_.max_article_bytes)));
      return;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (kind == FileKind::kHtml) {
      std::string bytes = std::move(buf).str();
      stats_->bytes += bytes.size();
      ReadHtml(std::move(bytes), name, path.stem().string());
      return;
    }
    ReadText(buf.str(), name, path.filename().string());
  }

  // Reads `in` when it is JSONL or of a kind its name does not tell
  // (kOther: a file named on the command line with another extension, a
  // pipe, stdin), gzipped or not ("feed.jsonl.gz", "<(cat feed.jsonl.gz)"):
  // JSONL, or for kOther JSONL when it opens with an object, else one text
  // (`id`). Returns false, having read nothing but leading blanks, for an
  // ungzipped input that is not JSONL; the caller reads it.
  bool ReadJsonlOrUntold(std::istream& in, FileKind kind, const std::string& name,
                         const std::string& id) {
    if (kind != FileKind::kJsonl && kind != FileKind::kOther) return false;
    if (in.peek() != 0x1f) {
      if (kind == FileKind::kOther && !OpensObject(in)) return false;
      ReadJsonl(in, name);
      return true;
    }
    GzipReader gz(&in);
    SourceStreamBuf buffer(&gz);
    std::istream body(&buffer);
    if (kind == FileKind::kJsonl || OpensObject(body)) {
      ReadJsonl(body, name, /*count_bytes=*/false);
      stats_->bytes += gz.input_bytes();  // as stored
      if (!buffer.status().ok()) Skip(name, buffer.status());
      return true;
    }
    // One gzipped text, read no further than its limit (what OpensObject()
    // looked at is in `body`'s buffer, so the rest is read through it).
    std::string text;
    StreamSource rest(&body);
    Status s = ReadAll(&rest, options_.max_article_bytes, &text);
    stats_->bytes += gz.input_bytes();
    if (!buffer.status().ok()) {
      Skip(name, buffer.status());
    } else if (!s.ok()) {
      Skip(name, s);
    } else {
      ReadText(text, name, id, /*count_bytes=*/false);
    }
    return true;
  }

  // Whether the first non-blank byte of `in` opens a JSON object: JSONL,
  // where the name does not say; otherwise one text. Leading blanks are
  // consumed.
  static bool OpensObject(std::istream& in) {
    int c;
    while ((c = in.peek()) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) in.get();
    return in.peek() == '{';
  }

  void ReadStdin() {
    ++stats_->files;
    if (ReadJsonlOrUntold(std::cin, FileKind::kOther, "<stdin>", "stdin")) return;
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    ReadText(buf.str(), "<stdin>", "stdin");
  }

  bool ReadPath(const std::string& arg) {
    if (arg == "-") {
      ReadStdin();
      return true;
    }
    fs::path path(arg);
    std::error_code ec;
    auto st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      Skip(arg, Status::NotFound("no such file or directory"));
      return false;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) {
          files.push_back(it->path());
        } else if (it->is_symlink(ec) && !fs::exists(it->path(), ec)) {
          // Most likely an article moved or not yet synced: say so.
          Skip(it->path().string(), Status::NotFound("broken symbolic link"));
        }
      }
      if (ec) Skip(arg, Status::IoError("cannot list directory: " + ec.message()));
      std::sort(files.begin(), files.end());
      for (const auto& f : files) ReadFile(f, /*explicit_path=*/false);
      return true;
    }
    ReadFile(path, /*explicit_path=*/true);
    return true;
  }

 private:
  const ArticleSink& sink_;
  Diagnostics* diag_;
  ReadStats* stats_;
  const ReadOptions& options_;
  absl::flat_hash_set<std::string> ids_;
};

}  // namespace

std::string ReadNotes(const ReadStats& stats) {
  std::string out;
  if (stats.ignored_files > 0) {
    out += "; " + Plural(stats.ignored_files, "file", "files") +
           " in directories passed over (not .txt, .json, .jsonl, .html or .warc)";
  }
  if (stats.warc.records > 0 || stats.warc.problems() > 0) out += "; " + stats.warc.Summary();
  return out;
}

Status MakeTextArticle(std::string_view bytes, std::string_view id, Article* out) {
  bytes = StripBom(bytes);
  std::size_t bad = FindInvalidUtf8(bytes);
  if (bad != bytes.size()) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
  }
  if (IsBlank(bytes)) return Status::InvalidInput("empty text");
  out->id = std::string(id);
  out->text = std::string(bytes);
  return Status::Ok();
}

Status ParseArticleJson(std::string_view line, Article* out, std::string* warning) {
  line = StripBom(line);
  // simdjson's SIMD check first; the scalar one only to say where it fails.
  if (!simdjson::validate_utf8(line.data(), line.size())) {
    return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(FindInvalidUtf8(line)));
  }
  // The DOM parser dispatches to the best kernel at run time (the On-Demand
  // front end is bound to the kernel chosen at compile time) and rejects
  // trailing content after the object. A huge line gets a parser of its own
  // (util/json_parser.h), so a server worker does not hold a huge POST's
  // worth of buffers for good.
  thread_local simdjson::dom::parser shared_parser;
  std::optional<simdjson::dom::parser> own_parser;
  simdjson::dom::parser& parser = JsonParserFor(line.size(), shared_parser, &own_parser);
  auto fail = [](std::string_view what, simdjson::error_code e) {
    return Status::InvalidInput(std::string(what) + " (" + simdjson::error_message(e) + ")");
  };
  simdjson::dom::element doc;
  if (auto e = parser.parse(line.data(), line.size()).get(doc)) return fail("bad JSON", e);
  simdjson::dom::object obj;
  if (auto e = doc.get_object().get(obj)) return fail("expected a JSON object", e);

  std::string published;
  for (auto [key, value] : obj) {
    if (value.is_null()) continue;
    std::string* target = nullptr;
    if (key == "id")
      target = &out->id;
    else if (key == "url")
      target = &out->url;
    else if (key == "source")
      target = &out->source;
    else if (key == "title")
      target = &out->title;
    else if (key == "text")
      target = &out->text;
    else if (key == "lang")
      target = &out->lang;
    else if (key == "published")
      target = &published;
    else if (key == "html")
      target = &out->html;
    if (target == nullptr) continue;  // unknown fields are allowed

    if (key == "id" && value.is_number()) {
      out->id = simdjson::minify(value);
      continue;
    }
    std::string_view s;
    if (value.get_string().get(s)) {
      return Status::InvalidInput("field \"" + std::string(key) + "\" must be a string");
    }
    target->assign(s);
  }

  if (IsBlank(out->text) && IsBlank(out->html)) {
    return Status::InvalidInput("missing or empty \"text\" (or \"html\")");
  }
  if (!published.empty()) {
    out->published = ParseIsoTime(published);
    if (!out->published && warning != nullptr) {
      *warning = "\"published\" is not an ISO 8601 time, date left unknown: \"" + published + "\"";
    }
  }
  if (out->id.empty()) out->id = HexHash(out->text.empty() ? out->html : out->text);
  return Status::Ok();
}

Status ReadArticles(const std::vector<std::string>& paths, const ArticleSink& sink,
                    Diagnostics* diag, ReadStats* stats, const ReadOptions& options) {
  Run run(sink, diag, stats, options);
  std::size_t opened = 0;
  for (const auto& p : paths) opened += run.ReadPath(p) ? 1 : 0;
  if (opened == 0 && !paths.empty()) return Status::NotFound("none of the inputs exist");
  return Status::Ok();
}

}  // namespace storyline::ingest
