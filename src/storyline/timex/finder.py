"""The span finder: every rule's matches, filtered, then the longest that do not overlap.

Rules over-generate on purpose ("May" the month and "May" the name, "fall" the
season and the verb); the filters here throw out matches whose surroundings say
they are not time expressions. Which filters exist, and how strict they are, was
decided on the false alarms in TBAQ-cleaned and MEANTIME (bench/te3.py
--show-errors).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..text.calendar import WEEKDAY_NAMES
from .patterns import GATE_WORDS, RULES, Rule

__all__ = ["Candidate", "candidates", "longest_first", "year_after_name"]


@dataclass
class Candidate:
    start: int
    end: int
    priority: int              # the rule's position in RULES: lower wins ties
    rule: Rule
    match: re.Match
    result: tuple[str, str] | None = None      # (type, value), set once normalized


def candidates(text: str, gated: bool = True) -> Iterator[Candidate]:
    """Every plausible match of every rule (overlapping ones included).

    With `gated`, a rule is only run in windows around the tokens its matches must
    contain (Rule.gates); the result is the same as scanning the whole text, several
    times faster, because most of a news article holds no time expression.
    """
    gates = _gate_positions(text) if gated else None
    for priority, rule in enumerate(RULES):
        for start, end in _windows(rule, gates, len(text)):
            for match in rule.regex.finditer(text, start, end):
                if match.end() > match.start() and _plausible(rule.name, match, text):
                    yield Candidate(match.start(), _extent_end(rule.name, match, text),
                                    priority, rule, match)


_SENTENCE_GOES_ON = re.compile(r"\s*(?:$|\n|[A-Z\"“])")


def _extent_end(rule: str, match: re.Match, text: str) -> int:
    """Where the expression ends: "at 6 a.m." at the end of a sentence leaves the full
    stop out, as annotators do ("6 a.m" in TBAQ-cleaned)."""
    end = match.end()
    if (rule == "clock" and not match["dayref"] and match[0].endswith(".")
            and _SENTENCE_GOES_ON.match(text, end)):
        return end - 1
    return end


def longest_first(items: list) -> list:
    """Non-overlapping items (with .start, .end, .priority; never empty: a match has a
    character at least), longest first, in text order."""
    chosen: list = []
    # The spans taken so far never overlap, so sorted by start they are sorted by end
    # too: an item overlaps one only if it overlaps a neighbour of its insertion point
    # (a lookup per item, not a pass over all taken spans: a long text has thousands).
    starts: list[int] = []
    ends: list[int] = []
    for item in sorted(items, key=lambda c: (c.start - c.end, c.priority, c.start)):
        i = bisect.bisect_right(starts, item.start)
        if (i > 0 and ends[i - 1] > item.start) or (i < len(starts) and starts[i] < item.end):
            continue
        starts.insert(i, item.start)
        ends.insert(i, item.end)
        chosen.append(item)
    return sorted(chosen, key=lambda c: c.start)


# -- gating ------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


def _families_by_word() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for family, words in GATE_WORDS.items():
        for word in words:
            table[word] = table.get(word, ()) + (family,)
    return table


_WORD_FAMILIES = _families_by_word()
_YEAR4_TOKEN = re.compile(r"(?:FY)?[12]\d{3}s?")
_QCODE_TOKEN = re.compile(r"Q[1-4]|[1-4]Q|H[12]")
_BARE_DECADE_TOKEN = re.compile(r"[2-9]0s")
_CLOCK_AFTER = re.compile(r"(?:[:.]\d\d)?\s*(?:[ap]\.\s?m|[ap]m\b|o['’]clock|in\s+the\s+(?:morning|afternoon|evening))",
                          re.IGNORECASE)
_CLOCK24_AFTER = re.compile(r"(?::?\d\d)?\s*(?:UTC|GMT|Z\b)")
# Chars scanned around a gate token: more than any expression reaches from its gate
# token (at most 36 in TBAQ-cleaned, MEANTIME and TE3 platinum: "the past fiscal"
# before "year"); 100 scanned a third more text for nothing.
_MARGIN = 70


def _gate_positions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Token family -> spans of the tokens of that family in the text."""
    found: dict[str, list[tuple[int, int]]] = {}
    families_of = _WORD_FAMILIES
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token[0].isdigit() or token[:2] in ("FY", "Q1", "Q2", "Q3", "Q4", "H1", "H2"):
            families = _digit_families(token, text, m.start(), m.end())
        else:
            families = families_of.get(token.lower(), ())
        for family in families:
            found.setdefault(family, []).append((m.start(), m.end()))
    return found


