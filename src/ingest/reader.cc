#include "ingest/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "util/hash.h"
#include "util/time.h"
#include "util/utf8.h"

namespace storyline::ingest {
namespace fs = std::filesystem;
namespace {

enum class FileKind { kText, kJsonl, kHtml, kOther };

FileKind KindOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
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

  void ReadJsonl(std::istream& in, const std::string& name) {
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      stats_->bytes += line.size() + 1;
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

  void ReadText(std::string_view bytes, const std::string& name, const std::string& id) {
    stats_->bytes += bytes.size();
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
  void ReadHtml(std::string bytes, const std::string& name, const fs::path& path) {
    stats_->bytes += bytes.size();
    if (IsBlank(bytes)) {
      Skip(name, Status::InvalidInput("empty page"));
      return;
    }
    Article a;
    a.id = path.stem().string();
    a.html = std::move(bytes);
    a.origin = name;
    Emit(std::move(a));
  }

  void ReadFile(const fs::path& path, bool explicit_path) {
    FileKind kind = KindOf(path);
    if (kind == FileKind::kOther) {
      if (!explicit_path) {
        ++stats_->ignored_files;
        return;
      }
      kind = FileKind::kText;  // a file named on the command line is read as text
    }
    std::string name = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      Skip(name, Status::IoError("cannot open: " + std::string(std::strerror(errno))));
      return;
    }
    ++stats_->files;
    if (kind == FileKind::kJsonl) {
      ReadJsonl(in, name);
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
      ReadHtml(std::move(buf).str(), name, path);
      return;
    }
    ReadText(buf.str(), name, path.filename().string());
  }

  void ReadStdin() {
    ++stats_->files;
    // JSONL when the first non-blank byte opens an object; otherwise one text.
    int c;
    while ((c = std::cin.peek()) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
      std::cin.get();
    }
    if (std::cin.peek() == '{') {
      ReadJsonl(std::cin, "<stdin>");
      return;
    }
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
        if (it->is_regular_file(ec)) files.push_back(it->path());
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
  // trailing content after the object.
  thread_local simdjson::dom::parser parser;
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
