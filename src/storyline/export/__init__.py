"""Export: the store as JSON (the contract), JSON Lines, CSV, a Markdown dossier, one
HTML report or a TimelineJS3 document; the whole store or one story (`story=`).

Articles are streamed one at a time, so exporting a large corpus keeps memory flat.
"""

from __future__ import annotations

import csv
import json
from typing import Callable, TextIO

from .. import query
from ..query.records import ARTICLE_FIELDS, article_record, entity_record, quote_record, story_record
from ..model import Story
from ..store import Store
from .markdown import write_markdown
from .report import write_html
from .timelinejs import write as write_timelinejs

__all__ = ["FORMATS", "write", "article_record", "story_record", "entity_record",
           "quote_record", "ARTICLE_FIELDS"]


def _picked(store: Store, story: str | None) -> tuple[list[Story], list[str] | None]:
    """The stories to export ([the one `story` names], or all) and their article ids
    (None: every article)."""
    if not story:
        return store.stories.all(), None
    one = query.find_story(store, story)
    return [one], list(one.article_ids)


def _json(store: Store, out: TextIO, story: str | None = None) -> None:
    stories, ids = _picked(store, story)
    out.write('{"articles": [')
    for i, article in enumerate(store.articles.all(ids=ids)):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(article_record(article), ensure_ascii=False))
    out.write("\n],\n \"entities\": [")
    entities = query.entities(store, story=stories[0].id) if story else query.entities(store)
    for i, entity in enumerate(entities):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(entity, ensure_ascii=False))
    out.write("\n],\n \"quotes\": [")
    # Every article's quotes, a wire copy's marked with the article it copies
    # (`copy_of`); a second pass: articles are streamed, not held.
    for i, quote in enumerate(query.quotes(store, story=stories[0].id if story else None)):
        out.write(",\n  " if i else "\n  ")
        out.write(json.dumps(quote, ensure_ascii=False))
    out.write("\n],\n")
    # Each story's comparison as `query.comparison` gives it (with whom each outlet quotes).
    records = [{**story_record(s), "comparison": {k: v for k, v in query.comparison(
        store, s.id).items() if k != "story"}} for s in stories]
    out.write(' "stories": ' + json.dumps(records, ensure_ascii=False))
    # What people corrected (`storyline fix`), undone ones too: with the export, the
    # record of who changed what.
    fixes = query.corrections(store, undone=True)
    if story:
        named = {stories[0].id, *stories[0].merged_from, *(ids or [])}
        fixes = [c for c in fixes if named & {c["target"], c["value"].get("into"),
                                              c["value"].get("to"), c["value"].get("article")}]
    out.write(',\n "corrections": ' + json.dumps(fixes, ensure_ascii=False) + "\n}\n")


def _jsonl(store: Store, out: TextIO, story: str | None = None) -> None:
    for article in store.articles.all(ids=_picked(store, story)[1]):
        out.write(json.dumps(article_record(article), ensure_ascii=False) + "\n")


CSV_COLUMNS = ("id", "path", "locator", "url", "source", "title", "dateline", "byline",
               "authors", "published_date", "published_method", "published_confidence",
               "story_id", "removed_lines", "body")


def _csv(store: Store, out: TextIO, story: str | None = None) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for article in store.articles.all(ids=_picked(store, story)[1]):
        r = article_record(article)
        writer.writerow([r["id"], r["path"], r["locator"], r["url"], r["source"], r["title"],
                         r["dateline"], r["byline"], "; ".join(r["authors"]),
                         r["published"]["date"],
                         r["published"]["method"], r["published"]["confidence"], r["story_id"],
                         len(r["removed"]), r["body"]])


# Each writes the store, or the one story `story` names, to a text stream.
FORMATS: dict[str, Callable[..., None]] = {
    "json": _json, "jsonl": _jsonl, "csv": _csv, "md": write_markdown, "html": write_html,
    "timelinejs": write_timelinejs,
}


def write(store: Store, fmt: str, out: TextIO, *, story: str | None = None,
          text: bool = False) -> None:
    """Write the whole store to `out` in format `fmt` (see `FORMATS`); with `story` (an
    id or any name `query.find_story` takes), that story alone. `text`: the Markdown
    dossier and the HTML report hold every article's whole text (else its lede)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if fmt in ("md", "html"):
        FORMATS[fmt](store, out, story=story, text=text)
    else:
        FORMATS[fmt](store, out, story=story)
