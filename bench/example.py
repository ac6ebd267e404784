"""The bundled example corpus, end to end, scored against its answer key.

`examples/corpus` (written for storyline: as many articles and stories as the key
lists, 22 and 4 today) is built with the shipped language model as `storyline build`
does, then compared with `examples/corpus.truth.json`:

- stories: B³ F1 of the story grouping against the key's `story` per article, over
  every article of the key (all its stories);
- timelines: per key story with events (main, and ferry since the `scraped/` folder
  came), the timeline at the key's length (its number of events, the news-tls
  protocol's "same length as gold"), Date-F1 against the key's event dates (a week or
  month event matches an entry inside it), and how many matched entries cite at least
  one article the key lists for that event (`sourced`);
- dating: how many of the articles the key marks undated-in-metadata (all of them,
  the scraped ferry articles included since they came) get the true day (exactly, and
  within one day); and for `scraped/`, a flat folder of text files with no date
  anywhere but in the text, how many get the day (exactly, within one day) and how
  many are at least bounded: the day within one day, or earliest and latest bounds
  that hold the true day (with the mean width in days of what they give: 0 for a day);
- quotes: how many of the key's quote forms come out with their speaker (as
  tests/quotes/test_quotes_demo_corpus.py counts them).

Small, so every figure is a count a reader can check by hand with `storyline show`,
`storyline timeline` and `storyline quotes`.

    python bench/example.py [--model NAME|PATH]

Last stdout line: {"bench": "example", "stories_b3_f1", "timeline_date_f1" (mean over
the key stories with events: main and ferry since the ferry story came, main alone
before), "timeline_sourced" (the same mean), "timeline_<story>_date_f1", "undated",
"undated_day", "undated_within_1d" (over every undated article of the key: 8 since the
ferry story came, 4 before), "scraped", "scraped_day", "scraped_day_within_1d",
"scraped_bounded" (a share of "scraped"), "scraped_span_days", "quote_forms", ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path


from _cluster import b_cubed  # noqa: E402
from _data import REPO_ROOT  # noqa: E402

import storyline  # noqa: E402
from storyline import nlp, timeline  # noqa: E402

CORPUS = REPO_ROOT / "examples" / "corpus"
TRUTH = REPO_ROOT / "examples" / "corpus.truth.json"
SCRAPED = "scraped/"     # the folder of undated plain-text copies (the ferry story)


def _span(value: str, granularity: str) -> tuple[date, date]:
    """First and last day of a key event's date (day, ISO week or month)."""
    if granularity == "week":
        year, week = value.split("-W")
        first = date.fromisocalendar(int(year), int(week), 1)
        return first, first + timedelta(days=6)
    if granularity == "month":
        year, month = (int(x) for x in value.split("-"))
        first = date(year, month, 1)
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    day = date.fromisoformat(value[:10])
    return day, day


def _entry_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _matches(entry_date: str, entry_granularity: str, event: dict) -> bool:
    lo, hi = _span(event["date"], event["granularity"])
    if entry_granularity == event["granularity"] == "month":
        return entry_date[:7] == event["date"][:7]
    day = _entry_day(entry_date)
    return day is not None and lo <= day <= hi


def score_timelines(truth: dict, by_key: dict[str, object], store) -> tuple[dict, list[str]]:
    """Per key story: Date-F1 and sourced share of the timeline at the key's length."""
    out, lines = {}, []
    key_of_article = {a.id: k for k, a in by_key.items()}
    for story_key in truth["stories"]:
        events = [e for e in truth["events"]
                  if any(truth_story(truth, a) == story_key for a in e["articles"])]
        members = [by_key[t["id"]] for t in truth["articles"]
                   if t["story"] == story_key and t["id"] in by_key]
        if not members or not events:
            continue
        # the system story holding most of the key story's articles
        counts: dict[str, int] = {}
        for a in members:
            counts[a.story_id] = counts.get(a.story_id, 0) + 1
        story = store.stories.get(max(counts, key=counts.get))
        articles = [store.articles.get(i) for i in story.article_ids]
        copies = story.copies or {}
        entries = timeline.build([a for a in articles if a is not None], length=len(events),
                                 copies=copies)
        matched_events, matched_entries, sourced = set(), 0, 0
        for entry in entries:
            hits = [i for i, e in enumerate(events) if _matches(entry.date, entry.granularity, e)]
            if not hits:
                continue
            matched_entries += 1
            matched_events.update(hits)
            cited = {key_of_article.get(s["article_id"]) for s in entry.sources}
            if any(cited & set(events[i]["articles"]) for i in hits):
                sourced += 1
        p = matched_entries / len(entries) if entries else 0.0
        r = len(matched_events) / len(events)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[story_key] = {"events": len(events), "entries": len(entries), "precision": p,
                          "recall": r, "date_f1": f1,
                          "sourced": sourced / matched_entries if matched_entries else 0.0}
        lines.append(f"  {story_key:9s} {len(events):3d} key events, {len(entries):3d} entries: "
                     f"date P {p:.2f} R {r:.2f} F1 {f1:.2f}; {sourced}/{matched_entries} matched "
                     f"entries cite a key article")
    return out, lines


def truth_story(truth: dict, article_key: str) -> str | None:
    return next((t["story"] for t in truth["articles"] if t["id"] == article_key), None)


