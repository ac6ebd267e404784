"""Dates a web page states and prints about itself: timestamps and their offsets,
JSON-LD, meta tags, microdata, <time> elements, URL paths, the date under the
headline, and the decision between them (`extract.dates`).

Every page here is a small fixture written for these tests.
"""

from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from storyline.extract import dates
from storyline.extract.dates import decide, headline_date, page_dates, parse_stamp, shown_dates, url_date


def tree(html: str):
    return lxml.html.fromstring(html)


def page(head: str = "", body: str = "", lang: str = "en") -> str:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head>'
            f"<body>{body}</body></html>")


STORY = ("<p>The Riverton city council voted six to one on Tuesday night to approve a budget "
         "that raises water rates by nine percent.</p>"
         "<p>Council member Ana Ruiz, the lone no vote, said the increase would hit renters "
         "hardest and asked staff to study a discount for low-income households.</p>")


# -- timestamps -------------------------------------------------------------------

@pytest.mark.parametrize("value, day, time, offset", [
    ("2020-12-25T01:59:50+02:00", date(2020, 12, 25), (1, 59), 120),   # local day as stated
    ("2020-12-24T23:59:50+00:00", date(2020, 12, 24), (23, 59), 0),
    ("2020-01-20T09:49:32+0000", date(2020, 1, 20), (9, 49), 0),
    ("2020-12-05T23:15:0Z", date(2020, 12, 5), (23, 15), 0),           # a one-digit second
    ("2019-12-09 20:00:49", date(2019, 12, 9), (20, 0), None),         # no offset stated
    ("2023-11-08T21:11:03-05:00", date(2023, 11, 8), (21, 11), -300),
    ("Sun, 28 Jun 2020 21:16:15 GMT", date(2020, 6, 28), (21, 16), 0),
    ("Tue, Sep 15 2020 10:01:41 EDT", date(2020, 9, 15), (10, 1), -240),
    ("Mon Jan 20 09:49:32 UTC 2020", date(2020, 1, 20), (9, 49), 0),
    ("2020-08-25|00h23", date(2020, 8, 25), (0, 23), None),
    ("26.01.2022", date(2022, 1, 26), None, None),
    ("20200113", date(2020, 1, 13), None, None),
    ("2022-01-21", date(2022, 1, 21), None, None),
])
def test_timestamps_keep_the_day_as_the_page_states_it(value, day, time, offset):
    stamp = parse_stamp(value)
    assert (stamp.day, stamp.time, stamp.offset) == (day, time, offset)
    assert stamp.utc == (offset == 0)


@pytest.mark.parametrize("value", [None, "", "yesterday", "06/13/2019", "1588388400", "2020-13-45",
                                   "1899-05-01"])
def test_values_that_name_no_day_are_not_read(value):
    assert parse_stamp(value) is None


def test_an_instant_is_its_utc_time_and_has_a_day_in_any_offset():
    local = parse_stamp("2020-12-25T01:59:50+02:00")
    utc = parse_stamp("2020-12-24T23:59:50Z")
    assert local.instant == utc.instant
    assert utc.local_day(120) == date(2020, 12, 25) and local.local_day(0) == date(2020, 12, 24)


@pytest.mark.parametrize("url, day", [
    ("https://www.example.com/politics/2020/07/08/c3d22ec8_story.html", date(2020, 7, 8)),
    ("https://example.org/opinion/2019/12/09/pour-le-neoliberalisme/", date(2019, 12, 9)),
    ("https://example.org/a/2020/7/8/", date(2020, 7, 8)),
    ("https://example.org/news/2019-10-16-klima", date(2019, 10, 16)),
    ("https://blog.example.de/2023/10/3-fragen-an-tina/", None),   # October's "3 Fragen an..."
    ("https://example.org/archive?d=2019/12/09/", None),           # query string, not the path
    ("https://example.org/2023/10/", None),                        # a month
    (None, None),
])
def test_url_dates_are_full_dates_in_the_path(url, day):
    stamp = url_date(url)
    assert (stamp.day if stamp else None) == day


# -- what the markup states ----------------------------------------------------------

JSONLD_PAGE = page(
    head="""
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "name": "Riverton Ledger", "foundingDate": "1998-04-01"},
  {"@type": "NewsArticle", "headline": "Council approves budget",
   "datePublished": "2024-03-05T18:20:00-05:00", "dateModified": "2024-03-06T09:00:00-05:00"}
]}
</script>
<meta property="article:published_time" content="2024-03-05T23:20:00Z">
<meta property="article:modified_time" content="2024-03-06T14:00:00Z">
<meta name="date" content="2024-03-07">
<link rel="canonical" href="https://ledger.example.com/news/2024/03/05/council-budget/">""",
    body="<h1>Council approves budget</h1>" + STORY)


