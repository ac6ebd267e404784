"""Entity resolution (storyline.entities): B-cubed F1 of cross-document name clusters.

Data (read from --data, nothing copied):
- meantime: `meantime-en`, 120 Wikinews articles in 4 topic corpora (airbus, apple, gm,
  stock). Gold cluster = the cross-document entity instance (`instance_id`) a mention
  REFERS_TO. Story of an article = its topic corpus.
- gum: `gum_news_interview`, 43 Wikinews news and interview documents (dep/*.conllu).
  Gold cluster = the Wikipedia identity of the mention's entity when it has one (links
  across documents), else the document's own coreference chain. Story = the document
  (the documents are unrelated).

Gold types kept: MEANTIME PER/ORG/LOC -> PERSON/ORG/LOC (PRO, FIN, MIX dropped); GUM
person/organization/place -> PERSON/ORG/LOC (the other 7 types dropped).

Mentions evaluated: the NAMED gold mentions of those types (the resolver links names;
pronouns and common nouns are another task). MEANTIME: syntactic type NAM, PRE.NAM, APP
or unset, and a capitalized word that is not a determiner/pronoun in the span
(conjunctions of entities, CONJ, are not one entity and are left out). GUM: the span's
syntactic head (gold dependencies) is a PROPN.

Protocols (B-cubed over the gold mentions in both):
- gold: the gold spans go through the article stage (`mentions_from_spans`: cleaning,
  titles, within-article names) and `resolve`; this is the headline figure;
- e2e: our language model reads each document (gold tokens); its mentions
  (`find_mentions`) are matched to gold mentions (a predicted name that covers the gold
  phrase's head word and does not start before the phrase); unmatched predictions are
  ignored, gold mentions left unmatched count as singletons. Needs a model (STORYLINE_MODEL or the shipped one);
  skipped with --no-model. Every installed spaCy English package (en_core_web_sm, ...) runs
  the same protocol side by side, loaded as a build would load it (`--model`).
- baseline (gold spans): exact string match of the lower-cased mention text.
Variants on MEANTIME: "loose" keeps every span with a capitalized non-determiner word
(1,517 mentions instead of 1,416: also descriptions like "U.S. automaker"); "no stories"
treats the four topics as one story. On GUM, "linked only" keeps just the mentions with a
Wikipedia link.

    python bench/entities.py [--data ../shared/data] [--no-model] [--show-errors meantime|gum|meantime-e2e|gum-e2e]

Last stdout line: {"bench": "entities", "meantime_b3_f1", "gum_b3_f1", ... P/R, e2e and
baseline figures, "<corpus>_e2e_found" = share of gold mentions our NER matched,
"spacy_<package>_<corpus>_e2e_b3_f1" / "..._e2e_found" for installed packages}; scores are
fractions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

_HERE = Path(__file__).resolve().parent

from _coref import b_cubed  # noqa: E402
from _data import installed_spacy_packages  # noqa: E402

from storyline.entities import find_mentions, mentions_from_spans, resolve  # noqa: E402

ROOT = _HERE.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"

MEANTIME_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
MEANTIME_NAMED = {"NAM", "PRE.NAM", "APP", "", None}
GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
_FUNCTION = set("the a an its his her their our we i he she it they this that these those "
                "who which some many one any every all both us them".split())
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "'s", "'", "?", "!", "%", "''", "n't"}


@dataclass
class GoldMention:
    id: str
    start: int                      # token offsets into the document
    end: int
    type: str
    cluster: str
    head: int = -1                  # the token naming it: predicted mentions must cover it (e2e)


@dataclass
class GoldDoc:
    id: str
    story: str
    words: list[str]
    spaces: list[bool]
    sent_starts: list[bool]
    tags: list[str] | None = None
    mentions: list[GoldMention] = field(default_factory=list)


# -- readers -------------------------------------------------------------------


def _head(words: list[str]) -> int:
    """The phrase's head word: its last word before any apposition or relative clause."""
    end = len(words)
    for k, w in enumerate(words):
        if k and w in (",", "(", "which", "who", "that", "--"):
            end = k
            break
    while end > 1 and words[end - 1] in ("'s", "'", ")", "``", "''", '"'):
        end -= 1
    return end - 1


def _named_words(words: list[str]) -> bool:
    """A name heads the phrase: its head word is capitalized (the counterpart of GUM's
    PROPN head; "U.S. automaker" is not a name)."""
    head = words[_head(words)]
    return head[:1].isupper() and head.lower() not in _FUNCTION


