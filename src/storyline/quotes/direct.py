"""Direct quotes: the attribution next to a quote's marks (step 2 of attribute.py).

After the closing mark ("…,” she said." / "…,” said Maria Alvarez, the mayor." /
"…” — the mayor"), else before the opening one ("Alvarez said: “…" / "Alvarez: “…" /
"According to the letter, “…"); and a transcript's speaker label ("PENCE: …"),
which makes the rest of its paragraph a quote.
"""

from __future__ import annotations

from .cues import ROLE_NOUNS, STRONG_VERBS, cue_kind
from .marks import Marked
from .phrases import (OPEN_MARKS, SENT_END, cue_span, document, first_person, make_speaker, speaker_back,
                      speaker_fwd, speaks, subject, verb_here)
from .speakers import Speaker, Tokens, np_back, np_forward
from .state import Found, State

__all__ = ["speaker_label", "attribution", "trim"]

_DASHES = {"—", "–", "--", "-", "―"}
# Paragraph labels that are not speakers: "NOTE: …", "UPDATE: …".
_NOT_SPEAKERS = {"note", "update", "updated", "editor's note", "editor’s note", "correction", "source",
                 "sources", "photo", "video", "related", "read more", "watch", "see also", "warning",
                 "breaking", "exclusive", "analysis", "opinion", "live", "background", "disclosure", "q", "a",
                 "clarification", "editor", "editors", "caption", "credit", "tags", "topics"}
# Opening brackets, with the Penn Treebank's spelled-out ones (timeline17 texts).
_BRACKETS = {"(", "[", "{", "-LRB-", "-LSB-", "-LCB-"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}


def speaker_label(state: State, p: int, ps: int, pe: int) -> Found | None:
    """A paragraph opening with a speaker label, "PENCE: Well, look, …" (a
    transcript; CAPS, or the name of a person the article names), is that
    speaker's direct quote up to the paragraph's end."""
    tok, text = state.tok, state.text
    a, b = tok.span(ps, pe)
    while a < b and tok.words[a] in OPEN_MARKS:
        a += 1
    colon = next((i for i in range(a, min(b, a + 5)) if tok.words[i] == ":"), None)
    if colon is None or colon == a or colon + 3 >= b:
        return None
    words = tok.words[a:colon]
    caps = all(w.isupper() and any(ch.isalpha() for ch in w) for w in words) and (
        len(words) > 1 or len(words[0]) > 2)
    person = [m for m in state.resolver.overlapping(tok.starts[a], tok.ends[colon - 1])
              if m.type == "PERSON" and m.start <= tok.starts[a] and m.end >= tok.ends[colon - 1]]
    if not caps and not person:
        return None
    label = " ".join(words)
    if label.lower().strip(".") in _NOT_SPEAKERS or words[0] in _BRACKETS:
        return None         # "(ID: nN08212171)": a reference in brackets, no one speaking
    start, end = tok.starts[colon + 1], pe
    while end > start and text[end - 1] in " \n\"”'":
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    sp = make_speaker(tok, a, colon, a, colon)
    if person:
        sp.name, sp.type = person[0].name, "PERSON"
    else:                  # "PENCE" is the Mike Pence the article names
        last = words[-1].strip(".").lower()
        named = [m for m in state.resolver.mentions if m.type == "PERSON"
                 and m.name.split() and m.name.split()[-1].lower() == last]
        sp.name, sp.type = (max(named, key=lambda m: len(m.name)).name, "PERSON") if named \
            else (label.title(), None)
    cue = (tok.starts[colon], tok.ends[colon])
    state.used_cues.add(colon)
    return Found(start, end, "direct", sp, cue, None, p)


def attribution(state: State, m: Marked, ps: int, pe: int) -> tuple[Speaker, tuple[int, int]] | None:
    """The speaker and cue span of the quote marked `m` in paragraph [ps, pe): after
    its closing mark, else before its opening mark."""
    return _after(state, m, pe) or _before(state, m, ps)


def trim(text: str, start: int, end: int) -> int:
    """End of a direct quote without the comma that hands over to the attribution."""
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return end


