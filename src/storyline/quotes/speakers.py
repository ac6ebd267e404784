"""Speaker phrases: find the noun phrase next to a cue, and resolve it to a name.

Token-level, on the spaCy Doc. Tags (PTB) are used when they are there, but every
decision has a lexical fallback (capitalized words, pronouns, job nouns), so a weak
or missing tagger degrades the results instead of breaking them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Mention
from ..text.calendar import WEEKDAY_NAMES
from .cues import DOCUMENT_NOUNS, GROUP_NOUNS, PRONOUNS, ROLE_NOUNS, cue_kind, is_document

__all__ = ["Tokens", "Speaker", "Resolver", "TITLES", "agentive", "np_back", "np_forward",
           "names_someone"]

_NP_TAGS = {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS",
            "HYPH", "NFP"}
# Words that never sit inside a speaker's noun phrase, whatever a tagger says.
_STOP = {
    "that", "which", "whom", "whose", "would", "will", "could", "should", "can", "may", "might",
    "must", "and", "or", "but", "nor", "to", "is", "was", "are", "were", "be", "been", "being",
    "has", "have", "had", "do", "does", "did", "not", "if", "when", "while", "as", "than", "so",
    "because", "after", "before", "since", "then", "also", "there", "here", "this", "these",
    "those", "in", "on", "into", "by", "with", "about", "over", "under", "without", "during", "at",
    "against", "according", "like", "later", "what", "how", "why", "where", "said", "says",
    "told", "added", "wrote", "yesterday", "today", "tonight", *WEEKDAY_NAMES, "said:", "it",
    "its", "he", "she", "they", "we",
    "i", "you", "him", "them", "us", "me", "who", "-", "—", "–",
}
_NP_PREPOSITIONS = {"of", "at", "for", "from"}
# A pronoun stands for someone named in its own sentence or the two before it; further
# back a reader has lost the thread (timeline17 dev: "he" 5+ sentences after a name was
# another person, the one the text introduced without the tagger seeing a name).
_PRONOUN_REACH = 2   # "a spokesman for the agency"
TITLES = {"mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.",
          "capt.", "prof.", "rev.", "sec.", "atty.", "pres.", "president", "senator", "governor",
          "mayor", "secretary", "minister", "chancellor", "judge", "justice", "chief",
          "representative", "congressman", "congresswoman", "prime", "premier", "sheriff",
          "commissioner", "director", "spokesman", "spokeswoman", "ambassador", "general"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "miss", "sir", "lady", "lord", "dame"}
# Kin who share a surname: "Michael Jackson's brother Marlon" is Marlon Jackson.
_KIN = {"brother", "sister", "son", "daughter", "father", "mother", "brothers", "sisters",
        "sons", "daughters", "uncle", "aunt", "nephew", "niece", "cousin", "grandson",
        "granddaughter", "grandfather", "grandmother"}
_FEMALE = {"she", "her", "mrs.", "ms.", "mrs", "ms", "spokeswoman", "congresswoman", "chairwoman",
           "councilwoman"}
_MALE = {"he", "his", "him", "mr.", "mr", "spokesman", "congressman", "chairman", "councilman"}


def _title_before(text: str, start: int) -> str | None:
    """"Mayor" of "Mayor Maria Alvarez", "Police Chief" of "Police Chief Ana Ruiz"."""
    words = text[max(0, start - 60):start].split()
    title: list[str] = []
    for w in reversed(words):
        if w.lower() in TITLES or w.lower() in ROLE_NOUNS or (title and w[:1].isupper() and w.isalpha()):
            title.insert(0, w)
        else:
            break
    while title and title[0].lower() not in TITLES and title[0].lower() not in ROLE_NOUNS and len(title) > 1 \
            and not title[0][:1].isupper():
        title.pop(0)
    if not title or title[-1].lower() in ("mr.", "mrs.", "ms.", "dr."):
        return None
    return " ".join(title)


def _title_in(phrase: str) -> str | None:
    """"Alder County Judge" of "Alder County Judge Ana Ruiz": the words up to the last
    job word, when a name follows it."""
    words = phrase.split()
    jobs = [i for i, w in enumerate(words) if w.lower().strip(",") in TITLES or w.lower() in ROLE_NOUNS]
    if not jobs or jobs[-1] == len(words) - 1:
        return None
    title = " ".join(words[:jobs[-1] + 1]).strip(" ,")
    return None if title.lower() in ("mr.", "mrs.", "ms.", "dr.") else title


class Tokens:
    """The Doc as plain lists (fast to index), with char -> token lookup."""

    def __init__(self, doc) -> None:
        self.text = doc.text
        self.words, self.tags, self.starts, self.ends = [], [], [], []
        self.sent_starts: list[int] = []   # char offsets where sentences start
        starts_next = False
        for t in doc:                      # one pass: making Token objects is the cost
            w = t.text
            self.words.append(w)
            self.tags.append(t.tag_)
            self.starts.append(t.idx)
            self.ends.append(t.idx + len(w))
            starts = t.is_sent_start or starts_next
            # (a paragraph break opens the sentence of the word after it)
            starts_next = bool(starts and t.is_space)
            if starts and not t.is_space:
                self.sent_starts.append(t.idx)
        self.lower = [w.lower() for w in self.words]
        self.n = len(self.words)
        self.inside_caps: set[str] | None = None   # see names_someone
        self.ent = [-1] * self.n          # index of the entity a token is in, -1 for none
        self.person = [False] * self.n    # inside a person's name
        self.people = [False] * self.n    # a nationality or group: "Egyptians", "Democrats"
        self.place = [False] * self.n     # inside a place's name
        for k, ent in enumerate(doc.ents):
            is_person = ent.label_ in ("PER", "PERSON")
            for i in range(ent.start, ent.end):
                self.ent[i] = k
                self.person[i] = is_person
                self.people[i] = ent.label_ == "NORP"
                self.place[i] = ent.label_ in ("LOC", "GPE", "FAC")

    def at(self, char: int) -> int:
        """Index of the token that contains or follows `char`."""
        i = bisect_right(self.starts, char) - 1
        if i >= 0 and self.ends[i] > char:
            return i
        return i + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Token range [a, b) covering chars [start, end)."""
        return self.at(start), max(self.at(start), bisect_right(self.starts, end - 1))

    def recent_start(self, char: int, back: int = _PRONOUN_REACH) -> int:
        """Where the sentence `back` sentences before the one holding `char` starts:
        how far back a pronoun looks for the one it stands for."""
        k = bisect_right(self.sent_starts, char) - 1 - back
        return self.sent_starts[k] if k >= 0 else 0

    def is_cap(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper() and any(c.isalpha() for c in w)

    def head_ok(self, i: int) -> bool:
        """Can token i end a speaker's noun phrase?"""
        low = self.lower[i]
        if low in PRONOUNS or low in ROLE_NOUNS or is_document(low) or low in GROUP_NOUNS:
            return True
        if low in _STOP or cue_kind(low) or not any(c.isalnum() for c in low):
            return False
        return self.is_cap(i) or self.tags[i] in ("NN", "NNS", "NNP", "NNPS")

    def np_ok(self, i: int) -> bool:
        """Can token i sit inside a speaker's noun phrase?"""
        low = self.lower[i]
        if low in ("'s", "’s", "'", "’", "-", "(", ")", "."):
            return True
        if low in _PLACE_WORDS:
            return True
        if is_document(low) and not self.tags[i].startswith("VB"):
            return True            # "a report", "the poll" (also cue verbs)
        if low in _STOP or low in PRONOUNS or cue_kind(low):
            return False
        if self.is_cap(i) or low in TITLES or low in ROLE_NOUNS or low in GROUP_NOUNS:
            return True
        return self.tags[i] in _NP_TAGS and any(c.isalnum() for c in low)

    def modifier(self, i: int) -> bool:
        """A gerund modifying the noun after it: "staffing" of "DEQ staffing records"."""
        return (self.lower[i].endswith("ing") and self.tags[i] in ("VBG", "NN") and i + 1 < self.n
                and self.tags[i + 1] in ("NN", "NNS") and self.words[i + 1].islower()
                and not cue_kind(self.lower[i]) and self.lower[i] not in _STOP)


@dataclass
class Speaker:
    """A speaker phrase in the text and what it resolved to."""

    start: int                    # char offsets of the whole phrase (with apposition)
    end: int
    text: str
    core_start: int               # the name part ("Maria Alvarez" of "Maria Alvarez, the mayor")
    core_end: int
    role: str | None = None       # as the phrase states it (apposition or title)
    name: str | None = None       # resolved full name
    type: str | None = None       # PERSON | ORG | DOC | None
    notes: list[str] = field(default_factory=list)
    # the phrase is the speaker's, but names no one ("I", "a senior official", the
    # subject of a passive "is accused of"): evidence only, the quote stays unattributed
    nobody: bool = False


# Lower-case words that sit before an organization's name: "the state Department of …"
_PLACE_WORDS = {"state", "federal", "national", "local", "city", "county", "regional", "provincial",
                "former", "then", "longtime", "veteran", "top", "senior", "chief", "deputy", "acting"}
_QUANTITIES = {"percent", "majority", "most", "many", "some", "half", "quarters", "third", "thirds",
               "share", "number", "one", "two", "three", "four", "five", "six", "seven", "eight",
               "nine", "ten", "dozens", "hundreds", "thousands", "millions", "all", "none", "each",
               "both", "several", "few", "minority", "plurality", "percentage", "fraction"}


# Words that make no name however they are written: "You", "Officials", "Our people".
_GENERIC = PRONOUNS | ROLE_NOUNS | GROUP_NOUNS | DOCUMENT_NOUNS | _QUANTITIES | {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "other", "people", "experts", "analysts", "witnesses", "demonstrators", "protesters",
    "investigators", "residents", "critics", "scientists", "forecasters", "reporters",
    "organizers", "police", "authorities", "you", "me", "us", "them",
    "et", "est", "edt", "cdt", "cst", "pst", "pdt", "gmt", "bst", "utc"}   # "1:53 p.m. ET"
_SENTENCE_OPENERS = {".", "!", "?", ":", ";", "\"", "“", "``", "''", "--", "—"}


def names_someone(tok: Tokens, start: int, end: int, name: str | None = None) -> bool:
    """Does a speaker name a person, organization or document by name ("Ana Ruiz", "the
    EPA", "an Associated Press poll"), not only by pronouns and common nouns ("you",
    "who", "officials", "Our people", "the company")? `name`: what the phrase at chars
    [start, end) was resolved to ("he" -> "Ana Ruiz"); it must hold a capitalized
    word that is no such common word. The phrase itself, when it is the name, must
    hold a proper noun: tagged so, or capitalized inside a sentence somewhere in the
    article (the tagger calls a sentence-initial "Tso" a verb)."""
    phrase = tok.text[start:end]
    if name is not None and name not in phrase:
        return any(w[:1].isupper() and w.lower() not in _GENERIC for w in name.split())
    if name:                        # "Privately" of "Privately, a senior official"
        start += phrase.find(name)
        end = start + len(name)
    a, b = tok.span(start, end)
    inside = _capitalized_inside(tok)
    return any(tok.is_cap(i) and tok.lower[i] not in _GENERIC
               and (tok.tags[i] in ("NNP", "NNPS") or tok.words[i] in inside) for i in range(a, b))


def _capitalized_inside(tok: Tokens) -> set[str]:
    """Words the article capitalizes inside a sentence somewhere: names are written so
    wherever they stand, "Privately" and "Investigators" only when they open one."""
    if tok.inside_caps is None:
        tok.inside_caps = {tok.words[i] for i in range(1, tok.n) if tok.is_cap(i)
                           and tok.words[i - 1] not in _SENTENCE_OPENERS
                           and "\n" not in tok.words[i - 1]}
    return tok.inside_caps


def agentive(word: str) -> bool:
    """A job-like lower-case word ("pollster", "lawmaker", "analyst") before a name."""
    return word in ROLE_NOUNS or word in TITLES or word.endswith(
        ("er", "or", "ist", "ian", "ent", "man", "woman", "ant", "ive"))


def np_back(tok: Tokens, end: int, lo: int) -> int | None:
    """Start token of the noun phrase ending at token `end` (inclusive), not before `lo`."""
    if end >= lo and tok.words[end] == ")":          # "Graham (R-S.C.) said"
        k = end
        while k > lo and tok.words[k] != "(" and end - k < 8:
            k -= 1
        if tok.words[k] == "(" and k - 1 >= lo:
            st = np_back(tok, k - 1, lo)
            return st
        return None
    if end < lo or not tok.head_ok(end):
        return None
    if tok.lower[end] in PRONOUNS:
        return end
    i = end
    while i - 1 >= lo:
        j = i - 1
        if tok.words[j] == ")":
            k = j
            while k > lo and tok.words[k] != "(" and j - k < 8:
                k -= 1
            if tok.words[k] != "(" or k - 1 < lo or not tok.np_ok(k - 1):
                break
            i = k
            continue
        if tok.ent[i] >= 0 and tok.ent[j] >= 0 and tok.ent[j] != tok.ent[i] \
                and tok.lower[i] not in ("'s", "’s"):
            break                  # "the Washington Post Trump": two names, no comma
        if tok.np_ok(j) or tok.modifier(j):
            if tok.is_cap(i) and not tok.is_cap(j) and tok.lower[j] not in ("the", "a", "an") \
                    and tok.tags[j] not in ("JJ", "DT", "PRP$", "POS", "CD") and not agentive(tok.lower[j]) \
                    and tok.lower[j] not in ("'s", "’s", "-", ".") and not tok.person[i] \
                    and tok.lower[j] not in _PLACE_WORDS:
                break              # "the third time AROS said": a name after a lower-case noun
            i = j                  # (but "neurosurgeon Ben Carson": a job before a person)
        elif (tok.lower[j] in ("of", "in") and j - 1 >= lo and (
                tok.lower[j - 1] in _QUANTITIES or tok.tags[j - 1] == "CD" or tok.lower[j - 1][:1].isdigit())):
            i = j - 1              # "Seventy-four percent of voters", "four in 10 voters"
        elif tok.lower[j] == "to" and j - 1 >= lo and (
                tok.lower[j - 1] in ROLE_NOUNS or tok.lower[j - 1] in ("aides", "advisers", "advisors")):
            i = j - 1              # "Aides to Clinton"
        elif (tok.lower[j] in _NP_PREPOSITIONS and j - 1 >= lo and tok.head_ok(j - 1)
              and tok.lower[j - 1] not in PRONOUNS and (
                  tok.lower[j - 1] in ROLE_NOUNS or tok.lower[j - 1] in GROUP_NOUNS
                  or tok.lower[j - 1] in DOCUMENT_NOUNS or tok.is_cap(j - 1) or agentive(tok.lower[j - 1]))):
            i = j - 1            # "officials at the agency": keep going over "at"
        elif (tok.lower[j] == "and" and j - 1 >= lo and tok.head_ok(j - 1)
              and tok.lower[j - 1] not in PRONOUNS and tok.is_cap(j - 1) == tok.is_cap(i)):
            i = j - 1            # "Mr. Grassley and Mr. Leahy said"
        else:
            break
        if end - i > 14:
            break
    while i < end and tok.lower[i] in ("'s", "’s", "-", ")", "(", "'", "’", "."):
        i += 1
    return i


def np_forward(tok: Tokens, start: int, hi: int) -> int | None:
    """End token (exclusive) of a noun phrase starting at `start`, not past `hi`."""
    if start >= hi:
        return None
    if tok.lower[start] in PRONOUNS:
        return start + 1 if tok.lower[start] not in ("it", "who") else None
    i = start
    last_head = None
    while i < hi and (tok.np_ok(i) or tok.modifier(i) or (tok.lower[i] in _NP_PREPOSITIONS and last_head is not None
                                        and i + 1 < hi and tok.np_ok(i + 1))
                      or (last_head is None and tok.tags[i] in ("VBN", "VBG") and i + 1 < hi
                          and tok.np_ok(i + 1) and tok.lower[i] not in _STOP)):
        # (a participle may open the phrase: "retired neurosurgeon Ben Carson")
        if last_head is not None and tok.lower[i] in ("the", "a", "an"):
            break                 # "a preliminary timeline | the company filed"
        if tok.head_ok(i):
            last_head = i
        i += 1
        if i - start > 14:
            break
    if last_head is None:
        return None
    return last_head + 1


class Resolver:
    """Resolve speaker phrases to full names, walking the article in order."""

    def __init__(self, tok: Tokens, mentions: list[Mention]) -> None:
        self.tok = tok
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.recent: list[tuple[int, str, str | None, str]] = []   # (offset, name, role, type)
        self.gender: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.quoted: list[tuple[int, int]] = []   # quoted stretches: names there do not speak
        for m in self.mentions:
            if m.type == "PERSON" and not m.role:
                title = _title_before(tok.text, m.start)
                if title:
                    self.roles.setdefault(m.name, title)
            if m.role and m.name not in self.roles:
                self.roles[m.name] = m.role
            first = m.text.split()[0].lower() if m.text.split() else ""
            if first in _FEMALE:
                self.gender.setdefault(m.name, "f")
            elif first in _MALE:
                self.gender.setdefault(m.name, "m")

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap chars [start, end) (of the 30 starting last before `end`)."""
        i = bisect_right(self.starts, end - 1)
        return [m for m in self.mentions[max(0, i - 30):i] if m.end > start]

    def _before(self, offset: int, types: tuple[str, ...]) -> Mention | None:
        """The latest mention of one of `types` before `offset`, outside quotes."""
        i = bisect_right(self.starts, offset) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.type in types and m.end <= offset and not any(a <= m.start < b for a, b in self.quoted):
                return m
            i -= 1
        return None

    def resolve(self, sp: Speaker) -> Speaker:
        text = self.tok.text[sp.core_start:sp.core_end]
        low = text.lower()
        if low in ("he", "she", "i", "we", "they", "it", "who"):
            self.pronoun(sp, low)
        elif self._nobody(sp, low) or self._owned(sp, text):
            pass
        else:
            inside = self.overlapping(sp.core_start, sp.core_end)
            person = [m for m in inside if m.type == "PERSON"]
            org = [m for m in inside if m.type == "ORG"]
            pick = person[-1] if person else (org[-1] if org else None)
            words = low.replace("’", "'").split()
            head = words[-1] if words else ""
            job = re.match(r"(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?(\w+)\s+(?:of|for|at|to)\s", low)
            if job and job.group(1) in ROLE_NOUNS:
                self._nominal(sp, job.group(1), low.split()[:1] + [job.group(1)])
                pick = None
                inside = []
            last_word = text.split()[-1] if text.split() else ""
            if pick is not None and pick.end < sp.core_end and last_word[:1].isupper() \
                    and last_word not in pick.text:
                # "Judge Ana | Ruiz" (a name cut short by the tagger): trust the surname
                same = [m for m in self.mentions if m.type == "PERSON" and m.name.split()[-1:] == [last_word]]
                if same:
                    pick = max(same, key=lambda m: len(m.name))
                else:
                    longer = self.tok.text[max(pick.start, sp.core_start):sp.core_end]
                    if pick.type == "PERSON" and re.fullmatch(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}", longer):
                        pick = Mention(pick.start, sp.core_end, longer, "PERSON", longer, pick.role)
            if pick is not None and pick.type == "PERSON" and pick.start > sp.core_start \
                    and pick.text == pick.name.split()[-1] != pick.name:
                pick = self._namesake(pick)
            if sp.name:
                pass                                   # named by its job above
            elif is_document(head) and (pick is None or pick.end < sp.core_end) and not last_word[:1].isupper():
                sp.name, sp.type = text, "DOC"         # "DEQ staffing records": the records speak
            elif pick is not None:
                sp.name, sp.type = pick.name, pick.type
                sp.role = sp.role or pick.role or self.roles.get(pick.name)
                if pick.type == "PERSON" and not sp.role:
                    sp.role = _title_in(text)
            elif head in ROLE_NOUNS and head.endswith("s") and head[:-1] in ROLE_NOUNS:
                sp.nobody = True     # "the officials said": several people, none named
            elif head in ROLE_NOUNS and words[0] in ("the", "a", "an", "his", "her", "its", "their"):
                self._nominal(sp, head, words)
            elif head in GROUP_NOUNS and words[0] in ("the", "its", "their") and last_word.islower():
                # ("the Foreign Ministry" is a name of its own, not "the ministry" named before)
                m = self._group(sp.core_start, head)
                sp.name, sp.type = (m.name, "ORG") if m else (text, "ORG")
            else:
                self._surname(sp, text)
        if sp.name and sp.type == "PERSON":
            if not sp.role:
                sp.role = self.roles.get(sp.name)
            elif sp.name not in self.roles:
                self.roles[sp.name] = sp.role
        if sp.name or sp.nobody:
            # an unnamed speaker too: a "they" after "witnesses said" is the witnesses
            self.recent.append((sp.core_start, sp.name or "", sp.role, sp.type or ""))
        return sp

    def _namesake(self, pick: Mention) -> Mention:
        """"Saad Hariri says" where the tagger saw only "Hariri" and the article's Hariri
        is Rafik: a proper noun before the surname that is not the known first name
        names another person of that surname."""
        tok = self.tok
        i = tok.at(pick.start) - 1
        if i < 0 or tok.tags[i] not in ("NNP", "NNPS") or not tok.words[i].isalpha() \
                or not tok.is_cap(i) or tok.ent[i] >= 0 or tok.lower[i] in TITLES \
                or tok.lower[i] in ROLE_NOUNS or tok.lower[i] in _HONORIFICS \
                or tok.words[i] == pick.name.split()[0]:
            return pick
        name = f"{tok.words[i]} {pick.text}"
        return Mention(tok.starts[i], pick.end, name, "PERSON", name)

    def _owned(self, sp: Speaker, text: str) -> bool:
        """"Michael Jackson's brother Marlon", "Assange's lawyers": the one after the
        possessive speaks, never its owner. A lone first name after a kinship word takes
        the owner's surname (Marlon Jackson); a job is the person the article gave it;
        people named by a common noun are the phrase itself. Documents ("BP's
        statement") are left to `resolve`."""
        m = re.match(r"(.*\S)\s?['’]s\s+(.*\w.*)$", text)
        if m is None or is_document(m.group(2).split()[-1].lower()):
            return False
        words = m.group(2).split()
        caps: list[str] = []
        for w in reversed(words):
            if not w[:1].isupper() or w.lower() in TITLES:
                break
            caps.insert(0, w)
        if caps:
            owners = [o for o in self.overlapping(sp.core_start, sp.core_start + len(m.group(1)))
                      if o.type == "PERSON"]
            if len(caps) == 1 and owners and any(w.lower() in _KIN for w in words):
                sp.name, sp.type = f"{caps[0]} {owners[-1].name.split()[-1]}", "PERSON"
                return True
            sp.core_start = sp.core_end - len(" ".join(caps))
            if self.tok.text[sp.core_start:sp.core_end] != " ".join(caps):
                return False                       # odd spacing: resolve the whole
            self.resolve(sp)
            sp.notes.append("possessive: the owner does not speak")
            return True
        head = words[-1].lower()
        owner = self.overlapping(sp.core_start, sp.core_start + len(m.group(1)))
        if owner and all(o.type == "ORG" for o in owner):
            sp.name, sp.type = owner[-1].name, "ORG"   # "the Society's seahorse team": its people
        elif head in ROLE_NOUNS:
            self._nominal(sp, head, words)
        else:
            sp.name, sp.type = text, None
        return True

    def _nobody(self, sp: Speaker, low: str) -> bool:
        """A phrase that names no one the article can know: "a senior State Department
        official" (an indefinite job or group introduces a new, unnamed person; one
        at a named organization speaks for it)."""
        words = low.replace("’", "'").split()
        if len(words) < 2 or words[0] not in ("a", "an") or any(is_document(w) for w in words):
            return False       # ("an AP poll": a document speaks)
        if any(w in ROLE_NOUNS or w in GROUP_NOUNS or w in TITLES for w in words[1:]):
            org = [m for m in self.overlapping(sp.core_start, sp.core_end) if m.type == "ORG"]
            if org:            # "a BP spokesman": the organization speaks through its job
                sp.name, sp.type = org[-1].name, "ORG"
                return True
            sp.nobody = True
            sp.notes.append("indefinite: a person the text does not name")
            return True
        return False

    def pronoun(self, sp: Speaker, low: str) -> None:
        """Resolve `sp`, the pronoun `low` ("she", "they", "who"), to the person or
        organization it stands for, named in its sentence or the two before; else no one."""
        if low == "who":
            sp.notes.append("who: speaker is the phrase before the relative clause")
            return
        if low in _FIRST_PERSON:
            # outside quote marks "I" and "we" are the writer or the anchor, never named
            sp.nobody = True
            sp.notes.append("first person: the writer")
            return
        reach = self.tok.recent_start(sp.core_start)
        if low in ("he", "she"):
            want = {"he": "m", "she": "f"}.get(low)
            m = self._before(sp.core_start, ("PERSON",))
            while m is not None and not self._fits(m.name, want):
                m = self._before(m.start, ("PERSON",))
            m = self._leftmost_in_sentence(m, want)
            if m is not None and m.start < reach:
                m = None
            if self._unnamed_before(sp.core_start):
                return
            for offset, name, role, typ in reversed(self.recent):
                if offset < reach:
                    break
                if typ == "PERSON" and self._fits(name, want) \
                        and (m is None or offset >= m.start or m.name == name):
                    sp.name, sp.role, sp.type = name, sp.role or role, "PERSON"
                    self._learn(name, want)
                    return
            if m is not None:
                sp.name, sp.role, sp.type = m.name, sp.role or m.role or self.roles.get(m.name), "PERSON"
                self._learn(m.name, want)
            return
        for offset, name, role, typ in reversed(self.recent):
            if offset < reach:
                break
            if typ in ("ORG", "DOC"):
                sp.name, sp.type = name, typ
                return
            if not typ:          # "witnesses said …, they said": people the text does not name
                return
        m = self._before(sp.core_start, ("ORG",))
        if m is not None and m.start >= reach and low in ("it", "they"):
            sp.name, sp.type = m.name, "ORG"

    def _unnamed_before(self, offset: int) -> bool:
        """Does the pronoun's sentence bring in an unnamed person before it ("ask an
        expert why he thinks …")? Then the pronoun is that person, not a name before."""
        tok = self.tok
        a, c = tok.at(tok.recent_start(offset, 0)), tok.at(offset)
        return any(tok.lower[i] in ("a", "an") and any(w in ROLE_NOUNS for w in tok.lower[i + 1:min(i + 4, c)])
                   for i in range(a, c))

    def _leftmost_in_sentence(self, m: Mention | None, want: str | None) -> Mention | None:
        """The subject is usually the first person of its sentence: "Sen. Carla Whitfield,
        a Democrat who represents Riverton, …. She called it …" is Whitfield."""
        if m is None:
            return None
        text = self.tok.text
        begin = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start), 0)
        for other in self.overlapping(begin, m.start):
            if other.type == "PERSON" and other.start >= begin and self._fits(other.name, want) \
                    and not any(a <= other.start < b for a, b in self.quoted):
                return other
        return m

    def _group(self, offset: int, head: str) -> Mention | None:
        """The organization "the agency" / "the company" stands for: the latest one
        whose name has the word, else the latest of the right kind (a company, a group:
        not a public body; an agency: a public body), else none."""
        orgs = [m for m in self.mentions if m.type == "ORG" and m.end <= offset
                and not any(a <= m.start < b for a, b in self.quoted)]
        named = [m for m in orgs if head in m.name.lower()]
        if named:
            return named[-1]
        public = ("agency", "department", "ministry", "office", "committee", "council", "commission",
                  "court", "police", "bureau", "university", "school", "party", "government", "board",
                  "authority", "administration", "service", "guard", "army", "military")
        if head in ("company", "firm", "group", "organization"):
            orgs = [m for m in orgs if not any(w in m.name.lower() for w in public)]
        elif head in public:
            # only a public body: "the government" is not the oil company named before
            orgs = [m for m in orgs if any(w in m.name.lower() for w in public)]
        else:
            return None     # "the administration", "the campaign": only one its name says
        return orgs[-1] if orgs else None

    def _fits(self, name: str, want: str | None) -> bool:
        return want is None or self.gender.get(name, want) == want

    def _learn(self, name: str, want: str | None) -> None:
        if want:
            self.gender.setdefault(name, want)

    def _nominal(self, sp: Speaker, head: str, words: list[str]) -> None:
        """'the spokesman': the person the article gave that job, else the phrase."""
        role_words = " ".join(w for w in words if w not in ("the", "a", "an", "his", "her", "its", "their"))
        for m in reversed(self.mentions):
            if m.start < sp.core_start and m.type == "PERSON" and m.role and head in m.role.lower():
                sp.name, sp.type, sp.role = m.name, "PERSON", sp.role or m.role
                return
        for name, role in self.roles.items():
            if head in role.lower():
                sp.name, sp.type, sp.role = name, "PERSON", sp.role or role
                return
        sp.name, sp.type, sp.role = self.tok.text[sp.core_start:sp.core_end], None, sp.role or role_words

    def _surname(self, sp: Speaker, text: str) -> None:
        words = [w for w in text.replace("’", "'").split() if w.lower() not in TITLES]
        last = words[-1].strip(",.'") if words else text
        # the one person of the article with that first name: "Paris" after "Paris
        # Jackson" speaks, the city does not (a surname match comes first, below)
        firsts = {m.name for m in self.mentions if m.type == "PERSON" and len(m.name.split()) > 1
                  and m.name.split()[0] == last}
        if len(words) == 1 and len(firsts) == 1 and not any(
                m.type == "PERSON" and m.name.split()[-1] == last for m in self.mentions):
            sp.name, sp.type = firsts.pop(), "PERSON"
            sp.role = sp.role or self.roles.get(sp.name)
            return
        for m in self.mentions:
            # a surname is a person's; "Foreign Ministry" is not the "Health Ministry"
            if m.name.split() and m.name.split()[-1] == last and (
                    m.type == "PERSON" or m.name == " ".join(words)):
                sp.name, sp.type = m.name, m.type
                sp.role = sp.role or m.role or self.roles.get(m.name)
                return
        for offset, name, role, typ in reversed(self.recent):
            if name.split() and name.split()[-1] == last and (typ == "PERSON" or name == " ".join(words)):
                sp.name, sp.type, sp.role = name, typ, sp.role or role
                return
        caps = []
        for w in reversed(words):
            if not w[:1].isupper():
                break
            caps.insert(0, w)
        if caps and len(caps) < len(words):
            # "22-year-old student Mohamed Ezeldin Ahmed": the words before the name are
            # his description, not his name
            words = caps
        sp.name = " ".join(words) if words else text
        sp.type = "PERSON" if any(w[:1].isupper() for w in words) else None
        a, b = self.tok.span(sp.core_start, sp.core_end)
        if words and (words[-1][:1].islower() or all(w.lower() in _KIN or w.lower() in ROLE_NOUNS
                                                     for w in words)
                      or b > a and all(self.tok.people[i] for i in range(a, b))):
            # "Environmental groups", a headline's "Granddaughter", "Egyptians": common
            # nouns and nationalities name no one
            sp.nobody = True
