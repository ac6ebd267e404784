"""A one-file HTML report: the stories by size, each with its timeline, the outlets'
comparison, people and quotes, linking to its articles, which follow with their date
evidence, text and removed lines.

No scripts, no external assets, no network: the file opens from disk and can be
mailed. Every record comes from the query layer (`storyline.query`), so the report
shows what the CLI, the web pages and the JSON export show. Article text is hostile
input: every piece of it is escaped, and only http(s) addresses become links.

The largest stories (`FULL_STORIES`, those of at least `FULL_MIN_ARTICLES` articles)
are drawn in full; the others are listed with their articles, so that a corpus of a
thousand stories gives a report a browser opens at once.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any, Callable, Iterable, TextIO

from .. import query
from ..clean.template import source_key
from ..query.corrections import described
from ..query.quotes import UNKNOWN
from ..query.records import article_record, derived_title
from ..store import Store
from ..web.render import coverage_bars, time_axis
from . import comparison as compare_view

__all__ = ["write_html", "comparison_html", "pick", "when", "FULL_STORIES", "FULL_MIN_ARTICLES"]

FULL_STORIES = 40        # stories drawn in full; the rest are listed with their articles
FULL_MIN_ARTICLES = 2    # a story drawn in full has at least this many articles
PEOPLE = 12              # a story's people, organizations and places: those named most
SPEAKERS = 8             # its most quoted speakers,
QUOTES_EACH = 3          # the first quotes of each
LISTED_ARTICLES = 6      # a listed story's articles shown by title
LISTED_OPEN = 15         # an outlet's articles in a story: listed open up to this many
SOURCES_EACH = 12        # a timeline entry's sources shown (the JSON export has them all)
LEDE_WORDS = 60          # an article's lede, cut at this many words
_TYPES = (("PERSON", "People", PEOPLE), ("ORG", "Organizations", 8), ("LOC", "Places", 8))

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
a{color:#1a4f9c} h1{font-size:1.7rem;margin-bottom:.2rem} .sub{color:#666;font-size:.9rem}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
h3{margin:1.4rem 0 .4rem;font-size:1.05rem} h4{margin:1rem 0 .3rem;font-size:.95rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}
th,td{text-align:left;border-top:1px solid #eee;padding:.25rem .4rem;vertical-align:top}
th{border-top:none;color:#555;font-weight:600} td.num,th.num{text-align:right}
section.story{border-top:3px solid #1a4f9c;margin-top:2.5rem;padding-top:.2rem}
section.story>h2{border:none;margin-top:.6rem}
.lede{font-style:italic;color:#444}
ol.timeline{padding-left:0;list-style:none}
ol.timeline>li{margin:.45rem 0;display:grid;grid-template-columns:12rem 1fr;gap:.6rem}
.when{color:#1a4f9c;font-weight:600;font-size:.88rem}
ul.sources{font-size:.88rem;color:#333;margin:.2rem 0 .4rem 0}
details>summary{cursor:pointer} details.src>summary{color:#666;font-size:.85rem}
blockquote{margin:.3rem 0 .1rem;padding-left:.7rem;border-left:3px solid #ccd}
blockquote.indirect{border-left-style:dashed;color:#444}
ul.quotes{list-style:none;padding-left:1rem}
.differ>li{margin:.5rem 0} .conf{color:#777;font-size:.82rem}
.spark{display:inline-block;position:relative;width:120px;height:22px;vertical-align:middle;
 border-bottom:1px solid #ccd}
.spark i{position:absolute;bottom:0;background:#7a9cc6;min-width:1px}
.axis{position:relative;margin:1.4rem 0 .6rem;border-top:1px solid #ccc;font-size:10px}
.axis .tick{position:absolute;top:-14px;height:calc(100% + 14px);border-left:1px solid #e2e2e2;
 padding-left:2px;color:#777;white-space:nowrap}
.axis a.mark{position:absolute;display:block;width:9px;height:9px;border-radius:50%;
 background:#1a4f9c;text-decoration:none}
.axis a.mark.bar{border-radius:3px;height:8px;min-width:3px}
.axis a.mark span{position:absolute;left:calc(100% + 4px);top:-3px;color:#333}
article.a{border:1px solid #e3e3e3;border-radius:6px;margin:.7rem 0;padding:.5rem .8rem}
article.a:target{border-color:#1a4f9c;box-shadow:0 0 0 2px #c9d8f0}
article.a h3{margin:.1rem 0}
.meta{color:#555;font-size:.88rem;margin:.25rem 0} .id{font-family:monospace;color:#888;font-size:.8rem}
.body p{margin:.5rem 0} .dateline{font-variant:small-caps;color:#555}
.kind{display:inline-block;padding:0 .4rem;border-radius:3px;background:#eee;font-size:.8rem}
.k-caption{background:#e6f0ff}.k-promo,.k-advert{background:#ffe9d6}.k-related{background:#e9f7e9}
.k-teaser{background:#f3e6ff}.k-engagement{background:#fff6cc}.k-footer,.k-template{background:#eee}
.k-comments{background:#fde2e2}.k-title,.k-byline,.k-dateline,.k-timestamp{background:#e0f4f4}
.problems td:first-child{font-family:monospace;white-space:nowrap;color:#a33}
.fixed{background:#fff8e1;border-left:3px solid #e0a800;padding:.3rem .7rem;font-size:.88rem}
.fixed ul{margin:.2rem 0;padding-left:1.2rem}
nav.toc td:first-child{width:55%} td.dates,.when{white-space:nowrap}
"""


