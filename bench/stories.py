"""Story grouping: B³ F1 against gold story labels, and the cost per added article.

Data (read from --data, nothing copied):
- ecbplus: the test topics 36-45 (210 documents; subtopic = story). `--split dev`
  scores the train+dev topics instead (what the thresholds were tuned on).
  Anchor: TF-IDF + average link .858 B³ F1 on test (measured for BENCHMARKS.md).
- timeline17: 4,650 articles of 17 topic-source folders; story = the topic (the
  folder name before "_", so H1N1_bbc and H1N1_guardian are one story: 9 topics).
- uci-news-aggregator-sample: 6,366 headlines with the aggregator's story ids;
  its clusters are incomplete (a crawl cut), so precision is the figure.

Every article goes through `storyline.pipeline.process` (cleaning, dating; the
language model only with --model: names then come from its mentions, else from
capitalized words; at ~1,500 words/s it takes hours on timeline17's long texts)
into a temporary store, in date order, in batches of 200 as the build writes
them, and is grouped by `storyline.stories.update`, the code path the build uses.
timeline17 has 4,650 files, 25 of them empty; the build's content-hash check
drops 9 exact duplicates, leaving 4,616 articles.

Cost: time per added article with 1k, 10k and 100k articles already stored
(timeline17 texts replicated with new ids, dates shifted by 6 years a copy, so
each copy is a new set of stories over the same words).

    python bench/stories.py [--data ../shared/data] [--split test|dev] [--only ecb,t17,uci,cost]
                            [--no-cache]
    python bench/stories.py --check          # the B³ scorer on hand-counted examples
    python bench/stories.py --undated [--per-topic 100] [--cache DIR]

`--undated`: grouping without dates, as `storyline build` of a flat folder meets it. A
seeded sample of timeline17 (`--per-topic` articles of each topic, all its outlets) gets
neutral names, no outlet and no date (`RawDocument` with no metadata), and is processed
with the language model (`--model`, default the shipped one: grouping uses names). Two
piles, each grouped on its own: the topics the undated grouping was tuned on (T17_TUNE)
and the held-out ones (T17_HELD). Each pile is built twice through the build's corpus
stages (`storyline.corpus.run_corpus_stages`: one grouping call over the whole pile in
the build's order, story dates, timelines, ...): undated, and dated (the same articles
with their folder date as dataset metadata). B³ F1 against the topics.

Last stdout line: {"bench": "stories", "ecb_b3_f1", "t17_b3_f1", "uci_precision",
"growth_1k_to_100k", ...}.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path


from _cluster import _check, b_cubed  # noqa: E402
from _data import DEFAULT_DATA, REPO_ROOT, detokenize  # noqa: E402

from storyline import stories  # noqa: E402
from storyline.ingest import ReadOptions, read_paths  # noqa: E402
from storyline import corpus, nlp  # noqa: E402
from storyline.model import Article, Origin, Published, RawDocument  # noqa: E402
from storyline.pipeline import process  # noqa: E402
from storyline.store import Store  # noqa: E402

CACHE = REPO_ROOT / "build" / "bench-stories"
USE_CACHE = True                  # --no-cache: process afresh, read and write no cache
BATCH = 200                       # articles per build transaction (storyline._build.BATCH)
ECB_TEST = set(range(36, 46))


# -- data ------------------------------------------------------------------------------------------

def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return text


def ecb_documents(data: Path, split: str) -> list[tuple[RawDocument, str]]:
    folder = data / "ecbplus"
    out = []
    with open(folder / "ecbplus_documents.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            test = int(row["topic"]) in ECB_TEST
            if test != (split == "test"):
                continue
            root = ET.parse(folder / row["doc_file"]).getroot()
            sentences: dict[int, list[str]] = {}
            for tok in root.iter("token"):
                sentences.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
            lines = [_detokenize(toks) for _, toks in sorted(sentences.items())]
            url = row["source_url"] or None
            if row["doc_name"].endswith("ecbplus") and lines and lines[0].startswith("http"):
                lines = lines[1:]           # sentence 0 of ECB+ documents is the source URL
            raw = RawDocument(origin=Origin(path=f"ecbplus/{row['doc_name']}.txt", format="txt",
                                            url=url), content="\n\n".join(lines))
            out.append((raw, row["subtopic"]))
    return out


def t17_documents(data: Path) -> list[tuple[RawDocument, str]]:
    out = []
    for folder in sorted(p for p in (data / "timeline17").iterdir() if p.is_dir()):
        topic, outlet = folder.name.split("_", 1)
        for _, item in read_paths([str(folder / "InputDocs")], ReadOptions(source=outlet)):
            if isinstance(item, RawDocument):
                out.append((item, topic))
    return out


def uci_documents(data: Path) -> list[tuple[RawDocument, str]]:
    out = []
    path = data / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv"
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            when = datetime.fromtimestamp(int(row["TIMESTAMP"]) / 1000, timezone.utc)
            raw = RawDocument(origin=Origin(path=str(path), format="csv", locator=f"row={row['ID']}",
                                            url=row["URL"]),
                              content=row["TITLE"], title=row["TITLE"], source=row["PUBLISHER"],
                              published=when.date().isoformat(), published_method="dataset")
            out.append((raw, row["STORY"]))
    return out


def articles(name: str, docs_fn, model: str | None, cache: Path | None = None
             ) -> list[tuple[Article, str]]:
    """Processed articles with their gold labels, cached under build/bench-stories
    (or in `cache`)."""
    cache = cache or CACHE / f"{name}-{'model' if model else 'nomodel'}.jsonl"
    if USE_CACHE and cache.exists():
        with open(cache, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        return [(Article.from_dict(r["article"]), r["label"]) for r in rows]
    out = []
    started = time.perf_counter()
    for raw, label in docs_fn():
        try:
            out.append((process(raw, model), label))
        except Exception as err:  # noqa: BLE001 - a page without text: not part of the run
            print(f"  skipped {raw.origin.where()}: {type(err).__name__}", file=sys.stderr)
    print(f"  processed {len(out)} {name} articles in {time.perf_counter() - started:.0f}s "
          f"(model: {model or 'none'})", file=sys.stderr)
    if not USE_CACHE:
        return out
    cache.parent.mkdir(parents=True, exist_ok=True)
    with open(cache, "w", encoding="utf-8") as f:
        for article, label in out:
            f.write(json.dumps({"article": article.to_dict(), "label": label}) + "\n")
    return out


# -- grouping ----------------------------------------------------------------------------------------

def _date_order(items: list[Article]) -> list[Article]:
    return sorted(items, key=lambda a: (a.published.date is None, a.published.date or "",
                                        a.origin.where()))


def feed(store: Store, items: list[Article], batch: int = BATCH) -> float:
    """Store and group `items` in date order, `batch` at a time; returns grouping seconds."""
    spent = 0.0
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        with store.transaction():
            for article in chunk:
                store.articles.put(article)
        started = time.perf_counter()
        stories.update(store, [a.id for a in chunk])
        spent += time.perf_counter() - started
    return spent


def group(items: list[tuple[Article, str]]) -> tuple[dict[str, str], dict[str, str], Store, float]:
    """gold and system labels per article id, the store, seconds spent grouping."""
    seen, unique = set(), []
    for article, label in items:
        if article.id not in seen and article.content_hash not in seen:  # the build skips these
            seen.update((article.id, article.content_hash))
            unique.append((article, label))
    gold = {a.id: label for a, label in unique}
    tmp = tempfile.mkdtemp(prefix="bench-stories-")
    store = Store(os.path.join(tmp, "stories.db"))
    seconds = feed(store, _date_order([a for a, _ in unique]))
    system = store.grouping.memberships()
    return gold, system, store, seconds


def score(name: str, items: list[tuple[Article, str]], show: int = 0) -> dict[str, float]:
    gold, system, store, seconds = group(items)
    s = b_cubed(gold, system)
    copies = sum(len(story.copies) for story in store.stories.all())
    merges = len(store.stories.merges())
    s.update(articles=len(gold), gold_stories=len(set(gold.values())),
             stories=len(set(system.values())), copies=copies, merges=merges,
             ms_per_article=1000 * seconds / max(1, len(gold)))
    if show:
        # the largest system stories with their gold make-up
        by_story: dict[str, Counter] = {}
        for aid, sid in system.items():
            by_story.setdefault(sid, Counter())[gold.get(aid)] += 1
        for sid, c in sorted(by_story.items(), key=lambda kv: -sum(kv[1].values()))[:show]:
            story = store.stories.get(sid)
            print(f"    {sid} {sum(c.values()):5d} {dict(c.most_common(3))}  "
                  f"{story.title[:70] if story else ''}")
    store.close()
    shutil.rmtree(os.path.dirname(store.path), ignore_errors=True)
    return s


# -- cost per added article ------------------------------------------------------------------------

def _replica(article: Article, copy: int) -> Article:
    """The same text under a new id, dated `copy` x 6 years later."""
    d = Article.from_dict(article.to_dict())
    d.id = f"{article.id}-r{copy}"
    d.content_hash = f"{article.content_hash}-r{copy}"
    d.story_id = None
    if d.published.date:
        day = date.fromisoformat(d.published.date)
        d.published.date = (day + timedelta(days=copy * 6 * 365)).isoformat()
    return d


def cost(items: list[tuple[Article, str]], sizes=(1_000, 10_000, 100_000), probes: int = 5
         ) -> dict[str, float]:
    """Milliseconds per added article at each store size: the median of `probes`
    batches of 200 (as the build writes them), so one slow batch on a shared
    machine does not make the figure."""
    base = _date_order([a for a, _ in items])
    tmp = tempfile.mkdtemp(prefix="bench-stories-cost-")
    store = Store(os.path.join(tmp, "cost.db"))

    def stream():
        copy = 0
        while True:
            for article in base:
                yield _replica(article, copy)
            copy += 1

    source = stream()
    stored, out = 0, {}
    for size in sizes:
        started = time.perf_counter()
        while stored < size:
            n = min(BATCH * 10, size - stored)
            feed(store, [next(source) for _ in range(n)])
            stored += n
        fill = time.perf_counter() - started
        per_batch = []
        for _ in range(probes):
            per_batch.append(1000 * feed(store, [next(source) for _ in range(BATCH)]) / BATCH)
            stored += BATCH
        out[size] = statistics.median(per_batch)
        print(f"  {size:>7,} stored: {out[size]:.2f} ms per added article, median of "
              f"{probes} batches ({', '.join(f'{x:.1f}' for x in per_batch)}; "
              f"filled in {fill:.0f}s)", file=sys.stderr)
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return out


# -- undated piles --------------------------------------------------------------------------------

# The undated grouping was tuned on these timeline17 topics; the others are held out.
T17_TUNE = ("EgyptianProtest", "H1N1", "LibyaWar", "MJ", "bpoil")
T17_HELD = ("Finan", "IraqWar", "SyrianCrisis", "haiti")


def pile_documents(data: Path, topics: tuple[str, ...], per_topic: int, seed: int
                   ) -> list[tuple[RawDocument, dict[str, str]]]:
    """A seeded sample of `per_topic` articles per topic (over all its outlets), shuffled,
    under neutral names with no metadata; with each its topic, folder date and outlet."""
    rng = random.Random(f"{seed}/{','.join(topics)}")
    picked = []
    for topic in topics:
        files = sorted((data / "timeline17").glob(f"{topic}_*/InputDocs/*/*.txt"))
        picked += rng.sample(files, min(per_topic, len(files)))
    rng.shuffle(picked)
    out = []
    for i, path in enumerate(picked):
        text = detokenize(path.read_text(encoding="utf-8", errors="replace"))
        if not text.strip():
            continue
        raw = RawDocument(origin=Origin(path=f"pile/article-{i:05d}.txt", format="txt"),
                          content=text)
        folder = path.parents[2].name
        out.append((raw, {"topic": folder.split("_")[0], "outlet": folder.split("_", 1)[1],
                          "day": path.parent.name}))
    return out


def pile_articles(data: Path, topics, per_topic: int, seed: int, model: str,
                  cache_dir: Path) -> list[tuple[Article, dict[str, str]]]:
    """The pile processed undated (cached in `cache_dir`, keyed by its parameters)."""
    name = f"pile-{'+'.join(topics)}-{per_topic}-{seed}-{Path(model).name}.jsonl"
    return articles("pile", lambda: pile_documents(data, topics, per_topic, seed), model,
                    cache_dir / name)


def _dated(article: Article, day: str) -> Article:
    """The same article with its folder date given as dataset metadata."""
    d = Article.from_dict(article.to_dict())
    d.published = Published(date=day, granularity="day", method="dataset", confidence=0.95)
    return d


def pile_score(items: list[tuple[Article, dict[str, str]]], dated: bool, model: str | None
               ) -> dict[str, float]:
    """Build the pile's corpus stages on a fresh store; B³ against the topics."""
    seen, unique = set(), []
    for article, gold in items:
        if article.id not in seen and article.content_hash not in seen:
            seen.update((article.id, article.content_hash))
            unique.append(_dated(article, gold["day"]) if dated else article)
    gold = {a.id: g["topic"] for (a, g) in items if a.id in {u.id for u in unique}}
    tmp = tempfile.mkdtemp(prefix="bench-stories-pile-")
    store = Store(os.path.join(tmp, "pile.db"))
    with store.transaction():
        for article in unique:
            store.articles.put(article)
        store.work.add("group", [a.id for a in unique])
    started = time.perf_counter()
    summary = corpus.run_corpus_stages(store, model)
    seconds = time.perf_counter() - started
    system = store.grouping.memberships()
    s = b_cubed(gold, system)
    sizes = Counter(system.values())
    with_day = sum(1 for a in store.articles.all() if a.published.date)
    s.update(articles=len(gold), stories=len(sizes),
             singletons=sum(1 for n in sizes.values() if n == 1),
             merges=len(store.stories.merges()), with_day=with_day,
             dated_by_story=summary.dated_by_story, seconds=seconds)
    store.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return s


