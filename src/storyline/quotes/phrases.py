"""The speaker phrase at a cue, token by token, for the direct and indirect passes:
before the cue ("Alvarez, the mayor, said"), after it ("said Maria Alvarez, the
city's mayor"), a sentence's subject, a document with its author ("a poll released
by the agency"), and whether a phrase can speak at all. Noun-phrase edges come
from speakers.py.
"""

from __future__ import annotations

from .cues import (AUTHOR_VERBS, DOCUMENT_NOUNS, GROUP_NOUNS, HOLDER_VERBS, PRONOUNS, ROLE_NOUNS, STRONG_VERBS,
                   cue_kind, is_document)
from .speakers import TITLES, Resolver, Speaker, Tokens, agentive, np_back, np_forward

__all__ = ["SENT_END", "OPEN_MARKS", "BETWEEN", "ADJUNCT_STARTS", "verb_here", "speaks", "make_speaker",
           "cue_span", "speaker_back", "speaker_fwd", "subject", "document", "first_person"]

SENT_END = {".", "!", "?", ";"}
OPEN_MARKS = {"“", '"', "„", "«", "‘", "''"}          # tokens that open a quote
# Words between a speaker and the cue ("Alvarez also said", "she has long argued").
BETWEEN = {"also", "has", "have", "had", "later", "previously", "once", "recently", "repeatedly",
           "would", "will", "then", "publicly", "privately", "again", "often", "long", "already",
           "even", "never", "first", "had", "just", "further", "simply", "flatly", "quickly",
           "initially", "subsequently", "earlier", "reportedly", "separately", "told", "'s", "’s",
           "’d", "'d", "did", "does", "do", "not", "is", "was", "has", "been", "being", "wo", "n't",
           "himself", "herself", "themselves", "itself", "are", "were", "now", "still"}
# Words opening an adjunct, not a speaker's apposition: "Clinton, at a later press gaggle, said".
ADJUNCT_STARTS = {"at", "in", "on", "during", "after", "before", "speaking", "writing", "asked",
                  "despite", "however", "meanwhile", "though", "too", "for", "when", "while",
                  "then", "in turn", "also", "earlier", "later", "separately"}
# Words after a cue that belong to it: "said in a statement", "wrote in a letter".
_WRITTEN = {"statement", "letter", "interview", "email", "e-mail", "post", "tweet", "memo",
            "release", "op-ed", "essay", "message", "speech", "filing", "report", "briefing"}
# Lower-case heads that can speak besides job and group nouns: "critics", "the poll".
_PEOPLE = {"person", "man", "woman", "men", "women", "people", "critics", "experts", "voters",
           "residents", "supporters", "officials",
           "analysts", "observers", "members", "parents", "students", "workers", "democrats",
           "republicans", "investigators", "lawmakers", "leaders", "sources", "witnesses",
           "protesters", "activists", "others", "many", "some", "both", "all", "everyone",
           "nobody", "police", "authorities", "family", "friends", "neighbors", "staff",
           "republican", "democrat", "poll", "polls", "data", "survey", "study", "records"}
# Time words between a document's participle and its "by": "a poll released Monday by X".
_WHEN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "last", "this", "week", "month", "year", "online", "earlier", "recently"}


def _person_like(word: str) -> bool:
    """Can a lower-case head word speak: a person, a group or a document?"""
    stem = word[:-1] if word.endswith("s") else word
    return (word in PRONOUNS or word in _PEOPLE or word in ROLE_NOUNS or word in GROUP_NOUNS
            or word in DOCUMENT_NOUNS or stem in ROLE_NOUNS or stem in GROUP_NOUNS
            or stem in DOCUMENT_NOUNS or agentive(word) or agentive(stem))


def _role_like(tok: Tokens, i: int) -> bool:
    """Can an apposition starting at token i state a role ("the mayor", "59", "a lawyer")?"""
    w = tok.lower[i]
    return (w in ("a", "an", "the", "his", "her", "its", "their", "our", "then", "now", "former")
            or tok.is_cap(i) or w in ROLE_NOUNS or w in TITLES or w[:1].isdigit())


def verb_here(tok: Tokens, c: int, a: int) -> bool:
    """Is the cue word used as a verb ("the report" and "United States" are not)?"""
    if tok.is_cap(c) and c != a:
        return False
    if tok.tags[c] in ("NN", "NNS", "NNP", "NNPS") and tok.lower[c] not in STRONG_VERBS:
        return False
    return c == 0 or tok.lower[c - 1] not in ("the", "a", "an", "this", "that", "his", "her",
                                              "its", "their")


def speaks(tok: Tokens, s: int, e: int) -> bool:
    """Can the phrase tokens [s, e) speak? A lower-case head must name people, a
    group or a document ("the spokesman", "critics", "the letter"), not "a box"."""
    heads = [i for i in range(s, e) if tok.words[i][:1].isalnum()]
    if not heads:
        return False
    if any(tok.is_cap(i) for i in heads) or any(tok.ent[i] >= 0 for i in heads):
        return True
    return _person_like(tok.lower[heads[-1]])


