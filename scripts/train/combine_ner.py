"""Swap a pipeline's entity recognizer for a separately trained one that has its own tok2vec.

Usage (from the repo root):
    .venv/bin/python scripts/train/combine_ner.py BASE NER OUT

BASE: the joint pipeline (tok2vec shared by tagger/morphologizer/lemmatizer/parser/ner), e.g.
src/storyline/nlp/model. NER: a pipeline trained with scripts/train/ner.cfg (components
`ner_tok2vec`, `ner`). OUT gets BASE's tokenizer (with its news special cases), tok2vec,
tagger, morphologizer, lemmatizer and parser, and NER's `ner_tok2vec` + `ner` in place of
BASE's `ner` (and BASE's own `ner_tok2vec`, if it has one: the shipped pipeline does). The same as a `spacy assemble` config with `source =` for every component, but
it keeps BASE's tokenizer rules, which `spacy assemble` (no initialization) would not.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["combine", "main"]


def combine(base: Path, ner: Path, out: Path) -> list[str]:
    import spacy

    nlp = spacy.load(base)
    ner_nlp = spacy.load(ner)
    for name in ("ner", "ner_tok2vec"):   # BASE may already carry a separate recognizer
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    nlp.add_pipe("ner_tok2vec", source=ner_nlp)
    nlp.add_pipe("ner", source=ner_nlp)
    note = " Entity recognizer with its own tok2vec."
    if note not in nlp.meta.get("description", ""):
        nlp.meta["description"] = nlp.meta.get("description", "") + note
    nlp.to_disk(out)
    return spacy.load(out).pipe_names  # reloading links each listener to its tok2vec


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    print(combine(*(Path(a) for a in args)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
