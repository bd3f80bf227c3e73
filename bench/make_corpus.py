#!/usr/bin/env python3
"""Generate a realistic, labelled news corpus from the real sentences in ../shared/data.

Usage:
    bench/make_corpus.py --n 2000 --seed 1 --out /tmp/corpus-2k [--data DIR]

Writes OUT/articles.jsonl (one {"id","source","title","text","published","lang"} a line,
sorted by published time), OUT/gold.jsonl ({"id","label"}), OUT/copies.jsonl (one
{"id","copy_of"} a line for each syndicated copy, naming the article it copies) and
OUT/meta.json (parameters and statistics; written last, so its presence marks a complete
corpus).

Design (see bench/README.md):
  * Real events are collected from the labelled sets: every galaxy-wikinews-events set
    (*.jsonl, one event per event_idx), every ECB+ subtopic, and every WikinewsSum cluster
    (its English source articles). An event is a pool of source articles, each a title (or
    none) and its sentences in order. A source article that (nearly) duplicates one already
    used is dropped, so one source article never feeds two events.
  * A story is one event placed at one epoch (a start date). An event is reused at several
    epochs, their starts at least 48 days apart (every story lasts at most 3 days, so two
    stories of one event are at least 45 days apart). Gold label = "<event>@<epoch>": a
    clusterer that uses time can separate them; text alone cannot.
  * Story sizes are heavy-tailed: P(size = s) ~ s^-2 for s in 1..100 (about 60% singletons,
    ~90% of stories have 1-5 articles, ~2.5% have 20-100).
  * Each article is 6-25 consecutive-run sentences drawn from 1-3 source articles of the
    pool (each source's order kept, the lead source usually from its start), grouped in
    paragraphs of 1-3 sentences; a title from the pool's titles or the article's first
    sentence; an outlet from 60 fake outlet names; published within 1-3 days of the story
    start (skewed early).
  * About 5% of articles are syndicated near-copies of an earlier article of the same story
    (another outlet, a few hours later, with a new first sentence and/or a footer).

Deterministic for a given (--seed, --n, data). Memory stays small: only per-article specs
(a few ints) are kept; texts are rendered while writing. Standard library only.
"""
import argparse, bisect, datetime as dt, json, math, os, random, re, sys, time
from collections import defaultdict

GENERATOR_VERSION = 3  # 3: copies.jsonl; articles and gold as in 2
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))

OUTLETS = [
    "The Daily Courier", "Metro Herald", "Northern Ledger", "Global Wire Service", "The Evening Post",
    "Capital Chronicle", "Harbor Gazette", "Valley Tribune", "The World Desk", "Continental Press",
    "Riverside Times", "The Morning Standard", "Atlantic Dispatch", "Pacific Observer", "The Civic Journal",
    "Summit News", "Lakeside Record", "Union Bulletin", "The National Review Daily", "Midland Examiner",
    "City Beat", "The Independent Voice", "Frontier Reporter", "Coastal Sentinel", "Bay Area Monitor",
    "Heartland Register", "The Public Ledger", "Eastern Star News", "Western Mail Online", "Crown Courier",
    "Newsroom 24", "The Signal", "Prairie Post", "Highland Herald", "Metropolitan Times",
    "Sunrise Daily", "The Beacon", "Harborview News", "The Statesman Online", "Tri-County Journal",
    "World Briefing", "Newsline International", "The Chronicle Wire", "Delta Daily News", "Granite Gazette",
    "The Correspondent", "Pioneer Press Online", "Newsfront", "Open Press Agency", "Southern Herald",
    "The Observer Network", "Daily Bulletin", "Union Tribune Online", "Metro Wire", "The Inquirer Post",
    "News Today", "Regional Times", "The Times Digest", "Liberty Ledger", "Eagle Press",
]

