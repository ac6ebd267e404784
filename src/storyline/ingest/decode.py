"""Bytes to text: binary detection and encoding detection for plain text.

UTF-8 first (most files are), then charset-normalizer for legacy encodings
(cp1252, latin-1, Shift-JIS, ...). A file that is UTF-8 but for a few broken
bytes is read as UTF-8 with those bytes replaced, and the caller is told where.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..text.storable import storable

__all__ = ["Decoded", "decode", "looks_binary", "NotText"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of undecodable bytes up to which a mostly-UTF-8 file is read as UTF-8
# with replacements rather than re-guessed (a guess would garble every other
# non-ASCII character). Set by hand: real scraped files with damage have a few
# stray bytes; legacy-encoded files fail on most non-ASCII bytes.
_UTF8_DAMAGE_TOLERANCE = 0.1

# charset-normalizer often ranks a Baltic, Central European or Mac code page
# first for short Western European text (latin-1 French came out as cp775,
# "Montréal" as "Montrķal"), though it scores cp1252 nearly as well. cp1252 (a
# superset of latin-1 for text) is by far the most common legacy encoding of
# news text, so it wins when its chaos score is within this margin of the best.
# Set by hand on short French, German, Spanish and English samples; Cyrillic,
# Greek and Japanese samples do not list cp1252 as a candidate at all.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
_WESTERN_MARGIN = 0.05


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class NotText(Exception):
    pass


@dataclass
class Decoded:
    text: str
    encoding: str
    damage: str | None = None   # "3 undecodable bytes replaced, first at byte 1040"


def looks_binary(head: bytes) -> bool:
    """NUL bytes or many control characters in the first few KB (after any BOM)."""
    if any(head.startswith(bom) for bom, enc in _BOMS if enc != "utf-8-sig"):
        return False
    sample = head[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return len(sample) > 0 and controls / len(sample) > 0.05


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode `data`; `declared` is an encoding named by a container (HTTP header, XML)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(enc, errors="replace"), enc)
    if declared:
        # A label that is no web charset is not believed when it fails (punycode raises
        # UnicodeError) or decodes to text that cannot be stored ("unicode_escape" reads
        # "\\ud800" as a lone surrogate; UTF-7 can spell one too).
        try:
            text = data.decode(declared)
            if not storable(text)[1]:
                return Decoded(text, declared)
        except (UnicodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        first_bad = err.start
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(data) - len(data.decode("ascii", errors="ignore")) or 1
    if bad / non_ascii <= _UTF8_DAMAGE_TOLERANCE:
        return Decoded(text, "utf-8", f"{bad} undecodable bytes replaced, first at byte {first_bad}")
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise NotText(f"no text encoding fits (first bad byte at {first_bad})")
    for match in matches:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + _WESTERN_MARGIN:
            best = match
            break
    return Decoded(str(best), best.encoding)

