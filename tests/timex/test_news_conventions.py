"""storyline.timex: news conventions that need more than one expression or the sentence
around it (clock times and their day, ranges, "the same period last year", the
quarter a story reports on), and the wording fixes that came with them.

Each case is a sentence written like wire copy; each asserts the exact type and value.
"""

from __future__ import annotations

import pytest

from storyline.timex import tag
from storyline.timex.tense import tense_near


def values(text: str, anchor) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


# -- a clock time keeps the date written with it, anchor or not ----------------------------

@pytest.mark.parametrize("text, anchor, expected", [
    ("Published: 6:45 PM PST February 20, 2024", None,
     [("6:45 PM PST February 20, 2024", "TIME", "2024-02-20T18:45")]),
    ("The polls closed at 5:40 PM on May 20, 2024.", None,
     [("5:40 PM on May 20, 2024", "TIME", "2024-05-20T17:40")]),
    ("Updated 6:45 PM, Tuesday, Feb. 20, 2024", None,
     [("6:45 PM, Tuesday, Feb. 20, 2024", "TIME", "2024-02-20T18:45")]),
    ("Updated 6:45 PM, Tuesday, Feb. 20, 2024", "2024-02-22",
     [("6:45 PM, Tuesday, Feb. 20, 2024", "TIME", "2024-02-20T18:45")]),
    ("The tender offer expires at 5 p.m. EST, Nov. 6.", None,
     [("5 p.m. EST, Nov. 6", "TIME", "XXXX-11-06T17:00")]),
    ("Jurors resume deliberations at 9 a.m. Tuesday.", None,
     [("9 a.m. Tuesday", "TIME", "XXXX-WXX-2T09:00")]),
])
def test_clock_time_with_its_date(text, anchor, expected):
    assert values(text, anchor) == expected


# -- a clock time with no day of its own is on the day its sentence names --------------------

def test_clock_time_takes_the_weekday_of_its_sentence():
    text = "The new jet made its first test flight Tuesday in Everett, Washington, at 18:00 UTC."
    assert values(text, "2009-12-16") == [
        ("Tuesday", "DATE", "2009-12-15"), ("18:00 UTC", "TIME", "2009-12-15T18:00Z")]


def test_clock_time_takes_a_day_written_after_a_parenthesis():
    text = "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a bank building."
    assert ("10:35 a.m.", "TIME", "1998-08-07T10:35") in values(text, "1998-08-08")


def test_clock_time_takes_a_date_written_before_it():
    assert values("February 20, 2024, 6:45 PM", None) == [
        ("February 20, 2024", "DATE", "2024-02-20"), ("6:45 PM", "TIME", "2024-02-20T18:45")]


def test_clock_time_takes_the_day_of_a_clock_time_in_parentheses():
    text = ("''This courageous father will leave at 4 in the morning (4 a.m. EDT Thursday),'' "
            "Castro said.")
    assert values(text, "2000-04-05") == [
        ("4 in the morning", "TIME", "2000-04-06T04:00"),
        ("4 a.m. EDT Thursday", "TIME", "2000-04-06T04:00")]


def test_a_m_before_a_weekday_does_not_end_the_sentence():
    assert values("The jet landed at 9 a.m. Tuesday and left at 6 p.m.", None) == [
        ("9 a.m. Tuesday", "TIME", "XXXX-WXX-2T09:00"), ("6 p.m", "TIME", "XXXX-WXX-2T18:00")]


def test_clock_time_alone_stays_on_the_anchor_day():
    assert values("Polls close at 8 p.m. in most states.", "2016-11-08") == [
        ("8 p.m.", "TIME", "2016-11-08T20:00")]


# -- "through", "is planned", "are sampling": the sentence looks forward ---------------------

@pytest.mark.parametrize("text, expression", [
    ("The agency will continue sampling through the spring of 2026.", "the spring of 2026"),
    ("Researchers began collecting water samples in March and are sampling through the "
     "spring of 2026.", "the spring of 2026"),
    ("The study, which started last year, involves monthly sampling through the spring of "
     "2026.", "the spring of 2026"),
    ("A second round of sampling through the spring of 2026 is planned.", "the spring of 2026"),
])
def test_through_looks_forward(text, expression):
    start = text.index(expression)
    assert tense_near(text, start, start + len(expression)) == "future"


def test_a_date_something_is_set_for_is_ahead():
    # "set"/"planned" right after a present "be" is an arrangement, not a past event
    text = "A hearing on final approval is set for Nov. 18."
    assert values(text, "2024-07-15") == [("Nov. 18", "DATE", "2024-11-18")]
    assert values("The vote is planned for Nov. 18.", "2024-07-15") == [
        ("Nov. 18", "DATE", "2024-11-18")]


