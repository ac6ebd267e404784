"""Ingest throughput: articles per second for a whole `storyline build` (read, extract,
clean, date from metadata, store), on plain text and on HTML, with one and two
worker processes.

- text: the 4,650 article files of `timeline17` (one sentence per line, noisy)
- html: the 181 pages of `scrapinghub-article-extraction-benchmark` (.html.gz)

Reported per wall second (median of `--runs`) and per CPU second (process plus
worker pool), which stays put when other work shares the machine.

Each configuration builds into a fresh temporary database `--runs` times; the
median wall time is reported. The machine is small and shared, so compare
ratios (2 workers / 1 worker) rather than absolute figures across machines.

    python bench/ingest.py [--data ../shared/data] [--runs 3]

Last stdout line: {"bench": "ingest", "text_articles_per_s": ..., "html_articles_per_s": ...,
"text_articles_per_s_2workers": ..., "html_articles_per_s_2workers": ...}
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from pathlib import Path


import storyline

ROOT = Path(__file__).resolve().parent.parent


def _cpu_seconds() -> float:
    """CPU time of this process and its reaped children (the worker pool)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_build(paths: list[str], workers: int) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, articles) of one build into a fresh database."""
    with tempfile.TemporaryDirectory() as tmp:
        with storyline.Store(str(Path(tmp) / "bench.db")) as store:
            started, cpu = time.perf_counter(), _cpu_seconds()
            summary = storyline.build(paths, store, workers=workers, stderr=None)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return seconds, cpu, summary.articles_added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    data = Path(args.data)
    corpora = {
        "text": sorted(str(p) for p in (data / "timeline17").glob("*/InputDocs")),
        "html": [str(data / "scrapinghub-article-extraction-benchmark" / "html")],
    }
    results: dict[str, float] = {}
    print(f"{'corpus':8} {'workers':>7} {'articles':>9} {'median s':>9} {'articles/s':>11} "
          f"{'per CPU-s':>10}  runs (s)")
    for name, paths in corpora.items():
        for workers in (1, 2):
            times, cpus, count = [], [], 0
            for _ in range(args.runs):
                seconds, cpu, count = run_build(paths, workers)
                times.append(seconds)
                cpus.append(cpu)
            median = statistics.median(times)
            rate = count / median
            per_cpu = count / statistics.median(cpus)
            suffix = "_2workers" if workers == 2 else ""
            results[f"{name}_articles_per_s{suffix}"] = round(rate, 1)
            # CPU time hardly moves when other work shares the machine: the figure
            # to compare across runs on a busy 2-core box.
            results[f"{name}_articles_per_cpu_s{suffix}"] = round(per_cpu, 1)
            print(f"{name:8} {workers:7d} {count:9d} {median:9.2f} {rate:11.1f} {per_cpu:10.1f}  "
                  + " ".join(f"{t:.2f}" for t in times))
    for name in corpora:
        print(f"{name}: 2 workers / 1 worker = "
              f"{results[name + '_articles_per_s_2workers'] / results[name + '_articles_per_s']:.2f}x")
    print(json.dumps({"bench": "ingest", **results}))


if __name__ == "__main__":
    main()
