"""A story's cross-outlet comparison as the exports show it: one plain view of the
`comparison` record, whatever shape it has.

The comparison record (`storyline.timeline.compare`) is being redesigned: today it
holds `outlets`, `exclusive`, `date_disagreements` and `number_disagreements`; the
redesign carries `differences` (each with a `kind`, what is compared, each outlet's
value with its sentences and article ids, and a confidence) and `sources_by_outlet`.
`view` reads both, and anything it does not know, without ever failing on a missing
key or an unexpected type, into:

    {"differences": [{"kind", "what", "date", "entry", "confidence",
                      "accounts": [{"outlet", "value", "date",
                                    "sources": [{"article_id", "sentence"}]}]}],
     "outlets": [{"outlet", "articles", "entries", "exclusive"}],
     "exclusive": [{"outlet", "date", "text", "entry"}],
     "sources_by_outlet": [{"outlet", "sources": [{"name", "count"}]}],
     "other": [{"key", "items": [str]}]}

The HTML report and the Markdown dossier render this view, so adapting the exports to
a new comparison shape is done here, in one place.
"""

from __future__ import annotations

from typing import Any, Iterable

__all__ = ["view", "KIND_TITLES", "is_empty", "grouped", "SENTENCES_EACH"]

SENTENCES_EACH = 3    # an account's sentences the exports show (the JSON has them all)

# How each kind of difference is headed, in the order they are shown; other kinds follow.
KIND_TITLES = {
    "number": "Where numbers differ",
    "quantity": "Where numbers differ",
    "date": "Where dates differ",
    "contradiction": "Where accounts contradict each other",
    "claim": "Where accounts contradict each other",
    "series": "Figures that changed over time",
    "update": "Figures that changed over time",
    "exclusive": "Reported by one outlet only",
}
_WHAT = ("what", "subject", "thing", "measure", "about", "quantity", "unit", "event", "text",
         "claim", "summary")
_KNOWN = {"outlets", "exclusive", "date_disagreements", "number_disagreements", "differences",
          "sources_by_outlet"}


