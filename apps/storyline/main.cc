// storyline: the command-line face of the library. Parses flags, calls the
// library, prints what happened. No logic of its own beyond that.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>

#include "engine/batch.h"
#include "engine/extract_batch.h"
#include "eval/metrics.h"
#include "features/df_builder.h"
#include "output/html_report.h"
#include "output/json_writer.h"
#include "server/http_server.h"
#include "server/story_service.h"
#include "storyline/engine.h"
#include "text/analyzer.h"
#include "util/plural.h"
#include "util/time.h"

#ifdef STORYLINE_MIMALLOC
#include <mimalloc.h>

namespace {
// mimalloc maps its first 32 MiB segment at the first malloc, in some
// library's constructor, and reads its options then. A pre-init function runs
// before every constructor, so these are set in time:
// - 2 MiB pages (madvise MADV_HUGEPAGE, where the kernel allows transparent
//   huge pages) instead of faulting the heap in 4 KiB at a time: a
//   2,000-article run took a third less time;
// - freed memory is kept, not decommitted and faulted back in: the server,
//   which frees on other threads than it allocates, posted 7% more articles.
// A MIMALLOC_ variable of the same option in the environment still decides
// (`environ` is not set yet here; envp is).
void TuneMimalloc(int, char**, char** envp) {
  auto in_environment = [envp](std::string_view name) {
    for (char** e = envp; e != nullptr && *e != nullptr; ++e) {
      std::string_view var(*e);
      if (var.starts_with(name) && var.substr(name.size()).starts_with('=')) return true;
    }
    return false;
  };
  if (!in_environment("MIMALLOC_LARGE_OS_PAGES")) mi_option_enable(mi_option_large_os_pages);
  if (!in_environment("MIMALLOC_ALLOW_DECOMMIT")) mi_option_disable(mi_option_allow_decommit);
}
[[gnu::section(".preinit_array"), gnu::used]] void (*const kTuneMimalloc)(int, char**,
                                                                          char**) = &TuneMimalloc;
}  // namespace
#endif

namespace {

using storyline::Plural;
using storyline::Status;

// Prints skipped inputs to stderr; after the first `kShown`, only counts.
class StderrDiagnostics final : public storyline::ingest::Diagnostics {
 public:
  void Report(std::string_view origin, const Status& why) override {
    if (++reported_ <= kShown) {
      ClearProgressLine();
      std::cerr << "storyline: " << origin << ": " << why.message() << '\n';
    }
  }
  void Finish() const {
    if (reported_ > kShown) {
      std::cerr << "storyline: ... and " << (reported_ - kShown) << " more problems not shown\n";
    }
  }
  static void ClearProgressLine() {
    if (progress_shown) {
      std::cerr << "\r\033[K";
      progress_shown = false;
    }
  }
  static inline bool progress_shown = false;

 private:
  static constexpr std::size_t kShown = 50;
  std::size_t reported_ = 0;
};

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  void Update(std::size_t read, std::size_t added, std::uint64_t bytes) {
    if (!enabled_) return;
    double secs = Elapsed();
    if (secs < 1.0 || secs - last_ < 0.2) return;  // only long runs, at most 5 updates a second
    last_ = secs;
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "\r\033[Kread %zu articles (%.1f MB), clustered %zu, %.0f articles/s", read,
                  static_cast<double>(bytes) / 1e6, added, static_cast<double>(read) / secs);
    std::cerr << buf << std::flush;
    StderrDiagnostics::progress_shown = true;
  }
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  bool enabled_;
  double last_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// --threads: 0 means every core.
