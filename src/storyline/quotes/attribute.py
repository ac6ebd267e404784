"""Who said what: direct, partial and indirect quotes with their speakers.

One pass over the article, paragraph by paragraph, in reading order (speakers of
later quotes are resolved against the ones before):

1. quote marks give the direct quotes (marks.py);
2. each direct quote looks for its attribution right after its closing mark
   ("…,” she said. / …,” said Alvarez / …” — the mayor) or right before its opening
   mark (Alvarez said: “… / Alvarez: “… / According to the letter, “…) (direct.py);
3. each reporting verb not used by a direct quote makes an indirect quote from its
   sentence ("X said (that) …", "…, X said.", "according to X, …"); a direct quote
   inside that content makes the whole a partial (mixed) quote (indirect.py);
4. quotes still without a speaker inherit one: from the quote before in the same
   paragraph (“A,” she said. “B.”), else from the paragraph just before (its last
   quote, its reporting clause, or a sentence that introduces the person:
   "Ruiz had a warning for residents.") (inherit.py);
5. a paragraph that opens a quote and leaves it open continues into the next
   paragraph's opening mark: the two become one quote (here).

The passes share a `State` (state.py: the article, the quotes found so far, the cues
taken) and the speaker-phrase helpers of phrases.py.

A quote interrupted by its attribution (“A,” she said. “B.”) gives TWO Quotes with
the same speaker and the same cue evidence, so each Quote's text is exactly
body[start:end]; group them by cue offsets to get the one utterance.
"""

from __future__ import annotations

from ..model import Evidence, Mention, Quote
from .direct import attribution, speaker_label, trim
from .indirect import indirect_quotes
from .inherit import resolve, sentence_like
from .marks import Marked, paragraphs, quote_spans, sentences
from .speakers import Resolver, Tokens, names_someone
from .state import Found, State

__all__ = ["find_quotes", "mentions_from_ents"]

_NAME_EDGES = " \n―—–-\"“”'’‘,:"
# A quote of fewer words, with no attribution near it, is a scare quote or a title.
# (tuned on PolNeAR dev: shorter unattributed quotes were mostly not attributions)
_MIN_FLOATING_WORDS = 4


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
    state = State(tok, Resolver(tok, list(mentions)))
    state.paras = paragraphs(text)
    carried = False
    all_marks = []
    for ps, pe in state.paras:
        marks = quote_spans(text, ps, pe, open_from_before=carried)
        doubles = [m for m in marks if not m.single]
        carried = bool(doubles) and doubles[-1].close_at is None and doubles[-1].open_at == ps
        all_marks.append(marks)
    # names inside quotes do not speak (pronouns skip them)
    state.resolver.quoted = [(m.start, m.end) for marks in all_marks for m in marks if not m.single]
    for p, ((ps, pe), marks) in enumerate(zip(state.paras, all_marks)):
        _paragraph(state, p, ps, pe, marks)
    return _merge_and_build(state)


def _paragraph(state: State, p: int, ps: int, pe: int, marks: list[Marked]) -> None:
    """Steps 1-4 of the module doc for paragraph p, [ps, pe) with its quote marks."""
    text = state.text
    found: list[Found] = []
    sents = sentences(text, ps, pe)
    label = speaker_label(state, p, ps, pe)
    if label is not None:     # a transcript's "PENCE: …": the paragraph is the quote
        found.append(label)
        marks = [m for m in marks if m.open_at > label.start or (m.close_at or m.end) < label.start]
    doubles = [m for m in marks if not m.single]
    for m in marks:      # 'single' marks too: British style, or a headline's quote
        attr = attribution(state, m, ps, pe)
        if attr:
            found.append(Found(m.start, trim(text, m.start, m.end), "direct", attr[0], attr[1], m, p))
    taken = [(f.marked.open_at, (f.marked.close_at or f.end) + 1) if f.marked else (f.start, f.end)
             for f in found]
    for ss, se in sents:
        found.extend(indirect_quotes(state, p, ss, se, marks, taken))
    # direct quotes inside an indirect content belong to it (a mixed quote)
    covered = [(f.start, f.end) for f in found if f.kind != "direct"]
    attributed = {id(f.marked) for f in found if f.marked is not None}
    for m in doubles:
        if id(m) in attributed or any(a <= m.open_at and (m.close_at or m.end) < b for a, b in covered):
            continue
        found.append(Found(m.start, trim(text, m.start, m.end), "direct", None, None, m, p))
    found.sort(key=lambda f: f.start)
    found = [f for f in found if not _inside_other(f, found)]
    resolve(state, p, ps, found)


def _inside_other(f: Found, found: list[Found]) -> bool:
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


def _merge_and_build(state: State) -> list[Quote]:
    """Step 5 of the module doc, then the Quotes (unattributed quotes only when they
    stand as sentences of a few words)."""
    text, paras = state.text, state.paras
    merged: list[Found] = []
    for f in state.found:
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
                                  len(text[f.start:f.end].split()) < _MIN_FLOATING_WORDS):
            continue
        if f.speaker is None and f.marked is not None and not sentence_like(text, f):
            continue
        quotes.append(_quote(text, state.tok, f))
    return quotes


def _quote(text: str, tok: Tokens, f: Found) -> Quote:
    sp = f.speaker
    evidence = []
    cue_text = None
    if f.cue is not None:
        cue_text = text[f.cue[0]:f.cue[1]]
        evidence.append(Evidence(cue_text, f.cue[0], f.cue[1], "body", "cue"))
    if sp is not None:
        note = "speaker" if not f.inherited else f"speaker, inherited: {f.inherited}"
        evidence.append(Evidence(sp.text, sp.start, sp.end, "body", note))
    kind = f.kind
    name = sp.name if sp is not None and sp.name else (sp.text if sp is not None else None)
    if sp is not None and sp.nobody:
        name = None                     # "I said", "a senior official said": no one named
    if name:
        name = name.strip(_NAME_EDGES) or name
    if name and sp.type != "DOC" and not names_someone(tok, sp.core_start, sp.core_end, name):
        # "you", "who", "officials" the text gave and nothing resolved: the evidence
        # keeps the phrase, the quote names no one (a document still speaks: "the audit")
        name = None
    return Quote(id="", article_id="", text=text[f.start:f.end], speaker=None,
                 speaker_name=name, kind=kind, start=f.start, end=f.end,
                 evidence=evidence, role=sp.role if name else None, cue=cue_text)
