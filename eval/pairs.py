#!/usr/bin/env python3
"""Same story or not, two articles alone: storyline on the SemEval-2022 task 8 English pairs.

Usage (from the repo root):
    python3 eval/pairs.py                      # table: storyline beside the scikit-learn baseline
    python3 eval/pairs.py --json               # one JSON document
    python3 eval/pairs.py --keep /tmp/sl-pairs --no-baseline

Each of the 354 en-en pairs of ../shared/data/semeval2022-task8-hfl-sample/en_en_pairs.jsonl
(texts cut head and tail to about 1.1k characters by the sample's makers, title run into the
text, no dates) is given to `storyline cluster` on its own, as a two-article JSONL: the case
where the stream holds nothing but the two articles, so the term statistics are the shipped
prior's. The pair is "together" when both articles end in one story. No setting of the engine
was chosen on these pairs: they measure how the one configuration carries to other news. Their
texts are not wholly unseen, though: they are 700 of the 984 documents whose document
frequencies the shipped prior counts (tools/build_prior.sh). With a prior built from the other
286 (WikinewsSum) alone, pair F1 was 0.806 against 0.815 (2026-11-25), and every labelled set
scored lower too (docs/DESIGN.md, "Term statistics and the prior").

Gold: the annotators' mean `overall` rating, 1 (very similar) to 4 (very dissimilar). A pair
is the same story when it is at most --same (2.0, the sample README's suggestion); the table
also shows, for each rounded rating, the share of pairs put together.

Baseline: what ../eval/baseline_sklearn.py does on the same two-article input (TF-IDF with
sublinear tf and English stop words fitted on the two texts, average linkage at cosine
distance 0.85, i.e. together when the cosine is at least 0.15), and the same with the TF-IDF
fitted on all 708 texts of the pairs ("corpus idf"), which a stream of two articles cannot
know. Needs an interpreter with scikit-learn (found as eval/clustering.py finds it).

An article storyline finds no text in (all of it cleaned away as captions or boilerplate) is
reported and counted; its pair counts as not together. Exit status 0 when the runs worked (or
the data is absent), 1 when a run failed, 2 on usage errors.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

PAIRS = os.path.join("semeval2022-task8-hfl-sample", "en_en_pairs.jsonl")

# Run by an interpreter with scikit-learn: reads the pairs file, prints one JSON line
# {"pair": cosine on the pair's own TF-IDF, "corpus": cosine on the TF-IDF of all texts} a pair.
BASELINE = r"""
import json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def vec():
    # scikit-learn has English stop words only.
    return TfidfVectorizer(stop_words="english" if sys.argv[2] == "en" else None, sublinear_tf=True,
                           min_df=1)
corpus = vec().fit([t for r in rows for t in ("\n" + r["text1"], "\n" + r["text2"])])
for r in rows:
    docs = ["\n" + r["text1"], "\n" + r["text2"]]
    try:
        X = vec().fit_transform(docs)
        pair = float(cosine_similarity(X[0], X[1])[0, 0])
    except ValueError:  # nothing but stop words
        pair = 0.0
    Y = corpus.transform(docs)
    print(json.dumps({"pair": pair, "corpus": float(cosine_similarity(Y[0], Y[1])[0, 0])}))
