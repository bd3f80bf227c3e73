#!/usr/bin/env python3
"""Throughput, memory and quality of `storyline cluster` on generated corpora of 20k and 200k articles.

Usage (from the repo root):
    python3 bench/corpus_bench.py                          # sizes 20000,200000; threads 1 and nproc
    python3 bench/corpus_bench.py --sizes 20000 --threads 1 --json
    python3 bench/corpus_bench.py --no-briefs                # cluster --no-briefs
    python3 bench/corpus_bench.py --storyline build/storyline --work /tmp/storyline-bench

For each size the corpus is made by bench/make_corpus.py (--seed, default 1) and cached under
--work (default /tmp/storyline-bench/corpus-n<N>-s<seed>/; reused while its meta.json matches).
Each run is `storyline cluster --quiet --threads T --output .. --assignments .. articles.jsonl`,
a direct child of this script, and reports:
    wall s       whole process, start to exit
    art/s        articles / wall
    MB/s         corpus file bytes / wall (1 MB = 10^6 bytes)
    peak RSS     the maximum resident set size of that run's process (os.wait4 rusage of that
                 one child, so each run is measured on its own)
    B3 P/R/F1    B-cubed against the generated gold (../shared/eval/metrics.py)
and, per thread count, time(largest size) / time(smallest size) (10.0 = linear for 20k -> 200k).
Before the runs of a size the corpus file is read once, so every run starts with it in the page
cache (--cold to skip). Outputs of the last run of each (size, threads) stay in WORK/runs/.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402


def main():
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="storyline binary (default build/storyline)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA, help="shared data dir (default <repo>/../shared/data)")
    ap.add_argument("--eval-dir", default=None, help="dir of metrics.py (default DATA/../eval)")
    ap.add_argument("--work", default="/tmp/storyline-bench", help="cache of corpora and run outputs")
    ap.add_argument("--sizes", default="20000,200000", help="comma-separated corpus sizes")
    ap.add_argument("--threads", default=f"1,{nproc}", help=f"comma-separated thread counts (default 1,{nproc})")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    ap.add_argument("--cold", action="store_true", help="do not read the corpus into the page cache before its runs")
    ap.add_argument("--no-briefs", action="store_true",
                    help="run cluster --no-briefs (clustering alone: issue 2's end-to-end job without issue 4's briefs)")
    args = ap.parse_args()

    if not os.path.isdir(args.data):
        print(f"corpus_bench.py: data directory {args.data} not found; skipped")
        return 0
    args.storyline = os.path.abspath(args.storyline)
    if not (os.path.isfile(args.storyline) and os.access(args.storyline, os.X_OK)):
        eprint(f"corpus_bench.py: storyline binary {args.storyline} not found or not executable; "
               f"build it or pass --storyline PATH")
        return 2
    metrics = benchlib.load_metrics(args.eval_dir or benchlib.default_eval_dir(args.data))
    if metrics is None:
        eprint("corpus_bench.py: ../shared/eval/metrics.py not found; quality columns left empty")
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    threads = list(dict.fromkeys(int(x) for x in args.threads.split(",") if x.strip()))
    machine = benchlib.machine_info()
    if not args.json:
        print(benchlib.machine_line(machine), flush=True)
    os.makedirs(args.work, exist_ok=True)

    corpora, runs, failed = [], [], False
    for n in sizes:
        cdir, meta = benchlib.ensure_corpus(n, args.seed, args.data, args.work)
        articles = os.path.join(cdir, "articles.jsonl")
        nbytes = os.path.getsize(articles)
        corpora.append({"n": n, "dir": cdir, "bytes": nbytes, "stories": meta["stories"],
                        "span_days": meta["span_days"]})
        gold = benchlib.read_ids_labels(os.path.join(cdir, "gold.jsonl"), keys=("label",)) if metrics else None
        if not args.cold:
            with open(articles, "rb") as f:      # same start for every run: the file in the page cache
                while f.read(1 << 24):
                    pass
        for t in threads:
            rdir = os.path.join(args.work, "runs", f"n{n}-s{args.seed}-t{t}")
            os.makedirs(rdir, exist_ok=True)
            apath = os.path.join(rdir, "assignments.jsonl")
            if os.path.exists(apath):
                os.remove(apath)
            cmd = [args.storyline, "cluster", "--quiet", "--threads", str(t),
                   "--output", os.path.join(rdir, "stories.json"), "--assignments", apath, articles]
            if args.no_briefs:
                cmd.insert(2, "--no-briefs")
            eprint(f"run: n={n} threads={t}: {' '.join(cmd)}")
            res = benchlib.run_measured(cmd, timeout=args.timeout)
            with open(os.path.join(rdir, "stderr.txt"), "w") as f:
                f.write(res["stderr"])
            row = {"n": n, "threads": t, "bytes": nbytes, "wall_s": res["wall_s"],
                   "articles_per_s": n / res["wall_s"], "mb_per_s": nbytes / 1e6 / res["wall_s"],
                   "peak_rss_mb": res["maxrss_mb"], "rc": res["rc"],
                   "summary": (res["stderr"].strip().splitlines() or [""])[-1]}
            if res["rc"] != 0 or not os.path.exists(apath):
                row["error"] = ("timed out" if res["timed_out"] else f"exit status {res['rc']}") + ": " + \
                    " | ".join(res["stderr"].strip().splitlines()[-3:])
                failed = True
            elif gold is not None:
                pred = benchlib.read_ids_labels(apath, keys=("story",))
                sub, missing = benchlib.complete_pred(gold, pred)
                p, r, f1 = metrics.bcubed(gold, sub)
                row.update(bcubed_p=p, bcubed_r=r, bcubed_f1=f1, pred_k=len(set(sub.values())),
                           gold_k=meta["stories"], missing=len(missing), missing_example=missing[:3])
            runs.append(row)
            if not args.json:
                eprint(f"  {row['wall_s']:.2f} s, {row['peak_rss_mb']:.0f} MB peak RSS"
                       + (f", B3 F1 {row['bcubed_f1']:.3f}" if "bcubed_f1" in row else "")
                       + (f", ERROR {row['error']}" if "error" in row else ""))

    ratios = []
    if len(sizes) >= 2:
        lo, hi = min(sizes), max(sizes)
        for t in threads:
            a = next((r for r in runs if r["n"] == lo and r["threads"] == t and "error" not in r), None)
            b = next((r for r in runs if r["n"] == hi and r["threads"] == t and "error" not in r), None)
            if a and b:
                ratios.append({"threads": t, "small": lo, "large": hi, "time_ratio": b["wall_s"] / a["wall_s"],
                               "size_ratio": hi / lo})

    if args.json:
        print(json.dumps({"machine": machine, "storyline": args.storyline, "seed": args.seed,
                          "corpora": corpora, "runs": runs, "ratios": ratios}, indent=1))
        return 1 if failed else 0
    print()
    for c in corpora:
        print(f"corpus n={c['n']}: {c['bytes'] / 1e6:.1f} MB, {c['stories']} gold stories, "
              f"{c['span_days']} days, {c['dir']}")
    head = f"{'articles':>9} {'threads':>7} {'wall s':>8} {'art/s':>9} {'MB/s':>7} {'peak MB':>8} " \
           f"{'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pred_k':>7}"
    print(head)
    print("-" * len(head))
    for r in runs:
        if "error" in r:
            print(f"{r['n']:>9} {r['threads']:>7} {r['wall_s']:>8.2f} ERROR: {r['error']}")
            continue
        q = (f"{r['bcubed_p']:>6.3f} {r['bcubed_r']:>6.3f} {r['bcubed_f1']:>6.3f} {r['pred_k']:>7}"
             if "bcubed_f1" in r else "")
        print(f"{r['n']:>9} {r['threads']:>7} {r['wall_s']:>8.2f} {r['articles_per_s']:>9.0f} "
              f"{r['mb_per_s']:>7.2f} {r['peak_rss_mb']:>8.0f} {q}")
    for r in runs:
        if r.get("missing"):
            print(f"note: n={r['n']} threads={r['threads']}: {r['missing']} article(s) missing from the assignments "
                  f"(scored as singletons), e.g. {r['missing_example']}")
    for x in ratios:
        print(f"time({x['large']})/time({x['small']}) at {x['threads']} thread(s): {x['time_ratio']:.2f} "
              f"(size ratio {x['size_ratio']:.0f}; equal means linear)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
