"""The per-article pipeline: which extractor runs on what, dates from metadata with their
provenance, stable ids, and the same results on any executor."""

from __future__ import annotations

import copy

import pytest

import storyline
from storyline import clean, dating, extract
from storyline.executor import ProcessExecutor, SerialExecutor, make_executor
from storyline.model import Origin, RawDocument
from storyline.pipeline import NoArticleText, article_id, process

FRAGMENT = ("<p>The chief executive of Calder Resin Works apologized to state senators on Tuesday "
            "for the February chemical spill.</p>"
            "<p>\"It was inexcusable,\" Philip Marsh told the Senate Environment Committee.<br>"
            "\"We own it.\"</p>"
            "<figure><img src=\"valve.jpg\"><figcaption>The failed valve at the Calder plant. "
            "(Capitol Dispatch/Maria Lopez)</figcaption></figure>"
            "<script>trackPageView()</script>"
            "<p>Senators pressed Marsh on why a corroded valve flagged in three inspections was "
            "never replaced.</p>")


@pytest.fixture
def spy(monkeypatch):
    """Record calls to the extraction and cleaning steps the pipeline uses."""
    calls: dict[str, list] = {"extract_html": [], "fragment_paragraphs": [], "split_paragraphs": [],
                              "clean_paragraphs": []}

    def wrap(module, name):
        original = getattr(module, name)

        def wrapper(*args, **kwargs):
            result = original(*args, **kwargs)
            calls[name].append((args, kwargs, result))
            return result

        monkeypatch.setattr(module, name, wrapper)

    wrap(extract, "extract_html")
    wrap(extract, "fragment_paragraphs")
    wrap(clean, "split_paragraphs")
    wrap(clean, "clean_paragraphs")
    return calls


def raw_page(texts, **origin) -> RawDocument:
    return RawDocument(origin=Origin(path="pages/council.html", format="html", **origin),
                       content=texts.page, markup="html")


def test_a_whole_page_goes_through_trafilatura_then_the_cleaner(spy, texts):
    article = process(raw_page(texts))
    [(args, kwargs, page)] = spy["extract_html"]
    assert args[0] == texts.page
    assert not spy["fragment_paragraphs"] and not spy["split_paragraphs"]
    [(args, kwargs, blocks)] = spy["clean_paragraphs"]
    assert args[0] == page.paragraphs                       # trafilatura's paragraphs ...
    assert kwargs["markup_hint"] == "html"                  # ... cleaned as HTML output
    assert kwargs["title"] == "Riverton council approves water plant upgrade"   # from metadata
    assert article.blocks == blocks
    promo = [b for b in article.blocks if b.kind == "promo"]
    assert [b.text for b in promo] == [
        "Sign up for The Morning Ledger newsletter at riverledger.com/newsletters"]
    assert promo[0].rule == "promo-newsletter"
    assert "newsletter" not in article.body
    assert article.body.startswith("The Riverton City Council voted 6-1")


def test_a_feed_fragment_goes_through_fragment_paragraphs(spy):
    raw = RawDocument(origin=Origin(path="feeds/dispatch.rss", format="feed", locator="entry=1"),
                      content=FRAGMENT, markup="html", title="Senate panel grills Calder chief",
                      published="2024-03-05T18:20:00Z", published_method="feed")
    article = process(raw)
    assert not spy["extract_html"]
    [(args, _, paragraphs)] = spy["fragment_paragraphs"]
    assert args[0] == FRAGMENT
    assert paragraphs == [
        "The chief executive of Calder Resin Works apologized to state senators on Tuesday for "
        "the February chemical spill.",
        "\"It was inexcusable,\" Philip Marsh told the Senate Environment Committee.",
        "\"We own it.\"",
        "The failed valve at the Calder plant. (Capitol Dispatch/Maria Lopez)",
        "Senators pressed Marsh on why a corroded valve flagged in three inspections was never "
        "replaced.",
    ]
    assert "trackPageView" not in " ".join(paragraphs)
    [(_, kwargs, _)] = spy["clean_paragraphs"]
    assert kwargs["markup_hint"] == "html"
    assert [b.kind for b in article.blocks if b.text.startswith("The failed valve")] == ["caption"]
    assert article.title == "Senate panel grills Calder chief"


