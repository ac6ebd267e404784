"""Faults: does a build killed anywhere finish right, do readers ever see half a build,
does odd input crash or stall a component, and does memory follow line length?

- kills: builds of the example corpus (fresh, and an update of its first half with
  the rest) are sent SIGKILL at random moments spread over the build, then built
  again; `kills_identical` is the share of those whose store then exports exactly what
  an uninterrupted build exports (target 1.0).
- reader_inconsistent: exports and Python API reads taken while update builds run that
  show half a build (a story listing an article that is not in it, a quote of a
  missing article). Target 0.
- fuzz_cases / fuzz_crashes / slow_cases: hypothesis examples run through the readers,
  cleaner, time tagger, dating and quotes (bench/_fuzz.py); crashes are exceptions or
  broken properties, slow cases are over the per-case time limit. Target 0 and 0.
- peak_mb_jsonl_gz / peak_mb_csv_gz: peak memory of `storyline build` on a small
  compressed dump holding one 1 GiB line (read past in bounded chunks, reported as a
  problem).

The harness is shared with the tests (tests/dying_builds.py). The pile is the example
corpus; with --data, 60 timeline17 texts (flat folders, no dated paths) and 15
scrapinghub HTML pages join it.

    python bench/faults.py --data ../shared/data     # 20 kills, 4 read-during-build runs, 300 examples per target
    python bench/faults.py --kills 4 --reads 1 --examples 30     # the gate's quick run
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from _data import SCRAPINGHUB  # noqa: E402
from dying_builds import (FIRST, LATER, Pile, folders, kill_duration, prepare,  # noqa: E402
                          random_fractions, random_kill, read_during_build, copy_store)

HUGE_LINE = 1 << 30   # bytes in the one line of the huge-line dumps
# With --data: timeline17 texts (two topics) and HTML pages join the example corpus, so
# grouping, timelines and entities take a real share of the build and get their kills.
T17_TOPICS = {"first": "H1N1_bbc", "later": "MJ_bbc"}
T17_PER_TOPIC = 30
HTML_PAGES = 15


def make_pile(data: Path | None, work: Path) -> Pile:
    """The example corpus (first half, then all), with real pages added when `data` is
    given: a timeline17 topic to each half, HTML pages to the second."""
    corpus = work / "corpus"
    first, whole = folders(corpus, FIRST), folders(corpus, FIRST + LATER)
    if data is not None:
        for half, topic in T17_TOPICS.items():
            files = sorted((data / "timeline17" / topic / "InputDocs").rglob("*.txt"))
            target = corpus / f"t17-{half}"
            target.mkdir()
            for f in files[:T17_PER_TOPIC]:       # a flat folder: no dated paths
                shutil.copy(f, target / f"{f.parent.name}-{f.name}")
            (first if half == "first" else whole).append(str(target))
        pages = corpus / "html"
        pages.mkdir()
        for f in sorted((data / SCRAPINGHUB / "html").glob("*.html.gz"))[:HTML_PAGES]:
            shutil.copy(f, pages / f.name)
        whole.append(str(pages))
        whole[:0] = [p for p in first if p not in whole]
    return prepare(first, whole, work)


def kills(n: int, rng: random.Random, pile: Pile, work: Path, log) -> tuple[int, int]:
    """n random kills, half of fresh builds, half of updates. Returns (landed, identical
    among those landed)."""
    landed = identical = 0
    for kind, count in (("fresh", (n + 1) // 2), ("update", n // 2)):
        duration = kill_duration(kind, pile, work)
        for fraction in random_fractions(rng, count):
            kill = random_kill(kind, fraction, duration, pile, work)
            landed += kill.landed
            identical += kill.landed and kill.identical
            print(f"  {kind} build killed {kill.seconds:.2f}s into {duration[0]:.2f}s: "
                  f"{'landed' if kill.landed else 'build had finished'}, "
                  f"{'identical' if kill.identical else 'DIFFERENT ' + '; '.join(kill.differences)}",
                  file=log, flush=True)
    return landed, identical


def reads(runs: int, pile: Pile, work: Path, log) -> tuple[int, int]:
    """Reads taken during `runs` update builds. Returns (reads, inconsistent ones)."""
    total = wrong = 0
    for run in range(runs):
        db = work / f"read-{run}.db"
        copy_store(pile.first_store, db)
        seen, problems = read_during_build(db, pile.whole)
        total += seen
        wrong += len(problems)
        print(f"  update build {run + 1}: {seen} reads, {len(problems)} inconsistent"
              + (f": {problems[:3]}" if problems else ""), file=log, flush=True)
    return total, wrong


# VmHWM, not ru_maxrss: the latter keeps the high-water mark of the process before
# exec, so a child of a big parent would report the parent's memory.
_PEAK = """
import re, sys
from storyline.cli import main
code = main(["build", sys.argv[1], "--db", sys.argv[2], "-q"])
with open("/proc/self/status") as status:
    print(re.search(r"VmHWM:\\s+(\\d+) kB", status.read())[1], code)
