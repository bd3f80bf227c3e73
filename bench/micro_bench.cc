// Micro benchmarks of the per-article stages (Google Benchmark). The corpus
// benchmark (corpus_bench.py) measures the whole CLI; these say where the
// time goes. Input: the bundled sample's texts, so they run anywhere.
//
//   build/bench/storyline_micro_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include "brief/brief.h"
#include "brief/material.h"
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

// The brief of one 50-article story (issue 4's target: under 20 ms). The
// sample's first 50 articles stand in for one story: 14 events' worth of
// sentences is more material to weigh than one event has.
void BM_Brief50(benchmark::State& state) {
  storyline::text::Analyzer analyzer;
  std::vector<storyline::brief::ArticleMaterial> materials;
  for (const Article& a : Sample()) {
    if (materials.size() == 50) break;
    auto cleaned = storyline::extract::CleanPlainText(a.text);
    materials.push_back(
        storyline::brief::MakeMaterial(cleaned.text, analyzer.Analyze(a.title, cleaned.text)));
  }
  std::vector<storyline::brief::BriefArticle> in(materials.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const Article& a = Sample()[i];
    in[i].material = &materials[i];
    in[i].id = a.id;
    in[i].outlet = a.source;
    in[i].title = a.title;
    in[i].time = a.published;
    in[i].centrality = 1.0f / static_cast<float>(i + 1);
    in[i].entities = materials[i].names;
  }
  for (auto _ : state) {
    storyline::Story story;
    storyline::brief::WriteBrief(in, {}, &story);
    benchmark::DoNotOptimize(story);
  }
  state.SetLabel("50 articles");
}
BENCHMARK(BM_Brief50)->Unit(benchmark::kMillisecond);

// What Prepare adds per article for briefs: sentences' material and quotes.
void BM_MakeMaterial(benchmark::State& state) {
  storyline::text::Analyzer analyzer;
  std::vector<std::pair<std::string, storyline::text::Analysis>> prepared;
  for (const Article& a : Sample()) {
    auto cleaned = storyline::extract::CleanPlainText(a.text);
    prepared.emplace_back(cleaned.text, analyzer.Analyze(a.title, cleaned.text));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& [text, analysis] = prepared[i++ % prepared.size()];
    benchmark::DoNotOptimize(storyline::brief::MakeMaterial(text, analysis));
  }
}
BENCHMARK(BM_MakeMaterial);

BENCHMARK_MAIN();
