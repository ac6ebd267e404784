"""Date: when each article was published, with the evidence for it.

This module reads the dates that come with an article (page metadata via
htmldate, feed pubDate, dataset fields, a date in the file path, a WARC
crawl date as an upper bound). Reasoning a date from the text itself is the
next layer (time expressions); it plugs in here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from ..model import Evidence, Published

__all__ = ["parse_date", "from_metadata", "METHOD_CONFIDENCE"]

# How much a date from each kind of metadata is trusted. Feed and dataset
# dates are written by the publisher's system; htmldate's original-date
# search is right ~90% of the time on htmldate-eval; path dates are usually
# the saver's own naming.
METHOD_CONFIDENCE = {"feed": 0.95, "dataset": 0.95, "html-meta": 0.9, "path": 0.8,
                     "html-text": 0.6}

_ISO_PREFIX = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_EARLIEST, _LATEST = date(1800, 1, 1), date(2100, 1, 1)


def parse_date(value: str | None) -> str | None:
    """A YYYY-MM-DD date from a metadata value, or None when it is not a plausible date."""
    if not value:
        return None
    value = str(value).strip()
    parsed: date | None = None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", value):  # epoch seconds or milliseconds
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 11 else 1)
        parsed = datetime.fromtimestamp(seconds, tz=timezone.utc).date()
    else:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                parsed = parsedate_to_datetime(value).date()
            except (TypeError, ValueError, IndexError):
                m = _ISO_PREFIX.search(value)
                if m:
                    try:
                        parsed = date(int(m[1]), int(m[2]), int(m[3]))
                    except ValueError:
                        parsed = None
                else:
                    parsed = _parse_loose(value)
    if parsed is None or not (_EARLIEST <= parsed <= _LATEST):
        return None
    return parsed.isoformat()


def _parse_loose(value: str) -> date | None:
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%m/%d/%Y", "%Y/%m/%d",
                "%b. %d, %Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def from_metadata(found: str | None, method: str | None, crawl_date: str | None) -> Published:
    """The published date from metadata, bounded above by the crawl date."""
    day = parse_date(found)
    crawl = parse_date(crawl_date)
    if day and crawl and day > crawl:
        # Published after it was fetched is impossible: the metadata is wrong.
        return Published(latest=crawl, method="warc-crawl", confidence=0.0,
                         evidence=[Evidence(crawl_date or "", where="metadata",
                                            note=f"crawl date; metadata date {day} is later, ignored")])
    if day and method == "html-text" and day.endswith("-01-01"):
        # htmldate's text search answers a bare year ("© 2024") with January 1:
        # only the year is known.
        year = day[:4]
        return Published(earliest=f"{year}-01-01", latest=f"{year}-12-31", granularity="year",
                         method=method, confidence=0.3,
                         evidence=[Evidence(str(found), where="metadata",
                                            note="htmldate text search; only the year is known")])
    if day and method:
        return Published(date=day, earliest=day, latest=day, granularity="day", method=method,
                         confidence=METHOD_CONFIDENCE.get(method, 0.7),
                         evidence=[Evidence(str(found), where="path" if method == "path" else "metadata",
                                            note=f"{method} date")])
    if crawl:
        return Published(latest=crawl, method="warc-crawl", confidence=0.0,
                         evidence=[Evidence(crawl_date or "", where="metadata",
                                            note="crawl date: published on or before")])
    return Published()
