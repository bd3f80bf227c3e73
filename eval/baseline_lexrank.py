#!/usr/bin/env python3
"""LexRank (Erkan and Radev 2004), a classic multi-document summariser, as a third anchor beside
../shared/eval/baseline_summ.py's Lead and centroid, on the same clusters, sentences and budget.

Sentences are split and filtered exactly as baseline_summ.py does (6 words or more), weighted by
TF-IDF over the cluster's sentences (English stop words), and linked where their cosine reaches
0.1, the paper's best threshold; a sentence's score is its stationary probability in a random walk
over those links (degree-normalised, teleport probability 0.15, power iteration). Sentences are
taken in score order, skipping one whose cosine with a taken sentence is over 0.5 (the centroid
baseline's redundancy rule), until the word budget is reached; ROUGE is baseline_summ.py's.

Usage (the same as baseline_summ.py; needs Debian's python3-sklearn and python3-nltk):
    baseline_lexrank.py duc|wikinews FILE LIMIT [EVAL_DIR]
EVAL_DIR holds rouge.py (default ../shared/eval beside the repository). Prints one line,
"lexrank N {scores}", as baseline_summ.py prints its rows.
"""
import json, os, re, statistics, sys

THRESHOLD = 0.1  # cosine at which two sentences are linked (Erkan and Radev 2004, section 3.2)
TELEPORT = 0.15  # the random walk's jump probability (their damping d)
REDUNDANT = 0.5  # as baseline_summ.py's centroid row


def sents(t):
    # baseline_summ.py's sentence splitter and filter, unchanged.
    return [s.strip() for s in re.split(r'(?<=[.!?])\s+(?=[A-Z"\'])', re.sub(r'\s+', ' ', t))
            if len(s.split()) >= 6]


def lexrank_scores(sim):
    import numpy as np

    adj = (sim >= THRESHOLD).astype(float)
    deg = adj.sum(axis=1, keepdims=True)  # >= 1: each sentence links to itself
    walk = adj / deg
    n = len(sim)
    p = np.full(n, 1.0 / n)
    for _ in range(200):
        q = TELEPORT / n + (1 - TELEPORT) * (walk.T @ p)
        if np.abs(q - p).sum() < 1e-9:
            return q
        p = q
    return p


def summarise(docs, limit):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    all_s = [s for d in docs for s in sents(d)]
    if not all_s:
        return ""
    x = TfidfVectorizer(stop_words="english").fit_transform(all_s)
    sim = cosine_similarity(x)
    order = np.argsort(-lexrank_scores(sim), kind="stable")
    pick = []
    for j in order:
        if sum(len(all_s[k].split()) for k in pick) >= limit:
            break
        if pick and sim[j, pick].max() > REDUNDANT:
            continue
        pick.append(j)
    return " ".join(all_s[k] for k in pick)


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip().splitlines()[-4], file=sys.stderr)
        return 2
    kind, path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    eval_dir = sys.argv[4] if len(sys.argv) == 5 else os.path.join(repo, "..", "shared", "eval")
    sys.path.insert(0, eval_dir)
    import rouge

    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if kind == "duc":
                docs = [d["text"] for d in r["docs"]]
                refs = [x["text"] if isinstance(x, dict) else x for x in r["references"]]
            else:  # the clusters baseline_summ.py reads: no link gaps, some source text
                if r.get("summary_has_link_gaps"):
                    continue
                docs = [d for d in (s.get("text") or s.get("maintext") or "" for s in r["sources"]) if d]
                refs = [r["summary"]]
                if not docs:
                    continue
            rows.append(rouge.score(summarise(docs, limit), refs, limit))
    if not rows:
        print("lexrank 0 {}")
        return 0
    print("lexrank", len(rows), {k: round(statistics.mean(x[k] for x in rows) * 100, 2) for k in rows[0]})
    return 0


if __name__ == "__main__":
    sys.exit(main())
