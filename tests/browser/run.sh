#!/usr/bin/env bash
# Browser test of the web page (web/): starts a storyline server on a free loopback port holding
# ../shared/seeds and the bundled sample, waits until it holds them, runs page_test.mjs
# (playwright-core driving Debian's chromium; it never downloads a browser), stops the server.
# CTest runs it (tests/browser/CMakeLists.txt).
#
# Usage: tests/browser/run.sh [path/to/storyline]        (default: build/storyline)
# Environment:
#   STORYLINE_BROWSER_SERVER  auto (default): the real server (`storyline serve`) when the binary
#                             has it, else the mock server (mock_server.mjs), saying so;
#                             real or mock to choose.
#   STORYLINE_URL             test a server that is already running there; nothing is started.
#   STORYLINE_WRITE_TOKEN     bearer token for the test's POST /articles, if the server needs one.
#   STORYLINE_SCREENSHOTS     folder for the screenshots (default build/browser).
#   CHROMIUM                  the browser (default /usr/bin/chromium).
#   STORYLINE_SEEDS           the seed articles (default ../shared/seeds).
# Exit status: 0 passed, 1 failed, 77 skipped (no node >= 18, no playwright-core in
# tests/browser/node_modules, no chromium, no seeds, or no storyline binary).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cli=${1:-$root/build/storyline}
seeds=${STORYLINE_SEEDS:-$root/../shared/seeds}
sample=$root/data/sample/articles.jsonl

skip() {
  echo "browser test skipped: $*" >&2
  exit 77
}

command -v node >/dev/null || skip "node is not installed (bash scripts/install-deps.sh installs it)"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
  skip "node $(node --version) is older than 18"
[[ -f $here/node_modules/playwright-core/package.json ]] ||
  skip "playwright-core is not installed (npm ci in tests/browser; bash scripts/install-deps.sh does it)"
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[[ -x $CHROMIUM ]] || skip "$CHROMIUM is missing (apt-get install chromium)"
[[ -d $seeds ]] || skip "the seed articles ($seeds) are missing"
export STORYLINE_SCREENSHOTS=${STORYLINE_SCREENSHOTS:-$root/build/browser}

if [[ -n ${STORYLINE_URL:-} ]]; then
  echo "browser test: testing the server at $STORYLINE_URL"
  exec node "$here/page_test.mjs"
fi
[[ -x $cli ]] || skip "$cli is not built"

# An unknown subcommand's --help prints the top-level help and succeeds, so look for serve's
# own options.
serve_help=$("$cli" serve --help 2>/dev/null || true)
mode=${STORYLINE_BROWSER_SERVER:-auto}
if [[ $mode == auto ]]; then
  if grep -q -- '--load' <<<"$serve_help"; then
    mode=real
  else
    mode=mock
    echo "browser test: '$cli serve' is not available; testing the page against the mock server" \
      "(tests/browser/mock_server.mjs), not the real one" >&2
  fi
fi

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    # A server that ignores SIGTERM for 10 s is killed.
    for ((n = 0; n < 50; n++)); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# What the server must hold before the test starts: the stories of a batch run over the same
# files (the mock serves them; for the real server, its article count is waited for).
"$cli" cluster "$seeds" "$sample" --quiet --output "$tmp/stories.json" \
  --assignments "$tmp/assignments.jsonl" 2>"$tmp/cluster.log" || {
  cat "$tmp/cluster.log" >&2
  exit 1
}
articles=$(wc -l <"$tmp/assignments.jsonl")

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1",
  () => { console.log(s.address().port); s.close(); })')
url="http://127.0.0.1:$port/"
case $mode in
  real)
    # The page of this checkout, whichever tree the binary was built from.
    web=()
    grep -q -- '--web' <<<"$serve_help" && web=(--web "$root/web")
    "$cli" serve --port "$port" --db "$tmp/storyline.db" --load "$seeds" --load "$sample" \
      "${web[@]}" >"$tmp/server.log" 2>&1 &
    ;;
  mock)
    node "$here/mock_server.mjs" --stories "$tmp/stories.json" --port "$port" >"$tmp/server.log" 2>&1 &
    ;;
  *)
    echo "run.sh: STORYLINE_BROWSER_SERVER must be auto, real or mock, not '$mode'" >&2
    exit 2
    ;;
esac
server_pid=$!

server_log() {
  echo "--- server log ($mode) ---" >&2
  tail -n 40 "$tmp/server.log" >&2
}

# Wait until /healthz answers and counts every article (the server may load in the background).
ready='fetch(process.argv[1] + "healthz").then(r => r.json()).then(
  h => process.exit(h.articles >= Number(process.argv[2]) ? 0 : 1), () => process.exit(1))'
for ((i = 0; ; i++)); do
  node -e "$ready" "$url" "$articles" && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "browser test: the $mode server exited before it was ready" >&2
    server_log
    exit 1
  fi
  if ((i >= 600)); then
    echo "browser test: the $mode server did not hold $articles articles at $url/healthz in time" >&2
    server_log
    exit 1
  fi
  sleep 0.2
done

echo "browser test: testing the $mode server at $url ($articles articles)"
status=0
STORYLINE_URL=$url node "$here/page_test.mjs" || status=$?
((status == 0)) || server_log
exit "$status"
