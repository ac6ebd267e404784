"""WARC captures (warcio): one article per HTTP response carrying HTML.

The record's WARC-Date is when the page was fetched: the article cannot have
been published later, so it goes along as the crawl date, an upper bound.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO, Iterator

from ..errors import Code, Problem
from ..model import Origin, RawDocument
from .dataset import host_of
from .decode import NotText, decode, looks_binary
from .files import InputFile

__all__ = ["read_warc"]

_TEXTUAL = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(f: InputFile, stream: BinaryIO, max_record_bytes: int,
              source: str | None) -> Iterator[RawDocument | Problem]:
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    archive = ArchiveIterator(stream, arc2warc=True)
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except Exception as err:  # warcio raises several kinds on damaged input
            yield Problem(Code.E007, f.path, f"record={number + 1}",
                          f"{type(err).__name__}: {err}; reading stopped here", skipped=False)
            return
        number += 1
        place = f"record={number}"
        try:
            item = _read_record(f, record, place, max_record_bytes, source)
            # Read the rest of the record: a record cut short (a truncated
            # download) ends before its Content-Length.
            block = record.raw_stream
            while block.read(1 << 16):
                pass
            missing = getattr(block, "limit", 0)
        except Exception as err:
            yield Problem(Code.E007, f.path, place, f"{type(err).__name__}: {err}", skipped=False)
            continue
        if missing:
            yield Problem(Code.E007, f.path, place,
                          f"record cut short, {missing} of its {record.length} bytes missing; "
                          "reading stopped here", skipped=False)
            return
        if item is not None:
            yield item
    # warcio stops without complaint when a gzip member is cut off inside a
    # record's header: bytes left after the last whole record say so.
    try:
        end = stream.tell()
    except (OSError, ValueError, AttributeError):
        return
    if archive.offset < end and not _padding(stream, archive.offset, end):
        yield Problem(Code.E007, f.path, f"record={number + 1}",
                      f"{end - archive.offset} bytes after the last whole record could not be "
                      "read", skipped=False)


def _padding(stream: BinaryIO, start: int, end: int) -> bool:
    """Whether the bytes after the last record are only padding (blank lines, empty gzip members)."""
    if end - start > 1 << 16:
        return False
    try:
        stream.seek(start)
        tail = stream.read(end - start)
    except (OSError, ValueError):
        return False
    while tail.strip():
        tail = tail.lstrip()
        if not tail.startswith(b"\x1f\x8b"):
            return False
        member = zlib.decompressobj(31)
        try:
            text = member.decompress(tail)
        except zlib.error:
            return False
        if not member.eof or text.strip():
            return False
        tail = member.unused_data
    return True


def _read_record(f: InputFile, record, place: str, max_record_bytes: int,
                 source: str | None) -> RawDocument | Problem | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not ctype.startswith(_TEXTUAL):
        return None
    body = record.content_stream().read(max_record_bytes + 1)
    if len(body) > max_record_bytes:
        return Problem(Code.E013, f.path, place, skipped=False)
    if not body.strip() or looks_binary(body):
        return None
    charset = None
    if "charset=" in ctype:
        charset = ctype.split("charset=")[-1].split(";")[0].strip() or None
    try:
        text = decode(body, declared=charset).text
    except NotText as err:
        return Problem(Code.E003, f.path, place, str(err), skipped=False)
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawl = record.rec_headers.get_header("WARC-Date")
    return RawDocument(
        origin=Origin(path=f.path, format="warc", locator=place, url=url,
                      crawl_date=crawl or None),
        content=text,
        markup="text" if ctype.startswith("text/plain") else "html",
        source=source or host_of(url),
    )
