"""storyline's English language pipeline: sentences, tags, parses, names.

storyline ships its own small spaCy pipeline (trained by `scripts/train` from
UD English and Universal NER; its model card is `model/README.md`), so nothing is ever
downloaded. A user who has a spaCy model package installed (`en_core_web_sm`,
`_md`, `_lg`, `_trf`) can pick it by name; every later stage reads the same
`Doc` attributes (sentences, `tag_`, `dep_`, `ents` with PERSON/PER, ORG,
GPE/LOC labels), so nothing else changes.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Code, StorylineError

if TYPE_CHECKING:  # spaCy is imported on first use: reading and cleaning do not need it
    from spacy.language import Language

__all__ = ["MODEL_DIR", "DEFAULT_MODEL", "load", "model_name", "ENTITY_TYPES",
           "normalize_names", "split_person_of_place", "trim_names", "consistent_types"]

MODEL_DIR = Path(__file__).parent / "model"
DEFAULT_MODEL = "storyline"
# Environment override, e.g. a freshly trained model-best while developing.
_ENV = "STORYLINE_MODEL"

# Entity labels of the models storyline can run, mapped to its three types.
# Our model uses UNER's PER/ORG/LOC; spaCy's OntoNotes models use PERSON/ORG/GPE/LOC/FAC/NORP.
ENTITY_TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG",
                "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}

# Components the build never reads: skipping them saves time on every article.
_UNUSED = ("morphologizer", "trainable_lemmatizer", "lemmatizer", "attribute_ruler")


def model_name(name: str | None = None) -> str:
    """The model a build will use: an explicit name, else $STORYLINE_MODEL, else ours."""
    return name or os.environ.get(_ENV) or DEFAULT_MODEL


def load(name: str | None = None, *, full: bool = False) -> "Language":
    """Load a pipeline once per process.

    `name`: None or "storyline" for the shipped model, a spaCy package name
    ("en_core_web_sm"), or a path to a saved pipeline. `full=True` keeps the
    lemmatizer and morphologizer (benchmarks); the build does not need them.
    """
    return _load(model_name(name), full)


@lru_cache(maxsize=4)
def _load(name: str, full: bool) -> "Language":
    try:
        import spacy
    except ImportError as e:  # pragma: no cover - spaCy is a dependency
        raise StorylineError(Code.E015, f"language model not available: spaCy is not installed ({e})")
    target: str | Path = MODEL_DIR if name == DEFAULT_MODEL else name
    if name == DEFAULT_MODEL and not (MODEL_DIR / "config.cfg").exists():
        raise StorylineError(
            Code.E015, f"language model not available: storyline's model is missing from {MODEL_DIR}; "
            "reinstall storyline or train one with scripts/train (see scripts/train/README.md)")
    exclude = () if full else _UNUSED
    try:
        nlp = spacy.load(target, exclude=list(exclude))
    except (OSError, ValueError) as e:   # missing, or saved by an incompatible spaCy
        raise StorylineError(
            Code.E015, f"language model not available: cannot load {name!r} "
            f"(install it, e.g. `pip install {name}`, or give a path to a saved spaCy pipeline): {e}")
    if "ner" in nlp.pipe_names:
        _register()
        nlp.add_pipe(_NAMES, after="ner")
    _use_fast_gemm(nlp)
    return nlp


def _use_fast_gemm(nlp: "Language") -> None:
    """Matrix products of the pipeline's layers through numpy's BLAS, on one thread.

    thinc multiplies with cython-blis, whose wheel runs its generic reference kernel on
    CPUs it does not recognise: 30 GFLOPS against OpenBLAS's 96 on this machine's AMD
    EPYC (one core), and the language pipeline is most of a build's time. The products
    are the same sums; the parses, tags and names of 100 timeline17 articles came out
    identical (bench/throughput.py). One BLAS thread: the build runs one process per
    core, and OpenBLAS's own threads on top made a build use twice the CPU time.
    """
    if not _matmul_ops_ok():
        return
    ops = _matmul_ops()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and type(model.ops).__name__ == "NumpyOps":
            for node in model.walk():
                node.ops = ops


@lru_cache(maxsize=1)
def _matmul_ops_ok() -> bool:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:   # pragma: no cover - a dependency; without it stay on blis
        return False
    threadpool_limits(1, user_api="blas")
    return True


@lru_cache(maxsize=1)
def _matmul_ops():
    """One instance per process; thinc is imported here, not when storyline is."""
    import numpy
    from thinc.api import NumpyOps

    class MatmulOps(NumpyOps):
        """thinc's NumpyOps with gemm by numpy.matmul (see `_use_fast_gemm`)."""

        def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

    return MatmulOps()


