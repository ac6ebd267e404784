"""The per-article pipeline: one `RawDocument` in, one `Article` out.

A pure function of its input, so any executor can run it (in-process, a
process pool, Ray). Corpus stages (template lines, stories, timelines) run
later against the store.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from typing import Any, Callable

from . import clean, dating, extract, nlp, timex
from .annotate import annotate, annotate_many
from .clean import authors as authors_of, headline
from .ingest.dataset import host_of
from .model import Article, Block, Evidence, Origin, RawDocument
from .text.sentences import CJK_STOPS, ENDS_CLAUSE_CJK

__all__ = ["process", "process_many", "rerun", "read_article", "Stage", "ARTICLE_STAGES", "article_id",
           "content_hash", "NoArticleText"]


class NoArticleText(Exception):
    """A whole HTML page with no article in it (a menu, a section front, an empty page).

    The build reports it as problem E008 and stores nothing for it. A page with a
    title and a date is an article whose text could not be found: it is stored
    (`NO_TEXT`), with its JSON-LD articleBody as its text when it has one.
    """


# The note of an article stored without its text (a page with a title and a date
# whose text trafilatura found no sentence in, nor JSON-LD articleBody): the build
# counts it apart (warning W002), not as a failure.
NO_TEXT = "no article text found: stored with its title and date"


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


@dataclass(frozen=True)
class Stage:
    """One stage of a build, as the stage table (`storyline.stages`) lists it.

    `requires` and `assigns` name what it reads and writes: article fields
    ("blocks", "body", "date", "timexes", ...) or, for corpus stages, store
    tables. A per-article stage is a pure function of one article; a corpus
    stage reads and writes the store.
    """

    name: str
    scope: str                       # "article" or "corpus"
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[..., Any]
    doc: str
    # A batched form, run_many(articles, model, spent), where a batch runs faster than
    # one article at a time (the language pipeline); `spent[i]` gets article i's seconds.
    run_many: Callable[..., Any] | None = None


def read_article(raw: RawDocument, spent: dict[str, float] | None = None) -> Article:
    """Extract (HTML pages) and clean one document into an `Article` dated from its metadata.
    `spent`, if given, gets the CPU seconds of "extract" and "clean"."""
    began = time.thread_time()
    digest = content_hash(raw)
    origin = raw.origin
    source, byline = raw.source, raw.byline
    found_date, date_method = raw.published, raw.published_method
    description, page = None, None
    notes = list(raw.notes)
    whole_page = raw.markup == "html" and extract.is_whole_page(raw.content)
    if whole_page:
        page = extract.extract_html(raw.content, url=origin.url, crawl_date=origin.crawl_date)
        paragraphs = page.paragraphs
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
    extracted = time.thread_time()
    sites = [source, host_of(origin.url), *(page.site_names if page else ())]
    title, title_evidence = _title(raw, page, sites)
    blocks = clean.clean_paragraphs(paragraphs, title=title, description=description,
                                    markup_hint=hint)
    if whole_page and not _has_article_text(blocks):
        blocks = _text_elsewhere(page, blocks, title, found_date, paragraphs)
        if not _has_article_text(blocks):
            notes.append(NO_TEXT)
    if not title and _first(blocks, "title"):   # a plain text's first line
        title = _first(blocks, "title")
        title_evidence = [Evidence(text=title, where="text", note="chosen: the first line "
                                   "reads as a headline")]
    printed = _first(blocks, "byline")
    byline = byline or printed
    article = Article(
        id=article_id(origin, digest),
        origin=origin,
        source=source,
        title=title,
        dateline=_first(blocks, "dateline"),
        byline=byline,
        authors=_authors(raw, page, printed, sites),
        published=dating.from_metadata(found_date, date_method, origin.crawl_date,
                                       page.date_reason if page and found_date == page.date else None),
        blocks=blocks,
        content_hash=digest,
        notes=notes,
        title_evidence=title_evidence,
    )
    if spent is not None:
        spent["extract"] = extracted - began
        spent["clean"] = time.thread_time() - extracted
    return article


def _title(raw: RawDocument, page, sites: list) -> tuple[str | None, list[Evidence]]:
    """The headline: the container's title (a feed's, a dump's) with the site's name cut,
    else the page's printed headline (`clean.headline.choose`)."""
    if raw.title:
        text = headline.tidy(raw.title)
        title, cut = headline.strip_site(text, sites)
        note = f"chosen: the {raw.origin.format}'s title" + (f"; cut {' '.join(cut)!r}" if cut
                                                            else "")
        own = Evidence(text=text, where=raw.origin.format, note=note)
        return title, [own, *(page.title_evidence if page else ())]
    if page is not None:
        return page.title, page.title_evidence
    return None, []


def _text_elsewhere(page, blocks: list[Block], title: str | None, day: str | None,
                    paragraphs: list[str]) -> list[Block]:
    """A page with no article sentence in its main text: its JSON-LD articleBody, or,
    when it has a title and a date, what was found (the article is kept, flagged);
    otherwise it is no article (`NoArticleText`)."""
    if page.article_body:
        found = clean.clean_paragraphs(clean.split_paragraphs(page.article_body), title=title,
                                       markup_hint="text")
        if _has_article_text(found):
            return found
    if title and day:
        return blocks
    raise NoArticleText(
        f"{len(paragraphs)} lines of page text, none reads as an article sentence"
        if paragraphs else "the page has no main text")


