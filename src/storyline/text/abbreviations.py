"""Abbreviations whose full stop does not end a sentence ("Sen. Alvarez", "Sept. 30").

Each splitter in `sentences` has its own list, kept as it was tuned: the quote
finder knows more titles and Latin/clock abbreviations, the time-expression
context only titles and months. What they share is written once here.
"""

from __future__ import annotations

from .calendar import AP_MONTHS, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS

__all__ = ["NAME_TITLES", "AP_MONTH_ABBREVIATIONS", "SPLIT_ABBREVIATIONS",
           "PARAGRAPH_ABBREVIATIONS", "CONTEXT_ABBREVIATIONS"]

# Titles before a name: every splitter knows these. As printed (case matters).
NAME_TITLES = ("Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt")

# Month abbreviations AP style prints before a day ("Sept. 30"; "March 3" is spelled out).
AP_MONTH_ABBREVIATIONS = tuple(a.title() for a in MONTH_ABBREVIATIONS
                               if MONTH_NAMES[MONTHS[a] - 1] not in AP_MONTHS)

# `split_sentences` (text with no stored sentences), as printed; a single capital
# letter (an initial) is handled by the splitter itself.
SPLIT_ABBREVIATIONS = (NAME_TITLES + ("Prof", "Adm", "Rev")
                       + tuple(a.title() for a in MONTH_ABBREVIATIONS)
                       + ("No", "Co", "Corp", "Inc", "Ltd", "Jr", "Sr", "U.S", "U.N", "U.K", "vs"))

# `paragraph_sentences` (the quote finder), lower case. Not "jun"/"jul": this list
# never had them, and "Jun." ends quoted sentences as it always did.
PARAGRAPH_ABBREVIATIONS = frozenset(
    {t.lower() for t in NAME_TITLES}
    | {"cmdr", "jr", "sr", "prof", "rev", "hon", "pres", "sec", "atty", "supt", "insp", "det"}
    | (set(MONTH_ABBREVIATIONS) - {"jun", "jul"})
    | {"no", "vs", "inc", "corp", "co", "ltd", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g",
       "i.e", "etc"})

# `sentence_bounds` (the context of a time expression), as printed.
CONTEXT_ABBREVIATIONS = NAME_TITLES + AP_MONTH_ABBREVIATIONS
