"""From a matched expression to its TimeML type and value, relative to an anchor.

One function per rule in `patterns.RULES`, registered under the rule's name. Each
takes the regex match and a `Context` (the text, the span, the anchor date, the
tense around it) and returns ``(type, value)``, or None when the match is not a
time expression after all ("the period", "February 30" has no day...).

News conventions (tuned on TBAQ-cleaned and MEANTIME, see bench/te3.py):
- a bare weekday is the one on or before the anchor ("said Tuesday"), or on or
  after it when the verb points forward ("will meet Tuesday");
- a bare month is the most recent one (this month included) unless the verb points
  forward ("will reopen in March"); a month and day ("Nov. 6") goes the tense's way.
  Either way the tense only wins within about nine months: "payable Jan. 2" in
  November is next January whatever the verbs say ("back in", "since": no limit);
- "the quarter", "the latest quarter" are the last completed quarter: business news
  reports on the quarter that just ended;
- with no anchor, relative expressions get underspecified values: ``XXXX-03``,
  ``XXXX-WXX-2``, ``PAST_REF`` / ``PRESENT_REF`` / ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from ..text.sentences import sentence_bounds
from . import dates, lexicon
from .finder import year_after_name
from .tense import tense_near

__all__ = ["Context", "normalize", "NORMALIZERS", "reporting_quarter"]

Result = tuple[str, str] | None


@dataclass
class Context:
    text: str
    start: int
    end: int
    anchor: date | None
    _tense: str | None = field(default=None, init=False)
    _tense_known: bool = field(default=False, init=False)

    @property
    def tense(self) -> str | None:
        """ "future", "past" or None, from the sentence around the expression."""
        if not self._tense_known:
            self._tense = tense_near(self.text, self.start, self.end)
            self._tense_known = True
        return self._tense

    @property
    def direction(self) -> tuple[str | None, int]:
        """(tense direction, reach in days) for choosing a year: "back in September"
        and "since March" are past however far back; otherwise the tense, within about
        nine months (see dates.pick_year)."""
        if _DEFINITELY_PAST.search(self.before(20)):
            return "past", 366
        return self.tense, 275

    def before(self, chars: int = 40) -> str:
        return self.text[max(0, self.start - chars):self.start]


_DEFINITELY_PAST = re.compile(r"\b(?:back|since)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)

NORMALIZERS: dict[str, Callable[[re.Match, Context], Result]] = {}


def _rule(name: str):
    def register(function):
        NORMALIZERS[name] = function
        return function
    return register


_OFF_CALENDAR = re.compile(r"-|0000|\d{5}")   # BC, year 0, years past 9999


def normalize(rule: str, match: re.Match, context: Context) -> Result:
    """(type, value) of a match, or None. When anchor arithmetic leaves the calendar
    (an anchor in year 1 and "last week"), the value is the one without an anchor.
    Calendar errors (dates.OutOfRange, and any ValueError from `datetime`) never
    escape: a tagger run on scraped text must not crash on "the year 9999"."""
    try:
        result = NORMALIZERS[rule](match, context)
        if result is None or context.anchor is None or not _OFF_CALENDAR.match(result[1]):
            return result
    except (ValueError, OverflowError):
        if context.anchor is None:
            return None
    try:
        return NORMALIZERS[rule](match, Context(context.text, context.start, context.end, None))
    except (ValueError, OverflowError):
        return None


# -- shared pieces ----------------------------------------------------------------------

def _words(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _ref_for(offset: int) -> str:
    return "PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF"


def _pivot_two_digit(yy: int, anchor: date | None) -> int:
    """'82 -> 1982, '09 -> 2009: the latest year with those digits not more than
    10 years after the anchor (or 2030 without one)."""
    limit = (anchor.year if anchor else 2020) + 10
    year = (limit // 100) * 100 + yy
    return year if year <= limit else year - 100


def _spelled_year(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = _words(words).replace("-", " ").replace(" and ", " ")
    if words.startswith("nineteen"):
        rest = words[len("nineteen"):].strip()
        if rest.startswith("hundred"):
            rest = rest[len("hundred"):].strip()
            tail = lexicon.number_value(rest) if rest else 0
        else:
            tail = lexicon.number_value(rest)
        return 1900 + int(tail) if tail is not None and tail < 100 else None
    if words.startswith("two thousand"):
        rest = words[len("two thousand"):].strip()
        tail = lexicon.number_value(rest) if rest else 0
        return 2000 + int(tail) if tail is not None and tail < 100 else None
    return None


def _half_of(mod: str | None) -> str | None:
    """ "H1"/"H2" when a modifier names a half ("the first half of"), else None."""
    mod = _words(mod)
    if re.search(r"\b(first|early) (half|part)\b", mod):
        return "H1"
    if re.search(r"\b(second|last|latter|later) (half|part)\b", mod):
        return "H2"
    return None


_QUARTER_TALK = re.compile(r"\bquarter|quarterly\b", re.IGNORECASE)


def _quarterly_results(context: Context) -> bool:
    """Is this sentence or the two before it about quarterly results? Then "a year
    earlier" and "year-ago" mean the same quarter a year before (tuned on TBAQ-cleaned,
    whose WSJ earnings reports say "third-quarter profit rose 5% from a year earlier")."""
    window_start = context.start
    for _ in range(3):
        window_start, _end = sentence_bounds(context.text, max(0, window_start - 2), window_start)
    return bool(_QUARTER_TALK.search(context.text, window_start, sentence_bounds(
        context.text, context.start, context.end)[1]))


def reporting_quarter(anchor: date) -> tuple[int, int]:
    """The last completed quarter before the anchor: what earnings news reports on."""
    quarter = dates.quarter_of(anchor) - 1
    return (anchor.year, quarter) if quarter else (anchor.year - 1, 4)


def _shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


def _day(day: date | None, part: str | None = None) -> Result:
    if day is None:
        return None
    value = day.isoformat()
    if part:
        return "TIME", f"{value}T{lexicon.DAY_PARTS[part.lower()]}"
    return "DATE", value


def _amount(text: str | None) -> float | None:
    """The number in an amount ("two", "2 1/2", "a", "one and a half"); ranges and
    vague amounts give None."""
    text = _words(text)
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if re.search(r"\d\s*(-|to|or)\s*\d|\w\s+(to|or)\s+\w", text):
        return None                                  # "two to three weeks", "12 to 18"
    value = lexicon.number_value(text)
    return value + half if value is not None else None


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|cents?|dollars?|(?:m|b)illion|trillion|thousand|hundred)?"
    r"|once|twice|times|per\s+cent|[a-z]+s)\s*$", re.IGNORECASE)


def _is_rate(context: Context) -> bool:
    """ "$15 a year", "twice a day", "1,000 barrels a day": "a <unit>" is a frequency."""
    before = context.before(60)
    if not _RATE_BEFORE.search(before):
        return False
    tokens = before.lower().split()[-4:]
    return any(re.search(r"\d|^(?:once|twice|times)$", t) or _AMOUNT_WORD.match(t) for t in tokens)


# Written-out amounts before a rate: "four flights a week", "hundreds of interviews a day".
_AMOUNT_WORD = re.compile(r"(?:" + "|".join(w for w in list(lexicon.NUMBER_WORDS) + list(lexicon.TENS_WORDS)
                                            if " " not in w and w not in ("a", "an", "single"))
                          + r"|hundreds?|thousands?|dozens?|(?:m|b|tr)illions?)(?:-\w+)?$")


def _resolve_weekday(weekday: int, context: Context, rel: str | None) -> date | None:
    anchor = context.anchor
    rel = _words(rel)
    if rel in ("last", "this past", "the previous"):
        return dates.weekday_date(anchor, weekday, "last")
    if rel in ("next", "this coming", "the following", "the next"):
        return dates.weekday_date(anchor, weekday, "next")
    if rel == "this":
        return dates.weekday_date(anchor, weekday, "this")
    return dates.weekday_date(anchor, weekday, "future" if context.tense == "future" else "past")


# A month and day, perhaps with a year and a weekday before them ("tuesday, feb. 20, 2024").
_DAYREF_DATE = re.compile(r"([a-z]+)\.?\s+(\d{1,2})\w*(?:,?\s+(\d{4}))?$")


def _resolve_dayref(text: str | None, context: Context) -> date | None:
    """The day a clock time is on: "Tuesday", "tomorrow", "Nov. 6", or the anchor."""
    anchor = context.anchor
    words = _words(text)
    if not words or words in ("today", "tonight"):
        return anchor
    if words == "yesterday":
        return dates.shift_days(anchor, -1)
    if words == "tomorrow":
        return dates.shift_days(anchor, 1)
    weekday = lexicon.weekday_number(words)
    if weekday:
        return _resolve_weekday(weekday, context, None)
    m = _DAYREF_DATE.search(words)
    if m and lexicon.month_number(m[1]):
        month, day = lexicon.month_number(m[1]), int(m[2])
        year = int(m[3]) if m[3] else dates.pick_year(anchor, month, day, context.tense)
        return dates.safe_date(year, month, day)
    return anchor


# -- explicit calendar dates --------------------------------------------------------------

@_rule("iso_date")
def _iso_date(m: re.Match, context: Context) -> Result:
    day = dates.safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    if day is None:
        return None
    if m["hour"]:
        return "TIME", f"{day.isoformat()}T{m['hour']}:{m['minute']}"
    return "DATE", day.isoformat()


@_rule("slash_date")
def _slash_date(m: re.Match, context: Context) -> Result:
    month, day, year = int(m["month"]), int(m["day"]), int(m["year"])
    if month > 12 and day <= 12:
        month, day = day, month                     # 30/06/2017: day first
    if len(m["year"]) == 2:
        year = _pivot_two_digit(year, context.anchor)
    found = dates.safe_date(year, month, day)
    return ("DATE", found.isoformat()) if found else None


def _month_day(month: int, day: int, year: int | None, context: Context) -> Result:
    """A month and day, with the year given or chosen near the anchor. An impossible
    day ("February 30") keeps only its month: the month is real, the day is not."""
    if year is None:
        if context.anchor is None:
            return "DATE", f"XXXX-{month:02d}-{day:02d}" if day <= 31 else f"XXXX-{month:02d}"
        direction, reach = context.direction
        year = dates.pick_year(context.anchor, month, day, direction, reach)
    found = dates.safe_date(year, month, day)
    if found is None:
        return "DATE", f"{year:04d}-{month:02d}"
    return "DATE", found.isoformat()


def _explicit_year(m: re.Match, context: Context) -> int | None:
    groups = m.re.groupindex
    if "year" in groups and m["year"]:
        return int(m["year"])
    if "yy" in groups and m["yy"]:
        return _pivot_two_digit(int(m["yy"]), context.anchor)
    if "yearwords" in groups and m["yearwords"]:
        return _spelled_year(m["yearwords"])
    return None


@_rule("month_day")
@_rule("day_month")
def _month_and_day(m: re.Match, context: Context) -> Result:
    month = lexicon.month_number(m["month"])
    day = lexicon.ordinal_value(m["day"])
    if not month or not day or day > 31:
        return None
    return _month_day(month, day, _explicit_year(m, context), context)


@_rule("month_year")
def _month_year(m: re.Match, context: Context) -> Result:
    month = lexicon.month_number(m["month"])
    year = _explicit_year(m, context)
    if not month or year is None:
        return None
    return "DATE", f"{year:04d}-{month:02d}"


@_rule("month")
def _month(m: re.Match, context: Context) -> Result:
    month = lexicon.month_number(m["month"])
    if not month:
        return None
    anchor = context.anchor
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    rel, relyear = _words(m["rel"]), _words(m["relyear"])
    if relyear:
        offset = 0 if relyear == "this year" else 1 if relyear == "next year" else -1
        year = anchor.year + offset
    elif rel in ("last", "this past", "the previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif rel in ("next", "this coming", "the coming", "the following"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        direction, reach = context.direction
        year = dates.pick_year(anchor, month, None, "future" if direction == "future" else "past", reach)
    return "DATE", f"{year:04d}-{month:02d}"


@_rule("year")
def _year(m: re.Match, context: Context) -> Result:
    year = _explicit_year(m, context)
    if year is None:
        return None
    if m["year"] and not (m["mod"] or m["fiscal"]) and year_after_name(context.text, context.start):
        if context.anchor is None or abs(year - context.anchor.year) > 1:
            return None         # "Russell 2000", "Windows 2000", "Orion 1980": names
        # "WWDC 2005", "Euro 2012", "Conference 2010": an edition, in its own year
        # (MEANTIME annotates them; no name-and-year within a year of the anchor is
        # left unannotated in TBAQ-cleaned or MEANTIME)
    fiscal = _words(m["fiscal"])
    season = re.search(r"(spring|summer|fall|autumn|winter)", fiscal)
    if season:
        return "DATE", f"{year:04d}-{lexicon.SEASONS[season[1]]}"
    if _words(m["ad"]) in ("bc", "b.c."):
        return "DATE", f"BC{year:04d}"
    half = _half_of(m["mod"])
    return "DATE", f"{year:04d}-{half}" if half else f"{year:04d}"


@_rule("two_digit_year")
def _two_digit_year(m: re.Match, context: Context) -> Result:
    return "DATE", f"{_pivot_two_digit(int(m['yy']), context.anchor):04d}"


@_rule("decade")
def _decade(m: re.Match, context: Context) -> Result:
    if m["century"]:
        return "DATE", f"{m['century']}{m['decade']}"
    if m["decadeword"]:
        digit = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties"].index(m["decadeword"].lower()) + 2
        return "DATE", f"19{digit}"
    digit = int(m["decade2"] or m["decade3"])
    anchor_year = context.anchor.year if context.anchor else 2020
    century = 20 if 2000 + digit * 10 <= anchor_year else 19
    return "DATE", f"{century}{digit}"


@_rule("century")
def _century(m: re.Match, context: Context) -> Result:
    if m["ordinal"]:
        number = lexicon.ordinal_value(m["ordinal"])
        return ("DATE", f"{number - 1:02d}") if number else None
    if context.anchor is None:
        return None
    rel = _words(m["rel"])
    offset = 0 if rel in ("this", "the current") else 1 if rel == "next" else -1
    return "DATE", f"{context.anchor.year // 100 + offset:02d}"


# -- quarters, halves, seasons -----------------------------------------------------------

_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                    "fourth": 4, "4th": 4}


def _year_phrase_offset(phrase: str) -> int | None:
    """Year offset named by "last year", "a year ago", "this year's"...; None if none."""
    if re.search(r"\b(last year|previous year|a year (ago|earlier)|year-ago|year-earlier|"
                 r"prior year|last year's)\b", phrase):
        return -1
    if re.search(r"\b(next year|next year's|following year)\b", phrase):
        return 1
    if re.search(r"\b(this year|this year's|the year|current|fiscal)\b", phrase):
        return 0                           # "the fiscal first quarter": this fiscal year's
    return None


@_rule("quarter")
def _quarter(m: re.Match, context: Context) -> Result:
    unit = m["unit"].lower()
    letter, count = ("H", 2) if unit == "half" else ("Q", 4)
    ordinal = m["ordinal"].lower()
    phrase = _words(f"{m['mods'] or ''} {m['of'] or ''} {m['det'] or ''}")
    explicit = re.search(r"\b(\d{4})\b", phrase)
    anchor = context.anchor

    if ordinal in ("last", "final"):
        if not explicit and _year_phrase_offset(phrase) is None and letter == "Q":
            if anchor is None:
                return "DATE", "PAST_REF"
            year, quarter = reporting_quarter(anchor)      # "the last quarter"
            return "DATE", f"{year}-Q{quarter}"
        number = count
    else:
        number = _ORDINAL_QUARTER.get(ordinal, 0)
        if number > count:
            return None

    if explicit:
        year = int(explicit[1])
    elif anchor is None:
        return "DATE", f"XXXX-{letter}{number}"
    else:
        offset = _year_phrase_offset(phrase)
        if offset is not None:
            year = anchor.year + offset
        else:
            # The nearest such quarter (or half); the tense only breaks ties:
            # "third-quarter profit" in November is the quarter that just ended.
            current = dates.quarter_of(anchor) if letter == "Q" else (1 if anchor.month <= 6 else 2)
            here = anchor.year * count + current - 1
            year = dates.nearest_cycle(here, number - 1, count, context.tense, count // 2) // count
    return "DATE", f"{year:04d}-{letter}{number}"


@_rule("quarter_code")
def _quarter_code(m: re.Match, context: Context) -> Result:
    letter, number = ("H", m["h"]) if m["h"] else ("Q", m["q"] or m["q2"])
    year = m["year"] or m["yearpre"]
    if year:
        return "DATE", f"{year}-{letter}{number}"
    if context.anchor is None:
        return "DATE", f"XXXX-{letter}{number}"
    return "DATE", f"{context.anchor.year:04d}-{letter}{number}"


@_rule("period")
def _period(m: re.Match, context: Context) -> Result:
    """ "the quarter", "the latest period", "the year-ago quarter", "the 1988 period"."""
    mods = _words(m["mods"])
    rel = _words(m["rel"])
    det = _words(m["det"])
    unit = m["unit"].lower()
    offset = _year_phrase_offset(f"{det} {mods} {rel}")
    explicit = re.search(r"\b(\d{4})\b", f"{mods} {rel}")
    if unit == "period" and not (mods.strip() or rel):
        return None                                  # "the period": anything at all
    if unit == "period" and offset is None and not explicit and not re.search(r"latest|reporting|just", mods):
        return None                                  # "the same period": anaphoric
    anchor = context.anchor
    if anchor is None:
        return "DATE", "PAST_REF"
    if unit == "month":                              # "the same month a year ago"
        return "DATE", f"{anchor.year - 1:04d}-{anchor.month:02d}"
    if det == "this" or "current" in mods:
        year, quarter = anchor.year, dates.quarter_of(anchor)
    else:
        year, quarter = reporting_quarter(anchor)
    if explicit:
        year = int(explicit[1])
    elif offset:
        year += offset
    return "DATE", f"{year:04d}-Q{quarter}"


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@_rule("season")
def _season(m: re.Match, context: Context) -> Result:
    """Seasons are labelled with the calendar year they (mostly) fall in; "last fall"
    in February 1998 is 1997-FA, "this summer" is the anchor year's."""
    code = lexicon.SEASONS[m["season"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}"
    anchor = context.anchor
    if anchor is None:
        return "DATE", f"XXXX-{code}"
    rel = _words(m["rel"])
    in_season = dates.season_of(anchor)[1] == code
    begun = _SEASON_START[code] <= anchor.month or (code == "WI" and anchor.month <= 2)
    year = anchor.year
    if rel in ("last", "this past", "the past"):
        year -= 1 if in_season or not begun else 0
    elif rel in ("next", "this coming", "the coming"):
        year += 1 if in_season or begun else 0
    elif rel != "this" and context.tense == "past":
        year -= 0 if begun else 1
    elif rel != "this" and context.tense == "future":
        year += 0 if in_season or not begun else 1
    return "DATE", f"{year:04d}-{code}"


# -- relative to the anchor ---------------------------------------------------------------

_BACK = {"last", "this past", "the past", "the last", "the previous", "the prior", "the latest",
         "the latest fiscal", "the previous fiscal", "the past fiscal", "the last fiscal", "last fiscal"}
_FORWARD = {"next", "the coming", "this coming", "the following", "the next", "next fiscal"}
_SAME = {"this", "the current", "the present", "this fiscal", "the current fiscal", "the new",
         "the full", "the whole", "the entire", "all", "the same", "that", "that same"}


@_rule("relative")
def _relative(m: re.Match, context: Context) -> Result:
    rel, unit = _words(m["rel"]).replace("financial", "fiscal"), m["unit"].lower()
    if rel in ("the", "the fiscal"):
        return _the_unit(unit, context)
    offset = -1 if rel in _BACK else 1 if rel in _FORWARD else 0 if rel in _SAME else None
    if offset is None:
        return None
    anchor = context.anchor
    if anchor is None:
        return "DATE", _ref_for(offset)
    if unit == "day":
        if rel in ("all", "the full", "the whole", "the entire", "the last", "the latest", "the new"):
            return None                               # "all day", "the last day of trading"
        return _day(dates.shift_days(anchor, offset))
    if unit == "week":
        return "DATE", dates.week_value(anchor, offset)
    if unit == "weekend":
        week = dates.week_value(anchor, offset)
        return "DATE", f"{week}-WE"
    if unit == "month":
        year, month = dates.shift_months(anchor.year, anchor.month, offset)
        return "DATE", f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, quarter = _shift_quarter(anchor.year, dates.quarter_of(anchor), offset)
        return "DATE", f"{year:04d}-Q{quarter}"
    if unit == "decade":
        return "DATE", f"{anchor.year + 10 * offset:04d}"[:3]
    half = _half_of(m["mod"])
    year = anchor.year + offset
    return "DATE", f"{year:04d}-{half}" if half else f"{year:04d}"


_PERIOD_ENDING = re.compile(r"\s+(?:ended|ending|ends|to\s+date|through)\b", re.IGNORECASE)


def _the_unit(unit: str, context: Context) -> Result:
    """ "the year", "the week", "the weekend": the current one, as business copy uses
    them ("for the year, sales rose"); "the year ended June 30" is a fiscal year, a
    duration (both as TBAQ-cleaned annotates them)."""
    anchor = context.anchor
    if unit == "weekend":
        return _the_weekend(context)
    if unit == "year":
        if _PERIOD_ENDING.match(context.text, context.end):
            return "DURATION", "P1Y"
        return "DATE", f"{anchor.year:04d}" if anchor else "XXXX"
    if unit == "week":
        return "DATE", f"{anchor.year:04d}-WXX" if anchor else "XXXX-WXX"
    if unit == "day":                                 # "ended the day up 2%": the anchor's
        return ("DATE", anchor.isoformat()) if anchor else ("DATE", "PRESENT_REF")
    return None


def _the_weekend(context: Context) -> Result:
    """ "the weekend": the one just past, or the coming one when the verb points forward."""
    anchor = context.anchor
    if anchor is None:
        return "DATE", "XXXX-WXX-WE"
    weekday = anchor.isoweekday()
    if context.tense == "future":
        offset = 1 if weekday == 7 else 0          # on a Sunday the coming one is next week's
    else:
        offset = 0 if weekday >= 6 else -1
    return "DATE", f"{dates.week_value(anchor, offset)}-WE"


@_rule("year_end")
def _year_end(m: re.Match, context: Context) -> Result:
    word, anchor = _words(m["word"]), context.anchor
    if anchor is None:
        return None
    if word in ("year-ago", "year-earlier"):
        if _quarterly_results(context):
            year, quarter = reporting_quarter(anchor)
            return "DATE", f"{year - 1:04d}-Q{quarter}"
        return "DATE", f"{anchor.year - 1:04d}"
    if "month" in word:
        return "DATE", f"{anchor.year:04d}-{anchor.month:02d}"
    if "week" in word:
        return "DATE", dates.week_value(anchor)
    return "DATE", f"{anchor.year:04d}"


_PAST_DIRECTIONS = {"ago", "earlier", "back", "prior"}


@_rule("ago")
def _ago(m: re.Match, context: Context) -> Result:
    sign = -1 if _words(m["dir"]) in _PAST_DIRECTIONS else 1
    amount = None if m["vague"] else _amount(m["num"])
    anchor = context.anchor
    if amount is None or anchor is None:
        return "DATE", _ref_for(sign)
    letter, clock = lexicon.unit_of(m["unit"])
    if clock:
        return _day(anchor)
    if letter == "Y" and amount == 1 and sign < 0 and _quarterly_results(context):
        year, quarter = reporting_quarter(anchor)
        return "DATE", f"{year - 1:04d}-Q{quarter}"
    if letter in ("DE", "CE", "ML") or (letter == "Y" and amount == int(amount)):
        years = amount * {"DE": 10, "CE": 100, "ML": 1000}.get(letter, 1)
        return "DATE", f"{anchor.year + sign * int(years):04d}"
    if letter in ("Y", "M", "Q"):
        months = round(amount * {"Y": 12, "M": 1, "Q": 3}[letter])
        year, month = dates.shift_months(anchor.year, anchor.month, sign * months)
        if letter == "Q":
            return "DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}"
        return "DATE", f"{year:04d}-{month:02d}"
    if letter in ("W", "FN"):
        weeks = amount * (2 if letter == "FN" else 1)
        if weeks <= 2:                     # "a week ago" is a day; "six weeks ago" a week
            return _day(dates.shift_days(anchor, sign * round(7 * weeks)))
        return "DATE", dates.week_value(anchor, sign * round(weeks))
    return _day(dates.shift_days(anchor, sign * round(amount)))


# -- durations -------------------------------------------------------------------------------

def _duration(amount: float | None, unit_word: str) -> Result:
    if unit_word.lower().rstrip("s") == "lifetime":  # "a lifetime": a span of unknown years
        return "DURATION", "PXY"
    letter, clock = lexicon.unit_of(unit_word)
    if letter == "WE":
        return "DURATION", "P1WE" if amount == 1 else "PXWE"
    return "DURATION", dates.format_duration(amount, letter, clock)


def _someday(context: Context) -> bool:
    """ "could one day jump to humans": "one day" after a modal is some future day."""
    return bool(re.search(r"\b(?:will|would|could|may|might|can)\s+$", context.before(12), re.I))


@_rule("duration")
def _duration_rule(m: re.Match, context: Context) -> Result:
    if _words(m["num"]) == "one" and m["unit"].lower() == "day" and _someday(context):
        return "DATE", "FUTURE_REF"
    if m["unit"].lower().startswith("quarter") and "-" in m[0]:
        return None                                  # "three-quarters of its food"
    amount = _amount(m["num"])
    if amount is not None and amount <= 0:
        return None
    if m["orso"] and "half" in m["orso"].lower() and amount is not None:
        amount += 0.5
    return _duration(amount, m["unit"])


@_rule("range_start")
def _range_start(m: re.Match, context: Context) -> Result:
    """ "60" in "between 60 and 90 days": 60 days."""
    amount = _amount(m["num"])
    return _duration(amount, m["unit"]) if amount else None


@_rule("duration_adj")
def _duration_adj(m: re.Match, context: Context) -> Result:
    """ "two-year", "half-hour", "several-year", "day-long", "decades-long"."""
    if m["lunit"]:
        plural = m["lunit"].lower().endswith("s")
        return _duration(None if plural else 1.0, m["lunit"])
    num = m["num"].lower()
    if num in ("several", "multi", "many", "few"):
        return _duration(None, m["unit"])
    amount = 1.0 if num == "single" else 0.5 if num == "half" else _amount(num)
    if amount is None or amount <= 0:
        return None
    return _duration(amount, m["unit"])


@_rule("duration_vague")
def _duration_vague(m: re.Match, context: Context) -> Result:
    if _words(m["lead"]) == "recent" and m["unit"].lower() == "years":
        return "DATE", "PAST_REF"            # TBAQ-cleaned annotates "recent years" so
    return _duration(None, m["unit"])


@_rule("a_unit")
def _a_unit(m: re.Match, context: Context) -> Result:
    det, unit = _words(m["det"]), m["unit"].lower()
    if unit == "second" and re.match(r"\s+(?!or\b|and\b|later\b|earlier\b|ago\b)[a-z]", context.text[context.end:]):
        return None                                      # "a second consecutive day": ordinal
    if det == "one" and unit == "day" and _someday(context):
        return "DATE", "FUTURE_REF"
    amount = 1.5 if m["half"] else 1.0
    if det in ("a", "an") and not m["approx"] and not m["half"] and _is_rate(context):
        letter, clock = lexicon.unit_of(unit)
        return "SET", dates.format_duration(1, letter, clock)
    return _duration(amount, unit)


# -- days and times of day -------------------------------------------------------------

_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                "the day before yesterday": -2, "the day after tomorrow": 2}


