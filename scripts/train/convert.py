"""Convert UD English (EWT + CC-BY GUM) and UNER English into spaCy DocBin corpora.

Usage (from the repo root):
    .venv/bin/python scripts/train/convert.py [--ud DIR] [--uner DIR] [--out build/corpus] [--doc-sents 10] [--gum-ner]

Writes into --out (default build/corpus/, gitignored; never into the repo tree otherwise):

    train.spacy, dev.spacy          EWT + GUM merged; tokens, UPOS, XPOS, morphology, lemmas,
                                    heads/deps (sentence boundaries follow from the trees) and,
                                    on EWT sentences, UNER PER/ORG/LOC entities (GUM sentences
                                    carry *missing* NER annotation, so they neither teach nor
                                    penalise the entity recognizer).
    ewt-{train,dev,test}.spacy      the EWT part alone (same annotation as above)
    gum-{train,dev,test}.spacy      the GUM part alone (no NER)
    ner-ewt-{train,dev,test}.spacy  EWT sentences with UNER entities only (no syntax)
    ner-pud-test.spacy              UNER PUD test (news + Wikipedia), entities only
    counts.json                     the counts printed at the end

With --gum-ner, GUM sentences also get NER: their *named* person/organization/place mentions
from GUM's `Entity=` coreference annotation as PER/ORG/LOC (see gum_names), every other token
"O" (GUM marks every mention), in the merged and gum-* files, plus ner-gum-{train,dev,test}.spacy.

Choices (see scripts/train/README.md):
- Multi-word tokens (MWT, e.g. "don't" = do + n't, "Daniel's" = Daniel + 's): spaCy tokens are
  the UD *syntactic words*, not the surface MWT. In English every MWT's words concatenate to
  its surface form (checked: 5,785 of 5,785 in this data), and spaCy's English tokenizer splits
  these the same way ("do"/"n't", "Daniel"/"'s"), so training tokens match run-time tokens, the
  doc text is still exactly the original text, and every word keeps its own tag/lemma/head.
  UNER also labels the syntactic words. If an MWT's words do *not* concatenate to its surface
  form (does not happen in English UD, kept for robustness), the surface form becomes one token
  that carries the annotation of the MWT's syntactic head (the word whose head lies outside the
  MWT); heads pointing to the other words are redirected to it.
- Empty nodes (ID "8.1", enhanced-graph ellipsis) are skipped: they are not in the text and the
  basic tree never points to them.
- Sentences are grouped into docs of ~N sentences (default 10), never crossing a `# newdoc`,
  so the parser learns sentence boundaries from running text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_UD = Path(__file__).resolve().parents[3] / "shared" / "data" / "ud-english"
DEFAULT_UNER = Path(__file__).resolve().parents[3] / "shared" / "data" / "uner_english"
UNER_TRAIN = "en_ewt-ud-train.v0-normalized.iob2"
LABELS = ("PER", "ORG", "LOC")


# -- data model -------------------------------------------------------------------


@dataclass
class Token:
    text: str
    space: bool
    lemma: str = ""
    upos: str = ""
    xpos: str = ""
    feats: str = ""
    head: int = -1  # index of the head token within the sentence; -1 = root
    dep: str = ""


@dataclass
class Sentence:
    sent_id: str
    text: str | None
    tokens: list[Token]
    newdoc: bool = False
    ents: list[tuple[int, int, str]] | None = None  # token spans [start, end), None = unknown
    stats: Counter = field(default_factory=Counter)
    # GUM `Entity=` mentions as token spans [start, end) with their entity type
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


# -- CoNLL-U ----------------------------------------------------------------------


def _open(path: Path):
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def _blocks(lines):
    """Blank-line separated sentences of CoNLL-U and UNER IOB2 alike:
    (token lines, `# key = value` comments, whether a new document starts)."""
    block: list[str] = []
    comments: dict[str, str] = {}
    newdoc = False
    for raw in list(lines) + [""]:
        line = raw.rstrip("\n")
        if not line.strip():
            if block:
                yield block, comments, newdoc
            block, comments, newdoc = [], {}, False
        elif line.startswith("#"):
            m = re.match(r"#\s*([\w. ]+?)\s*=\s*(.*)$", line)
            if m:
                comments[m.group(1)] = m.group(2)
            if line.startswith("# newdoc"):
                newdoc = True
        else:
            block.append(line)


def read_conllu(lines) -> list[Sentence]:
    """Parse CoNLL-U lines into Sentences whose tokens are spaCy tokens (see module doc)."""
    return [_sentence(block, comments, newdoc) for block, comments, newdoc in _blocks(lines)]


def _sentence(block: list[str], comments: dict[str, str], newdoc: bool) -> Sentence:
    stats: Counter = Counter()
    rows = [ln.split("\t") for ln in block]
    words: dict[int, list[str]] = {}
    mwts: dict[int, tuple[int, list[str]]] = {}  # first word id -> (last word id, row)
    for r in rows:
        if len(r) != 10:
            raise ValueError(f"bad CoNLL-U line in {comments.get('sent_id')}: {r!r}")
        if "." in r[0]:
            stats["empty_nodes_skipped"] += 1
            continue
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            mwts[a] = (b, r)
        else:
            words[int(r[0])] = r
    # Decide the token for every word id; collapsed MWTs map several word ids to one token.
    tokens: list[Token] = []
    word2tok: dict[int, int] = {}
    head_word_of_tok: list[int] = []
    wid = 1
    n = max(words) if words else 0
    while wid <= n:
        if wid in mwts:
            last, mrow = mwts[wid]
            ids = list(range(wid, last + 1))
            forms = [words[i][1] for i in ids]
            stats["mwt"] += 1
            if "".join(forms) == mrow[1]:
                for i in ids:
                    r = words[i]
                    sp = _space_after(mrow[9]) if i == last else False
                    word2tok[i] = len(tokens)
                    head_word_of_tok.append(i)
                    tokens.append(_token(r, sp))
            else:
                stats["mwt_collapsed"] += 1
                inside = set(ids)
                heads = [i for i in ids if int(words[i][6]) not in inside]
                h = heads[0] if heads else ids[0]
                for i in ids:
                    word2tok[i] = len(tokens)
                tok = _token(words[h], _space_after(mrow[9]))
                tok.text = mrow[1]
                head_word_of_tok.append(h)
                tokens.append(tok)
            wid = last + 1
        else:
            word2tok[wid] = len(tokens)
            head_word_of_tok.append(wid)
            tokens.append(_token(words[wid], _space_after(words[wid][9])))
            wid += 1
    for ti, tok in enumerate(tokens):
        hw = int(words[head_word_of_tok[ti]][6])
        tok.head = -1 if hw == 0 else word2tok[hw]
        if tok.head == ti:  # can only happen for a collapsed MWT; make it a root-safe self-loop
            tok.head = -1
    stats["words"] += len(words)
    stats["tokens"] += len(tokens)
    sent = Sentence(comments.get("sent_id", ""), comments.get("text"), tokens, newdoc, None, stats)
    sent.mentions = _mentions(words, word2tok, stats)
    return sent


def _mentions(words: dict[int, list[str]], word2tok: dict[int, int], stats: Counter) -> list[tuple[int, int, str]]:
    """GUM's bracketed `Entity=` MISC annotation -> token spans with their entity type.
    `(12-person-new-...-Name` opens mention 12 on a word, `12)` closes it, `(12-...)` is a
    one-word mention; mentions nest. A mention left open at the sentence end is dropped."""
    out: list[tuple[int, int, str]] = []
    opened: dict[str, list[tuple[int, str]]] = {}
    for wid in sorted(words):
        value = next((kv[7:] for kv in words[wid][9].split("|") if kv.startswith("Entity=")), "")
        for m in _ENTITY_PART.finditer(value):
            eid, desc, close = m.group("eid") or m.group("eid2"), m.group("desc"), m.group("close")
            if desc is not None:  # an opening bracket
                etype = desc.split("-")[0]
                if close:
                    out.append((word2tok[wid], word2tok[wid] + 1, etype))
                else:
                    opened.setdefault(eid, []).append((wid, etype))
            elif opened.get(eid):
                start, etype = opened[eid].pop()
                out.append((word2tok[start], word2tok[wid] + 1, etype))
    stats["mentions_unclosed"] += sum(len(v) for v in opened.values())
    return out


# `(eid-etype-...` [`)`] or `eid)`; identities are URL-escaped, so they hold no brackets
_ENTITY_PART = re.compile(r"\((?P<eid>\d+)-(?P<desc>[^()]*)(?P<close>\))?|(?P<eid2>\d+)\)")


def _token(r: list[str], space: bool) -> Token:
    feats = "" if r[5] == "_" else r[5]
    return Token(text=r[1], space=space, lemma=r[2], upos=r[3], xpos=r[4] if r[4] != "_" else "",
                 feats=feats, dep=r[7])


# -- UNER IOB2 --------------------------------------------------------------------


def read_iob2(lines) -> list[Sentence]:
    """UNER files: `index token tag [- annotator]`, `# sent_id`/`# text`/`# newdoc id` comments."""
    return [_iob_sentence([line.split("\t") for line in block], comments, newdoc)
            for block, comments, newdoc in _blocks(lines)]


def _iob_sentence(block: list[list[str]], comments: dict[str, str], newdoc: bool) -> Sentence:
    words = [r[1] for r in block]
    tags = [r[2] if len(r) > 2 else "O" for r in block]
    text = comments.get("text")
    spaces = _spaces_from_text(words, text)
    tokens = [Token(text=w, space=s) for w, s in zip(words, spaces)]
    return Sentence(comments.get("sent_id", ""), text, tokens, newdoc, iob_to_spans(tags))


def iob_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags -> [start, end) spans of PER/ORG/LOC; other labels (OTH, O as B-O) are dropped;
    an I- without a matching open entity starts a new one (lenient, as conlleval)."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, t in enumerate(tags + ["O"]):
        pre, _, lab = t.partition("-")
        if lab not in LABELS:
            pre, lab = "O", ""
        if start is not None and (pre != "I" or lab != label):
            spans.append((start, i, label))
            start, label = None, None
        if pre == "B" or (pre == "I" and start is None):
            start, label = i, lab
    return spans


def _spaces_from_text(words: list[str], text: str | None) -> list[bool]:
    """Recover SpaceAfter by finding the words in order in the sentence text."""
    if not text:
        return [True] * len(words)
    spaces, pos = [], 0
    for w in words:
        j = text.find(w, pos)
        if j < 0:  # word not found verbatim: assume a space
            spaces.append(True)
            continue
        pos = j + len(w)
        spaces.append(pos < len(text) and text[pos].isspace())
    if spaces:
        spaces[-1] = True
    return spaces


# -- NER alignment ----------------------------------------------------------------


def align_ents(ud: Sentence, ner: Sentence) -> list[tuple[int, int, str]] | None:
    """Map NER spans from the UNER tokenization onto the UD sentence's tokens through character
    offsets in the whitespace-free string. Returns None if the two texts differ."""
    a = "".join(t.text for t in ud.tokens)
    b = "".join(t.text for t in ner.tokens)
    if a != b:
        return None
    if [t.text for t in ud.tokens] == [t.text for t in ner.tokens]:
        return list(ner.ents or [])
    # char offset -> token index in the UD tokenization
    char2tok = []
    for i, t in enumerate(ud.tokens):
        char2tok.extend([i] * len(t.text))
    nstart = []
    off = 0
    for t in ner.tokens:
        nstart.append(off)
        off += len(t.text)
    nstart.append(off)
    out = []
    for s, e, lab in ner.ents or []:
        cs, ce = nstart[s], nstart[e]
        if ce <= cs:
            continue
        out.append((char2tok[cs], char2tok[ce - 1] + 1, lab))
    return out


def attach_ner(ud_sents: list[Sentence], ner_sents: list[Sentence], stats: Counter) -> None:
    by_id = {s.sent_id: s for s in ner_sents}
    for s in ud_sents:
        n = by_id.get(s.sent_id)
        if n is None:
            stats["ner_sent_missing"] += 1
            continue
        ents = align_ents(s, n)
        if ents is None:
            stats["ner_sent_text_mismatch"] += 1
            continue
        if [t.text for t in s.tokens] != [t.text for t in n.tokens]:
            stats["ner_sent_retokenized"] += 1
        s.ents = ents
        stats["ner_sent_aligned"] += 1
        for _, _, lab in ents:
            stats[f"ent_{lab}"] += 1


# -- GUM named mentions -----------------------------------------------------------

GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_PROPER = ("NNP", "NNPS")
# lowercase words that may sit inside a name ("Bank of America", "Health and Human Services")
_NAME_INNER = {"of", "and", "&", "the", "de", "du", "la", "le", "von", "van", "der", "for", "on", "-"}
# ... in a person's name only particles: "of" starts a place or an office ("Dana Whitfield of
# Riverton", "President of the Society"), never part of a modern name in UNER
_PERSON_INNER = {"de", "du", "la", "le", "von", "van", "der", "al", "bin", "ibn", "-"}
# titles before a person's name: UNER leaves them out ("President [Bush]", "Mr. [Smith]")
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "king", "queen",
    "prince", "princess", "president", "vice", "senator", "sen", "rep", "representative", "governor",
    "gov", "mayor", "judge", "justice", "general", "gen", "colonel", "col", "captain", "capt",
    "lieutenant", "lt", "sergeant", "sgt", "officer", "pope", "saint", "st", "rev", "reverend",
    "father", "brother", "sister", "bishop", "archbishop", "cardinal", "emperor", "empress",
    "chancellor", "minister", "prime", "secretary", "chairman", "ceo", "coach", "uncle", "aunt",
    "grandma", "grandpa", "mister", "count", "duke", "duchess", "baron", "chief", "detective", "agent",
    "former", "late", "premier", "marquis", "earl", "sheikh", "ayatollah", "rabbi", "imam",
}
# dependents of a name's head that begin a second unit, not part of the name ("Bernoulli, FRS")
_NOT_NAME_DEPS = {"appos", "conj", "cc", "list", "parataxis", "punct", "vocative", "dislocated", "acl", "acl:relcl",
                  "nmod:poss"}


def gum_names(s: Sentence) -> list[tuple[int, int, str]]:
    """Named mentions of GUM persons, organizations and places as UNER-style PER/ORG/LOC spans.

    A mention is *named* if its syntactic head is a proper noun (NNP/NNPS) and it does not start
    with "a"/"an" ("a Fellow of ..."); the name is the run of proper nouns and capitalized words
    (GUM tags "New" in "New York" ADJ) around that head inside the mention, inner "of"/"and"/"the"
    allowed, without a leading determiner or title ("the", "President") or a trailing possessive
    "'s", appositions, conjuncts or possessors -- UNER EWT's conventions. Plural proper nouns
    naming persons ("the Americans") are demonyms, not names; a bare title ("the President") is
    no name. Names nested in a longer name of any type ("Chicago" in "University of Chicago",
    "Pritzker" in "the Pritzker Prize") are dropped: UNER has no nesting, and names of other
    types are UNER's OTH, which we drop.
    """
    toks = s.tokens
    found = []
    for a, b, etype in s.mentions:
        label = GUM_TYPES.get(etype, "")  # "" = named, but no UNER type: blocks nested names
        heads = [i for i in range(a, b) if not a <= toks[i].head < b]
        if len(heads) != 1 or toks[heads[0]].xpos not in _PROPER or toks[a].text.lower() in ("a", "an"):
            continue
        h = heads[0]
        if label == "PER" and toks[h].xpos == "NNPS":
            continue
        inside = set(range(a, b))
        # tokens that hang off the head as a second unit (appositions, conjuncts, clauses), with
        # everything under them, are outside the name
        cut = set()
        for i in range(a, b):
            j = i
            while j in inside and j != h:
                if toks[j].head == h and toks[j].dep in _NOT_NAME_DEPS:
                    cut.add(i)
                    break
                j = toks[j].head

        def namelike(i):
            return toks[i].xpos in _PROPER or (toks[i].text[:1].isupper() and toks[i].upos in ("ADJ", "NOUN", "NUM", "X"))

        inner = _PERSON_INNER if label == "PER" else _NAME_INNER

        def ok(i):
            return i in inside and i not in cut and (namelike(i) or toks[i].text.lower() in inner)

        start = end = h
        while ok(start - 1):
            start -= 1
        while ok(end + 1):
            end += 1
        # edges must be proper nouns: trims "the", "'s", a dangling "of"
        while start < h and (not namelike(start) or
                             (label == "PER" and toks[start].text.lower().rstrip(".") in _TITLES)):
            start += 1
        while end > h and not namelike(end):
            end -= 1
        if label == "PER" and all(t.text.lower().rstrip(".") in _TITLES for t in toks[start:end + 1]):
            continue
        found.append((start, end + 1, label))
    # longest first; a name overlapping a kept one is nested in it (or a duplicate)
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(found), key=lambda x: (x[0] - x[1], x[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(k for k in kept if k[2])


# -- spaCy docs -------------------------------------------------------------------


def group(sents: list[Sentence], size: int) -> list[list[Sentence]]:
    docs: list[list[Sentence]] = []
    cur: list[Sentence] = []
    for s in sents:
        if cur and (s.newdoc or len(cur) >= size):
            docs.append(cur)
            cur = []
        cur.append(s)
    if cur:
        docs.append(cur)
    return docs


def make_doc(vocab, sents: list[Sentence], syntax: bool = True):
    from spacy.tokens import Doc

    words, spaces, lemmas, pos, tags, morphs, heads, deps = [], [], [], [], [], [], [], []
    sent_starts = []
    ents, outside = [], []
    for si, s in enumerate(sents):
        base = len(words)
        for i, t in enumerate(s.tokens):
            words.append(t.text)
            last = i == len(s.tokens) - 1
            spaces.append(True if (last and si < len(sents) - 1) else (t.space if not last else False))
            if syntax:
                lemmas.append(t.lemma)
                pos.append(t.upos)
                tags.append(t.xpos)
                morphs.append(t.feats)
                heads.append(base + i if t.head < 0 else base + t.head)
                deps.append("ROOT" if t.head < 0 else t.dep)
            sent_starts.append(i == 0)
        if s.ents is not None:
            outside.extend(range(base, base + len(s.tokens)))
            ents.extend((base + a, base + b, lab) for a, b, lab in s.ents)
    if syntax:
        doc = Doc(vocab, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
                  morphs=morphs, heads=heads, deps=deps)
    else:
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    if outside:
        spans = [doc[a:b] for a, b, _ in ents]
        for sp, (_, _, lab) in zip(spans, ents):
            sp.label_ = lab
        covered = {i for a, b, _ in ents for i in range(a, b)}
        out_toks = [doc[i:i + 1] for i in outside if i not in covered]
        doc.set_ents(spans, outside=out_toks, default="unmodified")
    return doc


def write_docbin(path: Path, docs) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def check_text(sents: list[Sentence], stats: Counter) -> None:
    for s in sents:
        if s.text is None:
            continue
        rebuilt = "".join(t.text + (" " if t.space else "") for t in s.tokens).rstrip()
        if rebuilt != s.text.rstrip():
            stats["text_mismatch"] += 1


# -- main -------------------------------------------------------------------------


def convert(ud_dir: Path, uner_dir: Path, out: Path, doc_sents: int = 10, gum_ner: bool = False) -> dict:
    import spacy

    nlp = spacy.blank("en")
    counts: dict[str, dict] = {}
    merged: dict[str, list] = {"train": [], "dev": []}
    for split in ("train", "dev", "test"):
        ner_file = UNER_TRAIN if split == "train" else f"en_ewt-ud-{split}.iob2"
        with open(uner_dir / ner_file, encoding="utf-8") as f:
            ner_sents = read_iob2(f)
        for tb, fname in (("ewt", f"en_ewt-ud-{split}.conllu.gz"), ("gum", f"en_gum-ccby-{split}.conllu.gz")):
            with _open(ud_dir / fname) as f:
                sents = read_conllu(f)
            st: Counter = Counter()
            for s in sents:
                st.update(s.stats)
            check_text(sents, st)
            if tb == "ewt":
                attach_ner(sents, ner_sents, st)
            elif gum_ner:  # GUM annotates every mention, so tokens outside the names are "O"
                for s in sents:
                    s.ents = gum_names(s)
                    st.update(f"ent_{lab}" for _, _, lab in s.ents)
            groups = group(sents, doc_sents)
            docs = [make_doc(nlp.vocab, g) for g in groups]
            st["sentences"] = len(sents)
            st["docs"] = write_docbin(out / f"{tb}-{split}.spacy", docs)
            counts[f"{tb}-{split}"] = dict(sorted(st.items()))
            if split in merged:
                merged[split].extend(docs)
            if tb == "ewt" or gum_ner:
                ner_only = [make_doc(nlp.vocab, g, syntax=False) for g in groups
                            if any(s.ents is not None for s in g)]
                counts[f"ner-{tb}-{split}"] = {"docs": write_docbin(out / f"ner-{tb}-{split}.spacy", ner_only)}
    for split, docs in merged.items():
        counts[split] = {"docs": write_docbin(out / f"{split}.spacy", docs)}
    with open(uner_dir / "en_pud-ud-test.iob2", encoding="utf-8") as f:
        pud = read_iob2(f)
    st = Counter(sentences=len(pud), tokens=sum(len(s.tokens) for s in pud))
    check_text(pud, st)
    for s in pud:
        for _, _, lab in s.ents or []:
            st[f"ent_{lab}"] += 1
    st["docs"] = write_docbin(out / "ner-pud-test.spacy",
                              (make_doc(nlp.vocab, g, syntax=False) for g in group(pud, doc_sents)))
    counts["ner-pud-test"] = dict(sorted(st.items()))
    (out / "counts.json").write_text(json.dumps(counts, indent=1) + "\n")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ud", type=Path, default=DEFAULT_UD)
    ap.add_argument("--uner", type=Path, default=DEFAULT_UNER)
    ap.add_argument("--out", type=Path, default=Path("build/corpus"))
    ap.add_argument("--doc-sents", type=int, default=10)
    ap.add_argument("--gum-ner", action="store_true",
                    help="also give GUM sentences NER: their named person/organization/place mentions")
    a = ap.parse_args(argv)
    counts = convert(a.ud, a.uner, a.out, a.doc_sents, a.gum_ner)
    for name, c in counts.items():
        print(f"{name:16s} " + " ".join(f"{k}={v}" for k, v in c.items()))
    print(f"wrote {a.out}/", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
