"""A story's cross-outlet comparison as the exports show it: one plain view of the
record `storyline.query.comparison` gives (see `storyline.timeline.compare`):

    {"differences": [{"kind", "what", "date", "entry", "confidence",
                      "accounts": [{"outlet", "value", "date", "said_by",
                                    "sources": [{"article_id", "sentence"}]}]}],
     "outlets": [{"outlet", "articles", "entries", "exclusive"}],
     "exclusive": [{"outlet", "date", "text", "entry"}],
     "sources_by_outlet": [{"outlet", "sources": [{"name", "count"}]}],
     "note": str | None}

Series (a figure revised over the story) are differences of kind "series" whose accounts
are the steps. The HTML report and the Markdown dossier render this view, so the exports
follow the record here, in one place. A record missing a part (a store compared by an
older storyline) shows what it has.
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["view", "KIND_TITLES", "is_empty", "grouped", "SENTENCES_EACH"]

SENTENCES_EACH = 3    # an account's sentences the exports show (the JSON has them all)

# How each kind of difference is headed, in the order they are shown.
KIND_TITLES = {
    "number": "Where figures differ",
    "date": "Where dates differ",
    "series": "Figures revised over the story (updates, not disagreements)",
}


def _account(a: dict[str, Any]) -> dict[str, Any]:
    return {"outlet": a.get("outlet") or "unknown outlet", "value": str(a.get("value") or ""),
            "date": a.get("date"), "said_by": a.get("said_by"),
            "sources": [{"article_id": a.get("article_id"), "sentence": a.get("sentence") or ""}]}


def _difference(d: dict[str, Any], kind: str) -> dict[str, Any]:
    what = "the same event, dated differently" if kind == "date" else d.get("thing") or ""
    return {"kind": kind, "what": what, "date": d.get("when"), "entry": None,
            "confidence": d.get("confidence"),
            "accounts": [_account(a) for a in d.get("accounts") or d.get("points") or []]}


def view(comparison: dict[str, Any] | None) -> dict[str, Any]:
    """The comparison record as the exports show it (see the module doc)."""
    c = comparison or {}
    differences = [_difference(d, d.get("kind") or "number") for d in c.get("differences") or []]
    differences += [_difference(s, "series") for s in c.get("series") or []]
    order = list(KIND_TITLES)
    differences.sort(key=lambda d: (order.index(d["kind"]) if d["kind"] in order else len(order),
                                    -(d["confidence"] or 0)))
    outlets = [{"outlet": name, "articles": len(o.get("articles") or []),
                "entries": list(o.get("events") or []), "exclusive": list(o.get("exclusive") or [])}
               for name, o in sorted((c.get("outlets") or {}).items())]
    exclusive = [{"outlet": e.get("outlet") or "unknown outlet", "date": e.get("date"),
                  "text": e.get("text") or "", "entry": e.get("event")}
                 for e in c.get("exclusive") or []]
    sources_by_outlet = [{"outlet": outlet, "sources": [{"name": s["speaker"], "count": s["quotes"]}
                                                        for s in speakers]}
                         for outlet, speakers in sorted((c.get("sources") or {}).items())]
    return {"differences": differences, "outlets": outlets, "exclusive": exclusive,
            "sources_by_outlet": sources_by_outlet, "note": c.get("note")}


def is_empty(v: dict[str, Any]) -> bool:
    return not any(v.get(k) for k in ("differences", "outlets", "exclusive", "sources_by_outlet"))


def grouped(differences: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Differences under their headings, in `view`'s order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for d in differences:
        out.setdefault(KIND_TITLES.get(d["kind"], d["kind"]), []).append(d)
    return list(out.items())
