#!/usr/bin/env python3
"""Summary quality of `storyline brief` (ROUGE-1/2 at a word budget), beside Lead, centroid and
LexRank, and the founding example's brief checked line by line.

Usage (from the repo root):
    python3 eval/summaries.py                          # wikinewssum, 100 words, table
    python3 eval/summaries.py --gaps                   # the 33 clusters with link gaps (a check)
    python3 eval/summaries.py --words 250 --json > summaries.json
    python3 eval/summaries.py --kind duc HELD_OUT.jsonl   # {"docs": [{"text"}], "references": [...]}
    python3 eval/summaries.py --storyline /path/to/storyline --keep /tmp/sl-summ

wikinews (default): the clusters of ../shared/data/wikinewssum-prototype/wikinewssum_en.jsonl
with summary_has_link_gaps == false (52 in the development copy). Each cluster's non-empty
sources[].text become one JSONL file, one {"id", "title", "text", "source": host of the url,
"url"} line per source, and `storyline brief --words N FILE` prints one story as a JSON object
(the shape of an element of `storyline cluster`'s stories array). Its "summary" sentences are
joined with spaces and scored against the cluster's Wikinews summary with
../shared/eval/rouge.py (`rouge.score(text, [reference], N)`: Porter-stemmed ROUGE-1/2 recall and
F1, the summary cut to N words), averaged over clusters and shown x100 as
../shared/eval/baseline_summ.py shows them. That script runs on the same FILE for the Lead and
centroid rows, and eval/baseline_lexrank.py (the same sentences, budget and ROUGE) for LexRank.

duc: one cluster a line, {"docs": [{"text": ...}, ...], "references": [str or {"text": ...}]}
(baseline_summ.py's duc format); a doc's optional "title", "url", "source" and "id" are passed on.
Scored against every reference of the line.

Seeds check: ../shared/seeds/*.txt (one story, Asia Times 000 and Bloomberg 004, bare text) go
through `storyline brief` and the brief is checked: the quote "I like him, he likes me, the
relationship is good" with a speaker containing Trump and both articles as its outlets; entities
with Trump, Kim Jong Un and exactly one Pompeo entity; only_in with Geneva or Stockholm and
Biegun for 004, Yongbyon and Lankov for 000; no caption ("Image: iStock"), heading ("Campaign
Rally") or copyright ("All rights reserved") text anywhere in the brief.

ROUGE needs python3-nltk and the baseline python3-sklearn: when this interpreter lacks nltk the
script re-runs itself under one that has it (Debian's /usr/bin/python3; --python). Without the
data it prints a message and exits 0. Exit status: 0 ok, 1 a run failed (or, with --strict, a
seeds check failed), 2 usage error (e.g. no storyline binary).
"""
import argparse, ast, glob, json, os, shutil, statistics, subprocess, sys, tempfile, time
from urllib.parse import urlsplit

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

METRICS = ["r1_recall", "r1_f1", "r2_recall", "r2_f1"]
HEADERS = {"r1_recall": "R1-R", "r1_f1": "R1-F1", "r2_recall": "R2-R", "r2_f1": "R2-F1"}
QUOTE = "I like him, he likes me, the relationship is good"
FURNITURE = ["Image: iStock", "Campaign Rally", "All rights reserved"]
REEXEC_MARK = "STORYLINE_SUMMARIES_REEXEC"


# ------------------------------------------------------------------ interpreter
def python_with(modules, preferred=None):
    """An interpreter that can import `modules`: --python if given, else this one, else Debian's
    /usr/bin/python3 (the candidates of benchlib.find_sklearn_python)."""
    cands = [preferred] if preferred else [sys.executable, "/usr/bin/python3", shutil.which("python3")]
    for c in cands:
        if not c:
            continue
        try:
            if subprocess.run([c, "-c", "import " + ", ".join(modules)], capture_output=True,
                              timeout=120).returncode == 0:
                return c
        except (OSError, subprocess.TimeoutExpired):
            pass
    return None


def ensure_nltk(preferred):
    """Re-runs this script under an interpreter with nltk when this one has none (once)."""
    try:
        import nltk  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get(REEXEC_MARK):
        return
    py = python_with(["nltk"], preferred)
    if py and os.path.realpath(py) != os.path.realpath(sys.executable):
        os.environ[REEXEC_MARK] = "1"
        os.execv(py, [py, os.path.abspath(sys.argv[0])] + sys.argv[1:])  # the script run


def load_rouge(eval_dir):
    sys.path.insert(0, eval_dir)
    import rouge
    return rouge


