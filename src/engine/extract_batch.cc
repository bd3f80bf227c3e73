#include "engine/extract_batch.h"

#include <algorithm>
#include <deque>
#include <future>

#include "extract/char_refs.h"
#include "util/utf8.h"

namespace storyline {
namespace {

constexpr std::size_t kChunkSize = 32;

struct Chunk {
  std::vector<Article> articles;
  std::vector<Result<extract::ExtractedPage>> pages;
};

extract::ExtractedPage PassThrough(const Article& a) {
  extract::ExtractedPage p;
  p.url = a.url;
  p.title = a.title;
  p.text = a.text;
  p.site = a.source;
  p.lang = a.lang;
  p.published = a.published;
  return p;
}

// The repairs StoryEngine::Prepare() makes before reading an article, so
// that `extract` prints the text `cluster` reads ("itâ€™s" is "it’s").
void RepairPage(extract::ExtractedPage* p) {
  for (std::string* s : {&p->text, &p->title, &p->byline, &p->site}) RepairEncoding(s);
}

void ExtractChunk(Chunk* c) {
  c->pages.reserve(c->articles.size());
  for (Article& a : c->articles) {
    // As Prepare() does: text and title given as plain text may be escaped.
    extract::DecodeCharacterReferences(&a.text);
    extract::DecodeCharacterReferences(&a.title);
    if (a.html.empty()) {
      c->pages.emplace_back(PassThrough(a));
      RepairPage(&*c->pages.back());
      continue;
    }
    auto page = extract::ExtractPage(a.html, {.url = a.url, .charset = a.charset});
    a.html.clear();
    a.html.shrink_to_fit();
    if (page.ok()) {
      // Fields the input came with (a JSONL line's title, url...) win.
      if (!a.url.empty()) page->url = a.url;
      if (!a.title.empty()) page->title = a.title;
      if (!a.source.empty()) page->site = a.source;
      if (a.published) page->published = a.published;
      RepairPage(&*page);
    }
    c->pages.push_back(std::move(page));
  }
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