def _any_name_word(words: list[str]) -> bool:
    """The looser selection: any capitalized word that is not a determiner or pronoun."""
    return any(w[:1].isupper() and w.lower() not in _FUNCTION for w in words)


def read_meantime(data: Path, named=_named_words) -> list[GoldDoc]:
    docs = []
    for path in sorted((data / "meantime-en" / "intra_cross-doc_annotation").glob("*/*.xml")):
        root = ET.parse(path).getroot()
        tokens = list(root.iter("token"))
        index = {t.get("t_id"): i for i, t in enumerate(tokens)}
        words = [t.text or "" for t in tokens]
        sents = [t.get("sentence") for t in tokens]
        markables = root.find("Markables")
        spans, instances = {}, {}
        for el in markables:
            if el.tag == "ENTITY_MENTION":
                ids = sorted(index[a.get("t_id")] for a in el.findall("token_anchor"))
                if ids:
                    spans[el.get("m_id")] = (el.get("syntactic_type"), ids)
            elif el.tag == "ENTITY":
                instances[el.get("m_id")] = (el.get("ent_type"), el.get("instance_id"))
        doc = GoldDoc(id=path.stem, story=path.parent.name.replace("corpus_", ""), words=words,
                      spaces=[i + 1 < len(words) and words[i + 1] not in _NO_SPACE_BEFORE
                              for i in range(len(words))],
                      sent_starts=[i == 0 or sents[i] != sents[i - 1] for i in range(len(words))])
        seen = set()
        for rel in root.iter("REFERS_TO"):
            target = rel.find("target")
            if target is None or target.get("m_id") not in instances:
                continue
            etype, instance = instances[target.get("m_id")]
            if etype not in MEANTIME_TYPES or not instance:
                continue
            for source in rel.findall("source"):
                mid = source.get("m_id")
                if mid not in spans or mid in seen:
                    continue
                syntactic, ids = spans[mid]
                # discontinuous spans keep their first contiguous run
                end = ids[0] + 1
                while end in ids:
                    end += 1
                if syntactic not in MEANTIME_NAMED or not named(words[ids[0]:end]):
                    continue
                seen.add(mid)
                doc.mentions.append(GoldMention(f"{path.stem}#{mid}", ids[0], end,
                                                MEANTIME_TYPES[etype], instance,
                                                ids[0] + _head(words[ids[0]:end])))
        docs.append(doc)
    return docs


_BRACKET = re.compile(r"\(([^()]*)|([^()]*)\)")


def read_gum(data: Path) -> list[GoldDoc]:
    docs = []
    for path in sorted((data / "gum_news_interview" / "dep").glob("*.conllu")):
        words, spaces, tags, sent_starts, upos, heads = [], [], [], [], [], []
        opened: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
        found = []
        base = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line:
                base = len(words)
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            i = len(words)
            words.append(cols[1])
            tags.append(cols[4])
            upos.append(cols[3])
            heads.append(base + int(cols[6]) - 1 if cols[6] != "0" else -1)
            sent_starts.append(cols[0] == "1")
            misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
            spaces.append(misc.get("SpaceAfter") != "No")
            entity = misc.get("Entity", "")
            last_open = None
            for m in _BRACKET.finditer(entity):
                if m.group(1) is not None:          # an opening "(id-type-...-identity"
                    fields = m.group(1).split("-", 7)
                    opened[fields[0]].append((i, fields))
                    last_open = fields[0]
                else:                               # a closing "id)" (or ")" of the one just opened)
                    eid = m.group(2) or last_open
                    if eid and opened.get(eid):
                        start, fields = opened[eid].pop()
                        found.append((start, i + 1, fields))
        doc = GoldDoc(id=path.stem, story=path.stem, words=words, spaces=spaces,
                      sent_starts=sent_starts, tags=tags)
        for n, (start, end, fields) in enumerate(sorted(found)):
            if len(fields) < 2 or fields[1] not in GUM_TYPES:
                continue
            # the span's syntactic head: its token whose head lies outside it
            inside = [k for k in range(start, end) if not start <= heads[k] < end] or [start]
            if upos[inside[0]] != "PROPN":
                continue
            identity = fields[7] if len(fields) > 7 and fields[7] else None
            cluster = f"wiki:{identity}" if identity else f"{path.stem}:{fields[0]}"
            doc.mentions.append(GoldMention(f"{path.stem}#{n}", start, end,
                                            GUM_TYPES[fields[1]], cluster, inside[0]))
        docs.append(doc)
    return docs


