"""The headline as printed: one title chosen among a page's candidates, with the site's name cut.

A saved page offers several titles: its `<h1>`, the JSON-LD `headline`, `og:title`,
`twitter:title`, `<title>`, and trafilatura's pick among them. They differ: `<title>` and
`og:title` carry the site's name (" - WELT", "| TechCrunch", "：朝日新聞デジタル") or a
section label ("Opinion | ..."), `og:title` and JSON-LD are often an SEO variant of the
headline, and a page may have an `<h1>` that is its logo or another story's teaser. The
printed headline is the `<h1>` the other candidates agree with; when no `<h1>` does, the
candidate the others agree with most, with the site's name cut.

Site names come from the page (og:site_name, the host name, its initials) and, across
a corpus, from the outlet's own titles: a first or last segment repeated across several of
an outlet's titles is the outlet's affix (`affixes`, learned by the templates stage).
Every candidate is kept as evidence (`Evidence.where` names its source).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Article, Evidence

__all__ = ["choose", "strip_site", "affixes", "segments", "repair_mojibake", "tidy", "site_keys", "text_key", "name_key",
           "cut_affixes", "AGREE"]

# An <h1> is the headline when its words and a metadata title's words overlap this much
# (Dice coefficient of word sets): a rewritten SEO title shares some words with the
# printed headline ("Prison guards charged in connection with Jeffrey Epstein's death" /
# "Two federal prison officers charged ... Epstein's suicide": .64; Slate's "The
# Disappearance of John M. Ford" / "John M. Ford's books are being republished, but how
# did he fall into obscurity?": .30), a logo, login or teaser <h1> none. Tuned on the dev
# half of bench/data/page_labels.jsonl: every value from .10 to .25 gets all its titles.
AGREE = 0.2

# Between a headline and a site name or section label: " | ", " - ", " – ", " — ",
# " :: ", " · ", " » ", a full-width colon or bar (CJK sites).
_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»]|::)\s+|\s*[：｜]\s*")
_DATE_SEGMENT = re.compile(r"^[\d./\- ]{6,12}$")
_WORD = re.compile(r"\w+")
# "Ã©", "â€™", "Ð¡": UTF-8 read as Latin-1 or cp1252
_MOJIBAKE = re.compile(r"[ÃÂâÐÑìëíêã][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def tidy(text: str | None) -> str:
    """One line of metadata text: entities decoded, mojibake repaired, spaces collapsed."""
    if not text:
        return ""
    return " ".join(repair_mojibake(html.unescape(text)).split())


def repair_mojibake(text: str) -> str:
    """UTF-8 that was read as Latin-1/cp1252 ("Ã©" for "é", "â€™" for "’"), read again.

    Only when every character maps back to one byte and the bytes are UTF-8: a page
    whose bytes were lost on the way is left as it is rather than half repaired.
    """
    if not _MOJIBAKE.search(text):
        return text
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            try:
                raw += ch.encode("latin-1")
            except UnicodeEncodeError:
                return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def text_key(text: str) -> str:
    return re.sub(r"[\W_]", "", text.casefold())


def name_key(text: str) -> str:
    """`text_key` without a leading "the": "The Riverton Ledger" is "rivertonledger"."""
    return text_key(re.sub(r"^\s*the\s+", "", text, flags=re.I))


def site_keys(site_names: Iterable[str | None]) -> set[str]:
    """Keys a site goes by: its names, without "the" and a domain ending, and their initials."""
    keys = set()
    for name in site_names:
        if not name:
            continue
        name = re.sub(r"^(?:https?://)?(?:www\d?\.)?", "", name.strip(), flags=re.I)
        host = re.fullmatch(r"([\w-]+)(?:\.[\w-]+)*\.[a-z]{2,}", name, re.I)
        if host and " " not in name:
            name = host.group(1)   # "techcrunch.com" -> "techcrunch"
        words = [w for w in _WORD.findall(name) if w.casefold() != "the"]
        if words:
            keys.add(text_key("".join(words)))
            if len(words) >= 2:
                keys.add("".join(w[0] for w in words).casefold())   # "WSJ"
    return {k for k in keys if len(k) >= 2}


def _names_site(segment: str, names: set[str], learned: set[str]) -> bool:
    key = name_key(segment)
    if not key:
        return True
    if key in learned or _DATE_SEGMENT.match(segment):
        return True
    # "TechCrunch", "Los Angeles Times" (og:site_name), "The Hill" vs "TheHill",
    # "Sportsnet.ca" vs the host "sportsnet"
    return any(key == n or (len(n) >= 4 and (key.startswith(n) or n.startswith(key)) and
                            abs(len(key) - len(n)) <= 4) for n in names)


def segments(title: str) -> list[str]:
    return [s for s in _SEPARATOR.split(title) if s.strip()]


def strip_site(title: str, site_names: Iterable[str | None] = (),
               learned: Iterable[str] = ()) -> tuple[str, list[str]]:
    """`title` without the site names and dates before or after it; and what was cut.
    `learned`: an outlet's affixes, as `affixes` keys them."""
    names, known = site_keys(site_names), set(learned)
    parts = [p.strip() for p in _SEPARATOR.split(title)]
    seps = _SEPARATOR.findall(title)
    cut: list[str] = []
    # from the end first: " - WELT", " – DW – 13.06.2023"; then from the front
    while len(parts) > 1 and _names_site(parts[-1], names, known):
        cut.insert(0, seps.pop() + parts.pop())
    while len(parts) > 1 and _names_site(parts[0], names, known):
        cut.append(parts.pop(0) + seps.pop(0))
    if not cut:
        return title, []
    rest = parts[0]
    for sep, part in zip(seps, parts[1:]):
        rest += sep + part
    return rest.strip(), [c.strip() for c in cut]


