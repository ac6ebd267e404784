"""Names in one article: clean the named-entity spans, find roles, and give each
mention the fullest name the article uses for the same person, organization or place.

Token patterns do the work; the parse is only a second opinion (an apposition the
parser found is accepted as a role even when its head is not in the title list), so a
weak parser costs roles, not names.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from ..model import Mention
from .lexicon import (HONORIFICS, NAME_PARTICLES, NOMINAL_HEADS, NOT_NAMES, ORG_GENERIC,
                      ORG_HEADS, ORG_SUFFIXES, PLACE_ACRONYMS, ROLE_STOP, TITLE_ABBREVIATIONS,
                      TITLES)
from .names import acronym_of, acronyms, first_name, is_acronym, name_key, surname

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["find_mentions", "mentions_from_spans", "consistent_types", "titled_names"]

_POSSESSIVE = {"'s", "’s", "'", "’", "s'"}
_DETS = {"the", "a", "an"}
# Where a noun phrase's name ends: apposition, parenthesis, relative clause.
_CUT = {",", "(", "--", "—", "–", ";", ":", "which", "who", "that", "whose", "where"}
# Small words inside organization and place names ("Bank of America", "Procter & Gamble").
_NAME_GLUE = {"of", "and", "for", "the", "&", "de", "du", "des", "del", "la", "le", "-"}
_APPOS_DETS = _DETS | {"his", "her", "its", "their", "our"}
_PREPS = {"of", "for", "at", "with", "from", "in"}
_PLACE_PREPS = {"in", "at", "from"}
# Title words too general to say which person a bare title means.
_WEAK_TITLES = {"member", "members", "official", "officials", "employee", "worker", "officer",
                "executive", "chief", "head", "leader", "deputy", "aide"}
_CLOSERS = {",", ".", ";", ":", ")", "—", "–", "--", "-", "said", "says", "told", "\n", "\n\n"}
# Tags of words that can sit inside a role ("press secretary", "former county judge").
_ROLE_TAGS = {"NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "VBN", "CD", "HYPH", ""}
_NAME_TAGS = {"NNP", "NNPS", ""}
_MAX_ROLE = 8   # words; longer "roles" are clauses the patterns ran into



def _doc_text(doc: Doc) -> str:
    """The doc's text, built once: spaCy's `Doc.text` joins every token on each
    access, which made slicing it per mention quadratic (and ran out of memory on a
    50,000-token article)."""
    text = doc.user_data.get("storyline.text")
    if text is None:
        text = doc.user_data["storyline.text"] = doc.text
    return text

def find_mentions(doc: "Doc") -> list[Mention]:
    """Mentions of persons, organizations and places in an article's Doc.

    Named-entity spans with a PERSON/ORG/LOC type (`storyline.nlp.ENTITY_TYPES`) are
    cleaned (titles, "the", possessive "'s" off), given roles from pre-modifiers and
    appositions, and resolved within the article so `Mention.name` is the fullest form
    the article uses. Surnames, acronyms and "the agency"-style references to a name
    the article already gave are added even when the NER missed them.
    """
    from ..nlp import ENTITY_TYPES

    spans = [(e.start, e.end, ENTITY_TYPES[e.label_]) for e in doc.ents
             if e.label_ in ENTITY_TYPES]
    spans = consistent_types(doc, sorted(_widened(doc, spans) + titled_names(doc, spans)))
    found = [m for m in mentions_from_spans(doc, spans, add_missed=True) if m is not None]
    seen, out = set(), []
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if (m.start, m.end) not in seen:
            seen.add((m.start, m.end))
            out.append(m)
    return out


def _widened(doc: "Doc", spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Names the recognizer cut short, made whole: a lone first name and the proper noun
    after it ("Chris | Hunt defended the event"), an organization and the proper noun
    before it ("Coast | Guard spokesman"). Not over another name, a title or a
    sentence's first word."""
    taken = {i for start, end, _ in spans for i in range(start, end)}
    # ("Ford | Taurus": a word the article also names an organization or place is no first name)
    other = {doc[i].text for start, end, type in spans if type != "PERSON" for i in range(start, end)}

    def proper(i: int) -> bool:
        tok = doc[i]
        low = tok.lower_
        return (i not in taken and tok.tag_ in ("NNP", "NNPS") and tok.is_title and tok.is_alpha
                and low not in TITLES and low not in HONORIFICS and low not in NOT_NAMES
                and low not in ORG_HEADS)

    out = []
    for start, end, type in spans:
        if type == "PERSON" and end - start == 1 and end < len(doc) and proper(end) \
                and not doc[end].is_sent_start and doc[start].text not in other:
            end += 1
        elif type == "ORG" and start > 0 and proper(start - 1) and not doc[start - 1].is_sent_start \
                and not is_acronym(doc[start:end].text):     # ("told Reuters | BP 's outreach")
            start -= 1
        out.append((start, end, type))
    return out


