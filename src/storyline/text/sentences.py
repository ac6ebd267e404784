"""Sentences: where they end, and how to split text the language pipeline did not.

The language pipeline stores an article's sentences as character spans
(`Article.sentences`); `article_sentences` gives those, and `split_sentences`
splits text that has none. Two other callers need their own cut, kept as tuned:
the quote finder (`paragraph_sentences`: a run of marks like "?!" and a closing
quote stay with the sentence) and the temporal tagger (`sentence_bounds`: the
sentence around a time expression, where a blank line or a line break before a
capital also ends one). All of them are built from the marks below.
"""

from __future__ import annotations

import re

from ..model import Article
from .abbreviations import CONTEXT_ABBREVIATIONS, PARAGRAPH_ABBREVIATIONS, SPLIT_ABBREVIATIONS
from .calendar import AP_MONTHS, WEEKDAY_NAMES

__all__ = ["SENTENCE_END", "ENDS_SENTENCE", "ENDS_CLAUSE", "ENDS_CLAUSE_CJK", "CJK_STOPS",
           "split_sentences", "paragraph_sentences", "sentence_bounds", "article_sentences"]

# Marks that may follow the full stop (closing quotes and brackets) and open the
# next sentence (opening quotes and brackets): bodies of character classes.
_CLOSING = "\"'”’)\\]"
_OPENING = "\"'“‘(\\["
CJK_STOPS = "。！？"

# The sentence end: . ! or ? (and closing marks), space, then an upper-case letter,
# a digit or an opening mark.
SENTENCE_END = re.compile(rf"[.!?][{_CLOSING}]*\s+(?=[{_OPENING}]?[A-Z0-9])")
# Does a line or paragraph end like a sentence (… counts), or at least like a clause
# (a colon, a semicolon or a closing mark will do)? Page cleaning and the pipeline's
# "is there article text" test ask this.
ENDS_SENTENCE = re.compile(rf"[.!?…][{_CLOSING}»]*\s*$")
ENDS_CLAUSE = re.compile(rf"[.!?…:;{_CLOSING}»]\s*$")
ENDS_CLAUSE_CJK = re.compile(rf"[.!?…:;{_CLOSING}»{CJK_STOPS}]\s*$")


def _alternatives(words) -> str:
    return "|".join(map(re.escape, words))


# -- text with no stored sentences --------------------------------------------

