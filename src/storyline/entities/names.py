"""String rules for names: comparison keys, acronyms, surnames.

These work on plain strings so the article stage (`mentions`) and the corpus stage
(`resolve`) compare names the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lexicon import ACRONYM_SKIP, HONORIFICS, NAME_PARTICLES, NAME_SUFFIXES, ORG_GENERIC, ORG_SUFFIXES

__all__ = ["name_key", "org_stem", "acronym_of", "acronyms", "is_acronym", "surname", "first_name",
           "name_words"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.I)
# The two country abbreviations news uses everywhere, spelled out so "U.S. Air Force"
# and "United States Air Force" compare equal.
_COUNTRY_CODES = {"US": "united states", "U.S.": "united states", "USA": "united states",
                  "U.S.A.": "united states", "UK": "united kingdom", "U.K.": "united kingdom"}
# Whole names news uses for the same two countries.
_COUNTRY_NAMES = {"america": "united states", "britain": "united kingdom",
                  "great britain": "united kingdom"}
_WORD = re.compile(r"[^\W_][\w'.&-]*")


def _fold(text: str) -> str:
    """Accents off, curly quotes straight: "Nuñez" and "Nunez" compare equal."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in text if not unicodedata.combining(c))


def name_words(name: str) -> list[str]:
    """The words of a name, possessive and surrounding punctuation dropped."""
    words = _WORD.findall(_fold(name))
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return [w for w in words if w]


@lru_cache(maxsize=65536)
def name_key(name: str, type: str = "PERSON") -> str:
    """The comparison key of a name: lowercase words, no dots, no leading "the", no
    honorifics (persons) or company-form suffixes (organizations)."""
    words = [_COUNTRY_CODES.get(w, w).lower() for w in name_words(name)]
    if words and words[0] == "the":
        words = words[1:]
    if " ".join(words) in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[" ".join(words)]
    if type == "PERSON":
        words = [w for w in words if w not in HONORIFICS] or words
    elif type == "ORG":
        while len(words) > 1 and words[-1] in ORG_SUFFIXES:
            words.pop()
    return " ".join(w.replace(".", "").strip("-'") for w in words)


def org_stem(name: str) -> str:
    """An organization's key without trailing generic words ("Ford Motor Co." -> "ford")."""
    key = name_key(name, "ORG")
    # "United States Air Force" is the "Air Force" of a US article
    for country in ("united states ", "united kingdom "):
        if key.startswith(country) and len(key[len(country):].split()) >= 2:
            key = key[len(country):]
    words = key.split()
    while len(words) > 1 and words[-1] in ORG_GENERIC | ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


def is_acronym(text: str) -> bool:
    """ "EPA", "E.P.A.", "U.S.", "DoJ": 2-6 letters, mostly capitals, dots allowed."""
    letters = text.replace(".", "").replace("&", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha():
        return False
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and capitals >= len(letters) - 1 and letters[0].isupper()


def acronym_of(text: str) -> str:
    """The comparison form of an acronym: "E.P.A." -> "EPA", "DoJ" -> "DOJ"."""
    return text.replace(".", "").replace("&", "").upper()


def acronyms(name: str) -> set[str]:
    """Acronyms a multi-word name can go by, from the initials of its words, with and
    without function words: "Department of Justice" -> {"DJ", "DOJ"}."""
    words = [w for w in name_words(name) if w.lower() != "the"]
    while len(words) > 1 and words[-1].lower() in ORG_SUFFIXES:
        words.pop()
    if len(words) < 2:
        return set()
    out = set()
    for keep_small in (False, True):
        picked = [w for w in words if keep_small or w.lower() not in ACRONYM_SKIP]
        # hyphenated words give an initial per part: "Co-operation" -> "C" (one), as
        # "OECD" shows; so only the first part counts.
        initials = "".join(w[0] for w in picked if w[0].isalpha()).upper()
        if len(initials) >= 2:
            out.add(initials)
    return out


def _core(name: str) -> list[str]:
    words = [w for w in name_words(name) if w.lower() not in HONORIFICS]
    while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()
    return words


# A lowercase particle glued to a surname by a hyphen: "al-Assad", "el-Sisi", "ad-Din"
_ARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}-(?=\w{2,})")


def surname(name: str) -> str:
    """The last name, lowercase: "Maria Alvarez" -> "alvarez"; "Martin Luther King Jr."
    -> "king"; "Bashar al-Assad" -> "assad" (news writes him "Assad" as often)."""
    words = _core(name)
    return _ARTICLE_PREFIX.sub("", words[-1].lower().replace(".", "")) if words else ""


def first_name(name: str) -> str:
    """The first word of a multi-word personal name, lowercase ("" for one word)."""
    words = [w for w in _core(name) if w.lower() not in NAME_PARTICLES]
    return words[0].lower().replace(".", "") if len(words) > 1 else ""