# -- protocols -----------------------------------------------------------------


def _spacy_doc(gold: GoldDoc, vocab):
    from spacy.tokens import Doc

    return Doc(vocab, words=gold.words, spaces=gold.spaces, tags=gold.tags,
               sent_starts=gold.sent_starts)


def _score(docs: list[GoldDoc], predicted: dict[str, tuple[str, str, str] | None],
           articles: list, story_of: dict[str, str]) -> tuple[tuple[float, float, float], dict]:
    resolution = resolve(articles, story_of)
    gold = {m.id: m.cluster for d in docs for m in d.mentions}
    pred = {}
    for mid, key in predicted.items():
        if key is not None:
            eid = resolution.entity_id(*key)
            if eid is not None:
                pred[mid] = eid
    return b_cubed(gold, pred), pred


def run_gold(docs: list[GoldDoc], vocab) -> tuple[tuple[float, float, float], dict, dict]:
    """Gold spans through the article stage and resolve."""
    predicted, articles, names = {}, [], {}
    for gold in docs:
        doc = _spacy_doc(gold, vocab)
        out = mentions_from_spans(doc, [(m.start, m.end, m.type) for m in gold.mentions])
        for gm, mention in zip(gold.mentions, out):
            predicted[gm.id] = (gold.id, mention.name, mention.type) if mention else None
            names[gm.id] = mention.name if mention else None
        articles.append(SimpleNamespace(id=gold.id, mentions=[m for m in out if m]))
    scores, pred = _score(docs, predicted, articles, {d.id: d.story for d in docs})
    return scores, pred, names


def run_e2e(docs: list[GoldDoc], nlp) -> tuple[tuple[float, float, float], float, dict, dict]:
    """Our model's mentions, matched to the gold mentions."""
    predicted, articles, names = {}, [], {}
    for gold in docs:
        doc = _spacy_doc(gold, nlp.vocab)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        found = find_mentions(doc)
        articles.append(SimpleNamespace(id=gold.id, mentions=found))
        for gm in gold.mentions:
            # the predicted name must cover the gold phrase's head word, and stay inside it
            gs, ge = doc[gm.start].idx, doc[gm.end - 1].idx + len(doc[gm.end - 1].text)
            head = doc[gm.head].idx
            covering = [m for m in found if m.start <= head < m.end and gs <= m.start]
            best = max(covering, key=lambda m: m.end - m.start, default=None)
            predicted[gm.id] = (gold.id, best.name, best.type) if best else None
            names[gm.id] = best.name if best else None
    scores, pred = _score(docs, predicted, articles, {d.id: d.story for d in docs})
    found = sum(1 for v in predicted.values() if v is not None) / max(1, len(predicted))
    return scores, found, pred, names


def run_baseline(docs: list[GoldDoc]) -> tuple[float, float, float]:
    gold = {m.id: m.cluster for d in docs for m in d.mentions}
    pred = {m.id: " ".join(d.words[m.start:m.end]).lower() for d in docs for m in d.mentions}
    return b_cubed(gold, pred)


