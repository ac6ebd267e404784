"""Dataset dumps: JSON Lines, JSON (an array, or an object holding one), CSV/TSV.

Each record becomes one article. Which field holds the text, title, date, URL,
source and byline is guessed from common dump layouts (`DEFAULT_FIELDS`) unless
the user maps them (`--field text=maintext`).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from typing import Any, BinaryIO, Iterable, Iterator
from urllib.parse import urlsplit

from ..errors import Code, Problem
from ..model import Origin, RawDocument
from ..text.storable import storable
from .decode import NotText, decode
from .files import InputFile
from .options import DEFAULT_FIELDS, FieldMap, ReadOptions

__all__ = ["read_jsonl", "read_json", "read_csv", "record_to_document", "looks_like_html", "host_of"]

_HTML_TAG = re.compile(r"<(p|div|br|span|a|article|body|html|h[1-6]|li|figure|img)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return len(_HTML_TAG.findall(text[:5000])) >= 2


def host_of(url: str | None) -> str | None:
    """The host a URL names, or None: a malformed one ("http://[::1") is no source."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def _get(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        if key in value:
            value = value[key]
        else:  # case-insensitive fallback
            lowered = {str(k).lower(): v for k, v in value.items()}
            value = lowered.get(key.lower())
    return value


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # authors lists, paragraph lists
        parts = [_as_text(v) for v in value]
        sep = "\n\n" if any(p and len(p) > 80 for p in parts) else ", "
        return sep.join(p for p in parts if p) or None
    if isinstance(value, dict):
        return None
    text = str(value).strip()
    return text or None


def _field(record: dict[str, Any], name: str, fields: FieldMap) -> str | None:
    chosen = getattr(fields, name)
    if chosen:
        return _as_text(_get(record, chosen))
    lowered = {str(k).lower(): v for k, v in record.items()}
    for candidate in DEFAULT_FIELDS[name]:
        if candidate in lowered:
            text = _as_text(lowered[candidate])
            if text:
                return text
    return None


def record_to_document(record: dict[str, Any], origin: Origin, opts: ReadOptions,
                       default_source: str | None) -> RawDocument | None:
    fields = opts.fields
    replaced = 0

    def field_of(name: str) -> str | None:
        nonlocal replaced
        value = _field(record, name, fields)
        if value is None:
            return None
        value, n = storable(value)
        replaced += n
        return value

    text = field_of("text")
    title = field_of("title")
    if not text and not title:
        return None
    url = field_of("url")
    origin.url = url
    source = opts.source or field_of("source")
    if not source:
        source = host_of(url)
    date = field_of("date")
    byline = field_of("byline")
    notes = [f"{replaced} characters that cannot be stored (lone surrogates) replaced "
             "with U+FFFD"] if replaced else []
    return RawDocument(
        origin=origin,
        content=text or "",
        markup="html" if text and looks_like_html(text) else "text",
        title=title,
        source=source or default_source,
        published=date,
        published_method="dataset" if date else None,
        byline=byline,
        notes=notes,
    )


def _records_to_documents(f: InputFile, records: Iterable[tuple[str, Any] | Problem],
                          opts: ReadOptions, fmt: str) -> Iterator[RawDocument | Problem]:
    default_source = opts.source
    for item in records:
        if isinstance(item, Problem):
            yield item
            continue
        place, record = item
        if not isinstance(record, dict):
            yield Problem(Code.E006, f.path, place, "record is not an object", skipped=False)
            continue
        doc = record_to_document(record, Origin(path=f.path, format=fmt, locator=place), opts,
                                 default_source)
        if doc is None:
            yield Problem(Code.E012, f.path, place, skipped=False)
        else:
            yield doc


_CHUNK = 1 << 20


