"""Claims: the checkable quantities an article states, with what they measure and who
says so.

"NOAA experts now estimate that 5,000 barrels a day of oil are spilling into the gulf"
is a claim: 5,000 (low = high = 5000) barrels a day, measuring what its nearby words
say ("oil", "spill", "gulf"), said by NOAA, reported on the article's day. Ranges
("between 35,000 and 60,000 barrels per day", "12,000-19,000"), open ends ("up to
5,000", "more than 200,000"), "about", money ("$2.4 bn", "£3.5 billion"), counts ("11
workers") and rates ("a day") are read; a figure the sentence itself calls old ("the
previous estimate of 1,000 barrels a day", "up from 5,000") is marked `stale`, so an
update is never compared as if it were said now.

Sentences that are page furniture (stamps, comment headers, credits: the same checks
as timeline entries) state no claims. Text tokenized the way timeline17's is ("12,000-19
,000", "$ 1,100") is read as written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from ..model import Article
from ..text.scraped import cleaned
from ..text.sentences import article_sentences
from .events import is_furniture
from .text import content_words

__all__ = ["Claim", "claims", "same_value", "parse_quantities", "Quantity", "FRAMES",
           "FRAME_PATTERNS",
           "frame_of"]

# Two figures closer than this share of the larger are the same figure: the same amount
# in two units ("5,000 barrels", "210,000 gallons"), "$6m" and "$6 million". Set by
# reasoning: a different figure ("$41.5m" / "$42m", 1.2% apart) is a different account,
# even when one may be the other rounded.
SAME_VALUE = 0.01
# "About 40,000" and "about 38,000" (5% apart) are two accounts; "about 5,100" and
# "5,000" (2%) one. Set by reasoning.
ABOUT = 0.03

_MULT = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
         "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12,
          "dozen": 12, "twenty": 20, "a hundred": 100, "a thousand": 1e3, "hundred": 100,
          "thousand": 1e3}
# A word number stands alone: "Forty-eight" is not "eight".
_NUM = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\w-])(?:"
        + "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True)) + r")(?![\w-]))")
_MULT_RE = r"(?:\s?(?:million|billion|trillion|thousand|mn|bn|tn|m|b|k)\b)"
_CUR = r"(?:US\$|\$|£|€)"
_QUAL = (r"(?:about|around|roughly|approximately|some|nearly|almost|close to|an estimated|"
         r"estimated|more than|over|at least|upwards of|topped|exceeded|exceeding|surpassed|"
         r"up to|as many as|as much as|less than|"
         r"fewer than|under|below|at most|no more than)")
# The figure: [qualifier] [currency] number [mult] [(-|to|and) [currency] number [mult]]
# [unit words] [rate].
# Words between a count and what it counts: "12 probable cases", "11 rig workers".
_MODIFIERS = (r"confirmed|suspected|probable|possible|new|more|further|additional|reported|known|"
              r"dead|injured|wounded|missing|infected|sick|oiled|rig|other|civilian|foreign")
# Modifiers that make a count another count: confirmed and suspected cases, new and all.
_COUNTED_APART = frozenset("confirmed suspected probable possible new more further additional "
                           "reported dead injured wounded missing infected".split())
_QUANTITY = re.compile(
    r"(?:(?P<qual>" + _QUAL + r")\s+)?(?:(?P<between>between|from)\s+)?"
    r"(?P<cur>" + _CUR + r")?\s?(?<![\w.,])(?P<lo>" + _NUM + r")(?P<lomult>" + _MULT_RE + r")?"
    r"(?:\s?(?:-|–|to|and)\s?(?P<cur2>" + _CUR + r")?\s?(?P<hi>" + _NUM + r")(?P<himult>"
    + _MULT_RE + r")?)?"
    r"(?:\s?(?P<unit>%|percent\b|per cent\b|(?:dollars|pounds|euros)\b|"
    r"(?P<mod>(?:" + _MODIFIERS + r")\s)?"
    r"[a-zA-Z][a-z-]+(?:\s(?:of\s)?(?:oil|crude|gas|water|dispersants?|chemicals?))?))?"
    r"(?P<rate>\s(?:a|per|each)\s(?:day|week)\b|\s?/\s?day\b|\sdaily\b|\sbpd\b|\sb/d\b)?",
    re.IGNORECASE)
# Units that measure time or age, and words that follow a number without being its unit.
_NOT_UNITS = frozenset("""a an the and or of in on at to for from by with as than that which
who after before since until per am pm p.m a.m is are was were has have had will would
could may might be been this these those it its he she they we times time year years month
months week weeks day days hour hours minute minutes second seconds decade decades
year-old years-old old th st nd rd more less other others percentage points point
century centuries o'clock gmt bst et est edt utc said says killed january february march
april may june july august september october november december jan feb mar apr jun jul aug
sep sept oct nov dec""".split())
_STALE_BEFORE = re.compile(
    r"\b(?:previous(?:ly)?|earlier|initial(?:ly)?|original(?:ly)?|first|old|prior|former|"
    r"up from|down from|from|instead of|not|rather than|compared with|compared to|"
    r"had (?:\w+ )?(?:estimated|said|put|given|reported))"
    r"(?:\s+\w+){0,4}\s*$", re.IGNORECASE)
_STALE_AFTER = re.compile(r"^\W{0,3}(?:\w+\s+){0,3}(?:earlier|previously|before|at first|"
                          r"first|initially|originally|last (?:week|month))\b", re.IGNORECASE)
# A volume told with a rate further on, or just before, is a rate: "12,000 barrels
# (504,000 gallons) are leaking into the gulf every day", "the daily leak is now
# estimated at 5,000 barrels".
_RATE_BEFORE = re.compile(r"\b(?:daily|a day|per day|each day|every day)\b[^.;]{0,60}$",
                          re.IGNORECASE)
_RATE_LATER = re.compile(r"^[^.;]{0,60}?\b(?:a|per|every|each) day\b|^[^.;]{0,60}?\bdaily\b",
                         re.IGNORECASE)
# Tokenizer traces in timeline17-like text: "19 ,000", "$ 1,100", "5 %", "-LRB-".
_SPLIT_THOUSANDS = re.compile(r"(\d) ,(\d{3})\b")
_SPLIT_DECIMAL = re.compile(r"(\d) \.(\d)")
_SPACED_CUR = re.compile(r"([$£€]) (\d)")
_SPACED_PCT = re.compile(r"(\d) (%)")
_BRACKETS = re.compile(r"-LRB-|-RRB-|-LSB-|-RSB-")
# A figure in pounds after one in dollars, its "£" lost as "#": "$6m # 3.9 m a day".
_HASH_POUNDS = re.compile(r"\s#\s?\d[\d.,]*\s?(?:m|bn|million|billion)?\b")
_SAY = re.compile(r"\b(?:said|says|say|estimated|estimates|estimate|told|reported|reports|"
                  r"announced|put|puts|stated|according to)\b", re.IGNORECASE)


@dataclass
class Quantity:
    """A figure as a sentence states it: [low, high] in its unit (None: open end)."""
    low: float | None
    high: float | None
    unit: str                  # "barrel/day", "$", "%", "worker", ...
    written: str               # as the text has it: "between 35,000 and 60,000 barrels per day"
    start: int                 # offsets in the (normalized) sentence
    end: int
    stale: bool = False        # the sentence says it is an old figure
    about: bool = False

    @property
    def value(self) -> float:
        """One number for ordering: the middle of a range, the given end of an open one."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high or 0.0


