"""The story hook: dating an article from the dated articles of the same story.

An article whose text names no year ("on Tuesday", "the April 20 explosion")
cannot be dated alone, but the other articles of its story usually can: they
report the same events within days of each other. The story stage (which
groups articles) calls

    from_story(article, [StoryEvidence("2010-04-22", 0.8, "a1b2c3"), ...])

with, for each dated article of the story, its date, a weight (how much it
should count: its date's confidence times how close the two articles are,
e.g. their text similarity) and its id. The dated articles become a prior over
days (a bump around each date, mostly within a few days, with a wide shoulder
for the story's longer run), the article's own clues (weekdays, month-days,
tense, caption bounds) are scored on top of it exactly as `from_text` scores
them, and the answer has method "story" and names the articles it leaned on.

When the story's dated articles date an event the article reports with a
relative expression ("on Tuesday" = the hearing of March 5, "last month's spill"
= the spill of February 13), the caller passes the bounds these anchors put on
the publication day (`StoryBounds`, see `timeline.story_clues`): the clues pick the
day inside them (with a lower bar, `ANCHORED_DAY_CONFIDENCE`), and without a day
the answer keeps the bounds, with the anchors as evidence.

Articles already dated to the day by their metadata or their own text are
returned unchanged: story evidence is weaker than a date the article states.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Iterable

from ..model import Article, Evidence, Published

__all__ = ["StoryEvidence", "StoryBounds", "StoryClues", "StoryYears", "story_years", "from_story",
           "date_in_story",
           "STORY_MAX_CONFIDENCE", "STORY_DAY_CONFIDENCE", "ANCHORED_DAY_CONFIDENCE",
           "CONSENSUS_SHARE", "CONSENSUS_MIN"]

# A date borrowed from other articles is never as sure as one the article states.
STORY_MAX_CONFIDENCE = 0.8
# A day is given only when the text's calibrated confidence (with the story's dates
# as a prior) reaches this: the story's prior is not part of the calibration data,
# so the bar is the one the raw posterior share of 0.5 used to set.
STORY_DAY_CONFIDENCE = 0.8
# Inside bounds set by the story's events (a week after "on Tuesday" = March 5) the
# clues need less to pick a day. On timeline17 (bench/propagation.py, 20% hidden,
# seed 0) .5 / .65 / .8 gave within_1d .582 / .572 / .546 at precision .838 / .869 / .904
# (story's anchored days right to a day 69% / 77% / 85%; without anchors: .498, .911).
ANCHORED_DAY_CONFIDENCE = 0.65
# Bounds up to this many days long are seeded day by day for the text's clues.
_SEEDED_SPAN = 31
# When the story hook finds no day (its bar is set for the article's own clues), the
# neighbours' agreement can give one: at least this share of their weight within a
# day of their weighted median, from at least this many articles. Tuned on timeline17
# bpoil, H1N1, EgyptianProtest, haiti, MJ (20% hidden, seed 0): on the articles the
# text left undated, share .5 answered 86 of 315 with 85% within a day; .6: 54, 85%;
# .8: 22, 73%.
CONSENSUS_SHARE = 0.5
CONSENSUS_MIN = 3
# What the story stage's answers are worth: the share right (a day within a day, a
# month or year holding the truth), by granularity and the confidence the rules above
# state. Measured on the story stage run over timeline17's tuning half with every date
# hidden (bench/dating.py's story pass; 1,267 answers): a stated 0.8 was right 69% of
# the time for days, 45% for months, 57% for years. The test half, not used: 63%, 49%,
# 58%. The stated value ranks answers; this says how often they hold.
# A story day below STORY_DAY_EARNED (calibrated) is no day but the week either side
# of it, inside the bounds it had and those the story's events set (and then, as such
# weeks are not bounds that hold, `_held`'s): a day must be likely. From neighbours
# dated by their text, days stated .5-.6 were right 50% of the time on timeline17's
# tuning half with every date hidden (test half 50%), from .6 64%; from neighbours
# dated by metadata, a stated .5 was right 53% (bench/propagation.py's setting, tuning
# articles). In the undated pile's build (bench/undated.py) text-neighbour days stated
# .5-.6 were right 40% of the time. Those weeks held the truth 48% of the time on the
# tuning half (test half: 44%): _STORY_WEEK_HOLDS.
STORY_DAY_EARNED = 0.6
STORY_DAY_EARNED_DATED = 0.5
_STORY_WEEK_HOLDS = 0.48
# Days whose neighbours were mostly dated by metadata (at least half their weight) earn
# more: fitted on bench/propagation.py's setting (a fifth of each timeline17 topic
# hidden, the rest dated by folder), articles of odd id hash: a stated .5 was right 53%
# of the time, .6 65%, .8 95% (the other articles: 71%, 73%, 88%); capped at the 0.8
# every story answer keeps under (STORY_MAX_CONFIDENCE).
_DATED_STORY_DAYS = [(0.0, 0.0), (0.4, 0.4), (0.5, 0.53), (0.6, 0.64), (0.7, 0.66), (0.8, 0.8),
                     (1.0, 0.8)]
_STORY_CALIBRATION = {
    "day": [(0.0, 0.0), (0.4, 0.33), (0.55, 0.43), (0.7, 0.52), (0.8, 0.69), (1.0, 0.75)],
    "month": [(0.0, 0.0), (0.5, 0.25), (0.6, 0.35), (0.8, 0.45), (1.0, 0.5)],
    "year": [(0.0, 0.0), (0.6, 0.12), (0.7, 0.28), (0.8, 0.57), (1.0, 0.65)],
}


@dataclass
class StoryEvidence:
    """One dated article of the same story."""

    date: str            # YYYY-MM-DD
    weight: float        # > 0: the date's confidence x how close the two articles are
    article_id: str
    method: str = ""     # how that article was dated ("text", "story" or its metadata's)


@dataclass
class StoryBounds:
    """Bounds on the publication day from events the story's dated articles date."""

    earliest: str        # YYYY-MM-DD
    latest: str
    confidence: float    # 0..1: how much of the anchoring agrees with these bounds
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class StoryYears:
    """The years a story's articles were published in, pooled from all of them."""

    first: int
    last: int            # first or first + 1 (a story across a new year)
    share: float         # the story's year evidence on first..last
    articles: int        # how many articles had year evidence
    sure: frozenset[str] = frozenset()   # the ids of those articles (their year is their own)


