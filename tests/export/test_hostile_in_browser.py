"""Hostile text through every export a person opens, rendered where it is read.

A store holds script, event handlers, attribute-breaking quotes, `javascript:`,
`data:` and `vbscript:` links and Markdown link tricks in every field a reader sees.
Each export is rendered as its reader would: the HTML report as is, the Markdown
export by a CommonMark renderer with raw HTML on and no link filter (the worst
viewer a user may have), the TimelineJS document's text fields inserted as HTML the
way TimelineJS does. Every page is then checked twice:

- parsed (always): no element with an `on*` handler, no script/iframe/object/...
  element, no link or source with a scheme other than http(s), and every payload
  still there as text (escaping must not lose or mangle it);
- loaded in headless Chromium (when one is installed): no payload ran. Each payload
  leaves a mark when it runs (`data-pwned` on <html>, or the title `PWNED`), and a
  positive control page with live payloads must show the marks, so the check is
  known to see execution.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import lxml.html
import pytest
from markdown_it import MarkdownIt

from storyline.errors import Code, Problem
from storyline.model import Article, Block, Entity, Event, Mention, Origin, Quote
from storyline.store import Store

MARK = "document.documentElement.setAttribute('data-pwned','1')"
TITLE = "document.title='PWNED'"

# Inline payloads: each would run, or make a live link, if written as markup.
INLINE = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f"\"'><svg onload=\"{TITLE}\">",
    f"</textarea></title></style><script>{MARK}</script>",
    f'<iframe srcdoc="<img src=x onerror={TITLE}>"></iframe>',
    f'<details open ontoggle="{MARK}">',
    f"<a href=\"data:text/html,<script>{MARK}</script>\">d</a>",
    "<a href='vbscript:msgbox(1)'>v</a>",
    f"[x](javascript:{MARK})",
    f"![x](javascript:{MARK})",
    f"[y](<javascript:{MARK}>)",
    f"<javascript:{MARK}>",
    "`<b onmouseover=alert(1)>` code",
    "&lt;script&gt; as entities",
]
# Line-start Markdown: link reference definitions and raw HTML blocks.
BLOCKS = [
    f"[ref]: javascript:{MARK}\n\n[click][ref] and [ref]",
    f"<div onmouseover=\"{MARK}\">\nraw html block\n</div>",
    f"<style>@import 'javascript:{MARK}';</style>",
    f"<form><button formaction=\"javascript:{MARK}\">go</button></form>",
    "<base href=\"javascript:alert(1)//\">",
]
ONE_LINE = " ".join(INLINE)
# Ids are hashes, but a store may hold anything: one that would end a code span.
ID = f'` <img src=x onerror="{MARK}"> `'
URLS = [f"javascript:{MARK}", f"data:text/html,<script>{MARK}</script>", "vbscript:msgbox(1)",
        f"https://example.com/a?q=\"'><img src=x onerror={MARK}>"]


def hostile(what: str) -> str:
    return f"{what}: {ONE_LINE}"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("hostile") / "h.db")
    articles = []
    for i, url in enumerate(URLS, 1):
        body = [Block(hostile(f"body {i}"))] + [Block(b) for b in BLOCKS]
        articles.append(Article(
            id=f"a{i}{ID}", origin=Origin(path=f"evil{i}.txt", format="txt", url=url,
                                     locator=hostile("locator")),
            title=hostile(f"title {i}"), source=hostile(f"source {i}"),
            byline=hostile("byline"), dateline=hostile("dateline"),
            blocks=body + [Block(hostile("caption"), kind="caption", rule="caption-label"),
                           Block(hostile("removed"), kind=hostile("kind"), rule="promo")],
            mentions=[Mention(0, 4, hostile("mention"), "PERSON", hostile("name"))],
            quotes=[Quote(f"q{i}", f"a{i}{ID}", hostile("quote"), speaker_name=hostile("speaker"))],
            content_hash=f"h{i}", story_id=f"s1{ID}"))
    events = [vars(Event("2024-03-05", "day", hostile(f"event {i}"),
                         [{"article_id": a.id, "sentence": hostile("sentence"),
                           "outlet": hostile("outlet")} for a in articles]))
              for i in range(2)]
    with Store(db) as store, store.transaction():
        for a in articles:
            store.articles.put(a)
        store.stories.put(f"s1{ID}", hostile("story"), {
            "id": f"s1{ID}", "title": hostile("story"), "article_ids": [a.id for a in articles],
            "timeline": events})
        entity = Entity("e1", hostile("entity"), "PERSON", aliases=[hostile("alias")],
                        article_ids=[f"a1{ID}"])
        store.entities.put(SimpleNamespace(
            entities=[entity], names=lambda: [((f"a1{ID}", hostile("name"), "PERSON"), "e1")]))
        build = store.builds.start([hostile("path")])
        store.builds.add_problem(build, Problem(Code.E003, hostile("path"), hostile("place"),
                                                hostile("detail")))
    return db


# --- rendering each export as its reader does -------------------------------------

def worst_markdown_viewer(text: str) -> str:
    """CommonMark with raw HTML on and every link scheme allowed."""
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True
    return ("<!doctype html><html><head><meta charset=utf-8><title>md</title></head><body>"
            + md.render(text) + "</body></html>")


def timelinejs_page(doc: dict) -> str:
    """The document's text fields inserted as HTML, as TimelineJS does (innerHTML);
    the parser inserting them is stricter still: it would also run a <script>."""
    parts = [f"<h1>timelinejs</h1><div>{doc['title']['text'].get('headline', '')}</div>"
             f"<div>{doc['title']['text'].get('text', '')}</div>"]
    for e in doc["events"]:
        parts.append(f"<section><h2>{e['text']['headline']}</h2><div>{e['text']['text']}</div>"
                     f"<div>{e.get('group', '')}</div><div>{e.get('display_date', '')}</div>"
                     "</section>")
    parts += [f"<div>{era['text']['headline']}</div>" for era in doc.get("eras", [])]
    return ("<!doctype html><html><head><meta charset=utf-8><title>tl</title></head><body>"
            + "".join(parts) + "</body></html>")


@pytest.fixture(scope="module")
def pages(store_path, exported) -> dict[str, str]:
    """{name: the HTML a reader's browser gets} for every export shown as HTML."""
    return {"report": exported(store_path, "html", text=True),
            "report, ledes": exported(store_path, "html"),
            "markdown": worst_markdown_viewer(exported(store_path, "md", text=True)),
            "dossier": worst_markdown_viewer(exported(store_path, "md")),
            "one story": exported(store_path, "html", story=f"s1{ID}"),
            "timelinejs": timelinejs_page(json.loads(exported(store_path, "timelinejs")))}


# A page where the payloads are deliberately live: the checks must see them.
CONTROL = worst_markdown_viewer(f"{INLINE[1]}\n\n<script>{TITLE}</script>\n\n{INLINE[8]}")

# --- what a rendered page must not hold --------------------------------------------

ACTIVE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
               "form", "input", "button", "textarea", "svg", "math", "img", "video", "audio",
               "source", "link", "template", "portal"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "cite", "srcset", "ping", "codebase", "srcdoc"}