# ---------------------------------------------------------------- sentence splitting
_SPLIT = re.compile(r'(?:(?<=[.!?])|(?<=[.!?]["\'\u201d\u2019)]))\s+(?=["\'\u201c\u2018(]?[A-Z0-9])')
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt",
           "sgt", "no", "vs", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
           "oct", "nov", "dec", "prof", "rev", "ft", "mt", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
           "approx", "est", "dept", "univ", "ave", "blvd", "mass", "calif", "fla", "pa", "wash"}
_WS = re.compile(r"[ \t\u00a0]+")


def split_sentences(text):
    """Lines are hard breaks; inside a line a regex splitter that keeps common abbreviations."""
    out = []
    for line in text.replace("\r", "\n").split("\n"):
        line = _WS.sub(" ", line).strip()
        if not line:
            continue
        parts = _SPLIT.split(line)
        cur = ""
        for p in parts:
            if cur:
                last = cur.rsplit(" ", 1)[-1].rstrip(".").lower()
                if last in _ABBREV or (len(last) == 1 and last.isalpha()):
                    cur = cur + " " + p
                    continue
                out.append(cur)
            cur = p
        if cur:
            out.append(cur)
    return [s for s in out if 4 <= len(s.split()) <= 120]


# ---------------------------------------------------------------- loading events
def load_events(data):
    """Return list of events: {"key", "dataset", "docs": [(title or "", [sentence str])]}."""
    events = []
    gdir = os.path.join(data, "galaxy-wikinews-events")
    if os.path.isdir(gdir):
        for fn in sorted(os.listdir(gdir)):
            if not fn.endswith(".jsonl"):
                continue
            by = defaultdict(list)
            for line in open(os.path.join(gdir, fn), encoding="utf-8"):
                r = json.loads(line)
                by[r["event_idx"]].append(r)
            for ev in sorted(by):
                docs = [((r.get("title") or "").strip(), split_sentences(r.get("text") or ""))
                        for r in sorted(by[ev], key=lambda r: r["article_idx"])]
                et = by[ev][0].get("event_title") or ""
                slug = "_" in et and " " not in et          # handpicked: "homs_evacuation"
                events.append({"key": f"galaxy/{fn[:-6]}/{ev}", "dataset": "galaxy",
                               "titles": [] if slug else [et], "ref": et.replace("_", " "), "docs": docs})
    ecb = os.path.join(data, "ecbplus", "ecbplus_docs.jsonl")
    if os.path.exists(ecb):
        by = defaultdict(list)
        for line in open(ecb, encoding="utf-8"):
            r = json.loads(line)
            by[r["subtopic"]].append(r)
        for st in sorted(by, key=lambda s: (int(s.split("_")[0]), s)):
            docs = [("", split_sentences(r["text"])) for r in sorted(by[st], key=lambda r: r["doc_id"])]
            events.append({"key": f"ecbplus/{st}", "dataset": "ecbplus", "titles": [], "ref": "", "docs": docs})
    wns = os.path.join(data, "wikinewssum-prototype", "wikinewssum_en.jsonl")
    if os.path.exists(wns):
        for line in open(wns, encoding="utf-8"):
            r = json.loads(line)
            docs = [((s.get("title") or "").strip(), split_sentences(s.get("text") or ""))
                    for s in r.get("sources", [])]
            events.append({"key": f"wikinewssum/{r['cluster_id']}", "dataset": "wikinewssum",
                           "titles": [r.get("title") or ""],
                           "ref": (r.get("title") or "") + "\n" + (r.get("summary") or ""), "docs": docs})
    return events


def _norm(s):
    return re.sub(r"[^a-z0-9 ]", "", s.lower())