@dataclass
class StoryClues:
    """What a story says about one article's day (found by `timeline.story_clues`)."""

    neighbours: list[StoryEvidence] = field(default_factory=list)  # dated articles sharing its events
    within: StoryBounds | None = None          # bounds events put on the day
    years: StoryYears | None = None            # the story's years (`story_years`)


# The story's years bound an article that names days but no year when at least this
# share of its articles' year evidence falls in one year, or in two consecutive years,
# from at least STORY_YEARS_MIN articles.
STORY_YEARS_SHARE = 0.8
STORY_YEARS_MIN = 2


def story_years(articles: Iterable[Article], *, today: date | None = None) -> StoryYears | None:
    """The story's publication years, from the articles whose year is sure: those dated
    to the day (by their metadata or their own text: on timeline17's tuning half the
    year of a text-dated day is right 98% of the time) and those whose text carries a
    timestamp, dateline or copyright line of one year; one vote each. The years the
    other articles merely mention are no such evidence (the likeliest of them was the
    publication year for 17% of the text-undated tuning articles). None when fewer
    than STORY_YEARS_MIN articles vote or the votes do not agree on one year or two
    consecutive ones."""
    from .text import sure_year

    votes: dict[int, int] = {}
    sure: set[str] = set()
    for article in articles:
        p = article.published
        if p.date and p.granularity == "day" and p.method != "story":
            year = int(p.date[:4])
        else:
            year = sure_year(article.blocks, today=today)
        if year is not None:
            votes[year] = votes.get(year, 0) + 1
            sure.add(article.id)
    voters = sum(votes.values())
    if voters < STORY_YEARS_MIN:
        return None
    top = max(votes, key=lambda y: (votes[y], y))
    if votes[top] / voters >= STORY_YEARS_SHARE:
        return StoryYears(top, top, round(votes[top] / voters, 3), voters, frozenset(sure))
    pair = max((top - 1, top), (top, top + 1), key=lambda ys: sum(votes.get(y, 0) for y in ys))
    share = sum(votes.get(y, 0) for y in pair) / voters
    if share >= STORY_YEARS_SHARE:
        return StoryYears(pair[0], pair[1], round(share, 3), voters, frozenset(sure))
    return None


def date_in_story(article: Article, clues: StoryClues) -> Published | None:
    """The article's new `Published` from its story's clues, or None when the story
    cannot help: `from_story`'s answer; failing a day, the day the neighbours agree
    on (`_consensus`). Without a day, bounds that hold (`_held`)."""
    found = from_story(article, clues.neighbours, within=clues.within, years=clues.years)
    if found.date is None or found.granularity != "day":
        agreed = _consensus(article, clues.neighbours, found)
        if agreed is not None:
            return _held(_calibrated(agreed, clues), article, clues)
    if found is article.published or found.method != "story":
        return None
    return _held(_calibrated(found, clues), article, clues)


