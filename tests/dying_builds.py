"""Builds that die: the harness shared by the resume tests and `bench/faults.py`.

A build runs in a child process. It either dies right after a chosen step
(`os._exit`, as a SIGKILL would leave it: no cleanup, no commit), or it is sent a
real SIGKILL at a random moment after the language model has loaded. Then the
store is built again, and what it exports is compared with an uninterrupted build.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import storyline
from storyline.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
# The example corpus in two halves: a first build, then an update that adds articles
# to running stories and to outlets whose template lines change.
FIRST = ("riverton-ledger", "cascade-courier")
LATER = ("krvt-news8", "wire", "feeds")

# Articles per store transaction in the killed builds: small, so that a kill can land
# between two batches of the article phase too (a build's default is 200).
SMALL_BATCH = 5

_DIE_AFTER = textwrap.dedent("""
    import importlib, os, sys
    module_name, attr, calls = sys.argv[1], sys.argv[2], int(sys.argv[3])
    module = importlib.import_module(module_name)
    target = module
    for part in attr.split(".")[:-1]:
        target = getattr(target, part)
    name = attr.split(".")[-1]
    original = getattr(target, name)
    seen = [0]

    def dying(*args, **kwargs):
        result = original(*args, **kwargs)
        seen[0] += 1
        if seen[0] == calls:
            os._exit(137)            # killed: nothing after this step is committed
        return result

    setattr(target, name, dying)
    import storyline._build
    storyline._build.BATCH = int(sys.argv[5])
    from storyline.cli import main
    sys.exit(main(["build", *sys.argv[6:], "--db", sys.argv[4], "-q"]))
""")

# Loads the model, says so, then builds: the parent times its kill from "ready".
_READY_THEN_BUILD = textwrap.dedent("""
    import sys
    import storyline._build
    from storyline import nlp
    from storyline.cli import main
    nlp.load(nlp.DEFAULT_MODEL)
    storyline._build.BATCH = int(sys.argv[2])
    print("ready", flush=True)
    sys.exit(main(["build", *sys.argv[3:], "--db", sys.argv[1], "-q"]))
""")


def folders(tmp: Path, names) -> list[str]:
    """Copies of example corpus folders under `tmp` (made once), as build paths."""
    out = []
    for name in names:
        if not (tmp / name).exists():
            shutil.copytree(CORPUS / name, tmp / name)
        out.append(str(tmp / name))
    return out


@dataclass
class Pile:
    """What the killed builds build, and what uninterrupted builds of it export."""

    first: list[str]      # an update's first build
    whole: list[str]      # a fresh build, and an update's second build
    first_store: Path     # the first build's store, built without interruption
    references: dict[str, dict]   # {"fresh": export, "update": export} of uninterrupted builds


def prepare(first: list[str], whole: list[str], work: Path) -> Pile:
    """Uninterrupted builds of a pile: all at once, and `first` then all."""
    first_store, fresh, update = work / "first.db", work / "fresh.db", work / "update.db"
    build(first_store, first)
    build(fresh, whole)
    copy_store(first_store, update)
    build(update, whole)
    return Pile(first, whole, first_store, {"fresh": export(fresh), "update": export(update)})


def example_pile(tmp: Path, work: Path) -> Pile:
    """The example corpus, copied under `tmp`: its first half, then all of it."""
    return prepare(folders(tmp, FIRST), folders(tmp, FIRST + LATER), work)


def export(db: Path) -> dict:
    """Everything a user can read from the store, as the JSON export writes it."""
    out = io.StringIO()
    with Store(str(db), readonly=True) as store:
        storyline.export.write(store, "json", out)
    return json.loads(out.getvalue())


def build(db: Path, paths: list[str]) -> storyline.BuildSummary:
    with Store(str(db)) as store:
        return storyline.build(paths, store, stderr=None)


def copy_store(source: Path, target: Path) -> None:
    """A copy of a closed store (its write-ahead log too, if one is left)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")


def die_after(db: Path, paths: list[str], step: tuple[str, str, int],
              batch: int = SMALL_BATCH) -> int:
    """Build, dying right after `step` (module, attribute, which call) returns.
    Returns the child's exit code: 137 if it died there."""
    done = subprocess.run([sys.executable, "-c", _DIE_AFTER, *map(str, step), str(db), str(batch),
                           *paths], capture_output=True, text=True, timeout=300)
    return done.returncode