def titled_names(doc: "Doc", spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Persons the recognizer missed, named after a capitalized title as news writes
    them: "Gov. Tom Weller", "Secretary of State Maria Alvarez", "Judge Ana Ruiz". The
    name is the last two or three capitalized words of the run after the title (the run
    may continue the title: "of State"); nothing that overlaps a recognized name."""
    taken = {i for start, end, _ in spans for i in range(start, end)}
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        title = tok.lower_ in TITLES or tok.lower_ in TITLE_ABBREVIATIONS
        # "Gov. Tom Weller", and a lower-case title just before the name: "chief executive
        # Tony Hayward" (the recognizer missed him in most timeline17 BP articles)
        lower_title = title and tok.text.islower() and i + 1 < len(doc) and doc[i + 1].is_title
        if not (title and (tok.text[:1].isupper() or lower_title)):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (doc[j].is_title or doc[j].lower_ == "of" and j + 1 < len(doc)
                                and doc[j + 1].is_title) and j - i <= 6:
            j += 1
        # the word after "of" still names the office ("Secretary of State")
        names = {t.i for t in doc[i + 1:j] if (t.is_title and t.is_alpha or _is_initial(t))
                 and t.lower_ not in TITLES and t.lower_ not in TITLE_ABBREVIATIONS
                 and t.lower_ not in NOT_NAMES and doc[t.i - 1].lower_ != "of"}
        # first and last name, with a middle initial if there is one
        start = j - 3 if j - 3 > i and _is_initial(doc[j - 2]) else j - 2
        if start > i and all(k in names for k in range(start, j)) \
                and not any(k in taken for k in range(start, j)):
            out.append((start, j, "PERSON"))
        i = max(j, i + 1)
    return out


def consistent_types(doc: "Doc", spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One name, one type per article, whatever the recognizer said span by span:
    a multi-word name ending in an organization word ("Calder Resin Works", "the Water
    Bureau") is an organization, and so is an acronym that is no place's short form; a
    lone surname of a person the article names ("Alvarez" after "Maria Alvarez") is that
    person; otherwise the type the article gives the
    same words most often ("Riverton" a place four times, a person once: a place), and
    a lone word no person of the article is called by is not a person when the article
    also names it as a place or organization."""
    def words(start: int, end: int) -> str:
        return " ".join(t.text for t in doc[start:end])

    persons = [(start, end) for start, end, type in spans if type == "PERSON" and end - start >= 2]
    surnames = {doc[end - 1].text for start, end in persons if doc[end - 1].is_title}
    person_words = surnames | {doc[start].text for start, end in persons}
    votes: dict[str, Counter[str]] = {}
    for start, end, type in spans:
        votes.setdefault(words(start, end), Counter())[type] += 1
    out = []
    for start, end, type in spans:
        key = words(start, end)
        if end - start >= 2 and doc[end - 1].lower_ in ORG_HEADS and doc[end - 1].is_title:
            type = "ORG"
        elif end - start == 1 and type == "LOC" and is_acronym(key) \
                and acronym_of(key) not in PLACE_ACRONYMS:
            type = "ORG"        # "CNN", "NATO" the recognizer called places
        elif end - start == 1 and key in surnames:
            type = "PERSON"
        elif type == "LOC" and _versus(doc, start, end):
            type = "ORG"        # "Gloucester versus Bath": teams, named for their towns
        elif type == "LOC" and _who_follows(doc, start, end):
            type = "PERSON"     # "Anderson Cooper, who later started reporting": places are no "who"
        else:
            counts = votes[key]
            if type == "PERSON" and end - start == 1 and key not in person_words:
                # a lone word no person of the article is called by: a place or
                # organization whenever the article also types it so
                counts = counts - Counter({"PERSON": counts["PERSON"]}) or counts
            best = max(counts, key=lambda t: (counts[t], t == type))
            type = best if counts[best] > counts[type] else type
        out.append((start, end, type))
    return out


_VERSUS = {"versus", "vs", "vs.", "v", "v."}
# Time zones after a clock time (CNN's live updates: "-LRB- Update 5:01 p.m. Cairo, 10:01 a.m. ET -RRB-").
_TIME_ZONES = {"ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT",
               "BST", "UTC", "CET", "CEST"}


def _versus(doc: "Doc", start: int, end: int) -> bool:
    return (end < len(doc) and doc[end].lower_ in _VERSUS) or (start > 0 and doc[start - 1].lower_ in _VERSUS)


def _who_follows(doc: "Doc", start: int, end: int) -> bool:
    """", who" after a name not in a prepositional phrase (the "who" of "everyone in
    Egypt who joined" is everyone's)."""
    if start > 0 and doc[start - 1].lower_ in _PREPS | {"to", "into", "across", "throughout"}:
        return False
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("who", "whose")


def mentions_from_spans(doc: "Doc", spans: Iterable[tuple[int, int, str]], *,
                        add_missed: bool = False) -> list[Mention | None]:
    """The article stage on given token spans `(start, end, type)` (which may nest).

    Returns one entry per span, in order (None where the span holds no name, e.g. a
    pronoun); with `add_missed`, mentions the spans missed follow. Benchmarks feed gold
    spans through here; `find_mentions` feeds the NER's.
    """
    spans = list(spans)
    raws: list[_Raw | None] = []
    explicit: dict[str, _Raw] = {}        # "EPA" -> the name it was introduced with
    extra: list[_Raw] = []
    for start, end, type in spans:
        raw, acro = _clean(doc, start, end, type)
        if raw is not None and raw.kind == "surname":
            _shared_surname(doc, raw, spans)
        raws.append(raw)
        if raw is not None:
            acro = acro or _parenthetical(doc, raw)
            spelled = _spelled_out(doc, raw)
            if spelled is not None:
                explicit.setdefault(spelled, raw)
            if acro is not None:
                explicit.setdefault(acronym_of(acro.text), raw)
                if not any(r is not None and (r.start, r.end) == (acro.start, acro.end)
                           for r in raws):
                    extra.append(acro)
    named = [r for r in raws if r is not None] + extra
    index = _index(named)
    for raw in named:
        if raw.type == "PERSON":
            _roles(doc, raw, index)
    clusters = _Clusters()
    clusters.other_words = {w.lower() for r in named if r.type != "PERSON" for w in r.text.split()}
    for raw in sorted(named, key=lambda r: r.start):
        if raw.kind == "full":
            clusters.add_full(raw)
    if add_missed:
        missed = _missed(doc, named, clusters)
        index = _index(named + missed)
        for raw in missed:
            if raw.type == "PERSON":
                _roles(doc, raw, index)
        extra += missed
    everything = [r for r in raws if r is not None] + extra
    for raw in sorted(everything, key=lambda r: r.start):
        if raw.cluster is None:
            clusters.attach(raw, explicit)
    clusters.join_short_orgs()
    out: list[Mention | None] = [_mention(doc, r) if r and r.cluster else None for r in raws]
    # "the agency", "the governor" with no agency or governor named before is no mention
    return out + [_mention(doc, r) for r in extra if r.cluster is not None]


# -- one span ------------------------------------------------------------------


def _shared_surname(doc: "Doc", raw: "_Raw", spans: Iterable[tuple[int, int, str]]) -> None:
    """"Jermaine and Randy Jackson": a lone first name joined by "and" to a first name
    and surname shares that surname (it is a full name, not a surname of its own)."""
    if raw.end + 2 >= len(doc) or doc[raw.end].lower_ != "and":
        return
    if any(type == "PERSON" and end - start > 1 and doc[end - 1].text == raw.text
           for start, end, type in spans):
        return          # "Obama and Joe Biden" after "Barack Obama": a surname
    for start, end, type in spans:
        if type == "PERSON" and start == raw.end + 1 and end - start == 2 \
                and all(t.is_title and t.is_alpha for t in doc[start:end]):
            raw.full, raw.kind = f"{raw.text} {doc[end - 1].text}", "full"
            return


@dataclass
class _Raw:
    start: int                      # token span of the name itself
    end: int
    type: str
    text: str
    kind: str                       # full | surname | acronym | nominal ("the agency") | role ("the judge")
    role: str | None = None
    owner: "_Raw | None" = None     # whose role it is ("Tom Weller" for his press secretary)
    nominal_head: str | None = None # "agency", "judge": what a nominal or role mention is matched on
    cluster: "_Cluster | None" = None
    candidate: "_Cluster | None" = None  # an acronym's name by initials alone (`Mention.expands`)
    full: str | None = None         # the name it stands for when the text shares it out
                                    # ("Jermaine" of "Jermaine and Randy Jackson")

    @property
    def spelled(self) -> str:
        return self.full or self.text


def _is_punct(tok: "Token") -> bool:
    return not any(c.isalnum() for c in tok.text)


def _kind(text: str, type: str, n_words: int) -> str:
    if type in ("ORG", "LOC") and is_acronym(text):
        return "acronym"
    if type == "PERSON" and n_words == 1:
        return "surname"
    return "full"


def _clean(doc: "Doc", start: int, end: int, type: str) -> tuple[_Raw | None, _Raw | None]:
    """The name inside a span, and an "(ABC)" acronym the span swallowed.

    NER spans are mostly bare names; annotated spans are whole noun phrases ("U.S.
    automaker GM", "Bank of America, which dropped 14%", "Ryanair CEO, Michael Lane"):
    the name is the run of capitalized words the phrase ends with, before any
    apposition or relative clause, or the apposition when the phrase names no one.
    A phrase that is only a title ("the Prime Minister") becomes a "role" mention that
    joins the person of the article holding that title.
    """
    acro = None
    toks = list(doc[start:end])
    rest: list["Token"] = []
    for k, tok in enumerate(toks):
        if k == 0:
            continue
        # "Claudia Mo of the Civic Party", "the Museum of Flight in Seattle"
        place = tok.lower_ in _PLACE_PREPS or type == "PERSON" and tok.lower_ in _PREPS
        if tok.lower_ not in _CUT and not (place and _namelike(toks[k - 1])):
            continue
        # "Environmental Protection Agency (EPA)": the acronym is a mention of its own
        if tok.text == "(" and k + 1 < len(toks) and is_acronym(toks[k + 1].text):
            a = toks[k + 1]
            acro = _Raw(a.i, a.i + 1, type, a.text, "acronym")
        if tok.text == ",":
            rest = toks[k + 1:]
            cut = [j for j, t in enumerate(rest) if j and t.lower_ in _CUT]
            rest = rest[:cut[0]] if cut else rest
        toks = toks[:k]
        break
    raw = _name_in(doc, toks, type)
    if raw is None and rest:
        raw = _name_in(doc, rest, type)
    if raw is None and type == "PERSON":
        raw = _role_only(doc, toks)
    return raw, acro


def _name_in(doc: "Doc", toks: list["Token"], type: str) -> _Raw | None:
    while toks and (_is_punct(toks[0]) or toks[0].lower_ in _DETS):
        toks = toks[1:]
    while toks and (_is_punct(toks[-1]) or toks[-1].lower_ in _POSSESSIVE):
        toks = toks[:-1]
    # "Boeing's European rival Airbus": the name comes after the owner
    owned = [k for k, t in enumerate(toks[:-1]) if t.lower_ in _POSSESSIVE]
    if owned:
        toks = toks[owned[-1] + 1:]
    if not toks:
        return None
    toks = _person_part(doc, toks) if type == "PERSON" else _proper_tail(toks)
    if toks and toks[-1].text[-2:] in ("'s", "’s") and len(toks[-1].text) > 2:
        return _raw(doc, toks, type, trim_possessive=True)
    return _raw(doc, toks, type)


def _role_only(doc: "Doc", toks: list["Token"]) -> _Raw | None:
    """ "the Prime Minister", "Apple CEO": a title standing for a person."""
    while toks and (_is_punct(toks[0]) or toks[0].lower_ in _DETS):
        toks = toks[1:]
    while toks and _is_punct(toks[-1]):
        toks = toks[:-1]
    head = _role_head(" ".join(t.text for t in toks))
    if not toks or head is None:
        return None
    text = _doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
    return _Raw(toks[0].i, toks[-1].i + 1, "PERSON", text, "role", nominal_head=head)


def _proper_tail(toks: list["Token"]) -> list["Token"]:
    """The capitalized words an organization or place phrase ends with ("American
    automobile manufacturer General Motors" -> "General Motors"); none when it ends in a
    common noun ("the largest car maker in the United States")."""
    # "Airbus President", "Apple Chief Executive Officer": a title the NER glued on
    while len(toks) > 1 and toks[-1].lower_ in TITLES and toks[-2].lower_ not in _NAME_GLUE:
        toks = toks[:-1]
    if not _capitalized(toks[-1]):
        return []
    i = len(toks) - 1
    while i > 0 and (_capitalized(toks[i - 1]) or toks[i - 1].lower_ in _NAME_GLUE):
        i -= 1
    while i < len(toks) - 1 and toks[i].lower_ in _NAME_GLUE:
        i += 1
    return toks[i:]


def _capitalized(tok: "Token") -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _raw(doc: "Doc", toks: list["Token"], type: str, trim_possessive: bool = False) -> _Raw | None:
    if not toks or not any(c.isalpha() for t in toks for c in t.text):
        return None
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in toks):
        return None                 # "the agency", "he": not names
    if len(toks) == 1 and toks[0].lower_ in NOT_NAMES and not toks[0].text.isupper():
        return None
    if len(toks) == 1 and toks[0].text in _TIME_ZONES and toks[0].i > 0 \
            and (doc[toks[0].i - 1].lower_ in ("a.m.", "p.m.", "am", "pm") or doc[toks[0].i - 1].text[:1].isdigit()):
        return None                 # "1:53 p.m. ET": a clock's time zone
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = _doc_text(doc)[s:e]
    if trim_possessive:
        text = text[:-2]
    words = sum(1 for t in toks if not _is_punct(t))
    return _Raw(toks[0].i, toks[-1].i + 1, type, text, _kind(text, type, words))


