"""The exports people open: the HTML report, the Markdown dossier, TimelineJS3 JSON,
one story at a time, built on the example corpus (its largest story has five outlets)."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from storyline import query
from storyline.export import comparison as compare_view
from storyline.export.markdown import comparison_markdown
from storyline.export.report import comparison_html, lede
from storyline.export.timelinejs import STORIES
from storyline.store import Store


class _Page(HTMLParser):
    """Ids, internal links and the text under each <h2>/<h3> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.headings: list[str] = []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.links.append(attrs["href"][1:])
        if tag in ("h2", "h3"):
            self._heading = ""

    def handle_data(self, data):
        if self._heading is not None:
            self._heading += data

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self._heading is not None:
            self.headings.append(self._heading.strip())
            self._heading = None


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def stories(example_db) -> list[dict]:
    with Store(example_db, readonly=True) as store:
        return query.stories(store)


@pytest.fixture(scope="module")
def report(example_db, exported) -> str:
    return exported(example_db, "html")


def test_report_leads_with_the_stories_by_size(report, stories):
    toc = report[:report.index("<section")]
    positions = [toc.index(f"#s-{s['id']}") for s in stories]
    assert positions == sorted(positions)                    # largest first
    page = parsed(report)
    # the stories' sections come before the articles, in the same order
    sections = [i for i in page.ids if re.fullmatch(r"s-[^-]+", i)]
    assert sections == [s["id"] and f"s-{s['id']}" for s in stories]
    assert page.ids.index(f"s-{stories[0]['id']}") < page.ids.index("articles")


def test_every_link_in_the_report_lands_on_something(report):
    page = parsed(report)
    assert page.links and not set(page.links) - set(page.ids)
    assert len(page.ids) == len(set(page.ids))


def test_a_story_section_has_timeline_comparison_people_quotes_and_articles(example_db, report,
                                                                            stories):
    big = stories[0]
    with Store(example_db, readonly=True) as store:
        record = query.story(store, big["id"])
    start = report.index(f"<section class=story id='s-{big['id']}'>")
    section = report[start:report.index("</section>", start)]
    page = parsed(section)
    assert {"Timeline", "How the outlets compare", "People, organizations and places",
            "Who said what", "Articles by outlet"} <= set(page.headings)
    text = unescape(section)
    for entry in record["timeline"]:
        assert entry["text"] in text
    # every source sentence links to its article in the report
    for entry in record["timeline"]:
        for src in entry["sources"]:
            assert f"a-{src['article_id']}" in page.links
    for outlet in record["articles"]:
        assert f"<h4>{outlet} " in text
    named = [g for g in record["quotes"] if g["speaker_name"] != "(speaker unknown)"]
    assert named and named[0]["speaker_name"] in text
    assert "12,000 gallons" in text and "15,000 gallons" in text      # the planted difference


def test_articles_follow_with_their_date_reasons_and_ledes(example_db, report, exported):
    with Store(example_db, readonly=True) as store:
        records = [query.article(store, a.id) for a in store.articles.all()]
    text = unescape(report)
    whole = unescape(exported(example_db, "html", text=True))
    for r in records:
        assert f"id='a-{r['id']}'" in report
        assert r["published"]["explanation"] in text
        assert lede(r["body"]) in text
        assert all(p in whole for p in r["body"].split("\n\n"))
    assert len(whole) > 1.5 * len(report)