def undated_main(args) -> int:
    model = args.model or nlp.DEFAULT_MODEL
    cache_dir = args.cache or CACHE
    figures: dict[str, object] = {"bench": "stories-undated", "per_topic": args.per_topic}
    print(f"{'pile':8} {'mode':8} {'articles':>8} {'stories':>7} {'single':>6} {'merges':>6} "
          f"{'day':>5} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'sec':>5}")
    for pile, topics in (("tune", T17_TUNE), ("held", T17_HELD)):
        items = pile_articles(args.data, topics, args.per_topic, args.seed, model, cache_dir)
        for mode in ("undated", "dated"):
            s = pile_score(items, mode == "dated", model)
            print(f"{pile:8} {mode:8} {s['articles']:8d} {s['stories']:7d} {s['singletons']:6d} "
                  f"{s['merges']:6d} {s['with_day']:5d} {s['precision']:6.3f} {s['recall']:6.3f} "
                  f"{s['f1']:6.3f} {s['seconds']:5.0f}", flush=True)
            figures[f"{pile}_b3_{mode}"] = round(s["f1"], 4)
        figures[f"{pile}_gap"] = round(figures[f"{pile}_b3_dated"] - figures[f"{pile}_b3_undated"], 4)
    print(json.dumps(figures))
    return 0


