"""RSS and Atom files (feedparser): one article per entry, full text when the feed has it."""

from __future__ import annotations

import re
import time
from typing import Iterator

from ..errors import Code, Problem
from ..model import Origin, RawDocument
from .dataset import host_of, looks_like_html
from .files import InputFile

__all__ = ["read_feed", "looks_like_feed"]


def looks_like_feed(head: str) -> bool:
    head = head[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


# A character reference to no character ("&#xD800;", a surrogate; "&#x110000;") made
# feedparser's fallback parser raise and lose the whole feed. HTML reads it as U+FFFD.
_CHARREF = re.compile(rb"&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));")


def _no_character_to_fffd(m: re.Match) -> bytes:
    hex_digits, digits = m[1], m[2]
    too_long = len(hex_digits or digits) > 8   # past U+10FFFF, and too long for int()
    code = 0 if too_long else int(hex_digits, 16) if hex_digits else int(digits)
    return b"&#xFFFD;" if too_long or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else m[0]


def read_feed(f: InputFile, data: bytes, source: str | None) -> Iterator[RawDocument | Problem]:
    import feedparser

    try:
        parsed = feedparser.parse(_CHARREF.sub(_no_character_to_fffd, data))
    except UnicodeError as err:
        # feedparser believes any declared encoding: "unicode_escape" gives lone surrogates
        # it cannot re-encode, "punycode" fails its own way.
        yield Problem(Code.E011, f.path, None, f"its declared encoding cannot be read: {err}")
        return
    if parsed.bozo and not parsed.entries:
        yield Problem(Code.E011, f.path, None, str(parsed.get("bozo_exception", "")))
        return
    if parsed.bozo:
        yield Problem(Code.E011, f.path, None,
                      f"{parsed.get('bozo_exception', '')}; {len(parsed.entries)} entries read",
                      skipped=False)
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        place = f"entry={number}"
        # Full text (content:encoded / atom:content) beats the summary.
        contents = [c.get("value", "") for c in entry.get("content", [])]
        text = max(contents, key=len) if contents else ""
        if len(text) < len(entry.get("summary", "")):
            text = entry.get("summary", "")
        title = entry.get("title")
        if not text.strip() and not title:
            yield Problem(Code.E012, f.path, place, skipped=False)
            continue
        url = entry.get("link")
        # The date as the publisher wrote it, in its own time zone: feedparser's
        # parsed form is in UTC, which moves a 4:45 p.m. Pacific story to the next day.
        published = (entry.get("published") or entry.get("updated")
                     or _iso(entry.get("published_parsed") or entry.get("updated_parsed")))
        yield RawDocument(
            origin=Origin(path=f.path, format="feed", locator=place, url=url),
            content=text,
            markup="html" if looks_like_html(text) else "text",
            title=title,
            source=source or feed_title or host_of(url),
            published=published,
            published_method="feed" if published else None,
            byline=entry.get("author"),
            authors=[a["name"] for a in entry.get("authors", []) if a.get("name")],
        )
