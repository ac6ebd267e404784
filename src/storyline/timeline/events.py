"""Events: the sentences of an article that report something happening at a time.

A sentence becomes a dated sentence when

- it holds a time expression the time layer resolved to a calendar date, week,
  month or year ("on April 20", "Tuesday" -> 2010-04-20, "in May" -> 2010-05):
  the event is dated by what the text says (`how="timex"`); or
- it is one of the first sentences of an article dated to the day, reports a
  past or present fact (no "will", no question) and names no time: the lead of
  a news report tells what happened that day or the day before
  (`how="published"`).

An article with no day but bounds (`Published.earliest`/`latest`, no wider than
`MAX_RANGE_DAYS`) dates its sentences too: an expression left relative ("on
Tuesday", "last week", "June 13" with no year) is resolved against both bounds
and covers everything between ("Tuesday" in an article of June 13-20 is a Tuesday
between June 13 and June 20), and its lead sentences are dated to the bounds
themselves. Such a date is a range, or the day, week or month it happens to be.

Durations, sets, bare years ("for 2017", "in 2009": a year dates no entry),
underspecified values without bounds, and the stamps a page or a comment section
puts on text ("24 June 2010 Last updated at 14:59 GMT", "At 19:23 27th Apr 2009,
jo wrote:") date nothing; a reader comment's header is no sentence at all. Lines
the cleaner removed are not in the body and never reach this stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import Article
from ..text.calendar import AP_MONTHS, MONTH_NAMES, month_number
from ..text.scraped import CLOCK_STAMP as _CLOCK_STAMP
from ..text.scraped import MONTH as _MONTH
from ..text.scraped import WEEKDAY as _WEEKDAY
from ..text.scraped import clean_sentence
from ..text.scraped import cleaned as _cleaned
from ..text.sentences import ENDS_SENTENCE, article_sentences

__all__ = ["DatedSentence", "extract", "parse_value", "clean_sentence", "period", "GRANULARITIES",
           "LEAD_SENTENCES", "MAX_RANGE_DAYS", "granularity_of", "when"]

# Finest first: an event dated to the day beats one dated to its month; a range
# (between two days that make no calendar week or month) comes after the month.
GRANULARITIES = ("day", "week", "month", "range", "year")

# The widest range a sentence is dated to (the article's bounds, shifted by what the
# expression says). Set by hand: a season is still a place on a story's timeline;
# wider is no better than the year, which dates no entry.
MAX_RANGE_DAYS = 183

# How many opening sentences of a dated article report the day's news when they
# name no date themselves. Tuned on timeline17 bpoil, H1N1, EgyptianProtest, haiti,
# MJ (bench/tls.py): 1 / 3 / 5 gave AR1 .129 / .138 / .137.
LEAD_SENTENCES = 3

_MIN_WORDS, _MAX_WORDS = 5, 80
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\w:.]*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# The same at the end of a line, after a dash or a pipe: "First related death - 23:39
# UK time, Sunday, 14 June 2009", "Mark Easton | 16:59 UK time, Tuesday, 5 May 2009".
_TAIL_STAMP = re.compile(
    r"\s[-|–—]\s*\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|BST|UTC|UK time|ET|EST|EDT|CET|"
    r"local time)?\s*,?\s*(?:" + _WEEKDAY + r"\s*,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH
    + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?)\s*,?\s*\d{4}\b")
# Words that make a nearby date a page's stamp, not an event: "Last updated at",
# "Posted on", "Published:".
_STAMP_WORDS = re.compile(r"(?:^|[|•·]\s*)(?:(?:last|first)\s+)?(?:updated|posted|published|filed)"
                          r"\s*(?:at|on|:)?\s*$|\blast updated\b[^.]{0,40}$", re.IGNORECASE)
# Time words in idioms that name no time: "like there's no tomorrow".
_IDIOM = re.compile(r"\bno\s+$", re.IGNORECASE)
# A reader comment's header: a time stamp, then "NAME wrote:".
_WROTE = re.compile(r"\bwrote\s*:")
# An update stamp in brackets: "(Update 3 p.m. Cairo, 8 a.m. ET)", "(Updated at 12:41 p. m)".
_UPDATE = re.compile(r"(?:\(|-?LRB-)\s*(?:UPDATED?|Updated?)\b[^()]{0,80}?(?:\)|-RRB-)\s*(?:--?\s*)?")
# Page furniture that is not news, whatever its words: a comment thread's stamps and
# links ("February 14, 2011 at 8:10 am | Report abuse |"), a photo's "(left)".
_THREAD = re.compile(r"\|\s*(?:Report abuse|Reply)\b|\b(?:a|p)\.?m\.?\s*\|\s*Reply|"
                     r"\d{4}\s+at\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\||"     # "February 2, 2011 at 1:28 pm |"
                     r"[!?]{3,}", re.IGNORECASE)     # "... fundamentally strong!!!!": a reader's
_PHOTO_SIDE = re.compile(r"\((?:left|right|centre|center|top|bottom|L|R|C|rear|front)\)")
# A photo's caption in the text: "In this photo released by the White House, ...", "A
# still from a video ...", "... in this handout picture" (patterns from the dev half of
# bench/data/timeline_labels.jsonl). A gallery's dated caption ("June 4: Oil is seen
# gushing around the cap") stays: it dates what it shows (dropping those cost Date-F1
# .571 -> .563 on bench/tls.py).
# An AP photo caption ends on its full date and place: "President Bush returns a salute
# before boarding Marine One ..., Friday, Oct. 17, 2008 in Washington." (dev2 labels).
_CAPTION_DATE_END = re.compile(r",\s*" + _WEEKDAY + r",\s*" + _MONTH + r"\s+\d{1,2},\s*\d{4}"
                               r"(?:,?\s+in\s+[A-Z][\w .,'’-]{1,40})?\s*\.?\s*$")
# Cut off: a teaser or a reader's trailing "..." ("... for a massive oil spill along t...").
_TRAILS_OFF = re.compile(r"(?:\.\.\.|…)\s*$")
_CAPTION = re.compile(
    r"\bin this (?:\w+ )?(?:photo|picture|image|handout|file photo)\b|"
    r"\b(?:video )?(?:image|photo|picture|still) (?:released|provided|made available) by\b|"
    r"^A (?:still|frame|screen ?grab) (?:from|taken from)\b", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?", re.IGNORECASE)
_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from as after over into "
                         "under is are was were be his her its their our".split())
# A run of headlines ("Calm and Peace after Heavy Gunfire in Tahrir Square; Crisis in
# Egypt and the Obama Administration;"): most words capitalized (set by hand).
_HEADLINE_CASE_SHARE = 0.7


def is_furniture(text: str) -> bool:
    """Is this sentence page furniture, whatever it says: a comment thread's stamps, a
    photo caption's "(left)", a run of headlines in title case (not ending like a
    sentence: "U.S. Secretary of State Hillary Clinton met ... in Geneva." is news)?"""
    if _THREAD.search(text) or _PHOTO_SIDE.search(text) or _CAPTION.search(text) \
            or _CAPTION_DATE_END.search(text) or _TRAILS_OFF.search(text):
        return True
    if not re.search(r"\b[a-z]{3,}\b", _CLOCK.sub("", text)):
        return True                       # no words, only names and clocks: "LIBYA, 11:22 p.m. ET"
    if ENDS_SENTENCE.search(text):
        return False                      # a sentence, however many names it holds
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)[1:] if w.lower() not in _SMALL_WORDS]
    if len(words) >= 5:
        capitalized = sum(w[0].isupper() for w in words)
        return capitalized >= _HEADLINE_CASE_SHARE * len(words)
    return False


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
    until: str | None = None        # a range's last day (granularity "range")
    why: str = ""                   # how the date was found, for a reader
    ahead: bool = False             # dated after its article's day: a plan or forecast

    @property
    def period(self) -> tuple[date, date]:
        """First and last day the date covers."""
        return period(self.date, self.granularity, self.until)

    @property
    def key(self) -> tuple[str, str, str]:
        """(first day, granularity, last day): what a timeline entry is dated by."""
        return (self.date, self.granularity, self.period[1].isoformat())


def period(day: str, granularity: str, until: str | None = None) -> tuple[date, date]:
    first = date.fromisoformat(day)
    if granularity == "range":
        return first, date.fromisoformat(until or day)
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


def granularity_of(first: date, last: date) -> str:
    """day, week (an ISO week), month (a calendar month) or range."""
    if first == last:
        return "day"
    if first.weekday() == 0 and last == first + timedelta(days=6):
        return "week"
    if first.day == 1 and last == period(first.isoformat(), "month")[1]:
        return "month"
    return "range"


def _dated(first: date, last: date) -> tuple[str, str, str | None]:
    """(date, granularity, until) of the period first..last."""
    gran = granularity_of(first, last)
    return first.isoformat(), gran, last.isoformat() if gran == "range" else None


def when(day: str, granularity: str, until: str | None = None) -> str:
    """A date as a reader says it: "June 13, 2017", "week of June 12, 2017", "June
    2017", "between June 13 and Oct. 27, 2017", "2017"."""
    first, last = period(day, granularity, until)

    def said(d: date, year: bool = True) -> str:
        name = AP_MONTHS[d.month - 1].title()
        # AP style: "Sept.", "Oct. 27"; March through July are written out (May too,
        # though it has three letters)
        name = "Sept." if name == "Sep" else name + "." if len(name) == 3 and name != "May" else name
        return f"{name} {d.day}" + (f", {d.year}" if year else "")

    if granularity == "day":
        return said(first)
    if granularity == "week":
        return "week of " + said(first)
    if granularity == "month":
        return f"{MONTH_NAMES[first.month - 1].title()} {first.year}"
    if granularity == "year":
        return str(first.year)
    return f"between {said(first, first.year != last.year)} and {said(last)}"