"""


def huge_line_peak_mb(kind: str, work: Path) -> tuple[float, int]:
    """Peak resident memory (MB) of a build of one compressed dump whose first record is
    a 1 GiB line, followed by one good record; and the build's exit code."""
    path = work / f"huge.{kind}.gz"
    good = ('{"title": "Council votes", "text": "The council voted on Tuesday to close the bridge."}'
            if kind == "jsonl" else
            "title,text\nCouncil votes,The council voted on Tuesday to close the bridge.")
    chunk = b"a" * (1 << 24)
    with gzip.open(path, "wb", compresslevel=1) as out:
        if kind == "csv":
            out.write(b"title,text\n")
        out.write(b'{"title": "x", "text": "' if kind == "jsonl" else b'x,"')
        for _ in range(HUGE_LINE // len(chunk)):
            out.write(chunk)
        out.write(b'"}\n' if kind == "jsonl" else b'"\n')
        out.write(good.splitlines()[-1].encode() + b"\n")
    done = subprocess.run([sys.executable, "-c", _PEAK, str(path), str(work / f"huge-{kind}.db")],
                          capture_output=True, text=True, timeout=900)
    peak_kb, code = done.stdout.split()[-2:]
    return round(int(peak_kb) / 1024, 1), int(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20, help="random kills, half fresh, half updates")
    parser.add_argument("--reads", type=int, default=4, help="update builds read during")
    parser.add_argument("--examples", type=int, default=300, help="fuzz examples per target")
    parser.add_argument("--time-limit", type=float, default=None,
                        help="seconds a fuzz example may take before it counts as slow "
                             "(default: each target's own limit, as in the tests)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--no-huge", action="store_true", help="skip the 1 GiB line dumps")
    parser.add_argument("--data", type=Path, help="shared data root: adds timeline17 texts and "
                        "HTML pages to the example corpus (default: the example corpus only)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    started = time.perf_counter()
    out: dict[str, object] = {"bench": "faults", "seed": seed}
    with tempfile.TemporaryDirectory(prefix="storyline-faults-") as tmp:
        work = Path(tmp)
        pile = make_pile(args.data, work)
        out["articles"] = len(pile.references["fresh"]["articles"])
        print(f"kills (seed {seed}) on {out['articles']} articles:", file=sys.stderr, flush=True)
        landed, identical = kills(args.kills, random.Random(seed), pile, work, sys.stderr)
        out.update(kills=landed, kills_identical=round(identical / landed, 4) if landed else 0.0)
        print("reads during update builds:", file=sys.stderr, flush=True)
        total, wrong = reads(args.reads, pile, work, sys.stderr)
        out.update(reads=total, reader_inconsistent=wrong)
        if args.examples:
            import _fuzz
            fuzz = _fuzz.run(args.examples, args.time_limit)
            out.update(fuzz_cases=fuzz["fuzz_cases"], fuzz_crashes=fuzz["fuzz_crashes"],
                       slow_cases=fuzz["slow_cases"])
        if not args.no_huge:
            for kind in ("jsonl", "csv"):
                peak, code = huge_line_peak_mb(kind, work)
                print(f"one 1 GiB line in a .{kind}.gz: peak {peak} MB, exit {code}",
                      file=sys.stderr, flush=True)
                out[f"peak_mb_{kind}_gz"] = peak
    out["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