def _web(url: str | None) -> bool:
    """Only http(s) addresses become links: a record's `javascript:` URL stays text."""
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))


def _aid(article_id: str) -> str:
    return "a-" + escape(article_id, quote=True)


def _sid(story_id: str) -> str:
    return "s-" + escape(story_id, quote=True)


def when(e: dict[str, Any]) -> str:
    """A timeline entry's date as a reader says it ("April 16, 2009", "June 2010")."""
    from ..timeline.events import when
    try:
        return when(e["date"], e.get("granularity") or "day", e.get("latest"))
    except (KeyError, TypeError, ValueError):
        return str(e.get("date") or "undated")


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "undated"
    return first if not last or last == first else f"{first} – {last}"


class _Titles:
    """What links to an article show: its title (a derived one says so), outlet, date."""

    def __init__(self, store: Store, ids: Iterable[str] | None = None) -> None:
        self.of: dict[str, tuple[str, str, str]] = {}
        for a in store.articles.all(ids=ids):
            derived = None if a.title else derived_title(a)
            title = a.title or (f"{derived} [first sentence]" if derived else "(untitled)")
            self.of[a.id] = (title, a.source or "unknown outlet", (a.published.date or "undated"))

    def link(self, article_id: str | None, text: str | None = None) -> str:
        if not article_id:
            return escape(text or "")
        title = self.of.get(article_id, (article_id, "", ""))[0]
        return f"<a href='#{_aid(article_id)}'>{escape(text if text is not None else title)}</a>"


