#!/usr/bin/env bash
# Installs what is missing, builds storyline and runs the main job on the
# bundled sample: 52 articles from 10 outlets -> ranked stories, scored
# against the sample's gold stories. This is the README's first command.
set -euo pipefail
cd "$(dirname "$0")/.."
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
