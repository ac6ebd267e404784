"""Timelines: the dates that matter in a story, each told by its most central event.

1. Every article's dated sentences (`events.extract`) are merged into events
   (`merge.merge`); wire copies count once.
2. Dates are ranked by salience: how many independent articles refer to the date
   with a time expression (a reference from a later article counts fully, one
   from the same day's report half), plus how many articles were published that
   day (a burst of reports marks a news day). Coarser dates (a week, a month, a
   year) compete at a discount: they are less precise entries.
3. Only the chosen dates' sentences are merged into events. For each date, the
   events told in some article's lead (first `LEAD_POSITIONS` sentences) come
   first, ranked by how central they are to what the leads say about the date
   (an event many sources tell pulls the centroid to itself); the top `per_date`
   give the entry's text, each by its lead sentence closest to that centroid. The
   entry's sources are every independent article telling those events.

`build` returns `Event`s in chronological order; `length` is the number of dates.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..model import Article, Event
from .events import GRANULARITIES, DatedSentence, extract
from .merge import EventCluster, merge, vectorize
from .text import centroid, cosine

__all__ = ["build", "plan", "date_scores", "default_length", "representative", "date_centre",
           "DatePlan", "PUBLISHED_WEIGHT", "SAME_DAY_WEIGHT", "LEAD_POSITIONS", "SHORT_WORDS",
           "BACKGROUND_DAYS", "COARSE_DISCOUNT"]

# Weight of one article published on a date against one article referring to it.
# Tuned on timeline17 topics bpoil and H1N1 (bench/tls.py --topics bpoil,H1N1): 0.25
# to 1.5 gave Date-F1 .645-.674 and AR1 within .003 of each other.
PUBLISHED_WEIGHT = 0.75
# A date named by an article published that same day ("on Tuesday" in Tuesday's
# report) is weaker evidence of importance than a later article looking back at it.
SAME_DAY_WEIGHT = 0.5
# News writing puts what happened first: an entry's text comes from the first
# sentences of the articles (news-tls clips to 5 too). Tuned on timeline17 bpoil,
# H1N1, EgyptianProtest, haiti, MJ (bench/tls.py --topics ...): 3 / 5 / 8 / all gave
# AR1 .138 / .141 / .139 / .133. Length penalties, a bonus for sentences naming the
# date and a malus for reported speech were tried there too: each within +-.003.
LEAD_POSITIONS = 5
# Timeline lines are short (timeline17's gold: ~29 content words per date, our
# picks ~52 without this): a sentence longer than this many words scores its
# cosine x SHORT_WORDS / words. Tuned on the same five topics: AR1 .1387 -> .1409
# (20 words; 30 words .1396; square root of the factor .1401).
SHORT_WORDS = 20
# Without an explicit window, dates ending more than this before the story's first
# dated article are left out (set by hand, not tuned).
BACKGROUND_DAYS = 365
# Score factor of week/month/year entries against day entries (not tuned: a month
# must be named by about three times as many articles as a day to outrank it).
COARSE_DISCOUNT = {"day": 1.0, "week": 0.5, "month": 0.35, "year": 0.2}


class DatePlan:
    """One chosen date: its key, score and events (best first)."""

    def __init__(self, day: str, granularity: str, score: float,
                 clusters: list[EventCluster], centre: dict[str, float]) -> None:
        self.date = day
        self.granularity = granularity
        self.score = score
        self.clusters = clusters
        self.centre = centre            # what the entry's text should be closest to


def default_length(n_articles: int) -> int:
    """Entries for a story of `n_articles`: a handful for a short story, about 30 for
    hundreds of articles (timeline17's gold timelines have 36 dates for ~500)."""
    return max(3, min(30, round(3 * math.sqrt(max(n_articles, 1)))))


def plan(articles: Sequence[Article], length: int | None = None,
         copies: dict[str, str] | None = None, *, granularities: Iterable[str] = GRANULARITIES,
         start: str | None = None, end: str | None = None,
         sentences: list[DatedSentence] | None = None) -> list[DatePlan]:
    """The chosen dates with their ranked events (the work behind `build`)."""
    copies = dict(copies or {})
    grans = tuple(granularities)
    if sentences is None:
        sentences = [s for a in articles for s in extract(a)]
    if start is None:
        # Dates long before the story's first report are background ("the worst
        # spill since the 1989 Exxon Valdez"), not the story's events.
        days = [a.published.date for a in articles if a.published.date]
        if days:
            first = date.fromisoformat(min(days)) - timedelta(days=BACKGROUND_DAYS)
            start = first.isoformat()
    sentences = [s for s in sentences if s.granularity in grans
                 and (start is None or s.period[1].isoformat() >= start[:10])
                 and (end is None or s.date <= end[:10])]
    if not sentences:
        return []
    scores = date_scores(articles, sentences, copies)
    n = length if length is not None else default_length(len(articles))
    chosen = set(sorted(scores, key=lambda k: (-scores[k], k))[:max(n, 0)])
    # Only the chosen dates' sentences are merged into events (and coarser sentences
    # that may name one of their events).
    months = {day[:7] for day, _ in chosen}
    kept = [s for s in sentences if (s.date, s.granularity) in chosen
            or s.granularity in ("week", "month") and s.date[:7] in months]
    clusters = merge(kept, vectorize(kept))
    by_key: dict[tuple[str, str], list[EventCluster]] = defaultdict(list)
    for c in clusters:
        by_key[(c.date, c.granularity)].append(c)
    plans = []
    for key in sorted(chosen):
        if not by_key.get(key):
            continue
        centre = date_centre(by_key[key])
        plans.append(DatePlan(key[0], key[1], scores[key],
                              _rank_clusters(by_key[key], centre), centre))
    return plans


def date_scores(articles: Sequence[Article], sentences: Sequence[DatedSentence],
                copies: dict[str, str]) -> dict[tuple[str, str], float]:
    """Salience of each (date, granularity) the sentences name: references (once per
    independent article) plus reports published that day."""
    published: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        if a.published.date and a.published.granularity == "day":
            published[a.published.date].add(copies.get(a.id, a.id))
    refs: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    keys = set()
    for s in sentences:
        key = (s.date, s.granularity)
        keys.add(key)
        if s.how != "timex":
            continue
        weight = SAME_DAY_WEIGHT if s.published and s.published <= s.date else 1.0
        source = copies.get(s.article_id, s.article_id)
        slot = refs[key]
        slot[source] = max(slot.get(source, 0.0), weight)
    scores = {}
    for key in keys:
        day, gran = key
        score = sum(refs.get(key, {}).values())
        if gran == "day":
            score += PUBLISHED_WEIGHT * len(published.get(day, ()))
        scores[key] = score * COARSE_DISCOUNT[gran]
    return scores


def _early(cluster: EventCluster) -> list[int]:
    """Members from the first `LEAD_POSITIONS` sentences of their article."""
    return [i for i, m in enumerate(cluster.members) if m.position < LEAD_POSITIONS]


def date_centre(clusters: list[EventCluster]) -> dict[str, float]:
    """What the articles' leads say about a date (all its sentences when no lead does)."""
    early = [c.vectors[i] for c in clusters for i in _early(c)]
    return centroid(early or [v for c in clusters for v in c.vectors])


def _rank_clusters(clusters: list[EventCluster], centre: dict[str, float]
                   ) -> list[EventCluster]:
    """Events of one date: those told in some article's lead first, then the most
    central to what the leads say about the date."""

    def key(c: EventCluster) -> tuple[bool, float, str]:
        return (not _early(c), -cosine(c.centre, centre), c.members[0].sentence)

    return sorted(clusters, key=key)


def representative(cluster: EventCluster, centre: dict[str, float]) -> DatedSentence:
    """The member sentence that best tells the event: from an article's lead when one
    tells it, closest to `centre` per word beyond `SHORT_WORDS` (a timeline line is
    short; ties: the earlier in its article)."""
    pool = _early(cluster) or range(len(cluster.members))

    def score(i: int) -> tuple[float, int]:
        words = len(cluster.members[i].sentence.split())
        return (cosine(cluster.vectors[i], centre) * min(1.0, SHORT_WORDS / max(words, 1)),
                -cluster.members[i].position)

    return cluster.members[max(pool, key=score)]


def build(articles: Sequence[Article], length: int | None = None,
          copies: dict[str, str] | None = None, *, per_date: int = 1,
          granularities: Iterable[str] = GRANULARITIES, start: str | None = None,
          end: str | None = None) -> list[Event]:
    """The story's timeline: `length` dates (default: `default_length` of the story
    size), each an `Event` whose text is its top `per_date` event sentences and whose
    sources list every independent article reporting those events."""
    copies = dict(copies or {})
    events = []
    for p in plan(articles, length, copies, granularities=granularities, start=start, end=end):
        centre = p.centre
        texts, sources, seen = [], [], set()
        for c in p.clusters[:max(per_date, 1)]:
            texts.append(representative(c, centre).sentence)
            for m in sorted(c.canonical(copies).values(),
                            key=lambda m: (m.published or "", m.article_id, m.position)):
                if (m.article_id, m.sentence) not in seen:
                    seen.add((m.article_id, m.sentence))
                    sources.append({"article_id": m.article_id, "sentence": m.sentence,
                                    "outlet": m.outlet})
        events.append(Event(date=p.date, granularity=p.granularity, text=" ".join(texts),
                            sources=sources))
    return sorted(events, key=lambda e: (e.date, GRANULARITIES.index(e.granularity)))