def comparison_html(comparison: Any, link: Callable[[str | None, str | None], str],
                    entry_ids: Callable[[int], str] | None = None) -> str:
    """The story's outlet comparison as an HTML section ('' when it says nothing).
    `link(article_id, text)` links a sentence to its article; `entry_ids(i)` names the
    anchor of timeline entry i (`export.comparison` reads the record)."""
    v = compare_view.view(comparison)
    if compare_view.is_empty(v):
        return ""

    def entry(i: int | None, word: str = "entry ") -> str:
        if i is None:
            return ""
        return f"<a href='#{entry_ids(i)}'>{word}{i + 1}</a>" if entry_ids else f"{word}{i + 1}"

    out = ["<h3>How the outlets compare</h3>"]
    if v["note"]:
        out.append(f"<p class=sub>{escape(v['note'])}</p>")
    for title, items in compare_view.grouped(v["differences"]):
        out.append(f"<h4>{escape(title)}</h4><ul class=differ>")
        for d in items:
            head = [entry(d["entry"])] if d["entry"] is not None else []
            if d["date"]:
                head.append(escape(d["date"]))
            what = escape(d["what"]) if d["what"] else escape(d["kind"])
            conf = (f" <span class=conf>confidence {d['confidence']:.2f}</span>"
                    if d["confidence"] is not None else "")
            out.append(f"<li>{', '.join(head) + ': ' if head else ''}<b>{what}</b>{conf}<ul>")
            for acc in d["accounts"]:
                said = escape(acc["value"]) if acc["value"] else ""
                if acc["date"] or acc["said_by"]:
                    credit = f", crediting {acc['said_by']}" if acc["said_by"] else ""
                    said += f" <span class=sub>({escape((acc['date'] or '') + credit)})</span>"
                out.append(f"<li><b>{escape(acc['outlet'])}</b>{': ' + said if said else ''}")
                if acc["sources"]:
                    out.append("<ul class=sources>")
                    for s in acc["sources"][:compare_view.SENTENCES_EACH]:
                        out.append(f"<li>“{escape(s['sentence'])}” "
                                   f"{link(s['article_id'], 'article') if s['article_id'] else ''}</li>")
                    more = len(acc["sources"]) - compare_view.SENTENCES_EACH
                    out.append(f"<li class=sub>and {more} more</li></ul>" if more > 0 else "</ul>")
                out.append("</li>")
            out.append("</ul></li>")
        out.append("</ul>")
    if v["outlets"]:
        out.append("<h4>Who reports what</h4><table><thead><tr><th>Outlet</th>"
                   "<th class=num>Articles</th><th>Timeline entries it reports</th>"
                   "<th>Told from its articles only</th></tr></thead><tbody>")
        for o in v["outlets"]:
            out.append(f"<tr><td>{escape(o['outlet'])}</td><td class=num>"
                       f"{o['articles'] if o['articles'] is not None else ''}</td>"
                       f"<td>{', '.join(entry(i, '') for i in o['entries'])}</td>"
                       f"<td>{', '.join(entry(i, '') for i in o['exclusive'])}</td></tr>")
        out.append("</tbody></table>")
    if v["exclusive"]:
        out.append("<h4>Timeline entries told from one outlet's articles only</h4>"
                   "<ul class=differ>")
        for e in v["exclusive"]:
            where = ", ".join(x for x in (entry(e["entry"]), escape(e["date"] or "")) if x)
            out.append(f"<li><b>{escape(e['outlet'])}</b>{' (' + where + ')' if where else ''}: "
                       f"{escape(e['text'])}</li>")
        out.append("</ul>")
    if v["sources_by_outlet"]:
        out.append("<h4>Whom each outlet quotes</h4><table><tbody>")
        for o in v["sources_by_outlet"]:
            names = ", ".join(escape(s["name"]) + (f" ({s['count']})" if s["count"] is not None else "")
                              for s in o["sources"])
            out.append(f"<tr><td>{escape(o['outlet'])}</td><td>{names}</td></tr>")
        out.append("</tbody></table>")
    return "".join(out)


def _pc(x: float, width: float) -> str:
    return f"{100 * x / width:.2f}%"


# The charts are drawn with HTML and CSS, not SVG: the report holds no element that
# could carry script, whatever the store holds.
def _spark(days: dict[str, int], width: int = 120, height: int = 22) -> str:
    bars = coverage_bars(days, width=width, height=height)
    if not bars:
        return ""
    out = [f"<span class=spark role=img aria-label='articles over time'>"]
    for b in bars:
        out.append(f"<i style='left:{_pc(b['x'], width)};width:{_pc(b['w'], width)};"
                   f"height:{b['h']}px' title='{b['first']} to {b['last']}: {b['n']}'></i>")
    out.append("</span>")
    return "".join(out)


