"""WARC captures (warcio): one article per HTTP response carrying HTML.

The record's WARC-Date is when the page was fetched: the article cannot have
been published later, so it goes along as the crawl date, an upper bound.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator
from urllib.parse import urlsplit

from ..errors import Code, Problem
from ..model import Origin, RawDocument
from .decode import NotText, decode, looks_binary
from .files import InputFile

__all__ = ["read_warc"]

_TEXTUAL = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(f: InputFile, stream: BinaryIO, max_record_bytes: int,
              source: str | None) -> Iterator[RawDocument | Problem]:
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    records = iter(ArchiveIterator(stream, arc2warc=True))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as err:  # warcio raises several kinds on damaged input
            yield Problem(Code.E007, f.path, f"record={number + 1}",
                          f"{type(err).__name__}: {err}; reading stopped here", skipped=False)
            return
        number += 1
        place = f"record={number}"
        try:
            if record.rec_type != "response" or record.http_headers is None:
                continue
            status = record.http_headers.get_statuscode()
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or not ctype.startswith(_TEXTUAL):
                continue
            body = record.content_stream().read(max_record_bytes + 1)
        except Exception as err:
            yield Problem(Code.E007, f.path, place, f"{type(err).__name__}: {err}", skipped=False)
            continue
        if len(body) > max_record_bytes:
            yield Problem(Code.E013, f.path, place, skipped=False)
            continue
        if not body.strip() or looks_binary(body):
            continue
        charset = None
        if "charset=" in ctype:
            charset = ctype.split("charset=")[-1].split(";")[0].strip() or None
        try:
            text = decode(body, declared=charset).text
        except NotText as err:
            yield Problem(Code.E003, f.path, place, str(err), skipped=False)
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        crawl = record.rec_headers.get_header("WARC-Date")
        yield RawDocument(
            origin=Origin(path=f.path, format="warc", locator=place, url=url,
                          crawl_date=crawl[:10] if crawl else None),
            content=text,
            markup="text" if ctype.startswith("text/plain") else "html",
            source=source or (urlsplit(url).hostname if url else None),
        )
