"""The `stories` rows views read: members in date order, copies, dates, outlets, a title.

The title is the headline of the story's most central article: the one whose
headline carries most of the story's heaviest terms and names. Without
headlines, the opening of that article's first sentence stands in.
"""

from __future__ import annotations

import math
import re

from .text import STOP_WORDS

__all__ = ["refresh", "choose_title"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]")
TITLE_CHARS = 100
# Headlines looked at per story: its first and its latest members (bounded
# cost for stories of thousands of articles).
TITLE_CANDIDATES = 200


def _title_score(title: str, centroid: dict[str, float], names: dict[str, float]) -> float:
    words = [w.lower() for w in _WORD.findall(title)]
    content = [w for w in words if w not in STOP_WORDS and len(w) > 2]
    if not content:
        return 0.0
    weight = sum(centroid.get(w, 0.0) for w in set(content))
    lowered = title.lower()
    weight += sum(v for n, v in names.items() if n[1:] in lowered)
    # Favour headlines of ordinary length: not a bare slug, not a paragraph.
    return weight / math.sqrt(max(len(content), 4))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def choose_title(headlines: list[tuple[str | None, str]], centroid: dict[str, float],
                 names: dict[str, float]) -> str:
    """`headlines`: (title or None, body) of members; returns the story's title."""
    titled = [(t, b) for t, b in headlines if t and t.strip()]
    if titled:
        best = max(titled, key=lambda tb: (_title_score(tb[0], centroid, names), -len(tb[0])))
        return _shorten(best[0])
    if headlines:
        best = max(headlines, key=lambda tb: _title_score(tb[1][:300], centroid, names))
        first = re.split(r"(?<=[.!?])\s", best[1].strip(), maxsplit=1)[0]
        if first:
            return _shorten(first)
    top = sorted(centroid, key=lambda t: -centroid[t])[:3]
    return ", ".join(top) or "untitled story"


def refresh(store, story_id: str) -> None:
    """Rewrite the `stories` row of `story_id` from what grouping holds (keeps its timeline)."""
    state = store.grouping.state(story_id)
    members = store.grouping.members(story_id) if state is not None else []
    if not members:
        store.stories.delete(story_id)
        return
    originals = [m for m in members if m["copy_of"] is None] or members
    pick = originals if len(originals) <= TITLE_CANDIDATES else (
        originals[:TITLE_CANDIDATES // 2] + originals[-TITLE_CANDIDATES // 2:])
    bodies = {}
    if not any(m["title"] for m in pick):
        bodies = store.articles.openings([m["article_id"] for m in pick])
    title = choose_title([(m["title"], bodies.get(m["article_id"], "")) for m in pick],
                         state["centroid"], state["names"])
    data = store.stories.fields(story_id)
    sources = state["sources"]
    data.update({
        "id": story_id,
        "title": title,
        "article_ids": [m["article_id"] for m in members],
        "timeline": data.get("timeline", []),
        "copies": {m["article_id"]: m["copy_of"] for m in members if m["copy_of"]},
        "merged_from": store.stories.merged_into(story_id),
        "first_date": state["first_date"],
        "last_date": state["last_date"],
        "sources": sorted(sources, key=lambda s: (-sources[s], s)),
    })
    store.stories.put(story_id, title, data)
