"""Each attribution pattern on paragraphs written for the tests (fictional people),
on hand-built Docs (quote_docs.make_doc), so the rules are tested, not the model."""

from __future__ import annotations

from quote_docs import make_doc

from storyline.model import Mention
from storyline.quotes import find_quotes

PEOPLE = ("Maria Alvarez", "Alvarez", "Tom Weller", "Weller", "Ana Ruiz", "Ruiz", "Lena Park", "Park")


def quotes(text: str, people=PEOPLE, orgs=(), mentions=None):
    doc = make_doc(text, people=people, orgs=orgs)
    found = find_quotes(doc, mentions)
    for q in found:       # every quote's text is exactly its body slice
        assert text[q.start:q.end] == q.text
    return found


def one(found, contains: str):
    hits = [q for q in found if contains in q.text]
    assert len(hits) == 1, [q.text for q in found]
    return hits[0]


def test_direct_quote_speaker_after():
    found = quotes("Mayor Maria Alvarez spoke on Tuesday.\n\n"
                   "“We will not back down on the water plant,” Alvarez said.")
    q = one(found, "back down")
    assert q.kind == "direct"
    assert q.text == "We will not back down on the water plant"
    assert q.speaker_name == "Maria Alvarez"
    assert q.role == "Mayor"
    assert q.cue == "said"
    assert q.speaker is None and q.id == "" and q.article_id == ""
    cue = next(e for e in q.evidence if e.note == "cue")
    assert q.evidence and cue.text == "said" and cue.where == "body"


def test_cue_before_name_with_apposition_gives_role():
    q = one(quotes("“The budget is a fantasy,” said Tom Weller, the council’s treasurer."), "fantasy")
    assert q.speaker_name == "Tom Weller"
    assert q.role == "the council’s treasurer"


def test_speaker_before_with_colon_and_comma():
    found = quotes("Ana Ruiz told reporters: “The river is safe to swim in again.”\n\n"
                   "Lena Park said, “Nobody should drink from it yet.”")
    assert one(found, "safe to swim").speaker_name == "Ana Ruiz"
    assert one(found, "Nobody should").speaker_name == "Lena Park"


def test_interrupted_quote_is_one_speaker_with_shared_cue():
    found = quotes("“We are not closing the plant,” Weller said. “We are moving it two miles east.”")
    a, b = one(found, "not closing"), one(found, "two miles")
    assert a.speaker_name == b.speaker_name == "Weller"      # no fuller name in the text
    cue_a = next(e for e in a.evidence if e.note == "cue")
    cue_b = next(e for e in b.evidence if e.note == "cue")
    assert (cue_a.start, cue_a.end) == (cue_b.start, cue_b.end)


def test_quote_running_over_paragraphs_is_one_quote():
    text = ("Alvarez laid out the plan at the town hall.\n\n"
            "“First we fix the pipes under Main Street. That takes a year.\n\n"
            "“Then we rebuild the treatment plant,” Alvarez said.")
    found = quotes(text)
    q = one(found, "First we fix")
    assert "rebuild the treatment plant" in q.text
    assert q.speaker_name == "Maria Alvarez" or q.speaker_name == "Alvarez"


def test_unbalanced_marks_do_not_crash_and_keep_the_quote():
    found = quotes("“We will appeal the ruling, Park said on Monday.\n\nThe court did not comment.")
    assert all(q.start < q.end for q in found)
    found = quotes("Park said ” the ruling was wrong “ and left.")
    assert isinstance(found, list)


def test_straight_quotes():
    q = one(quotes('"The ferry will run again in May," said Lena Park.'), "ferry")
    assert q.speaker_name == "Lena Park" and q.kind == "direct"


def test_partial_quote_after_naming_verb():
    q = one(quotes("Tom Weller called the bridge plan a “reckless gamble” on Tuesday."), "reckless gamble")
    assert q.kind == "partial"
    assert q.text == "the bridge plan a “reckless gamble”"
    assert q.speaker_name == "Tom Weller"
    assert q.cue == "called"


def test_mixed_quote_inside_indirect_speech_is_partial():
    found = quotes("Ruiz said the council had been “asleep at the wheel” for a decade.")
    q = one(found, "asleep at the wheel")
    assert q.kind == "partial"
    assert q.text.startswith("the council had been")
    assert q.speaker_name == "Ana Ruiz" or q.speaker_name == "Ruiz"
    assert len(found) == 1      # the fragment is not a second quote


def test_indirect_speech_with_and_without_that():
    found = quotes("Lena Park said that the plant would close in June.\n\n"
                   "Weller said the workers would be moved to the new site.")
    a = one(found, "plant would close")
    assert a.kind == "indirect" and a.text == "that the plant would close in June"
    assert a.speaker_name == "Lena Park"
    b = one(found, "workers would be moved")
    assert b.kind == "indirect" and b.speaker_name == "Weller"


def test_attribution_at_the_end_of_an_indirect_sentence():
    q = one(quotes("The plant will close in June, Lena Park said on Friday."), "plant will close")
    assert q.text == "The plant will close in June"
    assert q.speaker_name == "Lena Park" and q.kind == "indirect"


def test_colon_and_dash_attributions():
    found = quotes("Alvarez: “We will rebuild the bridge by winter.”\n\n"
                   "“The bridge is safe for now.” — Police Chief Ana Ruiz")
    a = one(found, "rebuild the bridge")
    assert a.speaker_name == "Maria Alvarez" or a.speaker_name == "Alvarez"
    assert a.cue == ":"
    b = one(found, "safe for now")
    assert b.speaker_name == "Ana Ruiz" and b.cue == "—" and b.role == "Police Chief"


