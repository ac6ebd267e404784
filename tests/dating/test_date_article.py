"""Metadata and text together, as the pipeline dates every article, and the one-line
explanation `storyline show` prints."""

from __future__ import annotations

from dating_texts import SPILL

from storyline import dating, pipeline
from storyline.query import explain_date
from storyline.model import Article, Origin, RawDocument



def process(text: str, **raw) -> Article:
    origin = Origin(path="spill.txt", format="txt", crawl_date=raw.pop("crawl_date", None))
    return pipeline.process(RawDocument(origin=origin, content=text, **raw))


def test_pipeline_dates_an_undated_text_and_tags_with_that_date():
    a = process(SPILL)
    assert (a.published.date, a.published.method) == ("2024-02-14", "text")
    by_text = {t.text: t.value for t in a.timexes}
    assert by_text["Tuesday"] == "2024-02-13"       # re-tagged with the final anchor
    assert by_text["Friday"] == "2024-02-16"


def test_metadata_day_wins_over_the_text():
    a = process(SPILL, published="2024-02-15", published_method="feed")
    assert (a.published.date, a.published.method) == ("2024-02-15", "feed")


def test_crawl_date_stays_an_upper_bound_under_a_text_date():
    a = process(SPILL, crawl_date="2024-03-01")
    p = a.published
    assert (p.date, p.method) == ("2024-02-14", "text") and p.latest <= "2024-03-01"
    assert any(e.where == "metadata" and "crawl" in e.note for e in p.evidence)
    early = process(SPILL, crawl_date="2024-02-10").published   # stamp after the crawl: impossible
    assert early.date is None and early.latest == "2024-02-10"


def test_htmldate_year_is_refined_to_the_texts_day():
    article = Article(id="x", origin=Origin("page.html", "html"),
                      published=dating.from_metadata("2024-01-01", "html-text", None),
                      blocks=process(SPILL).blocks)
    p = dating.date_article(article)
    assert (p.date, p.granularity, p.method) == ("2024-02-14", "day", "text")
    assert any("only the year" in (e.note or "") for e in p.evidence)


def test_text_that_adds_nothing_keeps_the_metadata_answer_and_says_why():
    article = process("Council approves budget\n\nThe council voted on Tuesday.",
                      crawl_date="2024-03-06")
    p = article.published
    assert p.date is None and p.method == "warc-crawl" and p.latest == "2024-03-06"
    assert p.evidence[0].note.startswith("crawl date")
    assert "no year" in p.evidence[-1].note


def test_explain_date_text_answer_in_one_line():
    line = explain_date(process(SPILL).published)
    assert "\n" not in line
    assert line.startswith("2024-02-14 (day, text, confidence ")
    assert "from timestamp line 'Updated: Feb. 14, 2024 6:12 a.m.'" in line
    assert "past-tense weekday (1 day before) 'Tuesday'" in line


def test_explain_date_metadata_and_abstentions():
    assert explain_date(process(SPILL, published="2024-02-15", published_method="feed").published) \
        .startswith("2024-02-15 (day, feed, confidence 0.95) from feed date '2024-02-15'")
    crawl = explain_date(process("Council approves budget\n\nThe council voted on Tuesday.",
                                 crawl_date="2024-03-06").published)
    assert crawl.startswith("undated; ? to 2024-03-06") and "no day: the text names days" in crawl
    none = explain_date(process("Council approves budget\n\nThe council voted after a debate."
                                ).published)
    assert none == ("undated: no date in the metadata; the text gives none "
                    "(no time expression in the text)")