def _person_part(doc: "Doc", toks: list["Token"]) -> list["Token"]:
    """The name at the end of a person span: titles and honorifics the NER glued on stay
    out of it (`_premodifier` reads them as the role)."""
    while len(toks) > 1 and toks[-1].text.islower() and toks[-1].lower_ not in TITLES:
        toks = toks[:-1]            # "Rick Santorum himself"
    while len(toks) > 1 and toks[-1].lower_ in TITLES and toks[-1].i + 1 < len(doc) \
            and doc[toks[-1].i + 1].lower_ == "of":
        toks = toks[:-1]            # "Mary Queen | of Scots": the title is the office's
    last = toks[-1]
    if last.lower_ in TITLES and (last.text.islower() or last.text.isupper() or len(toks) == 1
                                  or not _namelike(toks[-2]) or is_acronym(toks[-2].text)
                                  or toks[-2].tag_ == "JJ"):
        # "Apple CEO", "the Prime Minister", "Egyptian President": a role, no name
        return []
    i = len(toks) - 1
    while i > 0 and _namelike(toks[i - 1]):
        i -= 1
    run = toks[i:]
    # "Secretary of State Maria Alvarez": the first words after "of" are the title's
    k = run[0].i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= toks[0].i and doc[k].lower_ in _PREPS and doc[k].lower_ != "of":
        return []                   # "minister of transport for Indonesia"
    if k >= 1 and doc[k].lower_ == "of" and (
            doc[k - 1].lower_ in TITLES or doc[k - 1].text[:1].isupper()):
        # "the Prime Minister of Singapore", "President of the United States", "CEO of
        # General Motors": the words after "of" are the title's, and no one is named
        if len(run) == 1 or len(run) == 2 and doc[run[0].i - 1].lower_ == "the" \
                or run[-1].lower_ in ORG_GENERIC or run[-1].lower_ in ORG_SUFFIXES:
            return []
        keep = 2 if len(run) > 2 else 1
        while keep < len(run) and (_is_initial(run[-keep]) or run[-keep - 1].lower_ in NAME_PARTICLES):
            keep += 1
        run = run[-keep:]
    return run


