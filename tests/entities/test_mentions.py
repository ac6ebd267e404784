"""Names in one article: cleaning, roles, and the fullest name the article uses.

The Docs are built by hand (see conftest.make_doc), so these check the rules whatever
the statistical model's quality.
"""

from __future__ import annotations

from storyline.entities import find_mentions, mentions_from_spans


def by_text(mentions):
    return [(m.text, m.name) for m in mentions]


def test_secretary_variants_all_name_the_full_name(doc):
    d = doc("[Secretary of State Maria Alvarez|PER] met reporters . [Sec. Maria Alvarez|PER] "
            "said the talks went well . [Alvarez|PER] left early . Ms. [Alvarez|PER] returned .")
    found = find_mentions(d)
    assert [m.name for m in found] == ["Maria Alvarez"] * 4
    assert [m.text for m in found] == ["Maria Alvarez", "Maria Alvarez", "Alvarez", "Alvarez"]
    assert found[0].role == "Secretary of State"
    assert found[1].role == "Secretary"          # "Sec." spelled out
    assert found[3].role is None                 # "Ms." is a courtesy title, not a role
    assert all(d.text[m.start:m.end] == m.text for m in found)


def test_title_outside_the_ner_span(doc):
    d = doc("Secretary of State [Maria Alvarez|PER] met reporters . Sec. [Alvarez|PER] said so .")
    first, second = find_mentions(d)
    assert (first.name, first.role) == ("Maria Alvarez", "Secretary of State")
    assert (second.name, second.role) == ("Maria Alvarez", "Secretary")


def test_agency_name_acronyms_and_the_agency(doc):
    d = doc("The [Environmental Protection Agency|ORG] ( EPA ) issued rules on Monday . "
            "[EPA|ORG] officials agreed . The [E.P.A.|ORG] later said the agency 's rules stand .")
    found = find_mentions(d)
    assert by_text(found) == [
        ("Environmental Protection Agency", "Environmental Protection Agency"),
        ("EPA", "Environmental Protection Agency"),        # the "(EPA)" the NER missed
        ("EPA", "Environmental Protection Agency"),
        ("E.P.A.", "Environmental Protection Agency"),
        ("the agency", "Environmental Protection Agency"),
    ]
    assert {m.type for m in found} == {"ORG"}


def test_acronym_from_initials_alone_is_left_to_the_corpus(doc):
    # initials alone do not define an acronym: the article keeps "FAA" and says which
    # name it may stand for; the corpus stage decides (test_resolve)
    d = doc("The [Federal Aviation Administration|ORG] grounded the jets . [FAA|ORG] inspectors "
            "arrived on Friday .")
    found = find_mentions(d)
    assert [m.name for m in found] == ["Federal Aviation Administration", "FAA"]
    assert found[1].expands == "Federal Aviation Administration"


def test_acronym_spelled_out_by_an_apposition(doc):
    d = doc("[NTSB|ORG] , the [National Transportation Safety Board|ORG] , opened a file . "
            "[NTSB|ORG] staff arrived .")
    assert {m.name for m in find_mentions(d)} == {"National Transportation Safety Board"}
    d = doc("The [Harbor Safety Board|ORG] , or HSB , met . [HSB|ORG] rules stand .")
    assert {m.name for m in find_mentions(d)} == {"Harbor Safety Board"}


def test_well_known_acronym_beside_a_name_with_its_initials_keeps_its_name(doc):
    d = doc("Tar balls reached the [Bolivar Peninsula|LOC] on Sunday . [BP|ORG] will pay .")
    found = find_mentions(d)
    assert [(m.text, m.name) for m in found] == [("Bolivar Peninsula", "Bolivar Peninsula"),
                                                 ("BP", "BP")]


def test_an_acronym_the_recognizer_called_a_place_is_an_organization(doc):
    d = doc("Officials told [CNN|LOC] about the trip to the [U.S.|LOC] and [Cairo|LOC] .")
    assert [(m.text, m.type) for m in find_mentions(d)] == [("CNN", "ORG"), ("U.S.", "LOC"),
                                                            ("Cairo", "LOC")]