def test_the_markup_states_publication_and_modification_with_their_sources():
    found = {(c.source, c.key, c.kind, c.stamp.day.isoformat()) for c in page_dates(tree(JSONLD_PAGE))}
    assert ("json-ld", "NewsArticle.datePublished", "published", "2024-03-05") in found
    assert ("json-ld", "NewsArticle.dateModified", "modified", "2024-03-06") in found
    assert ("meta", "article:published_time", "published", "2024-03-05") in found
    assert ("meta", "article:modified_time", "modified", "2024-03-06") in found
    assert ("meta", "date", "published", "2024-03-07") in found
    assert ("url", "canonical", "published", "2024-03-05") in found
    assert not any(c.stamp.day.year == 1998 for c in page_dates(tree(JSONLD_PAGE)))  # foundingDate


def test_broken_json_ld_still_gives_its_dates():
    html = page(head='<script type="application/ld+json">{"@type": "BlogPosting", '
                     '"datePublished": "2021-11-29T14:13:37+00:00", "headline": "A "quoted" word",}'
                     "</script>", body="<h1>A quoted word</h1>")
    [c] = page_dates(tree(html))
    assert (c.source, c.kind, c.stamp.day) == ("json-ld", "published", date(2021, 11, 29))


def test_microdata_and_time_elements_in_the_body():
    html = page(body='<h1>Rheinmetall gehackt</h1>'
                     '<time itemprop="datePublished" datetime="2018-06-22 10:20:00">22.06.2018</time>'
                     '<p itemprop="dateModified">29. August 2018</p>'
                     '<time class="entry-date updated" datetime="2018-08-30">30.08.2018</time>'
                     '<time datetime="2018-06-21">gestern</time>')
    found = [(c.source, c.kind, c.stamp.day.isoformat()) for c in page_dates(tree(html))]
    assert found == [("itemprop", "published", "2018-06-22"), ("itemprop", "modified", "2018-08-29"),
                     ("time", "modified", "2018-08-30"), ("time", "published", "2018-06-21")]


def test_microdata_of_comments_is_not_the_pages():
    html = page(body='<article itemscope itemtype="https://schema.org/Article"><h1>Story</h1>'
                     '<meta itemprop="datePublished" content="2018-09-24T16:45:00+03:00">'
                     '<div itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
                     '<span itemprop="datePublished" content="2018-10-05T14:15:08+03:00">05.10.18</span>'
                     "</div></article>")
    found = [(c.source, c.stamp.day.isoformat()) for c in page_dates(tree(html))]
    assert found == [("meta", "2018-09-24")]
    assert decide(tree(html), "2018-09-24").day == "2018-09-24"


# -- what the page prints -----------------------------------------------------------

def test_the_date_printed_under_the_headline():
    html = page(head="<title>Council approves budget | Riverton Ledger</title>",
                body='<nav><ul><li><a href="/">Home</a></li><li>Archive: 12. Mai 2012</li></ul></nav>'
                     "<h1>Riverton Ledger</h1>"                      # the site's logo
                     "<article><h1>Council approves budget</h1>"
                     '<div class="byline">By <a href="/ana">Sam Ortiz</a><time>March 5, 2024</time></div>'
                     '<figure><img src="x.jpg"><figcaption>The council chamber on Feb. 27, 2024.'
                     "</figcaption></figure>" + STORY + "</article>")
    [shown] = shown_dates(tree(html))
    assert (shown.day, shown.standalone, shown.label) == (date(2024, 3, 5), True, None)
    assert 0 < shown.offset < 100
    assert headline_date([shown]) is shown


def test_dates_inside_sentences_captions_menus_and_user_boxes_are_not_the_page_date():
    html = page(head="<title>What happened to the server?</title>",
                body="<h1>What happened to the server?</h1>"
                     '<div class="user">Joined May 11, 2017</div>'
                     '<ul class="menu"><li>Archiv 3. März 2020</li></ul>'
                     '<div class="image-caption">March 1, 2020</div>'
                     "<p>The server went down on Saturday, and the admins said on March 14, 2020 that "
                     "it would be back within a week after the hardware was replaced.</p>")
    shown = shown_dates(tree(html))
    assert [s.text for s in shown] == ["March 14, 2020"] and not shown[0].standalone
    assert headline_date(shown) is None


