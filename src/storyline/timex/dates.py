"""Anchor arithmetic: calendar facts and TimeML value formats.

Every function is total: impossible dates give None, never an exception, and
years outside Python's 1..9999 are refused the same way.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "safe_date", "shift_days", "shift_months", "iso_week", "week_value", "quarter_of",
    "season_of", "SEASON_ORDER", "easter", "nth_weekday", "holiday_date", "pick_year",
    "weekday_date", "format_duration", "year_value",
]

SEASON_ORDER = ("SP", "SU", "FA", "WI")


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def shift_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def iso_week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def week_value(day: date, weeks: int = 0) -> str | None:
    """ "2017-W27" for the ISO week of `day` shifted by `weeks`."""
    shifted = shift_days(day, 7 * weeks)
    if shifted is None:
        return None
    year, week = iso_week(shifted)
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


def pick_year(anchor: date, month: int, day: int | None, direction: str | None) -> int:
    """The year that puts `month` (and `day`) nearest the anchor in a direction.

    "past" takes the latest occurrence on or before the anchor (same month counts
    when no day is given), "future" the earliest on or after it, None the nearest
    (ties go to the past). Candidates are last year, this year and next year.
    """
    def position(year: int):
        if day is None:
            return (year, month)
        return safe_date(year, month, day)

    here = (anchor.year, anchor.month) if day is None else anchor
    positions = [(y, position(y)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    positions = [(y, p) for y, p in positions if p is not None]
    if not positions:
        return anchor.year
    if direction == "past":
        past = [y for y, p in positions if p <= here]
        return max(past) if past else anchor.year
    if direction == "future":
        future = [y for y, p in positions if p >= here]
        return min(future) if future else anchor.year

    def distance(p) -> int:
        if day is None:
            return abs((p[0] * 12 + p[1]) - (here[0] * 12 + here[1]))
        return abs((p - here).days)

    return min(positions, key=lambda yp: (distance(yp[1]), yp[1] > here))[0]


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
        return f"{prefix}X{unit}"
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


def year_value(year: int) -> str:
    return f"{year:04d}"