def _start(db: Path, paths: list[str], batch: int) -> tuple[subprocess.Popen, float]:
    """A building child, and the moment it said its model was loaded."""
    child = subprocess.Popen([sys.executable, "-c", _READY_THEN_BUILD, str(db), str(batch), *paths],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        raise RuntimeError(f"the building child did not start: {line!r}")
    return child, time.monotonic()


def build_seconds(db: Path, paths: list[str], batch: int = SMALL_BATCH) -> float:
    """How long a child's build takes after its model has loaded (kills land within)."""
    child, ready = _start(db, paths, batch)
    if child.wait(timeout=300) != 0:
        raise RuntimeError(f"an uninterrupted build failed: exit {child.returncode}")
    return time.monotonic() - ready


def kill_after(db: Path, paths: list[str], seconds: float, batch: int = SMALL_BATCH
               ) -> tuple[bool, float]:
    """Build, sending SIGKILL `seconds` after the model has loaded. Returns whether the
    kill landed (False: the build had finished) and the seconds the child ran."""
    child, ready = _start(db, paths, batch)
    try:
        child.wait(timeout=max(0.0, ready + seconds - time.monotonic()))
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        return True, time.monotonic() - ready
    if child.returncode != 0:
        raise RuntimeError(f"a build to be killed failed on its own: exit {child.returncode}")
    return False, time.monotonic() - ready


@dataclass
class Kill:
    """One random kill and what the resumed store came to."""

    kind: str            # "fresh" or "update"
    seconds: float       # after the model loaded
    landed: bool         # False: every try finished before its kill
    identical: bool      # the resumed store exports what an uninterrupted build does
    differences: list[str]


def random_kill(kind: str, fraction: float, duration: list[float], pile: Pile, work: Path,
                tries: int = 3) -> Kill:
    """A fresh build or an update of `pile` killed `fraction` of the way through a build
    of `duration[0]` seconds, then built again and compared with an uninterrupted
    build. Timings on a busy machine vary: a build that finishes before its kill tells
    how long builds take now (`duration[0]` is lowered), and the kill is tried again."""
    for attempt in range(tries):
        seconds = fraction * duration[0]
        db = work / f"{kind}-{fraction:.4f}-{attempt}.db"
        if kind == "update":
            copy_store(pile.first_store, db)
        landed, ran = kill_after(db, pile.whole, seconds)
        if landed:
            break
        duration[0] = min(duration[0], ran)
    build(db, pile.whole)
    got, want = export(db), pile.references[kind]
    return Kill(kind, round(seconds, 3), landed, got == want, differences(got, want))


def kill_duration(kind: str, pile: Pile, work: Path) -> list[float]:
    """How long an uninterrupted child build of this kind takes after its model loads,
    in a one-item list that `random_kill` lowers when builds get quicker."""
    db = work / f"probe-{kind}.db"
    if kind == "update":
        copy_store(pile.first_store, db)
    return [build_seconds(db, pile.whole)]


def random_fractions(rng: random.Random, n: int) -> list[float]:
    """`n` points of a build, as fractions of its length: one random point in each of n
    equal slices, so every part of the build gets its kills."""
    return [(i + rng.random()) / n for i in range(n)]


def differences(got: dict, want: dict, limit: int = 5) -> list[str]:
    """What a resumed store shows that an uninterrupted build does not, briefly."""
    out = []
    for part in want:
        a = {r.get("id", json.dumps(r, sort_keys=True)): r for r in got.get(part, [])} \
            if isinstance(want[part], list) else {"": got.get(part)}
        b = {r.get("id", json.dumps(r, sort_keys=True)): r for r in want[part]} \
            if isinstance(want[part], list) else {"": want[part]}
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                fields = sorted(k for k in set(a.get(key) or {}) | set(b.get(key) or {})
                                if (a.get(key) or {}).get(k) != (b.get(key) or {}).get(k)) \
                    if isinstance(a.get(key), dict) and isinstance(b.get(key), dict) else ["whole"]
                out.append(f"{part} {key}: {', '.join(fields)}")
    return out[:limit] + ([f"... {len(out) - limit} more"] if len(out) > limit else [])


def inconsistencies(doc: dict) -> list[str]:
    """What a half-seen build would show: stories listing articles that are not theirs,
    quotes of articles that are not there."""
    articles = {a["id"]: a for a in doc["articles"]}
    wrong = [f"story {s['id']} lists {i}, which is in "
             f"{articles[i]['story_id'] if i in articles else 'no store'}"
             for s in doc["stories"] for i in s["article_ids"]
             if i not in articles or articles[i]["story_id"] != s["id"]]
    wrong += [f"quote {q['id']} of a missing article" for q in doc["quotes"]
              if q["article_id"] not in articles]
    return wrong


def api_read(db: Path) -> dict:
    """The same three views through the Python API, in one `with` block (one snapshot)."""
    with Store(str(db), readonly=True) as store:
        return {"stories": storyline.query.stories(store),
                "articles": storyline.query.articles(store),
                "quotes": list(storyline.query.quotes(store))}


def read_during_build(db: Path, paths: list[str], reads: int = 500) -> tuple[int, list[str]]:
    """Export and read through the API over and over while `paths` build into `db`.
    Returns (reads done, what any read saw half-done)."""
    child = subprocess.Popen([sys.executable, "-m", "storyline", "build", *paths, "--db", str(db),
                              "-q"], env={**os.environ, "PYTHONUNBUFFERED": "1"})
    seen, problems = 0, []
    try:
        while child.poll() is None and seen < reads:
            problems += inconsistencies(export(db) if seen % 2 == 0 else api_read(db))
            seen += 1
    finally:
        child.wait(timeout=300)
    problems += inconsistencies(export(db))
    if child.returncode != 0:
        problems.append(f"the build under the readers failed: exit {child.returncode}")
    return seen, problems