SAFE_SCHEMES = {"", "http", "https"}


def dangers(page: str) -> list[str]:
    """What in this HTML could run or navigate to script, one line each."""
    root = lxml.html.document_fromstring(page)
    found = []
    if root.get("data-pwned"):
        found.append("a payload ran: <html data-pwned>")
    if (root.findtext(".//title") or "").strip() == "PWNED":     # what the payload sets
        found.append("a payload ran: title PWNED")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in ACTIVE_TAGS or (tag == "meta" and el.get("http-equiv")):
            found.append(f"<{tag}> element")
        for name, value in el.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            elif name in URL_ATTRIBUTES and _scheme(value) not in SAFE_SCHEMES:
                found.append(f"<{tag} {name}={value[:40]!r}>")
            elif name == "style" and re.search(r"javascript:|expression\(|url\(", value, re.I):
                found.append(f"<{tag} style={value[:40]!r}>")
    return found


def _scheme(url: str) -> str:
    url = re.sub(r"[\x00-\x20]", "", url)        # browsers drop these: "java\tscript:"
    return urlsplit(url).scheme.lower()


def page_text(page: str) -> str:
    return " ".join(lxml.html.document_fromstring(page).text_content().split())


# --- checks without a browser ------------------------------------------------------

@pytest.mark.parametrize("name", ["report", "report, ledes", "markdown", "dossier", "one story",
                                  "timelinejs"])
