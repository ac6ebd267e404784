"""Hand-built spaCy Docs for the entity rules: tokens, names and (optionally) tags are
given explicitly, so the tests check the rules, not the quality of a statistical model.

    make_doc("[Governor Tom Weller|PER] 's press secretary [Dana Kim|PER] declined .")

Tokens are separated by spaces; `[words|TYPE]` marks a named-entity span. A token
"word/TAG" sets its PTB tag. A "." token ends a sentence.
"""

from __future__ import annotations

import re

import pytest

_SPAN = re.compile(r"\[([^\]|]+)\|(\w+)\]")


def make_doc(marked: str):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    words, tags, ents = [], [], []
    pos = 0
    pieces = []
    for m in _SPAN.finditer(marked):
        pieces.append((marked[pos:m.start()], None))
        pieces.append((m.group(1), m.group(2)))
        pos = m.end()
    pieces.append((marked[pos:], None))
    for text, label in pieces:
        for n, tok in enumerate(text.split()):
            word, _, tag = tok.partition("/") if "/" in tok[1:] else (tok, "", "")
            words.append(word)
            tags.append(tag)
            ents.append("O" if label is None else ("B-" if n == 0 else "I-") + label)
    spaces = [not (i + 1 < len(words) and words[i + 1] in ("'s", ",", ".", ")", "’s"))
              and words[i] != "(" for i in range(len(words))]
    sent_starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, spaces=spaces, tags=tags if any(tags) else None, ents=ents,
               sent_starts=sent_starts)


@pytest.fixture
def doc():
    return make_doc
