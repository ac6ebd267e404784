"""Timelines: the dates that matter in a story, each told by its most central sentences.

1. Articles that share little with the rest of the story are left out (a topic
   crawl catches unrelated reports; a story of a few articles keeps them all).
   Every article's dated sentences (`events.extract`) are the material.
2. Dates are ranked by salience: how many independent articles refer to the date
   with a time expression (a reference from a later article counts fully, one
   from the same day's report half), plus how many articles were published that
   day (a burst of reports marks a news day). Coarser dates (a week, a month, a
   range) compete at a discount: they are less precise entries. A story whose
   articles have only bounds is told the same way: their sentences are dated to
   ranges (`events.extract`), the same event told by several of them to the range
   all allow (`merge.narrow`), and an opening sentence counts as a report of its
   range.
3. For each chosen date, everything the story says about it (every sentence dated
   to it that is about the story, wherever it stands in its article) gives a
   centroid: what the date is about. The entry's text is picked from the sentences
   near the top of the articles (news writing puts what happened first) by the
   centroid: the sentence closest to it, then, for more than one sentence per date,
   the sentence that brings the text closest to it without repeating what is already
   there (DATEWISE's centroid-opt, Ghalandari & Ifrim 2020). Headlines, questions
   and sentences that are only a quotation are not entry text.
4. The chosen date's sentences are merged into events (`merge.merge`); the entry's
   sources are every independent article telling the events its text tells.

`build` returns `Event`s in chronological order (each with `earliest`/`latest`,
and with every source saying `why` it sits there); `length` is the number of dates.
"""

from __future__ import annotations

import bisect
import math
import re
import statistics
from collections import defaultdict
from datetime import date, timedelta
from typing import Iterable, Sequence

from ..model import Article, Event
from .events import GRANULARITIES, DatedSentence, extract, period
from .merge import EventCluster, merge, narrow, vectorize
from ..text.terms import centroid, cosine, tfidf_vectors
from .text import content_words

__all__ = ["build", "plan", "date_scores", "default_length", "representative",
           "on_topic", "choose", "DatePlan", "PUBLISHED_WEIGHT", "SAME_DAY_WEIGHT",
           "LEAD_POSITIONS", "TIMELINE_LEAD_SENTENCES", "BACKGROUND_DAYS", "COARSE_DISCOUNT",
           "OFF_TOPIC", "ABOUT_STORY", "REPEAT", "MAX_WORDS", "BOILERPLATE_DAYS"]

