#!/usr/bin/env python3
"""storyline vs. the scikit-learn baseline on the same generated articles: time and B-cubed F1.

Usage (from the repo root):
    python3 bench/compare_sklearn.py                 # --n 2000 --seed 1, best of 3
    python3 bench/compare_sklearn.py --n 2000 --repeats 3 --json

Both are timed as whole processes (fork to exit, best of --repeats):
  * storyline: `storyline cluster --quiet --threads T --output .. --assignments .. ARTICLES`,
    at T = 1 and T = nproc (--threads to change), with briefs (the default) and with
    --no-briefs (clustering only, what the baseline does: the like-for-like ratio);
  * baseline: `../shared/eval/baseline_sklearn.py ARTICLES 0.85`, run through a tiny wrapper
    (python -c: time the imports, then runpy the unchanged script) so one run gives both the
    whole-process time and the time after interpreter start and the sklearn/numpy imports
    ("compute"). The wrapper adds only the runpy call.
The corpus is bench/make_corpus.py's (cached under --work, default /tmp/storyline-bench).
"""
import argparse, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

WRAPPER = r"""
import sys, time, runpy
t0 = time.perf_counter()
import json, numpy, sklearn.feature_extraction.text, sklearn.cluster
t1 = time.perf_counter()
script = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(script, run_name="__main__")
sys.stdout.flush()
t2 = time.perf_counter()
sys.stderr.write("BASELINE_TIMING import_s=%.6f compute_s=%.6f\n" % (t1 - t0, t2 - t1))
"""