# Bounds are what holds: a story answer without a day whose window holds the truth less
# often than BOUNDS_HOLD is given as the story's years instead (with the window as a
# likely place inside them). Set by hand: a bound should hold at least 4 times in 5.
BOUNDS_HOLD = 0.8
# How often the story's years hold the publication year of an article with no sure
# year of its own: 90% on timeline17's tuning half with every date hidden (1,385
# articles; test half 92%), 89% in bench/undated.py's build.
_STORY_YEARS_HOLD = 0.9
# How often the window the story's events put an article in held the truth on
# timeline17 with every date hidden (the story stage's anchors, both halves): a week
# or less 50%, up to a month 70%, wider 84%. The stated confidence of such windows.
_ANCHOR_HOLDS = ((7, 0.5), (31, 0.7), (10 ** 6, 0.84))


def _held(found: Published, article: Article, clues: StoryClues) -> Published:
    """A story answer without a day, as bounds that hold: its window when that holds
    at least BOUNDS_HOLD of the time, else the safer bounds of `_safe_bounds`, with
    the window kept as where in them the article likely sits (`likely_*`)."""
    if found.date is not None or not (found.earliest and found.latest):
        return found
    holds = found.confidence
    if any("the event of" in (e.note or "") for e in found.evidence):
        width = (date.fromisoformat(found.latest) - date.fromisoformat(found.earliest)).days
        holds = min(holds, next(h for w, h in _ANCHOR_HOLDS if width <= w))
    safe = _safe_bounds(article, clues)
    if holds >= BOUNDS_HOLD or safe is None or safe.confidence <= holds:
        return replace(found, confidence=round(holds, 2))
    seen = {(e.text, e.note) for e in safe.evidence}
    evidence = list(safe.evidence) + [e for e in found.evidence if (e.text, e.note) not in seen]
    lo, hi = max(found.earliest, safe.earliest), min(found.latest, safe.latest)
    if found.granularity == "year" or lo > hi or (lo, hi) == (safe.earliest, safe.latest):
        return replace(safe, evidence=evidence)
    return replace(safe, evidence=evidence, likely_earliest=lo, likely_latest=hi,
                   likely_confidence=round(holds, 2))


# How often a year the article's own text is sure of (a timestamp, dateline or
# copyright line; here mostly copyright lines, as an article with a stamp has its day)
# is its publication year: a copyright year is 68% of the time (the dating tables'
# "copyright" row, timeline17's tuning half).
_OWN_YEAR_HOLDS = 0.68


def _own_year(article: Article) -> Published | None:
    from .text import sure_year

    year = sure_year(article.blocks)
    if year is None:
        return None
    return Published(earliest=f"{year}-01-01", latest=f"{year}-12-31", granularity="year",
                     confidence=_OWN_YEAR_HOLDS, evidence=[Evidence(
                         str(year), where="removed", note="the year of its own timestamp, "
                                                          "dateline or copyright line")])


def _safe_bounds(article: Article, clues: StoryClues) -> Published | None:
    """Bounds that hold most of the time: the story's years (`_year_bound`) inside the
    hard bounds of the article's own text (a caption's date, a comment's stamp); else
    what the article's own text or metadata bound it by; None when nothing does."""
    current = article.published
    by_metadata = current if current.method not in ("text", "story") else Published()
    years = _year_bound(article, by_metadata, clues.years)
    own = current if current.method == "text" and current.earliest and current.latest else None
    if years is None and own is None and not (by_metadata.earliest and by_metadata.latest):
        years = _own_year(article)
    if years is not None:
        lo, hi, confidence = years.earliest, years.latest, years.confidence
        evidence = years.evidence[-1:]
        if current.method == "text" and current.confidence >= 0.95 and (
                current.earliest or current.latest):          # hard bounds of its text
            lo, hi = max(lo, current.earliest or lo), min(hi, current.latest or hi)
            confidence *= current.confidence
            evidence += current.evidence[:1]
        if lo > hi:
            return None
    elif own is not None:
        lo, hi, confidence, evidence = own.earliest, own.latest, own.confidence, own.evidence[:2]
    elif by_metadata.earliest and by_metadata.latest:
        lo, hi = by_metadata.earliest, by_metadata.latest
        confidence, evidence = by_metadata.confidence, by_metadata.evidence[:2]
    else:
        return None
    return Published(date=None, earliest=lo, latest=hi,
                     granularity="year" if lo[:4] == hi[:4] else None, method="story",
                     confidence=round(confidence, 2), evidence=list(evidence))


