#!/usr/bin/env python3
"""Story-clustering quality of storyline on every labelled set, beside the scikit-learn baseline.

Usage (from the repo root):
    python3 eval/clustering.py                       # all sets, storyline + baseline, table
    python3 eval/clustering.py --sets galaxy_big,ecb_1_22 --no-baseline
    python3 eval/clustering.py --json > clustering.json
    python3 eval/clustering.py --storyline /path/to/storyline --keep /tmp/sl-eval

Sets (names for --sets):
    galaxy_big         galaxy-wikinews-events/wikinews_big.jsonl (label event_idx)
    galaxy_handpicked  galaxy-wikinews-events/handpicked.jsonl
    ecb_1_22           ecbplus/ecbplus_docs.jsonl rows with topic <= 22 (label subtopic)
    ecb_all            ecbplus/ecbplus_docs.jsonl, every row present
    wikiref220         wikiref/wikiref220.jsonl (label topic; is_noise docs are singletons)
    wikiref150, wikiref186  wikiref/wikiref150.jsonl, wikiref186.jsonl, the same way
    generated          bench/make_corpus.py corpus (--gen-n, default 2000, --gen-seed 1)
    sample             data/sample/articles.jsonl + data/sample/gold.jsonl of this repo

Any other file in one of these formats, such as a held-out part of a set: --file FORMAT:PATH
(repeatable; FORMAT galaxy, ecb or wikiref), scored under the name FORMAT:FILE-NAME, e.g.
    python3 eval/clustering.py --sets generated --file galaxy:/data/heldout/wikinews_test.jsonl

Articles and gold are built as ../shared/eval/make_gold.py builds them (mirrored here so
ECB+ can be filtered by topic): galaxy {"id": "<event_idx>-<article_idx>", title, text, url},
ECB+ {"id": doc_id, "title": "", text, url}, wikiref {"id", "title": "", text}. No date is
passed: galaxy's created_at is a scrape time, not a publication date.

Seeds check: for galaxy_big and ecb_1_22 the two files of ../shared/seeds are copied as plain
.txt articles (id = file name) and given to storyline beside the JSONL. PASS when both seeds
share one story and no other article joined it. Scores always exclude the seed ids.

The SemEval-2022 task 8 pairs, labelled pair by pair rather than as stories, are scored by
eval/pairs.py.

Metrics come from ../shared/eval/metrics.py (B-cubed P/R/F1, pair F1, ARI, NMI). The
baseline is `baseline_sklearn.py ARTICLES 0.85`, run with an interpreter that has sklearn.
Exit status: 0 when every run worked (or the data is absent), 1 if a run failed (or, with
--strict, a seeds check failed), 2 on usage errors such as a missing storyline binary.
"""
import argparse, json, os, shutil, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

ALL_SETS = ["galaxy_big", "galaxy_handpicked", "ecb_1_22", "ecb_all", "wikiref220", "wikiref150", "wikiref186",
            "generated", "sample"]
FILE_FORMATS = ("galaxy", "ecb", "wikiref")
SEEDED_SETS = {"galaxy_big", "ecb_1_22"}
METRIC_KEYS = ["bcubed_p", "bcubed_r", "bcubed_f1", "pair_f1", "ari", "nmi"]


# ------------------------------------------------------------------ building sets
def _write(outdir, rows):
    """rows: iterable of (article dict, label). Writes articles.jsonl + gold.jsonl."""
    os.makedirs(outdir, exist_ok=True)
    ap, gp = os.path.join(outdir, "articles.jsonl"), os.path.join(outdir, "gold.jsonl")
    n = 0
    with open(ap, "w", encoding="utf-8") as fa, open(gp, "w", encoding="utf-8") as fg:
        for a, label in rows:
            fa.write(json.dumps(a, ensure_ascii=False) + "\n")
            fg.write(json.dumps({"id": a["id"], "label": str(label)}) + "\n")
            n += 1
    return ap, gp, n


def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _galaxy(path):
    for r in _jsonl(path):
        rid = f'{r["event_idx"]}-{r["article_idx"]}'
        yield {"id": rid, "title": r.get("title") or "", "text": r["text"], "url": r.get("url")}, r["event_idx"]


def _ecb(path, max_topic=None):
    for r in _jsonl(path):
        if max_topic is not None and int(r["topic"]) > max_topic:
            continue
        yield {"id": r["doc_id"], "title": "", "text": r["text"], "url": r.get("url")}, r["subtopic"]


