"""The grammar of English time expressions, as named regular expressions.

Each `Rule` is one family of expressions ("Aug. 7, 1998", "last week", "two-year",
"every Tuesday") with named groups the normalizer reads. The rules are built from
`lexicon` so spellings live in one place. What a span includes follows the TimeML
1.2.1 guidelines as annotated in TBAQ-cleaned: determiners and modifiers are in
("the third quarter", "early next year", "nearly two months", "a year ago"),
prepositions are out ("on Tuesday" -> "Tuesday", "in March" -> "March").

Case: calendar names must be capitalized ("May", "March", "Friday"), so the
modal "may" and the verb "march" never match; everything else is case-insensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES
from . import lexicon

__all__ = ["Rule", "RULES", "GATE_WORDS"]


@dataclass(frozen=True)
class Rule:
    name: str                  # also the normalizer that turns a match into a value
    regex: re.Pattern
    gates: tuple[str, ...]     # token families every match contains (see GATE_WORDS)


# Token families for gating: the finder runs a rule only near tokens of its families.
# Every match of a rule must contain a token of one of its `gates`; when adding a
# rule or a spelling, add its words here (tests/timex/test_finder.py checks gated and
# ungated scans agree).
GATE_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(lexicon.MONTHS),
    "weekday": frozenset(lexicon.WEEKDAYS) | {d + "s" for d in lexicon.WEEKDAYS if d.endswith("day")},
    "unit": frozenset({
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night",
        "nights", "week", "weeks", "fortnight", "fortnights", "month", "months", "quarter",
        "quarters", "year", "years", "decade", "decades", "century", "centuries",
        "millennium", "millennia", "weekend", "weekends", "lifetime", "midyear", "half", "period"}),
    "season": frozenset(lexicon.SEASONS),
    "daypart": frozenset({"morning", "afternoon", "evening", "night", "mornings", "afternoons",
                          "evenings", "nights"}),
    "dayword": frozenset({"today", "tonight", "yesterday", "tomorrow"}),
    "noon": frozenset({"noon", "midnight", "midday", "mid"}),
    "ago": frozenset({"ago", "earlier", "hence", "back", "prior", "now"}),
    "set": frozenset(lexicon.SET_ADVERBS) | {"every", "each", "per", "once", "twice"},
    "reference": frozenset({"now", "currently", "nowadays", "these", "present", "time",
                            "current", "recently", "recent", "lately", "past",
                            "future", "near", "term", "soon"}),
    "holiday": frozenset({"christmas", "easter", "thanksgiving", "halloween", "valentine",
                          "patrick", "independence", "veterans", "boxing", "bastille", "canada",
                          "fawkes", "labor", "memorial", "friday", "election", "luther",
                          "presidents", "mother", "father", "year"}),
    "decadeword": frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                             "eighties", "nineties"}),
    "yearword": frozenset({"nineteen", "thousand"}),
}
# Families recognised from the token's shape and what follows it, not from a word list:
# "year4" (1000-2999, "1990s", "FY2019"), "yy" ('98, '80s, 70s), "slash" (6/30/17),
# "clock" (9 a.m., 10:35 pm, 4 in the morning), "clock24" (16:08 UTC), "hhmm" (14:30),
# "qcode" (Q3, H1).


def _alt(words) -> str:
    """A non-capturing alternation, longest first so "Sept" wins over "Sep"."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