def _authors(raw: RawDocument, page, printed: str | None, sites: list) -> list[str]:
    """Names from the container's author list or byline field, else the page's metadata;
    the byline printed in the text when there are none, or when it names them and more
    (a live page's metadata names its first writer only)."""
    found: list[str] = []
    for value in raw.authors or [raw.byline]:
        found += authors_of.names(value, sites)
    if not found and page is not None:
        found = page.authors
    return authors_of.with_printed(list(dict.fromkeys(found)), authors_of.names(printed, sites))


def date_from_text(article: Article, model: str | None = None) -> Article:
    """No day in the metadata: reason one from the text (inside the metadata's bounds:
    a crawl date, htmldate's year)."""
    article.published = dating.date_article(article)
    return article


def tag_times(article: Article, model: str | None = None) -> Article:
    """Time expressions of the body, resolved against the article's own date; without
    one they stay underspecified ("XXXX-03", "PAST_REF")."""
    article.timexes = timex.tag(article.body, article.published.date)
    return article


def annotate_language(article: Article, model: str | None = None) -> Article:
    """Sentences, names and quotes from the language pipeline (`model`; None skips them)."""
    if model is not None:
        annotate(article, nlp.load(model))
    else:
        article.sentences, article.mentions, article.quotes = [], [], []
    return article


def annotate_languages(articles: list[Article], model: str | None,
                       spent: list[dict[str, float]]) -> list[Article]:
    """`annotate_language` for a batch: the language pipeline runs batched (`nlp.pipe`)."""
    if model is None:
        return [annotate_language(a) for a in articles]
    return annotate_many(articles, nlp.load(model), spent)


# The per-article stages in the order they run. "blocks": every line with its kind
# as the cleaner classified it; "body": which of them are article text (template
# lines found later move lines out of it); "date": `published`.
ARTICLE_STAGES: tuple[Stage, ...] = (
    Stage("read", "article", ("document",), ("blocks", "body", "title", "source", "byline",
                                             "authors", "dateline", "metadata"),
          read_article, "extract (HTML) and clean: storyline.extract, storyline.clean"),
    Stage("date", "article", ("blocks", "metadata"), ("date",), date_from_text,
          "the day from the text inside the metadata's bounds: storyline.dating"),
    Stage("timex", "article", ("body", "date"), ("timexes",), tag_times,
          "time expressions resolved against the date: storyline.timex"),
    Stage("annotate", "article", ("body",), ("sentences", "mentions", "quotes"),
          annotate_language, "sentences, names, quotes: storyline.annotate, .entities, .quotes",
          annotate_languages),
)


def process(raw: RawDocument, model: str | None = nlp.DEFAULT_MODEL, *,
            spent: dict[str, float] | None = None) -> Article:
    """Extract, clean, date and annotate one document: every per-article stage.

    `model`: the language pipeline for sentences, names and quotes (see
    `storyline.nlp.load`); None skips that stage (the article keeps its text,
    dates and time expressions). `spent`, if given, gets each stage's CPU seconds
    (this thread's, so a busy machine or other workers do not count).
    """
    [result] = process_many([raw], model, spent=None if spent is None else [spent])
    if isinstance(result, Exception):
        raise result
    return result


def process_many(raws: list[RawDocument], model: str | None = nlp.DEFAULT_MODEL, *,
                 spent: list[dict[str, float]] | None = None) -> list[Article | Exception]:
    """`process` for a batch, as a worker runs it: each stage in table order, a stage with
    a batched form (the language pipeline) over the batch at once. An article that fails
    comes back as its exception, in its place; the others are not held back by it.
    `spent[i]`, if given, gets article i's CPU seconds per stage ("extract", "clean",
    "date", "timex", "language", "entities", "quotes")."""
    spent = [{} for _ in raws] if spent is None else spent
    out: list[Article | Exception] = []
    for raw, seconds in zip(raws, spent):
        try:
            out.append(read_article(raw, seconds))
        except Exception as err:   # NoArticleText, or one bad article
            out.append(err)
    for stage in ARTICLE_STAGES[1:]:
        live = [i for i, a in enumerate(out) if isinstance(a, Article)]
        if stage.run_many is not None and len(live) > 1:
            try:
                done = stage.run_many([out[i] for i in live], model, [spent[i] for i in live])
                for i, article in zip(live, done):
                    out[i] = article
                continue
            except Exception:   # one article broke the batch: run them one by one to find it
                pass
        for i in live:
            began = time.thread_time()
            try:
                out[i] = (stage.run_many([out[i]], model, [spent[i]])[0] if stage.run_many
                          else stage.run(out[i], model))
            except Exception as err:
                out[i] = err
            if not stage.run_many:
                spent[i][stage.name] = time.thread_time() - began
    return out


def rerun(article: Article, changed: set[str], model: str | None = nlp.DEFAULT_MODEL
          ) -> Article:
    """The one rule for what runs again: after a later stage changed `changed` (fields
    of the stage table), every per-article stage that requires one of them runs again,
    in table order, and what it assigns counts as changed too."""
    changed = set(changed)
    for stage in ARTICLE_STAGES[1:]:
        if changed.intersection(stage.requires):
            article = stage.run(article, model)
            changed.update(stage.assigns)
    return article


def _first(blocks: list[Block], kind: str) -> str | None:
    return next((b.text for b in blocks if b.kind == kind), None)