# ------------------------------------------------------------------ clusters
def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def wikinews_clusters(path, gaps=False):
    """(name, articles, references) for each usable cluster; with `gaps`, for each cluster whose
    summary has link gaps instead (those the development measure leaves out)."""
    for r in _jsonl(path):
        if bool(r.get("summary_has_link_gaps")) != gaps:
            continue
        arts = cluster_articles(r)
        if arts:
            yield str(r.get("cluster_id")), arts, [r["summary"]]


def cluster_articles(r):
    """A wikinewssum cluster's non-empty sources as storyline JSONL articles."""
    cid = r.get("cluster_id")
    arts = []
    for i, s in enumerate(r.get("sources") or []):
        text = s.get("text") or ""
        if not text.strip():
            continue
        url = s.get("url") or ""
        arts.append({"id": f"{cid}-{i}", "title": s.get("title") or "", "text": text,
                     "source": urlsplit(url).hostname or "", "url": url})
    return arts


def duc_clusters(path):
    for k, r in enumerate(_jsonl(path)):
        arts = []
        for i, d in enumerate(r.get("docs") or []):
            text = d.get("text") or ""
            if not text.strip():
                continue
            arts.append({"id": str(d.get("id") or f"{k}-{i}"), "title": d.get("title") or "",
                         "text": text, "source": d.get("source") or "", "url": d.get("url") or ""})
        refs = [x["text"] if isinstance(x, dict) else x for x in r.get("references") or []]
        refs = [x for x in refs if x and x.strip()]
        if arts and refs:
            yield str(r.get("id", k)), arts, refs


# ------------------------------------------------------------------ storyline brief
def run_brief(storyline, words, paths, timeout):
    """The brief as a dict, or raises RuntimeError with storyline's own words."""
    cmd = [storyline, "brief", "--words", str(words)] + list(paths)
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"timed out after {timeout} s: {' '.join(cmd)}")
    if p.returncode != 0:
        raise RuntimeError(f"exit {p.returncode}: {' '.join(cmd)}\n{p.stderr.strip()[-1500:]}")
    try:
        brief = json.loads(p.stdout)
    except ValueError as e:
        raise RuntimeError(f"not JSON ({e}): {' '.join(cmd)}\n{p.stdout[:300]}")
    if not isinstance(brief, dict):
        raise RuntimeError(f"not one JSON object: {' '.join(cmd)}")
    return brief


def summary_text(brief):
    s = brief.get("summary") or []
    return " ".join(s) if isinstance(s, list) else str(s)


def score_storyline(args, rouge, clusters, work):
    rows, failures = [], []
    t0 = time.time()
    for name, arts, refs in clusters:
        path = os.path.join(work, f"cluster-{name}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        try:
            brief = run_brief(args.storyline, args.words, [path], args.timeout)
        except RuntimeError as e:
            # Scored as an empty summary, so every system is averaged over the
            # same clusters (a cluster whose only source is an error page has no
            # usable article: storyline says so and writes no brief).
            failures.append({"cluster": name, "error": str(e), "no_article": "no usable article" in str(e)})
            if len(failures) == 1 and args.json:
                eprint(f"storyline brief failed on cluster {name}: {e}")
            rows.append({"cluster": name, "words": 0, **rouge.score("", refs, args.words)})
            continue
        if args.keep:
            with open(os.path.join(work, f"brief-{name}.json"), "w", encoding="utf-8") as f:
                json.dump(brief, f, ensure_ascii=False, indent=1)
        text = summary_text(brief)
        r = rouge.score(text, refs, args.words)
        rows.append({"cluster": name, "words": len(text.split()), **r})
    secs = time.time() - t0
    return rows, failures, secs


BASELINES = ("lead", "centroid", "lexrank")  # the anchor rows, in the order printed


def mean_x100(rows):
    return {k: round(statistics.mean(r[k] for r in rows) * 100, 2) for k in METRICS} if rows else None


# ------------------------------------------------------------------ baseline
def run_baseline(args, eval_dir, path, kind):
    """{"lead": {"n", scores...}, "centroid": {...}, "lexrank": {...}, "secs"} from
    baseline_summ.py and this folder's baseline_lexrank.py, or {"error": ...}."""
    script = os.path.join(eval_dir, "baseline_summ.py")
    if not os.path.exists(script):
        return {"error": f"no {script}"}
    py = python_with(["sklearn", "numpy", "nltk"], args.python)
    if not py:
        return {"error": "no interpreter with sklearn, numpy and nltk (apt-get install python3-sklearn "
                         "python3-nltk, or --python)"}
    lexrank = os.path.join(os.path.dirname(os.path.abspath(__file__)), "baseline_lexrank.py")
    out = {}
    t0 = time.time()
    for command in ([py, script, kind, path, str(args.words)],
                    [py, lexrank, kind, path, str(args.words), eval_dir]):
        try:
            p = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout * 20)
        except subprocess.TimeoutExpired:
            return {"error": f"{os.path.basename(command[1])} timed out"}
        if p.returncode != 0:
            return {"error": f"{os.path.basename(command[1])} failed: {p.stderr.strip()[-800:]}"}
        for line in p.stdout.splitlines():
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[0] in BASELINES:
                out[parts[0]] = {"n": int(parts[1]), **ast.literal_eval(parts[2])}
    out["secs"] = round(time.time() - t0, 2)
    return out


