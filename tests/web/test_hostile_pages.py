"""Hostile text on every page: the store of tests/export/test_hostile_in_browser.py
(script, event handlers, `javascript:` links and attribute-breaking quotes in every
title, outlet, byline, body, removed line, quote, name and id) served and parsed.
No page may hold anything live, and every payload must still be there as text."""

from __future__ import annotations

from urllib.parse import quote

import lxml.html
import pytest
from test_hostile_in_browser import ID, INLINE, URLS, dangers, hostile, page_text

from storyline.store import Store


def seg(value: str) -> str:
    return quote(value, safe="")


# The pages' own active-looking elements (a stylesheet, charts, filter forms) and what
# may be inside them; anything else there, or any handler, is a leak.
OURS = {"//link[@rel='stylesheet'][@href='/static/style.css'] | //link[@rel='icon'][@href='/static/favicon.svg']": {"link"},
        "//svg[@class='spark' or @class='axis']": {"svg", "rect", "line", "circle", "text",
                                                   "title", "g", "a"},
        "//form[@action='/search' or @action='/stories' or @action='/entities']":
            {"form", "label", "select", "option", "input", "button"}}


def live(html: str) -> list[str]:
    """What could run in a served page, besides the page's own charts and forms."""
    root = lxml.html.document_fromstring(html)
    found = []
    for path, tags in OURS.items():
        for el in root.xpath(path):
            for sub in el.iter():
                if not isinstance(sub.tag, str):
                    continue
                if sub.tag.lower() not in tags:
                    found.append(f"<{sub.tag}> inside <{el.tag}>")
                found += [f"<{sub.tag} {k}>" for k in sub.attrib if k.lower().startswith("on")]
                href = sub.get("href")
                if sub.tag == "a" and href is not None and not href.startswith("#"):
                    found.append(f"<a href={href[:40]!r}> inside <{el.tag}>")
            el.drop_tree()
    # A page titled by a hostile story name holds "PWNED" as text; a run payload
    # makes it the whole title.
    ran = (root.findtext(".//head/title") or "").strip() == "PWNED"
    return found + [d for d in dangers(lxml.html.tostring(root, encoding="unicode"))
                    if d != "a payload ran: title PWNED" or ran]


@pytest.fixture(scope="module")
def pages(hostile_client, store_path) -> dict[str, str]:
    """{url: the HTML served} for every page the hostile store has."""
    with Store(store_path, readonly=True) as store:
        article_ids = [a.id for a in store.articles.all()]
    urls = ["/", "/stories?outlet=" + seg(hostile("source 1")), f"/stories/{seg('s1' + ID)}",
            "/entities", "/entities/e1", "/search?q=body", "/search?q=" + seg('"script"'),
            f"/search?q=body&outlet={seg(hostile('source 1'))}&story={seg('s1' + ID)}"]
    urls += [f"/articles/{seg(a)}" for a in article_ids]
    served = {}
    for url in urls:
        r = hostile_client.get(url)
        assert r.status_code == 200, (url, r.text[:300])
        served[url] = r.text
    return served


def test_no_page_holds_anything_live(pages):
    for url, html in pages.items():
        assert live(html) == [], url


def test_every_payload_is_still_there_as_text(pages):
    story = page_text(pages[f"/stories/{seg('s1' + ID)}"])
    for what in ("story", "event 0", "sentence", "outlet", "entity", "quote", "speaker"):
        assert hostile(what) in story, what
    article = page_text(pages[f"/articles/{seg('a1' + ID)}"])
    for what in ("title 1", "source 1", "byline", "dateline", "body 1", "caption", "removed",
                 "kind", "quote", "locator"):
        assert hostile(what) in article, what
    assert f"a1{ID}" in article and URLS[0] in article
    for payload in INLINE:
        assert payload in article


def test_links_are_web_addresses_or_the_servers_own(pages):
    for url, html in pages.items():
        for href in lxml.html.document_fromstring(html).xpath("//a/@href"):
            assert href.startswith(("/", "?", "#", "https://", "http://")), (url, href)
    # only the one web address is a link; the javascript: and data: ones are text
    article = lxml.html.document_fromstring(pages[f"/articles/{seg('a4' + ID)}"])
    assert URLS[3] in article.xpath("//dl[@class='meta']//a/@href")
    script_url = lxml.html.document_fromstring(pages[f"/articles/{seg('a1' + ID)}"])
    assert not script_url.xpath("//dl[@class='meta']//a")


def test_hostile_ids_link_back_to_their_pages(hostile_client, pages):
    story = lxml.html.document_fromstring(pages[f"/stories/{seg('s1' + ID)}"])
    hrefs = set(story.xpath("//section[@id='articles']//a/@href"))
    assert f"/articles/{seg('a1' + ID)}" in hrefs
    for href in hrefs:
        assert hostile_client.get(href).status_code == 200, href


def test_json_twins_keep_hostile_text_exactly(hostile_client):
    record = hostile_client.get(f"/articles/{seg('a1' + ID)}.json").json()
    assert (record["title"], record["url"], record["source"]) == (hostile("title 1"), URLS[0],
                                                                 hostile("source 1"))
    r = hostile_client.get(f"/articles/{seg('a1' + ID)}.json")
    assert r.headers["content-type"] == "application/json"     # never sniffed as a page


def test_the_check_sees_a_leak_inside_the_pages_own_elements():
    leaky = ('<html><head><title>t</title></head><body><svg class="spark"><script>x</script>'
             '<rect onclick="x"/></svg><form action="/search"><iframe></iframe></form></body></html>')
    assert {"<script> inside <svg>", "<rect onclick>", "<iframe> inside <form>"} <= set(live(leaky))
