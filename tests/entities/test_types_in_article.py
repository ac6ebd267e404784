"""One name, one type per article, and titled names the recognizer missed. Hand-built
Docs (conftest.make_doc) carry the recognizer's mistakes the rules must repair."""

from __future__ import annotations

from storyline.entities import find_mentions


def typed(mentions):
    return [(m.text, m.type) for m in mentions]


def test_a_name_ending_in_an_organization_word_is_an_organization(doc):
    d = doc("The leak at [Calder Resin Works|LOC] began late Sunday . "
            "The [Riverton Water Bureau|LOC] shut its intake .")
    assert typed(find_mentions(d)) == [("Calder Resin Works", "ORG"),
                                       ("Riverton Water Bureau", "ORG")]


def test_a_lone_surname_of_a_named_person_is_that_person(doc):
    d = doc("Auditors for [Maria Alvarez|PER] finished early . [Alvarez|LOC] said the "
            "review took six weeks .")
    found = find_mentions(d)
    assert typed(found) == [("Maria Alvarez", "PERSON"), ("Alvarez", "PERSON")]
    assert found[1].name == "Maria Alvarez"


def test_a_town_the_recognizer_once_took_for_a_person_stays_a_town(doc):
    d = doc("Residents of [Riverton|LOC] lined up for water . The mayor of [Riverton|PER] "
            "spoke . [Riverton|PER] schools closed . Buses left [Riverton|LOC] early .")
    assert {t for _, t in typed(find_mentions(d))} == {"LOC"}
    # a person known by one name keeps it: "Madonna" is nobody's surname here, but no
    # other type competes
    d = doc("[Madonna|PER] sang . Fans cheered [Madonna|PER] .")
    assert {t for _, t in typed(find_mentions(d))} == {"PERSON"}


def test_titled_names_the_recognizer_missed(doc):
    d = doc("Gov. [Tom Weller|PER] asked/VBD Secretary of State Maria Alvarez to audit the "
            "agency . Director Raymond Tso agreed .")
    found = find_mentions(d)
    assert ("Maria Alvarez", "PERSON") in typed(found)
    assert ("Raymond Tso", "PERSON") in typed(found)
    alvarez = next(m for m in found if m.text == "Maria Alvarez")
    assert alvarez.role == "Secretary of State"
    # an office alone is no name
    assert typed(find_mentions(doc("The Secretary of State said so ."))) == []
