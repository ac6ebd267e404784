"""The loaded model's tokenizer on news text (sentences written for these tests).

The special cases come from scripts/train/tokenizer.py and are saved with the model, so
these check what a user actually runs, not the training script."""

from __future__ import annotations

import pytest

from storyline import nlp
from storyline.errors import StorylineError

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def tokenizer():
    try:
        return nlp.load().tokenizer
    except StorylineError as e:
        pytest.skip(f"no language model here: {e}")


def toks(tokenizer, text):
    return [t.text for t in tokenizer(text)]


@pytest.mark.parametrize("text, expected", [
    # curly quotes and apostrophes
    ("“It’s over,” she said.", ["“", "It", "’s", "over", ",", "”", "she", "said", "."]),
    ("a ‘temporary’ fix", ["a", "‘", "temporary", "’", "fix"]),
    ("Alvarez’s office", ["Alvarez", "’s", "office"]),
    ("We don’t know", ["We", "do", "n’t", "know"]),
    # em-dashes, spaced or not
    ("a mistake—then a fix", ["a", "mistake", "—", "then", "a", "fix"]),
    ("RIVERTON, Ore. (AW) — Calder agreed", ["RIVERTON", ",", "Ore.", "(", "AW", ")", "—", "Calder", "agreed"]),
    # abbreviations: countries, titles, party-state labels
    ("The U.S. Senate voted.", ["The", "U.S.", "Senate", "voted", "."]),
    ("troops left the U.S. on Monday", ["troops", "left", "the", "U.S.", "on", "Monday"]),
    ("Rep. Jane Doe, D-Ore., said", ["Rep.", "Jane", "Doe", ",", "D", "-", "Ore.", ",", "said"]),
    ("Sen. Tom Roe (R-N.Y.) said", ["Sen.", "Tom", "Roe", "(", "R", "-", "N.Y.", ")", "said"]),
    ("Lt. Gov. Ann Ruiz and Sgt. Kim", ["Lt.", "Gov.", "Ann", "Ruiz", "and", "Sgt.", "Kim"]),
    ("Reps. Doe and Roe", ["Reps.", "Doe", "and", "Roe"]),
    ("in Austin, Tex., on Main Ave.", ["in", "Austin", ",", "Tex.", ",", "on", "Main", "Ave."]),
    ("on Feb. 13 at 6 a.m.", ["on", "Feb.", "13", "at", "6", "a.m."]),
    ("the E.P.A. and Calder Co.", ["the", "E.P.A.", "and", "Calder", "Co."]),
    ("in the ’90s", ["in", "the", "’90s"]),
    ("$41.5 million", ["$", "41.5", "million"]),
])
def test_news_tokenization(tokenizer, text, expected):
    assert toks(tokenizer, text) == expected


def test_tokens_keep_the_text(tokenizer):
    text = "“Yes,” said Rep. Ann Poe, D-Ore.—and then left the U.S. Capitol."
    doc = tokenizer(text)
    assert doc.text == text
    assert all(doc.text[t.idx:t.idx + len(t)] == t.text for t in doc)


# Known gaps (reported to the lead with the rule that fixes each); strict, so the test fails
# as soon as the model's tokenizer handles the case and the marker can go.
@pytest.mark.parametrize("text, expected", [
    ("he said:“No way.”", ["he", "said", ":", "“", "No", "way", ".", "”"]),
    ("“Yes,”he said", ["“", "Yes", ",", "”", "he", "said"]),
])
def test_glued_curly_quotes(tokenizer, text, expected):
    assert toks(tokenizer, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hon. Ann Poe", ["Hon.", "Ann", "Poe"]),
    ("Fr. Tom Roe", ["Fr.", "Tom", "Roe"]),
    ("Msgr. Tom Roe", ["Msgr.", "Tom", "Roe"]),
    ("Gens. Kim and Lee", ["Gens.", "Kim", "and", "Lee"]),
])
def test_more_titles(tokenizer, text, expected):
    assert toks(tokenizer, text) == expected


def test_hyphen_after_abbreviation(tokenizer):
    assert toks(tokenizer, "U.S.-led forces") == ["U.S.", "-", "led", "forces"]
