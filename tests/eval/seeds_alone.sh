#!/usr/bin/env bash
# The founding example's promise, checked on every test run: the two seed
# articles (../shared/seeds) mixed into galaxy wikinews_big and ECB+ topics
# 1-22 form one story of their own, which no other article joins
# (eval/clustering.py's seeds check, --strict). The margin is thin (see
# docs/DESIGN.md, "Entities"), so a change to entity terms or thresholds
# that breaks it should fail here, not in a later evaluation.
#
# Usage: tests/eval/seeds_alone.sh [path/to/storyline]   (default: build/storyline)
# Exit status: 0 passed, 1 failed, 77 skipped (no ../shared/data or seeds, no
# python3, no storyline binary).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-$root/build/storyline}
data=$root/../shared/data
seeds=$root/../shared/seeds

skip() {
  echo "seeds check skipped: $*" >&2
  exit 77
}
command -v python3 >/dev/null || skip "no python3"
[ -x "$cli" ] || skip "no storyline binary at $cli"
[ -d "$data/galaxy-wikinews-events" ] && [ -d "$data/ecbplus" ] || skip "no $data"
[ -d "$seeds" ] || skip "no $seeds"

python3 "$root/eval/clustering.py" --storyline "$cli" --data "$data" --seeds "$seeds" \
  --sets galaxy_big,ecb_1_22 --no-baseline --strict
