"""Plain text files: one article each. The cleaner decides what the first line is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Origin, RawDocument
from .files import InputFile

__all__ = ["read_text", "date_from_path", "source_from_path"]

_PATH_DATE = re.compile(
    r"(?<!\d)(19\d\d|20\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
# Folder names that say nothing about the outlet.
_GENERIC_DIRS = {"inputdocs", "docs", "articles", "text", "texts", "txt", "data", "raw", "html",
                 "corpus", "input", "inputs", "files", "news"}


def date_from_path(path: str) -> str | None:
    """A YYYY-MM-DD date written into a file or folder name (the last one wins)."""
    found = _PATH_DATE.findall(path)
    if not found:
        return None
    y, m, d = found[-1]
    return f"{y}-{m}-{d}"


def source_from_path(f: InputFile) -> str | None:
    """The outlet a text file belongs to, from where it sits.

    Below a folder argument, the first sub-folder names the outlet
    (`corpus/reuters/2019/x.txt` -> reuters); otherwise the nearest folder
    above. Date-like and generic folder names ("InputDocs", "2019-03-04")
    are passed over.
    """
    p = Path(f.path)
    parts: list[str] = []
    if f.root:
        try:
            parts = list(p.relative_to(f.root).parts[:-1])
        except ValueError:
            pass
        # then the folder argument itself and its parents, nearest first
        parts += reversed(Path(f.root).resolve().parts[1:])
    else:
        parts = list(reversed(p.resolve().parent.parts[1:]))
    for part in parts:
        if part and not _PATH_DATE.search(part) and part.lower() not in _GENERIC_DIRS:
            return part
    return None


def read_text(f: InputFile, text: str, source: str | None) -> Iterator[RawDocument]:
    date = date_from_path(f.path)
    yield RawDocument(
        origin=Origin(path=f.path, format="txt"),
        content=text,
        markup="text",
        source=source or source_from_path(f),
        published=date,
        published_method="path" if date else None,
    )