def _axis(entries: list[dict[str, Any]], story_id: str) -> str:
    width = 860
    axis = time_axis(entries, width=width)
    if not axis["marks"]:
        return ""
    out = [f"<div class=axis style='height:{axis['height']}px' role=img "
           "aria-label='the timeline on a time axis'>"]
    for t in axis["ticks"]:
        out.append(f"<span class=tick style='left:{_pc(t['x'], width)}'>{escape(t['label'])}</span>")
    for m in axis["marks"]:
        text = entries[m["i"]].get("text") or ""
        shape = (f"class='mark bar' style='left:{_pc(m['x'], width)};top:{m['y']}px;"
                 f"width:{_pc(m['w'], width)}'" if m["bar"] else
                 f"class=mark style='left:calc({_pc(m['x'], width)} - 4px);top:{m['y']}px'")
        out.append(f"<a href='#{_sid(story_id)}-e{m['i'] + 1}' {shape} "
                   f"title='{escape(m['label'], quote=True)}: {escape(text[:160], quote=True)}'>"
                   f"<span>{m['i'] + 1}</span></a>")
    out.append("</div>")
    return "".join(out)


def _story(w, record: dict[str, Any], days: dict[str, int], titles: _Titles) -> None:
    s = record["story"]
    sid = s["id"]
    w(f"<section class=story id='{_sid(sid)}'><h2>{escape(s['title'] or sid)}</h2>")
    if s.get("headline") and s["headline"] != s["title"]:
        w(f"<p class=lede>{escape(s['headline'])}</p>")
    outlets = s.get("sources") or []
    copies = len(s.get("copies") or {})
    w(f"<p class=sub>{escape(_span(s['first_date'], s['last_date']))} · {s['articles']} articles "
      f"from {len(outlets)} outlet{'' if len(outlets) == 1 else 's'}"
      f"{' (' + escape(', '.join(outlets)) + ')' if outlets else ''}"
      f"{f' · {copies} wire copies' if copies else ''} · <span class=id>{escape(sid)}</span> "
      f"{_spark(days)}</p>")

    if record.get("corrections"):
        w("<div class=fixed><b>Corrected by people</b><ul>"
          + "".join(f"<li>{escape(described(c))}</li>" for c in record["corrections"])
          + "</ul></div>")
    entries = record["timeline"]
    w(f"<h3 id='{_sid(sid)}-timeline'>Timeline</h3>")
    if not entries:
        w("<p class=sub>No timeline: no dated events were found.</p>")
    else:
        w(_axis(entries, sid))
        w("<ol class=timeline>")
        for i, e in enumerate(entries, 1):
            srcs = e.get("sources") or []
            w(f"<li id='{_sid(sid)}-e{i}'><span class=when title='{escape(str(e.get('earliest')))}"
              f" to {escape(str(e.get('latest')))}'>{i}. {escape(when(e))}</span><div>"
              f"{escape(e.get('text') or '')}")
            if srcs:
                w(f"<details class=src><summary>{len(srcs)} source{'' if len(srcs) == 1 else 's'}"
                  "</summary><ul class=sources>")
                for src in srcs[:SOURCES_EACH]:
                    why = f" <span class=sub>dated by “{escape(src['expression'])}”</span>" \
                        if src.get("expression") else ""
                    w(f"<li><b>{escape(src.get('outlet') or 'unknown outlet')}</b>: "
                      f"“{escape(src.get('sentence') or '')}” "
                      f"{titles.link(src.get('article_id'))}{why}</li>")
                if len(srcs) > SOURCES_EACH:
                    w(f"<li class=sub>and {len(srcs) - SOURCES_EACH} more</li>")
                w("</ul></details>")
            w("</div></li>")
        w("</ol>")

    compared = comparison_html(record.get("comparison"), titles.link,
                               lambda i: f"{_sid(sid)}-e{i + 1}")
    if compared:
        w(f"<div id='{_sid(sid)}-compare'>{compared}</div>")

    people = record["entities"]
    if people:
        w(f"<h3 id='{_sid(sid)}-people'>People, organizations and places</h3><table><thead><tr>"
          "<th>Name</th><th>Roles</th><th class=num>Articles</th></tr></thead><tbody>")
        for kind, label, _ in _TYPES:
            of_kind = [e for e in people if e["type"] == kind]
            if of_kind:
                w(f"<tr><th colspan=3>{label}</th></tr>")
            for e in of_kind:
                also = [a for a in e["aliases"] if a != e["name"]]
                roles = list({r["role"].lower(): r["role"] for r in reversed(e["roles"])
                              if r.get("role")}.values())[::-1]
                w(f"<tr><td>{escape(e['name'])}"
                  f"{'<div class=sub>also ' + escape(', '.join(also[:6])) + '</div>' if also else ''}"
                  f"</td><td>{escape(', '.join(roles[:5]))}</td>"
                  f"<td class=num>{len(e['article_ids'])}</td></tr>")
        w("</tbody></table>")

    # Named speakers first: quotes nobody could be found for come last.
    groups = sorted(record["quotes"], key=lambda g: g["speaker_name"] == UNKNOWN)
    if groups:
        w(f"<h3 id='{_sid(sid)}-quotes'>Who said what</h3>")
        for g in groups:
            w(f"<h4>{escape(g['speaker_name'])} <span class=sub>{g['count']} "
              f"quote{'' if g['count'] == 1 else 's'}</span></h4><ul class=quotes>")
            for q in g["quotes"]:
                w(f"<li><blockquote class='{escape(q['kind'] or '', quote=True)}'>"
                  f"{escape(q['text'])}</blockquote><span class=sub>{escape(q['kind'] or '')}"
                  f"{', ' + escape(q['role']) if q.get('role') else ''} · "
                  f"{titles.link(q['article_id'], (q.get('source') or 'unknown outlet') + ', ' + (q.get('published') or 'undated')[:10])}"
                  "</span></li>")
            w("</ul>")

    w(f"<h3 id='{_sid(sid)}-articles'>Articles by outlet</h3>")
    for outlet, items in sorted(record["articles"].items(), key=lambda kv: (-len(kv[1]), kv[0])):
        originals = [a for a in items if not a["copy_of"]]
        folded = [a for a in items if a["copy_of"]]
        w(f"<h4>{escape(outlet)} <span class=sub>{len(items)}</span></h4>")
        long = len(originals) > LISTED_OPEN           # a long list is folded
        if long:
            w(f"<details><summary>{len(originals)} articles, "
              f"{escape((originals[0]['published'] or 'undated')[:10])} to "
              f"{escape((originals[-1]['published'] or 'undated')[:10])}</summary>")
        w("<ul>")
        for a in originals:
            w(f"<li>{escape((a['published'] or 'undated')[:10])} {titles.link(a['id'])}</li>")
        w("</ul></details>" if long else "</ul>")
        if folded:
            w(f"<details><summary>{len(folded)} wire cop{'y' if len(folded) == 1 else 'ies'}"
              "</summary><ul>")
            for a in folded:
                w(f"<li>{escape((a['published'] or 'undated')[:10])} {titles.link(a['id'])} "
                  f"<span class=sub>copy of {titles.link(a['copy_of'])}</span></li>")
            w("</ul></details>")
    w("</section>")


