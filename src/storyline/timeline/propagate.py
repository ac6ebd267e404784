"""Date propagation: an article with no day of its own borrows one from its story.

An undated article that reports the same events as dated articles was, most
likely, published around when they were. For each article without a day
(`published.date` None, or only a month or year), its sentences are matched
against the dated sentences (`events.extract`) of the story's dated articles;
an article sharing events (a sentence pair above `SHARED_EVENT` cosine) weighs
in with its publication day, weight = its date's confidence x the summed
similarity of the shared events. The `NEIGHBOURS` heaviest go to
`dating.from_story`, which adds the article's own clues (weekdays, month-days,
tense) and decides: a day, bounds, or nothing; its evidence names the articles.
When it finds no day but the neighbours agree on one (`_consensus`), that day is
taken, bounded by the hook's answer; without a day, the latest event the article
shares is a lower bound (`_after_events`).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Sequence

from .. import dating
from ..dating.story import STORY_MAX_CONFIDENCE
from ..model import Article, Evidence, Published
from .events import extract
from .text import content_words, sentence_spans, tfidf

__all__ = ["propagate", "shared_events", "SHARED_EVENT", "NEIGHBOURS", "CONSENSUS_SHARE",
           "CONSENSUS_MIN"]

# Cosine above which two sentences report the same event for dating purposes.
# Tried on timeline17 bpoil, H1N1, EgyptianProtest, haiti, MJ (bench/propagation.py
# --topics ..., seed 0): .25 / .35 / .45 gave within_1d .478 / .474 / .474.
SHARED_EVENT = 0.35
# Dated articles given to the story hook (the heaviest by shared events).
NEIGHBOURS = 10
# When the story hook finds no day (its bar is set for the article's own clues), the
# neighbours' agreement can give one: at least this share of their weight within a
# day of their weighted median, from at least this many articles. Tuned on timeline17
# bpoil, H1N1, EgyptianProtest, haiti, MJ (20% hidden, seed 0): on the articles the
# text left undated, share .5 answered 86 of 315 with 85% within a day; .6: 54, 85%;
# .8: 22, 73%.
CONSENSUS_SHARE = 0.5
CONSENSUS_MIN = 3
_MIN_WORDS = 5


def _needs_day(article: Article) -> bool:
    p = article.published
    return not (p.date and p.granularity == "day")


def shared_events(articles: Sequence[Article]) -> dict[str, dict[str, float]]:
    """For each article without a day: {dated article id: summed similarity of the
    events they share}."""
    return {aid: {o: w for o, (w, _) in shared.items()}
            for aid, shared in _shared(articles).items()}


def _shared(articles: Sequence[Article]) -> dict[str, dict[str, tuple[float, str | None]]]:
    """{undated id: {dated id: (summed similarity, latest day of a shared event that
    had happened when the dated article was published)}}."""
    dated = [a for a in articles if not _needs_day(a) and a.published.method != "story"]
    undated = [a for a in articles if _needs_day(a)]
    if not dated or not undated:
        return {}
    # Event sentences of the dated articles, all sentences of the undated ones, one
    # TF-IDF space.
    events = [(a.id, s.sentence, s.date if s.granularity == "day" and s.date <= (
        a.published.date or "") else None) for a in dated for s in extract(a)]
    mine = []
    for a in undated:
        body = a.body
        for start, end in sentence_spans(a):
            text = body[start:end]
            if len(text.split()) >= _MIN_WORDS:
                mine.append((a.id, text))
    vectors = tfidf([content_words(e[1]) for e in events] + [content_words(t) for _, t in mine])
    event_vecs, my_vecs = vectors[:len(events)], vectors[len(events):]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(event_vecs):
        for w, x in v.items():
            postings[w].append((i, x))
    out: dict[str, dict[str, tuple[float, str | None]]] = defaultdict(dict)
    for (aid, _), v in zip(mine, my_vecs):
        dots: dict[int, float] = defaultdict(float)
        for w, x in v.items():
            for i, y in postings.get(w, ()):
                dots[i] += x * y
        # One sentence counts once per dated article: its best match there.
        best: dict[str, tuple[float, str | None]] = {}
        for i, sim in dots.items():
            if sim >= SHARED_EVENT:
                other, _, day = events[i]
                if other not in best or sim > best[other][0]:
                    best[other] = (sim, day)
        for other, (sim, day) in best.items():
            total, latest = out[aid].get(other, (0.0, None))
            out[aid][other] = (total + sim, max(filter(None, (latest, day)), default=None))
    return dict(out)


def propagate(articles: Sequence[Article], *, neighbours: int = NEIGHBOURS
              ) -> dict[str, Published]:
    """{article id: new Published} for the story's articles without a day that the
    dated articles sharing their events (and their own clues) can date or bound.
    Articles the story cannot help are left out."""
    by_id = {a.id: a for a in articles}
    out: dict[str, Published] = {}
    for aid, shared in _shared(articles).items():
        article = by_id[aid]
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1][0], kv[0]))[:neighbours]
        evidence = [dating.StoryEvidence(by_id[o].published.date,
                                         max(by_id[o].published.confidence, 0.1) * w, o)
                    for o, (w, _) in ranked]
        found = dating.from_story(article, evidence)
        if found.date is None or found.granularity != "day":
            agreed = _consensus(article, evidence, found)
            if agreed is not None:
                out[aid] = agreed
                continue
        if found is article.published or found.method != "story":
            continue
        if found.date is None:
            found = _after_events(found, ranked)
        out[aid] = found
    return out


def _consensus(article: Article, evidence: list[dating.StoryEvidence], found: Published
               ) -> Published | None:
    """A day when the articles sharing the most events agree on it and the article's
    own clues did not fix one: the weighted median of their days, if at least
    `CONSENSUS_SHARE` of the weight lies within a day of it (and `CONSENSUS_MIN`
    articles weigh in). `found` (the story hook's answer) still bounds it."""
    if len(evidence) < CONSENSUS_MIN:
        return None
    days = sorted((date.fromisoformat(e.date), e.weight, e.article_id) for e in evidence)
    total = sum(w for _, w, _ in days)
    seen, median = 0.0, days[-1][0]
    for day, w, _ in days:
        seen += w
        if seen >= total / 2:
            median = day
            break
    near = [(d, w, o) for d, w, o in days if abs((d - median).days) <= 1]
    share = sum(w for _, w, _ in near) / total
    if share < CONSENSUS_SHARE:
        return None
    value = median.isoformat()
    if (found.earliest and value < found.earliest) or (found.latest and value > found.latest):
        return None
    notes = [Evidence(d.isoformat(), where="story",
                      note=f"article {o} of the same story shares its events (weight {w:.2f})")
             for d, w, o in sorted(near, key=lambda x: -x[1])[:3]]
    return Published(date=value, earliest=value, latest=value, granularity="day", method="story",
                     confidence=round(min(STORY_MAX_CONFIDENCE, 0.8 * share), 2),
                     evidence=notes + [Evidence(f"{share:.0%}", where="story",
                                                note="share of the story's evidence within a "
                                                     "day of this date")])


def _after_events(found: Published, ranked: list[tuple[str, tuple[float, str | None]]]
                  ) -> Published:
    """Without a day, the article is at least no older than the latest event it shares
    that had already happened: a lower bound, with the article that dated the event."""
    dated = [(day, o) for o, (_, day) in ranked if day]
    if not dated:
        return found
    day, other = max(dated)
    if found.earliest and found.earliest >= day or found.latest and found.latest < day:
        return found
    note = f"reports an event of {day} (dated by article {other}): published on or after it"
    return Published(date=None, earliest=day, latest=found.latest, granularity=found.granularity,
                     method=found.method, confidence=found.confidence,
                     evidence=[Evidence(day, where="story", note=note)] + list(found.evidence))
