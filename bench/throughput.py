"""End-to-end build throughput and memory on timeline17's raw articles.

Each run is a whole `storyline.build` (read, extract, clean, date, time tagging, language
pipeline, entities, quotes, store, then the corpus stages: templates, grouping, timelines,
entity resolution) into a fresh database, in a child process so its CPU time and peak
memory are its own. Articles: N of timeline17's 4,650 (default all), taken evenly from the
sorted file list so every topic and outlet is in.

Figures (the machine may be shared, so CPU seconds, not wall time, are the measure):
- articles per CPU second = articles per second per core: articles / CPU seconds of the
  build and all its worker processes (getrusage of the children). A Ray run's workers are
  not this process's children: its CPU is the driver's plus the per-article stages' CPU
  seconds the workers report (their idle and start-up time are not counted).
- stage_seconds: CPU seconds per stage, every worker's added up (the build summary's
  `stage_seconds`; `storyline build --json` prints the same).
- peak RSS of the build process and of its largest worker.
- memory growth: the same build at two corpus sizes (default 1,000 and 20,000 articles:
  the smaller corpus, taken evenly, and for the larger the same texts copied under new file
  names with a line of their own added, so each copy is a new article, not a duplicate,
  and no longer article raises the peak): peak RSS at
  the larger over peak RSS at the smaller, for the build process (store, corpus stages)
  and for the per-article workers (run with 2 workers).

    python bench/throughput.py [--data ../shared/data] [--articles 4650] [--workers 1,2]
        [--executor local|ray|both] [--memory 1000,20000 | --memory none] [--memory-only]
        [--no-language]

Last stdout line: {"bench": "throughput", "articles_per_s_per_core", "peak_rss_mb",
"rss_growth_1k_to_20k", "stage_seconds", "runs", "memory"}; articles_per_s_per_core and
stage_seconds are the first run's (1 worker, local, all articles).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _data import DEFAULT_DATA, REPO_ROOT

TARGET = 15.0          # articles per second per core (issue 18)
GROWTH_TARGET = 1.2    # peak RSS at 20k articles over 1k


def article_files(data: Path, n: int | None) -> list[Path]:
    files = sorted((data / "timeline17").glob("*/InputDocs/*/*.txt"))
    if not files:
        raise SystemExit(f"no timeline17 articles under {data / 'timeline17'}")
    if n is None or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


def replicate(files: list[Path], n: int, folder: Path) -> list[str]:
    """n article files: `files`, then copies of them under new names (new ids), so a larger
    corpus holds the same texts (its peak memory is not a longer article's)."""
    paths = [str(f) for f in files[:n]]
    copy = 0
    while len(paths) < n:
        copy += 1
        out = folder / f"copy{copy}"
        out.mkdir(parents=True, exist_ok=True)
        for i, f in enumerate(files[:n - len(paths)]):
            target = out / f"{i:05d}-{f.name}"
            # a line of its own, or the store takes the copy for a duplicate and skips it
            target.write_text(f.read_text(encoding="utf-8", errors="replace")
                              + f"\n\n(Archive copy {copy}-{i}.)\n", encoding="utf-8")
            paths.append(str(target))
    return paths


# The child: one build, its summary and its own and its workers' CPU and peak memory.
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {src!r})
import storyline
from storyline import _build
args = json.load(open({args!r}))
paths = [l for l in open(args["list"]).read().splitlines() if l]
t0 = time.process_time(); w0 = time.perf_counter()
# (an older storyline, measured for a before/after, has no executor argument)
where = {{"executor": args["executor"]}} if args["executor"] != "local" else {{}}
with storyline.Store(args["db"]) as store:
    summary = _build.build(paths, store, workers=args["workers"], stderr=None,
                           model=None if args["no_language"] else "storyline", **where)
