"""Text helpers for the timeline stage: content words and numbers.

Sentences, stop words and TF-IDF come from the shared toolkit (`storyline.text`).
"""

from __future__ import annotations

import re
from typing import Iterable

from ..text.terms import SENTENCE_STOP_WORDS

__all__ = ["content_words", "numbers"]

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def content_words(text: str) -> list[str]:
    """Lower-cased content words, with a crude plural/-ing/-ed/-e folding so that
    "spills", "spilled" and "spilling" meet "spill", "collapse" meets "collapsed"."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 2 or w in SENTENCE_STOP_WORDS or w.isdigit() and len(w) < 3:
            continue
        out.append(_fold(w))
    return out


def _fold(w: str) -> str:
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 4 and w.endswith("e"):
        return w[:-1]                     # "collapse" meets "collapsed"
    return w


# A number with its unit: "12,000 gallons", "$4.5 billion", "35 percent", "11 workers".
_NUMBER = re.compile(
    r"(?P<cur>[$£€])?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mult>million|billion|trillion|thousand|bn|m|k)\b)?"
    r"(?:\s?(?P<unit>%|percent|per cent|[a-zA-Z][a-z-]+))?")
_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
         "trillion": 1e12}
_NOT_UNITS = frozenset("""a an the and or of in on at to for from by with as than that which
who after before since until per am pm p.m a.m""".split())
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20,
          "hundred": 100}
_WORD_NUMBER = re.compile(r"\b(?P<num>" + "|".join(_SMALL) + r")\s(?P<unit>[a-z][a-z-]+)",
                          re.IGNORECASE)


def numbers(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[float, str, str]]:
    """(value, unit, as written) for the quantities in `text`: "12,000 gallons" ->
    (12000.0, "gallon", "12,000 gallons"). Spans in `skip` (dates, times) are left
    out, and so are bare years."""
    skip = list(skip)
    out = []
    for m in _NUMBER.finditer(text):
        if any(a < m.end("num") and m.start("num") < b for a, b in skip):
            continue
        raw = m.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        unit = (m.group("unit") or "").lower()
        if m.group("cur"):
            unit = m.group("cur") + ((" " + unit) if unit and unit not in _NOT_UNITS else "")
        elif unit in ("%", "percent", "per cent"):
            unit = "%"
        elif not unit or unit in _NOT_UNITS:
            continue                      # a bare number: nothing to compare it by
        if m.group("mult"):
            value *= _MULT[m.group("mult").lower()]
        if not m.group("cur") and unit != "%" and 1800 <= value <= 2100 and "." not in raw \
                and not m.group("mult"):
            continue                      # "2010 World Cup": a year, not a quantity
        out.append((value, _fold(unit) if unit[0].isalpha() else unit, m.group(0).strip()))
    for m in _WORD_NUMBER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in skip):
            continue
        unit = m.group("unit").lower()
        if unit in _NOT_UNITS or unit in _SMALL:
            continue
        out.append((float(_SMALL[m.group("num").lower()]), _fold(unit), m.group(0)))
    return out