def _calibrated(found: Published, clues: StoryClues) -> Published:
    """The answer with the confidence it has earned (`_STORY_CALIBRATION`; days from
    neighbours mostly dated by metadata: `_DATED_STORY_DAYS`). A day that has not
    earned STORY_DAY_EARNED (_DATED) is given as the week either side of it, inside the bounds
    it had and those the story's events set."""
    from .text import piecewise

    points = _STORY_CALIBRATION.get(found.granularity or "")
    if points is None:
        return found
    weight = sum(n.weight for n in clues.neighbours)
    by_metadata = sum(n.weight for n in clues.neighbours if n.method not in ("", "text", "story"))
    earned = STORY_DAY_EARNED
    if found.granularity == "day" and weight and by_metadata / weight >= 0.5:
        points, earned = _DATED_STORY_DAYS, STORY_DAY_EARNED_DATED
    within = clues.within
    confidence = round(piecewise(points, found.confidence), 2)
    if found.granularity != "day" or confidence >= earned:
        return replace(found, confidence=confidence)
    day = date.fromisoformat(found.date)
    lows = [(day - timedelta(days=7)).isoformat()]
    highs = [(day + timedelta(days=7)).isoformat()]
    for bound in (within, found):
        if bound is not None and bound.earliest and bound.latest and bound.earliest != bound.latest:
            lows.append(bound.earliest)
            highs.append(bound.latest)
    lo, hi = max(lows), min(highs)
    if lo >= hi:                             # the bounds alone leave that day
        return replace(found, confidence=confidence)
    note = (f"the story's clues point to {found.date} but are right to a day only "
            f"{confidence:.0%} of the time: the week either side of it")
    return replace(found, date=None, earliest=lo, latest=hi, confidence=_STORY_WEEK_HOLDS,
                   granularity="range",
                   evidence=list(found.evidence) + [Evidence(found.date, where="story", note=note)])


def from_story(article: Article, others: Iterable[StoryEvidence | tuple[str, float, str]], *,
               today: date | None = None, within: StoryBounds | None = None,
               years: StoryYears | None = None) -> Published:
    """`article.published` refined with the dates of other articles of its story.

    `others`: `StoryEvidence` items or (date, weight, article_id) tuples; bad dates
    and non-positive weights are skipped. Returns a new `Published` (method
    "story") when the story and the article's clues fix a day, month or year
    finer than what the article had; otherwise `article.published` unchanged.
    `within`: bounds from the story's events (see `StoryBounds`); ignored when they
    contradict the metadata's. `years`: the story's years (`story_years`): an article
    whose text names no year of its own is searched in them.
    """
    from .text import score_days

    current = article.published
    if current.date and current.granularity == "day" and current.method != "story":
        return current
    evidence: list[StoryEvidence] = []
    for item in others:
        if not isinstance(item, StoryEvidence):
            try:
                item = StoryEvidence(*item)
            except TypeError:
                continue
        try:
            day = date.fromisoformat(str(item.date)[:10])
            weight = float(item.weight)
        except (TypeError, ValueError):
            continue
        if weight > 0 and item.article_id != article.id:
            evidence.append(StoryEvidence(day.isoformat(), weight, str(item.article_id)))
    # Bounds the metadata set still hold (a crawl date, htmldate's year); a
    # previous text or story answer is recomputed, not trusted as a bound.
    bound = current if current.method not in ("text", "story") else Published()
    if within is not None:
        lo = max(filter(None, (bound.earliest, within.earliest)))
        hi = min(filter(None, (bound.latest, within.latest)))
        within = StoryBounds(lo, hi, within.confidence, within.evidence) if lo <= hi else None
    year_bound = _year_bound(article, bound, years)
    if not evidence and within is None and year_bound is None:
        return current
    if year_bound is not None and within is None:
        bound = year_bound
    if within is not None:
        if within.earliest == within.latest:
            return _anchored_day(within)
        bound = Published(earliest=within.earliest, latest=within.latest, method=bound.method,
                          evidence=list(bound.evidence))
    prior = [(date.fromisoformat(e.date), e.weight) for e in evidence]
    if within is not None:
        # Seed the days inside short bounds (the text scores only days near the
        # dates it names or the prior's), as much as the story's articles weigh.
        lo, hi = date.fromisoformat(within.earliest), date.fromisoformat(within.latest)
        span = (hi - lo).days + 1
        if span <= _SEEDED_SPAN:
            share = (sum(w for _, w in prior) or 1.0) / span
            prior += [(date.fromordinal(lo.toordinal() + k), share) for k in range(span)]
    result = score_days(article, bound, today=today, prior=prior,
                        day_threshold=ANCHORED_DAY_CONFIDENCE if within else STORY_DAY_CONFIDENCE)
    found = result.published
    if within is not None and (found.method != "text" or found.granularity != "day"):
        return _anchored_bounds(within, found, current)
    if found.method != "text":
        return current
    if current.granularity and found.coarseness >= current.coarseness:
        return current
    confidence = min(found.confidence, STORY_MAX_CONFIDENCE)
    if within is not None:
        confidence *= within.confidence
    elif bound is year_bound:
        confidence *= years.share
    own = [e for e in found.evidence if not (e.note or "").startswith("text:")]
    anchors = within.evidence[:3] if within is not None else \
        year_bound.evidence[-1:] if bound is year_bound else []
    # The article's own strongest clue first (what picked the day), then the events
    # that bound it, the story's articles nearest the answer, the rest of its clues.
    story = _story_evidence(evidence, found) if evidence else []
    return Published(date=found.date, earliest=found.earliest, latest=found.latest,
                     granularity=found.granularity, method="story",
                     confidence=round(confidence, 2),
                     evidence=own[:1] + anchors + story + own[1:])


