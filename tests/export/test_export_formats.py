"""Exports: json (the DESIGN.md contract), jsonl, csv, md and a one-file html report."""

from __future__ import annotations

import csv
import io
import json
import re
from html import escape
from html.parser import HTMLParser

import pytest

import storyline
from storyline import export
from storyline.export import CSV_COLUMNS
from storyline.store import Store

# The contract from DESIGN.md: field names users and tests rely on (more fields are welcome).
ARTICLE_KEYS = {"id", "path", "url", "source", "title", "dateline", "byline", "published", "body",
                "removed", "timexes", "story_id"}
PUBLISHED_KEYS = {"date", "earliest", "latest", "granularity", "method", "confidence", "evidence",
                  "likely_earliest", "likely_latest", "likely_confidence"}
REMOVED_KEYS = {"text", "kind"}
TIMEX_KEYS = {"text", "start", "end", "type", "value"}
STORY_KEYS = {"id", "title", "article_ids", "timeline"}
EVENT_KEYS = {"date", "granularity", "text", "sources"}
SOURCE_KEYS = {"article_id", "sentence"}
ENTITY_KEYS = {"id", "name", "type", "aliases", "roles", "article_ids"}
QUOTE_KEYS = {"id", "article_id", "text", "speaker", "speaker_name", "kind", "start", "end",
              "evidence"}

SETTLEMENT = "Calder agrees to pay $41.5 million to settle Riverton spill claims"


def render(db, fmt: str) -> str:
    out = io.StringIO()
    with Store(str(db)) as store:
        export.write(store, fmt, out)
    return out.getvalue()


@pytest.fixture
def records(built) -> dict:
    return json.loads(render(built, "json"))


def by_title(items: list[dict]) -> dict[str, dict]:
    return {a["title"]: a for a in items}


def test_json_contract(records):
    assert set(records) == {"articles", "entities", "quotes", "stories", "corrections"}
    assert len(records["articles"]) == 4
    for a in records["articles"]:
        assert ARTICLE_KEYS <= set(a), ARTICLE_KEYS - set(a)
        assert PUBLISHED_KEYS <= set(a["published"])
        assert isinstance(a["removed"], list) and isinstance(a["timexes"], list)
        for r in a["removed"]:
            assert REMOVED_KEYS <= set(r)
        for t in a["timexes"]:
            assert TIMEX_KEYS <= set(t)
        for e in a["published"]["evidence"]:
            assert "text" in e
        date = a["published"]["date"]
        assert date is None or re.fullmatch(r"\d{4}-\d\d-\d\d", date)
        assert a["body"] and all(p.strip() for p in a["body"].split("\n\n"))
    for e in records["entities"]:
        assert ENTITY_KEYS <= set(e)
    for q in records["quotes"]:
        assert QUOTE_KEYS <= set(q)


def test_json_values(records):
    a = by_title(records["articles"])[SETTLEMENT]
    assert a["source"] == "riverton-ledger"
    assert a["path"].endswith("2024-06-27-calder-settles.txt")
    assert a["dateline"] == "RIVERTON, Ore. (AW) —"
    assert a["byline"] == "By SAM ORTIZ | Associated Wire"
    assert a["published"]["date"] == "2024-06-27"
    assert a["published"]["method"] == "path" and a["published"]["granularity"] == "day"
    assert a["published"]["evidence"][0]["text"] == "2024-06-27"
    assert a["body"].startswith("Calder Resin Works agreed on Thursday to pay $41.5 million")
    assert a["body"].count("\n\n") == 3          # four body paragraphs, blank-line separated
    kinds = {r["text"]: r["kind"] for r in a["removed"]}
    assert kinds["Sign up for The Morning Ledger newsletter at riverledger.com/newsletters"] == "promo"
    assert kinds["Tell us in the comments: should the settlement have been larger?"] == "engagement"
    assert kinds["Workers pump solvent out of a drainage ditch near the Calder plant, Feb. 13, 2024. (Riverton Ledger/Jane Roe)"] == "caption"
    assert kinds["SEE ALSO: Judge keeps county's spill lawsuit alive, orders Calder into mediation"] \
        == "related"
    assert kinds["Salem library bond campaign kicks off"] == "teaser"
    assert a["story_id"] in {s["id"] for s in records["stories"]}
    page = by_title(records["articles"])["Riverton council approves water plant upgrade"]
    assert page["url"] == "https://riverledger.example/news/council-water-plant"
    assert page["published"]["method"] == "html-meta"


def test_json_stories(records):
    stories = records["stories"]
    # Every article is in exactly one story, and the articles say which.
    held = sorted(i for story in stories for i in story["article_ids"])
    assert held == sorted(a["id"] for a in records["articles"])
    story_of = {i: story["id"] for story in stories for i in story["article_ids"]}
    assert all(a["story_id"] == story_of[a["id"]] for a in records["articles"])
    for story in stories:
        assert STORY_KEYS <= set(story) and story["title"]
        for event in story["timeline"]:
            assert EVENT_KEYS <= set(event)
            for source in event["sources"]:
                assert SOURCE_KEYS <= set(source) and source["article_id"] in story["article_ids"]
    assert any(story["timeline"] for story in stories)


