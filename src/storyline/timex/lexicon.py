"""Words the temporal tagger knows: calendar names, numbers, units, and cue words.

Everything here is data. `patterns` turns it into regular expressions and
`normalize` into TimeML values; keeping the vocabulary in one place means a new
spelling (``Sept.``, ``Thur.``) is added once and every rule picks it up.
"""

from __future__ import annotations

# Month and weekday names live in the shared toolkit; the tagger reads them here.
from ..text.calendar import MONTHS, WEEKDAYS, month_number, weekday_number

__all__ = [
    "MONTHS", "WEEKDAYS", "NUMBER_WORDS", "ORDINAL_WORDS", "TENS_WORDS", "UNITS",
    "SEASONS", "DAY_PARTS", "HOLIDAYS", "REFERENCE_WORDS", "SET_ADVERBS",
    "IRREGULAR_PAST", "month_number", "weekday_number", "number_value", "ordinal_value",
    "unit_of",
]

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "single": 1, "couple": 2,
    "a couple of": 2, "a dozen": 12, "dozen": 12, "half a dozen": 6,
}

TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25,
    "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirty-first": 31,
}

# Unit word -> (TimeML duration letter, is it a clock unit: PT2H, not P2H). Decades,
# centuries and millennia become years when written out (P10Y); a fortnight, two weeks.
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True),
    "day": ("D", False), "night": ("D", False), "week": ("W", False),
    "fortnight": ("FN", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "millennium": ("ML", False), "weekend": ("WE", False),
}
_UNIT_PLURALS = {"centuries": "century", "millennia": "millennium"}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA",
                           "winter": "WI"}

# Parts of the day: TimeML's TMO / TAF / TEV / TNI.
DAY_PARTS: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV",
                             "night": "NI", "overnight": "NI", "tonight": "NI"}

# Holidays with a fixed date (month, day) or a rule name that normalize computes.
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "st. patrick's day": (3, 17), "independence day": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "christmas eve": (12, 24), "christmas day": (12, 25),
    "christmas": (12, 25), "boxing day": (12, 26),
    "bastille day": (7, 14), "canada day": (7, 1), "guy fawkes night": (11, 5),
    "thanksgiving day": "thanksgiving", "thanksgiving": "thanksgiving",
    "labor day": "labor", "memorial day": "memorial", "easter sunday": "easter",
    "easter": "easter", "good friday": "good_friday", "election day": "election",
    "martin luther king day": "mlk", "presidents day": "presidents",
    "presidents' day": "presidents", "mother's day": "mothers", "father's day": "fathers",
}

# Words that are time expressions by themselves and point at now, the past or the
# future rather than a calendar date (TimeML's *_REF values).
# Pruned on TBAQ-cleaned false alarms: "previously", "once", "soon", "earlier", "later",
# "eventually", "shortly" and the adjective "future" are time expressions there far
# less often than not; "formerly" (a former role, "formerly an Apple executive") is
# never one in TBAQ-cleaned or MEANTIME.
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "the present": "PRESENT_REF",
    "the time being": "PRESENT_REF", "today": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "more recently": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}

# Adverbs of frequency -> TimeML SET value.
SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
    "annually": "P1Y", "semiannually": "P6M", "biannually": "P6M",
}

# Irregular past-tense verbs (regular ones end in -ed).
IRREGULAR_PAST = frozenset({
    "said", "was", "were", "had", "did", "came", "went", "took", "made", "began",
    "rose", "fell", "won", "lost", "met", "left", "got", "gave", "saw", "became",
    "held", "sold", "bought", "paid", "found", "told", "felt", "kept", "knew",
    "led", "ran", "sent", "spent", "stood", "struck", "thought", "threw", "wrote",
    "brought", "built", "caught", "chose", "drove", "fought", "flew", "grew",
    "heard", "hit", "hung", "laid", "lent", "meant", "put", "quit", "read", "rang",
    "sat", "set", "shot", "shut", "slid", "sought", "spoke", "spun", "stole",
    "swore", "taught", "tore", "understood", "woke", "wore", "withdrew", "overtook",
    "cut", "beat", "bid", "broke", "forgot", "froze", "hid", "let", "lay", "bore",
})


def number_value(text: str) -> float | None:
    """The value of a written number: "18", "2 1/2", "1.5", "twenty-five", "a dozen"."""
    text = text.lower().strip().replace(",", "")
    if not text:
        return None
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    if text in TENS_WORDS:
        return float(TENS_WORDS[text])
    parts = text.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in TENS_WORDS and parts[1] in NUMBER_WORDS:
        return float(TENS_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    if parts and parts[-1] == "hundred":
        head = number_value(" ".join(parts[:-1]) or "one")
        return head * 100 if head is not None else None
    if parts and parts[-1] == "thousand":
        head = number_value(" ".join(parts[:-1]) or "one")
        return head * 1000 if head is not None else None
    if len(parts) == 2 and "/" in parts[1]:      # "2 1/2"
        whole, fraction = number_value(parts[0]), number_value(parts[1])
        return whole + fraction if whole is not None and fraction is not None else None
    if "/" in text:
        numerator, _, denominator = text.partition("/")
        try:
            return float(numerator) / float(denominator)
        except (ValueError, ZeroDivisionError):
            return None
    try:
        return float(text)
    except ValueError:
        return None


def unit_of(word: str) -> tuple[str, bool]:
    """(TimeML unit letter, clock unit?) for "weeks", "centuries", "Hour"."""
    word = word.lower()
    word = _UNIT_PLURALS.get(word, word)
    if word not in UNITS and word.endswith("s"):
        word = word[:-1]
    return UNITS[word]


def ordinal_value(text: str) -> int | None:
    """1..31 for "3rd", "third", "twenty-first"; None otherwise."""
    text = text.lower().strip()
    if text in ORDINAL_WORDS:
        return ORDINAL_WORDS[text]
    digits = text.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None
