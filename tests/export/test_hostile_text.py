"""Scraped text is hostile input: every export that a browser or a Markdown renderer
shows writes it as text, never as markup, links or script."""

from __future__ import annotations

import json
import re

import pytest

from storyline.model import Article, Block, Event, Origin
from storyline.store import Store

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = "[click me](javascript:alert(1))"


@pytest.fixture
def hostile(tmp_path) -> str:
    db = str(tmp_path / "h.db")
    article = Article(
        id="a1", origin=Origin(path="evil.txt", format="txt", url="javascript:alert(1)"),
        title=f"Council {SCRIPT} vote", source=f"Evil {IMG} Times", byline=f"By {LINK}",
        blocks=[Block(f"The council voted on Tuesday {IMG} and {LINK} then {SCRIPT}."),
                Block(f"Photo: {IMG}", kind="caption", rule="caption-label")],
        content_hash="h1", story_id="s1")
    with Store(db) as store, store.transaction():
        store.articles.put(article)
        store.stories.put("s1", f"Vote <b onmouseover=alert(1)>x</b>", {
            "id": "s1", "title": "Vote <b onmouseover=alert(1)>x</b>", "article_ids": ["a1"],
            "timeline": [vars(Event("2024-03-05", "day", f"Voted {SCRIPT}",
                                    [{"article_id": "a1", "sentence": f"{IMG} {LINK}"}]))]})
    return db


def test_markdown_writes_markup_and_links_as_text(hostile, exported):
    md = exported(hostile, "md")
    assert "<script" not in md and "<img" not in md and "<b " not in md
    assert not re.search(r"(?<!\\)\]\(javascript:", md)        # no link syntax left live
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md       # the text is all still there
    assert "\\[click me\\](javascript:alert(1))" in md


def test_the_html_report_escapes_every_field(hostile, exported):
    html = exported(hostile, "html")
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_timelinejs_links_only_web_addresses_and_escapes_groups(hostile, exported):
    doc = json.loads(exported(hostile, "timelinejs"))
    blob = json.dumps(doc)
    assert "javascript:alert(1)\\\"" not in blob and 'href=\\"javascript' not in blob
    assert all("<" not in e["group"] for e in doc["events"])
    assert all("<script" not in e["text"]["text"] and "<img" not in e["text"]["text"]
               for e in doc["events"])
