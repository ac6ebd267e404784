"""B³ (Bagga & Baldwin 1998) over a clustering of items: per-item precision and recall.

For each item: precision = |its system cluster ∩ its gold cluster| / |its system
cluster|, recall = the same over |its gold cluster|; both averaged over items,
F1 their harmonic mean. Items missing from the system output count as
singletons.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Mapping

__all__ = ["b_cubed"]


def b_cubed(gold: Mapping[Hashable, Hashable], system: Mapping[Hashable, Hashable]
            ) -> dict[str, float]:
    """`gold`, `system`: item -> cluster label. Scored over the gold items."""
    system = {item: system.get(item, ("singleton", item)) for item in gold}
    gold_members: dict[Hashable, set] = defaultdict(set)
    sys_members: dict[Hashable, set] = defaultdict(set)
    for item, label in gold.items():
        gold_members[label].add(item)
    for item, label in system.items():
        sys_members[label].add(item)
    p = r = 0.0
    for item in gold:
        g, s = gold_members[gold[item]], sys_members[system[item]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


def _check() -> None:
    """Hand-counted: gold {a,b,c} {d,e}; system {a,b} {c,d,e}.
    Precision a 2/2, b 2/2, c 1/3, d 2/3, e 2/3 -> 11/15; recall a 2/3, b 2/3, c 1/3,
    d 2/2, e 2/2 -> 11/15; F1 11/15."""
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
    system = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}
    s = b_cubed(gold, system)
    assert abs(s["precision"] - 11 / 15) < 1e-12 and abs(s["recall"] - 11 / 15) < 1e-12
    assert abs(s["f1"] - 11 / 15) < 1e-12
    # everything in one cluster: recall 1, precision (3*3/5 + 2*2/5)/5 = 13/25
    s = b_cubed(gold, dict.fromkeys(gold, 0))
    assert s["recall"] == 1.0 and abs(s["precision"] - 13 / 25) < 1e-12
    # all singletons (also: items the system left out): precision 1, recall (3*1/3+2*1/2)/5
    s = b_cubed(gold, {})
    assert s["precision"] == 1.0 and abs(s["recall"] - 2 / 5) < 1e-12


if __name__ == "__main__":
    _check()
    print("b_cubed: hand-counted examples OK")
