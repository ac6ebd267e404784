"""Undated piles: dates, bounds, stories and timelines when nothing in the pile carries a date.

Goes through the real build: the texts are written as plain ``.txt`` files and built with
``python -m storyline build FOLDER --db DB -q`` in a subprocess, then read back with
``storyline export --format json`` (the documented contract); no stage is simulated.

Inputs (``--data``, default ``../shared/data``; nothing is copied into the repository):

- A, timeline17: a seeded sample (``--seed``, default 0) of ``--limit`` articles (default
  1,500) drawn from each of the 9 topics in proportion to its size (the 17 outlet folders
  merge into topics as bench/tls.py merges them; empty files are not drawn). Texts are
  detokenised as bench/dating.py reads them (``_data.detokenize``); truth = the name of the
  folder the file sits in. Built twice, identically but for the date:
  - undated: every file in ONE flat folder ``t17/undated/pile/doc-NNNN.txt``, numbered in
    an order shuffled by the seed; the bench checks that no path above or in it holds a
    date (four digits in a row) and that no stored article is dated by its path;
  - dated: the same texts under the same names, each in a folder named by its date
    (``t17/dated/pile/YYYY-MM-DD/doc-NNNN.txt``): storyline reads a YYYY-MM-DD folder
    name as the publication date (``ingest.text.date_from_path``, method ``path``). The
    outlet (``source``) is ``pile`` in both builds (date folders are passed over).
- B, MEANTIME (English, 120 Wikinews articles) and TBAQ (256 TimeBank + AQUAINT
  documents): the text only, document creation date left out (bench/_timeml.py's readers,
  as bench/dating.py loads them: MEANTIME's dateline sentence dropped, the whole article
  kept), each set in its own flat folder, built on its own, truth = the DCT. They are
  single articles from many stories: their figures are reported apart (``meantime_*``,
  ``tbaq_*``) and stay out of the headline.

Per article, from the export's ``published``: ``date`` (a day), ``earliest``/``latest``,
``confidence``, ``method``, ``granularity``. Figures (over every stored article of a set;
files the build did not store, e.g. exact duplicates, are counted apart):

- ``day``: share with a day; ``day_within_0d/1d/7d``: share of ALL articles whose day is
  within 0/1/7 days of the truth; ``day_precision_1d``: of the articles with a day, the
  share within +-1 day;
- ``bounds``: share with no day but ``earliest`` or ``latest``; ``bounds_hold``: of those,
  the share whose bounds hold the truth (a missing side holds anything);
- ``bounded_truth``: share of ALL articles that have a day within +-1 day of the truth, or
  no day and bounds holding the truth (an article with a day is judged by its day, never
  by its bounds). ``bounded_truth_2sided`` counts only two-sided bounds;
- ``median_width_days``: median of latest - earliest (days) over the articles with no day
  and BOTH bounds; one-sided bounds are left out of the median and counted apart
  (``one_sided``);
- ``likely``: share with no day but a window inside the bounds where the story likely
  places it (``likely_earliest``/``likely_latest``); ``likely_hold``: of those, the share
  whose window holds the truth, against ``likely_stated`` (the mean
  ``likely_confidence``); ``likely_median_width_days``;
- calibration: the articles with a day in ten bins of stated confidence
  ([0, .1), ..., [.9, 1]): count, mean confidence, share within +-1 day ("right" = within
  +-1 day); ``ece`` = sum over bins of (bin share of the dated articles) x |share right -
  mean confidence|;
- all of the above again for *stamp-free* articles (``stampfree_*``).

Stamp-free: the text holds no timestamp, dateline or comment stamp, decided by the
bench-local regular expressions in ``STAMPS`` (not storyline's code), on the text as
written to the file. An article is stamped when any of these matches:
  timestamp  a full date with a year (1980-2029) and a clock time within 30 characters
             of each other on one line: 'Wed Apr 15, 2009 5:56 am EDT', 'Friday 14 January
             2005 02.44 GMT', 'Last updated at 12:03 GMT, Monday, 27 April 2009',
             'September 19, 2008 5:15 PM'; a clock time with '.' needs am/pm or a zone;
  comment    a reader-comment stamp: 'At 19:23 27th Apr 2009, X wrote:', 'At 8:42 pm on
             18 Jan 2010, X wrote:', 'Posted by: X | September 19, 2008 ...', 'January 31,
             2011 at 2:03 pm |';
  dateline   an agency dateline with its day: 'CAIRO, Jan 28 (Reuters) -', 'July 21
             (Bloomberg) --', 'ROME, April 29 (AP) -';
  labelled   a line (or bracket) opening with Updated / Last updated / Published / Posted
             / First published followed within 40 characters by a clock time, a weekday or
             a month and day: '(Updated: 1:38 a.m. Monday, Libya; ...)';
  header date  a full date with a year closing a line or followed by 'By ' (a header date:
             '... Middle East January 26, 2011 / By Elise Labott').
A date and a clock time inside a sentence ('At 10.30 pm on August 4 1914, ...') can
pass for a timestamp; on 1,500 timeline17 articles such cases are a handful.

Grouping: B³ F1 (bench/_cluster.py) of the stored stories against the 9 topics, undated
and dated; also the number of stories and singletons and, per topic, the share of its
articles in the story holding most of them.

Timelines: Date-F1 of bench/tls.py's protocol (its ``load_timelines``, ``date_prf`` and
``average``: P and R averaged over the 19 gold timelines, F1 of the averages). Each topic
is mapped to ONE story of the build: the story holding most of the topic's sampled
articles (ties: the larger story; one story may be the main story of several topics when
the build merged them). For each gold timeline of the topic, the prediction
is that story's stored timeline (as ``storyline timeline`` shows it), its entries of
granularity ``day`` dated between the gold timeline's first and last date (tls.py gives
the summariser only that window's articles). ``tls_retold_*`` scores tls.py's own
``predict`` (length = gold dates, k sentences a date, the gold window) run on that story's
stored articles with the dates the build gave them: the same grouping and dates, without
the stored timeline's length cap.

    python bench/undated.py [--data DIR] [--limit 1500] [--seed 0] [--keep DIR] [--workers 1]
                            [--only t17,meantime,tbaq] [--no-language] [--show N]

Last stdout line: {"bench": "undated", "day_within_1d", "stampfree_day_within_1d",
"day_precision_1d", "bounded_truth", "median_width_days", "b3_undated", "b3_dated",
"tls_date_f1_undated", "tls_date_f1_dated", ..., "meantime_*", "tbaq_*", "articles",
"stampfree_articles", "seconds"}.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import dating as dating_bench  # noqa: E402  (bench/dating.py: the same texts and truths)
from _cluster import b_cubed  # noqa: E402
from _data import DEFAULT_DATA  # noqa: E402
from tls import average, date_prf, load_timelines, predict, topic_dirs  # noqa: E402

from storyline.store import Store  # noqa: E402

# -- stamp-free: a bench-local classifier, independent of storyline's own rules ---------------

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19[89]\d|20[0-2]\d)"
_FULL_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"
              rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR})\b")
_ZONE = r"(?:GMT|BST|UTC|CET|CEST|EDT|EST|ET|CDT|CST|PDT|PST|PT|IST|HKT|UK time)"
_AMPM = r"(?:[ap]\.?m\.?|[AP]\.?M\.?)"
_CLOCK = (rf"\b(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?(?:\s*{_AMPM})?"
          rf"|\.[0-5]\d\s*(?:{_AMPM}|{_ZONE}))")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b"
_AGENCY = r"\((?:Reuters|AP|AFP|Bloomberg|CNN|Xinhua|UPI|dpa|PA|IANS|ANI)\)"

STAMPS = {
    "timestamp": re.compile(rf"{_FULL_DATE}[^\n]{{0,30}}?{_CLOCK}|{_CLOCK}[^\n]{{0,30}}?{_FULL_DATE}"),
    "comment": re.compile(rf"\bAt\s+{_CLOCK}[^\n]{{0,40}}?wrote:|Posted by:?[^\n]{{0,60}}?{_FULL_DATE}"
                          rf"|{_FULL_DATE}\s+at\s+{_CLOCK}\s*\|"),
    "dateline": re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s+{_YEAR})?\s*{_AGENCY}\s*[-–—_]"),
    "labelled": re.compile(rf"(?:^|\n|\(|\|)\s*(?:Page last updated|Last updated|Updated|Published"
                           rf"|First published|Posted)\b(?:\s+(?:at|on))?\s*:?[^\n]{{0,40}}?"
                           rf"(?:{_CLOCK}|{_WEEKDAY}|{_MONTH}\s+\d)"),
    "header date": re.compile(rf"{_FULL_DATE}[ \t]*(?:\n|$|By\s)"),
}


def stamps(text: str) -> list[str]:
    """The kinds of date stamp the text holds ([] = stamp-free)."""
    return [kind for kind, pattern in STAMPS.items() if pattern.search(text)]


def _check_stamps() -> None:
    stamped = {
        "HONG KONG | Wed Apr 15, 2009 5:56 am EDT HONG KONG (Reuters) - Scientists": "timestamp",
        "Page last updated at 12:03 GMT, Monday, 27 April 2009": "timestamp",
        "Friday 14 January 2005 02.44 GMT The trial of the man": "timestamp",
        "great point.\nAt 19:23 27th Apr 2009, Joe Bloggs wrote: nonsense": "comment",
        "CAIRO, Jan 28 (Reuters) - Protesters": "dateline",
        "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): Libya's army": "labelled",
        "in the Middle East January 26, 2011\nBy Elise Labott": "header date",
    }
    for text, kind in stamped.items():
        assert kind in stamps(text), (text, stamps(text))
    for text in ("The spill began on April 20, 2010, and oil reached the coast.",
                 "Shares rose 3.50 percent on Tuesday.", "WASHINGTON (CNN) -- The Senate voted",
                 "Posted by shahidkhan123 Would that be before or after"):
        assert not stamps(text), (text, stamps(text))


# -- data ------------------------------------------------------------------------------------------

def t17_sample(docs: list, limit: int, seed: int) -> list:
    """`limit` non-empty timeline17 articles, each topic in proportion to its size."""
    by_topic = defaultdict(list)
    for d in docs:
        if d.group.startswith("t17") and d.text.strip():
            by_topic[topic_of(d)].append(d)
    total = sum(len(v) for v in by_topic.values())
    rng = random.Random(seed)
    out = []
    for topic in sorted(by_topic):
        members = by_topic[topic]
        out += rng.sample(members, min(len(members), max(1, round(limit * len(members) / total))))
    return out


def topic_of(doc) -> str:
    """The topic of a timeline17 doc named t17/<topic>_<outlet>/InputDocs/<day>/<file>."""
    return doc.name.split("/")[1].split("_")[0]


_DIGITS = re.compile(r"\d{4}")


def write_pile(docs: list, root: Path, seed: int, dated: bool) -> dict[str, object]:
    """Write the docs as root/pile/doc-NNNN.txt (dated: root/pile/<truth>/doc-NNNN.txt),
    numbered in a seeded shuffle; returns {file name: doc}."""
    order = list(docs)
    random.Random(seed).shuffle(order)
    pile = root / "pile"
    if pile.exists():
        shutil.rmtree(pile)
    width = max(4, len(str(len(order))))
    names = {}
    for i, doc in enumerate(order, 1):
        name = f"doc-{i:0{width}d}.txt"
        folder = pile / doc.truth if dated else pile
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(doc.text, encoding="utf-8")
        names[name] = doc
    if not dated:
        for path in pile.rglob("*"):
            if _DIGITS.search(str(path.resolve()).replace(path.name, "")) or path.is_dir():
                raise SystemExit(f"undated pile holds a date-like path: {path}")
    return names


def build(pile: Path, db: Path, workers: int, no_language: bool) -> tuple[dict, float]:
    """`storyline build` then `storyline export --format json`, as subprocesses."""
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "storyline", "build", str(pile), "--db", str(db), "-q",
           "--workers", str(workers)] + (["--no-language"] if no_language else [])
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(f"  build exit status {done.returncode}: {done.stderr.strip()[-500:]}", file=sys.stderr)
    out = db.with_suffix(".json")
    subprocess.run([sys.executable, "-m", "storyline", "export", "--db", str(db), "--format",
                    "json", "-o", str(out)], check=True, capture_output=True, text=True)
    with open(out, encoding="utf-8") as f:
        return json.load(f), seconds


def rows_of(export: dict, names: dict[str, object]) -> list[dict]:
    rows = []
    for a in export["articles"]:
        doc = names.get(Path(a["path"]).name)
        if doc is None:
            continue
        p = a["published"]
        rows.append({"id": a["id"], "file": Path(a["path"]).name, "name": doc.name,
                     "truth": doc.truth, "topic": topic_of(doc) if doc.name.startswith("t17/") else None,
                     "date": p["date"], "earliest": p["earliest"], "latest": p["latest"],
                     "granularity": p["granularity"], "method": p["method"],
                     "confidence": p["confidence"] or 0.0, "why": p.get("explanation", ""),
                     "likely_earliest": p.get("likely_earliest"),
                     "likely_latest": p.get("likely_latest"),
                     "likely_confidence": p.get("likely_confidence"),
                     "story": a["story_id"], "stamps": stamps(doc.text)})
    return rows


# -- figures ---------------------------------------------------------------------------------------

def _days(a: str, b: str) -> int:
    return (date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days


def holds(r: dict) -> bool:
    return (r["earliest"] or "0000") <= r["truth"] <= (r["latest"] or "9999")


def figures(rows: list[dict]) -> dict:
    n = len(rows) or 1
    dated = [r for r in rows if r["date"]]
    gap = {r["id"]: abs(_days(r["date"], r["truth"])) for r in dated}
    bounded = [r for r in rows if not r["date"] and (r["earliest"] or r["latest"])]
    both = [r for r in bounded if r["earliest"] and r["latest"]]
    right = [r for r in dated if gap[r["id"]] <= 1]
    bins = []
    for b in range(10):
        members = [r for r in dated if min(int(r["confidence"] * 10), 9) == b]
        if members:
            conf = sum(r["confidence"] for r in members) / len(members)
            acc = sum(gap[r["id"]] <= 1 for r in members) / len(members)
            exact = sum(gap[r["id"]] == 0 for r in members) / len(members)
            bins.append({"bin": b / 10, "n": len(members), "confidence": conf, "within_1d": acc,
                         "exact": exact})
    ece = sum(x["n"] / len(dated) * abs(x["within_1d"] - x["confidence"]) for x in bins) if dated else 0.0
    widths = [_days(r["latest"], r["earliest"]) for r in both]
    likely = [r for r in bounded if r.get("likely_earliest") and r.get("likely_latest")]
    return {
        "n": len(rows),
        "day": len(dated) / n,
        **{f"day_within_{k}d": sum(g <= k for g in gap.values()) / n for k in (0, 1, 7)},
        "day_precision_1d": len(right) / len(dated) if dated else 0.0,
        "bounds": len(bounded) / n,
        "bounds_hold": sum(holds(r) for r in bounded) / len(bounded) if bounded else 0.0,
        "bounded_truth": (len(right) + sum(holds(r) for r in bounded)) / n,
        "bounded_truth_2sided": (len(right) + sum(holds(r) for r in both)) / n,
        "median_width_days": statistics.median(widths) if widths else None,
        "two_sided": len(both), "one_sided": len(bounded) - len(both),
        "nothing": sum(1 for r in rows if not r["date"] and not r["earliest"] and not r["latest"]) / n,
        "calibration": bins, "ece": ece,
        # the window the story likely places an article in, inside its bounds
        "likely": len(likely) / n,
        "likely_hold": sum(r["likely_earliest"] <= r["truth"] <= r["likely_latest"]
                           for r in likely) / len(likely) if likely else 0.0,
        "likely_stated": sum(r["likely_confidence"] or 0 for r in likely) / len(likely)
        if likely else 0.0,
        "likely_median_width_days": statistics.median(
            _days(r["likely_latest"], r["likely_earliest"]) for r in likely) if likely else None,
    }


def methods(rows: list[dict]) -> dict[str, dict]:
    out = {}
    for m in sorted({r["method"] or "-" for r in rows}):
        members = [r for r in rows if (r["method"] or "-") == m]
        days = [r for r in members if r["date"]]
        out[m] = {"n": len(members), "day": len(days),
                  "within_1d": sum(abs(_days(r["date"], r["truth"])) <= 1 for r in days),
                  "confidence": sum(r["confidence"] for r in days) / len(days) if days else 0.0}
    return out


def grouping(rows: list[dict]) -> dict:
    gold = {r["id"]: r["topic"] for r in rows}
    system = {r["id"]: r["story"] for r in rows if r["story"]}
    s = b_cubed(gold, system)
    sizes = Counter(system.values())
    s["stories"] = len(sizes) + sum(1 for r in rows if not r["story"])
    s["singletons"] = sum(1 for c in sizes.values() if c == 1) + sum(1 for r in rows if not r["story"])
    s["main"] = main_stories(rows)
    return s


def main_stories(rows: list[dict]) -> dict[str, tuple[str | None, int, int]]:
    """{topic: (story holding most of its articles, how many it holds, topic size)}."""
    size = Counter(r["story"] for r in rows if r["story"])
    out = {}
    for topic in sorted({r["topic"] for r in rows}):
        held = Counter(r["story"] for r in rows if r["topic"] == topic and r["story"])
        n = sum(1 for r in rows if r["topic"] == topic)
        if held:
            story, count = max(held.items(), key=lambda kv: (kv[1], size[kv[0]], kv[0]))
            out[topic] = (story, count, n)
        else:
            out[topic] = (None, 0, n)
    return out


def timelines(data: Path, export: dict, rows: list[dict], db: Path, label: str,
              verbose: bool) -> dict:
    """Date-F1 of each gold timeline against the stored timeline of its topic's story, and
    against tls.py's `predict` run on that story's stored articles."""
    stories = {s["id"]: s for s in export["stories"]}
    main = main_stories(rows)
    stored_rows, retold_rows, lines, told = [], [], [], []
    with Store(str(db), readonly=True) as store:
        for topic, dirs in topic_dirs(data).items():
            story_id = main.get(topic, (None,))[0]
            story = stories.get(story_id) if story_id else None
            entries = story["timeline"] if story else []
            days = {}
            for e in entries:
                if e["granularity"] == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", e["date"] or ""):
                    days.setdefault(date.fromisoformat(e["date"]), [e["text"]])
            members = list(store.articles.all(story_id=story_id)) if story_id else []
            for d in dirs:
                for j, ref in enumerate(load_timelines(d)):
                    lo, hi = min(ref), max(ref)
                    pred = {k: v for k, v in days.items() if lo <= k <= hi}
                    stored = date_prf(pred, ref)
                    retold = date_prf(predict(members, ref), ref) if members else date_prf({}, ref)
                    stored_rows.append(stored)
                    retold_rows.append(retold)
                    lines.append(f"  {label:8s} {d.name + '/' + str(j):28s} {len(ref):4d} "
                                 f"{len(entries):5d} {len(days):4d} {len(pred):4d} "
                                 f"{stored['f']:6.3f} {retold['f']:6.3f}")
            if verbose and story:
                told.append(f"\n  {label} {topic}: story {story_id} ({len(story['article_ids'])} "
                            f"articles) {story['title'][:80]!r}")
                told += [f"     {e['date']:10s} {e['granularity']:5s} {e['text'][:110]!r}"
                         for e in entries]
    return {"stored": average(stored_rows), "retold": average(retold_rows), "lines": lines,
            "told": told, "timelines": len(stored_rows)}


# -- printing --------------------------------------------------------------------------------------

def print_figures(title: str, sets: list[tuple[str, dict]]) -> None:
    print(f"\n{title}")
    print(f"{'set':22s} {'n':>5s} {'day':>6s} {'=0d':>6s} {'<=1d':>6s} {'<=7d':>6s} {'prec1':>6s} "
          f"{'bounds':>6s} {'hold':>6s} {'b.truth':>7s} {'2sided':>6s} {'width':>6s} {'1side':>5s} "
          f"{'none':>6s} {'ECE':>5s}")
    for name, f in sets:
        width = f"{f['median_width_days']:6.0f}" if f["median_width_days"] is not None else f"{'-':>6s}"
        print(f"{name:22s} {f['n']:5d} {f['day']:6.3f} {f['day_within_0d']:6.3f} "
              f"{f['day_within_1d']:6.3f} {f['day_within_7d']:6.3f} {f['day_precision_1d']:6.3f} "
              f"{f['bounds']:6.3f} {f['bounds_hold']:6.3f} {f['bounded_truth']:7.3f} "
              f"{f['bounded_truth_2sided']:6.3f} {width} {f['one_sided']:5d} {f['nothing']:6.3f} "
              f"{f['ece']:5.3f}")


def print_calibration(sets: list[tuple[str, dict]]) -> None:
    print("\ncalibration of stated confidence (articles with a day; right = within +-1 day)")
    print(f"{'set':22s} {'conf bin':>8s} {'n':>5s} {'mean conf':>9s} {'right':>6s} {'exact':>6s}")
    for name, f in sets:
        for b in f["calibration"]:
            print(f"{name:22s} {b['bin']:4.1f}-{b['bin'] + .1:3.1f} {b['n']:5d} {b['confidence']:9.3f} "
                  f"{b['within_1d']:6.3f} {b['exact']:6.3f}")


def print_methods(name: str, rows: list[dict]) -> None:
    print(f"\n{name}: by method (method, articles, with a day, of those within +-1 day, mean "
          "confidence of the days)")
    for m, x in methods(rows).items():
        share = x["within_1d"] / x["day"] if x["day"] else 0.0
        print(f"  {m:10s} {x['n']:5d} {x['day']:5d} {share:6.3f} {x['confidence']:6.3f}")


def r4(x):
    return round(x, 4) if isinstance(x, float) else x


# -- main ------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=1500, help="timeline17 articles (default 1500)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", type=Path, default=None,
                    help="build the folders and stores here and keep them (default: a temporary "
                         "folder, removed)")
    ap.add_argument("--workers", type=int, default=1, help="passed to storyline build")
    ap.add_argument("--only", default="t17,meantime,tbaq")
    ap.add_argument("--no-language", action="store_true",
                    help="pass --no-language to storyline build (faster; no names for grouping)")
    ap.add_argument("--show", type=int, default=8,
                    help="print N sample articles and N wrong days with their reasons")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the mapped stories' timelines")
    args = ap.parse_args()
    _check_stamps()
    started = time.perf_counter()
    only = set(args.only.split(","))
    if args.keep:
        work = args.keep.resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="undated-"))
        while _DIGITS.search(str(work)):
            shutil.rmtree(work)
            work = Path(tempfile.mkdtemp(prefix="undated-"))
    docs = dating_bench.load(args.data, None)
    result: dict = {"bench": "undated"}
    seconds: dict[str, float] = {}

    if "t17" in only:
        sample = t17_sample(docs, args.limit, args.seed)
        topics = Counter(topic_of(d) for d in sample)
        print(f"timeline17 sample: {len(sample)} articles (seed {args.seed}): "
              + ", ".join(f"{t} {n}" for t, n in sorted(topics.items())), file=sys.stderr)
        builds = {}
        for kind in ("undated", "dated"):
            root = work / "t17" / kind
            names = write_pile(sample, root, args.seed, dated=kind == "dated")
            export, secs = build(root / "pile", root / "store.db", args.workers, args.no_language)
            seconds[f"t17_{kind}"] = secs
            rows = rows_of(export, names)
            print(f"  built {kind}: {len(rows)} of {len(names)} files stored, {secs:.0f} s",
                  file=sys.stderr)
            builds[kind] = (export, rows, root / "store.db")
        export, rows, db = builds["undated"]
        by_path = [r for r in rows if r["method"] == "path"]
        if by_path:
            raise SystemExit(f"{len(by_path)} undated articles dated by their path, e.g. {by_path[0]}")
        d_rows = builds["dated"][1]
        d_right = sum(1 for r in d_rows if r["date"] == r["truth"])
        print(f"\ncheck: dated build gives {d_right} of {len(d_rows)} articles their folder date "
              f"(methods: {dict(Counter(r['method'] for r in d_rows))}); undated build: no article "
              "dated by its path; no digit run of 4 in any undated file's folders")
        free = [r for r in rows if not r["stamps"]]
        kinds = Counter(k for r in rows for k in r["stamps"])
        print(f"\nstamp classifier (bench-local regexes): {len(rows) - len(free)} stamped, "
              f"{len(free)} stamp-free of {len(rows)}; kinds (an article may have several): "
              + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
        headline, free_f = figures(rows), figures(free)
        stamped_f = figures([r for r in rows if r["stamps"]])
        sets = [("t17 undated: all", headline), ("  stamped", stamped_f), ("  stamp-free", free_f)]
        for topic in sorted(topics):
            sets.append((f"  {topic}", figures([r for r in rows if r["topic"] == topic])))
        print_figures("timeline17, undated build (shares of all articles unless said)", sets)
        print_calibration(sets[:3])
        print_methods("t17 undated", rows)

        g = {kind: grouping(builds[kind][1]) for kind in ("undated", "dated")}
        print("\ngrouping against the 9 topics (B³)")
        print(f"{'build':8s} {'articles':>8s} {'stories':>7s} {'single':>6s} {'P':>6s} {'R':>6s} "
              f"{'F1':>6s}")
        for kind, s in g.items():
            print(f"{kind:8s} {len(builds[kind][1]):8d} {s['stories']:7d} {s['singletons']:6d} "
                  f"{s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
        print("per topic: the story holding most of its articles (share of the topic's articles), "
              "undated | dated")
        for topic in sorted(topics):
            cells = []
            for kind in ("undated", "dated"):
                story, count, n = g[kind]["main"][topic]
                cells.append(f"{story or '-':12s} {count:4d}/{n:<4d} {count / n if n else 0:5.2f}")
            print(f"  {topic:16s} " + " | ".join(cells))

        tl = {}
        print("\ntimeline Date-F1 (tls.py protocol; prediction = the topic's main story: its stored "
              "day entries in the gold window | tls.predict on its stored articles)")
        print(f"  {'build':8s} {'gold timeline':28s} {'gold':>4s} {'entr':>5s} {'days':>4s} "
              f"{'win':>4s} {'stored':>6s} {'retold':>6s}")
        for kind in ("undated", "dated"):
            export_k, rows_k, db_k = builds[kind]
            tl[kind] = timelines(args.data, export_k, rows_k, db_k, kind, args.verbose)
            print("\n".join(tl[kind]["lines"]))
        for kind in ("undated", "dated"):
            print(f"  {kind:8s} mean over {tl[kind]['timelines']} timelines: stored Date-F1 "
                  f"{tl[kind]['stored']['f']:.3f} (P {tl[kind]['stored']['p']:.3f} R "
                  f"{tl[kind]['stored']['r']:.3f}), retold {tl[kind]['retold']['f']:.3f}")
        if args.verbose:
            print("\nthe stored timelines of the stories mapped to topics (a story may be the main "
                  "story of several topics)")
            for kind in ("undated", "dated"):
                print("\n".join(tl[kind]["told"]))

        if args.show:
            rng = random.Random(args.seed)
            print(f"\n{args.show} sample articles of the undated build (file, truth, answer):")
            for r in rng.sample(rows, min(args.show, len(rows))):
                print(f"  {r['file']} {r['name'][4:]}\n     truth {r['truth']}; {r['why'][:220]}"
                      f"\n     stamps: {', '.join(r['stamps']) or 'none'}; story {r['story']}")
            wrong = [r for r in rows if r["date"] and abs(_days(r["date"], r["truth"])) > 1]
            print(f"\n{len(wrong)} days more than a day off; {min(args.show, len(wrong))} of them:")
            for r in rng.sample(wrong, min(args.show, len(wrong))):
                print(f"  {r['file']} truth {r['truth']}: {r['why'][:200]}")

        ug, dg = g["undated"], g["dated"]
        result.update({
            "day_within_1d": headline["day_within_1d"],
            "stampfree_day_within_1d": free_f["day_within_1d"],
            "day_precision_1d": headline["day_precision_1d"],
            "bounded_truth": headline["bounded_truth"],
            "median_width_days": headline["median_width_days"],
            "b3_undated": ug["f1"], "b3_dated": dg["f1"],
            "tls_date_f1_undated": tl["undated"]["stored"]["f"],
            "tls_date_f1_dated": tl["dated"]["stored"]["f"],
            "tls_retold_date_f1_undated": tl["undated"]["retold"]["f"],
            "tls_retold_date_f1_dated": tl["dated"]["retold"]["f"],
            "day": headline["day"], "day_within_0d": headline["day_within_0d"],
            "day_within_7d": headline["day_within_7d"], "bounds": headline["bounds"],
            "bounds_hold": headline["bounds_hold"],
            "bounded_truth_2sided": headline["bounded_truth_2sided"],
            "one_sided": headline["one_sided"], "ece": headline["ece"],
            "likely": headline["likely"], "likely_hold": headline["likely_hold"],
            "likely_stated": headline["likely_stated"],
            "likely_median_width_days": headline["likely_median_width_days"],
            "stampfree_day": free_f["day"], "stampfree_day_precision_1d": free_f["day_precision_1d"],
            "stampfree_bounds": free_f["bounds"], "stampfree_bounds_hold": free_f["bounds_hold"],
            "stampfree_bounded_truth": free_f["bounded_truth"],
            "stampfree_median_width_days": free_f["median_width_days"],
            "stampfree_ece": free_f["ece"],
            "stories_undated": ug["stories"], "stories_dated": dg["stories"],
            "singletons_undated": ug["singletons"], "singletons_dated": dg["singletons"],
            "articles": len(rows), "files": len(sample), "stampfree_articles": len(free),
            "stamped_articles": len(rows) - len(free),
        })

    other = []
    for name in ("meantime", "tbaq"):
        if name not in only:
            continue
        root = work / name
        names = write_pile([d for d in docs if d.group == name and d.text.strip()], root,
                           args.seed, dated=False)
        export, secs = build(root / "pile", root / "store.db", args.workers, args.no_language)
        seconds[name] = secs
        rows = rows_of(export, names)
        f, free_f = figures(rows), figures([r for r in rows if not r["stamps"]])
        other += [(f"{name}: all", f), (f"  stamp-free", free_f)]
        print_methods(name, rows)
        for key in ("day", "day_within_0d", "day_within_1d", "day_within_7d", "day_precision_1d",
                    "bounds", "bounds_hold", "bounded_truth", "median_width_days", "ece"):
            result[f"{name}_{key}"] = f[key]
        result[f"{name}_stampfree_day_within_1d"] = free_f["day_within_1d"]
        result[f"{name}_articles"] = len(rows)
        result[f"{name}_stampfree_articles"] = free_f["n"]
    if other:
        print_figures("MEANTIME and TBAQ, document dates hidden (each set one flat folder, one build)",
                      other)
        print_calibration(other[::2])

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"\nkept: {work} (t17/undated, t17/dated, meantime, tbaq: pile/ and store.db)")
    result.update({f"seconds_build_{k}": round(v, 1) for k, v in seconds.items()})
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps({k: r4(v) for k, v in result.items()}))


if __name__ == "__main__":
    main()