# Weight of one article published on a date against one article referring to it.
# Tuned on timeline17 topics bpoil and H1N1 (bench/tls.py --topics bpoil,H1N1): 0.25
# to 1.5 gave Date-F1 .645-.674 and AR1 within .003 of each other.
PUBLISHED_WEIGHT = 0.75
# A date named by an article published that same day ("on Tuesday" in Tuesday's
# report) is weaker evidence of importance than a later article looking back at it.
# On timeline17 bpoil, H1N1, LibyaWar, IraqWar (bench/tls.py --topics ...) 0 / .1 / .25
# / .5 gave Date-F1 .595 / .600 / .603 / .588, AR1 .128 / .127 / .129 / .128, but .25
# did not carry to the other five topics (Date-F1 .534 -> .530): kept at .5 (by hand).
SAME_DAY_WEIGHT = 0.5
# An entry's text comes from the first sentences of the articles. Tuned on timeline17
# bpoil, H1N1, LibyaWar, IraqWar (bench/tls.py --topics ...): picking from the first
# 5 / 8 / 12 / all sentences gave AR1 .1223 / .1245 / .1229 / .1176.
LEAD_POSITIONS = 8
# How many opening sentences of a dated article with no date of their own report the
# day (events.extract's `lead`; the dating stages keep events.LEAD_SENTENCES). Tuned
# on the same four topics: 3 / 5 gave AR1 .1232 / .1245, AR2 .0299 / .0317.
TIMELINE_LEAD_SENTENCES = 5
# Articles whose words are this far from the story's centroid (a fraction of the
# median article's closeness) are left out. Set by hand from timeline17's topics:
# articles not naming the topic score under half the median, those naming it above;
# .5 / .65 moved AR1 by under .002 on the whole set.
OFF_TOPIC = 0.5
OFF_TOPIC_MIN = 10              # a story smaller than this keeps all its articles
# A sentence takes part in a date's centroid and text only when its closeness to the
# whole story reaches this fraction of the median sentence's. Tuned on bpoil, H1N1,
# LibyaWar, IraqWar: .7 / 1 / 1.3 gave AR1 .1263 / .1277 / .1234 (a first prototype
# gave 0 / .5 / 1 / 1.5: .1176 / .1158 / .1194 / .1149).
ABOUT_STORY = 1.0
# A sentence this close (cosine) to one already in the entry repeats it (set by hand).
REPEAT = 0.5
# Longer sentences are not entry text (they are mostly several sentences run together
# by a scrape). Tuned on the same four topics: 40 / 60 gave AR1 .1128 / .1136.
MAX_WORDS = 60
# A sentence printed word for word on this many different days is a template line (set
# by hand: timeline17's CNN pages repeat a teaser on dozens of days).
BOILERPLATE_DAYS = 3
# Without an explicit window, dates ending more than this before the story's first
# dated article are left out (set by hand, not tuned).
BACKGROUND_DAYS = 365
# Score factor of week/month/year entries against day entries (not tuned: a month
# must be named by about three times as many articles as a day to outrank it). A
# range counts as the week, month or year its width is closest to (`_discount`).
# Salience factor of a date in a month that has no entry yet (`choose`). Tuned on
# timeline17 bpoil, H1N1, LibyaWar, IraqWar (bench/tls.py --topics ...): 1 / 1.5 / 2
# gave AR1 .1290 / .1302 / .1296, Date-F1 .589 / .589 / .585, month coverage .74 /
# .82 / .86 (dividing by 1.5 for every entry already in the month instead: .126, .567,
# .92).
NEW_MONTH = 1.5
COARSE_DISCOUNT = {"day": 1.0, "week": 0.5, "month": 0.35, "year": 0.2}

# A sentence that is only what someone said: opens or closes with a quotation mark
# and holds a pair of them.
_QUOTE_EDGE = re.compile(r"^\s*[\"“”]|[\"“”]\s*$")


class DatePlan:
    """One chosen date: its key, score, events (best first) and the sentences that
    may tell it, with their vectors."""

    def __init__(self, day: str, granularity: str, score: float,
                 clusters: list[EventCluster], centre: dict[str, float],
                 candidates: list[tuple[DatedSentence, dict[str, float]]] | None = None,
                 until: str | None = None) -> None:
        self.date = day
        self.granularity = granularity
        self.until = until              # a range's last day
        self.score = score
        self.clusters = clusters
        self.centre = centre            # what the entry's text should be closest to
        self.candidates = candidates or []


def default_length(n_articles: int) -> int:
    """Entries for a story of `n_articles`: a handful for a short story, about 30 for
    hundreds of articles (timeline17's gold timelines have 36 dates for ~500)."""
    return max(3, min(30, round(3 * math.sqrt(max(n_articles, 1)))))