# An abbreviation or an initial ("J.") before the full stop: not an end.
_SPLIT_ABBREVIATION = re.compile(rf"(?:\b(?:{_alternatives(SPLIT_ABBREVIATIONS)}|[A-Z])\.)$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, paragraph breaks included:
    the fallback when the language pipeline gave none. Spans leave out the
    whitespace at their edges; `offset` is added to every offset."""
    spans: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        start = para.start()
        chunk = para.group(0)
        cut = 0
        for m in SENTENCE_END.finditer(chunk):
            if _SPLIT_ABBREVIATION.search(chunk[cut:m.start() + 1]):
                continue
            if _inside_brackets(chunk, cut, m.start()):
                continue                  # inside short brackets: "(Update 9:29 p.m. ET)"
            _add(spans, text, offset, start + cut, start + m.end())
            cut = m.end()
        _add(spans, text, offset, start + cut, start + len(chunk))
    return spans


def _inside_brackets(chunk: str, cut: int, at: int) -> bool:
    """Is `at` inside short brackets, written "(...)" or, Penn-tokenized, "-LRB- ... -RRB-"?"""
    for left, right in (("(", ")"), ("-LRB-", "-RRB-")):
        opened = chunk.rfind(left, cut, at)
        if opened >= 0 and at - opened <= 60 and right not in chunk[opened:at] \
                and right in chunk[at:at + 30]:
            return True
    return False


def _add(spans: list[tuple[int, int]], text: str, offset: int, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((offset + a, offset + b))


def article_sentences(article: Article) -> list[tuple[int, int]]:
    """The article's sentences as body offsets: the language pipeline's when it ran
    (`article.sentences`), else `split_sentences` of the body."""
    body = article.body
    spans = [(s, e) for s, e in (article.sentences or []) if 0 <= s < e <= len(body)]
    return _mended(body, spans) if spans else split_sentences(body)


_MARKS_ONLY = re.compile(rf"[\s{_OPENING}{_CLOSING}]+")
_UNENDED = re.compile(rf"[^.!?…:;{_CLOSING}»]\s*$")


def _mended(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser's sentences, mended where it cut one in two: a span of quote
    marks alone joins the sentence it opens or closes, and a span that stops short
    of any end mark runs on into the next one in the same paragraph ("... on the
    Sound Crossing" + "Ferries fleet since the autumn.")."""
    out: list[tuple[int, int]] = []
    pending: int | None = None            # the start of an opening mark waiting for its sentence
    for s, e in spans:
        if _MARKS_ONLY.fullmatch(body[s:e]):
            opens = e < len(body) and not body[e].isspace()   # '"' glued to the next word
            if out and not opens and "\n" not in body[out[-1][1]:s]:
                out[-1] = (out[-1][0], e)
            elif pending is None:
                pending = s
            continue
        if pending is not None:
            s, pending = pending, None
        if out and _UNENDED.search(body[out[-1][0]:out[-1][1]]) and "\n" not in body[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


# -- the quote finder's paragraphs ----------------------------------------------

# A run of marks ends a sentence before space and a capital, a digit, a dash or up to
# two opening marks (''It is: the typewriter double mark), or at the paragraph's end.
_RUN_END = re.compile(rf"[.!?]+[{_CLOSING}]*(?=\s+[{_OPENING}]{{0,2}}[A-Z0-9—–-])"
                      rf"|[.!?]+[{_CLOSING}]*$")


def paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (one paragraph), by punctuation.

    A period after a known abbreviation, a single letter (an initial) or a dotted
    acronym ("U.S.") does not end a sentence; a period inside quote marks followed by
    a lower-case word ("“We will,” she said") does not either, since the pattern
    wants a capital next.
    """
    spans, begin = [], start
    for m in _RUN_END.finditer(text, start, end):
        word = re.search(r"([\w.]+)\.$", text[begin:m.start() + 1])
        if word and text[m.start()] == ".":
            w = word.group(1).lower()
            if w in PARAGRAPH_ABBREVIATIONS or (len(w) == 1 and w.isalpha()) \
                    or re.fullmatch(r"(\w\.)+\w?", w):
                continue
        stop = m.end()
        if text[begin:stop].strip():
            spans.append((begin, stop))
        begin = stop
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


# -- the sentence around a time expression ------------------------------------

# A full stop, ! or ? before a capital, or a blank line, or a line break before a
# capital. Not the full stop of a title or a month ("Mr. Smith", "Sept. 30"), nor of
# "a.m."/"p.m." before the day it is on ("at 9 a.m. Tuesday").
_NOT_AFTER_ABBREVIATION = "".join(rf"(?<!\b{re.escape(a)})" for a in CONTEXT_ABBREVIATIONS)
_DAY_WORDS = [d.title() for d in WEEKDAY_NAMES] + ["Today", "Tonight", "Tomorrow", "Yesterday"] \
    + [m.title() for m in AP_MONTHS]
_DAY_AFTER_CLOCK = rf"(?!(?<=[apAP]\.[mM])\.\s+(?:{_alternatives(_DAY_WORDS)})\b)"
_CONTEXT_END = re.compile(rf"(?=[.!?]){_NOT_AFTER_ABBREVIATION}{_DAY_AFTER_CLOCK}[.!?]['\"”’]?\s+"
                          r"(?=[A-Z\"“‘(])|\n\s*\n|\n(?=[A-Z])")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence holding text[start:end] (looks 400 chars out)."""
    left_from = max(0, start - 400)
    left = left_from
    for m in _CONTEXT_END.finditer(text, left_from, start):
        left = m.end()
    m = _CONTEXT_END.search(text, end, min(len(text), end + 400))
    right = m.start() + 1 if m else min(len(text), end + 400)
    return left, right