def _digit_families(token: str, text: str, start: int, end: int) -> list[str]:
    families = []
    if _YEAR4_TOKEN.fullmatch(token):
        families.append("year4")
    if (start and text[start - 1] in "'’" and len(token) <= 3) or _BARE_DECADE_TOKEN.fullmatch(token):
        families.append("yy")
    if text[end:end + 1] == "/":
        families.append("slash")
    if _CLOCK_AFTER.match(text, end):
        families.append("clock")
    if _CLOCK24_AFTER.match(text, end):
        families.append("clock24")
    if text[end:end + 1] == ":" and text[end + 1:end + 3].isdigit():
        families.append("hhmm")
    if _QCODE_TOKEN.fullmatch(token):
        families.append("qcode")
    return families


def _windows(rule: Rule, gates: dict[str, list[tuple[int, int]]] | None,
             length: int) -> list[tuple[int, int]]:
    """Merged text windows around the rule's gate tokens (the whole text if ungated)."""
    if gates is None:
        return [(0, length)]
    spans = sorted(span for family in rule.gates for span in gates.get(family, ()))
    windows: list[list[int]] = []
    for start, end in spans:
        start, end = max(0, start - _MARGIN), min(length, end + _MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return [(start, end) for start, end in windows]


# -- filters ------------------------------------------------------------------------------

_PREV_WORD = re.compile(r"([\w.'’-]+)\W*$")
_NEXT_WORD = re.compile(r"^\W*?([\w'’-]+)")

# Words after which a bare month, season or year is a time: "in May", "since 1990".
_TIME_PREPOSITIONS = frozenset({
    "in", "since", "until", "till", "by", "from", "through", "thru", "to", "early", "late",
    "mid", "last", "this", "next", "of", "during", "before", "after", "and", "or",
    "between", "around", "throughout", "for", "until", "as", "into", "on", "circa", "c.",
    "year", "back", "about", "spring", "summer", "autumn", "fall", "winter", "that",
    "over", "the",
})
# Words before which a number far from today is still a year: "in 1492", "by 2450".
_YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "till", "circa", "c.", "year",
                                "around", "before", "after", "from", "during"})
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
    prev = _previous_word(text, m.start())
    if not 1700 <= year <= 2099 and prev.lower() not in _YEAR_PREPOSITIONS:
        return False                                  # "2450 miles", "and 1200 troops"
    # After a name ("Russell 2000", "WWDC 2005") the normalizer decides: it knows the anchor.
    after = text[m.end():m.end() + 12]
    if re.match(r"\s*(%|percent|per\b|[-–]\s*\d(?!\d\d\d)|\.\d)", after, re.I):
        return False                                  # "1990 percent", "1990-2"; not "2009-2010"
    return True


def year_after_name(text: str, start: int) -> bool:
    """Does the year at `start` follow a capitalized word that is not a preposition
    or the start of a sentence: "Russell 2000", "Windows 2000", "WWDC 2005"?"""
    prev = _previous_word(text, start)
    return (prev[:1].isupper() and prev.lower() not in _TIME_PREPOSITIONS
            and not _sentence_initial(text, start))


def _season(m: re.Match, text: str) -> bool:
    rel = (m["rel"] or "").lower().strip()
    if m["year"] or m["mod"] or rel not in ("", "the", "that"):
        return True
    prev = _previous_word(text, m.start()).lower()
    if prev not in _TIME_PREPOSITIONS or prev in ("of", "and", "or", "to", "the"):
        return False                                  # "prices fall", "the summer camp"
    nxt = _next_word(text, m.end()).lower()
    return nxt not in ("in", "of", "from", "season", "collection", "school", "camp")


_FUNCTION_WORDS = frozenset({
    "and", "or", "but", "since", "until", "through", "from", "to", "in", "on", "at", "by",
    "for", "with", "as", "if", "when", "while", "because", "so", "than", "the", "a", "an",
    "over", "during", "after", "before", "into", "throughout", "instead", "again", "now",
})


def _set_adverb(m: re.Match, text: str) -> bool:
    """ "adjusted quarterly" is a frequency, "its quarterly dividend" an adjective that
    TBAQ-cleaned leaves unannotated (it does annotate "daily life", "weekly gain")."""
    if m["word"].lower() != "quarterly":
        return True
    nxt = _next_word(text, m.end())
    if not nxt or not re.match(r"\s*[A-Za-z]", text[m.end():m.end() + 3]):
        return True                                   # punctuation or end follows
    return nxt.lower() in _FUNCTION_WORDS


_CLOCK_PREPOSITIONS = frozenset({"at", "by", "until", "till", "from", "around", "before",
                                 "after", "since", "to", "between", "and", "about"})