def test_undotted_british_titles_are_titles(doc):
    d = doc("[Thad Allen|PER] spoke . The well is shut , said [Adm Allen|PER] .")
    found = find_mentions(d)
    assert [m.name for m in found] == ["Thad Allen", "Thad Allen"]
    assert found[1].role == "Admiral"


def test_pronouns_are_not_names(doc):
    d = doc("[Tom Weller|PER] spoke . [He|PER] said the agency was late .")
    assert by_text(find_mentions(d)) == [("Tom Weller", "Tom Weller")]


def test_surname_joins_the_most_recent_full_name(doc):
    d = doc("[John Park|PER] arrived first . [Lisa Park|PER] arrived later . [Park|PER] said hello .")
    assert [m.name for m in find_mentions(d)] == ["John Park", "Lisa Park", "Lisa Park"]


def test_surname_before_two_namesakes_is_not_guessed(doc):
    d = doc("[Park|PER] spoke first . [John Park|PER] arrived . [Lisa Park|PER] arrived later .")
    assert find_mentions(d)[0].name == "Park"


def test_surname_before_the_only_full_name_joins_it(doc):
    d = doc("[Okafor|PER] won . Voters backed [Grace Okafor|PER] on Tuesday .")
    assert [m.name for m in find_mentions(d)] == ["Grace Okafor"] * 2


def test_first_name_alone_joins_the_full_name(doc):
    d = doc("[Lena Brandt|PER] runs the farm . [Lena|PER] said the harvest was good .")
    assert [m.name for m in find_mentions(d)] == ["Lena Brandt"] * 2


def test_surname_the_ner_missed_is_added(doc):
    d = doc("[Dana Kim|PER] declined to comment . Later Kim/NNP said no .")
    found = find_mentions(d)
    assert by_text(found) == [("Dana Kim", "Dana Kim"), ("Kim", "Dana Kim")]
    assert found[1].type == "PERSON"


def test_county_judge_premodifier(doc):
    for marked in ("[Harris County Judge Ana Ruiz|PER] opened the shelter .",
                   "Harris County Judge [Ana Ruiz|PER] opened the shelter ."):
        (m,) = find_mentions(doc(marked))
        assert (m.name, m.role, m.role_of) == ("Ana Ruiz", "Harris County Judge", None)


def test_apposition_role(doc):
    d = doc("[Ana Ruiz|PER] , the county 's emergency manager , said the roads were closed .")
    (m,) = find_mentions(d)
    assert (m.name, m.role) == ("Ana Ruiz", "emergency manager")


def test_apposition_role_for_an_organization(doc):
    d = doc("[Dana Kim|PER] , a spokeswoman for the [Bureau of Water Safety|ORG] , said no .")
    kim, bureau = find_mentions(d)
    assert (kim.role, kim.role_of) == ("spokeswoman", "Bureau of Water Safety")
    assert bureau.role is None


def test_possessive_owner_gives_role_of(doc):
    for marked in ("Governor [Tom Weller|PER] 's press secretary [Dana Kim|PER] declined to comment .",
                   "[Governor Tom Weller|PER] 's press secretary [Dana Kim|PER] declined to comment ."):
        weller, kim = find_mentions(doc(marked))
        assert (weller.name, weller.role, weller.role_of) == ("Tom Weller", "Governor", None)
        assert (kim.name, kim.role, kim.role_of) == ("Dana Kim", "press secretary", "Tom Weller")


def test_role_of_uses_the_owners_full_name(doc):
    d = doc("[Tom Weller|PER] won the race . [Weller|PER] 's press secretary [Dana Kim|PER] spoke .")
    kim = find_mentions(d)[-1]
    assert kim.role_of == "Tom Weller"


def test_organization_premodifier_is_the_owner(doc):
    d = doc("[Norvik|ORG] chief executive [Ines Soto|PER] resigned .")
    norvik, soto = find_mentions(d)
    assert (soto.role, soto.role_of) == ("chief executive", "Norvik")


