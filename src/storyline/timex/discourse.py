"""What the time expressions of one text tell about each other.

`normalize` values each expression on its own, from the anchor and its sentence's
tense. Some values need the others: the two ends of a range ("April to June 2017",
"Monday through Friday"), "the same period last year" after "in February", "the
quarter" in a story about a fiscal first quarter, "at 6 p.m." in a sentence that
says "Tuesday". `resolve_together` revises the values in place; spans never change.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from typing import Callable

from ..model import TimeExpr
from ..text.sentences import sentence_bounds
from .normalize import reporting_quarter

__all__ = ["CLOCK_RULES", "resolve_together"]

_log = logging.getLogger(__name__)


def resolve_together(text: str, expressions: list[TimeExpr], rules: list[str],
                     own_day: list[bool], anchor: date | None) -> None:
    """Revise the values of `expressions` (sorted, non-overlapping; `rules[i]` is the
    rule that found the i-th, `own_day[i]` whether it names its own day) in place."""
    passes: list[Callable[[], None]] = [
        lambda: _share_years_in_ranges(text, expressions),
        lambda: _end_ranges_after_their_start(text, expressions),
        lambda: _same_period_a_year_before(text, expressions, rules),
        lambda: _anaphoric_units(text, expressions),
        lambda: _quarter_talked_about(text, expressions, rules, anchor),
        lambda: _date_clock_times(text, expressions, own_day),
    ]
    for revise in passes:
        try:
            revise()
        except (ValueError, OverflowError, IndexError, KeyError) as err:
            # a pass that trips on an odd value leaves the values as they were
            _log.debug("timex discourse pass failed: %s", err)


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_MONTH_VALUE = re.compile(r"(\d{4})(-\d\d(?:-\d\d)?)$")


def _share_years_in_ranges(text: str, expressions: list[TimeExpr]) -> None:
    """ "from April to June 2017": the first end takes its year from the second."""
    for first, second in zip(expressions, expressions[1:]):
        if not _RANGE_JOIN.fullmatch(text[first.end:second.start]):
            continue
        first_value = _MONTH_VALUE.match(first.value)
        second_value = _MONTH_VALUE.match(second.value)
        if not first_value or not second_value or re.search(r"\d{4}", first.text):
            continue
        if not re.search(r"\d{4}", second.text):
            continue
        year = int(second_value[1])
        if first_value[2][:3] > second_value[2][:3]:
            year -= 1                                 # "December to March 2017"
        first.value = f"{year:04d}{first_value[2]}"


_RANGE_TO = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till)\s*", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")


def _end_ranges_after_their_start(text: str, expressions: list[TimeExpr]) -> None:
    """ "from Monday through Friday", "Dec. 28 to Jan. 3": a range ends after it starts.
    Each end was resolved on its own (a bare weekday backwards from the anchor), so an
    end that falls before its start moves on a week, or a year, when its text names no
    year."""
    for first, second in zip(expressions, expressions[1:]):
        if not _RANGE_TO.fullmatch(text[first.end:second.start]):
            continue
        if not (_DAY.match(first.value) and _DAY.match(second.value)) or second.value >= first.value:
            continue
        if re.search(r"\d{4}|\d\d/", second.text):
            continue
        end = date.fromisoformat(second.value)
        if not re.search(r"\d", second.text):        # a weekday
            end += timedelta(days=7)
        else:
            try:
                end = end.replace(year=end.year + 1)
            except ValueError:                        # Feb. 29
                continue
        if end.isoformat() >= first.value:
            second.value = end.isoformat()


_SAME_PERIOD = re.compile(r"\b(?:same|corresponding|comparable)\b", re.IGNORECASE)
_A_YEAR_BEFORE = re.compile(r"\b(?:year-ago|year-earlier|a\s+year\s+(?:ago|earlier)"
                            r"|(?:last|previous|prior)\s+year)\b", re.IGNORECASE)
_PERIOD_VALUE = re.compile(r"(\d{4})(-(?:\d\d|Q[1-4]|H[12]))$")


def _same_period_a_year_before(text: str, expressions: list[TimeExpr], rules: list[str]) -> None:
    """ "Sales rose 43% in February compared to the same period last year": the same
    period is the month, quarter or half the sentence has just named, a year earlier
    (without one, the normalizer's guess stands: the last reported quarter)."""
    for i, expression in enumerate(expressions):
        if rules[i] != "period" or not _SAME_PERIOD.search(expression.text):
            continue
        if not _A_YEAR_BEFORE.search(expression.text):
            continue
        sentence_start, _ = sentence_bounds(text, expression.start, expression.end)
        for earlier in reversed(expressions[:i]):
            if earlier.start < sentence_start:
                break
            m = _PERIOD_VALUE.match(earlier.value)
            if m and earlier.type == "DATE":
                expression.value = f"{int(m[1]) - 1:04d}{m[2]}"
                break


_ANAPHORIC = re.compile(r"(?:(?:earlier|later|early|late)\s+)?"
                        r"(that(?:\s+same)?|the\s+(?:following|next|previous|prior|same))"
                        r"\s+(year|month|day|morning|afternoon|evening|night)", re.IGNORECASE)
_STEP = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1}
_CALENDAR_VALUE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T[A-Z0-9:]+)?$")
_UNIT_FIELDS = {"year": 1, "month": 2, "day": 3, "morning": 3, "afternoon": 3, "evening": 3, "night": 3}
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _anaphoric_units(text: str, expressions: list[TimeExpr]) -> None:
    """ "On May 22, 1995, he was promoted, and the following year he went to Rome";
    "she fled in June 1998 and returned later that year": "that year", "the following
    month", "the same day", "the next morning" count from the date the story has just
    named (this sentence or the two before it), not from the anchor (TimeML anchors
    anaphoric expressions to the time they refer back to; with no such date the
    anchor-relative value stays)."""
    for i, expression in enumerate(expressions):
        m = _ANAPHORIC.fullmatch(expression.text)
        if not m or expression.type not in ("DATE", "TIME"):
            continue
        rel, unit = " ".join(m[1].lower().split()), m[2].lower()
        offset = _STEP.get(rel, 0)                    # "that", "the same": 0
        window_start = _sentences_back(text, expression.start, 3)
        for earlier in reversed(expressions[:i]):
            if earlier.start < window_start:
                break
            named = _CALENDAR_VALUE.match(earlier.value)
            if earlier.type in ("DATE", "TIME") and named and named[_UNIT_FIELDS[unit]]:
                expression.value = _shifted(named, unit, offset)
                break