def test_a_date_labelled_as_the_publication_date_wins_over_the_first_date():
    html = page(lang="de", head="<title>Vom Boden aus gedacht</title>",
                body="<h1>Vom Boden aus gedacht</h1>"
                     "<div>Letzte Änderung: 31.10.2023</div>" + STORY * 3 +
                     "<div>Erschienen am: 01.11.2023</div>")
    shown = shown_dates(tree(html))
    assert [(s.day.isoformat(), s.label) for s in shown] == [("2023-10-31", "updated"),
                                                              ("2023-11-01", "published")]
    assert headline_date(shown).day == date(2023, 11, 1)


def test_a_kicker_date_above_the_headline():
    html = page(head="<title>Was ist die Demokratie-Stiftung?</title>",
                body='<div class="meta"><span>31. Oktober 2023</span></div>'
                     "<h1>Was ist die Demokratie-Stiftung?</h1>" + STORY)
    printed = headline_date(shown_dates(tree(html)))
    assert printed.day == date(2023, 10, 31) and printed.offset < 0


@pytest.mark.parametrize("lang, printed, day", [
    ("de", "17/02/2022", date(2022, 2, 17)),
    ("de", "02/03/2022", date(2022, 3, 2)),
    ("en-US", "02/03/2022", date(2022, 2, 3)),
    ("en-US", "02/17/2022", date(2022, 2, 17)),
])
def test_slashed_dates_read_by_the_pages_language(lang, printed, day):
    html = page(lang=lang, head="<title>Pubertät</title>",
                body=f"<h1>Pubertät</h1><div>{printed}</div>")
    assert headline_date(shown_dates(tree(html))).day == day


def test_a_page_without_headline_prints_no_headline_date():
    assert shown_dates(tree(page(body="<div>05.02.2020</div><p>Text.</p>"))) == []


# -- the decision -------------------------------------------------------------------

def test_the_pages_own_offset_wins_over_utc():
    html = page(head='<meta property="article:published_time" content="2020-12-24T23:59:50+00:00">'
                     '<script type="application/ld+json">{"@type": "NewsArticle", '
                     '"datePublished": "2020-12-25T01:59:50+02:00"}</script>',
                body="<h1>Story</h1>")
    d = decide(tree(html), "2020-12-24")
    assert (d.day, d.method) == ("2020-12-25", "html-meta") and "offset" in d.reason


def test_byline_microdata_wins_over_head_metadata_but_not_over_the_url():
    microdata = '<time itemprop="datePublished" datetime="2022-01-27">27.01.2022</time>'
    meta = '<meta name="date" content="2022-01-21T15:38:00+01:00">'
    canonical = '<link rel="canonical" href="https://example.org/2022/01/21/story/">'
    # below the article, far from the headline
    body = "<h1>Story</h1>" + STORY * 5 + microdata
    assert decide(tree(page(head=meta, body=body)), "2022-01-21").day == "2022-01-27"
    assert decide(tree(page(head=meta + canonical, body=body)), "2022-01-21").day == "2022-01-21"
    # printed under the headline, it is the page's date whatever the URL says (a story
    # filed on the 21st and published on the 27th)
    body = "<h1>Story</h1><span>Von Moritz</span>" + microdata + STORY
    assert decide(tree(page(head=meta + canonical, body=body)), "2022-01-21").day == "2022-01-27"


def test_the_printed_date_settles_what_the_markup_states_twice():
    # JSON-LD says published on the 16th, modified on the 20th; the page shows the 20th
    html = page(head='<script type="application/ld+json">{"@type": "NewsArticle", '
                     '"datePublished": "2021-03-16T16:16:10Z", "dateModified": "2021-03-20T14:00:17Z"}'
                     "</script><title>Lockdown verlängert</title>",
                body="<h1>Lockdown verlängert</h1><div>20. März 2021 - 15:00 Uhr</div>" + STORY)
    d = decide(tree(html), "2021-03-16")
    assert (d.day, d.method) == ("2021-03-20", "html-meta") and "dateModified" in d.reason


def test_a_printed_date_replaces_a_generic_meta_date():
    html = page(head='<meta name="date" content="2020-04-29T11:52:00"><title>Rheinmetall gehackt</title>',
                body="<h1>Rheinmetall gehackt</h1><p>Stand: 28.04.2020 18:00 Uhr</p>" + STORY)
    d = decide(tree(html), "2020-04-29")
    assert (d.day, d.method) == ("2020-04-28", "html-shown")


def test_a_stated_publication_date_is_not_replaced_by_a_date_the_markup_does_not_know():
    html = page(head='<meta property="article:published_time" content="2020-05-04T08:00:00+02:00">'
                     "<title>Nordkorea</title>",
                body="<h1>Nordkorea</h1><div>03.05.2020</div>" + STORY)
    assert decide(tree(html), "2020-05-04").day == "2020-05-04"