def _wikiref(path):
    for r in _jsonl(path):
        rid = str(r["id"])
        label = r["topic"] if not r.get("is_noise") else f"noise-{rid}"
        yield {"id": rid, "title": "", "text": r["text"]}, label


def build_set(name, args, work):
    """Return (articles, gold, n) or a string saying why the set is skipped."""
    d = args.data
    if name.split(":", 1)[0] in FILE_FORMATS:  # --file FORMAT:PATH
        fmt, src = name.split(":", 1)[0], args.files[name]
        if not os.path.exists(src):
            return f"{src} absent"
        out = os.path.join(work, fmt + "-" + os.path.basename(src))
        if fmt == "galaxy":
            return _write(out, _galaxy(src))
        return _write(out, _ecb(src, None) if fmt == "ecb" else _wikiref(src))
    out = os.path.join(work, name)
    if name in ("galaxy_big", "galaxy_handpicked"):
        fn = "wikinews_big.jsonl" if name == "galaxy_big" else "handpicked.jsonl"
        src = os.path.join(d, "galaxy-wikinews-events", fn)
        return _write(out, _galaxy(src)) if os.path.exists(src) else f"{src} absent"
    if name in ("ecb_1_22", "ecb_all"):
        src = os.path.join(d, "ecbplus", "ecbplus_docs.jsonl")
        if not os.path.exists(src):
            return f"{src} absent"
        return _write(out, _ecb(src, 22 if name == "ecb_1_22" else None))
    if name in ("wikiref220", "wikiref150", "wikiref186"):
        src = os.path.join(d, "wikiref", name + ".jsonl")
        return _write(out, _wikiref(src)) if os.path.exists(src) else f"{src} absent"
    if name == "generated":
        cdir, meta = benchlib.ensure_corpus(args.gen_n, args.gen_seed, d, work)
        return os.path.join(cdir, "articles.jsonl"), os.path.join(cdir, "gold.jsonl"), meta["n"]
    if name == "sample":
        ap = os.path.join(benchlib.REPO, "data", "sample", "articles.jsonl")
        gp = os.path.join(benchlib.REPO, "data", "sample", "gold.jsonl")
        if not (os.path.exists(ap) and os.path.exists(gp)):
            return "data/sample/articles.jsonl or gold.jsonl absent"
        return ap, gp, sum(1 for _ in _jsonl(gp))
    raise ValueError(name)


# ------------------------------------------------------------------ seeds
def seed_files(seeds_dir):
    if not os.path.isdir(seeds_dir):
        return []
    return sorted(os.path.join(seeds_dir, f) for f in os.listdir(seeds_dir) if f.endswith(".txt"))


def match_seed_ids(pred_ids, gold_ids, seeds):
    """Map each seed file name to the assignment id storyline gave it: the file name, its stem,
    or a path ending in it. Returns {file name: id or None}."""
    extra = [i for i in pred_ids if i not in gold_ids]
    out = {}
    for path in seeds:
        name = os.path.basename(path)
        stem = os.path.splitext(name)[0]
        hit = None
        for i in extra:
            base = i.replace("\\", "/").rsplit("/", 1)[-1]
            if base in (name, stem) or i == os.path.abspath(path):
                hit = i
                break
        out[name] = hit
    return out


def seeds_verdict(pred, gold_ids, seeds):
    ids = match_seed_ids(list(pred), gold_ids, seeds)
    res = {"seed_ids": ids, "pass": False}
    if any(v is None for v in ids.values()):
        unknown = [i for i in pred if i not in gold_ids][:5]
        res["why"] = f"seed id(s) not found in assignments (ids not in gold: {unknown})"
        return res
    stories = {pred[i] for i in ids.values()}
    res["same_story"] = len(stories) == 1
    if not res["same_story"]:
        res["why"] = "the seeds are in different stories"
        return res
    story = stories.pop()
    others = [i for i, s in pred.items() if s == story and i not in ids.values()]
    res["others_joined"] = len(others)
    res["others_example"] = others[:5]
    res["pass"] = not others
    res["why"] = "both seeds alone in one story" if not others else f"{len(others)} other article(s) joined"
    return res