def extract(article: Article, *, lead: int = LEAD_SENTENCES) -> list[DatedSentence]:
    """The dated sentences of one article, in text order (a sentence may carry one
    date: the narrowest its time expressions give, the first of those)."""
    body = article.body
    published = article.published.date if article.published.granularity == "day" else None
    bounds = None if published else _bounds(article)
    timexes = [t for t in article.timexes if t.type in ("DATE", "TIME")]
    # Relative expressions of an article with bounds: their values at each bound.
    shifted = _shifted(article, timexes, bounds) if bounds else {}
    out: list[DatedSentence] = []
    dated_as = ""
    if bounds:
        lo, hi = bounds
        led = _dated(lo, hi)
        dated_as = _dated_as(article, lo, hi)
        led_why = f"an opening sentence of an article {dated_as}"
    if article.title and (published or bounds) and _is_report(article.title) \
            and _stamp_end(article.title, 0) == 0 and not _TAIL_STAMP.search(article.title):
        if published:
            out.append(DatedSentence(article.id, article.title.strip(), published, "day",
                                     "published", position=-1, outlet=article.source,
                                     published=published, why="the headline of an article "
                                     f"published {published}"))
        else:
            out.append(DatedSentence(article.id, article.title.strip(), led[0], led[1],
                                     "published", position=-1, outlet=article.source,
                                     until=led[2], why=f"the headline of an article {dated_as}"))
    for i, (start, end) in enumerate(article_sentences(article)):
        raw = body[start:end]
        text, cut = _cleaned(raw)
        # update stamps in brackets inside the sentence date nothing and are no news
        updates = [(start + u.start(), start + u.end()) for u in _UPDATE.finditer(raw)]
        text = _UPDATE.sub("", text).strip() if updates else text
        words = len(text.split())
        if not (_MIN_WORDS <= words <= _MAX_WORDS) or not re.search(r"[a-z]", text) \
                or is_furniture(text):
            continue
        stamp = _stamp_end(raw, cut)
        if stamp < 0:
            continue                          # a reader comment's header
        m = _TAIL_STAMP.search(raw)
        tail = start + m.start() if m else end
        best: tuple[int, date, date, str, str] | None = None
        year = passing = False
        for t in timexes:
            if t.start < start or t.end > end or t.start < start + stamp or t.end > tail \
                    or any(a <= t.start < b for a, b in updates) \
                    or _STAMP_WORDS.search(body[start + cut:t.start]) \
                    or _IDIOM.search(body[max(start, t.start - 4):t.start]):
                continue
            found = _period_of(t, shifted, bounds, published, dated_as)
            if found is None:
                # A sentence naming a year is about that year, not the day's news.
                year = year or (parse_value(t.value) or ("", ""))[1] == "year"
                continue
            first, last, why = found
            if _in_passing(body, start, t.start):
                passing = True
                continue
            # A deadline ("until June 30", "the June 30 deadline") is not when the
            # sentence's news happened: it dates the sentence only when nothing else does.
            rank = (_is_deadline(body, t.start, t.end), (last - first).days)
            if best is None or rank < best[0]:
                best = (rank, first, last, t.text, why)
        if best is None and published and i < lead and cut:
            best = _dateline_day(body, start, start + cut, published)
        names = _names(article, start, end)
        if best is not None:
            day, gran, until = _dated(best[1], best[2])
            out.append(DatedSentence(article.id, text, day, gran, "timex", start, end, i,
                                     article.source, published, best[3], names, until, best[4],
                                     ahead=bool(published) and day > published))
        elif passing and i >= lead:
            continue                      # only a date named in passing: not this news's
        elif (published or bounds) and i < lead and not year and _is_report(text):
            if published:
                out.append(DatedSentence(article.id, text, published, "day", "published", start,
                                         end, i, article.source, published, None, names,
                                         why=f"an opening sentence of an article published "
                                         f"{published}"))
            else:
                out.append(DatedSentence(article.id, text, led[0], led[1], "published", start,
                                         end, i, article.source, None, None, names, led[2],
                                         led_why))
    if published:
        out.extend(_gallery_days(article, published))
    return out