@_rule("day_word")
def _day_word(m: re.Match, context: Context) -> Result:
    word = _words(m["word"])
    offset = _DAY_OFFSETS[word]
    part = m["part"] or ("night" if word == "tonight" else None)
    if context.anchor is None:
        return "DATE", _ref_for(offset)
    return _day(dates.shift_days(context.anchor, offset), part)


@_rule("day_part")
def _day_part(m: re.Match, context: Context) -> Result:
    rel = _words(m["rel"])
    # "that night", "the next morning": counted from the anchor here; from the day the
    # story has just named in discourse.py
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1, "the next": 1,
              "the following": 1, "the previous": -1, "that": 0, "the same": 0}.get(rel)
    if offset is None:
        return None
    if context.anchor is None:
        return "TIME", _ref_for(offset)
    return _day(dates.shift_days(context.anchor, offset), m["part"])


@_rule("mid_part")
def _mid_part(m: re.Match, context: Context) -> Result:
    """ "mid-afternoon", "mid-morning yesterday"."""
    if context.anchor is None:
        return "TIME", "PRESENT_REF"
    return _day(_resolve_dayref(m["dayref"], context), m["part"])


@_rule("weekday")
def _weekday(m: re.Match, context: Context) -> Result:
    weekday = lexicon.weekday_number(m["wd"])
    if not weekday:
        return None
    if context.anchor is None:
        value = f"XXXX-WXX-{weekday}"
        if m["part"]:
            return "TIME", f"{value}T{lexicon.DAY_PARTS[m['part'].lower()]}"
        return "DATE", value
    rel = _words(m["rel"])
    if rel.startswith("the day"):
        return None
    return _day(_resolve_weekday(weekday, context, rel), m["part"])


