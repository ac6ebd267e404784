"""Plain-text layer of quote finding: paragraphs, sentences and quote-mark spans.

Works on characters only (no parse), so it behaves the same whatever the language
model's quality, and never fails on odd or unbalanced quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentences of one paragraph, for the attribution step (`attribute` imports them here).
from ..text.sentences import paragraph_sentences as sentences

__all__ = ["Marked", "paragraphs", "sentences", "quote_spans", "OPENING", "CLOSING", "TWO_APOSTROPHES"]

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
# Two apostrophes stand for a double mark in some archives (''We will,'' he said).
TWO_APOSTROPHES = "''"


@dataclass
class Marked:
    """A quoted stretch of text: `start`/`end` exclude the marks themselves."""

    start: int
    end: int
    open_at: int                  # offset of the opening mark (or `start` when missing)
    close_at: int | None          # offset of the closing mark; None when left open
    continued: bool = False       # runs on from the previous paragraph
    single: bool = False          # 'single' marks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of `text`: separated by line breaks (a blank
    line, or a single one: some sources break paragraphs with one)."""
    spans, pos = [], 0
    for piece in text.split("\n"):
        start, end = pos, pos + len(piece)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _opens(text: str, i: int, lo: int, width: int = 1) -> bool:
    """Does the straight mark at i (`width` characters) open a quote (judged by its
    neighbours)?"""
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isspace() or before in "([{—–-:/" or i == lo:
        return not after.isspace()
    return False


def quote_spans(text: str, para_start: int, para_end: int,
                open_from_before: bool = False) -> list[Marked]:
    """The quoted stretches of one paragraph, double marks first, then single marks
    outside them. `open_from_before`: the previous paragraph left a quote open."""
    spans: list[Marked] = []
    opened: int | None = None
    opened_width = 1
    first = para_start
    continued = False
    i = para_start
    while i < para_end:
        ch = text[i]
        width = 1
        if text.startswith(TWO_APOSTROPHES, i) and i + 2 <= para_end and text[i + 2:i + 3] != "'" \
                and text[i - 1:i] != "'":
            ch, width = STRAIGHT, 2          # the mark is read like a straight double mark
        elif ch == "'":
            i += 1
            continue
        # A closing mark where an opening one belongs (”Fortunately, …) still opens.
        reversed_open = ch in CLOSING and opened is None and _opens(text, i, first, width)
        if ch in OPENING or reversed_open or (ch == STRAIGHT and opened is None and _opens(text, i, first, width)):
            if opened is not None:      # an opening mark inside an open quote: the
                _add(text, spans, opened, i, None, continued, opened_width)   # first one was never closed
            opened, opened_width, continued = i, width, False
        elif ch in CLOSING or ch == STRAIGHT:
            if opened is None:
                if ch == STRAIGHT:
                    i += width
                    continue            # a stray straight mark (inches, typos): ignore
                if open_from_before and not spans:
                    # closes a quote carried over from the previous paragraph
                    _add(text, spans, para_start - 1, i, i, True)
                i += width
                continue
            # close_at: the mark's last character, so close_at + 1 is past it
            _add(text, spans, opened, i, i + width - 1, continued, opened_width)
            opened, continued = None, False
        i += width
    if opened is not None:
        _add(text, spans, opened, para_end, None, continued, opened_width)
    spans.extend(_single_spans(text, para_start, para_end, spans))
    spans.sort(key=lambda s: s.start)
    return spans


def _add(text: str, spans: list[Marked], opened: int, end: int, close_at: int | None,
         continued: bool, width: int = 1) -> None:
    start = opened + width
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append(Marked(start, end, opened, close_at, continued))


_SINGLE = re.compile(r"(?<![\w’'])[‘'](?=\w)([^‘’'\n]{1,120}?[\w.,!?])[’'](?![\w’'])")


def _single_spans(text: str, start: int, end: int, doubles: list[Marked]) -> list[Marked]:
    """'Single-quoted' stretches outside double-quoted ones (headline style, or a
    partial quote): the mark must open before a word and close after one, not be an
    apostrophe ("it's", "Trump's", "the '90s")."""
    found = []
    for m in _SINGLE.finditer(text, start, end):
        a, b = m.start(1), m.end(1)
        if any(d.open_at <= a and b <= (d.close_at if d.close_at is not None else end) for d in doubles):
            continue
        found.append(Marked(a, b, m.start(), b, single=True))
    return found
