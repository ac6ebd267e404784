"""Documents as speakers ("according to records …", "a timeline the company filed"),
on paragraphs written for the tests (fictional names), with hand-built Docs."""

from __future__ import annotations

from quote_docs import one, quotes



def speaker_evidence(q):
    return next(e for e in q.evidence if e.note == "speaker")


def test_document_the_company_filed_speaks_for_the_company():
    text = ("Brennock Polymers said little on Friday.\n\n"
            "The spill began before dawn on March 3, according to a timeline the company filed "
            "with the state water board.")
    q = one(quotes(text, orgs=("Brennock Polymers",)), "spill began")
    assert q.kind == "indirect"
    assert q.speaker_name == "Brennock Polymers"
    assert q.text == "The spill began before dawn on March 3"
    # the speaker phrase in the text is the whole document phrase
    assert speaker_evidence(q).text == "a timeline the company filed with the state water board"


def test_document_released_by_an_author_speaks_for_the_author():
    text = ("According to a report released Monday by the Harlow Institute, rents in the valley "
            "rose faster than wages for six straight years.")
    q = one(quotes(text, orgs=("Harlow Institute",)), "rents in the valley")
    assert q.speaker_name == "Harlow Institute"
    assert q.text.startswith("rents in the valley")
    assert speaker_evidence(q).text == "a report released Monday by the Harlow Institute"


def test_document_seen_by_a_newspaper_stays_the_document():
    text = ("According to county staffing records reviewed by the Fenwick Herald, nine of the "
            "22 nurse positions at the clinic are empty.")
    q = one(quotes(text, orgs=("Fenwick Herald",)), "nurse positions")
    assert q.speaker_name == "county staffing records"
    assert q.text.startswith("nine of the 22")
    assert speaker_evidence(q).text == "county staffing records reviewed by the Fenwick Herald"


def test_named_org_inside_a_document_phrase_does_not_take_its_place():
    text = "Seven wells failed the test last year, according to Tarn Valley inspection records."
    q = one(quotes(text, orgs=("Tarn Valley",)), "Seven wells")
    assert q.speaker_name == "Tarn Valley inspection records"


def test_person_after_according_to_is_unchanged():
    text = ("The vote will move to June, according to Orla Fenn, the board's secretary.")
    q = one(quotes(text, people=("Orla Fenn",)), "vote will move")
    assert q.speaker_name == "Orla Fenn"
