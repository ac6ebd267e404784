"""TempEval-3 Task A (time expressions): storyline.timex against TimeML gold.

Splits, each tagged with its document creation time (DCT) as the anchor:
- platinum: `tempeval3/te3-platinum`, the TE3 test set (20 docs, 138 timexes). The
  test: report it, never tune on its errors;
- tbaq: `tempeval3/TBAQ-cleaned` TimeBank + AQUAINT (256 docs, 1,822 timexes), tuning;
- meantime: `meantime-en` (120 Wikinews docs, 368 timexes), tuning.

Scored the TE3 way (bench/_timeml.py): relaxed and strict P/R/F1, value F1 and type
F1 = accuracy over relaxed matches x relaxed F1. Published on platinum: HeidelTime-t
90.30 relaxed F1 / 81.34 strict F1 / 77.61 value F1 (the TE3 winner).

    python bench/te3.py [--data ../shared/data] [--show-errors tbaq|meantime|platinum]
    python bench/te3.py --check      # the scorer against gold and a perturbed gold

Last stdout line: {"bench": "te3", "relaxed_f1", "strict_f1", "value_f1", "type_acc",
"timexes_per_s", then the same per split as "<split>_<key>"}; scores are fractions.
"""

from __future__ import annotations


import argparse
import json
import sys
import time
from pathlib import Path


from _timeml import Document, Scores, Timex, match, read_meantime_dir, read_tml_dir  # noqa: E402

from storyline.timex import tag  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("platinum", "tbaq", "meantime")


def load(data: Path, split: str) -> list[Document]:
    if split == "platinum":
        return read_tml_dir(data / "tempeval3" / "te3-platinum")
    if split == "tbaq":
        tbaq = data / "tempeval3" / "TBAQ-cleaned"
        return read_tml_dir(tbaq / "TimeBank") + read_tml_dir(tbaq / "AQUAINT")
    if split == "meantime":
        return read_meantime_dir(data / "meantime-en" / "intra_cross-doc_annotation")
    raise ValueError(split)


def run(documents: list[Document]) -> tuple[list[list[Timex]], float]:
    """System timexes per document, and the seconds spent tagging."""
    outputs = []
    started = time.perf_counter()
    for doc in documents:
        found = tag(doc.text, doc.dct or None)
        outputs.append([Timex(t.start, t.end, t.text, t.type, t.value) for t in found])
    return outputs, time.perf_counter() - started


def score_split(documents: list[Document], outputs: list[list[Timex]]) -> dict[str, float]:
    scores = Scores()
    for doc, system in zip(documents, outputs):
        scores.add(doc.timexes, system)
    figures = scores.figures()
    figures.update(gold=scores.gold, system=scores.system)
    return figures


def show_errors(documents: list[Document], outputs: list[list[Timex]]) -> None:
    """Misses, false alarms, extent and value/type mistakes, with context."""
    def context(doc: Document, start: int, end: int) -> str:
        left = doc.text[max(0, start - 50):start].replace("\n", " ")
        right = doc.text[end:end + 30].replace("\n", " ")
        return f"{left}[[{doc.text[start:end]}]]{right}"

    counts = dict.fromkeys(("MISS", "FALSE", "EXTENT", "VALUE"), 0)
    for doc, system in zip(documents, outputs):
        pairs = match(doc.timexes, system)
        matched_gold = {g for g, _ in pairs}
        matched_system = {s for _, s in pairs}
        for i, gold in enumerate(doc.timexes):
            if i not in matched_gold:
                counts["MISS"] += 1
                print(f"MISS   {doc.name} {doc.dct} {gold.type:8} {gold.value:14} | "
                      f"{context(doc, gold.start, gold.end)}")
        for i, sys_timex in enumerate(system):
            if i not in matched_system:
                counts["FALSE"] += 1
                print(f"FALSE  {doc.name} {doc.dct} {sys_timex.type:8} {sys_timex.value:14} | "
                      f"{context(doc, sys_timex.start, sys_timex.end)}")
        for g, s in pairs:
            gold, sys_timex = doc.timexes[g], system[s]
            if (gold.start, gold.end) != (sys_timex.start, sys_timex.end):
                counts["EXTENT"] += 1
                print(f"EXTENT {doc.name} {doc.dct} gold {gold.text!r} system {sys_timex.text!r}")
            if gold.value != sys_timex.value or gold.type != sys_timex.type:
                counts["VALUE"] += 1
                print(f"VALUE  {doc.name} {doc.dct} gold {gold.type}/{gold.value} system "
                      f"{sys_timex.type}/{sys_timex.value} | {context(doc, gold.start, gold.end)}")
    print("errors: " + ", ".join(f"{n} {kind.lower()}" for kind, n in counts.items())
          + " (extent: overlapping but not the same span; value: wrong type or value)")