@dataclass
class Claim:
    """A quantity one article states, with what it measures, who says it and when."""
    article_id: str
    outlet: str
    day: str                   # the day the article reports it (its publication day)
    quantity: Quantity
    scope: frozenset[str]      # where it is counted: the places its sentence names, or "world"
    sentence: str
    said_by: str | None = None
    position: int = 0          # the sentence's place in the article
    frame: str | None = None   # what kind of measure it is ("leaked", "cost", "killed"), see FRAMES
    near: frozenset[str] = frozenset()    # the common words next to the figure ("so far", "fund")
    words: frozenset[str] = frozenset()   # the sentence's content words

    @property
    def measures(self) -> tuple[str, str] | None:
        """What the figure measures, as far as figures are compared: (unit, frame)."""
        return (self.quantity.unit, self.frame) if self.frame else None


# What a figure measures, told by the nearest of these words around it (word starts,
# matched on lower-cased words): the verb or noun that says what the number counts.
# Written for news in general, not for one story: the quantities news reports most
# (amounts leaked or captured, costs, payments, funds, fines, casualties, cases, people
# displaced or detained, market value). A figure with none of them near is not compared:
# without knowing what it measures, two figures cannot be said to disagree.
FRAMES: tuple[tuple[str, str], ...] = (
    ("captured", r"captur|collect|siphon|recover|remov|funnel|skim|suck|caught|catch|contain|burn"),
    ("leaked", r"leak|flow|spill|gush|spew|escap|pour|discharg|releas|seep"),
    ("dispersed", r"dispers"),
    ("deployed", r"deploy|mobili[sz]"),
    ("dividend", r"dividend"),
    ("fund", r"fund|escrow|aside"),
    ("fine", r"fine[ds]?$|fining|penalt"),
    ("cost", r"cost|spent|spend|bill$|bills|expens|outlay"),
    ("paid", r"paid|pay|payment|payout|compensat|claim|settl"),
    ("market value", r"valu|capitali[sz]ation|wiped"),
    ("killed", r"kill|dead|death|died|dies|fatalit|bodies|toll"),
    ("injured", r"injur|wound|hurt"),
    ("cases", r"cases?$|infect|confirmed"),
    ("displaced", r"refugee|fled|flee|displac|evacuat"),
    ("detained", r"arrest|detain|jail|prisoner|custody"),
    ("rescued", r"rescu|surviv|escaped$"),
    ("affected", r"affect|without$|served$|serves$|covered$|covers$"),
    ("aboard", r"aboard$"),
    ("filed", r"filed$|filing|submit|lodg"),
)
FRAME_PATTERNS = [(name, re.compile(r"^(?:" + pattern + ")")) for name, pattern in FRAMES]
_FRAME_RE = FRAME_PATTERNS
# How far from the figure (in words) its frame word may be (by reasoning: a clause).
_FRAME_REACH = 12
# Which frames fit which units: amounts of a substance leak or are captured, money is
# spent, paid or set aside, and counts (people or things) are killed, hurt, detained.
_VOLUMES = frozenset("barrel gallon litre liter tonne ton cubic metric".split())
_MONEY_FRAMES = frozenset({"dividend", "fund", "fine", "cost", "paid", "market value"})
_VOLUME_FRAMES = frozenset({"captured", "leaked", "dispersed"})