def test_a_printed_publication_date_stays_before_a_printed_modification_date():
    html = page(head='<script type="application/ld+json">{"@type": "BlogPosting", '
                     '"datePublished": "2019-06-17T00:00:00Z", "dateModified": "2020-06-04T16:41:46Z"}'
                     "</script><title>Faster builds</title>",
                body="<h1>Faster builds</h1><p>Last updated 04 Jun 2020, originally created "
                     "17 Jun 2019</p>" + STORY)
    assert decide(tree(html), "2019-06-17").day == "2019-06-17"


def test_a_date_printed_as_an_update_is_not_the_publication_date():
    html = page(head='<script type="application/ld+json">{"@type": "NewsArticle", '
                     '"datePublished": "2019-11-08T10:00:00-05:00", '
                     '"dateModified": "2019-11-13T09:30:00-05:00"}</script><title>Delhi smog</title>',
                body="<h1>Delhi smog</h1><div>By Umair Irfan Updated Nov 13, 2019, 9:30am EST</div>"
                     + STORY)
    assert headline_date(shown_dates(tree(html))).label == "updated"
    assert decide(tree(html), "2019-11-08").day == "2019-11-08"


def test_a_printed_date_dates_a_page_without_date_markup():
    html = page(head="<title>Trauern digital</title>",
                body="<h1>Trauern digital</h1><p>Karlsruhe, (12.11.2021). Traditionell gedenken die "
                     "Gemeinden am Ewigkeitssonntag der Verstorbenen des vergangenen Jahres.</p>")
    d = decide(tree(html), None, "html-text")
    assert (d.day, d.method) == ("2021-11-12", "html-shown")
    assert decide(tree(page(body="<p>No dates here.</p>")), None, "html-text").day is None


def test_htmldates_answer_stands_when_nothing_contradicts_it():
    d = decide(tree(JSONLD_PAGE), "2024-03-05")
    assert (d.day, d.method) == ("2024-03-05", "html-meta")
    assert dates.decide(tree(JSONLD_PAGE), "2024-03-05", "html-text").method == "html-text"


# -- the page's own article, not the other things on it (issue 17) ------------------------

def test_a_live_blogs_updates_are_not_its_date():
    html = page(head='<script type="application/ld+json">{"@context": "https://schema.org", '
                     '"@type": "LiveBlogPosting", "headline": "Storm live: roads closed",'
                     '"liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Bridge reopens",'
                     ' "datePublished": "2024-03-08T09:00:00-05:00"}],'
                     '"datePublished": "2024-03-06T07:00:00-05:00", '
                     '"dateModified": "2024-03-08T09:00:00-05:00"}</script>'
                     "<title>Storm live: roads closed</title>",
                body="<h1>Storm live: roads closed</h1>" + STORY)
    found = page_dates(tree(html))
    update = next(c for c in found if c.key == "BlogPosting.datePublished")
    assert not update.main and update.stamp.day == date(2024, 3, 8)
    # htmldate's JSON-LD search took the update's date: the live blog's own comes back
    d = decide(tree(html), "2024-03-08")
    assert d.day == "2024-03-06" and "another item" in d.reason


def test_another_articles_json_ld_is_not_the_pages():
    teaser = ('{"@type": "NewsArticle", "headline": "Library hours cut", '
              '"url": "https://ledger.example.com/news/library-hours", '
              '"datePublished": "2023-12-29T10:00:00Z"}')
    own = ('{"@type": "NewsArticle", "headline": "Council approves budget", '
           '"url": "https://ledger.example.com/news/council-budget", '
           '"datePublished": "2024-03-05T18:20:00-05:00"}')
    html = page(head=f'<script type="application/ld+json">{teaser}</script>'
                     f'<script type="application/ld+json">{own}</script>'
                     '<link rel="canonical" href="https://ledger.example.com/news/council-budget">',
                body="<h1>Council approves budget</h1>" + STORY)
    main = {c.stamp.day.isoformat(): c.main for c in page_dates(tree(html))}
    assert main == {"2023-12-29": False, "2024-03-05": True}
    assert decide(tree(html), "2023-12-29").day == "2024-03-05"