def _hhmm(m: re.Match, text: str) -> bool:
    """ "at 14:30" is a time; "won 2:1", "John 3:16" and "12:45" in a table are not."""
    return _previous_word(text, m.start()).lower() in _CLOCK_PREPOSITIONS


def _relative(m: re.Match, text: str) -> bool:
    """ABC's "This Week" is a programme, not a week."""
    return not (m[0][:1].isupper() and m[0].split()[-1][:1].isupper()
                and text[max(0, m.start() - 1):m.start()] in ('"', "“", "`"))


_GENERIC_NOUNS = frozenset({
    "world", "society", "youth", "young", "children", "kids", "generation", "economy",
    "standards", "technology", "culture", "politics", "market", "markets", "computers",
    "consumers", "teenagers", "families", "workers", "women", "men", "church", "army",
})


def _day_word(m: re.Match, text: str) -> bool:
    """ "today's world" is any day, not the anchor's; "USA Today" and NBC's "Today" are
    titles (both left unannotated in TBAQ-cleaned)."""
    word = m["word"]
    if word.lower() != "today":
        return True
    if text[m.end():m.end() + 2] in ("'s", "’s") and _next_word(text, m.end() + 2).lower() in _GENERIC_NOUNS:
        return False
    prev = _previous_word(text, m.start())
    return not (word[0].isupper() and prev[:1].isupper() and not _sentence_initial(text, m.start()))


# A weekday in a name, not a day: newspapers ("The Sunday Times", "the Mail on Sunday")
# and past events named by their day ("Bloody Sunday", "Black Monday").
_PAPER_AFTER = frozenset("times telegraph mirror express herald people post star tribune "
                         "world independent mail sport observer".split())
_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Scotland|Wales|Ireland) on\s+$")
_NAMED_DAY_BEFORE = frozenset({"bloody", "black"})


def _weekday_name(m: re.Match, text: str) -> bool:
    wd = m["wd"]
    if m["rel"] or not wd[:1].isupper():
        return True
    after = _next_word(text, m.end())
    if after[:1].isupper() and after.lower() in _PAPER_AFTER:
        return False
    if _PAPER_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
        return False
    prev = _previous_word(text, m.start())
    return not (prev[:1].isupper() and prev.lower() in _NAMED_DAY_BEFORE)


_AGE_OWNERS = frozenset({"his", "her", "their", "its", "my", "your", "our", "low", "high",
                         "upper", "lower"})


def _decade(m: re.Match, text: str) -> bool:
    """A bare "70s" is a decade ("cars of the 70s") unless it is an age or a reading
    ("in his 70s", "her late 80s", "temperatures in the low 80s")."""
    if not m["decade3"]:
        return True
    before = re.findall(r"[\w']+", text[max(0, m.start() - 30):m.start()].lower())[-2:]
    own = m[0].lower().split()[:-1]
    return not _AGE_OWNERS.intersection(before + own) and "degree" not in text[m.end():m.end() + 12]


def _noon(m: re.Match, text: str) -> bool:
    """ "high noon" is a showdown (and a film), not twelve o'clock."""
    return not (m["word"].lower() == "noon" and _previous_word(text, m.start()).lower() == "high")


_OF_A_DAY = re.compile(rf"\s+of\s+(?:the\s+)?(?:{'|'.join(WEEKDAY_NAMES)}|"
                       r"today|yesterday|tomorrow|that\s+day|the\s+day|the\s+next\s+day|\w+\.?\s+\d)",
                       re.IGNORECASE)


def _duration_vague(m: re.Match, text: str) -> bool:
    """ "In the early hours of Sunday" is a time of that day (annotated as the day in
    TBAQ-cleaned), not a duration. A bare "quarters" is a fraction or a lodging
    ("three-quarters of its food", "inspect such quarters"), never a span of time in
    TBAQ-cleaned or MEANTIME; with an amount or a lead ("several quarters", "recent
    quarters") it is one."""
    if m["unit"].lower() == "hours" and _OF_A_DAY.match(text, m.end()):
        return False
    if m["unit"].lower() != "quarters":
        return True
    vague = (m["vague"] or "").lower()
    return bool(m["approx"] or m["lead"] or (vague and vague != "some"))


_FILTERS = {
    "month": _month_alone,
    "year": _bare_year,
    "season": _season,
    "set_adverb": _set_adverb,
    "relative": _relative,
    "hhmm": _hhmm,
    "day_word": _day_word,
    "weekday": _weekday_name,
    "decade": _decade,
    "duration_vague": _duration_vague,
    "noon": _noon,
}