# ------------------------------------------------------------------ runs
def score(metrics, gold, pred, row):
    """Scores over the gold ids only (seeds and any other extra id excluded); gold ids missing
    from the assignments count as singletons and are reported in row["missing"]."""
    sub, missing = benchlib.complete_pred(gold, pred)
    if missing:
        row["missing"] = len(missing)
        row["missing_example"] = missing[:3]
        eprint(f"[{row['set']}] {row['system']}: {len(missing)} gold ids missing from the assignments "
               f"(scored as singletons), e.g. {missing[:3]}")
    return metrics.report(gold, sub), None


def run_storyline(args, name, articles, extra_inputs, work):
    out = os.path.join(work, name, "storyline")
    os.makedirs(out, exist_ok=True)
    pred_path = os.path.join(out, "assignments.jsonl")
    cmd = [args.storyline, "cluster", "--output", os.path.join(out, "stories.json"),
           "--assignments", pred_path, "--quiet"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    cmd += [articles] + extra_inputs
    try:
        res = benchlib.run_measured(cmd, timeout=args.timeout, stdout_path=os.path.join(out, "stdout.txt"))
    except OSError as e:
        return None, None, f"cannot run {args.storyline}: {e}"
    with open(os.path.join(out, "stderr.txt"), "w") as f:
        f.write(res["stderr"])
    if res["rc"] != 0 or not os.path.exists(pred_path):
        tail = res["stderr"].strip().splitlines()[-5:]
        why = "timed out" if res["timed_out"] else f"exit status {res['rc']}"
        return None, res, f"storyline {why}: " + " | ".join(tail)
    return benchlib.read_ids_labels(pred_path), res, None


def run_baseline(args, name, articles, work):
    out = os.path.join(work, name, "baseline")
    os.makedirs(out, exist_ok=True)
    pred_path = os.path.join(out, "assignments.jsonl")
    script = os.path.join(args.eval_dir, "baseline_sklearn.py")
    res = benchlib.run_measured([args.python, script, articles, str(args.threshold)],
                                timeout=args.timeout, stdout_path=pred_path)
    if res["rc"] != 0:
        return None, res, "baseline failed: " + " | ".join(res["stderr"].strip().splitlines()[-3:])
    return benchlib.read_ids_labels(pred_path), res, None


def explain(gold, pred, articles, n):
    """Where the B-cubed loss of one run comes from. Each article loses 1 - precision (the share
    of its predicted story from other gold stories) and 1 - recall (the share of its gold story
    elsewhere); summed over a predicted story, the first is that story's over-merge cost, summed
    over a gold story the second its split cost (both as shares of B-cubed P or R, i.e. / n).
    Returns the `n` costliest of each, with their parts and a headline per part."""
    heads = {}
    for r in _jsonl(articles):
        heads[str(r["id"])] = " ".join(((r.get("title") or "") or r.get("text", "")[:90]).split())[:90]
    sub, _ = benchlib.complete_pred(gold, pred)
    by_pred, by_gold = {}, {}
    for i, g in gold.items():
        by_pred.setdefault(sub[i], []).append(i)
        by_gold.setdefault(g, []).append(i)
    total = len(gold)

    def costs(groups, other):
        out = []
        for key, members in groups.items():
            parts = {}
            for i in members:
                parts.setdefault(other[i], []).append(i)
            if len(parts) < 2:
                continue
            loss = sum(len(members) - len(parts[other[i]]) for i in members) / len(members) / total
            out.append({"story": key, "loss": round(loss, 4), "parts": [
                {"label": lab, "n": len(ids), "example": heads.get(ids[0], ids[0])}
                for lab, ids in sorted(parts.items(), key=lambda kv: -len(kv[1]))]})
        out.sort(key=lambda x: -x["loss"])
        return out

    merges, splits = costs(by_pred, gold), costs(by_gold, sub)
    return {"precision_loss": round(sum(x["loss"] for x in merges), 4),
            "recall_loss": round(sum(x["loss"] for x in splits), 4),
            "over_merges": merges[:n], "splits": splits[:n]}


def fmt_explain(name, ex):
    lines = [f"[{name}] B-cubed loss: precision {ex['precision_loss']:.3f} in over-merged stories, "
             f"recall {ex['recall_loss']:.3f} in split gold stories"]
    for kind, what in (("over_merges", "predicted story {story} mixes gold stories"),
                       ("splits", "gold story {story} is split into predicted stories")):
        for x in ex[kind]:
            lines.append(f"  -{x['loss']:.4f} " + what.format(story=x["story"]))
            for part in x["parts"]:
                lines.append(f"      {part['n']:>3} x {part['label']}: {part['example']}")
    return "\n".join(lines)


# ------------------------------------------------------------------ output
# B-cubed F1 that issue 2 asks of storyline, one configuration for all sets.
TARGETS = {"galaxy_big": 0.85, "ecb_1_22": 0.93, "generated": 0.98}


def target_note(r):
    t = TARGETS.get(r["set"])
    if t is None or r["system"] != "storyline":
        return ""
    return f"  target {t:.2f}: {'met' if r['metrics']['bcubed_f1'] >= t else 'not met'}"


def fmt_table(rows, seeds):
    head = f"{'set':<18} {'system':<16} {'n':>5} {'gold_k':>6} {'pred_k':>6} " \
           f"{'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pairF1':>6} {'ARI':>6} {'NMI':>6} {'secs':>7}"
    lines = [head, "-" * len(head)]
    last = None
    for r in rows:
        s = r["set"] if r["set"] != last else ""
        last = r["set"]
        if r.get("error"):
            lines.append(f"{s:<18} {r['system']:<16} {'':>5} ERROR: {r['error']}")
            continue
        m = r["metrics"]
        lines.append(f"{s:<18} {r['system']:<16} {m['n']:>5} {m['gold_k']:>6} {m['pred_k']:>6} "
                     + " ".join(f"{m[k]:>6.3f}" for k in METRIC_KEYS) + f" {r['seconds']:>7.2f}"
                     + target_note(r))
    for r in rows:
        if r.get("missing"):
            lines.append(f"note: {r['system']} on {r['set']} left {r['missing']} article(s) out of the assignments "
                         f"(scored as singletons), e.g. {r['missing_example']}")
    if seeds:
        lines.append("")
        for s in seeds:
            v = s["verdict"]
            lines.append(f"seeds mixed into {s['set']:<12} {'PASS' if v['pass'] else 'FAIL'}: {v['why']}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="storyline binary (default build/storyline)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA, help="shared data dir (default <repo>/../shared/data)")
    ap.add_argument("--eval-dir", default=None, help="dir of metrics.py and baseline_sklearn.py (default DATA/../eval)")
    ap.add_argument("--seeds", default=None, help="seed .txt files dir (default DATA/../seeds)")
    ap.add_argument("--sets", default=",".join(ALL_SETS), help="comma-separated subset of: " + ",".join(ALL_SETS))
    ap.add_argument("--file", action="append", default=[], metavar="FORMAT:PATH",
                    help="also score this file, FORMAT one of galaxy, ecb, wikiref (repeatable)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the scikit-learn baseline")
    ap.add_argument("--no-storyline", action="store_true", help="baseline only")
    ap.add_argument("--no-seeds", action="store_true", help="do not mix the seed files into any run")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    ap.add_argument("--keep", metavar="DIR", help="write the generated sets and outputs to DIR and keep them")
    ap.add_argument("--threads", type=int, default=None, help="pass --threads N to storyline")
    ap.add_argument("--threshold", type=float, default=0.85, help="baseline distance threshold (0.85)")
    ap.add_argument("--python", default=None, help="interpreter for the baseline (default: one with sklearn)")
    ap.add_argument("--gen-n", type=int, default=2000, help="size of the generated set (2000)")
    ap.add_argument("--gen-seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a seeds check FAILs")
    ap.add_argument("--explain", type=int, default=0, metavar="N",
                    help="per set, the N costliest over-merged and split stories of storyline (stderr; "
                         "in the JSON as 'explain')")
    args = ap.parse_args()

    if not os.path.isdir(args.data):
        print(f"clustering.py: data directory {args.data} not found; nothing to evaluate (skipped)")
        return 0
    args.eval_dir = args.eval_dir or benchlib.default_eval_dir(args.data)
    args.seeds = args.seeds or os.path.join(os.path.dirname(os.path.abspath(args.data)), "seeds")
    metrics = benchlib.load_metrics(args.eval_dir)
    if metrics is None:
        print(f"clustering.py: {args.eval_dir}/metrics.py not found; skipped")
        return 0
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    bad = [s for s in sets if s not in ALL_SETS]
    if bad:
        ap.error(f"unknown set(s) {bad}; known: {ALL_SETS}")
    args.files = {}
    for f in args.file:
        fmt, _, path = f.partition(":")
        if fmt not in FILE_FORMATS or not path:
            ap.error(f"--file {f!r}: expected FORMAT:PATH with FORMAT one of {', '.join(FILE_FORMATS)}")
        name = f"{fmt}:{os.path.basename(path)}"
        args.files[name] = os.path.abspath(path)
        sets.append(name)
    do_story = not args.no_storyline
    if do_story:
        args.storyline = os.path.abspath(args.storyline)
        if not (os.path.isfile(args.storyline) and os.access(args.storyline, os.X_OK)):
            eprint(f"clustering.py: storyline binary {args.storyline} not found or not executable; "
                   f"build it (cmake --build build) or pass --storyline PATH (or --no-storyline)")
            return 2
    do_base = not args.no_baseline
    if do_base:
        args.python = benchlib.find_sklearn_python(args.python)
        if not args.python:
            eprint("clustering.py: no interpreter with scikit-learn found (try --python /usr/bin/python3); "
                   "baseline skipped")
            do_base = False
    seeds = [] if args.no_seeds else seed_files(args.seeds)
    if not args.no_seeds and len(seeds) != 2:
        eprint(f"clustering.py: expected 2 seed .txt files in {args.seeds}, found {len(seeds)}; seeds check skipped")
        seeds = []

    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="storyline-eval-")
    os.makedirs(work, exist_ok=True)
    rows, seed_rows, skipped, failed = [], [], [], False
    try:
        for name in sets:
            built = build_set(name, args, work)
            if isinstance(built, str):
                eprint(f"[{name}] skipped: {built}")
                skipped.append({"set": name, "why": built})
                continue
            articles, gold_path, n = built
            gold = benchlib.read_ids_labels(gold_path, keys=("label", "story", "event_idx", "subtopic", "topic"))
            eprint(f"[{name}] {n} articles, {len(set(gold.values()))} gold stories")
            if do_story:
                extra = []
                if name in SEEDED_SETS and seeds:
                    sdir = os.path.join(work, name, "seeds")
                    os.makedirs(sdir, exist_ok=True)
                    for s in seeds:
                        shutil.copy(s, os.path.join(sdir, os.path.basename(s)))
                    extra = [os.path.join(sdir, os.path.basename(s)) for s in seeds]
                pred, res, err = run_storyline(args, name, articles, extra, work)
                row = {"set": name, "system": "storyline", "seconds": res["wall_s"] if res else None,
                       "maxrss_mb": res["maxrss_mb"] if res else None, "seeds_mixed_in": bool(extra)}
                if err is None:
                    row["metrics"], err = score(metrics, gold, pred, row)
                    if args.explain > 0:
                        row["explain"] = explain(gold, pred, articles, args.explain)
                        eprint(fmt_explain(name, row["explain"]))
                    if extra:
                        v = seeds_verdict(pred, set(gold), extra)
                        seed_rows.append({"set": name, "verdict": v})
                if err:
                    row["error"] = err
                    failed = True
                    eprint(f"[{name}] storyline: {err}")
                rows.append(row)
            if do_base:
                pred, res, err = run_baseline(args, name, articles, work)
                row = {"set": name, "system": f"sklearn@{args.threshold:g}", "seconds": res["wall_s"],
                       "maxrss_mb": res["maxrss_mb"]}
                if err is None:
                    row["metrics"], err = score(metrics, gold, pred, row)
                if err:
                    row["error"] = err
                    failed = True
                    eprint(f"[{name}] baseline: {err}")
                rows.append(row)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps({"machine": benchlib.machine_info(), "storyline": args.storyline if do_story else None,
                          "baseline_python": args.python if do_base else None, "rows": rows,
                          "seeds": seed_rows, "skipped": skipped, "targets_bcubed_f1": TARGETS,
                          "work": work if args.keep else None}, indent=1))
    else:
        print(fmt_table(rows, seed_rows))
        if skipped:
            print("skipped: " + "; ".join(f"{s['set']} ({s['why']})" for s in skipped))
        if args.keep:
            print(f"files kept in {work}")
    if args.strict and any(not s["verdict"]["pass"] for s in seed_rows):
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