def clean_events(events, log):
    """Drop empty docs and events, and drop near-duplicate source articles: a doc whose
    distinctive sentences (>= 8 words) are half or more inside one doc kept earlier (in any
    event) is left out, so one source article never feeds two events. Events themselves are
    never merged: related events (a charge, then the defence's answer) stay apart, as in the
    gold of the sets they come from; shared boilerplate lines are kept (real pages have them)."""
    kept_sents = {}          # normalised sentence -> set of kept doc ids
    n_doc = dropped = 0
    for e in events:
        docs = []
        for title, sents in e["docs"]:
            if not sents:
                continue
            keys = {_norm(s) for s in sents if len(s.split()) >= 8}
            hits = defaultdict(int)
            for k in keys:
                for d in kept_sents.get(k, ()):
                    hits[d] += 1
            best = max(hits.values(), default=0)
            if keys and best * 2 >= len(keys) or (not keys and any(_norm(s) in kept_sents for s in sents)):
                dropped += 1
                continue
            for k in keys:
                kept_sents.setdefault(k, set()).add(n_doc)
            n_doc += 1
            docs.append((title, sents))
        e["docs"] = docs
    n_off = relevance_filter(events, log)
    out = [e for e in events if sum(len(s) for _, s in e["docs"]) >= 4]
    log(f"  dropped {dropped} near-duplicate and {n_off} off-event source articles, and "
        f"{len(events) - len(out)} events left with fewer than 4 sentences")
    return out


# Pages that are not articles: error pages, login/paywall walls, robot checks, home pages.
_JUNK = re.compile(r"\b(page (is currently unavailable|cannot be found|you requested|not found)|unable to process "
                   r"your request|try again later|are you a robot|javascript and cookies|document not found|"
                   r"has been archived|log ?in|sign in|register(ing)? (with|for)|subscribe|site license|"
                   r"institutional customers|story id may be invalid|latest news|breaking news|headlines)\b",
                   re.I)
_ROUNDUP = re.compile(r"^on the campaign trail", re.I)   # Wikinews monthly round-ups: many events
_FUNC = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "was", "on", "with", "he", "it", "as", "by"}
_STOP = _FUNC | {"an", "or", "at", "from", "be", "been", "are", "its", "this", "she", "they", "his", "her",
                 "their", "has", "have", "had", "not", "but", "said", "says", "will", "would", "which", "who",
                 "after", "over", "were", "also", "more", "than", "one", "two", "new", "can"}


def _toks(t):
    return [w for w in re.findall(r"[a-z][a-z']+", t.lower()) if w not in _STOP and len(w) > 2]


def relevance_filter(events, log):
    """Keep only source articles that are English news prose about their event (ECB+ is curated
    and left as is). A doc is dropped when its title or first lines look like an error, login or
    home page; when under 12% of its words are common English function words (other languages,
    tables, lists); or when its TF-IDF cosine to the event's reference text (Wikinews headline,
    WikinewsSum summary) and to every other doc of the event are all below 0.06 (0.03 for a
    galaxy event's only doc, which has just the short title to compare with). Galaxy's
    "On the campaign trail" round-ups (one Wikinews page citing many separate events) are
    dropped whole."""
    docs_tok = []
    for e in events:
        for t, d in e["docs"]:
            docs_tok.append(set(_toks(t + " " + " ".join(d))))
    df = defaultdict(int)
    for ts in docs_tok:
        for w in ts:
            df[w] += 1
    N = len(docs_tok) + 1

    def vec(text):
        c = defaultdict(int)
        for w in _toks(text):
            c[w] += 1
        v = {w: (1 + math.log(n)) * math.log(N / (1 + df.get(w, 0)) + 1) for w, n in c.items()}
        z = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {w: x / z for w, x in v.items()}

    def cos(a, b):
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(w, 0.0) for w, x in a.items())
    dropped = 0
    for e in events:
        if e["dataset"] == "ecbplus":
            continue
        if _ROUNDUP.search(e.get("ref", "")):
            dropped += len(e["docs"])
            e["docs"] = []
            continue
        vs = [vec(t + " " + " ".join(d)) for t, d in e["docs"]]
        ref = vec(e.get("ref", ""))
        keep = []
        # a lone galaxy doc has only its (short) event title to compare with: lower bar
        thr = 0.03 if len(e["docs"]) == 1 and e["dataset"] == "galaxy" else 0.06
        for k, (t, d) in enumerate(e["docs"]):
            head = t + " " + " ".join(d[:3])
            words = re.findall(r"[a-z]+", " ".join(d).lower())
            func = sum(1 for w in words if w in _FUNC) / max(1, len(words))
            rel = max([cos(vs[k], ref)] + [cos(vs[k], v) for j, v in enumerate(vs) if j != k])
            if _JUNK.search(head) and rel < 0.15 or func < 0.12 or rel < thr:
                dropped += 1
                if os.environ.get("MAKE_CORPUS_DEBUG"):
                    print(f"DROP {e['key']} rel={rel:.3f} func={func:.2f} junk={bool(_JUNK.search(head))} "
                          f"| {t[:40]} | {' '.join(d)[:80]}", file=sys.stderr)
                continue
            keep.append((t, d))
        e["docs"] = keep
    return dropped


