"""Extract: HTML to paragraphs of text plus the page's metadata.

Whole pages go through trafilatura (main-text detection, site, author) and
htmldate (the original publication date), checked against the dates the page
states and prints (`dates`). The headline as printed and the authors come from the
page's own markup (`meta`: <h1>s, JSON-LD, meta tags), chosen by
`clean.headline` and `clean.authors`.
HTML fragments from feeds and dataset dumps are already the article: their
block elements become paragraphs as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..clean import authors as _authors
from ..clean import headline
from ..ingest.dataset import host_of
from ..model import Evidence
from . import dates
from .meta import page_meta

__all__ = ["Extracted", "extract_html", "fragment_paragraphs", "is_whole_page"]

_WHOLE_PAGE = re.compile(r"<(html|body|head)\b", re.I)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
           "pre", "dt", "dd", "td", "th", "caption", "div", "section", "article", "aside",
           "header", "footer", "figure", "ul", "ol", "table", "tr"}


@dataclass
class Extracted:
    paragraphs: list[str]
    title: str | None = None
    date: str | None = None          # YYYY-MM-DD
    # html-meta: the page's date markup; html-shown: printed under its headline;
    # html-text: found by htmldate's search of its text
    date_method: str = "html-meta"
    date_reason: str | None = None   # why that date (`dates.decide`)
    url: str | None = None
    description: str | None = None
    sitename: str | None = None
    author: str | None = None
    # The headline as printed (`clean.headline.choose`) and every title candidate
    title_evidence: list[Evidence] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    authors_from: str | None = None   # json-ld | meta | trafilatura
    site_names: list[str] = field(default_factory=list)
    article_body: str | None = None   # JSON-LD articleBody, for a page with no text found


def is_whole_page(html: str) -> bool:
    """A whole HTML document (<html>, <head> or <body> anywhere), not a fragment.

    The whole text is searched: a page may open with a long <style> block or
    inline scripts before its <body>.
    """
    return bool(_WHOLE_PAGE.search(html))


def extract_html(html: str, url: str | None = None, crawl_date: str | None = None) -> Extracted:
    """Main text and metadata of a whole HTML page.

    The date is htmldate's answer from the page's metadata (trafilatura runs it),
    its extensive text search only when there is none, then checked against what
    the page states and shows (`dates.decide`): a timestamp in the page's own
    offset over UTC, byline microdata, the date printed under the headline. A
    page trafilatura finds no text in keeps its date and title.

    `crawl_date` (when the page was fetched: an ISO date, or a timestamp such as
    a WARC-Date) is not given to htmldate as its `max_date`: when the page's
    metadata date is later, htmldate falls back to the first of that month
    (2024-03-05 with a 2024-03-01 crawl came out as 2024-03-01, a wrong day).
    `dates.decide` compares the page's statements with it instead (instants where
    both have a time zone) and `dating.from_metadata` keeps it as the upper bound.
    """
    import trafilatura
    from htmldate import find_date
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Extracted(paragraphs=[], date_method="html-meta")
    meta = page_meta(tree)   # before trafilatura, which prunes the tree
    # htmldate's fast search (meta tags, JSON-LD, time elements, the URL) runs
    # inside trafilatura; it copies the tree before changing it.
    date_params = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"}
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False,
        date_extraction_params=date_params,
    )
    if doc is not None:
        found, title = doc.date, doc.title
    else:   # no main text: the metadata is still the page's
        found = find_date(html, url=url, **date_params)
        title = None
    method = "html-meta"
    if not found:
        # htmldate parses the string itself: on trafilatura's tree its text
        # search finds other dates
        found = find_date(html, url=url, original_date=True, extensive_search=True)
        method = "html-text"
    decision = dates.decide(tree, found, method, url=url, crawl=crawl_date)
    sites = [*meta.site_names, *((doc.sitename, doc.hostname) if doc else ()), host_of(url)]
    chosen, evidence = headline.choose(meta.titles or [("trafilatura", title)], sites)
    names, names_from = _authors.first_names(
        [*meta.authors, ("trafilatura", (doc.author or "").split("; ") if doc else []),
         ("byline", [meta.byline])], sites)
    printed = _authors.names(meta.byline, sites)
    if names != _authors.with_printed(names, printed):
        names, names_from = printed, "byline"
    page = Extracted(paragraphs=[], title=chosen, date=decision.day,
                     date_method=decision.method, date_reason=decision.reason, url=url,
                     title_evidence=evidence, authors=names, authors_from=names_from,
                     site_names=[s for s in dict.fromkeys(sites) if s],
                     article_body=meta.article_body)
    if doc is None:
        return page
    text = doc.text or ""
    page.paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    page.url = doc.url or url
    page.description = doc.description
    page.sitename = doc.sitename or doc.hostname
    page.author = doc.author
    return page



def fragment_paragraphs(html: str) -> list[str]:
    """The text of an HTML fragment, one paragraph per innermost block element."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises ParserError or ValueError on junk
        return [line.strip() for line in re.sub(r"<[^>]+>", " ", html).split("\n") if line.strip()]
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    paragraphs: list[str] = []

    def walk(el) -> None:
        has_block_child = any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el)
        if not has_block_child:
            for line in el.text_content().split("\n"):
                text = " ".join(line.split())
                if text:
                    paragraphs.append(text)
            return
        if el.text and el.text.strip():
            paragraphs.append(" ".join(el.text.split()))
        for child in el:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail and child.tail.strip():
                paragraphs.append(" ".join(child.tail.split()))

    walk(root)
    return paragraphs
