"""Near-duplicates and wire copies: MinHash over body shingles, LSH bands in SQLite.

Each article's MinHash signature and its band hashes are stored, so the index
survives across builds and a lookup is a few indexed queries, whatever the
size of the store. A candidate found through a shared band is confirmed by the
estimated containment of the shorter text in the longer one: a wire copy that
an outlet trimmed or topped with its own headline is still a copy.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from datasketch import MinHash

from ..model import Article

__all__ = ["Signature", "signature", "find_original", "remember",
           "NUM_PERM", "BANDS", "COPY_CONTAINMENT", "COPY_DAYS"]

# 16 bands of 4 rows: texts sharing half their shingles meet in a band 64% of
# the time, texts sharing 80% almost always (1 - (1 - J^4)^16).
NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
# A copy's shingles are (estimated) this much inside the other text. Wire
# copies with a new headline, a dateline or a trimmed ending stay above it;
# two reports of the same event in their own words are far below (< .2).
COPY_CONTAINMENT = 0.8
# Below this many shingles a text is too short to call a copy (headlines, briefs).
MIN_SHINGLES = 25
# A copy runs within this many days of its original; the same text years later
# is a re-run, not a wire copy of the current story.
COPY_DAYS = 31

SHINGLE = 5
_WORD = re.compile(r"\w+")
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=7)


@dataclass
class Signature:
    values: np.ndarray      # NUM_PERM uint64 hash values
    size: int               # number of distinct shingles

    def bands(self) -> list[int]:
        out = []
        for b in range(BANDS):
            chunk = self.values[b * ROWS:(b + 1) * ROWS].tobytes()
            out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(),
                                      "big", signed=True))
        return out


def _shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the word 5-grams of `text` (stable across processes)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    # Hash each word once, then combine SHINGLE consecutive word hashes with a
    # polynomial: numpy does the shingles, Python only touches each word.
    h = np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)
    n = len(words) - SHINGLE + 1
    acc = np.zeros(n, dtype=np.uint64)
    for i in range(SHINGLE):
        acc = (acc * np.uint64(1_000_003) + h[i:i + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc)


def signature(article: Article) -> Signature | None:
    """The article's MinHash signature, or None when its body is too short to compare."""
    grams = _shingle_hashes(article.body)
    if len(grams) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=7, permutations=_TEMPLATE.permutations,
                scheme=_TEMPLATE.scheme, hashfunc=int)
    m.update_batch(grams.tolist())
    return Signature(np.asarray(m.hashvalues, dtype=np.uint64), len(grams))


def _containment(a: Signature, b: Signature) -> float:
    jaccard = float(np.mean(a.values == b.values))
    inter = jaccard * (a.size + b.size) / (1.0 + jaccard)
    return min(1.0, inter / min(a.size, b.size))


def _window(day: str | None) -> tuple[str, str] | None:
    if not day:
        return None
    d = date.fromisoformat(day)
    return ((d - timedelta(days=COPY_DAYS)).isoformat(), (d + timedelta(days=COPY_DAYS)).isoformat())


def find_original(tables, sig: Signature, day: str | None,
                  exclude: str) -> tuple[str, float] | None:
    """The stored article this one is a copy of, with the containment, or None.
    `tables`: the store's `Grouping`."""
    window = _window(day)
    candidates: set[str] = set()
    for band, h in enumerate(sig.bands()):
        candidates.update(tables.band_matches(band, h, window))
    candidates.discard(exclude)
    best: tuple[str, float] | None = None
    for article_id in sorted(candidates):
        stored = tables.signature(article_id)
        if stored is None:
            continue
        other = Signature(np.frombuffer(stored[0], dtype=np.uint64), stored[1])
        score = _containment(sig, other)
        if score >= COPY_CONTAINMENT and (best is None or score > best[1]):
            best = (article_id, score)
    return best


def remember(tables, article_id: str, sig: Signature, day: str | None) -> None:
    """Index the article's signature (in the store's `Grouping`) for later lookups."""
    tables.put_signature(article_id, sig.values.tobytes(), sig.size, sig.bands(), day)