# ---------------------------------------------------------------- article rendering
def size_sampler(rng, alpha=2.0, smax=100):
    w = [s ** -alpha for s in range(1, smax + 1)]
    cum, t = [], 0.0
    for x in w:
        t += x
        cum.append(t)
    return lambda: bisect.bisect_left(cum, rng.random() * t) + 1


def shorten_title(s):
    words = s.split()
    if len(words) <= 14:
        return s.rstrip(".")
    cut = " ".join(words[:14])
    for sep in (", ", "; ", " - ", " \u2013 "):
        i = cut.find(sep)
        if i > 25:
            return cut[:i]
    return cut.rstrip(",;:") + "..."


def render_original(ev, aseed):
    """Title and list of sentences for one (non-syndicated) article, from its own seed."""
    r = random.Random(aseed)
    docs = ev["docs"]
    nsrc = min(len(docs), r.choices((1, 2, 3), weights=(50, 35, 15))[0])
    picks = r.sample(range(len(docs)), nsrc)
    total = sum(len(docs[i][1]) for i in picks)
    m = min(total, r.randint(6, 25))
    # allocate m sentences: the lead source gets most of them
    alloc = [0] * nsrc
    if nsrc == 1:
        alloc[0] = m
    else:
        alloc[0] = max(1, int(m * r.uniform(0.45, 0.8)))
        rest = m - alloc[0]
        for k in range(1, nsrc):
            alloc[k] = rest // (nsrc - 1) + (1 if k <= rest % (nsrc - 1) else 0)
    # move surplus where a source is too short
    for _ in range(2):
        surplus = 0
        for k, i in enumerate(picks):
            if alloc[k] > len(docs[i][1]):
                surplus += alloc[k] - len(docs[i][1])
                alloc[k] = len(docs[i][1])
        for k, i in enumerate(picks):
            room = len(docs[i][1]) - alloc[k]
            add = min(room, surplus)
            alloc[k] += add
            surplus -= add
    sents = []
    for k, i in enumerate(picks):
        src = docs[i][1]
        n = alloc[k]
        if n <= 0:
            continue
        if k == 0 and r.random() < 0.7:
            start = 0
        else:
            start = r.randint(0, len(src) - n)
        sents.extend(src[start:start + n])
    # title
    lead_title = docs[picks[0]][0]
    titles = [t for t in ev["titles"] if t] + [t for t, _ in docs if t]
    x = r.random()
    if lead_title and x < 0.55:
        title = lead_title
    elif titles and x < 0.8:
        title = r.choice(titles)
    else:
        title = shorten_title(sents[0])
    return title, sents, r


def paragraphs(sents, r):
    out, i = [], 0
    while i < len(sents):
        k = r.choice((1, 1, 2, 2, 3))
        out.append(" ".join(sents[i:i + k]))
        i += k
    return "\n\n".join(out)


