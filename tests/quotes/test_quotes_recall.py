"""Attribution forms added for recall (issue 5), on paragraphs written for the tests
(fictional names), with hand-built Docs: the typewriter double mark, one-line-break
paragraphs, document subjects, "In the poll, …", nominal cues, mixed quotes with a
trailing attribution."""

from __future__ import annotations

from quote_docs import one, quotes

from storyline.quotes.marks import paragraphs, quote_spans


def test_two_apostrophes_are_a_double_mark():
    text = "''The levy is a bad bargain,'' said Odile Brant. ''We will fight it.'' It's Brant's turn."
    spans = quote_spans(text, 0, len(text))
    assert [text[m.start:m.end] for m in spans] == ["The levy is a bad bargain,", "We will fight it."]
    found = quotes(text, people=("Odile Brant",))
    a, b = one(found, "bad bargain"), one(found, "fight it")
    assert a.text == "The levy is a bad bargain" and a.kind == "direct"
    assert a.speaker_name == b.speaker_name == "Odile Brant"


def test_a_single_line_break_separates_paragraphs():
    text = "Voters spoke up.\n“The bridge can wait.” ― Hal Sorensen\n“Fix the school first.” ― Ines Motta"
    assert len(paragraphs(text)) == 3
    found = quotes(text, people=("Hal Sorensen", "Ines Motta"))
    assert one(found, "bridge can wait").speaker_name == "Hal Sorensen"
    assert one(found, "school first").speaker_name == "Ines Motta"     # not inherited from Sorensen


def test_dash_attribution_after_a_no_break_space_and_a_dash_in_the_name():
    text = "“The ferry is late every day.” ―\u00a0Pia Lund"
    assert one(quotes(text, people=("Pia Lund",)), "ferry").speaker_name == "Pia Lund"
    text = "“The ferry is late every day.” ― Pia Lund"
    assert one(quotes(text, people=("― Pia",)), "ferry").speaker_name == "Pia Lund"


def test_document_subject_shows_without_that():
    q = one(quotes("A new Corvale poll shows Mayor Hanne Voss leading her rival by nine points."),
            "leading her rival")
    assert q.kind == "indirect" and q.cue == "shows"
    assert q.speaker_name.endswith("poll")
    # a person does not "show" a content without "that"
    assert not quotes("Hanne Voss shows visitors around the harbor every Sunday.", people=("Hanne Voss",))


def test_in_the_poll_opening_a_sentence():
    q = one(quotes("In the Corvale poll, Voss led her rival by nine points among likely voters."),
            "led her rival")
    assert q.speaker_name == "the Corvale poll" and q.cue == "In"
    # "In a statement, X said …" is X's, not the statement's
    found = quotes("In a statement, Hanne Voss said the harbor would reopen in May.", people=("Hanne Voss",))
    assert one(found, "harbor would reopen").speaker_name == "Hanne Voss"


def test_nominal_cue_with_possessive_owner():
    text = ("Councilor Bram Okoye spoke at the hearing. Okoye's claim that the tunnel would cost "
            "twice the estimate drew groans from the audience.")
    q = one(quotes(text, people=("Bram Okoye", "Okoye")), "tunnel would cost")
    assert q.speaker_name == "Bram Okoye" and q.cue == "claim"
    assert q.text == "that the tunnel would cost twice the estimate drew groans from the audience"


def test_mixed_quote_with_trailing_attribution_and_a_participle_after_it():
    text = ("Senator Rhea Tamm questioned the bank's chief.\n\n"
            "“You pushed your tellers to the limit” to lift the share price, she said, pointing to "
            "the bank's sales targets.")
    q = one(quotes(text, people=("Rhea Tamm",)), "share price")
    assert q.kind == "partial"
    assert q.text.startswith("“You pushed") and q.text.endswith("share price")
    assert q.speaker_name == "Rhea Tamm"


def test_transcript_label_gives_the_paragraph_to_the_speaker():
    text = ("Governor Lise Tamber spoke with host Ray Quill on Sunday.\n\n"
            "QUILL: Will the toll road open this year?\n\n"
            "TAMBER: Well, look, the contractors tell me September, and I believe them.\n\n"
            "NOTE: This transcript has been edited for length.")
    found = quotes(text, people=("Lise Tamber", "Ray Quill"))
    q = one(found, "contractors tell me")
    assert q.kind == "direct" and q.cue == ":"
    assert q.text == "Well, look, the contractors tell me September, and I believe them."
    assert q.speaker_name == "Lise Tamber"
    assert one(found, "toll road").speaker_name == "Ray Quill"
    assert not [q for q in found if "edited for length" in q.text]


def test_a_cited_headline_with_outlet_and_date_is_not_the_outlet_speaking():
    text = "Sources\n\n“Ferry service cut on the north route” — Harbor Gazette, August 15, 2008"
    assert all(q.speaker_name is None for q in quotes(text, orgs=("Harbor Gazette",)))
