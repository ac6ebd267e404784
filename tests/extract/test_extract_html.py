"""Whole pages through `extract_html` and the pipeline: text, title and the page's date
with its method; fragments told apart from whole pages. Fixtures written for these tests."""

from __future__ import annotations

from storyline import extract, pipeline
from storyline.model import Origin, RawDocument

PARAGRAPHS = (
    "<p>The Riverton city council voted six to one on Tuesday night to approve a budget that "
    "raises water rates by nine percent, the first increase in five years.</p>"
    "<p>Council member Ana Ruiz, the lone no vote, said the increase would hit renters hardest "
    "and asked city staff to study a discount for low-income households before July.</p>"
    "<p>Mayor Dan Whitfield said the money would pay for replacing lead service lines on the "
    "east side, work the state has ordered finished by 2027.</p>")


def whole_page(head: str, body: str) -> str:
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">{head}</head>"
            f"<body>{body}</body></html>")


UTC_AND_LOCAL = whole_page(
    '<title>Council approves water rate increase</title>'
    '<meta property="article:published_time" content="2024-03-06T02:20:00+00:00">'
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    ' "headline": "Council approves water rate increase",'
    ' "datePublished": "2024-03-05T21:20:00-05:00"}</script>',
    "<article><h1>Council approves water rate increase</h1>"
    '<p class="byline">By Sam Ortiz</p>' + PARAGRAPHS + "</article>")


def test_a_page_is_dated_in_its_own_offset():
    page = extract.extract_html(UTC_AND_LOCAL)
    assert (page.date, page.date_method) == ("2024-03-05", "html-meta")
    assert "offset" in page.date_reason
    assert page.title == "Council approves water rate increase"
    assert any("lead service lines" in p for p in page.paragraphs)


def test_a_printed_date_over_a_generic_meta_date_through_the_pipeline():
    html = whole_page(
        '<title>Council approves water rate increase</title><meta name="date" content="2024-03-09">',
        "<article><h1>Council approves water rate increase</h1>"
        "<div>Published: 05.03.2024</div>" + PARAGRAPHS + "</article>")
    page = extract.extract_html(html)
    assert (page.date, page.date_method) == ("2024-03-05", "html-shown")
    raw = RawDocument(origin=Origin(path="council.html", format="html"), content=html, markup="html")
    p = pipeline.process(raw).published
    assert (p.date, p.method, p.confidence, p.granularity) == ("2024-03-05", "html-shown", 0.85, "day")


def test_a_page_with_no_main_text_keeps_its_date_and_title():
    html = whole_page(
        '<title>Photos: the flood</title>'
        '<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">',
        '<div class="gallery"><img src="a.jpg"><img src="b.jpg"></div>')
    page = extract.extract_html(html)   # trafilatura finds no document in it
    assert page.paragraphs == []
    assert (page.date, page.date_method, page.title) == ("2024-03-05", "html-meta", "Photos: the flood")


def test_a_page_opening_with_a_long_style_block_is_a_whole_page():
    html = ("<style>" + ".c{color:red}\n" * 3000 + "</style>"
            + whole_page("<title>Budget</title>", "<h1>Budget</h1>" + PARAGRAPHS))
    assert len(html) > 40000 and html.index("<html") > 20000
    assert extract.is_whole_page(html)
    assert not extract.is_whole_page(PARAGRAPHS)
    raw = RawDocument(origin=Origin(path="budget.html", format="html"), content=html, markup="html")
    article = pipeline.process(raw)
    assert article.title == "Budget"   # through trafilatura, not read as a fragment