FOOTERS = [
    "Copyright {year} {outlet}. All rights reserved.",
    "This article was originally published by {orig}.",
    "({outlet} contributed to this report.)",
    "Follow {outlet} for the latest updates on this story.",
    "Reporting by {outlet} staff; editing by the news desk.",
]


def render(ev, spec):
    """spec: (aseed, outlet, year, synd) with synd None or (orig_seed, orig_outlet, mod_seed)."""
    aseed, outlet, year, synd = spec
    if synd is None:
        title, sents, r = render_original(ev, aseed)
        return title, paragraphs(sents, r)
    orig_seed, orig_outlet, mod_seed = synd
    title, sents, r = render_original(ev, orig_seed)
    text_r = r  # continue the original's stream so the paragraphs are identical
    sents = list(sents)
    m = random.Random(mod_seed)
    kind = m.choice(("first", "footer", "both"))
    if kind in ("first", "both"):
        pool = [s for _, d in ev["docs"] for s in d]
        choice = m.random()
        if choice < 0.5 and len(pool) > len(sents):
            sents[0] = m.choice(pool)
        elif choice < 0.8:
            sents[0] = f"{outlet.upper()} \u2014 " + sents[0]
        elif len(sents) > 1:
            sents = sents[1:]
    body = paragraphs(sents, text_r)
    if kind in ("footer", "both"):
        body += "\n\n" + m.choice(FOOTERS).format(year=year, outlet=outlet, orig=orig_outlet)
    if m.random() < 0.3:
        title = m.choice(("UPDATE 1-", "UPDATED: ", "")) + title
    return title, body


