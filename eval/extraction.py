#!/usr/bin/env python3
"""Main-content extraction quality of `storyline extract` on the article-extraction-benchmark.

Usage (from anywhere):
    python3 eval/extraction.py                       # storyline vs every anchor, table
    python3 eval/extraction.py --json > extraction.json
    python3 eval/extraction.py --worst 15            # also the 15 worst pages with P/R
    python3 eval/extraction.py --keep /tmp/sl-extract --storyline /path/to/storyline

The pages (DATA/scrapinghub-article-extraction-benchmark/html/<id>.html.gz) are decompressed
to a temporary directory as <id>.html, extracted with `storyline extract --threads 1 -q`, and
each page's "text" becomes {"<id>": {"articleBody": text}}. That prediction and every anchor
in the set's anchors/ folder (published outputs of other extractors on the same pages) are
scored with ../shared/eval/extraction_metrics.py: 4-gram shingle precision and recall per
page, averaged over pages, F1 of the two means. A page storyline fails on scores as empty.
Exit status: 0 ok (or data/metric script absent: a message, nothing scored), 1 the run
failed, 2 usage error (e.g. no binary).
"""
import argparse, gzip, importlib.util, json, os, subprocess, sys, tempfile, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
SET_NAME = "scrapinghub-article-extraction-benchmark"


def eprint(*a):
    print(*a, file=sys.stderr, flush=True)


def load_metric(path):
    spec = importlib.util.spec_from_file_location("storyline_extraction_metrics", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def decompress(html_dir, out_dir, ids):
    """Writes <id>.html for every id that has html_dir/<id>.html.gz; returns total bytes."""
    total = 0
    for i in ids:
        src = os.path.join(html_dir, i + ".html.gz")
        if not os.path.exists(src):
            continue
        with gzip.open(src, "rb") as f:
            data = f.read()
        total += len(data)
        with open(os.path.join(out_dir, i + ".html"), "wb") as f:
            f.write(data)
    return total


def run_storyline(binary, pages_dir, out_path, threads, timeout):
    cmd = [binary, "extract", "--threads", str(threads), "-q", "-o", out_path, pages_dir]
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    return p, time.perf_counter() - t0


def read_pred(path):
    pred = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                pred[str(r["id"])] = {"articleBody": r.get("text") or ""}
    return pred


def per_page(metric, gt, pred):
    rows = []
    for k in gt:
        tp, fp, fn = metric.tpfpfn(gt[k].get("articleBody", ""), (pred.get(k) or {}).get("articleBody", ""))
        rows.append({"id": k, "p": metric.prec(tp, fp, fn), "r": metric.rec(tp, fp, fn),
                     "url": gt[k].get("url", "")})
    for r in rows:
        r["f1"] = 2 * r["p"] * r["r"] / (r["p"] + r["r"]) if r["p"] + r["r"] else 0.0
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=os.path.join(REPO, "build", "storyline"),
                    help="storyline binary (default build/storyline)")
    ap.add_argument("--data", default=os.path.join(SHARED, "data"), help="shared data dir (default ../shared/data)")
    ap.add_argument("--metric", default=None, help="extraction_metrics.py (default DATA/../eval/)")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    ap.add_argument("--worst", type=int, default=0, metavar="N", help="also list the N worst pages (by F1)")
    ap.add_argument("--keep", metavar="DIR", help="keep pages, storyline output and PRED json in DIR")
    ap.add_argument("--threads", type=int, default=1, help="storyline --threads (1)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds for the storyline run")
    args = ap.parse_args()

    set_dir = os.path.join(args.data, SET_NAME)
    gt_path = os.path.join(set_dir, "ground-truth.json")
    metric_path = args.metric or os.path.join(os.path.dirname(os.path.abspath(args.data)), "eval",
                                              "extraction_metrics.py")
    if not os.path.exists(gt_path):
        print(f"extraction.py: {gt_path} not found; nothing to evaluate (skipped)")
        return 0
    if not os.path.exists(metric_path):
        print(f"extraction.py: {metric_path} not found; nothing to evaluate (skipped)")
        return 0
    binary = os.path.abspath(args.storyline)
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        eprint(f"extraction.py: storyline binary {binary} not found or not executable; build it "
               "or pass --storyline PATH")
        return 2
    metric = load_metric(metric_path)
    gt = json.load(open(gt_path, encoding="utf-8"))

    work = os.path.abspath(args.keep) if args.keep else tempfile.mkdtemp(prefix="storyline-extract-eval-")
    pages = os.path.join(work, "pages")
    os.makedirs(pages, exist_ok=True)
    try:
        nbytes = decompress(os.path.join(set_dir, "html"), pages, sorted(gt))
        out_path = os.path.join(work, "storyline.jsonl")
        try:
            p, secs = run_storyline(binary, pages, out_path, args.threads, args.timeout)
        except subprocess.TimeoutExpired:
            eprint(f"extraction.py: storyline ran past {args.timeout} s")
            return 1
        if p.returncode != 0:
            eprint(f"extraction.py: storyline failed (exit {p.returncode}):\n{p.stderr}")
            return 1
        pred = read_pred(out_path)
        with open(os.path.join(work, "storyline-pred.json"), "w", encoding="utf-8") as f:
            json.dump(pred, f, ensure_ascii=False)
        missing = [k for k in gt if k not in pred]

        systems = [("storyline", pred)]
        anchor_dir = os.path.join(set_dir, "anchors")
        if os.path.isdir(anchor_dir):
            for name in sorted(os.listdir(anchor_dir)):
                if name.endswith(".json"):
                    d = json.load(open(os.path.join(anchor_dir, name), encoding="utf-8"))
                    if isinstance(d, dict) and "output" in d:
                        d = d["output"]
                    systems.append((name[:-5], d))
        results = []
        for name, d in systems:
            P, R, F = metric.score(gt, d)
            results.append({"system": name, "f1": F, "p": P, "r": R})
        worst = sorted(per_page(metric, gt, pred), key=lambda r: r["f1"])[:args.worst]

        if args.json:
            json.dump({"pages": len(gt), "bytes": nbytes, "storyline_secs": secs, "missing": missing,
                       "results": results, "worst": worst}, sys.stdout, indent=1)
            print()
            return 0
        print(f"{len(gt)} pages, {nbytes / 1e6:.1f} MB; storyline extract --threads {args.threads}: "
              f"{secs:.2f} s; {len(missing)} page(s) without output")
        print(f"{'system':<16} {'F1':>6} {'P':>6} {'R':>6}")
        for r in sorted(results, key=lambda r: -r["f1"]):
            mark = "  <-" if r["system"] == "storyline" else ""
            print(f"{r['system']:<16} {r['f1']:6.3f} {r['p']:6.3f} {r['r']:6.3f}{mark}")
        if worst:
            print(f"\nworst {len(worst)} pages of storyline:")
            print(f"{'id':<16} {'F1':>6} {'P':>6} {'R':>6}  url")
            for r in worst:
                print(f"{r['id'][:16]:<16} {r['f1']:6.3f} {r['p']:6.3f} {r['r']:6.3f}  {r['url']}")
        if missing:
            print(f"\nno output for: {', '.join(m[:16] for m in missing[:10])}")
        return 0
    finally:
        if not args.keep:
            import shutil
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
