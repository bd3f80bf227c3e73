// Story importance. A story matters more when more distinct outlets report it
// (independent confirmation), when it has more original articles (copies of a
// wire story add reach, not evidence), and when it is fresh.
#ifndef STORYLINE_RANK_RANK_H_
#define STORYLINE_RANK_RANK_H_

#include <cstddef>
#include <optional>

#include "storyline/article.h"

namespace storyline::rank {

struct StorySignals {
  std::size_t articles = 0;
  std::size_t originals = 0;  // articles that are not near-copies of another
  std::size_t outlets = 0;    // distinct known sources
  std::optional<UnixSeconds> first_seen;
  std::optional<UnixSeconds> last_seen;
};

// Score >= 0, higher is more important. `now` is the latest time in the
// stream (not the wall clock, so a replayed batch ranks as it did live);
// without it or without dates freshness is left out.
double StoryScore(const StorySignals& s, std::optional<UnixSeconds> now);

}  // namespace storyline::rank

#endif  // STORYLINE_RANK_RANK_H_