def _sentences_back(text: str, start: int, count: int) -> int:
    """Where the sentence `count - 1` sentences before the one at `start` begins."""
    for _ in range(count):
        start, _end = sentence_bounds(text, max(0, start - 2), start)
    return start


def _shifted(named: re.Match, unit: str, offset: int) -> str:
    year = int(named[1])
    if unit == "year":
        return f"{year + offset:04d}"
    month = int(named[2])
    if unit == "month":
        index = year * 12 + month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    day = (date(year, month, int(named[3])) + timedelta(days=offset)).isoformat()
    return f"{day}T{_DAY_PARTS[unit]}" if unit in _DAY_PARTS else day


_QUARTER_VALUE = re.compile(r"(\d{4})-Q([1-4])$")
_ORDINAL_IN = re.compile(r"\b(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\b|\bQ[1-4]\b",
                         re.IGNORECASE)
_QUARTER_REACH = 1000     # chars back to the quarter a story names (TBAQ-cleaned briefs)


def _quarter_talked_about(text: str, expressions: list[TimeExpr], rules: list[str],
                          anchor: date | None) -> None:
    """ "Sun reported a loss for the fiscal first quarter ... sales for the quarter
    rose ... a year earlier": once a story names the quarter it reports on, "the
    quarter", "the latest period" and the year-ago figures are about that quarter,
    not the calendar quarter that last ended (the normalizer's guess). Tuned on
    TBAQ-cleaned's earnings briefs, where fiscal quarters are common."""
    if anchor is None:
        return
    reported = reporting_quarter(anchor)
    for i, expression in enumerate(expressions):
        m = _QUARTER_VALUE.match(expression.value)
        if rules[i] not in ("period", "ago", "year_end") or not m or int(m[2]) != reported[1]:
            continue
        if _ORDINAL_IN.search(expression.text):
            continue
        named = {earlier.value[-1] for earlier_rule, earlier in zip(rules[:i], expressions[:i])
                 if expression.start - earlier.end <= _QUARTER_REACH
                 and earlier_rule in ("quarter", "quarter_code") and _reported_on(text, earlier, reported)}
        if len(named) == 1:                       # the story names one quarter: that one
            expression.value = f"{int(m[1]):04d}-Q{named.pop()}"


def _reported_on(text: str, quarter: TimeExpr, reported: tuple[int, int]) -> bool:
    """Is this named quarter one a story reports results for: this reporting year's,
    no later than the last calendar quarter ("expects a fourth-quarter charge" is
    not), unless it has ended ("its fourth quarter ended Sept. 30": a fiscal one)?"""
    named = _QUARTER_VALUE.match(quarter.value)
    if not named or int(named[1]) != reported[0] or re.search(r"\d{4}", quarter.text):
        return False
    return int(named[2]) <= reported[1] or bool(_ENDED.match(text, quarter.end))


_ENDED = re.compile(r"\s+(?:that\s+)?end(?:ed|ing)\b", re.IGNORECASE)


CLOCK_RULES = frozenset({"clock", "clock24", "hhmm", "noon"})
_DAY_VALUE = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d)$")
# A clock time's value: its day ("2013-03-06", "XXXX-WXX-2", "XXXX-XX-XX") and time.
_CLOCK_VALUE = re.compile(r"((?:\d{4}|XXXX)-(?:\d\d-\d\d|WXX-\d|XX-XX))(T\d\d:\d\dZ?)$")


def _date_clock_times(text: str, expressions: list[TimeExpr], own_day: list[bool]) -> None:
    """ "On Tuesday, the plane landed at 6 p.m.", "the blast at 10:35 a.m. (0735 GMT)
    Friday", "at 4 in the morning (4 a.m. EDT Thursday)": a clock time with no day of
    its own is on the day the same sentence names (the nearest one, alone or with a
    clock time), not necessarily on the anchor's day."""
    days = []
    for expression, has_day in zip(expressions, own_day):
        clock = _CLOCK_VALUE.match(expression.value)
        if expression.type == "DATE" and _DAY_VALUE.match(expression.value):
            days.append((expression.start, expression.value))
        elif expression.type == "TIME" and has_day and clock and _DAY_VALUE.match(clock[1]):
            days.append((expression.start, clock[1]))
    if not days:
        return
    for expression, has_day in zip(expressions, own_day):
        clock = _CLOCK_VALUE.match(expression.value)
        if has_day or expression.type != "TIME" or not clock:
            continue
        left, right = sentence_bounds(text, expression.start, expression.end)
        near = [(abs(start - expression.start), day) for start, day in days if left <= start < right]
        if near:
            expression.value = min(near)[1] + clock[2]
