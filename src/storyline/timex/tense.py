"""Tense cues: does the sentence around a time expression talk about the future?

"Friday", "in March" and "Nov. 6" name a day or month without its year or week;
news resolves them backwards ("said Tuesday") unless the verb points forward
("will meet Tuesday", "is scheduled to close Monday", "the March 15 deadline").
Without a parser, the nearest tense-bearing word in the same sentence decides:
modal and planning words mean future, past-tense verbs mean past; prepositions
("by", "until", "through", "since") decide when no verb does, or when the verb is a
weak past or a present ("began sampling ... through the spring of 2026"). A verb
across a quotation mark is another clause's ("'... will leave Thursday,' Castro
said") and counts only when no verb on this side of the mark does.
"""

from __future__ import annotations

import re

from ..text.sentences import sentence_bounds
from .lexicon import IRREGULAR_PAST

__all__ = ["tense_near"]

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|[.;:!?]")
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
# "the June 30 deadline passed": the deadline is behind (not "a deadline set by ...").
_DEADLINE_GONE = frozenset({"passed", "expired", "lapsed", "elapsed", "came", "went", "was",
                            "had"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have"})
# A present "be" before a planning participle talks about what is arranged ("the vote
# is planned for May"); before an -ing form it is the present, which outweighs past
# verbs further away but leaves the direction to a preposition ("began in March and
# is sampling through the spring": forward; "is continuing under a June agreement").
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PLANNED = frozenset({"planned", "expected", "scheduled", "slated", "proposed", "set"})
# Past cues strong enough to overrule a forward-looking preposition ("had filed by
# Wednesday"); a bare participle is not ("to remain closed until Friday").
_STRONG_PAST = frozenset({"was", "were", "had", "did", "said", "told"})
_NOT_PAST = frozenset({"need", "seed", "speed", "feed", "breed", "bleed", "proceed",
                       "exceed", "succeed", "indeed", "red", "bed", "shed", "wed", "led"})
# Words before the expression that look forward: "until Friday", "through the spring".
_FUTURE_PREPOSITIONS = frozenset({"by", "until", "till", "through", "thru", "next", "starting",
                                  "beginning", "effective"})
_PAST_PREPOSITIONS = frozenset({"since", "ago", "last", "earlier"})
_AS_SOON_AS = re.compile(r"\bas\s+(?:soon|early)\s+as\s+$", re.IGNORECASE)
_QUOTE = re.compile(r"''|``|[\"“”]")
_WINDOW = 14          # words scanned on each side (TBAQ-cleaned: 8 and 10 do worse, 20 no better)


def _verb_tense(words: list[str], i: int, after: bool = False) -> str | None:
    """The tense word i signals, looking at its neighbours; None if it is not a cue.
    Words keep their case so that capitalized -ed words (names) are not verbs.
    `after`: the word comes after the time expression."""
    w = words[i]
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    prev = words[i - 1].lower() if i > 0 else ""
    if w[:1].isupper() and i > 0:
        return None                                # "United", "Ted", "Will": names
    w = w.lower()
    if w in _FUTURE_WORDS:
        if prev in ("had", "been", "was", "were") and w not in ("will", "would", "shall"):
            return "past"                          # "had been scheduled to expire Friday"
        if after and w == "deadline" and _word(words, i + 1) in _DEADLINE_GONE:
            return "past"                          # "the June 30 deadline passed"
        return "future"
    if w in _FUTURE_BEFORE_TO and nxt == "to":
        if after and w.endswith("ed") and w not in _PLANNED:
            return "past"                          # "In November, they threatened to ..."
        return "future"
    if w == "to" and nxt == "be":
        return "future"
    if w in _PRESENT_BE and nxt in _PLANNED:
        return "future"                            # "the vote is planned for May"
    if w in _PRESENT_BE and nxt.endswith("ing") and len(nxt) > 4:
        return "present"                           # "are sampling through the spring"
    if w in ("was", "were") and nxt in _PLANNED | {"planning"} and _word(words, i + 2) == "to":
        return "future"                            # "were planning to march Saturday"
    if w in _PAST_AUX:
        return "past"
    if w in IRREGULAR_PAST or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST):
        if prev in ("be", "been", "being"):      # "will be held": the auxiliary decides
            return None
        if prev in _PRESENT_BE and w in _PLANNED:
            return "future"                        # "a hearing is set for Nov. 18"
        return "past"
    return None


def _word(words: list[str], i: int) -> str:
    return words[i].lower() if 0 <= i < len(words) else ""


def _strong(words: list[str], i: int) -> bool:
    """Is the cue at i a past strong enough to overrule "by"/"until"/"through": a
    past auxiliary or reporting verb, or a participle right after one ("had bought")?"""
    return words[i].lower() in _STRONG_PAST or (i > 0 and words[i - 1].lower() in _STRONG_PAST)


def tense_near(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None for the time expression at text[start:end]."""
    sent_start, sent_end = sentence_bounds(text, start, end)
    left_matches = list(_WORD.finditer(text, sent_start, start))[-_WINDOW:]
    right_matches = list(_WORD.finditer(text, end, sent_end))[:_WINDOW]
    left = [m.group() for m in left_matches]
    right = [m.group() for m in right_matches]
    before = left[-1].lower() if left else ""
    if before in _FUTURE_PREPOSITIONS and text[end:end + 2] in ("'s", "’s"):
        before = ""          # "flattened by Tuesday's earthquake": an agent, not a deadline
    # Quotation marks between a cue and the expression: the cue is in another clause
    # ("'He will leave at 4 a.m. Thursday,' Castro said": "will", not "said").
    quotes = [m.start() for m in _QUOTE.finditer(text, sent_start, sent_end)]
    left_quote = max((q for q in quotes if q < start), default=-1)
    right_quote = min((q for q in quotes if q >= end), default=len(text))

    if before in ("next", "upcoming", "coming") or _AS_SOON_AS.search(text, max(0, start - 20), start):
        return "future"                            # "as soon as Tuesday", "as early as May"
    if before in ("last", "since", "past"):
        return "past"

    # (across a quotation mark, distance, side: left first, tense, strong past)
    found: list[tuple[bool, int, int, str, bool]] = []
    for i in range(len(left) - 1, -1, -1):
        tense = _verb_tense(left, i)
        if tense:
            found.append((left_matches[i].start() < left_quote, len(left) - i, 0, tense, _strong(left, i)))
            break
    for i in range(len(right)):
        tense = _verb_tense(right, i, after=True)
        if tense:
            found.append((right_matches[i].start() > right_quote, i + 1, 1, tense, _strong(right, i)))
            break
    # "… filed with the court Wednesday afternoon, Calder would pay …": a comma right
    # after the expression closes the clause it is in; the verbs after it are another's.
    if len(found) == 2 and text[end:end + 1] == ",":
        found = [f for f in found if f[2] == 0]
    if found:
        _, _, _, tense, strong = min(found)
        if tense in ("past", "present") and before in _FUTURE_PREPOSITIONS and not strong:
            return "future"
        return None if tense == "present" else tense

    if before in _FUTURE_PREPOSITIONS:
        return "future"
    if before in _PAST_PREPOSITIONS or (right and right[0].lower() == "ago"):
        return "past"
    return None