def affixes(title: str) -> list[str]:
    """The first and last segments of a title: what an outlet may repeat on every page."""
    parts = segments(title)
    if len(parts) < 2:
        return []
    return [k for k in dict.fromkeys([name_key(parts[0]), name_key(parts[-1])]) if k]


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class _Candidate:
    source: str
    text: str          # as the page gives it (tidied)
    title: str         # without the site's name
    cut: list[str]


def choose(candidates: Iterable[tuple[str, str | None]], site_names: Iterable[str | None] = (),
           learned: Iterable[str] = ()) -> tuple[str | None, list[Evidence]]:
    """The headline among `(source, text)` candidates ("h1" for each <h1>, in page order,
    then metadata titles), and every candidate as evidence, the chosen one saying why."""
    site_names, learned = list(site_names), list(learned)
    names = site_keys(site_names)
    found: list[_Candidate] = []
    for source, text in candidates:
        text = tidy(text)
        if not text or len(text) > 400:
            continue
        title, cut = (text, []) if source == "h1" else strip_site(text, site_names, learned)
        found.append(_Candidate(source, text, title, cut))
    if not found:
        return None, []
    h1s = [c for c in found if c.source == "h1" and not _names_site(c.text, names, set(learned))]
    others = [c for c in found if c.source != "h1"]
    chosen, why = None, ""
    if h1s and not others:
        chosen, why = h1s[0], "the page's first <h1>; no other title"
    elif h1s:
        scored = [(max(_dice(_words(h.title), _words(o.title)) for o in others), -i, h)
                  for i, h in enumerate(h1s)]
        score, _, best = max(scored, key=lambda s: s[:2])
        if score >= AGREE:
            agree = [o.source for o in others
                     if _dice(_words(best.title), _words(o.title)) >= AGREE]
            chosen, why = best, "printed <h1>, agrees with " + ", ".join(dict.fromkeys(agree))
    if chosen is None and others:
        # the metadata title the others agree with most; earlier sources win ties
        def support(c: _Candidate) -> float:
            return sum(_dice(_words(c.title), _words(o.title)) for o in others if o is not c)
        chosen = max(others, key=lambda c: (support(c), -others.index(c)))
        why = "agrees most with the other titles" + ("; no <h1> agrees" if h1s else "")
    if chosen is None:
        chosen, why = h1s[0], "the page's first <h1>"
    evidence = []
    for c in found:
        note = None
        if c is chosen:
            note = "chosen: " + why + (f"; cut {' '.join(c.cut)!r}" if c.cut else "")
        evidence.append(Evidence(text=c.text, where=c.source, note=note))
    return chosen.title, evidence


def cut_affixes(article: Article, learned: set[str]) -> bool:
    """Cut the outlet's learned affixes (`clean.template`) off a title that came from
    metadata or a container; a printed <h1> stays as it is. Returns whether it changed."""
    chosen = next((e for e in article.title_evidence if (e.note or "").startswith("chosen")),
                  None)
    if not article.title or (chosen is not None and chosen.where == "h1"):
        return False
    title, cut = strip_site(article.title, (), learned)
    if not cut:
        return False
    article.title = title
    if chosen is not None:
        chosen.note = f"{chosen.note}; cut the outlet's affix {' '.join(cut)!r}"
    return True
