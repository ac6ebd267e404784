"""Fuzz targets: strategies that reach odd corners of each component, and the properties
every output must keep.

One place for both users: the hypothesis tests beside this file and `bench/_fuzz.py`
(which puts this folder on sys.path), so the tests and the benchmark fuzz the same thing.

A target's `check` takes one generated case and raises `Broken` (an AssertionError)
when a property fails; any other exception is a crash of the component.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Callable
from xml.sax.saxutils import escape

import zstandard
from hypothesis import given, settings, strategies as st

import storyline
from storyline import dating, nlp, timex
from storyline.annotate import annotate
from storyline.clean import clean_text
from storyline.errors import Code, Problem
from storyline.ingest import ReadOptions, read_paths
from storyline.model import BLOCK_KINDS, Article, Block, Origin, RawDocument
from storyline.text.storable import storable

__all__ = ["Target", "TARGETS", "Broken", "PER_CASE_SECONDS", "BUILD_SECONDS", "fuzz_test"]

# The time limit for one case of any target (the tests' hypothesis deadline, the
# benchmark's default), above what a correct component needs: in 1,000 examples per
# target on this 2-core machine the slowest reader, cleaner, tagger, dating or quotes case
# took under 1.1 s (most take milliseconds) and the slowest whole build 2.3-4.3 s (an
# HTML page through trafilatura's fallbacks). The blow-ups this fuzz is for go far past
# 5 s (a quadratic scan: 47 s for 20,000 quote marks in issue 12; 58 s to clean 142 KB of
# "x", found here).
PER_CASE_SECONDS = 5.0
# A whole build (read, clean, date, annotate, the corpus stages) of one fuzzed file and
# one good one takes up to 4.3 s here: too near 5 s for a busy CI machine. Its limit is
# 20 s, still far below the blow-ups.
BUILD_SECONDS = 20.0


class Broken(AssertionError):
    """A property of a component's output does not hold."""


def expect(condition: object, message: str) -> None:
    if not condition:
        raise Broken(message)


# -- text ----------------------------------------------------------------------------------

NEWS = [
    "March 3, 2011", "3 March 2011", "Mar. 3", "2011-03-03", "03/04/2011", "Feb. 29, 2013",
    "February 30", "yesterday", "last Tuesday", "on Monday", "this week", "next month",
    "two years ago", "the 1990s", "the 19th century", "Q3", "the third quarter", "FY2012",
    "3 p.m.", "at 14:30 GMT", "25:61", "noon", "tonight", "every Sunday", "for 1000000.5 days",
    "since 1066", "in 99999", "said", "says", "told reporters", "according to", "wrote",
    "Maria Alvarez", "Mr. Weller", "the spokesman", "she", "he", "RIVERTON, Ore. (AP) —",
    "By Jane Roe", "Advertisement", "© 2024 KRVT", "Published 3:05 PM, March 4",
    "Updated", "SEE ALSO:", "Sign up for our newsletter", "More from the Ledger",
    "Photo: Jane Roe / Riverton Ledger", ".", ",", ":", "—", "-", "(", ")", "!", "?",
    "&amp;", "&#xD800;", "&#55296;", "&#0;", "&#x110000;", "&nbsp;", "<p>", "</p>", "<br>",
    "<script>", "]]>",
]
# Time expressions giving every kind of TIMEX3 value the tagger writes.
TIME_WORDS = [
    "this week", "last week", "next week", "the week of March 3", "the weekend", "this year",
    "last year", "next year", "the first half", "the second quarter", "Q3 2011", "fiscal 2012",
    "spring", "last summer", "the 1990s", "the '90s", "the 21st century", "three decades",
    "two hours", "90 minutes", "2 1/2 years", "1.5 days", "decades", "every Monday", "daily",
    "Monday night", "this morning", "tonight", "midnight", "noon Tuesday", "Christmas",
    "Thanksgiving", "March", "mid-March", "early 2011", "late last year", "5:45 p.m. EST",
    "18:30 GMT", "now", "recently", "the past", "the future", "two weeks ago", "in three days",
    "the same period last year", "March 3-5", "between 2009 and 2011", "10 a.m. to 2 p.m.",
    "1999/2000", "2011-03", "3/4", "Sept. 11", "the 3rd", "a year earlier", "this quarter"]
