"""storyline.timex on bad input: impossible dates, two-digit years, far-off years, no
anchor, no time at all. Never a crash, and the output always satisfies the contract."""

from __future__ import annotations

import datetime
import random

import pytest

import storyline.timex
from storyline.model import TimeExpr
from storyline.timex import tag

ANCHOR = "2017-06-30"


def values(text: str, anchor=ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


def test_public_api():
    assert storyline.timex.__all__ == ["tag"]
    result = tag("The vote is on Tuesday.", datetime.date(2017, 6, 30))
    assert all(isinstance(t, TimeExpr) for t in result)


# -- impossible dates keep what is real (the month) --------------------------------------

def test_february_30_keeps_only_the_month():
    assert values("The letter was dated February 30, 2017.") == [
        ("February 30, 2017", "DATE", "2017-02")]


def test_february_29_only_in_leap_years():
    assert values("The rule took effect Feb. 29, 2016.") == [("Feb. 29, 2016", "DATE", "2016-02-29")]
    assert values("The rule took effect Feb. 29, 2017.") == [("Feb. 29, 2017", "DATE", "2017-02")]


def test_impossible_numeric_date_is_not_a_date():
    assert values("Invoice 13/45/2017 was never paid.") == []


# -- two-digit years ----------------------------------------------------------------------

@pytest.mark.parametrize("text, expression, value", [
    ("He graduated in '98 with honors.", "'98", "1998"),
    ("The class of '09 returned for a reunion.", "'09", "2009"),
    ("The photo is dated 6/30/17.", "6/30/17", "2017-06-30"),
    ("Revenue peaked in fiscal '15.", "fiscal '15", "2015"),
])
def test_two_digit_years(text, expression, value):
    assert (expression, "DATE", value) in values(text)


# -- far future and before 1800 ---------------------------------------------------------------

@pytest.mark.parametrize("text, expression, value", [
    ("The time capsule will be opened on July 4, 2450.", "July 4, 2450", "2450-07-04"),
    ("Columbus reached the Caribbean in 1492.", "1492", "1492"),
    ("The treaty was signed on March 5, 1770.", "March 5, 1770", "1770-03-05"),
    ("The lease runs until 2099.", "2099", "2099"),
])
def test_far_years(text, expression, value):
    assert (expression, "DATE", value) in values(text)


def test_large_numbers_are_not_years():
    assert values("The army sent 2450 troops and 1200 trucks.") == []


@pytest.mark.parametrize("anchor", ["0001-01-01", "9999-12-31"])
def test_calendar_edges_never_crash(anchor):
    text = ("In the last week of December, next year, last year, the week of Dec. 31, "
            "Christmas, next Monday, 99999 years ago, a decade from now, next week.")
    check_contract(text, tag(text, anchor))


def test_anchor_far_in_the_future_or_past():
    assert values("The council met on Tuesday.", "2450-01-01") == [("Tuesday", "DATE", "2449-12-28")]
    assert values("The council met on Tuesday.", "1799-12-31") == [("Tuesday", "DATE", "1799-12-31")]
    assert values("It happened last week.", "0001-01-01") == [("last week", "DATE", "PAST_REF")]


# -- no anchor: relative expressions stay underspecified ---------------------------------------

@pytest.mark.parametrize("text, expression, type_, value", [
    ("The vote is on Tuesday.", "Tuesday", "DATE", "XXXX-WXX-2"),
    ("The vote was held in March.", "March", "DATE", "XXXX-03"),
    ("The vote was held on March 15.", "March 15", "DATE", "XXXX-03-15"),
    ("The vote was held last week.", "last week", "DATE", "PAST_REF"),
    ("The vote will be held next year.", "next year", "DATE", "FUTURE_REF"),
    ("The vote is today.", "today", "DATE", "PRESENT_REF"),
    ("The vote was held three days ago.", "three days ago", "DATE", "PAST_REF"),
    ("The vote was held on June 12, 2016.", "June 12, 2016", "DATE", "2016-06-12"),
    ("The vote lasted two days.", "two days", "DURATION", "P2D"),
    ("Profits fell in the third quarter.", "the third quarter", "DATE", "XXXX-Q3"),
])
def test_without_anchor(text, expression, type_, value):
    assert (expression, type_, value) in values(text, None)


@pytest.mark.parametrize("anchor", [None, "", "not a date", "2017-13-45", 12345, "2017-06-30T14:00:00Z",
                                    datetime.datetime(2017, 6, 30, 14, 0)])
def test_any_anchor_is_accepted(anchor):
    result = tag("The council met on Tuesday and will meet again next week.", anchor)
    assert [t.text for t in result] == ["Tuesday", "next week"]


def test_datetime_anchor_counts_as_its_day():
    assert values("It rained yesterday.", datetime.datetime(2017, 6, 30, 23, 59)) == [
        ("yesterday", "DATE", "2017-06-29")]


# -- no time at all --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "",
    "The quick brown fox jumps over the lazy dog.",
    "Shares of Acme rose 3.5 percent to $41.20 on heavy volume.",
    "!!!???...,,,",
    "1234567890 " * 20,
    "\n\n\t  \n",
    "Ünïcödé — “quotes” and ‘apostrophes’ … 🙂",
])
def test_text_without_time(text):
    assert tag(text, ANCHOR) == []


# -- the contract: offsets, order, no overlap, on any input --------------------------------

SAMPLE = """\
WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee, ending a
two-week standoff that began in mid-June. The vote came a year after the seat opened and
three days before the July 4 recess. "We will be back in September," the leader said.
Revenue for the third quarter of 2016 rose 5% from a year earlier; the company pays
dividends quarterly and expects a loss in fiscal 2018. Back in the 1990s, 6/30/98 and
'99 were just numbers. February 30 never happened; nor did 31/31/2031.
"""


def check_contract(text: str, result: list[TimeExpr]) -> None:
    previous_end = -1
    for t in result:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= previous_end, "overlapping or unsorted"
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value and t.value == t.value.strip()


@pytest.mark.parametrize("anchor", [ANCHOR, None, "1850-02-28", "2300-12-31"])
def test_contract_on_realistic_text(anchor):
    result = tag(SAMPLE, anchor)
    check_contract(SAMPLE, result)
    assert len(result) >= 12


def test_contract_on_random_text():
    rng = random.Random(7)
    pieces = ["Tuesday", "March", "30", "1999", "'98", "a", "year", "ago", "last", "week", "the",
              "third", "quarter", "-", "/", ",", ".", " ", "\n", "every", "two", "days", "9", "a.m.",
              "Feb.", "29", "2450", "fiscal", "1700s", "now", "ｆｕｌｌ", "\u00a0", "’", "o'clock"]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        check_contract(text, tag(text, rng.choice([ANCHOR, None, "0001-01-01", "9999-12-31"])))


def test_a_lifetime_is_a_duration_of_unknown_years_not_a_crash():
    found = tag("It was the chance of a lifetime, she said on Monday.", "2024-03-06")
    assert [(t.text, t.type, t.value) for t in found if t.type == "DURATION"] == [
        ("a lifetime", "DURATION", "PXY")]


def test_a_long_hyphenated_run_before_quarter_is_linear():
    """The quarter rule's look-ahead split word runs two ways ("a-a-a..." as words or as
    separators): 'the a-a-...-b quarter' took exponential time (found by the fuzz)."""
    import time

    from storyline import timex

    started = time.process_time()
    assert timex.tag("the " + "a-" * 60 + "b quarter") == []
    assert time.process_time() - started < 1.0
    assert [t.text for t in timex.tag("the year-ago second quarter")] == ["the year-ago second quarter"]