def quote_forms(truth: dict, by_key: dict) -> tuple[int, list[str]]:
    found, missed = 0, []
    for form in truth["quote_forms"]:
        article = by_key[form["article"]]
        i = article.body.find(form["snippet"])
        j = i + len(form["snippet"])
        last = form["speaker"].split()[-1].strip("()")
        ok = i >= 0 and any(
            (q.start < j and q.end > i or any(e.start is not None and e.start < j and e.end > i
                                              for e in q.evidence))
            and q.speaker_name and last in q.speaker_name for q in article.quotes)
        found += ok
        if not ok:
            missed.append(f"{form['article']} {form['form']}: {form['snippet'][:60]}")
    return found, missed


def _dating(t: dict, p) -> dict:
    """One key article's date against the truth: the day (exactly, within one day),
    whether it is bounded (that day, or earliest..latest holding the true day) and the
    width of what was given in days (0 for a day, latest - earliest for bounds alone,
    None for nothing)."""
    got = p.date if p.date and len(p.date) == 10 else None
    true = date.fromisoformat(t["true_date"])
    near = got is not None and abs((date.fromisoformat(got) - true).days) <= 1
    held = bool(p.earliest and p.latest and p.earliest <= t["true_date"] <= p.latest)
    if got:
        span = 0
    elif p.earliest and p.latest:
        span = (date.fromisoformat(p.latest[:10]) - date.fromisoformat(p.earliest[:10])).days
    else:
        span = None
    bounds = f"{p.earliest}..{p.latest}" if p.earliest or p.latest else "no bounds"
    line = f"  {t['id']:4s} true {t['true_date']}  got {got or 'no day'} ({bounds}, {p.method})"
    return {"day": got == t["true_date"], "within_1d": near, "bounded": near or held, "span": span,
            "line": line}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="language model (default: the shipped one)")
    args = ap.parse_args(argv)
    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    model = args.model or nlp.model_name()
    with tempfile.TemporaryDirectory() as tmp, storyline.Store(os.path.join(tmp, "x.db")) as store:
        storyline.build([str(CORPUS)], store, stderr=None, model=model)
        by_path = {}
        for a in store.articles.all():
            rel = Path(a.origin.path).resolve().relative_to(CORPUS).as_posix()
            by_path[(rel, a.origin.locator)] = a
        by_key = {t["id"]: by_path[(t["file"], t["locator"])] for t in truth["articles"]}

        gold = {k: t["story"] for k, t in zip(by_key, truth["articles"])}
        system = {k: a.story_id for k, a in by_key.items()}
        grouping = b_cubed(gold, system)
        stories = len(set(system.values()))

        timelines, lines = score_timelines(truth, by_key, store)

        undated = [t for t in truth["articles"] if not t["dated_in_metadata"]]
        scraped = [t for t in truth["articles"] if t["file"].startswith(SCRAPED)]
        dating = {t["id"]: _dating(t, by_key[t["id"]].published) for t in undated + scraped}
        exact = sum(dating[t["id"]]["day"] for t in undated)
        near = sum(dating[t["id"]]["within_1d"] for t in undated)
        dating_lines = [dating[t["id"]]["line"] for t in undated]
        spans = [dating[t["id"]]["span"] for t in scraped if dating[t["id"]]["span"] is not None]

        forms, missed = quote_forms(truth, by_key)

    print(f"stories: {stories} (key: {len(truth['stories'])}), B³ P {grouping['precision']:.3f} "
          f"R {grouping['recall']:.3f} F1 {grouping['f1']:.3f}")
    print("timelines at the key's length:")
    print("\n".join(lines))
    print(f"articles without a date in their metadata ({len(undated)}):")
    print("\n".join(dating_lines))
    n_scraped = len(scraped)
    scraped_day = sum(dating[t["id"]]["day"] for t in scraped)
    scraped_near = sum(dating[t["id"]]["within_1d"] for t in scraped)
    scraped_bounded = sum(dating[t["id"]]["bounded"] for t in scraped)
    print(f"{SCRAPED} (no date anywhere but in the text): {scraped_day}/{n_scraped} the true day, "
          f"{scraped_near} within one day, {scraped_bounded} bounded (the day within one day, or "
          f"bounds holding it); what they give is "
          f"{sum(spans) / len(spans) if spans else 0:.1f} days wide on average (a day: 0; "
          f"{len(spans)} with a day or bounds)")
    print(f"quote forms with their speaker: {forms}/{len(truth['quote_forms'])}")
    for m in missed:
        print(f"  missed {m}")
    n = max(1, len(timelines))
    figures = {
        "bench": "example",
        "stories": stories,
        "stories_b3_f1": round(grouping["f1"], 4),
        "timeline_date_f1": round(sum(t["date_f1"] for t in timelines.values()) / n, 4),
        "timeline_sourced": round(sum(t["sourced"] for t in timelines.values()) / n, 4),
        **{f"timeline_{k}_date_f1": round(v["date_f1"], 4) for k, v in timelines.items()},
        "undated": len(undated),
        "undated_day": exact,
        "undated_within_1d": near,
        "scraped": n_scraped,
        "scraped_day": scraped_day,
        "scraped_day_within_1d": scraped_near,
        "scraped_bounded": round(scraped_bounded / n_scraped, 4) if n_scraped else 0.0,
        "scraped_span_days": round(sum(spans) / len(spans), 1) if spans else None,
        "quote_forms": forms,
        "quote_forms_total": len(truth["quote_forms"]),
        "model": model,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