def _gallery_days(article: Article, published: str) -> list[DatedSentence]:
    """A gallery's dated captions ("June 4: Oil is seen gushing around the cap"), which
    the cleaner removed: never an entry's text (position -2), but each says something
    happened that day, so it counts towards the day's salience (dropping them from the
    dates' evidence cost Date-F1 on bench/tls.py)."""
    from .. import timex

    out = []
    for block in article.removed:
        if block.rule != "caption-dated-gallery":
            continue
        found = next((t for t in timex.tag(block.text, published)
                      if t.start == 0 and (parse_value(t.value) or ("", ""))[1] == "day"), None)
        if found is not None:
            out.append(DatedSentence(article.id, block.text, parse_value(found.value)[0], "day",
                                     "timex", position=-2, outlet=article.source,
                                     published=published, timex=found.text,
                                     why=f"a dated photo caption {found.text!r}"))
    return out


def _bounds(article: Article) -> tuple[date, date] | None:
    """An undated article's earliest and latest day, when both are known and no
    more than `MAX_RANGE_DAYS` apart; failing that, the window its story likely
    places it in (`Published.likely_*`), which the entries then say."""
    p = article.published
    for first, last in ((p.earliest, p.latest), (p.likely_earliest, p.likely_latest)):
        try:
            lo, hi = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
        except (TypeError, ValueError):
            continue
        if lo <= hi and (hi - lo).days < MAX_RANGE_DAYS:
            return lo, hi
    return None


