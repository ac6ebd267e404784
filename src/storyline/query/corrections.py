"""Corrections people made (`storyline fix`): the records, and those of one story or article."""

from __future__ import annotations

from typing import Any

__all__ = ["corrections", "corrections_of"]


def _record(c: dict[str, Any]) -> dict[str, Any]:
    return {"id": c["id"], "kind": c["kind"], "target": c["target"], "value": c["value"],
            "note": c["note"], "who": c["who"], "at": c["at"], "before": c["before"],
            "undone_by": c["undone_by"], "undone_at": c["undone_at"]}


def corrections(store, *, undone: bool = False) -> list[dict[str, Any]]:
    """Every correction in force, in the order made (`undone`: those undone too):
    {id, kind (rename | merge | move | date), target (a story or article id), value
    (what it set), note, who, at, before (what the machine had, when it replaced a
    value), undone_by, undone_at}."""
    return [_record(c) for c in store.corrections.all(undone=undone)]


def corrections_of(store, ids: set[str]) -> list[dict[str, Any]]:
    """The corrections in force that name any of `ids` (stories or articles), as target
    or as the story merged or moved into."""
    out = []
    for c in store.corrections.all(undone=False):
        named = {c["target"], c["value"].get("into"), c["value"].get("to")}
        if named & ids:
            out.append(_record(c))
    return out
