#!/usr/bin/env python3
"""Throughput of `storyline extract` (HTML -> article text and metadata) on real pages.

Usage (from anywhere):
    python3 bench/extract_bench.py                    # 91 pages x 10, threads 1 and all cores, best of 3
    python3 bench/extract_bench.py --repeat 20 --threads 1,2,4 --runs 5 --json

The development pages of DATA/scrapinghub-article-extraction-benchmark/html/*.html.gz are
decompressed once into --work (default /tmp/storyline-bench/extract-pages/) and the work set
is REPEAT symbolic links to each page (REPEAT x 91 pages; links, so the page cache holds each
page once and the figure is extraction, not disk). Each run is the whole process:
`storyline extract --threads T -q -o /dev/null WORK/set-rREPEAT`, parse, main text, metadata,
language and JSON output included. Pages/s and MB/s (decompressed HTML bytes, 10^6) use the
best wall time of --runs runs; peak RSS is that of the best run's process alone.
Exit 1 when a run fails, 2 when the binary is missing; without the data: a message, exit 0.
"""
import argparse, gzip, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

SET_NAME = "scrapinghub-article-extraction-benchmark"


def prepare(html_dir, work, repeat):
    """Decompresses the pages once; returns (set dir, page count, bytes per pass)."""
    pages = os.path.join(work, "pages")
    os.makedirs(pages, exist_ok=True)
    names = sorted(n for n in os.listdir(html_dir) if n.endswith(".html.gz"))
    total = 0
    for n in names:
        dst = os.path.join(pages, n[:-3])
        if not os.path.exists(dst):
            with gzip.open(os.path.join(html_dir, n), "rb") as f:
                data = f.read()
            with open(dst + ".tmp", "wb") as f:
                f.write(data)
            os.replace(dst + ".tmp", dst)
        total += os.path.getsize(dst)
    set_dir = os.path.join(work, f"set-r{repeat}")
    os.makedirs(set_dir, exist_ok=True)
    for r in range(repeat):
        for n in names:
            link = os.path.join(set_dir, f"{r:03d}-{n[:-3]}")
            if not os.path.islink(link):
                os.symlink(os.path.join(pages, n[:-3]), link)
    return set_dir, len(names), total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="binary (default build/storyline)")
    ap.add_argument("--data", default=benchlib.DEFAULT_DATA, help="shared data dir (default ../shared/data)")
    ap.add_argument("--work", default="/tmp/storyline-bench/extract-pages", help="where the pages go")
    ap.add_argument("--repeat", type=int, default=10, help="passes over the pages per run (10)")
    ap.add_argument("--threads", default=None, help="comma-separated thread counts (default 1,$(nproc))")
    ap.add_argument("--runs", type=int, default=3, help="runs per thread count; the best counts (3)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per run")
    ap.add_argument("--json", action="store_true", help="one JSON document instead of the table")
    args = ap.parse_args()

    html_dir = os.path.join(args.data, SET_NAME, "html")
    if not os.path.isdir(html_dir):
        print(f"extract_bench.py: {html_dir} not found; nothing to measure (skipped)")
        return 0
    binary = os.path.abspath(args.storyline)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        eprint(f"extract_bench.py: storyline binary {binary} not found; build it or pass --storyline PATH")
        return 2
    info = benchlib.machine_info()
    threads = [int(t) for t in args.threads.split(",")] if args.threads else sorted({1, info["usable_cpus"]})
    set_dir, n_pages, pass_bytes = prepare(html_dir, os.path.abspath(args.work), args.repeat)
    pages, nbytes = n_pages * args.repeat, pass_bytes * args.repeat

    rows, failed = [], False
    for t in threads:
        best = None
        for _ in range(args.runs):
            r = benchlib.run_measured([binary, "extract", "--threads", str(t), "-q", "-o", "/dev/null", set_dir],
                                      timeout=args.timeout)
            if r["rc"] != 0 or r["timed_out"]:
                eprint(f"extract_bench.py: run with --threads {t} failed (exit {r['rc']}):\n{r['stderr'][-2000:]}")
                failed = True
                break
            if best is None or r["wall_s"] < best["wall_s"]:
                best = r
        if best is None:
            continue
        rows.append({"threads": t, "pages": pages, "mb": nbytes / 1e6, "wall_s": best["wall_s"],
                     "pages_per_s": pages / best["wall_s"], "mb_per_s": nbytes / 1e6 / best["wall_s"],
                     "peak_mb": best["maxrss_mb"]})

    if args.json:
        json.dump({"machine": info, "repeat": args.repeat, "runs": args.runs, "results": rows}, sys.stdout, indent=1)
        print()
    else:
        print(benchlib.machine_line(info))
        print(f"{n_pages} pages x {args.repeat} = {pages} pages, {nbytes / 1e6:.1f} MB of HTML; "
              f"best of {args.runs} runs")
        print(f"{'threads':>7} {'wall s':>8} {'pages/s':>9} {'MB/s':>7} {'peak MB':>8}")
        for r in rows:
            print(f"{r['threads']:>7} {r['wall_s']:8.2f} {r['pages_per_s']:9.0f} {r['mb_per_s']:7.1f} "
                  f"{r['peak_mb']:8.0f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