QUOTE_MARKS = ['"', "“", "”", "«", "»", "「", "」", "『", "』", "'", "‘", "’", "„", "‹", "›",
               "``", "''", "″"]
ODD = ["\n", "\n\n", "\r", "\r\n", "\u2028", "\u2029", "\x85", "\t", "\x0b", "\x0c", "\x00",
       "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f", "\u202e", "\u00a0",
       "\ud800", "\udfff", "\U0001f600", "\u0301", "\x1c", " "]

# Every code point, surrogates included: lone surrogates arrive from JSON escapes.
WIDE = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())


@st.composite
def _run(draw) -> str:
    """A run of one mark or letter: quadratic tokenizers and regexes break on these. (Up to
    1,000: spaCy needs ~0.2 s per 1,000 marks even when linear; longer lines come from the
    file mutations.)"""
    piece = draw(st.sampled_from(QUOTE_MARKS + ["x", "-", ".", "!", " ", "\n", "\u200b", "9"]))
    return piece * draw(st.integers(2, 1000))


WORDS = ["the", "council", "voted", "to", "close", "the plant", "water", "residents", "budget",
         "we will not", "go", "it is", "a", "disaster", "and", "of", "in", "Riverton", "spill"]


def _piece() -> st.SearchStrategy[str]:
    # mostly words and time expressions, with oddities among them
    plain = [st.sampled_from(NEWS), st.sampled_from(WORDS), st.sampled_from(TIME_WORDS)] * 2
    return st.one_of(*plain, st.sampled_from(QUOTE_MARKS), st.sampled_from(ODD),
                     st.text(WIDE, max_size=12), _run(), st.integers(0, 10**12).map(str))


_SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ", ", ". ", "\r\n", "\u2028"])


@st.composite
def news_text(draw, max_pieces: int = 60) -> str:
    """News-like fragments spliced with odd ones: dates, quote marks, runs, odd breaks."""
    pieces = draw(st.lists(st.tuples(_piece(), _SEPARATORS), max_size=max_pieces))
    return "".join(p + s for p, s in pieces)


# Quote marks in pairs, mismatched pairs and lone ones.
MARK_PAIRS = [("“", "”"), ('"', '"'), ("«", "»"), ("「", "」"), ("‘", "’"), ("'", "'"),
              ("„", "“"), ("``", "''"), ("“", '"'), ("”", "“"), ("", "”"), ("“", "")]
SPEAKERS = ["Maria Alvarez", "Alvarez", "she", "he", "the mayor", "Mayor Tom Weller",
            "a spokesman for the agency", "Calder Resin Works", "officials", "ALVAREZ", "I"]
TEMPLATES = [
    "{o}{w},{c} {s} said.", "{o}{w},{c} said {s}, the {w2}.", "{s} said: {o}{w}.{c}",
    "{s} said that {w}.", "According to {s}, {w}.", "{o}{w}{c} — {s}", "{s}: {o}{w}{c}",
    "{o}{w},{c} {s} told reporters on {d}. {o}{w2}.{c}", "{s} wrote in a statement {d} {o}{w}{c}",
    "{o}{w}{c}", "On {d}, {s} {w}.", "{w} {d}, {s} said."]


@st.composite
def news_sentence(draw) -> str:
    """A sentence shaped like news: quotes with their speakers and cues, dates."""
    opening, closing = draw(st.sampled_from(MARK_PAIRS))
    return draw(st.sampled_from(TEMPLATES)).format(
        o=opening, c=closing, s=draw(st.sampled_from(SPEAKERS)), w=draw(news_text(max_pieces=8)),
        w2=draw(news_text(max_pieces=4)), d=draw(st.sampled_from(NEWS[:30])))