def test_plain_text_goes_through_split_paragraphs(spy, texts):
    raw = RawDocument(origin=Origin(path="ledger/bridge.txt", format="txt"), content=texts.bridge)
    article = process(raw)
    assert not spy["extract_html"] and not spy["fragment_paragraphs"]
    [(args, _, paragraphs)] = spy["split_paragraphs"]
    assert args[0] == texts.bridge and len(paragraphs) == 4
    [(_, kwargs, _)] = spy["clean_paragraphs"]
    assert kwargs["markup_hint"] == "text" and kwargs["title"] is None
    assert article.title == "Millbrook Street bridge reopens after four months of repairs"


def test_a_page_without_an_article_raises(texts):
    with pytest.raises(NoArticleText, match="none reads as an article sentence"):
        process(RawDocument(origin=Origin(path="sections.html", format="html"), content=texts.nav,
                            markup="html"))
    with pytest.raises(NoArticleText, match="no main text"):
        process(RawDocument(origin=Origin(path="blank.html", format="html"),
                            content="<html><body></body></html>", markup="html"))


def test_short_texts_from_feeds_and_dumps_are_kept():
    # only whole pages are checked for article text; a one-line dataset record is an article
    raw = RawDocument(origin=Origin(path="dump.jsonl", format="jsonl", locator="line=1"),
                      content="<p>Riverton lifted its water order.</p><p>More soon</p>",
                      markup="html", title="Water order lifted")
    assert process(raw).body.startswith("Riverton lifted its water order.")


# -- dates from metadata -----------------------------------------------------------------------------


@pytest.mark.parametrize("found, method, confidence, where", [
    ("Tue, 05 Mar 2024 18:20:00 GMT", "feed", 0.95, "metadata"),
    ("2024-03-05T09:30:00Z", "dataset", 0.95, "metadata"),
    ("2024-03-05", "path", 0.8, "path"),
])
def test_metadata_dates_carry_their_provenance(found, method, confidence, where):
    raw = RawDocument(origin=Origin(path="x/2024-03-05-story.txt", format="txt"),
                      content="Council approves budget\n\nThe council voted on Tuesday to approve "
                              "the budget.", published=found, published_method=method)
    p = process(raw).published
    assert (p.date, p.earliest, p.latest, p.granularity) == ("2024-03-05",) * 3 + ("day",)
    assert p.method == method and p.confidence == confidence
    [evidence] = p.evidence
    assert evidence.text == found and evidence.where == where and method in evidence.note


def test_page_date_from_html_meta(texts):
    p = process(raw_page(texts)).published
    assert (p.date, p.method, p.confidence) == ("2024-03-05", "html-meta", 0.9)
    assert p.evidence[0].where == "metadata"


def test_container_date_beats_the_page_date(texts):
    raw = raw_page(texts)
    raw.published, raw.published_method = "2024-03-04", "feed"
    assert process(raw).published.method == "feed"
    assert process(raw).published.date == "2024-03-04"


