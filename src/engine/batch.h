// Batch runs: read inputs, prepare articles on N threads, add them to one
// StoryEngine in publication order, and report progress. Used by the CLI.
//
// Ordering: articles are added through a reorder window of `reorder_window`
// articles keyed by publication time, ties broken by input order; undated
// articles sort before every dated one. Articles enter the window in input
// order and, whenever it holds more than `reorder_window`, the earliest
// leaves it and is added. For input in time order up to that window, the add
// order is exactly publication order; memory stays bounded by the window,
// not the input size.
// An article whose input gives `published` enters the window as soon as it is
// read (preparation cannot change that time), and is added as soon as its own
// chunk is prepared: on a dated input, adding runs beside the preparation of
// later chunks. Such an article holds its place even if it turns out to have
// no usable text; one without `published` enters only after preparation, and
// only if usable.
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
  // Articles prepared together by one worker. Small enough that the last
  // chunks of a run keep every worker busy.
  std::size_t chunk_size = 64;
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
