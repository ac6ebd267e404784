"""find_quotes never fails: random mixes of quote marks, cues, names and breaks."""

from __future__ import annotations

import random

from quote_docs import make_doc

from storyline.quotes import find_quotes

PIECES = ["“", "”", '"', "‘", "’", "'", ",", ".", ":", "—", "\n\n", "said", "she", "he", "Alvarez",
          "according to", "the spokesman", "that", "wrote", "the plant", "will close", "Weller",
          "“We", "go.”", "told reporters", "called it a", "(", ")", "!", "?", "who", "the letter says"]


def test_random_texts_do_not_crash():
    rng = random.Random(5)
    for _ in range(300):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        doc = make_doc(text, people=("Alvarez", "Weller"))
        for q in find_quotes(doc, []):
            assert 0 <= q.start <= q.end <= len(text)
            assert text[q.start:q.end] == q.text
            assert q.kind in ("direct", "partial", "indirect")


def test_a_doc_without_tags_or_entities_still_gives_quotes():
    import spacy

    text = "“The plant stays open,” Alvarez said.\n\nShe said that the vote was final."
    doc = spacy.blank("en")(text)
    found = find_quotes(doc, [])
    assert [q.text for q in found][:1] == ["The plant stays open"]
    assert found[0].speaker_name == "Alvarez"


def test_a_text_ending_in_a_sentence_of_in_alone():
    """A last sentence "In" (a cut-off scrape) sent the "In the poll, ..." rule past the last
    token: IndexError, and the build lost the article as E014 (fuzz, issue 12)."""
    for text in ["In", "The council voted on Tuesday.\n\nIn", "It ended. In"]:
        assert find_quotes(make_doc(text), []) == []
