// Batch runs: read inputs, prepare articles on N threads, add them to one
// StoryEngine in publication order, and report progress. Used by the CLI.
//
// Ordering: articles are added through a reorder buffer of `reorder_window`
// articles keyed by publication time, ties broken by input order; undated
// articles sort before every dated one (they are added as soon as they reach
// the buffer). For input that is in time order up to that window, the add
// order is exactly publication order; memory stays bounded by the window,
// not the input size.
// The result depends only on the input, not on the thread count.
#ifndef STORYLINE_ENGINE_BATCH_H_
#define STORYLINE_ENGINE_BATCH_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "ingest/reader.h"
#include "storyline/engine.h"

namespace storyline {

struct BatchOptions {
  int threads = 1;
  std::size_t reorder_window = 4096;
  // Called now and then with the number of articles read and added so far.
  std::function<void(std::size_t read, std::size_t added, std::uint64_t bytes)> progress;
};

struct BatchResult {
  ingest::ReadStats read;
  std::size_t unusable = 0;  // read, but nothing left after cleaning
  // For every article added, in input order: its engine number
  // (StoryEngine::ArticleId() and StoryOf() take it).
  std::vector<std::size_t> added;
};

// Runs `paths` through `engine`. Problems with single inputs go to `diag` and
// never stop the run; returns non-OK only when no input could be opened.
Status RunBatch(const std::vector<std::string>& paths, StoryEngine* engine,
                const BatchOptions& options, ingest::Diagnostics* diag, BatchResult* result);

}  // namespace storyline

#endif  // STORYLINE_ENGINE_BATCH_H_
