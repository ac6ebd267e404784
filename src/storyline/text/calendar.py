"""Calendar words: month and weekday names with the abbreviations news copy uses.

The temporal tagger, the dating stage, page cleaning and date extraction all
read months and weekdays from here, so a new spelling is added once.
"""

from __future__ import annotations

__all__ = ["MONTHS", "WEEKDAYS", "MONTH_NAMES", "MONTH_ABBREVIATIONS", "AP_MONTHS",
           "WEEKDAY_NAMES", "WEEKDAY_ABBREVIATIONS", "month_number", "weekday_number"]

# Month names and the abbreviations news copy uses (AP style: Jan. Feb. Aug. Sept.
# Oct. Nov. Dec.; March-July spelled out). Keys are lower case.
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# ISO weekday numbers (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3,
    "wed": 3, "thursday": 4, "thurs": 4, "thu": 4, "thur": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

# Full names in calendar order, then the abbreviations in the order of MONTHS.
MONTH_NAMES = tuple(m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july"))
MONTH_ABBREVIATIONS = tuple(m for m in MONTHS if m not in MONTH_NAMES)
# How AP style prints a month before a day: March to July in full, the others cut
# to three letters ("Jan. 5", "March 3").
AP_MONTHS = tuple(m if len(m) <= 5 else m[:3] for m in MONTH_NAMES)

WEEKDAY_NAMES = tuple(d for d in WEEKDAYS if d.endswith("day"))
WEEKDAY_ABBREVIATIONS = tuple(d for d in WEEKDAYS if not d.endswith("day"))


def month_number(word: str) -> int | None:
    """1..12 for a month name or abbreviation ("Sept.", "sept"), else None."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """ISO weekday (Monday = 1) for a weekday name or abbreviation, else None."""
    word = word.lower().rstrip(".")
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("s") and word[:-1] in WEEKDAYS and len(word) > 4:
        word = word[:-1]                       # "Tuesdays"
    return WEEKDAYS.get(word)
