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
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Code, StorylineError

if TYPE_CHECKING:  # spaCy is imported on first use: reading and cleaning do not need it
    from spacy.language import Language

__all__ = ["MODEL_DIR", "DEFAULT_MODEL", "load", "model_name", "ENTITY_TYPES",
           "split_person_of_place"]

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
        nlp.add_pipe(_PERSON_OF_PLACE, after="ner")
    return nlp


_PERSON_OF_PLACE = "storyline_person_of_place"


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

    if not Language.has_factory(_PERSON_OF_PLACE):
        Language.component(_PERSON_OF_PLACE, func=split_person_of_place)
