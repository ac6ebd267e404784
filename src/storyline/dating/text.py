"""Dating an article from its text alone.

Each clue (see `clues`) says how likely a candidate publication day A is: a
timestamp line's date is almost always A itself; "on Tuesday" in a past-tense
sentence is most often A or the day before; "March 15" in a future-tense
sentence ("faces a March 15 deadline") is after A; a photo caption's date is
on or before A (and most often in A's year) and says nothing more; a reader
comment's timestamp is on or after A, and the earliest one most often A or the
next day. The score of a day is the sum of the clues' log-likelihoods; days
near the dates the text names are scored one by one, the rest of each
plausible year on a weekly grid.

The answer's confidence starts from the share of the posterior within a day of
the best day, times the chance that its year is one of the years searched (the
year-bearing clues scored over every year the bounds allow), and is then
calibrated (`calibrated`): measured on the tuning data, the chance that such a
best day is right to within a day, apart for days the text writes with their
year and days whose year is only inferred.

The likelihood tables are the offsets measured between each kind of clue and
the true date on the tuning half of timeline17 (odd-numbered files in sorted
order), TBAQ-cleaned and MEANTIME (DCTs), smoothed; the test half of
timeline17 was not looked at when setting them (bench/dating.py reports both).
Regularities of news copy carry most of the signal: a week-old event is named
by its weekday ("on Tuesday") and an older one by its date ("on March 3"); a
year, or a month with its year, is written out mostly when it is not the
current one; a story is written after the latest event it reports, so of the
past years it names only the latest says how long ago (the older ones are
lower bounds); a full date written with its weekday is a day of the last week.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Article, Block, Evidence, Published
from .clues import Clue, collect

__all__ = ["from_text", "TextDating", "DAY_CONFIDENCE", "MONTH_CONFIDENCE", "YEAR_CONFIDENCE",
           "score_days", "sure_year"]

# Answer with a day when its calibrated confidence (the chance it is right to within
# a day, see `calibrated`) is at least this; else a month, else a year (the share of
# the posterior in it); else abstain. On the tuning data, answering from 0.2 gives
# 97% of answers within 7 days (>= 90% is required, bench/dating.py); each step
# lower adds a few answers, most of them wrong (0.1: 92.5%, for 0.5% more articles
# dated to the day).
DAY_CONFIDENCE = 0.2
MONTH_CONFIDENCE = 0.75
YEAR_CONFIDENCE = 0.8
# The posterior's share within a day of the best day (times the chance its year is
# one of those searched) is not itself a probability: the clues are not independent
# and the tables are smoothed. Measured on the tuning data (timeline17's tuning half,
# TBAQ, MEANTIME: 1,300 best days), the share of best days that were right to within
# a day, by that raw value, piecewise linear between these points; apart for best
# days that the text writes with their year (a date, a timestamp, a comment's stamp
# within a day of it: raw 0.2-0.3 were right 79% of the time, 0.5 and more 84-99%)
# and best days whose year is only inferred (a month-day, a weekday, with a year
# named elsewhere: right about as often as the raw value says, 17-30% at 0.1-0.3).
_CALIBRATION_NAMED = [(0.0, 0.0), (0.05, 0.1), (0.1, 0.15), (0.15, 0.35), (0.25, 0.75),
                      (0.45, 0.8), (0.6, 0.87), (0.75, 0.96), (0.85, 0.98), (0.95, 0.985),
                      (1.0, 0.995)]
_CALIBRATION_INFERRED = [(0.0, 0.0), (1.0, 0.95)]
# Clues are not independent (a story names its key date again and again):
# scores are tempered before they become probabilities.
TEMPERATURE = 0.75
_FAR = 3650                  # the tables' tails reach ten years either way
_FLOOR = 1e-7
_UNIFORM_DAY = 1 / 7300      # a day clue that means nothing: any day in twenty years
_UNIFORM_YEAR = 1 / 60


def calibrated(raw: float, named: bool = True) -> float:
    """The chance that a best day is right to within a day, from its raw posterior
    share; `named`: the text writes that day (within a day) with its year."""
    return piecewise(_CALIBRATION_NAMED if named else _CALIBRATION_INFERRED, raw)


def piecewise(points: list[tuple[float, float]], x: float) -> float:
    """The piecewise-linear function through `points` (x ascending from 0 to 1) at x."""
    x = min(max(x, 0.0), 1.0)
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return points[-1][1]


class _Offsets:
    """A probability table over day (or month, year) offsets: (lo, hi, mass) bins,
    mass spread evenly inside each bin; offsets past the outer bins get `_FLOOR`.
    Kept as a list of log densities indexed by offset - base (pure Python: the
    pipeline does not depend on numpy)."""

    def __init__(self, bins: list[tuple[int, int, float]]):
        total = sum(m for _, _, m in bins)
        self.base = min(lo for lo, _, _ in bins)
        top = max(hi for _, hi, _ in bins)
        self.floor = math.log(_FLOOR)
        self.table = [self.floor] * (top - self.base + 1)
        for lo, hi, mass in bins:
            value = math.log(max(mass / total / (hi - lo + 1), _FLOOR))
            for o in range(lo, hi + 1):
                self.table[o - self.base] = value

    def logp(self, offset: int) -> float:
        i = offset - self.base
        return self.table[i] if 0 <= i < len(self.table) else self.floor

    def p(self, offset: int) -> float:
        return math.exp(self.logp(offset))


def _day_table(far_past, year_past, month_past, week_past, m1, z, p1, week_next, month_next,
               year_next, far_next) -> _Offsets:
    """Offsets of a named day from the publication day (named - published, in days)."""
    return _Offsets([(-_FAR, -366, far_past), (-365, -32, year_past), (-31, -8, month_past),
                     (-7, -2, week_past), (-1, -1, m1), (0, 0, z), (1, 1, p1),
                     (2, 7, week_next), (8, 31, month_next), (32, 365, year_next),
                     (366, _FAR, far_next)])


# Day tables per (role, tense). Measured (tuning split, see module doc), smoothed
# with a little mass in every bin so that no single clue can veto a day.
_DAY = {
    ("stamp", None): _day_table(.003, .003, .002, .004, .012, .95, .012, .004, .003, .003, .004),
    ("lead", None): _day_table(.06, .14, .06, .07, .15, .42, .02, .01, .02, .03, .02),
    ("dateline", None): _day_table(.01, .03, .03, .04, .2, .62, .04, .01, .01, .01, .01),
    # a full date (with its year) in the story
    ("text", "past"): _day_table(.66, .13, .035, .03, .025, .025, .025, .015, .01, .015, .015),
    ("text", None): _day_table(.37, .11, .05, .15, .14, .10, .01, .005, .01, .016, .04),
    ("text", "future"): _day_table(.25, .1, .06, .03, .05, .03, .04, .03, .03, .07, .3),
    # a full date written with its weekday ("Thursday, June 17, 2010"): news style
    # writes weekdays only for days of the last week or so; most are photo captions
    # of that day or the day before, whatever the tense
    ("text", "weekday"): _day_table(.05, .02, .04, .22, .25, .33, .03, .02, .02, .01, .03),
    # the earliest reader comment (named - published: mostly 0 or +1 day)
    ("comment", None): _day_table(.05, .02, .01, .01, .01, .55, .16, .05, .02, .01, .13),
}
# A month and day without a year, resolved to the nearest year either way.
_MONTHDAY = {
    ("text", "past"): _day_table(.001, .39, .30, .09, .012, .026, .007, .028, .05, .098, .001),
    ("text", None): _day_table(.001, .26, .18, .072, .072, .109, .023, .059, .109, .118, .001),
    ("text", "future"): _day_table(.001, .106, .082, .033, .012, .037, .016, .159, .327, .229, .001),
    ("lead", None): _day_table(.001, .14, .10, .08, .20, .37, .02, .01, .03, .05, .001),
    ("stamp", None): _day_table(.001, .02, .03, .04, .03, .80, .02, .03, .03, .01, .001),
    ("dateline", None): _day_table(.001, .02, .02, .04, .20, .66, .03, .01, .01, .01, .001),
}
# "on Wednesday, June 7": a month-day written with its weekday, in a year where the two
# agree, is dated like a full date with its weekday (news names weekdays only for the
# last week or so). Borrowed from _DAY's ("text", "weekday") row, not measured apart.
_MONTHDAY[("text", "weekday")] = _DAY[("text", "weekday")]
# Weekday alone: log(7 x probability) of each number of days since that weekday (0..6),
# i.e. relative to a weekday that says nothing.
def _relative(probabilities: list[float]) -> list[float]:
    total = sum(probabilities)
    return [math.log(len(probabilities) * p / total) for p in probabilities]


_WEEKDAY = {
    "past": _relative([.427, .31, .095, .057, .031, .023, .058]),
    None: _relative([.317, .227, .083, .064, .075, .104, .131]),
    "future": _relative([.29, .108, .045, .077, .068, .14, .273]),
    "last": _relative([.10, .05, .10, .18, .22, .18, .17]),
    "next": _relative([.05, .27, .20, .16, .12, .10, .10]),
}
# Bare month ("in March"): months since that month (0..11), same form.
_MONTH = {
    "past": _relative([.06, .196, .182, .138, .081, .095, .056, .037, .037, .029, .046, .043]),
    None: _relative([.133, .153, .113, .073, .053, .08, .067, .053, .073, .053, .073, .073]),
    "future": _relative([.096, .02, .038, .044, .038, .096, .034, .044, .058, .082, .191, .259]),
}
# Years since a year the text names (published year - named year).
# Years since a future-tense year the text names ("the fund runs out in 2030"), and
# since a copyright year.
_YEAR = {
    "future": _Offsets([(-60, -3, .2), (-2, -2, .078), (-1, -1, .197), (0, 0, .117), (1, 1, .039),
                        (2, 2, .033), (3, 5, .056), (6, 10, .058), (11, 200, .222)]),
    "copyright": _Offsets([(-5, -2, .06), (-1, -1, .2), (0, 0, .68), (1, 1, .04), (2, 10, .02)]),
}
# Years since the latest past (or tenseless) year the text names (measured on the
# tuning data: 17% the same year, 27% the next two, 22% twelve or more years later):
# a story that names no recent year often names an old one. Older years are only
# lower bounds (`_supersede`).
_YEAR_LATEST = _Offsets([(-60, -3, .03), (-2, -2, .025), (-1, -1, .04), (0, 0, .17), (1, 1, .11),
                         (2, 2, .16), (3, 3, .05), (4, 5, .08), (6, 11, .1), (12, 200, .22)])
# Months since the latest past month-and-year the text names ("in September 2008"):
# a month is written with its year mostly when it is not this year's (measured: 5%
# within three months, 52% 13-36 months later).
_YEAR_MONTH_LATEST = _Offsets([(-240, -1, .05), (0, 3, .05), (4, 6, .03), (7, 12, .115),
                               (13, 24, .315), (25, 36, .205), (37, 60, .04), (61, 120, .08),
                               (121, 2400, .115)])
# Months since a future-tense month-and-year ("talks resume in March 2012").
_YEAR_MONTH_FUTURE = _Offsets([(-240, -13, .1), (-12, -2, .225), (-1, -1, .01), (0, 0, .025),
                               (1, 1, .025), (2, 3, .05), (4, 12, .075), (13, 2400, .5)])
_SUPERSEDED_GAP = 1                # years before the latest past year the text names
_SUPERSEDED_PENALTY = math.log(0.05)   # an article before an old past date it names: misread
_BOUND_PENALTY = math.log(0.02)    # a caption dated after the article: rare (mislabelled)
_UPPER_PENALTY = math.log(0.03)    # a comment written before the article: rare
_OUT_OF_ORDER = math.log(0.1)      # a weekday's day before the past date told just before it
_WEEKDAY_MISMATCH = 0.03           # "Tuesday, Feb. 13" in a year when Feb. 13 is not a Tuesday
_CRAWL_YEAR_FACTOR = 3.0           # a page is 3x likelier fetched in its year than a year later
_WINDOW = 7                        # days either side of a named day scored one by one
_GRID = 7                          # the rest of a year, one day in seven


@dataclass
class TextDating:
    """The full result of dating a text, for callers that want more than `Published`."""

    published: Published
    clues: list[Clue]
    best: date | None = None
    day_confidence: float = 0.0     # calibrated: the chance `best` is right to a day
    reason: str | None = None
    raw_confidence: float = 0.0     # the posterior share behind it (see `calibrated`)


def from_text(article: Article | list[Block], bound: Published | None = None, *,
              today: date | None = None, prior: list[tuple[date, float]] | None = None) -> Published:
    """The publication date reasoned from an article's text (body and removed lines).

    `bound` is what the metadata already says (a crawl date as `latest`, a year from
    htmldate's text search); the answer stays inside it. Returns a `Published` with
    method "text" and the clues that decided it as evidence, or, when the text does
    not fix a day, the best coarser answer (month, year) or `bound` unchanged with
    the reason added to its evidence.
    """
    return score_days(article, bound, today=today, prior=prior).published


def score_days(article: Article | list[Block], bound: Published | None = None, *,
               today: date | None = None, prior: list[tuple[date, float]] | None = None,
               day_threshold: float | None = None) -> TextDating:
    """`from_text` with its workings: the clues, the best day and its confidence.

    `prior`: (day, weight) pairs from elsewhere (the dated articles of the same
    story, see `dating.story`); they add a smooth bump of probability around each
    day and widen the search to their years. `day_threshold`: the calibrated
    confidence a day needs (default `DAY_CONFIDENCE`).
    """
    bound = bound or Published()
    if isinstance(article, Article):
        blocks = article.blocks
    else:
        blocks = list(article)
    clues, notes = collect(blocks)
    today = today or date.today()
    try:
        return _decide(clues, bound, today, prior or [], notes,
                       DAY_CONFIDENCE if day_threshold is None else day_threshold)
    except Exception as error:   # never a crash: a dating bug costs a date, not the article
        return _abstain(bound, clues, f"text dating failed ({type(error).__name__}: {error})")


# -- the search ---------------------------------------------------------------------------


def _limits(bound: Published, today: date) -> tuple[date, date]:
    lo, hi = date(1800, 1, 1), today
    for value, is_lo in ((bound.earliest, True), (bound.latest, False)):
        if value:
            try:
                day = date.fromisoformat(value[:10])
            except ValueError:
                continue
            if is_lo:
                lo = max(lo, day)
            else:
                hi = min(hi, day)
    return lo, hi


def _decide(clues: list[Clue], bound: Published, today: date, prior: list[tuple[date, float]],
            notes: list[str], threshold: float = DAY_CONFIDENCE) -> TextDating:
    lo, hi = _limits(bound, today)
    if lo > hi:
        return _abstain(bound, clues, "the metadata bounds contradict each other")
    # A stamp dated after the latest possible day (a crawl date, today) is some other
    # page's or a misread, not this article's: it tells nothing about the day.
    hi_o = hi.toordinal()
    useful = [c for c in clues if (c.kind != "weekday" or c.role != "upper") and not (
        c.kind == "day" and c.role in ("stamp", "lead", "dateline") and c.ordinal() > hi_o)]
    if not useful and not prior:
        reason = "; ".join(notes) or "no time expression in the text"
        return _abstain(bound, clues, reason)
    _dampen(useful)
    _supersede(useful, hi.year)
    years = _plausible_years(useful, lo, hi, prior)
    if not years:
        named = any(c.kind in ("day", "monthday", "weekday") for c in useful)
        reason = "the text names days but no year" if named else "the text names no year"
        return _abstain(bound, clues, reason)
    days, seeded = _candidates(useful, years, lo, hi, prior)
    if not days:
        return _abstain(bound, clues, "no day in the plausible years")
    share = _year_share(useful, years, lo, hi, prior)
    recent = hi.toordinal() if bound.method == "warc-crawl" and bound.latest else None
    scores, parts = _score(useful, days, prior, recent)
    # Each grid day stands for the days of its week that are not scored one by one.
    seeds = set(days[:seeded])
    weights = [1.0] * seeded + [
        max(1.0, float(_GRID - sum(1 for k in range(_GRID) if d + k in seeds)))
        for d in days[seeded:]]
    logw = [TEMPERATURE * x + math.log(w) for x, w in zip(scores, weights)]
    top = max(logw)
    post = [math.exp(x - top) for x in logw]
    total = sum(post)
    post = [x / total for x in post]
    if not seeded:
        return _coarse(useful, days, post, bound, clues, lo, hi,
                       "the text names no day, only months or years", share=share)
    best_i = max(range(seeded), key=lambda i: (scores[i], -abs(days[i] - days[0])))
    best = days[best_i]
    raw = share * sum(p for d, p in zip(days, post) if abs(d - best) <= 1)
    named = any(c.kind == "day" and c.role != "bound" and abs(c.ordinal() - best) <= 1
                for c in useful)
    confidence = calibrated(raw, named)
    best_parts = [row[best_i] for row in parts]
    if confidence >= threshold and _only_a_caption_names(useful, best):
        # The text's days pile up against a caption's date (the lower bound): the
        # photo's date would become the article's. It never does.
        confidence = 0.0
        reason = (f"the best day, {date.fromordinal(best).isoformat()}, is only a caption's "
                  f"date (a lower bound)")
        result = _coarse(useful, days, post, bound, clues, lo, hi, reason,
                         best_parts=best_parts, parts=parts, share=share)
        result.best, result.raw_confidence = date.fromordinal(best), raw
        return result
    if confidence >= threshold:
        published = _day_answer(useful, days, post, best, confidence, best_parts, parts, lo, hi)
        return TextDating(published, clues, date.fromordinal(best), confidence,
                          raw_confidence=raw)
    result = _coarse(useful, days, post, bound, clues, lo, hi,
                     f"no day is likely enough (best {date.fromordinal(best).isoformat()}, "
                     f"{confidence:.2f} within a day)", best_parts=best_parts, parts=parts,
                     share=share)
    result.best, result.day_confidence = date.fromordinal(best), confidence
    result.raw_confidence = raw
    return result


def _only_a_caption_names(clues: list[Clue], best: int) -> bool:
    """Is `best` a caption's date that no other clue names?"""
    day = date.fromordinal(best)

    def names(c: Clue) -> bool:
        if c.kind == "day":
            return (c.year, c.month, c.day) == (day.year, day.month, day.day)
        return c.kind == "monthday" and (c.month, c.day) == (day.month, day.day)

    return (any(c.role == "bound" and names(c) for c in clues)
            and not any(c.role != "bound" and names(c) for c in clues))


def _dampen(clues: list[Clue]) -> None:
    """The same expression repeated n times counts 1 + ln n times, not n times."""
    groups = Counter((c.kind, c.role, c.tense, c.year, c.month, c.day, c.weekday) for c in clues)
    for c in clues:
        n = groups[(c.kind, c.role, c.tense, c.year, c.month, c.day, c.weekday)]
        if n > 1:
            c.weight *= (1 + math.log(n)) / n
    # Weekdays, and month-days in the story, tell one story's days: together they
    # count as the square root of their number (four "Saturday"s are not four clues).
    for kinds in (("weekday",), ("monthday", "month")):
        group = [c for c in clues if c.kind in kinds and c.role == "text"]
        total = sum(c.weight for c in group)
        if total > 1:
            for c in group:
                c.weight /= math.sqrt(total)
    # A year the story keeps naming ("in 2003", "2003's", "that year", "March 2003")
    # is one fact, however it is written: all its mentions count 1 + ln n together.
    by_year: dict[int, list[Clue]] = {}
    for c in clues:
        if c.kind in ("year", "yearmonth") and c.role == "text" and c.year:
            by_year.setdefault(c.year, []).append(c)
    for group in by_year.values():
        total = sum(c.weight for c in group)
        if total > 1:
            for c in group:
                c.weight *= (1 + math.log(total)) / total


def _supersede(clues: list[Clue], last_year: int) -> None:
    """News is written after the latest event it reports, and soon after it. Of the
    past dates and years a story names, the latest say how long ago it was written;
    those a year or more older ("the 1989 massacre", "founded in 1904") say only
    that it was written after them. Without this, a history-laden story's many old
    years would each pull the answer back towards them. Years after `last_year` (the
    latest possible publication year) are misreadings and do not count as the latest."""
    past = [c for c in clues if c.role in ("text", "lead") and c.year and c.tense != "future"
            and c.kind in ("day", "yearmonth", "year") and c.reliability >= 1.0
            and c.year <= last_year]      # not "Resolution 2042" read as a year
    if not past:
        return
    latest = max(c.year for c in past)
    for c in past:
        if c.year <= latest - _SUPERSEDED_GAP:
            c.superseded = True


def _plausible_years(clues: list[Clue], lo: date, hi: date,
                     prior: list[tuple[date, float]]) -> list[int]:
    """The few years worth searching day by day: those the year-bearing clues make
    likely (a stamp's year, a year after the last one named...), inside the bounds."""
    if lo.year == hi.year:
        return [lo.year]
    named = {c.year for c in clues if c.year and not c.superseded} | {d.year for d, _ in prior}
    if not named:
        # Bounds a year apart (a story's years straddling a new year) are searched whole.
        return _weekday_years(clues, lo, hi) or (
            [lo.year, hi.year] if hi.year - lo.year == 1 else [])
    options = sorted(y + k for y in named for k in (-1, 0, 1, 2, 3)
                     if lo.year <= y + k <= hi.year)
    options = sorted(set(options))
    if not options:
        return []
    score = _year_scores(clues, options, prior)
    best = max(score.values())
    ranked = sorted(options, key=lambda y: -score[y])
    return sorted(y for y in ranked[:4] if score[y] >= best - math.log(1000))


def _year_scores(clues: list[Clue], options: list[int], prior: list[tuple[date, float]]
                 ) -> dict[int, float]:
    """Log-likelihood of each candidate publication year from the year-bearing clues."""
    score = {y: 0.0 for y in options}
    for c in clues:
        if not c.year:
            continue
        if c.superseded:
            for y in options:
                score[y] += c.weight * (0.0 if y >= c.year else _SUPERSEDED_PENALTY)
            continue
        if c.kind == "day":
            table, factor = _year_of_day(c), 1.0
        elif c.kind == "yearmonth":
            table, factor = _year_table(c), 0.5
        elif c.kind == "year":
            table, factor = _year_table(c), 1.0
        else:
            continue
        values = _unsure([table.logp(y - c.year) for y in options], c.reliability, _UNIFORM_YEAR)
        for y, v in zip(options, values):
            score[y] += factor * c.weight * v
    for d, w in prior:
        for y in options:
            score[y] += w * (0.0 if y == d.year else -3.0)
    return score


def sure_year(blocks: list[Block], *, today: date | None = None) -> int | None:
    """The one year the article's timestamps, datelines and copyright lines give, if
    they agree (what a story's years count on besides its dated articles)."""
    clues, _ = collect(blocks)
    last = (today or date.today()).year
    years = {c.year for c in clues if c.year and c.year <= last
             and c.role in ("stamp", "lead", "dateline", "copyright")}
    return years.pop() if len(years) == 1 else None


def _year_share(clues: list[Clue], years: list[int], lo: date, hi: date,
                prior: list[tuple[date, float]]) -> float:
    """The chance that the publication year is one of `years` (those searched day by
    day), by the year-bearing clues over every year the bounds allow from a little
    before the earliest year named: the day's confidence is its share of the searched
    days times this, so that an answer whose year is a guess is not a sure one."""
    named = [c.year for c in clues if c.year and not c.superseded]
    if prior or not named or len(years) == 0:
        return 1.0          # a story's dated articles fix the years searched
    wide = list(range(max(lo.year, min(named) - 5), hi.year + 1))
    if len(wide) <= len(years):
        return 1.0
    score = _year_scores(clues, wide, prior)
    top = max(score.values())
    weight = {y: math.exp(TEMPERATURE * (v - top)) for y, v in score.items()}
    total = sum(weight.values())
    return sum(weight.get(y, 0.0) for y in years) / total if total else 1.0


def _weekday_years(clues: list[Clue], lo: date, hi: date) -> list[int]:
    """No year named: a weekday written with a month and day ("Tuesday, Feb. 13")
    still fixes the year to one in five or six. The (at most four) latest such years
    of the last thirty inside the bounds; none when no such pair is written."""
    pairs = [c for c in clues if c.kind == "monthday" and c.weekday and c.role != "bound"]
    if not pairs:
        return []
    fits = []
    for y in range(hi.year, max(lo.year, hi.year - 30) - 1, -1):
        for c in pairs:
            o = _ordinal(y, c.month, c.day)
            if o and (o - 1) % 7 + 1 == c.weekday:
                fits.append(y)
                break
        if len(fits) == 4:
            break
    return sorted(fits)


def _year_of_day(c: Clue) -> _Offsets:
    """How a full date's year relates to the publication year."""
    if c.role == "stamp":
        return _YEAR_OF_STAMP
    if c.role in ("lead", "dateline"):
        return _YEAR_OF_LEAD
    if c.role in ("upper", "comment"):
        return _YEAR_OF_UPPER
    if c.role == "bound":
        return _YEAR_OF_BOUND
    return _year_table(c)


def _year_table(c: Clue) -> _Offsets:
    """How the publication year relates to a year the text names (once `_supersede`
    has left only the latest past years)."""
    if c.role == "copyright":
        return _YEAR["copyright"]
    if c.tense == "future":
        return _YEAR["future"]
    return _YEAR_LATEST


_YEAR_OF_STAMP = _Offsets([(-50, -2, .003), (-1, -1, .01), (0, 0, .98), (1, 1, .007)])
_YEAR_OF_LEAD = _Offsets([(-50, -2, .08), (-1, -1, .04), (0, 0, .8), (1, 1, .08)])
_YEAR_OF_UPPER = _Offsets([(-50, -2, .05), (-1, -1, .1), (0, 0, .85), (1, 50, .03)])
_YEAR_OF_BOUND = _Offsets([(0, 0, .6), (1, 1, .25), (2, 50, .15)])


def _candidates(clues: list[Clue], years: list[int], lo: date, hi: date,
                prior: list[tuple[date, float]]) -> tuple[list[int], int]:
    """Days to score: each named day (in the plausible years) +- a week, then a weekly
    grid over the plausible years. Returns (ordinals, how many are named days)."""
    lo_o, hi_o = lo.toordinal(), hi.toordinal()
    seeds: set[int] = set()
    yearset = set(years)
    for c in clues:
        if c.role in ("bound", "copyright") or c.superseded:
            continue
        if c.kind == "day" and (c.year in yearset or c.year - 1 in yearset or c.year + 1 in yearset):
            o = c.ordinal()
            seeds.update(range(o - _WINDOW, o + _WINDOW + 1))
        elif c.kind == "monthday":
            for y in years:
                o = _ordinal(y, c.month, c.day)
                if o:
                    seeds.update(range(o - _WINDOW, o + _WINDOW + 1))
    for d, _ in prior:
        o = d.toordinal()
        seeds.update(range(o - _WINDOW, o + _WINDOW + 1))
    named = sorted(s for s in seeds if lo_o <= s <= hi_o)
    grid: set[int] = set()
    for y in years:
        start = max(date(y, 1, 1).toordinal(), lo_o)
        end = min(date(y, 12, 31).toordinal(), hi_o)
        grid.update(range(start, end + 1, _GRID))
    return named + sorted(grid - set(named)), len(named)


def _score(clues: list[Clue], days: list[int], prior: list[tuple[date, float]],
           recent: int | None = None) -> tuple[list[float], list[list[float]]]:
    """Total log-likelihood of each day, and each clue's part (one row per clue).

    `recent`: the crawl date's ordinal, when the article was fetched from the web:
    pages are mostly fetched within a few years of publication, so each year
    before the crawl costs a factor `_CRAWL_YEAR_FACTOR`."""
    dates = [date.fromordinal(d) for d in days]
    years = [d.year for d in dates]
    months = [d.month for d in dates]
    weekdays = [d.isoweekday() for d in dates]
    parts = []
    for c in clues:
        row = _clue_logp(c, days, years, months, weekdays)
        if c.weight != 1.0:
            row = [c.weight * x for x in row]
        parts.append(row)
    if prior:
        # A smooth bump around each dated article of the same story: most report
        # within days of each other, the story runs for weeks or months.
        total = sum(w for _, w in prior) or 1.0
        row = []
        for d in days:
            density = 0.0
            for when, w in prior:
                gap = abs(d - when.toordinal())
                density += (w / total) * (0.8 * math.exp(-gap / 3.0) / 6
                                          + 0.2 * math.exp(-gap / 60.0) / 120)
            row.append(math.log(max(density, 1e-9)))
        parts.append(row)
    if recent is not None:
        per_day = math.log(_CRAWL_YEAR_FACTOR) / 365
        parts.append([-per_day * max(0, recent - d) for d in days])
    scores = [sum(column) for column in zip(*parts)] if parts else [0.0] * len(days)
    return scores, parts


def _clue_logp(c: Clue, days: list[int], years: list[int], months: list[int],
               weekdays: list[int]) -> list[float]:
    n = len(days)
    if c.superseded:       # only "after it" (see `_supersede`)
        if c.kind == "day":
            o = c.ordinal()
            return [0.0 if o <= d else _SUPERSEDED_PENALTY for d in days]
        if c.kind == "yearmonth":
            here = c.year * 12 + c.month
            return [0.0 if y * 12 + m >= here else _SUPERSEDED_PENALTY
                    for y, m in zip(years, months)]
        return [0.0 if y >= c.year else _SUPERSEDED_PENALTY for y in years]
    if c.kind == "day":
        o = c.ordinal()
        if c.role == "bound":
            # on or after the photo's day, and most often in its year (a day before it
            # pays the bound's penalty only)
            same = _YEAR_OF_BOUND.logp(0)
            return [_YEAR_OF_BOUND.logp(y - c.year) if o <= d else _BOUND_PENALTY + same
                    for d, y in zip(days, years)]
        if c.role == "upper":
            far = math.log(0.3)
            return [(far if o - d > 60 else 0.0) if o >= d else _UPPER_PENALTY for d in days]
        fits = c.weekday and date.fromordinal(o).isoweekday() == c.weekday
        key = (c.role, ("weekday" if fits else c.tense) if c.role == "text" else None)
        table = _DAY.get(key, _DAY[("text", None)])
        tab, base, floor = table.table, table.base, table.floor
        size = len(tab)
        out = [tab[o - d - base] if 0 <= o - d - base < size else floor for d in days]
        reliability = c.reliability
        if c.weekday and not fits:
            reliability *= 0.5             # the weekday contradicts the date: trust it less
        return _unsure(out, reliability, _UNIFORM_DAY)
    if c.kind == "monthday":
        if c.role in ("bound", "upper"):
            out = []
            for d, y in zip(days, years):
                nearest = None
                for yy in (y - 1, y, y + 1):
                    od = _ordinal(yy, c.month, c.day)
                    if od and (nearest is None or abs(od - d) < abs(nearest)):
                        nearest = od - d
                if nearest is None:
                    out.append(0.0)
                elif c.role == "bound":
                    out.append(0.0 if nearest <= 0 else _BOUND_PENALTY)
                else:
                    out.append(0.0 if nearest >= 0 else _UPPER_PENALTY)
            return out
        table = _MONTHDAY.get((c.role, c.tense if c.role == "text" else None),
                              _MONTHDAY[("text", None)])
        with_weekday = _MONTHDAY[("text", "weekday")] if c.role == "text" else table
        out = []
        for d, y in zip(days, years):
            p = 0.0
            for yy in (y - 1, y, y + 1):
                od = _ordinal(yy, c.month, c.day)
                if not od:
                    continue
                fits = c.weekday and (od - 1) % 7 + 1 == c.weekday
                term = (with_weekday if fits else table).p(od - d)
                if c.weekday and not fits:
                    term *= _WEEKDAY_MISMATCH
                p += term
            out.append(math.log(max(p, _FLOOR)))
        return _unsure(out, c.reliability, _UNIFORM_DAY)
    if c.kind == "weekday":
        key = c.rel if c.rel in ("last", "next") else c.tense
        table = _WEEKDAY.get(key, _WEEKDAY[None])
        out = [table[(w - c.weekday) % 7] for w in weekdays]
        if c.after is not None:
            # its day (the last such weekday up to the publication day) comes after
            # the past date told before it, in the year that date falls in
            for k, (d, w) in enumerate(zip(days, weekdays)):
                event = d - (w - c.weekday) % 7
                before = _latest_on_or_before(c.after, d, years[k])
                if before is not None and event <= before:
                    out[k] += _OUT_OF_ORDER
        return out
    if c.kind == "month":
        if c.role in ("bound", "upper", "copyright"):
            return [0.0] * n
        table = _MONTH.get(c.tense, _MONTH[None])
        return [0.5 * table[(m - c.month) % 12] for m in months]  # weak: March of which year?
    if c.kind == "yearmonth":
        if c.role in ("bound", "upper"):
            return [0.0] * n
        table = _YEAR_MONTH_FUTURE if c.tense == "future" else _YEAR_MONTH_LATEST
        here = c.year * 12 + c.month
        return [table.logp(y * 12 + m - here) for y, m in zip(years, months)]
    if c.kind == "year":
        if c.role in ("bound", "upper"):
            return [0.0] * n
        table = _year_table(c)
        return _unsure([table.logp(y - c.year) for y in years], c.reliability, _UNIFORM_YEAR)
    return [0.0] * n


def _latest_on_or_before(c: Clue, day: int, year: int) -> int | None:
    """The ordinal of the date clue `c` names, the latest on or before `day` (a
    month-day in `year` or the year before)."""
    if c.kind == "day":
        o = c.ordinal()
        return o if o <= day else None
    for yy in (year, year - 1):
        o = _ordinal(yy, c.month, c.day)
        if o and o <= day:
            return o
    return None


def _unsure(logps: list[float], reliability: float, uniform: float) -> list[float]:
    """A clue that means what it seems with probability `reliability`, and nothing
    otherwise: its table mixed with a flat one."""
    if reliability >= 1.0:
        return logps
    rest = (1.0 - reliability) * uniform
    return [math.log(reliability * math.exp(x) + rest) for x in logps]


_ORDINAL_CACHE: dict[tuple[int, int, int], int] = {}


def _ordinal(year: int, month: int, day: int) -> int:
    """Ordinal of a day; 0 when there is no such day (February 29 of 2023)."""
    key = (year, month, day)
    o = _ORDINAL_CACHE.get(key)
    if o is None:
        try:
            o = date(year, month, day).toordinal()
        except (ValueError, OverflowError):
            o = 0
        if len(_ORDINAL_CACHE) < 200_000:
            _ORDINAL_CACHE[key] = o
    return o


# -- answers ------------------------------------------------------------------------------


def _quantiles(days: list[int], post: list[float], lo: date, hi: date,
               mass: float = 0.95) -> tuple[str, str]:
    pairs = sorted(zip(days, post))
    tail = (1 - mass) / 2
    cum, first, last = 0.0, pairs[0][0], pairs[-1][0]
    found_first = False
    for d, p in pairs:
        cum += p
        if not found_first and cum >= tail:
            first, found_first = d, True
        if cum >= 1 - tail:
            last = d
            break
    first = max(first - _GRID // 2, lo.toordinal())
    last = min(last + _GRID // 2, hi.toordinal())
    return date.fromordinal(first).isoformat(), date.fromordinal(max(first, last)).isoformat()


def _day_answer(clues, days, post, best, confidence, best_parts, parts, lo, hi) -> Published:
    earliest, latest = _quantiles(days, post, lo, hi)
    day = date.fromordinal(best).isoformat()
    return Published(date=day, earliest=min(earliest, day), latest=max(latest, day),
                     granularity="day", method="text", confidence=round(confidence, 2),
                     evidence=_evidence(clues, best, best_parts, parts))


def _coarse(clues, days, post, bound, all_clues, lo, hi, reason,
            best_parts=None, parts=None, share=1.0) -> TextDating:
    """A month or a year when the text is sure of one, else abstain. `share`: the
    chance that the year is one of those searched (`_year_share`)."""
    months: Counter = Counter()
    years: Counter = Counter()
    for d, p in zip(days, post):
        when = date.fromordinal(d)
        months[(when.year, when.month)] += p * share
        years[when.year] += p * share
    (year, month), month_p = months.most_common(1)[0]
    top_year, year_p = years.most_common(1)[0]
    why = [Evidence("", where="body", note=f"text: {reason}")]
    if month_p >= MONTH_CONFIDENCE:
        first = date(year, month, 1)
        last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        first, last = max(first, lo), min(last, hi)
        evidence = _evidence(clues, None, best_parts, parts) if best_parts else []
        first, last, held, hard = _narrowed(first, last, all_clues)
        return TextDating(Published(date=None, earliest=first.isoformat(), latest=last.isoformat(),
                                    granularity="month", method="text",
                                    confidence=round(month_p * held, 2),
                                    evidence=evidence + _new(hard, evidence) + why),
                          all_clues, reason=reason)
    if year_p >= YEAR_CONFIDENCE:
        first, last = max(date(top_year, 1, 1), lo), min(date(top_year, 12, 31), hi)
        # The clues naming that very year, stamps and copyright lines first.
        year_clues = sorted((c for c in clues if c.year == top_year),
                            key=lambda c: (c.role not in ("stamp", "copyright"), c.role == "bound"))
        if not year_clues:      # the year came from a weekday written with its date
            year_clues = [c for c in clues if c.kind == "monthday" and c.weekday
                          and c.role != "bound"]
        evidence = _evidence(year_clues, None, None, None)
        first, last, held, hard = _narrowed(first, last, all_clues)
        return TextDating(Published(date=None, earliest=first.isoformat(), latest=last.isoformat(),
                                    granularity="year", method="text",
                                    confidence=round(year_p * held, 2),
                                    evidence=evidence + _new(hard, evidence) + why),
                          all_clues, reason=reason)
    return _abstain(bound, all_clues, reason)


def _abstain(bound: Published, clues: list[Clue], reason: str) -> TextDating:
    """No answer from the text: what the metadata said, with the reason, and the bounds
    the text's hard clues still set (`_hard_bounds`): nothing that bounds the day is
    thrown away."""
    why = Evidence("", where="body", note=f"text: {reason}")
    if bound.date is None:
        found = _hard_bounds(clues, bound)
        if found is not None:
            found.evidence.append(why)
            return TextDating(found, clues, reason=reason)
    published = Published(date=bound.date, earliest=bound.earliest, latest=bound.latest,
                          granularity=bound.granularity, method=bound.method,
                          confidence=bound.confidence, evidence=list(bound.evidence) + [why])
    return TextDating(published, clues, reason=reason)


# The chance a hard bound holds. The measure over all of timeline17: a caption's
# date as a lower bound held 98.5%. Here, the articles the text leaves without a day:
# 25 of 26 such bounds held on the tuning half (34 of 37 on the test half).
_HARD_BOUND_HOLDS = 0.95


def _hard_bounds(clues: list[Clue], bound: Published) -> Published | None:
    """Bounds no likelihood is needed for: a photo caption's full date is on or before
    the article (the latest such date counts), a reader comment's or an update's
    stamp on or after it (the earliest counts). Kept inside the metadata's bounds (whose
    evidence the caller keeps); the confidence is the chance both hold."""
    lower = max((c for c in clues if c.kind == "day" and c.role == "bound"),
                key=lambda c: c.ordinal(), default=None)
    upper = min((c for c in clues if c.kind == "day" and c.role in ("upper", "comment")),
                key=lambda c: c.ordinal(), default=None)
    earliest, latest, held, evidence = bound.earliest, bound.latest, 1.0, []
    if lower is not None and (earliest is None or earliest < _iso(lower)):
        earliest, held = _iso(lower), held * _HARD_BOUND_HOLDS
        evidence.append(_clue_evidence(lower, None))
    if upper is not None and (latest is None or latest > _iso(upper)):
        latest, held = _iso(upper), held * _HARD_BOUND_HOLDS
        evidence.append(_clue_evidence(upper, None))
    if held == 1.0 or (earliest and latest and earliest > latest):
        return None
    return Published(earliest=earliest, latest=latest, granularity=None, method="text",
                     confidence=round(held * (bound.confidence or 1.0), 2), evidence=evidence)


def _narrowed(first: date, last: date, clues: list[Clue]
              ) -> tuple[date, date, float, list[Evidence]]:
    """A month or year answer narrowed by the hard bounds inside it (a caption's date
    on May 28 of the year: not before May 28), with the chance they hold and their
    evidence."""
    hard = _hard_bounds(clues, Published(earliest=first.isoformat(), latest=last.isoformat()))
    if hard is None:
        return first, last, 1.0, []
    return (date.fromisoformat(hard.earliest), date.fromisoformat(hard.latest),
            hard.confidence, hard.evidence)


def _new(evidence: list[Evidence], old: list[Evidence]) -> list[Evidence]:
    seen = {(e.text, e.start, e.where) for e in old}
    return [e for e in evidence if (e.text, e.start, e.where) not in seen]


def _iso(c: Clue) -> str:
    return date.fromordinal(c.ordinal()).isoformat()


_ROLE_NOTE = {
    "stamp": "timestamp", "lead": "date at the top", "dateline": "dateline",
    "bound": "caption date (a lower bound only)", "upper": "comment/update timestamp (an upper bound)",
    "comment": "earliest comment timestamp",
    "copyright": "copyright year",
}


def _evidence(clues: list[Clue], best: int | None, best_parts, parts) -> list[Evidence]:
    """The clues that most favour the answer over the rest of its year, strongest first."""
    if best_parts is None:
        ranked = list(clues)
    else:
        gains = []
        for c, at_best, row in zip(clues, best_parts, parts):
            if c.role in ("bound", "upper"):
                continue        # bounds allow the answer, they do not point at it
            gain = at_best - sum(row) / len(row)
            if gain > 0.05:
                gains.append((gain, c))
        ranked = [c for _, c in sorted(gains, key=lambda x: -x[0])]
    out: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for c in ranked:
        key = (c.text, c.role)
        if key in seen:
            continue
        seen.add(key)
        out.append(_clue_evidence(c, best))
        if len(out) == 3:
            break
    return out


def _clue_evidence(c: Clue, best: int | None) -> Evidence:
    if c.where == "removed":
        kind = c.block_kind or "removed"
        note = {"timestamp": "timestamp line", "dateline": "dateline", "caption": "caption",
                "byline": "byline", "footer": "footer", "comments": "comment"}.get(kind, f"{kind} line")
        if c.role == "bound":
            note = "caption (its date is a lower bound only)"
        elif c.role == "copyright":
            note = "copyright line"
        line = c.line or c.text
        return Evidence(line if len(line) <= 120 else line[:117] + "...", c.start, c.end,
                        where="removed", note=note)
    note = _ROLE_NOTE.get(c.role)
    if note is None:
        what = {"day": "date", "monthday": "date", "weekday": "weekday", "month": "month",
                "yearmonth": "month", "year": "year"}[c.kind]
        tense = f"{c.tense}-tense " if c.tense else ""
        note = f"{tense}{what}"
        if best is not None and c.kind == "weekday":
            since = (date.fromordinal(best).isoweekday() - c.weekday) % 7
            note += (" (the same day)" if since == 0 else
                     f" ({since} day{'s' if since > 1 else ''} before)")
    return Evidence(c.text, c.start, c.end, where="body", note=note)
