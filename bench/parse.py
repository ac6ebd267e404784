"""Tagging, parsing and sentence boundaries of storyline's language pipeline on UD English.

Data: `ud-english/en_ewt-ud-test.conllu.gz` (the headline) and `en_gum-ccby-test.conllu.gz`
(second line), read with scripts/train/convert.py's reader, so tokens are UD's syntactic words
exactly as in training. Three settings, scored the CoNLL 2018 way (all words, punctuation
included; LAS compares the universal part of DEPREL, subtypes after ':' stripped; the root is
head 0 / "root"):

- gold: gold tokens and gold sentences, one spaCy Doc per sentence (like
  `spacy evaluate --gold-preproc`). Gives the headline UPOS, XPOS, UAS, LAS.
- doc: gold tokens of a whole document; the parser decides where sentences end.
- raw: the document's raw text through the whole pipeline (our tokenizer, our sentences).
  Words are matched to gold words by character span, so UPOS/UAS/LAS are F1 scores
  (CoNLL 2018 shared task: P over system words, R over gold words). This is the setting of
  the UDPipe 1.2 baseline (UPOS 93.6, LAS 77.6 on EWT test).

A document's raw text is its sentences joined by one space inside a paragraph (`# newpar`) and
a blank line between paragraphs, as storyline's article bodies are. Sentence F1 counts a
predicted sentence as correct when its character span (whitespace trimmed) equals a gold one;
the headline `sent_f1` is the raw-text figure, `doc_sent_f1` the gold-token one.

    python bench/parse.py [--data ../shared/data] [--model NAME|PATH]
    python bench/parse.py --check     # the scorer on gold (1.0) and on a perturbed gold

--model defaults to the shipped model (storyline.nlp.load(full=True), honoring
$STORYLINE_MODEL). Last stdout line: {"bench": "parse", "upos", "las", "uas", "sent_f1",
"xpos", "las_subtypes", "doc_las", "doc_sent_f1", "raw_upos", "raw_las", "raw_uas",
"raw_tokens_f1", "gum_*" (the same for GUM), "words_per_s", "model"}; scores are fractions.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


from _data import DEFAULT_DATA, load_convert  # noqa: E402

from storyline import nlp as storyline_nlp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TREEBANKS = {"ewt": "en_ewt-ud-test.conllu.gz", "gum": "en_gum-ccby-test.conllu.gz"}


# -- gold documents -------------------------------------------------------------------


@dataclass
class GoldDoc:
    text: str = ""
    words: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # char span of each word
    upos: list[str] = field(default_factory=list)
    xpos: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # doc-level word index, -1 = root
    deps: list[str] = field(default_factory=list)
    sents: list[tuple[int, int]] = field(default_factory=list)  # word index ranges [a, b)


def newpar_ids(path: Path) -> set[str]:
    """sent_ids of the sentences that open a paragraph (`# newpar` comes before `# sent_id`)."""
    out, pending = set(), False
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newpar"):
                pending = True
            elif line.startswith("# sent_id") and pending:
                out.add(line.split("=", 1)[1].strip())
                pending = False
    return out


def read_docs(path: Path, convert) -> list[GoldDoc]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        sents = convert.read_conllu(f)
    paragraphs = newpar_ids(path)
    docs: list[GoldDoc] = []
    for s in sents:
        if s.newdoc or not docs:
            docs.append(GoldDoc())
        d = docs[-1]
        if d.words:
            d.text += "\n\n" if s.sent_id in paragraphs else " "
        base = len(d.words)
        for i, t in enumerate(s.tokens):
            start = len(d.text)
            d.text += t.text
            d.words.append(t.text)
            d.spans.append((start, len(d.text)))
            d.upos.append(t.upos)
            d.xpos.append(t.xpos)
            d.heads.append(-1 if t.head < 0 else base + t.head)
            d.deps.append("root" if t.head < 0 else t.dep)
            if t.space and i < len(s.tokens) - 1:
                d.text += " "
        d.sents.append((base, len(d.words)))
    return docs


# -- scoring --------------------------------------------------------------------------


def universal(dep: str) -> str:
    return dep.lower().split(":")[0]


class Scores:
    """CoNLL 2018 style counts: correct words over system words (P) and gold words (R)."""

    def __init__(self) -> None:
        self.c: Counter = Counter()

    def f1(self, key: str) -> float:
        p = self.c[key] / self.c["sys_words"] if self.c["sys_words"] else 0.0
        r = self.c[key] / self.c["gold_words"] if self.c["gold_words"] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def sent_f1(self) -> float:
        p = self.c["sent_ok"] / self.c["sys_sents"] if self.c["sys_sents"] else 0.0
        r = self.c["sent_ok"] / self.c["gold_sents"] if self.c["gold_sents"] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: GoldDoc, words: list[tuple[int, int, str, str, int, str]],
            sys_sents: list[tuple[int, int]], offset: int = 0) -> None:
        """`words`: system words as (start, end, upos, xpos, head index into `words` or -1, dep),
        char offsets relative to the gold text shifted by `offset`; `sys_sents`: char spans."""
        gold_index = {sp: i for i, sp in enumerate(gold.spans)}
        aligned = [gold_index.get((a + offset, b + offset)) for a, b, *_ in words]
        c = self.c
        c["sys_words"] += len(words)
        for k, (_, _, upos, xpos, head, dep) in enumerate(words):
            g = aligned[k]
            if g is None:
                continue
            c["tokens"] += 1
            c["upos"] += upos == gold.upos[g]
            c["xpos"] += xpos == gold.xpos[g]
            sys_head = aligned[head] if 0 <= head < len(aligned) else None
            head_ok = (head < 0 and gold.heads[g] < 0) or (
                sys_head is not None and sys_head == gold.heads[g])
            c["uas"] += head_ok
            c["las"] += head_ok and universal(dep) == universal(gold.deps[g])
            c["las_subtypes"] += head_ok and dep.lower() == gold.deps[g].lower()
        gold_sents = {(gold.spans[a][0], gold.spans[b - 1][1]) for a, b in gold.sents}
        c["sys_sents"] += len(sys_sents)
        c["sent_ok"] += sum((a + offset, b + offset) in gold_sents for a, b in sys_sents)

    def add_gold_words(self, gold: GoldDoc, sents: bool = True) -> None:
        self.c["gold_words"] += len(gold.words)
        if sents:
            self.c["gold_sents"] += len(gold.sents)


def system_words(doc) -> tuple[list, list]:
    """Non-whitespace tokens of a parsed Doc as scorer words, and its sentence char spans."""
    keep = [t for t in doc if not t.is_space]
    index = {t.i: k for k, t in enumerate(keep)}
    words = []
    for t in keep:
        root = t.head.i == t.i or t.dep_ == "ROOT"
        # a whitespace head gets an index past the end: it matches no gold word
        head = -1 if root else index.get(t.head.i, len(keep))
        words.append((t.idx, t.idx + len(t.text), t.pos_, t.tag_, head,
                      "root" if root else t.dep_))
    sents = []
    for s in doc.sents:
        toks = [t for t in s if not t.is_space]
        if toks:
            sents.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return words, sents


def evaluate(nlp, docs: list[GoldDoc]) -> dict[str, float]:
    from spacy.tokens import Doc

    gold_s, doc_s, raw_s = Scores(), Scores(), Scores()
    n_words = sum(len(d.words) for d in docs)

    # gold tokens, gold sentences: one Doc per sentence
    sent_docs, owners = [], []
    for d in docs:
        for a, b in d.sents:
            spaces = [d.spans[i][1] < d.spans[i + 1][0] for i in range(a, b - 1)] + [False]
            sent_docs.append(Doc(nlp.vocab, words=d.words[a:b], spaces=spaces))
            owners.append((d, a))
    start = time.perf_counter()
    for doc, (d, a) in zip(nlp.pipe(sent_docs), owners):
        words, _ = system_words(doc)
        # shift the sentence's own char offsets onto the document text
        gold_s.add(d, words, [], offset=d.spans[a][0])
    seconds = time.perf_counter() - start
    for d in docs:
        gold_s.add_gold_words(d, sents=False)

    # gold tokens of whole documents (paragraph breaks kept as whitespace tokens)
    whole = []
    for d in docs:
        words, spaces = [], []
        for i, w in enumerate(d.words):
            words.append(w)
            gap = d.text[d.spans[i][1]:d.spans[i + 1][0]] if i + 1 < len(d.words) else ""
            if gap in ("", " "):
                spaces.append(gap == " ")
            else:
                spaces.append(False)
                words.append(gap)
                spaces.append(False)
        whole.append(Doc(nlp.vocab, words=words, spaces=spaces))
    for doc, d in zip(nlp.pipe(whole), docs):
        assert doc.text == d.text, "gold-token doc does not spell the raw text"
        words, sents = system_words(doc)
        doc_s.add(d, words, sents)
        doc_s.add_gold_words(d)

    # raw text through the whole pipeline
    for doc, d in zip(nlp.pipe(d.text for d in docs), docs):
        words, sents = system_words(doc)
        raw_s.add(d, words, sents)
        raw_s.add_gold_words(d)

    return {
        "upos": gold_s.f1("upos"), "xpos": gold_s.f1("xpos"), "uas": gold_s.f1("uas"),
        "las": gold_s.f1("las"), "las_subtypes": gold_s.f1("las_subtypes"),
        "sent_f1": raw_s.sent_f1(),
        "doc_upos": doc_s.f1("upos"), "doc_uas": doc_s.f1("uas"), "doc_las": doc_s.f1("las"),
        "doc_sent_f1": doc_s.sent_f1(),
        "raw_tokens_f1": raw_s.f1("tokens"), "raw_upos": raw_s.f1("upos"),
        "raw_uas": raw_s.f1("uas"), "raw_las": raw_s.f1("las"),
        "words": n_words, "sentences": sum(len(d.sents) for d in docs), "docs": len(docs),
        "words_per_s": n_words / seconds if seconds else 0.0,
    }


def check(docs: list[GoldDoc]) -> dict[str, float]:
    """The scorer on gold itself (must give 1.0) and on gold with every 10th label changed
    and every 20th head moved to its grandparent (UAS and LAS must drop below 1)."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    out = {}
    for name, bad_dep, bad_head in (("gold", 0, 0), ("perturbed", 10, 20)):
        sc = Scores()
        for d in docs:
            spaces = [d.spans[i][1] < d.spans[i + 1][0] for i in range(len(d.words) - 1)] + [False]
            heads = [i if h < 0 else h for i, h in enumerate(d.heads)]
            deps = ["ROOT" if h < 0 else dep for h, dep in zip(d.heads, d.deps)]
            if bad_dep:
                deps = ["dep" if i % bad_dep == 3 and dep != "ROOT" else dep for i, dep in enumerate(deps)]
            if bad_head:
                # attach to the grandparent (never the word itself)
                heads = [h if i % bad_head != 7 or deps[i] == "ROOT" or heads[h] == i else heads[h]
                         for i, h in enumerate(heads)]
            doc = Doc(vocab, words=d.words, spaces=spaces, pos=d.upos, tags=d.xpos,
                      heads=heads, deps=deps)
            words, sents = system_words(doc)
            # sentence spans of the gold-built Doc live on a text with single spaces
            shift = {(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)): (d.spans[a][0], d.spans[b - 1][1])
                     for a, b in d.sents}
            words = [(d.spans[k][0], d.spans[k][1], *w[2:]) for k, w in enumerate(words)]
            sc.add(d, words, [shift.get(sp, (-1, -1)) for sp in sents])
            sc.add_gold_words(d)
        out.update({f"{name}_{k}": sc.f1(k) for k in ("upos", "uas", "las")})
        out[f"{name}_sent_f1"] = sc.sent_f1()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--model", default=None,
                    help="spaCy package name or path (default: the shipped model / $STORYLINE_MODEL)")
    ap.add_argument("--check", action="store_true", help="check the scorer against gold")
    a = ap.parse_args(argv)
    convert = load_convert()
    if a.check:
        result = check(read_docs(a.data / "ud-english" / TREEBANKS["ewt"], convert))
        for k, v in result.items():
            print(f"{k:22s} {v:.4f}")
        print(json.dumps({"bench": "parse-check", **{k: round(v, 4) for k, v in result.items()}}))
        return 0
    model = storyline_nlp.model_name(a.model)
    nlp = storyline_nlp.load(a.model, full=True)
    results = {}
    for tb, fname in TREEBANKS.items():
        docs = read_docs(a.data / "ud-english" / fname, convert)
        results[tb] = evaluate(nlp, docs)

    print(f"model: {model}  (components: {', '.join(nlp.pipe_names)})")
    print("scores in %, CoNLL 2018 style: all words incl. punctuation, LAS on universal relations")
    head = f"{'test':5s} {'words':>6s} | {'UPOS':>5s} {'XPOS':>5s} {'UAS':>5s} {'LAS':>5s} {'LAS+sub':>7s}" \
           f" | {'doc UAS':>7s} {'doc LAS':>7s} {'doc SF1':>7s} | {'raw tok':>7s} {'raw UPOS':>8s}" \
           f" {'raw LAS':>7s} {'raw SF1':>7s}"
    print(head)
    print("-" * len(head))
    for tb, r in results.items():
        print(f"{tb:5s} {r['words']:6d} | {100*r['upos']:5.1f} {100*r['xpos']:5.1f} {100*r['uas']:5.1f}"
              f" {100*r['las']:5.1f} {100*r['las_subtypes']:7.1f} | {100*r['doc_uas']:7.1f}"
              f" {100*r['doc_las']:7.1f} {100*r['doc_sent_f1']:7.1f} | {100*r['raw_tokens_f1']:7.1f}"
              f" {100*r['raw_upos']:8.1f} {100*r['raw_las']:7.1f} {100*r['sent_f1']:7.1f}")
    print("gold = gold tokens and sentences; doc = gold tokens, predicted sentences;"
          " raw = raw text, our tokenizer (F1 over aligned words).")
    e = results["ewt"]
    print(f"EWT targets: UPOS >= 95 ({100*e['upos']:.1f}), LAS >= 82 ({100*e['las']:.1f});"
          " anchor UDPipe 1.2 (raw text) UPOS 93.6, LAS 77.6")
    print(f"speed (gold-sentence pass, full pipeline, wall time): {e['words_per_s']:,.0f} words/s")

    out: dict = {"bench": "parse"}
    keys = ("upos", "las", "uas", "sent_f1", "xpos", "las_subtypes", "doc_upos", "doc_uas",
            "doc_las", "doc_sent_f1", "raw_tokens_f1", "raw_upos", "raw_uas", "raw_las")
    out.update({k: round(e[k], 4) for k in keys})
    out.update({f"gum_{k}": round(results["gum"][k], 4) for k in keys})
    out["words_per_s"] = round(e["words_per_s"])
    out["model"] = str(model)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
