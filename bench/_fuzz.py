"""Fuzz figures: the hypothesis fuzz targets of tests/fuzz (readers, a whole build, cleaner,
time tagger, dating, quotes) run outside pytest, every example counted.

An example that raises or breaks a property is a crash; one whose check takes longer
than `time_limit` seconds (wall) is slow. The first few of each target are printed to
stderr as reproducers. Nothing is shrunk and no example database is kept: each run is a fresh sample.

    python bench/_fuzz.py [--examples 200] [--time-limit 5] [--only ingest,clean] [--seed N]

Last stdout line: {"fuzz_cases": ..., "fuzz_crashes": ..., "slow_cases": ...}.
`run(examples_per_target, time_limit)` returns the same keys plus per-target detail
(bench/faults.py uses it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from pathlib import Path

# bench/htmldate.py is named like the htmldate package: keep this folder behind the
# installed packages on sys.path, so "import htmldate" (via trafilatura) finds the library.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE] + [str(_HERE)]
sys.path.append(str(_HERE.parent / "tests" / "fuzz"))   # the targets, shared with the tests

from hypothesis import HealthCheck, Phase, given, seed as hypothesis_seed, settings  # noqa: E402

from fuzz_targets import BUILD_SECONDS, PER_CASE_SECONDS, TARGETS, Target  # noqa: E402

REPRODUCERS_KEPT = 3


def run_target(target: Target, examples: int, time_limit: float | None = None,
               seed: int | None = None) -> dict[str, object]:
    """Run `examples` generated cases through one target; count crashes and cases slower
    than `time_limit` (default: the target's own limit, as in the tests)."""
    time_limit = time_limit or target.seconds
    counts = {"cases": 0, "crashes": 0, "slow": 0, "slowest_s": 0.0}
    reproducers: list[str] = []

    def one(case) -> None:
        started = time.perf_counter()
        try:
            target.check(case)
        except Exception as err:   # a crash or a broken property: counted, never raised
            counts["crashes"] += 1
            if len(reproducers) < REPRODUCERS_KEPT:
                reproducers.append(f"{target.name}: {type(err).__name__}: {err}\n  case: {case!r}\n"
                                   + "".join(traceback.format_exc(limit=-3)))
        elapsed = time.perf_counter() - started
        counts["cases"] += 1
        counts["slowest_s"] = round(max(counts["slowest_s"], elapsed), 3)
        if elapsed > time_limit:
            counts["slow"] += 1
            if len(reproducers) < REPRODUCERS_KEPT:
                reproducers.append(f"{target.name}: slow, {elapsed:.1f}s\n  case: {case!r}")

    one(target.warm_up)   # imports and the language model load here, outside the count
    warm_failed = bool(counts["crashes"])
    if not warm_failed:
        reproducers.clear()   # a slow warm-up is the imports, not the target
    counts.update(cases=0, crashes=0, slow=0, slowest_s=0.0)

    fuzz = settings(max_examples=examples, deadline=None, database=None,
                    phases=[Phase.generate], suppress_health_check=list(HealthCheck))(
        given(target.strategy)(one))
    if seed is not None:
        fuzz = hypothesis_seed(seed)(fuzz)
    fuzz()
    return {**counts, "warm_up_failed": warm_failed, "reproducers": reproducers}


def run(examples_per_target: int, time_limit: float | None = None, only: list[str] | None = None,
        seed: int | None = None) -> dict[str, object]:
    """{"fuzz_cases", "fuzz_crashes", "slow_cases", "targets": {name: detail}}."""
    detail = {name: run_target(TARGETS[name], examples_per_target, time_limit, seed)
              for name in (only or list(TARGETS))}
    for d in detail.values():
        for text in d["reproducers"]:
            print(text, file=sys.stderr)
    return {"fuzz_cases": sum(d["cases"] for d in detail.values()),
            "fuzz_crashes": sum(d["crashes"] + d["warm_up_failed"] for d in detail.values()),
            "slow_cases": sum(d["slow"] for d in detail.values()),
            "targets": detail}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="examples per target")
    ap.add_argument("--time-limit", type=float, default=None,
                    help=f"seconds one case may take (default: each target's own, "
                         f"{PER_CASE_SECONDS:g} s, a whole build {BUILD_SECONDS:g} s)")
    ap.add_argument("--only", help="comma-separated targets: " + ", ".join(TARGETS))
    ap.add_argument("--seed", type=int, help="a fixed hypothesis seed (default: random)")
    args = ap.parse_args()
    started = time.perf_counter()
    result = run(args.examples, args.time_limit, args.only.split(",") if args.only else None,
                 args.seed)
    for name, d in result["targets"].items():
        print(f"{name:8} cases {d['cases']:6}  crashes {d['crashes']:4}  slow {d['slow']:3}  "
              f"slowest {d['slowest_s']:.2f}s")
    limit = f"{args.time_limit:g} s" if args.time_limit else "each target's own"
    print(f"wall {time.perf_counter() - started:.0f}s, time limit per case: {limit}")
    print(json.dumps({k: result[k] for k in ("fuzz_cases", "fuzz_crashes", "slow_cases")}))


if __name__ == "__main__":
    main()
