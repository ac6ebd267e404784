"""Speakers as a careful reader names them (issue 14, item 3): a pronoun takes the
person it stands for or no one; the writer's "I", an unnamed "a senior official", the
subject of a passive verb and common nouns name no one; a possessive's owner does not
speak. Hand-built Docs (quote_docs.make_doc): the rules are tested, not the model."""

from __future__ import annotations

from quote_docs import make_doc, one

from storyline.model import Mention
from storyline.quotes import find_quotes

PEOPLE = ("Tom Weller", "Weller", "Lena Park", "Ana Ruiz", "Ruiz")


def quotes(text: str, people=PEOPLE, orgs=()):
    found = find_quotes(make_doc(text, people=people, orgs=orgs))
    for q in found:
        assert text[q.start:q.end] == q.text
    return found


def test_first_person_outside_quote_marks_is_the_writer():
    found = quotes("Tom Weller spoke on Tuesday.\n\nI said that the plan would fail within a year.")
    q = one(found, "plan would fail")
    assert q.speaker_name is None
    assert any(e.note == "speaker" and e.text == "I" for e in q.evidence)    # evidence kept


def test_passive_subject_is_not_the_speaker():
    found = quotes("Tom Weller was told that the plant would close next week.")
    assert one(found, "plant would close").speaker_name is None
    found = quotes("Tom Weller accused of hiding the size of the spill from the council")
    assert all(q.speaker_name is None for q in found)


def test_active_verb_keeps_its_speaker():
    found = quotes("Tom Weller told reporters that the plant would close next week.")
    assert one(found, "plant would close").speaker_name == "Tom Weller"


def test_indefinite_job_is_someone_new():
    text = ("Ana Ruiz, a county official, arrived at noon.\n\n"
            "A senior official said the talks had failed on every point.")
    ruiz = Mention(0, 8, "Ana Ruiz", "PERSON", "Ana Ruiz", role="a county official")
    found = find_quotes(make_doc(text, people=("Ana Ruiz",)), [ruiz])
    assert one(found, "talks had failed").speaker_name is None     # not Ruiz


def test_indefinite_job_at_an_organization_speaks_for_it():
    text = "A senior Calder Resin official said the talks had failed on every point."
    q = one(quotes(text, orgs=("Calder Resin",)), "talks had failed")
    assert q.speaker_name == "Calder Resin"


def test_kin_after_a_possessive_takes_the_surname():
    q = one(quotes("Tom Weller's brother Marlon said the family was delighted by the news."),
            "family was delighted")
    assert q.speaker_name == "Marlon Weller"


def test_possessive_owner_does_not_speak():
    q = one(quotes("Weller's lawyers argued that the case should be dropped at once."), "case should")
    assert q.speaker_name == "Weller's lawyers"


def test_organization_people_speak_for_it():
    q = one(quotes("The Riverton Society's seahorse team warns that the species is at risk.",
                   orgs=("Riverton Society",)), "species is at risk")
    assert q.speaker_name == "Riverton Society"


def test_pronoun_reaches_two_sentences_back_only():
    near = quotes("Tom Weller arrived early. The river rose.\n\nHe said the town was ready for the flood.")
    assert one(near, "town was ready").speaker_name == "Tom Weller"
    far = quotes("Tom Weller arrived early. The river rose. The rain fell. The roads closed.\n\n"
                 "He said the town was ready for the flood.")
    assert one(far, "town was ready").speaker_name is None


def test_names_in_reported_words_do_not_speak_next():
    found = quotes("Tom Weller spoke first.\n\nHe said he would meet Lena Park on Wednesday.\n\n"
                   "He added that the meeting would be short and private.")
    assert one(found, "meeting would be short").speaker_name == "Tom Weller"


def test_pronoun_after_an_unnamed_person_in_its_sentence():
    found = quotes("Tom Weller spoke on Monday.\n\n"
                   "Reporters found an expert, and he said that the plan might fail in the spring.")
    assert one(found, "plan might fail").speaker_name is None


