"""Merging: the same event told by several articles becomes one cluster.

Two dated sentences report the same event when their dates are compatible (the
same day; or a week, month or year that contains the day) and their content
words overlap (TF-IDF cosine). Date expressions have already been resolved by
the time layer, so "on April 20", "Tuesday" and "last week's explosion" meet
when they name the same day; paraphrases meet through their shared words.

Wire copies are not independent reports: `copies` maps a copy's article id to
its original's, and a cluster counts each original once (`articles`), keeping
the original's sentence when both are there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..text.terms import centroid, tfidf_vectors
from .events import GRANULARITIES, DatedSentence
from .text import content_words

__all__ = ["EventCluster", "merge", "vectorize", "SAME_EVENT", "SAME_EVENT_COARSE"]

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
    by_date: dict[tuple[str, str], list[EventCluster]] = {}
    by_month: dict[str, list[EventCluster]] = {}
    for i in order:
        s, v = sentences[i], vectors[i]
        if not v:
            continue
        best, best_sim = None, threshold
        for c in by_date.get((s.date, s.granularity), ()):
            sim = c.similarity(v)
            if sim >= best_sim:
                best, best_sim = c, sim
        if best is None and s.granularity in ("week", "month"):
            # A week or month may name a finer event already seen inside it (a
            # bare year says too little to pick one).
            lo, hi = s.period
            months = {lo.isoformat()[:7], hi.isoformat()[:7]}
            for c in (c for key in sorted(months) for c in by_month.get(key, ())):
                if GRANULARITIES.index(c.granularity) >= GRANULARITIES.index(s.granularity):
                    continue
                first, last = c.members[0].period
                if lo <= first and last <= hi:
                    sim = c.similarity(v)
                    if sim >= max(best_sim, coarse_threshold):
                        best, best_sim = c, sim
        if best is None:
            best = EventCluster(s.date, s.granularity)
            clusters.append(best)
            by_date.setdefault((s.date, s.granularity), []).append(best)
            if s.granularity in ("day", "week"):
                by_month.setdefault(s.date[:7], []).append(best)
        best.add(s, v)
    return clusters