def plan(articles: Sequence[Article], length: int | None = None,
         copies: dict[str, str] | None = None, *, granularities: Iterable[str] = GRANULARITIES,
         start: str | None = None, end: str | None = None,
         sentences: list[DatedSentence] | None = None) -> list[DatePlan]:
    """The chosen dates with their ranked events and candidate sentences (the work
    behind `build`)."""
    copies = dict(copies or {})
    grans = tuple(granularities)
    articles = on_topic(articles, copies)
    ids = {a.id for a in articles}
    if sentences is None:
        sentences = [s for a in articles for s in extract(a, lead=TIMELINE_LEAD_SENTENCES)]
    boilerplate = _boilerplate(sentences)
    sentences = [s for s in sentences if s.article_id in ids and not boilerplate.get(s.sentence)]
    # What each sentence says, weighed against everything the story says (all its
    # dated sentences, whatever the window).
    all_vectors = vectorize(sentences)
    sentences = narrow(sentences, all_vectors)
    story_sentences = sentences
    if start is None:
        # Dates long before the story's first report are background ("the worst
        # spill since the 1989 Exxon Valdez"), not the story's events. With no
        # dated article, the earliest bound stands for the first report.
        days = [a.published.date for a in articles if a.published.date] or \
            [a.published.earliest for a in articles if a.published.earliest]
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
    # A date is an entry only when some sentence can tell it (not only a headline, a
    # question or a quotation).
    present = {s.article_id for s in story_sentences}
    # A plan dated ahead of its article ("Hayward faces a committee tomorrow") adds to
    # its day's salience but does not tell it: the day's own reports do.
    tellable = {s.key for s in sentences if s.position >= 0 and not s.ahead
                and _readable(s.sentence) and _own(s, copies, present)}
    chosen = set(choose({k: v for k, v in scores.items() if k in tellable}, n))
    if not chosen:
        return []
    # How close each sentence is to what the story is about. A story of a few
    # articles is all about itself: every sentence takes part.
    story = centroid(all_vectors)
    vector_of = {id(s): v for s, v in zip(story_sentences, all_vectors)}
    vectors = [vector_of[id(s)] for s in sentences]
    closeness = [cosine(v, story) for v in vectors]
    floor = -1.0
    if len(present) >= OFF_TOPIC_MIN:
        floor = ABOUT_STORY * statistics.median(cosine(v, story) for v in all_vectors)
    # A wire copy adds nothing when its original is in the story.
    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, s in enumerate(sentences):
        if s.key in chosen and vectors[i] and _own(s, copies, present):
            by_key[s.key].append(i)
    # Only the chosen dates' sentences are merged into events (and coarser sentences
    # that may name one of their events).
    months = {day[:7] for day, _, _ in chosen}
    firsts = sorted(date.fromisoformat(day) for day, _, _ in chosen)
    kept = [s for s in sentences if s.key in chosen
            or s.granularity in ("week", "month") and s.date[:7] in months
            or s.granularity == "range" and _holds(s.period, firsts)]
    clusters: dict[tuple[str, str, str], list[EventCluster]] = defaultdict(list)
    for c in merge(kept, vectorize(kept)):
        clusters[c.key].append(c)
    plans = []
    for key in sorted(chosen):
        told = by_key.get(key, [])
        if not told or not clusters.get(key):
            continue
        about = [i for i in told if closeness[i] >= floor] or told
        centre = centroid(vectors[i] for i in about)
        # Entry text: a readable sentence of an article's lead about the story; else a
        # readable one from further down or less about the story; else any that is not
        # a headline.
        body = [i for i in told if sentences[i].position >= 0 and not sentences[i].ahead]
        readable = [i for i in body if _readable(sentences[i].sentence)]
        central = [i for i in readable if closeness[i] >= floor]
        pool = _lead(central, sentences) or central or _lead(readable, sentences) or readable \
            or body or told
        plans.append(DatePlan(key[0], key[1], scores[key],
                              _rank_clusters(clusters[key], centre), centre,
                              [(sentences[i], vectors[i]) for i in pool],
                              key[2] if key[1] == "range" else None))
    return plans


def _holds(span: tuple[date, date], days: list[date]) -> bool:
    """Does lo..hi hold one of the sorted `days`?"""
    i = bisect.bisect_left(days, span[0])
    return i < len(days) and days[i] <= span[1]


def _discount(key: tuple[str, str, str]) -> float:
    """`COARSE_DISCOUNT` of a date; a range's is that of the calendar unit its width
    is closest to (up to a week: a week's; up to a month: a month's; wider: a year's)."""
    gran = key[1]
    if gran != "range":
        return COARSE_DISCOUNT[gran]
    width = (date.fromisoformat(key[2]) - date.fromisoformat(key[0])).days + 1
    return COARSE_DISCOUNT["week" if width <= 7 else "month" if width <= 31 else "year"]