def bounded_lines(stream, limit: int) -> Iterator[tuple[Any, int]]:
    """(line, length) for each line of a binary or text stream, holding at most `limit`
    (+ one chunk) of it in memory: a longer line comes as (None, its length), read past
    in chunks. A compressed dump can hold a 1 GiB line in a few megabytes."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            yield line, len(line)
            continue
        size = len(line)
        while True:                            # the rest of the over-long line
            rest = stream.readline(_CHUNK)
            size += len(rest)
            if not rest or rest.endswith(b"\n" if isinstance(rest, bytes) else "\n"):
                break
        yield None, size


def read_jsonl(f: InputFile, stream: BinaryIO, opts: ReadOptions) -> Iterator[RawDocument | Problem]:
    def records() -> Iterator[tuple[str, Any] | Problem]:
        for number, (line, size) in enumerate(bounded_lines(stream, opts.max_record_bytes), 1):
            place = f"line={number}"
            if line is None or size > opts.max_record_bytes:
                yield Problem(Code.E013, f.path, place, f"{size} bytes", skipped=False)
                continue
            if not line.strip():
                continue
            try:
                yield place, json.loads(decode(line).text)
            except (ValueError, UnicodeDecodeError, NotText) as err:
                yield Problem(Code.E006, f.path, place, str(err), skipped=False)

    return _records_to_documents(f, records(), opts, "jsonl")


def read_json(f: InputFile, data: bytes, opts: ReadOptions) -> Iterator[RawDocument | Problem]:
    try:
        value = json.loads(decode(data).text)
    except (ValueError, NotText) as err:
        yield Problem(Code.E006, f.path, None, str(err))
        return
    if isinstance(value, dict):
        # {"articles": [...]} / {"data": [...]} / {"items": [...]}, else one article
        lists = [v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        items = lists[0] if len(lists) == 1 else [value]
    elif isinstance(value, list):
        items = value
    else:
        yield Problem(Code.E006, f.path, None, "neither an object nor an array")
        return
    yield from _records_to_documents(
        f, ((f"item={i}", rec) for i, rec in enumerate(items, 1)), opts, "json")


def read_csv(f: InputFile, stream: BinaryIO, opts: ReadOptions) -> Iterator[RawDocument | Problem]:
    csv.field_size_limit(min(sys.maxsize, opts.max_record_bytes))
    text_stream = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    too_long: list[tuple[int, int]] = []      # (line number, characters) of skipped lines

    def lines() -> Iterator[str]:
        for number, (line, size) in enumerate(bounded_lines(text_stream, opts.max_record_bytes), 1):
            if line is None:
                too_long.append((number, size))
                yield "\n"                      # an empty line: the reader skips it
            else:
                yield line

    text_lines = lines()
    head = next(text_lines, "")
    dialect: type[csv.Dialect] | csv.Dialect
    try:
        dialect = csv.Sniffer().sniff(head, delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if ".tsv" in f.path.lower() else csv.excel
    reader = csv.DictReader(_chain([head], text_lines), dialect=dialect)

    def records() -> Iterator[tuple[str, Any] | Problem]:
        row = 1
        while True:
            try:
                record = next(reader)
            except StopIteration:
                for number, size in too_long:
                    yield Problem(Code.E013, f.path, f"line={number}",
                                  f"a line of {size} characters, skipped", skipped=False)
                return
            except csv.Error as err:
                yield Problem(Code.E010, f.path, f"row={row + 1}", str(err), skipped=False)
                return
            row += 1
            while too_long:
                number, size = too_long.pop(0)
                yield Problem(Code.E013, f.path, f"line={number}",
                              f"a line of {size} characters, skipped", skipped=False)
            if None in record:  # more cells than header columns
                extra = record.pop(None)
                yield Problem(Code.E010, f.path, f"row={row}",
                              f"{len(extra)} cells beyond the header", skipped=False)
            yield f"row={row}", record

    return _records_to_documents(f, records(), opts, "csv")


def _chain(first: list[str], rest: Iterable[str]) -> Iterator[str]:
    yield from first
    yield from rest
