"""What a page says about itself: its title candidates, authors, site names and JSON-LD body.

Read from the page's markup before trafilatura picks one of each: `<h1>`s, JSON-LD
(`headline`, `author`, `publisher`, `articleBody`), `og:`/`twitter:` meta tags,
`<title>`, author meta tags. Which title and which names to keep is decided in
`storyline.clean.headline` and `storyline.clean.authors`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

__all__ = ["PageMeta", "page_meta"]

# JSON-LD types whose headline and author are the article's (not the site's or a list's)
_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
                  "blogposting", "liveblogposting", "socialmediaposting", "report",
                  "scholarlyarticle", "techarticle", "webpage", "medicalwebpage"}
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                "DC.creator", "byl", "cXenseParse:author")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "publisher",
              "twitter:site")


@dataclass
class PageMeta:
    titles: list[tuple[str, str]] = field(default_factory=list)     # (source, text), h1s first
    authors: list[tuple[str, list[str]]] = field(default_factory=list)   # (source, [fields])
    site_names: list[str] = field(default_factory=list)
    article_body: str | None = None
    byline: str | None = None     # the first element of class "byline", as printed


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _json_ld(tree) -> list[dict]:
    found: list[dict] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:   # broken JSON-LD is common; the page is still read
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity",
                                                                 "mainEntityOfPage")
                             and isinstance(v, (list, dict)))
    return found


def _types(item: dict) -> set[str]:
    t = item.get("@type") or []
    return {str(x).casefold() for x in (t if isinstance(t, list) else [t])}


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict) and isinstance(value.get("name"), (str, list)):
        return _names(value["name"])
    return []


def _meta(tree, key: str) -> list[str]:
    return [el.get("content") for el in tree.xpath(
        "//meta[@property=$k or @name=$k]", k=key) if el.get("content")]


def page_meta(tree) -> PageMeta:
    """The candidates a parsed page (lxml) offers, in the order they are trusted."""
    meta = PageMeta()
    meta.titles += [("h1", _text(h)) for h in tree.iter("h1")]
    ld = _json_ld(tree)
    articles = [i for i in ld if _types(i) & _ARTICLE_TYPES] or [i for i in ld if "headline" in i]
    for item in articles:
        if isinstance(item.get("headline"), str):
            meta.titles.append(("json-ld headline", item["headline"]))
    for key, source in (("og:title", "og:title"), ("twitter:title", "twitter:title")):
        meta.titles += [(source, t) for t in _meta(tree, key)[:1]]
    title = tree.find(".//title")
    if title is not None and title.text_content().strip():
        meta.titles.append(("title", _text(title)))
    meta.authors.append(("json-ld", [n for i in articles for n in _names(i.get("author"))]))
    meta.authors.append(("meta", [v for k in _AUTHOR_META for v in _meta(tree, k)]))
    for key in _SITE_META:
        meta.site_names += _meta(tree, key)
    meta.site_names += [n for i in ld for n in _names(i.get("publisher"))]
    meta.site_names += [i["name"] for i in ld if _types(i) & {"organization", "newsmediaorganization",
                                                               "website"}
                        and isinstance(i.get("name"), str)]
    meta.byline = next((t for t in map(_text, tree.xpath(
        "//*[contains(translate(@class, 'BYLINE', 'byline'), 'byline')]")) if 2 < len(t) <= 200),
        None)
    bodies = [i["articleBody"] for i in articles if isinstance(i.get("articleBody"), str)]
    meta.article_body = max(bodies, key=len) if bodies else None
    return meta