int ThreadsOrAllCores(int threads) {
  return threads > 0 ? threads
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

// The inputs of cluster, brief and df.
constexpr char kInputsHelp[] =
    "Files, directories or - (stdin). In directories (read recursively) only .txt, .text, "
    ".json, .jsonl, .ndjson, .html, .htm, .xhtml (each also gzipped: .txt.gz, .jsonl.gz, ...), "
    ".warc and .warc.gz files are read; a file named here with another extension (or a pipe, <(cat "
    "feed)), gzipped or not, is read as stdin is: JSONL when it opens with {, else one "
    "plain-text article";

int Fail(const std::string& message) {
  std::cerr << "storyline: " << message << '\n';
  return 1;
}

struct ClusterArgs {
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string assignments;
  std::string html;  // also write the HTML report here when set
  std::string prior;
  int threads = 0;  // 0: all cores
  bool quiet = false;
  bool no_briefs = false;
};

int RunCluster(const ClusterArgs& args) {
  storyline::EngineOptions eo;
  eo.prior_path = args.prior;
  eo.briefs = !args.no_briefs;
  // Developer hook, deliberately not a flag: STORYLINE_TUNE="threshold=0.3".
  if (const char* tune = std::getenv("STORYLINE_TUNE")) eo.tuning = tune;
  auto engine = storyline::StoryEngine::Create(eo);
  if (!engine.ok()) return Fail(engine.status().ToString());

  // Open outputs before the work, so a bad path fails fast.
  std::ofstream stories_file, assign_file;
  if (args.output != "-") {
    stories_file.open(args.output);
    if (!stories_file) return Fail("cannot write " + args.output);
  }
  if (!args.assignments.empty() && args.assignments != "-") {
    assign_file.open(args.assignments);
    if (!assign_file) return Fail("cannot write " + args.assignments);
  }
  std::ofstream html_file;
  if (!args.html.empty()) {
    html_file.open(args.html, std::ios::binary);
    if (!html_file) return Fail("cannot write " + args.html);
  }

  StderrDiagnostics diag;
  Progress progress(!args.quiet);
  storyline::BatchOptions bo;
  bo.threads = ThreadsOrAllCores(args.threads);
  bo.progress = [&](std::size_t read, std::size_t added, std::uint64_t bytes) {
    progress.Update(read, added, bytes);
  };
  storyline::BatchResult result;
  Status s = storyline::RunBatch(args.inputs, engine->get(), bo, &diag, &result);
  StderrDiagnostics::ClearProgressLine();
  diag.Finish();
  if (!s.ok()) return Fail(s.message());

  std::ostream& sout = args.output == "-" ? std::cout : stories_file;
  std::size_t story_count = 0;
  storyline::output::StoriesJsonWriter writer(sout);
  std::optional<storyline::output::HtmlReportWriter> report;
  if (html_file.is_open()) {
    storyline::output::HtmlReportOptions ro;
    ro.generated = storyline::FormatIsoTime(storyline::NowSeconds());
    report.emplace(html_file, std::move(ro));
  }
  (*engine)->VisitStories(
      [&](const storyline::Story& s) {
        writer.Add(s);
        if (report) report->Add(s);
        ++story_count;
      },
      bo.threads);
  writer.Finish();
  if (report) {
    report->Finish();
    html_file.flush();
    if (!html_file) return Fail("write failed: " + args.html);
  }
  if (!args.assignments.empty()) {
    std::ostream& aout = args.assignments == "-" ? std::cout : assign_file;
    for (std::size_t n : result.added) {
      storyline::output::WriteAssignmentLine((*engine)->ArticleId(n), (*engine)->StoryOf(n), aout);
    }
    aout.flush();
    if (!aout) return Fail("write failed: " + args.assignments);
  }
  sout.flush();
  if (!sout) return Fail("write failed: " + args.output);

  double secs = progress.Elapsed();
  const auto& r = result.read;
  std::fprintf(stderr,
               "storyline: %s in %s from %s (%.1f MB) in %.2f s "
               "(%.0f articles/s); skipped %zu, unusable %zu, warnings %zu%s\n",
               Plural(result.added.size(), "article", "articles").c_str(),
               Plural(story_count, "story", "stories").c_str(),
               Plural(r.files, "file", "files").c_str(), static_cast<double>(r.bytes) / 1e6, secs,
               secs > 0 ? static_cast<double>(result.added.size()) / secs : 0.0, r.skipped,
               result.unusable, r.warnings, storyline::ingest::ReadNotes(r).c_str());
  return 0;
}

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output = "-";
  int threads = 0;
  bool quiet = false;
};

