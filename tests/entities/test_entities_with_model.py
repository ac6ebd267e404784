"""find_mentions on a Doc from the real language pipeline (STORYLINE_MODEL if set, else the
shipped model; skipped when no model loads). Model quality varies between checkpoints, so
this checks the contract, not which names the NER finds."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from storyline.entities import find_mentions, resolve

BODY = ("Secretary of State Maria Alvarez met Harris County Judge Ana Ruiz in Riverton on "
        "Monday. The Environmental Protection Agency (EPA) will send inspectors, Alvarez said."
        "\n\nGovernor Tom Weller's press secretary Dana Kim declined to comment. Kim said the "
        "EPA had not called.")


@pytest.fixture(scope="module")
def nlp():
    from storyline import nlp as storyline_nlp

    try:
        return storyline_nlp.load()
    except Exception as e:  # noqa: BLE001 - no model in this checkout
        pytest.skip(f"no language model: {e}")


def test_mentions_from_the_pipeline_keep_the_contract(nlp):
    doc = nlp(BODY)
    found = find_mentions(doc)
    for m in found:
        assert BODY[m.start:m.end] == m.text
        assert m.type in {"PERSON", "ORG", "LOC"}
        assert m.name and m.name[0].isupper()
    assert [m.start for m in found] == sorted(m.start for m in found)
    result = resolve([SimpleNamespace(id="a1", mentions=found)])
    for m in found:
        assert result.entity_id("a1", m.name) is not None
    assert all(e.article_ids == ["a1"] for e in result.entities)