def test_a_story_alone(example_db, exported, stories):
    small = stories[1]
    html = exported(example_db, "html", story=small["id"])
    page = parsed(html)
    articles = [i for i in page.ids if i.startswith("a-")]
    assert sorted(articles) == sorted(f"a-{a}" for a in small["article_ids"])
    assert f"s-{small['id']}" in page.ids and f"s-{stories[0]['id']}" not in page.ids
    assert not set(page.links) - set(page.ids)
    doc = json.loads(exported(example_db, "json", story=small["id"]))
    assert [s["id"] for s in doc["stories"]] == [small["id"]]
    assert sorted(a["id"] for a in doc["articles"]) == sorted(small["article_ids"])
    assert {q["article_id"] for q in doc["quotes"]} <= set(small["article_ids"])
    lines = exported(example_db, "jsonl", story=small["id"]).splitlines()
    assert len(lines) == len(small["article_ids"])
    md = exported(example_db, "md", story=small["id"])
    assert md.count("\n## ") == 1 and "### Timeline" in md
    tl = json.loads(exported(example_db, "timelinejs", story=small["id"]))
    assert {e.get("group") for e in tl["events"]} <= {small["title"], None}


def test_a_story_by_words_of_its_name(example_db, exported, stories):
    doc = json.loads(exported(example_db, "json", story="ferry passengers lifeboats"))
    assert doc["stories"][0]["title"].startswith("Fire forces 212 ferry passengers")


def test_small_stories_are_listed_not_drawn(example_db, stories):
    import io
    from storyline.export.report import write_html
    out = io.StringIO()
    with Store(example_db, readonly=True) as store:
        write_html(store, out, full_stories=2, min_articles=3)
    html = out.getvalue()
    page = parsed(html)
    drawn = [s for s in stories if f"<section class=story id='s-{s['id']}'>" in html]
    assert [s["id"] for s in drawn] == [s["id"] for s in stories[:2]]
    assert "More stories" in page.headings
    for s in stories[2:]:
        assert f"s-{s['id']}" in page.ids                          # its row in the list
        assert f"a-{s['article_ids'][0]}" in page.links


# -- the Markdown dossier -----------------------------------------------------------------------


def test_markdown_is_a_dossier_per_story(example_db, exported, stories):
    md = exported(example_db, "md")
    big = stories[0]
    assert md.startswith("# storyline dossier\n")
    assert f"## {big['title']}\n" in md
    for heading in ("### Timeline", "### How the outlets compare", "### People, organizations",
                    "### Who said what", "### Articles"):
        assert heading in md
    assert "12,000 gallons" in md
    with Store(example_db, readonly=True) as store:
        bodies = [a.body for a in store.articles.all()]
    # ledes, not whole texts: a later paragraph of an article is not there
    later = [b.split("\n\n")[2] for b in bodies if b.count("\n\n") >= 3]
    assert later and not any(p in md for p in later)
    whole = exported(example_db, "md", text=True)
    assert "## Article texts" in whole and all(p in whole for p in later)
    assert len(md.splitlines()) < len(whole.splitlines()) / 2


def test_markdown_contents_link_to_anchors(example_db, exported):
    md = exported(example_db, "md")
    targets = re.findall(r"\]\(#(s-[\w-]+)\)", md)
    anchors = re.findall(r'<a id="(s-[\w-]+)"></a>', md)
    assert targets and targets == anchors


# -- TimelineJS3 --------------------------------------------------------------------------------


def test_timelinejs_document_has_what_timelinejs_requires(example_db, exported):
    doc = json.loads(exported(example_db, "timelinejs"))
    assert doc["events"], "TimelineJS refuses a document without events"
    ids = [e["unique_id"] for e in doc["events"]]
    assert len(ids) == len(set(ids))
    for e in doc["events"]:
        assert set(e["start_date"]) <= {"year", "month", "day"} and "year" in e["start_date"]
        assert all(isinstance(v, str) for v in e["start_date"].values())
        assert {"headline", "text"} <= set(e["text"])
        if "end_date" in e:
            assert e["end_date"] != e["start_date"]
    for era in doc["eras"]:
        assert era["start_date"] and era["end_date"] and era["text"]["headline"]
    assert len({e.get("group") for e in doc["events"]}) <= STORIES


