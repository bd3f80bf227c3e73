#!/usr/bin/env bash
# Every C++ file the repository tracks is formatted as .clang-format says, so
# that a change shows only what it changes. Fix with:
#   git ls-files '*.cc' '*.h' | xargs clang-format-14 -i
#
# Usage: tests/style/formatted.sh
# Exit status: 0 formatted, 1 not (the files are listed), 77 skipped (no
# clang-format-14 or no git checkout).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
command -v clang-format-14 >/dev/null || { echo "style check skipped: no clang-format-14" >&2; exit 77; }
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || { echo "style check skipped: not a git checkout" >&2; exit 77; }

bad=()
while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue
  clang-format-14 --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files -z '*.cc' '*.h')
if [ ${#bad[@]} -gt 0 ]; then
  echo "not formatted as .clang-format says (run clang-format-14 -i on them):" >&2
  printf '  %s\n' "${bad[@]}" >&2
  exit 1
fi
echo "style: $(git ls-files '*.cc' '*.h' | wc -l) C++ files formatted"
