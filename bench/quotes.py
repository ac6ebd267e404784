"""Quote attribution: storyline.quotes against PolNeAR and GUM.

Data (../shared/data, see each folder's SOURCE.md):
- polnear/{train,dev,test}: political news with attribution relations (Source, Cue,
  Content spans; BRAT standoff). One annotator file per article (the first by sorted
  name). test is the test: tune on train/dev only.
- gum_news_interview: Wikinews articles and interviews with <quote> elements in xml/
  (quote spans only: GUM marks no speakers for news quotes).

How spans are matched (the scorer; `--check` runs it on a hand-counted example):
- A span is a set of character offsets (discontinuous gold contents are the union of
  their pieces; our Quotes that share one cue offset are one attribution, their
  contents united the same way: “A,” she said. “B.” is one; a floating quote that
  inherits its speaker from another paragraph is an attribution of its own). Its *signature* is the set of offsets of its
  alphanumeric characters: quote marks, spaces and punctuation at the edges (or
  inside) do not count, so “We will,” and We will are the same content.
- exact: signatures equal. overlap(g, p) = |sig(g) & sig(p)| / max(|sig(g)|, |sig(p)|),
  symmetric, so a prediction three times the gold's length cannot match at 0.3+.
- Gold and predicted items of one document are paired one-to-one, greedily by
  decreasing overlap, keeping pairs at or above the threshold (1.0 for exact).
  P = pairs / predicted, R = pairs / gold, F1 = 2PR/(P+R), summed over documents.
- (a) direct subset: gold attributions whose content contains a double quote mark
  (" “ ” „ « », or '' two apostrophes), against our quotes of kind direct or partial
  with such a mark in or right around their content (symmetric: unmarked transcript
  lines and 'single'-marked quotes are out on both sides). Speaker accuracy is over
  the pairs matched at overlap >= 0.3: correct when our speaker phrase overlaps the
  gold Source span, or when the last word of our resolved speaker name equals the last
  word of the gold Source text (the gold marks "he" where we may point at the name).
  Gold attributions without a Source count as wrong when we name a speaker and right
  when we do not.
- (b) full set: every gold attribution. Source, Cue and Content are scored as three
  separate span sets (CofeNet's "exact match" F1 per span type): unique spans per
  document, exact signature match. Our source spans are the speaker phrases in the
  text (not inherited ones); cues the cue evidence spans; contents as above.
- (c) GUM: gold = every <quote> element whose text has a letter; predicted = each of our
  direct and partial Quotes on its own; F1 at overlap >= 0.3 (spans only: GUM marks no
  speakers for news quotes, so there is no speaker figure here).
- (d) speed: quotes/s of find_quotes alone, and ms it adds per article (parse excluded).

    python bench/quotes.py [--data ../shared/data] [--split test|dev|train] [--model PATH]
    python bench/quotes.py --check      # the scorer on a hand-counted example
    python bench/quotes.py --split dev --show 30   # print errors (dev/train only)

Parsed docs are cached under build/cache/quotes (DocBin, keyed by model path and time;
`--no-cache` parses afresh and writes nothing).
Last stdout line: {"bench": "quotes", "direct_f1_exact", "direct_f1_overlap" (0.3),
"direct_f1_overlap80", "direct_speaker_acc", "full_source_f1", "full_cue_f1",
"full_content_f1", "gum_f1", "quotes_per_s", "ms_per_article", "model", "split"}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

_HERE = Path(__file__).resolve().parent

ROOT = _HERE.parent
CACHE = ROOT / "build" / "cache" / "quotes"
# '' (two apostrophes) is the double mark of some archives (PolNeAR's NYT texts)
DOUBLE_MARKS = ('"', "“", "”", "„", "«", "»", "''")


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    speaker_name: str | None = None
    kind: str = ""


@dataclass
class Document:
    name: str
    text: str
    gold: list[Attribution]


# ----------------------------------------------------------------------------- scorer

def signature(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for a, b in spans for i in range(max(a, 0), min(b, len(text))) if text[i].isalnum())


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def pair(gold: list[frozenset[int]], pred: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), greedy by decreasing overlap."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            o = 1.0 if g == p and g else overlap(g, p)
            if o >= threshold and o > 0:
                cands.append((o, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g, used_p, out = set(), set(), []
    for o, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i), used_p.add(j), out.append((i, j))
    return out


class Tally:
    def __init__(self) -> None:
        self.tp = self.gold = self.pred = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp += tp
        self.gold += gold
        self.pred += pred

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def speaker_ok(text: str, g: Attribution, p: Attribution) -> bool:
    if not g.source:
        return not p.source and not p.speaker_name
    if p.source and overlap(signature(text, g.source), signature(text, p.source)) > 0:
        return True
    gold_words = re.findall(r"\w+", " ".join(text[a:b] for a, b in g.source))
    pred_words = re.findall(r"\w+", p.speaker_name or "")
    return bool(gold_words and pred_words and gold_words[-1].lower() == pred_words[-1].lower())


def in_marks(text: str, p: Attribution) -> bool:
    """Is our attribution a direct or partial quote in double marks (the predicted side of
    the direct subset; a transcript's "PENCE: …" line is direct speech without marks)?"""
    return p.kind in ("direct", "partial") and any(
        ch in text[max(0, a - 2):b + 2] for a, b in p.content for ch in DOUBLE_MARKS)


def score(docs: list[Document], preds: list[list[Attribution]]) -> dict[str, float]:
    t = {k: Tally() for k in ("direct_exact", "direct_03", "direct_08", "source", "cue", "content",
                              "content_03")}
    spk_ok = spk_n = 0
    for doc, pred in zip(docs, preds):
        text = doc.text
        gd = [g for g in doc.gold if any(ch in text[a:b] for a, b in g.content for ch in DOUBLE_MARKS)]
        pd = [p for p in pred if in_marks(text, p)]
        gs = [signature(text, g.content) for g in gd]
        ps = [signature(text, p.content) for p in pd]
        for key, th in (("direct_exact", 1.0), ("direct_03", 0.3), ("direct_08", 0.8)):
            t[key].add(len(pair(gs, ps, th)), len(gs), len(ps))
        for i, j in pair(gs, ps, 0.3):
            spk_n += 1
            spk_ok += speaker_ok(text, gd[i], pd[j])
        for key, getter in (("source", lambda a: a.source), ("cue", lambda a: a.cue),
                            ("content", lambda a: a.content)):
            gset = {signature(text, getter(g)) for g in doc.gold if getter(g)} - {frozenset()}
            pset = {signature(text, getter(p)) for p in pred if getter(p)} - {frozenset()}
            t[key].add(len(gset & pset), len(gset), len(pset))
        gc = [signature(text, g.content) for g in doc.gold]
        pc = [signature(text, p.content) for p in pred]
        t["content_03"].add(len(pair(gc, pc, 0.3)), len(gc), len(pc))
    out: dict[str, float] = {}
    for k, v in t.items():
        out[f"{k}_p"], out[f"{k}_r"], out[f"{k}_f1"] = v.p, v.r, v.f1
        out[f"{k}_n"] = v.gold
    out["speaker_acc"] = spk_ok / spk_n if spk_n else 0.0
    out["speaker_n"] = spk_n
    return out


def check() -> int:
    """The scorer on an example counted by hand."""
    text = 'Ana said: “We will win,” and “we will stay.” The mayor said the plant would close. “Go,” he said.'
    def span(s: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = text.index(s, i + 1)
        return (i, i + len(s))
    gold = [Attribution([span("“We will win,”"), span("“we will stay.”")], [span("Ana")], [span("said")]),
            Attribution([span("the plant would close")], [span("The mayor")], [span("said", 1)]),
            Attribution([span("“Go,”")], [span("he")], [span("said", 2)])]
    pred = [Attribution([span("We will win")], [span("Ana")], [span("said")], "Ana Ruiz", "direct"),
            Attribution([span("the plant would close.")], [span("mayor")], [span("said", 1)], "x", "indirect"),
            Attribution([span("we will stay")], [span("Ana")], [span("said", 2)], "Ruiz", "direct")]
    s = score([Document("x", text, gold)], [pred])
    # direct gold: 1 (win+stay) and 3 (Go) = 2; predicted direct: 1 (win) and 3 (stay) = 2.
    # gold 1 has 19 letters (Wewillwin + wewillstay): "we will stay" 10/19 = .53 beats
    # "We will win" 9/19 = .47, so gold 1 pairs with pred 3 at 0.3 (not at 0.8, not exact);
    # pred 1 and gold 3 ("Go") stay unpaired: P = R = 1/2 at 0.3. Pred 3's speaker is "Ana"
    # like the gold's: speaker accuracy 1/1.
    expected = {"direct_exact_f1": 0.0, "direct_03_p": 0.5, "direct_03_r": 0.5, "direct_08_f1": 0.0,
                "speaker_acc": 1.0,
                # sources: gold {Ana, The mayor, he}; pred unique {Ana, mayor}: 1/2 and 1/3
                "source_p": 1 / 2, "source_r": 1 / 3,
                # cues: gold {said, said, said} (3 distinct offsets); pred the same 3 -> 1.0
                "cue_f1": 1.0,
                # contents exact: only "the plant would close(.)" -> 1 of 3 each way
                "content_p": 1 / 3, "content_r": 1 / 3}
    bad = {k: (round(s[k], 4), round(v, 4)) for k, v in expected.items() if abs(s[k] - v) > 1e-9}
    print("scorer check:", "ok" if not bad else f"FAILED {bad}")
    return 1 if bad else 0


# ------------------------------------------------------------------------------ data

def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) > 1 and " " in parts[1]:
            typ, rest = parts[1].split(" ", 1)
            spans[parts[0]] = (typ, [tuple(map(int, x.split())) for x in rest.split(";")])
        elif parts[0].startswith("E") and len(parts) > 1:
            rels.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for r in rels:
        content = spans.get(r.get("Content", ""), ("", []))[1]
        if not content:
            continue
        out.append(Attribution(content, spans.get(r.get("Source", ""), ("", []))[1],
                               spans.get(r.get("Cue", ""), ("", []))[1]))
    return out


def polnear(data: Path, split: str) -> list[Document]:
    base = data / "polnear" / split
    docs = []
    for t in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(t.stem + "_*.ann"))
        if anns:
            docs.append(Document(t.stem, t.read_text(encoding="utf-8"), read_ann(anns[0])))
    return docs


