"""Every input format storyline reads, from files on disk, with their Origin locators."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest
import zstandard

import storyline
from storyline.dating import parse_date
from storyline.errors import Problem
from storyline.ingest import FieldMap, ReadOptions, read_paths
from storyline.model import RawDocument


def read(*paths: Path | str, opts: ReadOptions | None = None) -> list[RawDocument | Problem]:
    return [item for _, item in read_paths([str(p) for p in paths], opts)]


def docs(*paths: Path | str, opts: ReadOptions | None = None) -> list[RawDocument]:
    items = read(*paths, opts=opts)
    problems = [str(i) for i in items if isinstance(i, Problem)]
    assert not problems, problems
    return items  # type: ignore[return-value]


def build(tmp_path: Path, *paths: Path | str, **kwargs) -> list[storyline.Article]:
    with storyline.Store(str(tmp_path / "formats.db")) as store:
        summary = storyline.build([str(p) for p in paths], store, stderr=None, **kwargs)
        assert summary.ok, store.builds.problems()
        return list(store.articles.all())


# -- plain text ------------------------------------------------------------------------------

QUEBEC = ("Café owners in Montréal protest new terrasse rules\n\n"
          "Owners of cafés along Rue Saint-Denis said on Tuesday that the city's new rules for "
          "sidewalk terraces would force them to remove half their tables. “We were not consulted,” "
          "said Hélène Côté, who has run Café Olé for 18 years. The city’s déneigement crews need "
          "the space, officials said.\n")


def test_txt_utf8(write, texts):
    path = write("riverton-ledger/2024-06-27-calder-settles.txt", texts.settlement)
    [doc] = docs(path)
    assert doc.content == texts.settlement
    assert doc.markup == "text"
    assert doc.origin.path == str(path) and doc.origin.format == "txt"
    assert doc.origin.locator is None
    assert doc.source == "riverton-ledger"          # the folder names the outlet
    assert doc.published == "2024-06-27" and doc.published_method == "path"


def test_txt_utf8_with_bom(write):
    path = write("bom.txt", b"\xef\xbb\xbf" + QUEBEC.encode("utf-8"))
    [doc] = docs(path)
    assert not doc.content.startswith("\ufeff")
    assert doc.content.startswith("Café owners in Montréal")
    assert "Hélène Côté" in doc.content


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_txt_legacy_encodings_are_decoded(write, encoding):
    text = QUEBEC if encoding == "cp1252" else QUEBEC.replace("“", '"').replace("”", '"').replace("’", "'")
    path = write(f"quebec-{encoding}.txt", text, encoding=encoding)
    assert "é".encode("utf-8") not in path.read_bytes()   # really a legacy encoding on disk
    [doc] = docs(path)
    assert "\ufffd" not in doc.content
    assert "Montréal" in doc.content
    assert "Hélène Côté" in doc.content
    if encoding == "cp1252":
        assert "“We were not consulted,”" in doc.content


def test_txt_title_is_the_headline_line(tmp_path, write, texts):
    write("ledger/bridge.txt", texts.bridge)
    [article] = build(tmp_path, tmp_path / "ledger")
    assert article.title == "Millbrook Street bridge reopens after four months of repairs"
    assert article.body.startswith("The Millbrook Street bridge reopened")


# -- HTML --------------------------------------------------------------------------------------


def test_html_page_is_read_as_markup(write, texts):
    path = write("pages/council.html", texts.page)
    [doc] = docs(path)
    assert doc.markup == "html" and doc.origin.format == "html"
    assert doc.content == texts.page


def test_html_page_main_text_title_and_date(tmp_path, write, texts):
    write("pages/council.html", texts.page)
    [article] = build(tmp_path, tmp_path / "pages")
    assert article.title == "Riverton council approves water plant upgrade"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("The Riverton City Council voted 6-1 on Monday night")
    assert any(p.startswith("Council member Dana Whitfield") for p in paragraphs)
    assert any(p.startswith("Water Bureau Director Lena Ostrowski") for p in paragraphs)
    assert "Obituaries" not in article.body and "Sports" not in article.body   # the menu
    assert "All rights reserved" not in article.body
    assert article.source == "Riverton Ledger"
    assert article.byline == "Jane Doe"
    assert article.published.date == "2024-03-05"
    assert article.published.method == "html-meta"
    assert article.published.granularity == "day"


def test_htm_extension_and_sniffed_html(tmp_path, write, texts):
    write("in/a.htm", texts.page)
    write("in/no-extension", texts.page.replace("6-1", "5-2"))
    articles = build(tmp_path, tmp_path / "in")
    assert len(articles) == 2
    assert {a.origin.format for a in articles} == {"html"}
    assert all(a.title == "Riverton council approves water plant upgrade" for a in articles)


# -- JSON Lines, JSON ----------------------------------------------------------------------------


def test_jsonl_default_fields(write):
    records = [
        {"text": "Riverton lifted its do-not-drink order on Thursday after 17 days.",
         "title": "Riverton water order lifted", "date": "2024-02-29",
         "url": "https://riverledger.example/water-order-lifted", "source": "Riverton Ledger",
         "author": "Jane Doe"},
        {"maintext": "Alder County sued Calder Resin Works on Monday, seeking $60 million.",
         "headline": "County sues resin maker", "date_publish": "2024-03-11 14:02:00",
         "link": "https://krvt8.example/county-sues", "publisher": "KRVT News 8"},
        {"content": "The EPA said on Monday that Calder's cleanup plan falls short.",
         "title": "EPA faults cleanup plan", "url": "https://wire.example/epa-cleanup"},
    ]
    lines = [json.dumps(records[0]), "", json.dumps(records[1]), json.dumps(records[2])]
    path = write("dump.jsonl", "\n".join(lines) + "\n")
    first, second, third = docs(path)
    assert first.content == records[0]["text"] and first.title == "Riverton water order lifted"
    assert first.published == "2024-02-29" and first.published_method == "dataset"
    assert first.origin.url == "https://riverledger.example/water-order-lifted"
    assert first.source == "Riverton Ledger" and first.byline == "Jane Doe"
    assert (first.origin.format, first.origin.locator) == ("jsonl", "line=1")
    # line 2 is blank: locators are physical line numbers
    assert second.origin.locator == "line=3"
    assert second.content.startswith("Alder County sued") and second.title == "County sues resin maker"
    assert second.published == "2024-03-11 14:02:00" and second.source == "KRVT News 8"
    assert second.origin.url == "https://krvt8.example/county-sues"
    assert third.origin.locator == "line=4"
    assert third.source == "wire.example"          # no source field: the URL's host


def test_jsonl_field_map_with_nested_fields(tmp_path, write):
    record = {"maintext": "Alder County sued Calder Resin Works on Monday, seeking $60 million "
                          "for the cost of the February spill.",
              "title": "County sues resin maker",
              "meta": {"published": "2024-03-11", "site": {"name": "Cascade Courier"}}}
    path = write("nested.jsonl", json.dumps(record) + "\n")
    [plain] = docs(path)
    assert plain.published is None               # "meta.published" is not a default field
    fields = FieldMap.parse(["text=maintext", "date=meta.published", "source=meta.site.name"])
    assert fields.text == "maintext" and fields.date == "meta.published"
    [doc] = docs(path, opts=ReadOptions(fields=fields))
    assert doc.content == record["maintext"]
    assert doc.published == "2024-03-11" and doc.published_method == "dataset"
    assert doc.source == "Cascade Courier"
    [article] = build(tmp_path, path, options=ReadOptions(fields=fields))
    assert article.published.date == "2024-03-11" and article.published.method == "dataset"


@pytest.mark.parametrize("spec", ["text", "body=maintext", "text=", "=maintext"])
def test_field_map_rejects_bad_specs(spec):
    with pytest.raises(ValueError, match="bad field mapping"):
        FieldMap.parse([spec])


ARTICLES = [
    {"title": "Riverton water order lifted", "text": "Riverton lifted its do-not-drink order "
     "on Thursday after 17 days.", "date": "2024-02-29", "url": "https://riverledger.example/a"},
    {"title": "Ironclads win state title", "text": "The Riverton High robotics team won the "
     "state championship on Saturday.", "date": "2024-04-13", "url": "https://krvt8.example/b"},
]


@pytest.mark.parametrize("shape", ["array", "object"])
def test_json_array_and_articles_object(write, shape):
    value = ARTICLES if shape == "array" else {"status": "ok", "total": 2, "articles": ARTICLES}
    path = write(f"dump-{shape}.json", json.dumps(value, indent=2))
    first, second = docs(path)
    assert [d.origin.locator for d in (first, second)] == ["item=1", "item=2"]
    assert first.origin.format == "json"
    assert first.title == "Riverton water order lifted" and first.published == "2024-02-29"
    assert second.content.startswith("The Riverton High robotics team")
    assert second.origin.url == "https://krvt8.example/b" and second.source == "krvt8.example"


# -- CSV / TSV -------------------------------------------------------------------------------------

UCI_CSV = (
    "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
    '1,"Fed official says weak data caused by weather, should not slow taper",'
    "http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-20140310,"
    "Los Angeles Times,b,ddUyU0VZz0BRneMioxUPQVP6sIxvM,www.latimes.com,1394470370698\n"
    "2,Fed's Charles Plosser sees high bar for change in pace of tapering,"
    "http://www.livemint.com/Politics/Feds-Charles-Plosser.html,Livemint,b,"
    "ddUyU0VZz0BRneMioxUPQVP6sIxvM,www.livemint.com,1394470371207\n"
)


def test_csv_uci_headers_work_by_default(write):
    path = write("uci-news.csv", UCI_CSV)
    first, second = docs(path)
    assert first.title == "Fed official says weak data caused by weather, should not slow taper"
    assert first.origin.url.startswith("http://www.latimes.com/business/")
    assert first.source == "Los Angeles Times"
    assert first.published == "1394470370698"
    assert parse_date(first.published) == "2014-03-10"     # epoch milliseconds
    assert (first.origin.format, first.origin.locator) == ("csv", "row=2")   # row 1: header
    assert second.origin.locator == "row=3" and second.source == "Livemint"


def test_tsv_with_text_column(tmp_path, write):
    tsv = ("TITLE\tURL\tPUBLISHER\tTIMESTAMP\tTEXT\n"
           "Stocks fall after Fed official hints at faster tapering\t"
           "http://www.ifamagazine.com/news/us-open-stocks\tIFA Magazine\t1394470371550\t"
           "US stocks fell in early trading on Monday after a Federal Reserve official said the "
           "central bank could speed up the tapering of its bond purchases.\n")
    path = write("uci.tsv", tsv)
    [doc] = docs(path)
    assert doc.title.startswith("Stocks fall after Fed official")
    assert doc.content.startswith("US stocks fell in early trading")
    assert doc.source == "IFA Magazine" and doc.origin.locator == "row=2"
    [article] = build(tmp_path, path)
    assert article.published.date == "2014-03-10"
    assert article.published.method == "dataset"


# -- WARC ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses(tmp_path, make_warc, texts, gz):
    path = make_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), [
        ("https://riverledger.example/news/council", "text/html; charset=utf-8", texts.page.encode()),
        ("https://riverledger.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(300)),
        ("https://riverledger.example/news/council-2", "text/html",
         texts.page.replace("6-1", "5-2").encode()),
    ], gzip=gz)
    if gz:
        assert path.read_bytes()[:2] == b"\x1f\x8b"
    found = docs(path)
    # request records (1, 3, 5) and the PNG response (4) are not articles
    assert [d.origin.locator for d in found] == ["record=2", "record=6"]
    assert [d.origin.url for d in found] == ["https://riverledger.example/news/council",
                                             "https://riverledger.example/news/council-2"]
    assert all(d.origin.crawl_date.startswith("2024-03-06T") for d in found)   # the WARC-Date
    assert all(d.origin.format == "warc" and d.markup == "html" for d in found)
    assert found[0].content == texts.page
    assert found[0].source == "riverledger.example"


def test_warc_article_date_is_bounded_by_crawl_date(tmp_path, make_warc, texts):
    path = make_warc(tmp_path / "c.warc", [
        ("https://riverledger.example/news/council", "text/html", texts.page.encode())])
    [article] = build(tmp_path, path)
    assert article.origin.url == "https://riverledger.example/news/council"
    assert article.published.date == "2024-03-05"
    # a crawl before the page's own date: the metadata date is impossible
    early = make_warc(tmp_path / "early.warc", [
        ("https://riverledger.example/news/council", "text/html",
         texts.page.replace("6-1", "4-3").encode())], date="2024-03-01T00:00:00Z")
    with storyline.Store(str(tmp_path / "early.db")) as store:
        storyline.build([str(early)], store, stderr=None)
        [article] = store.articles.all()
    assert article.published.date is None
    assert article.published.latest == "2024-03-01"
    assert article.published.method == "warc-crawl"


# -- RSS / Atom ------------------------------------------------------------------------------------


def test_rss_prefers_full_text_and_keeps_pubdate(tmp_path, write, texts):
    path = write("feeds/capitol-dispatch.rss", texts.rss)
    full, short = docs(path)
    assert (full.origin.format, full.origin.locator) == ("feed", "entry=1")
    assert short.origin.locator == "entry=2"
    assert "Senators pressed Marsh" in full.content            # content:encoded ...
    assert "apologized to lawmakers" not in full.content       # ... not the description
    assert full.markup == "html"
    assert full.title == "Senate panel grills Calder chief over Riverton spill"
    assert full.origin.url == "https://capitoldispatch.example/2024/03/calder-hearing"
    assert parse_date(full.published) == "2024-03-05" and full.published_method == "feed"
    assert full.source == "Capitol Dispatch" and full.byline == "Maria Lopez"
    assert full.authors == ["Maria Lopez"]
    assert short.content.startswith("Salem voters will decide in November")
    by_title = {a.title: a for a in build(tmp_path, path)}
    hearing = by_title["Senate panel grills Calder chief over Riverton spill"]
    assert hearing.published.date == "2024-03-05" and hearing.published.method == "feed"
    assert hearing.authors == ["Maria Lopez"]
    assert hearing.body.split("\n\n")[0].startswith("The chief executive of Calder Resin Works")
    assert "<p>" not in hearing.body
    assert by_title["Library bond heads to the November ballot"].published.date == "2024-03-06"


def test_atom_content_and_published(write, texts):
    path = write("feeds/krvt.atom", texts.atom)
    [entry] = docs(path)
    assert entry.origin.locator == "entry=1"
    assert "two rounds of tests" in entry.content and "east side can drink" not in entry.content
    assert parse_date(entry.published) == "2024-02-29"         # published, not updated
    assert entry.source == "KRVT News 8"
    assert entry.origin.url == "https://krvt8.example/news/east-riverton-cleared"


def test_xml_feed_is_sniffed(write, texts):
    [_, _] = docs(write("feeds/dispatch.xml", texts.rss))


# -- compression -----------------------------------------------------------------------------------

COMPRESS = {
    "gz": gzip.compress,
    "bz2": bz2.compress,
    "zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


@pytest.mark.parametrize("ext", sorted(COMPRESS))
def test_compressed_text(write, ext):
    path = write(f"quebec.txt.{ext}", COMPRESS[ext](QUEBEC.encode("utf-8")))
    [doc] = docs(path)
    assert doc.content == QUEBEC
    assert doc.origin.format == "txt" and doc.origin.path == str(path)


@pytest.mark.parametrize("ext", sorted(COMPRESS))
def test_compressed_jsonl(write, ext):
    data = "".join(json.dumps(a) + "\n" for a in ARTICLES).encode()
    path = write(f"dump.jsonl.{ext}", COMPRESS[ext](data))
    found = docs(path)
    assert [d.origin.locator for d in found] == ["line=1", "line=2"]
    assert found[1].title == "Ironclads win state title"


@pytest.mark.parametrize("ext", sorted(COMPRESS))
def test_compressed_feed_csv_and_html(tmp_path, write, texts, ext):
    compress = COMPRESS[ext]
    write(f"in/dispatch.rss.{ext}", compress(texts.rss.encode()))
    write(f"in/uci.csv.{ext}", compress(UCI_CSV.encode()))
    write(f"in/page.html.{ext}", compress(texts.page.encode()))
    found = docs(tmp_path / "in")
    assert sorted((d.origin.format, d.origin.locator) for d in found) == [
        ("csv", "row=2"), ("csv", "row=3"), ("feed", "entry=1"), ("feed", "entry=2"), ("html", None)]
    articles = build(tmp_path, tmp_path / "in")
    page = next(a for a in articles if a.origin.format == "html")
    assert page.title == "Riverton council approves water plant upgrade"
    assert page.published.date == "2024-03-05"
