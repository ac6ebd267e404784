"""The per-article pipeline: one `RawDocument` in, one `Article` out.

A pure function of its input, so any executor can run it (in-process, a
process pool, Ray). Corpus stages (template lines, stories, timelines) run
later against the store.
"""

from __future__ import annotations

import hashlib
import os

from . import clean, dating, extract, nlp, timex
from .annotate import annotate
from .model import Article, Block, Origin, RawDocument
from .text.sentences import CJK_STOPS, ENDS_CLAUSE_CJK

__all__ = ["process", "analyse", "article_id", "content_hash", "NoArticleText"]


class NoArticleText(Exception):
    """A whole HTML page with no article in it (a menu, a section front, an empty page).

    The build reports it as problem E008 and stores nothing for it.
    """


# A paragraph of article text: a few words ending like a sentence. Menus, link
# lists and section fronts have none.
_MIN_SENTENCE_WORDS = 6
# A paragraph this long is text even without sentence punctuation (table
# cells, scripts without spaces between words).
_MIN_TEXT_CHARS = 120


def _has_article_text(blocks: list[Block]) -> bool:
    return any(b.kind == "body" and (len(b.text) >= _MIN_TEXT_CHARS or (
        len(b.text.split()) >= _MIN_SENTENCE_WORDS and ENDS_CLAUSE_CJK.search(b.text))
        or (len(b.text) >= 30 and b.text.rstrip()[-1:] in CJK_STOPS))  # scripts without spaces
        for b in blocks)


def content_hash(raw: RawDocument) -> str:
    text = (raw.title or "") + "\x00" + raw.content
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=10).hexdigest()


def article_id(origin: Origin, content_digest: str) -> str:
    """Stable id: where the article came from (absolute path + place in the file).

    Text read from stdin has no place, so its content names it.
    """
    if origin.path == "-":
        key = f"stdin#{content_digest}"
    else:
        key = os.path.abspath(origin.path) + (f"#{origin.locator}" if origin.locator else "")
    return hashlib.blake2b(key.encode(), digest_size=6).hexdigest()


def process(raw: RawDocument, model: str | None = nlp.DEFAULT_MODEL) -> Article:
    """Extract, clean, date and annotate one document.

    `model`: the language pipeline for sentences, names and quotes (see
    `storyline.nlp.load`); None skips that stage (the article keeps its text,
    dates and time expressions).
    """
    digest = content_hash(raw)
    origin = raw.origin
    title, source, byline = raw.title, raw.source, raw.byline
    found_date, date_method = raw.published, raw.published_method
    description = None
    whole_page = raw.markup == "html" and extract.is_whole_page(raw.content)
    if whole_page:
        page = extract.extract_html(raw.content, url=origin.url, crawl_date=origin.crawl_date)
        paragraphs = page.paragraphs
        title = title or page.title
        description = page.description
        source = source or page.sitename
        byline = byline or page.author
        origin.url = origin.url or page.url
        if page.date and not found_date:
            found_date, date_method = page.date, page.date_method
        hint = "html"
    elif raw.markup == "html":
        paragraphs, hint = extract.fragment_paragraphs(raw.content), "html"
    else:
        paragraphs, hint = clean.split_paragraphs(raw.content), "text"
    blocks = clean.clean_paragraphs(paragraphs, title=title, description=description,
                                    markup_hint=hint)
    if whole_page and not _has_article_text(blocks):
        raise NoArticleText(
            f"{len(paragraphs)} lines of page text, none reads as an article sentence"
            if paragraphs else "the page has no main text")
    article = Article(
        id=article_id(origin, digest),
        origin=origin,
        source=source,
        title=title or _first(blocks, "title"),
        dateline=_first(blocks, "dateline"),
        byline=byline or _first(blocks, "byline"),
        published=dating.from_metadata(found_date, date_method, origin.crawl_date),
        blocks=blocks,
        content_hash=digest,
        notes=list(raw.notes),
    )
    # No day in the metadata: reason one from the text (inside the metadata's
    # bounds: a crawl date, htmldate's year).
    article.published = dating.date_article(article)
    return analyse(article, model)


def analyse(article: Article, model: str | None = nlp.DEFAULT_MODEL) -> Article:
    """The stages that read the clean body and its date: time expressions, then the
    language pipeline. Re-run whenever the body changes (template lines found later)."""
    # Time expressions are resolved against the article's own date; without
    # one they stay underspecified ("XXXX-03", "PAST_REF").
    article.timexes = timex.tag(article.body, article.published.date)
    if model is not None:
        annotate(article, nlp.load(model))
    else:
        article.sentences, article.mentions, article.quotes = [], [], []
    return article


def _first(blocks: list[Block], kind: str) -> str | None:
    return next((b.text for b in blocks if b.kind == kind), None)