def _story_record(store: Store, story_id: str) -> dict[str, Any]:
    """`query.story`'s record, its names the most named of each type (a story's places
    would otherwise crowd out its people)."""
    record = query.story(store, story_id, people=1, speakers=SPEAKERS, quotes_each=QUOTES_EACH)
    record["entities"] = [e for kind, _, most in _TYPES
                          for e in query.entities(store, type=kind, story=story_id, limit=most)]
    return record


def _listed(w, stories: list[dict[str, Any]], titles: _Titles) -> None:
    w("<h2 id=more>More stories</h2><table><thead><tr><th>Story</th><th>Dates</th>"
      "<th class=num>Articles</th><th>Articles</th></tr></thead><tbody>")
    for s in stories:
        ids = s["article_ids"]
        links = "<br>".join(titles.link(a) for a in ids[:LISTED_ARTICLES])
        if len(ids) > LISTED_ARTICLES:
            links += f"<br><span class=sub>and {len(ids) - LISTED_ARTICLES} more</span>"
        w(f"<tr id='{_sid(s['id'])}'><td>{escape(s['title'] or s['id'])}</td>"
          f"<td class=dates>{escape(_span(s['first_date'], s['last_date']))}</td>"
          f"<td class=num>{s['articles']}</td><td>{links}</td></tr>")
    w("</tbody></table>")