def test_sentence_initial_word_is_no_role(doc):
    d = doc("Yesterday/NN [Ana Ruiz|PER] spoke .")
    (m,) = find_mentions(d)
    assert m.role is None


def test_a_list_is_not_an_apposition(doc):
    d = doc("[Ana Ruiz|PER] , [Dana Kim|PER] and [Tom Weller|PER] met .")
    assert all(m.role is None for m in find_mentions(d))


def test_noun_phrase_spans_give_their_name(doc):
    # annotated spans are whole noun phrases; the name is what they end with
    d = doc("The regional carrier Skyline Air , which flies to Orlo , grew . "
                 "Skyline Air flew . the largest carrier in Velmar grew .")
    out = mentions_from_spans(d, [(0, 5, "ORG"), (13, 15, "ORG"), (17, 23, "ORG")])
    assert [m.name if m else None for m in out] == ["Skyline Air", "Skyline Air", None]


def test_person_span_with_a_party_after_it(doc):
    d = doc("Claudia Reyes of the Harbor Party won .")
    (m,) = mentions_from_spans(d, [(0, 6, "PERSON")])
    assert m.name == "Claudia Reyes"


def test_role_only_phrase_is_no_name(doc):
    d = doc("The Norvik CEO said the Prime Minister agreed .")
    assert mentions_from_spans(d, [(1, 3, "PERSON"), (5, 7, "PERSON")]) == [None, None]


def test_the_title_alone_joins_the_person_holding_it(doc):
    d = doc("Harris County Judge [Ana Ruiz|PER] opened the shelter . Later the judge said the "
            "roads were closed .")
    ruiz, judge = find_mentions(d)
    assert (judge.text, judge.name, judge.type) == ("the judge", "Ana Ruiz", "PERSON")


def test_a_title_no_one_in_the_article_holds_is_no_mention(doc):
    d = doc("[Ana Ruiz|PER] opened the shelter . Later the mayor said the roads were closed .")
    assert [m.text for m in find_mentions(d)] == ["Ana Ruiz"]


def test_role_only_span_joins_the_person_with_that_role(doc):
    d = doc("Norvik CEO Ines Soto spoke . The Norvik CEO said more .")
    soto, ceo = mentions_from_spans(d, [(2, 4, "PERSON"), (7, 9, "PERSON")])
    assert (soto.role, ceo.name) == ("Norvik CEO", "Ines Soto")


def test_a_place_word_is_not_taken_for_a_first_name(doc):
    d = doc("[Riverton|LOC] voted . [Riverton Hale|PER] spoke . [Riverton|PER] cheered .")
    assert find_mentions(d)[-1].name == "Riverton"


def test_title_glued_to_an_organization_is_dropped(doc):
    d = doc("[Norvik Chief Executive Officer|ORG] [Ines Soto|PER] spoke .")
    assert find_mentions(d)[0].name == "Norvik"


def test_a_surname_joined_by_a_title_keeps_its_name(doc):
    d = doc("President [Weller|PER] spoke . Later the president left .")
    found = find_mentions(d)
    assert [(m.text, m.name) for m in found] == [("Weller", "Weller"), ("the president", "Weller")]


def test_a_title_is_the_persons_own_not_the_phrase_around_it(doc):
    d = doc("Crowds demanded the resignation of [President Omar Hadi|PER] .")
    assert find_mentions(d)[0].role == "President"
    d = doc("She hung a portrait/NN of President [Omar Hadi|PER] .")
    assert find_mentions(d)[0].role == "President"
    d = doc("[Secretary of State Maria Alvarez|PER] spoke .")
    assert find_mentions(d)[0].role == "Secretary of State"


def test_a_nationality_before_a_title_is_no_name(doc):
    d = doc("Crowds cheered [Egyptian/JJ President/NNP|PER] [Omar/NNP Hadi/NNP|PER] .")
    assert "Egyptian President" not in {m.name for m in find_mentions(d)}


# -- names the recognizer cut short or mistyped (issue 14, item 3) ----------------------


