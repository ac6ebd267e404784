"""Export: the store as JSON (the contract), JSON Lines, CSV, Markdown or one HTML report.

Articles are streamed one at a time, so exporting a large corpus keeps memory flat.
"""

from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

from .. import query
from ..query.records import ARTICLE_FIELDS, article_record, entity_record, quote_record, story_record
from ..store import Store
from .markdown import write_markdown
from .report import write_html
from .timelinejs import write as write_timelinejs

__all__ = ["FORMATS", "write", "article_record", "story_record", "entity_record",
           "quote_record", "ARTICLE_FIELDS"]


def _json(store: Store, out: TextIO) -> None:
    out.write('{"articles": [')
    for i, article in enumerate(store.articles.all()):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(article_record(article), ensure_ascii=False))
    out.write("\n],\n \"entities\": [")
    for i, entity in enumerate(query.entities(store)):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(entity, ensure_ascii=False))
    out.write("\n],\n \"quotes\": [")
    # Every article's quotes, a wire copy's marked with the article it copies
    # (`copy_of`); a second pass: articles are streamed, not held.
    for i, quote in enumerate(query.quotes(store)):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(quote, ensure_ascii=False))
    out.write("\n],\n")
    stories = [story_record(s) for s in store.stories.all()]
    out.write(' "stories": ' + json.dumps(stories, ensure_ascii=False) + "\n}\n")


def _jsonl(store: Store, out: TextIO) -> None:
    for article in store.articles.all():
        out.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")


CSV_COLUMNS = ("id", "path", "locator", "url", "source", "title", "dateline", "byline",
               "authors", "published_date", "published_method", "published_confidence",
               "story_id", "removed_lines", "body")


def _csv(store: Store, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for article in store.articles.all():
        r = article_record(article)
        writer.writerow([r["id"], r["path"], r["locator"], r["url"], r["source"], r["title"],
                         r["dateline"], r["byline"], "; ".join(r["authors"]),
                         r["published"]["date"],
                         r["published"]["method"], r["published"]["confidence"], r["story_id"],
                         len(r["removed"]), r["body"]])


FORMATS: dict[str, Callable[[Store, TextIO], None]] = {
    "json": _json, "jsonl": _jsonl, "csv": _csv, "md": write_markdown, "html": write_html,
    "timelinejs": write_timelinejs,
}


def write(store: Store, fmt: str, out: TextIO) -> None:
    """Write the whole store to `out` in format `fmt` (see `FORMATS`)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    FORMATS[fmt](store, out)
