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
scores 0 in storyline's rows.

A second table scores headlines written from text on many more stories: the generated corpus
(bench/make_corpus.py, --gen-n articles of seed 1; 0 skips it) read without its titles by
`storyline cluster`. Each story's references are the real headlines its articles carried in the
corpus: the source titles of galaxy and WikinewsSum events, without the generator's "UPDATE 1-"
prefixes, and not the titles it made from an article's own first sentence (a title the text opens
with); a story with none is left out (all ECB+ events: their sources have no titles). Its
headline is scored against the reference it matches best, per measure; the lead baseline is the
first 20 words of the story's first article.

Needs python3-nltk (re-run under Debian's python3 when this interpreter lacks it). Exit status: 0
ok or no data, 1 a run failed, 2 usage error.
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile

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
GENERATED_SYSTEMS = [("storyline untitled", "untitled"), (f"lead {LEAD_WORDS} words", "lead")]


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


UPDATE_PREFIXES = ("UPDATE 1-", "UPDATED: ")


def real_title(article):
    """The headline an article of the generated corpus carried, or "" when the generator made it
    from the article's own first sentence (shortened, "..."-ended or not)."""
    t = (article.get("title") or "").strip()
    for p in UPDATE_PREFIXES:
        if t.startswith(p):
            t = t[len(p):]
    stem = t.rstrip(".\u2026").strip()
    text = " ".join((article.get("text") or "").split())
    if not stem or " ".join(stem.split()) in text[:len(stem) + 200]:
        return ""
    return t


def generated_stories(args, work):
    """Per-story rows (headline, lead, references) for the generated corpus read untitled."""
    corpus, _ = benchlib.ensure_corpus(args.gen_n, 1, args.data, work)
    arts = list(summaries._jsonl(os.path.join(corpus, "articles.jsonl")))
    by_id = {a["id"]: a for a in arts}
    untitled = os.path.join(work, "untitled.jsonl")
    with open(untitled, "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({**a, "title": ""}, ensure_ascii=False) + "\n")
    stories_path = os.path.join(work, "stories.json")
    p = subprocess.run([args.storyline, "cluster", "-q", "-o", stories_path, untitled],
                       capture_output=True, text=True, timeout=args.timeout * 10)
    if p.returncode != 0:
        raise RuntimeError(f"storyline cluster failed: {p.stderr.strip()[-800:]}")
    with open(stories_path, encoding="utf-8") as fh:
        doc = json.load(fh)
    rows = []
    for story in doc["stories"] if isinstance(doc, dict) else doc:
        members = [by_id[a["id"]] for a in story.get("articles", []) if a["id"] in by_id]
        refs = sorted({t for t in (real_title(a) for a in members) if t})
        if not refs or not members:
            continue
        rows.append({"story": story.get("id"), "refs": refs, "untitled": story.get("headline") or "",
                     "lead": " ".join(members[0]["text"].split()[:LEAD_WORDS])})
    return rows


def score(rouge, rows, column, refs):
    """Mean over rows of each measure of the column's headline against the row's best-matching
    reference (refs(row) lists them), x100, and the headlines' mean length in words."""
    if not rows:
        return {}
    best = []
    for r in rows:
        scores = [rouge.score(r[column], [ref]) for ref in refs(r)]
        best.append({k: max(x[k] for x in scores) for k in METRICS})
    return {**summaries.mean_x100(best),
            "words": round(statistics.mean(len(r[column].split()) for r in rows), 1)}


def print_table(systems):
    print(f"{'system':<20} " + " ".join(f"{summaries.HEADERS[k]:>6}" for k in METRICS) + "  words")
    for name, s in systems.items():
        print(f"{name:<20} " + " ".join(f"{s.get(k, 0):6.2f}" for k in METRICS) + f"  {s.get('words', 0):5.1f}")


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
    ap.add_argument("--gen-n", type=int, default=2000,
                    help="articles of the generated corpus for the second table (0: skip it)")
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
            out["systems"][system] = score(rouge, out["per_cluster"], column, lambda r: [r["title"]])
        if args.keep:
            with open(os.path.join(work, "headlines.json"), "w", encoding="utf-8") as fh:
                json.dump(out["per_cluster"], fh, ensure_ascii=False, indent=1)
        if args.gen_n > 0:
            gen_work = os.path.join(work, "generated")
            os.makedirs(gen_work, exist_ok=True)
            try:
                rows = generated_stories(args, gen_work)
                out["generated"] = {"articles": args.gen_n, "stories": len(rows), "systems": {
                    name: score(rouge, rows, column, lambda r: r["refs"])
                    for name, column in GENERATED_SYSTEMS}}
                if args.keep:
                    with open(os.path.join(gen_work, "headlines.json"), "w", encoding="utf-8") as fh:
                        json.dump(rows, fh, ensure_ascii=False, indent=1)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                eprint(f"headlines: generated corpus: {e}")
                status = 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return status
    print(f"headlines: {path}: {len(items)} clusters against their Wikinews titles (ROUGE x100, no cut)")
    print_table(out["systems"])
    if "generated" in out:
        g = out["generated"]
        print(f"\nheadlines: generated corpus of {g['articles']} articles read untitled: {g['stories']} "
              "stories against the best-matching real headline of their articles")
        print_table(g["systems"])
    return status


if __name__ == "__main__":
    sys.exit(main())
