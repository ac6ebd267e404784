"""Indirect and partial quotes: a reporting cue no direct quote took, with its
speaker and the content of its sentence (step 3 of attribute.py).

"X said (that) …", "…, X said.", "according to X, …", "X's claim that …",
"In the poll, …", "X called it a “reckless gamble”"; a direct quote inside the
content makes the whole a partial quote.
"""

from __future__ import annotations

from .cues import NOMINAL_CUES, SHOW_VERBS, STRONG_VERBS, cue_kind, is_document
from .marks import Marked
from .phrases import (ADJUNCT_STARTS, BETWEEN, OPEN_MARKS, SENT_END, cue_span, document, make_speaker,
                      speaker_back, speaker_fwd, speaks, subject, verb_here)
from .speakers import Speaker, Tokens, np_back, np_forward
from .state import Found, State

__all__ = ["indirect_quotes"]

_TELL = {"told", "tell", "tells", "telling", "asked", "asks", "urged", "warned", "assured",
         "reminded", "informed"}


def indirect_quotes(state: State, p: int, ss: int, se: int, marks: list[Marked],
                    taken: list[tuple[int, int]]) -> list[Found]:
    """The indirect and partial quotes of sentence [ss, se) of paragraph p, each from
    a cue no direct quote took; none whose content is a direct quote in `taken`."""
    tok, out = state.tok, []
    a, b = tok.span(ss, se)
    inside = [(m.open_at, (m.close_at if m.close_at is not None else m.end) + 1)
              for m in marks if not m.single]
    last_speaker: Speaker | None = None
    for c in range(a, b):
        low = tok.lower[c]
        if c in state.used_cues or any(x <= tok.starts[c] < y for x, y in inside):
            continue
        if low == "according" and c + 1 < b and tok.lower[c + 1] == "to":
            f = _according(tok, p, c, a, b, ss, se)
        elif low == "in" and c == a and c + 1 < b:
            f = _in_document(tok, p, c, b, se)
        elif low in NOMINAL_CUES:
            f = _nominal(state, p, c, a, b, se)
        else:
            kind = cue_kind(low)
            if not kind or not verb_here(tok, c, a):
                continue
            f = _reported(tok, p, c, a, b, ss, se, kind, last_speaker)
        if f is None:
            continue
        if any(x <= f.start and f.end <= y for x, y in taken):
            continue        # the content is a direct quote already attributed
        state.used_cues.add(c)
        last_speaker = f.speaker
        if any(ch in tok.text[f.start:f.end] for ch in ("“", "”", '"', "‘", "’", "''")) \
                and _has_mark(f, marks):
            f.kind = "partial"
        out.append(f)
    return out


def _has_mark(f: Found, marks: list[Marked]) -> bool:
    return any(f.start <= m.open_at and m.end <= f.end for m in marks)


def _according(tok: Tokens, p: int, c: int, a: int, b: int, ss: int, se: int) -> Found | None:
    e = np_forward(tok, c + 2, b)
    if e is None:
        return None
    # at the end of a sentence the apposition is safe: "according to their lawyer, Elise Moreau."
    sp = document(tok, c + 2, e, b) or speaker_fwd(tok, c + 2, e, b, stop_at_comma=c == a)
    cue = (tok.starts[c], tok.ends[c + 1])
    if c > a and tok.words[c - 1] == ",":
        start, end = ss, tok.starts[c - 1]
    elif c == a:
        k = tok.at(sp.end)
        while k < b and tok.words[k] == ",":
            k += 1
        if k >= b:
            return None
        start, end = tok.starts[k], se
    else:
        return None
    return _content(tok, p, start, end, sp, cue, "indirect")


def _nominal(state: State, p: int, c: int, a: int, b: int, se: int) -> Found | None:
    """"Trump's claim that crime is rising" / "her warning that …": a reporting noun
    with its owner before it and a that-clause after it."""
    tok = state.tok
    if c + 2 >= b or tok.lower[c + 1] != "that" or c - 1 < a:
        return None
    if tok.lower[c - 1] in ("his", "her", "their", "its"):
        owner = c - 1
        word = {"his": "he", "her": "she", "their": "they", "its": "it"}[tok.lower[c - 1]]
        sp = make_speaker(tok, owner, c, owner, c)
        sp.text = tok.text[sp.start:sp.end]
        sp.notes.append(f"possessive: {word}")
        state.resolver.pronoun(sp, word)
        if sp.name is None:
            return None
    elif tok.lower[c - 1] in ("'s", "’s") and c - 2 >= a:
        st = np_back(tok, c - 2, a)
        if st is None or not speaks(tok, st, c - 1):
            return None
        sp = make_speaker(tok, st, c - 1, st, c - 1)
    else:
        return None
    end = se
    for j in range(c + 2, b):              # the clause ends at a comma or a semicolon
        if tok.words[j] in (",", ";", "—", "–"):
            end = tok.starts[j]
            break
    return _content(tok, p, tok.starts[c + 1], end, sp, (tok.starts[c], tok.ends[c]), "indirect")


