"""B-cubed (Bagga & Baldwin 1998) over a fixed set of gold mentions.

Each mention gets precision |own predicted cluster & own gold cluster| / |own predicted
cluster| and recall the same over |own gold cluster|; the scores are the means over all
gold mentions, F1 their harmonic mean. Predicted clusters are restricted to the gold
mentions; a gold mention with no prediction is a singleton.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

__all__ = ["b_cubed"]


def b_cubed(gold: Mapping[Hashable, Hashable],
            pred: Mapping[Hashable, Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) of `pred` {mention: cluster} against `gold` {mention: cluster}."""
    if not gold:
        return 0.0, 0.0, 0.0
    # a missing prediction is its own cluster: key it by the mention itself
    own = {m: ("pred", pred[m]) if m in pred else ("alone", m) for m in gold}
    gold_size = Counter(gold.values())
    pred_size = Counter(own.values())
    both = Counter((gold[m], own[m]) for m in gold)
    p = sum(both[(gold[m], own[m])] / pred_size[own[m]] for m in gold) / len(gold)
    r = sum(both[(gold[m], own[m])] / gold_size[gold[m]] for m in gold) / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
