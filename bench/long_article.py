#!/usr/bin/env python3
"""Time for one very long article: does the cost of an article grow linearly with its length?

An article may be up to 16 MiB (`max_article_bytes`), and `storyline serve` prepares whatever it
is POSTed. This writes one JSONL article of N paragraphs in one of five shapes:

  pronoun    each names a new person and place and quotes "him": "Mary Khan17 arrived in
             Springfield17 on Monday ... “We are going to work hard on this problem number
             17,” he said." (N distinct names, N pronouns to resolve);
  named      a quote of common words with its speaker: "“Of the city a plan ...,” said Dr.
             Mary Khan17 of Springfield17." (N quotes for the brief to merge);
  paragraph  N quotes run on in one paragraph with no full stop: "“…,” he said, and “…,” he
             said, and ...";
  crowd      one speaker named at the top, then in the same paragraph two new names before
             each "he said";
  glued      N sentences in one paragraph, each quote glued to the full stop before it:
             "... was so.\"Then it was ..." (a straight mark opens or closes by how many came
             before it in the paragraph: counted once, not again at each mark).

A list page, a live blog or a transcript can look like any of them. It times `storyline cluster
--threads 1` (with briefs, where names and quotes are read) on each size and prints the wall
time, peak RSS and the time ratio between successive sizes beside their size ratio (equal for
linear cost). No data needed. `--storyline2 OTHER` times a second build in alternation, for a
before/after comparison.

Usage (from the repo root):
    python3 bench/long_article.py                              # 8000,32000,100000 paragraphs
    python3 bench/long_article.py --sizes 2000,8000 --shapes crowd --storyline2 /tmp/old/build/storyline
"""
import argparse, json, os, random, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

FIRST = ["John", "Mary", "Ahmed", "Li", "Carlos", "Anna", "Peter", "Sara"]
LAST = ["Smith", "Khan", "Wang", "Garcia", "Berg", "Okafor", "Rossi", "Novak"]


WORDS = ("the of and to in a is that for was on with it as by government people year new "
         "city plan work").split()


def write_article(path, pairs, shape, seed=1):
    rng = random.Random(seed)
    paras = []
    for i in range(pairs):
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}{i}"
        if shape == "pronoun":
            paras.append(f"{who} arrived in Springfield{i} on Monday and met officials.\n\n"
                         f"\u201cWe are going to work hard on this problem number {i},\u201d he said.")
        elif shape == "crowd":  # two new names before each "he said", all in one paragraph
            said = " ".join(rng.choice(WORDS) for _ in range(6))
            paras.append(f"{who} met Carl Dorn{i} and \u201c{said} {i},\u201d he said, and")
        elif shape == "paragraph":  # quotes run on in one paragraph, without a full stop
            said = " ".join(rng.choice(WORDS) for _ in range(7))
            paras.append(f"\u201c{said} {i},\u201d he said, and")
        elif shape == "glued":  # straight marks glued to the stop before, one paragraph
            said = " ".join(rng.choice(WORDS) for _ in range(6))
            paras.append(f"It was {said} {i}.\"Then")
        else:  # "named": a quote a paragraph from common words, its speaker named
            said = " ".join(rng.choice(WORDS) for _ in range(8))
            paras.append(f"\u201c{said.capitalize()},\u201d said Dr. {who} of Springfield{i}.")
    if shape == "crowd":
        text = "\u201cWe start now with the plan,\u201d Mary Smith said, and " + " ".join(paras) + " so on."
    elif shape in ("paragraph", "glued"):
        text = " ".join(paras) + " so on."
    else:
        text = "\n\n".join(paras)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": f"long-{pairs}", "title": "A long page", "text": text}) + "\n")
    return len(text.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="8000,32000,100000", help="paragraphs (or quotes) per article")
    ap.add_argument("--shapes", default="pronoun,named,paragraph,crowd",
                    help="any of pronoun, named, paragraph, crowd, glued")
    ap.add_argument("--storyline", default=os.path.join(benchlib.REPO, "build", "storyline"))
    ap.add_argument("--storyline2", help="a second build to time in alternation (e.g. the baseline)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per size and build; best is shown")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    builds = [("storyline", args.storyline)] + ([("storyline2", args.storyline2)] if args.storyline2 else [])
    for _, b in builds:
        if not os.access(b, os.X_OK):
            print(f"long_article: {b} is not an executable (build first)", file=sys.stderr)
            return 2
    print(benchlib.machine_line(benchlib.machine_info()))
    for name, b in builds:
        print(f"{name}: {b}")
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = args.shapes.split(",")
    best = {}
    with tempfile.TemporaryDirectory() as work:
        for shape in shapes:
            for n in sizes:
                path = os.path.join(work, f"long-{shape}-{n}.jsonl")
                mb = write_article(path, n, shape) / 1e6
                for _ in range(args.repeats):
                    for name, b in builds:
                        r = benchlib.run_measured([b, "cluster", "--quiet", "--threads", "1", "-o", os.devnull,
                                                   path], timeout=args.timeout)
                        if r["rc"] != 0:
                            print(f"{name} {shape} {n}: exit {r['rc']}{' (timed out)' if r['timed_out'] else ''}: "
                                  f"{r['stderr'].strip()[:300]}", file=sys.stderr)
                            continue
                        prev = best.get((name, shape, n))
                        if prev is None or r["wall_s"] < prev[0]:
                            best[(name, shape, n)] = (r["wall_s"], r["maxrss_mb"], mb)
    print(f"{'build':11s} {'shape':8s} {'paras':>7s} {'MB':>6s} {'wall s':>8s} {'peak MB':>8s} "
          f"{'time ratio':>11s} {'size ratio':>11s}")
    for shape in shapes:
        for name, _ in builds:
            last = None
            for n in sizes:
                if (name, shape, n) not in best:
                    continue
                wall, rss, mb = best[(name, shape, n)]
                ratio = f"{wall / last[0]:11.1f} {n / last[1]:11.1f}" if last else f"{'':11s} {'':11s}"
                print(f"{name:11s} {shape:8s} {n:7d} {mb:6.1f} {wall:8.2f} {rss:8.0f} {ratio}")
                last = (wall, n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
