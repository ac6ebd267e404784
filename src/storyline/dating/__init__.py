"""Date: when each article was published, with the evidence for it.

Three layers, each used when the one before gives no day:

1. `from_metadata`: the dates that come with an article (page metadata via
   htmldate, feed pubDate, dataset fields, a date in the file path), a WARC
   crawl date as an upper bound, htmldate's year-only guess as a year;
2. `from_text` (`text.py`, `clues.py`): reasoning from the article's own text,
   body and removed lines: timestamp lines, datelines, dates and weekdays in
   past or future tense, caption dates as lower bounds only, inside the bounds
   the metadata set. `date_article` runs 1 then 2, as the pipeline does;
3. `date_in_story` (`story.py`): for the story stage: an article the text
   cannot date takes the dates of dated articles reporting the same events as
   a prior (`from_story`), and its own clues pick the day; failing that, the
   day the story's articles agree on, or bounds. The evidence comes from
   `timeline.story_clues`; every decision is made here.

Every answer is a `Published`: a day or None, earliest/latest bounds,
granularity (day, month, year), method, confidence and the evidence, so that
`storyline show` can say why in one line. Nothing here raises on bad input
("February 30", two-digit years, years before 1800 or far ahead, contradicting
clues, text with no time at all): the answer is coarser, less confident, or
None with the reason in the evidence.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from ..model import Article, Evidence, Published
from .story import (StoryBounds, StoryClues, StoryEvidence, StoryYears, date_in_story, from_story,
                    story_years)
from .text import from_text, score_days

__all__ = ["parse_date", "from_metadata", "from_text", "date_article", "from_story",
           "date_in_story", "StoryEvidence", "StoryBounds", "StoryClues", "StoryYears",
           "story_years", "score_days",
           "METHOD_CONFIDENCE"]

# How much a date from each kind of metadata is trusted. Feed and dataset
# dates are written by the publisher's system; a web page's date markup
# (html-meta) is right ~93% of the time on htmldate-eval, the date printed
# under its headline where the markup states no publication date (html-shown)
# a little less; path dates are usually the saver's own naming.
METHOD_CONFIDENCE = {"feed": 0.95, "dataset": 0.95, "html-meta": 0.9, "html-shown": 0.85,
                     "path": 0.8, "html-text": 0.6}

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


def from_metadata(found: str | None, method: str | None, crawl_date: str | None,
                  reason: str | None = None) -> Published:
    """The published date from metadata, bounded above by the crawl date.

    `crawl_date` is a day or a timestamp (a WARC-Date); a metadata day up to one day
    after the crawl's day is still in time (a page's own day runs ahead of UTC in the
    east: `extract.dates.decide` compares instants where the page states one).
    `reason` says why the metadata gave that day (or none), and goes in the evidence.
    """
    day = parse_date(found)
    crawl = parse_date(crawl_date)
    why = [Evidence(reason, where="metadata", note="why")] if reason else []
    if day and crawl and date.fromisoformat(day) > date.fromisoformat(crawl) + timedelta(days=1):
        # Published after it was fetched is impossible: the metadata is wrong.
        return Published(latest=crawl, method="warc-crawl", confidence=0.0,
                         evidence=[Evidence(crawl_date or "", where="metadata",
                                            note=f"crawl date, kept as the latest possible day; "
                                                 f"metadata date {day} is later, ignored")] + why)
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
                                            note=f"{method} date" + (f": {reason}" if reason else ""))])
    if crawl:
        return Published(latest=crawl, method="warc-crawl", confidence=0.0,
                         evidence=[Evidence(crawl_date or "", where="metadata",
                                            note="crawl date: published on or before")] + why)
    return Published()


def date_article(article: Article, *, today: date | None = None) -> Published:
    """The article's final date: a metadata day when there is one, else the text's
    answer inside the metadata's bounds (crawl date, htmldate's year).

    A year-only guess from htmldate's text search is refined to the day when the
    text finds one inside that year; when the text adds nothing, the metadata's
    answer stays, with the text's reason added to its evidence.
    """
    meta = article.published
    if meta.date and meta.granularity == "day":
        return meta
    found = from_text(article, meta, today=today)
    if found.method != "text":
        return found                      # abstained: `meta` plus the reason
    if meta.granularity and found.coarseness <= meta.coarseness \
            and found.granularity != "day":
        return _with_reason(meta, found)  # no finer than what the metadata said
    kept = [e for e in meta.evidence]     # crawl date, htmldate's year: still true
    if kept:
        found.evidence = found.evidence + kept
    return found


def _with_reason(meta: Published, found: Published) -> Published:
    notes = [e for e in found.evidence if (e.note or "").startswith("text:")]
    return Published(date=meta.date, earliest=meta.earliest, latest=meta.latest,
                     granularity=meta.granularity, method=meta.method, confidence=meta.confidence,
                     evidence=list(meta.evidence) + notes)