def test_timelinejs_without_entries_shows_the_articles(tmp_path, exported):
    from storyline.model import Article, Origin, Published
    db = str(tmp_path / "t.db")
    with Store(db) as store, store.transaction():
        a = Article(id="a1", origin=Origin(path="x.txt", format="txt"), title="Quiet day",
                    source="Ledger", published=Published(date="2024-05-01", granularity="day"),
                    content_hash="h", story_id="s1")
        store.articles.put(a)
        store.stories.put("s1", "Quiet", {"id": "s1", "title": "Quiet", "article_ids": ["a1"],
                                          "timeline": []})
    doc = json.loads(exported(db, "timelinejs"))
    assert [e["start_date"] for e in doc["events"]] == [{"year": "2024", "month": "5", "day": "1"}]


# -- the comparison ---------------------------------------------------------------------------------


RECORD = {
    "differences": [
        {"kind": "number", "thing": "amount leaked a day", "unit": "litre/day",
         "when": "2010-04-29", "confidence": 0.42,
         "accounts": [{"outlet": "BBC", "article_id": "a1", "date": "2010-04-29",
                       "value": "between 1,000 and 5,000 barrels a day", "said_by": "Doug Suttles",
                       "sentence": "Mr Suttles estimated something between 1,000 and 5,000 barrels"},
                      {"outlet": "Guardian", "article_id": "a2", "date": "2010-04-29",
                       "value": "5,000 barrels a day", "said_by": None,
                       "sentence": "Experts now estimate that 5,000 barrels a day are spilling"}]}],
    "series": [{"thing": "amount leaked a day", "unit": "litre/day", "confidence": 0.44,
                "points": [{"outlet": "Fox", "article_id": "a3", "date": "2010-04-24",
                            "value": "1,000 barrels a day", "said_by": None, "sentence": "..."}]}],
    "sources": {"BBC": [{"speaker": "Tony Hayward", "entity": "e1", "quotes": 3}]},
    "outlets": {"BBC": {"articles": ["a1"], "events": [0], "exclusive": []}},
    "exclusive": [],
}


def test_comparison_view_reads_the_record():
    v = compare_view.view(RECORD)
    number = v["differences"][0]
    assert number["kind"] == "number" and number["confidence"] == 0.42
    assert [(a["outlet"], a["value"]) for a in number["accounts"]] == [
        ("BBC", "between 1,000 and 5,000 barrels a day"), ("Guardian", "5,000 barrels a day")]
    assert number["accounts"][0]["sources"] == [{"article_id": "a1", "sentence":
                                                 "Mr Suttles estimated something between 1,000 "
                                                 "and 5,000 barrels"}]
    assert [d["kind"] for d in v["differences"]] == ["number", "series"]
    assert v["sources_by_outlet"] == [{"outlet": "BBC",
                                       "sources": [{"name": "Tony Hayward", "count": 3}]}]
    html = comparison_html(RECORD, lambda aid, text: f"<a href='#a-{aid}'>{text}</a>")
    assert "Figures revised over the story" in html and "crediting Doug Suttles" in html
    assert "confidence 0.42" in html and "Tony Hayward (3)" in html
    md = comparison_markdown(RECORD)
    assert "5,000 barrels a day" in md and "(`a2`)" in md


@pytest.mark.parametrize("partial", [None, {}, {"outlets": {"A": {"articles": ["x"]}}},
                                     {"differences": [], "note": "compared by an older storyline"}])
def test_a_record_missing_parts_shows_what_it_has(partial):
    html = comparison_html(partial, lambda aid, text: text or "")
    md = comparison_markdown(partial)
    assert isinstance(html, str) and isinstance(md, str)


def test_comparison_escapes_what_it_shows():
    c = {"differences": [{"kind": "number", "thing": "<script>x</script>", "confidence": 0.2,
                          "accounts": [{"outlet": "<img src=x onerror=alert(1)>",
                                        "value": "<i>1</i>", "sentence": "<b>s</b>"}]}]}
    html = comparison_html(c, lambda aid, text: text or "")
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html
