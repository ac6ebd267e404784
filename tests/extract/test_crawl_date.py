"""When a page was fetched bounds when it was published: WARC-Date instants against a
page's own time zone, `--crawl-date` and `--mtime-date` for saved HTML files, and the
reason a date was taken or refused, as `storyline show` reads it. Fixtures written here."""

from __future__ import annotations

import json
import os

import pytest

import storyline
from storyline import dating
from storyline.cli import main

STORY = ("<p>The Riverton city council voted six to one on Tuesday night to approve a budget that "
         "raises water rates by nine percent, the first increase in five years.</p>"
         "<p>Council member Ana Ruiz, the lone no vote, said the increase would hit renters hardest "
         "and asked city staff to study a discount for low-income households before July.</p>")


def tokyo_page(published: str = "2024-03-02T08:30:00+09:00") -> str:
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Council approves budget</title>"
            f'<meta property="article:published_time" content="{published}"></head>'
            "<body><article><h1>Council approves budget</h1>" + STORY + "</article></body></html>")


def built(tmp_path, *paths, **options) -> list[storyline.Article]:
    with storyline.Store(str(tmp_path / "crawl.db")) as store:
        storyline.build([str(p) for p in paths], store, stderr=None, **options)
        return list(store.articles.all())


def test_a_page_ahead_of_utc_fetched_after_it_was_published_keeps_its_day(tmp_path, make_warc):
    # 08:30 in Tokyo on the 2nd is 23:30 UTC on the 1st: before the crawl at 23:50 UTC
    warc = make_warc(tmp_path / "c.warc", [("https://tokyo.example/news/budget", "text/html",
                                            tokyo_page().encode())], date="2024-03-01T23:50:00Z")
    [article] = built(tmp_path, warc)
    assert article.origin.crawl_date == "2024-03-01T23:50:00Z"
    assert (article.published.date, article.published.method) == ("2024-03-02", "html-meta")
    assert "htmldate" in article.published.evidence[0].note        # why, for `show`


def test_a_page_stated_after_its_crawl_keeps_the_bound_and_says_so(tmp_path, make_warc):
    warc = make_warc(tmp_path / "c.warc", [("https://tokyo.example/news/budget", "text/html",
                                            tokyo_page().encode())], date="2024-03-01T20:00:00Z")
    [article] = built(tmp_path, warc)
    p = article.published
    assert p.latest == "2024-03-01" and p.date is None
    notes = " ".join(e.note + " " + e.text for e in p.evidence)
    assert "after the page was fetched" in notes and "latest possible day" in notes


def test_metadata_a_day_past_the_crawl_day_is_in_time_two_days_is_not():
    assert dating.from_metadata("2024-03-02", "html-meta", "2024-03-01T23:50:00Z").date == "2024-03-02"
    late = dating.from_metadata("2024-03-03", "html-meta", "2024-03-01T23:50:00Z", reason="og")
    assert (late.date, late.latest, late.method) == (None, "2024-03-01", "warc-crawl")
    assert [e.text for e in late.evidence] == ["2024-03-01T23:50:00Z", "og"]


def test_crawl_date_option_bounds_saved_pages(tmp_path, capsys):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "budget.html").write_text(tokyo_page("2024-03-09T08:30:00+09:00"), encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert main(["build", str(folder), "--db", db, "-q", "--no-language",
                 "--crawl-date", "2024-03-05"]) == 0
    capsys.readouterr()
    assert main(["articles", "--db", db, "--json"]) == 0
    [article] = json.loads(capsys.readouterr().out)
    with storyline.Store(db) as store:
        [stored] = store.articles.all()
    assert stored.origin.crawl_date == "2024-03-05"
    assert stored.published.latest == "2024-03-05" and stored.published.date != "2024-03-09"
    assert article["title"] == "Council approves budget"


def test_mtime_date_takes_each_files_modification_time(tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    path = folder / "budget.html"
    path.write_text(tokyo_page("2024-03-09T08:30:00+09:00"), encoding="utf-8")
    os.utime(path, (1709251200, 1709251200))            # 2024-03-01T00:00:00Z
    [article] = built(tmp_path, folder, options=storyline.ReadOptions(mtime_date=True),
                      model=None)
    assert article.origin.crawl_date == "2024-03-01T00:00:00+00:00"
    assert article.published.latest == "2024-03-01"


@pytest.mark.parametrize("value", ["yesterday", "2024-13-01", "03/01/2024"])
def test_a_crawl_date_that_is_no_date_is_refused(tmp_path, capsys, value):
    (tmp_path / "a.html").write_text(tokyo_page(), encoding="utf-8")
    code = main(["build", str(tmp_path / "a.html"), "--db", str(tmp_path / "x.db"),
                 "--crawl-date", value])
    assert code == 2
    assert "E110" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()