# ------------------------------------------------------------------ seeds
def seeds_check(args, seeds_dir):
    files = sorted(glob.glob(os.path.join(seeds_dir, "*.txt")))
    if len(files) < 2:
        return {"skipped": f"no seed files in {seeds_dir}"}
    try:
        brief = run_brief(args.storyline, args.words, files, args.timeout)
    except RuntimeError as e:
        return {"error": str(e)}
    stems = {os.path.basename(f)[:3]: os.path.splitext(os.path.basename(f))[0] for f in files}
    bloomberg, asia = stems.get("004"), stems.get("000")
    # An outlet is named by the name its text gives itself (the seeds README's), else by its file.
    own_names = {asia: "Asia Times", bloomberg: "Bloomberg"}

    def is_outlet(name, stem):
        return bool(stem) and (stem in str(name) or own_names[stem] in str(name))

    def norm(s):
        return " ".join(str(s).replace("\u2019", "'").replace("\u201c", "").replace("\u201d", "").split()).lower()

    checks = []
    quotes = brief.get("quotes") or []
    want = norm(QUOTE)
    hit = [q for q in quotes if want in norm(q.get("text", ""))]
    good = [q for q in hit if "Trump" in (q.get("speaker") or "")
            and all(any(is_outlet(o, s) for o in q.get("outlets") or []) for s in (asia, bloomberg))]
    checks.append(("quote", bool(good),
                   "found with speaker and both outlets" if good else
                   (f"found as {hit[0]}" if hit else f"not among {len(quotes)} quotes")))

    names = [e.get("name", "") for e in brief.get("entities") or []]
    pompeo = [n for n in names if "Pompeo" in n]
    missing = [w for w in ("Trump", "Kim Jong Un") if not any(w in n for n in names)]
    ok = not missing and len(pompeo) == 1
    checks.append(("entities", ok, "Trump, Kim Jong Un, one Pompeo" if ok else
                   f"missing {missing}" if missing else f"Pompeo entities: {pompeo}"))

    only_in = brief.get("only_in") or {}
    if isinstance(only_in, list):  # tolerate [{"outlet", "sentences"}]
        only_in = {x.get("outlet", ""): x.get("sentences", []) for x in only_in}

    def only_text(stem):
        return " ".join(" ".join(v) for k, v in only_in.items() if is_outlet(k, stem))

    b, a = only_text(bloomberg), only_text(asia)
    ok_b = ("Geneva" in b or "Stockholm" in b) and "Biegun" in b
    ok_a = "Yongbyon" in a and "Lankov" in a
    checks.append(("only_in 004 (Bloomberg): Geneva|Stockholm + Biegun", ok_b,
                   "ok" if ok_b else f"has: {b[:160]!r}"))
    checks.append(("only_in 000 (Asia Times): Yongbyon + Lankov", ok_a, "ok" if ok_a else f"has: {a[:160]!r}"))

    dump = json.dumps(brief, ensure_ascii=False)
    found = [f for f in FURNITURE if f in dump]
    checks.append(("no caption/heading/copyright", not found, "none" if not found else f"found {found}"))
    return {"checks": [{"name": n, "pass": p, "detail": d} for n, p, d in checks],
            "pass": all(p for _, p, _ in checks), "brief": brief}


