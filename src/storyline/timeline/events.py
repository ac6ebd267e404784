"""Events: the sentences of an article that report something happening at a time.

A sentence becomes a dated sentence when

- it holds a time expression the time layer resolved to a calendar date, week,
  month or year ("on April 20", "Tuesday" -> 2010-04-20, "in May" -> 2010-05):
  the event is dated by what the text says (`how="timex"`); or
- it is one of the first sentences of an article dated to the day, reports a
  past or present fact (no "will", no question) and names no time: the lead of
  a news report tells what happened that day or the day before
  (`how="published"`).

Durations, sets, PRESENT_REF/PAST_REF and underspecified values ("XXXX-03",
left when the article has no date) date nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Article
from ..text.calendar import MONTH_NAMES
from ..text.sentences import article_sentences

__all__ = ["DatedSentence", "extract", "parse_value", "clean_sentence", "period", "GRANULARITIES",
           "LEAD_SENTENCES"]

# Finest first: an event dated to the day beats one dated to its month.
GRANULARITIES = ("day", "week", "month", "year")

# How many opening sentences of a dated article report the day's news when they
# name no date themselves. Tuned on timeline17 bpoil, H1N1, EgyptianProtest, haiti,
# MJ (bench/tls.py): 1 / 3 / 5 gave AR1 .129 / .138 / .137.
LEAD_SENTENCES = 3

_MIN_WORDS, _MAX_WORDS = 5, 80
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\w:.]*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# Wire furniture glued to a lead sentence when the text was scraped: "HONG KONG, May 2
# (Reuters) - ", "By Jo Bell | Tue Apr 21, 2009 10:19 pm BST", an all-caps headline.
_DATELINE = re.compile(r"^.{0,200}?\([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?\)\s*[-—–]+\s*")
_CAPS_HEAD = re.compile(r"^(?:[A-Z][A-Z'’-]+\s+){3,}(?=[A-Z][a-z])")
_BULLET = re.compile(r"^[\\*•·\-–—\s]+")
# A page's time stamp, and the headline and standfirst scraped before it: "... Sunday
# 3 April 2005 02.26 BST ", "8 November 2011 Last updated at 14:07 GMT Help ",
# "Wednesday, February 11, 2009; 5:18 PM ", "July 27, 2010 - 12:48 PM | by: Jo Bell ".
_MONTH = rf"(?:{'|'.join(m[:3].title() for m in MONTH_NAMES)})[a-z]*\.?"
_STAMP = re.compile(
    r"^.{0,250}?(?:\d{1,2}\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?)"
    r"\s*,?\s*\d{2,4}[,;:]?\s*(?:-\s*|\|\s*)?(?:Last updated at\s+)?"
    r"\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|BST|UTC|UK|ET|EST|EDT|CET|PST|PDT)?"
    r"(?:\s+Help|\s*\|\s*by:?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?\s+(?=[\"“A-Z])")
# A byline: "By the CNN Wire Staff ", "By Mike Wooldridge World Affairs correspondent,
# BBC News, London ", "From Richard Roth, CNN Senior U.N. Correspondent ".
_BYLINE = re.compile(
    r"^(?:By|From)\s+[^.]{0,100}?\b(?:Staff|[Cc]orrespondent|Contributor|Producer|Writer|"
    r"Reporter|Editor|BBC News)(?:,\s*(?:BBC News|CNN|[A-Z][a-z]+))*\s+")
# Photo credits and updates in brackets before the text: "(AP Photo/Jo Bell) ",
# "(Update 10:15 p.m. in Cairo, 3:15 p.m. ET) ", "(AP) -- ".
_BRACKETS = re.compile(r"^(?:\([^()]{1,120}\)\s*)+(?:--\s*)?(?=[\"“A-Z])")
# Page furniture that reads like a sentence: transcript headers, corrections, plugs.
_FURNITURE = re.compile(r"RUSH TRANSCRIPT|EDITOR\s?'?\s?S NOTE|^The latest news and information|"
                        r"This Story: Read|Follow The World Desk|\bincorrectly (?:described|"
                        r"stated|reported|said)\b|^(?:Click|Watch|Read more|Tune in)\b|"
                        r"\btune in to\b", re.IGNORECASE)
_NOT_A_REPORT = re.compile(r"\b(will|won't|shall|would|plans? to|expected to|aims? to|"
                           r"could|might|may)\b|\?\s*[\"”']?$", re.IGNORECASE)


@dataclass
class DatedSentence:
    """One sentence of one article with the date of what it reports."""

    article_id: str
    sentence: str
    date: str                       # YYYY-MM-DD: the day, or the first day of the week/month/year
    granularity: str                # day | week | month | year
    how: str                        # timex | published
    start: int = -1                 # offsets into the article body (-1: the title)
    end: int = -1
    position: int = 0               # sentence index in the article (0 = first)
    outlet: str | None = None
    published: str | None = None    # the article's own day, when it has one
    timex: str | None = None        # the expression that dated it
    entities: list[str] = field(default_factory=list)

    @property
    def period(self) -> tuple[date, date]:
        """First and last day the date covers."""
        return period(self.date, self.granularity)


def period(day: str, granularity: str) -> tuple[date, date]:
    first = date.fromisoformat(day)
    if granularity == "day":
        return first, first
    if granularity == "week":
        return first, first + timedelta(days=6)
    if granularity == "month":
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    return first, date(first.year, 12, 31)


def parse_value(value: str) -> tuple[str, str] | None:
    """(first day, granularity) of a TimeML DATE/TIME value, or None for values that
    name no calendar period (durations, sets, PRESENT_REF, "XXXX-03", seasons)."""
    m = _VALUE.match(value or "")
    try:
        if m:
            y, mo, d = m.group(1), m.group(2), m.group(3)
            if d:
                return date(int(y), int(mo), int(d)).isoformat(), "day"
            if mo:
                return date(int(y), int(mo), 1).isoformat(), "month"
            return date(int(y), 1, 1).isoformat(), "year"
        w = _WEEK.match(value or "")
        if w:
            return date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1).isoformat(), "week"
    except ValueError:
        return None
    return None


def extract(article: Article, *, lead: int = LEAD_SENTENCES) -> list[DatedSentence]:
    """The dated sentences of one article, in text order (a sentence may carry one
    date: the finest its time expressions give, the first of those)."""
    body = article.body
    published = article.published.date if article.published.granularity == "day" else None
    timexes = [t for t in article.timexes if t.type in ("DATE", "TIME")]
    out: list[DatedSentence] = []
    if article.title and published and _is_report(article.title):
        out.append(DatedSentence(article.id, article.title.strip(), published, "day",
                                 "published", position=-1, outlet=article.source,
                                 published=published))
    for i, (start, end) in enumerate(article_sentences(article)):
        text = clean_sentence(body[start:end])
        words = len(text.split())
        if not (_MIN_WORDS <= words <= _MAX_WORDS) or not re.search(r"[a-z]", text):
            continue
        best: tuple[int, str, str, str] | None = None
        for t in timexes:
            if t.start < start or t.end > end:
                continue
            parsed = parse_value(t.value)
            if parsed is None:
                continue
            rank = GRANULARITIES.index(parsed[1])
            if best is None or rank < best[0]:
                best = (rank, parsed[0], parsed[1], t.text)
        names = _names(article, start, end)
        if best is not None:
            out.append(DatedSentence(article.id, text, best[1], best[2], "timex", start, end, i,
                                     article.source, published, best[3], names))
        elif published and i < lead and _is_report(text):
            out.append(DatedSentence(article.id, text, published, "day", "published", start, end,
                                     i, article.source, published, None, names))
    return out


def clean_sentence(text: str) -> str:
    """The sentence without the wire furniture scraping glues to its front (a time
    stamp with the headline before it, a byline, a dateline, photo credits), or ""
    when it is page furniture itself."""
    if _FURNITURE.search(text):
        return ""
    for pattern in (_STAMP, _BYLINE, _BRACKETS, _DATELINE, _BRACKETS, _CAPS_HEAD):
        m = pattern.match(text)
        if m and len(text) - m.end() > 20 and (pattern is not _DATELINE
                                                or re.search(r"[A-Z]{3,}", m.group(0))):
            text = text[m.end():]
    return _BULLET.sub("", text).strip()


def _is_report(text: str) -> bool:
    return not _NOT_A_REPORT.search(text)


def _names(article: Article, start: int, end: int) -> list[str]:
    seen: list[str] = []
    for m in article.mentions:
        if start <= m.start and m.end <= end and m.name not in seen:
            seen.append(m.name)
    return seen
