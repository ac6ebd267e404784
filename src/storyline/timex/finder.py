"""The span finder: every rule's matches, filtered, then the longest that do not overlap.

Rules over-generate on purpose ("May" the month and "May" the name, "fall" the
season and the verb); the filters here throw out matches whose surroundings say
they are not time expressions. Which filters exist, and how strict they are, was
decided on the false alarms in TBAQ-cleaned and MEANTIME (bench/te3.py
--show-errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .patterns import RULES, Rule

__all__ = ["Candidate", "candidates", "longest_first"]


@dataclass
class Candidate:
    start: int
    end: int
    priority: int              # the rule's position in RULES: lower wins ties
    rule: Rule
    match: re.Match
    result: tuple[str, str] | None = None      # (type, value), set once normalized


def candidates(text: str) -> Iterator[Candidate]:
    """Every plausible match of every rule (overlapping ones included)."""
    for priority, rule in enumerate(RULES):
        for match in rule.regex.finditer(text):
            if match.end() > match.start() and _plausible(rule.name, match, text):
                yield Candidate(match.start(), match.end(), priority, rule, match)


def longest_first(items: list) -> list:
    """Non-overlapping items (with .start, .end, .priority), longest first, in text order."""
    chosen: list = []
    taken: list[tuple[int, int]] = []
    for item in sorted(items, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if all(item.end <= s or item.start >= e for s, e in taken):
            chosen.append(item)
            taken.append((item.start, item.end))
    return sorted(chosen, key=lambda c: c.start)


# -- filters ------------------------------------------------------------------------------

_PREV_WORD = re.compile(r"([\w.'’-]+)\W*$")
_NEXT_WORD = re.compile(r"^\W*?([\w'’-]+)")

# Words after which a bare month, season or year is a time: "in May", "since 1990".
_TIME_PREPOSITIONS = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "thru", "to", "early", "late",
    "mid", "last", "this", "next", "of", "during", "before", "after", "and", "or",
    "between", "around", "throughout", "for", "until", "as", "into", "on", "circa", "c.",
    "year", "back", "about", "spring", "summer", "autumn", "fall", "winter", "that",
})
_AMBIGUOUS_MONTHS = frozenset({"May", "March", "MAY", "MARCH"})


def _previous_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text[max(0, start - 30):start])
    return m[1] if m else ""


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.search(text[end:end + 30])
    return m[1] if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?:;\n"


def _plausible(rule: str, m: re.Match, text: str) -> bool:
    check = _FILTERS.get(rule)
    return check(m, text) if check else True


def _month_alone(m: re.Match, text: str) -> bool:
    if m["rel"] or m["mod"] or m["relyear"]:
        return True
    prev = _previous_word(text, m.start())
    after_preposition = prev.lower() in _TIME_PREPOSITIONS
    if m["month"] in _AMBIGUOUS_MONTHS and not after_preposition:
        return False                                  # "Theresa May", "may", "March on"
    if not after_preposition and not _sentence_initial(text, m.start()):
        if prev[:1].isupper():
            return False                              # "Sen. April", "Mrs. June"
    nxt = _next_word(text, m.end())
    if nxt[:1].isupper() and not after_preposition and text[m.end():m.end() + 1] == " ":
        return False                                  # "June Carter", "April Fools"
    return True


def _bare_year(m: re.Match, text: str) -> bool:
    if m["mod"] or m["fiscal"] or m["yearwords"]:
        return True
    year = int(m["year"])
    prev = _previous_word(text, m.start()).lower()
    if not 1700 <= year <= 2099 and prev not in _TIME_PREPOSITIONS:
        return False                                  # "2450 miles", "1200 troops"
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(%|percent|per\b|-\s*\d|\.\d)", after, re.I):
        return False                                  # "1990 percent", "1990-2"
    return True


def _season(m: re.Match, text: str) -> bool:
    rel = (m["rel"] or "").lower().strip()
    if m["year"] or m["mod"] or rel not in ("", "the", "that"):
        return True
    prev = _previous_word(text, m.start()).lower()
    if prev not in _TIME_PREPOSITIONS or prev in ("of", "and", "or", "to"):
        return False                                  # "prices fall", "the summer camp"
    nxt = _next_word(text, m.end()).lower()
    return nxt not in ("in", "of", "from", "season", "collection", "school", "camp")


def _reference(m: re.Match, text: str) -> bool:
    word = m["word"].lower()
    nxt = _next_word(text, m.end()).lower()
    if word in ("earlier", "later") and nxt in ("than", "on", "in", "this", "that", "today"):
        return False
    if word == "once" and nxt in ("a", "an", "again", "more", "every", "in", "the", "and"):
        return False
    return True


_FILTERS = {
    "month": _month_alone,
    "year": _bare_year,
    "season": _season,
    "reference": _reference,
}
