"""The web server under load: requests/s and p95 latency while a build writes.

A store of at least 5,000 articles is made once and cached under build/serve/:
timeline17's 4,650 article texts (detokenized; the folder date as the dataset's
date; the outlet from the folder name) written as JSON Lines, plus the first
texts again with a line added (new ids and content: near copies, as wire copies
are) until there are `--articles`, built with `storyline build` (the shipped
language model, one worker). Nothing from ../shared/data is copied into the repo.

The run: `storyline serve` on a free loopback port (a subprocess, pinned to the
cores this process may use), and, on a copy of the cached store, a `storyline
build` of more articles writing to the same database the whole time. Three kinds of
request, each measured at 1, 8 and 32 concurrent clients on keep-alive
connections for `--seconds` per (kind, clients):

- `stories`: the stories page (`/`, the default size order);
- `story`: a story page (`/stories/ID`), cycling over the 20 largest stories;
- `search`: `/search?q=WORD` over a fixed list of words.

A request is an error when it does not come back 200 within 10 s.

    python bench/serve.py [--data ../shared/data] [--articles 5000] [--seconds 10]
                          [--clients 1,8,32]

Last stdout line: {"bench": "serve", "articles", "story_p95_ms" (8 clients),
"search_p95_ms" (8 clients), "stories_p95_ms" (8 clients), "rps" (all kinds at 8
clients), "errors" (all runs), "build_wrote" (articles the concurrent build added),
"runs": [{kind, clients, requests, rps, p50_ms, p95_ms, errors}], "seconds"}.
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
    """JSON Lines records of timeline17's texts, topped up with near copies to `count`."""
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
    for i in range(max(0, count - base)):
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
    for stale in WORK.glob(f"store-{count}.db*"):
        stale.unlink()
    started = time.time()
    print(f"building {count} articles into {db} (once; cached)", file=sys.stderr)
    run = build(corpus, db, WORK / f"store-{count}.log")
    if run.wait() not in (0, 1):
        sys.exit(f"build failed: see {WORK / f'store-{count}.log'}")
    took = time.time() - started
    (WORK / f"store-{count}.done").write_text(f"{took:.0f} seconds\n")
    return db, took
