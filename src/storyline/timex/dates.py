"""Anchor arithmetic: calendar facts and TimeML value formats.

Impossible dates ("February 30") give None. Arithmetic that would leave years
1..9999 (an anchor in year 9999 and "next week") raises `OutOfRange`; the normalizer
then falls back to the value without an anchor (FUTURE_REF).
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "OutOfRange", "safe_date", "shift_days", "shift_months", "iso_week", "week_value", "quarter_of",
    "season_of", "SEASON_ORDER", "easter", "nth_weekday", "holiday_date", "pick_year",
    "nearest_cycle",
    "weekday_date", "format_duration",
]

SEASON_ORDER = ("SP", "SU", "FA", "WI")


class OutOfRange(ValueError):
    """Anchor arithmetic left the calendar Python can represent (years 1..9999)."""


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        raise OutOfRange(f"{day} + {days} days") from None


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    if not 1 <= index // 12 <= 9999:
        raise OutOfRange(f"{year}-{month} + {months} months")
    return index // 12, index % 12 + 1


def iso_week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def week_value(day: date, weeks: int = 0) -> str:
    """ "2017-W27" for the ISO week of `day` shifted by `weeks`."""
    year, week = iso_week(shift_days(day, 7 * weeks))
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: date) -> tuple[int, str]:
    """(year, season) of a day: meteorological seasons, winter = Dec-Feb, labelled with
    the calendar year of the day (January 2017 is in 2017-WI, as annotators write it)."""
    if day.month in (12, 1, 2):
        return day.year, "WI"
    return day.year, SEASON_ORDER[(day.month - 3) // 3]


def easter(year: int) -> date | None:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return safe_date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th ISO `weekday` (Monday = 1) of a month; n = -1 for the last one."""
    if n > 0:
        first = safe_date(year, month, 1)
        if first is None:
            return None
        offset = (weekday - first.isoweekday()) % 7
        return shift_days(first, offset + 7 * (n - 1))
    ny, nm = shift_months(year, month, 1)
    first_next = safe_date(ny, nm, 1)
    if first_next is None:
        return None
    last = first_next - timedelta(days=1)
    return shift_days(last, -((last.isoweekday() - weekday) % 7))


_HOLIDAY_RULES = {
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),
    "labor": lambda y: nth_weekday(y, 9, 1, 1),
    "memorial": lambda y: nth_weekday(y, 5, 1, -1),
    "easter": easter,
    "good_friday": lambda y: (lambda e: shift_days(e, -2) if e else None)(easter(y)),
    "election": lambda y: (lambda m: shift_days(m, 1) if m else None)(nth_weekday(y, 11, 1, 1)),
    "mlk": lambda y: nth_weekday(y, 1, 1, 3),
    "presidents": lambda y: nth_weekday(y, 2, 1, 3),
    "mothers": lambda y: nth_weekday(y, 5, 7, 2),
    "fathers": lambda y: nth_weekday(y, 6, 7, 3),
}


def holiday_date(rule: tuple[int, int] | str, year: int) -> date | None:
    if isinstance(rule, tuple):
        return safe_date(year, *rule)
    return _HOLIDAY_RULES[rule](year)


def nearest_cycle(here: int, target: int, period: int, direction: str | None,
                  reach: int) -> int:
    """The position (an index like year*12+month) of the cycle point `target` (0-based
    within `period`) nearest `here`.

    With a direction ("past": at or before `here`, "future": at or after), the point in
    that direction wins when it is at most `reach` steps away; otherwise, and with no
    direction, the nearest one (ties go to the past). Tense is a weaker cue than
    distance: "payable Dec. 7" in late October is this December whatever the verbs
    around it say.
    """
    base = here - here % period + target
    candidates = [base - period, base, base + period]
    if direction == "past":
        before = max(c for c in candidates if c <= here)
        if here - before <= reach:
            return before
    elif direction == "future":
        after = min(c for c in candidates if c >= here)
        if after - here <= reach:
            return after
    return min(candidates, key=lambda c: (abs(c - here), c > here))


def pick_year(anchor: date, month: int, day: int | None, direction: str | None,
              reach_days: int = 275) -> int:
    """The year that puts `month` (and `day`) nearest the anchor, preferring the tense's
    direction within `reach_days` (about 9 months: tuned on TBAQ-cleaned, where 8 and 10
    do worse)."""
    if day is None:
        here = anchor.year * 12 + anchor.month - 1
        position = nearest_cycle(here, month - 1, 12, direction, reach_days // 30)
        return position // 12
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        found = safe_date(year, month, day)
        if found is None:
            continue
        distance = (found - anchor).days
        in_direction = (direction == "past" and distance <= 0) or (direction == "future" and distance >= 0)
        rank = (0 if in_direction and abs(distance) <= reach_days else 1, abs(distance), distance > 0)
        if best is None or rank < best[0]:
            best = (rank, year)
    return best[1] if best else anchor.year


def weekday_date(anchor: date, weekday: int, direction: str | None) -> date | None:
    """The `weekday` nearest the anchor: on or before it ("past", the default in news:
    "said Tuesday"), on or after it ("future"), "last"/"next" strictly before/after,
    "this" in the anchor's ISO week."""
    delta = weekday - anchor.isoweekday()
    if direction == "this":
        return shift_days(anchor, delta)
    if direction == "future":
        return shift_days(anchor, delta % 7)
    if direction == "next":
        return shift_days(anchor, delta % 7 or 7)
    if direction == "last":
        return shift_days(anchor, -((-delta) % 7 or 7))
    return shift_days(anchor, -((-delta) % 7))


_DURATION_SPLIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24),
                   "H": ("M", 60), "MIN": ("S", 60)}


def format_duration(amount: float | None, unit: str, clock: bool) -> str:
    """TimeML duration: P3D, PT2H, P2Y6M, PXY (amount None = unknown)."""
    prefix = "PT" if clock else "P"
    if amount is None:
        # "decades", "centuries-old": an unknown number of years. TimeML values are
        # ISO 8601 durations, which have no decade or century unit (TBAQ-cleaned and
        # MEANTIME both give "decades-long" PXY).
        return f"{prefix}XY" if unit in ("DE", "CE", "ML") else f"{prefix}X{unit}"
    if unit in ("DE", "CE", "ML"):
        amount, unit = amount * {"DE": 10, "CE": 100, "ML": 1000}[unit], "Y"
    if unit == "FN":
        amount, unit = amount * 2, "W"
    whole = int(amount)
    fraction = amount - whole
    if abs(fraction) < 1e-9:
        return f"{prefix}{whole}{unit}"
    split = _DURATION_SPLIT.get("MIN" if (clock and unit == "M") else unit)
    if split:
        small_unit, factor = split
        small = fraction * factor
        if abs(small - round(small)) < 1e-6:
            head = f"{whole}{unit}" if whole else ""
            if unit == "D" and small_unit == "H":
                return f"P{head}T{round(small)}H"
            return f"{prefix}{head}{round(small)}{small_unit}"
    return f"{prefix}{amount:g}{unit}"
