"""The annotate stage: sentences, names and quotes from the language pipeline.

Runs on the clean body only, so text removed as boilerplate (captions,
promos, template lines) yields no entities and no quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .model import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["annotate", "MAX_CHARS"]

# Longer bodies (a whole live blog, a mis-split dump) are annotated up to here:
# the parser's memory grows with document length. Paragraph boundary, noted.
MAX_CHARS = 100_000


def annotate(article: Article, nlp: "Language") -> Article:
    """Fill `sentences`, `mentions` and `quotes` of `article` (in place; returned)."""
    from . import entities, quotes   # the stages that read the parse

    body = article.body
    if len(body) > MAX_CHARS:
        cut = body.rfind("\n\n", 0, MAX_CHARS)
        body = body[:cut if cut > 0 else MAX_CHARS]
        article.notes.append(f"annotated the first {len(body)} of {len(article.body)} characters")
    doc = _parse(nlp, body)
    article.sentences = _sentence_spans(doc)
    article.mentions = entities.find_mentions(doc)
    article.quotes = quotes.find_quotes(doc, article.mentions)
    for n, quote in enumerate(article.quotes, 1):
        quote.id = f"{article.id}-q{n}"
        quote.article_id = article.id
    return article


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


def _parse(nlp: "Language", text: str):
    """Run the pipeline with every paragraph starting a sentence (the parser keeps
    boundaries set before it runs), so no sentence spans a paragraph break.

    The paragraph break itself is a whitespace token; it opens the paragraph's
    first sentence, and the words after it (an opening quote mark and the
    word it opens) are held in that sentence: left alone, the parser made a
    lone quote mark a sentence of its own.
    """
    doc = _make_doc(nlp, text)
    for token in doc:
        if token.is_space and "\n" in token.text and token.i + 1 < len(doc):
            token.is_sent_start = True
            follower = doc[token.i + 1]
            follower.is_sent_start = False
            if follower.is_quote and follower.i + 1 < len(doc):
                doc[follower.i + 1].is_sent_start = False
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _sentence_spans(doc) -> list[tuple[int, int]]:
    """Character spans of the sentences, without the whitespace at their edges."""
    spans = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words:
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans
