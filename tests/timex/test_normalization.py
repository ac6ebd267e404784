"""storyline.timex: every normalization rule, on sentences written like news copy.

The anchor (the article's date) is Friday, June 30, 2017 (ISO week 2017-W26) unless a
test says otherwise. Each case names the expression it expects, its TimeML type and
its value, so a failure reads as a sentence and what should have come out of it.
"""

from __future__ import annotations

import pytest

from storyline.timex import tag

ANCHOR = "2017-06-30"


def find(text: str, expression: str, anchor=ANCHOR):
    """The (type, value) tagged for `expression` in `text`; fails if it is not a timex."""
    found = {t.text: (t.type, t.value) for t in tag(text, anchor)}
    assert expression in found, f"{expression!r} not tagged in {text!r}; got {found}"
    return found[expression]


def case(text, expression, type_, value, anchor=ANCHOR):
    return pytest.param(text, expression, type_, value, anchor, id=f"{expression}->{value}")


def check(text, expression, type_, value, anchor):
    assert find(text, expression, anchor) == (type_, value)


# -- weekdays: the one in the article's week, backwards unless the verb points forward ----

WEEKDAYS = [
    case("The council voted on Tuesday to close the Oak Street branch library.",
         "Tuesday", "DATE", "2017-06-27"),
    case("The council will vote on Tuesday on whether to close the branch.",
         "Tuesday", "DATE", "2017-07-04"),
    case("The mayor said Friday that the budget would be balanced.",
         "Friday", "DATE", "2017-06-30"),
    case("Talks are scheduled to resume Monday in Geneva.", "Monday", "DATE", "2017-07-03"),
    case("Police arrested the suspect last Friday after a two-day search.",
         "last Friday", "DATE", "2017-06-23"),
    case("The governor will sign the bill next Monday, her office said.",
         "next Monday", "DATE", "2017-07-03"),
    case("Witnesses said the fire started early Thursday morning.",
         "early Thursday morning", "TIME", "2017-06-29TMO"),
    case("Protesters gathered outside City Hall on Wednesday night.",
         "Wednesday night", "TIME", "2017-06-28TNI"),
    case("Markets will stay closed until Monday, the exchange said.",
         "Monday", "DATE", "2017-07-03"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", WEEKDAYS)
def test_weekdays(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


# -- months and days without a year ---------------------------------------------------------

MONTHS = [
    case("In March, the company laid off 200 workers at its Dayton plant.",
         "March", "DATE", "2017-03"),
    case("The plant will reopen in March, the company said.", "March", "DATE", "2018-03"),
    case("Back in September, the board approved the merger.", "September", "DATE", "2016-09"),
    case("Sales rose sharply last April.", "last April", "DATE", "2017-04"),
    case("The new terminal opens next January.", "next January", "DATE", "2018-01"),
    case("The factory closed in July last year.", "July last year", "DATE", "2016-07"),
    case("Applications must be filed by Sept. 15.", "Sept. 15", "DATE", "2017-09-15"),
    case("The deadline is Sept. 15, and no extensions will be granted.",
         "Sept. 15", "DATE", "2017-09-15"),
    case("The dividend is payable Aug. 1 to holders of record July 15.",
         "Aug. 1", "DATE", "2017-08-01"),
    case("The agency opened its investigation on Jan. 3.", "Jan. 3", "DATE", "2017-01-03"),
    case("Temperatures hit a record in early June.", "early June", "DATE", "2017-06"),
    case("The plan was first floated in late 2015.", "late 2015", "DATE", "2015"),
    case("The lawsuit was filed on June 12, 2016, in federal court.",
         "June 12, 2016", "DATE", "2016-06-12"),
    case("The treaty was signed on 9 November 1989 in Berlin.",
         "9 November 1989", "DATE", "1989-11-09"),
    case("Results were published on 2017-05-04.", "2017-05-04", "DATE", "2017-05-04"),
    case("The order came on Saturday, April 25, 2015.", "Saturday, April 25, 2015",
         "DATE", "2015-04-25"),
    case("The company went public in May 2014.", "May 2014", "DATE", "2014-05"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", MONTHS)
def test_months_and_days(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


def test_scores_and_verses_are_not_times():
    assert tag("Chelsea won 2:1 after John 3:16 was quoted.", ANCHOR) == []


def test_may_the_name_is_not_a_month():
    found = [t.text for t in tag("Prime Minister Theresa May said the talks may resume.", ANCHOR)]
    assert "May" not in found


# -- relative to the anchor ---------------------------------------------------------------

RELATIVE = [
    case("Shares fell 4 percent last week.", "last week", "DATE", "2017-W25"),
    case("The board meets this week to pick a new chief.", "this week", "DATE", "2017-W26"),
    case("Voting begins next week.", "next week", "DATE", "2017-W27"),
    case("Unemployment fell last month to 4.3 percent.", "last month", "DATE", "2017-05"),
    case("The report is due this month.", "this month", "DATE", "2017-06"),
    case("Construction starts next month.", "next month", "DATE", "2017-07"),
    case("The company lost $3 million last year.", "last year", "DATE", "2016"),
    case("Sales are expected to grow this year.", "this year", "DATE", "2017"),
    case("The law takes effect next year.", "next year", "DATE", "2018"),
    case("Earlier this month, regulators fined the bank $20 million.",
         "Earlier this month", "DATE", "2017-06"),
    case("The senator announced her retirement earlier this year.",
         "earlier this year", "DATE", "2017"),
    case("The merger is expected to close early next year.", "early next year", "DATE", "2018"),
    case("A year ago, the stock traded at $40.", "A year ago", "DATE", "2016"),
    case("The factory closed three months ago.", "three months ago", "DATE", "2017-03"),
    case("He moved to Ohio five years ago.", "five years ago", "DATE", "2012"),
    case("The ship sank two weeks ago off the coast.", "two weeks ago", "DATE", "2017-06-16"),
    case("Police said the bridge was closed yesterday.", "yesterday", "DATE", "2017-06-29"),
    case("The verdict is expected today.", "today", "DATE", "2017-06-30"),
    case("The hearing resumes tomorrow.", "tomorrow", "DATE", "2017-07-01"),
    case("Two people were hurt in a crash last night.", "last night", "TIME", "2017-06-29TNI"),
    case("The minister resigned this morning.", "this morning", "TIME", "2017-06-30TMO"),
    case("The crowd dispersed over the weekend.", "the weekend", "DATE", "2017-W25-WE"),
    case("Car sales rebounded in the last week of March.", "the last week of March", "DATE",
         "2017-W13"),
    case("Talks resume the week of July 10.", "the week of July 10", "DATE", "2017-W28"),
    case("The jury began deliberating at 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME",
         "2017-06-27T09:00"),
    case("The polls close at 8 p.m. and results are due by midnight.", "8 p.m.", "TIME",
         "2017-06-30T20:00"),
    case("The polls close at 8 p.m.", "8 p.m", "TIME", "2017-06-30T20:00"),   # full stop is not in it
    case("The summit opens at 14:30 on Monday.", "14:30 on Monday", "TIME", "2017-07-03T14:30"),
    case("The first test flight landed at 16:08 UTC.", "16:08 UTC", "TIME", "2017-06-30T16:08Z"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", RELATIVE)
def test_relative_to_the_anchor(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


# -- decades, centuries, quarters, halves, seasons, fiscal years -------------------------------

PERIODS = [
    case("The neighbourhood boomed in the 1990s.", "the 1990s", "DATE", "199"),
    case("It was the biggest hit of the '80s.", "the '80s", "DATE", "198"),
    case("Prices peaked in the early 2000s.", "the early 2000s", "DATE", "200"),
    case("Detroit built the boxy cars of the 70s and 80s.", "80s", "DATE", "198"),
    case("The church dates from the 12th century.", "the 12th century", "DATE", "11"),
    case("The company reported third-quarter profit of $12 million.", "third-quarter",
         "DATE", "2017-Q3", "2017-10-26"),
    case("Revenue fell in the first quarter of 2016.", "the first quarter of 2016",
         "DATE", "2016-Q1"),
    case("Sales rose in the fourth quarter, the retailer said.", "the fourth quarter",
         "DATE", "2016-Q4", "2017-02-01"),
    case("Net income for the quarter was $4.1 million.", "the quarter", "DATE", "2017-Q3",
         "2017-10-26"),
    case("Deliveries start in Q2 2018.", "Q2 2018", "DATE", "2018-Q2"),
    case("The plant should open in the first half of 2018.", "the first half of 2018",
         "DATE", "2018-H1"),
    case("Tourism is up this summer.", "this summer", "DATE", "2017-SU"),
    case("The project stalled last fall.", "last fall", "DATE", "2016-FA"),
    case("Work will resume next spring.", "next spring", "DATE", "2018-SP"),
    case("The river froze in the winter of 2015.", "the winter of 2015", "DATE", "2015-WI"),
    case("Earnings were flat in fiscal 2016.", "fiscal 2016", "DATE", "2016"),
    case("The budget for fiscal year 2018 is $4 billion.", "fiscal year 2018", "DATE", "2018"),
    case("The agency expects a surplus in FY2019.", "FY2019", "DATE", "2019"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", PERIODS)
def test_periods(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


# -- ranges: each end is its own expression; the first takes the year of the second ----------

def values(text: str, anchor=ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, anchor)]


def test_range_of_months_this_year():
    assert values("The pool is open from April to June.") == [
        ("April", "DATE", "2017-04"), ("June", "DATE", "2017-06")]


def test_range_takes_the_year_of_its_end():
    assert values("The survey ran from April to June 2016.") == [
        ("April", "DATE", "2016-04"), ("June 2016", "DATE", "2016-06")]


def test_range_across_new_year():
    assert values("The exhibit runs December to March 2017.") == [
        ("December", "DATE", "2016-12"), ("March 2017", "DATE", "2017-03")]


def test_range_of_years():
    assert values("Crime fell between 1990 and 1995.") == [
        ("1990", "DATE", "1990"), ("1995", "DATE", "1995")]


# -- durations ----------------------------------------------------------------------------

DURATIONS = [
    case("Nurses ended a two-week strike on Monday.", "two-week", "DURATION", "P2W"),
    case("The trial lasted three days.", "three days", "DURATION", "P3D"),
    case("The company has 18 months to comply.", "18 months", "DURATION", "P18M"),
    case("He served 2 1/2 years in prison.", "2 1/2 years", "DURATION", "P2Y6M"),
    case("Sales have doubled over the past three years.", "the past three years",
         "DURATION", "P3Y"),
    case("The meeting ran nearly two hours.", "nearly two hours", "DURATION", "PT2H"),
    case("The dispute has dragged on for several years.", "several years", "DURATION", "PXY"),
    case("It took a decade to build the dam.", "a decade", "DURATION", "P10Y"),
    case("The outage lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
    case("Rescuers searched for 36 hours.", "36 hours", "DURATION", "PT36H"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", DURATIONS)
def test_durations(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


# -- sets (how often) ---------------------------------------------------------------------

SETS = [
    case("The market is held every Tuesday in the town square.", "every Tuesday", "SET",
         "XXXX-WXX-2"),
    case("The newsletter is published weekly.", "weekly", "SET", "P1W"),
    case("The ferry runs daily from May to October.", "daily", "SET", "P1D"),
    case("The board meets twice a year.", "twice a year", "SET", "P1Y"),
    case("Members pay $15 a year.", "a year", "SET", "P1Y"),
    case("Elections are held every two years.", "every two years", "SET", "P2Y"),
    case("The festival returns each July.", "each July", "SET", "XXXX-07"),
    case("The club meets on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", SETS)
def test_sets(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


def test_rate_adjective_is_not_a_set():
    assert "quarterly" not in [t.text for t in tag("The company raised its quarterly dividend.", ANCHOR)]


# -- references to now, the past, the future --------------------------------------------------

REFERENCES = [
    case("The plant is now closed.", "now", "DATE", "PRESENT_REF"),
    case("Scientists say the virus could one day jump to humans.", "one day", "DATE", "FUTURE_REF"),
    case("The mayor recently visited the site.", "recently", "DATE", "PAST_REF"),
    case("Prices may rise in the future.", "the future", "DATE", "FUTURE_REF"),
    case("The agency is currently reviewing the case.", "currently", "DATE", "PRESENT_REF"),
]


@pytest.mark.parametrize("text, expression, type_, value, anchor", REFERENCES)
def test_references(text, expression, type_, value, anchor):
    check(text, expression, type_, value, anchor)


# -- what a span includes (TimeML: modifiers in, prepositions out) ------------------------------

@pytest.mark.parametrize("text, span", [
    ("The vote was held on Tuesday.", "Tuesday"),
    ("The vote was held in March.", "March"),
    ("The vote was held last week.", "last week"),
    ("Profits fell in the third quarter.", "the third quarter"),
    ("Sales fell over the past two months.", "the past two months"),
    ("It posted a third-quarter loss.", "third-quarter"),
    ("They signed a two-year contract.", "two-year"),
])
def test_span_extent(text, span):
    assert [t.text for t in tag(text, ANCHOR)] == [span]


def test_generic_today_and_titles_are_not_the_anchor():
    text = "The story ran in USA Today. In today's world, kids text. The vote is today."
    assert [(t.text, t.value) for t in tag(text, ANCHOR)] == [("today", "2017-06-30")]


def test_weekdays_in_names_are_not_days():
    text = ("The Sunday Times said Assad would fight. He told the Mail on Sunday he would stay. "
            "Bloody Sunday is remembered. The vote is on Sunday.")
    assert [t.text for t in tag(text, ANCHOR)] == ["Sunday"]


def test_a_year_after_a_spaced_comma_belongs_to_the_date():
    # Penn-tokenized copy ("11 Oct , 1918") keeps the year with its day
    assert [(t.text, t.value) for t in tag("A tsunami killed 1,600 on 11 Oct , 1918 .", ANCHOR)] == [
        ("11 Oct , 1918", "1918-10-11")]
    assert [t.value for t in tag("On March 5 , 2009 , it rained .", ANCHOR)] == ["2009-03-05"]


def test_ages_are_not_durations():
    assert tag("A 6-year-old boy and his 52-year-old father were rescued.", ANCHOR) == []
    assert tag("The senator, 52 years old, and his mother, in her 80s, voted.", ANCHOR) == []


def test_year_range_with_a_dash_is_two_years():
    assert [(t.text, t.value) for t in tag("The 2009-2010 season was the worst.", ANCHOR)] == [
        ("2009", "2009"), ("2010", "2010")]


def test_earlier_than_usual_is_a_duration():
    assert [(t.text, t.type, t.value) for t in tag(
        "The season started about a month earlier than usual.", ANCHOR)] == [
        ("a month", "DURATION", "P1M")]
