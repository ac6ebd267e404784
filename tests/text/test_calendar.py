"""Calendar words: month and weekday lookup."""

from __future__ import annotations

from storyline.text.calendar import (AP_MONTHS, MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS,
                                     WEEKDAY_NAMES, month_number, weekday_number)


def test_month_lookup_takes_names_and_abbreviations():
    assert month_number("September") == month_number("Sept.") == month_number("sep") == 9
    assert month_number("MAY") == 5 and month_number("Mayor") is None
    assert len(MONTH_NAMES) == 12 and MONTH_NAMES[0] == "january" and MONTH_NAMES[-1] == "december"
    assert "may" not in MONTH_ABBREVIATIONS and "sept" in MONTH_ABBREVIATIONS
    assert set(MONTHS) == set(MONTH_NAMES) | set(MONTH_ABBREVIATIONS)


def test_ap_style_spells_out_march_to_july():
    assert AP_MONTHS == ("jan", "feb", "march", "april", "may", "june", "july", "aug", "sep", "oct",
                         "nov", "dec")


def test_weekday_lookup_is_iso_and_takes_plurals_and_possessives():
    assert weekday_number("Monday") == 1 and weekday_number("Sun.") == 7
    assert weekday_number("Thurs") == weekday_number("Thursday's") == 4
    assert weekday_number("Tuesdays") == 2 and weekday_number("someday") is None
    assert WEEKDAY_NAMES[0] == "monday" and len(WEEKDAY_NAMES) == 7
