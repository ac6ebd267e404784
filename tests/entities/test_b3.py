"""The B-cubed scorer of bench/entities.py on an example counted by hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.append(str(Path(__file__).resolve().parents[2] / "bench"))
from _coref import b_cubed  # noqa: E402


def test_hand_counted_example():
    # gold: {a b c} {d e}; predicted: {a b} {c d e}
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    p, r, f = b_cubed(gold, pred)
    # precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> (1 + 1 + 1/3 + 2/3 + 2/3) / 5 = 11/15
    assert p == pytest.approx(11 / 15)
    # recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2 -> (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15
    assert r == pytest.approx(11 / 15)
    assert f == pytest.approx(11 / 15)


def test_missing_predictions_are_singletons():
    gold = {"a": 1, "b": 1}
    p, r, f = b_cubed(gold, {"a": "x"})
    assert (p, r) == (1.0, 0.5)
    assert f == pytest.approx(2 / 3)


def test_perfect_and_all_in_one():
    gold = {"a": 1, "b": 1, "c": 2}
    assert b_cubed(gold, dict(gold)) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(gold, {m: 0 for m in gold})
    assert r == 1.0 and p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
