#include "engine/extract_batch.h"

#include <algorithm>
#include <deque>
#include <future>

#include "extract/read_article.h"

namespace storyline {
namespace {

constexpr std::size_t kChunkSize = 32;

struct Chunk {
  std::vector<Article> articles;
  std::vector<Result<extract::ExtractedPage>> pages;
};

// `a` read as `cluster` reads it (extract::ReadArticle()), as a page.
Result<extract::ExtractedPage> Read(Article* a) {
  extract::PageOnly only;
  STORYLINE_RETURN_IF_ERROR(extract::ReadArticle(a, &only));
  extract::ExtractedPage p;
  p.url = std::move(a->url);
  p.title = std::move(a->title);
  p.text = std::move(a->text);
  p.byline = std::move(only.byline);
  p.site = std::move(a->source);
  p.lang = std::move(a->lang);
  p.published = a->published;
  p.modified = only.modified;
  return p;
}

void ExtractChunk(Chunk* c) {
  c->pages.reserve(c->articles.size());
  for (Article& a : c->articles) c->pages.push_back(Read(&a));
}

}  // namespace

Status RunExtract(const std::vector<std::string>& paths, const ExtractOptions& options,
                  ingest::Diagnostics* diag, ExtractStats* stats, const PageSink& sink) {
  const std::size_t max_in_flight = static_cast<std::size_t>(std::max(1, options.threads));
  std::deque<std::pair<std::unique_ptr<Chunk>, std::future<void>>> in_flight;
  auto next = std::make_unique<Chunk>();
  std::size_t read = 0;

  auto drain_one = [&] {
    auto& [chunk, done] = in_flight.front();
    done.wait();
    for (std::size_t i = 0; i < chunk->articles.size(); ++i) {
      const Article& a = chunk->articles[i];
      if (chunk->pages[i].ok()) {
        ++stats->extracted;
        sink(a, *chunk->pages[i]);
      } else {
        ++stats->failed;
        diag->Report(a.origin, chunk->pages[i].status());
      }
    }
    in_flight.pop_front();
    if (options.progress) options.progress(read, stats->extracted, stats->read.bytes);
  };
  auto submit = [&] {
    if (next->articles.empty()) return;
    Chunk* c = next.get();
    auto launch = options.threads > 1 ? std::launch::async : std::launch::deferred;
    in_flight.emplace_back(std::move(next), std::async(launch, [c] { ExtractChunk(c); }));
    next = std::make_unique<Chunk>();
    while (in_flight.size() > max_in_flight) drain_one();
  };

  Status s = ingest::ReadArticles(
      paths,
      [&](Article a) {
        ++read;
        next->articles.push_back(std::move(a));
        if (next->articles.size() == kChunkSize) submit();
      },
      diag, &stats->read);
  submit();
  while (!in_flight.empty()) drain_one();
  return s;
}

}  // namespace storyline