# Lengths are not compared: a slick's size, a boom's length, the waves and the rig's
# distance from the coast share their units and words (on the judged dev differences,
# length differences were mostly different things).
_LENGTHS = frozenset("mile km kilometre kilometer metre meter foot feet".split())


def _fits(frame: str, unit: str) -> bool:
    base = unit.split("/")[0]
    if base in ("$", "£", "€"):
        return frame in _MONEY_FRAMES
    if base in _VOLUMES:
        return frame in _VOLUME_FRAMES
    if base in _LENGTHS:
        return False
    return base != "%" and frame not in _MONEY_FRAMES | _VOLUME_FRAMES
# People counted under any of these names are one unit for the frames that count people.
_PEOPLE = frozenset("""people person persons worker workers civilian civilians soldier
soldiers protester protesters demonstrator demonstrators child children man men woman women
resident residents crew member members fighter fighters patient patients others victim
victims personnel responders volunteers troops""".split())
_COUNTS_PEOPLE = frozenset({"killed", "injured", "cases", "displaced", "detained", "deployed",
                            "rescued", "aboard", "affected"})
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*")
# A sentence that is about what might be ("if", "could reach", "in a worst-case
# scenario") states no fact to check; "could be" still states an estimate ("oil could be
# pouring out at up to 5,000 barrels a day"). Nor does a span of others' estimates
# ("estimates range from 5,000 to 100,000 barrels a day").
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|would|might|may|scenario|worst[- ]case|could(?!\s+be\b)|"
                           r"expects?|expected|forecasts?|predicts?|predicted|projected|likely|"
                           r"analysts?|capacity|plans?|planned|aims?|hopes?|target|goal|"
                           r"range|ranging|ranged|vary|varies|varied)\b",
                           re.IGNORECASE)
