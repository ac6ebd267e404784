"""A one-file HTML report: stories, then every article with its date evidence and removed lines.

No scripts, no external assets: the file opens anywhere and can be mailed.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TextIO

from ..clean.template import source_key
from ..store import Store
from .. import query
from ..query.records import article_record, shown_title

__all__ = ["write_html"]

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;margin-bottom:.2rem} .sub{color:#666;margin-top:0}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
details.article{border:1px solid #e3e3e3;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
details.article>summary{cursor:pointer;font-weight:600}
.meta{color:#555;font-size:.9rem;margin:.3rem 0} .id{font-family:monospace;color:#888}
.body p{margin:.5rem 0} .dateline{font-variant:small-caps;color:#555}
table.removed{border-collapse:collapse;width:100%;font-size:.88rem;margin-top:.4rem}
table.removed td{border-top:1px solid #eee;padding:.25rem .4rem;vertical-align:top}
.kind{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eee;font-size:.8rem}
.k-caption{background:#e6f0ff}.k-promo,.k-advert{background:#ffe9d6}.k-related{background:#e9f7e9}
.k-teaser{background:#f3e6ff}.k-engagement{background:#fff6cc}.k-footer,.k-template{background:#eee}
.k-comments{background:#fde2e2}.k-title,.k-byline,.k-dateline,.k-timestamp{background:#e0f4f4}
.evidence{font-size:.85rem;color:#555}
ul.stories li{margin:.3rem 0}
.problems{font-family:monospace;font-size:.85rem;color:#a33}
"""


def write_html(store: Store, out: TextIO) -> None:
    articles = [article_record(a) for a in store.articles.all()]
    stories = query.stories(store)          # largest first
    sources = _sources(articles)
    dated = sum(1 for a in articles if a["published"]["date"])
    removed = sum(len(a["removed"]) for a in articles)
    w = out.write
    w("<!doctype html><html lang=en><meta charset=utf-8>"
      "<meta name=viewport content='width=device-width,initial-scale=1'>"
      f"<title>storyline report</title><style>{_CSS}</style><body>")
    w("<h1>storyline report</h1>")
    w(f"<p class=sub>{len(articles)} articles from {len(sources)} sources · {dated} dated · "
      f"{removed} lines removed as non-article text · {len(stories)} stories</p>")
    if stories:
        w("<h2>Stories</h2><ul class=stories>")
        for s in stories:
            w(f"<li><b>{escape(s['title'])}</b> — {s['articles']} articles "
              f"<span class=id>{escape(s['id'])}</span></li>")
        w("</ul>")
    w("<h2>Sources</h2><p>" + " · ".join(f"{escape(k)} ({v})" for k, v in sources.most_common())
      + "</p>")
    problems = store.builds.problems()
    if problems:
        w("<h2>Problems in the last build</h2><div class=problems>")
        for p in problems:
            where = p["path"] + (f":{p['place']}" if p["place"] else "")
            w(f"<div>{escape(where)}: {escape(p['code'])} {escape(p['detail'] or '')}</div>")
        w("</div>")
    w("<h2>Articles</h2>")
    for a in articles:
        _article(w, a)
    w("</body></html>\n")


def _sources(articles: list[dict]) -> Counter[str]:
    """Articles per outlet, with one name per outlet however its formats spell it."""
    names: dict[str, Counter[str]] = {}
    for a in articles:
        name = a["source"] or "unknown"
        names.setdefault(source_key(name), Counter())[name] += 1
    return Counter({n.most_common(1)[0][0]: sum(n.values()) for n in names.values()})


def _article(w, a: dict) -> None:
    pub = a["published"]
    date = pub["date"] or "undated"
    w(f"<details class=article><summary>{escape(date)} · {escape(shown_title(a))}"
      f"</summary>")
    meta = [escape(a["source"] or "unknown source")]
    if a["authors"] or a["byline"]:
        meta.append(escape(", ".join(a["authors"]) or a["byline"]))
    if pub["date"]:
        meta.append(f"published {escape(pub['date'])} ({escape(pub['method'] or '')}, "
                    f"confidence {pub['confidence']:.2f})")
    elif pub["latest"]:
        meta.append(f"published on or before {escape(pub['latest'])}")
    meta.append(f"<span class=id>{escape(a['id'])}</span>")
    w(f"<div class=meta>{' · '.join(meta)}</div>")
    w(f"<div class=meta>{escape(a['path'])}{' ' + escape(a['locator']) if a['locator'] else ''}"
      f"{' · ' + escape(a['url']) if a['url'] else ''}</div>")
    for ev in pub["evidence"]:
        w(f"<div class=evidence>date evidence: “{escape(ev['text'])}” ({escape(ev['note'] or ev['where'])})</div>")
    w("<div class=body>")
    if a["dateline"]:
        w(f"<span class=dateline>{escape(a['dateline'])}</span> ")
    for para in a["body"].split("\n\n"):
        if para:
            w(f"<p>{escape(para)}</p>")
    w("</div>")
    if a["removed"]:
        w(f"<details><summary>{len(a['removed'])} removed lines</summary><table class=removed>")
        for item in a["removed"]:
            w(f"<tr><td><span class='kind k-{escape(item['kind'])}'>{escape(item['kind'])}</span></td>"
              f"<td>{escape(item['text'])}</td></tr>")
        w("</table></details>")
    w("</details>")
