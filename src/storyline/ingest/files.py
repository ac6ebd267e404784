"""Finding input files, recognising their format, opening them through any compression.

Paths may be files, folders (walked recursively, hidden entries skipped),
globs, or "-" for standard input.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import Code, StorylineError

__all__ = ["InputFile", "discover", "open_binary", "read_limited", "TooLarge", "COMPRESSIONS"]

COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".zst": "zstd", ".zstd": "zstd"}

FORMATS = {
    ".txt": "txt", ".text": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc", ".arc": "warc",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}

# Files a folder walk passes over without complaint: not articles, not problems.
IGNORED_SUFFIXES = {
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico", ".pdf", ".css", ".js",
    ".mp3", ".mp4", ".zip", ".tar", ".db", ".sqlite", ".db-wal", ".db-shm", ".pyc", ".md",
}


@dataclass(frozen=True)
class InputFile:
    path: str                 # as the user will recognise it
    format: str | None        # txt | html | jsonl | json | csv | warc | feed | None (sniff)
    compression: str | None   # gzip | bz2 | zstd | None
    root: str | None = None   # the folder argument this file was found under

    @property
    def is_stdin(self) -> bool:
        return self.path == "-"


def classify(path: str) -> tuple[str | None, str | None]:
    """(format, compression) from the file name; format None means: sniff the content."""
    name = Path(path).name.lower()
    compression = None
    for suffix, kind in COMPRESSIONS.items():
        if name.endswith(suffix):
            compression, name = kind, name[: -len(suffix)]
            break
    return FORMATS.get(Path(name).suffix), compression


def _ignored(path: Path) -> bool:
    return path.suffix.lower() in IGNORED_SUFFIXES or path.name.startswith(".")


def discover(paths: list[str]) -> Iterator[InputFile]:
    """Every input file named by `paths`, in a stable order, each once."""
    seen: set[str] = set()

    def emit(p: Path, root: str | None) -> Iterator[InputFile]:
        key = os.path.realpath(p)
        if key in seen:
            return
        seen.add(key)
        fmt, comp = classify(str(p))
        yield InputFile(str(p), fmt, comp, root)

    for arg in paths:
        if arg == "-":
            yield InputFile("-", None, None)
            continue
        p = Path(arg)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    if not _ignored(f):
                        yield from emit(f, str(p))
        elif p.is_file():
            yield from emit(p, None)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                raise StorylineError(Code.E101, f"no files match {arg!r}")
            for m in matches:
                yield from discover([m]) if Path(m).is_dir() else emit(Path(m), None)
        else:
            raise StorylineError(Code.E101, f"no such file or folder: {arg}")


def open_binary(f: InputFile) -> BinaryIO:
    """A readable binary stream of the decompressed content."""
    # (stdin is never compressed: compression comes from a file name.) Opening
    # gzip and bz2 by name lets closing the stream close the file too.
    if f.compression == "gzip":
        return gzip.open(f.path, "rb")  # type: ignore[return-value]
    if f.compression == "bz2":
        return bz2.open(f.path, "rb")  # type: ignore[return-value]
    raw: BinaryIO = sys.stdin.buffer if f.is_stdin else open(f.path, "rb")
    if f.compression == "zstd":
        return io.BufferedReader(_ZstdReader(raw))  # type: ignore[return-value]
    return raw


class _ZstdReader(io.RawIOBase):
    """The frames of a zstd stream, one after another.

    zstandard's own `stream_reader` cannot be iterated by line (JSON Lines) and
    returns a truncated frame's partial data without complaint; this raises
    EOFError when the input ends mid-frame, as gzip and bz2 do. Compressed input
    is fed 1 KB at a time, so one step yields at most ~32 MB even from a bomb
    (a 4-byte RLE block stands for 128 KB).
    """

    def __init__(self, raw: BinaryIO) -> None:
        import zstandard

        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._dobj = self._new()
        self._in_frame = False
        self._buf = b""
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        while self._pos >= len(self._buf):
            chunk = self._raw.read(1024)
            if not chunk:
                if self._in_frame:
                    raise EOFError("zstd stream ended before the end of its last frame")
                return 0
            out = []
            while chunk:
                self._in_frame = True
                out.append(self._dobj.decompress(chunk))
                chunk = b""
                if self._dobj.eof:  # a frame ended; what follows starts the next one
                    chunk, self._dobj, self._in_frame = self._dobj.unused_data, self._new(), False
            self._buf, self._pos = b"".join(out), 0
        n = min(len(b), len(self._buf) - self._pos)
        b[:n] = self._buf[self._pos:self._pos + n]
        self._pos += n
        return n

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class TooLarge(Exception):
    pass


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """All of `stream`, or TooLarge when it holds more than `limit` bytes.

    Reading in chunks keeps a compressed bomb from filling memory.
    """
    buf = io.BytesIO()
    while True:
        chunk = stream.read(1 << 20)
        if not chunk:
            return buf.getvalue()
        buf.write(chunk)
        if buf.tell() > limit:
            raise TooLarge(f"more than {limit // (1 << 20)} MB")
