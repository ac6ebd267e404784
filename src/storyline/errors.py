"""Numbered problems, so a user can look one up and a test can check for it.

A `Problem` is something that went wrong with one input (a file, a line, a
record) and did not stop the build: it is printed as one line on stderr,
stored with the build, and counted in the summary. `StorylineError` is for
what the user must fix before anything can run (a bad option, a missing path).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Code", "Problem", "StorylineError"]


class Code(str, Enum):
    # (message template, whether the input was skipped whole)
    E001 = "binary file, not text"
    E002 = "empty file"
    E003 = "undecodable bytes"
    E004 = "file too large"
    E005 = "truncated or corrupt compressed file"
    E006 = "malformed JSON"
    E007 = "broken WARC record"
    E008 = "no article text found"
    E009 = "unreadable file"
    E010 = "malformed CSV"
    E011 = "malformed feed"
    E012 = "record has no text or title"
    E013 = "record too large"
    E014 = "article failed to process"
    E015 = "language model not available"

    @property
    def why(self) -> str:
        return self.value


@dataclass(frozen=True)
class Problem:
    code: Code
    path: str
    place: str | None = None   # "line 12", "record 7", "offset 4096"
    detail: str | None = None
    skipped: bool = True       # False: the input was partly read

    def __str__(self) -> str:
        where = f"{self.path}:{self.place}" if self.place else self.path
        what = "skipped" if self.skipped else "partly read"
        extra = f": {self.detail}" if self.detail else ""
        return f"{where}: {self.code.name} {self.code.why}{extra} ({what})"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.name, "path": self.path, "place": self.place,
                "why": self.code.why, "detail": self.detail, "skipped": self.skipped}


class StorylineError(Exception):
    """An error the user must fix before storyline can go on."""
