from __future__ import annotations

import pytest
from timeline_texts import article

from storyline.timeline.claims import (LITRES, Quantity, claims, frame_of, normalize,
                                       parse_quantities, same_value)


def _one(sentence: str) -> Quantity:
    found = parse_quantities(normalize(sentence))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence,low,high,unit", [
    ("Mr Suttles estimated something between 1,000 and 5,000 barrels a day was leaking.",
     1000, 5000, "barrel/day"),
    ("The team 's best estimate is 12,000-19 ,000 barrels per day , said McNutt .",
     12000, 19000, "barrel/day"),
    ("Pegging the well's flow at 20,000 to 40,000 barrels per day.", 20000, 40000, "barrel/day"),
    ("Oil could be pouring out at a rate of up to 5,000 barrels a day.", None, 5000, "barrel/day"),
    ("More than 200,000 gallons of oil a day are spewing from the well.", 200000, None,
     "gallon/day"),
    ("The company had spent $2.35bn so far on the response.", 2.35e9, 2.35e9, "$"),
    ("It would be fined $ 1,100 per barrel under the Clean Water Act.", 1100, 1100, "$"),
    ("In all eleven workers were killed on the rig.", 11, 11, "worker"),
    ("Oil spilled at a rate of about a thousand barrels a day.", 1000, 1000, "barrel/day"),
])
def test_figures_are_read_with_their_units_and_ranges(sentence, low, high, unit):
    q = _one(sentence)
    base, slash, per = unit.partition("/")
    if base in LITRES:                    # volumes are compared in litres
        k = LITRES[base]
        low, high, unit = (low and low * k), (high and high * k), "litre" + slash + per
    assert (q.low, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_volumes_in_any_unit_compare_as_one():
    assert same_value(_one("5,000 barrels a day"), _one("210,000 gallons a day"))


@pytest.mark.parametrize("sentence,frame", [
    ("BP said it was removing 2,000 barrels of oil a day from the leak.", "captured"),
    ("Oil gushed from the well at 5,000 barrels a day.", "leaked"),
    ("BP has agreed to put aside $20bn to compensate victims.", "fund"),
    ("BP will not pay its $2.4bn dividend this quarter.", "dividend"),
    ("The spill has cost the company $350m so far.", "cost"),
    ("Floods killed 12 people in the valley.", "killed"),
    ("Crews sprayed 400,000 gallons of dispersant on the slick.", "dispersed"),
    ("Pressure readings were about 6,700 pounds per square inch.", None),
    ("The official estimate of the flow, based on video and satellite surveys of the slick "
     "on the surface, is 35,000 to 60,000 barrels a day.", "leaked"),
])
def test_the_frame_says_what_a_figure_measures(sentence, frame):
    q = _one(sentence)
    assert frame_of(normalize(sentence), q.start, q.end, q.unit) == frame


def test_years_days_and_durations_are_no_figures():
    assert parse_quantities("The rig exploded on 20 April 2010 and burned for 36 hours.") == []
    assert parse_quantities("Its shares fell in the 2010 World Cup week, 22 April.") == []


def test_a_figure_its_sentence_calls_old_is_stale():
    found = parse_quantities(normalize(
        "Experts now estimate that 5,000 barrels a day are spilling, far more than the "
        "previous estimate of 1,000 barrels a day."))
    assert [(q.written, q.stale) for q in found] == [("5,000 barrels a day", False),
                                                     ("1,000 barrels a day", True)]
    found = parse_quantities("The EPA put it at about 14,600 gallons; the company's first "
                             "estimate was about 12,000 gallons.")
    assert [(q.written, q.stale) for q in found] == [("about 14,600 gallons", False),
                                                     ("about 12,000 gallons", True)]


def test_values_agree_within_rounding_and_open_ends():
    five = _one("5,000 barrels a day")
    assert same_value(five, _one("up to 5,000 barrels a day"))
    assert same_value(five, _one("about 5,100 barrels a day"))
    assert not same_value(_one("about 38,000 people"), _one("about 40,000 people"))
    assert not same_value(_one("$41.5 million"), _one("$42 million"))
    assert same_value(_one("$6m"), _one("$6 million"))
    assert not same_value(five, _one("between 1,000 and 5,000 barrels a day"))
    assert not same_value(five, _one("more than 12,000 barrels a day"))
    assert same_value(_one("more than 200,000 gallons"), _one("210,000 gallons"))


def test_claims_carry_outlet_day_measure_and_scope():
    a = article("n1", "North Star", "2024-06-04",
                "Coast Guard officials said the leak released 12,000 gallons of diesel into "
                "Cole Creek.")
    found = list(claims(a))
    assert len(found) == 1
    c = found[0]
    assert (c.outlet, c.day, c.quantity.unit, c.frame) == ("North Star", "2024-06-04", "litre",
                                                           "leaked")
    assert c.scope == frozenset()                     # no place mentions in this fixture


def test_an_undated_article_states_no_claims():
    a = article("u1", "North Star", None, "The leak released 12,000 gallons of diesel.")
    assert list(claims(a)) == []


def test_figures_of_what_might_be_or_of_another_year_are_no_claims():
    a = article("h1", "North Star", "2024-06-04",
                "Analysts said the cleanup could cost $12bn if the leak is not stopped soon.",
                "By comparison, the 1989 spill released 11 million gallons into the sound.",
                "The company said the cleanup had cost $350m so far, a spokesman said.")
    assert [c.quantity.written for c in claims(a)] == ["$350m"]


def test_a_pound_figure_after_a_dollar_one_is_read_as_its_conversion():
    q = _one("costs were running at $6m # 3.9 m a day")
    assert (q.low, q.unit) == (6e6, "$/day")


def test_a_list_of_figures_compares_none_of_them():
    a = article("l1", "North Star", "2024-06-04",
                "Valley: 12 people killed, Hills: 3 people killed, Coast: 40 people killed, "
                "officials said on Tuesday.")
    assert [c.frame for c in claims(a)] == [None, None, None]


def test_the_scope_is_where_the_sentence_counts():
    from storyline.timeline.claims import _scope
    assert _scope("Worldwide, 100 people have died.", []) == {"world"}
    assert _scope("Mexico has 103 dead.", ["Mexico"]) == {"mexico"}
    assert _scope("Officials counted 103 dead.", []) == frozenset()