def _dated_as(article: Article, lo: date, hi: date) -> str:
    """How the article is dated, for an entry's why: "dated between ..." (its bounds)
    or "likely published between ... (right about 45% of the time)"."""
    p = article.published
    if (p.likely_earliest, p.likely_latest) == (lo.isoformat(), hi.isoformat()) and not (
            (p.earliest, p.latest) == (lo.isoformat(), hi.isoformat())):
        return (f"likely published between {lo} and {hi} (right about "
                f"{p.likely_confidence or 0:.0%} of the time)")
    return f"dated between {lo} and {hi}"


def _shifted(article: Article, timexes, bounds: tuple[date, date]
             ) -> dict[tuple[int, int], tuple[str, str]]:
    """{(start, end): (value at the earliest bound, value at the latest)} for the
    expressions the time layer left relative (the body tagged again at each bound)."""
    from .. import timex

    if all(parse_value(t.value) for t in timexes):
        return {}
    at = [{(t.start, t.end): t.value for t in timex.tag(article.body, b.isoformat())}
          for b in bounds]
    return {k: (at[0][k], at[1][k]) for k in at[0].keys() & at[1].keys()}


def _period_of(t, shifted: dict[tuple[int, int], tuple[str, str]],
               bounds: tuple[date, date] | None, published: str | None, dated_as: str = ""
               ) -> tuple[date, date, str] | None:
    """First and last day an expression dates, and why; None for what dates nothing
    (a bare year, a duration, an expression left relative with no bounds)."""
    parsed = parse_value(t.value)
    if parsed is not None:
        if parsed[1] == "year":
            return None
        first, last = period(*parsed)
        if published and not re.search(r"\d{4}", t.text):
            return first, last, f"{t.text!r} counted from the article's date {published}"
        return first, last, f"{t.text!r}"
    pair = shifted.get((t.start, t.end))
    if pair is None or bounds is None:
        return None
    early, late = parse_value(pair[0]), parse_value(pair[1])
    if early is None or late is None or "year" in (early[1], late[1]):
        return None
    first, last = period(*early)[0], period(*late)[1]
    if last < first or (last - first).days >= MAX_RANGE_DAYS:
        return None
    return first, last, f"{t.text!r} in an article {dated_as}, counted from each bound"