# ---------------------------------------------------------------- main
def generate(n, seed, data, out, log=print):
    t_start = time.time()
    log(f"loading events from {data}")
    events = clean_events(load_events(data), log)
    if not events:
        raise SystemExit("no events found")
    E = len(events)
    by_ds = defaultdict(int)
    for e in events:
        by_ds[e["dataset"]] += 1
    log(f"  {E} events ({dict(by_ds)}), {sum(len(e['docs']) for e in events)} source articles, "
        f"{sum(len(s) for e in events for _, s in e['docs'])} sentences")

    rng = random.Random(f"storyline-corpus/{seed}")
    draw = size_sampler(rng)
    sizes, tot = [], 0
    while tot < n:
        s = min(draw(), n - tot)
        sizes.append(s)
        tot += s
    S = len(sizes)
    # balanced assignment of stories to events
    story_event, order = [], []
    for j in range(S):
        if not order:
            order = list(range(E))
            rng.shuffle(order)
        story_event.append(order.pop())
    per_event = defaultdict(list)
    for j, e in enumerate(story_event):
        per_event[e].append(j)
    kmax = max(len(v) for v in per_event.values())
    GAP, MAXDUR = 48 * 86400, 3 * 86400
    span_days = max(730, int(kmax * 48 * 1.3) + 4)
    end = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
    t_origin = int((end - dt.timedelta(days=span_days)).timestamp())
    slack_total = span_days * 86400 - MAXDUR
    story_start, story_epoch = [0] * S, [0] * S
    for e in range(E):
        js = per_event.get(e, [])
        k = len(js)
        if not k:
            continue
        slack = slack_total - (k - 1) * GAP
        pts = sorted(rng.randint(0, slack) for _ in range(k))
        starts = [t_origin + p + i * GAP for i, p in enumerate(pts)]
        rng.shuffle(js)
        for epoch, (j, st) in enumerate(zip(js, starts)):
            story_start[j] = st
            story_epoch[j] = epoch
    n_rest = n - S
    p_synd = min(0.5, 0.05 * n / n_rest) if n_rest else 0.0

    # article specs: (published_ts, story, local_idx, aseed, outlet_idx, synd)
    specs = []
    n_synd = 0
    for j in range(S):
        dur = rng.uniform(86400, MAXDUR)
        t0 = story_start[j]
        made = []  # (ts, aseed, outlet)
        for a in range(sizes[j]):
            if a == 0:
                ts = t0
            else:
                ts = t0 + int(dur * rng.random() ** 2)
            aseed = rng.getrandbits(63)
            outlet = rng.randrange(len(OUTLETS))
            synd = None
            if a > 0 and made and rng.random() < p_synd:
                ots, oseed, ooutlet = made[rng.randrange(len(made))]
                outlet = (ooutlet + 1 + rng.randrange(len(OUTLETS) - 1)) % len(OUTLETS)
                ts = min(ots + rng.randint(600, 12 * 3600), t0 + MAXDUR)
                synd = (oseed, ooutlet, rng.getrandbits(63))
                n_synd += 1
            else:
                made.append((ts, aseed, outlet))
            specs.append((ts, j, a, aseed, outlet, synd))
    specs.sort(key=lambda x: (x[0], x[1], x[2]))
    log(f"  {S} stories, {n_synd} syndicated copies, span {span_days} days, max {kmax} epochs/event "
        f"({time.time() - t_start:.1f}s)")

    os.makedirs(out, exist_ok=True)
    meta_path = os.path.join(out, "meta.json")
    if os.path.exists(meta_path):
        os.remove(meta_path)
    width = max(6, len(str(n)))
    id_of_seed = {}  # an original's article seed -> its id (it is written before its copies)
    with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as fa, \
            open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as fg, \
            open(os.path.join(out, "copies.jsonl"), "w", encoding="utf-8") as fc:
        for i, (ts, j, a, aseed, outlet, synd) in enumerate(specs):
            ev = events[story_event[j]]
            when = dt.datetime.fromtimestamp(ts, dt.timezone.utc)
            ospec = None if synd is None else (synd[0], OUTLETS[synd[1]], synd[2])
            title, text = render(ev, (aseed, OUTLETS[outlet], when.year, ospec))
            aid = f"s{seed}-{i:0{width}d}"
            fa.write(json.dumps({"id": aid, "source": OUTLETS[outlet], "title": title, "text": text,
                                 "published": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "lang": "en"},
                                ensure_ascii=False) + "\n")
            fg.write(json.dumps({"id": aid, "label": f"{ev['key']}@{story_epoch[j]}"}) + "\n")
            if synd is None:
                id_of_seed[aseed] = aid
            else:
                fc.write(json.dumps({"id": aid, "copy_of": id_of_seed[synd[0]]}) + "\n")
    size_hist = defaultdict(int)
    for s in sizes:
        size_hist["1" if s == 1 else "2-5" if s <= 5 else "6-19" if s <= 19 else "20-100"] += 1
    meta = {"generator_version": GENERATOR_VERSION, "n": n, "seed": seed, "data": os.path.abspath(data),
            "events": E, "events_by_dataset": dict(by_ds), "stories": S, "syndicated": n_synd,
            "story_sizes": dict(size_hist), "max_story": max(sizes), "span_days": span_days,
            "max_epochs_per_event": kmax, "first": dt.datetime.fromtimestamp(specs[0][0], dt.timezone.utc).isoformat(),
            "last": dt.datetime.fromtimestamp(specs[-1][0], dt.timezone.utc).isoformat(),
            "articles_bytes": os.path.getsize(os.path.join(out, "articles.jsonl")),
            "seconds": round(time.time() - t_start, 2)}
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=1)
    log(f"wrote {n} articles ({meta['articles_bytes'] / 1e6:.1f} MB) to {out} in {meta['seconds']}s")
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--data", default=DEFAULT_DATA, help=f"shared data dir (default {DEFAULT_DATA})")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print(f"make_corpus: data directory {a.data} not found; skipping", file=sys.stderr)
        return 0
    if a.n < 1:
        ap.error("--n must be >= 1")
    generate(a.n, a.seed, a.data, a.out, log=(lambda *x: None) if a.quiet else
             (lambda *x: print(*x, file=sys.stderr)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
