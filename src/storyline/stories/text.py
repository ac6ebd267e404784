"""What story grouping reads of an article: weighted terms, names, shingles.

Terms come from the title, the lead and the body, lowercased, without stop
words; title and lead terms count more because they say what the article is
about. Names come from the annotate stage's mentions when present, else from
capitalized words inside sentences (a cheap stand-in when the build runs
without the language model). Numbers count as terms ("#26"): they tell
apart events of one kind.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Article
from ..text.terms import STOP_WORDS
from ..text.terms import tfidf as _tfidf

__all__ = ["terms", "names", "tfidf", "STOP_WORDS"]

_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
# Numbers tell apart events of one kind (26 pirates, a 6.1 quake, $42 million).
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.])")
NUMBERS = True
# A capitalized word that does not open a sentence: likely part of a name.
_NAME = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b([A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*)")

# Weights of where a term occurs. Tuned on the ECB+ train/dev topics
# (bench/stories.py --split dev): title and lead say what the story is.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 1.5
LEAD_WORDS = 80
# Terms kept per article vector (the long tail adds cost, not accuracy).
ARTICLE_TERMS = 120


def _tokens(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text.lower()):
        if len(w) > 2 and w not in STOP_WORDS:
            if w.endswith("'s"):
                w = w[:-2]
            out.append(w.strip("'-"))
    if NUMBERS:  # after the words, so that the lead stays the opening words
        out += ["#" + n.replace(",", "") for n in _NUMBER.findall(text)]
    return out


def terms(article: Article) -> Counter[str]:
    """Weighted term counts of title + lead + body."""
    counts: Counter[str] = Counter()
    for t in _tokens(article.title or ""):
        counts[t] += TITLE_WEIGHT
    body = _tokens(article.body)
    for i, t in enumerate(body):
        counts[t] += LEAD_WEIGHT if i < LEAD_WORDS else 1.0
    if not article.title and not body:  # a bare headline stored as something else
        for t in _tokens(article.dateline or ""):
            counts[t] += 1.0
    return counts


def names(article: Article) -> Counter[str]:
    """Names of people, organizations and places, lowercased, with counts."""
    if article.mentions:
        return Counter(m.name.lower() for m in article.mentions if m.name)
    found: Counter[str] = Counter()
    for paragraph in [article.title or ""] + article.body.split("\n\n"):
        for m in _NAME.finditer(paragraph):
            name = m.group(1).lower()
            if name not in STOP_WORDS and len(name) > 2:
                found[name] += 1
    return found


def tfidf(counts: Counter[str], df: dict[str, int], n_docs: int,
          keep: int = ARTICLE_TERMS) -> dict[str, float]:
    """Sublinear tf x smoothed idf, the `keep` heaviest terms, L2-normalized."""
    return _tfidf(counts, df, n_docs, keep)
