"""The web server under load: requests/s and p95 latency while a build writes.

A store of at least 5,000 articles is made once and cached under build/serve/:
timeline17's 4,650 article texts (detokenized; the folder date as the dataset's
date; the outlet from the folder name) written as JSON Lines, plus the first
texts again with a line added (new ids and content: near copies, as wire copies
are) until there are `--articles`, built with `storyline build` (the shipped
language model, one worker). Nothing from ../shared/data is copied into the repo.

The run: `storyline serve` on a free loopback port (a subprocess, pinned to the
cores this process may use, with `--lag`, default 30 s as `storyline serve`), and, on a copy of the
cached store, `storyline build` writing to the same database the whole time: one small
file of new articles (timeline17 texts again, with a line added) after another, each
build committing its articles and then regrouping stories, retelling timelines and
resolving names (a build commits every 200 articles: one long build would commit
nothing while the pages are measured). After a warm-up request to every address,
three kinds of request, each measured at 1, 8 and 32 concurrent clients (threads on
keep-alive connections) for `--seconds` per (kind, clients):

- `stories`: the stories page (`/`, the default size order);
- `story`: a story page (`/stories/ID`), cycling over the 20 largest stories (1,307
  articles down to 7 in the cached store);
- `search`: `/search?q=WORD` over a fixed list of words.

A request is an error when it does not come back 200 within 10 s.

    python bench/serve.py [--data ../shared/data] [--articles 5000] [--seconds 10]
                          [--clients 1,8,32] [--lag 30]

Last stdout line: {"bench": "serve", "articles", "story_p95_ms" (8 clients),
"search_p95_ms" (8 clients), "stories_p95_ms" (8 clients), "rps" (all kinds at 8
clients), "errors" (all runs), "build_wrote" (articles the concurrent builds added),
"builds_finished", "writing_to_the_end" (a build was still running when the last run
ended), "runs": [{kind, clients, requests, rps, p50_ms, p95_ms, errors}], "seconds"}.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from _data import REPO_ROOT, detokenize  # noqa: E402

WORK = REPO_ROOT / "build" / "serve"
PYTHON = sys.executable


def corpus_lines(data: Path, count: int) -> list[str]:
    """JSON Lines records of timeline17's texts, then near copies of them, so that at
    least `count` articles are stored: as many copies again as there are texts storyline
    skips (empty ones, and the same text twice). Appended at the end, so a store built
    from fewer lines is built on, not redone."""
    records = []
    for folder in sorted((data / "timeline17").iterdir()):
        if not folder.is_dir():
            continue
        outlet = folder.name.split("_", 1)[1]
        for path in sorted(folder.glob("InputDocs/*/*.txt")):
            text = detokenize(path.read_text(encoding="utf-8", errors="replace"))
            records.append({"id": f"{folder.name}/{path.parent.name}/{path.name}",
                            "text": text, "date": path.parent.name, "source": outlet})
    base = len(records)
    skipped = base - len({r["text"] for r in records if r["text"].strip()})
    for i in range(max(0, count - base + skipped) if count else 0):
        copy = dict(records[i % base])
        copy["id"] += f"#copy{i}"
        copy["text"] += f"\n\nThis copy was filed again for the load test ({i})."
        records.append(copy)
    return [json.dumps(r, ensure_ascii=False) for r in records]


def build(corpus: Path, db: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-m", "storyline", "build", str(corpus), "--db", str(db), "-q"],
        stdout=subprocess.DEVNULL, stderr=open(log, "w"), env=_env())


def _env() -> dict[str, str]:
    src = str(REPO_ROOT / "src")
    return {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}


def make_store(data: Path, count: int) -> tuple[Path, float | None]:
    """The cached store of `count` articles (built now when missing), and the seconds a
    build took when it ran now."""
    db = WORK / f"store-{count}.db"
    if db.exists() and (WORK / f"store-{count}.done").exists():
        return db, None
    WORK.mkdir(parents=True, exist_ok=True)
    corpus = WORK / f"corpus-{count}.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write("\n".join(corpus_lines(data, count)) + "\n")
    # A store left by a killed build, or built from an older corpus, is built on: the
    # build is incremental and resumes.
    started = time.time()
    print(f"building {count} articles into {db} (once; cached)", file=sys.stderr)
    run = build(corpus, db, WORK / f"store-{count}.log")
    if run.wait() not in (0, 1):
        sys.exit(f"build failed: see {WORK / f'store-{count}.log'}")
    took = time.time() - started
    (WORK / f"store-{count}.done").write_text(f"{took:.0f} seconds\n")
    return db, took


# -- the load ---------------------------------------------------------------------------

SEARCH_WORDS = ["protest", "oil spill", "president", "Mubarak", "swine flu", "Gaddafi",
                "water", "police", "earthquake", "bank", "Syria", "Jackson"]
TIMEOUT = 10.0
CHUNK = 10              # articles per build of the concurrent writer


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int, lag: float) -> subprocess.Popen:
    proc = subprocess.Popen([PYTHON, "-m", "storyline", "serve", "--db", str(db), "--port",
                             str(port), "--lag", str(lag)], stderr=subprocess.DEVNULL, env=_env())
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit("the server did not start")
            time.sleep(0.2)


def get(conn_box: list, port: int, url: str) -> tuple[float, bool]:
    """One request on the client's keep-alive connection: (seconds, ok)."""
    import http.client
    started = time.perf_counter()
    try:
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        conn_box[0].request("GET", url)
        response = conn_box[0].getresponse()
        response.read()
        ok = response.status == 200
    except (OSError, http.client.HTTPException):
        conn_box[0] = None          # a fresh connection for the next request
        ok = False
    return time.perf_counter() - started, ok