int RunExtract(const ExtractArgs& args) {
  std::ofstream file;
  if (args.output != "-") {
    file.open(args.output);
    if (!file) return Fail("cannot write " + args.output);
  }
  std::ostream& out = args.output == "-" ? std::cout : file;
  StderrDiagnostics diag;
  Progress progress(!args.quiet);
  storyline::ExtractOptions eo;
  eo.threads = ThreadsOrAllCores(args.threads);
  eo.progress = [&](std::size_t read, std::size_t done, std::uint64_t bytes) {
    progress.Update(read, done, bytes);
  };
  storyline::ExtractStats stats;
  Status s = storyline::RunExtract(
      args.inputs, eo, &diag, &stats,
      [&](const storyline::Article& in, const storyline::extract::ExtractedPage& page) {
        storyline::output::WritePageLine(in.id, page, out);
      });
  StderrDiagnostics::ClearProgressLine();
  diag.Finish();
  if (!s.ok()) return Fail(s.message());
  out.flush();
  if (!out) return Fail("write failed: " + args.output);
  double secs = progress.Elapsed();
  std::fprintf(stderr,
               "storyline: %s extracted from %s (%.1f MB) in %.2f s (%.0f pages/s); "
               "failed %zu, skipped %zu%s\n",
               Plural(stats.extracted, "page", "pages").c_str(),
               Plural(stats.read.files, "file", "files").c_str(),
               static_cast<double>(stats.read.bytes) / 1e6, secs,
               secs > 0 ? static_cast<double>(stats.extracted) / secs : 0.0, stats.failed,
               stats.read.skipped, storyline::ingest::ReadNotes(stats.read).c_str());
  return 0;
}

struct BriefArgs {
  std::vector<std::string> inputs;
  int words = 100;
  std::string prior;
};

// All inputs as one story: prepared and added like `cluster`, then briefed
// together whatever the clustering says.
int RunBrief(const BriefArgs& args) {
  storyline::EngineOptions eo;
  eo.prior_path = args.prior;
  auto engine = storyline::StoryEngine::Create(eo);
  if (!engine.ok()) return Fail(engine.status().ToString());
  (*engine)->set_summary_words(static_cast<std::size_t>(args.words));
  StderrDiagnostics diag;
  storyline::BatchOptions bo;
  bo.threads = 1;
  storyline::BatchResult result;
  Status s = storyline::RunBatch(args.inputs, engine->get(), bo, &diag, &result);
  diag.Finish();
  if (!s.ok()) return Fail(s.message());
  if (result.added.empty()) return Fail("no usable article in the input");
  storyline::output::WriteStoryJson((*engine)->StoryOfAll(), std::cout);
  std::cout.flush();
  return std::cout ? 0 : Fail("write failed");
}

int RunEval(const std::string& gold_path, const std::string& pred_path, bool as_json) {
  auto gold = storyline::eval::LoadLabels(gold_path);
  if (!gold.ok()) return Fail(gold.status().ToString());
  auto pred = storyline::eval::LoadLabels(pred_path);
  if (!pred.ok()) return Fail(pred.status().ToString());
  auto s = storyline::eval::Score(*gold, *pred);
  if (!s.ok()) return Fail(s.status().ToString());
  if (as_json) {
    std::printf(
        "{\"bcubed_p\": %.4f, \"bcubed_r\": %.4f, \"bcubed_f1\": %.4f, \"pair_p\": %.4f, "
        "\"pair_r\": %.4f, \"pair_f1\": %.4f, \"ari\": %.4f, \"nmi\": %.4f, \"n\": %zu, "
        "\"gold_k\": %zu, \"pred_k\": %zu}\n",
        s->bcubed_p, s->bcubed_r, s->bcubed_f1, s->pair_p, s->pair_r, s->pair_f1, s->ari, s->nmi,
        s->n, s->gold_k, s->pred_k);
    return 0;
  }
  std::printf("articles %zu, gold stories %zu, predicted stories %zu\n", s->n, s->gold_k,
              s->pred_k);
  std::printf("B-cubed   P %.4f  R %.4f  F1 %.4f\n", s->bcubed_p, s->bcubed_r, s->bcubed_f1);
  std::printf("pairs     P %.4f  R %.4f  F1 %.4f\n", s->pair_p, s->pair_r, s->pair_f1);
  std::printf("ARI %.4f  NMI %.4f\n", s->ari, s->nmi);
  return 0;
}

struct ServeArgs {
  std::string db = "storyline.db";
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> load;
  std::string write_token;
  std::string web = STORYLINE_WEB_DIR;
  std::string prior;
  int threads = 0;  // 0: two per core, at least 4
  int snapshot_ms = 200;
};