def _problems(w, problems: list[dict[str, Any]]) -> None:
    if not problems:
        return
    by_code = Counter((p["code"], p["why"]) for p in problems)
    w(f"<h2 id=problems>Problems in the last build</h2><p>{len(problems)} inputs: "
      + " · ".join(f"{escape(c)} {escape(why)} ({n})" for (c, why), n in sorted(by_code.items()))
      + "</p><table class=problems><tbody>")
    for p in problems:
        where = p["path"] + (f":{p['place']}" if p["place"] else "")
        w(f"<tr><td>{escape(p['code'])}</td><td>{escape(p['why'])}"
          f"{': ' + escape(p['detail']) if p['detail'] else ''} ({p['outcome']})"
          f"<div class=sub>{escape(where)}</div></td></tr>")
    w("</tbody></table>")


def _article(w, a: dict[str, Any], stories: dict[str, str], text: bool) -> None:
    pub = a["published"]
    w(f"<article class=a id='{_aid(a['id'])}'><h3>{escape(a['title'] or a['derived_title'] or '(untitled)')}"
      f"{' <span class=sub>[first sentence]</span>' if not a['title'] and a['derived_title'] else ''}"
      "</h3>")
    meta = [escape(a["source"] or "unknown source")]
    if a["authors"] or a["byline"]:
        meta.append(escape(", ".join(a["authors"]) or a["byline"]))
    meta.append(escape(pub["date"] or "undated"))
    if a["story_id"]:
        meta.append(f"story: <a href='#{_sid(a['story_id'])}'>"
                    f"{escape(stories.get(a['story_id'], a['story_id']))}</a>")
    meta.append(f"<span class=id>{escape(a['id'])}</span>")
    w(f"<div class=meta>{' · '.join(meta)}</div>")
    w(f"<div class=meta>date: {escape(pub.get('explanation') or '')}</div>")
    where = escape(a["path"]) + (" " + escape(a["locator"]) if a["locator"] else "")
    if a["url"]:
        url = escape(a["url"], quote=True)
        where += " · " + (f"<a href=\"{url}\" rel=noreferrer>{url}</a>" if _web(a["url"]) else url)
    w(f"<div class=meta>{where}</div>")
    words = len(a["body"].split())
    kinds = Counter(item["kind"] for item in a["removed"])
    removed = (f"; {len(a['removed'])} lines removed ("
               + ", ".join(f"{escape(k or '')} {n}" for k, n in kinds.most_common()) + ")"
               if a["removed"] else "")
    if not text:
        w(f"<p class=lede>{escape(lede(a['body']))}</p>"
          f"<div class=sub>{words} words{removed}</div></article>")
        return
    w(f"<details><summary>text ({words} words{removed})</summary><div class=body>")
    if a["dateline"]:
        w(f"<span class=dateline>{escape(a['dateline'])}</span> ")
    for para in a["body"].split("\n\n"):
        if para:
            w(f"<p>{escape(para)}</p>")
    w("</div>")
    if a["removed"]:
        w(f"<details><summary>{len(a['removed'])} removed lines</summary><table>")
        for item in a["removed"]:
            kind = escape(item["kind"] or "", quote=True)
            w(f"<tr><td><span class='kind k-{kind}'>{kind}</span></td>"
              f"<td>{escape(item['text'])}</td></tr>")
        w("</table></details>")
    w("</details></article>")


def lede(body: str, words: int = LEDE_WORDS) -> str:
    """An article's first paragraph, cut at `words` words."""
    first = next((p for p in body.split("\n\n") if p.strip()), "").split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _sources(store: Store, ids: Iterable[str] | None) -> Counter[str]:
    """Articles per outlet, with one name per outlet however its formats spell it."""
    names: dict[str, Counter[str]] = {}
    for a in store.articles.quote_holders(ids=ids):
        name = a.source or "unknown"
        names.setdefault(source_key(name), Counter())[name] += 1
    return Counter({n.most_common(1)[0][0]: sum(n.values()) for n in names.values()})