_HYPOTHETICAL_REACH = 60     # characters before the figure
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def frame_of(sentence: str, start: int, end: int, unit: str) -> str | None:
    """The frame fitting `unit` whose word is nearest the figure at [start, end) (before
    it on a tie)."""
    before = _LOWER_WORD.findall(sentence[:start].lower())[-_FRAME_REACH:]
    after = _LOWER_WORD.findall(sentence[end:].lower())[:_FRAME_REACH]
    within = _LOWER_WORD.findall(sentence[start:end].lower())     # "gallons of dispersant"
    found = _frames([(0, w) for w in within] + [(len(before) - i, w) for i, w in enumerate(before)]
                    + [(i + 1, w) for i, w in enumerate(after)], unit)
    if found:
        return min(found)[1]
    # Further away, a frame still tells what the figure is when it is the sentence's only
    # one ("the official government estimate of the flow, based on ..., is 35,000 to 60,000
    # barrels a day").
    anywhere = {name for _, name in _frames(
        [(0, w) for w in _LOWER_WORD.findall(sentence.lower())], unit)}
    return anywhere.pop() if len(anywhere) == 1 else None


def _frames(words: list[tuple[int, str]], unit: str) -> list[tuple[int, str]]:
    """(distance, frame) of the words that name a frame fitting `unit`."""
    out = []
    for distance, word in words:
        for name, pattern in _FRAME_RE:
            if pattern.match(word) and _fits(name, unit):
                out.append((distance, name))
                break
    return out


def normalize(text: str) -> str:
    """Undo tokenizer traces so figures read as printed: "19 ,000" -> "19,000"."""
    text = _BRACKETS.sub(" ", text)
    text = _HASH_POUNDS.sub("", text)
    text = _SPLIT_THOUSANDS.sub(r"\1,\2", text)
    text = _SPLIT_DECIMAL.sub(r"\1.\2", text)
    text = _SPACED_CUR.sub(r"\1\2", text)
    text = _SPACED_PCT.sub(r"\1\2", text)
    return re.sub(r"\s{2,}", " ", text)


def _number(raw: str, mult: str | None) -> float | None:
    raw = raw.strip().lower()
    if raw in _WORDS:
        value = float(_WORDS[raw])
    else:
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            return None
    if mult:
        value *= _MULT[mult.strip().lower()]
    return value


def _unit(m: re.Match) -> str | None:
    unit = (m.group("unit") or "").lower().strip()
    cur = m.group("cur") or m.group("cur2")
    if unit in ("%", "percent", "per cent"):
        unit = "%"
    elif unit in ("bpd", "b/d"):
        return "barrel/day"
    elif unit in ("dollars", "pounds", "euros"):
        cur, unit = {"dollars": "$", "pounds": "£", "euros": "€"}[unit], ""
    if cur:
        unit = cur.replace("US$", "$")
    elif unit:
        words = unit.split()
        if re.fullmatch(_MODIFIERS, words[0]) and len(words) == 1:
            return None                   # "4 confirmed": the count of what is left unsaid
        if m.group("mod") and len(words) > 1:
            # "20 confirmed deaths" and "149 suspected deaths", "10 new cases" and "50
            # cases": different counts. Adjectives that only say whose they are go.
            mod = words[0].lower()
            head = _singular(words[1])
            return (f"{mod} {head}" if mod in _COUNTED_APART else head) + _rate(m)
        unit = words[0]
        if unit in _NOT_UNITS or unit.endswith("-year-old") or unit.endswith("th"):
            return None
        unit = _singular(unit)
    else:
        return None
    return unit + _rate(m)


def _rate(m: re.Match) -> str:
    if not m.group("rate"):
        return ""
    return "/day" if "week" not in m.group("rate").lower() else "/week"


_CONVERSION = re.compile(r"\s*(?:[(,/]|or|\\/)?\s*")


def _volume(unit: str) -> bool:
    return unit.split("/")[0] in ("litre",)


# Volumes are compared in one unit: "5,000 barrels" is "210,000 gallons".
LITRES = {"barrel": 158.987, "gallon": 3.785, "liter": 1.0, "litre": 1.0}