def _clock_value(hour: int, minute: int, day: str, zone: str | None) -> str:
    stamp = f"T{hour:02d}:{minute:02d}"
    if zone and zone.strip().upper() in ("UTC", "GMT", "Z"):
        stamp += "Z"
    return day + stamp


def _clock_day(dayref: str | None, context: Context) -> str:
    """The date part of a clock time's value. With an anchor, the day its `dayref`
    names (or the anchor's). Without one, whatever the words say by themselves:
    "Feb. 20, 2024" is a full date, "Feb. 20" ``XXXX-02-20``, "Tuesday" ``XXXX-WXX-2``,
    nothing ``XXXX-XX-XX`` ("6:45 PM PST February 20, 2024" keeps its date)."""
    if context.anchor is not None:
        day = _resolve_dayref(dayref, context)
        return day.isoformat() if day else "XXXX-XX-XX"
    words = _words(dayref)
    m = _DAYREF_DATE.search(words)
    weekday = lexicon.weekday_number(words) if words and not m else None
    if weekday:
        return f"XXXX-WXX-{weekday}"
    month = lexicon.month_number(m[1]) if m else None
    if not month or not 1 <= int(m[2]) <= 31:
        return "XXXX-XX-XX"
    if m[3] and dates.safe_date(int(m[3]), month, int(m[2])):
        return f"{m[3]}-{month:02d}-{int(m[2]):02d}"
    return f"XXXX-{month:02d}-{int(m[2]):02d}"


