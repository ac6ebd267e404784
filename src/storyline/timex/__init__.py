"""Time expressions: find them in English news text and normalize them to TimeML.

    >>> from storyline.timex import tag
    >>> [(t.text, t.type, t.value) for t in tag("The council met on Tuesday.", "2017-06-30")]
    [('Tuesday', 'DATE', '2017-06-27')]

`tag(text, anchor)` returns `TimeExpr(text, start, end, type, value)` for every time
expression, offsets into `text`, sorted and non-overlapping. `type` is TimeML's
DATE, TIME, DURATION or SET; `value` is relative to the anchor (the article's date):
``2017-06-30``, ``2017-W26``, ``2017-Q1``, ``P3D``, ``XXXX-WXX-2``, ``PRESENT_REF``.
With no anchor, relative expressions stay underspecified (``XXXX-03``, ``PAST_REF``).

Pure Python and `re`: patterns (what a span is) -> finder (which spans win) ->
normalize (what they mean, with tense cues from the sentence) -> discourse (what the
expressions of one text tell about each other: ranges, "the same period last year").
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime

from ..model import TimeExpr
from .discourse import CLOCK_RULES, resolve_together
from .finder import candidates, longest_first
from .normalize import Context, normalize

__all__ = ["tag"]


_log = logging.getLogger(__name__)


def tag(text: str, anchor: str | date | None = None) -> list[TimeExpr]:
    """Every time expression in `text`, normalized relative to `anchor` (a date, a
    datetime or an ISO string; anything unreadable counts as no anchor)."""
    if not text:
        return []
    anchor_date = _as_date(anchor)
    found = []
    for candidate in candidates(text):
        context = Context(text, candidate.start, candidate.end, anchor_date)
        try:
            result = normalize(candidate.rule.name, candidate.match, context)
        except (KeyError, ValueError, OverflowError, IndexError) as err:
            # A rule that cannot value an odd match loses that one expression,
            # never the article: the miss is logged for whoever tunes the rules.
            _log.debug("timex rule %s failed on %r: %s", candidate.rule.name,
                       candidate.match.group(0), err)
            continue
        if result is not None and result[1]:
            candidate.result = result
            found.append(candidate)
    chosen = longest_first(found)
    expressions = [TimeExpr(text[c.start:c.end], c.start, c.end, c.result[0], c.result[1])
                   for c in chosen]
    resolve_together(text, expressions, [c.rule.name for c in chosen],
                     [_has_own_day(c) for c in chosen], anchor_date)
    return expressions


def _as_date(anchor: str | date | None) -> date | None:
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    if isinstance(anchor, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", anchor)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def _has_own_day(candidate) -> bool:
    """Does this expression say which day it is on? Clock times without a day word
    ("at 6 p.m.") do not; everything else counts as having one."""
    return candidate.rule.name not in CLOCK_RULES or bool(candidate.match["dayref"])