def show_errors(docs: list[GoldDoc], pred: dict, names: dict, limit: int = 60) -> None:
    """Gold clusters our entities split, and entities that join several gold clusters."""
    text = {m.id: " ".join(d.words[m.start:m.end]) for d in docs for m in d.mentions}
    by_gold, by_pred = defaultdict(list), defaultdict(list)
    for d in docs:
        for m in d.mentions:
            by_gold[m.cluster].append(m.id)
            by_pred[pred.get(m.id, m.id)].append(m.id)
    shown = 0
    for cluster, ids in sorted(by_gold.items(), key=lambda kv: -len(kv[1])):
        parts = Counter(pred.get(i, i) for i in ids)
        if len(parts) > 1 and shown < limit:
            shown += 1
            groups = defaultdict(set)
            for i in ids:
                groups[pred.get(i, i)].add(f"{text[i]} -> {names.get(i)}")
            print(f"SPLIT {cluster}: " + " | ".join(sorted("; ".join(sorted(g)) for g in groups.values())))
    shown = 0
    for entity, ids in sorted(by_pred.items(), key=lambda kv: -len(kv[1])):
        clusters = Counter(next(m.cluster for d in docs for m in d.mentions if m.id == i) for i in ids)
        if len(clusters) > 1 and shown < limit:
            shown += 1
            print(f"JOINED {dict(clusters)}: {sorted({text[i] for i in ids})}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--no-model", action="store_true", help="skip the end-to-end protocol")
    ap.add_argument("--show-errors", choices=("meantime", "gum", "meantime-e2e", "gum-e2e"))
    args = ap.parse_args(argv)
    import spacy

    vocab = spacy.blank("en").vocab
    corpora = {"meantime": read_meantime(args.data), "gum": read_gum(args.data)}
    nlp = None
    if not args.no_model:
        try:
            from storyline import nlp as storyline_nlp

            nlp = storyline_nlp.load()
        except Exception as e:  # noqa: BLE001 - the bench still reports the gold protocol
            print(f"no language model, end-to-end skipped: {e}", file=sys.stderr)
    others = {} if nlp is None else {
        p: storyline_nlp.load(p) for p in installed_spacy_packages(skip=storyline_nlp.model_name())}
    out = {"bench": "entities"}
    rows = []
    for name, docs in corpora.items():
        n_mentions = sum(len(d.mentions) for d in docs)
        n_clusters = len({m.cluster for d in docs for m in d.mentions})
        t0 = time.perf_counter()
        (p, r, f), pred, names = run_gold(docs, vocab)
        secs = time.perf_counter() - t0
        bp, br, bf = run_baseline(docs)
        out.update({f"{name}_b3_f1": round(f, 4), f"{name}_b3_p": round(p, 4),
                    f"{name}_b3_r": round(r, 4), f"{name}_baseline_b3_f1": round(bf, 4),
                    f"{name}_mentions": n_mentions, f"{name}_gold_entities": n_clusters})
        rows.append((name, "gold spans", p, r, f))
        rows.append((name, "baseline: exact string", bp, br, bf))
        if nlp is not None:
            (ep, er, ef), found, e2e_pred, e2e_names = run_e2e(docs, nlp)
            if args.show_errors == f"{name}-e2e":
                show_errors(docs, e2e_pred, e2e_names)
            out.update({f"{name}_e2e_b3_f1": round(ef, 4), f"{name}_e2e_b3_p": round(ep, 4),
                        f"{name}_e2e_b3_r": round(er, 4), f"{name}_e2e_found": round(found, 4)})
            rows.append((name, "end to end (our NER)", ep, er, ef))
            print(f"{name}: our NER found {found:.1%} of the named gold mentions (e2e)")
            for package, other in others.items():
                (sp, sr, sf), sfound, _, _ = run_e2e(docs, other)
                out.update({f"spacy_{package}_{name}_e2e_b3_f1": round(sf, 4),
                            f"spacy_{package}_{name}_e2e_found": round(sfound, 4)})
                rows.append((name, f"end to end ({package[:15]})", sp, sr, sf))
                print(f"{name}: {package} found {sfound:.1%} of the named gold mentions (e2e)")
        print(f"{name}: {len(docs)} documents, {n_mentions} named gold mentions, "
              f"{n_clusters} gold entities; gold protocol {secs:.2f} s")
        if args.show_errors == name:
            show_errors(docs, pred, names)
    # the same protocol on MEANTIME's looser mention selection (descriptions such as
    # "U.S. automaker" kept: they name no one and count as singletons for us)
    loose = read_meantime(args.data, named=_any_name_word)
    (lp, lr, lf), _, _ = run_gold(loose, vocab)
    out.update({"meantime_loose_b3_f1": round(lf, 4),
                "meantime_loose_mentions": sum(len(d.mentions) for d in loose)})
    rows.append(("meantime", "gold spans, loose select", lp, lr, lf))
    # without stories: a lone surname may join a namesake from any topic
    (np_, nr, nf), _, _ = run_gold([GoldDoc(**{**vars(d), "story": "*"}) for d in corpora["meantime"]],
                                   vocab)
    out["meantime_no_story_b3_f1"] = round(nf, 4)
    rows.append(("meantime", "gold spans, no stories", np_, nr, nf))
    # GUM restricted to the mentions with a Wikipedia link
    linked = [GoldDoc(**{**vars(d), "mentions": [m for m in d.mentions if m.cluster.startswith("wiki:")]})
              for d in corpora["gum"]]
    (wp, wr, wf), _, _ = run_gold(linked, vocab)
    out.update({"gum_linked_b3_f1": round(wf, 4),
                "gum_linked_mentions": sum(len(d.mentions) for d in linked)})
    rows.append(("gum", "gold spans, linked only", wp, wr, wf))
    print(f"\n{'corpus':<10} {'protocol':<24} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}")
    for name, protocol, p, r, f in rows:
        print(f"{name:<10} {protocol:<24} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