def _year_bound(article: Article, bound: Published, years: StoryYears | None) -> Published | None:
    """The story's years as bounds, for an article with no sure year of its own (a
    timestamp, dateline or copyright line) whose metadata does not bound it tighter."""
    if years is None or article.id in years.sure:
        return None
    lo, hi = f"{years.first}-01-01", f"{years.last}-12-31"
    if (bound.earliest and bound.earliest > lo) or (bound.latest and bound.latest < hi):
        return None                        # the metadata already bound it more tightly
    note = (f"the story's articles were published in {years.first}"
            + (f" or {years.last}" if years.last != years.first else "")
            + f" ({years.share:.0%} of the year evidence of {years.articles} articles)")
    return Published(earliest=lo, latest=hi, granularity="year", method=bound.method,
                     confidence=_STORY_YEARS_HOLD,
                     evidence=list(bound.evidence) + [Evidence(str(years.first), where="story",
                                                               note=note)])


def _anchored_day(within: StoryBounds) -> Published:
    """The story's events leave one day ("yesterday" = the day after the event)."""
    return Published(date=within.earliest, earliest=within.earliest, latest=within.latest,
                     granularity="day", method="story",
                     confidence=round(STORY_MAX_CONFIDENCE * within.confidence, 2),
                     evidence=list(within.evidence))


def _anchored_bounds(within: StoryBounds, found: Published, current: Published) -> Published:
    """No day, but the story's events bound it: their bounds, narrowed by the text's
    coarse answer when that lies inside them."""
    lo, hi = within.earliest, within.latest
    if found.method == "text" and found.earliest and found.latest:
        a, b = max(lo, found.earliest), min(hi, found.latest)
        if a <= b:
            lo, hi = a, b
    if current.earliest and current.latest and current.earliest >= lo and current.latest <= hi:
        return current                      # nothing tighter than what it had
    granularity = "month" if lo[:7] == hi[:7] else "year" if lo[:4] == hi[:4] else None
    reason = [e for e in found.evidence if (e.note or "").startswith("text:")
              or e.where != "story"][:2]
    return Published(date=None, earliest=lo, latest=hi, granularity=granularity,
                     method="story", confidence=round(STORY_MAX_CONFIDENCE * within.confidence, 2),
                     evidence=list(within.evidence) + reason)


def _story_evidence(evidence: list[StoryEvidence], found: Published) -> list[Evidence]:
    """The story's articles nearest the answer, heaviest first (at most three)."""
    target = date.fromisoformat(found.date or found.earliest or evidence[0].date)

    def key(e: StoryEvidence) -> tuple[int, float]:
        return abs((date.fromisoformat(e.date) - target).days), -e.weight

    out = []
    for e in sorted(evidence, key=key)[:3]:
        out.append(Evidence(e.date, where="story",
                            note=f"article {e.article_id} of the same story (weight {e.weight:.2f})"))
    return out


def _consensus(article: Article, evidence: list[StoryEvidence], found: Published
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