def make_speaker(tok: Tokens, s: int, e: int, cs: int, ce: int, role: str | None = None) -> Speaker:
    """The speaker phrase of tokens [s, e) whose name part is tokens [cs, ce)."""
    start, end = tok.starts[s], tok.ends[e - 1]
    return Speaker(start, end, tok.text[start:end], tok.starts[cs], tok.ends[ce - 1], role)


def cue_span(tok: Tokens, c: int, b: int) -> tuple[int, int]:
    """The cue verb, with "in a statement" / "in a letter" when it follows."""
    end = tok.ends[c]
    start = tok.starts[c]
    if c > 0 and tok.lower[c - 1] in ("has", "have", "had") and tok.lower[c] in (
            "said", "told", "written", "argued", "claimed", "called"):
        start = tok.starts[c - 1]      # PolNeAR counts the auxiliary: "has said"
    if c + 1 < b and tok.lower[c + 1] in ("out", "up") and tok.lower[c] in ("pointed", "spoke", "summed"):
        end = tok.ends[c + 1]
    if c + 3 < b and tok.lower[c + 1] == "in" and tok.lower[c + 2] in (
            "a", "an", "his", "her", "their", "its", "the"):
        for j in range(c + 3, min(b, c + 6)):
            if tok.lower[j] in _WRITTEN:
                end = tok.ends[j]
                break
    return start, end


def speaker_back(tok: Tokens, c: int, a: int) -> tuple[int, Speaker | None]:
    """The speaker phrase that ends before cue token c ("Alvarez also said")."""
    j = c - 1
    while j >= a and (tok.lower[j] in BETWEEN
                      or (tok.tags[j] in ("RB", "MD") and tok.words[j].islower())) \
            and tok.lower[j] not in PRONOUNS:
        j -= 1
    if j - 2 >= a and tok.lower[j - 2:j + 1] in (["went", "on", "to"], ["goes", "on", "to"]):
        j -= 3                              # "Pence went on to say"
    if j < a:
        return c, None
    if tok.words[j] == "," and j - 1 >= a:
        # "Alvarez, the mayor, said" / "The mayor, Maria Alvarez, said" /
        # "Alvarez, who chairs the board, said"
        k = j - 1
        while k >= a and tok.words[k] != ",":
            k -= 1
        if k > a and k + 1 < j and tok.lower[k + 1] in ADJUNCT_STARTS and tok.words[k - 1] != ",":
            st = np_back(tok, k - 1, a)        # "Clinton, at a later press gaggle, said"
            if st is not None and speaks(tok, st, k):
                return st, make_speaker(tok, st, k, st, k)
            return c, None
        if k > a and k + 1 < j:
            if tok.lower[k + 1] in ("who", "whose", "which"):
                st = np_back(tok, k - 1, a)
                if st is not None:
                    # PolNeAR's source spans keep the relative clause
                    return st, make_speaker(tok, st, j, st, k, role=None)
                return c, None
            st = np_back(tok, k - 1, a)
            inner = np_back(tok, j - 1, k + 1)
            if st is not None and inner is not None:
                first = tok.text[tok.starts[k + 1]:tok.ends[j - 1]]
                before = tok.text[tok.starts[st]:tok.ends[k - 1]]
                if all(tok.place[i] for i in range(st, k)) and speaks(tok, k + 1, j):
                    # "Cairo, … journalist Sam Donaldson …, said": a place before the
                    # comma is a dateline; the one the phrase after it names speaks
                    return st, make_speaker(tok, st, j, k + 1, j)
                if tok.is_cap(k - 1) and _role_like(tok, k + 1):
                    return st, make_speaker(tok, st, j, st, k, role=first)
                if tok.is_cap(j - 1) and inner == k + 1 and not tok.is_cap(k - 1):
                    sp = make_speaker(tok, st, j, k + 1, j, role=before)
                    return st, sp
        return c, None
    st = np_back(tok, j, a)
    if st is None or not speaks(tok, st, j + 1):
        return c, None
    if st - 2 >= a and tok.lower[st - 1] in ("in", "at", "from") and all(tok.place[i] for i in range(st, j + 1)):
        # "A protester in Cairo says": the place says where, the one before it speaks
        outer = np_back(tok, st - 2, a)
        if outer is not None and speaks(tok, outer, st - 1):
            return outer, make_speaker(tok, outer, j + 1, outer, st - 1)
        return c, None      # "the demonstrations in Egypt demanding …": no one
    if tok.lower[st] == "who" and st > a + 1 and tok.words[st - 1] == ",":
        ant = np_back(tok, st - 2, a)
        if ant is not None:
            return st, make_speaker(tok, st, j + 1, ant, st - 1)
    return st, make_speaker(tok, st, j + 1, st, j + 1)


