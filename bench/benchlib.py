"""Helpers shared by bench/*.py and eval/clustering.py (standard library only).

- default paths (repo root, ../shared/data, ../shared/eval, build/storyline)
- machine description (CPU model, cores, memory)
- run_measured(): run one command as a direct child and return wall seconds and that child's
  own peak RSS (os.wait4 gives the rusage of exactly that child, so every run is measured on
  its own, not as the running maximum that getrusage(RUSAGE_CHILDREN) would report)
- finding an interpreter that can import scikit-learn for ../shared/eval/baseline_sklearn.py
- loading ../shared/eval/metrics.py, and corpus generation with caching
"""
import importlib.util, json, os, platform, shutil, signal, subprocess, sys, tempfile, threading, time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
DEFAULT_STORYLINE = os.path.join(REPO, "build", "storyline")
BENCH_DIR = os.path.join(REPO, "bench")


def eprint(*a):
    print(*a, file=sys.stderr, flush=True)


def default_eval_dir(data):
    """../shared/eval sits beside ../shared/data."""
    return os.path.join(os.path.dirname(os.path.abspath(data)), "eval")


def machine_info():
    info = {"cpu_model": platform.processor() or platform.machine(), "logical_cpus": os.cpu_count(),
            "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "mem_total_gb": None, "kernel": platform.release(), "python": platform.python_version()}
    try:
        phys = set()
        cur = {}
        for line in open("/proc/cpuinfo"):
            if ":" not in line:
                if cur:
                    phys.add((cur.get("physical id"), cur.get("core id")))
                    cur = {}
                continue
            k, v = (x.strip() for x in line.split(":", 1))
            cur[k] = v
            if k == "model name":
                info["cpu_model"] = v
        if cur:
            phys.add((cur.get("physical id"), cur.get("core id")))
        if phys and (None, None) not in phys:
            info["physical_cores"] = len(phys)
    except OSError:
        pass
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                info["mem_total_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def machine_line(info):
    cores = f"{info['usable_cpus']} usable CPUs ({info['logical_cpus']} logical"
    if info.get("physical_cores"):
        cores += f", {info['physical_cores']} physical cores"
    return (f"machine: {info['cpu_model']}; {cores}); {info['mem_total_gb']} GB RAM; "
            f"Linux {info['kernel']}; Python {info['python']}")


def run_measured(cmd, timeout=None, stdout_path=None, env=None, cwd=None):
    """Run cmd, return {"rc", "wall_s", "maxrss_mb", "stderr", "timed_out"}.
    stdout goes to stdout_path (or /dev/null); stderr is captured through a temp file."""
    err = tempfile.TemporaryFile()
    out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    timed_out = [False]
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)

        def kill():
            timed_out[0] = True
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout_path:
            out.close()
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    err.close()
    return {"rc": p.returncode, "wall_s": wall, "maxrss_mb": ru.ru_maxrss / 1024.0,
            "stderr": stderr, "timed_out": timed_out[0]}


def load_metrics(eval_dir):
    path = os.path.join(eval_dir, "metrics.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("storyline_shared_metrics", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_ids_labels(path, keys=("story", "label")):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            for k in keys:
                if k in r:
                    out[str(r["id"])] = str(r[k])
                    break
    return out


_SKLEARN_PY = {}


def find_sklearn_python(preferred=None):
    """An interpreter that can import sklearn: --python if given, else this one, else Debian's
    /usr/bin/python3 (pyenv or venv interpreters often lack python3-sklearn)."""
    cands = [preferred] if preferred else [sys.executable, "/usr/bin/python3", shutil.which("python3")]
    for c in cands:
        if not c:
            continue
        if c not in _SKLEARN_PY:
            try:
                _SKLEARN_PY[c] = subprocess.run([c, "-c", "import sklearn, numpy"], capture_output=True,
                                                timeout=120).returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                _SKLEARN_PY[c] = False
        if _SKLEARN_PY[c]:
            return c
    return None


def ensure_corpus(n, seed, data, work, quiet=True):
    """Generate (or reuse) the corpus of n articles under work/corpus-n{n}-s{seed}/.
    Reused only when meta.json (written last) matches n, seed and the generator version."""
    sys.path.insert(0, BENCH_DIR)
    import make_corpus
    out = os.path.join(work, f"corpus-n{n}-s{seed}")
    meta_path = os.path.join(out, "meta.json")
    if os.path.exists(meta_path):
        try:
            meta = json.load(open(meta_path))
            if (meta.get("n"), meta.get("seed"), meta.get("generator_version"), meta.get("data")) == \
                    (n, seed, make_corpus.GENERATOR_VERSION, os.path.abspath(data)):
                return out, meta
        except (OSError, ValueError):
            pass
    eprint(f"generating corpus: {n} articles, seed {seed} -> {out}")
    meta = make_corpus.generate(n, seed, data, out, log=(lambda *x: None) if quiet else eprint)
    return out, meta


def complete_pred(gold, pred):
    """Restrict pred to the gold ids; a gold id the tool left out becomes a singleton story
    (the CLI contract says every input article gets a row, so any such id is reported).
    Returns (pred over exactly the gold ids, list of missing ids)."""
    missing = [i for i in gold if i not in pred]
    sub = {i: pred[i] if i in pred else f"__missing__/{i}" for i in gold}
    return sub, missing