_NAMES = "storyline_names"


def normalize_names(doc):
    """The same names from any model: UNER's spans, and persons apart from their places.

    spaCy's OntoNotes models put a leading "the" inside names ("the White House", "the
    BBC") and sometimes a trailing "'s"; storyline's model, trained on UNER, leaves both
    out. Entities, mentions and merges key on the name, so both engines must agree."""
    return consistent_types(split_person_of_place(trim_names(doc)))


def consistent_types(doc):
    """One name, one type in an article.

    A recognizer decides each mention from a few words around it, so "Seagal" after
    "Steven Seagal" can come out a place, or not be found. A reader knows better: a word
    that is the surname of a person named in full in the article is that person (found
    where the recognizer missed it, except at the start of a sentence, where capitals say
    nothing), and a name the recognizer typed differently across the article gets the
    type it gave most often."""
    persons = [e for e in doc.ents if ENTITY_TYPES.get(e.label_) == "PERSON"]
    person_label = persons[0].label_ if persons else None
    surnames = {e[-1].text for e in persons
                if len(e) > 1 and all(t.is_title or not t.is_alpha for t in e)
                and e[-1].is_alpha and len(e[-1].text) > 2}
    full = {e.text for e in persons if len(e) > 1}
    votes: dict[str, Counter] = {}
    for e in doc.ents:
        votes.setdefault(e.text, Counter())[e.label_] += 1
    out, changed = [], False
    for e in doc.ents:
        label = e.label_
        if person_label and (e.text in surnames or e.text in full):
            label = person_label
        else:
            counts = votes[e.text].most_common(2)
            if len(counts) == 1 or counts[0][1] > counts[1][1]:   # a tie stays as it was
                label = counts[0][0]
        changed |= label != e.label_
        out.append(e if label == e.label_ else _span(doc, e.start, e.end, label))
    if person_label and surnames:
        taken = {i for e in out for i in range(e.start, e.end)}
        for t in doc:
            if t.text in surnames and t.i not in taken and not t.is_sent_start \
                    and (t.i == 0 or not doc[t.i - 1].is_title):
                out.append(_span(doc, t.i, t.i + 1, person_label))
                changed = True
    if changed:
        doc.ents = sorted(out, key=lambda e: e.start)
    return doc


def trim_names(doc):
    """A leading "the" and a trailing possessive "'s" are not part of a name."""
    out, changed = [], False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if end - start > 1 and doc[start].lower_ == "the":
            start += 1
        if end - start > 1 and doc[end - 1].lower_ in ("'s", "’s"):
            end -= 1
        changed |= (start, end) != (ent.start, ent.end)
        out.append(ent if (start, end) == (ent.start, ent.end) else _span(doc, start, end, ent.label_))
    if changed:
        doc.ents = out
    return doc


def split_person_of_place(doc):
    """"Dana Whitfield of Riverton" is a person and a place, not one person's name.

    Recognizers trained on web text take "of" + a capitalized word into person
    names (news writes "Name of Town" for residents and officials); a modern
    person's name does not contain "of". The part after "of" becomes a place
    (the pipeline's own place label, LOC or GPE)."""
    out, changed = [], False
    for ent in doc.ents:
        of = next((t.i for t in ent[1:-1] if t.lower_ == "of"), None) \
            if ENTITY_TYPES.get(ent.label_) == "PERSON" else None
        if of is None or not doc[of + 1].is_title or not all(t.is_title for t in doc[ent.start:of]):
            out.append(ent)
            continue
        # UNER's PER goes with LOC, OntoNotes' PERSON with GPE
        place = "LOC" if ent.label_ == "PER" else "GPE"
        out += [_span(doc, ent.start, of, ent.label_), _span(doc, of + 1, ent.end, place)]
        changed = True
    if changed:
        doc.ents = out
    return doc


def _span(doc, start: int, end: int, label: str):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory(_NAMES):
        Language.component(_NAMES, func=normalize_names)
