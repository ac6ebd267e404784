"""Tense cues: does the sentence around a time expression talk about the future?

"Friday", "in March" and "Nov. 6" name a day or month without its year or week;
news resolves them backwards ("said Tuesday") unless the verb points forward
("will meet Tuesday", "is scheduled to close Monday", "the March 15 deadline").
Without a parser, the nearest tense-bearing word in the same sentence decides:
modal and planning words mean future, past-tense verbs mean past; prepositions
("by", "until", "since") decide only when no verb does.
"""

from __future__ import annotations

import re

from .lexicon import IRREGULAR_PAST

__all__ = ["sentence_bounds", "tense_near"]

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[.;:!?]")
_SENTENCE_END = re.compile(r"[.!?]['\"”’]?\s+(?=[A-Z\"“‘(])|\n\s*\n|\n(?=[A-Z])")

_FUTURE_WORDS = frozenset({
    "will", "'ll", "shall", "wo", "won't", "gonna", "upcoming", "slated", "would",
    "tomorrow", "deadline", "scheduled", "due", "pending",
})
# Verbs that point forward when followed by "to": "plans to", "expected to".
_FUTURE_BEFORE_TO = frozenset({
    "plans", "plan", "planned", "planning", "expects", "expected", "expect", "going",
    "set", "intends", "intend", "intended", "aims", "aim", "hopes", "hope", "wants",
    "want", "is", "are", "likely", "seeks", "agreed", "promised", "threatened",
    "vowed", "decided", "scheduled", "due", "ready", "prepared", "poised", "about",
})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})
_NOT_PAST = frozenset({"need", "seed", "speed", "feed", "breed", "bleed", "proceed",
                       "exceed", "succeed", "indeed", "red", "bed", "shed", "wed", "led"})
_FUTURE_PREPOSITIONS = frozenset({"by", "until", "till", "next", "starting", "beginning",
                                  "from", "before"})
_PAST_PREPOSITIONS = frozenset({"since", "ago", "last", "earlier"})
_WINDOW = 14          # words scanned on each side (tuned on TBAQ-cleaned)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence holding text[start:end] (looks 400 chars out)."""
    left_from = max(0, start - 400)
    left = left_from
    for m in _SENTENCE_END.finditer(text, left_from, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    right = m.start() + 1 if m else min(len(text), end + 400)
    return left, right


def _verb_tense(words: list[str], i: int) -> str | None:
    """The tense word i signals, looking at its neighbours; None if it is not a cue."""
    w = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i > 0 else ""
    if w in _FUTURE_WORDS:
        return "future"
    if w in _FUTURE_BEFORE_TO and nxt == "to":
        return "future"
    if w == "to" and nxt == "be":
        return "future"
    if w in _PAST_AUX:
        return "past"
    if w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST):
        if prev in ("be", "been", "being"):      # "will be held": the auxiliary decides
            return None
        return "past"
    return None


def tense_near(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None for the time expression at text[start:end]."""
    sent_start, sent_end = sentence_bounds(text, start, end)
    left = [w.lower() for w in _WORD.findall(text, sent_start, start)][-_WINDOW:]
    right = [w.lower() for w in _WORD.findall(text, end, sent_end)][:_WINDOW]

    if left and left[-1] in ("next", "upcoming", "coming"):
        return "future"
    if left and left[-1] in ("last", "since", "past"):
        return "past"

    found: list[tuple[int, int, str]] = []         # (distance, side: left first, tense)
    for i in range(len(left) - 1, -1, -1):
        tense = _verb_tense(left, i)
        if tense:
            found.append((len(left) - i, 0, tense))
            break
    for i in range(len(right)):
        tense = _verb_tense(right, i)
        if tense:
            found.append((i + 1, 1, tense))
            break
    if found:
        return min(found)[2]

    before = left[-1] if left else ""
    if before in _FUTURE_PREPOSITIONS:
        return "future"
    if before in _PAST_PREPOSITIONS or (right and right[0] == "ago"):
        return "past"
    return None
