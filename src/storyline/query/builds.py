"""What went wrong in a build: each problem with its code's message (`errors.Code`)."""

from __future__ import annotations

from typing import Any

from ..errors import Code

__all__ = ["problems"]


def problems(store, build_id: int | None = None) -> list[dict[str, Any]]:
    """The problems of build `build_id` (default: the last build): {code, why (the
    code's message), path, place, detail, skipped, outcome (read | skipped | partly
    read)}, in the order they were met."""
    out = []
    for p in store.builds.problems(build_id):
        code = p["code"]
        why = Code[code].why if code in Code.__members__ else "unknown problem"
        outcome = "read" if code.startswith("W") else "skipped" if p["skipped"] else "partly read"
        out.append({"code": code, "why": why, "path": p["path"], "place": p["place"],
                    "detail": p["detail"], "skipped": bool(p["skipped"]), "outcome": outcome})
    return out
