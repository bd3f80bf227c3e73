#!/usr/bin/env python3
"""How well `storyline cluster` recognises syndicated copies (`duplicate_of`), on generated corpora
whose copies are known.

Usage (from the repo root):
    python3 eval/duplicates.py                       # the 2k and 20k corpora of seed 1, table
    python3 eval/duplicates.py --sizes 2000 --seeds 1,2,3 --json

bench/make_corpus.py makes about 5% of its articles syndicated copies of an earlier article of
the same story (another outlet, 10 minutes to 12 hours later, the first sentence replaced or
dropped, an "OUTLET -" dateline and/or a copyright or "originally published by" footer) and lists
them in copies.jsonl. Corpora are generated or reused as bench/corpus_bench.py does (under --work).

Each corpus goes through `storyline cluster --no-briefs`, and every article its stories mark
`duplicate_of` is compared with two truths:

  syndicated   the generator's copies: recall (marked as a copy of anything), and how many name
               the right article: the one copied, the first original of a chain of copies, or an
               earlier article at exact Jaccard >= 0.7 with it (storyline's duplicate index keeps
               only originals and names the first it holds of a text);
  by text      exact Jaccard of the two bodies' 5-word shingles (lower-cased words; storyline
               shingles the body too, after cleaning, which this does not repeat), computed
               here for every marked pair and for every pair of articles of one gold story:
               storyline estimates that Jaccard with MinHash (64 values, LSH 16 x 4) and marks a
               copy at an estimate of 0.7, so a marked pair under 0.7 and an unmarked one above it
               are the estimate's errors. "copies by text" counts the articles that have an
               earlier article of their story at exact Jaccard >= 0.7.

precision = marked copies that are syndicated or at exact Jaccard >= 0.7 with the article they
name, over all marked copies; "chain" also counts one at 0.7 with an earlier copy of the same
original (a copy of an edited copy names the first original). Without the data it prints a message and exits 0. Exit status: 0
ok, 1 a run failed, 2 no binary.
"""
import argparse, json, os, re, subprocess, sys, tempfile
from collections import defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

SHINGLE = 5
BAR = 0.7  # storyline's min_jaccard (src/cluster/duplicates.h)
WORD = re.compile(r"\w+")


def shingles(text):
    w = WORD.findall(text.lower())
    return {tuple(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)} or {tuple(w)}


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 0.0