def pick(store: Store, story: str | None, most: int, min_articles: int
         ) -> tuple[list[dict[str, Any]], list[str] | None, list[dict[str, Any]]]:
    """What a report or dossier shows: (the story summaries, largest first; their article
    ids, None for all; the stories drawn in full). With `story`, that story alone; else
    the `most` largest of at least `min_articles` articles are drawn in full, or every
    story when there are no more than `most`."""
    if story:
        one = query.find_story(store, story)
        summaries = [s for s in query.stories(store) if s["id"] == one.id]
        return summaries, list(one.article_ids), summaries
    summaries = query.stories(store)
    if len(summaries) <= most:
        return summaries, None, list(summaries)
    return summaries, None, [s for s in summaries if s["articles"] >= min_articles][:most]


def write_html(store: Store, out: TextIO, *, story: str | None = None, text: bool = False,
               full_stories: int = FULL_STORIES, min_articles: int = FULL_MIN_ARTICLES) -> None:
    """The report of the whole store, or with `story` (any name `find_story` takes) of
    that story alone. Each article is shown with its lede; with `text`, with its whole
    text and removed lines (folded)."""
    summaries, ids, full = pick(store, story, full_stories, min_articles)
    full_ids = {s["id"] for s in full}
    listed = [s for s in summaries if s["id"] not in full_ids]
    titles = _Titles(store, ids)
    sources = _sources(store, ids)
    days = query.coverage(store, summaries)
    n_articles = len(titles.of)
    dated = sum(1 for t in titles.of.values() if t[2] != "undated")
    heading = summaries[0]["title"] if story and summaries else "storyline report"
    w = out.write
    w("<!doctype html><html lang=en><meta charset=utf-8>"
      "<meta name=viewport content='width=device-width,initial-scale=1'>"
      f"<title>{escape(heading)}</title><style>{_CSS}</style><body>")
    w(f"<h1>{escape(heading)}</h1>")
    w(f"<p class=sub>{n_articles} articles from {len(sources)} "
      f"outlet{'' if len(sources) == 1 else 's'} · {dated} dated · "
      f"{len(summaries)} stor{'y' if len(summaries) == 1 else 'ies'}</p>")
    if summaries and not story:
        w("<nav class=toc><h2>Stories by size</h2><table><thead><tr><th>Story</th><th>Dates</th>"
          "<th class=num>Articles</th><th>Outlets</th><th>Coverage</th></tr></thead><tbody>")
        for s in summaries[:len(full)]:
            w(f"<tr><td><a href='#{_sid(s['id'])}'>{escape(s['title'] or s['id'])}</a></td>"
              f"<td class=dates>{escape(_span(s['first_date'], s['last_date']))}</td>"
              f"<td class=num>{s['articles']}</td><td class=num>{len(s['sources'])}</td>"
              f"<td>{_spark(days[s['id']]['days'])}</td></tr>")
        w("</tbody></table>")
        if listed:
            w(f"<p><a href='#more'>{len(listed)} more stories</a>, listed with their articles"
              f" ({sum(s['articles'] for s in listed)} articles)</p>")
        w("<p><a href='#articles'>All articles</a> · <a href='#sources'>Outlets</a>"
          + (" · <a href='#problems'>Problems</a>" if store.builds.problems() else "") + "</p>")
        w("</nav>")
    for s in full:
        record = _story_record(store, s["id"])
        _story(w, record, days[s["id"]]["days"], titles)
    if listed:
        _listed(w, listed, titles)
    w("<h2 id=sources>Outlets</h2><p>" + " · ".join(f"{escape(k)} ({v})"
                                                 for k, v in sources.most_common()) + "</p>")
    if not story:
        _problems(w, query.problems(store))
    story_titles = {s["id"]: s["title"] or s["id"] for s in summaries}
    w(f"<h2 id=articles>Articles</h2><p class=sub>{n_articles} articles, oldest first; "
      "each with why it got its date and "
      + ("its text and the lines removed from it.</p>" if text else
         "its first paragraph (<code>storyline export --format html --with-text</code> "
         "writes every article's whole text).</p>"))
    for a in store.articles.all(ids=ids):
        _article(w, article_record(a), story_titles, text)
    w("</body></html>\n")
