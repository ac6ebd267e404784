"""Abbreviation lists: the shared titles, and each splitter's variant."""

from __future__ import annotations

from storyline.text.abbreviations import (AP_MONTH_ABBREVIATIONS, CONTEXT_ABBREVIATIONS, NAME_TITLES,
                                          PARAGRAPH_ABBREVIATIONS, SPLIT_ABBREVIATIONS)


def test_every_list_knows_the_titles_before_a_name():
    assert "Sen" in NAME_TITLES
    assert set(NAME_TITLES) <= set(SPLIT_ABBREVIATIONS) and set(NAME_TITLES) <= set(CONTEXT_ABBREVIATIONS)
    assert {t.lower() for t in NAME_TITLES} <= PARAGRAPH_ABBREVIATIONS


def test_variants_differ_as_tuned():
    assert AP_MONTH_ABBREVIATIONS == ("Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
    assert "Mar" in SPLIT_ABBREVIATIONS and "Mar" not in CONTEXT_ABBREVIATIONS
    assert "jun" not in PARAGRAPH_ABBREVIATIONS and "a.m" in PARAGRAPH_ABBREVIATIONS
    assert "U.S" in SPLIT_ABBREVIATIONS and "vs" in SPLIT_ABBREVIATIONS