def test_rendered_exports_hold_nothing_live(pages, name):
    assert dangers(pages[name]) == []


@pytest.mark.parametrize("name", ["report", "report, ledes", "markdown", "dossier", "one story",
                                  "timelinejs"])
def test_every_payload_is_still_there_as_text(pages, name):
    text = page_text(pages[name])
    for payload in INLINE + [hostile("story"), f"a1{ID}"]:
        assert payload in text, (name, payload)


def test_markdown_keeps_line_start_tricks_as_text(pages):
    text = page_text(pages["markdown"])
    for block in BLOCKS:
        assert " ".join(block.split()) in text, block


def test_the_checks_see_a_live_page():
    assert {"<img onerror=...>", "<img> element", "<script> element"} <= set(dangers(CONTROL))
    assert any(d.startswith("<a href='javascript:") for d in dangers(CONTROL))


def test_timelinejs_links_and_media_are_web_addresses_only(store_path, exported):
    doc = json.loads(exported(store_path, "timelinejs"))
    hrefs = []
    for e in doc["events"]:
        hrefs += lxml.html.fragment_fromstring(e["text"]["text"], create_parent="div").xpath("//@href")
        if "media" in e:
            hrefs.append(e["media"]["url"])
    assert hrefs and all(_scheme(h) in {"http", "https"} for h in hrefs), hrefs
    assert URLS[3] in [str(h) for h in hrefs]       # kept, quotes and all, inside its attribute


def test_data_exports_keep_hostile_text_exactly(store_path, exported):
    doc = json.loads(exported(store_path, "json"))
    a1 = next(a for a in doc["articles"] if a["id"] == f"a1{ID}")
    assert (a1["title"], a1["url"], a1["removed"][-1]["text"]) == (
        hostile("title 1"), URLS[0], hostile("removed"))
    assert doc["entities"][0]["name"] == hostile("entity")
    assert {(q["text"], q["speaker_name"]) for q in doc["quotes"]} == {
        (hostile("quote"), hostile("speaker"))}
    assert doc["stories"][0]["timeline"][0]["text"] == hostile("event 0")
    assert json.loads(exported(store_path, "jsonl").splitlines()[0])["byline"] == hostile("byline")
    rows = list(csv.DictReader(io.StringIO(exported(store_path, "csv"))))
    assert rows[0]["title"] == hostile("title 1") and BLOCKS[0] in rows[0]["body"]


# --- in a browser ------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=2000", "--dump-dom"]


def in_browser(html_pages: dict[str, str], tmp: Path) -> dict[str, str]:
    """{name: the DOM after loading the page in headless Chromium}, pages loaded at once."""
    runs = {}
    for name, page in html_pages.items():
        path = tmp / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        profile = tempfile.mkdtemp(dir=tmp)
        runs[name] = subprocess.Popen(
            [CHROMIUM, *FLAGS[:-1], f"--user-data-dir={profile}", FLAGS[-1], path.as_uri()],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": "disabled:"})
    dumped = {}
    for name, run in runs.items():
        out, _ = run.communicate(timeout=60)
        assert run.returncode == 0 and "<html" in out, f"chromium failed on {name}"
        dumped[name] = out
    return dumped


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium, chromium-browser or google-chrome "
                    "on PATH: exports not rendered in a browser (apt-get install chromium)")
def test_nothing_runs_in_chromium(pages, tmp_path):
    dom = in_browser({**pages, "control": CONTROL}, tmp_path)
    control = dangers(dom.pop("control"))
    assert {"a payload ran: <html data-pwned>", "a payload ran: title PWNED"} <= set(control)
    for name, page in dom.items():
        assert dangers(page) == [], name
        assert INLINE[0] in page_text(page), name       # the page was shown, not replaced