def gum(data: Path) -> list[Document]:
    """GUM news/interview texts rebuilt from CoNLL-U (SpaceAfter, newpar), with the
    <quote> elements of the xml files (same tokens, same order) as gold spans."""
    base = data / "gum_news_interview"
    docs = []
    for conllu in sorted((base / "dep").glob("*.conllu")):
        text, offsets = "", []
        space = ""
        for line in conllu.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar") and not line.startswith("# newpar_block") and text:
                space = "\n\n"
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            text += space if text else ""
            offsets.append((len(text), len(text) + len(cols[1])))
            text += cols[1]
            space = "" if "SpaceAfter=No" in cols[9] else " "
        gold, depth, start, k = [], 0, None, 0
        for line in (base / "xml" / (conllu.stem + ".xml")).read_text(encoding="utf-8").splitlines():
            if line.startswith("<quote"):
                depth += 1
                if depth == 1:
                    start = k
            elif line.startswith("</quote"):
                depth -= 1
                if depth == 0 and start is not None and k > start and k <= len(offsets):
                    a, b = offsets[start][0], offsets[k - 1][1]
                    if re.search(r"[A-Za-z]", text[a:b]):
                        gold.append(Attribution([(a, b)]))
            elif line and not line.startswith("<"):
                k += 1
        docs.append(Document(conllu.stem, text, gold))
    return docs


