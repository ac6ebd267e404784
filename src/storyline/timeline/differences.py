"""Where the outlets' accounts differ: claims compared, not strings.

From the claims of a story's articles (`claims.claims`):

1. Claims are tied into *things* by what they measure (`Claim.measures`): the unit
   ("barrel/day", "$", "person") and the frame the words next to the figure give it
   ("leaked", "captured", "cost", "dividend", "killed": `claims.FRAMES`). A figure whose
   frame is unknown is compared with nothing: words shared with another figure's
   sentence do not make them one quantity (on the oil-spill labels, figures of one
   thing shared almost no words, and figures of different things shared many).
2. A *difference*: two outlets give one thing different values within `SAME_TIME_DAYS`
   of each other (any time apart when the thing is no series: a figure never revised
   but told two ways), neither value being one the other outlet also gives then, and
   neither figure called old by its own sentence. Each outlet's account is the value
   it gives most then, with its sentence, article and whom it credits.
3. A *series*: one thing whose value moves over the story (an estimate revised, a cost
   that grows), shown as its steps: the first report of each new value told by at
   least two articles. An estimate revised later is an update, not a disagreement.

Every difference carries a `confidence`: the share of differences with its features
a person judged right (see `CONFIDENCE`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Sequence

from ..model import Article
from .claims import Claim, claims, same_value

__all__ = ["differences", "things", "Thing", "CONFIDENCE", "SAME_TIME_DAYS", "THING_GAP_DAYS",
           "SERIES_MIN_STEPS", "SERIES_MIN_DAYS", "MAX_DIFFERENCES"]

# Two outlets' figures are "at the same time" within this many days of each other.
# Set by reasoning: a figure is news for a day or two; the labelled number differences
# (bench/data/compare_labels.jsonl) are told on the same day or up to three days apart.
SAME_TIME_DAYS = 2
# A story's figures of one measure are one thing unless none is told for this long.
THING_GAP_DAYS = 45
# A series has at least this many values, over at least `SERIES_MIN_DAYS`.
SERIES_MIN_STEPS = 3
SERIES_MIN_DAYS = 7
# Differences shown per story, the most certain first.
MAX_DIFFERENCES = 60

# The share of reported differences with these features a person judged right, on the
# dev topics of bench/compare.py (kind, whether every account credits a source, whether
# each differing figure is given by two claims of the window).
CONFIDENCE = {
    ("number", True, True): 0.7,      # every account credits a source; each figure repeated
    ("number", True, False): 0.6,
    ("number", False, True): 0.5,
    ("number", False, False): 0.4,
    ("date", False): 0.4,
    ("exclusive", False): 0.5,
}


@dataclass
class Thing:
    """Figures of one measure (unit and frame), in date order."""
    unit: str
    frame: str
    members: list[Claim] = field(default_factory=list)

    def label(self) -> str:
        """What a reader calls it: "amount leaked a day", "cost (US dollars)", "people
        killed", "vessels deployed"."""
        base, _, per = self.unit.partition("/")
        a_day = f" a {per}" if per else ""
        money = {"$": "US dollars", "£": "pounds", "€": "euros"}.get(base)
        if money:
            return f"{self.frame}{a_day} ({money})"
        if base == "litre":                # volumes are compared in litres, told as written
            return f"amount {self.frame}{a_day}"
        things = "people" if base == "person" else base + "s"
        return f"{things} {self.frame}{a_day}"


def _ordinal(day: str) -> int:
    return date.fromisoformat(day).toordinal()


def things(found: Sequence[Claim]) -> list[Thing]:
    """Claims tied into things: the same measure, a new thing after a gap of more than
    `THING_GAP_DAYS`. Figures whose measure is unknown are left out."""
    by_measure: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in found:
        if c.measures:
            by_measure[c.measures].append(c)
    out: list[Thing] = []
    for (unit, frame), members in sorted(by_measure.items()):
        last = None
        for c in sorted(members, key=lambda c: (c.day, c.article_id, c.position)):
            day = _ordinal(c.day)
            if last is None or day - last > THING_GAP_DAYS:
                out.append(Thing(unit, frame))
            out[-1].members.append(c)
            last = day
    return out


