#!/usr/bin/env bash
# Renders an HTML report (storyline cluster --html) to a PNG with headless
# Chromium, to look at the page as a reader would.
#
# Needs Debian's chromium package (apt-get install chromium). It is not a
# build or CI dependency; nothing else in the project uses it.
#
# Usage: tools/report_screenshot.sh REPORT.html OUT.png [WIDTH [HEIGHT]]
#   WIDTH defaults to 1280 (desktop); 420 gives the phone layout.
#   HEIGHT defaults to 2000; the shot is the top WIDTHxHEIGHT of the page.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 4 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH [HEIGHT]]" >&2
  exit 2
fi
report=$1 out=$2 width=${3:-1280} height=${4:-2000}
[[ -r $report ]] || { echo "$0: cannot read $report" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n $browser ]] || { echo "$0: needs chromium (apt-get install chromium)" >&2; exit 1; }

abs_report=$(realpath "$report")
abs_out=$(realpath -m "$out")
# A throwaway profile, so runs do not share state or touch the user's.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --disable-extensions \
  --window-size="$width,$height" --screenshot="$abs_out" "file://$abs_report" \
  >/dev/null 2>"$profile/stderr" || { cat "$profile/stderr" >&2; exit 1; }
[[ -s $abs_out ]] || { cat "$profile/stderr" >&2; echo "$0: no screenshot written" >&2; exit 1; }
echo "$abs_out"