def load(port: int, urls: list[str], clients: int, seconds: float) -> dict:
    """`clients` threads asking for `urls` in turn for `seconds`: latencies and errors."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        box = [None]
        i = k
        mine, bad = [], 0
        while time.monotonic() < stop:
            took, ok = get(box, port, urls[i % len(urls)])
            i += clients
            mine.append(took)
            bad += not ok
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {"requests": len(latencies), "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "errors": errors[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--db", type=Path, help="serve this store instead of the cached one "
                    "(a copy is served and written to)")
    ap.add_argument("--seconds", type=float, default=10.0)
    ap.add_argument("--clients", default="1,8,32")
    ap.add_argument("--lag", type=float, default=30.0,
                    help="the server's --lag (0: every page read anew after each commit)")
    args = ap.parse_args()
    started = time.time()
    source, took = (args.db, None) if args.db else make_store(args.data, args.articles)
    if took is not None:
        print(f"built the {args.articles}-article store in {took:.0f} s", file=sys.stderr)
    # Served and written to: a copy, so the cached store stays as built.
    run = WORK / "run.db"
    for stale in WORK.glob("run.db*"):
        stale.unlink()
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, run)
    if Path(f"{source}-wal").exists():      # commits not yet checkpointed into the file
        shutil.copy(f"{source}-wal", f"{run}-wal")
    # What the concurrent writer adds: small files of new articles, one build each,
    # back to back (a build commits every 200 articles, so one long build would commit
    # nothing while the pages are measured; small ones commit their articles, then
    # regroup stories, retell timelines and resolve names, as users' builds do).
    chunks = WORK / "more"
    shutil.rmtree(chunks, ignore_errors=True)
    chunks.mkdir()
    fresh = corpus_lines(args.data, 0)
    for k in range(0, len(fresh), CHUNK):
        with open(chunks / f"more-{k // CHUNK:04d}.jsonl", "w", encoding="utf-8") as f:
            for line in fresh[k:k + CHUNK]:
                record = json.loads(line)
                record["text"] += "\n\nFiled again while the server was measured."
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
    port = free_port()
    server = serve(run, port, args.lag)
    writer = None
    try:
        import urllib.request
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/stories.json?limit=20") as r:
            listed = json.load(r)
        articles = listed and _count(run)
        stories = [f"/stories/{s['id']}" for s in listed["stories"]]
        kinds = {"stories": ["/"], "story": stories,
                 "search": [f"/search?q={w.replace(' ', '+')}" for w in SEARCH_WORDS]}
        for urls in kinds.values():          # warm: the first request of each opens files
            for url in urls:
                get([None], port, url)
        writer = Writer(sorted(chunks.iterdir()), run)
        writer.start()
        time.sleep(3)                          # the first build is past its start
        runs = []
        for clients in [int(c) for c in args.clients.split(",")]:
            for kind, urls in kinds.items():
                result = {"kind": kind, "clients": clients,
                          **load(port, urls, clients, args.seconds)}
                runs.append(result)
                print(json.dumps(result), file=sys.stderr)
        writing = writer.alive()
    finally:
        if writer is not None:
            writer.stop()
        server.terminate()
        server.wait()
    wrote = _count(run) - articles

    def at(kind: str, clients: int = 8) -> dict:
        return next((r for r in runs if r["kind"] == kind and r["clients"] == clients), runs[-1])

    eight = [r for r in runs if r["clients"] == 8]
    print(json.dumps({
        "bench": "serve", "articles": articles, "lag": args.lag, "story_p95_ms": at("story")["p95_ms"],
        "search_p95_ms": at("search")["p95_ms"], "stories_p95_ms": at("stories")["p95_ms"],
        "rps": round(sum(r["requests"] for r in eight) / (len(eight) * args.seconds), 1)
        if eight else None,
        "errors": sum(r["errors"] for r in runs), "build_wrote": wrote,
        "builds_finished": writer.finished, "writing_to_the_end": writing, "runs": runs,
        "seconds": round(time.time() - started)}))


class Writer:
    """`storyline build` of one small file after another into `db`, until stopped."""

    def __init__(self, files: list[Path], db: Path) -> None:
        self.files, self.db = files, db
        self.finished = 0
        self._stop = threading.Event()
        self._run: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._write, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _write(self) -> None:
        for path in self.files:
            if self._stop.is_set():
                return
            self._run = build(path, self.db, WORK / "run-build.log")
            if self._run.wait() in (0, 1):
                self.finished += 1

    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._stop.set()
        if self._run is not None and self._run.poll() is None:
            self._run.terminate()
            self._run.wait()
        self._thread.join()


def _count(db: Path) -> int:
    sys.path.insert(0, str(REPO_ROOT / "src"))
    from storyline.store import Store
    with Store(str(db), readonly=True) as store:
        return store.articles.count()


if __name__ == "__main__":
    main()