def differences(articles: Sequence[Article]) -> dict[str, Any]:
    """The story's number differences and series (see the module doc)."""
    diffs, series = [], []
    for t in things([c for a in articles for c in claims(a)]):
        steps = _series(t)
        if steps:
            series.append({"thing": t.label(), "unit": t.unit, "points": steps})
        if len({c.outlet for c in t.members}) > 1:
            # A figure revised over the story is compared only at the same time; one that
            # is not is one figure however far apart its tellings are.
            diffs.extend(_number_differences(t, SAME_TIME_DAYS if steps else THING_GAP_DAYS))
    # The most certain first; among those, the things the story tells most (the figure
    # every outlet tracks before an aside told twice).
    diffs.sort(key=lambda d: (-d["confidence"], -d.pop("_told"), d["when"]))
    series.sort(key=lambda s: -len(s["points"]))
    return {"differences": diffs[:MAX_DIFFERENCES], "series": series}


def _account(c: Claim) -> dict[str, Any]:
    return {"outlet": c.outlet, "article_id": c.article_id, "date": c.day,
            "value": c.quantity.written, "said_by": c.said_by, "sentence": c.sentence}


def _number_differences(t: Thing, same_time: int) -> list[dict[str, Any]]:
    """Windows of `same_time` days (from each day the thing is told) in which two outlets
    give the thing different values; a window telling what an earlier one told is not
    reported again."""
    current = [c for c in t.members if not c.quantity.stale]
    days = [_ordinal(c.day) for c in current]
    out = []
    seen: set[frozenset] = set()
    for start in sorted(set(days)):
        window = [c for c, d in zip(current, days) if 0 <= d - start <= same_time]
        by_outlet: dict[str, list[Claim]] = defaultdict(list)
        for c in window:
            by_outlet[c.outlet].append(c)
        if len(by_outlet) < 2:
            continue
        # An outlet's value differs from another's when the other never gives it then.
        told = {o: _modal(cs) for o, cs in by_outlet.items()}
        differing = {o for o, c in told.items()
                     if any(not any(same_value(c.quantity, x.quantity) for x in by_outlet[p])
                            for p in by_outlet if p != o)}
        key = frozenset((o, _value_key(told[o])) for o in differing)
        if len(differing) < 2 or key in seen or len({k for _, k in key}) < 2:
            continue
        seen.add(key)
        accounts = [_account(told[o]) for o in sorted(told)]
        credited = all(a["said_by"] for a in accounts)
        # A figure several articles give then is the figure of the day, not an aside.
        repeated = all(sum(same_value(told[o].quantity, x.quantity) for x in window) >= 2
                       for o in differing)
        when = sorted({a["date"] for a in accounts})
        out.append({"kind": "number", "thing": t.label(), "unit": t.unit,
                    "when": when[0] if len(when) == 1 else f"{when[0]}/{when[-1]}",
                    "confidence": CONFIDENCE[("number", credited, repeated)],
                    "accounts": accounts, "_told": len(t.members)})
    return out


def _value_key(c: Claim) -> tuple:
    q = c.quantity
    return (q.low and round(q.low, -2), q.high and round(q.high, -2))


def _modal(cs: list[Claim]) -> Claim:
    """The claim whose value the others agree with most (the first of those)."""
    return max(cs, key=lambda c: (sum(same_value(c.quantity, x.quantity) for x in cs),
                                  c.said_by is not None, -cs.index(c)))


def _series(t: Thing) -> list[dict[str, Any]]:
    """The thing's steps: the first report of each value not reported before, when it
    has at least `SERIES_MIN_STEPS` over `SERIES_MIN_DAYS` and each step is told by
    two articles (a figure one article gives once is no step)."""
    steps: list[tuple[Claim, set[str]]] = []
    for c in t.members:
        if c.quantity.stale:
            continue
        for first, told_by in steps:
            if same_value(c.quantity, first.quantity):
                told_by.add(c.article_id)
                break
        else:
            steps.append((c, {c.article_id}))
    kept = [first for first, told_by in steps if len(told_by) >= 2]
    if len(kept) < SERIES_MIN_STEPS or \
            _ordinal(kept[-1].day) - _ordinal(kept[0].day) < SERIES_MIN_DAYS:
        return []
    return [_account(c) for c in kept]
