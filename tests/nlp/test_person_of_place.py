"""The rule after the recognizer: "Name of Town" is a person and a place."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storyline.nlp import split_person_of_place


def doc_with(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_person_of_a_town_becomes_a_person_and_a_place():
    words = "Mayor Dana Whitfield of Riverton spoke .".split()
    doc = split_person_of_place(doc_with(words, [(1, 5, "PER")]))
    assert ents(doc) == [("Dana Whitfield", "PER"), ("Riverton", "LOC")]
    # spaCy's own models: PERSON with GPE
    doc = split_person_of_place(doc_with(words, [(1, 5, "PERSON")]))
    assert ents(doc) == [("Dana Whitfield", "PERSON"), ("Riverton", "GPE")]


def test_other_names_with_of_are_left_alone():
    words = "the Bank of America and Ana Ruiz of the county".split()
    doc = split_person_of_place(doc_with(words, [(1, 4, "ORG"), (5, 7, "PER")]))
    assert ents(doc) == [("Bank of America", "ORG"), ("Ana Ruiz", "PER")]
    # "of" then a lowercase word is not a place
    doc = split_person_of_place(doc_with("Ana Ruiz of the county".split(), [(0, 5, "PER")]))
    assert ents(doc) == [("Ana Ruiz of the county", "PER")]