# ------------------------------------------------------------------ main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", nargs="?", help="clusters (default for wikinews: DATA/wikinewssum-prototype/"
                                            "wikinewssum_en.jsonl; required for duc)")
    ap.add_argument("--kind", choices=["wikinews", "duc"], default="wikinews")
    ap.add_argument("--gaps", action="store_true",
                    help="wikinews: score the clusters whose summary has link gaps instead (33 in the "
                         "development copy): not the development measure, a check on clusters no "
                         "setting was chosen on")
    ap.add_argument("--words", type=int, default=100, help="word budget and ROUGE cut (100)")
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE)
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA)
    ap.add_argument("--eval-dir", help="default DATA/../eval")
    ap.add_argument("--seeds", help="default DATA/../seeds")
    ap.add_argument("--python", help="interpreter with nltk and sklearn (default: found)")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--no-seeds", action="store_true")
    ap.add_argument("--no-storyline", action="store_true", help="baseline only")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", help="keep the cluster files and briefs here")
    ap.add_argument("--timeout", type=int, default=120, help="seconds per storyline run")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a seeds check fails")
    args = ap.parse_args()
    if args.words <= 0:
        ap.error("--words must be positive")

    ensure_nltk(args.python)
    eval_dir = args.eval_dir or benchlib.default_eval_dir(args.data)
    seeds_dir = args.seeds or os.path.join(os.path.dirname(os.path.abspath(args.data)), "seeds")
    path = args.file or (os.path.join(args.data, "wikinewssum-prototype", "wikinewssum_en.jsonl")
                         if args.kind == "wikinews" else None)
    if not path:
        ap.error("--kind duc needs FILE")
    if not os.path.exists(path):
        print(f"summaries: no data at {path}; skipped")
        return 0
    if not os.path.exists(os.path.join(eval_dir, "rouge.py")):
        print(f"summaries: no {os.path.join(eval_dir, 'rouge.py')}; skipped")
        return 0
    try:
        rouge = load_rouge(eval_dir)
    except ImportError as e:
        eprint(f"summaries: cannot load rouge.py ({e}); needs python3-nltk (apt-get install python3-nltk) "
               f"or --python")
        return 2
    if not args.no_storyline and not os.access(args.storyline, os.X_OK):
        eprint(f"summaries: no storyline binary at {args.storyline} (build it, or --storyline)")
        return 2

    if args.gaps and args.kind != "wikinews":
        ap.error("--gaps is for --kind wikinews")
    clusters = list(wikinews_clusters(path, args.gaps) if args.kind == "wikinews" else duc_clusters(path))
    result = {"file": os.path.abspath(path), "kind": args.kind, "words": args.words, "clusters": len(clusters),
              "systems": {}}
    status = 0
    work = args.keep or tempfile.mkdtemp(prefix="sl-summ-")
    os.makedirs(work, exist_ok=True)
    try:
        if not args.no_storyline:
            rows, failures, secs = score_storyline(args, rouge, clusters, work)
            result["systems"]["storyline"] = {"n": len(rows), **(mean_x100(rows) or {}), "secs": round(secs, 2),
                                              "failed": len(failures)}
            result["per_cluster"] = [{k: (round(v * 100, 2) if k in METRICS else v) for k, v in r.items()}
                                     for r in rows]
            if failures:
                result["failures"] = failures[:5]
                if not all(f["no_article"] for f in failures):
                    status = 1
        if not args.no_baseline:
            if args.gaps:
                # baseline_summ.py's wikinews mode reads only clusters without gaps: give it these
                # clusters in its duc format (the same non-empty source texts and reference).
                duc = os.path.join(work, "gaps_duc.jsonl")
                with open(duc, "w", encoding="utf-8") as f:
                    for _, arts, refs in clusters:
                        f.write(json.dumps({"docs": [{"text": a["text"]} for a in arts],
                                            "references": refs}) + "\n")
                base = run_baseline(args, eval_dir, duc, "duc")
            else:
                base = run_baseline(args, eval_dir, path, args.kind)
            if "error" in base:
                result["baseline_error"] = base["error"]
                eprint(f"summaries: baseline: {base['error']}")
            for name in BASELINES:
                if name in base:
                    result["systems"][name] = {**base[name], "secs": base["secs"]}
        if not args.no_seeds and not args.no_storyline:
            seeds = seeds_check(args, seeds_dir)
            result["seeds"] = seeds
            if "error" in seeds:
                status = 1
            elif args.strict and seeds.get("pass") is False:
                status = 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return status
    print(f"summaries: {args.kind} {path}: {len(clusters)} clusters, {args.words} words "
          f"(ROUGE x100, averaged over clusters)")
    print(f"{'system':<10} {'n':>4} " + " ".join(f"{HEADERS[k]:>6}" for k in METRICS) + f" {'secs':>7}")
    for name, s in result["systems"].items():
        if s.get("n"):
            vals = " ".join(f"{s[k]:6.2f}" for k in METRICS)
        else:
            vals = " ".join(f"{'-':>6}" for _ in METRICS)
        note = f"  ({s['failed']} without a brief, scored as empty)" if s.get("failed") else ""
        print(f"{name:<10} {s.get('n', 0):>4} {vals} {s.get('secs', 0):7.2f}{note}")
    if "failures" in result:
        print(f"storyline brief failed on {len(failures)} clusters; first: {result['failures'][0]['error']}")
    seeds = result.get("seeds")
    if seeds:
        if "checks" in seeds:
            print(f"seeds check ({seeds_dir}): {'PASS' if seeds['pass'] else 'FAIL'}")
            for c in seeds["checks"]:
                print(f"  {'PASS' if c['pass'] else 'FAIL'}  {c['name']}: {c['detail']}")
        else:
            print(f"seeds check: {seeds.get('skipped') or 'ERROR ' + seeds.get('error', '')}")
    return status


if __name__ == "__main__":
    sys.exit(main())