def _in_document(tok: Tokens, p: int, c: int, b: int, se: int) -> Found | None:
    """"In the poll, Clinton led by five points.": a document opening the sentence
    speaks for the rest of it (unless a reporting verb there has its own speaker)."""
    s = c + 1
    e = np_forward(tok, s + 1 if tok.lower[s] in ("this", "these", "that") else s, b)
    if e is None or not is_document(tok.lower[e - 1]) or tok.lower[e - 1] in ("statement", "release"):
        return None
    sp = document(tok, s, e, b) or make_speaker(tok, s, e, s, e)
    k = tok.at(sp.end)
    if k >= b or tok.words[k] != ",":
        return None
    if any(cue_kind(w) == "speech" for w in tok.lower[k + 1:b]):
        return None
    return _content(tok, p, tok.starts[k + 1], se, sp, (tok.starts[c], tok.ends[c]), "indirect")


def _reported(tok: Tokens, p: int, c: int, a: int, b: int, ss: int, se: int, kind: str,
              last_speaker: Speaker | None) -> Found | None:
    low = tok.lower[c]
    cue = cue_span(tok, c, b)
    st, sp = speaker_back(tok, c, a)
    if sp is not None and _passive(tok, tok.at(sp.end), c, b):
        sp.nobody = True       # "Vhari is found dead", "X accused of …": X did not say it
        sp.notes.append("passive: the subject is not the speaker")
    before = c - 1
    while before > a and tok.lower[before] in BETWEEN:
        before -= 1
    if sp is None and last_speaker and c > a and (
            (low.endswith("ing") and tok.words[c - 1] == ",") or tok.lower[before] == "and"):
        sp = last_speaker       # "…, Alvarez said, adding that …" / "… and said …"
        st = a                  # (the content follows the cue)
    if sp is None and c > a + 2 and ((low.endswith("ing") and tok.words[c - 1] == ",")
                                     or tok.lower[before] == "and"):
        sp = subject(tok, a, c)            # "Clinton mocked it, saying …" / "… and said …"
        st = a
    if sp is None:
        # "…, said Alvarez." at the end of the sentence
        if c > a + 2 and tok.words[c - 1] == "," and kind == "speech":
            e = np_forward(tok, c + 1, b)
            if e is not None and _tail_ok(tok, e, b) and speaks(tok, c + 1, e):
                sp = speaker_fwd(tok, c + 1, e, b)
                return _content(tok, p, ss, tok.starts[c - 1], sp, cue, "indirect")
        return None
    # "…, Alvarez said." : content before the speaker
    # (not when it is only an opening adjunct: "In a statement, Alvarez said the …")
    if st > a + 2 and tok.words[st - 1] == "," and _tail_ok(tok, c + 1, b) and kind == "speech" \
            and not (tok.lower[a] in ADJUNCT_STARTS and st - 1 - a <= 8 and c + 2 < b):
        return _content(tok, p, ss, tok.starts[st - 1], sp, cue, "indirect")
    # "Alvarez said (that) …"
    k = c + 1
    if low in _TELL:
        e = np_forward(tok, k, b)
        if e is not None and e - k <= 6:
            k = e
    k = _skip_adjuncts(tok, k, b)
    if k >= b:
        return None
    nxt = tok.lower[k]
    if kind == "naming":
        return _named(tok, p, c, k, b, sp, cue)
    if nxt == "that":
        pass
    elif nxt in (":", ","):
        k += 1
        if kind != "speech":
            return None
    elif kind == "stance":
        pass                    # "Clinton cited his comments about …": the object is the content
    elif low in SHOW_VERBS and _document_speaker(tok, sp):
        pass                    # "The poll shows Clinton ahead by three points"
    elif kind == "belief" or low not in STRONG_VERBS:
        return None
    elif nxt in ("to", "in", "on", "at", "for", "with", "by", "about", "of", "so",
                 "and", "but", "or", "as", "yes", "no", "nothing", "goodbye", "more", "little"):
        return None
    if k >= b or tok.words[k] in OPEN_MARKS and tok.words[k - 1] in (",", ":"):
        return None           # "…, saying, “…”": the direct quote takes it (see _before)
    end = se
    for j in range(k + 1, b - 1):   # "… that X, adding that Y" / "…, but he said Y": two attributions
        if tok.words[j] in (",", "and", "but", ";") and _cue_follows(tok, j + 1, b):
            end = tok.starts[j]
            break
    return _content(tok, p, tok.starts[k], end, sp, cue, "indirect")