def test_they_after_unnamed_people_is_them():
    found = quotes("Protests shook Calder Resin this month.\n\nAt first, witnesses said, the police held back.\n\n"
                   "But later, they said, the police fired tear gas on the crowd.", orgs=("Calder Resin",))
    assert one(found, "fired tear gas").speaker_name is None


def test_common_noun_names_no_one():
    found = quotes("Environmental groups argued that the moratorium was still in place.")
    assert one(found, "moratorium").speaker_name is None


def test_description_before_an_unknown_name_is_not_the_name():
    found = quotes("After the speech, 22-year-old student Mohamed Ezeldin Ahmed told CNN he was bitterly "
                   "disappointed by the news.", people=(), orgs=("CNN",))
    assert one(found, "bitterly").speaker_name == "Mohamed Ezeldin Ahmed"


def test_according_to_after_the_cue_is_no_content():
    found = quotes("`` They 're not like cartoon animals , '' Weller said , according to the Star Advertiser .",
                   orgs=("Star Advertiser",))
    assert not any(q.text.startswith("according to") for q in found)


def test_bracketed_reference_is_no_speaker_label():
    found = quotes("-LRB- ID : nN08212171 -RRB- Following are some of the key conclusions of both reports.")
    assert all(q.speaker_name is None for q in found)


def test_that_clause_of_an_infinitive_is_not_the_content():
    found = quotes("The Riverton council agreed to release him based on a doctor's prognosis that he "
                   "had three months to live.", orgs=("Riverton",))
    assert not any(q.text.startswith("that he had") for q in found)


def test_a_place_before_the_apposition_is_a_dateline():
    text = ("Cairo , veteran journalist Sam Donaldson , said that the network did a service in "
            "fanning the flames.")
    found = find_quotes(make_doc(text, people=("Sam Donaldson",), orgs=("ABC News",), places=("Cairo",)))
    assert one(found, "fanning").speaker_name == "Sam Donaldson"


def test_a_place_after_in_says_where_not_who():
    found = find_quotes(make_doc("A protester in Cairo says that the police fired on the crowd.",
                                 places=("Cairo",)))
    assert one(found, "police fired").speaker_name is None


def test_an_opening_place_is_not_the_subject():
    text = "In Cairo , state television ran a promo all day , saying that the country is changing."
    found = find_quotes(make_doc(text, places=("Cairo",)))
    assert all(q.speaker_name != "Cairo" for q in found)


def test_organizations_do_not_match_by_last_word():
    text = ("The Health Ministry counted the injured.\n\n"
            "According to the Foreign Ministry, the embassy will stay open for now.")
    found = quotes(text, orgs=("Health Ministry",))
    assert one(found, "embassy will stay").speaker_name == "Foreign Ministry"


def test_the_government_is_no_company_named_before():
    found = quotes("Calder Resin shut the plant on Monday.\n\n"
                   "The government said it would review the permits within a month.", orgs=("Calder Resin",))
    assert one(found, "review the permits").speaker_name is None


def test_the_administration_is_only_one_so_named():
    found = quotes("Calder Resin shut the plant on Monday.\n\n"
                   "The administration said it wanted the plant closed for a month.", orgs=("Calder Resin",))
    assert one(found, "wanted the plant").speaker_name is None



def test_plural_officials_name_no_one():
    text = ("Ana Ruiz, one of the county officials, arrived at noon.\n\n"
            "The officials said the talks had failed on every point.")
    ruiz = Mention(0, 8, "Ana Ruiz", "PERSON", "Ana Ruiz", role="one of the county officials")
    found = find_quotes(make_doc(text, people=("Ana Ruiz",)), [ruiz])
    assert one(found, "talks had failed").speaker_name is None


def test_another_first_name_before_a_known_surname_is_a_namesake():
    text = ("Rafik Hariri was killed in 2005.\n\n"
            "Saad Hariri says his party will not join the new government.")
    mentions = [Mention(0, 12, "Rafik Hariri", "PERSON", "Rafik Hariri"),
                Mention(text.index("Hariri says"), text.index("Hariri says") + 6, "Hariri", "PERSON",
                        "Rafik Hariri")]
    found = find_quotes(make_doc(text, people=("Rafik Hariri",)), mentions)
    assert one(found, "his party").speaker_name == "Saad Hariri"