def _cap(words) -> str:
    """Alternation matching Capitalized or UPPER forms only (case-sensitive)."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "(?-i:" + _alt(forms) + ")"


# -- building blocks --------------------------------------------------------------------

_START = r"(?<![\w$£€#&/.])"       # not inside a word or number ("$1990", "A/1990")
_END = r"(?![\w]|-(?:year|old|month|day)\b)"  # "1990-year" is not a year

MONTH_FULL = _cap(MONTH_NAMES)
MONTH = rf"(?:{MONTH_FULL}|{_cap(MONTH_ABBREVIATIONS)}\.?)"
# A month name standing alone (no day or year): full names, or abbreviations with a dot.
MONTH_ALONE = rf"(?:{MONTH_FULL}|{_cap(MONTH_ABBREVIATIONS)}\.)"

WEEKDAY = rf"(?:{_cap(WEEKDAY_NAMES)}|{_cap(WEEKDAY_ABBREVIATIONS)}\.)"

_TENS = _alt(lexicon.TENS_WORDS)
NUM_WORD = (rf"(?:{_TENS}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
            rf"|{_alt(w for w in lexicon.NUMBER_WORDS if w not in ('a', 'an'))})"
            r"(?:[- ]hundred|[- ]thousand)?")
NUM_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+[1-3]/[2-4])?"
NUMBER = rf"(?:{NUM_DIGITS}|{NUM_WORD}|a|an)(?:\s+and\s+a\s+half)?"
# An amount without the article: "a year" on its own is the `a_unit` rule's (it may be
# a frequency, "$15 a year").
COUNT = rf"(?:{NUM_DIGITS}|{NUM_WORD})(?:\s+and\s+a\s+half)?"
VAGUE = r"(?:a\s+few|few|several|some|many|a\s+number\s+of|numerous|a\s+couple\s+(?:of\s+)?|couple\s+of)"

ORDINAL_WORD = _alt(lexicon.ORDINAL_WORDS)
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
DAY = rf"(?:{DAY_NUM}|{ORDINAL_WORD})"
YEAR4 = r"(?:1[0-9]\d\d|2\d\d\d)"   # years 1000-2999 in dates; bare years are filtered later
YEAR_WORDS = (r"(?:nineteen[- ](?:hundred(?:\s+and)?[- ])?" + rf"(?:{_TENS}(?:[- ]\w+)?|ten|eleven|twelve|\w+teen)"
              r"|two\s+thousand(?:\s+and)?(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|ten|"
              r"eleven|twelve|\w+teen|twenty(?:[- ]\w+)?))?)")
TWO_DIGIT_YEAR = r"['’](?P<yy>\d\d)"

_UNIT_NAMES = ["second", "minute", "hour", "day", "night", "week", "fortnight", "month",
               "quarter", "year", "decade", "century", "centuries", "millennium", "millennia",
               "weekend"]
UNIT = r"(?:" + "|".join(_UNIT_NAMES) + ")"
UNITS = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a)|weekends?)"
PLURAL_UNITS = r"(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries|millennia|weekends)"

SEASON = r"(?:spring|summer|fall|autumn|winter)"
DAY_PART = r"(?:morning|afternoon|evening|night)"

# "the fiscal year", and British and Commonwealth copy's "the financial year".
FISCAL = r"(?:fiscal|financial)"

# Modifiers of a point in time, kept inside the span (TimeML mod=START/END/MID...);
# "end-March", "by end-2013" are wire-service shorthand.
POINT_MOD = (r"(?:(?:very\s+)?(?:early|earlier|late|later)(?:\s+(?:in|on))?(?:\s+|-)(?:the\s+)?|sometime\s+"
             r"|mid-?|(?:end|start)-(?=[A-Z\d])|middle\s+|the\s+(?:very\s+)?(?:beginning|start|end|middle|close|turn|rest|remainder|balance|dawn)\s+of\s+(?:the\s+)?"
             r"|(?:the\s+)?(?:first|second|last|latter|early|later|latter)\s+(?:half|part)\s+of\s+(?:the\s+)?)")
# Approximators of an amount, kept inside the span ("nearly two months").
# Tuned on TBAQ-cleaned, whose annotators put "nearly", "more than", "at least" inside
# the span but left "about", "almost", "only", "within" and "over the" outside; "over"
# is in when it means "more than" ("over a year", "the lowest in over six years").
APPROX = (r"(?:(?:nearly|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|"
          r"no\s+more\s+than|no\s+less\s+than|well\s+over|roughly|approximately|"
          r"over(?=\s+an?\b)|(?<=\bin\s)over|(?<=\bfor\s)over|under(?=\s+an?\b)|close\s+to|as\s+(?:many|much|long)\s+as|"
          r"the\s+better\s+part\s+of|a\s+full)\s+)")

# "last" the adjective, not the verb: "the strike could last two weeks" leaves "last" out.
LAST_ADJECTIVE = "".join(rf"(?<!{w}\s)" for w in (r"\bto", "will", "would", "could", r"\bmay", "might",
                                                     r"\bcan", "should", "must", "'ll", "not")) + "last"

# What can follow a clock time: a day ("9 a.m. Tuesday", "5 p.m. EST, Nov. 6",
# "6:45 PM Tuesday, Feb. 20, 2024").
DAY_REF = (rf"(?:(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY_NUM}(?:,?\s+{YEAR4})?"
           rf"|{WEEKDAY}|today|tonight|yesterday|tomorrow)")
ZONE = r"(?:(?-i:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|EET|JST|IST|AEST|AEDT|ET|PT|CT|MT)|\(GMT\s*[+-]\s*\d{1,2}\))"


# The token families each rule's matches always contain.
_RULE_GATES: dict[str, tuple[str, ...]] = {
    "iso_date": ("year4",), "slash_date": ("slash",), "month_day": ("month",),
    "day_month": ("month",), "month_year": ("month",), "month": ("month",),
    "year": ("year4", "yearword"), "two_digit_year": ("yy",),
    "decade": ("year4", "yy", "decadeword"), "century": ("unit",), "quarter": ("unit",),
    "quarter_code": ("qcode",), "period": ("unit",), "season": ("season",),
    "relative": ("unit",), "year_end": ("unit",), "ago": ("ago",), "duration": ("unit",),
    "duration_adj": ("unit",), "range_start": ("unit",), "duration_vague": ("unit",), "a_unit": ("unit",),
    "day_word": ("dayword",), "day_part": ("daypart",), "mid_part": ("daypart",),
    "weekday": ("weekday",), "clock": ("clock",), "clock24": ("clock24",), "hhmm": ("hhmm",),
    "noon": ("noon",),
    "set_adverb": ("set",), "set_every": ("set",), "set_plural_weekday": ("weekday",),
    "reference": ("reference",), "holiday": ("holiday",), "week_of": ("month",),
    "nth_weekday": ("weekday",),
}


def _rule(name: str, pattern: str) -> Rule:
    regex = re.compile(_START + pattern + _END, re.IGNORECASE | re.VERBOSE)
    return Rule(name, regex, _RULE_GATES[name])


# -- the rules --------------------------------------------------------------------------
# Order matters only between matches of the same length (earlier wins); the finder
# otherwise keeps the longest match.

RULES: list[Rule] = [
    _rule("iso_date", r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                      r"(?:T(?P<hour>[0-2]\d):(?P<minute>[0-5]\d))?"),
    _rule("slash_date", r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)"),
    _rule("month_day", rf"""
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?:(?P<mod>{POINT_MOD}))?
        (?P<month>{MONTH})\s+(?:the\s+)?(?P<day>{DAY})(?!\s*(?:%|percent|million|billion|-|:\d))
        (?:(?:\s*,\s*|\s+)(?:of\s+)?(?:(?P<year>{YEAR4})|{TWO_DIGIT_YEAR}))?
        (?:,?\s+(?P<wd2>{WEEKDAY}))?"""),
    _rule("day_month", rf"""
        (?:(?P<wd>{WEEKDAY}),?\s+)?
        (?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})
        (?:(?:\s*,\s*|\s+)(?P<year>{YEAR4}))?"""),
    _rule("month_year", rf"""
        (?:(?P<mod>{POINT_MOD}))?
        (?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR4})|(?P<yearwords>{YEAR_WORDS})|{TWO_DIGIT_YEAR})"""),
    _rule("month", rf"""
        (?:(?P<mod>{POINT_MOD}))?
        (?:(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+coming|the\s+following|the\s+previous|
                    that|the\s+same)\s+)?
        (?P<month>{MONTH_ALONE})(?!\s+\d)
        (?:\s+(?:of\s+)?(?P<relyear>last\s+year|this\s+year|next\s+year|a\s+year\s+(?:ago|earlier)))?"""),
    _rule("year", rf"""
        (?:(?P<mod>{POINT_MOD}|pre-|post-))?
        (?:(?P<fiscal>fiscal(?:\s+year)?|financial\s+year|FY|calendar(?:\s+year)?|the\s+year|model\s+year|the\s+fiscal\s+year|
                     (?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+of)\s*)?
        (?:(?P<year>{YEAR4})|(?P<yearwords>{YEAR_WORDS}))
        (?:\s+(?P<ad>AD|A\.D\.|BC|B\.C\.))?"""),
    _rule("two_digit_year", rf"""(?:(?P<fiscal>fiscal|FY)\s*)?{TWO_DIGIT_YEAR}(?!s)"""),
    _rule("decade", rf"""
        (?:the\s+)?(?:(?P<mod>early|mid-?|late|the\s+(?:early|late|mid-?))\s*)?(?:the\s+)?
        (?:(?P<century>1[0-9]|20)(?P<decade>\d)0['’]?s
          |['’](?P<decade2>\d)0['’]?s
          |(?<!\w)(?P<decade3>[2-9])0s
          |(?P<decadeword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"""),
    _rule("century", rf"""
        (?:the\s+)?(?:(?P<mod>early|mid-?|late)\s*)?
        (?:(?P<ordinal>{ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th))[-\s]century
          |(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+current)\s+century)"""),
    _rule("quarter", rf"""
        (?:(?P<det>the)\s+(?=(?:[\w']+[\s-]+){{0,6}}?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?(?:quarter|half)))?
        (?:(?P<mods>(?:(?:fiscal|year-ago|year-earlier|comparable|corresponding|same|latest|current|
                        previous|prior|recent|{YEAR4}|this\s+year's|last\s+year's|next\s+year's)[\s-]+)+))?
        (?P<ordinal>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:\s+fiscal)?[\s-]+(?P<unit>quarter|half|quarters)
        (?:\s+(?:of\s+)?(?P<of>(?:fiscal\s+)?{YEAR4}|this\s+year|last\s+year|next\s+year|the\s+year|
                                 the\s+(?:current|previous|last|next)\s+(?:fiscal\s+)?year|fiscal\s+year|a\s+year\s+(?:ago|earlier)))?"""),
    _rule("quarter_code", rf"""(?:(?P<yearpre>{YEAR4})\s+)?(?-i:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12]))(?:\s+(?P<year>{YEAR4}))?"""),
    _rule("period", rf"""
        (?P<det>the|its|this|that|last)\s+
        (?P<mods>(?:(?:fiscal|year-ago|year-earlier|comparable|corresponding|same|latest|current|previous|
                    prior|recent|{YEAR4}|reporting|just-ended|just\s+ended|year's)[\s-]+)*)
        (?P<unit>quarter|period|month(?=\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)))
        (?!s|-|\s+of\b(?!\s+(?:the\s+)?(?:last|previous|prior)\s+year))
        (?:\s+(?P<rel>a\s+year\s+(?:ago|earlier)|last\s+year|of\s+(?:fiscal\s+)?{YEAR4}
                     |of\s+(?:the\s+)?(?:last|previous|prior)\s+year))?"""),
    _rule("season", rf"""
        (?:(?P<mod>{POINT_MOD}))?
        (?:(?P<rel>last|this\s+past|this\s+coming|this|next|the\s+coming|the\s+past|the|that|early|late|mid-?)\s*)?
        (?P<season>{SEASON})(?!\s+of\s+(?!{YEAR4}))
        (?:\s+(?:of\s+)?(?P<year>{YEAR4}))?"""),
    _rule("relative", rf"""
        (?:(?!(?:earlier|later)\s+(?:this|last|next)\s+week\b)(?P<mod>{POINT_MOD}))?
        (?P<rel>last|this\s+past|this\s+coming|this|next|the\s+past|the\s+last|the\s+previous|the\s+coming|
                the\s+current|the\s+following|the\s+next|the\s+same|the\s+prior|that|the\s+present|the\s+latest|
                the\s+current\s+{FISCAL}|the\s+latest\s+{FISCAL}|the\s+previous\s+{FISCAL}|the\s+past\s+{FISCAL}|
                the\s+last\s+{FISCAL}|this\s+{FISCAL}|last\s+{FISCAL}|next\s+{FISCAL}|the\s+new|the\s+full|the\s+whole|
                the\s+entire|all|the\s+{FISCAL}|that\s+same|the)
        \s+(?P<unit>week|weekend|month|year|decade|quarter|day(?!\s+(?:of|when|before|after)\b))
        (?!s)(?!-)(?:\s+or\s+so)?"""),
    _rule("year_end", r"""(?:(?P<around>around)\s+)?(?P<word>year[-\s]end|year's\s+end|the\s+end\s+of\s+the\s+year|
                          the\s+beginning\s+of\s+the\s+year|the\s+start\s+of\s+the\s+year|the\s+end\s+of\s+the\s+month|
                          the\s+end\s+of\s+the\s+week|
                          midyear|mid-year|year-ago|year-earlier|
                          (?:earlier|later|early|late)\s+in\s+the\s+(?:year|month|week))"""),
    _rule("ago", rf"""
        (?P<approx>{APPROX}|(?:about|almost|some|around)\s+)?
        (?:(?P<num>{NUMBER})|(?P<vague>{VAGUE}))\s+(?:more\s+|full\s+)?(?P<unit>{UNITS})
        (?:\s+(?:or\s+so|and\s+a\s+half))?
        \s+(?P<dir>ago|earlier(?!\s+than\b)|from\s+now|hence|back|prior)
        (?!\s+(?:the|a|an|his|her|its|their|this|that|\w+ing)\b)"""),
    _rule("duration", rf"""
        (?P<approx>{APPROX}(?!the\b))?
        (?:(?P<lead>the\s+(?:first|last|past|next|previous|coming|final|latest|following|ensuing|remaining|initial|
                            same|prior|subsequent|succeeding|preceding|year-earlier|year-ago)|the|another|an\s+additional|
                    each\s+of\s+the\s+(?:past|last|next)|the\s+year-earlier|
                    past|{LAST_ADJECTIVE}|next|first|final)\s+)?
        (?P<num>(?<!between\s){COUNT}\s*(?:-|to|or)\s*{COUNT}|{COUNT})\s+
        (?:(?:more|additional|full|straight|consecutive|trading|business|working|calendar|long|short|
            successive)\s+)?
        (?P<unit>{UNITS})(?!-old|-long|\s+old\b)
        (?:\s+(?P<orso>or\s+so|and\s+a\s+half|running|straight|in\s+a\s+row))?"""),
    # "between 60 and 90 days": each end is an amount of the unit written once
    # (TBAQ-cleaned and MEANTIME annotate "60" P60D and "90 days" P90D)
    _rule("range_start", rf"""
        (?<=between\s)(?P<num>{COUNT})(?=\s+(?:and|to|-)\s+{COUNT}\s+(?P<unit>{UNITS})\b)"""),
    _rule("duration_adj", rf"""
        (?:(?P<num>{NUM_DIGITS}|{NUM_WORD}|single|half|several|multi|many|few)-(?P<unit>{UNIT})
          |(?P<lunit>{UNITS})-long)
        (?!-old|-olds)"""),
    _rule("duration_vague", rf"""
        (?P<approx>{APPROX})?
        (?:(?P<lead>the\s+(?:past|last|next|coming|previous|first|early|final|following|ensuing|recent)|
                    recent|coming|past|next)\s+)?
        (?:(?P<vague>{VAGUE})\s+)?(?:more\s+)?
        (?P<unit>{PLURAL_UNITS})(?!\s+(?:to|old)\b)
        (?:\s+(?P<ahead>ahead|to\s+come|or\s+(?:weeks|months|years|decades)))?"""),
    _rule("a_unit", r"""(?P<approx>(?:nearly|more\s+than|less\s+than|at\s+least|over|under|roughly|up\s+to)\s+)?
                       (?P<det>a|an|one|another)\s+(?:full\s+|single\s+|whole\s+|entire\s+)?
                       (?P<unit>second|minute|hour|day|week|fortnight|month|year|decade|century|lifetime)
                       (?:\s+(?P<half>and\s+a\s+half))?"""),
    _rule("day_word", rf"""
        (?:(?P<mod>early|earlier|late|later|very\s+early|very\s+late)\s+)?
        (?P<word>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)
        (?:\s+(?P<part>{DAY_PART}))?"""),
    _rule("day_part", rf"""
        (?:(?P<mod>early|earlier|late|later)\s+)?
        (?P<rel>this|last|tomorrow|yesterday|the\s+next|the\s+following|the\s+previous|that|the\s+same)\s+(?P<part>{DAY_PART})"""),
    _rule("mid_part", rf"""
        mid-?\s?(?P<part>morning|afternoon|evening)
        (?:\s+(?P<dayref>today|yesterday|tomorrow|{WEEKDAY}))?"""),
    _rule("weekday", rf"""
        (?:(?P<mod>early|earlier|late|later|very\s+early|very\s+late)\s+)?
        (?:(?P<rel>last|this\s+coming|this\s+past|this|next|the\s+previous|the\s+following|the\s+next|
                   the\s+day\s+before|the\s+day\s+after|that)\s+)?
        (?P<wd>{WEEKDAY})(?!['’]s\s+(?:{MONTH})\b)
        (?:,?\s+(?P<part>{DAY_PART}))?"""),
    _rule("clock", rf"""
        (?:(?P<approx>around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?
        (?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*
        (?P<ampm>[ap]\.\s?m\.?|[ap]m\b|(?:o['’]clock)(?:\s+in\s+the\s+(?:morning|afternoon|evening))?|in\s+the\s+(?:morning|afternoon|evening))
        (?:\s+(?P<zone>{ZONE}))?
        (?:,?\s+(?:on\s+)?(?P<dayref>{DAY_REF}))?"""),
    _rule("clock24", rf"""
        (?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?P<zone>(?-i:UTC|GMT|Z))
        (?:,?\s+(?:on\s+)?(?P<dayref>{DAY_REF}))?"""),
    # "at 14:30": a 24-hour time with no zone, only after a preposition (finder filter)
    _rule("hhmm", rf"""
        (?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:.,]\d|\s*[ap]\.?\s?m\b)
        (?:\s+(?P<zone>{ZONE}))?
        (?:,?\s+(?:on\s+)?(?P<dayref>{DAY_REF}))?"""),
    _rule("noon", rf"""
        (?:(?P<approx>around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?
        (?P<word>noon|midnight|midday|mid-day)
        (?:\s+(?P<zone>{ZONE}))?
        (?:,?\s+(?:on\s+)?(?P<dayref>{DAY_REF}))?"""),
    _rule("set_adverb", rf"""(?P<word>{_alt(lexicon.SET_ADVERBS)})"""),
    _rule("set_every", rf"""
        (?P<quant>every|each|per|once\s+a|twice\s+a|once\s+every|every\s+other|each\s+and\s+every)\s+
        (?:(?P<num>{NUMBER})\s+)?
        (?:(?P<unit>{UNITS})|(?P<wd>{WEEKDAY})|(?P<month>{MONTH_FULL})|(?P<season>{SEASON}))
        (?:\s+(?P<part>{DAY_PART}))?"""),
    _rule("set_plural_weekday", rf"""(?P<wd>(?-i:{'|'.join(d.title() + "s" for d in WEEKDAY_NAMES)}))
                                     (?:\s+(?P<part>mornings|afternoons|evenings|nights))?|
                                     (?P<wd2>{WEEKDAY})\s+(?P<part2>mornings|afternoons|evenings|nights)"""),
    _rule("reference", rf"""(?P<word>{_alt(w for w in lexicon.REFERENCE_WORDS if w != "today")})"""),
    _rule("holiday", rf"""
        (?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?
        (?P<word>{_alt(lexicon.HOLIDAYS)})
        (?:,?\s+(?P<year>{YEAR4}))?"""),
    _rule("nth_weekday", rf"""the\s+(?P<nth>first|second|third|fourth|last|final)\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+
        (?P<month>{MONTH_ALONE})(?:,?\s+(?P<year>{YEAR4}))?"""),
    _rule("week_of", rf"""the\s+(?:(?P<nth>first|second|third|fourth|last|final)\s+)?week\s+of\s+
        (?:(?P<month>{MONTH})\s+(?P<day>{DAY_NUM})(?:,?\s+(?P<year>{YEAR4}))?
          |(?P<nmonth>{MONTH_ALONE})(?:,?\s+(?P<nyear>{YEAR4}))?)"""),
]