"""


def read_pairs(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_csv_pairs(folder, lang):
    """The original pairs of one language (lang1 == lang2 == lang) from the sample's two CSVs,
    as en_en_pairs.jsonl has them: pair ids with letters are HFL's machine-translated
    augmentations, not original pairs, and are left out."""
    import csv
    csv.field_size_limit(1 << 30)
    out = []
    for name in ("training_set.csv", "testing_set.csv"):
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["lang1"] != lang or row["lang2"] != lang or any(c.isalpha() for c in row["pair_id"]):
                    continue
                out.append({"split": name[:-4], "pair_id": row["pair_id"], "text1": row["text1"],
                            "text2": row["text2"], "overall": float(row["Overall"])})
    return out


def run_storyline(args, pairs, work):
    """Per pair: True/False together, and the ids storyline found no text in."""
    together, unusable = [], []
    for k, r in enumerate(pairs):
        d = os.path.join(work, f"pair-{k:03d}")
        os.makedirs(d, exist_ok=True)
        ids = [f'{r["pair_id"]}:1', f'{r["pair_id"]}:2']
        src = os.path.join(d, "articles.jsonl")
        with open(src, "w", encoding="utf-8") as f:
            for i, text in zip(ids, (r["text1"], r["text2"])):
                f.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
        pred = os.path.join(d, "assignments.jsonl")
        cmd = [args.storyline, "cluster", "--quiet", "--threads", "1", "--output",
               os.path.join(d, "stories.json"), "--assignments", pred, src]
        if args.no_briefs:
            cmd.insert(2, "--no-briefs")
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        with open(os.path.join(d, "stderr.txt"), "w") as f:
            f.write(p.stderr)
        if p.returncode != 0 or not os.path.exists(pred):
            raise RuntimeError(f"storyline failed on pair {r['pair_id']} (exit {p.returncode}): "
                               + " | ".join(p.stderr.strip().splitlines()[-3:]))
        story = benchlib.read_ids_labels(pred)
        unusable += [i for i in ids if i not in story]
        together.append(all(i in story for i in ids) and story[ids[0]] == story[ids[1]])
    return together, unusable


def run_baseline(args, path):
    py = benchlib.find_sklearn_python(args.python)
    if not py:
        return None, "no interpreter with scikit-learn (Debian: apt-get install python3-sklearn)"
    p = subprocess.run([py, "-c", BASELINE, path, args.lang], capture_output=True, text=True,
                       timeout=args.timeout)
    if p.returncode != 0:
        return None, "baseline failed: " + " | ".join(p.stderr.strip().splitlines()[-3:])
    return [json.loads(line) for line in p.stdout.splitlines() if line.strip()], None


def score(together, ratings, same):
    tp = sum(1 for t, o in zip(together, ratings) if t and o <= same)
    fp = sum(1 for t, o in zip(together, ratings) if t and o > same)
    fn = sum(1 for t, o in zip(together, ratings) if not t and o <= same)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    by_rating = {}
    for t, o in zip(together, ratings):
        b = by_rating.setdefault(str(min(4, max(1, int(o + 0.5)))), [0, 0])
        b[0] += 1
        b[1] += bool(t)
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn,
            "together_by_rating": {k: v[1] / v[0] for k, v in sorted(by_rating.items())},
            "pairs_by_rating": {k: v[0] for k, v in sorted(by_rating.items())}}


def fmt_table(results, same):
    systems = list(results["systems"])
    first = results["systems"][systems[0]]
    ratings = list(first["pairs_by_rating"])
    labels = [f"r{k} ({first['pairs_by_rating'][k]})" for k in ratings]
    head = f"{'system':<28} {'P':>6} {'R':>6} {'F1':>6}   " + "  ".join(labels)
    lang = results["lang"]
    lines = [f"SemEval-2022 task 8, {results['pairs']} {lang}-{lang} pairs; same story = overall <= {same:g}; "
             "right: share of pairs put together, by rounded rating (1 very similar .. 4 unrelated)",
             head, "-" * len(head)]
    for name in systems:
        s = results["systems"][name]
        cells = "  ".join(f"{s['together_by_rating'][k]:>{len(label)}.3f}" for k, label in zip(ratings, labels))
        lines.append(f"{name:<28} {s['p']:>6.3f} {s['r']:>6.3f} {s['f1']:>6.3f}   {cells}")
    if results.get("unusable"):
        lines.append(f"storyline found no text in {len(results['unusable'])} of {2 * results['pairs']} "
                     f"articles: {', '.join(results['unusable'][:8])}"
                     + (" ..." if len(results["unusable"]) > 8 else ""))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="storyline binary (default build/storyline)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA, help="shared data dir (default <repo>/../shared/data)")
    ap.add_argument("--same", type=float, default=2.0, help="a pair rated at most this is the same story (2.0)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the scikit-learn baseline")
    ap.add_argument("--no-briefs", action="store_true", help="pass --no-briefs to storyline (faster)")
    ap.add_argument("--python", default=None, help="interpreter for the baseline (default: one with sklearn)")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    ap.add_argument("--keep", metavar="DIR", help="write the pair inputs and outputs to DIR and keep them")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per run")
    ap.add_argument("--lang", default="en",
                    help="the pairs of this language: en (default; en_en_pairs.jsonl), or de, es, tr, pl, "
                         "ar, fr (from the sample's CSVs)")
    args = ap.parse_args()

    path = os.path.join(args.data, PAIRS)
    if not os.path.exists(path):
        eprint(f"pairs: {path} not found; nothing to evaluate")
        return 0
    if not os.access(args.storyline, os.X_OK):
        eprint(f"pairs: no storyline binary at {args.storyline} (build it, or pass --storyline)")
        return 2
    work = args.keep or tempfile.mkdtemp(prefix="sl-pairs-")
    if args.lang == "en":
        pairs = read_pairs(path)
    else:
        pairs = read_csv_pairs(os.path.dirname(path), args.lang)
        if not pairs:
            eprint(f"pairs: no {args.lang}-{args.lang} pairs in {os.path.dirname(path)}")
            return 2
        # The baseline reads the pairs as en_en_pairs.jsonl has them.
        os.makedirs(work, exist_ok=True)
        path = os.path.join(work, f"{args.lang}_{args.lang}_pairs.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in pairs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    ratings = [float(r["overall"]) for r in pairs]
    try:
        results = {"pairs": len(pairs), "lang": args.lang, "same": args.same, "systems": {},
                   "unusable": []}
        try:
            together, results["unusable"] = run_storyline(args, pairs, work)
        except (OSError, RuntimeError, subprocess.TimeoutExpired) as e:
            eprint(f"pairs: {e}")
            return 1
        results["systems"]["storyline"] = score(together, ratings, args.same)
        if not args.no_baseline:
            cos, why = run_baseline(args, path)
            if why:
                eprint(f"pairs: {why}")
            else:
                for key, name in (("pair", "baseline (pair idf)"), ("corpus", "baseline (corpus idf)")):
                    results["systems"][name] = score([c[key] >= 0.15 for c in cos], ratings, args.same)
        print(json.dumps(results, indent=1) if args.json else fmt_table(results, args.same))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