def _role_head(role: str) -> str | None:
    """The title word a role is known by: "Harris County Judge" -> "judge"; "Secretary of
    State" -> "secretary"."""
    words = [w.lower() for w in role.split()]
    if "of" in words:
        words = words[:words.index("of")]
    heads = [w for w in words if w in TITLES and w not in _WEAK_TITLES]
    return TITLE_ABBREVIATIONS.get(heads[-1], heads[-1]).lower() if heads else None


def _is_initial(tok: "Token") -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _namelike(tok: "Token") -> bool:
    low = tok.lower_
    if low in TITLES or low in HONORIFICS or low == "of":
        return False
    return tok.text[:1].isupper() or low in NAME_PARTICLES or low == "-"


# -- roles ---------------------------------------------------------------------


def _role_word(tok: "Token") -> str:
    return TITLE_ABBREVIATIONS.get(tok.lower_, tok.text)


def _role_text(toks: list["Token"]) -> str:
    return "".join(_role_word(t) + t.whitespace_ for t in toks).strip()


def _has_title(toks: list["Token"]) -> bool:
    return any(t.lower_ in TITLES for t in toks)


def _index(named: list[_Raw]) -> dict[int, _Raw]:
    """Token -> the (shortest) mention whose name holds it."""
    index: dict[int, _Raw] = {}
    for r in sorted(named, key=lambda r: r.start - r.end):
        for i in range(r.start, r.end):
            index[i] = r
    return index


