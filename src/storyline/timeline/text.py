"""Text helpers for the timeline stage: sentences, content words, TF-IDF, numbers.

Kept dependency-free and small: the timeline stage compares sentences of one
story (tens to thousands), so plain dicts as sparse vectors are fast enough.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

__all__ = ["split_sentences", "sentence_spans", "content_words", "tfidf", "cosine",
           "centroid", "numbers", "STOPWORDS"]

# A sentence ends at . ! ? (and a closing quote or bracket after it) followed by
# space and an upper-case letter, a digit or an opening quote. Abbreviations that
# usually precede a name do not end one.
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|Rev|St|"
                     r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd|"
                     r"Jr|Sr|U\.S|U\.N|U\.K|vs|[A-Z])\.)$")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, paragraph breaks included:
    the fallback when the language pipeline gave none."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        start = para.start()
        chunk = para.group(0)
        cut = 0
        for m in _END.finditer(chunk):
            if _ABBREV.search(chunk[cut:m.start() + 1]):
                continue
            _add(spans, text, offset, start + cut, start + m.end())
            cut = m.end()
        _add(spans, text, offset, start + cut, start + len(chunk))
    return spans


def _add(spans: list[tuple[int, int]], text: str, offset: int, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((offset + a, offset + b))


def sentence_spans(article) -> list[tuple[int, int]]:
    """The article's sentences: the language pipeline's when it ran, else our splitter."""
    body = article.body
    spans = [(s, e) for s, e in (article.sentences or []) if 0 <= s < e <= len(body)]
    return spans or split_sentences(body)


# Function words and reporting verbs: they say nothing about which event a
# sentence reports.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves said says
say saying told tells according one two new would could may might must shall also us mr mrs
ms dr its it's it's year years day days week weeks month months today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april june
july august september october november december last next ago since still already just
""".split())

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def content_words(text: str) -> list[str]:
    """Lower-cased content words, with a crude plural/-ing/-ed/-e folding so that
    "spills", "spilled" and "spilling" meet "spill", "collapse" meets "collapsed"."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 2 or w in STOPWORDS or w.isdigit() and len(w) < 3:
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


def tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf) of word lists."""
    df: Counter[str] = Counter()
    for words in docs:
        df.update(set(words))
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
    out = []
    for words in docs:
        tf = Counter(words)
        v = {w: (1 + math.log(k)) * idf[w] for w, k in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """Unit-length mean of vectors."""
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {w: x / norm for w, x in total.items()}


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