def test_according_to():
    found = quotes("According to Lena Park, the ferry carried 300 people a day.\n\n"
                   "The ferry lost money every winter, according to the audit.")
    a = one(found, "300 people")
    assert a.speaker_name == "Lena Park" and a.cue == "According to"
    b = one(found, "lost money")
    assert b.speaker_name == "the audit" and b.text == "The ferry lost money every winter"


def test_pronoun_resolves_to_the_person():
    found = quotes("Maria Alvarez, the mayor, visited the plant on Monday.\n\n"
                   "“It was worse than I expected,” she said.")
    q = one(found, "worse than")
    assert q.speaker_name == "Maria Alvarez"
    assert q.role == "the mayor" or q.role is None or "mayor" in q.role
    spk = next(e for e in q.evidence if e.note == "speaker")
    assert spk.text == "she"


def test_pronoun_prefers_the_person_just_introduced():
    found = quotes("“The vote is final,” Weller said.\n\n"
                   "Ana Ruiz, who leads the residents’ group, disagreed.\n\n"
                   "“We will take this to court,” she said.")
    assert one(found, "take this to court").speaker_name == "Ana Ruiz"


def test_job_title_speaker_resolves_through_mentions():
    mentions = [Mention(0, 9, "Tom Weller", "PERSON", "Tom Weller", role="spokesman")]
    text = "Tom Weller, a spokesman for the agency, confirmed the leak.\n\n“No one was hurt,” the spokesman said."
    found = quotes(text, mentions=[Mention(0, 10, "Tom Weller", "PERSON", "Tom Weller", role="spokesman")])
    del mentions
    q = one(found, "No one was hurt")
    assert q.speaker_name == "Tom Weller"
    assert q.role == "spokesman"


def test_organizations_and_documents_speak():
    text = ("The Water Authority closed the reservoir on Monday.\n\n"
            "The agency said it was testing the water for lead.\n\n"
            "“Residents should boil their water,” the letter says.")
    found = quotes(text, orgs=("The Water Authority",))
    a = one(found, "testing the water")
    assert a.speaker_name == "The Water Authority"
    b = one(found, "boil their water")
    assert b.speaker_name == "the letter" and b.cue == "says"


def test_written_statement_cue():
    q = one(quotes("“We regret the delay,” Lena Park wrote in a statement."), "regret the delay")
    assert q.speaker_name == "Lena Park"
    assert q.cue == "wrote in a statement"


def test_floating_quote_paragraph_inherits_the_speaker_before():
    found = quotes("“The levee held,” Weller said.\n\n“It held because we paid for it twenty years ago.”")
    assert one(found, "twenty years ago").speaker_name == "Weller"
    q = one(found, "twenty years ago")
    assert any(e.note.startswith("speaker, inherited") for e in q.evidence)


def test_introducing_paragraph_hands_the_floor_to_the_next_quote():
    found = quotes("The evacuation order came at noon.\n\n"
                   "Ruiz had a warning for residents.\n\n"
                   "“Stay indoors until the water is tested and do not drive through the flooded roads.”",
                   people=("Ana Ruiz", "Ruiz"))
    q = one(found, "Stay indoors")
    assert q.speaker_name in ("Ruiz", "Ana Ruiz")


def test_scare_quotes_and_titles_are_not_quotes():
    found = quotes("The so-called “summer plan” was shelved. The band played “Riverside” twice.")
    assert found == []


def test_no_mentions_resolves_from_doc_ents_and_empty_input():
    assert find_quotes(make_doc(""), []) == []
    assert find_quotes(make_doc("\n\n \n\n"), []) == []
    found = quotes("“Fine,” Park said.", people=("Park",))
    assert found == [] or found[0].speaker_name == "Park"


def test_single_marks_british_style():
    found = quotes("Alvarez: ‘We will rebuild the bridge before the winter rains.’\n\n"
                   "‘The money is there,’ Weller said.")
    a = one(found, "rebuild the bridge")
    assert a.kind == "direct" and a.speaker_name in ("Alvarez", "Maria Alvarez") and a.cue == ":"
    assert one(found, "money is there").speaker_name == "Weller"


def test_dash_with_a_job_only():
    mentions = [Mention(0, 13, "Maria Alvarez", "PERSON", "Maria Alvarez", role="mayor")]
    text = "Maria Alvarez was sworn in on Monday.\n\n“The budget comes first.” — the mayor"
    q = one(quotes(text, mentions=mentions), "budget comes first")
    assert q.speaker_name == "Maria Alvarez" and q.cue == "—"


def test_pronoun_and_generic_speakers_name_no_one():
    found = quotes("As you say, the ferry is old.\n\n"
                   "Officials said the ferry would run again in May.\n\n"
                   "Privately, a senior official said “the ferry is finished.”")
    for q in found:
        assert q.speaker_name is None, (q.text, q.speaker_name)
    # the phrase the cue pointed at stays the evidence
    assert any(e.note == "speaker" and e.text == "you" for q in found for e in q.evidence)


def test_a_first_name_that_is_also_a_place_speaks_as_the_person():
    text = ("Paris Alvarez, the mayor's daughter, flew in from Lyon.\n\n"
            "“We are very happy to be here,” Paris said.")
    mentions = [Mention(0, 13, "Paris Alvarez", "PERSON", "Paris Alvarez"),
                Mention(text.index("Paris said"), text.index("Paris said") + 5, "Paris", "LOC", "Paris")]
    found = quotes(text, people=("Paris Alvarez",), mentions=mentions)
    assert one(found, "happy").speaker_name == "Paris Alvarez"