# ---------------------------------------------------------------------------- running

def model_id(path: str) -> str:
    """Changes whenever the model on disk changes (a newer checkpoint in the same path)."""
    if path in (None, "", "storyline"):      # the shipped model: its directory
        from storyline.nlp import MODEL_DIR
        path = str(MODEL_DIR)
    p = Path(path)
    stamp = max((f.stat().st_mtime for f in p.rglob("*") if f.is_file()), default=0) if p.is_dir() else 0
    return hashlib.sha1(f"{p.resolve() if p.exists() else path}|{stamp}".encode()).hexdigest()[:12]


def parse(nlp, docs: list[Document], tag: str, model: str, cache: bool = True):
    from spacy.tokens import DocBin

    path = CACHE / f"{tag}-{model_id(model)}.spacy"
    if cache and path.exists():
        parsed = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in parsed] == [d.text for d in docs]:
            return parsed
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=16))
    print(f"parsed {tag}: {len(docs)} docs in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    if not cache:
        return parsed
    CACHE.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin()
    for d in parsed:
        bin_.add(d)
    bin_.to_disk(path)
    return parsed


def predict(parsed, per_quote: bool = False) -> tuple[list[list[Attribution]], float, int]:
    """Our attributions per document: Quotes sharing a cue are one (PolNeAR), or every
    Quote on its own (`per_quote`, for GUM's quote spans)."""
    from storyline.quotes import find_quotes

    out, seconds, count = [], 0.0, 0
    for doc in parsed:
        started = time.perf_counter()
        quotes = find_quotes(doc, [])
        seconds += time.perf_counter() - started
        count += len(quotes)
        groups: dict[object, Attribution] = {}
        for q in quotes:
            cue = next((e for e in q.evidence if e.note == "cue"), None)
            spk = next((e for e in q.evidence if e.note == "speaker"), None)
            inherited = next((e.note for e in q.evidence if e.note and "inherited" in e.note), "")
            # one utterance = one cue: “A,” she said. “B.” (same paragraph); a quote that
            # inherits its speaker from another paragraph is an attribution of its own
            key = (cue.start, cue.end) if cue is not None and "same paragraph" in inherited or (
                cue is not None and not inherited) else ("q", q.start)
            if per_quote:
                key = ("q", q.start)
            a = groups.get(key)
            if a is None:
                a = groups[key] = Attribution([], [(spk.start, spk.end)] if spk else [],
                                              [(cue.start, cue.end)] if cue and cue.start is not None else [],
                                              q.speaker_name, q.kind)
            a.content.append((q.start, q.end))
            if q.kind == "partial" or a.kind == "partial":
                a.kind = "partial" if "direct" not in (a.kind, q.kind) else "direct"
        out.append(list(groups.values()))
    return out, seconds, count


def show_errors(docs: list[Document], preds: list[list[Attribution]], limit: int) -> None:
    shown = 0
    for doc, pred in zip(docs, preds):
        text = doc.text
        gd = [g for g in doc.gold if any(ch in text[a:b] for a, b in g.content for ch in DOUBLE_MARKS)]
        pd = [p for p in pred if in_marks(text, p)]
        pairs = pair([signature(text, g.content) for g in gd], [signature(text, p.content) for p in pd], 0.3)
        pg = {i for i, _ in pairs}
        pp = {j for _, j in pairs}
        for i, g in enumerate(gd):
            if i not in pg and shown < limit:
                shown += 1
                print("MISS", doc.name, "|", " | ".join(text[a:b] for a, b in g.content)[:160], "|| S:",
                      " ".join(text[a:b] for a, b in g.source))
        for j, p in enumerate(pd):
            if j not in pp and shown < limit:
                shown += 1
                print("FP  ", doc.name, "|", " | ".join(text[a:b] for a, b in p.content)[:160], "|| S:",
                      p.speaker_name)
        for i, j in pairs:
            if not speaker_ok(text, gd[i], pd[j]) and shown < limit:
                shown += 1
                print("SPKR", doc.name, "|", " | ".join(text[a:b] for a, b in gd[i].content)[:100], "|| gold:",
                      " ".join(text[a:b] for a, b in gd[i].source), "|| ours:", pd[j].speaker_name,
                      "/", " ".join(text[a:b] for a, b in pd[j].source))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--split", default="test", choices=("test", "dev", "train"))
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: storyline's, or $STORYLINE_MODEL)")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--show", type=int, default=0, help="print N errors (not on test)")
    ap.add_argument("--no-cache", action="store_true",
                    help="parse afresh, neither reading nor writing build/cache/quotes (the cache "
                         "is keyed by the model files, not by storyline's nlp code)")
    args = ap.parse_args()
    if args.check:
        return check()
    from storyline import nlp as storyline_nlp

    model = storyline_nlp.model_name(args.model)
    nlp = storyline_nlp.load(model)
    data = Path(args.data)
    docs = polnear(data, args.split)
    parsed = parse(nlp, docs, f"polnear-{args.split}", model, not args.no_cache)
    preds, seconds, count = predict(parsed)
    s = score(docs, preds)
    gdocs = gum(data)
    gparsed = parse(nlp, gdocs, "gum", model, not args.no_cache)
    gpreds, gsec, gcount = predict(gparsed, per_quote=True)
    gt = Tally()
    for doc, pred in zip(gdocs, gpreds):
        gs = [signature(doc.text, g.content) for g in doc.gold]
        ps = [signature(doc.text, p.content) for p in pred if p.kind in ("direct", "partial")]
        gt.add(len(pair(gs, ps, 0.3)), len(gs), len(ps))
    if args.show and args.split != "test":
        show_errors(docs, preds, args.show)
    n_docs = len(docs) + len(gdocs)
    qps = (count + gcount) / (seconds + gsec) if seconds + gsec else 0.0
    ms = 1000 * (seconds + gsec) / n_docs if n_docs else 0.0
    print(f"model: {model}")
    print(f"PolNeAR {args.split}: {len(docs)} articles, {sum(len(d.gold) for d in docs)} attributions")
    print(f"{'measure':32s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}")
    for key, label in (("direct_exact", "direct, exact"), ("direct_03", "direct, overlap >= 0.3"),
                       ("direct_08", "direct, overlap >= 0.8"), ("source", "full: source, exact"),
                       ("cue", "full: cue, exact"), ("content", "full: content, exact"),
                       ("content_03", "full: content, overlap >= 0.3")):
        print(f"{label:32s} {s[key + '_p']:6.3f} {s[key + '_r']:6.3f} {s[key + '_f1']:6.3f} {s[key + '_n']:6d}")
    print(f"{'direct: speaker accuracy':32s} {'':6s} {'':6s} {s['speaker_acc']:6.3f} {s['speaker_n']:6d}")
    print(f"{'GUM quotes, overlap >= 0.3':32s} {gt.p:6.3f} {gt.r:6.3f} {gt.f1:6.3f} {gt.gold:6d}")
    print("anchors (PolNeAR full, exact): CofeNet+BERT source 83.2 / cue 75.3 / content 72.9; "
          "GenderGapTracker 83.7 quote F1 / 86.5 speaker acc (its own news set)")
    print(f"speed: {qps:.0f} quotes/s, {ms:.2f} ms per article added by find_quotes (parse excluded)")
    result = {"bench": "quotes", "split": args.split, "model": model,
              "direct_f1_exact": round(s["direct_exact_f1"], 4),
              "direct_f1_overlap": round(s["direct_03_f1"], 4),
              "direct_f1_overlap80": round(s["direct_08_f1"], 4),
              "direct_speaker_acc": round(s["speaker_acc"], 4),
              "full_source_f1": round(s["source_f1"], 4), "full_cue_f1": round(s["cue_f1"], 4),
              "full_content_f1": round(s["content_f1"], 4),
              "full_content_f1_overlap": round(s["content_03_f1"], 4),
              "gum_f1": round(gt.f1, 4), "quotes_per_s": round(qps, 1), "ms_per_article": round(ms, 3)}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