if args["executor"] == "ray":
    import ray; ray.shutdown()
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({{"summary": summary.to_dict(), "wall_s": time.perf_counter() - w0,
                  "driver_cpu_s": me.ru_utime + me.ru_stime,
                  "children_cpu_s": kids.ru_utime + kids.ru_stime,
                  "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024}}))
"""


def run_build(paths: list[str], workers: int, executor: str, no_language: bool,
              tmp: Path, name: str) -> dict:
    (tmp / f"{name}.list").write_text("\n".join(paths))
    args = {"list": str(tmp / f"{name}.list"), "db": str(tmp / f"{name}.db"), "workers": workers,
            "executor": executor, "no_language": no_language}
    (tmp / f"{name}.json").write_text(json.dumps(args))
    code = CHILD.format(src=str(REPO_ROOT / "src"), args=str(tmp / f"{name}.json"))
    # the storyline measured, for Ray's workers too (they inherit the environment)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(REPO_ROOT / "src"), os.environ.get("PYTHONPATH")) if p))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    if proc.returncode:
        raise SystemExit(f"build {name} failed:\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    s = r["summary"]
    articles = s["articles_added"]
    stages = s.get("stage_seconds", {})
    if executor == "ray":   # workers are Ray's, not ours: count the CPU they report
        per_article = ("extract", "clean", "date", "timex", "language", "entities", "quotes")
        cpu = r["driver_cpu_s"] + sum(stages.get(k, 0.0) for k in per_article)
    else:
        cpu = r["driver_cpu_s"] + r["children_cpu_s"]
    for f in tmp.glob(f"{name}.db*"):
        f.unlink()
    return {"name": name, "executor": executor, "workers": workers, "articles": articles,
            "cpu_s": round(cpu, 1), "wall_s": round(r["wall_s"], 1),
            "articles_per_cpu_s": round(articles / cpu, 2) if cpu else None,
            "articles_per_wall_s": round(articles / r["wall_s"], 2),
            "rss_mb": round(r["rss_mb"]), "worker_rss_mb": round(r["worker_rss_mb"]),
            "problems": s["problems"], "warnings": s["warnings"], "stage_seconds": stages}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--articles", type=int, default=None, help="default: all 4,650")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    ap.add_argument("--executor", choices=("local", "ray", "both"), default="local")
    ap.add_argument("--memory", default="1000,20000",
                    help="two corpus sizes for the memory growth, or 'none'")
    ap.add_argument("--no-language", action="store_true", help="skip the language pipeline")
    ap.add_argument("--memory-only", action="store_true", help="only the memory growth runs")
    a = ap.parse_args(argv)

    files = article_files(a.data, a.articles)
    executors = ("local", "ray") if a.executor == "both" else (a.executor,)
    runs = []
    with tempfile.TemporaryDirectory(prefix="storyline-throughput-") as tmp_name:
        tmp = Path(tmp_name)
        paths = [str(f) for f in files]
        for executor in () if a.memory_only else executors:
            for workers in (int(w) for w in a.workers.split(",")):
                runs.append(run_build(paths, workers, executor, a.no_language, tmp,
                                      f"{executor}-{workers}"))
                print_run(runs[-1])
        memory = {}
        if a.memory != "none":
            small, large = (int(n) for n in a.memory.split(","))
            texts = article_files(a.data, small)   # the smaller corpus, evenly taken
            for n in (small, large):
                paths = replicate(texts, n, tmp / f"corpus{n}")
                memory[n] = run_build(paths, 2, "local", a.no_language, tmp, f"memory-{n}")
                print_run(memory[n])

    first = runs[0] if runs else memory[max(memory)]
    print(f"\nstage CPU seconds ({first['name']}, {first['articles']} articles; "
          "per article in ms):")
    total = sum(first["stage_seconds"].values()) or 1
    for stage, t in sorted(first["stage_seconds"].items(), key=lambda kv: -kv[1]):
        print(f"  {stage:18s} {t:8.1f} s  {100 * t / total:5.1f}%  "
              f"{1000 * t / max(first['articles'], 1):7.1f} ms")
    growth = None
    if memory:
        small, large = sorted(memory)
        growth = round(memory[large]["rss_mb"] / memory[small]["rss_mb"], 2)
        worker_growth = round(memory[large]["worker_rss_mb"] / memory[small]["worker_rss_mb"], 2)
        print(f"peak RSS {small:,} -> {large:,} articles: build process "
              f"{memory[small]['rss_mb']} -> {memory[large]['rss_mb']} MB ({growth}x), "
              f"largest worker {memory[small]['worker_rss_mb']} -> {memory[large]['worker_rss_mb']}"
              f" MB ({worker_growth}x); target <= {GROWTH_TARGET}x")
    print(f"articles per CPU second (per core): {first['articles_per_cpu_s']} "
          f"({first['name']}); target >= {TARGET}")
    peak = max(max(r["rss_mb"], r["worker_rss_mb"]) for r in [*runs, *memory.values()])
    print(json.dumps({
        "bench": "throughput", "articles_per_s_per_core": first["articles_per_cpu_s"],
        "peak_rss_mb": peak, "rss_growth_1k_to_20k": growth,
        "memory_sizes": sorted(memory), "stage_seconds": first["stage_seconds"],
        "runs": [{k: v for k, v in r.items() if k != "stage_seconds"} for r in runs],
        "memory": {n: {k: r[k] for k in ("articles", "rss_mb", "worker_rss_mb", "cpu_s")}
                   for n, r in memory.items()},
    }))
    return 0


def print_run(r: dict) -> None:
    print(f"{r['name']:12s} {r['articles']:6d} articles  {r['cpu_s']:8.1f} CPU s  "
          f"{r['articles_per_cpu_s']:6.2f}/CPU s  {r['wall_s']:7.1f} wall s  "
          f"RSS {r['rss_mb']} MB (worker {r['worker_rss_mb']} MB)  "
          f"problems {r['problems']}, warnings {r['warnings']}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