def _text(value: Any) -> str:
    """Any value as a short line of text ('' for nothing)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set)):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    if isinstance(value, dict):
        for key in ("text", "value", "name", "sentence"):
            if key in value:
                return _text(value[key])
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    return float(value) if isinstance(value, (int, float)) else None


def _dicts(value: Any) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, (list, tuple)) else []


def _sources(item: Any, outlet: str | None = None) -> list[dict[str, Any]]:
    """The sentences an account rests on: [{"article_id", "sentence"}] from `sources`,
    `sentences` (texts or records), `sentence` with `article_id(s)`."""
    if not isinstance(item, dict):
        return []
    out: list[dict[str, Any]] = []
    for key in ("sources", "sentences", "evidence"):
        seq = item.get(key)
        for s in seq if isinstance(seq, (list, tuple)) else []:
            if isinstance(s, dict):
                if outlet is not None and s.get("outlet") not in (None, outlet):
                    continue
                out.append({"article_id": _text(s.get("article_id")) or None,
                            "sentence": _text(s.get("sentence", s.get("text")))})
            elif isinstance(s, str):
                out.append({"article_id": None, "sentence": s})
    if isinstance(item.get("sentence"), str):
        out.append({"article_id": _text(item.get("article_id")) or None,
                    "sentence": item["sentence"]})
    ids = item.get("article_ids")
    if isinstance(ids, (list, tuple)):
        unplaced = [s for s in out if not s["article_id"]]
        for s, aid in zip(unplaced, ids):
            s["article_id"] = _text(aid)
        out += [{"article_id": _text(aid), "sentence": ""} for aid in ids[len(unplaced):]]
    return out


def _accounts(values: Any, sources: list[dict]) -> list[dict[str, Any]]:
    """Each outlet's value with its sentences, from a {outlet: value} mapping or a list
    of account records; `sources` (with `outlet`) fill in sentences an account lacks."""
    rows: list[tuple[str, Any, Any]] = []
    if isinstance(values, dict):
        rows = [(str(k), v, v) for k, v in values.items()]
    else:
        for v in _dicts(values):
            rows.append((_text(v.get("outlet", v.get("source"))) or "unknown outlet",
                         v.get("value", v.get("values", v.get("date", v.get("text")))), v))
    accounts = []
    for outlet, value, record in rows:
        own = _sources(record) if isinstance(record, dict) else []
        if not own:
            own = [{"article_id": _text(s.get("article_id")) or None,
                    "sentence": _text(s.get("sentence", s.get("text")))}
                   for s in sources if s.get("outlet") == outlet]
        date = record.get("date") if isinstance(record, dict) and "value" in record else None
        said: dict[str, dict[str, Any]] = {}          # a sentence once (a copy repeats it)
        for src in own:
            said.setdefault(" ".join(src["sentence"].split()) or src["article_id"] or "", src)
        accounts.append({"outlet": outlet, "value": _text(value), "date": _text(date) or None,
                         "sources": list(said.values())})
    return accounts


def _difference(d: dict[str, Any], kind: str | None = None) -> dict[str, Any]:
    kind = _text(d.get("kind", d.get("type"))) or kind or "difference"
    what = next((_text(d[k]) for k in _WHAT if k in d and _text(d[k])), "")
    values = d.get("values", d.get("accounts", d.get("outlets", d.get("dates"))))
    sources = _dicts(d.get("sources"))
    accounts = _accounts(values, sources) if values is not None else []
    if not accounts and sources:
        accounts = _accounts([{"outlet": s.get("outlet"), "value": s.get("value", s.get("date")),
                               "sentence": s.get("sentence"), "article_id": s.get("article_id")}
                              for s in sources], [])
    return {"kind": kind, "what": what, "date": _text(d.get("date")) or None,
            "entry": _int(d.get("event", d.get("entry"))),
            "confidence": _float(d.get("confidence")), "accounts": accounts}


def _speakers(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in value.items()]
    else:
        pairs = []
        for v in value if isinstance(value, (list, tuple)) else []:
            if isinstance(v, dict):
                pairs.append((v.get("name", v.get("speaker_name", v.get("speaker"))),
                              v.get("count", v.get("quotes"))))
            else:
                pairs.append((v, None))
    out = []
    for name, count in pairs:
        n = count if _int(count) is not None else (len(count) if isinstance(count, list) else None)
        out.append({"name": _text(name) or "(speaker unknown)", "count": n})
    return out


def view(comparison: Any) -> dict[str, Any]:
    """The comparison record as the exports show it (see the module doc)."""
    c = comparison if isinstance(comparison, dict) else {}
    differences = [_difference(d) for d in _dicts(c.get("differences"))]
    differences += [_difference({**d, "what": d.get("text")}, "date")
                    for d in _dicts(c.get("date_disagreements"))]
    differences += [_difference({**d, "what": d.get("unit")}, "number")
                    for d in _dicts(c.get("number_disagreements"))]
    order = list(dict.fromkeys(KIND_TITLES))
    differences.sort(key=lambda d: (order.index(d["kind"]) if d["kind"] in order else len(order),
                                    -(d["confidence"] or 0)))
    outlets = []
    raw_outlets = c.get("outlets")
    if isinstance(raw_outlets, dict):
        for name, o in sorted(raw_outlets.items(), key=lambda kv: str(kv[0])):
            o = o if isinstance(o, dict) else {}
            arts = o.get("articles")
            outlets.append({"outlet": str(name),
                            "articles": len(arts) if isinstance(arts, list) else _int(arts),
                            "entries": [i for i in o.get("events") or [] if _int(i) is not None]
                            if isinstance(o.get("events"), list) else [],
                            "exclusive": [i for i in o.get("exclusive") or [] if _int(i) is not None]
                            if isinstance(o.get("exclusive"), list) else []})
    exclusive = [{"outlet": _text(e.get("outlet")) or "unknown outlet",
                  "date": _text(e.get("date")) or None, "text": _text(e.get("text")),
                  "entry": _int(e.get("event", e.get("entry")))}
                 for e in _dicts(c.get("exclusive"))]
    by_outlet = c.get("sources_by_outlet")
    sources_by_outlet = []
    if isinstance(by_outlet, dict):
        sources_by_outlet = [{"outlet": str(k), "sources": _speakers(v)}
                             for k, v in sorted(by_outlet.items(), key=lambda kv: str(kv[0]))]
    else:
        sources_by_outlet = [{"outlet": _text(v.get("outlet")) or "unknown outlet",
                              "sources": _speakers(v.get("sources", v.get("speakers")))}
                             for v in _dicts(by_outlet)]
    other = []
    for key, value in c.items():
        if key in _KNOWN or not value:
            continue
        items = value if isinstance(value, (list, tuple)) else [value]
        other.append({"key": str(key).replace("_", " "), "items": [_text(i) for i in items][:50]})
    return {"differences": differences, "outlets": outlets, "exclusive": exclusive,
            "sources_by_outlet": sources_by_outlet, "other": other}


def is_empty(v: dict[str, Any]) -> bool:
    return not any(v.get(k) for k in ("differences", "outlets", "exclusive",
                                      "sources_by_outlet", "other"))


def grouped(differences: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Differences under their headings, in `view`'s order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for d in differences:
        title = KIND_TITLES.get(d["kind"], f"Other differences ({d['kind']})")
        out.setdefault(title, []).append(d)
    return list(out.items())
