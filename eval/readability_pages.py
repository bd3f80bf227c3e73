#!/usr/bin/env python3
"""Page-metadata accuracy of `storyline extract` on Mozilla readability's test pages.

Usage (from the repo root):
    python3 eval/readability_pages.py                  # table
    python3 eval/readability_pages.py --verbose        # and every failure
    python3 eval/readability_pages.py --json > meta.json
    python3 eval/readability_pages.py --storyline /path/to/storyline --data DIR

Runs storyline extract on every DATA/test-pages/*/source.html (DATA defaults to
<repo>/../shared/data/mozilla-readability-test-pages) and compares each page with its
expected-metadata.json (what readability.js finds):

    Pages storyline fails to extract (no article text found) count as wrong in the "all"
    column and are left out of the "extracted" one.

    title      exact after whitespace normalisation; only pages with a real article
               ("readerable": true, or every page when the key is absent)
    byline     where expected has one: equal after normalisation (case, whitespace,
               a leading "By", "and" vs "," between names)
    site       where expected has siteName: equal after case/whitespace normalisation
    published  where expected has publishedTime: the same calendar day (the expected
               time's own local day or its UTC day; storyline writes UTC)
    lang       where expected has lang: the same primary subtag ("en-US" ~ "en")

Each figure is correct / counted. The data are the development set: the rules in
src/extract/metadata.cc are meant to generalise, not to fit these pages.
Exit status: 0 (also when the data are absent), 1 when storyline fails, 2 on usage errors.
"""
import argparse, datetime, glob, json, os, re, shutil, subprocess, sys, tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ["title", "byline", "site", "published", "lang"]


def norm_ws(s):
    return re.sub(r"\s+", " ", s or "").strip()


def norm_byline(s):
    s = norm_ws(s).lower()
    s = re.sub(r"^(by|par|von|por)\b[:\s]*", "", s)
    s = re.sub(r"\s+and\s+|\s*,\s*|\s*&\s*", ",", s)
    return s.strip(" ,")


def parse_time(s):
    """datetime (aware when the string has a zone) or None."""
    s = (s or "").strip()
    if not s:
        return None
    s = re.sub(r"(\.\d+)", "", s, count=1)  # fractions
    s = s.replace("Z", "+00:00")
    s = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", s)
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(s, fmt)
        except ValueError:
            pass
    return None


def same_day(expected, got):
    e, g = parse_time(expected), parse_time(got)
    if e is None or g is None:
        return False
    days = {e.date()}
    if e.tzinfo is not None:
        days.add(e.astimezone(datetime.timezone.utc).date())
    if g.tzinfo is not None:
        g = g.astimezone(datetime.timezone.utc)
    return g.date() in days


def primary(tag):
    return re.split(r"[-_]", (tag or "").strip().lower())[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storyline", default=os.path.join(REPO, "build", "storyline"))
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "mozilla-readability-test-pages"))
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    ap.add_argument("--timeout", type=float, default=300)
    args = ap.parse_args()

    pages_dir = os.path.join(args.data, "test-pages")
    if not os.path.isdir(pages_dir):
        print(f"readability test pages not found at {pages_dir}; skipping", file=sys.stderr)
        return 0
    if not os.access(args.storyline, os.X_OK):
        print(f"no storyline binary at {args.storyline} (build first or pass --storyline)", file=sys.stderr)
        return 2

    pages = sorted(d for d in glob.glob(os.path.join(pages_dir, "*"))
                   if os.path.isfile(os.path.join(d, "source.html"))
                   and os.path.isfile(os.path.join(d, "expected-metadata.json")))
    tmp = tempfile.mkdtemp(prefix="sl-readability-")
    try:
        # One file per page, named after the page, so the id says which page it was.
        inputs = []
        for d in pages:
            dst = os.path.join(tmp, os.path.basename(d) + ".html")
            shutil.copyfile(os.path.join(d, "source.html"), dst)
            inputs.append(dst)
        out_path = os.path.join(tmp, "out.jsonl")
        cmd = [args.storyline, "extract", "--quiet", "--threads", "1", "--output", out_path] + inputs
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
        if run.returncode != 0:
            print(f"storyline extract failed ({run.returncode}):\n{run.stderr}", file=sys.stderr)
            return 1
        got = {}
        with open(out_path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                name = os.path.basename(row["id"])
                got[name[:-5] if name.endswith(".html") else name] = row
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    counts = {f: [0, 0] for f in FIELDS}  # correct, counted
    counts_x = {f: [0, 0] for f in FIELDS}  # the same over pages storyline extracted
    failures = []
    for d in pages:
        name = os.path.basename(d)
        with open(os.path.join(d, "expected-metadata.json"), encoding="utf-8") as f:
            exp = json.load(f)
        row = got.get(name)  # None: extraction failed (no article text), every field wrong
        g = (lambda k: (row or {}).get(k) or "")

        def score(field, ok, expected, actual):
            counts[field][1] += 1
            counts[field][0] += bool(ok)
            if row is not None:
                counts_x[field][1] += 1
                counts_x[field][0] += bool(ok)
            if not ok:
                failures.append({"page": name, "field": field, "expected": expected, "got": actual})

        if exp.get("readerable", True):
            score("title", norm_ws(exp.get("title")) == norm_ws(g("title")), norm_ws(exp.get("title")), g("title"))
        if exp.get("byline"):
            score("byline", norm_byline(exp["byline"]) == norm_byline(g("byline")), norm_ws(exp["byline"]), g("byline"))
        if exp.get("siteName"):
            score("site", norm_ws(exp["siteName"]).lower() == norm_ws(g("site")).lower(), exp["siteName"], g("site"))
        if exp.get("publishedTime"):
            score("published", same_day(exp["publishedTime"], g("published")), exp["publishedTime"], g("published"))
        if exp.get("lang"):
            score("lang", primary(exp["lang"]) == primary(g("lang")), exp["lang"], g("lang"))

    result = {"pages": len(pages), "extracted": len(got),
              "fields": {f: {"correct": c, "counted": n, "accuracy": (c / n if n else None)}
                         for f, (c, n) in counts.items()},
              "fields_extracted": {f: {"correct": c, "counted": n, "accuracy": (c / n if n else None)}
                                   for f, (c, n) in counts_x.items()}}
    if args.verbose or args.json:
        result["failures"] = failures
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"readability test pages: {len(pages)}, extracted: {len(got)}")
    print("(a page storyline could not extract counts as wrong in 'all'; 'extracted' leaves it out)")
    print(f"{'field':<10} {'correct':>7} {'counted':>7} {'all':>6} {'extracted':>10}")
    for f in FIELDS:
        c, n = counts[f]
        cx, nx = counts_x[f]
        print(f"{f:<10} {c:>7} {n:>7} {(c / n if n else 0):>6.3f} {(cx / nx if nx else 0):>6.3f} ({cx}/{nx})")
    if args.verbose:
        print("\nfailures:")
        for x in failures:
            print(f"  {x['page']:<32} {x['field']:<9} expected {x['expected']!r}\n  {'':<32} {'':<9} got      {x['got']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
