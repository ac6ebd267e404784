"""The domain model every stage speaks.

Data flows one way: ingest yields `RawDocument`s, the per-article pipeline turns
each into an `Article` (pure function of one document), the store keeps them,
and the corpus stages and views read them back. Everything here is a plain
dataclass that round-trips through `to_dict` / `from_dict`, so articles can be
sent to worker processes and kept in SQLite as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Origin",
    "RawDocument",
    "Block",
    "Evidence",
    "Published",
    "TimeExpr",
    "Article",
    "Entity",
    "Mention",
    "Quote",
    "Event",
    "Story",
    "BLOCK_KINDS",
]

# What a paragraph of an article can be. Everything but "body" is removed from
# the clean text and kept, with its kind, in `Article.removed`.
BLOCK_KINDS = (
    "body",
    "title",
    "dateline",
    "byline",
    "timestamp",   # "Published 3:05 PM, March 4" lines: not text, but evidence for dating
    "caption",     # photo captions and credits
    "related",     # in-body links to other stories ("SEE ALSO: ...")
    "promo",       # site, video, newsletter, app, social plugs
    "advert",      # "Advertisement", "Story continues below advertisement"
    "engagement",  # prompts to comment, share or vote
    "teaser",      # headlines of unrelated stories after the article ends
    "footer",      # copyright, credits, corrections, contact lines
    "standfirst",  # the summary under the headline (same as the page's description)
    "comments",    # reader comments after the article
    "meta",        # page furniture: reading time, section labels
    "template",    # lines that repeat across articles of the same source
)


@dataclass
class Origin:
    """Where an article came from, precisely enough to find it again."""

    path: str                      # file path as given (or "-" for stdin)
    format: str                    # txt | html | jsonl | json | csv | warc | feed
    locator: str | None = None     # "line=12", "row=3", "record=7", "entry=2" inside the file
    url: str | None = None
    crawl_date: str | None = None  # when the page was fetched (WARC-Date, ISO), an upper bound

    def where(self) -> str:
        return f"{self.path}:{self.locator}" if self.locator else self.path


@dataclass
class RawDocument:
    """One article as read from disk, before extraction and cleaning."""

    origin: Origin
    content: str                   # plain text or HTML, already decoded
    markup: str = "text"           # "text" or "html"
    title: str | None = None       # from metadata, when the container has it
    source: str | None = None      # outlet / site name
    published: str | None = None   # metadata date, as found
    published_method: str | None = None  # where that date came from ("feed", "dataset", "path", ...)
    byline: str | None = None
    authors: list[str] = field(default_factory=list)   # names, when the container lists them
    notes: list[str] = field(default_factory=list)  # problems met while reading (partly read)


@dataclass
class Block:
    """One paragraph of an article with what the cleaner decided it is, and why."""

    text: str
    kind: str = "body"
    rule: str | None = None        # the rule that classified it (None for plain body)


@dataclass
class Evidence:
    """A piece of text a derived value rests on."""

    text: str
    start: int | None = None       # offsets into the body, when the evidence is there
    end: int | None = None
    # body | removed | metadata | path; for a title candidate its source: h1 |
    # json-ld headline | og:title | twitter:title | title | feed | dataset | text
    where: str = "body"
    note: str | None = None


@dataclass
class Published:
    date: str | None = None        # YYYY-MM-DD, or None when unknown
    earliest: str | None = None
    latest: str | None = None
    # day | month | range (a run of days, at most a season) | year; finest first
    granularity: str | None = None
    # html-meta | html-shown | html-text | feed | dataset | path | warc-crawl | text | story
    method: str | None = None
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
    # Where inside earliest..latest the article likely sits, when its story places it
    # more narrowly than bounds that hold (earliest..latest hold at `confidence`; this
    # window holds at `likely_confidence`, e.g. a week right about half the time).
    likely_earliest: str | None = None
    likely_latest: str | None = None
    likely_confidence: float | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Published":
        d = dict(d or {})
        d["evidence"] = [Evidence(**e) for e in d.get("evidence", [])]
        return cls(**d)

    @property
    def coarseness(self) -> int:
        """0 for a day, up to 4 for nothing known: which of two answers says more."""
        return {"day": 0, "month": 1, "range": 2, "year": 3}.get(self.granularity or "", 4)


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    type: str                      # DATE | TIME | DURATION | SET
    value: str


@dataclass
class Mention:
    """A name in an article's body: a person, organization or place.

    `name` is the fullest form the article uses for the same one ("Maria
    Alvarez" for a later "Alvarez"; "Environmental Protection Agency" for
    "EPA"); the corpus stage joins names across articles into `Entity`s.
    """

    start: int                     # offsets into the body
    end: int
    text: str
    type: str                      # PERSON | ORG | LOC
    name: str
    role: str | None = None        # "Secretary of State", "press secretary"
    role_of: str | None = None     # whose role it is ("Tom Weller" for his press secretary)
    # An acronym the article does not define but whose initials a name of the article
    # has ("BP" beside "Bolivar Peninsula"): that name, for the corpus stage to accept
    # only when the corpus agrees (`storyline.entities.resolve`).
    expands: str | None = None


@dataclass
class Article:
    id: str
    origin: Origin
    source: str | None = None
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)   # names (storyline.clean.authors)
    published: Published = field(default_factory=Published)
    blocks: list[Block] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    # Filled by the annotate stage (storyline's language pipeline); offsets
    # are into `body`.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    mentions: list["Mention"] = field(default_factory=list)
    quotes: list["Quote"] = field(default_factory=list)
    story_id: str | None = None
    content_hash: str = ""
    notes: list[str] = field(default_factory=list)
    # Every title the document offered, with its source; the chosen one's note says why
    # (storyline.clean.headline).
    title_evidence: list[Evidence] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.kind == "body")

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if b.kind != "body"]

    def to_dict(self) -> dict[str, Any]:
        # Shallow copies of flat dataclasses: dataclasses.asdict deep-copies
        # every value and was a quarter of the build time.
        d = dict(vars(self))
        d["origin"] = dict(vars(self.origin))
        d["published"] = dict(vars(self.published))
        d["published"]["evidence"] = [dict(vars(e)) for e in self.published.evidence]
        d["blocks"] = [dict(vars(b)) for b in self.blocks]
        d["timexes"] = [dict(vars(t)) for t in self.timexes]
        d["sentences"] = [list(s) for s in self.sentences]
        d["mentions"] = [dict(vars(m)) for m in self.mentions]
        d["quotes"] = [q.to_dict() for q in self.quotes]
        d["notes"] = list(self.notes)
        d["authors"] = list(self.authors)
        d["title_evidence"] = [dict(vars(e)) for e in self.title_evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        d = dict(d)
        d["origin"] = Origin(**d["origin"])
        d["published"] = Published.from_dict(d.get("published"))
        d["blocks"] = [Block(**b) for b in d.get("blocks", [])]
        d["timexes"] = [TimeExpr(**t) for t in d.get("timexes", [])]
        d["sentences"] = [tuple(s) for s in d.get("sentences", [])]
        d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
        d["quotes"] = [Quote.from_dict(q) for q in d.get("quotes", [])]
        d["title_evidence"] = [Evidence(**e) for e in d.get("title_evidence", [])]
        return cls(**d)


# Corpus-level objects, made by the corpus stages (corpus.py) from the stored
# articles: stories (storyline.stories), their timelines (storyline.timeline) and
# entities across articles (storyline.entities).


@dataclass
class Entity:
    id: str
    name: str
    type: str                      # PERSON | ORG | LOC
    aliases: list[str] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass
class Quote:
    id: str
    article_id: str
    text: str
    speaker: str | None = None     # entity id
    speaker_name: str | None = None
    kind: str = "direct"           # direct | partial | indirect
    start: int = 0                 # offsets of the quoted content in the body
    end: int = 0
    evidence: list[Evidence] = field(default_factory=list)
    role: str | None = None        # the speaker's role as the article states it
    cue: str | None = None         # the reporting verb or phrase ("said", "according to")

    def to_dict(self) -> dict[str, Any]:
        d = dict(vars(self))
        d["evidence"] = [dict(vars(e)) for e in self.evidence]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        d = dict(d)
        d["evidence"] = [Evidence(**e) for e in d.get("evidence", [])]
        return cls(**d)


@dataclass
class Event:
    """One timeline entry. `date` is its first day; `granularity` day | week | month |
    range | year; `earliest`/`latest` the first and last day it may be (both the date
    for a day). Each source: {"article_id", "sentence", "outlet", "expression" (the
    time expression that dated it, or None), "why" (how it was dated)}."""

    date: str
    granularity: str
    text: str
    sources: list[dict[str, Any]] = field(default_factory=list)  # {"article_id", "sentence"}
    earliest: str | None = None    # None only in timelines stored before these fields
    latest: str | None = None


@dataclass
class Story:
    id: str
    title: str                     # a name for the whole story (storyline.stories.story_name)
    article_ids: list[str] = field(default_factory=list)   # date order, copies included
    timeline: list[Event] = field(default_factory=list)
    # Filled by story grouping (storyline.stories):
    copies: dict[str, str] = field(default_factory=dict)   # copy article id -> original's id
    merged_from: list[str] = field(default_factory=list)   # ids of stories merged into this one
    first_date: str | None = None                          # earliest and latest dated member
    last_date: str | None = None
    sources: list[str] = field(default_factory=list)       # outlets, most articles first
    # Filled by the timeline stage (storyline.timeline.compare): which outlet
    # reports what, and where outlets disagree on a date or a number.
    comparison: dict[str, Any] = field(default_factory=dict)
    headline: str | None = None    # the headline of its most central article
