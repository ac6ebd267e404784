"""Date propagation on timeline17: hide some articles' dates, date them from their story.

For each of timeline17's 9 topics (a topic stands in for a story), a seeded share of
the articles (default 20%) loses its date: the metadata date is removed and the time
expressions are re-read with no anchor (so "Tuesday" or "yesterday" no longer resolve),
exactly like an article that arrives with no date. Then, as in a build:
1. the pipeline's text dating (`dating.date_article`) dates what the article's own
   text can (the text-derived date is not kept from before: it is recomputed
   without the metadata);
2. `corpus.date_from_story`, the story-dating stage of a build, dates the rest from
   the topic's dated articles (evidence `timeline.story_clues`, decision
   `dating.date_in_story`).
Truth = the folder date.

Reported over all hidden articles: within_1d (share with a day within one day of the
truth after both steps), within_0d, within_7d, answered (share given a day) and
precision (within one day, among the answered). Separately: text_within_1d (step 1
alone), and for the articles step 1 left without a day, story_answered (share
propagation gave a day), story_precision (within one day among those) and
story_bounded (share given bounds that hold the truth), story_tight (how many were
given no day but bounds under a month wide, e.g. a week from an event's weekday) and
story_tight_bounded (the share of those holding the truth).

    python bench/propagation.py [--data ../shared/data] [--share 0.2] [--seed 0]

Last stdout line: {"bench": "propagation", "within_1d", "within_0d", "within_7d",
"answered", "precision", "text_within_1d", "hidden", "seconds"}.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date
from pathlib import Path


from tls import ROOT, load_articles, topic_dirs  # noqa: E402

from storyline import dating, timex  # noqa: E402
from storyline.corpus import date_from_story  # noqa: E402
from storyline.model import Published  # noqa: E402


def gap(found: str | None, truth: str) -> int | None:
    if not found:
        return None
    return abs((date.fromisoformat(found) - date.fromisoformat(truth)).days)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--share", type=float, default=0.2, help="share of articles hidden")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--topics", default="", help="comma-separated topic names (default: all 9)")
    args = ap.parse_args()
    wanted = {t.lower() for t in args.topics.split(",") if t}
    started = time.perf_counter()
    rng = random.Random(args.seed)
    rows = []
    print(f"{'topic':16s} {'articles':>8s} {'hidden':>6s} {'±0d':>6s} {'±1d':>6s} {'±7d':>6s} "
          f"{'answered':>8s} {'text ±1d':>8s}")
    for topic, dirs in topic_dirs(args.data).items():
        articles = [a for d in dirs for a in load_articles(d)]
        hidden = set(rng.sample(range(len(articles)), round(args.share * len(articles))))
        if wanted and topic.lower() not in wanted:
            continue
        truth, text_day = {}, {}
        for i in sorted(hidden):
            a = articles[i]
            truth[a.id] = a.published.date
            a.published = dating.date_article(type(a)(**{**vars(a), "published": Published()}))
            a.timexes = timex.tag(a.body, a.published.date)
            text_day[a.id] = a.published.date
        found = date_from_story(articles)
        topic_rows = []
        for i in sorted(hidden):
            a = articles[i]
            story = found.get(a.id)
            final = story.date if story else text_day[a.id]
            row = {"story": gap(final, truth[a.id]), "text": gap(text_day[a.id], truth[a.id]),
                   "left": text_day[a.id] is None}
            if row["left"] and story:
                row["by_story"] = gap(story.date, truth[a.id])
                row["bounded"] = bool((story.earliest or "0") <= truth[a.id]
                                      <= (story.latest or "9"))
                row["tight"] = bool(story.date is None and story.earliest and story.latest and (
                    date.fromisoformat(story.latest) - date.fromisoformat(story.earliest)).days
                    < 31)
            topic_rows.append(row)
        rows += topic_rows
        n = len(topic_rows) or 1

        def share(key: str, days: int, rs=topic_rows, n=n) -> float:
            return sum(1 for r in rs if r[key] is not None and r[key] <= days) / n

        answered = sum(1 for r in topic_rows if r["story"] is not None) / n
        print(f"{topic:16s} {len(articles):8d} {len(topic_rows):6d} {share('story', 0):6.3f} "
              f"{share('story', 1):6.3f} {share('story', 7):6.3f} {answered:8.3f} "
              f"{share('text', 1):8.3f}")
    n = len(rows) or 1

    def total(key: str, days: int) -> float:
        return sum(1 for r in rows if r[key] is not None and r[key] <= days) / n

    answered = sum(1 for r in rows if r["story"] is not None) / n
    within_1d = total("story", 1)
    left = [r for r in rows if r["left"]]
    by_story = [r for r in left if r.get("by_story") is not None]
    story_good = sum(1 for r in by_story if r["by_story"] <= 1)
    figures = {"bench": "propagation", "within_1d": round(within_1d, 4),
               "within_0d": round(total("story", 0), 4), "within_7d": round(total("story", 7), 4),
               "answered": round(answered, 4),
               "precision": round(within_1d / answered, 4) if answered else 0.0,
               "text_within_1d": round(total("text", 1), 4), "hidden": len(rows),
               "left_by_text": len(left),
               "story_answered": round(len(by_story) / len(left), 4) if left else 0.0,
               "story_precision": round(story_good / len(by_story), 4) if by_story else 0.0,
               "story_bounded": round(sum(1 for r in left if r.get("bounded")) / len(left), 4)
               if left else 0.0,
               "story_tight": sum(1 for r in left if r.get("tight")),
               "story_tight_bounded": round(sum(1 for r in left if r.get("tight") and r["bounded"])
                                            / max(1, sum(1 for r in left if r.get("tight"))), 4),
               "seconds": round(time.perf_counter() - started, 1)}
    print(f"\n{'all':16s} {'':8s} {len(rows):6d} {figures['within_0d']:6.3f} {within_1d:6.3f} "
          f"{figures['within_7d']:6.3f} {answered:8.3f} {figures['text_within_1d']:8.3f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