def _roles(doc: "Doc", raw: _Raw, index: dict[int, _Raw]) -> None:
    raw.role, raw.owner = _premodifier(doc, raw, index)
    if raw.role is None:
        raw.role, owner = _apposition(doc, raw, index)
        raw.owner = raw.owner or owner


def _premodifier(doc: "Doc", raw: _Raw, index: dict[int, _Raw]) -> tuple[str | None, _Raw | None]:
    """ "Harris County Judge Ana Ruiz", "Secretary of State Maria Alvarez", "Governor Tom
    Weller's press secretary Dana Kim" (owner Weller), "NASA Administrator Charles Bolden"
    (owner NASA)."""
    run: list["Token"] = []
    owner = None
    j = raw.start - 1
    while j >= 0 and len(run) < _MAX_ROLE:
        tok = doc[j]
        other = index.get(j)
        if tok.lower_ in _POSSESSIVE and j > 0:
            owner = index.get(j - 1)
            break
        if other is not None and other is not raw:
            if other.type in ("ORG", "PERSON") and run:   # "NASA Administrator", "Obama envoy"
                owner = other
                break
            if other.type != "LOC" or not run:
                break
            run[:0] = list(doc[other.start:j + 1])   # "Harris County Judge": part of the title
            j = other.start - 1
            continue
        if not _role_token(tok, run):
            break
        run.insert(0, tok)
        if tok.is_sent_start:
            break
        j -= 1
    # the words right before the name must end in a title ("press secretary", "Judge"),
    # or be a title "of" something ("Secretary of State")
    if run and not (run[-1].lower_ in TITLES or run[-1].lower_ in HONORIFICS
                    or any(t.lower_ == "of" for t in run)):
        run = []
    run = [t for t in run if t.lower_ not in HONORIFICS]
    run = _own_title(run, raw)
    while run and (run[0].lower_ in _DETS or run[0].lower_ in ("of", "-")):
        run.pop(0)
    # a sentence-initial word that is not a name or title ("Yesterday Judge Ruiz")
    while run and run[0].is_sent_start and run[0].lower_ not in TITLES and run[0].tag_ not in _NAME_TAGS:
        run.pop(0)
    if not run or not _has_title(run):
        return None, owner if run else None
    return _role_text(run), owner


