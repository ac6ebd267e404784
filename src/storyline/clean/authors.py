"""Authors: the names in a byline or an author field, as a list.

Bylines and author fields mix names with everything around them: "By RACHEL DUNMORE |
Riverton Ledger", "Tom Krisher, AP Auto Writer", "Lisa Kaczke and Trevor J. Mitchell",
"Rachael Link, MS, RD", "Finian Cunningham. Sputnik International", a profile URL, a CMS
account ("admin"), the site's own name or staff credit ("CNBC.com staff", "Telegraph
Reporters"). `names` keeps the names: people, and a wire agency or another outlet credited
for the story ("Associated Press" on a paper's site), never the publishing site itself.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..text.calendar import MONTH_NAMES, WEEKDAY_NAMES
from .headline import name_key, site_keys, tidy

__all__ = ["names", "first_names", "with_printed"]

_LEAD = re.compile(r"^(?:\W*\b(?:(?:written|posted|story|words|text|analysis|opinion|"
                   r"photos?|reporting|compiled|edited)\s+)?(?:by|von|por|par|de|текст)\b\s*:?"
                   r"|(?:text|текст)\s*:)\s*", re.I)
# Words that make a part a role, a credit or an outlet rather than a name.
_NOT_NAME = re.compile(
    r"\b(?:staff|writer|reporter|reporters|correspondent|editor|editors|editorial|columnist|"
    r"contributor|contributors|producer|desk|team|newsroom|bureau|wire|wires|services|"
    r"agencies|\w*admin|administrator|webmaster|guest|anonymous|unknown|published|updated|"
    r"gmt|utc|est|pst|read|min|share|follow|email|view|more|articles|"
    r"гость|редакция)\b|https?:|www\.|\.com\b|\.co\.|@|\d", re.I)
# Words of an outlet's name: a part after a comma with one of them is where the
# author works ("Jill Disis, CNN Business", "Meg Kinnard, Associated Press"), not an author.
_OUTLET = re.compile(r"^the\b|\b(?:press|news|times|post|journal|herald|tribune|daily|media|"
                     r"magazine|network|international|business|gazette|review|telegraph|agency|"
                     r"online|live|updates|today|weekly|radio|tv)\b", re.I)
# Credentials after a name: "MS, RD", "PhD", "MD"
_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,4}|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?)$")
# Between names: ";", " and ", " & ", ",", "/"
_BETWEEN = re.compile(r"\s*(?:;| and | & | und | y | et |,|/)\s*")
_MAX_WORDS = 5
# Dates glued to a name by a scrape ("Jeff Foust Monday; November")
_CALENDAR = re.compile(r"\s*\b(?:" + "|".join(n.title() for n in (*MONTH_NAMES, *WEEKDAY_NAMES))
                       + r")\b.*$")


def _title_case(name: str) -> str:
    # "MELISSA GOLDIN" -> "Melissa Goldin"; "Mike LaChance", "bell hooks" stay
    if name.isupper() and any(c.isalpha() for c in name):
        return " ".join(w.capitalize() if not re.fullmatch(r"[A-Z]\.?", w) else w
                        for w in name.split())
    return name


def _is_name(part: str, first: bool, site: set[str]) -> bool:
    words = part.split()
    if not words or len(words) > _MAX_WORDS or len(part) > 60 or _NOT_NAME.search(part):
        return False
    if _CREDENTIAL.match(part) and not first:
        return False
    if len(words) == 1 and part.islower():
        return False   # a user name: "jdadmin", "kevin-r"
    key = name_key(part)
    if any(key == s or (len(s) >= 4 and key.startswith(s)) or (len(key) >= 5 and s.startswith(key))
           for s in site):
        return False   # the site's own name: "CNN Business" on cnn.com, "Beachbody" on beachbodyondemand.com
    if _OUTLET.search(part) and len(words) >= 2:
        initials = "".join(w[0] for w in words if w.casefold() != "the").casefold()
        if any(s.startswith(initials) for s in site):
            return False   # "The Associated Press" on apnews.com
    # after the first part, one word is an outlet or a place ("Tom Cary, Senior ...",
    # "Victor Tangermann, Futurism"), not a second author
    return first or (len(words) >= 2 and not _OUTLET.search(part))


def names(text: str | None, site_names: Iterable[str | None] = ()) -> list[str]:
    """The names in one byline or author field."""
    text = tidy(text)
    if not text or re.match(r"https?://", text):
        return []
    site = site_keys(site_names)
    text = _LEAD.sub("", text)
    # after a bar or a full stop after a surname comes the outlet ("By RACHEL DUNMORE |
    # Riverton Ledger", "Finian Cunningham. Sputnik International")
    text = re.split(r"\s+\|\s*|(?<=[a-z]{2})\.\s+(?=[A-Z])", text)[0]
    parts = [p.strip(" .,:-–—|()") for p in _BETWEEN.split(text)]
    out: list[str] = []
    for i, part in enumerate(parts):
        part = _CALENDAR.sub("", _LEAD.sub("", part)).strip(" .,:-–—|()")
        if _is_name(part, i == 0, site):
            out.append(_title_case(part))
    return list(dict.fromkeys(out))


def first_names(fields: Iterable[tuple[str, Iterable[str | None]]],
                site_names: Iterable[str | None] = ()) -> tuple[list[str], str | None]:
    """The names of the first source that has any: `fields` is (source, [author strings])
    in order of trust (JSON-LD, meta tags, the printed byline). Returns the names and
    the source they came from."""
    site_names = list(site_names)
    chosen: tuple[list[str], str | None] = ([], None)
    for source, values in fields:
        found: list[str] = []
        for value in values:
            found += [n for n in names(value, site_names)
                      # trafilatura title-cases what it finds: one word may be a user name
                      if source != "trafilatura" or " " in n]
        found = list(dict.fromkeys(found))
        if found and (not chosen[0] or not _outlets_only(found)):
            chosen = (found, source)
            # an outlet alone ("The Western Journal") gives way to a later source's person
            if not _outlets_only(found):
                break
    return chosen


def _outlets_only(found: list[str]) -> bool:
    return all(_OUTLET.search(n) for n in found)


def with_printed(found: list[str], printed: list[str]) -> list[str]:
    """The printed byline's names when the metadata has none, or when the byline names
    all of them and more (a live page's metadata names its first writer only)."""
    return printed if not found or set(found) < set(printed) else found
