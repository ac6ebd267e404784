"""Story evidence for dating: what the dated articles of a story say about the day of
an article with no day of its own (`story_clues`). The decision is `dating`'s
(`dating.date_in_story`); this module finds the evidence.

An undated article that reports the same events as dated articles was, most
likely, published around when they were. For each article without a day
(`published.date` None, or only a month or year), its sentences are matched
against the dated sentences (`events.extract`) of the story's dated articles;
an article sharing events (a sentence pair above `SHARED_EVENT` cosine) weighs
in with its publication day, weight = its date's confidence x the summed
similarity of the shared events. The `NEIGHBOURS` heaviest are the story's evidence, with the days of the events the
article shares (for a lower bound when nothing dates it).

Events anchor the article's relative expressions (`anchor_bounds`): a sentence of
the undated article with "on Tuesday", "yesterday", "last week", "last month's
spill", "earlier this month", "the April 20 explosion" or "in March" that reports
an event a dated article dates (the sentences' content words overlap, as in the
timeline's event merging, and the date fits the expression: a Tuesday for "on
Tuesday") bounds the publication day: "on Tuesday" = March 5 -> March 5..11,
"last month's spill" = February 13 -> March. Each expression votes for the days
its anchors allow (the best match's similarity); the days most of the votes agree
on become bounds (`StoryBounds`) inside which the article's clues pick the day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from .. import dating
from ..dating.story import StoryBounds
from ..model import Article, Evidence
from ..text.calendar import WEEKDAYS
from ..text.sentences import article_sentences
from ..text.terms import tfidf_vectors
from ..timex.tense import tense_near
from .events import extract, parse_value, period
from .text import content_words

__all__ = ["story_clues", "shared_events", "anchor_bounds", "SHARED_EVENT", "NEIGHBOURS",
           "ANCHOR_MATCH", "ANCHOR_AGREE",
           "ATTACHED_MATCH", "MIN_COMMON", "NEAR_BEST", "attached"]

# Cosine above which two sentences report the same event for dating purposes.
# Tried on timeline17 bpoil, H1N1, EgyptianProtest, haiti, MJ (bench/propagation.py
# --topics ..., seed 0): .25 / .35 / .45 gave within_1d .478 / .474 / .474.
SHARED_EVENT = 0.35
# Dated articles given to the story hook (the heaviest by shared events).
NEIGHBOURS = 10
# Cosine above which a sentence with a relative expression and a dated event
# sentence report the same event (the date must fit the expression too), and the
# content words they must share at least. Tuned on timeline17 (all 9 topics, 20%
# hidden, seed 0, bench/propagation.py): match/shared .25/4 gave within_1d .582
# (precision .838), .25/3 .580 (.832), .35/3 .566 (.857), .45/3 .566 (.874); two
# shared words let one-line quotes ("Well, it was Super Bowl Sunday.") anchor.
ANCHOR_MATCH = 0.25
MIN_COMMON = 4
# The weight of a match on the event a time expression is attached to ("last month's
# chemical spill" and "the chemical spill of Feb. 12"), whatever the cosine (set by
# hand: that of a clear paraphrase).
ATTACHED_MATCH = 0.5
# Share of the article's anchored expressions (by weight) the chosen days must
# satisfy: below it the anchors disagree too much to bound anything (.5 / .7 gave
# within_1d .567 / .560 at match .35, before MIN_COMMON).
ANCHOR_AGREE = 0.5
# An expression votes for the events matching it at least this share as well as the
# best one (several articles report the same event; a weaker match is another event).
NEAR_BEST = 0.8
_MIN_WORDS = 5


def _needs_day(article: Article) -> bool:
    p = article.published
    return not (p.date and p.granularity == "day")


def shared_events(articles: Sequence[Article]) -> dict[str, dict[str, float]]:
    """For each article without a day: {dated article id: summed similarity of the
    events they share}."""
    dated = [a for a in articles if not _needs_day(a) and a.published.method != "story"]
    undated = [a for a in articles if _needs_day(a)]
    if not dated or not undated:
        return {}
    # Event sentences of the dated articles, all sentences of the undated ones, one
    # TF-IDF space.
    events = [(a.id, s.sentence) for a in dated for s in extract(a)]
    mine = []
    for a in undated:
        body = a.body
        for start, end in article_sentences(a):
            text = body[start:end]
            if len(text.split()) >= _MIN_WORDS:
                mine.append((a.id, text))
    vectors = tfidf_vectors([content_words(e[1]) for e in events] + [content_words(t) for _, t in mine])
    event_vecs, my_vecs = vectors[:len(events)], vectors[len(events):]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(event_vecs):
        for w, x in v.items():
            postings[w].append((i, x))
    out: dict[str, dict[str, float]] = defaultdict(dict)
    for (aid, _), v in zip(mine, my_vecs):
        dots: dict[int, float] = defaultdict(float)
        for w, x in v.items():
            for i, y in postings.get(w, ()):
                dots[i] += x * y
        # One sentence counts once per dated article: its best match there.
        best: dict[str, float] = {}
        for i, sim in dots.items():
            if sim >= SHARED_EVENT:
                other = events[i][0]
                best[other] = max(sim, best.get(other, 0.0))
        for other, sim in best.items():
            out[aid][other] = out[aid].get(other, 0.0) + sim
    return dict(out)


def story_clues(articles: Sequence[Article], *, neighbours: int = NEIGHBOURS
                ) -> dict[str, dating.StoryClues]:
    """What the story says about the publication day of each of its articles without a
    day: the dated articles sharing its events (the `neighbours` heaviest), the bounds
    events put on it (`anchor_bounds`). Whether and how they date it is
    `dating.date_in_story`'s decision."""
    by_id = {a.id: a for a in articles}
    out: dict[str, dating.StoryClues] = {}
    all_shared = shared_events(articles)
    anchors = anchor_bounds(articles)
    for aid in sorted(set(all_shared) | set(anchors)):
        shared = all_shared.get(aid, {})
        ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:neighbours]
        out[aid] = dating.StoryClues(
            neighbours=[dating.StoryEvidence(by_id[o].published.date,
                                             max(by_id[o].published.confidence, 0.1) * w, o,
                                             by_id[o].published.method or "")
                        for o, w in ranked],
            within=anchors.get(aid))
    return out