# -- main ---------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", choices=("test", "dev"), default="test", help="ECB+ topics to score")
    ap.add_argument("--only", default="ecb,t17,uci,cost")
    ap.add_argument("--model", default=None,
                    help="language model for names (a path or 'storyline'); default: none")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--show", type=int, default=0, help="print the N largest stories per set")
    ap.add_argument("--check", action="store_true", help="check the B³ scorer and exit")
    ap.add_argument("--undated", action="store_true",
                    help="timeline17 piles grouped undated and dated through the corpus stages")
    ap.add_argument("--per-topic", type=int, default=100, help="--undated: articles per topic")
    ap.add_argument("--seed", type=int, default=17, help="--undated: the sample's seed")
    ap.add_argument("--cache", type=Path, default=None,
                    help="--undated: where processed piles are cached (default build/bench-stories)")
    ap.add_argument("--no-cache", action="store_true",
                    help="process the articles afresh, neither reading nor writing "
                         "build/bench-stories (the cache is keyed by set name, not by code)")
    args = ap.parse_args(argv)
    global USE_CACHE
    USE_CACHE = not args.no_cache
    _check()
    if args.check:
        print("b_cubed: hand-counted examples OK")
        return 0
    if args.undated:
        return undated_main(args)
    only = set(args.only.split(","))
    figures: dict[str, object] = {"bench": "stories"}
    rows = []
    if "ecb" in only:
        items = articles(f"ecb-{args.split}", lambda: ecb_documents(args.data, args.split),
                         args.model)
        s = score(f"ecb-{args.split}", items, args.show)
        rows.append((f"ECB+ {args.split} (subtopics)", s))
        figures["ecb_b3_f1"] = round(s["f1"], 4)
        figures["ecb_b3_precision"], figures["ecb_b3_recall"] = round(s["precision"], 4), round(
            s["recall"], 4)
    t17 = None
    if "t17" in only or "cost" in only:
        t17 = articles("t17", lambda: t17_documents(args.data), args.model)
    if "t17" in only:
        s = score("t17", t17, args.show)
        rows.append(("timeline17 (9 topics)", s))
        figures["t17_b3_f1"] = round(s["f1"], 4)
        figures["t17_b3_precision"], figures["t17_b3_recall"] = round(s["precision"], 4), round(
            s["recall"], 4)
    if "uci" in only:
        items = articles("uci", lambda: uci_documents(args.data), args.model)
        s = score("uci", items, args.show)
        rows.append(("UCI headlines (story ids)", s))
        figures["uci_precision"] = round(s["precision"], 4)
        figures["uci_b3_recall"], figures["uci_b3_f1"] = round(s["recall"], 4), round(s["f1"], 4)
    print(f"{'set':30} {'articles':>8} {'gold':>5} {'stories':>7} {'copies':>6} {'merges':>6} "
          f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'ms/art':>7}")
    for name, s in rows:
        print(f"{name:30} {s['articles']:8d} {s['gold_stories']:5d} {s['stories']:7d} "
              f"{s['copies']:6d} {s['merges']:6d} {s['precision']:6.3f} {s['recall']:6.3f} "
              f"{s['f1']:6.3f} {s['ms_per_article']:7.2f}")
    if "cost" in only:
        sizes = [int(x) for x in args.sizes.split(",")]
        per = cost(t17, sizes)
        for size, ms in per.items():
            print(f"time per added article with {size:>7,} stored: {ms:.2f} ms")
            figures[f"ms_per_article_{size}"] = round(ms, 3)
        figures["growth_1k_to_100k" if sizes == [1000, 10000, 100000]
                else f"growth_{sizes[0]}_to_{sizes[-1]}"] = round(per[sizes[-1]] / per[sizes[0]], 3)
    figures["model"] = args.model or "none"
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
