"""Clean: sort the paragraphs of an article into body and everything else.

Every paragraph becomes a `Block` with a kind (see `model.BLOCK_KINDS`) and
the rule that decided it. Nothing is dropped: the body is the "body" blocks,
the rest is kept as `removed`. The same cleaner runs on plain text files and
on trafilatura's output for HTML pages.

The decisions, in order:
1. line rules (`rules.RULES`): captions, plugs, prompts, credits, timestamps...;
2. the head: a headline as first line (plain text only), bylines, a standfirst
   that repeats the page's description, a dateline split off the first body
   paragraph;
3. the tail: reader comments after a comments header; links to other stories set in
   capitals, the writer's biography, a second article appended after the first
   (`endmatter.py`); headlines of other stories after the article's last sentence
   (teasers);
4. across articles (`template.py`): lines that repeat across one source.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Block
from ..text.scraped import WEEKDAY as _WEEKDAY
from ..text.sentences import ENDS_CLAUSE, ENDS_SENTENCE
from . import endmatter
from .rules import (COMMENT_HEADERS, DATELINE, HEADLINE_MAX_WORDS, RULES, TEASER_HEADERS, words)
from .template import TemplateIndex, apply_template, line_key

__all__ = ["clean_text", "clean_paragraphs", "split_paragraphs", "TemplateIndex", "apply_template",
           "line_key"]

_BYLINE = re.compile(
    r"^(?:by|written by|story by|words by|posted by|von|por|par)\s+[\w.'’ -]{2,60}"
    r"(?:\s*(?:,|\||—|–|-|and|&)\s*[\w.'’@ -]{2,60}){0,3}\s*$|"
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*(?:,|\||—|–)\s*(?:staff (?:writer|reporter)|"
    r"(?:senior |chief |political |staff )?(?:correspondent|reporter|editor|writer|columnist)|"
    r"associated press|reuters|afp|for [\w .]+)\W*$",
    re.I)
_ZONE = r"(?:UK time|local time|GMT|UTC|[A-Z]{2,4})"  # longest first: "UK time" before "UK"
_PREFIX = re.compile(  # "TRIPOLI | Mon Feb 21, 2011 6:51 pm EST " before the first sentence
    r"^(?P<prefix>[^|]{2,40}\|[^|]{0,60}?(?:\b\d{4}\b(?:\s+\d{1,2}[:.]\d\d\s*[ap]\.?m\.?(?:\s+"
    + _ZONE + r")?)?|\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?" + _ZONE + r"(?:\s*,\s*\w+day)?"
    r"(?:\s*,\s*\d{1,2}\s+\w+\s+\d{4})?))\s+(?=\S)")


# A line that opens with a byline and runs on: a scrape's byline glued to the text.
_BYLINE_LED = re.compile(r"^By\s+(?!" + _WEEKDAY + r"\b)[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+.{40,}")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: blank-line separated chunks, hard wraps undone.

    Inside a chunk, lines are one paragraph when they look hard-wrapped (full
    lines of similar width); otherwise each line stands alone (headline and
    byline on consecutive lines, one-paragraph-per-line dumps).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and _hard_wrapped(lines):
            paragraphs.extend(_unwrap(lines))
        else:
            paragraphs.extend(" ".join(line.split()) for line in lines)
    return paragraphs


def _hard_wrapped(lines: list[str]) -> bool:
    """Whether consecutive lines are one paragraph wrapped at a fixed width.

    Wrapped prose breaks mid-sentence, mostly before lower-case words; a
    headline, a timestamp and a byline on consecutive lines break after
    complete units, before capitals.
    """
    width = max(len(line) for line in lines)
    if width > 100 or width < 40:
        return False
    breaks = list(zip(lines, lines[1:]))
    mid_sentence = sum(1 for prev, nxt in breaks
                       if len(prev) >= 0.6 * width and not ENDS_SENTENCE.search(prev)
                       and (nxt[:1].islower() or prev.endswith(",")))
    return mid_sentence >= 0.5 * len(breaks)


def _unwrap(lines: list[str]) -> list[str]:
    width = max(len(line) for line in lines)
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        current.append(line)
        if len(line) < 0.6 * width and ENDS_SENTENCE.search(line):
            out.append(" ".join(" ".join(current).split()))
            current = []
    if current:
        out.append(" ".join(" ".join(current).split()))
    return out


def clean_text(text: str, *, title: str | None = None, description: str | None = None,
               markup_hint: str = "text") -> list[Block]:
    return clean_paragraphs(split_paragraphs(text) if markup_hint == "text"
                            else [p.strip() for p in text.split("\n") if p.strip()],
                            title=title, description=description, markup_hint=markup_hint)


def clean_paragraphs(paragraphs: list[str], *, title: str | None = None,
                     description: str | None = None, markup_hint: str = "text") -> list[Block]:
    """Classify each paragraph. `title` and `description` come from metadata when known.

    With markup_hint="text" the first line may be the headline; with "html" the
    headline came from the page's metadata and the first line is text.
    """
    blocks = [Block(" ".join(p.split())) for p in paragraphs if p.strip()]
    if not blocks:
        return blocks
    _apply_line_rules(blocks)
    blocks = _split_header_caption(blocks)
    _mark_captions_by_credits(blocks)
    _mark_head(blocks, title, description, markup_hint)
    _mark_comments(blocks)
    endmatter.mark_caps_links(blocks, _body_extent(blocks, long_only=True)[0])
    endmatter.mark_biography(blocks)
    endmatter.mark_appended_article(blocks, title, _is_byline)
    _mark_teasers(blocks)
    return _split_dateline(blocks)


def _apply_line_rules(blocks: list[Block]) -> None:
    first_body, last_body = _body_extent(blocks, long_only=True)
    for i, block in enumerate(blocks):
        n = words(block.text)
        for rule in RULES:
            if n > rule.max_words:
                continue
            if rule.where == "tail" and i <= first_body:
                continue
            if rule.where == "head" and (i > first_body or i > 3):
                continue
            if rule.where == "edge" and first_body <= i <= last_body:
                continue
            if rule.pattern.search(block.text):
                block.kind, block.rule = rule.kind, rule.name
                break


# What a photo caption says: who is where doing what, in the present tense.
_CAPTION_CUES = re.compile(
    r"\b(left|right|center|centre|from left|foreground|background|pictured)\b,|"
    r"\b(speaks?|stands?|walks?|holds?|looks? (on|at)|waits?|adjusts?|hands? out|gathers?|arrives?|"
    r"talks?|watch(es)?|sits?|poses?|listens?|works?|carr(y|ies)|wears?|leaves?|prepares?|"
    r"inspects?|tours?|embraces?|cheers?|celebrates?|is seen|are seen|is shown|are shown)\b")
_NOT_CAPTION = re.compile(r"[\"“”]|\b(said|says|told|according to|will|would|must|could|should|"
                          r"may|might|can)\b", re.I)


# A gallery's dated caption: "June 4: Oil is seen gushing around the cap". A dated
# chronology line ("Sept. 7: U.S. government seizes Fannie Mae") says what happened, so
# only a line that reads as a caption (_CAPTION_CUES, or naming its picture) is one.
# (The previous caption's credit may lead it: "AP May 5: Gathered, concentrated oil burns".)
_DATED_LINE = re.compile(r"^(?:(?-i:[A-Z]{2,8}|Getty Images)(?:\\?/\S+)?\s+)?"
                         r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\s*:\s",
                         re.I)
_NAMES_PICTURE = re.compile(r"\b(?:this|a) (?:file |aerial )?(?:photo|image|picture)\b|"
                            r"\bfrom video\b", re.I)
# The label of a credit line, "Photograph: Suzanne Plunkett/Reuters": the Guardian
# prints it after its caption.
_CREDIT_LABEL = re.compile(r"^(?:photograph|photo|picture)\s*:", re.I)
# A photographer's credit opening the next paragraph, "(By Tony Dejak -- Associated
# Press) CLEVELAND -- ...": the Washington Post's, after its caption.
_LEADING_CREDIT = re.compile(r"^(?:\(|-LRB-)\s*(?:By|Photo by|Photograph by)\s+[A-Z][^()]{2,60}?"
                             r"(?:\)|-RRB-)")


# A page stamp in a scraped header line: "Friday 29 May 2009 16.55 BST".
_HEADER_STAMP = re.compile(r"\b(?:" + _WEEKDAY + r"\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+"
                           r"\d{1,2}[.:]\d\d\s*(?:BST|GMT|UTC|CET|CEST)\b")


def _split_header_caption(blocks: list[Block]) -> list[Block]:
    """A scraped page whose first line runs headline, standfirst, stamp and the photo's
    caption together before a credit line ("BP attempts to place new cap ... Saturday
    10 July 2010 13.25 BST The cap currently on the well is not stopping all the oil
    ..." then "Photograph: AP", as in timeline17's Guardian pages): split into the
    headline, the stamp and the caption."""
    if len(blocks) < 2 or blocks[0].kind != "body" or not _CREDIT_LABEL.match(blocks[1].text):
        return blocks
    text = blocks[0].text
    stamps = list(_HEADER_STAMP.finditer(text))
    stamp = stamps[-1] if stamps else None
    if stamp is None or words(text[:stamp.start()]) < 3:
        return blocks
    caption = text[stamp.end():].strip()
    if not 3 <= words(caption) <= 35:    # between the stamp and its credit: a caption
        return blocks
    return [Block(text[:stamp.start()].strip(), "title", "header-before-stamp"),
            Block(stamp.group(0), "timestamp", "header-stamp"),
            Block(caption, "caption", "caption-before-credit")] + blocks[1:]


def _mark_captions_by_credits(blocks: list[Block]) -> None:
    """Captions known by their credit line or their gallery date.

    A bare credit ("Photo: Jane Roe / Riverton Ledger") sits next to its caption: a
    caption-like paragraph after it is the caption; a short paragraph just before a
    credit that is not a caption itself ("Photograph: Suzanne Plunkett/Reuters The
    ritual flogging ...", from timeline17's Guardian pages) is the caption it credits.
    """
    dated = [b for b in blocks if b.kind == "body" and _DATED_LINE.match(b.text)
             and words(b.text) <= 60 and not _NOT_CAPTION.search(_DATED_LINE.sub("", b.text))]
    captions = [b for b in dated if _CAPTION_CUES.search(b.text) or _NAMES_PICTURE.search(b.text)]
    # two of them read as captions: the page is a gallery, its other dated lines too
    for block in dated if len(captions) >= 2 else captions:
        block.kind, block.rule = "caption", "caption-dated-gallery"
    for prev, block in zip(blocks, blocks[1:]):
        if (prev.rule == "caption-label" and words(prev.text) <= 8 and block.kind == "body"
                and words(block.text) <= 35 and _CAPTION_CUES.search(block.text)
                and not _NOT_CAPTION.search(block.text)):
            block.kind, block.rule = "caption", "caption-after-credit"
    for prev, credit, after in zip(blocks, blocks[1:], blocks[2:] + [Block("")]):
        credits_prev = _LEADING_CREDIT.match(credit.text) or (
            credit.rule == "caption-label" and _CREDIT_LABEL.match(credit.text)
            and after.rule != "caption-after-credit"          # that credit is the next one's
            and not _CAPTION_CUES.search(credit.text))
        if credits_prev and prev.kind == "body" and words(prev.text) <= 35 \
                and not _NOT_CAPTION.search(prev.text):
            prev.kind, prev.rule = "caption", "caption-before-credit"


def _body_extent(blocks: list[Block], long_only: bool = False) -> tuple[int, int]:
    """Index of the first and last paragraph that reads as article prose."""
    idx = [i for i, b in enumerate(blocks)
           if b.kind == "body" and _is_prose(b.text, min_words=12 if long_only else 6)]
    if not idx:
        return 0, len(blocks) - 1
    return idx[0], idx[-1]


def _is_prose(text: str, min_words: int = 6) -> bool:
    return words(text) >= min_words and bool(ENDS_CLAUSE.search(text))


def _looks_like_headline(text: str) -> bool:
    n = words(text)
    if n == 0 or n > HEADLINE_MAX_WORDS or len(text) > 200:
        return False
    if DATELINE.match(text + " ") and text.rstrip()[-1:] in "—–-":
        return False
    if text.startswith(("\"", "“", "'", "‘", "-", "•", "*")) and ENDS_SENTENCE.search(text):
        return False
    if _BYLINE_LED.match(text):
        return False                      # "By Finlo Rohrer BBC News, Washington There have ..."
    # A headline does not end a sentence with a full stop (questions and
    # exclamations are fine); a lede does.
    return not re.search(r"[.,;:]\s*$", text) or text.rstrip().endswith("...")


def _mark_head(blocks: list[Block], title: str | None, description: str | None,
               markup_hint: str) -> None:
    norm_title = _norm(title) if title else None
    norm_desc = _norm(description) if description else None
    first_body, _ = _body_extent(blocks)
    head_end = min(first_body, 6)
    for i, block in enumerate(blocks[: max(head_end, 3) + 1]):
        if block.kind != "body":
            continue
        text = block.text
        norm = _norm(text)
        if norm_title and norm and (norm == norm_title or (i < 3 and norm_title.startswith(norm)
                                                             and words(text) >= 4)):
            block.kind, block.rule = "title", "same-as-metadata-title"
        elif i == 0 and markup_hint == "text" and not title and _looks_like_headline(text) \
                and len(blocks) > 1:
            block.kind, block.rule = "title", "first-line-headline"
        elif i == 0 and markup_hint == "html" and _looks_like_headline(text) and words(text) >= 4 \
                and len(blocks) > 1 and _shares_words(text, title) and (
                    _is_prose(blocks[1].text, 8) or _shares_words(text, title, 0.8)):
            # trafilatura keeps the page's <h1> as the first line when it sits
            # inside the article; its wording often differs from the <title>.
            block.kind, block.rule = "title", "first-line-headline"
        elif i == 1 and blocks[0].kind == "title" and words(text) >= 8 \
                and not ENDS_CLAUSE.search(text) and len(blocks) > 2 and _is_prose(blocks[2].text, 8) \
                and not _opens_story(text):
            # A deck under the headline: a long line that does not end a sentence.
            block.kind, block.rule = "standfirst", "deck-under-headline"
        elif _BYLINE.match(text) and words(text) <= 14:
            block.kind, block.rule = "byline", "byline"
        elif norm_desc and i <= 2 and norm == norm_desc and _byline_follows(blocks, i) \
                and not _opens_story(text):
            # The summary under the headline, repeated in the page's description,
            # with the byline or date line under it. Without those the paragraph
            # is taken for the lede: many sites use the lede as the description.
            block.kind, block.rule = "standfirst", "same-as-metadata-description"
        elif i < head_end and not _is_prose(text, 4) and words(text) <= 12 \
                and _looks_like_headline(text) and i + 1 < len(blocks) and markup_hint == "text" \
                and any(b.kind == "title" for b in blocks[:i]):
            # Short non-sentence lines between the headline and the lede: kickers, sections.
            block.kind, block.rule = "title", "head-kicker"


def _opens_story(text: str) -> bool:
    """A paragraph that opens with a dateline ("WASHINGTON (AP) — ...") is the story's
    first paragraph, never a standfirst above it, whatever the page's description says."""
    m = DATELINE.match(text)
    return bool(m) and _dateline_ok(m.group("dateline"))


def _is_byline(text: str) -> bool:
    return bool(_BYLINE.match(text)) and words(text) <= 14


def _shares_words(text: str, title: str | None, share: float = 0.5) -> bool:
    """Whether most of the longer words of `text` are in `title`."""
    mine = {w for w in _norm(text).split() if len(w) > 3}
    theirs = {w for w in _norm(title or "").split() if len(w) > 3}
    return bool(mine) and len(mine & theirs) >= share * len(mine)


def _byline_follows(blocks: list[Block], i: int) -> bool:
    return any(b.kind in ("byline", "timestamp") or _BYLINE.match(b.text)
               for b in blocks[i + 1:i + 3])


# A comment's own header run into its text: "At 4:23 pm on 18 Jan 2010 , jo wrote : I 'm
# glad ..." (BBC blogs), "On March 2, 2024 at 8:10 am, Jo Bell wrote: ...".
_COMMENT_STAMP = re.compile(r"^(?:at|on)\s+[^:]{0,40}?\d{1,2}[:.]\d{2}[^:]{0,40}?\d{4}\s*,?\s*"
                            r"[^\s,:]+(?:\s+[^\s,:]+){0,3}\s+wrote\s*:", re.I)


def _mark_comments(blocks: list[Block]) -> None:
    """Reader comments: a comments header after the body start, and all that follows;
    or, with no header, the first of two or more stamped "NAME wrote:" comments."""
    first_body, _ = _body_extent(blocks, long_only=True)
    stamped = [i for i in range(first_body + 1, len(blocks)) if _COMMENT_STAMP.match(blocks[i].text)]
    for i in range(first_body + 1, len(blocks)):
        header = COMMENT_HEADERS.match(blocks[i].text) or (
            blocks[i].rule in ("engagement",) and "welcome comments" in blocks[i].text.lower())
        if header or (len(stamped) >= 2 and i == stamped[0]):
            for block in blocks[i:]:
                block.kind, block.rule = "comments", "after-comments-header" if header \
                    else "stamped-comments"
            return


def _mark_teasers(blocks: list[Block]) -> None:
    """Headlines of other stories after the article ends.

    After the last paragraph that reads as prose, a teaser header ("More from
    the Ledger", "Most read") and every short line after it go; without a
    header, a run of 2+ trailing headline-like lines goes.
    """
    body_idx = [i for i, b in enumerate(blocks) if b.kind == "body"]
    if len(body_idx) < 2:
        return
    prose = [i for i in body_idx if _is_prose(blocks[i].text, 8)]
    if not prose:
        return
    last_prose = prose[-1]
    # A header anywhere after the first prose paragraph starts a teaser list
    # when what follows it is headline-like.
    for i in range(prose[0] + 1, len(blocks)):
        b = blocks[i]
        if b.kind in ("body", "related") and TEASER_HEADERS.match(b.text):
            following = [j for j in range(i + 1, len(blocks)) if blocks[j].kind == "body"]
            run = []
            for j in following:  # the list ends at the first sentence
                if ENDS_SENTENCE.search(blocks[j].text) or words(blocks[j].text) > 25:
                    break
                run.append(j)
            cards = _cards(blocks, following)
            if len(cards) > len(run) and cards == following:
                run = cards   # headlines with their one-line summaries, to the end of the page
            b.kind, b.rule = "teaser", "teaser-header"  # the header itself is never text
            if run or i > last_prose:
                for j in run:
                    blocks[j].kind, blocks[j].rule = "teaser", "after-teaser-header"
    tail = [i for i in range(last_prose + 1, len(blocks)) if blocks[i].kind == "body"]
    candidates = [i for i in tail if _looks_like_headline(blocks[i].text)
                  and words(blocks[i].text) >= 4 and blocks[i].text[:1].isalpha()
                  and not _LIST_ITEM.match(blocks[i].text)]
    # Two to a dozen: a longer trailing list is more likely the article's own
    # (tour dates, results) than a box of links.
    if 2 <= len(candidates) <= 12 and len(candidates) == len(tail):
        for i in candidates:
            blocks[i].kind, blocks[i].rule = "teaser", "trailing-headlines"


# The most words of a teaser's summary line under its headline ("The 'Uncommitted' vote
# was a measure of frustration with Biden's stance on Gaza ...").
CARD_SUMMARY_WORDS = 40


def _teaser_headline(text: str) -> bool:
    """A headline of a list of other stories: short and no sentence, or a card's link
    text printed twice ("Nikki Haley Just Won't Quit Nikki Haley Just Won't Quit")."""
    half = text.split()
    if len(half) % 2 == 0 and half[:len(half) // 2] == half[len(half) // 2:]:
        text = " ".join(half[:len(half) // 2])
    return not ENDS_SENTENCE.search(text) and words(text) <= HEADLINE_MAX_WORDS


def _cards(blocks: list[Block], following: list[int]) -> list[int]:
    """After a teaser header, the run of other stories' cards: each a headline, maybe
    with one summary line under it."""
    run: list[int] = []
    after_headline = False
    for j in following:
        text = blocks[j].text
        if _teaser_headline(text):
            run.append(j)
            after_headline = True
        elif after_headline and words(text) <= CARD_SUMMARY_WORDS:
            run.append(j)
            after_headline = False
        else:
            break
    return run


# Lines of an article's own lists: dates, scores, "Key: value" items, bullets.
_LIST_ITEM = re.compile(r"^(\W|\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
                        r"[\w' ]{1,30}:\s)", re.I)


def _split_dateline(blocks: list[Block]) -> list[Block]:
    """Take a dateline (and a "Name | time" prefix) off the first body paragraph."""
    for i, block in enumerate(blocks):
        if block.kind != "body":
            continue
        out: list[Block] = []
        text = block.text
        prefix = _PREFIX.match(text)
        if prefix:
            out.append(Block(prefix.group("prefix").strip(), "timestamp", "prefix-before-lede"))
            text = text[prefix.end():]
        m = DATELINE.match(text)
        if m and words(text[m.end():]) >= 4 and _dateline_ok(m.group("dateline")):
            out.append(Block(m.group("dateline").strip(), "dateline", "dateline"))
            text = text[m.end():]
        if not out:
            return blocks
        out.append(Block(text.strip(), "body", None))
        return blocks[:i] + out + blocks[i + 1:]
    return blocks


def _dateline_ok(dateline: str) -> bool:
    # The place must be upper case and not a sentence opener like "I" or "A".
    place = re.split(r"[,(\[]|-LRB-", dateline)[0].strip(" —–-:")
    letters = [c for c in place if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
