"""Cross-source comparison: who reports what, and where the outlets' accounts differ.

Given a story's articles and its timeline entries (`Event`s, e.g. from `build`):

- `outlets`: for each outlet (`Article.source`), its articles and the entries it
  reports (an entry is reported by an outlet when one of its sources is that
  outlet's);
- `exclusive`: entries only one outlet reports (when the story has several outlets);
- `date_disagreements`: the same event content dated differently by different
  outlets. Dated sentences (`events.extract`, explicit time expressions only) are
  grouped by content regardless of their dates (`SAME_CONTENT` cosine); a group
  whose outlets name different days is a disagreement;
- `number_disagreements`: the same event with different quantities of the same
  unit from different outlets ("12,000 gallons" vs "15,000 gallons"), within each
  entry's sources and within each content group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any, Sequence

from ..model import Article, Event
from .events import DatedSentence, extract
from .merge import EventCluster, closest, vectorize
from .text import content_words, numbers

__all__ = ["compare", "SAME_CONTENT", "WINDOW_DAYS", "UNKNOWN_OUTLET"]

# Cosine above which two dated sentences tell the same event even though their dates
# differ: stricter than merging (where the shared date is evidence too). Set on the
# hand-written pairs of tests/timeline/test_compare.py.
SAME_CONTENT = 0.5
# Two accounts of one event put it at most this far apart (and comparing within a
# window keeps the cost linear in the story's length).
WINDOW_DAYS = 31
# A sentence is compared with the groups that share one of its heaviest words.
_HEAVY_WORDS = 4
UNKNOWN_OUTLET = "unknown"


def compare(articles: Sequence[Article], events: Sequence[Event]) -> dict[str, Any]:
    """What each outlet reports and where outlets disagree (see the module doc)."""
    outlet_of = {a.id: a.source or UNKNOWN_OUTLET for a in articles}
    outlets: dict[str, dict[str, list]] = {}
    for a in articles:
        entry = outlets.setdefault(outlet_of[a.id], {"articles": [], "events": [], "exclusive": []})
        entry["articles"].append(a.id)
    exclusive = []
    for i, e in enumerate(events):
        who = sorted({outlet_of.get(s.get("article_id"), s.get("outlet") or UNKNOWN_OUTLET)
                      for s in e.sources})
        for o in who:
            entry = outlets.setdefault(o, {"articles": [], "events": [], "exclusive": []})
            entry["events"].append(i)
        if len(who) == 1 and len(outlets) > 1:
            outlets[who[0]]["exclusive"].append(i)
            exclusive.append({"event": i, "date": e.date, "text": e.text, "outlet": who[0]})
    groups = _content_groups([s for a in articles for s in extract(a) if s.how == "timex"])
    date_disagreements = []
    for members in groups:
        by_outlet: dict[str, Counter] = defaultdict(Counter)
        for m in members:
            if m.granularity == "day":
                by_outlet[m.outlet or UNKNOWN_OUTLET][m.date] += 1
        said = {o: c.most_common(1)[0][0] for o, c in by_outlet.items()}
        # A disagreement only when no day is named by every outlet of the group.
        common = set.intersection(*(set(c) for c in by_outlet.values())) if by_outlet else set()
        if len(said) > 1 and len(set(said.values())) > 1 and not common:
            date_disagreements.append({
                "text": members[0].sentence, "dates": dict(sorted(said.items())),
                "sources": [_source(m) for m in members if m.granularity == "day"]})
    number_disagreements = []
    seen: set[frozenset] = set()
    for i, e in enumerate(events):
        rows = [(outlet_of.get(s.get("article_id"), s.get("outlet") or UNKNOWN_OUTLET),
                 s.get("article_id"), s.get("sentence", "")) for s in e.sources]
        for found in _number_conflicts(rows, seen):
            number_disagreements.append({"event": i, "date": e.date, **found})
    for members in groups:
        rows = [(m.outlet or UNKNOWN_OUTLET, m.article_id, m.sentence) for m in members]
        for found in _number_conflicts(rows, seen):
            number_disagreements.append({"event": None, "date": members[0].date, **found})
    return {"outlets": dict(sorted(outlets.items())), "exclusive": exclusive,
            "date_disagreements": date_disagreements,
            "number_disagreements": number_disagreements}


def _source(m: DatedSentence) -> dict[str, Any]:
    return {"article_id": m.article_id, "outlet": m.outlet, "date": m.date, "sentence": m.sentence}


def _content_groups(sentences: list[DatedSentence]) -> list[list[DatedSentence]]:
    """Day-dated sentences grouped by content alone (greedy, against each group's
    centroid, among groups dated within `WINDOW_DAYS` that share one of the sentence's
    heaviest words); only groups with more than one outlet are kept."""
    sentences = sorted((s for s in sentences if s.granularity == "day"),
                       key=lambda s: (s.date, s.article_id, s.position))
    groups: list[EventCluster] = []
    index: dict[str, list[int]] = defaultdict(list)   # heavy word -> groups
    for s, v in zip(sentences, vectorize(sentences)):
        if not v:
            continue
        day = date.fromisoformat(s.date).toordinal()
        heavy = sorted(v, key=lambda w: -v[w])[:_HEAVY_WORDS]
        best = closest(v, (g for w in heavy for g in index.get(w, ())), groups, SAME_CONTENT,
                       lambda g: day - date.fromisoformat(groups[g].members[-1].date).toordinal()
                       <= WINDOW_DAYS)
        if best is None:
            best = len(groups)
            groups.append(EventCluster(s.date, s.granularity))
        groups[best].add(s, v)
        for w in heavy:
            if best not in index[w][-1:]:
                index[w].append(best)
    return [g.members for g in groups
            if len({m.outlet or UNKNOWN_OUTLET for m in g.members}) > 1]


def _number_conflicts(rows: list[tuple[str, str | None, str]], seen: set[frozenset]
                      ) -> list[dict[str, Any]]:
    """Units whose values differ between outlets among `rows` (outlet, article, sentence)."""
    by_unit: dict[str, list[tuple[str, str | None, float, str, str]]] = defaultdict(list)
    contexts: dict[tuple[str, str], set[str]] = {}
    for outlet, aid, sentence in rows:
        for value, unit, written in numbers(sentence):
            by_unit[unit].append((outlet, aid, value, written, sentence))
            contexts[(sentence, written)] = _context(sentence, written, unit)
    out = []
    for unit, all_items in by_unit.items():
        # Quantities of one unit are the same fact only when told in the same words
        # ("spilled 12,000 gallons" / "spilled 15,000 gallons", not "killing two people"
        # / "nine people were hurt"): keep the largest group sharing context words.
        items = _same_context(all_items, contexts)
        outlets = {o for o, *_ in items}
        values = sorted({v for _, _, v, _, _ in items})
        if len(outlets) < 2 or len(values) < 2 or _close(values[0], values[-1]):
            continue
        # Different values must come from different outlets (one outlet updating its
        # own figure is not a disagreement between outlets).
        per_outlet = defaultdict(set)
        for o, _, v, _, _ in items:
            per_outlet[o].add(v)
        if len({frozenset(v) for v in per_outlet.values()}) < 2:
            continue
        key = frozenset((o, w) for o, _, _, w, _ in items)
        if key in seen:
            continue
        seen.add(key)
        values_by_outlet: dict[str, list[str]] = defaultdict(list)
        for o, _, _, w, _ in items:
            if w not in values_by_outlet[o]:
                values_by_outlet[o].append(w)
        out.append({"unit": unit, "values": dict(sorted(values_by_outlet.items())),
                    "sources": [{"article_id": aid, "outlet": o, "sentence": s}
                                for o, aid, _, _, s in items]})
    return out


def _context(sentence: str, written: str, unit: str) -> set[str]:
    """Content words just around a quantity (the unit and other numbers left out)."""
    at = sentence.find(written)
    before = content_words(sentence[max(0, at - 40):at])[-3:]
    after = content_words(sentence[at + len(written):at + len(written) + 30])[:2]
    return {w for w in before + after if not w[0].isdigit() and w != unit}


def _same_context(items, contexts):
    best: list = []
    for anchor in items:
        words = contexts[(anchor[4], anchor[3])]
        group = [x for x in items if x is anchor
                 or len(words & contexts[(x[4], x[3])]) >= min(2, len(words))]
        if len(group) > len(best):
            best = group
    return best


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))