# -- events anchoring relative expressions ---------------------------------------------

_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])")
_MONTHDAY_VALUE = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_MONTH_VALUE = re.compile(r"^XXXX-(\d\d)$")
# "last week", "earlier this month", "next month". Not "today", "yesterday" (on
# timeline17 the day they gave held the truth a third of the time: transcripts, quotes,
# "today" sentences matching other "today" sentences) nor "last year" (a year, right
# 44% of the time).
_RELATIVE = re.compile(r"^(?:the\s+)?(?:(?:earlier|early|later|late)\s+)?(last|previous|this|"
                       r"next|coming)\s+(week|month)$", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"^(?:last\s+|this\s+|on\s+)?([A-Za-z]+?)(?:'s)?"
                           r"(?:\s+(?:morning|afternoon|evening|night))?$")
# "April 12 and 13", "May 16 through 18", "March 4-6": more days of the same month.
_MORE_DAYS = re.compile(r"\s*(?:and|through|to|until|-|–)\s*(\d{1,2})\b")
# A month-day or month without its year is anchored for a year either way at most.
_UNDATED_SPAN = 300
_ONE = timedelta(days=1)


@dataclass
class _Expression:
    """A relative or underspecified time expression of an undated article."""

    text: str
    start: int
    end: int
    kind: str          # weekday | monthday | month | week | month_rel
    value: int         # weekday 1-7, month, or -1/0/1 (next/this/last week or month)
    day: int = 0       # monthday: the day of the month
    tense: str | None = None
    names: frozenset[str] = frozenset()   # the event it is attached to: "last month's spill"
    near: frozenset[str] = frozenset()    # content words around it in its sentence (`_near`)