def test_a_comma_after_the_expression_ends_its_clause():
    # "would pay" is the main clause's; the term sheet was filed on the past Wednesday
    text = ("Under a term sheet filed with the court Wednesday afternoon, the company would "
            "pay $24 million to the county.")
    assert values(text, "2024-06-27") == [("Wednesday afternoon", "TIME", "2024-06-26TAF")]


def test_a_past_auxiliary_still_wins_over_through():
    text = "The fund had purchased 481,000 shares through Sept. 29."
    start = text.index("Sept. 29")
    assert tense_near(text, start, start + len("Sept. 29")) == "past"


def test_through_a_month_in_an_open_ended_sentence_is_the_next_one():
    text = "The state is extending the free-fare program through January."
    assert values(text, "2013-11-20") == [("January", "DATE", "2014-01")]


def test_a_present_progressive_is_not_the_future():
    # "is continuing": the present, not a plan; the bare month keeps its default (past).
    text = "The company is continuing to sell assets under a June agreement with lenders."
    assert values(text, "1989-10-27") == [("June", "DATE", "1989-06")]


def test_the_verb_inside_a_quotation_outweighs_the_attribution():
    # "will" is in the quoted clause with the weekday, "said" outside it
    text = '"The ferry will resume service Thursday," the harbor master said.'
    assert values(text, "2000-04-05") == [("Thursday", "DATE", "2000-04-06")]


def test_a_weekday_next_to_the_attribution_follows_it():
    text = '"The ferry will resume service soon," the harbor master said Thursday.'
    assert values(text, "2000-04-07") == [("Thursday", "DATE", "2000-04-06")]


# -- ranges end after they start ------------------------------------------------------------

def test_weekday_range_ends_after_it_starts():
    assert values("The conference runs from Monday through Friday.", "2013-03-06") == [
        ("Monday", "DATE", "2013-03-04"), ("Friday", "DATE", "2013-03-08")]


def test_month_day_range_across_new_year():
    assert values("The office was closed Dec. 28 to Jan. 3.", "2014-01-10") == [
        ("Dec. 28", "DATE", "2013-12-28"), ("Jan. 3", "DATE", "2014-01-03")]


def test_between_two_amounts_of_one_unit():
    assert values("He said the process would take between 60 and 90 days.", "2009-06-04") == [
        ("60", "DURATION", "P60D"), ("90 days", "DURATION", "P90D")]


def test_amount_range_stays_one_duration():
    assert values("Shipments will resume within two to three weeks.", "1989-10-30") == [
        ("two to three weeks", "DURATION", "PXW")]


def test_last_the_verb_is_not_in_the_span():
    assert values("The trial is expected to last six to eight weeks.", "2013-03-06") == [
        ("six to eight weeks", "DURATION", "PXW")]


# -- "the same period last year" is the period the sentence just named ----------------------

@pytest.mark.parametrize("text, anchor, expression, value", [
    ("U.S. auto sales fell as much as 35% in January, compared to the same month a year ago.",
     "2009-02-03", "the same month a year ago", "2008-01"),
    ("Ford's sales rose 43% in February compared to the same period last year.",
     "2010-03-03", "the same period last year", "2009-02"),
    ("Net income for the corresponding period last year was $1.8 million.",
     "1989-11-01", "the corresponding period last year", "1988-Q3"),
])
def test_same_period_a_year_before(text, anchor, expression, value):
    assert (expression, "DATE", value) in values(text, anchor)


# -- "that year", "the following month", "the same day" count from the date just named -------

@pytest.mark.parametrize("text, anchor, expression, value", [
    ("On May 22, 1995, Farkas was made a brigadier general, and the following year he was "
     "appointed military attache in Washington.", "1998-04-18", "the following year", "1996"),
    ("Her husband fled to Florida in June 1998 and returned to Cuba later that year.",
     "2000-01-28", "later that year", "1998"),
    ("Stocks rose on Friday despite a Labor Department report released the same day.",
     "2009-04-04", "the same day", "2009-04-03"),
    ("The company was founded in March 2001. The following month it hired 40 engineers.",
     "2013-03-06", "The following month", "2001-04"),
    ("Rebels attacked the town on Tuesday. That night, the army retook it.", "2013-03-08",
     "That night", "2013-03-05TNI"),
    ("The boy appeared in court on Feb. 22 and looked healthy the next morning.",
     "2000-02-24", "the next morning", "2000-02-23TMO"),
    # nothing named before it: the anchor's year
    ("Imports rose sharply that year, according to the trade office.", "1989-11-02",
     "that year", "1989"),
])
def test_anaphoric_units(text, anchor, expression, value):
    type_ = "TIME" if "T" in value else "DATE"
    assert (expression, type_, value) in values(text, anchor)


# -- the quarter a story reports on -----------------------------------------------------------

def test_the_quarter_is_the_fiscal_quarter_the_story_named():
    text = ("Sun Microsystems posted a loss for the fiscal first quarter. Sales for the quarter "
            "ended Sept. 29 rose 39% from a year earlier.")
    found = values(text, "1989-10-26")
    assert ("the quarter", "DATE", "1989-Q1") in found
    assert ("a year earlier", "DATE", "1988-Q1") in found


