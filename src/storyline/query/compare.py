"""Where a story's outlets differ: the one comparison record the CLI, exports and web show."""

from __future__ import annotations

import re
from typing import Any

from .quotes import UNKNOWN, _grouped, _said

__all__ = ["comparison", "sources_by_outlet", "SHOWN_SOURCES"]


def _names_of(outlet: str) -> set[str]:
    """What an outlet is called in its own text: its name or any word of it ("Reuters" for
    "LibyaWar_reuters", "Cascade Courier" for "The Cascade Courier"), not a part of a word
    ("BP" is no name of "bpoil_washingtonpost")."""
    words = re.findall(r"[a-z0-9]+", outlet.lower())
    return set(words) | {"".join(words), "".join(w for w in words if w != "the")}

# Speakers listed per outlet.
SHOWN_SOURCES = 8


def comparison(store, ref: str | None = None, *, stored: dict[str, Any] | None = None,
               sources: int | None = SHOWN_SOURCES) -> dict[str, Any]:
    """The story's cross-outlet comparison (computed when its timeline was told, see
    `storyline.timeline.compare`) with whom each outlet quotes: `{story, outlets,
    differences, series, exclusive, sources}`. `stored` stands in for the stored record
    (the bench compares a story again with new code)."""
    from .records import story_summary
    from .stories import find_story

    found = find_story(store, ref)
    record = found.comparison if stored is None else stored
    out = {"story": story_summary(found), "outlets": record.get("outlets", {}),
           "differences": record.get("differences", []), "series": record.get("series", []),
           "exclusive": record.get("exclusive", []),
           "sources": sources_by_outlet(store, found, sources)}
    if "differences" not in record and record:
        out["note"] = ("compared by an older storyline, which matched strings: run "
                       "`storyline build` again to compare the outlets' claims")
    return out


def sources_by_outlet(store, story, limit: int | None = SHOWN_SOURCES) -> dict[str, list[dict]]:
    """Whom each outlet quotes and how often, most quoted first: {outlet: [{speaker,
    entity, quotes}]}. A wire copy's quotes are its original's and count once; quotes
    whose speaker is unknown are left out."""
    held = list(store.articles.quote_holders(story_id=story.id))
    outlets: dict[str, list] = {}
    for a in held:
        outlets.setdefault(a.source or "unknown outlet", []).append(a)
    out = {}
    names: dict[str, str] = {}            # an entity is named the same for every outlet
    for outlet, articles in sorted(outlets.items()):
        groups = _grouped(_said(store, articles),
                          lambda s: (story.copies.get(s[0].id), s[1]["speaker"],
                                     s[1].get("speaker_name")),
                          lambda s: s, None, 0)
        listed: dict[str, dict[str, Any]] = {}
        own = _names_of(outlet)
        for g in groups:
            # "told Reuters", "CNN has learned": the outlet itself is no source of its own.
            if g["speaker_name"] == UNKNOWN or \
                    re.sub(r"[^a-z0-9]", "", g["speaker_name"].lower()) in own:
                continue
            if g["speaker"] and g["speaker"] not in names:
                entity = store.entities.get(g["speaker"])
                names[g["speaker"]] = entity.name if entity else g["speaker_name"]
            name = names.get(g["speaker"], g["speaker_name"])
            # A name its entity was not resolved for is still that speaker ("BP" twice).
            entry = listed.setdefault(name.lower(), {"speaker": name, "entity": g["speaker"],
                                                     "quotes": 0})
            entry["entity"] = entry["entity"] or g["speaker"]
            entry["quotes"] += g["count"]
        ranked = sorted(listed.values(), key=lambda e: (-e["quotes"], e["speaker"].lower()))
        out[outlet] = ranked[:limit or None]
    return out
