"""The numbered catalog: every problem and error storyline reports has a code, so a
user can look one up (README, "Problems and errors") and a test can check for it.

E0xx: a `Problem`, something wrong with one input (a file, a line, a record)
that did not stop the build: one line on stderr, stored with the build, counted
in the summary. W0xx: a warning about an input that was read whole: reported and
stored the same way, but the build still counts as all read (exit 0). E1xx: a `StorylineError`, what the user must fix before a
command can run (a bad option, a missing path or database, a name that matches
nothing); the command exits with status 2.
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
    W001 = "article over its time budget"
    W002 = "page kept without its text"
    W003 = "text annotated in pieces"
    # Errors that stop a command (StorylineError).
    E101 = "no such input"
    E102 = "no database"
    E103 = "not a storyline database"
    E104 = "database schema from another storyline version"
    E105 = "database open read-only"
    E106 = "nothing matches the name given"
    E107 = "the name given matches more than one"
    E108 = "no stories yet"
    E109 = "bad search query"
    E110 = "bad option value"
    E111 = "the disk is full"
    E112 = "the database cannot be written here"
    E113 = "the database is busy"
    E114 = "internal error"
    E115 = "an optional part is not installed"
    E119 = "no such correction"
    E120 = "the correction does not fit the store"

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

    @property
    def warning(self) -> bool:
        """Only a warning: the input was read whole."""
        return self.code.name.startswith("W")

    def __str__(self) -> str:
        where = f"{self.path}:{self.place}" if self.place else self.path
        what = "read" if self.warning else "skipped" if self.skipped else "partly read"
        extra = f": {self.detail}" if self.detail else ""
        return f"{where}: {self.code.name} {self.code.why}{extra} ({what})"

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code.name, "path": self.path, "place": self.place,
                "why": self.code.why, "detail": self.detail, "skipped": self.skipped}


class StorylineError(Exception):
    """An error the user must fix before storyline can go on: a code from the catalog
    and what exactly is wrong."""

    def __init__(self, code: Code, detail: str) -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"{code.name} {detail}")