@_rule("clock")
def _clock(m: re.Match, context: Context) -> Result:
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    marker = _words(m["ampm"]).replace(" ", "")
    if marker.startswith("p") or "afternoon" in marker or "evening" in marker:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + 12
    elif marker.startswith("a") or "morning" in marker:
        if not 1 <= hour <= 12:
            return None
        hour %= 12
    return "TIME", _clock_value(hour, minute, _clock_day(m["dayref"], context), m["zone"])


@_rule("clock24")
@_rule("hhmm")
def _clock24(m: re.Match, context: Context) -> Result:
    day = _clock_day(m["dayref"], context)
    return "TIME", _clock_value(int(m["hour"]), int(m["minute"]), day, m["zone"])


@_rule("noon")
def _noon(m: re.Match, context: Context) -> Result:
    hour = 24 if _words(m["word"]) == "midnight" else 12
    return "TIME", _clock_value(hour, 0, _clock_day(m["dayref"], context), m["zone"])


# -- sets (frequencies) ----------------------------------------------------------------

@_rule("set_adverb")
def _set_adverb(m: re.Match, context: Context) -> Result:
    return "SET", lexicon.SET_ADVERBS[m["word"].lower()]


@_rule("set_every")
def _set_every(m: re.Match, context: Context) -> Result:
    quant = _words(m["quant"])
    if quant == "per" and re.search(r"\b(miles|kilometers|kilometres|km|meters|feet|words|"
                                    r"revolutions|beats)\s*$", context.before(30), re.I):
        return None
    part = lexicon.DAY_PARTS[m["part"].lower()] if m["part"] else None
    if m["wd"]:
        weekday = lexicon.weekday_number(m["wd"])
        return "SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
    if m["month"]:
        return "SET", f"XXXX-{lexicon.month_number(m['month']):02d}"
    if m["season"]:
        return "SET", f"XXXX-{lexicon.SEASONS[m['season'].lower()]}"
    amount = _amount(m["num"]) if m["num"] else 1.0
    if quant == "every other":
        amount = 2.0 if amount == 1.0 else amount
    _, value = _duration(amount, m["unit"])
    return "SET", value


