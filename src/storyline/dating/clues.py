"""Clues: what an article's text says about when it was written.

Every time expression of the clean body and of the removed lines that can carry
dating evidence is read with the temporal tagger *without* an anchor, so that
relative expressions stay underspecified ("XXXX-03-15", "XXXX-WXX-2"), and
becomes a `Clue`: what it fixes (a full date, a month and day, a weekday, a
month, a year), the tense of its sentence and the role of its place in the
article:

- ``stamp``: a timestamp line ("Updated: Feb. 14, 2024 6:12 a.m.", the
  "TRIPOLI | Mon Feb 21, 2011 6:51 pm EST" prefix), a date next to a clock time
  near the top of the body, a date in a byline: near-direct evidence;
- ``lead``: a date at the very start of the body ("January 25, 2011 | By ...");
- ``dateline``: "LONDON, March 3 (Reuters) -": the month and day of filing;
- ``text``: a date the story mentions; its tense says whether it has passed;
- ``bound``: a date in a photo caption: the photo was taken on or before the
  article's day, so it is a lower bound and never the article's date;
- ``upper``: the timestamp of a reader comment: on or after the article's day;
- ``comment``: the earliest of those timestamps: readers start commenting on the
  day an article appears (55% the same day, 16% the next, on the tuning data);
- ``copyright``: "© 2024" in a footer: the year the page was made (or last
  regenerated), a weak year cue.

Removed lines of other kinds (teasers, related links, promos, templates) talk
about other articles and give no clue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from ..model import Block
from ..text.calendar import WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES, weekday_number
from ..timex import tag
from ..timex.tense import tense_near

__all__ = ["Clue", "collect", "ROLES"]

ROLES = ("stamp", "lead", "dateline", "text", "bound", "upper", "comment", "copyright")

# Where each kind of removed line sends its time expressions (None: ignored).
_REMOVED_ROLE = {
    "timestamp": "stamp", "byline": "stamp", "meta": "stamp", "dateline": "dateline",
    "caption": "bound", "comments": "upper", "footer": "copyright",
    "title": "text", "standfirst": "text",
}

_FULL = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T|$)")
_MONTH_DAY = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])(?:T|$)")
_MONTH = re.compile(r"^XXXX-(\d\d)$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEARISH = re.compile(r"^(\d{4})(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W\d\d))?$")
_CLOCK_UNDATED = re.compile(r"^XXXX-XX-XXT")
_FOUR_DIGITS = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")
# Weekday names, and their abbreviations only when capitalized ("Sat" is not "sat"):
# "Thurs", "Tues" (longest first) or three capitals ("THU").
_WEEKDAY_NAMES = (rf"(?:(?i:{'|'.join(WEEKDAY_NAMES)})"
                  rf"|{'|'.join(sorted((a.title() for a in WEEKDAY_ABBREVIATIONS), key=len, reverse=True))}"
                  rf"|{'|'.join(d[:3].upper() for d in WEEKDAY_NAMES)})")
_WEEKDAY_WORD = re.compile(rf"\b({_WEEKDAY_NAMES})\.?(?:'s)?(?![\w])")
_WEEKDAY_BEFORE = re.compile(rf"\b({_WEEKDAY_NAMES})\.?,?\s*$")
_REL_WORDS = re.compile(r"^\s*(last|next|this past|this coming|this|the previous|the following)\b",
                        re.I)
_GAP_JOIN = re.compile(r"^[\s,]{0,3}$")
_CLOCK_NEAR = re.compile(
    r"\b\d{1,2}:\d\d\b|\b\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\b|GMT|BST|UTC|[ECMP][SD]T\b|ET\b|UK time)"
    r"|\b\d{1,2}\s*[ap]\.m\.", re.I)
# "Updated: ...", "| Published 10:31 GMT, ...": a label opening a line or after a bar
# (not "the study, published March 3 in ...").
_STAMP_LABEL = re.compile(r"(?:^|[\n|•·]\s*)(?:page\s+|story\s+)?(last updated|updated|published|posted|"
                          r"last modified|modified|first published|first broadcast|filed)\b"
                          r"[^.!?\n]{0,30}$", re.I | re.M)
# Labels that name the publication itself wherever they stand ("First broadcast 22
# January 2010" closing a programme page).
_FIRST_LABELS = ("first published", "first broadcast")
# "This article was amended on 16 June 2010": a correction, made on or after the day.
_AMENDED = re.compile(r"\b(?:amended|corrected)\s+on\s+(?:\w+day,?\s+)?$", re.I)
# "January 27, 2011 | By Tim Lister, CNN", "February 03, 2011 | From Mohammed
# Tawfeeq", "... ouster February 11, 2011 | By the CNN Staff": the date of a byline,
# written when the article was.
_BYLINE_AFTER = re.compile(r"\s*[|•·]\s*(?:By|From)\s+[A-Z]")
# "By Dan Froomkin | March 16, 2009; 12:20 PM ET": a blog entry's byline and stamp.
_BYLINE_BEFORE = re.compile(r"\bBy\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*[|•·]\s*$")
# "This article was published on guardian.co.uk at 00.05 BST on Sunday 30 May 2010",
# "... appeared in the Observer on Sunday 12 June 2005": the page's own publication note.
_PUBLICATION_NOTE = re.compile(
    r"\b(?:this (?:article|story|entry|item) (?:was )?(?:first |originally )?"
    r"(?:published|posted|appeared)|published on [\w-]+(?:\.[\w-]+)+)\b[^\n.!?]{0,60}$", re.I)
# "7:01 pm ET February 11, 2013 RETWEET": a tweet in a site's Twitter box, shown when
# the page was fetched: it says nothing about the article.
_RETWEET_AFTER = re.compile(r"\s*(?:[|•·]\s*)?(?:RETWEET|Retweet|retweet)\b")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?(\d{4})", re.I)
_SLASH = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}")
_DIGIT = re.compile(r"\d")

_EARLIEST_YEAR, _LATEST_YEAR = 1800, 2200   # year clues outside are not about publication
_LEAD_CHARS = 120                           # "the very start of the body"
# What may come before a date that opens an article: nothing, or a few capitalized
# words and separators ("WASHINGTON | ", "By the CNN Wire Staff ", "Cairo, Egypt -- "),
# not a sentence ("In the 11 September attacks").
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:--|—|–|-|_)\s")
# A leading "time, " is the tail of a clock time the cleaner cut from its line
# ("Clare Spencer | 09:51 UK" + "time, Friday, 28 May 2010 Commentators react ...").
_LEAD_PREFIX = re.compile(r"(?:time,\s*)?"
                          r"(?:(?:[A-Z][\w.'’-]*|[|,:;—–()-]+|by|the|and|of)\s*){0,8}")
# "The June 30 deadline passed ...": a date that modifies the noun after it opens a
# sentence, not the article's date line.
_ATTRIBUTIVE = re.compile(r"\s+(?!and\b|to\b|or\b|through\b|until\b)[a-z]")
_STAMP_TOP_CHARS = 500                      # a dated clock time this near the top is a stamp
# "AJDABIYAH, Libya, March 4 (Reuters) - ..." after a headline and summary bullets: a
# place in capitals, the date, the agency or a dash. Looked for this far into the body.
_DATELINE_CHARS = 800
# "Aug 16 (Reuters) - ": the agency and a dash after the date make it a dateline alone.
_AGENCY_AFTER = re.compile(r"\s*\([A-Z][\w .&/-]{1,24}\)\s*(?:--|—|–|-|_)\s")
_DATELINE_PLACE = re.compile(r"(?:^|[\s*•|])[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+)*"
                             r"(?:,\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*){0,2},?\s*$")


@dataclass
class Clue:
    kind: str                  # day | monthday | weekday | month | yearmonth | year
    role: str                  # see ROLES
    text: str                  # the expression as written
    where: str                 # body | removed
    start: int                 # offsets: into the body, or into `line` when removed
    end: int
    tense: str | None = None   # past | future | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO weekday named with the date or alone
    rel: str | None = None     # last | next | this, for weekdays and months
    weight: float = 1.0        # how many times it counts (repeats count less: text.py)
    reliability: float = 1.0   # chance it means what it seems: lower for two-digit years,
                               # slash dates (3/4: March 4 or 3 April), contradicting weekdays
    line: str | None = None    # the removed line the clue is in
    block_kind: str | None = None  # kind of that removed line
    label: str | None = None   # "updated", "published"... written just before a stamp
    superseded: bool = False   # a past date well before the latest the text names: it
                               # says only that the article came after it (text.py)
    after: Clue | None = None  # a weekday's event follows this past date ("The June 30
                               # deadline passed. On Thursday, ...": `_weekday_after`)

    def ordinal(self) -> int | None:
        if self.kind != "day":
            return None
        return date(self.year, self.month, self.day).toordinal()


def collect(blocks: list[Block]) -> tuple[list[Clue], list[str]]:
    """Clues of an article's blocks (the body, joined as `Article.body` joins it, and
    the removed lines), in document order, and notes on what could not be read."""
    notes: list[str] = []
    body_blocks = [i for i, b in enumerate(blocks) if b.kind == "body"]
    body = "\n\n".join(blocks[i].text for i in body_blocks)
    starts, offset = [], 0
    for i in body_blocks:
        starts.append(offset)
        offset += len(blocks[i].text) + 2
    found: list[tuple[int, int, Clue]] = []
    for c in _clues_of(body, "body", None, notes):
        k = max(0, bisect_right(starts, c.start) - 1)
        found.append((body_blocks[k] if body_blocks else 0, c.start, c))
    for index, block in enumerate(blocks):
        role = _REMOVED_ROLE.get(block.kind) if block.kind != "body" else None
        if role is None:
            continue
        if role == "copyright":
            for m in _COPYRIGHT.finditer(block.text):
                year = int(m[1])
                if _EARLIEST_YEAR <= year <= _LATEST_YEAR:
                    found.append((index, m.start(), Clue(
                        "year", "copyright", m[0], "removed", m.start(), m.end(), year=year,
                        line=block.text, block_kind=block.kind)))
            continue
        for c in _clues_of(block.text, "removed", block.kind, notes):
            found.append((index, c.start, c))
    found.sort(key=lambda x: (x[0], x[1]))
    clues = [c for _, _, c in found]
    _one_stamp(clues)
    _weekday_after(clues)
    _first_comment(clues)
    return clues, notes


# How far before a past weekday the past date it follows may be named (characters).
_AFTER_CHARS = 300


def _weekday_after(clues: list[Clue]) -> None:
    """A past weekday told right after a past date happened after it: in "The June 30
    deadline passed without the reports. On Thursday, the board suspended ...", that
    Thursday is after June 30. The date must be in the body,
    at most _AFTER_CHARS before the weekday, with no other date between them. On
    timeline17's tuning half (125 such weekdays) the weekday's day came after the date
    94% of the time (test half: 93%); it was the first such weekday after it only 10%
    of the time, so "after" is all this says."""
    previous: Clue | None = None
    for c in clues:
        if c.where != "body":
            continue
        if c.kind == "weekday" and c.tense == "past" and c.rel is None and previous is not None \
                and c.start - previous.end <= _AFTER_CHARS:
            c.after = previous
        if c.kind in ("day", "monthday") and c.role == "text":
            previous = c if c.tense == "past" else None
        elif c.kind != "weekday":
            previous = None


def _first_comment(clues: list[Clue]) -> None:
    """The earliest reader-comment timestamp says more than "on or after": comments
    open when the article appears, so the first one is most often that day or the
    next. Only when the article has no stamp of its own (then the comments are
    just later than it)."""
    if any(c.role == "stamp" and c.kind == "day" for c in clues):
        return
    comments = [c for c in clues if c.role == "upper" and c.kind == "day"]
    if comments:
        min(comments, key=lambda c: c.ordinal()).role = "comment"


def _one_stamp(clues: list[Clue]) -> None:
    """An article has one publication stamp; other stamped days are updates or
    comments, written on or after it. The first stamp wins, unless it is labelled
    "Updated" and a later one names an earlier day ("Updated Feb 11 ... Published
    Feb 9")."""
    stamps = [c for c in clues if c.role == "stamp" and c.kind == "day"]
    if len(stamps) < 2:
        return
    lines = [c for c in stamps if c.where == "removed"]
    if len({c.ordinal() for c in lines}) > 2:
        # Three or more timestamp lines with different days: a page listing other
        # articles with their dates, not one article's stamp. They are dates the page
        # names, nothing more.
        for c in lines:
            c.role = "text"
        stamps = [c for c in stamps if c.role == "stamp"]
        if len(stamps) < 2:
            return
    first = stamps[0]
    if first.label in ("updated", "last updated", "last modified", "modified"):
        earlier = [c for c in stamps[1:] if c.ordinal() < first.ordinal()]
        if earlier:
            first = earlier[0]
    for c in stamps:
        if c is first or c.ordinal() == first.ordinal():
            continue
        c.role = "upper" if c.ordinal() > first.ordinal() else "text"


def _safe_tag(text: str, notes: list[str]):
    try:
        return tag(text, None)
    except Exception as error:  # the tagger must never take dating down with it
        notes.append(f"time expressions unreadable ({type(error).__name__}: {error})")
        return []


def _clues_of(text: str, where: str, block_kind: str | None, notes: list[str]) -> list[Clue]:
    if not text:
        return []
    expressions = _safe_tag(text, notes)
    if not expressions:
        return []
    role_default = "text" if where == "body" else _REMOVED_ROLE[block_kind]
    out: list[Clue] = []
    skip = set()
    for i, t in enumerate(expressions):
        if i in skip:
            continue
        value, start, end = t.value, t.start, t.end
        clue = _read(value, t.text, text, start, end)
        if clue is None:
            continue
        # Pieces the tagger left apart: "Tuesday , September 16 , 2008", "Feb 21 , 2011".
        j = i + 1
        while j < len(expressions) and _GAP_JOIN.match(text[end:expressions[j].start]):
            nxt = _read(expressions[j].value, expressions[j].text, text,
                        expressions[j].start, expressions[j].end)
            if nxt is None:
                break
            joined = _join(clue, nxt)
            if joined is None:
                break
            clue, end = joined, expressions[j].end
            skip.add(j)
            j += 1
        clue.start, clue.end, clue.text = start, end, text[start:end]
        if clue.weekday is None and clue.kind in ("day", "monthday"):
            m = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
            if m:
                clue.weekday = weekday_number(m[1])
        clue.where, clue.block_kind = where, block_kind
        clue.role = _role(clue, text, role_default, where)
        if clue.role is None:
            continue
        if where == "removed":
            clue.line = text
        if clue.role in ("text", "bound", "lead", "dateline") or clue.kind in ("weekday", "month"):
            try:
                clue.tense = tense_near(text, start, end)
            except Exception:
                clue.tense = None
        out.append(clue)
    return out


def _read(value: str, expression: str, text: str, start: int, end: int) -> Clue | None:
    """A clue from one tagged expression, or None when it says nothing about the day."""
    m = _FULL.match(value)
    if m and not _DIGIT.search(expression):
        # "the following day", "that night": the tagger dated it from a date named
        # before it, which is already a clue; counting it again would double that one.
        return None
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if not _EARLIEST_YEAR <= year <= _LATEST_YEAR or not _valid(year, month, day):
            return None
        clue = Clue("day", "", expression, "", start, end, year=year, month=month, day=day,
                    weekday=_weekday_in(expression), reliability=_year_reliability(expression))
        if _SLASH.search(expression):
            clue.reliability *= 0.6    # 3/4/2011: March 4 or 3 April
        return clue
    m = _MONTH_DAY.match(value)
    if m:
        month, day = int(m[1]), int(m[2])
        if not _valid(2000, month, day):   # "February 30": the month stays, the day does not
            return Clue("month", "", expression, "", start, end, month=month)
        return Clue("monthday", "", expression, "", start, end, month=month, day=day,
                    weekday=_weekday_in(expression))
    m = _WEEKDAY.match(value)
    if m:
        rel = _REL_WORDS.match(expression)
        return Clue("weekday", "", expression, "", start, end, weekday=int(m[1]),
                    rel=_rel(rel[1]) if rel else None)
    m = _MONTH.match(value)
    if m:
        rel = _REL_WORDS.match(expression)
        return Clue("month", "", expression, "", start, end, month=int(m[1]),
                    rel=_rel(rel[1]) if rel else None)
    m = _YEAR_MONTH.match(value)
    if m:
        year = int(m[1])
        if not _EARLIEST_YEAR <= year <= _LATEST_YEAR or not 1 <= int(m[2]) <= 12:
            return None
        return Clue("yearmonth", "", expression, "", start, end, year=year, month=int(m[2]),
                    reliability=_year_reliability(expression))
    m = _YEARISH.match(value)
    if m:
        year = int(m[1])
        if not _EARLIEST_YEAR <= year <= _LATEST_YEAR:
            return None
        return Clue("year", "", expression, "", start, end, year=year,
                    reliability=_year_reliability(expression))
    if _CLOCK_UNDATED.match(value) and _FOUR_DIGITS.search(expression):
        # "6:45 PM PST February 20, 2024": a clock time on a dated day; the
        # tagger keeps only the clock without an anchor, so read the day back
        # with a stand-in anchor (the year is written, the anchor cannot leak).
        try:
            [again] = [t for t in tag(expression, "2000-01-01")] or [None]
        except Exception:
            return None
        if again is not None:
            m = _FULL.match(again.value)
            if m and m[1] in expression:
                return _read(again.value[:10], expression, text, start, end)
    return None


def _join(first: Clue, second: Clue) -> Clue | None:
    """Adjacent pieces of one date: weekday + month-day, month-day + year."""
    if first.kind == "weekday" and first.rel is None and second.kind in ("day", "monthday"):
        second.weekday = first.weekday
        return second
    if first.kind == "monthday" and second.kind == "year" and re.fullmatch(r"\d{4}", second.text):
        if not _valid(second.year, first.month, first.day):
            return None
        return Clue("day", "", "", "", 0, 0, year=second.year, month=first.month, day=first.day,
                    weekday=first.weekday)
    return None


def _role(clue: Clue, text: str, default: str, where: str) -> str | None:
    labelled = _STAMP_LABEL.search(text, max(0, clue.start - 40), clue.start)
    if labelled:
        clue.label = labelled[1].lower()
    if where == "removed":
        if default == "stamp" and clue.kind not in ("day", "monthday", "weekday"):
            return "text"          # "Posted in 2019 archives": not a day
        if default == "upper":
            # A comment's own timestamp sits at its start or by a clock time; any other
            # date in a comment is just something a reader mentioned.
            if clue.kind == "day" and (clue.start <= 40 or _clock_near(text, clue)):
                return "upper"
            return None
        return default
    if clue.kind in ("day", "monthday"):
        near_top = clue.start <= _STAMP_TOP_CHARS
        if _RETWEET_AFTER.match(text, clue.end):
            return None
        if clue.kind == "day" and (
                clue.label in _FIRST_LABELS
                or _BYLINE_BEFORE.search(text, max(0, clue.start - 60), clue.start)
                or _PUBLICATION_NOTE.search(text, max(0, clue.start - 120), clue.start)):
            return "stamp"
        if near_top and (labelled or _clock_near(text, clue)
                         or _BYLINE_AFTER.match(text, clue.end)):
            return "stamp"
        if clue.kind == "day" and _AMENDED.search(text, max(0, clue.start - 30), clue.start):
            return "upper"
        if clue.kind == "day" and (labelled or _clock_near(text, clue)):
            # A dated clock time further down is a reader comment's or an update's
            # timestamp ("At 12:19 26th Apr 2009, barriesingleton wrote:", "January
            # 30, 2011 at 8:03 am | Report abuse"): written on or after the day.
            return "upper"
        if clue.start <= _DATELINE_CHARS and (_AGENCY_AFTER.match(text, clue.end) or (
                _DATELINE_AFTER.match(text, clue.end)
                and _DATELINE_PLACE.search(text, max(0, clue.start - 60), clue.start))):
            return "dateline"
        if clue.start <= _LEAD_CHARS and "\n" not in text[:clue.start] \
                and _LEAD_PREFIX.fullmatch(text[:clue.start]) \
                and not _ATTRIBUTIVE.match(text, clue.end):
            # "Thursday, June 17, 2010 ..." opening the article: its date line.
            if clue.kind == "day" and clue.weekday:
                return "stamp"
            # "LONDON, March 15 (Reuters) - ...": a dateline the cleaner left in.
            if _DATELINE_AFTER.match(text, clue.end) and re.search(r"[A-Z]{3,}", text[:clue.start]):
                return "dateline"
            return "lead"
    return "text"


def _clock_near(text: str, clue: Clue) -> bool:
    return bool(_CLOCK_NEAR.search(text, max(0, clue.start - 30), min(len(text), clue.end + 30)))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def _weekday_in(expression: str) -> int | None:
    m = _WEEKDAY_WORD.search(expression)
    return weekday_number(m[1]) if m else None


def _year_reliability(expression: str) -> float:
    """A year written with two digits ("'09", "3/4/11") is a guess of the tagger's."""
    return 1.0 if _FOUR_DIGITS.search(expression) else 0.5


def _rel(word: str) -> str:
    word = word.lower()
    if word in ("last", "this past", "the previous"):
        return "last"
    if word in ("next", "this coming", "the following"):
        return "next"
    return "this"
