"""Speakers: resolve each quote's own speaker phrase to a name, in reading order,
and give the quotes that have none the one they inherit (step 4 of attribute.py):
from the quote before in the same paragraph (“A,” she said. “B.”), else from the
paragraph just before (its last quote, its reporting clause, or a sentence that
introduces the person: "Ruiz had a warning for residents.").
"""

from __future__ import annotations

from .marks import sentences
from .phrases import first_person
from .speakers import Speaker
from .state import Found, State

__all__ = ["resolve", "sentence_like"]

# Sentences that hand the floor to a person: "Ruiz had a warning for residents."
_INTRO_WORDS = {"warning", "message", "statement", "words", "advice", "response", "reply",
                "answer", "explanation", "view", "verdict", "prediction", "plea", "promise",
                "reaction", "comment", "comments", "remarks", "put it", "explained", "said"}


def resolve(state: State, p: int, ps: int, found: list[Found]) -> None:
    """Resolve the speakers of paragraph p's quotes (`found`, in reading order), give
    the quotes without one the speaker they inherit, and add them to `state.found`."""
    resolved_ids: set[int] = set()
    for f in found:
        if f.speaker is not None and id(f.speaker) not in resolved_ids:
            _resolve_speaker(state, f)
            resolved_ids.add(id(f.speaker))
        if f.kind != "direct" and f.speaker is not None and not f.speaker.nobody:
            # names in what someone said do not speak next: after "He said he would meet
            # Svanberg", "He added" is still the speaker, not Svanberg
            state.resolver.quoted.append((f.start, f.end))
    for i, f in enumerate(found):
        if f.speaker is not None:
            continue
        prev = next((g for g in reversed(found[:i]) if g.speaker is not None), None)
        if prev is not None and f.marked is not None and sentence_like(state.text, f):
            f.speaker, f.cue, f.inherited = prev.speaker, prev.cue, "same paragraph"
            continue
        m = f.marked
        standalone = m is not None and (m.open_at == ps or state.text[ps:m.open_at].rstrip().endswith(":"))
        if not standalone:
            continue
        ctx = _context_speaker(state, p)
        if ctx is not None:
            f.speaker, f.cue, f.inherited = ctx[0], ctx[1], ctx[2]
    state.found.extend(found)


def _resolve_speaker(state: State, f: Found) -> None:
    sp = f.speaker
    if sp is None or sp.name is not None:      # none, or resolved where it was found
        return
    if state.text[sp.core_start:sp.core_end].lower() == "who":
        return
    state.resolver.resolve(sp)


def _context_speaker(state: State, p: int) -> tuple[Speaker, tuple[int, int] | None, str] | None:
    """The speaker a floating quote paragraph inherits from paragraph p - 1: its
    last quote's speaker; else the person a last sentence introduces ("Ruiz had a
    warning for residents." / "…, said:"); else the one person that paragraph is
    about ("Martha Delgado, who lives …, was among the first to sign on.")."""
    before = [f for f in state.found if f.para == p - 1]
    if before and before[-1].speaker is not None:
        return before[-1].speaker, before[-1].cue, "previous paragraph"
    paras = state.paras
    if p == 0 or p - 1 >= len(paras):
        return None
    ps, pe = paras[p - 1]
    tok, text = state.tok, state.text
    sents = sentences(text, ps, pe)
    if not sents:
        return None
    ss, se = sents[-1]
    line = text[ss:se]
    low = line.lower()
    if line.rstrip().endswith(":") or any(w in low for w in _INTRO_WORDS):
        sp = first_person(tok, state.resolver, ss, se)
        if sp is not None:
            return sp, None, "introduced in the paragraph before"
        return None
    people = {m.name for m in state.resolver.overlapping(ps, pe) if m.type == "PERSON"}
    if len(people) == 1:
        sp = first_person(tok, state.resolver, ps, pe)
        if sp is not None:
            return sp, None, "the person the paragraph before is about"
    return None


def sentence_like(text: str, f: Found) -> bool:
    """Does an unattributed quote stand as its own sentence (not a scare quote)?"""
    before = text[max(0, f.marked.open_at - 3):f.marked.open_at]
    return (f.marked.open_at == 0 or before.endswith("\n")
            or before.rstrip()[-1:] in ("", ".", ":", "”", '"'))
