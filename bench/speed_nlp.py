"""Speed of storyline's language pipeline as the build runs it, and the model's size on disk.

The pipeline is `storyline.nlp.load()` (tokenizer, tok2vec, tagger, parser, NER; no
morphologizer or lemmatizer). Text: real news, the bodies of N `timeline17` articles (default
300, taken evenly from the sorted file list so every topic and outlet is in), as they are on
disk (timeline17's text is PTB-tokenized extraction output). Two ways of calling it, several
runs each: `nlp.pipe(texts)` (batched, what a corpus build can do) and `nlp(text)` one article
at a time. Words are the non-whitespace tokens of the output Docs.

The machine may be shared, so CPU time of this process (time.process_time, all its threads) is
measured next to wall time: words per CPU second is words/s per core. Target >= 10,000
words/s/core (spaCy's en_core_web_sm, CPU).

    python bench/speed_nlp.py [--data ../shared/data] [--model NAME|PATH] [--articles 300] [--runs 3]

Last stdout line: {"bench": "speed_nlp", "words_per_cpu_s" (median of the pipe runs),
"words_per_cpu_s_single", "words_per_wall_s", "words_per_wall_s_single", "words", "articles",
"model_mb", "load_s", "batch_size", "threads", "model"}.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path


from _data import DEFAULT_DATA  # noqa: E402

from storyline import nlp as storyline_nlp  # noqa: E402


def news_texts(data: Path, n: int) -> list[str]:
    files = sorted((data / "timeline17").glob("*/InputDocs/*/*.txt"))
    if not files:
        raise SystemExit(f"no timeline17 articles under {data / 'timeline17'}")
    step = max(1, len(files) // n)
    return [f.read_text(encoding="utf-8", errors="replace") for f in files[::step][:n]]


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def timed(fn) -> tuple[int, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    words = fn()
    return words, time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default=None,
                    help="spaCy package name or path (default: the shipped model / $STORYLINE_MODEL)")
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    # whole articles are long docs: small batches ran faster than spaCy's default of 1000
    # (100 timeline17 articles, CPU words/s: 1000 -> 7.6k, 64 -> 7.7k, 16 -> 8.9k, 4 -> 8.8k)
    ap.add_argument("--batch-size", type=int, default=16)
    a = ap.parse_args(argv)

    texts = news_texts(a.data, a.articles)
    model = storyline_nlp.model_name(a.model)
    start = time.perf_counter()
    nlp = storyline_nlp.load(a.model)
    load_s = time.perf_counter() - start
    path = Path(nlp.path) if getattr(nlp, "path", None) else None
    size = dir_mb(path) if path and path.is_dir() else float("nan")

    def count(docs) -> int:
        return sum(sum(not t.is_space for t in doc) for doc in docs)

    def piped() -> int:
        return count(nlp.pipe(texts, batch_size=a.batch_size))

    def single() -> int:
        return count(nlp(t) for t in texts)

    load_before = os.getloadavg()[0]
    nlp(texts[0])  # warm-up: first call allocates
    runs = {"pipe": [], "single": []}
    for _ in range(a.runs):
        runs["pipe"].append(timed(piped))
        runs["single"].append(timed(single))

    # where the time goes: CPU seconds of the tokenizer and of each component, one pass
    parts = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for text in texts:
        c = time.process_time()
        doc = nlp.make_doc(text)
        parts["tokenizer"] += time.process_time() - c
        for name, proc in nlp.pipeline:
            c = time.process_time()
            doc = proc(doc)
            parts[name] += time.process_time() - c

    threads = os.environ.get("OMP_NUM_THREADS", "default")
    print(f"model: {model}  (components: {', '.join(nlp.pipe_names)})")
    print(f"model size on disk: {size:.1f} MB ({path}); load {load_s:.2f} s")
    print(f"text: {len(texts)} timeline17 articles, {runs['pipe'][0][0]:,} words; "
          f"{a.runs} runs each; pipe batch size {a.batch_size}; OMP_NUM_THREADS={threads}")
    print(f"{'mode':8s} {'run':>3s} {'wall s':>7s} {'cpu s':>7s} {'words/wall s':>13s} {'words/cpu s':>12s}")
    for mode, rs in runs.items():
        for i, (w, wall, cpu) in enumerate(rs, 1):
            print(f"{mode:8s} {i:3d} {wall:7.2f} {cpu:7.2f} {w / wall:13,.0f} {w / cpu:12,.0f}")

    print(f"machine load average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}"
          f" on {os.cpu_count()} cores (CPU time per word grows when cores are oversubscribed)")
    total = sum(parts.values())
    print("CPU share per component (one article at a time): "
          + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in parts.items()))

    def median(mode: str, k: int) -> float:
        return statistics.median(r[0] / r[k] for r in runs[mode])

    cpu_pipe = median("pipe", 2)
    print(f"median words/s per core (CPU time): pipe {cpu_pipe:,.0f}, one by one "
          f"{median('single', 2):,.0f}; target >= 10,000")
    print(json.dumps({
        "bench": "speed_nlp", "words_per_cpu_s": round(cpu_pipe),
        "words_per_cpu_s_single": round(median("single", 2)),
        "words_per_wall_s": round(median("pipe", 1)),
        "words_per_wall_s_single": round(median("single", 1)),
        "words": runs["pipe"][0][0], "articles": len(texts), "model_mb": round(size, 1),
        "load_s": round(load_s, 2), "batch_size": a.batch_size, "threads": threads, "model": str(model),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
