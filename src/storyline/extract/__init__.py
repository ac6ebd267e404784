"""Extract: HTML to paragraphs of text plus the page's metadata.

Whole pages go through trafilatura (main-text detection, title, site, author)
and htmldate (the original publication date, never after the crawl date).
HTML fragments from feeds and dataset dumps are already the article: their
block elements become paragraphs as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Extracted", "extract_html", "fragment_paragraphs", "is_whole_page"]

_WHOLE_PAGE = re.compile(r"<(html|body|head)\b", re.I)
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption",
           "pre", "dt", "dd", "td", "th", "caption", "div", "section", "article", "aside",
           "header", "footer", "figure", "ul", "ol", "table", "tr"}


@dataclass
class Extracted:
    paragraphs: list[str]
    title: str | None = None
    date: str | None = None          # YYYY-MM-DD from htmldate
    date_method: str = "html-meta"   # html-meta: the page's date markup; html-text: found in its text
    url: str | None = None
    description: str | None = None
    sitename: str | None = None
    author: str | None = None


def is_whole_page(html: str) -> bool:
    return bool(_WHOLE_PAGE.search(html[:20000]))


def extract_html(html: str, url: str | None = None, crawl_date: str | None = None) -> Extracted:
    """Main text and metadata of a whole HTML page.

    `crawl_date` is not given to htmldate as its `max_date`: when the page's
    metadata date is later, htmldate falls back to the first of that month
    (2024-03-05 with a 2024-03-01 crawl came out as 2024-03-01, a wrong day).
    `dating.from_metadata` applies the crawl date as an upper bound instead.
    """
    import trafilatura

    # First the page's own date markup only (meta tags, JSON-LD, time
    # elements, the URL); htmldate's extensive search of the page text runs
    # only when there is none, and its answer is trusted less.
    date_params = {"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"}
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        date_extraction_params=date_params,
    )
    if doc is None:
        return Extracted(paragraphs=[])
    text = doc.text or ""
    date, date_method = doc.date, "html-meta"
    if not date:
        from htmldate import find_date

        date = find_date(html, url=url, original_date=True, extensive_search=True)
        date_method = "html-text"
    return Extracted(
        paragraphs=[line.strip() for line in text.split("\n") if line.strip()],
        title=doc.title,
        date=date,
        date_method=date_method,
        url=doc.url or url,
        description=doc.description,
        sitename=doc.sitename or doc.hostname,
        author=doc.author,
    )


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