def test_crawl_date_is_only_an_upper_bound():
    raw = RawDocument(origin=Origin(path="c.warc", format="warc", locator="record=2",
                                    crawl_date="2024-03-06"),
                      content="Council approves budget\n\nThe council voted on Tuesday.")
    p = process(raw).published
    assert p.date is None and p.latest == "2024-03-06" and p.earliest is None
    assert p.method == "warc-crawl" and p.confidence == 0.0
    assert "on or before" in p.evidence[0].note
    later = dating.from_metadata("2024-03-09", "dataset", "2024-03-06")
    assert later.date is None and later.latest == "2024-03-06"
    assert "2024-03-09 is later, ignored" in later.evidence[0].note


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T23:30:00-08:00", "2024-03-05"),
    ("2024-03-05T09:30:00Z", "2024-03-05"),
    ("Tue, 05 Mar 2024 18:20:00 GMT", "2024-03-05"),
    ("1394470370698", "2014-03-10"),           # epoch milliseconds (UCI News Aggregator)
    ("1709629800", "2024-03-05"),              # epoch seconds
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("2024-03-05 14:02:00", "2024-03-05"),
    ("published 2024-03-05 in print", "2024-03-05"),
    ("next Tuesday", None),
    ("1700-01-01", None),                      # not plausible for a news article
    ("", None),
    (None, None),
])
def test_parse_date(value, expected):
    assert dating.parse_date(value) == expected


# -- stable ids -------------------------------------------------------------------------------------------


def test_ids_are_stable_and_differ_per_locator(tmp_path, monkeypatch, texts):
    def raw(locator, path="dump.jsonl"):
        return RawDocument(origin=Origin(path=path, format="jsonl", locator=locator),
                           content=texts.bridge)

    monkeypatch.chdir(tmp_path)
    first = process(raw("line=1")).id
    assert process(copy.deepcopy(raw("line=1"))).id == first            # again: same id
    assert process(raw("line=2")).id != first                           # other record
    assert process(raw("line=1", path=str(tmp_path / "dump.jsonl"))).id == first   # abs == rel
    assert process(raw("line=1", path="other.jsonl")).id != first
    # content does not name a file's article: an edited article keeps its id
    edited = raw("line=1")
    edited.content += "\nA correction was appended."
    assert process(edited).id == first
    assert len(first) == 12 and int(first, 16) >= 0


def test_stdin_articles_are_named_by_content(texts):
    a = process(RawDocument(origin=Origin(path="-", format="txt"), content=texts.bridge))
    b = process(RawDocument(origin=Origin(path="-", format="txt"), content=texts.bridge))
    c = process(RawDocument(origin=Origin(path="-", format="txt"), content=texts.library))
    assert a.id == b.id != c.id
    assert article_id(Origin(path="-", format="txt"), "abc") != article_id(
        Origin(path="-", format="txt"), "abd")


def test_ids_are_the_same_in_two_builds(corpus, tmp_path):
    ids = []
    for name in ("one.db", "two.db"):
        with storyline.Store(str(tmp_path / name)) as store:
            storyline.build([str(corpus)], store, stderr=None)
            ids.append(sorted(a.id for a in store.articles.all()))
    assert ids[0] == ids[1] and len(set(ids[0])) == 4


def test_process_is_pure(texts):
    raw = raw_page(texts)
    before = copy.deepcopy(raw)
    first, second = process(raw), process(raw)
    assert first == second
    assert raw.content == before.content and raw.title == before.title


# -- executors ------------------------------------------------------------------------------------------


def test_make_executor():
    assert isinstance(make_executor(1), SerialExecutor)
    pool = make_executor(2)
    try:
        assert isinstance(pool, ProcessExecutor) and pool.workers == 2
    finally:
        pool.close()


def test_process_pool_build_matches_serial(corpus, tmp_path, write, texts):
    # enough documents to keep two workers busy and the in-flight window full
    write("corpus/feeds/dispatch.rss", texts.rss)
    write("corpus/feeds/krvt.atom", texts.atom)
    for i in range(20):
        write(f"corpus/briefs/brief-{i}.txt", f"Police log, day {i + 1}\n\nRiverton police said "
              f"on day {i + 1} that officers answered {i + 12} calls about parking.\n")
    results = []
    for workers, name in ((1, "serial.db"), (2, "pool.db")):
        with storyline.Store(str(tmp_path / name)) as store:
            summary = storyline.build([str(corpus)], store, stderr=None, workers=workers)
            assert summary.ok and summary.articles_added == 27
            results.append([a.to_dict() for a in store.articles.all()])
    assert results[0] == results[1]