def _own_title(run: list["Token"], raw: _Raw) -> list["Token"]:
    """The part of the words before a name that is its title, not the phrase the name
    sits in: "a portrait of President Hosni Mubarak" is "President" (before "of" there is
    no title: "Secretary of State" keeps it; after "of" a title of its own: "chairman
    of President Bush" is Bush's "President"); "Obama sent former Ambassador Frank
    Wisner" is "former Ambassador": a word the parser hangs outside the name's phrase
    (a verb, the noun the name modifies) is not in the title."""
    ofs = [k for k, t in enumerate(run) if t.lower_ == "of"]
    if ofs:
        k = ofs[-1]
        if _has_title(run[k + 1:]) or not _has_title(run[:k]):
            run = run[k + 1:]
    if run and run[0].doc.has_annotation("DEP"):
        for k in range(len(run) - 1, -1, -1):
            t = run[k]      # a modifier of the name hangs on a word after it, up to the name
            if t.lower_ not in TITLES and t.tag_ not in ("NNP", "NNPS") \
                    and not t.i < t.head.i < raw.end:
                return run[k + 1:]
    return run


def _role_token(tok: "Token", run: list["Token"]) -> bool:
    low = tok.lower_
    if low in TITLES or low in HONORIFICS:
        return True
    if low == "of":
        return bool(run)                         # "Secretary of State"
    if low in ROLE_STOP or _is_punct(tok) and low != "-":
        return False
    if tok.text[:1].isupper():
        return True
    return tok.is_alpha and tok.tag_ in _ROLE_TAGS


def _apposition(doc: "Doc", raw: _Raw, index: dict[int, _Raw]) -> tuple[str | None, _Raw | None]:
    """ "Ana Ruiz, the county's emergency manager," / "Dana Kim, a spokeswoman for the
    EPA," (owner EPA) / "Kim, director of communications,"."""
    j = raw.end
    if j < len(doc) and doc[j].lower_ in _POSSESSIVE:
        return None, None
    if j >= len(doc) or doc[j].text != ",":
        return None, None
    j += 1
    if j < len(doc) and doc[j].lower_ in _APPOS_DETS:
        j += 1
    owner = None
    # "the county's", "the EPA's": an owner phrase before the role
    for k in range(j, min(j + 5, len(doc))):
        if doc[k].lower_ in _POSSESSIVE:
            owner = index.get(k - 1)
            j = k + 1
            break
        if _is_punct(doc[k]) or doc[k].lower_ in ROLE_STOP:
            break
    role: list["Token"] = []
    head: list["Token"] = []
    k = j
    while k < len(doc) and len(role) < _MAX_ROLE:
        tok = doc[k]
        if tok.lower_ in _PREPS and role:
            obj = k + 1
            if obj < len(doc) and doc[obj].lower_ in _DETS:
                obj += 1
            other = index.get(obj) if obj < len(doc) else None
            if other is not None and other.type in ("ORG", "LOC"):
                owner = owner or other
                k = other.end
                break
            head = head or list(role)
            role.append(tok)
            k += 1
            continue
        if tok.text in _CLOSERS or tok.lower_ in ROLE_STOP or _is_punct(tok):
            break
        if index.get(k) is not None:
            return None, None                    # "Ruiz, Kim and Weller": a list, not a role
        if not (tok.is_alpha or tok.text[:1].isupper()):
            break
        role.append(tok)
        k += 1
    closed = k >= len(doc) or doc[k].text in _CLOSERS or doc[k].is_sent_start
    head = head or role
    appos = any(t.dep_ == "appos" and raw.start <= t.head.i < raw.end for t in role)
    if not role or not closed or not (_has_title(head) or appos):
        return None, None
    if not _has_title(role) and all(t.text[:1].isupper() for t in role):
        return None, None                        # "Obama, Frank Wisner,": a name, not a role
    return _role_text(role), owner


def _spelled_out(doc: "Doc", raw: _Raw) -> str | None:
    """The acronym an apposition spells out with the name: "EPA, the Environmental
    Protection Agency", "EPA (Environmental Protection Agency)", "the Environmental
    Protection Agency, or EPA"."""
    if raw.kind != "full" or raw.type == "PERSON":
        return None
    codes = acronyms(raw.text)
    i = raw.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].text in (",", "(") and is_acronym(doc[i - 1].text) \
            and acronym_of(doc[i - 1].text) in codes:
        return acronym_of(doc[i - 1].text)
    j = raw.end
    if j + 2 < len(doc) and doc[j].text in (",", "(") and doc[j + 1].lower_ == "or" \
            and is_acronym(doc[j + 2].text) and acronym_of(doc[j + 2].text) in codes:
        return acronym_of(doc[j + 2].text)
    return None


