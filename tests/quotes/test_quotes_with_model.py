"""End to end with the language model (skipped when no model can be loaded)."""

from __future__ import annotations

import pytest

from storyline.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    from storyline import nlp as storyline_nlp
    from storyline.errors import StorylineError

    try:
        return storyline_nlp.load()
    except (StorylineError, OSError) as e:   # pragma: no cover - depends on the install
        pytest.skip(f"no language model: {e}")


TEXT = ("Mayor Maria Alvarez defended the water plan on Tuesday.\n\n"
        "“We will not back down,” Alvarez said. “The plant stays open.”\n\n"
        "Tom Weller, the council’s treasurer, said the plan would cost $40 million.")


def test_direct_quotes_and_speaker(nlp):
    found = find_quotes(nlp(TEXT), [])
    texts = [q.text for q in found]
    assert "We will not back down" in texts
    back_down = next(q for q in found if q.text == "We will not back down")
    assert "Alvarez" in (back_down.speaker_name or "")
    for q in found:
        assert TEXT[q.start:q.end] == q.text


def test_indirect_quote(nlp):
    found = find_quotes(nlp(TEXT), [])
    cost = [q for q in found if "cost $40 million" in q.text]
    assert cost and cost[0].kind == "indirect"