def _after(state: State, m: Marked, pe: int) -> tuple[Speaker, tuple[int, int]] | None:
    """…,” she said. / …,” said Maria Alvarez, the mayor. / …” — the mayor"""
    if m.close_at is None:
        return None
    tok = state.tok
    a = tok.at(m.close_at + 1)
    b = a
    while b < tok.n and tok.starts[b] < pe and tok.words[b] not in SENT_END \
            and tok.words[b] not in OPEN_MARKS and "\n" not in tok.words[b] and b - a < 40:
        b += 1
    while a < b and (tok.words[a] in (",", "'", "’")
                     or (tok.words[a].isspace() and "\n" not in tok.words[a])):
        a += 1
    if a >= b:
        return None
    if tok.words[a] in _DASHES or tok.words[a].lstrip("”\"'’")[:1] in ("—", "–", "―"):
        n = a + 1
        while n < b and tok.words[n].isspace():     # "” ―\xa0Jorge Falcon"
            n += 1
        end = np_forward(tok, n, b)
        if end is None:
            return None
        if end + 1 < b and tok.words[end] == "," and (
                tok.lower[end + 1] in _MONTHS or tok.words[end + 1].isdigit()):
            return None       # “Title” — CBC.ca, August 15, 2008: a citation, not a speaker
        sp = speaker_fwd(tok, n, end, b)
        return sp, (tok.ends[a] - 1, tok.ends[a])      # the dash itself (even glued: ”―)
    for c in range(a, min(b, a + 25)):    # room for "Paris, who used to work on …, said"
        low = tok.lower[c]
        if low == "according" and c + 1 < b and tok.lower[c + 1] == "to" and c == a:
            return _according_to(tok, c, b)
        if not cue_kind(low) or not verb_here(tok, c, a):
            continue
        if c == a:        # ,” said Alvarez
            end = np_forward(tok, c + 1, b)
            if end is None or not speaks(tok, c + 1, end):
                return None
            state.used_cues.add(c)
            return speaker_fwd(tok, c + 1, end, b), cue_span(tok, c, b)
        st, sp = speaker_back(tok, c, a)
        if sp is not None and st > a and all(tok.np_ok(i) or tok.words[i][:1].isdigit()
                                             for i in range(a, st)):
            sp.start = tok.starts[a]          # "9/11 widow Terry Strada said"
            sp.text = tok.text[sp.start:sp.end]
            st = a
        if sp is not None and st == a:
            state.used_cues.add(c)
            return sp, cue_span(tok, c, b)
        return None
    return None


def _before(state: State, m: Marked, ps: int) -> tuple[Speaker, tuple[int, int]] | None:
    """Alvarez said: “… / She told reporters, “… / Alvarez: “… / According to X, “…"""
    tok = state.tok
    b = tok.at(m.open_at)
    if b <= 0 or tok.starts[b] <= ps:
        return None
    a = b
    while a - 1 >= 0 and tok.starts[a - 1] >= ps and tok.words[a - 1] not in SENT_END \
            and tok.words[a - 1] not in ("”", '"', "»", "''") and b - a < 40:
        a -= 1
    if a >= b:
        return None
    last = tok.words[b - 1]
    end = b - 1 if last in (":", ",", "—", "–", "―") else b
    if end <= a:
        return None
    colon = last == ":"
    for c in range(end - 1, max(a, end - 9) - 1, -1):
        low = tok.lower[c]
        if low == "according" and c + 1 < end and tok.lower[c + 1] == "to":
            return _according_to(tok, c, end)
        if not cue_kind(low) or not verb_here(tok, c, a):
            continue
        if last not in (":", ",") and (c != end - 1 or low not in STRONG_VERBS):
            return None       # "said that “a bomb” had gone off": a mixed quote, not this
        st, sp = speaker_back(tok, c, a)
        if sp is None and low.endswith("ing") and c > a + 1 and tok.words[c - 1] == ",":
            sp = subject(tok, a, c)          # "Trump attacked her, saying, “…”"
        if sp is None:
            e = np_forward(tok, c + 1, end)
            if e is None or not speaks(tok, c + 1, e):
                return None
            sp = speaker_fwd(tok, c + 1, e, end)
        state.used_cues.add(c)
        return sp, cue_span(tok, c, end)
    if last in ("—", "–", "―") or (colon and end - a > 2):
        # "Okafor addressed the residents before he ruled: “…” / "Moreau's view — “…”"
        ss = tok.starts[a]
        sp = first_person(tok, state.resolver, ss, tok.ends[end - 1]) or subject(tok, a, end)
        if sp is not None:
            return sp, (tok.starts[b - 1], tok.ends[b - 1])
    if colon:      # Alvarez: “We will…” (a name, a job or a transcript's CAPS label)
        st = np_back(tok, end - 1, a)
        named = st is not None and (
            state.resolver.overlapping(tok.starts[st], tok.ends[end - 1])
            or tok.words[end - 1].isupper() or tok.lower[end - 1] in ROLE_NOUNS)
        if st is not None and st == a and named:
            return make_speaker(tok, st, end, st, end), (tok.starts[b - 1], tok.ends[b - 1])
    return None


def _according_to(tok: Tokens, c: int, limit: int) -> tuple[Speaker, tuple[int, int]] | None:
    """The speaker after "according to" at token `c` (up to token `limit`), with the cue."""
    end = np_forward(tok, c + 2, limit)
    if end is None:
        return None
    sp = document(tok, c + 2, end, limit) or speaker_fwd(tok, c + 2, end, limit)
    return sp, (tok.starts[c], tok.ends[c + 1])
