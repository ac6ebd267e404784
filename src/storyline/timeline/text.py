"""Text helpers for the timeline stage: content words (figures: `claims`).

Sentences, stop words and TF-IDF come from the shared toolkit (`storyline.text`).
"""

from __future__ import annotations

import re

from ..text.terms import SENTENCE_STOP_WORDS

__all__ = ["content_words"]

_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


def content_words(text: str) -> list[str]:
    """Lower-cased content words, with a crude plural/-ing/-ed/-e folding so that
    "spills", "spilled" and "spilling" meet "spill", "collapse" meets "collapsed"."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = w.strip("'-")
        if len(w) < 2 or w in SENTENCE_STOP_WORDS or w.isdigit() and len(w) < 3:
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