@_rule("set_plural_weekday")
def _set_plural_weekday(m: re.Match, context: Context) -> Result:
    weekday = lexicon.weekday_number(m["wd"] or m["wd2"])
    part_word = (m["part"] or m["part2"] or "").lower().rstrip("s")
    part = f"T{lexicon.DAY_PARTS[part_word]}" if part_word else ""
    return "SET", f"XXXX-WXX-{weekday}{part}"


@_rule("reference")
def _reference(m: re.Match, context: Context) -> Result:
    return "DATE", lexicon.REFERENCE_WORDS[_words(m["word"])]


@_rule("holiday")
def _holiday(m: re.Match, context: Context) -> Result:
    rule = lexicon.HOLIDAYS[_words(m["word"]).replace("’", "'")]
    anchor = context.anchor
    if m["year"]:
        year = int(m["year"])
    elif anchor is None:
        return "DATE", f"XXXX-{rule[0]:02d}-{rule[1]:02d}" if isinstance(rule, tuple) else "XXXX-XX-XX"
    else:
        rel = _words(m["rel"])
        direction = ("past" if rel in ("last", "this past") else
                     "future" if rel in ("next", "this coming") else context.tense or "past")
        this_year = dates.holiday_date(rule, anchor.year)
        if this_year is None:
            return None
        year = dates.pick_year(anchor, this_year.month, this_year.day, direction)
    day = dates.holiday_date(rule, year)
    return ("DATE", day.isoformat()) if day else None