def _parenthetical(doc: "Doc", raw: _Raw) -> _Raw | None:
    """ "Environmental Protection Agency (EPA)": the acronym the article introduces."""
    j = raw.end
    if j < len(doc) and doc[j].lower_ in _POSSESSIVE:
        j += 1
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")" \
            and is_acronym(doc[j + 1].text) and raw.kind == "full" and raw.type != "PERSON":
        a = doc[j + 1]
        return _Raw(a.i, a.i + 1, raw.type, a.text, "acronym")
    return None


# -- within-article resolution -------------------------------------------------


@dataclass
class _Cluster:
    type: str
    members: list[_Raw] = field(default_factory=list)

    def positions(self) -> list[int]:
        return [m.start for m in self.members]

    def name(self) -> str:
        # a name before a description: "Obama", not "the president" that joined him
        full = [m for m in self.members if m.kind == "full"] or [
            m for m in self.members if m.kind not in ("role", "nominal")] or self.members
        # the fullest form: most words, then the first used
        return max(full, key=lambda m: (len(m.spelled.split()), -m.start)).spelled


class _Clusters:
    def __init__(self) -> None:
        self.all: list[_Cluster] = []
        self.by_key: dict[tuple[str, str], _Cluster] = {}
        self.by_surname: dict[str, list[_Cluster]] = {}
        self.by_first: dict[str, list[_Cluster]] = {}
        self.by_acronym: dict[str, list[_Cluster]] = {}
        self.by_head: dict[str, list[_Cluster]] = {}
        self.other_words: set[str] = set()     # words of organization and place names

    def _join(self, raw: _Raw, cluster: _Cluster) -> None:
        raw.cluster = cluster
        cluster.members.append(raw)

    def _new(self, raw: _Raw) -> _Cluster:
        cluster = _Cluster(raw.type)
        self.all.append(cluster)
        self._join(raw, cluster)
        return cluster

    def add_full(self, raw: _Raw) -> None:
        family = "PERSON" if raw.type == "PERSON" else "ORG/LOC"
        if raw.type == "PERSON":
            sur, first = surname(raw.spelled), first_name(raw.spelled)
            key = (family, f"{first} {sur}")
            cluster = self.by_key.get(key)
            if cluster is None:
                # "M. Alvarez" after "Maria Alvarez"
                for c in self.by_surname.get(sur, []):
                    other = first_name(c.name())
                    if first and other and (first[0] == other[0]) and (len(first) == 1 or len(other) == 1):
                        cluster = c
                        break
            if cluster is None:
                cluster = self._new(raw)
                self.by_surname.setdefault(sur, []).append(cluster)
                if first:
                    self.by_first.setdefault(first, []).append(cluster)
            else:
                self._join(raw, cluster)
            self.by_key[key] = cluster
            return
        key = (family, name_key(raw.text, raw.type))
        cluster = self.by_key.get(key)
        if cluster is None:
            cluster = self.by_key[key] = self._new(raw)
            for a in acronyms(raw.text):
                self.by_acronym.setdefault(a, []).append(cluster)
            words = raw.text.split()
            if len(words) > 1:
                self.by_head.setdefault(words[-1].lower(), []).append(cluster)
        else:
            self._join(raw, cluster)

    def attach(self, raw: _Raw, explicit: dict[str, _Raw]) -> None:
        """A surname, acronym or nominal: join a name given in the article, or stand alone."""
        if raw.kind == "acronym":
            code = acronym_of(raw.text)
            intro = explicit.get(code)
            if intro is not None and intro.cluster is not None and intro is not raw:
                return self._join(raw, intro.cluster)
            # initials alone do not define an acronym ("BP" beside "Bolivar Peninsula"):
            # it keeps its own name, and the name it may stand for goes to the corpus
            # stage, which knows whether other articles read it so too
            raw.candidate = self._pick(self.by_acronym.get(code, []), raw.start)
            target = None
            key = ("ORG/LOC", code.lower())
        elif raw.kind == "role":
            target = self._pick([c for c in self.all if c.type == "PERSON" and any(
                _role_head(m.role) == raw.nominal_head for m in c.members if m.role)], raw.start,
                earlier_only=True)
            key = None
        elif raw.kind == "nominal":
            target = self._pick(self.by_head.get(raw.nominal_head or "", []), raw.start,
                                earlier_only=True)
            key = None
        else:   # a one-word personal name: surname, else first name ("Maria")
            word = surname(raw.text)
            target = self._pick(self.by_surname.get(word, []), raw.start)
            # a first name alone ("Maria"), unless the word also names a place or
            # organization in the article (a mislabelled "Riverton" is not a first name)
            if target is None and word not in self.by_surname and word not in self.other_words:
                target = self._pick(self.by_first.get(word, []), raw.start)
            key = ("PERSON", f" {word}")
        if target is None and key is not None:
            target = self.by_key.get(key)
            if target is None:
                self.by_key[key] = self._new(raw)
                return
        if target is not None:
            self._join(raw, target)

    def join_short_orgs(self) -> None:
        """"the Brotherhood" after "Muslim Brotherhood", "the Guard" after "Coast Guard": a
        one-word organization that is the head word of exactly one longer organization
        name of the article is that organization (heads that name organizations only:
        "House" may be the White House or the House of Representatives)."""
        longer: dict[str, list[_Cluster]] = {}
        for c in self.all:
            words = c.name().split()
            if c.type == "ORG" and len(words) > 1 and words[-1].lower() in ORG_HEADS:
                longer.setdefault(words[-1], []).append(c)
        for c in list(self.all):
            if c.type != "ORG" or len(c.name().split()) != 1 or len(longer.get(c.name(), [])) != 1:
                continue
            target = longer[c.name()][0]
            for m in c.members:
                m.cluster = target
            target.members.extend(c.members)
            self.all.remove(c)

    @staticmethod
    def _pick(candidates: list[_Cluster], pos: int, earlier_only: bool = False) -> _Cluster | None:
        """The most recent candidate named before `pos`; with none before, the only one."""
        before = [(max(p for p in c.positions() if p < pos), i, c)
                  for i, c in enumerate(candidates) if any(p < pos for p in c.positions())]
        if before:
            return max(before, key=lambda x: (x[0], x[1]))[2]
        if len(candidates) == 1 and not earlier_only:
            return candidates[0]
        return None