_POSSESSIVE = re.compile(r"['’]s?\s+((?:[\w-]+\s+){0,2}[\w-]+)")
_ATTRIBUTIVE = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,1}[a-z][\w-]*)")
_BEFORE_PREP = re.compile(r"(?:^|\s)(?:the|a|an)\s+([a-z][\w-]*)\s+(?:on|of)\s+$")
_HEADLESS = frozenset({"and", "or", "but", "to", "at", "in", "on", "of", "for", "by", "with",
                       "when", "after", "before", "that", "which", "who", "as", "from"})


def attached(text: str, start: int, end: int) -> frozenset[str]:
    """Content words of the event a time expression is attached to: "last month's
    chemical spill", "the April 20 explosion", "the explosion on April 20" (and not
    "the hearing on the spill March 5", where the date is the hearing's)."""
    words: list[str] = []
    m = _POSSESSIVE.match(text, end)
    if m:
        words = m.group(1).split()
    elif re.search(r"\b(?:the|a|an)\s+$", text[max(0, start - 5):start], re.IGNORECASE):
        m = _ATTRIBUTIVE.match(text, end)
        if m:
            words = m.group(1).split()
    else:
        m = _BEFORE_PREP.search(text[max(0, start - 40):start].lower())
        if m:
            words = [m.group(1)]
    kept = []
    for w in words:
        if w.lower() in _HEADLESS:
            break
        kept.append(w)
    return frozenset(content_words(" ".join(kept)))


def _expressions(article: Article, start: int, end: int) -> list[_Expression]:
    body, out = article.body, []
    for t in article.timexes:
        if t.type not in ("DATE", "TIME") or t.start < start or t.end > end:
            continue
        text = t.text.strip()
        low = text.lower()
        tense = tense_near(body, t.start, t.end)
        m = _WEEKDAY_VALUE.match(t.value or "")
        if m:
            w = _WEEKDAY_WORD.match(low)
            if w and w.group(1) in WEEKDAYS and not low.startswith(("next", "this")):
                out.append(_Expression(text, t.start, t.end, "weekday", int(m.group(1)),
                                       tense=tense))
            continue
        m = _MONTHDAY_VALUE.match(t.value or "")
        if m:
            out.append(_Expression(text, t.start, t.end, "monthday", int(m.group(1)),
                                   int(m.group(2)), tense))
            continue
        m = _MONTH_VALUE.match(t.value or "")
        if m:
            out.append(_Expression(text, t.start, t.end, "month", int(m.group(1)), tense=tense))
            continue
        m = _RELATIVE.match(low)
        if m:
            step = {"last": 1, "previous": 1, "this": 0, "next": -1, "coming": -1}[m.group(1)]
            unit = m.group(2)
            out.append(_Expression(text, t.start, t.end, "week" if unit == "week" else
                                   "month_rel", step, tense=tense))
    return out


def _event_periods(article: Article
                   ) -> list[tuple[str, list[tuple[date, date, str, frozenset[str]]]]]:
    """The dated article's event sentences, each with the periods it dates (every day,
    week or month its time expressions name; a lead sentence without one: the day of
    publication or the day before)."""
    body = article.body
    pub = date.fromisoformat(article.published.date or "")
    out = []
    for s in extract(article):
        if s.how == "published":
            out.append((s.sentence, [(pub - _ONE, pub, "", frozenset(), frozenset())]))
            continue
        periods = []
        for t in article.timexes:
            if t.type not in ("DATE", "TIME") or t.start < s.start or t.end > s.end:
                continue
            parsed = parse_value(t.value)
            if parsed is None or parsed[1] == "year":
                continue
            lo, hi = period(*parsed)
            names = attached(body, t.start, t.end)
            near = _near(body, t.start, t.end, s.start, s.end)
            periods.append((lo, hi, t.text, names, near))
            more = _MORE_DAYS.match(body, t.end)
            if parsed[1] == "day" and more:
                try:
                    last = lo.replace(day=int(more.group(1)))
                except ValueError:
                    continue
                if lo < last <= lo + timedelta(days=6):
                    said = body[t.start:more.end()]
                    periods += [(lo + timedelta(days=k), lo + timedelta(days=k), said, names, near)
                                for k in range(1, (last - lo).days + 1)]
        if periods:
            out.append((s.sentence, periods))
    return out


