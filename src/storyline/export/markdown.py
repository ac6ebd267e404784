"""Markdown: the stories, then every article, readable as text and safe to render.

Article text is whatever was scraped, so it may hold HTML (`<script>`, `onerror=`)
or link syntax (`[x](javascript:...)`): every piece of it is written as text, with
`&`, `<`, `>` as HTML entities and `[`, `]`, `` ` `` escaped, so a Markdown renderer
shows it and runs nothing. Ids are code spans unless they hold what would end one.
"""

from __future__ import annotations

import re
from typing import TextIO

from .. import query
from ..query.records import article_record, shown_title
from ..store import Store

__all__ = ["write_markdown"]

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_SPECIAL = re.compile(r"[&<>\[\]\\`]")


def _text(value: str) -> str:
    """Plain text as Markdown that renders as that text and nothing else."""
    return _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(0), "\\" + m.group(0)), value)


def _code(value: str) -> str:
    """An id as a code span, or as text when a backtick or line break would end the span."""
    return _text(value) if re.search(r"[`\r\n]", value) else f"`{value}`"


def write_markdown(store: Store, out: TextIO) -> None:
    """Stories, then every article: its text and, folded, its removed lines."""
    out.write("# storyline export\n\n")
    stories = query.stories(store)          # largest first
    if stories:
        out.write("## Stories\n\n")
        for s in stories:
            out.write(f"- **{_text(s['title'])}** ({s['articles']} articles, {_code(s['id'])})\n")
        out.write("\n")
    out.write("## Articles\n")
    for article in store.articles.all():
        r = article_record(article)
        out.write(f"\n### {_text(shown_title(r))}\n\n")
        meta = [_code(r["id"]), r["source"] or "unknown source",
                r["published"]["date"] or "undated", r["path"] + (f" ({r['locator']})" if r["locator"] else "")]
        if r["authors"] or r["byline"]:
            meta.insert(2, ", ".join(r["authors"]) or r["byline"])
        out.write(" · ".join(_text(m) if i else m for i, m in enumerate(meta)) + "\n\n")
        if r["dateline"]:
            out.write(f"*{_text(r['dateline'])}*\n\n")
        out.write(_text(r["body"]) + "\n")
        if r["removed"]:
            out.write("\n<details><summary>Removed lines</summary>\n\n")
            for item in r["removed"]:
                out.write(f"- *{_text(item['kind'])}*: {_text(item['text'])}\n")
            out.write("\n</details>\n")