struct LoadCounts {
  std::size_t given = 0;
  std::size_t added = 0;
  std::size_t known = 0;  // refused as already stored
  std::size_t refused = 0;
  Status status;  // the first failed submission's
};

// serve --load: adds the articles under `paths` a chunk at a time, so the
// load holds a chunk's texts and analyses, not the whole input's; the next
// chunk is prepared on this thread while the ingest thread stores the one
// before. An article the server refuses is reported to `diag` with its
// origin and reason, except one already stored (a restart with the same
// --load), which is only counted. Returns non-OK when no input could be read.
Status LoadAtStart(storyline::server::StoryService* service, const std::vector<std::string>& paths,
                   storyline::ingest::Diagnostics* diag, storyline::ingest::ReadStats* stats,
                   LoadCounts* counts) {
  constexpr std::size_t kChunk = 256;
  constexpr int kInFlight = 2;
  std::mutex mu;  // guards counts, in_flight and diag (the reader reports too)
  std::condition_variable cv;
  int in_flight = 0;
  struct LockedDiagnostics final : storyline::ingest::Diagnostics {
    void Report(std::string_view origin, const Status& why) override {
      std::lock_guard<std::mutex> lock(*mu);
      inner->Report(origin, why);
    }
    storyline::ingest::Diagnostics* inner;
    std::mutex* mu;
  } reader_diag;
  reader_diag.inner = diag;
  reader_diag.mu = &mu;
  std::vector<storyline::Article> chunk;
  auto submit = [&] {
    if (chunk.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return in_flight < kInFlight; });
      if (!counts->status.ok()) {
        chunk.clear();
        return;
      }
      ++in_flight;
      counts->given += chunk.size();
    }
    std::vector<std::string> origins;
    origins.reserve(chunk.size());
    for (const auto& a : chunk) origins.push_back(a.origin.empty() ? a.id : a.origin);
    // `done` may run on this thread (when nothing was left to store): no lock held here.
    service->SubmitAsync(std::move(chunk), std::nullopt,
                         [&, origins = std::move(origins)](storyline::server::SubmitResult r) {
                           std::lock_guard<std::mutex> lock(mu);
                           if (!r.status.ok() && counts->status.ok()) counts->status = r.status;
                           counts->added += r.added.size();
                           for (const auto& refused : r.refused) {
                             if (refused.why.code() == storyline::StatusCode::kAlreadyExists) {
                               ++counts->known;
                               continue;
                             }
                             ++counts->refused;
                             diag->Report(
                                 refused.index < origins.size() ? origins[refused.index] : "--load",
                                 refused.why);
                           }
                           --in_flight;
                           cv.notify_all();
                         });
    chunk.clear();
  };
  Status s = storyline::ingest::ReadArticles(
      paths,
      [&](storyline::Article a) {
        chunk.push_back(std::move(a));
        if (chunk.size() >= kChunk) submit();
      },
      &reader_diag, stats);
  submit();
  std::unique_lock<std::mutex> lock(mu);
  cv.wait(lock, [&] { return in_flight == 0; });
  return s;
}