def _in_litres(unit: str, low: float | None, high: float | None
               ) -> tuple[str, float | None, float | None]:
    base, slash, per = unit.partition("/")
    if base not in LITRES:
        return unit, low, high
    k = LITRES[base]
    return "litre" + slash + per, low * k if low is not None else None, \
        high * k if high is not None else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def parse_quantities(sentence: str) -> list[Quantity]:
    """The figures of one (normalized) sentence that have a unit, years and dates left out."""
    out = []
    for m in _QUANTITY.finditer(sentence):
        lo_raw, hi_raw = m.group("lo"), m.group("hi")
        if lo_raw[0].isalpha() and not m.group("unit"):
            continue
        unit = _unit(m)
        if unit is None:
            continue
        mult = m.group("lomult") or m.group("himult")
        lo = _number(lo_raw, m.group("lomult") or (m.group("himult") if hi_raw else None))
        hi = _number(hi_raw, m.group("himult") or mult) if hi_raw else lo
        if lo is None or hi is None:
            continue
        # "2010 World Cup", "April 20": a year or a day, not a quantity.
        if not mult and unit[0] not in "$£€%" and "," not in lo_raw and lo_raw.isdigit() \
                and (1900 <= lo <= 2100 or _after_month(sentence, m.start("lo"))):
            continue
        if hi_raw and hi < lo:
            if not m.group("between") and m.group(0).find(" and ") >= 0:
                continue                  # "5 and 2 people": two figures, not a range
            lo, hi = hi, lo
        qual = (m.group("qual") or "").lower()
        low, high, about = lo, hi, False
        if qual in ("more than", "over", "at least", "upwards of", "topped", "exceeded",
                    "exceeding", "surpassed"):
            high = None
        elif qual in ("up to", "as many as", "as much as", "less than", "fewer than", "under",
                      "below", "at most", "no more than"):
            low = None
        elif qual:
            about = True
        before = sentence[max(0, m.start() - 40):m.start()]
        after = sentence[m.end():m.end() + 30]
        stale = bool(_STALE_BEFORE.search(before) or _STALE_AFTER.search(after)) \
            or (m.group("between") or "").lower() == "from" and bool(re.match(r"\s*to\b", after))
        end = m.end()
        if unit[0] in "$£€" and not m.group("rate"):
            # "$2.4bn dividend": the figure ends with its number, the word after is the thing.
            end = max(m.end(g) for g in ("lo", "lomult", "hi", "himult") if m.group(g))
        if "/" not in unit and unit in LITRES and (_RATE_LATER.match(sentence[end:])
                                                   or _RATE_BEFORE.search(sentence[:m.start()])):
            unit += "/day"
        unit, low, high = _in_litres(unit, low, high)
        q = Quantity(low, high, unit, sentence[m.start():end].strip(), m.start(), end, stale, about)
        if out and _CONVERSION.fullmatch(sentence[out[-1].end:q.start]) \
                and _volume(out[-1].unit) and _volume(unit):
            # "5,000 barrels (210,000 gallons) a day": one figure in two units, its rate
            # and freshness given once.
            prev = out[-1]
            if "/" in q.unit and "/" not in prev.unit:
                prev.unit = q.unit
            prev.end = q.end              # a third unit may follow: "(210,000 gallons/795,000 litres)"
            continue
        out.append(q)
    return out


_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$",
                           re.IGNORECASE)


def _after_month(sentence: str, at: int) -> bool:
    return bool(_MONTH_BEFORE.search(sentence[max(0, at - 12):at]))


def same_value(a: Quantity, b: Quantity) -> bool:
    """Do two figures of one thing agree? A figure with an open end ("more than 200,000",
    "up to 5,000") agrees with any figure it admits. Otherwise both ends must match
    within `SAME_VALUE` (`ABOUT` when either says "about"): a range is a claim about both
    its ends, so "between 1,000 and 5,000" and "5,000" are two accounts."""
    tolerance = ABOUT if a.about or b.about else SAME_VALUE
    if None in (a.low, a.high, b.low, b.high):
        lo_a, hi_a = a.low or 0.0, a.high if a.high is not None else float("inf")
        lo_b, hi_b = b.low or 0.0, b.high if b.high is not None else float("inf")
        return lo_a <= hi_b * (1 + tolerance) and lo_b <= hi_a * (1 + tolerance)
    return all(abs(x - y) <= tolerance * max(abs(x), abs(y))
               for x, y in ((a.low, b.low), (a.high, b.high)))


