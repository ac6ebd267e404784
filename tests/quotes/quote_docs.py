"""Hand-built spaCy Docs for the quote tests: words from spaCy's rule tokenizer, tags
from a small fixed lexicon, entities given by the test. No trained model is involved,
so the tests check the rules, not the model's mood."""

from __future__ import annotations

import re

import spacy
from spacy.tokens import Doc, Span

_NLP = spacy.blank("en")

_TAGS = {
    "the": "DT", "a": "DT", "an": "DT", "this": "DT", "his": "PRP$", "her": "PRP$",
    "its": "PRP$", "their": "PRP$", "he": "PRP", "she": "PRP", "they": "PRP", "it": "PRP",
    "we": "PRP", "i": "PRP", "who": "WP", "that": "IN", "of": "IN", "in": "IN", "on": "IN",
    "for": "IN", "at": "IN", "to": "TO", "and": "CC", "but": "CC", "'s": "POS", "’s": "POS",
    "would": "MD", "will": "MD", "also": "RB", "not": "RB", "said": "VBD", "says": "VBZ",
    "told": "VBD", "added": "VBD", "wrote": "VBD", "called": "VBD", "is": "VBZ", "was": "VBD",
    "had": "VBD", "has": "VBZ", "shows": "VBZ", "show": "VBP", "be": "VB", "close": "VB", "reads": "VBZ", "adding": "VBG",
    "release": "VB",
}


def tag(word: str, first: bool) -> str:
    low = word.lower()
    if low in _TAGS:
        return _TAGS[low]
    if not re.search(r"\w", word):
        return {",": ",", ".": ".", ":": ":", "“": "``", "”": "''", '"': "''"}.get(word, "NFP")
    if word[0].isupper() and not first:
        return "NNP"
    if word[0].isupper():
        return "NNP" if low not in ("we", "the") else _TAGS.get(low, "NNP")
    if low.endswith("ed"):
        return "VBD"
    if low.endswith("ly"):
        return "RB"
    return "NN"


def make_doc(text: str, people: tuple[str, ...] = (), orgs: tuple[str, ...] = (),
             places: tuple[str, ...] = ()) -> Doc:
    """A Doc of `text` with tags and PER/ORG/LOC entities at every occurrence of the
    given names (longest first, no overlaps)."""
    tokens = _NLP.make_doc(text)
    words = [t.text for t in tokens]
    spaces = [bool(t.whitespace_) for t in tokens]
    tags = [tag(w, i == 0 or words[i - 1] in (".", "\n\n", "“", '"')) for i, w in enumerate(words)]
    # sentences start after . ! ? and at paragraphs, as a parser would have them
    starts = [i == 0 or words[i - 1] in (".", "!", "?") or "\n" in words[i - 1]
              for i in range(len(words))]
    doc = Doc(_NLP.vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts)
    ents, taken = [], set()
    names = [(n, "PER") for n in people] + [(n, "ORG") for n in orgs] + [(n, "LOC") for n in places]
    for name, label in sorted(names, key=lambda x: -len(x[0])):
        for m in re.finditer(re.escape(name), text):
            span = doc.char_span(m.start(), m.end(), label=label)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            ents.append(span)
    doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


__all__ = ["make_doc", "Span"]


def quotes(text: str, people=(), orgs=()):
    """find_quotes on a hand-built Doc; every quote's offsets must give its text."""
    from storyline.quotes import find_quotes

    found = find_quotes(make_doc(text, people=people, orgs=orgs))
    for q in found:
        assert text[q.start:q.end] == q.text
    return found


def one(found, contains: str):
    """The one quote whose text contains `contains`."""
    hits = [q for q in found if contains in q.text]
    assert len(hits) == 1, [(q.text, q.speaker_name) for q in found]
    return hits[0]
