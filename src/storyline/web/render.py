"""What the pages draw, worked out in Python so the templates only place it: the
coverage chart's bars, the timeline's time axis, an article's highlighted text.

Nothing here needs the web extra; text comes back as `Markup` only after escaping.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from typing import Any, Iterable

from markupsafe import Markup, escape

__all__ = ["coverage_bars", "time_axis", "highlight", "marked_snippet", "SNIPPET_MARKS"]

# Snippet marks no article text holds (control characters), replaced by <mark> after escaping.
SNIPPET_MARKS = ("\x02", "\x03")


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def coverage_bars(days: dict[str, int], width: int = 120, height: int = 24,
                  most_bars: int = 30) -> list[dict[str, float]]:
    """Bars of a story's articles over time: its span cut into at most `most_bars`
    equal bins, each bar's height its share of the fullest bin. [{x, y, w, h, n, first, last}]."""
    dated = sorted((d, n) for d, n in ((_day(k), v) for k, v in days.items()) if d)
    if not dated:
        return []
    first, last = dated[0][0], dated[-1][0]
    span = (last - first).days + 1
    bins = min(most_bars, span)
    per = span / bins
    counts = [0] * bins
    for d, n in dated:
        counts[min(bins - 1, int((d - first).days / per))] += n
    top = max(counts)
    w = width / bins
    bars = []
    for i, n in enumerate(counts):
        if not n:
            continue
        h = max(2.0, height * n / top)
        start = first + timedelta(days=int(i * per))
        end = first + timedelta(days=max(int((i + 1) * per) - 1, int(i * per)))
        bars.append({"x": round(i * w, 1), "y": round(height - h, 1), "w": round(max(w - 1, 1), 1),
                     "h": round(h, 1), "n": n, "first": start.isoformat(), "last": end.isoformat()})
    return bars


def time_axis(entries: list[dict[str, Any]], width: int = 860, row: int = 16,
              margin: int = 40) -> dict[str, Any]:
    """Where each timeline entry sits on one time axis: a dot for a day, a bar from its
    earliest to its latest day for a week, month or range. {width, height, ticks: [{x,
    label}], marks: [{i, x, y, w, bar, label}]}; an entry with no usable day is left off."""
    spans = []
    for i, e in enumerate(entries):
        first, last = _day(e.get("earliest") or e.get("date")), _day(e.get("latest") or e.get("date"))
        if first and last:
            spans.append((i, first, max(first, last), e))
    if not spans:
        return {"width": width, "height": 0, "ticks": [], "marks": []}
    lo, hi = min(s[1] for s in spans), max(s[2] for s in spans)
    days = max((hi - lo).days + 1, 1)
    inner = width - 2 * margin

    def x(d: date) -> float:
        return round(margin + inner * (d - lo).days / days, 1)

    marks = []
    for row_no, (i, first, last, e) in enumerate(spans):
        left, right = x(first), x(last + timedelta(days=1))
        marks.append({"i": i, "x": left, "y": 24 + row_no * row, "w": round(max(right - left, 3), 1),
                      "bar": first != last, "label": f"{i + 1}. {first.isoformat()}"
                      + (f" to {last.isoformat()}" if first != last else "")})
    return {"width": width, "height": 24 + len(spans) * row + 4, "ticks": _ticks(lo, hi, x),
            "marks": marks}


def _ticks(lo: date, hi: date, x) -> list[dict[str, Any]]:
    """Month starts (or years, or days) along the axis, at most about ten."""
    days = (hi - lo).days
    if days <= 20:
        step = max(1, days // 8 or 1)
        return [{"x": x(lo + timedelta(days=d)), "label": (lo + timedelta(days=d)).isoformat()}
                for d in range(0, days + 1, step)]
    months = []
    y, m = lo.year, lo.month
    while date(y, m, 1) <= hi:
        months.append(date(y, m, 1))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    every = max(1, len(months) // 10 + (len(months) % 10 > 0))
    if len(months) > 120:      # decades of news: years
        return [{"x": x(max(lo, date(year, 1, 1))), "label": str(year)}
                for year in range(lo.year, hi.year + 1, max(1, (hi.year - lo.year) // 10))]
    return [{"x": x(max(lo, d)), "label": d.strftime("%Y-%m")} for d in months[::every]]


def highlight(body: str, layers: Iterable[tuple[str, Iterable[dict[str, Any]], str]]) -> Markup:
    """The body escaped, with each span of each layer wrapped in a <span> of the layer's
    class and a title. `layers`: (class, spans with start/end, the field giving the title).
    Spans may nest or overlap (a name inside a quote): the text is cut at every edge and
    each piece carries every class that covers it."""
    cover: list[tuple[int, int, str, str]] = []
    n = len(body)
    for cls, spans, title_field in layers:
        for s in spans:
            start, end = s.get("start"), s.get("end")
            if not isinstance(start, int) or not isinstance(end, int):
                continue
            start, end = max(0, min(start, n)), max(0, min(end, n))
            if start < end:
                cover.append((start, end, cls, str(s.get(title_field) or "")))
    edges = sorted({0, n, *(c[0] for c in cover), *(c[1] for c in cover)})
    out = []
    for a, b in pairwise(edges):
        piece = escape(body[a:b])
        on = [c for c in cover if c[0] <= a and b <= c[1]]
        if not on:
            out.append(piece)
            continue
        classes = " ".join(sorted({c[2] for c in on}))
        title = "; ".join(dict.fromkeys(f"{c[2]}: {c[3]}" if c[3] else c[2] for c in on))
        out.append(Markup('<span class="{}" title="{}">{}</span>').format(classes, title, piece))
    return Markup("").join(out)


def marked_snippet(snippet: str | None) -> Markup:
    """A search snippet made with `SNIPPET_MARKS`: escaped, the matches in <mark>."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(SNIPPET_MARKS[0], "<mark>").replace(SNIPPET_MARKS[1], "</mark>"))
