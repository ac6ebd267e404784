"""Furniture a scrape glues to the front of a sentence: a page's time stamp with the
headline and standfirst before it, a byline, a dateline, photo credits in brackets, an
all-caps headline; and sentences that are page furniture themselves. Shared by the
timeline's entries, derived article titles and story names."""

from __future__ import annotations

import re

from .calendar import MONTH_NAMES, WEEKDAY_NAMES

__all__ = ["CLOCK_STAMP", "MONTH", "WEEKDAY", "clean_sentence", "cleaned"]

# Wire furniture glued to a lead sentence when the text was scraped: "HONG KONG, May 2
# (Reuters) - ", "By Jo Bell | Tue Apr 21, 2009 10:19 pm BST", an all-caps headline.
# Brackets as a Penn-tokenized text writes them too ("-LRB- CNN -RRB-"; a sentence
# splitter may have cut the leading "-" off).
_OPEN, _CLOSE = r"(?:\(\s*|-?LRB-\s+)", r"(?:\s*\)|\s+-RRB-)"
_DATELINE = re.compile(r"^.{0,200}?" + _OPEN + r"[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?" + _CLOSE
                       + r"\s*[-—–]+\s*")
_CAPS_HEAD = re.compile(r"^(?:[A-Z][A-Z'’-]+\s+){3,}(?=[A-Z][a-z])")
_BULLET = re.compile(r"^[\\*•·\-–—\s]+")
# A page's time stamp, and the headline and standfirst scraped before it: "... Sunday
# 3 April 2005 02.26 BST ", "8 November 2011 Last updated at 14:07 GMT Help ",
# "Wednesday, February 11, 2009; 5:18 PM ", "July 27, 2010 - 12:48 PM | by: Jo Bell ".
MONTH = rf"(?:{'|'.join(m[:3].title() for m in MONTH_NAMES)})[a-z]*\.?"
# A dated dateline: "OXFORD, Miss., Sept. 26 -- ", "HARLOW, March 12 -- ".
_DATED_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?){0,2},\s*"
                             + MONTH + r"\s+\d{1,2}\s*(?:--|—|–)\s*")
_STAMP = re.compile(
    r"^.{0,250}?(?:\d{1,2}\s+" + MONTH + r"|" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?)"
    r"\s*,?\s*\d{2,4}[,;:]?\s*(?:-\s*|\|\s*)?(?:Last updated at\s+)?"
    r"\d{1,2}[.:]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:GMT|BST|UTC|UK|ET|EST|EDT|CET|PST|PDT)?"
    r"(?:\s+Help|\s*\|\s*by:?\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?\s+(?=[\"“A-Z])")
# A byline: "By the CNN Wire Staff ", "By Mike Wooldridge World Affairs correspondent,
WEEKDAY = rf"(?:{'|'.join(d.title() for d in WEEKDAY_NAMES)})"
# BBC News, London ", "From Richard Roth, CNN Senior U.N. Correspondent ".
_BYLINE = re.compile(
    r"^(?:By|From)\s+[^.]{0,100}?\b(?:Staff|[Cc]orrespondent|Contributor|Producer|Writer|"
    r"Reporter|Editor|BBC News)(?:\s*,\s*(?:BBC News|CNN|[A-Z][a-z]+))*\s+|"
    # "By Emily Smith and Katie Glaeser, CNN ": names, then the outlet after a comma
    r"^By\s+(?!" + WEEKDAY + "|" + MONTH + r")[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s+and\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})?"
    r"\s*,\s*[A-Z][\w.&]+(?:\s+News)?\s+(?=[A-Z])")
# Photo credits and updates in brackets before the text: "(AP Photo/Jo Bell) ",
# "(Update 10:15 p.m. in Cairo, 3:15 p.m. ET) ", "(AP) -- ".
_BRACKETS = re.compile(r"^(?:(?:\([^()]{1,120}\)|-?LRB-\s[^()]{1,120}?\s-RRB-)\s*)+(?:--\s*)?"
                       r"(?=[\"“`A-Z])")
# Page furniture that reads like a sentence: transcript headers, corrections, plugs.
_FURNITURE = re.compile(r"RUSH TRANSCRIPT|EDITOR\s?'?\s?S NOTE|^The latest news and information|"
                        r"This Story: Read|Follow The World Desk|\bincorrectly (?:described|"
                        r"stated|reported|said)\b|^(?:Click|Watch|Read more|Tune in)\b|"
                        r"\btune in to\b|^(?:Coming up|Still to come|Up next)\b|"
                        # a live chat's listing: "Tim Hanson will be online Thursday, Oct. 16
                        # at noon ET to take your questions"; a video page's "Live coverage of"
                        r"\b(?:be|was|were|is|are) online\b.{0,80}\bquestions\b|"
                        r"\bto (?:answer|take) (?:your |readers' )?questions\b|"
                        r"^Live coverage of\b|^Follow (?:the latest|our|us|live)\b", re.IGNORECASE)
# A stamp with the clock first, at the start of a sentence, after nothing but names,
# pipes and "At"/"Updated": "Susan Watts | 18:00 UK time, Saturday, 25 April 2009 ",
# "At 2:10 pm on 02 Jun 2009, ", "Updated 19:23 27th Apr 2009 ".
CLOCK_STAMP = re.compile(
    r"^(?:(?:[A-Z][\w.'’-]*|[|•·,-]|at|on|last|updated|posted)\s*){0,6}?\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*"
    r"(?:GMT|BST|UTC|UK time|ET|EST|EDT|CET|local time)?\s*,?\s*(?:on\s+)?(?:" + WEEKDAY
    + r"\s*,?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r"|" + MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?)\s*,?\s*\d{4}\b\s*,?\s*")


def clean_sentence(text: str) -> str:
    """The sentence without the wire furniture scraping glues to its front (a time
    stamp with the headline before it, a byline, a dateline, photo credits), or ""
    when it is page furniture itself."""
    return cleaned(text)[0]


# The tail of an update stamp a splitter cut in two: "Cairo, 7:45 a.m. ET) State-run ...".
_STAMP_TAIL = re.compile(r"^[A-Z][\w ,.]{0,40}?\d{1,2}:\d{2}\s*[ap]\.?\s?m\.?\s*(?:ET|GMT|EST|EDT)?\s*"
                         r"(?:\)|-RRB-)\s*-*\s*")


def cleaned(text: str) -> tuple[str, int]:
    """`clean_sentence` and where in `text` what is left starts."""
    if _FURNITURE.search(text):
        return "", len(text)
    cut = 0
    for pattern in (_STAMP_TAIL, _STAMP, CLOCK_STAMP, _BYLINE, _BRACKETS, _DATELINE,
                    _DATED_DATELINE, _BRACKETS, _CAPS_HEAD):
        rest = text[cut:]
        m = pattern.match(rest)
        if m and len(rest) - m.end() > 20 and (pattern is not _DATELINE
                                                or re.search(r"[A-Z]{3,}", m.group(0))):
            cut += m.end()
    cut += _BULLET.match(text[cut:]).end() if _BULLET.match(text[cut:]) else 0
    rest = text[cut:]
    if cut and _FURNITURE.search(rest.lstrip()):
        return "", len(text)              # furniture behind a stamp: "... GMT Help Live coverage of"
    return rest.strip(), cut + len(rest) - len(rest.lstrip())
