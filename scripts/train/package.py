"""Copy a trained pipeline into the package as storyline's shipped English model.

    .venv/bin/python scripts/train/package.py build/model96/model-best

Applies the news tokenizer rules of tokenizer.py (so a model trained before a rule was added
gets it), names the pipeline, drops nothing, and writes the model card next to it
(`src/storyline/nlp/model/README.md`, from scripts/train/MODEL_CARD.md). Checks the size
budget (25 MB) before writing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TARGET = ROOT / "src" / "storyline" / "nlp" / "model"
BUDGET_MB = 25.0


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", type=Path, help="a trained pipeline (e.g. build/model96/model-best)")
    ap.add_argument("--out", type=Path, default=TARGET)
    args = ap.parse_args()
    import spacy

    sys.path.insert(0, str(HERE))
    from tokenizer import add_news_special_cases

    nlp = spacy.load(args.model)
    add_news_special_cases(nlp)
    nlp.meta.update(name="storyline_en", version="0.1.0", license="CC BY-SA 4.0",
                    author="storyline", description="storyline's own small English pipeline: "
                    "tagger, morphologizer, lemmatizer, parser, PER/ORG/LOC entity recognizer; "
                    "trained on UD English EWT + GUM (CC-BY genres; GUM's named mentions for "
                    "the recognizer), Universal NER EWT, and silver names on raw news text "
                    "from en_core_web_sm (scripts/train/silver.py).")
    tmp = args.out.with_name(args.out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp.to_disk(tmp)
    shutil.copy(HERE / "MODEL_CARD.md", tmp / "README.md")
    mb = size_mb(tmp)
    if mb > BUDGET_MB:
        shutil.rmtree(tmp)
        print(f"{mb:.1f} MB is over the {BUDGET_MB} MB budget; nothing written", file=sys.stderr)
        return 1
    shutil.rmtree(args.out, ignore_errors=True)
    tmp.rename(args.out)
    print(f"{args.model} -> {args.out} ({mb:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
