"""Corrections people made (`storyline fix`): the records, and those of one story or article."""

from __future__ import annotations

from typing import Any

__all__ = ["corrections", "corrections_of", "described"]


def described(c: dict[str, Any]) -> str:
    """A correction in one line: "#3 2024-07-01T09:12:00+00:00 ana: article 9213 dated
    2024-01-05 (checked with the outlet)", with "[undone ... by ...]" when undone."""
    v = c["value"]
    if c["kind"] == "rename":
        what = f"story {c['target']} named {v.get('title')!r}"
    elif c["kind"] == "merge":
        what = f"story {c['target']} merged into {v.get('into')}"
    elif c["kind"] == "move":
        what = f"article {c['target']} moved " + (f"into story {v['to']}" if v.get("to")
                                                   else "into a story of its own")
    elif c["kind"] == "entity-merge":
        what = f"entity {v.get('name')!r} ({c['target']}) is {v.get('into_name')!r} ({v.get('into')})"
    elif c["kind"] == "off-topic":
        what = f"article {c['target']} marked off-topic"
    elif c["kind"] == "speaker":
        what = f"quote {c['target']} said by {v.get('name')!r}"
    else:
        what = f"article {c['target']} dated {v.get('date')}"
    line = f"#{c['id']}  {c['at']}  {c['who']}: {what}"
    if c.get("note"):
        line += f" ({c['note']})"
    if c.get("undone_at"):
        line += f"  [undone {c['undone_at']} by {c['undone_by']}]"
    return line


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
        named = {c["target"], c["value"].get("into"), c["value"].get("to"),
                 c["value"].get("article")}
        if named & ids:
            out.append(_record(c))
    return out
