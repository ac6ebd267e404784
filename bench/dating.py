"""Article dating from text alone: hide every article's date and reason it back.

Data (``--data``, default ``../shared/data``):
- ``timeline17``: 4,650 articles, date = the name of the folder they sit in. The
  texts are PTB-tokenised (``-LRB-``, `` `` ``, ``Feb 21 , 2011``); the tokenisation is
  undone mechanically before dating, so that they read as published. Split in two
  halves by sorted path: odd positions are the *tune* half (the likelihood tables
  in ``storyline/dating/text.py`` were measured there), even positions the *test*
  half, never looked at while tuning; both are reported, and the headline is all;
- ``tempeval3/TBAQ-cleaned`` (TimeBank + AQUAINT, 256 documents) and ``meantime-en``
  (120 Wikinews articles): date = the DCT. The TimeML text never holds the DCT;
  MEANTIME's dateline sentence (the DCT itself) is left out, the rest of the
  article kept (bench/_timeml.py's reader, all sentences). Also used for tuning.

Each text goes through storyline's own per-article pipeline as a ``.txt`` article
with no metadata (``pipeline.process``: cleaning, then ``dating.date_article``), so
timestamp lines, datelines and captions are found by the cleaner as they would be.

Reported, over ALL articles (an abstention counts as a miss): share dated within
0 / 1 / 7 / 31 days; share answered (a day given); precision = share of answers
within 7 days. Targets: +-1 day for >= 60% of articles; >= 90% of answers within
7 days. Also:
- captions: (a) answers equal to a caption's date that no other clue names (must
  be 0); (b) every 5th article gets an extra caption line dated 10 days before its
  true date ("FILE PHOTO: ... on March 3, 2011."): answers equal to that date
  (must be 0) and answers that changed;
- speed: articles per second for ``dating.date_article`` alone (clue tagging and
  scoring), on the first 1,000 articles, one process;
- ceiling: share of articles whose text names a day within 7 days of the truth
  together with its year; no text-only method dates the others to the week;
- limits: each article classed by what its text says about the true day (A: names
  it, +-1, with its year; B: names the month-day, a year only elsewhere; C: the
  month-day, no year anywhere; D: only days 2-7 days off; E/F: weekdays only, with
  or without a year; G: months or years only; H: nothing), with the share of each
  dated within a day: A + B bounds within_1d for any text-only method;
- month/year answers: their share and the share whose range holds the true date;
- the story stage (``corpus.date_from_story``, as a build runs it) on each story's
  articles, the stories being timeline17's topics and MEANTIME's sub-corpora: the
  articles the text left without a day get one from their story. Reported apart
  from the headline (``story_*`` keys); ``--no-story`` skips it.

    python bench/dating.py [--data DIR] [--limit N] [--show-errors N] [--workers N] [--no-story]

Last stdout line: {"bench": "dating", "within_0d", "within_1d", "within_7d",
"within_31d", "answered", "precision_7d", "articles_per_s", "ceiling_7d", "ceiling_1d"
(limits A + B), "coarse", "coarse_correct", "caption_as_date",
"injected_caption_as_date", "story_within_1d", "story_within_7d",
"story_answered", "story_precision_7d", plus per set "<set>_within_1d" /
"<set>_precision_7d"}.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path


import _data  # noqa: E402
from _data import detokenize  # noqa: E402
import _timeml  # noqa: E402

from storyline import dating, pipeline  # noqa: E402
from storyline.dating.clues import collect  # noqa: E402
from storyline.model import Block, Origin, Published, RawDocument  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


@dataclass
class Doc:
    name: str        # <set>/<path>
    group: str       # t17-tune | t17-test | tbaq | meantime
    truth: str       # YYYY-MM-DD
    text: str


def load(data: Path, limit: int | None) -> list[Doc]:
    docs: list[Doc] = []
    t17 = sorted((data / "timeline17").glob("*/InputDocs/*/*.txt"))
    for i, path in enumerate(t17):
        text = path.read_text(encoding="utf-8", errors="replace")
        docs.append(Doc("t17/" + path.relative_to(data / "timeline17").as_posix(),
                        "t17-tune" if i % 2 else "t17-test", path.parent.name, detokenize(text)))
    tbaq = data / "tempeval3" / "TBAQ-cleaned"
    for d in _timeml.read_tml_dir(tbaq / "TimeBank") + _timeml.read_tml_dir(tbaq / "AQUAINT"):
        docs.append(Doc("tbaq/" + d.name, "tbaq", d.dct, d.text))
    _timeml.MEANTIME_LAST_SENTENCE = 10 ** 6     # the whole article, not the annotated head
    meantime = data / "meantime-en" / "intra_cross-doc_annotation"
    for path in sorted(meantime.glob("*/*.xml")):
        d = _timeml.read_meantime(path)
        docs.append(Doc(f"meantime/{path.parent.name}/{d.name}", "meantime", d.dct, d.text))
    if limit and limit < len(docs):
        keep = sorted(random.Random(0).sample(range(len(docs)), limit))
        docs = [docs[i] for i in keep]
    return docs


def _raw(doc: Doc) -> RawDocument:
    return RawDocument(origin=Origin(path=doc.name, format="txt"), content=doc.text)


def _caption_dates(blocks: list[Block], answer: str) -> tuple[bool, bool]:
    """(is the answer a caption's date, does any other clue name that day)."""
    clues, _ = collect(blocks)
    day = date.fromisoformat(answer)

    def names(c) -> bool:
        if c.kind == "day":
            return (c.year, c.month, c.day) == (day.year, day.month, day.day)
        return c.kind == "monthday" and (c.month, c.day) == (day.month, day.day)

    caption = any(c.role == "bound" and names(c) for c in clues)
    other = any(c.role != "bound" and names(c) for c in clues)
    return caption, other


def _injected(doc: Doc) -> tuple[RawDocument, str]:
    """The article with an extra caption dated ten days before its true date."""
    when = date.fromisoformat(doc.truth) - timedelta(days=10)
    said = f"{MONTHS[when.month - 1]} {when.day}, {when.year}"
    caption = f"FILE PHOTO: Officials inspect the site on {said}. (Reuters/Staff)"
    paragraphs = doc.text.split("\n")
    cut = min(3, len(paragraphs))
    text = "\n".join(paragraphs[:cut] + ["", caption, ""] + paragraphs[cut:])
    return RawDocument(origin=Origin(path=doc.name, format="txt"), content=text), when.isoformat()


def run_one(doc: Doc) -> dict:
    out: dict = {"name": doc.name, "group": doc.group, "truth": doc.truth}
    try:
        article = pipeline.process(_raw(doc), model=None)
    except pipeline.NoArticleText:
        out.update(date=None, granularity=None, confidence=0.0, why="no text")
        return out
    except Exception as error:  # a crash elsewhere in the pipeline: counted, reported
        out.update(date=None, granularity=None, confidence=0.0, error=f"{type(error).__name__}: {error}")
        return out
    p = article.published
    out["article"] = article.to_dict()
    out.update(date=p.date, granularity=p.granularity, confidence=p.confidence,
               earliest=p.earliest, latest=p.latest,
               why="; ".join(f"{e.note} {e.text[:60]!r}" for e in p.evidence[:3]))
    if p.date and any(b.kind == "caption" for b in article.blocks):
        out["caption_answer"], out["caption_other"] = _caption_dates(article.blocks, p.date)
    clues, _ = collect(article.blocks)
    out["reachable"] = _reachable(clues, doc.truth)
    out["limit"] = _limit(clues, doc.truth)
    return out


# What the text says about the true day, best first: the share of articles in each
# class bounds what any text-only method can do (bench prints them as "limits").
LIMITS = [
    ("A", "names the day (+-1) with its year"),
    ("B", "names the month-day (+-1); a year only elsewhere"),
    ("C", "names the month-day (+-1); no year anywhere"),
    ("D", "names a day or month-day 2-7 days off, none nearer"),
    ("E", "weekdays only (no day near); a year named"),
    ("F", "weekdays only (no day near); no year"),
    ("G", "months or years only"),
    ("H", "no time expression"),
]


def _limit(clues, truth: str) -> str:
    day = date.fromisoformat(truth)
    clues = [c for c in clues if c.role != "bound"]

    def md_gap(c) -> int:
        gaps = []
        for y in (day.year - 1, day.year, day.year + 1):
            try:
                gaps.append(abs((date(y, c.month, c.day) - day).days))
            except ValueError:
                continue
        return min(gaps) if gaps else 10 ** 6

    day_gaps = [abs(c.ordinal() - day.toordinal()) for c in clues if c.kind == "day"]
    md_gaps = [md_gap(c) for c in clues if c.kind == "monthday"]
    any_year = any(c.year for c in clues)
    weekday = any(c.kind == "weekday" for c in clues)
    if any(g <= 1 for g in day_gaps):
        return "A"
    if any(g <= 1 for g in md_gaps):
        return "B" if any_year else "C"
    if any(g <= 7 for g in day_gaps + md_gaps):
        return "D"
    if weekday:
        return "E" if any_year else "F"
    return "G" if clues else "H"


def _reachable(clues, truth: str) -> bool:
    """Does the text name a day within a week of the true date, with its year (written
    with it, or anywhere in the text)? Without such a day no text-only method can date
    the article to the day; the share of these is a ceiling for within_7d."""
    day = date.fromisoformat(truth)
    year_named = any(c.year == day.year for c in clues)
    for c in clues:
        if c.role == "bound":
            continue
        if c.kind == "day" and abs(c.ordinal() - day.toordinal()) <= 7:
            return True
        if c.kind == "monthday" and year_named:
            for y in (day.year - 1, day.year, day.year + 1):
                try:
                    if abs((date(y, c.month, c.day) - day).days) <= 7:
                        return True
                except ValueError:
                    continue
    return False


def run_injected(doc: Doc) -> dict:
    raw, caption_day = _injected(doc)
    try:
        article = pipeline.process(raw, model=None)
    except Exception:
        return {"name": doc.name, "date": None, "caption": caption_day, "removed_as_caption": False}
    removed = any(b.kind == "caption" and "FILE PHOTO: Officials inspect" in b.text
                  for b in article.blocks)
    return {"name": doc.name, "date": article.published.date, "caption": caption_day,
            "removed_as_caption": removed}


# -- the story stage, as a build runs it --------------------------------------------


def _story_of(name: str) -> str | None:
    """The stories: timeline17's topics (its 9 topics, as news-tls merges the outlet
    folders), MEANTIME's sub-corpora (airbus, apple, gm, stock). Grouping itself is
    measured by bench/stories.py; here the story is given so that only dating is."""
    parts = name.split("/")
    if parts[0] == "t17":
        return "t17:" + parts[1].split("_")[0]
    if parts[0] == "meantime":
        return "meantime:" + parts[1]           # its sub-corpus: corpus_airbus, ...
    return None


def story_pass(rows: list[dict]) -> list[dict]:
    """Date each story's articles the text left without a day with the build's own
    story-dating stage (`corpus.date_from_story`: evidence `timeline.story_clues`,
    decision `dating.date_in_story`), on the articles as `pipeline.process` made
    them without the language pipeline (as `storyline build --no-language` does;
    a full build also has the parser's sentences). Returns the rows it dated."""
    from storyline.corpus import date_from_story
    from storyline.model import Article

    by_story = defaultdict(list)
    for r in rows:
        story = _story_of(r["name"])
        if story and r.get("article"):
            by_story[story].append(r)
    out = []
    for members in by_story.values():
        articles = [Article.from_dict(r["article"]) for r in members]
        found = date_from_story(articles)
        for r, article in zip(members, articles):
            answer = found.get(article.id)
            if not r.get("date") and answer is not None and answer.date:
                out.append({**r, "date": answer.date, "confidence": answer.confidence,
                            "granularity": "day", "story": True})
    return out


def figures(rows: list[dict]) -> dict[str, float]:
    n = len(rows) or 1
    gaps = [abs((date.fromisoformat(r["date"]) - date.fromisoformat(r["truth"])).days)
            for r in rows if r.get("date")]
    within = {k: sum(g <= k for g in gaps) / n for k in (0, 1, 7, 31)}
    coarse = [r for r in rows if not r.get("date") and r.get("granularity")]
    return {"n": len(rows), "within_0d": within[0], "within_1d": within[1],
            "within_7d": within[7], "within_31d": within[31], "answered": len(gaps) / n,
            "precision_7d": sum(g <= 7 for g in gaps) / len(gaps) if gaps else 0.0,
            "precision_1d": sum(g <= 1 for g in gaps) / len(gaps) if gaps else 0.0,
            "reachable": sum(1 for r in rows if r.get("reachable")) / n,
            "coarse": len(coarse) / n,
            # month or year answers whose range holds the true date
            "coarse_correct": sum(1 for r in coarse if r.get("earliest") and r.get("latest")
                                  and r["earliest"] <= r["truth"] <= r["latest"]) / len(coarse)
            if coarse else 0.0,
            "limits": {k: sum(1 for r in rows if r.get("limit") == k) / n for k, _ in LIMITS},
            "dated_by_limit": {k: sum(1 for r, g in _gaps(rows) if r.get("limit") == k and g <= 1)
                               / n for k, _ in LIMITS}}


def _gaps(rows: list[dict]):
    for r in rows:
        if r.get("date"):
            yield r, abs((date.fromisoformat(r["date"]) - date.fromisoformat(r["truth"])).days)


def speed(docs: list[Doc], count: int = 1000) -> float:
    """Articles per second for the dating step alone (its tagging and scoring)."""
    articles = []
    for doc in docs[:count]:
        try:
            article = pipeline.process(_raw(doc), model=None)
        except Exception:
            continue
        article.published = Published()
        articles.append(article)
    started = time.perf_counter()
    for article in articles:
        dating.date_article(article)
    return len(articles) / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=_data.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="date only about N articles (spread)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-story", action="store_true", help="skip the story stage")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list N answers more than 7 days off, with their evidence")
    args = ap.parse_args()

    docs = load(args.data, args.limit)
    print(f"{len(docs)} articles: " + ", ".join(
        f"{g} {sum(d.group == g for d in docs)}" for g in ("t17-tune", "t17-test", "tbaq", "meantime")),
        file=sys.stderr)
    started = time.perf_counter()
    injected_docs = docs[::5]
    if args.workers > 1:
        with ProcessPoolExecutor(args.workers) as pool:
            rows = list(pool.map(run_one, docs, chunksize=16))
            injected = list(pool.map(run_injected, injected_docs, chunksize=16))
    else:
        rows = [run_one(d) for d in docs]
        injected = [run_injected(d) for d in injected_docs]
    elapsed = time.perf_counter() - started
    per_second = speed(docs)

    groups = defaultdict(list)
    for r in rows:
        groups[r["group"]].append(r)
        if r["group"].startswith("t17"):
            groups["t17"].append(r)
    table = [("all", figures(rows))] + [(g, figures(groups[g])) for g in
                                        ("t17", "t17-tune", "t17-test", "tbaq", "meantime")]
    print(f"{'set':10s} {'n':>5s} {'=0d':>6s} {'<=1d':>6s} {'<=7d':>6s} {'<=31d':>6s} "
          f"{'answered':>8s} {'prec7':>6s} {'prec1':>6s} {'month/yr':>8s} {'ceiling':>7s}")
    for name, f in table:
        print(f"{name:10s} {f['n']:5d} {f['within_0d']:6.3f} {f['within_1d']:6.3f} "
              f"{f['within_7d']:6.3f} {f['within_31d']:6.3f} {f['answered']:8.3f} "
              f"{f['precision_7d']:6.3f} {f['precision_1d']:6.3f} {f['coarse']:8.3f} "
              f"{f['reachable']:7.3f}")
    print("ceiling: share of articles whose text names a day within 7 days of the truth, "
          "with its year (no text-only method can date the others to the week)")
    print("month/yr: share answered with a month or a year only; those ranges hold the truth "
          + ", ".join(f"{name} {f['coarse_correct']:.2f}" for name, f in table if f["coarse"]))
    print("limits: what the text says about the true day (share of articles; share dated "
          "within a day from it), all / t17")
    for key, what in LIMITS:
        print(f"  {key} {what:52s} " + "  ".join(
            f"{f['limits'][key]:.3f} ({f['dated_by_limit'][key]:.3f})"
            for name, f in table[:2]))
    headline = dict(table[0][1])
    print("targets: within_1d >= 0.60 of all articles "
          f"({'met' if headline['within_1d'] >= 0.6 else 'MISSED'}); precision_7d >= 0.90 "
          f"({'met' if headline['precision_7d'] >= 0.9 else 'MISSED'})")

    errors = [r for r in rows if r.get("error")]
    if errors:
        print(f"pipeline errors (counted as abstentions): {len(errors)}, e.g. {errors[0]['name']}: "
              f"{errors[0]['error']}")
    with_caption = [r for r in rows if "caption_answer" in r]
    caption_as_date = sum(1 for r in with_caption if r["caption_answer"] and not r["caption_other"])
    coincide = sum(1 for r in with_caption if r["caption_answer"] and r["caption_other"])
    print(f"captions: {len(with_caption)} answered articles have caption lines; answers equal to "
          f"a caption date named nowhere else: {caption_as_date}; equal to a caption date the text "
          f"also names: {coincide}")
    by_name = {r["name"]: r for r in rows}
    inj_equal = sum(1 for r in injected if r["date"] == r["caption"])
    inj_changed = sum(1 for r in injected if r["date"] != by_name[r["name"]].get("date"))
    inj_removed = sum(1 for r in injected if r["removed_as_caption"])
    print(f"injected captions dated 10 days before the truth: {len(injected)} articles, "
          f"{inj_removed} removed as captions by the cleaner, answers equal to the caption date: "
          f"{inj_equal}, answers changed: {inj_changed}")
    print(f"speed: {len(rows) / elapsed:.1f} articles/s through the pipeline "
          f"(workers={args.workers}); dating alone {per_second:.1f} articles/s (one process)")

    story_figures = None
    if not args.no_story:
        started = time.perf_counter()
        added = {r["name"]: r for r in story_pass(rows)}
        with_story = [added.get(r["name"], r) for r in rows]
        story_figures = figures(with_story)
        t17_story = figures([r for r in with_story if r["group"].startswith("t17")])
        print(f"\nwith the story stage (stories: timeline17 topics, MEANTIME sub-corpora; "
              f"{time.perf_counter() - started:.0f} s): {len(added)} more articles dated")
        for name, f in (("all", story_figures), ("t17", t17_story)):
            print(f"{name:10s} {f['n']:5d} {f['within_0d']:6.3f} {f['within_1d']:6.3f} "
                  f"{f['within_7d']:6.3f} {f['within_31d']:6.3f} {f['answered']:8.3f} "
                  f"{f['precision_7d']:6.3f} {f['precision_1d']:6.3f}")
        story_only = figures(list(added.values()))
        print(f"story answers alone: precision_7d {story_only['precision_7d']:.3f}, "
              f"precision_1d {story_only['precision_1d']:.3f}")

    if args.show_errors:
        wrong = [r for r in rows if r.get("date") and abs(
            (date.fromisoformat(r["date"]) - date.fromisoformat(r["truth"])).days) > 7]
        print(f"\n{len(wrong)} answers more than 7 days off:")
        for r in wrong[:args.show_errors]:
            print(f"  {r['name']}: truth {r['truth']}, said {r['date']} ({r['confidence']:.2f}) "
                  f"from {r['why']}")

    result = {"bench": "dating"}
    for key in ("within_0d", "within_1d", "within_7d", "within_31d", "answered", "precision_7d"):
        result[key] = round(headline[key], 4)
    result["articles_per_s"] = round(per_second, 1)
    result["ceiling_7d"] = round(headline["reachable"], 4)
    result["ceiling_1d"] = round(headline["limits"]["A"] + headline["limits"]["B"], 4)
    result["coarse"] = round(headline["coarse"], 4)
    result["coarse_correct"] = round(headline["coarse_correct"], 4)
    result["caption_as_date"] = caption_as_date
    result["injected_caption_as_date"] = inj_equal
    if story_figures:
        for key in ("within_1d", "within_7d", "answered", "precision_7d"):
            result[f"story_{key}"] = round(story_figures[key], 4)
    for name, f in table[1:]:
        key = name.replace("-", "_")
        result[f"{key}_within_1d"] = round(f["within_1d"], 4)
        result[f"{key}_precision_7d"] = round(f["precision_7d"], 4)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