def check_scorer(documents: list[Document]) -> bool:
    """Gold against itself scores 1.0; a perturbed copy scores what counting says.

    Perturbation of the i-th gold timex of the split (document order): i % 10 == 0 is
    dropped, i % 10 == 5 is shifted right by one character (still overlapping, no
    longer exact), i % 10 == 3 gets a wrong value, i % 10 == 7 a wrong type. The
    counting assumes gold timexes do not overlap, so documents with nested gold (two
    MEANTIME files nest "2009" inside "from 2009 to 2011") are left out of it.
    """
    identical = Scores()
    for doc in documents:
        identical.add(doc.timexes, list(doc.timexes))
    perfect = identical.figures()
    ok = all(abs(v - 1.0) < 1e-12 for v in perfect.values())
    print(f"gold vs gold: {'all 1.0' if ok else perfect}")

    perturbed = Scores()
    dropped = shifted = revalued = retyped = total = 0
    index = 0
    flat = [doc for doc in documents
            if all(a.end <= b.start for a, b in zip(doc.timexes, doc.timexes[1:]))]
    for doc in flat:
        system = []
        for gold in doc.timexes:
            k, index = index % 10, index + 1
            total += 1
            if k == 0:
                dropped += 1
                continue
            copy = Timex(gold.start, gold.end, gold.text, gold.type, gold.value)
            if k == 5 and gold.end - gold.start > 1:
                copy.start, copy.end = gold.start + 1, gold.end + 1
                shifted += 1
            if k == 3:
                copy.value, revalued = copy.value + "-wrong", revalued + 1
            if k == 7:
                copy.type, retyped = "WRONG", retyped + 1
            system.append(copy)
        perturbed.add(doc.timexes, system)
    got = perturbed.figures()
    kept = total - dropped
    relaxed_r = kept / total
    relaxed_f1 = 2 * relaxed_r / (1 + relaxed_r)
    strict_p = (kept - shifted) / kept
    strict_r = (kept - shifted) / total
    expected = {
        "relaxed_p": 1.0, "relaxed_r": relaxed_r, "relaxed_f1": relaxed_f1,
        "strict_p": strict_p, "strict_r": strict_r,
        "strict_f1": 2 * strict_p * strict_r / (strict_p + strict_r),
        "value_acc": (kept - revalued) / kept, "type_acc": (kept - retyped) / kept,
        "value_f1": (kept - revalued) / kept * relaxed_f1,
        "type_f1": (kept - retyped) / kept * relaxed_f1,
    }
    print(f"perturbed: {len(documents) - len(flat)} docs with nested gold left out; "
          f"{total} gold, {dropped} dropped, {shifted} shifted, "
          f"{revalued} wrong values, {retyped} wrong types")
    all_ok = ok
    for key, want in expected.items():
        same = abs(got[key] - want) < 1e-12
        all_ok &= same
        print(f"  {key:11} expected {want:.6f}  scorer {got[key]:.6f}  {'ok' if same else 'DIFFERENT'}")
    return all_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--show-errors", choices=SPLITS, help="list this split's mistakes")
    parser.add_argument("--check", action="store_true", help="prove the scorer, then exit")
    args = parser.parse_args()
    data = Path(args.data)

    if args.check:
        ok = all([check_scorer(load(data, split)) for split in SPLITS])
        print(json.dumps({"bench": "te3-scorer-check", "ok": ok}))
        sys.exit(0 if ok else 1)

    results: dict[str, dict[str, float]] = {}
    found = seconds = 0.0
    for split in SPLITS:
        documents = load(data, split)
        outputs, spent = run(documents)
        found += sum(len(o) for o in outputs)
        seconds += spent
        results[split] = score_split(documents, outputs)
        if args.show_errors == split:
            show_errors(documents, outputs)

    print(f"{'split':9} {'gold':>5} {'sys':>5}  {'relaxed P':>9} {'R':>6} {'F1':>6}   "
          f"{'strict P':>8} {'R':>6} {'F1':>6}   {'value F1':>8} {'type F1':>7} {'value acc':>9} {'type acc':>8}")
    for split, r in results.items():
        print(f"{split:9} {r['gold']:5d} {r['system']:5d}  {r['relaxed_p']:9.2%} {r['relaxed_r']:6.2%} "
              f"{r['relaxed_f1']:6.2%}   {r['strict_p']:8.2%} {r['strict_r']:6.2%} {r['strict_f1']:6.2%}   "
              f"{r['value_f1']:8.2%} {r['type_f1']:7.2%} {r['value_acc']:9.2%} {r['type_acc']:8.2%}")
    print("published on platinum: HeidelTime-t relaxed F1 90.30, strict F1 81.34, value F1 77.61")
    rate = found / seconds if seconds else 0.0
    print(f"speed: {found:.0f} time expressions in {seconds:.2f} s = {rate:,.0f} timexes/s")

    headline = results["platinum"]
    summary = {"bench": "te3"}
    summary.update({k: round(headline[k], 4) for k in ("relaxed_f1", "strict_f1", "value_f1", "type_acc")})
    summary["timexes_per_s"] = round(rate, 1)
    for split, r in results.items():
        for key in ("relaxed_p", "relaxed_r", "relaxed_f1", "strict_f1", "value_f1", "value_acc", "type_acc"):
            summary[f"{split}_{key}"] = round(r[key], 4)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
