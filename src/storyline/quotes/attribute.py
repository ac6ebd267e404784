"""Who said what: direct, partial and indirect quotes with their speakers.

One pass over the article, paragraph by paragraph, in reading order (speakers of
later quotes are resolved against the ones before):

1. quote marks give the direct quotes (marks.py);
2. each direct quote looks for its attribution right after its closing mark
   ("…,” she said. / …,” said Alvarez / …” — the mayor) or right before its opening
   mark (Alvarez said: “… / Alvarez: “… / According to the letter, “…);
3. each reporting verb not used by a direct quote makes an indirect quote from its
   sentence ("X said (that) …", "…, X said.", "according to X, …"); a direct quote
   inside that content makes the whole a partial (mixed) quote;
4. quotes still without a speaker inherit one: from the quote before in the same
   paragraph (“A,” she said. “B.”), else from the paragraph just before (its last
   quote, its reporting clause, or a sentence that introduces the person:
   "Ruiz had a warning for residents.");
5. a paragraph that opens a quote and leaves it open continues into the next
   paragraph's opening mark: the two become one quote.

A quote interrupted by its attribution (“A,” she said. “B.”) gives TWO Quotes with
the same speaker and the same cue evidence, so each Quote's text is exactly
body[start:end]; group them by cue offsets to get the one utterance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Evidence, Mention, Quote
from .cues import (AUTHOR_VERBS, HOLDER_VERBS, NOMINAL_CUES, PRONOUNS, ROLE_NOUNS, SHOW_VERBS, STRONG_VERBS, cue_kind,
                   is_document)
from .marks import Marked, paragraphs, quote_spans, sentences
from .speakers import TITLES, Resolver, Speaker, Tokens, _BETWEEN, np_back, np_forward

__all__ = ["find_quotes", "mentions_from_ents"]

_SENT_END = {".", "!", "?", ";"}
_NAME_EDGES = " \n―—–-\"“”'’‘,:"
_DASHES = {"—", "–", "--", "-", "―"}
_OPEN_MARKS = {"“", '"', "„", "«", "‘", "''"}
# Words after a cue that belong to it: "said in a statement", "wrote in a letter".
_WRITTEN = {"statement", "letter", "interview", "email", "e-mail", "post", "tweet", "memo",
            "release", "op-ed", "essay", "message", "speech", "filing", "report", "briefing"}
_TELL = {"told", "tell", "tells", "telling", "asked", "asks", "urged", "warned", "assured",
         "reminded", "informed"}
# Sentences that hand the floor to a person: "Ruiz had a warning for residents."
_PEOPLE = {"person", "man", "woman", "men", "women", "people", "critics", "experts", "voters",
           "residents", "supporters", "officials",
           "analysts", "observers", "members", "parents", "students", "workers", "democrats",
           "republicans", "investigators", "lawmakers", "leaders", "sources", "witnesses",
           "protesters", "activists", "others", "many", "some", "both", "all", "everyone",
           "nobody", "police", "authorities", "family", "friends", "neighbors", "staff",
           "republican", "democrat", "poll", "polls", "data", "survey", "study", "records"}


def _person_like(word: str) -> bool:
    from .cues import DOCUMENT_NOUNS, GROUP_NOUNS
    from .speakers import _agentive

    stem = word[:-1] if word.endswith("s") else word
    return (word in PRONOUNS or word in _PEOPLE or word in ROLE_NOUNS or word in GROUP_NOUNS
            or word in DOCUMENT_NOUNS or stem in ROLE_NOUNS or stem in GROUP_NOUNS
            or stem in DOCUMENT_NOUNS or _agentive(word) or _agentive(stem))


def _role_like(tok: Tokens, i: int) -> bool:
    """Can an apposition starting at token i state a role ("the mayor", "59", "a lawyer")?"""
    w = tok.lower[i]
    return (w in ("a", "an", "the", "his", "her", "its", "their", "our", "then", "now", "former")
            or tok.is_cap(i) or w in ROLE_NOUNS or w in TITLES or w[:1].isdigit())


_ADJUNCT_STARTS = {"at", "in", "on", "during", "after", "before", "speaking", "writing", "asked",
                   "despite", "however", "meanwhile", "though", "too", "for", "when", "while",
                   "then", "in turn", "also", "earlier", "later", "separately"}
_INTRO_WORDS = {"warning", "message", "statement", "words", "advice", "response", "reply",
                "answer", "explanation", "view", "verdict", "prediction", "plea", "promise",
                "reaction", "comment", "comments", "remarks", "put it", "explained", "said"}
# Paragraph labels that are not speakers: "NOTE: …", "UPDATE: …".
_NOT_SPEAKERS = {"note", "update", "updated", "editor's note", "editor’s note", "correction", "source",
                 "sources", "photo", "video", "related", "read more", "watch", "see also", "warning",
                 "breaking", "exclusive", "analysis", "opinion", "live", "background", "disclosure", "q", "a",
                 "clarification", "editor", "editors", "caption", "credit", "tags", "topics"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."}
# Time words between a document's participle and its "by": "a poll released Monday by X".
_WHEN = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
         "yesterday", "last", "this", "week", "month", "year", "online", "earlier", "recently"}
# A quote of fewer words, with no attribution near it, is a scare quote or a title.
# (tuned on PolNeAR dev: shorter unattributed quotes were mostly not attributions)
_MIN_FLOATING_WORDS = 4


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    speaker: Speaker | None = None
    cue: tuple[int, int] | None = None
    marked: Marked | None = None
    para: int = 0
    inherited: str | None = None
    notes: list[str] = field(default_factory=list)


def mentions_from_ents(doc) -> list[Mention]:
    """Mentions from doc.ents when the entity stage gave none: a later surname takes
    the fullest earlier name ending with it ("Alvarez" -> "Maria Alvarez")."""
    from ..nlp import ENTITY_TYPES

    out: list[Mention] = []
    for ent in doc.ents:
        typ = ENTITY_TYPES.get(ent.label_)
        if typ not in ("PERSON", "ORG"):
            continue
        name = ent.text.strip(_NAME_EDGES)       # "― Steve Quinlan": a dash the tagger took in
        if not name:
            continue
        start = ent.start_char + ent.text.index(name)
        if typ == "PERSON":
            last = name.split()[-1] if name.split() else name
            for m in out:
                if m.type == "PERSON" and m.name.split()[-1:] == [last] and len(m.name) > len(name):
                    name = m.name
                    break
        out.append(Mention(start, start + len(name), name, typ, name))
    return out


def find_quotes(doc, mentions: list[Mention] | None = None) -> list[Quote]:
    """Every quote of the article whose body is `doc.text` (see the module doc)."""
    text = doc.text
    if not text or not text.strip() or len(doc) == 0:
        return []
    tok = Tokens(doc)
    if not mentions:
        mentions = mentions_from_ents(doc)
    resolver = Resolver(tok, list(mentions))
    finder = _Finder(text, tok, resolver)
    return finder.run()


class _Finder:
    def __init__(self, text: str, tok: Tokens, resolver: Resolver) -> None:
        self.text = text
        self.tok = tok
        self.resolver = resolver
        self.found: list[_Found] = []
        self.used_cues: set[int] = set()

    # ---------------------------------------------------------------- driver
    def run(self) -> list[Quote]:
        paras = self.paras = paragraphs(self.text)
        carried = False
        all_marks = []
        for ps, pe in paras:
            marks = quote_spans(self.text, ps, pe, open_from_before=carried)
            doubles = [m for m in marks if not m.single]
            carried = bool(doubles) and doubles[-1].close_at is None and doubles[-1].open_at == ps
            all_marks.append(marks)
        # names inside quotes do not speak (pronouns skip them)
        self.resolver.quoted = [(m.start, m.end) for marks in all_marks for m in marks if not m.single]
        for p, ((ps, pe), marks) in enumerate(zip(paras, all_marks)):
            self._paragraph(p, ps, pe, marks)
        return self._merge_and_build(paras)

    def _paragraph(self, p: int, ps: int, pe: int, marks: list[Marked]) -> None:
        found: list[_Found] = []
        sents = sentences(self.text, ps, pe)
        label = self._label(p, ps, pe)
        if label is not None:     # a transcript's "PENCE: …": the paragraph is the quote
            found.append(label)
            marks = [m for m in marks if m.open_at > label.start or (m.close_at or m.end) < label.start]
        doubles = [m for m in marks if not m.single]
        for m in marks:      # 'single' marks too: British style, or a headline's quote
            attr = self._after(m, pe) or self._before(m, ps)
            if attr:
                found.append(_Found(m.start, self._trim(m.start, m.end), "direct", attr[0], attr[1], m, p))
        taken = [(f.marked.open_at, (f.marked.close_at or f.end) + 1) if f.marked else (f.start, f.end)
                 for f in found]
        for ss, se in sents:
            found.extend(self._indirect(p, ss, se, marks, taken))
        # direct quotes inside an indirect content belong to it (a mixed quote)
        covered = [(f.start, f.end) for f in found if f.kind != "direct"]
        attributed = {id(f.marked) for f in found if f.marked is not None}
        for m in doubles:
            if id(m) in attributed or any(a <= m.open_at and (m.close_at or m.end) < b for a, b in covered):
                continue
            found.append(_Found(m.start, self._trim(m.start, m.end), "direct", None, None, m, p))
        found.sort(key=lambda f: f.start)
        found = [f for f in found if not self._inside_other(f, found)]
        self._resolve(p, ps, found, sents)

    def _label(self, p: int, ps: int, pe: int) -> _Found | None:
        """A paragraph opening with a speaker label, "PENCE: Well, look, …" (a
        transcript; CAPS, or the name of a person the article names), is that
        speaker's direct quote up to the paragraph's end."""
        tok = self.tok
        a, b = tok.span(ps, pe)
        while a < b and tok.words[a] in _OPEN_MARKS:
            a += 1
        colon = next((i for i in range(a, min(b, a + 5)) if tok.words[i] == ":"), None)
        if colon is None or colon == a or colon + 3 >= b:
            return None
        words = tok.words[a:colon]
        caps = all(w.isupper() and any(ch.isalpha() for ch in w) for w in words) and (
            len(words) > 1 or len(words[0]) > 2)
        person = [m for m in self.resolver._overlapping(tok.starts[a], tok.ends[colon - 1])
                  if m.type == "PERSON" and m.start <= tok.starts[a] and m.end >= tok.ends[colon - 1]]
        if not caps and not person:
            return None
        label = " ".join(words)
        if label.lower().strip(".") in _NOT_SPEAKERS:
            return None
        start, end = tok.starts[colon + 1], pe
        while end > start and self.text[end - 1] in " \n\"”'":
            end -= 1
        if len(self.text[start:end].split()) < 3:
            return None
        sp = self._make_speaker(a, colon, a, colon)
        if person:
            sp.name, sp.type = person[0].name, "PERSON"
        else:                  # "PENCE" is the Mike Pence the article names
            last = words[-1].strip(".").lower()
            named = [m for m in self.resolver.mentions if m.type == "PERSON"
                     and m.name.split() and m.name.split()[-1].lower() == last]
            sp.name, sp.type = (max(named, key=lambda m: len(m.name)).name, "PERSON") if named \
                else (label.title(), None)
        cue = (tok.starts[colon], tok.ends[colon])
        self.used_cues.add(colon)
        return _Found(start, end, "direct", sp, cue, None, p)

    def _trim(self, start: int, end: int) -> int:
        """End of a direct quote without the comma that hands over to the attribution."""
        while end > start and self.text[end - 1] in " \n,":
            end -= 1
        return end

    @staticmethod
    def _inside_other(f: _Found, found: list[_Found]) -> bool:
        """A quote inside another one that has a speaker adds nothing: drop it (a direct
        quote inside a mixed one; the same span found twice)."""
        if f.speaker is not None and f.kind != "direct":
            return False
        for g in found:
            if g is f or g.speaker is None:
                continue
            if g.start <= f.start and f.end <= g.end and (
                    (g.start, g.end) != (f.start, f.end) or f.speaker is None):
                return True
        return False

    # ------------------------------------------------------- direct quotes
    def _after(self, m: Marked, pe: int) -> tuple[Speaker, tuple[int, int]] | None:
        """…,” she said. / …,” said Maria Alvarez, the mayor. / …” — the mayor"""
        if m.close_at is None:
            return None
        tok = self.tok
        a = tok.at(m.close_at + 1)
        b = a
        while b < tok.n and tok.starts[b] < pe and tok.words[b] not in _SENT_END \
                and tok.words[b] not in _OPEN_MARKS and "\n" not in tok.words[b] and b - a < 40:
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
            sp = self._speaker_fwd(n, end, b)
            return sp, (tok.ends[a] - 1, tok.ends[a])      # the dash itself (even glued: ”―)
        for c in range(a, min(b, a + 25)):    # room for "Paris, who used to work on …, said"
            low = tok.lower[c]
            if low == "according" and c + 1 < b and tok.lower[c + 1] == "to" and c == a:
                return self._according_to(c, b)
            if not cue_kind(low) or not self._verb_here(c, a):
                continue
            if c == a:        # ,” said Alvarez
                end = np_forward(tok, c + 1, b)
                if end is None or not self._speaks(c + 1, end):
                    return None
                self.used_cues.add(c)
                return self._speaker_fwd(c + 1, end, b), self._cue_span(c, b)
            st, sp = self._speaker_back(c, a)
            if sp is not None and st > a and all(tok.np_ok(i) or tok.words[i][:1].isdigit()
                                                 for i in range(a, st)):
                sp.start = tok.starts[a]          # "9/11 widow Terry Strada said"
                sp.text = self.text[sp.start:sp.end]
                st = a
            if sp is not None and st == a:
                self.used_cues.add(c)
                return sp, self._cue_span(c, b)
            return None
        return None

    def _according_to(self, c: int, limit: int) -> tuple[Speaker, tuple[int, int]] | None:
        """The speaker after "according to" at token `c` (up to token `limit`), with the cue."""
        end = np_forward(self.tok, c + 2, limit)
        if end is None:
            return None
        sp = self._document(c + 2, end, limit) or self._speaker_fwd(c + 2, end, limit)
        return sp, (self.tok.starts[c], self.tok.ends[c + 1])

    def _document(self, s: int, e: int, limit: int) -> Speaker | None:
        """A document phrase [s, e) with what follows it about who made or holds it:
        "a timeline the company filed with regulators" / "a poll released by the agency" /
        "a count by the AP" speak for their author (the company, the agency, the AP);
        "records reviewed by the Dispatch" stay the records. The phrase covers it all
        (PolNeAR's source spans do); None when [s, e) is not a document."""
        tok = self.tok
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
                    or not self._speaks(j, a_end):
                return None
            author, end = (j, a_end), a_end + 1
        for _ in range(2):        # "… filed with the state Department of Environmental Quality"
            if end < limit and tok.lower[end] in ("with", "to", "for", "on", "in", "from", "at"):
                more = np_forward(tok, end + 1, limit)
                if more is None:
                    break
                end = more
        cs, ce = author or (s, e)
        sp = self._make_speaker(s, end, cs, ce)
        if author is not None:
            sp.notes.append(f"document: {self.text[tok.starts[s]:tok.ends[e - 1]]}")
        return sp

    def _before(self, m: Marked, ps: int) -> tuple[Speaker, tuple[int, int]] | None:
        """Alvarez said: “… / She told reporters, “… / Alvarez: “… / According to X, “…"""
        tok = self.tok
        b = tok.at(m.open_at)
        if b <= 0 or tok.starts[b] <= ps:
            return None
        a = b
        while a - 1 >= 0 and tok.starts[a - 1] >= ps and tok.words[a - 1] not in _SENT_END \
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
                return self._according_to(c, end)
            if not cue_kind(low) or not self._verb_here(c, a):
                continue
            if last not in (":", ",") and (c != end - 1 or low not in STRONG_VERBS):
                return None       # "said that “a bomb” had gone off": a mixed quote, not this
            st, sp = self._speaker_back(c, a)
            if sp is None and low.endswith("ing") and c > a + 1 and tok.words[c - 1] == ",":
                sp = self._subject(a, c)          # "Trump attacked her, saying, “…”"
            if sp is None:
                e = np_forward(tok, c + 1, end)
                if e is None or not self._speaks(c + 1, e):
                    return None
                sp = self._speaker_fwd(c + 1, e, end)
            self.used_cues.add(c)
            return sp, self._cue_span(c, end)
        if last in ("—", "–", "―") or (colon and end - a > 2):
            # "Okafor addressed the residents before he ruled: “…” / "Moreau's view — “…”"
            ss = tok.starts[a]
            sp = self._first_person(ss, tok.ends[end - 1]) or self._subject(a, end)
            if sp is not None:
                return sp, (tok.starts[b - 1], tok.ends[b - 1])
        if colon:      # Alvarez: “We will…” (a name, a job or a transcript's CAPS label)
            st = np_back(tok, end - 1, a)
            named = st is not None and (
                self.resolver._overlapping(tok.starts[st], tok.ends[end - 1])
                or tok.words[end - 1].isupper() or tok.lower[end - 1] in ROLE_NOUNS)
            if st is not None and st == a and named:
                return self._make_speaker(st, end, st, end), (tok.starts[b - 1], tok.ends[b - 1])
        return None

    # ------------------------------------------------------ indirect speech
    def _indirect(self, p: int, ss: int, se: int, marks: list[Marked],
                  taken: list[tuple[int, int]]) -> list[_Found]:
        tok, out = self.tok, []
        a, b = tok.span(ss, se)
        inside = [(m.open_at, (m.close_at if m.close_at is not None else m.end) + 1)
                  for m in marks if not m.single]
        last_speaker: Speaker | None = None
        for c in range(a, b):
            low = tok.lower[c]
            if c in self.used_cues or any(x <= tok.starts[c] < y for x, y in inside):
                continue
            if low == "according" and c + 1 < b and tok.lower[c + 1] == "to":
                f = self._according(p, c, a, b, ss, se)
            elif low == "in" and c == a:
                f = self._in_document(p, c, b, se)
            elif low in NOMINAL_CUES:
                f = self._nominal(p, c, a, b, se)
            else:
                kind = cue_kind(low)
                if not kind or not self._verb_here(c, a):
                    continue
                f = self._reported(p, c, a, b, ss, se, kind, last_speaker)
            if f is None:
                continue
            if any(x <= f.start and f.end <= y for x, y in taken):
                continue        # the content is a direct quote already attributed
            self.used_cues.add(c)
            last_speaker = f.speaker
            if any(ch in self.text[f.start:f.end] for ch in ("“", "”", '"', "‘", "’", "''")) \
                    and self._has_mark(f, marks):
                f.kind = "partial"
            out.append(f)
        return out

    def _verb_here(self, c: int, a: int) -> bool:
        """Is the cue word used as a verb ("the report" and "United States" are not)?"""
        tok = self.tok
        if tok.is_cap(c) and c != a:
            return False
        if tok.tags[c] in ("NN", "NNS", "NNP", "NNPS") and tok.lower[c] not in STRONG_VERBS:
            return False
        return c == 0 or tok.lower[c - 1] not in ("the", "a", "an", "this", "that", "his", "her",
                                                  "its", "their")

    def _has_mark(self, f: _Found, marks: list[Marked]) -> bool:
        return any(f.start <= m.open_at and m.end <= f.end for m in marks)

    def _according(self, p: int, c: int, a: int, b: int, ss: int, se: int) -> _Found | None:
        tok = self.tok
        e = np_forward(tok, c + 2, b)
        if e is None:
            return None
        # at the end of a sentence the apposition is safe: "according to their lawyer, Elise Moreau."
        sp = self._document(c + 2, e, b) or self._speaker_fwd(c + 2, e, b, stop_at_comma=c == a)
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
        return self._content(p, start, end, sp, cue, "indirect")

    def _nominal(self, p: int, c: int, a: int, b: int, se: int) -> _Found | None:
        """"Trump's claim that crime is rising" / "her warning that …": a reporting noun
        with its owner before it and a that-clause after it."""
        tok = self.tok
        if c + 2 >= b or tok.lower[c + 1] != "that" or c - 1 < a:
            return None
        if tok.lower[c - 1] in ("his", "her", "their", "its"):
            owner = c - 1
            word = {"his": "he", "her": "she", "their": "they", "its": "it"}[tok.lower[c - 1]]
            sp = self._make_speaker(owner, c, owner, c)
            sp.text = self.text[sp.start:sp.end]
            sp.notes.append(f"possessive: {word}")
            self.resolver._pronoun(sp, word)
            if sp.name is None:
                return None
        elif tok.lower[c - 1] in ("'s", "’s") and c - 2 >= a:
            st = np_back(tok, c - 2, a)
            if st is None or not self._speaks(st, c - 1):
                return None
            sp = self._make_speaker(st, c - 1, st, c - 1)
        else:
            return None
        end = se
        for j in range(c + 2, b):              # the clause ends at a comma or a semicolon
            if tok.words[j] in (",", ";", "—", "–"):
                end = tok.starts[j]
                break
        return self._content(p, tok.starts[c + 1], end, sp, (tok.starts[c], tok.ends[c]), "indirect")

    def _in_document(self, p: int, c: int, b: int, se: int) -> _Found | None:
        """"In the poll, Clinton led by five points.": a document opening the sentence
        speaks for the rest of it (unless a reporting verb there has its own speaker)."""
        tok = self.tok
        s = c + 1
        e = np_forward(tok, s + 1 if tok.lower[s] in ("this", "these", "that") else s, b)
        if e is None or not is_document(tok.lower[e - 1]) or tok.lower[e - 1] in ("statement", "release"):
            return None
        sp = self._document(s, e, b) or self._make_speaker(s, e, s, e)
        k = tok.at(sp.end)
        if k >= b or tok.words[k] != ",":
            return None
        if any(cue_kind(w) == "speech" for w in tok.lower[k + 1:b]):
            return None
        return self._content(p, tok.starts[k + 1], se, sp, (tok.starts[c], tok.ends[c]), "indirect")

    def _reported(self, p: int, c: int, a: int, b: int, ss: int, se: int, kind: str,
                  last_speaker: Speaker | None) -> _Found | None:
        tok, low = self.tok, self.tok.lower[c]
        cue = self._cue_span(c, b)
        st, sp = self._speaker_back(c, a)
        before = c - 1
        while before > a and tok.lower[before] in _BETWEEN:
            before -= 1
        if sp is None and last_speaker and c > a and (
                (low.endswith("ing") and tok.words[c - 1] == ",") or tok.lower[before] == "and"):
            sp = last_speaker       # "…, Alvarez said, adding that …" / "… and said …"
            st = a                  # (the content follows the cue)
        if sp is None and c > a + 2 and ((low.endswith("ing") and tok.words[c - 1] == ",")
                                         or tok.lower[before] == "and"):
            sp = self._subject(a, c)            # "Clinton mocked it, saying …" / "… and said …"
            st = a
        if sp is None:
            # "…, said Alvarez." at the end of the sentence
            if c > a + 2 and tok.words[c - 1] == "," and kind == "speech":
                e = np_forward(tok, c + 1, b)
                if e is not None and self._tail_ok(e, b) and self._speaks(c + 1, e):
                    sp = self._speaker_fwd(c + 1, e, b)
                    return self._content(p, ss, tok.starts[c - 1], sp, cue, "indirect")
            return None
        # "…, Alvarez said." : content before the speaker
        # (not when it is only an opening adjunct: "In a statement, Alvarez said the …")
        if st > a + 2 and tok.words[st - 1] == "," and self._tail_ok(c + 1, b) and kind == "speech" \
                and not (tok.lower[a] in _ADJUNCT_STARTS and st - 1 - a <= 8 and c + 2 < b):
            return self._content(p, ss, tok.starts[st - 1], sp, cue, "indirect")
        # "Alvarez said (that) …"
        k = c + 1
        if low in _TELL:
            e = np_forward(tok, k, b)
            if e is not None and e - k <= 6:
                k = e
        k = self._skip_adjuncts(k, b)
        if k >= b:
            return None
        nxt = tok.lower[k]
        if kind == "naming":
            return self._named(p, c, k, b, sp, cue)
        if nxt == "that":
            pass
        elif nxt in (":", ","):
            k += 1
            if kind != "speech":
                return None
        elif kind == "stance":
            pass                    # "Clinton cited his comments about …": the object is the content
        elif low in SHOW_VERBS and self._document_speaker(sp):
            pass                    # "The poll shows Clinton ahead by three points"
        elif kind == "belief" or low not in STRONG_VERBS:
            return None
        elif nxt in ("to", "in", "on", "at", "for", "with", "by", "about", "of", "so",
                     "and", "but", "or", "as", "yes", "no", "nothing", "goodbye", "more", "little"):
            return None
        if k >= b or tok.words[k] in _OPEN_MARKS and tok.words[k - 1] in (",", ":"):
            return None           # "…, saying, “…”": the direct quote takes it (see _before)
        end = se
        for j in range(k + 1, b - 1):   # "… that X, adding that Y" / "…, but he said Y": two attributions
            if tok.words[j] in (",", "and", "but", ";") and self._cue_follows(j + 1, b):
                end = tok.starts[j]
                break
        return self._content(p, tok.starts[k], end, sp, cue, "indirect")

    def _named(self, p: int, c: int, k: int, b: int, sp: Speaker, cue: tuple[int, int]) -> _Found | None:
        """X called him a “reckless gamble”: the quoted words are the partial quote."""
        tok = self.tok
        for j in range(k, min(b, k + 12)):
            if tok.words[j] in _OPEN_MARKS:
                m = tok.at(tok.starts[j] + 1)
                e = m
                while e < b and tok.words[e] not in ("”", '"', "’", "'", "»", "''"):
                    e += 1
                if e > m and e < b:      # content: from the cue's object to the closing mark
                    return _Found(tok.starts[k], tok.ends[e], "partial", sp, cue, None, p)
                return None
        return None

    def _cue_follows(self, j: int, b: int) -> bool:
        """Does a new reporting clause start at token j ("adding", "and said", "but he said")?"""
        tok = self.tok
        for i in range(j, min(b, j + 4)):
            low = tok.lower[i]
            if cue_kind(low) and tok.words[i][:1].islower() and low not in ("calling", "called"):
                return i == j and low.endswith("ing") or i > j or low in ("said", "added", "says", "adds")
            if low not in _BETWEEN and low not in ("and", "but", "he", "she", "they", "it", "then", ","):
                return False
        return False

    def _tail_ok(self, k: int, b: int) -> bool:
        """After an end-of-sentence attribution only adjuncts may follow."""
        words = [w for w in self.tok.lower[k:b] if w not in _SENT_END]
        if len(words) > 2 and words[0] == "," and words[1].endswith("ing") and words[1] != "that":
            return True           # "…, she said, referencing the bank's …": a clause of its own
        return len(words) <= 8 and "that" not in words and not any(
            cue_kind(w) for w in words[:1])

    def _skip_adjuncts(self, k: int, b: int) -> int:
        """Skip "in a statement", "on Tuesday", "last week" before the content when a
        "that" follows within a few words."""
        tok = self.tok
        for j in range(k, min(b, k + 14)):
            if tok.lower[j] == "that":
                between = tok.lower[k:j]
                if all(w not in ("is", "was", "are", "were", "will", "would", ",") for w in between):
                    return j
                break
        return k

    def _content(self, p: int, start: int, end: int, sp: Speaker, cue: tuple[int, int],
                 kind: str) -> _Found | None:
        text = self.text
        while start < end and text[start] in " \n,":
            start += 1
        while end > start and text[end - 1] in " \n":
            end -= 1
        while end > start and text[end - 1] in ".!?;,:" :
            end -= 1
        if len(text[start:end].split()) < 3:
            return None
        return _Found(start, end, kind, sp, cue, None, p)

    # ------------------------------------------------------------ speakers
    def _speaker_back(self, c: int, a: int) -> tuple[int, Speaker | None]:
        """The speaker phrase that ends before cue token c ("Alvarez also said")."""
        tok = self.tok
        j = c - 1
        while j >= a and (tok.lower[j] in _BETWEEN
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
            if k > a and k + 1 < j and tok.lower[k + 1] in _ADJUNCT_STARTS and tok.words[k - 1] != ",":
                st = np_back(tok, k - 1, a)        # "Clinton, at a later press gaggle, said"
                if st is not None and self._speaks(st, k):
                    return st, self._make_speaker(st, k, st, k)
                return c, None
            if k > a and k + 1 < j:
                if tok.lower[k + 1] in ("who", "whose", "which"):
                    st = np_back(tok, k - 1, a)
                    if st is not None:
                        # PolNeAR's source spans keep the relative clause
                        return st, self._make_speaker(st, j, st, k, role=None)
                    return c, None
                st = np_back(tok, k - 1, a)
                inner = np_back(tok, j - 1, k + 1)
                if st is not None and inner is not None:
                    first = tok.text[tok.starts[k + 1]:tok.ends[j - 1]]
                    before = tok.text[tok.starts[st]:tok.ends[k - 1]]
                    if tok.is_cap(k - 1) and _role_like(tok, k + 1):
                        return st, self._make_speaker(st, j, st, k, role=first)
                    if tok.is_cap(j - 1) and inner == k + 1 and not tok.is_cap(k - 1):
                        sp = self._make_speaker(st, j, k + 1, j, role=before)
                        return st, sp
            return c, None
        st = np_back(tok, j, a)
        if st is None or not self._speaks(st, j + 1):
            return c, None
        if tok.lower[st] == "who" and st > a + 1 and tok.words[st - 1] == ",":
            ant = np_back(tok, st - 2, a)
            if ant is not None:
                return st, self._make_speaker(st, j + 1, ant, st - 1)
        return st, self._make_speaker(st, j + 1, st, j + 1)

    def _subject(self, a: int, c: int) -> Speaker | None:
        """The subject opening the sentence [a, c): a name, a pronoun or "the …"."""
        tok = self.tok
        e = np_forward(self.tok, a, c)
        if e is not None and (tok.is_cap(a) or tok.lower[a] in PRONOUNS or tok.lower[a] == "the") \
                and self._speaks(a, e) and not (e < c and tok.words[e] == ","):
            return self._speaker_fwd(a, e, c, stop_at_comma=True)
        # "But a few days later, Trump reversed himself, telling …": the first name or
        # pronoun after the opening adverbial
        for i in range(a, c):
            if tok.lower[i] in ("he", "she", "they") or (tok.ent[i] >= 0 and tok.is_cap(i)):
                e = np_forward(tok, i, c)
                if e is not None and self._speaks(i, e):
                    return self._speaker_fwd(i, e, c, stop_at_comma=True)
                return None
        return None

    def _speaker_fwd(self, s: int, e: int, b: int, stop_at_comma: bool = False) -> Speaker:
        """The speaker phrase after the cue, with its apposition ("said Maria
        Alvarez, the city's mayor")."""
        tok = self.tok
        end = e
        role = None
        if e < b and tok.words[e] == "," and not stop_at_comma and e + 1 < b and _role_like(tok, e + 1):
            k = e + 1
            while k < b and tok.words[k] not in (",", ".", ";", "“", '"') and k - e < 25 \
                    and tok.lower[k] not in ("who", "which", "whose"):
                k += 1
            if e + 1 < k <= e + 13 and not any(cue_kind(w) for w in tok.lower[e + 1:k]):
                role = self.text[tok.starts[e + 1]:tok.ends[k - 1]]
                end = k
        sp = self._make_speaker(s, end, s, e, role=role)
        # "said the mayor, Maria Alvarez": the apposition is the name
        if role and not tok.is_cap(s) and tok.is_cap(e + 1):
            sp.core_start, sp.core_end = tok.starts[e + 1], tok.ends[end - 1]
            sp.role = self.text[tok.starts[s]:tok.ends[e - 1]]
        return sp

    def _document_speaker(self, sp: Speaker) -> bool:
        """Is the speaker phrase a document ("a new poll", "Video of the incident")?"""
        words = self.text[sp.core_start:sp.core_end].lower().split()
        heads = [w for w in words if w not in ("of", "the", "a", "an")]
        return bool(words) and (is_document(words[-1]) or (
            "of" in words and is_document(words[words.index("of") - 1]))) and bool(heads)

    def _speaks(self, s: int, e: int) -> bool:
        """Can the phrase tokens [s, e) speak? A lower-case head must name people, a
        group or a document ("the spokesman", "critics", "the letter"), not "a box"."""
        tok = self.tok
        heads = [i for i in range(s, e) if tok.words[i][:1].isalnum()]
        if not heads:
            return False
        if any(tok.is_cap(i) for i in heads) or any(tok.ent[i] >= 0 for i in heads):
            return True
        return _person_like(tok.lower[heads[-1]])

    def _make_speaker(self, s: int, e: int, cs: int, ce: int, role: str | None = None) -> Speaker:
        tok = self.tok
        start, end = tok.starts[s], tok.ends[e - 1]
        return Speaker(start, end, self.text[start:end], tok.starts[cs], tok.ends[ce - 1], role)

    def _cue_span(self, c: int, b: int) -> tuple[int, int]:
        """The cue verb, with "in a statement" / "in a letter" when it follows."""
        tok = self.tok
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

    # ---------------------------------------------------------- resolution
    def _resolve(self, p: int, ps: int, found: list[_Found], sents: list[tuple[int, int]]) -> None:
        resolved_ids: set[int] = set()
        for f in found:
            if f.speaker is not None and id(f.speaker) not in resolved_ids:
                self._resolve_speaker(f)
                resolved_ids.add(id(f.speaker))
        for i, f in enumerate(found):
            if f.speaker is not None:
                continue
            prev = next((g for g in reversed(found[:i]) if g.speaker is not None), None)
            if prev is not None and f.marked is not None and self._sentence_like(f):
                f.speaker, f.cue, f.inherited = prev.speaker, prev.cue, "same paragraph"
                continue
            m = f.marked
            standalone = m is not None and (m.open_at == ps or self.text[ps:m.open_at].rstrip().endswith(":"))
            if not standalone:
                continue
            ctx = self._context_speaker(p)
            if ctx is not None:
                f.speaker, f.cue, f.inherited = ctx[0], ctx[1], ctx[2]
        self.found.extend(found)

    def _resolve_speaker(self, f: _Found) -> None:
        sp = f.speaker
        if sp is None or sp.name is not None:      # none, or resolved where it was found
            return
        if self.text[sp.core_start:sp.core_end].lower() == "who":
            return
        self.resolver.resolve(sp)

    def _context_speaker(self, p: int) -> tuple[Speaker, tuple[int, int] | None, str] | None:
        """The speaker a floating quote paragraph inherits from paragraph p - 1: its
        last quote's speaker; else the person a last sentence introduces ("Ruiz had a
        warning for residents." / "…, said:"); else the one person that paragraph is
        about ("Martha Delgado, who lives …, was among the first to sign on.")."""
        before = [f for f in self.found if f.para == p - 1]
        if before and before[-1].speaker is not None:
            return before[-1].speaker, before[-1].cue, "previous paragraph"
        paras = self.paras
        if p == 0 or p - 1 >= len(paras):
            return None
        ps, pe = paras[p - 1]
        sents = sentences(self.text, ps, pe)
        if not sents:
            return None
        ss, se = sents[-1]
        line = self.text[ss:se]
        low = line.lower()
        if line.rstrip().endswith(":") or any(w in low for w in _INTRO_WORDS):
            sp = self._first_person(ss, se)
            if sp is not None:
                return sp, None, "introduced in the paragraph before"
            return None
        people = {m.name for m in self.resolver._overlapping(ps, pe) if m.type == "PERSON"}
        if len(people) == 1:
            sp = self._first_person(ps, pe)
            if sp is not None:
                return sp, None, "the person the paragraph before is about"
        return None

    def _first_person(self, start: int, end: int) -> Speaker | None:
        """The first person named in [start, end) (a PERSON mention), resolved."""
        for m in self.resolver._overlapping(start, end):
            if m.type == "PERSON" and m.start >= start:
                s, e = self.tok.span(m.start, m.end)
                if e <= s:
                    continue
                sp = self._make_speaker(s, e, s, e)
                self.resolver.resolve(sp)
                return sp
        return None

    # --------------------------------------------------------------- output
    def _merge_and_build(self, paras: list[tuple[int, int]]) -> list[Quote]:
        merged: list[_Found] = []
        for f in self.found:
            prev = merged[-1] if merged else None
            if (prev is not None and prev.marked is not None and f.marked is not None
                    and prev.marked.close_at is None and f.para == prev.para + 1
                    and f.marked.open_at == paras[f.para][0] and prev.end == paras[prev.para][1]):
                prev.end = f.end                   # a quote running over paragraphs
                if prev.speaker is None or prev.inherited:
                    if f.speaker is not None and not f.inherited:
                        prev.speaker, prev.cue, prev.inherited = f.speaker, f.cue, None
                prev.marked = f.marked
                prev.para = f.para
                continue
            merged.append(f)
        quotes = []
        for f in merged:
            if f.speaker is None and (f.marked is None or f.marked.single or
                                      len(self.text[f.start:f.end].split()) < _MIN_FLOATING_WORDS):
                continue
            if f.speaker is None and f.marked is not None and not self._sentence_like(f):
                continue
            quotes.append(self._quote(f))
        return quotes

    def _sentence_like(self, f: _Found) -> bool:
        """Does an unattributed quote stand as its own sentence (not a scare quote)?"""
        before = self.text[max(0, f.marked.open_at - 3):f.marked.open_at]
        return (f.marked.open_at == 0 or before.endswith("\n")
                or before.rstrip()[-1:] in ("", ".", ":", "”", '"'))

    def _quote(self, f: _Found) -> Quote:
        sp = f.speaker
        evidence = []
        cue_text = None
        if f.cue is not None:
            cue_text = self.text[f.cue[0]:f.cue[1]]
            evidence.append(Evidence(cue_text, f.cue[0], f.cue[1], "body", "cue"))
        if sp is not None:
            note = "speaker" if not f.inherited else f"speaker, inherited: {f.inherited}"
            evidence.append(Evidence(sp.text, sp.start, sp.end, "body", note))
        kind = f.kind
        name = sp.name if sp is not None and sp.name else (sp.text if sp is not None else None)
        if name:
            name = name.strip(_NAME_EDGES) or name
        return Quote(id="", article_id="", text=self.text[f.start:f.end], speaker=None,
                     speaker_name=name, kind=kind, start=f.start, end=f.end,
                     evidence=evidence, role=sp.role if sp is not None else None, cue=cue_text)
