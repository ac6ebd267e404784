"""Dating an article from its text alone.

Each clue (see `clues`) says how likely a candidate publication day A is: a
timestamp line's date is almost always A itself; "on Tuesday" in a past-tense
sentence is most often A or the day before; "March 15" in a future-tense
sentence ("faces a March 15 deadline") is after A; a photo caption's date is
on or before A and says nothing more; a reader comment's timestamp is on or
after A. The score of a day is the sum of the clues' log-likelihoods; days
near the dates the text names are scored one by one, the rest of each
plausible year on a weekly grid, so that the answer's confidence is the share
of the whole posterior within a day of it (the text may be about events years
before it was written, and then no named day is near the answer).

The likelihood tables are the offsets measured between each kind of clue and
the true date on the tuning half of timeline17 (odd-numbered files in sorted
order), TBAQ-cleaned and MEANTIME (DCTs), smoothed; the test half of
timeline17 was not looked at when setting them (bench/dating.py reports both).
Two regularities of news copy carry most of the signal: a week-old event is
named by its weekday ("on Tuesday") and an older one by its date ("on March
3"), and a year is written out mostly when it is not the current one.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from ..model import Article, Block, Evidence, Published
from .clues import Clue, collect

__all__ = ["from_text", "TextDating", "DAY_CONFIDENCE", "MONTH_CONFIDENCE", "YEAR_CONFIDENCE",
           "score_days"]

# Answer with a day when at least this share of the posterior is within a day
# of it; else a month, else a year; else abstain. Set on the tuning data so that
# >= 90% of day answers are within 7 days (bench/dating.py --split tune).
DAY_CONFIDENCE = 0.5
MONTH_CONFIDENCE = 0.75
YEAR_CONFIDENCE = 0.8
# Clues are not independent (a story names its key date again and again):
# scores are tempered before they become probabilities.
TEMPERATURE = 0.75
_FAR = 3650                  # the tables' tails reach ten years either way
_FLOOR = 1e-7


class _Offsets:
    """A probability table over day (or month, year) offsets: (lo, hi, mass) bins,
    mass spread evenly inside each bin; offsets past the outer bins get `_FLOOR`."""

    def __init__(self, bins: list[tuple[int, int, float]]):
        total = sum(m for _, _, m in bins)
        self.lo = np.array([b[0] for b in bins])
        self.hi = np.array([b[1] for b in bins])
        density = np.array([m / total / (hi - lo + 1) for lo, hi, m in bins])
        self.logd = np.log(np.maximum(density, _FLOOR))
        self.floor = math.log(_FLOOR)

    def logp(self, offsets: np.ndarray) -> np.ndarray:
        i = np.searchsorted(self.hi, offsets)
        i = np.minimum(i, len(self.hi) - 1)
        inside = (offsets >= self.lo[i]) & (offsets <= self.hi[i])
        return np.where(inside, self.logd[i], self.floor)

    def p(self, offsets: np.ndarray) -> np.ndarray:
        return np.exp(self.logp(offsets))


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
# Weekday alone: probability of each number of days since that weekday (0..6).
_WEEKDAY = {
    "past": np.array([.427, .31, .095, .057, .031, .023, .058]),
    None: np.array([.317, .227, .083, .064, .075, .104, .131]),
    "future": np.array([.29, .108, .045, .077, .068, .14, .273]),
    "last": np.array([.10, .05, .10, .18, .22, .18, .17]),
    "next": np.array([.05, .27, .20, .16, .12, .10, .10]),
}
# Bare month ("in March"): months since that month (0..11).
_MONTH = {
    "past": np.array([.06, .196, .182, .138, .081, .095, .056, .037, .037, .029, .046, .043]),
    None: np.array([.133, .153, .113, .073, .053, .08, .067, .053, .073, .053, .073, .073]),
    "future": np.array([.096, .02, .038, .044, .038, .096, .034, .044, .058, .082, .191, .259]),
}
# Years since a year the text names (published year - named year).
_YEAR = {
    "past": _Offsets([(-60, -3, .017), (-2, -2, .006), (-1, -1, .016), (0, 0, .036), (1, 1, .047),
                      (2, 2, .075), (3, 5, .126), (6, 10, .123), (11, 200, .556)]),
    None: _Offsets([(-60, -3, .06), (-2, -2, .035), (-1, -1, .038), (0, 0, .056), (1, 1, .041),
                    (2, 2, .038), (3, 5, .101), (6, 10, .076), (11, 200, .553)]),
    "future": _Offsets([(-60, -3, .2), (-2, -2, .078), (-1, -1, .197), (0, 0, .117), (1, 1, .039),
                        (2, 2, .033), (3, 5, .056), (6, 10, .058), (11, 200, .222)]),
    "copyright": _Offsets([(-5, -2, .06), (-1, -1, .2), (0, 0, .68), (1, 1, .04), (2, 10, .02)]),
}
# Months since a month-and-year the text names.
_YEAR_MONTH = {
    "past": _Offsets([(-240, -13, .018), (-12, -2, .006), (-1, -1, .006), (0, 0, .012),
                      (1, 1, .012), (2, 3, .031), (4, 12, .125), (13, 2400, .79)]),
    None: _Offsets([(-240, -13, .054), (-12, -2, .041), (-1, -1, .005), (0, 0, .027),
                    (1, 1, .027), (2, 3, .014), (4, 12, .081), (13, 2400, .757)]),
    "future": _Offsets([(-240, -13, .1), (-12, -2, .225), (-1, -1, .01), (0, 0, .025),
                        (1, 1, .025), (2, 3, .05), (4, 12, .075), (13, 2400, .5)]),
}
_BOUND_PENALTY = math.log(0.02)    # a caption dated after the article: rare (mislabelled)
_UPPER_PENALTY = math.log(0.03)    # a comment written before the article: rare
_WEEKDAY_MISMATCH = 0.03           # "Tuesday, Feb. 13" in a year when Feb. 13 is not a Tuesday
_WINDOW = 7                        # days either side of a named day scored one by one
_GRID = 7                          # the rest of a year, one day in seven


@dataclass
class TextDating:
    """The full result of dating a text, for callers that want more than `Published`."""

    published: Published
    clues: list[Clue]
    best: date | None = None
    day_confidence: float = 0.0
    reason: str | None = None


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
               today: date | None = None, prior: list[tuple[date, float]] | None = None
               ) -> TextDating:
    """`from_text` with its workings: the clues, the best day and its confidence.

    `prior`: (day, weight) pairs from elsewhere (the dated articles of the same
    story, see `dating.story`); they add a smooth bump of probability around each
    day and widen the search to their years.
    """
    bound = bound or Published()
    if isinstance(article, Article):
        blocks = article.blocks
    else:
        blocks = list(article)
    clues, notes = collect(blocks)
    today = today or date.today()
    try:
        return _decide(clues, bound, today, prior or [], notes)
    except (ValueError, OverflowError, ArithmeticError) as error:   # never a crash
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
            notes: list[str]) -> TextDating:
    lo, hi = _limits(bound, today)
    if lo > hi:
        return _abstain(bound, clues, "the metadata bounds contradict each other")
    useful = [c for c in clues if c.kind != "weekday" or c.role != "upper"]
    if not useful and not prior:
        reason = "; ".join(notes) or "no time expression in the text"
        return _abstain(bound, clues, reason)
    _dampen(useful)
    years = _plausible_years(useful, lo, hi, prior)
    if not years:
        named = any(c.kind in ("day", "monthday", "weekday") for c in useful)
        reason = ("the text names days but no year" if named else "the text names no year")
        if any(c.year and c.year > hi.year for c in useful):
            reason += " before the upper bound"
        return _abstain(bound, clues, reason)
    days, seeded = _candidates(useful, years, lo, hi, prior)
    if days.size == 0:
        return _abstain(bound, clues, "no day in the plausible years")
    scores, contributions = _score(useful, days, prior)
    scores = scores * TEMPERATURE
    # Each grid day stands for the days of its week that are not scored one by one.
    weights = np.where(seeded, 1.0, _GRID)
    if seeded.any():
        cells = (days[seeded] - days[~seeded].min()) // _GRID if (~seeded).any() else None
        if cells is not None:
            covered = Counter(cells.tolist())
            grid_index = np.nonzero(~seeded)[0]
            grid_cells = (days[grid_index] - days[~seeded].min()) // _GRID
            weights[grid_index] = np.maximum(
                1.0, _GRID - np.array([covered.get(int(c), 0) for c in grid_cells]))
    logw = scores + np.log(weights)
    post = np.exp(logw - logw.max())
    post /= post.sum()
    if not seeded.any():
        return _coarse(useful, days, post, bound, clues, lo, hi,
                       "the text names no day, only months or years")
    seeded_index = np.nonzero(seeded)[0]
    best_i = seeded_index[np.argmax(scores[seeded_index])]
    best = int(days[best_i])
    near = np.abs(days - best) <= 1
    confidence = float(post[near].sum())
    if confidence >= DAY_CONFIDENCE:
        published = _day_answer(useful, days, post, best, confidence, contributions[:, best_i],
                                contributions, lo, hi)
        return TextDating(published, clues, date.fromordinal(best), confidence)
    result = _coarse(useful, days, post, bound, clues, lo, hi,
                     f"no day is likely enough (best {date.fromordinal(best).isoformat()}, "
                     f"{confidence:.2f} within a day)", best_contributions=contributions[:, best_i])
    result.best, result.day_confidence = date.fromordinal(best), confidence
    return result


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


def _plausible_years(clues: list[Clue], lo: date, hi: date,
                     prior: list[tuple[date, float]]) -> list[int]:
    """The few years worth searching day by day: those the year-bearing clues make
    likely (a stamp's year, a year after the last one named...), inside the bounds."""
    span = [y for y in range(lo.year, hi.year + 1)]
    if len(span) <= 1:
        return span
    named = {c.year for c in clues if c.year} | {d.year for d, _ in prior}
    if not named:
        return []
    options = sorted({y + k for y in named for k in (-1, 0, 1, 2, 3)} & set(span))
    if not options:
        return []
    ys = np.array(options)
    score = np.zeros(len(ys))
    for c in clues:
        if not c.year:
            continue
        if c.kind == "day":
            table = _year_of_day(c)
            score += c.weight * table.logp(ys - c.year)
        elif c.kind == "yearmonth":
            score += c.weight * _YEAR[c.tense].logp(ys - c.year) * 0.5
        elif c.kind == "year":
            key = "copyright" if c.role == "copyright" else c.tense
            score += c.weight * _YEAR[key].logp(ys - c.year)
    for d, w in prior:
        score += w * np.where(ys == d.year, 0.0, -3.0)
    keep = score >= score.max() - math.log(1000)
    order = np.argsort(-score)
    return sorted(int(ys[i]) for i in order[:4] if keep[i])


def _year_of_day(c: Clue) -> _Offsets:
    """How a full date's year relates to the publication year."""
    if c.role == "stamp":
        return _Offsets([(-50, -2, .01), (-1, -1, .02), (0, 0, .95), (1, 1, .02)])
    if c.role in ("lead", "dateline"):
        return _Offsets([(-50, -2, .08), (-1, -1, .04), (0, 0, .8), (1, 1, .08)])
    if c.role == "upper":
        return _Offsets([(-50, -2, .05), (-1, -1, .1), (0, 0, .85)])
    if c.role == "bound":
        return _Offsets([(0, 0, .6), (1, 1, .25), (2, 50, .15)])
    return _YEAR[c.tense]


def _candidates(clues: list[Clue], years: list[int], lo: date, hi: date,
                prior: list[tuple[date, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Days to score: each named day (in the plausible years) +- a week, and a weekly
    grid over the plausible years. Returns (ordinals, is-it-a-named-day mask)."""
    lo_o, hi_o = lo.toordinal(), hi.toordinal()
    seeds: set[int] = set()
    yearset = set(years)
    for c in clues:
        if c.role in ("bound", "copyright"):
            continue
        if c.kind == "day" and (c.year in yearset or c.year - 1 in yearset or c.year + 1 in yearset):
            seeds.update(range(c.ordinal() - _WINDOW, c.ordinal() + _WINDOW + 1))
        elif c.kind == "monthday":
            for y in years:
                try:
                    o = date(y, c.month, c.day).toordinal()
                except ValueError:
                    continue
                seeds.update(range(o - _WINDOW, o + _WINDOW + 1))
    for d, _ in prior:
        o = d.toordinal()
        seeds.update(range(o - _WINDOW, o + _WINDOW + 1))
    seeds = {s for s in seeds if lo_o <= s <= hi_o}
    grid: set[int] = set()
    for y in years:
        start = max(date(y, 1, 1).toordinal(), lo_o)
        end = min(date(y, 12, 31).toordinal(), hi_o)
        grid.update(range(start, end + 1, _GRID))
    grid -= seeds
    days = np.array(sorted(seeds) + sorted(grid), dtype=np.int64)
    seeded = np.zeros(len(days), dtype=bool)
    seeded[:len(seeds)] = True
    return days, seeded


def _score(clues: list[Clue], days: np.ndarray, prior: list[tuple[date, float]]
           ) -> tuple[np.ndarray, np.ndarray]:
    """Total log-likelihood of each day, and each clue's part (clues x days)."""
    dates = [date.fromordinal(int(d)) for d in days]
    years = np.array([d.year for d in dates])
    months = np.array([d.month for d in dates])
    weekdays = np.array([d.isoweekday() for d in dates])
    parts = np.zeros((len(clues) + (1 if prior else 0), len(days)))
    for i, c in enumerate(clues):
        parts[i] = c.weight * _clue_logp(c, days, years, months, weekdays)
    if prior:
        # A smooth bump around each dated article of the same story: most report
        # within days of each other.
        total = sum(w for _, w in prior) or 1.0
        density = np.zeros(len(days))
        for d, w in prior:
            gap = np.abs(days - d.toordinal())
            density += (w / total) * (0.8 * np.exp(-gap / 3.0) / 6 + 0.2 * np.exp(-gap / 60.0) / 120)
        parts[-1] = np.log(np.maximum(density, 1e-9))
    return parts.sum(axis=0), parts


def _clue_logp(c: Clue, days: np.ndarray, years: np.ndarray, months: np.ndarray,
               weekdays: np.ndarray) -> np.ndarray:
    if c.kind == "day":
        offsets = c.ordinal() - days
        if c.role == "bound":
            return np.where(offsets <= 0, 0.0, _BOUND_PENALTY)
        if c.role == "upper":
            return np.where(offsets >= 0, np.where(offsets > 60, math.log(0.3), 0.0), _UPPER_PENALTY)
        table = _DAY.get((c.role, c.tense if c.role == "text" else None), _DAY[("text", None)])
        logp = table.logp(offsets)
        if c.weekday and date.fromordinal(c.ordinal()).isoweekday() != c.weekday:
            logp = logp + math.log(0.5)  # the weekday contradicts the date: trust it less
        return logp
    if c.kind == "monthday":
        p = np.zeros(len(days))
        nearest = np.full(len(days), 10 ** 6)
        for shift in (-1, 0, 1):
            ords = _ordinals(years + shift, c.month, c.day)
            valid = ords > 0
            offsets = np.where(valid, ords - days, 10 ** 6)
            if c.role == "bound" or c.role == "upper":
                closer = np.abs(offsets) < np.abs(nearest)
                nearest = np.where(closer, offsets, nearest)
                continue
            table = _MONTHDAY.get((c.role, c.tense if c.role == "text" else None),
                                  _MONTHDAY[("text", None)])
            term = np.where(valid, table.p(np.where(valid, offsets, 0)), 0.0)
            if c.weekday:
                wd = _weekday_of(ords)
                term = term * np.where(wd == c.weekday, 1.0, _WEEKDAY_MISMATCH)
            p += term
        if c.role == "bound":
            return np.where(nearest <= 0, 0.0, _BOUND_PENALTY)
        if c.role == "upper":
            return np.where(nearest >= 0, 0.0, _UPPER_PENALTY)
        return np.log(np.maximum(p, _FLOOR))
    if c.kind == "weekday":
        key = c.rel if c.rel in ("last", "next") else c.tense
        table = _WEEKDAY.get(key, _WEEKDAY[None])
        since = (weekdays - c.weekday) % 7
        return np.log(7 * table[since])
    if c.kind == "month":
        if c.role in ("bound", "upper", "copyright"):
            return np.zeros(len(days))
        table = _MONTH.get(c.tense, _MONTH[None])
        since = (months - c.month) % 12
        return 0.5 * np.log(12 * table[since])       # weak: "in March" of which year?
    if c.kind == "yearmonth":
        if c.role in ("bound", "upper"):
            return np.zeros(len(days))
        table = _YEAR_MONTH.get(c.tense, _YEAR_MONTH[None])
        return table.logp(years * 12 + months - (c.year * 12 + c.month))
    if c.kind == "year":
        if c.role == "copyright":
            return _YEAR["copyright"].logp(years - c.year)
        if c.role in ("bound", "upper"):
            return np.zeros(len(days))
        return _YEAR.get(c.tense, _YEAR[None]).logp(years - c.year)
    return np.zeros(len(days))


_ORDINAL_CACHE: dict[tuple[int, int, int], int] = {}


def _ordinals(years: np.ndarray, month: int, day: int) -> np.ndarray:
    """Ordinal of (year, month, day) for each year; 0 where there is no such day."""
    out = np.zeros(len(years), dtype=np.int64)
    for y in np.unique(years):
        key = (int(y), month, day)
        o = _ORDINAL_CACHE.get(key)
        if o is None:
            try:
                o = date(int(y), month, day).toordinal() if 1 <= y <= 9999 else 0
            except ValueError:
                o = 0
            if len(_ORDINAL_CACHE) < 100_000:
                _ORDINAL_CACHE[key] = o
        out[years == y] = o
    return out


def _weekday_of(ordinals: np.ndarray) -> np.ndarray:
    return (ordinals - 1) % 7 + 1          # date.fromordinal(1) is a Monday


# -- answers ------------------------------------------------------------------------------


def _quantiles(days: np.ndarray, post: np.ndarray, lo: date, hi: date,
               mass: float = 0.95) -> tuple[str, str]:
    order = np.argsort(days)
    cum = np.cumsum(post[order])
    tail = (1 - mass) / 2
    first = int(days[order][min(np.searchsorted(cum, tail), len(cum) - 1)])
    last = int(days[order][min(np.searchsorted(cum, 1 - tail), len(cum) - 1)])
    first = max(first - _GRID // 2, lo.toordinal())
    last = min(last + _GRID // 2, hi.toordinal())
    return date.fromordinal(first).isoformat(), date.fromordinal(max(first, last)).isoformat()


def _day_answer(clues, days, post, best, confidence, best_parts, parts, lo, hi) -> Published:
    earliest, latest = _quantiles(days, post, lo, hi)
    earliest = min(earliest, date.fromordinal(best).isoformat())
    latest = max(latest, date.fromordinal(best).isoformat())
    return Published(date=date.fromordinal(best).isoformat(), earliest=earliest, latest=latest,
                     granularity="day", method="text", confidence=round(confidence, 2),
                     evidence=_evidence(clues, best, best_parts, parts))


def _coarse(clues, days, post, bound, all_clues, lo, hi, reason,
            best_contributions=None) -> TextDating:
    """A month or a year when the text is sure of one, else abstain."""
    dates = [date.fromordinal(int(d)) for d in days]
    months = Counter()
    years = Counter()
    for d, p in zip(dates, post):
        months[(d.year, d.month)] += float(p)
        years[d.year] += float(p)
    (year, month), month_p = months.most_common(1)[0]
    top_year, year_p = years.most_common(1)[0]
    evidence = [Evidence("", where="body", note=f"text: {reason}")]
    if month_p >= MONTH_CONFIDENCE:
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        first, last = max(first, lo), min(last, hi)
        if best_contributions is not None:
            evidence = _evidence(clues, None, best_contributions, None) + evidence
        return TextDating(Published(date=None, earliest=first.isoformat(), latest=last.isoformat(),
                                    granularity="month", method="text",
                                    confidence=round(month_p, 2), evidence=evidence),
                          all_clues, reason=reason)
    if year_p >= YEAR_CONFIDENCE and not (bound.granularity == "year"
                                          and bound.earliest and bound.earliest[:4] == str(top_year)):
        first, last = max(date(top_year, 1, 1), lo), min(date(top_year, 12, 31), hi)
        year_clues = [c for c in clues if c.year]
        ev = _evidence(year_clues, None, None, None)[:3] if year_clues else []
        return TextDating(Published(date=None, earliest=first.isoformat(), latest=last.isoformat(),
                                    granularity="year", method="text",
                                    confidence=round(year_p, 2), evidence=ev + evidence),
                          all_clues, reason=reason)
    return _abstain(bound, all_clues, reason)


def _abstain(bound: Published, clues: list[Clue], reason: str) -> TextDating:
    published = Published(date=bound.date, earliest=bound.earliest, latest=bound.latest,
                          granularity=bound.granularity, method=bound.method,
                          confidence=bound.confidence,
                          evidence=list(bound.evidence) + [
                              Evidence("", where="body", note=f"text: {reason}")])
    return TextDating(published, clues, reason=reason)


_ROLE_NOTE = {
    "stamp": "timestamp", "lead": "date at the top", "dateline": "dateline",
    "bound": "caption date (a lower bound only)", "upper": "comment/update timestamp (an upper bound)",
    "copyright": "copyright year",
}


def _evidence(clues: list[Clue], best: int | None, best_parts, parts) -> list[Evidence]:
    """The clues that most favour the answer over the rest of its year, strongest first."""
    if best_parts is None:
        ranked = [(1.0, c) for c in clues]
    else:
        baseline = parts.mean(axis=1) if parts is not None else np.zeros(len(clues) + 1)
        gain = best_parts[:len(clues)] - baseline[:len(clues)]
        ranked = sorted(((float(g), c) for g, c in zip(gain, clues)), key=lambda x: -x[0])
        ranked = [(g, c) for g, c in ranked if g > 0.05]
    out: list[Evidence] = []
    seen: set[tuple[str, str]] = set()
    for _, c in ranked:
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
            note = "caption date (a lower bound only) in"
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
