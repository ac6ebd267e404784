"""News tokenization: what spaCy's English tokenizer already does and what
scripts/train/tokenizer.py adds (sentences written for these tests)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train" / "tokenizer.py"
spec = importlib.util.spec_from_file_location("storyline_train_tokenizer", SCRIPT)
tokenizer = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = tokenizer
spec.loader.exec_module(tokenizer)


def toks(nlp, text):
    return [t.text for t in nlp(text)]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture(scope="module")
def news():
    nlp = spacy.blank("en")
    tokenizer.add_news_special_cases(nlp)
    return nlp


@pytest.mark.parametrize("text, expected", [
    ("“It’s over,” she said.", ["“", "It", "’s", "over", ",", "”", "she", "said", "."]),
    ("a mistake—then", ["a", "mistake", "—", "then"]),
    ("The U.S. Senate", ["The", "U.S.", "Senate"]),
    ("Rep. Jane Doe, D-Ore., said", ["Rep.", "Jane", "Doe", ",", "D", "-", "Ore.", ",", "said"]),
    ("the E.P.A. and Calif. officials", ["the", "E.P.A.", "and", "Calif.", "officials"]),
    ("We don’t know", ["We", "do", "n’t", "know"]),
])
def test_default_english_tokenizer_already_handles(blank, text, expected):
    assert toks(blank, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Lt. Gov. Ann Ruiz", ["Lt.", "Gov.", "Ann", "Ruiz"]),
    ("Sgt. Kim and Capt. Lee", ["Sgt.", "Kim", "and", "Capt.", "Lee"]),
    ("Reps. Doe and Roe", ["Reps.", "Doe", "and", "Roe"]),
    ("in Austin, Tex., on Main Ave.", ["in", "Austin", ",", "Tex.", ",", "on", "Main", "Ave."]),
    ("in the ’90s", ["in", "the", "’90s"]),
])
def test_news_special_cases(blank, news, text, expected):
    assert toks(blank, text) != expected  # the default splits these wrongly
    assert toks(news, text) == expected


def test_special_cases_survive_serialization(news, tmp_path):
    news.to_disk(tmp_path / "m")
    assert toks(spacy.load(tmp_path / "m"), "Sgt. Kim") == ["Sgt.", "Kim"]
