#!/usr/bin/env bash
# Load benchmark of `storyline serve` (issue 5): 8 connections POST the
# articles of a corpus one per request while wrk reads GET /stories from 64
# connections, both on loopback, for SECONDS.
#
#   python3 bench/make_corpus.py --n 20000 --seed 1 --out /tmp/corpus-20k
#   bash bench/serve_bench.sh /tmp/corpus-20k/articles.jsonl [SECONDS]
#   SERVE_READ_DELAY_MS=50 bash bench/serve_bench.sh ...   # readers paced
#   SERVE_STORYLINE=/tmp/old/storyline bash bench/serve_bench.sh ...  # another build
#   SERVE_POST_BATCH=10 bash bench/serve_bench.sh ...  # 10 articles a POST (JSON lines)
#   SERVE_GZIP=0 bash bench/serve_bench.sh ...  # readers without Accept-Encoding: gzip
#
# By default the readers ask as fast as they are answered (a flood, which on
# a small machine takes the CPU the ingest needs, wrk included); with
# SERVE_READ_DELAY_MS each reading connection waits that long between
# requests (64 connections at 50 ms: about 1,280 requests/s).
# The POSTs come from the project's loader, build/bench/storyline_post_load
# (one epoll thread, requests formatted in advance: about 0.06 ms of CPU a
# request where wrk's Lua hook takes 0.15 ms, CPU the server needs when both
# share two cores); SERVE_POST_LOADER=wrk posts with wrk and
# bench/serve_post.lua instead.
# Prints both reports (requests/s, latency percentiles), the CPU each load
# generator used, and the server's article count. Needs wrk (Debian package). Uses a fresh database in a
# temporary folder; the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$1"
seconds="${2:-20}"
port="${SERVE_PORT:-18999}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
# SERVE_STORYLINE: another build to measure (a baseline, side by side).
"${SERVE_STORYLINE:-build/storyline}" serve --db "$work/bench.db" --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  grep -q "open http" "$work/server.log" && break
  sleep 0.1
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
timed() { /usr/bin/time -f "load generator CPU: %U s user, %S s system" "$@"; }
if [ "${SERVE_POST_LOADER:-}" = wrk ]; then
  SERVE_CORPUS="$corpus" SERVE_THREADS=2 timed wrk -t2 -c8 -d"${seconds}s" --latency \
    -s bench/serve_post.lua "http://127.0.0.1:$port" >"$work/post.txt" 2>&1 &
else
  [ -x build/bench/storyline_post_load ] || { echo "build/bench/storyline_post_load is missing: build first" >&2; exit 2; }
  timed build/bench/storyline_post_load --port "$port" --connections 8 --seconds "$seconds" \
    --batch "${SERVE_POST_BATCH:-1}" ${SERVE_TOKEN:+--token "$SERVE_TOKEN"} "$corpus" \
    >"$work/post.txt" 2>&1 &
fi
post=$!
# Readers ask for gzip as browsers do (SERVE_GZIP=0: plain).
gzip_header=()
[ "${SERVE_GZIP:-1}" = 0 ] || gzip_header=(-H "Accept-Encoding: gzip")
timed wrk -t2 -c64 -d"${seconds}s" --latency "${gzip_header[@]}" -s bench/serve_get.lua \
  "http://127.0.0.1:$port" >"$work/get.txt" 2>&1
wait "$post" || true
echo "== POST /articles, 8 connections (${SERVE_POST_BATCH:-1} article(s) a request; ${SERVE_POST_LOADER:-storyline_post_load})"
cat "$work/post.txt"
echo "== GET /stories, 64 connections, ${SERVE_READ_DELAY_MS:-0} ms between requests, gzip ${SERVE_GZIP:-1}, during the ingest"
cat "$work/get.txt"
echo "== server"
curl -s "http://127.0.0.1:$port/healthz"; echo
