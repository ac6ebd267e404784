"""A page's headline as printed, its authors and every title candidate, through
`extract_html` and the pipeline; a page with a title and a date but no text is kept.
Fixtures written for these tests."""

from __future__ import annotations

import pytest

from storyline import extract, pipeline
from storyline.model import Origin, RawDocument

TEXT = ("<p>The Riverton city council voted six to one on Tuesday night to approve a budget "
        "that raises water rates by nine percent, the first increase in five years.</p>"
        "<p>Council member Ana Ruiz, the lone no vote, said the increase would hit renters "
        "hardest and asked city staff to study a discount for low-income households.</p>")


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body>{body}</body></html>"


SEO = page(
    '<title>Riverton raises water rates 9% - The Riverton Ledger</title>'
    '<meta property="og:title" content="Riverton raises water rates 9%">'
    '<meta property="og:site_name" content="The Riverton Ledger">'
    '<meta name="author" content="https://ledger.example/people/jo-bell">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Riverton raises '
    'water rates 9%", "datePublished": "2024-03-05", "author": [{"@type": "Person", "name": '
    '"JO BELL"}, {"@type": "Person", "name": "Sam Ortiz"}], "publisher": {"@type": '
    '"Organization", "name": "The Riverton Ledger"}}</script>',
    '<header><h1>The Riverton Ledger</h1></header><article><h1>Council raises Riverton water '
    'rates nine percent, first rise in five years</h1><p class="byline">By Jo Bell and Sam '
    'Ortiz</p>' + TEXT + "</article>")


def test_the_printed_headline_and_the_authors_of_a_page():
    found = extract.extract_html(SEO, url="https://ledger.example/2024/03/05/rates")
    assert found.title == "Council raises Riverton water rates nine percent, first rise in " \
                          "five years"
    assert found.authors == ["Jo Bell", "Sam Ortiz"] and found.authors_from == "json-ld"
    sources = [e.where for e in found.title_evidence]
    assert sources == ["h1", "h1", "json-ld headline", "og:title", "title"]
    chosen = [e for e in found.title_evidence if e.note]
    assert len(chosen) == 1 and chosen[0].where == "h1"


def test_the_article_keeps_title_evidence_and_authors():
    raw = RawDocument(origin=Origin(path="rates.html", format="html"), content=SEO,
                      markup="html")
    article = pipeline.read_article(raw)
    assert article.title.startswith("Council raises Riverton water rates")
    assert article.authors == ["Jo Bell", "Sam Ortiz"]
    assert len(article.title_evidence) == 5
    again = type(article).from_dict(article.to_dict())
    assert again.authors == article.authors and again.title_evidence == article.title_evidence


def test_without_h1_the_site_name_is_cut_from_the_title():
    html = page('<title>Valve failure shuts water plant | The Riverton Ledger</title>'
                '<meta property="og:site_name" content="The Riverton Ledger">',
                "<article>" + TEXT + "</article>")
    found = extract.extract_html(html)
    assert found.title == "Valve failure shuts water plant"
    assert "cut '| The Riverton Ledger'" in found.title_evidence[0].note


NO_TEXT = page(
    '<title>Photos: the flood in pictures | Riverton Ledger</title>'
    '<meta property="article:published_time" content="2024-03-05T09:00:00-05:00">',
    "<h1>Photos: the flood in pictures</h1><div><img src=a.jpg></div>")


def test_a_page_with_a_title_and_date_but_no_text_is_kept_and_flagged():
    article = pipeline.process(RawDocument(origin=Origin(path="p.html", format="html"),
                                           content=NO_TEXT, markup="html"), model=None)
    assert article.title == "Photos: the flood in pictures"
    assert article.published.date == "2024-03-05"
    assert article.body == "" and pipeline.NO_TEXT in article.notes


def test_its_json_ld_article_body_is_its_text():
    html = NO_TEXT.replace("</head>", '<script type="application/ld+json">{"@type": '
                           '"NewsArticle", "articleBody": "The river crested at 31 feet on '
                           'Tuesday, the highest since 1997, and the county closed two bridges '
                           'until the water goes down."}</script></head>')
    article = pipeline.process(RawDocument(origin=Origin(path="p.html", format="html"),
                                           content=html, markup="html"), model=None)
    assert "river crested at 31 feet" in article.body
    assert pipeline.NO_TEXT not in article.notes


def test_a_page_without_text_nor_date_is_still_no_article():
    html = page("<title>Section front</title>", "<h1>Sports</h1><ul><li>Scores</li></ul>")
    with pytest.raises(pipeline.NoArticleText):
        pipeline.read_article(RawDocument(origin=Origin(path="s.html", format="html"),
                                          content=html, markup="html"))


def test_feed_and_dump_titles_lose_the_site_name_and_keep_their_authors():
    raw = RawDocument(origin=Origin(path="f.rss", format="feed", url="https://ledger.example/a"),
                      content="The river crested at 31 feet on Tuesday, the highest since 1997.",
                      title="River crests at 31 feet - Riverton Ledger", source="Riverton Ledger",
                      byline="jo@ledger.example (Jo Bell)", authors=["Jo Bell", "Sam Ortiz"])
    article = pipeline.read_article(raw)
    assert article.title == "River crests at 31 feet"
    assert article.authors == ["Jo Bell", "Sam Ortiz"]
    assert article.title_evidence[0].where == "feed"
    dump = RawDocument(origin=Origin(path="d.jsonl", format="jsonl", locator="line=1"),
                       content="The river crested at 31 feet on Tuesday, the highest since 1997.",
                       title="River crests", byline="By RACHEL DUNMORE | Riverton Ledger")
    assert pipeline.read_article(dump).authors == ["Rachel Dunmore"]


def test_a_text_byline_gives_the_authors():
    raw = RawDocument(origin=Origin(path="a.txt", format="txt"),
                      content="River crests at 31 feet\n\nBy RACHEL DUNMORE | Riverton Ledger\n\n"
                              "The river crested at 31 feet on Tuesday, the highest since 1997, "
                              "officials said.")
    article = pipeline.read_article(raw)
    assert article.title == "River crests at 31 feet"
    assert article.authors == ["Rachel Dunmore"]


def test_a_live_pages_byline_names_more_writers_than_its_metadata():
    html = page('<title>Storm live: river crests | Ledger</title>'
                '<script type="application/ld+json">{"@type": "LiveBlogPosting", "headline": '
                '"Storm live: river crests", "author": {"@type": "Person", "name": "Jo Bell"}}'
                '</script>',
                '<h1>Storm live: river crests</h1><p class="article-byline">By Jo Bell, Sam Ortiz '
                'and Ana Ruiz</p>' + TEXT)
    found = extract.extract_html(html)
    assert found.authors == ["Jo Bell", "Sam Ortiz", "Ana Ruiz"] and found.authors_from == "byline"