def speaker_fwd(tok: Tokens, s: int, e: int, b: int, stop_at_comma: bool = False) -> Speaker:
    """The speaker phrase after the cue, with its apposition ("said Maria
    Alvarez, the city's mayor")."""
    end = e
    role = None
    if e < b and tok.words[e] == "," and not stop_at_comma and e + 1 < b and _role_like(tok, e + 1):
        k = e + 1
        while k < b and tok.words[k] not in (",", ".", ";", "“", '"') and k - e < 25 \
                and tok.lower[k] not in ("who", "which", "whose"):
            k += 1
        if e + 1 < k <= e + 13 and not any(cue_kind(w) for w in tok.lower[e + 1:k]):
            role = tok.text[tok.starts[e + 1]:tok.ends[k - 1]]
            end = k
    sp = make_speaker(tok, s, end, s, e, role=role)
    # "said the mayor, Maria Alvarez": the apposition is the name
    if role and not tok.is_cap(s) and tok.is_cap(e + 1):
        sp.core_start, sp.core_end = tok.starts[e + 1], tok.ends[end - 1]
        sp.role = tok.text[tok.starts[s]:tok.ends[e - 1]]
    return sp


def subject(tok: Tokens, a: int, c: int) -> Speaker | None:
    """The subject opening the sentence [a, c): a name, a pronoun or "the …"."""
    e = np_forward(tok, a, c)
    if e is not None and (tok.is_cap(a) or tok.lower[a] in PRONOUNS or tok.lower[a] == "the") \
            and speaks(tok, a, e) and not (e < c and tok.words[e] == ","):
        return speaker_fwd(tok, a, e, c, stop_at_comma=True)
    # "But a few days later, Trump reversed himself, telling …": the first name or
    # pronoun after the opening adverbial
    for i in range(a, c):
        if tok.place[i]:
            continue       # "Update 8:31 p.m. in Cairo, … State TV is running …": places do not speak
        if tok.lower[i] in ("he", "she", "they") or (tok.ent[i] >= 0 and tok.is_cap(i)):
            e = np_forward(tok, i, c)
            if e is not None and speaks(tok, i, e):
                return speaker_fwd(tok, i, e, c, stop_at_comma=True)
            return None
    return None


def document(tok: Tokens, s: int, e: int, limit: int) -> Speaker | None:
    """A document phrase [s, e) with what follows it about who made or holds it:
    "a timeline the company filed with regulators" / "a poll released by the agency" /
    "a count by the AP" speak for their author (the company, the agency, the AP);
    "records reviewed by the Dispatch" stay the records. The phrase covers it all
    (PolNeAR's source spans do); None when [s, e) is not a document."""
    if not is_document(tok.lower[e - 1]) or e >= limit:
        return None
    author: tuple[int, int] | None = None
    j = e
    low = tok.lower[j]
    if low == "by":                                     # "a count by the AP"
        a_end = np_forward(tok, j + 1, limit)
        if a_end is None:
            return None
        author, end = (j + 1, a_end), a_end
    elif low in AUTHOR_VERBS or low in HOLDER_VERBS:    # "a poll released (Monday) by X"
        end = j + 1
        while end < limit and (tok.lower[end] in _WHEN or tok.tags[end] == "RB") and end - j < 4:
            end += 1
        if end < limit and tok.lower[end] == "by":
            a_end = np_forward(tok, end + 1, limit)
            if a_end is not None:
                if low in AUTHOR_VERBS:
                    author = (end + 1, a_end)
                end = a_end
    else:                                               # "a timeline the company filed"
        a_end = np_forward(tok, j, limit)
        if a_end is None or a_end >= limit or tok.lower[a_end] not in AUTHOR_VERBS \
                or not speaks(tok, j, a_end):
            return None
        author, end = (j, a_end), a_end + 1
    for _ in range(2):        # "… filed with the state Department of Environmental Quality"
        if end < limit and tok.lower[end] in ("with", "to", "for", "on", "in", "from", "at"):
            more = np_forward(tok, end + 1, limit)
            if more is None:
                break
            end = more
    cs, ce = author or (s, e)
    sp = make_speaker(tok, s, end, cs, ce)
    if author is not None:
        sp.notes.append(f"document: {tok.text[tok.starts[s]:tok.ends[e - 1]]}")
    return sp


def first_person(tok: Tokens, resolver: Resolver, start: int, end: int) -> Speaker | None:
    """The first person named in [start, end) (a PERSON mention), resolved."""
    for m in resolver.overlapping(start, end):
        if m.type == "PERSON" and m.start >= start:
            s, e = tok.span(m.start, m.end)
            if e <= s:
                continue
            sp = make_speaker(tok, s, e, s, e)
            resolver.resolve(sp)
            return sp
    return None
