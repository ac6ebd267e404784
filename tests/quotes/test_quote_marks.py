"""The plain-text layer: paragraphs, sentences, quote-mark spans."""

from __future__ import annotations

from storyline.quotes.marks import paragraphs, quote_spans, sentences


def spans(text: str):
    (ps, pe), = paragraphs(text)
    return [text[m.start:m.end] for m in quote_spans(text, ps, pe)]


def test_paragraph_offsets():
    text = "One.\n\nTwo two.\n\n\n\nThree."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two two.", "Three."]


def test_sentences_skip_abbreviations_and_initials():
    text = "Sen. Ana Ruiz met J. Park in the U.S. capital. They talked. “Fine,” she said."
    got = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert got == ["Sen. Ana Ruiz met J. Park in the U.S. capital.", "They talked.", "“Fine,” she said."]


def test_curly_straight_and_single_marks():
    assert spans("“A b,” she said. “C d.”") == ["A b,", "C d."]
    assert spans('"A b," she said.') == ["A b,"]
    assert spans("He called it a ‘reckless gamble’ and left.") == ["reckless gamble"]
    assert spans("It's Weller's plan from the '90s.") == []


def test_unclosed_quote_runs_to_paragraph_end():
    text = "“We will go on and on"
    (ps, pe), = paragraphs(text)
    (m,) = quote_spans(text, ps, pe)
    assert m.close_at is None and text[m.start:m.end] == "We will go on and on"


def test_odd_marks_never_fail():
    for text in ["”", "“", '"', "“”", "a ” b “ c", '"""', "‘", "’’’", "“ ” “", "x\u201c\u201c\u201dy"]:
        for ps, pe in paragraphs(text) or [(0, len(text))]:
            for m in quote_spans(text, ps, pe):
                assert 0 <= m.start <= m.end <= len(text)
