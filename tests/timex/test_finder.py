"""The span finder: gating (running a rule only near the tokens it needs) must find
exactly what scanning the whole text finds, and overlaps resolve longest-first."""

from __future__ import annotations

import random

import pytest

from storyline.timex.finder import candidates, longest_first
from storyline.timex.patterns import GATE_WORDS, RULES

TEXTS = [
    "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee, ending a "
    "two-week standoff that began in mid-June, three days before the July 4 recess.",
    "Revenue for the third quarter of 2016 rose 5% from a year earlier; the company pays "
    "dividends quarterly and expects a loss in fiscal 2018 and FY2019, or in Q3 2020.",
    "Back in the 1990s, 6/30/98 and '99 were numbers; the '80s, the nineties and the 20th "
    "century too. At 9 a.m. EST, 16:08 UTC, noon Saturday and 4 in the morning, at 14:30 "
    "on Friday, the 2:1 win, between 09:00 and 17:45 GMT.",
    "Every Tuesday, twice a year, each July, on Monday nights and daily: sets. Now, "
    "recently, currently, the future, these days. Christmas Eve, Thanksgiving, Easter 2018.",
    "The summer of 2012, last fall, this winter; for the past several years, decades-long, "
    "a day-long meeting, 18 months, nearly two hours, the year ended June 30, the week.",
    "Yesterday morning, tonight, tomorrow, mid-afternoon yesterday, the weekend, "
    "the first half of 2018, the latest quarter, the year-ago period, earlier this month.",
    # long reaches from the gate token: the window margin must cover them
    "Updated 6:45 PM PST, Tuesday, February 20, 2024; the very beginning of the current "
    "financial year; the comparable year-ago fiscal third quarter of fiscal 1989; between 60 "
    "and 90 days; the last Friday of June 2014; the same period of the previous year.",
]


def spans(text: str, gated: bool) -> list[tuple[int, int, str]]:
    return sorted((c.start, c.end, c.rule.name) for c in candidates(text, gated=gated))


@pytest.mark.parametrize("text", TEXTS)
def test_gated_scan_finds_what_a_full_scan_finds(text):
    assert spans(text, True) == spans(text, False)


def test_gated_scan_on_shuffled_text():
    rng = random.Random(3)
    words = " ".join(TEXTS).split()
    for _ in range(50):
        text = " ".join(rng.sample(words, k=min(len(words), 60)))
        assert spans(text, True) == spans(text, False)


def test_every_rule_declares_known_gates():
    shape_families = {"year4", "yy", "slash", "clock", "clock24", "hhmm", "qcode"}
    for rule in RULES:
        assert rule.gates, rule.name
        assert set(rule.gates) <= set(GATE_WORDS) | shape_families, rule.name


class Span:
    def __init__(self, start, end, priority=0):
        self.start, self.end, self.priority = start, end, priority


def test_longest_first_keeps_the_longest_and_text_order():
    items = [Span(0, 6), Span(0, 14), Span(7, 14), Span(20, 25, 1), Span(20, 25, 0)]
    chosen = longest_first(items)
    assert [(c.start, c.end, c.priority) for c in chosen] == [(0, 14, 0), (20, 25, 0)]
