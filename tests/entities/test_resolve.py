"""Entities across articles: names, acronyms, surnames within a story, ids, roles."""

from __future__ import annotations

from types import SimpleNamespace

from storyline.entities import entity_id_for, resolve
from storyline.model import Mention


def m(text, name=None, type="PERSON", role=None, role_of=None, expands=None):
    return Mention(start=0, end=len(text), text=text, type=type, name=name or text,
                   role=role, role_of=role_of, expands=expands)


def art(id, *mentions, story=None):
    return SimpleNamespace(id=id, mentions=list(mentions), story_id=story)


def entity_of(result, article_id, name):
    by_id = result.by_id()
    return by_id[result.entity_id(article_id, name)]


def test_same_full_name_across_articles_is_one_entity():
    result = resolve([
        art("a1", m("Maria Alvarez", role="Secretary of State"), m("Alvarez", "Maria Alvarez")),
        art("a2", m("Maria Alvarez", role="Secretary of State"), m("Maria Alvarez")),
    ])
    (e,) = result.entities
    assert (e.name, e.type, e.article_ids) == ("Maria Alvarez", "PERSON", ["a1", "a2"])
    assert e.aliases == ["Maria Alvarez", "Alvarez"]
    assert e.roles == [{"role": "Secretary of State", "of": None, "article_id": "a1"},
                       {"role": "Secretary of State", "of": None, "article_id": "a2"}]
    assert e.id == entity_id_for("PERSON", "Maria Alvarez")
    assert e.id.startswith("e-")


def test_acronym_article_joins_the_full_name_elsewhere():
    result = resolve([
        art("a1", m("Environmental Protection Agency", type="ORG"),
            m("EPA", "Environmental Protection Agency", type="ORG")),
        art("a2", m("E.P.A.", type="ORG")),
        art("a3", m("EPA", type="ORG")),
        art("a4", m("EPA", "Environmental Protection Agency", type="ORG")),
    ])
    (e,) = result.entities
    assert e.name == "Environmental Protection Agency"
    assert set(e.aliases) == {"Environmental Protection Agency", "EPA", "E.P.A."}
    assert result.entity_id("a2", "E.P.A.") == result.entity_id("a3", "EPA") == e.id


def test_acronym_is_not_expanded_from_another_article():
    # one article's "Bolivar Peninsula" does not make every other article's BP that place
    result = resolve([art("a1", m("Bolivar Peninsula", type="LOC"), m("BP", type="ORG",
                                                                       expands="Bolivar Peninsula")),
                      art("a2", m("BP", type="ORG")), art("a3", m("BP", type="ORG")),
                      art("a4", m("Harbor Safety Board", type="ORG")), art("a5", m("HSB", type="ORG"))])
    bp = entity_of(result, "a2", "BP")
    assert (bp.name, bp.type, bp.article_ids) == ("BP", "ORG", ["a1", "a2", "a3"])
    assert entity_of(result, "a1", "Bolivar Peninsula").article_ids == ["a1"]
    assert len(result.entities) == 4


def test_acronym_with_its_full_name_beside_it_in_most_articles_joins_it():
    result = resolve([
        art("a1", m("Federal Aviation Administration", type="ORG"),
            m("FAA", type="ORG", expands="Federal Aviation Administration")),
        art("a2", m("Federal Aviation Administration", type="ORG"),
            m("FAA", type="ORG", expands="Federal Aviation Administration")),
        art("a3", m("FAA", type="ORG")),
    ])
    (e,) = result.entities
    assert e.name == "Federal Aviation Administration"


def test_acronym_spelled_out_two_ways_is_expanded_only_where_spelled_out():
    result = resolve([
        art("a1", m("Harbor Safety Board", type="ORG"), m("HSB", "Harbor Safety Board", type="ORG")),
        art("a2", m("Highland Savings Bank", type="ORG"), m("HSB", "Highland Savings Bank", type="ORG")),
        art("a3", m("HSB", type="ORG")),
    ])
    assert entity_of(result, "a1", "Harbor Safety Board").aliases == ["Harbor Safety Board", "HSB"]
    assert entity_of(result, "a2", "Highland Savings Bank").aliases == ["Highland Savings Bank", "HSB"]
    assert entity_of(result, "a3", "HSB").name == "HSB"


def test_company_forms_are_one_organization():
    result = resolve([art("a1", m("Norvik Motor Company", type="ORG")),
                      art("a2", m("Norvik Motor Co.", type="ORG")), art("a3", m("Norvik", type="ORG"))])
    assert len(result.entities) == 1


def test_airline_is_not_its_country():
    result = resolve([art("a1", m("Velmar Airways", type="ORG")), art("a2", m("Velmar", type="LOC"))])
    assert len(result.entities) == 2