def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(storyline, corpus, threads, timeout):
    articles = _jsonl(os.path.join(corpus, "articles.jsonl"))
    order = {a["id"]: i for i, a in enumerate(articles)}
    sh = {a["id"]: shingles(a["text"]) for a in articles}  # the body, as storyline shingles it
    gold = {g["id"]: g["label"] for g in _jsonl(os.path.join(corpus, "gold.jsonl"))}
    copies_path = os.path.join(corpus, "copies.jsonl")
    if not os.path.exists(copies_path):
        return {"error": f"{copies_path} missing (a corpus from before generator version 3)"}
    synd = {c["id"]: c["copy_of"] for c in _jsonl(copies_path)}

    with tempfile.TemporaryDirectory(prefix="sl-dups-") as work:
        out = os.path.join(work, "stories.json")
        cmd = [storyline, "cluster", "--quiet", "--no-briefs", "--threads", str(threads), "--output", out,
               os.path.join(corpus, "articles.jsonl")]
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        if p.returncode != 0:
            return {"error": f"storyline failed: {p.stderr.strip()[-500:]}"}
        stories = json.load(open(out, encoding="utf-8"))
    marked = {}
    for s in stories:
        for a in s["articles"]:
            if a.get("duplicate_of"):
                marked[a["id"]] = a["duplicate_of"]

    # Every pair of one gold story at exact Jaccard >= BAR: the later article is a copy by text.
    by_story = defaultdict(list)
    for i in sorted(gold, key=order.get):
        by_story[gold[i]].append(i)
    by_text = {}
    for members in by_story.values():
        for k, later in enumerate(members):
            best = max(((jaccard(sh[later], sh[m]), m) for m in members[:k]), default=(0.0, None))
            if best[0] >= BAR:
                by_text[later] = best

    def root(i):  # the first original of a chain of syndicated copies
        while i in synd:
            i = synd[i]
        return i

    found = [i for i in synd if i in marked]
    # Right: the article copied, the first original of its chain, or an earlier article with the
    # same text (the duplicate index names the first original it holds of a text).
    right = [i for i in found if marked[i] in (synd[i], root(synd[i])) or
             jaccard(sh[marked[i]], sh[synd[i]]) >= BAR]
    marked_j = {i: jaccard(sh[i], sh[o]) for i, o in marked.items()}
    true_marks = [i for i in marked if i in synd or marked_j[i] >= BAR]
    # A copy of a copy names the first original: it is right by text when it is at BAR with the
    # original or with an earlier copy of the same original (a chain of near-copies).
    group = defaultdict(list)
    for i in sorted(marked, key=order.get):
        group[marked[i]].append(i)
    chain_true = [i for i in marked if i in synd or marked_j[i] >= BAR or
                  any(jaccard(sh[i], sh[m]) >= BAR for m in group[marked[i]] if order[m] < order[i])]
    wrong_story = [i for i, o in marked.items() if gold.get(i) != gold.get(o)]
    synd_j = {i: jaccard(sh[i], sh[o]) for i, o in synd.items()}
    missed = sorted(i for i in synd if i not in marked)
    text_found = [i for i in by_text if i in marked]
    return {
        "articles": len(articles),
        "syndicated": len(synd),
        "syndicated_found": len(found),
        "syndicated_right_original": len(right),
        "syndicated_recall": len(found) / len(synd) if synd else None,
        "syndicated_under_bar": sum(1 for j in synd_j.values() if j < BAR),
        "missed": [{"id": i, "copy_of": synd[i], "jaccard": round(synd_j[i], 3)} for i in missed],
        "marked": len(marked),
        "marked_true": len(true_marks),
        "marked_other_story": len(wrong_story),
        "precision": len(true_marks) / len(marked) if marked else None,
        "marked_true_chain": len(chain_true),
        "precision_chain": len(chain_true) / len(marked) if marked else None,
        "marked_under_bar": sorted(round(j, 3) for i, j in marked_j.items() if i not in synd and j < BAR),
        "copies_by_text": len(by_text),
        "copies_by_text_found": len(text_found),
        "recall_by_text": len(text_found) / len(by_text) if by_text else None,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE)
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "storyline-bench"),
                    help="cache of generated corpora (shared with bench/corpus_bench.py)")
    ap.add_argument("--sizes", default="2000,20000")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.data):
        print(f"duplicates: {args.data} absent; nothing to measure")
        return 0
    if not os.path.exists(args.storyline):
        eprint(f"duplicates: no storyline binary at {args.storyline} (build first)")
        return 2
    results, status = {}, 0
    for n in (int(x) for x in args.sizes.split(",")):
        for seed in (int(x) for x in args.seeds.split(",")):
            corpus, _ = benchlib.ensure_corpus(n, seed, args.data, args.work)
            r = evaluate(args.storyline, corpus, args.threads, args.timeout)
            results[f"n{n}-s{seed}"] = r
            if "error" in r:
                eprint(f"duplicates: n={n} seed={seed}: {r['error']}")
                status = 1
    if args.json:
        print(json.dumps(results, indent=1))
        return status
    print(f"{'corpus':<12} {'synd':>5} {'found':>6} {'recall':>7} {'right':>6} {'marked':>7} {'true':>6} "
          f"{'prec':>6} {'chain':>6} {'by text':>8} {'found':>6} {'recall':>7}")
    for name, r in results.items():
        if "error" in r:
            print(f"{name:<12} error: {r['error']}")
            continue
        print(f"{name:<12} {r['syndicated']:>5} {r['syndicated_found']:>6} {r['syndicated_recall']:>7.3f} "
              f"{r['syndicated_right_original']:>6} {r['marked']:>7} {r['marked_true']:>6} {r['precision']:>6.3f} "
              f"{r['precision_chain']:>6.3f} "
              f"{r['copies_by_text']:>8} {r['copies_by_text_found']:>6} {r['recall_by_text']:>7.3f}")
    for name, r in results.items():
        if "error" in r:
            continue
        if r["missed"]:
            js = sorted(m["jaccard"] for m in r["missed"])
            print(f"{name}: {len(js)} syndicated copies not marked, exact Jaccard {js[0]:.2f}-{js[-1]:.2f} "
                  f"(median {js[len(js) // 2]:.2f}); {r['syndicated_under_bar']} of all {r['syndicated']} "
                  f"are under {BAR}")
        if r["marked_under_bar"]:
            print(f"{name}: {len(r['marked_under_bar'])} marked pairs neither syndicated nor at exact Jaccard "
                  f">= {BAR}: {r['marked_under_bar'][:10]}")
        if r["marked_other_story"]:
            print(f"{name}: {r['marked_other_story']} copies name an article of another gold story")
    return status


if __name__ == "__main__":
    sys.exit(main())
