"""What the passes of quote finding share over one article (see attribute.py)."""

from __future__ import annotations

from dataclasses import dataclass

from .marks import Marked
from .speakers import Resolver, Speaker, Tokens

__all__ = ["Found", "State"]


@dataclass
class Found:
    """A quote as a pass finds it; attribute.py makes the `Quote` from it."""

    start: int                        # the content's char offsets (marks excluded)
    end: int
    kind: str                         # direct | partial | indirect
    speaker: Speaker | None = None
    cue: tuple[int, int] | None = None
    marked: Marked | None = None      # the quote marks of a direct quote
    para: int = 0                     # index of its paragraph
    inherited: str | None = None      # where an inherited speaker came from


class State:
    """The article (its text, tokens, name resolver, paragraphs) and what the passes
    found so far."""

    def __init__(self, tok: Tokens, resolver: Resolver) -> None:
        self.text = tok.text
        self.tok = tok
        self.resolver = resolver
        self.paras: list[tuple[int, int]] = []
        self.found: list[Found] = []      # quotes of the paragraphs done, in reading order
        self.used_cues: set[int] = set()  # cue tokens an attribution took: one quote per cue
