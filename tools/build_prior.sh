#!/usr/bin/env bash
# Rebuilds data/prior/df_en.tsv, the document-frequency prior storyline ships.
#
# Corpus: the English news texts of ../shared/data that no story clustering
# evaluation scores (WikinewsSum source articles and Wikinews texts, SemEval
# 2022 task 8 sample texts, which eval/pairs.py scores as pairs), analysed by `storyline df` exactly as the engine
# analyses articles. Only terms found in at least MIN_DF documents are kept:
# the file holds counts of common stems, not text.
#
# The shipped file must be what this script writes with the code beside it:
# tests/eval/prior_reproducible.sh checks that on every test run, so a change
# to the analysis that changes the prior rebuilds it in the same commit.
#
# Usage: tools/build_prior.sh [DATA_DIR] [OUT]
#   DATA_DIR default ../shared/data; OUT default data/prior/df_en.tsv;
#   STORYLINE=path/to/storyline (default build/storyline).
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
out="${2:-data/prior/df_en.tsv}"
min_df="${MIN_DF:-2}"
cli="${STORYLINE:-build/storyline}"
[ -x "$cli" ] || { echo "$cli missing: build first" >&2; exit 1; }
[ -d "$data" ] || { echo "no data at $data" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$data" "$tmp/corpus.jsonl" <<'PY'
import json, sys, os
data, out = sys.argv[1], sys.argv[2]
n = 0
seen = set()  # SemEval pairs repeat articles; count each text once
with open(out, "w") as f:
    def put(text, title=""):
        global n
        if text and text.strip() and text not in seen:
            seen.add(text)
            f.write(json.dumps({"id": f"prior-{n}", "title": title or "", "text": text}) + "\n")
            n += 1
    for line in open(os.path.join(data, "wikinewssum-prototype/wikinewssum_en.jsonl")):
        r = json.loads(line)
        put(r.get("summary", ""), r.get("title", ""))
        for s in r.get("sources", []):
            put(s.get("text", ""), s.get("title", ""))
    for line in open(os.path.join(data, "semeval2022-task8-hfl-sample/en_en_pairs.jsonl")):
        r = json.loads(line)
        put(r.get("text1", "")); put(r.get("text2", ""))
print(f"prior corpus: {n} documents", file=sys.stderr)
PY
"$cli" df --min-df "$min_df" -o "$out" "$tmp/corpus.jsonl"
echo "wrote $out: $(($(wc -l < "$out") - 1)) terms" >&2