def test_json_entities_and_quotes(records):
    entities = {e["id"]: e for e in records["entities"]}
    assert entities, "the sample articles name people"
    for e in entities.values():
        assert {"id", "name", "type", "aliases", "roles", "article_ids"} <= set(e)
        assert e["type"] in {"PERSON", "ORG", "LOC"} and e["article_ids"]
    quotes = records["quotes"]
    assert quotes, "the sample articles quote people"
    article_ids = {a["id"] for a in records["articles"]}
    for q in quotes:
        assert {"id", "article_id", "text", "speaker", "speaker_name", "kind", "start", "end",
                "evidence"} <= set(q)
        assert q["article_id"] in article_ids and q["kind"] in {"direct", "partial", "indirect"}
        assert q["speaker"] is None or q["speaker"] in entities
    bodies = {a["id"]: a["body"] for a in records["articles"]}
    assert all(bodies[q["article_id"]][q["start"]:q["end"]] == q["text"] for q in quotes)


def test_json_of_an_empty_store(db_path):
    Store(str(db_path)).close()
    assert json.loads(render(db_path, "json")) == {"articles": [], "entities": [], "quotes": [],
                                                   "corrections": [],
                                                   "stories": []}


def test_jsonl_is_one_article_per_line(built, records):
    lines = render(built, "jsonl").splitlines()
    assert len(lines) == 4
    parsed = [json.loads(line) for line in lines]
    assert parsed == records["articles"]


def test_csv_parses_with_its_header(built, records):
    text = render(built, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    assert len(rows) == 4
    row = by_title(rows)[SETTLEMENT]
    expected = by_title(records["articles"])[SETTLEMENT]
    assert row["id"] == expected["id"]
    assert row["body"] == expected["body"]                 # multi-line cells survive
    assert int(row["removed_lines"]) == len(expected["removed"])
    assert row["published_date"] == "2024-06-27" and row["published_method"] == "path"
    assert float(row["published_confidence"]) == pytest.approx(0.8)


def test_markdown_has_titles_and_removed_lines(built, records):
    dossier = render(built, "md")
    for a in records["articles"]:
        assert f"**{a['title']}**" in dossier                  # in its story's article list
    assert "*promo*" not in dossier                              # no removed lines in a dossier
    out = io.StringIO()
    with Store(str(built)) as store:
        export.write(store, "md", out, text=True)
    md = out.getvalue()
    for a in records["articles"]:
        assert f"### {a['title']}\n" in md
    assert "- *promo*: Sign up for The Morning Ledger newsletter at riverledger.com/newsletters" in md
    assert "- *teaser*: Ironclads head to nationals in Houston" in md
    assert "*RIVERTON, Ore. (AW) —*" in md


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("text", [False, True])
def test_html_is_one_self_contained_file(built, records, text):
    out = io.StringIO()
    with Store(str(built)) as store:
        export.write(store, "html", out, text=text)
    html = out.getvalue()
    parser = _Collect()
    parser.feed(html)
    tags = parser.tags
    assert not [t for t, a in tags if t == "script"]
    assert not [a for t, a in tags if t == "link"]                 # no external stylesheet
    assert not [a for t, a in tags if "src" in a]                  # no images, frames, scripts
    assert "@import" not in html and "url(" not in html
    assert [t for t, _ in tags].count("style") == 1
    for a in records["articles"]:
        assert escape(a["title"]) in html
    assert "2024-06-27" in html
    promo = "Sign up for The Morning Ledger newsletter at riverledger.com/newsletters"
    if text:         # the whole text, and each removed line with its kind
        assert promo in html and "k-promo" in html and "k-teaser" in html
        assert escape("SEE ALSO: Judge keeps county's spill lawsuit alive") in html
    else:            # the first paragraph, and how many lines of each kind were removed
        assert promo not in html and "promo 1" in html


def test_html_lists_stories_and_problems(built, corpus):
    (corpus / "empty.txt").write_bytes(b"")
    with Store(str(built)) as store:
        ids = [a.id for a in store.articles.all()]
        storyline.build([str(corpus)], store, stderr=None)
    with Store(str(built)) as store:
        stories = store.stories.all()
    html = render(built, "html")
    assert all(escape(s.title) in html and s.id in html for s in stories)
    assert "Problems in the last build" in html
    # Each problem with its code, the code's message, and where.
    assert re.search(r"<td>E002</td><td>empty file \(skipped\)<div class=sub>"
                     + re.escape(escape(str(corpus / "empty.txt"))) + "</div>", html)
    assert "E002 empty file (1)" in html


def test_unknown_format(built):
    with pytest.raises(ValueError, match="unknown format"):
        render(built, "docx")
    assert set(export.FORMATS) >= {"json", "jsonl", "csv", "md", "html"}
