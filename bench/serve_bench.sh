#!/usr/bin/env bash
# Load benchmark of `storyline serve` (issue 5): wrk POSTs articles of a
# corpus one per request from 8 connections while another wrk reads
# GET /stories from 64 connections, both on loopback, for SECONDS.
#
#   python3 bench/make_corpus.py --n 20000 --seed 1 --out /tmp/corpus-20k
#   bash bench/serve_bench.sh /tmp/corpus-20k/articles.jsonl [SECONDS]
#
# Prints both wrk reports (requests/s, latency percentiles) and the server's
# article count. Needs wrk (Debian package). Uses a fresh database in a
# temporary folder; the server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="$1"
seconds="${2:-20}"
port="${SERVE_PORT:-18999}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
build/storyline serve --db "$work/bench.db" --port "$port" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do
  grep -q "open http" "$work/server.log" && break
  sleep 0.1
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
SERVE_CORPUS="$corpus" SERVE_THREADS=2 wrk -t2 -c8 -d"${seconds}s" --latency \
  -s bench/serve_post.lua "http://127.0.0.1:$port" >"$work/post.txt" &
post=$!
wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port/stories" >"$work/get.txt"
wait "$post"
echo "== POST /articles, 8 connections (one article a request)"
cat "$work/post.txt"
echo "== GET /stories, 64 connections, during the ingest"
cat "$work/get.txt"
echo "== server"
curl -s "http://127.0.0.1:$port/healthz"; echo
