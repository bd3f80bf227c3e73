// Extraction runs (`storyline extract`): read inputs, read every article as
// `cluster` reads it (extract::ReadArticle(): an HTML page's main text and
// metadata, plain text decoded, repaired and cleaned of captions and
// furniture) on N threads, hand the pages back in input order.
//
//   RunExtract(paths, {.threads = 4}, &diag, &stats,
//              [&](const Article& in, const extract::ExtractedPage& page) { Write(in.id, page); });
//
// The output depends only on the input, not on the thread count.
#ifndef STORYLINE_ENGINE_EXTRACT_BATCH_H_
#define STORYLINE_ENGINE_EXTRACT_BATCH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extract/page.h"
#include "ingest/reader.h"

namespace storyline {

struct ExtractOptions {
  int threads = 1;
  std::function<void(std::size_t read, std::size_t extracted, std::uint64_t bytes)> progress;
};

struct ExtractStats {
  ingest::ReadStats read;
  std::size_t extracted = 0;  // pages written
  std::size_t failed = 0;     // pages read but not extractable (reported to diag)
};

// `input` is the article as read, of which only the id and origin are left
// (the rest has moved into `page`); called on the calling thread, in input
// order.
using PageSink = std::function<void(const Article& input, const extract::ExtractedPage& page)>;

Status RunExtract(const std::vector<std::string>& paths, const ExtractOptions& options,
                  ingest::Diagnostics* diag, ExtractStats* stats, const PageSink& sink);

}  // namespace storyline

#endif  // STORYLINE_ENGINE_EXTRACT_BATCH_H_
