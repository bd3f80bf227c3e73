#!/usr/bin/env python3
"""Memory and read latency of a server that loads a corpus at start (`storyline serve --load`).

Usage (from anywhere; the corpus from bench/make_corpus.py or any JSONL storyline reads):
    python3 bench/serve_load.py /tmp/corpus-200k/articles.jsonl
    python3 bench/serve_load.py CORPUS --baseline /tmp/base/build/storyline --runs 2

For each build (the baseline first when given, then alternated, --runs rounds) it starts
`storyline serve --db TMP --port P --load CORPUS` on a fresh database, waits until the server
has said how many articles the load added and /healthz counts them all, and then reports:
  ready     seconds from start until then (the load, then the snapshot with every brief);
  rss       the server's peak and current resident memory (VmHWM, VmRSS) at that moment;
  reads     mean milliseconds over --reads keep-alive requests each: the front page
            (GET /stories), a story ranked near the top and one deep in the ranking
            (GET /stories/ID), and a page of 200 stories deep in the ranking.
Every server gets its own port and temporary folder and is stopped at the end. Standard library
only. Figures depend on the machine and its load: compare builds only side by side, in one run.
"""
import argparse, http.client, json, os, re, shutil, signal, socket, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def get(self, path):
        self.conn.request("GET", path)
        r = self.conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {r.status}: {body[:200]!r}")
        return body

    def mean_ms(self, path, n):
        t = time.perf_counter()
        for _ in range(n):
            self.get(path)
        return (time.perf_counter() - t) * 1000 / n


def measure(binary, corpus, reads, timeout):
    work = tempfile.mkdtemp(prefix="sl-serve-load-")
    port = free_port()
    log = open(os.path.join(work, "server.log"), "w")
    start = time.perf_counter()
    server = subprocess.Popen([binary, "serve", "--db", os.path.join(work, "s.db"), "--port", str(port),
                               "--load", corpus], stdout=log, stderr=subprocess.STDOUT)
    try:
        # The server says how many articles the load added once it has stored
        # them; it is ready when its snapshot holds them all.
        client, expected, n = None, None, None
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"server exited with {server.returncode}; see its log above")
            if time.perf_counter() - start > timeout:
                raise RuntimeError(f"not ready after {timeout:.0f} s ({n} of {expected} articles)")
            if expected is None:
                with open(os.path.join(work, "server.log")) as f:
                    text = f.read()
                restored = re.search(r"restored (\d+) articles", text)
                added = re.search(r"--load: (\d+) of \d+ articles added", text)
                if restored and added:
                    expected = int(restored.group(1)) + int(added.group(1))
            if expected is not None:
                try:
                    client = client or Client(port)
                    n = json.loads(client.get("/healthz"))["articles"]
                except (OSError, http.client.HTTPException):
                    client, n = None, None
                if n is not None and n >= expected:
                    break
            time.sleep(0.1)
        ready = time.perf_counter() - start
        row = {"ready_s": ready, "articles": n, "hwm_mb": proc_kb(server.pid, "VmHWM") / 1024,
               "rss_mb": proc_kb(server.pid, "VmRSS") / 1024}
        health = json.loads(client.get("/healthz"))
        row["stories"] = health["stories"]
        deep = max(0, health["stories"] * 2 // 3)
        top_id = json.loads(client.get("/stories?limit=1&offset=10"))["stories"][0]["id"]
        deep_id = json.loads(client.get(f"/stories?limit=1&offset={deep}"))["stories"][0]["id"]
        row["front_ms"] = client.mean_ms("/stories", reads)
        row["top_story_ms"] = client.mean_ms(f"/stories/{top_id}", reads)
        row["deep_story_ms"] = client.mean_ms(f"/stories/{deep_id}", reads)
        row["deep_page_ms"] = client.mean_ms(f"/stories?limit=200&offset={max(0, deep - 200)}", max(1, reads // 5))
        return row
    except Exception:
        log.flush()
        with open(os.path.join(work, "server.log")) as f:
            eprint(f.read()[-2000:])
        raise
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="JSONL (or any input storyline reads) to --load")
    ap.add_argument("--storyline", default=benchlib.DEFAULT_STORYLINE, help="build to measure (build/storyline)")
    ap.add_argument("--baseline", help="another build, measured side by side (first in each round)")
    ap.add_argument("--runs", type=int, default=1, help="rounds (each build once a round)")
    ap.add_argument("--reads", type=int, default=500, help="requests per read measurement (500)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds a load may take")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(args.corpus):
        eprint(f"serve_load: {args.corpus} not found (make one with bench/make_corpus.py)")
        return 2
    builds = ([("baseline", args.baseline)] if args.baseline else []) + [("storyline", args.storyline)]
    for _, b in builds:
        if not os.access(b, os.X_OK):
            eprint(f"serve_load: no storyline binary at {b}")
            return 2
    rows = []
    for k in range(args.runs):
        for name, b in builds:
            row = measure(os.path.abspath(b), os.path.abspath(args.corpus), args.reads, args.timeout)
            row.update({"build": name, "binary": b, "round": k + 1})
            rows.append(row)
            if not args.json:
                print(f"{name:9s} round {k + 1}: ready {row['ready_s']:6.1f} s, {row['articles']} articles, "
                      f"{row['stories']} stories, peak RSS {row['hwm_mb']:6.0f} MB (now {row['rss_mb']:.0f}); "
                      f"reads ms: front {row['front_ms']:.3f}, top story {row['top_story_ms']:.3f}, "
                      f"deep story {row['deep_story_ms']:.3f}, deep page of 200 {row['deep_page_ms']:.2f}",
                      flush=True)
    if args.json:
        print(json.dumps({"machine": benchlib.machine_info(), "corpus": args.corpus, "rows": rows}, indent=1))
    else:
        print(benchlib.machine_line(benchlib.machine_info()))
        if args.baseline:
            mean = lambda name, key: sum(r[key] for r in rows if r["build"] == name) / args.runs
            print("storyline / baseline: " + ", ".join(
                f"{key} {mean('storyline', key) / mean('baseline', key):.2f}"
                for key in ("ready_s", "hwm_mb", "front_ms", "deep_story_ms", "deep_page_ms")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
