// Micro benchmarks of the per-article stages (Google Benchmark). The corpus
// benchmark (corpus_bench.py) measures the whole CLI; these say where the
// time goes. Input: the bundled sample's texts, so they run anywhere.
//
//   build/bench/storyline_micro_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "cluster/clusterer.h"
#include "engine/batch.h"
#include "extract/text_cleaner.h"
#include "features/doc_vectors.h"
#include "features/minhash.h"
#include "features/term_stats.h"
#include "ingest/reader.h"
#include "text/analyzer.h"
#include "text/tokenizer.h"

namespace {

using storyline::Article;

class NullDiagnostics : public storyline::ingest::Diagnostics {
 public:
  void Report(std::string_view, const storyline::Status&) override {}
};

const std::vector<Article>& Sample() {
  static const std::vector<Article> articles = [] {
    std::vector<Article> out;
    NullDiagnostics diag;
    storyline::ingest::ReadStats stats;
    (void)storyline::ingest::ReadArticles(
        {STORYLINE_SOURCE_DIR "/data/sample/articles.jsonl"},
        [&](Article a) { out.push_back(std::move(a)); }, &diag, &stats);
    return out;
  }();
  return articles;
}

std::int64_t SampleBytes() {
  std::int64_t bytes = 0;
  for (const Article& a : Sample()) bytes += static_cast<std::int64_t>(a.text.size());
  return bytes;
}

void BM_CleanPlainText(benchmark::State& state) {
  for (auto _ : state) {
    for (const Article& a : Sample())
      benchmark::DoNotOptimize(storyline::extract::CleanPlainText(a.text));
  }
  state.SetBytesProcessed(state.iterations() * SampleBytes());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(Sample().size()));
}
BENCHMARK(BM_CleanPlainText);

void BM_Tokenize(benchmark::State& state) {
  std::vector<storyline::text::Token> tokens;
  for (auto _ : state) {
    for (const Article& a : Sample()) {
      storyline::text::Tokenize(a.text, &tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * SampleBytes());
}
BENCHMARK(BM_Tokenize);

void BM_Analyze(benchmark::State& state) {
  storyline::text::Analyzer analyzer;
  for (auto _ : state) {
    for (const Article& a : Sample()) benchmark::DoNotOptimize(analyzer.Analyze(a.title, a.text));
  }
  state.SetBytesProcessed(state.iterations() * SampleBytes());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(Sample().size()));
}
BENCHMARK(BM_Analyze);

void BM_MinHash(benchmark::State& state) {
  storyline::text::Analyzer analyzer;
  std::vector<storyline::text::Analysis> analyses;
  for (const Article& a : Sample()) analyses.push_back(analyzer.Analyze(a.title, a.text));
  for (auto _ : state) {
    for (const auto& an : analyses)
      benchmark::DoNotOptimize(storyline::features::ComputeMinHash(an.word_hashes));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(analyses.size()));
}
BENCHMARK(BM_MinHash);

// Vectors and online clustering of the sample, as Add() does them.
void BM_VectorsAndCluster(benchmark::State& state) {
  storyline::text::Analyzer analyzer;
  std::vector<storyline::text::Analysis> analyses;
  for (const Article& a : Sample()) analyses.push_back(analyzer.Analyze(a.title, a.text));
  for (auto _ : state) {
    storyline::features::TermStats stats;
    auto clusterer = storyline::cluster::CreateClusterer({});
    std::uint32_t n = 0;
    for (const auto& an : analyses) {
      stats.AddDocument(an);
      auto v = storyline::features::BuildDocVectors(an, stats);
      storyline::cluster::ClusterDoc doc;
      doc.vectors = &v;
      benchmark::DoNotOptimize(clusterer->Add(n++, doc));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(analyses.size()));
}
BENCHMARK(BM_VectorsAndCluster);

}  // namespace

BENCHMARK_MAIN();