def on_topic(articles: Sequence[Article], copies: dict[str, str] | None = None
             ) -> list[Article]:
    """The articles that share enough words with the story as a whole (all of them
    for a story of fewer than `OFF_TOPIC_MIN` independent articles; wire copies
    count once)."""
    copies = copies or {}
    ids = {a.id for a in articles}
    independent = [copies.get(a.id, a.id) == a.id or copies[a.id] not in ids for a in articles]
    if OFF_TOPIC <= 0 or sum(independent) < OFF_TOPIC_MIN:
        return list(articles)
    vectors = tfidf_vectors([content_words((a.title or "") + "\n" + a.body) for a in articles])
    centre = centroid(v for v, own in zip(vectors, independent) if own)
    closeness = [cosine(v, centre) for v in vectors]
    floor = OFF_TOPIC * statistics.median(closeness)
    return [a for a, c in zip(articles, closeness) if c >= floor]


def choose(scores: dict[tuple[str, str, str], float], n: int) -> list[tuple[str, str, str]]:
    """The `n` dates of highest salience (ties: the earlier), a month with no entry yet
    weighing its dates by `NEW_MONTH`, so a quiet month's main day can outrank a busy
    month's tenth (the story's span is covered, not only its busiest weeks)."""
    ranked = sorted(scores, key=lambda k: (-scores[k], k))
    chosen: list[tuple[str, str, str]] = []
    months: set[str] = set()
    while ranked and len(chosen) < n:
        at = max(range(len(ranked)), key=lambda i: (
            scores[ranked[i]] * (1.0 if ranked[i][0][:7] in months else NEW_MONTH), -i))
        best = ranked.pop(at)
        chosen.append(best)
        months.add(best[0][:7])
    return chosen


def date_scores(articles: Sequence[Article], sentences: Sequence[DatedSentence],
                copies: dict[str, str]) -> dict[tuple[str, str, str], float]:
    """Salience of each (first day, granularity, last day) the sentences name:
    references (once per independent article) plus reports published that day (an
    article with only bounds: its opening sentences count as a report of their range)."""
    published: dict[str, set[str]] = defaultdict(set)
    for a in articles:
        if a.published.date and a.published.granularity == "day":
            published[a.published.date].add(copies.get(a.id, a.id))
    refs: dict[tuple[str, str, str], dict[str, float]] = defaultdict(dict)
    keys = set()
    for s in sentences:
        key = s.key
        keys.add(key)
        if s.how != "timex" and (s.published or s.position < 0):
            continue
        weight = PUBLISHED_WEIGHT if s.how != "timex" else \
            SAME_DAY_WEIGHT if s.published and s.published <= s.date else 1.0
        source = copies.get(s.article_id, s.article_id)
        slot = refs[key]
        slot[source] = max(slot.get(source, 0.0), weight)
    scores = {}
    for key in keys:
        day, gran, _ = key
        score = sum(refs.get(key, {}).values())
        if gran == "day":
            score += PUBLISHED_WEIGHT * len(published.get(day, ()))
        scores[key] = score * _discount(key)
    return scores


def _own(s: DatedSentence, copies: dict[str, str], present: set[str]) -> bool:
    """False for a wire copy's sentence when the original is in the story."""
    original = copies.get(s.article_id, s.article_id)
    return original == s.article_id or original not in present


def _lead(indices: list[int], sentences: Sequence[DatedSentence]) -> list[int]:
    return [i for i in indices if sentences[i].position < LEAD_POSITIONS]


def _boilerplate(sentences: Sequence[DatedSentence]) -> dict[str, bool]:
    """Sentences found word for word in articles of `BOILERPLATE_DAYS` different days
    or more: a site's teaser or template line, not a report (a wire copy is reprinted
    the same day or the next)."""
    days: dict[str, set[str]] = defaultdict(set)
    for s in sentences:
        days[s.sentence].add(s.published or "")
    return {text: len(d) >= BOILERPLATE_DAYS for text, d in days.items()}