def test_a_teasers_microdata_in_the_sidebar_is_not_the_pages_date():
    html = page(head='<meta property="article:published_time" content="2024-03-05T18:20:00-05:00">'
                     "<title>Council approves budget</title>",
                body='<article itemscope itemtype="https://schema.org/NewsArticle">'
                     '<h1 itemprop="headline">Council approves budget</h1>' + STORY + "</article>"
                     '<aside class="more-news"><article itemscope itemtype="https://schema.org/NewsArticle">'
                     '<h2 itemprop="headline">Library hours cut</h2>'
                     '<time itemprop="datePublished" datetime="2023-12-29">Dec. 29</time>'
                     "</article></aside>")
    [teaser] = [c for c in page_dates(tree(html)) if c.source == "itemprop"]
    assert not teaser.main
    assert decide(tree(html), "2024-03-05").day == "2024-03-05"   # rule 2 would have taken it


def test_without_item_types_a_date_in_a_related_box_is_not_the_pages():
    html = page(body="<h1>Council approves budget</h1>" + STORY +
                     '<div class="related-stories"><span itemprop="datePublished" '
                     'content="2023-12-29">Dec. 29</span></div>')
    [c] = page_dates(tree(html))
    assert not c.main


def test_the_articles_own_microdata_holds_the_headline():
    html = page(body='<div itemscope itemtype="https://schema.org/NewsArticle">'
                     '<h1>Council approves budget</h1>'
                     '<time itemprop="datePublished" datetime="2024-03-05">March 5</time>'
                     '<div itemprop="review" itemscope itemtype="https://schema.org/Review">'
                     '<meta itemprop="datePublished" content="2024-04-01"></div>' + STORY + "</div>")
    found = {c.stamp.day.isoformat(): c.main for c in page_dates(tree(html))}
    assert found == {"2024-03-05": True, "2024-04-01": False}


def test_a_republication_stamp_printed_under_the_headline_is_not_the_first_publication():
    # the article item was created in 2017; its datePublished was restamped on the day it
    # was modified, and the page prints that day
    html = page(lang="fr",
                head='<meta property="article:published_time" content="2017-04-12T18:33:00+02:00">'
                     '<meta property="article:modified_time" content="2020-02-19T15:24:00+01:00">'
                     "<title>Les clés pour aller bien</title>",
                body='<article itemscope itemtype="http://schema.org/Article">'
                     '<meta itemprop="dateCreated" content="2017-04-11">'
                     '<meta itemprop="dateModified" content="2020-02-19">'
                     '<meta itemprop="datePublished" content="2020-02-19">'
                     "<h1>Les clés pour aller bien</h1><div>Par Ophélie Ostermann | Le 19 février 2020</div>"
                     + STORY + "</article>")
    assert decide(tree(html), "2017-04-12").day == "2017-04-12"
    # labelled as the publication date, it is one
    labelled = html.replace("| Le 19 février 2020", "| Publié le 19 février 2020")
    assert decide(tree(labelled), "2017-04-12").day == "2020-02-19"


# -- the crawl date ------------------------------------------------------------------------

TOKYO = page(head='<meta property="article:published_time" content="2024-03-02T08:30:00+09:00">'
                  "<title>Council approves budget</title>",
             body="<h1>Council approves budget</h1>" + STORY)


def test_a_page_ahead_of_utc_published_before_the_crawl_keeps_its_own_day():
    # 2024-03-02 08:30 in Tokyo is 2024-03-01 23:30 UTC, before the crawl at 23:50 UTC
    d = decide(tree(TOKYO), "2024-03-02", crawl="2024-03-01T23:50:00Z")
    assert d.day == "2024-03-02"


def test_a_page_stated_after_the_crawl_instant_keeps_the_crawl_as_its_bound():
    d = decide(tree(TOKYO), "2024-03-02", crawl="2024-03-01T20:00:00Z")
    assert d.day is None
    assert "after the page was fetched" in d.reason and "latest possible day" in d.reason


def test_another_statement_that_fits_the_crawl_is_taken():
    html = TOKYO.replace("<title>", '<script type="application/ld+json">{"@type": "NewsArticle", '
                                    '"datePublished": "2024-02-28T10:00:00+09:00"}</script><title>')
    d = decide(tree(html), "2024-03-02", crawl="2024-03-01T20:00:00Z")
    assert d.day == "2024-02-28" and "after the page was fetched" in d.reason


@pytest.mark.parametrize("crawl, day", [
    ("2024-03-01", "2024-03-02"),     # days only: a day's grace for the page's time zone
    ("2024-02-29", None),
])
def test_without_instants_days_are_compared_with_a_days_grace(crawl, day):
    html = page(head='<meta property="article:published_time" content="2024-03-02">',
                body="<h1>Story</h1>" + STORY)
    assert decide(tree(html), "2024-03-02", crawl=crawl).day == day