_BE = {"is", "was", "are", "were", "be", "been", "being"}


def _passive(tok: Tokens, after: int, c: int, b: int) -> bool:
    """Is cue token c a passive verb ("is accused", "was found", "had been told"), its
    subject (ending before token `after`) the one it is said of? A participle straight
    before "of" is one too: a headline's "X accused of Y" (the active verb has an object)."""
    if tok.lower[c].endswith("ing"):
        return False
    if any(w in _BE for w in tok.lower[after:c]):
        return True
    return c + 1 < b and tok.lower[c + 1] == "of" and cue_kind(tok.lower[c]) == "stance"


def _named(tok: Tokens, p: int, c: int, k: int, b: int, sp: Speaker, cue: tuple[int, int]) -> Found | None:
    """X called him a “reckless gamble”: the quoted words are the partial quote."""
    for j in range(k, min(b, k + 12)):
        if tok.words[j] in OPEN_MARKS:
            m = tok.at(tok.starts[j] + 1)
            e = m
            while e < b and tok.words[e] not in ("”", '"', "’", "'", "»", "''"):
                e += 1
            if e > m and e < b:      # content: from the cue's object to the closing mark
                return Found(tok.starts[k], tok.ends[e], "partial", sp, cue, None, p)
            return None
    return None


def _cue_follows(tok: Tokens, j: int, b: int) -> bool:
    """Does a new reporting clause start at token j ("adding", "and said", "but he said")?"""
    for i in range(j, min(b, j + 4)):
        low = tok.lower[i]
        if cue_kind(low) and tok.words[i][:1].islower() and low not in ("calling", "called"):
            return i == j and low.endswith("ing") or i > j or low in ("said", "added", "says", "adds")
        if low not in BETWEEN and low not in ("and", "but", "he", "she", "they", "it", "then", ","):
            return False
    return False


def _tail_ok(tok: Tokens, k: int, b: int) -> bool:
    """After an end-of-sentence attribution only adjuncts may follow."""
    words = [w for w in tok.lower[k:b] if w not in SENT_END]
    if len(words) > 2 and words[0] == "," and words[1].endswith("ing") and words[1] != "that":
        return True           # "…, she said, referencing the bank's …": a clause of its own
    return len(words) <= 8 and "that" not in words and not any(
        cue_kind(w) for w in words[:1])


def _skip_adjuncts(tok: Tokens, k: int, b: int) -> int:
    """Skip "in a statement", "on Tuesday", "last week" before the content when a
    "that" follows within a few words."""
    for j in range(k, min(b, k + 14)):
        if tok.lower[j] == "that":
            between = tok.lower[k:j]
            # not over a clause of its own: "agreed to release him based on a prognosis
            # that …" (the that-clause is the prognosis's, not what was agreed)
            if all(w not in ("is", "was", "are", "were", "will", "would", ",") for w in between) \
                    and not any(tok.lower[i] == "to" and tok.tags[i + 1] == "VB" for i in range(k, j - 1)):
                return j
            break
    return k


def _content(tok: Tokens, p: int, start: int, end: int, sp: Speaker, cue: tuple[int, int],
             kind: str) -> Found | None:
    text = tok.text
    while start < end and text[start] in " \n,":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    while end > start and text[end - 1] in ".!?;,:" :
        end -= 1
    if len(text[start:end].split()) < 3:
        return None
    if text[start:end].lower().startswith("according to"):
        return None        # "…'' he said, according to the Star Advertiser": a source, no content
    return Found(start, end, kind, sp, cue, None, p)


def _document_speaker(tok: Tokens, sp: Speaker) -> bool:
    """Is the speaker phrase a document ("a new poll", "Video of the incident")?"""
    words = tok.text[sp.core_start:sp.core_end].lower().split()
    heads = [w for w in words if w not in ("of", "the", "a", "an")]
    return bool(words) and (is_document(words[-1]) or (
        "of" in words and is_document(words[words.index("of") - 1]))) and bool(heads)