def _said_by(article: Article, start: int, end: int, offset: int, text: str) -> str | None:
    """Who the sentence credits the figure at `offset` to: the speaker of a quote holding
    it, else the person or organization named before a reporting verb or after
    "according to" in the sentence."""
    for q in article.quotes:
        if q.start <= offset < q.end and q.speaker_name:
            return q.speaker_name
    names = [m for m in article.mentions if start <= m.start and m.end <= end
             and m.type in ("PERSON", "ORG")]
    if not names:
        return None
    for say in _SAY.finditer(text):
        at = start + say.start()
        if say.group(0).lower() == "according to":
            after = [m for m in names if m.start >= at]
            if after:
                return after[0].name
            continue
        before = [m for m in names if m.end <= at and at - m.end <= 40]
        if before:
            return before[-1].name
        following = [m for m in names if m.start >= at + len(say.group(0))
                     and m.start - (at + len(say.group(0))) <= 3]
        if following:
            return following[0].name
    return None


def claims(article: Article) -> Iterator[Claim]:
    """The claims of one article dated to the day, in text order."""
    if article.published.granularity != "day" or not article.published.date:
        return
    body = article.body
    outlet = article.source or "unknown"
    places = [m for m in article.mentions if m.type == "LOC"]
    for i, (start, end) in enumerate(article_sentences(article)):
        raw = body[start:end]
        text, cut = cleaned(raw)
        if len(text.split()) < 5 or is_furniture(text):
            continue
        norm = normalize(text)
        # Figures of another year (the 1989 spill "by comparison") are not this story's.
        if any(y != article.published.date[:4] for y in _YEAR.findall(norm)):
            continue
        # Nor are figures of what might be ("could reach $12bn"), near the figure.
        found = [q for q in parse_quantities(norm)
                 if not _HYPOTHETICAL.search(norm[max(0, q.start - _HYPOTHETICAL_REACH):q.end + 20])]
        framed = [(q, frame_of(norm, q.start, q.end, q.unit)) for q in found]
        # A list of figures of one kind ("Mexico: 103 dead ... US: 1 dead ... Canada: ...")
        # gives each its place by layout, not grammar: too loose to compare.
        kinds = Counter((q.unit, f) for q, f in framed if f)
        sentence_scope = _scope(norm, [m.name for m in places if start <= m.start and m.end <= end])
        words = frozenset(w for w in content_words(norm) if not w[0].isdigit())
        for q, frame in framed:
            if frame and kinds[(q.unit, frame)] > _LIST:
                frame = None
            scope = sentence_scope
            # The figure's place in the body, for the quote that may hold it.
            offset = start + cut + min(q.start, max(0, len(text) - 1))
            if q.unit in ("people", "persons") or \
                    frame in _COUNTS_PEOPLE and q.unit.split("/")[0] in _PEOPLE:
                q.unit = "person"
            near = frozenset(_common_words(norm[:q.start])[-_NEAR:] + _common_words(norm[q.end:])[:_NEAR])
            yield Claim(article.id, outlet, article.published.date, q, scope, norm.strip(),
                        _said_by(article, start, end, offset, raw), i, frame, near, words)


# Words either side of a figure that say which of its frame's quantities it is.
_NEAR = 4
_COMMON = re.compile(r"\b[a-z][a-z'-]+")


def _common_words(text: str) -> list[str]:
    """Content words written lower-case (names say who, not what), folded."""
    return content_words(" ".join(_COMMON.findall(text)))


# More figures of one kind in a sentence than this make it a list.
_LIST = 2
_WORLD = re.compile(r"\b(?:worldwide|global(?:ly)?|(?:around|across) the (?:world|globe)|"
                    r"world-?wide|in all)\b", re.IGNORECASE)


def _scope(sentence: str, places: list[str]) -> frozenset[str]:
    """Where a sentence's figures are counted: the places it names ("in Mexico", "Victoria
    and Melbourne"), or the world ("worldwide"); empty when it names none."""
    out = {p.lower() for p in places}
    if _WORLD.search(sentence):
        out.add("world")
    return frozenset(out)