def main():
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="storyline binary (default build/storyline)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA, help="shared data dir (default <repo>/../shared/data)")
    ap.add_argument("--eval-dir", default=None, help="dir of metrics.py and baseline_sklearn.py (default DATA/../eval)")
    ap.add_argument("--work", default="/tmp/storyline-bench", help="corpus cache and run outputs")
    ap.add_argument("--n", type=int, default=2000, help="articles (2000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=3, help="best of this many runs (3)")
    ap.add_argument("--threads", default=f"1,{nproc}", help=f"storyline thread counts (default 1,{nproc})")
    ap.add_argument("--threshold", type=float, default=0.85)
    ap.add_argument("--python", default=None, help="interpreter for the baseline (default: one with sklearn)")
    ap.add_argument("--no-storyline", action="store_true", help="time the baseline only")
    ap.add_argument("--timeout", type=float, default=3600)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    if not os.path.isdir(args.data):
        print(f"compare_sklearn.py: data directory {args.data} not found; skipped")
        return 0
    eval_dir = args.eval_dir or benchlib.default_eval_dir(args.data)
    metrics = benchlib.load_metrics(eval_dir)
    script = os.path.join(eval_dir, "baseline_sklearn.py")
    if metrics is None or not os.path.exists(script):
        print(f"compare_sklearn.py: {eval_dir}/metrics.py or baseline_sklearn.py not found; skipped")
        return 0
    args.storyline = os.path.abspath(args.storyline)
    if not args.no_storyline and not (os.path.isfile(args.storyline) and os.access(args.storyline, os.X_OK)):
        eprint(f"compare_sklearn.py: storyline binary {args.storyline} not found or not executable; "
               f"build it, pass --storyline PATH, or --no-storyline")
        return 2
    py = benchlib.find_sklearn_python(args.python)
    if not py:
        eprint("compare_sklearn.py: no interpreter with scikit-learn (pass --python /usr/bin/python3)")
        return 2
    machine = benchlib.machine_info()
    if not args.json:
        print(benchlib.machine_line(machine), flush=True)
    cdir, meta = benchlib.ensure_corpus(args.n, args.seed, args.data, args.work)
    articles = os.path.join(cdir, "articles.jsonl")
    gold = benchlib.read_ids_labels(os.path.join(cdir, "gold.jsonl"), keys=("label",))
    rdir = os.path.join(args.work, "runs", f"compare-n{args.n}-s{args.seed}")
    os.makedirs(rdir, exist_ok=True)
    systems, failed = [], False

    def quality(path):
        pred = benchlib.read_ids_labels(path, keys=("story",))
        sub, missing = benchlib.complete_pred(gold, pred)
        p, r, f = metrics.bcubed(gold, sub)
        return {"bcubed_p": p, "bcubed_r": r, "bcubed_f1": f, "pred_k": len(set(sub.values())),
                "missing": len(missing), "missing_example": missing[:3]}

    if not args.no_storyline:
        # With briefs (the default) and without: the baseline only clusters, so
        # --no-briefs is the like-for-like row.
        runs = [(t, briefs) for briefs in (True, False)
                for t in dict.fromkeys(int(x) for x in args.threads.split(",") if x.strip())]
        for t, briefs in runs:
            tag = f"t{t}" if briefs else f"t{t}-nobriefs"
            apath = os.path.join(rdir, f"storyline-{tag}.jsonl")
            cmd = [args.storyline, "cluster", "--quiet", "--threads", str(t),
                   "--output", os.path.join(rdir, f"stories-{tag}.json"), "--assignments", apath, articles]
            if not briefs:
                cmd.insert(2, "--no-briefs")
            times, rss, err = [], [], None
            for k in range(args.repeats):
                res = benchlib.run_measured(cmd, timeout=args.timeout)
                if res["rc"] != 0:
                    err = f"exit status {res['rc']}: " + " | ".join(res["stderr"].strip().splitlines()[-3:])
                    break
                times.append(res["wall_s"])
                rss.append(res["maxrss_mb"])
                eprint(f"storyline threads={t}{'' if briefs else ' --no-briefs'} run {k + 1}: {res['wall_s']:.3f} s")
            row = {"system": f"storyline --threads {t}" + ("" if briefs else " --no-briefs"), "runs_s": times}
            if err:
                row["error"] = err
                failed = True
            else:
                row.update(best_s=min(times), peak_rss_mb=max(rss), **quality(apath))
            systems.append(row)

    apath = os.path.join(rdir, "baseline.jsonl")
    cmd = [py, "-c", WRAPPER, script, articles, str(args.threshold)]
    times, comp, imp, rss, err = [], [], [], [], None
    for k in range(args.repeats):
        res = benchlib.run_measured(cmd, timeout=args.timeout, stdout_path=apath)
        m = re.search(r"BASELINE_TIMING import_s=([\d.]+) compute_s=([\d.]+)", res["stderr"])
        if res["rc"] != 0 or not m:
            err = f"exit status {res['rc']}: " + " | ".join(res["stderr"].strip().splitlines()[-3:])
            break
        times.append(res["wall_s"])
        imp.append(float(m.group(1)))
        comp.append(float(m.group(2)))
        rss.append(res["maxrss_mb"])
        eprint(f"baseline run {k + 1}: {res['wall_s']:.3f} s (compute {comp[-1]:.3f} s)")
    base = {"system": f"sklearn baseline @{args.threshold:g}", "runs_s": times, "python": py}
    if err:
        base["error"] = err
        failed = True
    else:
        base.update(best_s=min(times), best_compute_s=min(comp), import_s=min(imp),
                    startup_and_import_s=min(t - c for t, c in zip(times, comp)), peak_rss_mb=max(rss), **quality(apath))
    systems.append(base)
    for s in systems:
        if "best_s" in s and "best_s" in base and s is not base:
            s["speedup_vs_baseline"] = base["best_s"] / s["best_s"]
            s["speedup_vs_baseline_compute"] = base["best_compute_s"] / s["best_s"]

    if args.json:
        print(json.dumps({"machine": machine, "n": args.n, "seed": args.seed, "corpus": cdir,
                          "corpus_bytes": os.path.getsize(articles), "gold_stories": meta["stories"],
                          "repeats": args.repeats, "systems": systems}, indent=1))
        return 1 if failed else 0
    print(f"corpus: {args.n} generated articles (seed {args.seed}, {meta['stories']} gold stories, "
          f"{os.path.getsize(articles) / 1e6:.1f} MB), best of {args.repeats} whole-process runs")
    head = f"{'system':<36} {'best s':>8} {'peak MB':>8} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pred_k':>6}  ratio"
    print(head)
    print("-" * len(head))
    for s in systems:
        if "error" in s:
            print(f"{s['system']:<36} ERROR: {s['error']}")
            continue
        q = f"{s['bcubed_p']:>6.3f} {s['bcubed_r']:>6.3f} {s['bcubed_f1']:>6.3f} {s['pred_k']:>6}" \
            if "bcubed_f1" in s else f"{s.get('error', '')}"
        extra = ""
        if "speedup_vs_baseline" in s:
            extra = f"  baseline/storyline time {s['speedup_vs_baseline']:.1f}x " \
                    f"({s['speedup_vs_baseline_compute']:.1f}x vs its compute alone)"
        print(f"{s['system']:<36} {s['best_s']:>8.3f} {s['peak_rss_mb']:>8.0f} {q}{extra}")
    for s in systems:
        if s.get("missing"):
            print(f"note: {s['system']} left {s['missing']} article(s) out of the assignments "
                  f"(scored as singletons), e.g. {s['missing_example']}")
    if "best_compute_s" in base:
        print(f"baseline without interpreter start and imports: {base['best_compute_s']:.3f} s "
              f"(start + imports {base['startup_and_import_s']:.3f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