def _readable(text: str) -> bool:
    """Fit to be a timeline line: not too long, not a question, not only a quotation."""
    if len(text.split()) > MAX_WORDS or text.rstrip().rstrip("\"'”’ ").endswith("?"):
        return False
    return not (_QUOTE_EDGE.search(text) and len(re.findall(r"[\"“”]", text)) >= 2)


def _rank_clusters(clusters: list[EventCluster], centre: dict[str, float]
                   ) -> list[EventCluster]:
    """Events of one date, the most central to what is said about the date first."""

    def key(c: EventCluster) -> tuple[float, str]:
        return (-cosine(c.centre, centre), c.members[0].sentence)

    return sorted(clusters, key=key)


def representative(candidates: list[tuple[DatedSentence, dict[str, float]]],
                   centre: dict[str, float], k: int = 1,
                   clusters: Sequence[EventCluster] = ()) -> list[DatedSentence]:
    """Up to `k` candidate sentences that together come closest to `centre`: each
    next sentence is the one that brings the text closest to it, skipping sentences
    that repeat one already taken or tell an event (of `clusters`) already told
    (ties: the earlier in its article)."""
    event_of = {id(m): n for n, c in enumerate(clusters) for m in c.members}
    taken: list[tuple[DatedSentence, dict[str, float]]] = []
    total: dict[str, float] = {}
    pool = sorted(candidates, key=lambda c: (c[0].position, c[0].article_id, c[0].sentence))

    def gain(vector: dict[str, float]) -> float:
        merged = dict(total)
        for w, x in vector.items():
            merged[w] = merged.get(w, 0.0) + x
        norm = math.sqrt(sum(x * x for x in merged.values())) or 1.0
        return sum(x * centre.get(w, 0.0) for w, x in merged.items()) / norm

    while pool and len(taken) < k:
        best = max(range(len(pool)), key=lambda j: gain(pool[j][1]))
        s, v = pool.pop(best)
        if any(s.sentence == t.sentence or cosine(v, tv) > REPEAT
               or event_of.get(id(s), -1) == event_of.get(id(t), -2) for t, tv in taken):
            continue
        taken.append((s, v))
        for w, x in v.items():
            total[w] = total.get(w, 0.0) + x
    return [s for s, _ in taken]


def build(articles: Sequence[Article], length: int | None = None,
          copies: dict[str, str] | None = None, *, per_date: int = 1,
          granularities: Iterable[str] = GRANULARITIES, start: str | None = None,
          end: str | None = None) -> list[Event]:
    """The story's timeline: `length` dates (default: `default_length` of the story
    size), each an `Event` whose text is `per_date` sentences telling the date and
    whose sources list every independent article reporting what they tell."""
    copies = dict(copies or {})
    events = []
    for p in plan(articles, length, copies, granularities=granularities, start=start, end=end):
        picked = representative(p.candidates, p.centre, max(per_date, 1), p.clusters)
        if not picked:
            continue
        # The events the picked sentences tell (a sentence merge left out, having no
        # content words, is its own source).
        told: list[EventCluster | DatedSentence] = []
        for s in picked:
            cluster = next((c for c in p.clusters if any(m is s for m in c.members)), None)
            told.append(cluster or s)
        texts, sources, seen = [s.sentence for s in picked], [], set()
        for item in told:
            members = item.canonical(copies).values() if isinstance(item, EventCluster) \
                else [item]
            for m in sorted(members, key=lambda m: (m.published or "", m.article_id,
                                                    m.position)):
                if (m.article_id, m.sentence) not in seen:
                    seen.add((m.article_id, m.sentence))
                    sources.append({"article_id": m.article_id, "sentence": m.sentence,
                                    "outlet": m.outlet, "expression": m.timex,
                                    "why": m.why})
        first, last = period(p.date, p.granularity, p.until)
        events.append(Event(date=p.date, granularity=p.granularity, text=" ".join(texts),
                            sources=sources, earliest=first.isoformat(),
                            latest=last.isoformat()))
    return sorted(events, key=lambda e: (e.date, GRANULARITIES.index(e.granularity),
                                         e.latest or ""))