_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


@_rule("nth_weekday")
def _nth_weekday(m: re.Match, context: Context) -> Result:
    """ "the first Sunday in April", "the last Friday of June 2014"."""
    weekday, month = lexicon.weekday_number(m["wd"]), lexicon.month_number(m["month"])
    if not weekday or not month:
        return None
    if m["year"]:
        year = int(m["year"])
    elif context.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    else:
        direction, reach = context.direction
        year = dates.pick_year(context.anchor, month, None, direction, reach)
    day = dates.nth_weekday(year, month, weekday, _NTH[m["nth"].lower()])
    return ("DATE", day.isoformat()) if day else None


_NTH_WEEK_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25}


@_rule("week_of")
def _week_of(m: re.Match, context: Context) -> Result:
    """ "the week of March 6" (the week holding that day), "the last week of March"
    (the week holding the month's Nth Thursday-ish day: 4th, 11th... or its last-but-3)."""
    if m["nmonth"]:
        month = lexicon.month_number(m["nmonth"])
        nth = _words(m["nth"])
        if not nth:
            return None                                  # "the week of March": no day
        year = int(m["nyear"]) if m["nyear"] else None
        if year is None and context.anchor is None:
            return "DATE", "XXXX-WXX"
        if year is None:
            direction, reach = context.direction
            year = dates.pick_year(context.anchor, month, None, direction, reach)
        if nth in ("last", "final"):
            next_year, next_month = dates.shift_months(year, month, 1)
            day = dates.shift_days(date(next_year, next_month, 1), -4)
        else:
            day = date(year, month, _NTH_WEEK_DAY[nth])
        return "DATE", dates.week_value(day)
    result = _month_day(lexicon.month_number(m["month"]), lexicon.ordinal_value(m["day"]),
                        int(m["year"]) if m["year"] else None, context)
    if result is None or len(result[1]) != 10 or result[1].startswith("X"):
        return result
    return "DATE", dates.week_value(date.fromisoformat(result[1]))
