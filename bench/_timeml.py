"""TimeML and MEANTIME readers, and the TempEval-3 Task A (timex) scorer.

Readers give every document the same shape: its name, its creation time (DCT, the
anchor), its plain text and the gold TIMEX3 annotations as character offsets into
that text (the DCT itself is not one of them).

- ``read_tml``: TimeML 1.2.1 ``.tml`` files (TBAQ-cleaned, TE3-platinum). The text is
  the content of ``<TEXT>`` with every tag removed and ``&amp;`` & co. unescaped.
- ``read_meantime``: MEANTIME CAT XML. The files hold tokens, not text, so the text is
  rebuilt: tokens joined by single spaces with no space before closing punctuation and
  clitics, one sentence per line. The dateline sentence (the DCT's own TIMEX3) is left
  out, as TE3 leaves the DCT out of ``<TEXT>``; the title line is kept (it has timexes).
  MEANTIME annotates time expressions in the first six sentences only (title, dateline
  and four more: no TIMEX3 starts later), so the text stops there; otherwise every
  time expression further down would count as a false alarm. TIMEX3 markables with no
  tokens (implicit begin/end points) are not text and are skipped.

Scorer (``score``), re-implemented from the TempEval-3 toolkit (UzZaman et al. 2013;
github.com/naushadzaman/tempeval3_toolkit, ``evaluation-entities/evaluate_entities.py``
run after its TimeML-Normalizer):

- the toolkit first gives every system timex the id of the gold timex it overlaps
  (TimeML-Normalizer), then compares gold and system timexes *by id*, so matching is
  one-to-one. Here: system timexes in text order each take the first still-unmatched
  gold timex they overlap by at least one character. A system timex spanning two gold
  ones (``2009-2010`` vs ``2009`` + ``2010``) matches the first; the second is missed.
  Two system timexes inside one gold one: the first matches, the second is a false
  alarm;
- relaxed match = matched pair; strict match = matched pair with identical extent (the
  toolkit compares the covered text; an overlapping pair with equal text has equal
  extent);
- counts are summed over all documents (micro average): P = matched / system,
  R = matched / gold, F1 = 2PR / (P + R), for relaxed and strict alike;
- type and value *accuracy* = share of relaxed-matched pairs with equal ``type`` /
  ``value`` strings; Type F1 = type accuracy x relaxed F1, Value F1 = value accuracy x
  relaxed F1 (the toolkit's "Attribute F1");
- the DCT (tid ``t0``) is never scored.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

__all__ = ["Timex", "Document", "read_tml", "read_tml_dir", "read_meantime",
           "read_meantime_dir", "Scores", "score", "match"]


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    dct: str                       # YYYY-MM-DD
    text: str
    timexes: list[Timex] = field(default_factory=list)


# -- TimeML -------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def read_tml(path: str | Path) -> Document:
    """One TimeML document: DCT, plain text of <TEXT>, gold TIMEX3 offsets."""
    source = Path(path).read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    dct = _attrs(dct_match.group(1))["value"][:10] if dct_match else ""
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    body = body_match.group(1) if body_match else ""

    pieces: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position:tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, raw, selfclosing = tag.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, _attrs(raw)))
        elif open_timex:
            start, attrs = open_timex.pop()
            timexes.append(Timex(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    for timex in timexes:
        timex.text = text[timex.start:timex.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return Document(Path(path).name, dct, text, timexes)


def read_tml_dir(folder: str | Path) -> list[Document]:
    return [read_tml(p) for p in sorted(Path(folder).glob("*.tml"))]


# -- MEANTIME -----------------------------------------------------------------------

MEANTIME_LAST_SENTENCE = 5          # sentences 0..5 carry TIMEX3 annotations
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't",
                    "'re", "'ve", "'ll", "'d", "'m", "''", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


def read_meantime(path: str | Path) -> Document:
    """One MEANTIME document, text rebuilt from its tokens (see module docstring)."""
    root = ElementTree.parse(path).getroot()
    tokens = list(root.iter("token"))
    by_id = {t.get("t_id"): t for t in tokens}
    markables = root.find("Markables")
    timex_nodes = list(markables.iter("TIMEX3")) if markables is not None else []

    dct_node = _dct_node(timex_nodes, by_id)
    dct = _iso_day(dct_node.get("value", "")) if dct_node is not None else ""
    dct_sentences = ({by_id[a.get("t_id")].get("sentence") for a in dct_node.iter("token_anchor")}
                     if dct_node is not None else set())

    spans: dict[str, tuple[int, int]] = {}
    lines: list[str] = []
    offset = 0
    sentence: str | None = None
    line = ""
    previous = ""
    for token in tokens:
        if token.get("sentence") in dct_sentences or int(token.get("sentence")) > MEANTIME_LAST_SENTENCE:
            continue
        word = token.text or ""
        if token.get("sentence") != sentence:
            if sentence is not None:
                lines.append(line)
                offset += len(line) + 1
            sentence, line, previous = token.get("sentence"), "", ""
        if line and word not in _NO_SPACE_BEFORE and previous not in _NO_SPACE_AFTER:
            line += " "
        spans[token.get("t_id")] = (offset + len(line), offset + len(line) + len(word))
        line += word
        previous = word
    lines.append(line)
    text = "\n".join(lines)

    timexes = []
    for node in timex_nodes:
        anchors = [a.get("t_id") for a in node.iter("token_anchor")]
        if node is dct_node or not anchors:
            continue
        covered = [spans[a] for a in anchors if a in spans]
        if not covered:
            continue
        start, end = min(s for s, _ in covered), max(e for _, e in covered)
        timexes.append(Timex(start, end, text[start:end], node.get("type", ""),
                             node.get("value", "")))
    timexes.sort(key=lambda t: (t.start, t.end))
    return Document(Path(path).name, dct, text, timexes)


def _iso_day(value: str) -> str:
    """YYYY-MM-DD from a DCT value; one MEANTIME file writes "03-02-2009" (day first:
    its "last month" is January 2009)."""
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value)
    return f"{m[3]}-{m[2]}-{m[1]}" if m else value[:10]


def _dct_node(timex_nodes, tokens_by_id):
    """The CREATION_TIME TIMEX3; two files lack one and annotate their dateline
    (sentence 1, a full date) as a plain DATE instead: that one is the DCT then."""
    for node in timex_nodes:
        if node.get("functionInDocument") == "CREATION_TIME":
            return node
    for node in timex_nodes:
        sentences = {tokens_by_id[a.get("t_id")].get("sentence") for a in node.iter("token_anchor")}
        if sentences == {"1"} and re.fullmatch(r"\d{4}-\d\d-\d\d", node.get("value", "")):
            return node
    return None


def read_meantime_dir(folder: str | Path) -> list[Document]:
    return [read_meantime(p) for p in sorted(Path(folder).glob("*/*.xml"))]


# -- scorer -------------------------------------------------------------------------


def match(gold: list, system: list) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of overlapping timexes.

    Each system timex, in text order, takes the first unmatched gold timex it overlaps
    (the TE3 toolkit's id alignment). Works on anything with ``start``/``end``.
    """
    order_gold = sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end))
    order_system = sorted(range(len(system)), key=lambda i: (system[i].start, system[i].end))
    taken: set[int] = set()
    pairs = []
    for s in order_system:
        sys_timex = system[s]
        for g in order_gold:
            if g in taken:
                continue
            gold_timex = gold[g]
            if gold_timex.start < sys_timex.end and sys_timex.start < gold_timex.end:
                taken.add(g)
                pairs.append((g, s))
                break
    return pairs


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    relaxed: int = 0               # matched pairs
    strict: int = 0                # matched pairs with identical extent
    type_ok: int = 0
    value_ok: int = 0

    def add(self, gold: list, system: list) -> list[tuple[int, int]]:
        pairs = match(gold, system)
        self.gold += len(gold)
        self.system += len(system)
        self.relaxed += len(pairs)
        for g, s in pairs:
            self.strict += (gold[g].start, gold[g].end) == (system[s].start, system[s].end)
            self.type_ok += gold[g].type == system[s].type
            self.value_ok += gold[g].value == system[s].value
        return pairs

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        rp = self.relaxed / self.system if self.system else 0.0
        rr = self.relaxed / self.gold if self.gold else 0.0
        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        relaxed_f1 = self._f1(rp, rr)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {
            "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": relaxed_f1,
            "strict_p": sp, "strict_r": sr, "strict_f1": self._f1(sp, sr),
            "type_acc": type_acc, "value_acc": value_acc,
            "type_f1": type_acc * relaxed_f1, "value_f1": value_acc * relaxed_f1,
        }


def score(pairs_of_lists) -> dict[str, float]:
    """TE3 figures over an iterable of (gold timexes, system timexes), one per document."""
    scores = Scores()
    for gold, system in pairs_of_lists:
        scores.add(list(gold), list(system))
    return scores.figures()
