#include "rank/rank.h"

#include <algorithm>
#include <cmath>

namespace storyline::rank {
namespace {
constexpr double kFreshnessHalfLifeHours = 24.0;
}  // namespace

double StoryScore(const StorySignals& s, std::optional<UnixSeconds> now) {
  // Outlets are the strongest signal; a story told only by copies of one
  // wire text ranks like one article.
  double score =
      2.0 * std::log1p(static_cast<double>(std::max<std::size_t>(s.outlets, 1))) +
      std::log1p(static_cast<double>(s.originals)) +
      0.25 * std::log1p(static_cast<double>(s.articles - std::min(s.articles, s.originals)));
  if (now && s.last_seen) {
    double age_hours = std::max(0.0, static_cast<double>(*now - *s.last_seen) / 3600.0);
    score *= 0.5 + 0.5 * std::exp2(-age_hours / kFreshnessHalfLifeHours);
  }
  return score;
}

}  // namespace storyline::rank