int RunServe(ServeArgs args) {
  if (args.write_token.empty()) {
    if (const char* env = std::getenv("STORYLINE_WRITE_TOKEN")) args.write_token = env;
  }
  // SIGINT/SIGTERM stop the server from a thread of their own; every thread
  // started after this inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  storyline::server::ServiceOptions options;
  options.db_path = args.db;
  options.engine.prior_path = args.prior;
  options.snapshot_interval = std::chrono::milliseconds(args.snapshot_ms);
  auto service = storyline::server::StoryService::Open(options);
  if (!service.ok()) return Fail(args.db + ": " + service.status().ToString());
  std::cerr << "storyline: restored " << (*service)->replayed() << " articles from " << args.db;
  if ((*service)->reanalysed() > 0) {
    std::cerr << " (" << (*service)->reanalysed() << " analysed again: stored by another version)";
  }
  std::cerr << '\n';

  std::size_t expected = (*service)->replayed();
  if (!args.load.empty()) {
    StderrDiagnostics diag;
    storyline::ingest::ReadStats stats;
    LoadCounts load;
    Status s = LoadAtStart(service->get(), args.load, &diag, &stats, &load);
    diag.Finish();
    if (!s.ok()) return Fail(s.ToString());
    if (!load.status.ok()) return Fail("--load: " + load.status.ToString());
    std::cerr << "storyline: --load: " << load.added << " of " << load.given << " articles added, "
              << load.known << " already stored, " << load.refused << " refused"
              << storyline::ingest::ReadNotes(stats) << '\n';
    expected += load.added;
  }

  storyline::server::HttpOptions http_options;
  http_options.bind = args.bind;
  http_options.port = args.port;
  http_options.write_token = args.write_token;
  http_options.web_dir = args.web;
  // Workers only compute (a write is answered from the ingest thread once
  // committed), so a few per core keep the cores busy.
  http_options.threads =
      args.threads > 0 ? args.threads
                       : std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  storyline::server::HttpServer http(service->get(), http_options);
  auto port = http.Bind();
  if (!port.ok()) return Fail(port.status().ToString());
  std::thread([&http, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    http.Stop();
  }).detach();

  if (args.write_token.empty()) {
    std::cerr << "storyline: *** WARNING: no write token (--write-token or STORYLINE_WRITE_TOKEN): "
                 "writes are accepted from loopback only ***\n";
  }
  // Reads see writes after the next snapshot (at most --snapshot-ms later).
  auto snapshot = (*service)->snapshot();
  for (int i = 0; i < 500 && snapshot->articles < expected; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    snapshot = (*service)->snapshot();
  }
  std::string host = args.bind == "0.0.0.0" || args.bind == "::" ? "127.0.0.1" : args.bind;
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  std::cerr << "storyline: " << Plural(snapshot->articles, "article", "articles") << " in "
            << Plural(snapshot->ranked.size(), "story", "stories") << "; open http://" << host
            << ":" << *port << "/\n";
  http.Run();
  std::cerr << "storyline: stopped\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Articles allocate and free buffers of similar sizes all run long; keep
  // freed memory in the heap instead of returning it to the kernel and
  // faulting it back in for the next article.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  CLI::App app{
      "storyline: turns a flood of news articles into stories.\n"
      "Inputs are plain-text files (one article each, id = file name), HTML pages\n"
      "(.html, .htm, also gzipped as .html.gz; id = file name without extensions),\n"
      "WARC files (.warc, .warc.gz; each HTML response record is an article, id =\n"
      "WARC-Record-ID, url = target URI), JSONL files (one\n"
      "{\"id\",\"url\",\"source\",\"title\",\"text\" or \"html\",\"published\",\"lang\"} per "
      "line),\n"
      "directories (read recursively) or - for standard input."};
  app.require_subcommand(1);

  ClusterArgs cargs;
  auto* cluster =
      app.add_subcommand("cluster", "Group articles into stories and write them as JSON");
  cluster->add_option("inputs", cargs.inputs, kInputsHelp)->required();
  cluster->add_option("-o,--output", cargs.output, "Where to write the ranked stories (JSON)")
      ->capture_default_str();
  cluster->add_option("-a,--assignments", cargs.assignments,
                      "Also write one {\"id\",\"story\"} line per article, in input order");
  cluster->add_option("--html", cargs.html,
                      "Also write a readable HTML report of the ranked stories (one page, "
                      "no scripts, works offline)");
  cluster
      ->add_option("-t,--threads", cargs.threads,
                   "Threads for cleaning and analysis (0 = all cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  cluster->add_option("--prior", cargs.prior,
                      "Document-frequency prior (default: the shipped one)");
  cluster->add_flag("-q,--quiet", cargs.quiet, "No progress display");
  cluster->add_flag("--no-briefs", cargs.no_briefs,
                    "Stories without briefs (no summary, quotes, entities, only-in, timeline): "
                    "about twice as fast");

  ExtractArgs xargs;
  auto* extract =
      app.add_subcommand("extract",
                         "Extract each page's article text and metadata; one JSON line per page:\n"
                         "{\"id\",\"url\",\"title\",\"text\",\"published\",\"modified\",\"byline\","
                         "\"site\",\"lang\"}");
  extract->add_option("inputs", xargs.inputs, "HTML, WARC, JSONL, directories or - (stdin)")
      ->required();
  extract->add_option("-o,--output", xargs.output, "Where to write the JSON lines")
      ->capture_default_str();
  extract->add_option("-t,--threads", xargs.threads, "Extraction threads (0 = all cores)")
      ->capture_default_str()
      ->check(CLI::Range(0, 1024));
  extract->add_flag("-q,--quiet", xargs.quiet, "No progress display");

  BriefArgs bargs;
  auto* brief = app.add_subcommand(
      "brief",
      "Treat all input articles as one story and print its brief as JSON: headline,\n"
      "summary, quotes with speakers and outlets, entities, what only one outlet\n"
      "reports, timeline");
  brief->add_option("inputs", bargs.inputs, kInputsHelp)->required();
  brief->add_option("-w,--words", bargs.words, "Word budget of the summary")
      ->capture_default_str()
      ->check(CLI::Range(10, 10000));
  brief->add_option("--prior", bargs.prior, "Document-frequency prior (default: the shipped one)");

  std::string gold, pred;
  bool eval_json = false;
  auto* eval = app.add_subcommand("eval", "Score story assignments against gold labels");
  eval->add_option("--gold", gold, "Gold JSONL: {\"id\",\"label\"} per line")->required();
  eval->add_option("--pred", pred, "Predicted JSONL: {\"id\",\"story\"} per line")->required();
  eval->add_flag("--json", eval_json, "One JSON object instead of a table");

  std::vector<std::string> df_inputs;
  std::string df_output = "-";
  int df_min = 2;
  auto* df = app.add_subcommand(
      "df",
      "Count document frequencies of terms (builds the shipped prior; see tools/build_prior.sh)");
  df->add_option("inputs", df_inputs, kInputsHelp)->required();
  df->add_option("-o,--output", df_output, "Output TSV")->capture_default_str();
  df->add_option("--min-df", df_min, "Leave out terms in fewer documents")->capture_default_str();

  ServeArgs sargs;
  auto* serve = app.add_subcommand(
      "serve", "Serve stories over HTTP (docs/API.md), storing articles in a SQLite file");
  serve
      ->add_option("--db", sargs.db,
                   "SQLite database (created when missing; its search index is FILE-search)")
      ->capture_default_str();
  serve->add_option("--bind", sargs.bind, "Address to listen on")->capture_default_str();
  serve->add_option("--port", sargs.port, "Port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  serve->add_option(
      "--load", sargs.load,
      "Files or directories to add at start (as for cluster; ids already stored are skipped)");
  serve->add_option("--write-token", sargs.write_token,
                    "Bearer token writes must carry (also STORYLINE_WRITE_TOKEN); without one, "
                    "writes only from loopback");
  serve->add_option("--web", sargs.web, "Folder of the web page")->capture_default_str();
  serve->add_option("--prior", sargs.prior, "Document-frequency prior (default: the shipped one)");
  serve
      ->add_option("--threads", sargs.threads,
                   "Worker threads that parse and analyse writes and run searches and article "
                   "reads (0: two per core, at least 4; connections are served by one event "
                   "thread per core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 4096));
  serve
      ->add_option("--snapshot-ms", sargs.snapshot_ms,
                   "Most milliseconds a write waits before reads see it (0: before its answer)")
      ->capture_default_str()
      ->check(CLI::Range(0, 60000));

  // A first word that is no option and no command: say so, rather than
  // CLI11's "A subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
      names += names.empty() ? "" : ", ";
      names += sub->get_name();
      known |= sub->get_name() == argv[1];
    }
    if (!known) {
      std::cerr << "storyline: unknown command '" << argv[1] << "' (commands: " << names
                << "; storyline --help says more)\n";
      return 2;
    }
  }
  CLI11_PARSE(app, argc, argv);

  if (*cluster) return RunCluster(cargs);
  if (*extract) return RunExtract(xargs);
  if (*brief) return RunBrief(bargs);
  if (*eval) return RunEval(gold, pred, eval_json);
  if (*serve) return RunServe(sargs);
  if (*df) {
    StderrDiagnostics diag;
    std::ofstream file;
    if (df_output != "-") {
      file.open(df_output);
      if (!file) return Fail("cannot write " + df_output);
    }
    Status s = storyline::features::BuildDocumentFrequencies(df_inputs, df_min, &diag,
                                                             df_output == "-" ? std::cout : file);
    diag.Finish();
    if (!s.ok()) return Fail(s.ToString());
    return 0;
  }
  return 0;
}