def _stamp_end(sentence: str, cut: int) -> int:
    """Where the page's or a comment's stamp at the front of a sentence ends (0: no
    stamp; -1: the sentence is a reader comment's header)."""
    m = _CLOCK_STAMP.match(sentence)
    end = max(cut, m.end() if m else 0)
    wrote = _WROTE.search(sentence, 0, 160)
    if wrote and (m or re.search(r"\d{1,2}[.:]\d{2}|\b\d{4}\b", sentence[:wrote.start()])):
        return -1
    return end


_DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|before|no later than)\s+(?:the\s+)?$", re.I)
_DEADLINE_AFTER = re.compile(r"\s+deadlines?\b", re.I)


# A relative clause the expression sits in: "the G20, which met in Washington on Nov.
# 15, ...", "..., where the rig sank April 22": a date named in passing, not the day of
# the sentence's news (bench/data/timeline_labels.jsonl, dev: wrong dates).
# The same for a starting point ("killed 700 since the first protests broke out on March
# 18": the news is the count of the article's day; from the dev2 half of the same labels).
_IN_PASSING = re.compile(r",\s+(?:which|where|who|whom|whose)\b[^,;:\"“”]*$|"
                              r"\b[Ss]ince\b[^,;:\"“”]*$")


def _in_passing(body: str, start: int, at: int) -> bool:
    return bool(_IN_PASSING.search(body, start, at))


# A dateline's day: "OXFORD, Miss., Sept. 26 -- Sen. Barack Obama criticized ..." in a
# paper of Sept. 27 reports the 26th. Only a day up to this many days before publication.
DATELINE_DAYS = 3
_DATELINE_DAY = re.compile(r"\b(" + _MONTH + r")\s+(\d{1,2})\s*(?:--|—|–)")


def _dateline_day(body: str, start: int, cut: int, published: str
                  ) -> tuple[tuple[bool, int], date, date, str, str] | None:
    """The day a dateline cut off the front of a lead sentence names ("OXFORD, Miss.,
    Sept. 26 -- "): read here, not by the time tagger, which leaves a dateline alone."""
    m = _DATELINE_DAY.search(body, start, cut)
    month = month_number(m.group(1)) if m else None
    if month is None:
        return None
    day = date.fromisoformat(published)
    for year in (day.year, day.year - 1):            # "Dec. 31 --" in a paper of Jan. 1
        try:
            first = date(year, month, int(m.group(2)))
        except ValueError:
            return None
        if 0 <= (day - first).days <= DATELINE_DAYS:
            text = f"{m.group(1)} {m.group(2)}"
            return ((False, 0), first, first, text,
                    f"the dateline's day {text!r} (the article is of {published})")
    return None


def _is_deadline(body: str, start: int, end: int) -> bool:
    return bool(_DEADLINE_BEFORE.search(body[max(0, start - 20):start])
                or _DEADLINE_AFTER.match(body, end))


def _is_report(text: str) -> bool:
    return not _NOT_A_REPORT.search(text)


def _names(article: Article, start: int, end: int) -> list[str]:
    seen: list[str] = []
    for m in article.mentions:
        if start <= m.start and m.end <= end and m.name not in seen:
            seen.append(m.name)
    return seen