@st.composite
def story_text(draw) -> str:
    """Paragraphs of news-like sentences with odd pieces between them."""
    parts = draw(st.lists(st.tuples(st.one_of(news_sentence(), news_sentence(), _piece()),
                                    _SEPARATORS), max_size=12))
    return "".join(p + s for p, s in parts)


any_text = st.one_of(st.text(WIDE, max_size=300), news_text(), story_text())
short_text = st.one_of(st.none(), st.text(WIDE, max_size=40), news_text(max_pieces=6))
date_string = st.one_of(
    st.none(), st.sampled_from([
        "2011-03-03", "2011-03-03T10:00:00Z", "Thu, 03 Mar 2011 10:00:00 +0000", "March 3, 2011",
        "2011-02-30", "0000-00-00", "9999-12-31", "1299456000", "1299456000000", "99999999999",
        "yesterday", "", "  ", "2011", "03/04/2011", "2011-13-45T99:99", "-1", "1e400"]),
    st.text(WIDE, max_size=20))


# -- files ---------------------------------------------------------------------------------

@dataclass
class Record:
    title: str | None
    text: str | None
    date: str | None
    url: str | None


records = st.builds(Record, short_text, st.one_of(st.none(), any_text), date_string,
                    st.one_of(st.none(), st.sampled_from(["https://example.com/a", "javascript:x",
                                                          "http://[::1", "ftp://x"]),
                              st.text(WIDE, max_size=20)))

SUFFIXES = [".txt", ".html", ".htm", ".jsonl", ".json", ".csv", ".tsv", ".xml", ".rss", ".atom",
            ".warc", "", ".dat"]
COMPRESSIONS = ["", "", ".gz", ".bz2", ".zst"]


def _encode(text: str, encoding: str) -> bytes:
    # surrogatepass: a lone surrogate becomes the bytes a careless writer would leave
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


def _txt(recs: list[Record], encoding: str, careless: bool) -> bytes:
    r = recs[0]
    return _encode(f"{r.title or ''}\n\n{r.text or ''}\n", encoding)


def _html(recs: list[Record], encoding: str, careless: bool) -> bytes:
    r = recs[0]
    paragraphs = "".join(f"<p>{p if careless else escape(p)}</p>" for p in (r.text or "").split("\n"))
    return _encode(
        f"<!DOCTYPE html><html><head><meta charset='{encoding}'><title>{r.title or ''}</title>"
        f"<meta property='article:published_time' content='{r.date or ''}'></head>"
        f"<body><nav>Home | World</nav><article><h1>{r.title or ''}</h1>{paragraphs}</article>"
        "<footer>© 2024</footer></body></html>", encoding)


def _as_dict(r: Record) -> dict[str, Any]:
    return {"title": r.title, "text": r.text, "date": r.date, "url": r.url}


def _jsonl(recs: list[Record], encoding: str, careless: bool) -> bytes:
    # careful: lone surrogates travel as \\ud800 escapes; careless: as bytes
    return b"".join(_encode(json.dumps(_as_dict(r), ensure_ascii=not careless) + "\n", "utf-8")
                    for r in recs)


def _json(recs: list[Record], encoding: str, careless: bool) -> bytes:
    value: Any = [_as_dict(r) for r in recs]
    if encoding == "utf-16":
        value = {"articles": value}
    return _encode(json.dumps(value, ensure_ascii=not careless), "utf-8")


