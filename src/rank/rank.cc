#include "rank/rank.h"

#include <algorithm>
#include <cmath>

namespace storyline::rank {
namespace {
constexpr double kFreshnessHalfLifeHours = 24.0;
}  // namespace

double BaseScore(const StorySignals& s) {
  // Outlets are the strongest signal; a story told only by copies of one
  // wire text ranks like one article.
  return 2.0 * std::log1p(static_cast<double>(std::max<std::size_t>(s.outlets, 1))) +
         std::log1p(static_cast<double>(s.originals)) +
         0.25 * std::log1p(static_cast<double>(s.articles - std::min(s.articles, s.originals)));
}

double FreshScore(double base, std::optional<UnixSeconds> last_seen,
                  std::optional<UnixSeconds> now) {
  if (!now || !last_seen) return base;
  double age_hours = std::max(0.0, static_cast<double>(*now - *last_seen) / 3600.0);
  return base * (0.5 + 0.5 * std::exp2(-age_hours / kFreshnessHalfLifeHours));
}

double StoryScore(const StorySignals& s, std::optional<UnixSeconds> now) {
  return FreshScore(BaseScore(s), s.last_seen, now);
}

}  // namespace storyline::rank