def test_first_name_takes_the_proper_noun_after_it(doc):
    d = doc("Last month the organiser [Chris|PER] Hunt/NNP defended the event .")
    assert by_text(find_mentions(d)) == [("Chris Hunt", "Chris Hunt")]


def test_no_first_name_when_the_article_names_an_organization_so(doc):
    d = doc("The [Ford|PER] Taurus/NNP sold well . [Ford|ORG] said so .")
    assert [m.text for m in find_mentions(d)][:1] == ["Ford"]


def test_organization_takes_the_proper_noun_before_it(doc):
    d = doc("A cap is not toothpaste , Coast/NNP [Guard|ORG] spokesman [James McPherson|PER] warned .")
    found = find_mentions(d)
    assert (found[0].text, found[0].type) == ("Coast Guard", "ORG")
    # an acronym is a whole name: "told Reuters BP 's outreach" is not "Reuters BP"
    d = doc("A banker told Reuters/NNP [BP|ORG] 's outreach was slow .")
    assert [m.text for m in find_mentions(d)] == ["BP"]


def test_places_either_side_of_versus_are_teams(doc):
    d = doc("There is live commentary on [Gloucester|LOC] versus [Bath|LOC] at three .")
    assert [(m.text, m.type) for m in find_mentions(d)] == [("Gloucester", "ORG"), ("Bath", "ORG")]


def test_title_before_of_is_the_office_not_the_name(doc):
    d = doc("Poetry written by the ill-fated [Mary Queen|PER] of Scots in prison .")
    assert [m.name for m in find_mentions(d)] == ["Mary"]


def test_organization_heads_and_words_that_are_no_names(doc):
    d = doc("The [Muslim Brotherhood|LOC] will have a role . His belief in [God|PER] sustained him .")
    assert [(m.text, m.type) for m in find_mentions(d)] == [("Muslim Brotherhood", "ORG")]


def test_first_names_share_the_surname_after_and(doc):
    d = doc("However , [Jermaine|PER] and [Randy Jackson|PER] said it should not go ahead .")
    assert by_text(find_mentions(d)) == [("Jermaine", "Jermaine Jackson"), ("Randy Jackson", "Randy Jackson")]
    # a known surname before "and" keeps its own name
    d = doc("[Barack Obama|PER] spoke . Later [Obama|PER] and [Joe Biden|PER] left .")
    assert [m.name for m in find_mentions(d)] == ["Barack Obama", "Barack Obama", "Joe Biden"]


def test_a_time_zone_after_a_clock_time_is_no_name(doc):
    d = doc("-LRB- Update 5:01 p.m. [Cairo|LOC] , 10:01 a.m. [ET|ORG] -RRB- [Google|ORG] said so .")
    assert [m.text for m in find_mentions(d)] == ["Cairo", "Google"]


def test_one_word_organization_is_the_longer_name_it_heads(doc):
    d = doc("The [Muslim Brotherhood|ORG] met . A role for the [Brotherhood|ORG] worries [Cairo|LOC] .")
    assert [m.name for m in find_mentions(d)] == ["Muslim Brotherhood", "Muslim Brotherhood", "Cairo"]
    # not "House" beside "White House": a head that may name another body
    d = doc("The [White House|ORG] agreed . The [House|ORG] voted .")
    assert [m.name for m in find_mentions(d)] == ["White House", "House"]


def test_who_after_a_name_makes_it_a_person(doc):
    d = doc("The first involved [Anderson Cooper|LOC] , who later reported from a hotel .")
    assert [(m.text, m.type) for m in find_mentions(d)] == [("Anderson Cooper", "PERSON")]


def test_an_orchestra_is_an_organization(doc):
    d = doc("The singers join the [Ulster Orchestra|PER] tonight .")
    assert [m.type for m in find_mentions(d)] == ["ORG"]


def test_who_after_a_place_in_a_phrase_is_not_its(doc):
    d = doc("The demand of everyone in [Egypt|LOC] , who joined the march , was met .")
    assert [m.type for m in find_mentions(d)] == ["LOC"]
