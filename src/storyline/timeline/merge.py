"""Merging: the same event told by several articles becomes one cluster.

Two dated sentences report the same event when their dates are compatible (the
same day; or a week, month or year that contains the day) and their content
words overlap (TF-IDF cosine). Date expressions have already been resolved by
the time layer, so "on April 20", "Tuesday" and "last week's explosion" meet
when they name the same day; paraphrases meet through their shared words.

A sentence dated only to a range (an undated article's bounds, shifted by what
it says) joins an event of a day, week or month inside the range. Before that,
`narrow` gives range-dated sentences of several articles that tell the same event
the range all of them allow (their intersection).

Wire copies are not independent reports: `copies` maps a copy's article id to
its original's, and a cluster counts each original once (`articles`), keeping
the original's sentence when both are there.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Iterable, Sequence

from ..text.terms import centroid, tfidf_vectors
from .events import GRANULARITIES, DatedSentence, granularity_of, period
from .text import content_words

__all__ = ["EventCluster", "merge", "narrow", "closest", "vectorize", "SAME_EVENT", "SAME_EVENT_COARSE"]

# Cosine between a sentence and a cluster's centroid above which, on the same
# day, both report one event. Set by hand on the paraphrases of tests/timeline
# (one event told four ways scores .3-.7 against the others; another event of the
# same day 0); not tuned on data.
SAME_EVENT = 0.25
# A sentence dated only to a week/month/year joins a day's event only with a
# clearly higher overlap: its date alone says little (set by hand, not tuned).
SAME_EVENT_COARSE = 0.35


@dataclass
class EventCluster:
    date: str
    granularity: str
    members: list[DatedSentence] = field(default_factory=list)
    vectors: list[dict[str, float]] = field(default_factory=list)
    total: dict[str, float] = field(default_factory=dict)   # sum of the member vectors
    squares: float = 0.0                                   # its squared length
    until: str | None = None                               # a range's last day

    @property
    def key(self) -> tuple[str, str, str]:
        """(first day, granularity, last day), as `DatedSentence.key`."""
        return (self.date, self.granularity, period(self.date, self.granularity, self.until)[1]
                .isoformat())

    @property
    def centre(self) -> dict[str, float]:
        """The members' unit-length centroid."""
        return centroid(self.vectors)

    def similarity(self, vector: dict[str, float]) -> float:
        """Cosine between `vector` and the members' centroid."""
        if self.squares <= 0:
            return 0.0
        return sum(x * self.total.get(w, 0.0) for w, x in vector.items()) / math.sqrt(self.squares)

    def canonical(self, copies: dict[str, str]) -> dict[str, DatedSentence]:
        """One member per independent article (an original stands for its copies)."""
        out: dict[str, DatedSentence] = {}
        for m in self.members:
            key = copies.get(m.article_id, m.article_id)
            if key not in out or m.article_id == key:
                out[key] = m
        return out

    def add(self, member: DatedSentence, vector: dict[str, float]) -> None:
        self.members.append(member)
        self.vectors.append(vector)
        for w, x in vector.items():
            old = self.total.get(w, 0.0)
            self.total[w] = old + x
            self.squares += (old + x) ** 2 - old ** 2


def vectorize(sentences: list[DatedSentence]) -> list[dict[str, float]]:
    return tfidf_vectors([content_words(s.sentence) for s in sentences])


