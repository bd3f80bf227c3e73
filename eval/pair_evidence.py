#!/usr/bin/env python3
"""How well each kind of pairwise evidence tells same-event pairs from different-event pairs.

A diagnostic for clustering work, outside the engine: on the pairs that decide a clustering
(galaxy wikinews_big pairs whose body TF-IDF cosine is over 0.15; ECB+ topics 1-22 pairs inside
one topic, where every topic holds two events of one kind) it prints the ROC AUC of several
scikit-learn TF-IDF cosines, of the engine's 0.8 text / 0.2 names mix, and of a logistic
regression over all of them trained on one set and scored on the other (the learned mix of
Miranda et al. 2018). docs/CLUSTERING_QUALITY.md reports its figures.

Usage (from the repo root; needs Debian's python3-sklearn, found automatically):
    python3 eval/pair_evidence.py [--data ../shared/data] [--json]

Without the data it prints a message and exits 0.
"""
import argparse, json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bench"))
import benchlib  # noqa: E402
from benchlib import eprint  # noqa: E402

REEXEC_MARK = "STORYLINE_PAIR_EVIDENCE_REEXEC"
NAME = r"\b[A-Z][a-z]+\b"
# Feature name -> what it compares.
FEATURES = {
    "body": "title + text, words",
    "bigrams": "title + text, word bigrams",
    "lead": "first 3 sentences, words",
    "names": "capitalised words",
    "name_bigrams": "pairs of capitalised words in one name",
    "lead_names": "capitalised words of the first 3 sentences",
    "numbers": "digit runs",
}


def ensure_sklearn():
    try:
        import sklearn, numpy  # noqa: F401
        return True
    except ImportError:
        pass
    py = None if os.environ.get(REEXEC_MARK) else benchlib.find_sklearn_python()
    if py and os.path.realpath(py) != os.path.realpath(sys.executable):
        os.environ[REEXEC_MARK] = "1"
        os.execv(py, [py, os.path.abspath(__file__)] + sys.argv[1:])
    return False


def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _lead(text):
    return " ".join(re.split(r"(?<=[.!?])\s+", text.strip())[:3])


def _names(text):
    return " ".join(re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", text))


def cosines(rows):
    """Feature name -> dense matrix of pairwise cosines."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    import numpy as np

    body = [(r.get("title") or "") + "\n" + r["text"] for r in rows]
    lead = [_lead(r["text"]) for r in rows]
    docs = {
        "body": (body, {}),
        "bigrams": (body, {"ngram_range": (2, 2)}),
        "lead": (lead, {}),
        "names": ([_names(r["text"]) for r in rows], {"lowercase": False, "token_pattern": NAME}),
        "name_bigrams": ([_names(r["text"]) for r in rows],
                         {"lowercase": False, "token_pattern": NAME, "ngram_range": (2, 2)}),
        "lead_names": ([_names(t) for t in lead], {"lowercase": False, "token_pattern": NAME}),
        "numbers": ([" ".join(re.findall(r"\d[\d,.]*", r["text"])) for r in rows], {"token_pattern": r"\S+"}),
    }
    out = {}
    for name, (texts, kw) in docs.items():
        kw = dict(kw)
        if "token_pattern" not in kw or kw.get("lowercase", True):
            kw["stop_words"] = "english"
        try:
            x = TfidfVectorizer(sublinear_tf=True, **kw).fit_transform(texts)
            out[name] = (x @ x.T).toarray()
        except ValueError:  # empty vocabulary
            out[name] = np.zeros((len(rows), len(rows)))
    return out


def pairs(rows, label, group, cos, min_body=None):
    import numpy as np

    x, y = [], []
    keys = list(FEATURES)
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if group and group(rows[i]) != group(rows[j]):
                continue
            if min_body is not None and cos["body"][i, j] < min_body:
                continue
            x.append([cos[k][i, j] for k in keys])
            y.append(label(rows[i]) == label(rows[j]))
    return np.array(x), np.array(y)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(benchlib.REPO, "..", "shared", "data"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    galaxy = os.path.join(args.data, "galaxy-wikinews-events", "wikinews_big.jsonl")
    ecb = os.path.join(args.data, "ecbplus", "ecbplus_docs.jsonl")
    for p in (galaxy, ecb):
        if not os.path.exists(p):
            print(f"pair_evidence: {p} absent; nothing to measure")
            return 0
    if not ensure_sklearn():
        eprint("pair_evidence: no interpreter with scikit-learn and numpy (Debian: python3-sklearn)")
        return 2
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    g_rows = _jsonl(galaxy)
    e_rows = [r for r in _jsonl(ecb) if int(r["topic"]) <= 22]
    sets = {
        "galaxy_big": pairs(g_rows, lambda r: r["event_idx"], None, cosines(g_rows), 0.15),
        "ecb_1_22": pairs(e_rows, lambda r: r["subtopic"], lambda r: r["topic"], cosines(e_rows)),
    }
    keys = list(FEATURES)
    res = {"pairs": {s: {"n": int(len(y)), "same": int(y.sum())} for s, (_, y) in sets.items()}, "auc": {}}
    for i, k in enumerate(keys):
        res["auc"][k] = {s: roc_auc_score(y, x[:, i]) for s, (x, y) in sets.items()}
    b, n = keys.index("body"), keys.index("names")
    res["auc"]["mix_0.8_0.2"] = {s: roc_auc_score(y, 0.8 * x[:, b] + 0.2 * x[:, n]) for s, (x, y) in sets.items()}
    res["learned"] = {}
    for train in sets:
        model = LogisticRegression(max_iter=2000).fit(*sets[train])
        res["learned"][train] = {
            "auc": {s: roc_auc_score(y, model.decision_function(x)) for s, (x, y) in sets.items()},
            "weights": dict(zip(keys, (round(float(w), 2) for w in model.coef_[0]))),
        }
    if args.json:
        print(json.dumps(res, indent=1))
        return 0
    names = list(sets)
    print("pairs: " + ", ".join(f"{s} {v['n']} ({v['same']} same event)" for s, v in res["pairs"].items()))
    print(f"{'ROC AUC':28s}" + "".join(f"{s:>12s}" for s in names))
    for k, v in res["auc"].items():
        print(f"{k:28s}" + "".join(f"{v[s]:12.3f}" for s in names))
    for train, v in res["learned"].items():
        print(f"{'learned on ' + train:28s}" + "".join(f"{v['auc'][s]:12.3f}" for s in names))
        print("  weights: " + ", ".join(f"{k} {w}" for k, w in v["weights"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