def _month_start(d: date, step: int = 0) -> date:
    m = d.year * 12 + d.month - 1 + step
    return date(m // 12, m % 12 + 1, 1)


def _window(x: _Expression, lo: date, hi: date) -> tuple[date, date] | None:
    """The publication days the expression allows when it names the event of lo..hi,
    or None when that date cannot be what it names (a Monday for "Tuesday")."""
    span = timedelta(days=_UNDATED_SPAN)
    if x.kind == "weekday":
        days = [lo + timedelta(days=k) for k in range((hi - lo).days + 1)
                if (lo + timedelta(days=k)).isoweekday() == x.value] if (hi - lo).days < 7 else []
        if len(days) != 1:
            return None
        e = days[0]
        return (e - timedelta(days=6), e) if x.tense == "future" else (e, e + timedelta(days=6))
    if x.kind == "monthday":
        if lo != hi or (lo.month, lo.day) != (x.value, x.day):
            return None
        if x.tense == "future":
            return lo - span, lo
        return (lo, lo + span) if x.tense == "past" else (lo - span, lo + span)
    if x.kind == "month":
        if lo.month != x.value or hi.month != x.value or lo.year != hi.year:
            return None
        first, last = _month_start(lo), _month_start(lo, 1) - _ONE
        if x.tense == "future":
            return first - span, last
        return (first, first + span) if x.tense == "past" else (first - span, last + span)
    if x.kind == "week":
        if (hi - lo).days > 6:
            return None
        a = lo - timedelta(days=lo.weekday()) + timedelta(days=7 * x.value)
        b = hi - timedelta(days=hi.weekday()) + timedelta(days=7 * x.value + 6)
        return (max(a, lo), b) if x.value == 0 and x.tense != "future" else (a, b)
    if x.kind == "month_rel":
        if (lo.year, lo.month) != (hi.year, hi.month):
            return None
        a, b = _month_start(lo, x.value), _month_start(lo, x.value + 1) - _ONE
        return (max(a, lo), b) if x.value == 0 and x.tense != "future" else (a, b)
    return None


def _with_names(xs: list[_Expression], body: str, start: int, end: int) -> list[_Expression]:
    for x in xs:
        x.names = attached(body, x.start, x.end)
        x.near = _near(body, x.start, x.end, start, end)
    return xs


_NEAR_WORDS = 8


def _near(body: str, start: int, end: int, sent_start: int, sent_end: int) -> frozenset[str]:
    """Content words within _NEAR_WORDS words either side of body[start:end], inside
    its sentence."""
    left = content_words(body[sent_start:start])[-_NEAR_WORDS:]
    right = content_words(body[end:sent_end])[:_NEAR_WORDS]
    return frozenset(left) | frozenset(right)


@dataclass
class _Anchor:
    lo: date
    hi: date
    weight: float
    note: Evidence
    kind: str = ""


def anchor_bounds(articles: Sequence[Article], *, threshold: float | None = None
                  ) -> dict[str, StoryBounds]:
    """{undated article id: the bounds its relative expressions put on its publication
    day, anchored to the events the story's dated articles date}."""
    threshold = ANCHOR_MATCH if threshold is None else threshold
    dated = [a for a in articles if not _needs_day(a) and a.published.method != "story"]
    undated = [a for a in articles if _needs_day(a)]
    if not dated or not undated:
        return {}
    events = [(a.id, text, periods) for a in dated for text, periods in _event_periods(a)]
    mine = []
    for a in undated:
        for start, end in article_sentences(a):
            found = _expressions(a, start, end)
            if found and len(a.body[start:end].split()) >= _MIN_WORDS:
                mine.append((a, a.body[start:end], _with_names(found, a.body, start, end)))
    if not events or not mine:
        return {}
    vectors = tfidf_vectors([content_words(e[1]) for e in events] + [content_words(m[1]) for m in mine])
    event_vecs, my_vecs = vectors[:len(events)], vectors[len(events):]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, v in enumerate(event_vecs):
        for w, x in v.items():
            postings[w].append((i, x))
    votes: dict[str, list[list[_Anchor]]] = defaultdict(list)
    for (article, _, found), v in zip(mine, my_vecs):
        dots: dict[int, float] = defaultdict(float)
        common: dict[int, int] = defaultdict(int)
        for w, x in v.items():
            for i, y in postings.get(w, ()):
                dots[i] += x * y
                common[i] += 1
        ranked = sorted(dots.items(), key=lambda p: (-p[1], p[0]))
        for x in found:
            options = []
            for i, sim in ranked:
                other, sentence, periods = events[i]
                if common[i] < MIN_COMMON:
                    sim = 0.0
                # A sentence dating two events ("boarded on June 7 and found ... where
                # the May 28 fire began"): the expression names the one whose words
                # surround it in both sentences, when the words tell them apart.
                close = [len(x.near & near) for *_, near in periods]
                for (lo, hi, said, names, near), shared in zip(periods, close):
                    if shared < max(close):
                        continue
                    # The same named event ("last month's spill" = "the spill of Feb. 12")
                    # counts as a match however little else the sentences share.
                    weight = max(sim, ATTACHED_MATCH) if x.names & names else sim
                    if weight < threshold:
                        continue
                    window = _window(x, lo, hi)
                    if window is not None:
                        options.append(_Anchor(window[0], window[1], weight,
                                               _anchor_note(x, lo, hi, said, other, sentence,
                                                            window), x.kind))
            if options:
                # An expression names one event: it votes for its best matches only.
                top = max(a.weight for a in options)
                votes[article.id].append([a for a in options if a.weight >= NEAR_BEST * top])
    out = {}
    for aid, expressions in votes.items():
        bounds = _agree(expressions)
        if bounds is not None:
            out[aid] = bounds
    return out


def _anchor_note(x: _Expression, lo: date, hi: date, said: str, other: str, sentence: str,
                 window: tuple[date, date]) -> Evidence:
    when = lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"
    short = sentence if len(sentence) <= 80 else sentence[:77] + "..."
    told = f" ('{said}')" if said else " (its lead)"
    return Evidence(x.text, x.start, x.end, where="story",
                    note=f"the event of {when}{told} in article {other}: \"{short}\"; "
                         f"published {window[0].isoformat()} to {window[1].isoformat()}")


def _agree(expressions: list[list[_Anchor]]) -> StoryBounds | None:
    """The days satisfying the heaviest share of the expressions (each counts once,
    with its best anchor there): their span, if it has `ANCHOR_AGREE` of the weight."""
    cuts = sorted({a.lo for opts in expressions for a in opts}
                  | {a.hi + _ONE for opts in expressions for a in opts})
    total = sum(max(a.weight for a in opts) for opts in expressions)
    best, region = 0.0, []
    for left, right in zip(cuts, cuts[1:]):
        score = sum(max((a.weight for a in opts if a.lo <= left <= a.hi), default=0.0)
                    for opts in expressions)
        if score > best + 1e-9:
            best, region = score, [(left, right - _ONE)]
        elif abs(score - best) <= 1e-9 and best > 0:
            region.append((left, right - _ONE))
    if not region or best < ANCHOR_AGREE * total:
        return None
    lo, hi = region[0][0], region[-1][1]
    notes = []
    for opts in expressions:
        inside = [a for a in opts if a.lo <= lo and hi <= a.hi]
        if inside:
            notes.append(max(inside, key=lambda a: a.weight))
    # The narrowest anchors say the most ("Tuesday" = March 5 beats "in September").
    notes.sort(key=lambda a: ((a.hi - a.lo).days, -a.weight))
    return StoryBounds(lo.isoformat(), hi.isoformat(), round(best / total, 2),
                       [a.note for a in notes])
