"""Markdown: a dossier per story, largest first: its timeline with sources, how the
outlets compare, people, who said what, and its articles with their ledes. Smaller
stories are listed; with `text=True` every article's whole text follows.

Article text is whatever was scraped, so it may hold HTML (`<script>`, `onerror=`)
or link syntax (`[x](javascript:...)`): every piece of it is written as text, with
`&`, `<`, `>` as HTML entities and `[`, `]`, `` ` `` escaped, so a Markdown renderer
shows it and runs nothing. Ids are code spans unless they hold what would end one.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from .. import query
from ..query.corrections import described
from ..query.quotes import UNKNOWN
from ..query.records import article_record, shown_title
from ..store import Store
from . import comparison as compare_view
from .report import lede, pick, when

__all__ = ["write_markdown", "comparison_markdown", "DOSSIERS", "DOSSIER_MIN_ARTICLES"]

DOSSIERS = 40               # stories given a dossier; the rest are listed
DOSSIER_MIN_ARTICLES = 2    # a story with a dossier has at least this many articles
SOURCES_EACH = 3            # a timeline entry's sources shown
PEOPLE = 10                 # names of each type shown
SPEAKERS = 8                # the most quoted speakers,
QUOTES_EACH = 3             # the first quotes of each
LEDE_WORDS = 60             # an article's lede, cut at this many words
LEDES = 60                  # a story's articles shown with their ledes; the rest by title

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[&<>\[\]\\`]")
_TYPES = (("PERSON", "People"), ("ORG", "Organizations"), ("LOC", "Places"))


def _text(value: Any) -> str:
    """Plain text as Markdown that renders as that text and nothing else, on one line
    when it is to stand in a list or a table."""
    return _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), str(value or ""))


def _line(value: Any) -> str:
    """Text for a list item or table cell: one line, pipes escaped."""
    return " ".join(_text(value).split()).replace("|", "\\|")


def _code(value: str) -> str:
    """An id as a code span, or as text when a backtick or line break would end the span."""
    return _line(value) if re.search(r"[`\r\n|]", value) else f"`{value}`"


def _anchor(story_id: str) -> str:
    return "s-" + re.sub(r"[^A-Za-z0-9_-]", "", story_id)


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if not last or last == first else f"{first} to {last}"


def comparison_markdown(comparison: Any) -> str:
    """The story's outlet comparison as Markdown ('' when it says nothing;
    `export.comparison` reads the record)."""
    v = compare_view.view(comparison)
    if compare_view.is_empty(v):
        return ""
    out = ["### How the outlets compare\n"]
    if v["note"]:
        out.append(f"{_line(v['note'])}\n")
    for title, items in compare_view.grouped(v["differences"]):
        out.append(f"**{_text(title)}**\n")
        for d in items:
            head = ", ".join(x for x in (f"entry {d['entry'] + 1}" if d["entry"] is not None else "",
                                         _line(d["date"] or "")) if x)
            conf = f" (confidence {d['confidence']:.2f})" if d["confidence"] is not None else ""
            out.append(f"- {head + ': ' if head else ''}**{_line(d['what'] or d['kind'])}**{conf}")
            for acc in d["accounts"]:
                credit = f", crediting {acc['said_by']}" if acc["said_by"] else ""
                value = _line(acc["value"]) + (f" ({_line((acc['date'] or '') + credit)})"
                                               if acc["date"] or credit else "")
                out.append(f"  - {_line(acc['outlet'])}{': ' + value if value.strip() else ''}")
                for s in acc["sources"][:compare_view.SENTENCES_EACH]:
                    ref = f" ({_code(s['article_id'])})" if s["article_id"] else ""
                    out.append(f"    - “{_line(s['sentence'])}”{ref}")
                if len(acc["sources"]) > compare_view.SENTENCES_EACH:
                    out.append(f"    - and {len(acc['sources']) - compare_view.SENTENCES_EACH} more")
        out.append("")
    if v["outlets"]:
        out.append("| Outlet | Articles | Timeline entries it reports | Told from its articles only |")
        out.append("|---|---:|---|---|")
        for o in v["outlets"]:
            out.append(f"| {_line(o['outlet'])} | {o['articles'] if o['articles'] is not None else ''} | "
                       f"{', '.join(str(i + 1) for i in o['entries'])} | "
                       f"{', '.join(str(i + 1) for i in o['exclusive'])} |")
        out.append("")
    if v["exclusive"]:
        out.append("**Timeline entries told from one outlet's articles only**\n")
        for e in v["exclusive"]:
            where = ", ".join(x for x in (f"entry {e['entry'] + 1}" if e["entry"] is not None else "",
                                          _line(e["date"] or "")) if x)
            out.append(f"- {_line(e['outlet'])}{' (' + where + ')' if where else ''}: {_line(e['text'])}")
        out.append("")
    if v["sources_by_outlet"]:
        out.append("**Whom each outlet quotes**\n")
        for o in v["sources_by_outlet"]:
            names = ", ".join(_line(s["name"]) + (f" ({s['count']})" if s["count"] is not None else "")
                              for s in o["sources"])
            out.append(f"- {_line(o['outlet'])}: {names}")
        out.append("")
    return "\n".join(out) + "\n"


def _dossier(store: Store, w, summary: dict[str, Any], leads: dict[str, dict[str, Any]]) -> None:
    sid = summary["id"]
    record = query.story(store, sid, people=1, speakers=SPEAKERS, quotes_each=QUOTES_EACH)
    s = record["story"]
    w(f'<a id="{_anchor(sid)}"></a>\n\n## {_line(s["title"] or sid)}\n\n')
    outlets = s.get("sources") or []
    w(f"*{_span(s['first_date'], s['last_date'])} · {s['articles']} articles from "
      f"{len(outlets)} outlet{'' if len(outlets) == 1 else 's'}"
      f"{' (' + _line(', '.join(outlets)) + ')' if outlets else ''}"
      f"{' · ' + str(len(s['copies'])) + ' wire copies' if s.get('copies') else ''}* · "
      f"{_code(sid)}\n\n")
    if s.get("headline") and s["headline"] != s["title"]:
        w(f"> {_line(s['headline'])}\n\n")

    if record.get("corrections"):
        w("**Corrected by people**\n\n" + "".join(f"- {_line(described(c))}\n"
                                                  for c in record["corrections"]) + "\n")
    w("### Timeline\n\n")
    if not record["timeline"]:
        w("No timeline: no dated events were found.\n\n")
    for i, e in enumerate(record["timeline"], 1):
        w(f"{i}. **{_line(when(e))}** — {_line(e.get('text'))}\n")
        srcs = e.get("sources") or []
        for src in srcs[:SOURCES_EACH]:
            w(f"   - {_line(src.get('outlet') or 'unknown outlet')}: “{_line(src.get('sentence'))}” "
              f"({_code(str(src.get('article_id') or ''))})\n")
        if len(srcs) > SOURCES_EACH:
            w(f"   - and {len(srcs) - SOURCES_EACH} more sources\n")
    w("\n")

    compared = comparison_markdown(record.get("comparison"))
    if compared:
        w(compared)

    named = [(label, query.entities(store, type=kind, story=sid, limit=PEOPLE))
             for kind, label in _TYPES]
    if any(found for _, found in named):
        w("### People, organizations and places\n\n")
        for label, found in named:
            if not found:
                continue
            items = []
            for e in found:
                roles = list({r["role"].lower(): r["role"] for r in reversed(e["roles"])
                              if r.get("role")}.values())[::-1][:3]
                items.append(f"{_line(e['name'])} ({'; '.join(_line(r) for r in roles) + '; ' if roles else ''}"
                             f"{len(e['article_ids'])} articles)")
            w(f"- **{label}:** " + ", ".join(items) + "\n")
        w("\n")

    groups = sorted(record["quotes"], key=lambda g: g["speaker_name"] == UNKNOWN)
    if groups:
        w("### Who said what\n\n")
        for g in groups:
            w(f"- **{_line(g['speaker_name'])}** ({g['count']} quote{'' if g['count'] == 1 else 's'})\n")
            for q in g["quotes"]:
                where = f"{q.get('source') or 'unknown outlet'}, {(q.get('published') or 'undated')[:10]}"
                w(f"  - “{_line(q['text'])}” — {_line(where)} ({_code(q['article_id'])})\n")
        w("\n")

    w("### Articles\n\n")
    shown_ledes = 0
    for outlet, items in sorted(record["articles"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
        w(f"**{_line(outlet)}** ({len(items)})\n\n")
        for a in items:
            lead = leads.get(a["id"], {})
            copy = f" — copy of {_code(a['copy_of'])}" if a["copy_of"] else ""
            w(f"- {_line((a['published'] or 'undated')[:10])} **{_line(lead.get('title') or a['title'] or '(untitled)')}** "
              f"({_code(a['id'])}){copy}\n")
            if lead.get("lede") and not a["copy_of"] and shown_ledes < LEDES:
                shown_ledes += 1
                w(f"  {_line(lead['lede'])}\n")
        w("\n")


def _leads(store: Store, ids: list[str] | None) -> dict[str, dict[str, Any]]:
    out = {}
    for a in store.articles.all(ids=ids):
        r = article_record(a)
        out[a.id] = {"title": shown_title(r), "lede": lede(r["body"], LEDE_WORDS)}
    return out


def write_markdown(store: Store, out: TextIO, *, story: str | None = None,
                   dossiers: int = DOSSIERS, min_articles: int = DOSSIER_MIN_ARTICLES,
                   text: bool = False) -> None:
    """The dossiers of the largest stories and a list of the others; with `story` (any
    name `find_story` takes) that story's dossier alone; with `text`, every article's
    whole text and removed lines after them."""
    w = out.write
    summaries, ids, full = pick(store, story, dossiers, min_articles)
    full_ids = {s["id"] for s in full}
    listed = [s for s in summaries if s["id"] not in full_ids]
    leads = _leads(store, ids)
    outlets = {o for s in summaries for o in s["sources"]}
    w(f"# {_line(summaries[0]['title']) if story and summaries else 'storyline dossier'}\n\n")
    w(f"{len(leads)} articles from {len(outlets)} outlet{'' if len(outlets) == 1 else 's'} · "
      f"{len(summaries)} stor{'y' if len(summaries) == 1 else 'ies'}\n\n")
    if len(full) > 1:
        w("## Contents\n\n")
        for i, s in enumerate(full, 1):
            w(f"{i}. [{_line(s['title'] or s['id'])}](#{_anchor(s['id'])}) — {s['articles']} articles, "
              f"{_span(s['first_date'], s['last_date'])}\n")
        if listed:
            w(f"\nand {len(listed)} smaller stories (listed after the dossiers)\n")
        w("\n")
    for s in full:
        _dossier(store, w, s, leads)
    if listed:
        w("## More stories\n\n| Story | Dates | Articles |\n|---|---|---|\n")
        for s in listed:
            titles = "; ".join(f"{_line(leads.get(a, {}).get('title') or a)} ({_code(a)})"
                               for a in s["article_ids"][:5])
            more = f"; and {len(s['article_ids']) - 5} more" if len(s["article_ids"]) > 5 else ""
            w(f"| {_line(s['title'] or s['id'])} | {_span(s['first_date'], s['last_date'])} | "
              f"{titles}{more} |\n")
        w("\n")
    if not story:
        problems = query.problems(store)
        if problems:
            w("## Problems in the last build\n\n")
            for p in problems:
                where = p["path"] + (f":{p['place']}" if p["place"] else "")
                w(f"- {p['code']} {_line(p['why'])}{': ' + _line(p['detail']) if p['detail'] else ''} "
                  f"({p['outcome']}) — {_line(where)}\n")
            w("\n")
    if text:
        _texts(store, w, ids)


def _texts(store: Store, w, ids: list[str] | None) -> None:
    w("## Article texts\n")
    for article in store.articles.all(ids=ids):
        r = article_record(article)
        w(f"\n### {_line(shown_title(r))}\n\n")
        meta = [_code(r["id"]), _line(r["source"] or "unknown source"),
                _line(r["published"]["date"] or "undated"),
                _line(r["path"] + (f" ({r['locator']})" if r["locator"] else ""))]
        if r["authors"] or r["byline"]:
            meta.insert(2, _line(", ".join(r["authors"]) or r["byline"]))
        w(" · ".join(meta) + "\n\n")
        w(f"Date: {_line(r['published']['explanation'])}\n\n")
        if r["dateline"]:
            w(f"*{_line(r['dateline'])}*\n\n")
        w(_text(r["body"]) + "\n")
        if r["removed"]:
            w("\n<details><summary>Removed lines</summary>\n\n")
            for item in r["removed"]:
                w(f"- *{_line(item['kind'])}*: {_line(item['text'])}\n")
            w("\n</details>\n")
