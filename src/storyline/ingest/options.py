"""What a user can tell the readers: size limits, field names of dataset dumps, a source
name, when saved pages were fetched."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ReadOptions", "FieldMap", "DEFAULT_FIELDS"]

# Field names tried, in order, when a dataset dump does not say which is which.
# Compared case-insensitively. They cover news-please / CC-News (maintext,
# date_publish, source_domain), All the News (content, publication), AG News
# (description), HuggingFace cnn_dailymail (article), the UCI News Aggregator
# (TITLE, URL, PUBLISHER, TIMESTAMP), GDELT-style and generic scraper output.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "maintext", "content", "article", "articlebody", "full_text",
             "fulltext", "story_text", "description", "summary"),
    "title": ("title", "headline", "name"),
    "date": ("date", "published", "publish_date", "date_publish", "published_at", "pubdate",
             "datepublished", "publication_date", "timestamp", "datetime", "created_at", "time"),
    "url": ("url", "link", "source_url", "uri", "permalink"),
    "source": ("source", "publisher", "publication", "source_domain", "outlet", "site",
               "sitename", "domain", "hostname", "feed"),
    "byline": ("author", "authors", "byline", "creator"),
}


@dataclass
class FieldMap:
    """User-chosen field names (dotted paths reach into nested objects)."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    byline: str | None = None

    @classmethod
    def parse(cls, specs: list[str]) -> "FieldMap":
        """From ["text=content", "date=meta.published"]."""
        fm = cls()
        for spec in specs:
            key, sep, value = spec.partition("=")
            if not sep or key not in DEFAULT_FIELDS or not value:
                raise ValueError(f"bad field mapping {spec!r}; use NAME=FIELD with NAME in "
                                 + ", ".join(DEFAULT_FIELDS))
            setattr(fm, key, value)
        return fm


@dataclass
class ReadOptions:
    # A single article file (txt, html, feed, json) larger than this is not an
    # article: skipped with E004. Streams (jsonl, csv, warc) may be any size;
    # each of their records is held to `max_record_bytes`.
    max_file_bytes: int = 50 << 20
    max_record_bytes: int = 10 << 20
    fields: FieldMap = field(default_factory=FieldMap)
    source: str | None = None   # outlet name for every article read
    # When saved HTML pages were fetched: an upper bound on their dates, as a WARC
    # record's WARC-Date is for its page. `crawl_date` (an ISO date or timestamp) for
    # every HTML file read; or, with `mtime_date`, each file's modification time (on
    # request only: a copy or an unzip may give files a later time, or the time of
    # the copy). A WARC record keeps its own.
    crawl_date: str | None = None
    mtime_date: bool = False
