"""The annotate stage: sentences, names and quotes from the language pipeline.

Runs on the clean body only, so text removed as boilerplate (captions,
promos, template lines) yields no entities and no quotes.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from .model import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate", "annotate_many", "pieces", "MAX_CHARS", "BATCH", "BATCH_CHARS",
           "PIECES_NOTE"]

# A body longer than this (a whole live blog, a mis-split dump, a 10 MB text file) is
# annotated in pieces of at most this many characters, cut at paragraph breaks: the
# parser's memory grows with the length of one Doc, so a piece bounds it. Names and
# quotes are found within a piece; the article notes how many pieces (warning W003).
MAX_CHARS = 100_000
# Docs the language pipeline runs at once (`nlp.pipe`), up to BATCH_CHARS characters in
# all. Batching saves little (100 timeline17 articles, CPU s per article: one at a time
# .114, batches of 4 .109, of 16 .111) and the parser's precomputed features take ~12 KB a
# token for the whole batch (peak RSS 424, 519, 733 MB): a few articles at a time.
BATCH = 8
BATCH_CHARS = 25_000
# The note of an article annotated in pieces (the build warns: W003).
PIECES_NOTE = "annotated in "


def pieces(body: str, limit: int | None = None) -> list[tuple[int, str]]:
    """(offset, text) pieces of `body` of at most `limit` characters, cut at the last
    paragraph break before the limit, else the last line break, else the last space
    (a text with neither is cut at the limit). `limit`: MAX_CHARS."""
    limit = limit or MAX_CHARS
    out, start = [], 0
    while len(body) - start > limit:
        end = start + limit
        cut = max(body.rfind("\n\n", start, end), 0)
        for sep in ("\n", " "):
            if cut <= start:
                cut = body.rfind(sep, start, end)
        cut = cut if cut > start else end
        out.append((start, body[start:cut]))
        start = cut
    out.append((start, body[start:]))
    return out


def annotate(article: Article, nlp: "Language") -> Article:
    """Fill `sentences`, `mentions` and `quotes` of `article` (in place; returned)."""
    annotate_many([article], nlp)
    return article


def annotate_many(articles: list[Article], nlp: "Language",
                  spent: list[dict[str, float]] | None = None) -> list[Article]:
    """`annotate` for a batch: the pipeline runs batched (`nlp.pipe`), each article's
    pieces in turn. `spent[i]`, if given, gets article i's CPU seconds in "language"
    (the batch's share by characters: a batch runs as one), "entities" and "quotes"."""
    from . import entities, quotes   # the stages that read the parse

    jobs = []
    for i, article in enumerate(articles):
        article.sentences, article.mentions, article.quotes = [], [], []
        parts = pieces(article.body)
        article.notes = [n for n in article.notes if not n.startswith(PIECES_NOTE)]
        if len(parts) > 1:
            article.notes.append(f"{PIECES_NOTE}{len(parts)} pieces of at most {MAX_CHARS:,} "
                                 f"characters ({len(article.body):,} characters of text); "
                                 "names and quotes are found within a piece")
        jobs += [(i, offset, text) for offset, text in parts]
    timer = _Timer()
    docs = (doc for batch in _batches(jobs)
            for doc in nlp.pipe([_prepare(nlp, text) for _, _, text in batch],
                                batch_size=len(batch)))
    found: list[dict[str, float]] = [{"entities": 0.0, "quotes": 0.0} for _ in articles]
    for (i, offset, _), doc in zip(jobs, timer.timed(docs)):
        article = articles[i]
        began = time.thread_time()
        mentions = entities.find_mentions(doc)
        mid = time.thread_time()
        said = quotes.find_quotes(doc, mentions)
        found[i]["entities"] += mid - began
        found[i]["quotes"] += time.thread_time() - mid
        article.sentences += [(a + offset, b + offset) for a, b in _sentence_spans(doc)]
        article.mentions += [_shifted(m, offset) for m in mentions]
        article.quotes += [_shifted(q, offset) for q in said]
    chars = sum(len(a.body) for a in articles) or 1
    for i, article in enumerate(articles):
        for n, quote in enumerate(article.quotes, 1):
            quote.id = f"{article.id}-q{n}"
            quote.article_id = article.id
        if spent is not None:
            spent[i]["language"] = timer.seconds * max(len(article.body), 1) / chars
            spent[i].update(found[i])
    return articles


def _batches(jobs: list[tuple[int, int, str]]):
    batch: list[tuple[int, int, str]] = []
    chars = 0
    for job in jobs:
        if batch and (len(batch) >= BATCH or chars + len(job[2]) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(job)
        chars += len(job[2])
    if batch:
        yield batch


class _Timer:
    """This thread's CPU seconds spent producing a generator's items."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def timed(self, items):
        items = iter(items)
        while True:
            began = time.thread_time()
            item = next(items, _END)
            self.seconds += time.thread_time() - began
            if item is _END:
                return
            yield item


_END = object()


def _shifted(found, offset: int):
    """A mention or quote found in a piece, its offsets moved to the body's."""
    if not offset:
        return found
    found.start += offset
    found.end += offset
    for evidence in getattr(found, "evidence", ()):
        if evidence.start is not None:
            evidence.start += offset
            evidence.end += offset
    return found


# spaCy's tokenizer splits a run of punctuation one character per pass over the
# rest of the run: quadratic, 47 s for a 20 KB text holding 20,000 `"`. Such runs
# are tokenized in pieces of RUN_BREAK characters and the pieces joined back into one
# Doc whose text is the body's own, so every offset, quote and name is the body's;
# nothing in a real sentence is that long.
RUN_BREAK = 32
_LONG_RUN = re.compile(r"([^\w\s])\1{%d,}" % (RUN_BREAK - 1))


def _make_doc(nlp: "Language", text: str):
    cuts = [start for m in _LONG_RUN.finditer(text)
            for start in range(m.start(), m.end(), RUN_BREAK)]
    if not cuts:
        return nlp.make_doc(text)
    from spacy.tokens import Doc

    bounds = [0, *cuts, len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:]) if a < b]
    return Doc.from_docs([nlp.make_doc(p) for p in pieces], ensure_whitespace=False)


def _prepare(nlp: "Language", text: str):
    """The Doc of `text` with every paragraph starting a sentence (the parser keeps
    boundaries set before it runs), so no sentence spans a paragraph break.

    The paragraph break itself is a whitespace token; it opens the paragraph's
    first sentence, and the words after it (an opening quote mark and the
    word it opens) are held in that sentence: left alone, the parser made a
    lone quote mark a sentence of its own.
    """
    doc = _make_doc(nlp, text)
    # Only the whitespace tokens: walking every token in Python cost as much as the tagger.
    from spacy.attrs import IS_SPACE

    for i in doc.to_array([IS_SPACE]).nonzero()[0].tolist():
        token = doc[i]
        if "\n" not in token.text or i + 1 >= len(doc):
            continue
        token.is_sent_start = True
        follower = doc[i + 1]
        follower.is_sent_start = False
        if follower.is_quote and follower.i + 1 < len(doc):
            doc[follower.i + 1].is_sent_start = False
    return doc


def _sentence_spans(doc) -> list[tuple[int, int]]:
    """Character spans of the sentences, without the whitespace at their edges."""
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans
