"""bench/quotes.py: the span scorer, on examples counted by hand (the bench's own
--check example, plus the matching rules one by one)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"
_spec = importlib.util.spec_from_file_location("bench_quotes", _PATH)
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_quotes"] = bench
_spec.loader.exec_module(bench)


def test_the_hand_counted_example(capsys):
    assert bench.check() == 0
    assert "ok" in capsys.readouterr().out


def test_signature_ignores_marks_spaces_and_punctuation():
    text = 'She said: “We will win,” and left.'
    a = bench.signature(text, [(10, 24)])        # “We will win,”
    b = bench.signature(text, [(11, 22)])        # We will win
    assert a == b and len(a) == 9


def test_overlap_is_symmetric_and_uses_the_longer_span():
    text = "abcdefghij"
    g = bench.signature(text, [(0, 10)])
    p = bench.signature(text, [(0, 3)])
    assert bench.overlap(g, p) == bench.overlap(p, g) == 0.3


def test_pairs_are_one_to_one_best_first():
    text = "aaaa bbbb cccc"
    gold = [bench.signature(text, [(0, 9)])]                      # aaaa bbbb
    pred = [bench.signature(text, [(0, 4)]), bench.signature(text, [(0, 9)])]
    assert bench.pair(gold, pred, 0.3) == [(0, 1)]               # the exact one wins
    assert bench.pair(gold, pred[:1], 0.6) == []                 # 4/8 = 0.5 < 0.6


def test_brat_reader_keeps_discontinuous_content(tmp_path):
    ann = tmp_path / "x_ab12.ann"
    ann.write_text("T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 10 20;25 30\tx\n"
                   "T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
                   encoding="utf-8")
    (a,) = bench.read_ann(ann)
    assert a.content == [(10, 20), (25, 30)] and a.source == [(0, 3)] and a.cue == [(4, 8)]