def test_two_quarters_named_leave_the_reporting_quarter():
    text = ("After a flat second quarter, the company posted a 20% gain in third-quarter net "
            "income, helped by charges taken in the year-earlier period.")
    assert ("the year-earlier period", "DATE", "1988-Q3") in values(text, "1989-11-02")


def test_an_expected_later_quarter_is_not_the_one_reported():
    text = ("The company expects a fourth-quarter charge. Premiums fell 5% in the latest "
            "quarter.")
    assert ("the latest quarter", "DATE", "1989-Q3") in values(text, "1989-11-02")


# -- wording ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, anchor, expected", [
    # an edition named by its year, in its year
    ("Apple unveiled the phone at Worldwide Developers Conference 2010 in San Francisco.",
     "2010-06-08", [("2010", "DATE", "2010")]),
    # a name with a year far from the anchor is a name
    ("The Russell 2000 index of smaller companies fell 3%.", "2009-02-24", []),
    # unknown numbers of decades or centuries are years (ISO 8601 has no decade unit)
    ("Apple settled its decades-long trademark dispute with the Beatles.", "2007-02-06",
     [("decades-long", "DURATION", "PXY")]),
    ("Ukraine was ruled from Moscow for centuries.", "1998-02-27",
     [("centuries", "DURATION", "PXY")]),
    # a written-out amount before "a week" makes it a rate
    ("The airline runs four flights a week between Sydney and Bombay.", "1998-02-13",
     [("a week", "SET", "P1W")]),
    # "formerly" is a former role, not a time
    ("Mark Papermaster, formerly an Apple executive, joined Cisco.", "2010-08-09", []),
    # "three-quarters of" is a fraction
    ("Iraq imports about three-quarters of its food.", "1990-08-15", []),
    # "high noon" is a showdown
    ("For the people of Poland, high noon comes today.", "1999-03-12",
     [("today", "DATE", "1999-03-12")]),
    # the nth weekday of a month is one date
    ("The runoff will be held on the first Sunday in April.", "2013-03-06",
     [("the first Sunday in April", "DATE", "2013-04-07")]),
    ("The fair opens the last Friday of June 2014.", "2013-03-06",
     [("the last Friday of June 2014", "DATE", "2014-06-27")]),
    # "the early hours of Sunday" is Sunday, not a number of hours
    ("The suspect was arrested in the early hours of Sunday.", "2013-03-06",
     [("Sunday", "DATE", "2013-03-03")]),
    # wire-service shorthand for the end of a month or year
    ("The central bank expects inflation to peak by end-2013.", "2013-03-06",
     [("end-2013", "DATE", "2013")]),
    ("The talks should conclude by end-March, officials said.", "2013-03-06",
     [("end-March", "DATE", "2013-03")]),
    # British and Commonwealth copy's financial year
    ("The bank expects a loss for the current financial year.", "2013-03-06",
     [("the current financial year", "DATE", "2013")]),
])
def test_wording(text, anchor, expected):
    assert values(text, anchor) == expected


# -- the passes that revise values together never crash at the calendar's edges ---------------

@pytest.mark.parametrize("anchor", ["0001-01-01", "9999-12-31", None])
def test_revisions_at_calendar_edges(anchor):
    text = ("The office is closed from Monday through Sunday and from Dec. 28 to Jan. 3. "
            "On Friday, the plane landed at 6 p.m. Sales rose in January compared to the "
            "same month a year ago. The fiscal first quarter was weak; the quarter ended "
            "Sept. 30 and a year earlier profit was flat.")
    found = tag(text, anchor)
    assert [t.text for t in found][:2] == ["Monday", "Sunday"]
    for t in found:
        assert text[t.start:t.end] == t.text and t.value


# -- tense fixes a careful reader makes (issue "Undated piles", item 3) ----------------------

@pytest.mark.parametrize("sentence, expression, tense", [
    ("The June 30 deadline passed without the safety reports.", "June 30", "past"),
    ("The June 30 deadline expired on Friday.", "June 30", "past"),
    ("Calder faces a March 15 deadline, set by the state.", "March 15", "future"),
    ("Back in November, the council threatened to close the school.", "November", "past"),
    ("The council threatened to close the school in November.", "November", "future"),
    ("The company plans to inject mud on Tuesday.", "Tuesday", "future"),
    # "by" before a possessive is an agent, not a deadline
    ("People are trapped in buildings flattened by Tuesday's earthquake.", "Tuesday", "past"),
    ("The report is due by Tuesday, officials said.", "Tuesday", "future"),
])
def test_tense_of_deadlines_and_threats(sentence, expression, tense):
    start = sentence.index(expression)
    assert tense_near(sentence, start, start + len(expression)) == tense
