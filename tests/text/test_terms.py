"""Term weighting: stop words, TF-IDF weights, cosine and centroid."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from storyline.text.terms import (ENGLISH_STOP_WORDS, SENTENCE_STOP_WORDS, STOP_WORDS, centroid, cosine,
                                  tfidf, tfidf_vectors)


def test_stop_word_lists():
    assert len(ENGLISH_STOP_WORDS) == 318 and "whereupon" in ENGLISH_STOP_WORDS
    assert ENGLISH_STOP_WORDS < STOP_WORDS and {"said", "monday", "percent"} <= STOP_WORDS
    assert {"said", "it's", "january", "may", "sunday"} <= SENTENCE_STOP_WORDS
    assert "spill" not in STOP_WORDS | SENTENCE_STOP_WORDS


def test_tfidf_weights_are_sublinear_tf_times_smoothed_idf_normalized():
    got = tfidf(Counter({"spill": 4, "river": 1}), {"spill": 1, "river": 3}, 3)
    spill = (1 + math.log(4)) * (math.log(4 / 2) + 1)
    river = 1.0 * (math.log(4 / 4) + 1)
    norm = math.hypot(spill, river)
    assert got == pytest.approx({"spill": spill / norm, "river": river / norm})
    assert sum(w * w for w in got.values()) == pytest.approx(1.0)


def test_tfidf_keep_takes_the_heaviest_terms_ties_by_term():
    got = tfidf({"b": 1.0, "a": 1.0, "c": 3.0, "gone": 0.0}, {}, 10, keep=2)
    assert list(got) == ["c", "a"] and list(got.values()) == sorted(got.values(), reverse=True)


def test_tfidf_vectors_count_document_frequency_over_the_documents():
    common, rare = tfidf_vectors([["spill", "river"], ["spill", "bridge"]])
    assert common["river"] > common["spill"] and rare["bridge"] > rare["spill"]
    assert cosine(common, rare) == pytest.approx(common["spill"] * rare["spill"])
    assert tfidf_vectors([[]]) == [{}]


def test_centroid_is_the_unit_length_mean():
    c = centroid([{"a": 1.0}, {"b": 1.0}])
    assert c == pytest.approx({"a": math.sqrt(0.5), "b": math.sqrt(0.5)})
    assert cosine(c, {"a": 1.0}) == pytest.approx(math.sqrt(0.5))
