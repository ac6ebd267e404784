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
    crawl_date: str | None = None  # ISO date the page was fetched (WARC-Date), an upper bound

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
    where: str = "body"            # body | removed | metadata | path
    note: str | None = None


@dataclass
class Published:
    date: str | None = None        # YYYY-MM-DD, or None when unknown
    earliest: str | None = None
    latest: str | None = None
    granularity: str | None = None  # day | month | year
    # html-meta | html-shown | html-text | feed | dataset | path | warc-crawl | text | story
    method: str | None = None
    confidence: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Published":
        d = dict(d or {})
        d["evidence"] = [Evidence(**e) for e in d.get("evidence", [])]
        return cls(**d)


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    type: str                      # DATE | TIME | DURATION | SET
    value: str


@dataclass
class Article:
    id: str
    origin: Origin
    source: str | None = None
    title: str | None = None
    dateline: str | None = None
    byline: str | None = None
    published: Published = field(default_factory=Published)
    blocks: list[Block] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    story_id: str | None = None
    content_hash: str = ""
    notes: list[str] = field(default_factory=list)

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
        d["notes"] = list(self.notes)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        d = dict(d)
        d["origin"] = Origin(**d["origin"])
        d["published"] = Published.from_dict(d.get("published"))
        d["blocks"] = [Block(**b) for b in d.get("blocks", [])]
        d["timexes"] = [TimeExpr(**t) for t in d.get("timexes", [])]
        return cls(**d)


# Corpus-level objects. Their stages land in later issues; the shapes are here
# so every stage and view speaks the same names from the start.


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
    start: int = 0
    end: int = 0
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    date: str
    granularity: str
    text: str
    sources: list[dict[str, Any]] = field(default_factory=list)  # {"article_id", "sentence"}


@dataclass
class Story:
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
