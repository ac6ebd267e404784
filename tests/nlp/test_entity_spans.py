"""The rules after the recognizer: UNER's spans from any model; "Name of Town" is a person and a place."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storyline.nlp import consistent_types, normalize_names, split_person_of_place, trim_names


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


def test_a_leading_the_and_a_possessive_are_not_part_of_a_name():
    # spaCy's OntoNotes models: "the White House", "the BBC's"
    words = "the White House and the BBC 's reporter".split()
    doc = trim_names(doc_with(words, [(0, 3, "ORG"), (4, 7, "ORG")]))
    assert ents(doc) == [("White House", "ORG"), ("BBC", "ORG")]
    # a one-word name is never emptied
    doc = trim_names(doc_with(["The", "Hague"], [(1, 2, "GPE")]))
    assert ents(doc) == [("Hague", "GPE")]


def test_names_are_trimmed_then_split():
    words = "the Mayor Dana Whitfield of Riverton 's office".split()
    doc = normalize_names(doc_with(words, [(2, 7, "PERSON")]))
    assert ents(doc) == [("Dana Whitfield", "PERSON"), ("Riverton", "GPE")]


def test_a_surname_is_the_person_named_in_full_in_the_article():
    words = "Steven Seagal arrived . Later Seagal spoke , and a fan said Seagal won .".split()
    doc = doc_with(words, [(0, 2, "PER"), (5, 6, "LOC")])
    doc[0].is_sent_start = True
    doc[4].is_sent_start = True
    doc = consistent_types(doc)
    # typed as the person, and found where the recognizer missed it
    assert ents(doc) == [("Steven Seagal", "PER"), ("Seagal", "PER"), ("Seagal", "PER")]


def test_a_name_gets_the_type_it_was_given_most_often():
    words = "Twitter said Twitter and Twitter and Paris".split()
    doc = consistent_types(doc_with(words, [(0, 1, "ORG"), (2, 3, "PER"), (4, 5, "ORG"), (6, 7, "LOC")]))
    assert ents(doc) == [("Twitter", "ORG"), ("Twitter", "ORG"), ("Twitter", "ORG"), ("Paris", "LOC")]
    # a tie is left as the recognizer said
    doc = consistent_types(doc_with(words[:3], [(0, 1, "ORG"), (2, 3, "PER")]))
    assert ents(doc) == [("Twitter", "ORG"), ("Twitter", "PER")]
