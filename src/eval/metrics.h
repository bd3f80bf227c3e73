// Clustering metrics against gold story labels: B-cubed, pair counting, ARI
// and NMI. Same definitions as ../shared/eval/metrics.py (a test holds the two
// to agreement on a fixture).
#ifndef STORYLINE_EVAL_METRICS_H_
#define STORYLINE_EVAL_METRICS_H_

#include <cstddef>
#include <string>
#include <unordered_map>

#include "storyline/status.h"

namespace storyline::eval {

using Labels = std::unordered_map<std::string, std::string>;  // article id -> label

// Reads JSONL lines {"id": ..., <label>: ...}, taking the label from the first
// of "story", "label", "event_idx", "subtopic", "topic" present (numbers are
// used as their JSON text). Fails naming the file and line on bad JSON or a
// missing id or label.
Result<Labels> LoadLabels(const std::string& path);

struct Scores {
  double bcubed_p = 0, bcubed_r = 0, bcubed_f1 = 0;
  double pair_p = 0, pair_r = 0, pair_f1 = 0;
  double ari = 0, nmi = 0;
  std::size_t n = 0, gold_k = 0, pred_k = 0;
};

// Scores `pred` on the ids of `gold`. Fails when a gold id has no prediction.
Result<Scores> Score(const Labels& gold, const Labels& pred);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_METRICS_H_
