"""Template lines: paragraphs that repeat across many articles of one source.

A site's newsletter plug or standing disclaimer appears in most of its
articles; a wire story's background sentence appears in a few. So a line is
template when it is short and appears in at least `MIN_ARTICLES` articles of
the same source *and* in at least `MIN_SHARE` of them. This is corpus
evidence: it is applied after articles are stored (see `store`), and
re-applied to a source's articles whenever new articles of that source arrive.

Titles are held the same way: the first and last segments of an outlet's metadata
titles ("... | TechCrunch", "Opinion | ...") are kept as keys `TITLE_KEY + segment`;
one repeated as often as a template line is the outlet's affix, cut from titles that
were not printed as they are (`headline.cut_affixes`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from typing import Iterable

from ..model import Article, Block, Evidence
from .headline import affixes, cut_affixes

__all__ = ["source_key", "line_key", "template_keys", "apply_template", "repeated_keys", "TemplateIndex",
           "article_keys", "apply_to_article", "TITLE_KEY", "MIN_ARTICLES", "MIN_SHARE",
           "MAX_WORDS"]

# Calibrated on timeline17 (per-outlet folders of 100-900 articles, many of
# them updated versions of one story that share background sentences) and the
# example corpus (outlets of 3-5 articles sharing one plug line).
MIN_ARTICLES = 3
MIN_SHARE = 0.2
MAX_WORDS = 40


def source_key(source: str | None) -> str:
    """One key for one outlet however a format names it: "KRVT News 8" and the
    folder "krvt-news8" are the same site."""
    return re.sub(r"[^0-9a-z]", "", (source or "").lower())


def line_key(text: str) -> str:
    # Case and spacing vary between a site's pages; the words of a template line do not.
    norm = " ".join(text.lower().split())
    return hashlib.blake2b(norm.encode(), digest_size=8).hexdigest()


def template_keys(blocks: Iterable[Block]) -> set[str]:
    """Keys of the lines of one article that could be template (body or already template)."""
    return {line_key(b.text) for b in blocks
            if b.kind in ("body", "template") and len(b.text.split()) <= MAX_WORDS}


TITLE_KEY = "title:"


def title_keys(evidence: Iterable[Evidence]) -> set[str]:
    """Keys of the affixes of an article's metadata titles (an <h1> is printed as it is)."""
    return {TITLE_KEY + a for e in evidence if e.where != "h1" for a in affixes(e.text)}


def article_keys(article: Article) -> set[str]:
    """One article's template evidence: its candidate lines and its titles' affixes."""
    return template_keys(article.blocks) | title_keys(article.title_evidence)


def apply_to_article(article: Article, repeated: set[str]) -> set[str]:
    """Template lines out of the body, the outlet's affixes off the title; returns the
    fields changed ("body", "title")."""
    changed = {"body"} if apply_template(article.blocks, repeated) else set()
    learned = {k[len(TITLE_KEY):] for k in repeated if k.startswith(TITLE_KEY)}
    if learned and cut_affixes(article, learned):
        changed.add("title")
    return changed


def repeated_keys(counts: Counter[str], articles_in_source: int) -> set[str]:
    need = max(MIN_ARTICLES, MIN_SHARE * articles_in_source)
    return {key for key, n in counts.items() if n >= need}


def apply_template(blocks: list[Block], repeated: set[str]) -> bool:
    """Mark body lines whose key is repeated as template, and undo marks no longer supported.

    Returns whether anything changed.
    """
    changed = False
    for b in blocks:
        if b.kind == "body" and len(b.text.split()) <= MAX_WORDS and line_key(b.text) in repeated:
            b.kind, b.rule, changed = "template", "repeats-across-source", True
        elif b.kind == "template" and line_key(b.text) not in repeated:
            b.kind, b.rule, changed = "body", None, True
    return changed


class TemplateIndex:
    """In-memory counts for when there is no store (benchmarks, one-off cleaning)."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.articles: Counter[str] = Counter()

    def add(self, source: str | None, blocks: Iterable[Block],
            titles: Iterable[Evidence] = ()) -> None:
        self.counts[source_key(source)].update(template_keys(blocks) | title_keys(titles))
        self.articles[source_key(source)] += 1

    def repeated(self, source: str | None) -> set[str]:
        return repeated_keys(self.counts[source_key(source)], self.articles[source_key(source)])