def merge(sentences: list[DatedSentence], vectors: list[dict[str, float]] | None = None,
          *, threshold: float = SAME_EVENT,
          coarse_threshold: float = SAME_EVENT_COARSE) -> list[EventCluster]:
    """Clusters of dated sentences reporting the same event, finest dates first."""
    if vectors is None:
        vectors = vectorize(sentences)
    order = sorted(range(len(sentences)),
                   key=lambda i: (GRANULARITIES.index(sentences[i].granularity), sentences[i].date,
                                  sentences[i].how != "timex", sentences[i].position))
    clusters: list[EventCluster] = []
    by_date: dict[tuple[str, str, str], list[EventCluster]] = {}
    by_month: dict[str, list[EventCluster]] = {}
    for i in order:
        s, v = sentences[i], vectors[i]
        if not v:
            continue
        best, best_sim = None, threshold
        for c in by_date.get(s.key, ()):
            sim = c.similarity(v)
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None and s.granularity in ("week", "month", "range"):
            # A week, month or range may name a finer event already seen inside it (a
            # bare year says too little to pick one).
            lo, hi = s.period
            for c in (c for key in _months(lo, hi) for c in by_month.get(key, ())):
                first, last = c.members[0].period
                if not (lo <= first and last <= hi) or (first, last) == (lo, hi) \
                        or GRANULARITIES.index(c.granularity) > GRANULARITIES.index(s.granularity):
                    continue
                sim = c.similarity(v)
                if sim >= max(best_sim, coarse_threshold):
                    best, best_sim = c, sim
        if best is None:
            best = EventCluster(s.date, s.granularity, until=s.until)
            clusters.append(best)
            by_date.setdefault(s.key, []).append(best)
            if s.granularity in ("day", "week", "month"):
                by_month.setdefault(s.date[:7], []).append(best)
        best.add(s, v)
    return clusters


def _months(lo: date, hi: date) -> list[str]:
    """The months ("YYYY-MM") lo..hi touches."""
    out, y, m = [], lo.year, lo.month
    while (y, m) <= (hi.year, hi.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


# A range sentence is compared with the groups that share one of its heaviest words.
_HEAVY_WORDS = 4


def closest(vector: dict[str, float], candidates: Iterable[int],
            clusters: Sequence[EventCluster], threshold: float,
            fits: Callable[[int], bool] = lambda g: True) -> int | None:
    """The index of the candidate cluster that `fits` and is most similar to `vector`,
    at least `threshold` (ties: the later), or None."""
    best, best_sim = None, threshold
    for g in sorted(set(candidates)):
        if not fits(g):
            continue
        sim = clusters[g].similarity(vector)
        if sim >= best_sim:
            best, best_sim = g, sim
    return best


def narrow(sentences: list[DatedSentence], vectors: list[dict[str, float]],
           *, threshold: float = SAME_EVENT) -> list[DatedSentence]:
    """The sentences, each range-dated one that tells the same event as range-dated
    sentences of other articles (content cosine >= `threshold`, ranges overlapping)
    dated to the range all of them allow; the others as they are.

    The event is no later than any member's last day. Its first day is the latest
    first day a time expression allows; with only opening sentences (no expression),
    the earliest of theirs: a later article's lead may report an older event."""
    todo = [i for i, s in enumerate(sentences) if s.granularity == "range" and vectors[i]]
    todo.sort(key=lambda i: (sentences[i].period[1] - sentences[i].period[0], sentences[i].date,
                             sentences[i].article_id, sentences[i].position))
    spans: list[list[date]] = []
    groups: list[EventCluster] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for i in todo:
        s, v = sentences[i], vectors[i]
        lo, hi = s.period
        heavy = sorted(v, key=lambda w: (-v[w], w))[:_HEAVY_WORDS]
        best = closest(v, (g for w in heavy for g in postings[w]), groups, threshold,
                       lambda g: max(lo, spans[g][0]) <= min(hi, spans[g][1]))
        if best is None:
            best = len(groups)
            spans.append([lo, hi])
            groups.append(EventCluster(s.date, s.granularity, until=s.until))
        span, cluster = spans[best], groups[best]
        timed = [m.period[0] for m in cluster.members if m.how == "timex"]
        if s.how == "timex":
            span[0] = max([lo] + timed)
        elif not timed:
            span[0] = min(lo, span[0])
        span[1] = min(hi, span[1])
        cluster.add(s, v)
        for w in heavy:
            if best not in postings[w]:
                postings[w].append(best)
    out = list(sentences)
    where = {id(s): i for i, s in enumerate(sentences)}
    for (first, last), cluster in zip(spans, groups):
        articles = {m.article_id for m in cluster.members}
        if len(articles) < 2:
            continue
        gran = granularity_of(first, last)
        for m in cluster.members:
            if m.period == (first, last):
                continue
            out[where[id(m)]] = replace(
                m, date=first.isoformat(), granularity=gran,
                until=last.isoformat() if gran == "range" else None,
                why=f"{m.why}; {len(articles)} articles tell the same event, and all their "
                    f"dates allow {first} to {last}")
    return out
