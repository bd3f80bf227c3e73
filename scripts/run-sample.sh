#!/usr/bin/env bash
# Installs what is missing, builds storyline and runs the main job on the
# bundled sample: 52 articles from 10 outlets -> ranked stories, scored
# against the sample's gold stories; then starts the live server on the same
# sample and prints the address to open (Ctrl-C stops it). This is the
# README's first command.
#
# Usage: scripts/run-sample.sh [--no-serve]
#   --no-serve   stop after the batch run (no server)
#   STORYLINE_PORT=N   the server's port (default 8080; 0 picks a free one)
set -euo pipefail
cd "$(dirname "$0")/.."
serve=1
case "${1:-}" in
  "") ;;
  --no-serve) serve=0 ;;
  *) echo "usage: $0 [--no-serve]" >&2; exit 2 ;;
esac
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target storyline
build/storyline cluster data/sample/articles.jsonl \
  --output build/sample-stories.json --assignments build/sample-assignments.jsonl
build/storyline eval --gold data/sample/gold.jsonl --pred build/sample-assignments.jsonl
echo
echo "Stories written to build/sample-stories.json. Top stories:"
python3 - <<'PY'
import json
for s in json.load(open("build/sample-stories.json"))[:5]:
    print(f'  [{s["size"]} articles, {len(s["outlets"])} outlets] {s["headline"]}')
PY

[ "$serve" = 1 ] || exit 0
# The live face: the same sample served over HTTP with the web page. A fresh
# database each run, so the page shows exactly the sample.
rm -f build/sample.db build/sample.db-wal build/sample.db-shm
echo
echo "Starting the live server on the sample (Ctrl-C stops it; --no-serve skips this):"
exec build/storyline serve --db build/sample.db --port "${STORYLINE_PORT:-8080}" \
  --load data/sample/articles.jsonl
