"""Named entities (PER/ORG/LOC) of storyline's language pipeline on Universal NER English.

Data: `uner_english/en_ewt-ud-test.iob2` (UNER EWT test: web text, 2,077 sentences) and
`en_pud-ud-test.iob2` (UNER PUD test: 500 news + 500 Wikipedia sentences), read with
scripts/train/convert.py's reader (its `iob_to_spans` drops OTH, as in training). Gold tokens:
each gold document (`# newdoc`) becomes one spaCy Doc with UNER's words and spacing, and the
pipeline runs on it, as the build runs on a whole article.

Score: exact span + type, micro-averaged precision, recall and F1 over all entities (the
CoNLL / UNER metric), with the same per type. Published anchors (XLM-R large, UNER paper):
EWT 86.0, PUD 80.1; targets >= 82 / >= 78.

Side by side: every installed `en_core_web_{sm,md,lg,trf}` package on the same gold tokens,
its labels mapped PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, the others dropped (the
mapping storyline.nlp.ENTITY_TYPES applies to every model), its spans as storyline.nlp.load()
gives them to the build (a leading "the" and a trailing "'s" dropped, as UNER does). None
installed: said and skipped.

    python bench/ner.py [--data ../shared/data] [--model NAME|PATH] [--show-errors ewt|pud]

--model defaults to the shipped model (storyline.nlp.load(), honoring $STORYLINE_MODEL).
Last stdout line: {"bench": "ner", "ewt_f1", "pud_f1", "ewt_p", "ewt_r", "pud_p", "pud_r",
"<split>_<TYPE>_f1", "words_per_s", "model", "spacy_<package>_<split>_f1" for installed
packages}; scores are fractions.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path


from _data import DEFAULT_DATA, installed_spacy_packages, load_convert  # noqa: E402

from storyline import nlp as storyline_nlp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPLITS = {"ewt": "en_ewt-ud-test.iob2", "pud": "en_pud-ud-test.iob2"}
# --dev: the split rules after the recognizer are tuned on (never the test files above)
DEV_SPLITS = {"ewtdev": "en_ewt-ud-dev.iob2"}
TYPES = ("PER", "ORG", "LOC")
# spaCy's OntoNotes labels onto UNER's; NORP, PRODUCT, EVENT, ... have no UNER type.
ONTONOTES = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_docs(path: Path, convert) -> list[tuple[list[str], list[bool], set]]:
    """Gold documents: (words, spaces, {(start, end, type)}) with doc-level token indices."""
    with open(path, encoding="utf-8") as f:
        sents = convert.read_iob2(f)
    docs: list[tuple[list[str], list[bool], set]] = []
    for s in sents:
        if s.newdoc or not docs:
            docs.append(([], [], set()))
        words, spaces, ents = docs[-1]
        if spaces:
            spaces[-1] = True  # sentences of a document are separated by a space
        base = len(words)
        words.extend(t.text for t in s.tokens)
        spaces.extend(t.space for t in s.tokens)
        spaces[-1] = False
        ents.update((base + a, base + b, lab) for a, b, lab in s.ents or [])
    return docs


def predict(nlp, docs, labels: dict[str, str]) -> tuple[list[set], float]:
    from spacy.tokens import Doc

    inputs = [Doc(nlp.vocab, words=w, spaces=sp) for w, sp, _ in docs]
    start = time.perf_counter()
    out = []
    for doc in nlp.pipe(inputs):
        out.append({(e.start, e.end, labels[e.label_]) for e in doc.ents if e.label_ in labels})
    return out, time.perf_counter() - start


def score(gold: list[set], pred: list[set]) -> dict[str, float]:
    c: Counter = Counter()
    for g, p in zip(gold, pred):
        for t in (None, *TYPES):
            gt = {e for e in g if t is None or e[2] == t}
            pt = {e for e in p if t is None or e[2] == t}
            c[(t, "tp")] += len(gt & pt)
            c[(t, "gold")] += len(gt)
            c[(t, "pred")] += len(pt)
    out = {}
    for t in (None, *TYPES):
        tp, ng, np_ = c[(t, "tp")], c[(t, "gold")], c[(t, "pred")]
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        key = "" if t is None else f"{t}_"
        out.update({f"{key}p": p, f"{key}r": r, f"{key}f1": 2 * p * r / (p + r) if p + r else 0.0,
                    f"{key}gold": ng})
    return out


def show_errors(docs, pred, limit: int = 60) -> None:
    shown = 0
    for (words, _, gold), p in zip(docs, pred):
        for a, b, lab in sorted(gold ^ p):
            kind = "missed" if (a, b, lab) in gold else "spurious"
            ctx = " ".join(words[max(0, a - 5):a] + ["["] + words[a:b] + ["]"] + words[b:b + 5])
            print(f"  {kind:8s} {lab:3s} {ctx}")
            shown += 1
            if shown >= limit:
                return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default=None,
                    help="spaCy package name or path (default: the shipped model / $STORYLINE_MODEL)")
    ap.add_argument("--show-errors", choices=tuple(SPLITS) + tuple(DEV_SPLITS), default=None)
    ap.add_argument("--dev", action="store_true",
                    help="score UNER EWT dev instead of the test splits (for tuning)")
    a = ap.parse_args(argv)
    convert = load_convert()
    splits = DEV_SPLITS if a.dev else SPLITS
    data = {s: read_docs(a.data / "uner_english" / f, convert) for s, f in splits.items()}

    model = storyline_nlp.model_name(a.model)
    nlp = storyline_nlp.load(a.model)
    # our labels are UNER's; a spaCy package given with --model speaks OntoNotes
    systems = {str(model): nlp}
    installed = installed_spacy_packages(skip=str(model))
    for p in installed:
        systems[p] = storyline_nlp.load(p)

    results: dict[str, dict[str, dict]] = {}
    seconds = words = 0.0
    for name, pipeline in systems.items():
        results[name] = {}
        for split, docs in data.items():
            pred, secs = predict(pipeline, docs, ONTONOTES)
            results[name][split] = score([g for _, _, g in docs], pred)
            if name == str(model):
                seconds += secs
                words += sum(len(w) for w, _, _ in docs)
                if a.show_errors == split:
                    print(f"errors on {split} (first 60):")
                    show_errors(docs, pred)

    print(f"model: {model}  (components: {', '.join(nlp.pipe_names)})")
    print("exact span + type, micro-averaged, %; gold tokens, one Doc per gold document")
    head = f"{'system':40s} {'test':4s} {'P':>5s} {'R':>5s} {'F1':>5s} | " + \
        " ".join(f"{t + ' F1':>6s}" for t in TYPES) + f" | {'gold':>5s}"
    print(head)
    print("-" * len(head))
    for name, per_split in results.items():
        for split, r in per_split.items():
            print(f"{name[-40:]:40s} {split:4s} {100*r['p']:5.1f} {100*r['r']:5.1f} {100*r['f1']:5.1f} | "
                  + " ".join(f"{100*r[t + '_f1']:6.1f}" for t in TYPES) + f" | {r['gold']:5d}")
    if not installed:
        print("en_core_web_{sm,md,lg,trf}: none installed, side-by-side comparison skipped")
    ours = results[str(model)]
    if not a.dev:
        print(f"targets: EWT >= 82 ({100*ours['ewt']['f1']:.1f}), PUD >= 78 ({100*ours['pud']['f1']:.1f});"
              " anchor XLM-R large 86.0 / 80.1")
    wps = words / seconds if seconds else 0.0
    print(f"speed (build pipeline, gold tokens): {wps:,.0f} words/s")

    out: dict = {"bench": "ner"}
    for split, r in ours.items():
        out[f"{split}_f1"] = round(r["f1"], 4)
    for split, r in ours.items():
        out[f"{split}_p"] = round(r["p"], 4)
        out[f"{split}_r"] = round(r["r"], 4)
        out.update({f"{split}_{t}_f1": round(r[f"{t}_f1"], 4) for t in TYPES})
    for name, per_split in results.items():
        if name != str(model):
            out.update({f"spacy_{name}_{s}_f1": round(r["f1"], 4) for s, r in per_split.items()})
    out["words_per_s"] = round(wps)
    out["model"] = str(model)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
