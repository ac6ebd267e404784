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
    "should", "must", "tomorrow", "deadline", "scheduled",
    "due", "pending",
    # scheduling verbs in the present: "the trial begins Monday", "the summit opens at 14:30"
    "begins", "starts", "opens", "reopens", "resumes", "meets", "convenes", "arrives",
    "departs", "expires", "launches", "kicks", "takes",
})
# Verbs that point forward when followed by "to": "plans to", "expected to".
_FUTURE_BEFORE_TO = frozenset({
    "plans", "plan", "planned", "planning", "expects", "expected", "expect", "going",
    "set", "intends", "intend", "intended", "aims", "aim", "hopes", "hope", "wants",
    "want", "is", "are", "likely", "seeks", "agreed", "promised", "threatened",
    "vowed", "decided", "scheduled", "due", "ready", "prepared", "poised", "about",
})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})
# Past cues strong enough to overrule a forward-looking preposition ("had filed by
# Wednesday"); a bare participle is not ("to remain closed until Friday").
_STRONG_PAST = frozenset({"was", "were", "had", "did", "said", "told"})
_NOT_PAST = frozenset({"need", "seed", "speed", "feed", "breed", "bleed", "proceed",
                       "exceed", "succeed", "indeed", "red", "bed", "shed", "wed", "led"})
_FUTURE_PREPOSITIONS = frozenset({"by", "until", "till", "next", "starting", "beginning",
                                  "effective"})
_PAST_PREPOSITIONS = frozenset({"since", "ago", "last", "earlier"})
_AS_SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.IGNORECASE)
_WINDOW = 14          # words scanned on each side (TBAQ-cleaned: 8 and 10 do worse, 20 no better)


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
    """The tense word i signals, looking at its neighbours; None if it is not a cue.
    Words keep their case so that capitalized -ed words (names) are not verbs."""
    w = words[i]
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    prev = words[i - 1].lower() if i > 0 else ""
    if w[:1].isupper() and i > 0:
        return None                                # "United", "Ted", "Will": names
    w = w.lower()
    if w in _FUTURE_WORDS:
        if prev in ("had", "been", "was", "were") and w not in ("will", "would", "shall"):
            return "past"                          # "had been scheduled to expire Friday"
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
    left = _WORD.findall(text, sent_start, start)[-_WINDOW:]
    right = _WORD.findall(text, end, sent_end)[:_WINDOW]
    before = left[-1].lower() if left else ""

    if before in ("next", "upcoming", "coming") or _AS_SOON_AS.search(text, max(0, start - 20), start):
        return "future"                            # "as soon as Tuesday", "as early as May"
    if before in ("last", "since", "past"):
        return "past"

    found: list[tuple[int, int, str, str]] = []    # (distance, side: left first, tense, word)
    for i in range(len(left) - 1, -1, -1):
        tense = _verb_tense(left, i)
        if tense:
            found.append((len(left) - i, 0, tense, left[i]))
            break
    for i in range(len(right)):
        tense = _verb_tense(right, i)
        if tense:
            found.append((i + 1, 1, tense, right[i]))
            break
    if found:
        _, _, tense, word = min(found)
        if tense == "past" and before in _FUTURE_PREPOSITIONS and word.lower() not in _STRONG_PAST:
            return "future"
        return tense

    if before in _FUTURE_PREPOSITIONS:
        return "future"
    if before in _PAST_PREPOSITIONS or (right and right[0].lower() == "ago"):
        return "past"
    return None