def _missed(doc: "Doc", named: list[_Raw], clusters: _Clusters) -> list[_Raw]:
    """Surnames and acronyms of names the article gave, and "the agency", where the NER
    left them out."""
    taken = set()
    for r in named:
        taken.update(range(r.start, r.end))
    out = []
    for tok in doc:
        i = tok.i
        if i in taken or not tok.is_alpha and not is_acronym(tok.text):
            continue
        low = tok.lower_
        if low == "the" and i + 1 < len(doc) and i + 1 not in taken:
            role = _missed_role(doc, i)
            if role is not None:
                out.append(role)
                continue
        if low in _DETS and i + 1 < len(doc):
            nxt = doc[i + 1]
            if nxt.lower_ in NOMINAL_HEADS and nxt.text.islower() and nxt.lower_ in clusters.by_head \
                    and i + 1 not in taken and not (i + 2 < len(doc) and doc[i + 2].lower_ == "of"):
                out.append(_Raw(i, i + 2, "ORG", _doc_text(doc)[tok.idx:nxt.idx + len(nxt.text)],
                                "nominal", nominal_head=nxt.lower_))
            continue
        if not tok.text[:1].isupper() or low in NOT_NAMES or tok.tag_ not in _NAME_TAGS:
            continue
        prev = doc[i - 1] if i > 0 else None
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue                             # "Alvarez Street": part of another name
        if is_acronym(tok.text) and acronym_of(tok.text) in clusters.by_acronym:
            types = {c.type for c in clusters.by_acronym[acronym_of(tok.text)]}
            out.append(_Raw(i, i + 1, types.pop() if len(types) == 1 else "ORG", tok.text, "acronym"))
        elif low in clusters.by_surname and (prev is None or not prev.text[:1].isupper()
                                             or prev.lower_ in HONORIFICS or prev.lower_ in TITLES
                                             or prev.is_sent_start):
            out.append(_Raw(i, i + 1, "PERSON", tok.text, "surname"))
    return out


def _missed_role(doc: "Doc", i: int) -> _Raw | None:
    """ "the governor", "the county judge": a title with no name after it."""
    j = i + 1
    while j < len(doc) and j - i <= 3 and doc[j].is_alpha and doc[j].lower_ not in ROLE_STOP:
        if doc[j].lower_ in TITLES and doc[j].lower_ not in _WEAK_TITLES:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is not None and (nxt.text[:1].isupper() or nxt.lower_ in TITLES or nxt.lower_ == "of"):
                return None                  # "the governor Tom Weller", "the secretary of ..."
            text = _doc_text(doc)[doc[i].idx:doc[j].idx + len(doc[j].text)]
            return _Raw(i, j + 1, "PERSON", text, "role", nominal_head=_role_head(doc[j].text))
        j += 1
    return None


def _mention(doc: "Doc", raw: _Raw) -> Mention:
    cluster = raw.cluster
    name = cluster.name() if cluster is not None else raw.text
    owner = raw.owner.cluster.name() if raw.owner is not None and raw.owner.cluster is not None \
        else (raw.owner.text if raw.owner is not None else None)
    if owner == name:
        owner = None
    start = doc[raw.start].idx
    expands = raw.candidate.name() if raw.candidate is not None else None
    return Mention(start=start, end=start + len(raw.text), text=raw.text,
                   type=cluster.type if cluster is not None else raw.type, name=name,
                   role=raw.role, role_of=owner, expands=expands if expands != name else None)

