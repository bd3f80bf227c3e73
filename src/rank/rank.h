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
// StoryScore(s, now) == FreshScore(BaseScore(s), s.last_seen, now), exactly:
// a caller that keeps a story's base score (the server) need not count its
// members again when only the time moved.
double StoryScore(const StorySignals& s, std::optional<UnixSeconds> now);

// The score before freshness: outlets, originals and copies.
double BaseScore(const StorySignals& s);

// `base` scaled by the freshness of a story last seen at `last_seen`.
double FreshScore(double base, std::optional<UnixSeconds> last_seen,
                  std::optional<UnixSeconds> now);

}  // namespace storyline::rank

#endif  // STORYLINE_RANK_RANK_H_