def test_surname_joins_the_one_namesake_in_the_same_story():
    result = resolve([
        art("a1", m("Dana Kim")),
        art("a2", m("Kim")),
        art("b1", m("Joon Kim")),
        art("b2", m("Kim")),
    ], story_of={"a1": "s1", "a2": "s1", "b1": "s2", "b2": "s2"})
    assert result.entity_id("a2", "Kim") == result.entity_id("a1", "Dana Kim")
    assert result.entity_id("b2", "Kim") == result.entity_id("b1", "Joon Kim")
    assert result.entity_id("a1", "Dana Kim") != result.entity_id("b1", "Joon Kim")


def test_surname_with_two_namesakes_in_the_story_stays_apart():
    result = resolve([art("a1", m("Dana Kim"), m("Joon Kim")), art("a2", m("Kim"))],
                     story_of={"a1": "s1", "a2": "s1"})
    kim = entity_of(result, "a2", "Kim")
    assert kim.name == "Kim" and kim.article_ids == ["a2"]
    assert len(result.entities) == 3


def test_surname_never_joins_a_namesake_from_another_story():
    result = resolve([art("a1", m("Dana Kim")), art("b1", m("Kim"))],
                     story_of={"a1": "s1", "b1": "s2"})
    assert result.entity_id("b1", "Kim") != result.entity_id("a1", "Dana Kim")


def test_unresolved_surnames_of_different_stories_get_different_ids():
    result = resolve([art("a1", m("Kim")), art("b1", m("Kim"))], story_of={"a1": "s1", "b1": "s2"})
    assert len({e.id for e in result.entities}) == 2


def test_story_id_on_the_article_is_used_without_story_of():
    result = resolve([art("a1", m("Dana Kim"), story="s1"), art("b1", m("Kim"), story="s2")])
    assert len(result.entities) == 2


def test_roles_carry_the_owner_entity_name_and_article():
    result = resolve([
        art("a1", m("Tom Weller", role="Governor"),
            m("Dana Kim", role="press secretary", role_of="Tom Weller")),
        art("a2", m("Dana Kim", role="press secretary", role_of="Tom Weller"),
            m("Weller", "Tom Weller")),
    ])
    kim = entity_of(result, "a1", "Dana Kim")
    assert kim.roles == [{"role": "press secretary", "of": "Tom Weller", "article_id": "a1"},
                         {"role": "press secretary", "of": "Tom Weller", "article_id": "a2"}]


def test_ids_do_not_depend_on_article_order():
    arts = [art("a1", m("Maria Alvarez")), art("a2", m("Grace Okafor")), art("a3", m("Alvarez"))]
    first = {e.name: e.id for e in resolve(arts).entities}
    second = {e.name: e.id for e in resolve(list(reversed(arts))).entities}
    assert first == second


def test_unknown_mentions_have_no_entity():
    result = resolve([art("a1", m("Maria Alvarez"))])
    assert result.entity_id("a1", "Someone Else") is None
    assert result.entity_id("zz", "Maria Alvarez") is None


def test_name_is_the_most_frequent_full_form():
    result = resolve([art("a1", m("Norvik", type="ORG")), art("a2", m("Norvik", type="ORG")),
                      art("a3", m("Norvik Inc.", type="ORG"))])
    (e,) = result.entities
    assert e.name == "Norvik" and set(e.aliases) == {"Norvik", "Norvik Inc."}


def test_one_word_person_with_no_namesake_but_an_organization_is_the_organization():
    # the NER called the company a person in one article
    result = resolve([art("a1", m("Norvik", type="ORG")), art("a2", m("Norvik", type="PERSON"))])
    (e,) = result.entities
    assert e.type == "ORG" and e.article_ids == ["a1", "a2"]


def test_spellings_of_one_reading_agree():
    result = resolve([
        art("a1", m("EADS", "European Aeronautic Defence and Space Company", type="ORG")),
        art("a2", m("EADS", "European Aeronautic Defense & Space NV", type="ORG")),
        art("a3", m("EADS", type="ORG")),
    ])
    assert len(result.entities) == 1


def test_surname_joins_the_namesake_the_story_names_far_most_often():
    bashar = [art(f"a{i}", m("Bashar al-Assad")) for i in range(7)]
    result = resolve([*bashar, art("h1", m("Hafez Assad")), art("s1", m("Assad"))])
    assert result.entity_id("s1", "Assad") == result.entity_id("a0", "Bashar al-Assad")
    assert result.entity_id("h1", "Hafez Assad") != result.entity_id("a0", "Bashar al-Assad")
    # three to two is no majority a reader would trust
    result = resolve([*bashar[:3], *(art(f"h{i}", m("Hafez Assad")) for i in range(2)), art("s1", m("Assad"))])
    assert entity_of(result, "s1", "Assad").article_ids == ["s1"]



def test_an_acronym_with_a_legal_suffix_does_not_outrank_the_acronym():
    # "BP Plc" spells nothing out: the name written most often is the entity's name
    result = resolve([art("a1", m("BP", type="ORG")), art("a2", m("BP", type="ORG")),
                      art("a3", m("BP Plc", type="ORG"))])
    assert {e.name for e in result.entities if "a1" in e.article_ids} == {"BP"}
