"""The annotate stage: batched, and a huge body analysed whole in bounded pieces."""

from __future__ import annotations

import copy
import io

import pytest

import storyline
from storyline import annotate as annotate_module
from storyline import nlp
from storyline.annotate import annotate, annotate_many, pieces
from storyline.model import Article, Block, Origin

PARAGRAPHS = [
    "Maria Alvarez, the county judge, said on Monday that the spill claims would be heard in May.",
    '"We will not wait another year," Alvarez said.',
    "Calder Resin Works denied the claims in a statement.",
    "Tom Weller, a spokesman for the Environmental Protection Agency, said the agency "
    "would test the Millbrook River again.",
]


def article(body: str, name: str = "a") -> Article:
    return Article(id=name, origin=Origin(f"{name}.txt", "txt"),
                   blocks=[Block(p) for p in body.split("\n\n")])


def test_pieces_cut_at_paragraph_breaks_and_cover_the_body():
    body = "\n\n".join(PARAGRAPHS * 5)
    parts = pieces(body, 300)
    assert "".join(text for _, text in parts) == body
    assert all(len(text) <= 300 for _, text in parts)
    assert all(body[offset:offset + len(text)] == text for offset, text in parts)
    assert all(text.startswith("\n\n") or offset == 0 for offset, text in parts)
    # a text without breaks is cut at spaces, else at the limit
    assert [len(t) for _, t in pieces("x" * 25, 10)] == [10, 10, 5]


def test_a_batch_annotates_as_one_article_at_a_time_does():
    bodies = ["\n\n".join(PARAGRAPHS[i:] + PARAGRAPHS[:i]) for i in range(4)]
    alone = [annotate(article(b, f"a{i}"), nlp.load()) for i, b in enumerate(bodies)]
    spent = [{} for _ in bodies]
    batch = annotate_many([article(b, f"a{i}") for i, b in enumerate(bodies)], nlp.load(), spent)
    assert [a.to_dict() for a in batch] == [a.to_dict() for a in alone]
    assert all(s["language"] > 0 and "entities" in s and "quotes" in s for s in spent)


def test_a_body_past_the_limit_is_analysed_whole_in_pieces(monkeypatch):
    monkeypatch.setattr(annotate_module, "MAX_CHARS", 400)
    body = "\n\n".join(PARAGRAPHS * 4)
    a = annotate(article(body), nlp.load())
    note = [n for n in a.notes if n.startswith(annotate_module.PIECES_NOTE)]
    assert len(note) == 1 and f"{len(pieces(body))} pieces" in note[0]
    # every offset is the body's, and the last paragraphs are analysed as the first were
    assert all(a.body[m.start:m.end] == m.text for m in a.mentions)
    assert all(a.body[q.start:q.end] == q.text for q in a.quotes)
    assert a.sentences[-1][1] == len(a.body)
    last = len(body) - len(PARAGRAPHS[-1])
    assert any(m.start >= last and m.text == "Tom Weller" for m in a.mentions)
    assert [q.speaker_name for q in a.quotes if q.text == "We will not wait another year"] \
        == ["Maria Alvarez"] * 4                            # every piece, its speaker too
    again = annotate(copy.deepcopy(a), nlp.load())       # the note is not repeated
    assert again.notes == a.notes


def test_the_build_warns_w003_naming_the_file(monkeypatch, tmp_path):
    monkeypatch.setattr(annotate_module, "MAX_CHARS", 400)
    text = tmp_path / "live-blog.txt"
    text.write_text("Spill claims hearing\n\n" + "\n\n".join(PARAGRAPHS * 4))
    err = io.StringIO()
    with storyline.Store(str(tmp_path / "s.db")) as store:
        summary = storyline.build([str(text)], store, stderr=err)
    assert summary.ok and summary.warnings == 1 and summary.problem_codes == {"W003": 1}
    assert summary.articles_added == 1
    assert f"{text}: W003" in err.getvalue() and "pieces" in err.getvalue()


@pytest.mark.parametrize("limit", [1, 7])
def test_pieces_never_loop_on_tiny_limits(limit):
    body = "ab cd\n\nef"
    assert "".join(t for _, t in pieces(body, limit)) == body
