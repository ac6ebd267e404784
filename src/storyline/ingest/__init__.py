"""Read: files, folders, globs and stdin in, `RawDocument`s (and `Problem`s) out.

Every format has its reader; this module opens each input through its
compression, sniffs what the name does not say, applies the size limits and
turns every failure into a `Problem` naming the file and place, so one bad
input never stops a build.
"""

from __future__ import annotations

import gzip
import os
import zlib
from typing import Iterator

from ..errors import Code, Problem
from ..model import Origin, RawDocument
from .dataset import read_csv, read_json, read_jsonl
from .decode import NotText, decode, looks_binary
from .feed import looks_like_feed, read_feed
from .files import InputFile, TooLarge, discover, open_binary, read_limited
from .options import FieldMap, ReadOptions
from .text import read_text
from .warc import read_warc

__all__ = ["read_file", "read_paths", "discover", "InputFile", "ReadOptions", "FieldMap"]

_STREAMED = {"jsonl", "csv", "warc"}
_CORRUPT = (EOFError, OSError, zlib.error, gzip.BadGzipFile)


def _zstd_error() -> tuple[type[BaseException], ...]:
    try:
        import zstandard

        return (zstandard.ZstdError,)
    except ImportError:  # pragma: no cover
        return ()


def _sniff(head: bytes) -> str:
    text = head[:4096].lstrip().lower()
    if text.startswith(b"warc/") or head[:2] == b"\x1f\x8b" and b"WARC/" in _gunzip_head(head):
        return "warc"
    if text.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and looks_like_feed(
            text.decode("utf-8", "replace")):
        return "feed"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return "html"
    if text.startswith((b"{", b"[")):
        first_line = text.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.startswith(b"{") and first_line.endswith(b"}") else "json"
    return "txt"


def _gunzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(head, 64)
    except zlib.error:
        return b""


def read_file(f: InputFile, opts: ReadOptions) -> Iterator[RawDocument | Problem]:
    """Every article in one input file, with a Problem for whatever could not be read."""
    if not f.is_stdin:
        try:
            size = os.path.getsize(f.path)
        except OSError as err:
            yield Problem(Code.E009, f.path, None, err.strerror)
            return
        if size == 0:
            yield Problem(Code.E002, f.path)
            return
    try:
        yield from _read(f, opts)
    except PermissionError as err:
        yield Problem(Code.E009, f.path, None, err.strerror)


def _read(f: InputFile, opts: ReadOptions) -> Iterator[RawDocument | Problem]:
    fmt = f.format
    if fmt == "warc" and f.compression in (None, "gzip"):
        # warcio reads gzip members itself and can report which record broke.
        with open(f.path, "rb") as raw:
            yield from read_warc(f, raw, opts.max_record_bytes, opts.source)
        return
    corrupt = _CORRUPT + _zstd_error()
    with open_binary(f) as stream:
        if fmt in _STREAMED:
            last: str | None = None   # locator of the last record read, for the problem line
            try:
                if fmt == "jsonl":
                    items = read_jsonl(f, stream, opts)
                elif fmt == "csv":
                    items = read_csv(f, stream, opts)
                else:
                    items = read_warc(f, stream, opts.max_record_bytes, opts.source)
                for item in items:
                    last = (item.origin.locator if isinstance(item, RawDocument) else item.place) or last
                    yield item
            except corrupt as err:
                yield Problem(Code.E005, f.path, _next_place(last),
                              f"{err}; records before it were read", skipped=False)
            return
        try:
            data = read_limited(stream, opts.max_file_bytes)
        except TooLarge as err:
            yield Problem(Code.E004, f.path, None, str(err))
            return
        except corrupt as err:
            yield Problem(Code.E005, f.path, None, str(err))
            return
    if not data.strip():
        yield Problem(Code.E002, f.path)
        return
    if fmt is None:
        fmt = _sniff(data)
        if fmt in _STREAMED:  # small enough to have been read whole: parse from memory
            import io

            yield from _read_stream_from_memory(f, fmt, io.BytesIO(data), opts)
            return
    if looks_binary(data):
        yield Problem(Code.E001, f.path)
        return
    if fmt == "json":
        yield from read_json(f, data, opts)
        return
    if fmt == "feed" and looks_like_feed(data[:4096].decode("utf-8", "replace")):
        yield from read_feed(f, data, opts.source)
        return
    try:
        decoded = decode(data)
    except NotText as err:
        yield Problem(Code.E003, f.path, None, str(err))
        return
    if decoded.damage:
        yield Problem(Code.E003, f.path, None, decoded.damage, skipped=False)
    if fmt == "feed":  # an .xml file that is not a feed: treat as markup
        fmt = "html"
    if fmt == "html":
        yield _html_document(f, decoded.text, opts)
    else:
        yield from read_text(f, decoded.text, opts.source)


def _next_place(locator: str | None) -> str | None:
    """"line=83" -> "line=84": where a damaged stream stopped being readable."""
    kind, sep, number = (locator or "").partition("=")
    return f"{kind}={int(number) + 1}" if sep and number.isdigit() else None


def _read_stream_from_memory(f: InputFile, fmt: str, stream, opts: ReadOptions):
    if fmt == "jsonl":
        yield from read_jsonl(f, stream, opts)
    elif fmt == "csv":
        yield from read_csv(f, stream, opts)
    else:
        yield from read_warc(f, stream, opts.max_record_bytes, opts.source)


def _html_document(f: InputFile, html: str, opts: ReadOptions) -> RawDocument:
    # Extraction (trafilatura) runs later, in the per-article pipeline, so
    # that it can run in worker processes.
    crawl = opts.crawl_date or (_modified_at(f) if opts.mtime_date else None)
    return RawDocument(origin=Origin(path=f.path, format="html", crawl_date=crawl), content=html,
                       markup="html", source=opts.source)


def _modified_at(f: InputFile) -> str | None:
    """The file's modification time as a UTC timestamp (`ReadOptions.mtime_date`)."""
    if f.is_stdin:
        return None
    from datetime import datetime, timezone

    try:
        seconds = os.path.getmtime(f.path)
    except OSError:
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")


def read_paths(paths: list[str], opts: ReadOptions | None = None
               ) -> Iterator[tuple[InputFile, RawDocument | Problem]]:
    """Every article under `paths`, paired with the file it came from."""
    opts = opts or ReadOptions()
    for f in discover(paths):
        for item in read_file(f, opts):
            yield f, item