def _csv(recs: list[Record], encoding: str, careless: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t" if encoding == "utf-16" else ",")
    writer.writerow(["title", "text", "date", "url"])
    writer.writerows([r.title, r.text, r.date, r.url] for r in recs)
    return _encode(out.getvalue(), "utf-8")


def _feed(recs: list[Record], encoding: str, careless: bool) -> bytes:
    def x(text: str | None) -> str:   # careless: markup and character references left raw
        return (text or "") if careless else escape(text or "")

    items = "".join(
        f"<item><title>{x(r.title)}</title><link>{x(r.url)}</link><pubDate>{x(r.date)}</pubDate>"
        f"<description>{x(r.text)}</description></item>" for r in recs)
    return _encode(f"<?xml version='1.0' encoding='{encoding}'?><rss version='2.0'><channel>"
                   f"<title>Ledger</title>{items}</channel></rss>", encoding)


def _warc(recs: list[Record], encoding: str, careless: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=encoding == "utf-16")   # sometimes a .warc of gzip members
    for n, r in enumerate(recs):
        headers = StatusAndHeaders("200 OK", [("Content-Type", f"text/html; charset={encoding}")],
                                   protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.com/{n}", "response", payload=io.BytesIO(_html([r], encoding, careless)),
            http_headers=headers, warc_headers_dict={"WARC-Date": "2011-03-04T10:00:00Z"})
        writer.write_record(record)
    return out.getvalue()


WRITERS: dict[str, Callable[[list[Record], str, bool], bytes]] = {
    ".txt": _txt, ".html": _html, ".htm": _html, ".jsonl": _jsonl, ".json": _json, ".csv": _csv,
    ".tsv": _csv, ".xml": _feed, ".rss": _feed, ".atom": _feed, ".warc": _warc, "": _txt,
    ".dat": _jsonl}
# Declared in the file (XML, meta, HTTP header) and used to write it; the last three are
# Python codecs that are no web charset.
ENCODINGS = ["utf-8", "utf-8", "ascii", "utf-16", "cp1252", "shift_jis", "unicode_escape",
             "utf-7", "punycode"]


def compress(data: bytes, kind: str) -> bytes:
    if kind == ".gz":
        return gzip.compress(data)
    if kind == ".bz2":
        return bz2.compress(data)
    if kind == ".zst":
        return zstandard.ZstdCompressor().compress(data)
    return data


@st.composite
def mutated(draw, data: bytes, longest: int = 2_000_000) -> bytes:
    """`data` with a few bytes flipped, inserted, deleted, cut off or repeated (to at most
    `longest` bytes)."""
    for _ in range(draw(st.integers(0, 4))):
        at = int(draw(st.floats(0, 1)) * len(data))
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        if op == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif op == "insert":
            data = data[:at] + draw(st.binary(max_size=16)) + data[at:]
        elif op == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 64)):]
        elif op == "truncate":
            data = data[:at]
        elif op == "repeat":   # a long line, sometimes a huge one: one slice repeated
            piece = data[at:at + draw(st.integers(1, 32))] or b"x"
            times = draw(st.one_of(st.integers(2, 1000), st.integers(2, longest // len(piece))))
            data = data[:at] + piece * times + data[at:]
    return data[:longest]


@dataclass
class FileCase:
    name: str
    data: bytes
    options: ReadOptions = field(default_factory=ReadOptions)

    def __repr__(self) -> str:   # a reproducer line, not megabytes of it
        data = self.data if len(self.data) <= 400 else self.data[:400] + b"...(%d bytes)" % len(self.data)
        return f"FileCase({self.name!r}, {data!r}, {self.options!r})"


# Small limits reach the too-large paths without writing megabytes.
_OPTIONS = st.sampled_from([ReadOptions(), ReadOptions(max_file_bytes=4096, max_record_bytes=512)])


# A build's file is kept to 5 KB of content: the language model's cost is linear but
# high (an 86 KB body of "tml>tml>…", 43,000 tokens, takes 10 s to annotate).
BUILD_BYTES = 5_000


@st.composite
def file_case(draw, small: bool = False) -> FileCase:
    """A file of any format: valid, mutated, compressed then mutated, or random bytes.
    `small`: one record and at most BUILD_BYTES of content, for a whole build."""
    longest = BUILD_BYTES if small else 2_000_000
    suffix = draw(st.sampled_from(SUFFIXES))
    compression = draw(st.sampled_from(COMPRESSIONS))
    how = draw(st.sampled_from(["valid", "mutated", "mutated", "compressed-then-mutated", "bytes"]))
    if how == "bytes":
        data = draw(st.binary(max_size=600))
    else:
        recs = draw(st.lists(records, min_size=1, max_size=1 if small else 4))
        data = WRITERS[suffix](recs, draw(st.sampled_from(ENCODINGS)), draw(st.booleans()))
    data = data[:longest]
    if how == "compressed-then-mutated":
        data = draw(mutated(compress(data, compression), longest))
    else:
        if how == "mutated":
            data = draw(mutated(data, longest))
        data = compress(data, compression)
    options = ReadOptions() if small else draw(_OPTIONS)
    return FileCase("fuzzed" + suffix + compression, data, options)


# -- checks --------------------------------------------------------------------------------

_PLACE = re.compile(r"(line|row|record|entry|item)=\d+|after (line|row|record|entry|item)=\d+")
_RECORD_FORMATS = {"jsonl", "json", "csv", "warc", "feed"}


def _storable(value: object, what: str) -> None:
    if isinstance(value, str):
        expect(storable(value)[1] == 0, f"{what} holds a lone surrogate: {value[:80]!r}")


def check_read(case: FileCase) -> None:
    """Readers never raise; every item is a document or a problem naming the file (and the
    place, in the file's own terms); every text read can be stored."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, case.name)
        with open(path, "wb") as out:
            out.write(case.data)
        items = list(read_paths([folder], case.options))
    for f, item in items:
        expect(f.path == path, f"read {f.path}, not the file written")
        if isinstance(item, Problem):
            expect(item.path == path, f"problem names {item.path!r}")
            expect(item.place is None or _PLACE.fullmatch(item.place), f"odd place {item.place!r}")
            continue
        expect(isinstance(item, RawDocument), f"reader yielded {type(item).__name__}")
        expect(item.origin.path == path, f"document from {item.origin.path!r}")
        if item.origin.format in _RECORD_FORMATS:
            expect(item.origin.locator and _PLACE.fullmatch(item.origin.locator),
                   f"a {item.origin.format} record without its place: {item.origin.locator!r}")
        for name in ("content", "title", "source", "published", "byline"):
            _storable(getattr(item, name), name)
        for name in ("url", "crawl_date", "locator"):
            _storable(getattr(item.origin, name), f"origin.{name}")


GOOD_ARTICLE = """\
Millbrook Street bridge reopens after four months of repairs

The Millbrook Street bridge reopened to traffic on Friday morning, four months after \
inspectors found cracks in two of its steel girders and closed it to everything but pedestrians.

City engineer Tom Alvarez said crews replaced both girders and repaved the deck, and that the \
work finished two weeks ahead of schedule.
"""


def check_build(case: FileCase) -> None:
    """A build of one fuzzed file beside a good one never raises, stores the good article,
    and stores the fuzzed one or says why not."""
    with tempfile.TemporaryDirectory() as folder:
        good = os.path.join(folder, "good.txt")
        with open(good, "w", encoding="utf-8") as out:
            out.write(GOOD_ARTICLE)
        bad = os.path.join(folder, case.name)
        with open(bad, "wb") as out:
            out.write(case.data)
        documents = sum(isinstance(item, RawDocument) for _, item in read_paths([bad]))
        store = storyline.Store(":memory:")
        try:
            summary = storyline.build([folder], store, stderr=None)
            stored = {a.origin.path for a in store.articles.all()}
            problems = store.builds.problems()
        finally:
            store.close()
    expect(good in stored, "the good article was not stored")
    for p in problems:   # a crash the build's safety nets caught is still a bug
        expect(p["code"] != Code.E014.name and not (p["detail"] or "").startswith("reader failed"),
               f"a crash the build caught: {p}")
    reported = any(p["path"] == bad for p in problems)
    expect(not documents or bad in stored or reported or summary.duplicates,
           f"{documents} documents read from the fuzzed file, none stored or reported")


@dataclass
class CleanCase:
    text: str
    title: str | None
    description: str | None
    markup_hint: str


def _visible(text: str) -> str:
    return "".join(text.split())


def check_clean(case: CleanCase) -> None:
    """Every character of the input is in some block, in order; every removed block says
    which rule removed it; the same input gives the same blocks."""
    def run() -> list[Block]:
        return clean_text(case.text, title=case.title, description=case.description,
                          markup_hint=case.markup_hint)

    blocks = run()
    expect(_visible(" ".join(b.text for b in blocks)) == _visible(case.text),
           "the blocks do not hold the text's characters in order")
    for b in blocks:
        expect(b.kind in BLOCK_KINDS, f"unknown kind {b.kind!r}")
        expect((b.rule is None) == (b.kind == "body"), f"removed without a rule (or body with one): {b}")
        expect(b.text.strip(), f"an empty block: {b}")
    expect(run() == blocks, "a second run gave other blocks")


# TIMEX3 values: a (partly unknown) date with an optional time, a duration, a reference.
_DAY = r"(?:0[1-9]|[12]\d|3[01]|XX)"
_DATE_VALUE = (r"(?:\d{4}|XXXX|BC\d{4}|\d{2,3})"        # a year, a century (19), a decade (199)
               r"(?:-(?:0[1-9]|1[0-2]|XX)(?:-" + _DAY + r")?"
               r"|-W(?:0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?:[1-7]|WE))?"
               r"|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?")
_TIME_VALUE = r"T(?:(?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d)?Z?|MO|AF|EV|NI|DT)"
_AMOUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = rf"P(?=.)(?:{_AMOUNT}[YMWD]|{_AMOUNT}WE)*(?:T(?=.)(?:{_AMOUNT}[HMS])*)?"
TIMEX_VALUE = re.compile(rf"PRESENT_REF|PAST_REF|FUTURE_REF|{_DURATION}|"
                         rf"(?:{_DATE_VALUE})?(?:{_TIME_VALUE})?")


@dataclass
class TimexCase:
    text: str
    anchor: Any


anchors = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),
                    st.dates(), st.sampled_from(["2011-03-03", "2011-02-30", "0001-01-01",
                                                 "9999-12-31", "yesterday", ""]))


def check_timex(case: TimexCase) -> None:
    """Spans in the text, sorted, not overlapping, with their own text; values well formed."""
    found = timex.tag(case.text, case.anchor)
    end = 0
    for t in found:
        expect(end <= t.start < t.end <= len(case.text), f"span {t.start}:{t.end} after {end}")
        expect(case.text[t.start:t.end] == t.text, f"{t.text!r} is not the text at {t.start}:{t.end}")
        expect(t.type in ("DATE", "TIME", "DURATION", "SET"), f"type {t.type!r}")
        expect(t.value and TIMEX_VALUE.fullmatch(t.value), f"value {t.value!r} of {t.text!r}")
        end = t.end


@dataclass
class DatingCase:
    text: str
    found: str | None
    method: str | None
    crawl: str | None
    today: date
    prior: list[tuple[date, float]]


def _published_ok(p, what: str) -> None:
    for name in ("date", "earliest", "latest"):
        value = getattr(p, name)
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise Broken(f"{what}.{name} {value!r} is not a date") from None
    expect(0.0 <= p.confidence <= 1.0, f"{what}.confidence {p.confidence}")
    expect(not (p.earliest and p.latest) or p.earliest <= p.latest,
           f"{what}: earliest {p.earliest} after latest {p.latest}")
    expect(not p.date or (p.earliest or p.date) <= p.date <= (p.latest or p.date),
           f"{what}: {p.date} outside {p.earliest}..{p.latest}")
    expect(p.granularity in (None, "day", "month", "year"), f"{what}.granularity {p.granularity!r}")
    for e in p.evidence:   # the safety nets in dating catch crashes: still bugs
        expect("failed (" not in (e.note or "") and "unreadable (" not in (e.note or ""),
               f"{what}: a crash caught: {e.note}")


def check_dating(case: DatingCase) -> None:
    """Dates given parse, confidences are in [0, 1], bounds are ordered, no crash is hidden."""
    blocks = clean_text(case.text)
    published = dating.from_metadata(case.found, case.method, case.crawl)
    _published_ok(published, "from_metadata")
    article = Article(id="fuzz", origin=Origin("fuzz.txt", "txt"), blocks=blocks,
                      published=published)
    _published_ok(dating.date_article(article, today=case.today), "date_article")
    scored = dating.score_days(blocks, published, today=case.today, prior=case.prior)
    _published_ok(scored.published, "score_days")
    expect(0.0 <= scored.day_confidence <= 1.0, f"day_confidence {scored.day_confidence}")
    _published_ok(dating.from_text(blocks, today=case.today), "from_text")


def check_quotes(text: str) -> None:
    """Quotes, names and sentences of the annotate stage point into the body, and speakers
    come from it."""
    article = Article(id="fuzz", origin=Origin("fuzz.txt", "txt"),
                      blocks=[Block(p) for p in text.split("\n\n") if p.strip()])
    body = article.body
    annotate(article, nlp.load())
    for s, e in article.sentences:
        expect(0 <= s < e <= len(body), f"sentence {s}:{e}")
    for m in article.mentions:
        expect(body[m.start:m.end] == m.text, f"mention {m.text!r} is not the text at {m.start}")
    for q in article.quotes:
        expect(0 <= q.start <= q.end <= len(body), f"quote span {q.start}:{q.end}")
        expect(body[q.start:q.end] == q.text, f"quote {q.text!r} is not the text at {q.start}")
        expect(q.kind in ("direct", "partial", "indirect"), f"quote kind {q.kind!r}")
        for ev in q.evidence:
            expect(ev.start is None or body[ev.start:ev.end] == ev.text,
                   f"evidence {ev.text!r} is not the text at {ev.start}")
        if q.speaker_name:
            expect(_visible(q.speaker_name) in _visible(body),
                   f"speaker {q.speaker_name!r} is not in the text")


# -- the targets ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy
    check: Callable[[Any], None]
    warm_up: Any   # one case run before any is timed: imports, the language model
    seconds: float = PER_CASE_SECONDS   # the per-case time limit


_GOOD_RECORD = Record("Bridge reopens", GOOD_ARTICLE, "2011-03-03", "https://example.com/a")

TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("ingest", file_case(), check_read,
           FileCase("warm.html", _html([_GOOD_RECORD], "utf-8", False))),
    Target("build", file_case(small=True), check_build,   # an HTML page: trafilatura loads
           FileCase("warm.html", _html([_GOOD_RECORD], "utf-8", False)), BUILD_SECONDS),
    Target("clean", st.builds(CleanCase, any_text, short_text, short_text,
                              st.sampled_from(["text", "html"])), check_clean,
           CleanCase(GOOD_ARTICLE, None, None, "text")),
    Target("timex", st.builds(TimexCase, any_text, anchors), check_timex,
           TimexCase(GOOD_ARTICLE, "2011-03-04")),
    Target("dating", st.builds(DatingCase, any_text, date_string,
                               st.sampled_from([None, "feed", "dataset", "path", "html-text", "x"]),
                               date_string, st.dates(min_value=date(1900, 1, 1)),
                               st.lists(st.tuples(st.dates(), st.floats(0, 10)), max_size=3)),
           check_dating, DatingCase(GOOD_ARTICLE, None, None, None, date(2011, 3, 4), [])),
    # Bodies are storable text (every reader makes it so): spaCy cannot hash a lone surrogate.
    Target("quotes", any_text.map(lambda text: storable(text)[0]), check_quotes, GOOD_ARTICLE),
)}


def fuzz_test(target: Target, **overrides: Any) -> Callable[..., None]:
    """The pytest test of one target: generated cases (as many as the hypothesis profile
    says, or `overrides`), each checked within the per-case time limit."""
    def test(case: Any) -> None:
        target.check(case)

    # hypothesis keys its example database by the test's name: one key per target
    test.__name__ = test.__qualname__ = f"fuzz_{target.name}"
    return settings(deadline=timedelta(seconds=target.seconds), **overrides)(
        given(target.strategy)(test))
