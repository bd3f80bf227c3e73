#!/usr/bin/env python3
"""Headline quality of `storyline brief`: each WikinewsSum cluster's headline against the title
its Wikinews article was given, beside a lead baseline.

Usage (from the repo root):
    python3 eval/headlines.py                       # table
    python3 eval/headlines.py --json --keep /tmp/sl-head
    python3 eval/headlines.py --storyline /path/to/storyline

Every cluster of ../shared/data/wikinewssum-prototype/wikinewssum_en.jsonl (85 in the development
copy; link gaps in a summary do not matter to its title) becomes one JSONL file of its non-empty
sources, as eval/summaries.py writes them, in two forms:

    untitled   the sources without their titles (bare text, as the founding example comes): the
               headline must be written from the text;
    titled     the sources with their titles: the headline is the fittest source title.

`storyline brief` prints the story's brief, and its "headline" is scored against the cluster's
Wikinews title with ../shared/eval/rouge.py (Porter-stemmed ROUGE-1/2 recall and F1, no word cut),
averaged over clusters, x100. The lead baseline is the first 20 words of the first source's text
(its first line, as a reader sees it). A cluster storyline writes no brief for (no usable article)
scores 0 in storyline's rows. Needs python3-nltk (re-run under Debian's python3 when this
interpreter lacks it). Exit status: 0 ok or no data, 1 a run failed, 2 usage error.
"""
import argparse, json, os, shutil, statistics, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
import summaries  # noqa: E402
from benchlib import eprint  # noqa: E402

METRICS = summaries.METRICS
LEAD_WORDS = 20
# The rows of the table: (system, the per-cluster column holding its headline).
SYSTEMS = [("storyline untitled", "untitled"), (f"lead {LEAD_WORDS} words", "lead"),
           ("storyline titled", "titled")]


def clusters(path):
    """(name, articles, Wikinews title) for every cluster with a source."""
    for r in summaries._jsonl(path):
        title = (r.get("title") or "").strip()
        if not title:
            continue
        # Every cluster: the link-gap flag is about the summary only.
        arts = summaries.cluster_articles(r)
        if arts:
            yield str(r.get("cluster_id")), arts, title


def lead(arts):
    first = arts[0]["text"].strip().splitlines()[0] if arts[0]["text"].strip() else ""
    return " ".join(first.split()[:LEAD_WORDS])


def score_column(rouge, per_cluster, column):
    """Mean ROUGE x100 of one column's headlines against the titles, and their mean length."""
    if not per_cluster:
        return {}
    rows = [rouge.score(r[column], [r["title"]]) for r in per_cluster]
    return {**{k: round(statistics.mean(x[k] for x in rows) * 100, 2) for k in METRICS},
            "words": round(statistics.mean(len(r[column].split()) for r in per_cluster), 1)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", help="default DATA/wikinewssum-prototype/wikinewssum_en.jsonl")
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE)
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA)
    ap.add_argument("--eval-dir", help="default DATA/../eval")
    ap.add_argument("--python", help="interpreter with nltk (default: found)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", help="keep the cluster files and headlines here")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per storyline run")
    args = ap.parse_args()

    summaries.ensure_nltk(args.python)
    eval_dir = args.eval_dir or benchlib.default_eval_dir(args.data)
    path = args.file or os.path.join(args.data, "wikinewssum-prototype", "wikinewssum_en.jsonl")
    if not os.path.exists(path):
        print(f"headlines: no data at {path}; skipped")
        return 0
    if not os.path.exists(os.path.join(eval_dir, "rouge.py")):
        print(f"headlines: no {os.path.join(eval_dir, 'rouge.py')}; skipped")
        return 0
    rouge = summaries.load_rouge(eval_dir)
    if not os.access(args.storyline, os.X_OK):
        eprint(f"headlines: no storyline binary at {args.storyline} (build it, or --storyline)")
        return 2

    items = list(clusters(path))
    work = args.keep or tempfile.mkdtemp(prefix="sl-head-")
    os.makedirs(work, exist_ok=True)
    status = 0
    out = {"file": os.path.abspath(path), "clusters": len(items), "systems": {}, "per_cluster": []}
    try:
        for name, arts, title in items:
            row = {"cluster": name, "title": title, "lead": lead(arts)}
            for form in ("untitled", "titled"):
                f = os.path.join(work, f"cluster-{name}-{form}.jsonl")
                with open(f, "w", encoding="utf-8") as fh:
                    for a in arts:
                        fh.write(json.dumps({**a, "title": a["title"] if form == "titled" else ""},
                                            ensure_ascii=False) + "\n")
                try:
                    brief = summaries.run_brief(args.storyline, 100, [f], args.timeout)
                    headline = brief.get("headline") or ""
                except RuntimeError as e:
                    if "no usable article" not in str(e):
                        eprint(f"headlines: cluster {name}: {e}")
                        status = 1
                    headline = ""
                row[form] = headline
            out["per_cluster"].append(row)
        for system, column in SYSTEMS:
            out["systems"][system] = score_column(rouge, out["per_cluster"], column)
        if args.keep:
            with open(os.path.join(work, "headlines.json"), "w", encoding="utf-8") as fh:
                json.dump(out["per_cluster"], fh, ensure_ascii=False, indent=1)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return status
    print(f"headlines: {path}: {len(items)} clusters against their Wikinews titles (ROUGE x100, no cut)")
    print(f"{'system':<20} " + " ".join(f"{summaries.HEADERS[k]:>6}" for k in METRICS) + "  words")
    for name, s in out["systems"].items():
        print(f"{name:<20} " + " ".join(f"{s.get(k, 0):6.2f}" for k in METRICS) + f"  {s.get('words', 0):5.1f}")
    return status


if __name__ == "__main__":
    sys.exit(main())
