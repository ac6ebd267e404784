"""The `stories` rows views read: members in date order, copies, dates, outlets, a title.

The title names the whole story, from what its articles say most (`story_name`):
its key phrase and its most central names, as its articles write them ("Oil spill —
BP, Gulf of Mexico"). The headline of its most central article (`choose_title`:
the one whose headline carries most of the story's heaviest terms and names) is
kept beside it as `headline`, and names a story of a few articles.
"""

from __future__ import annotations

import math
import re

from ..text.scraped import clean_sentence
from .text import STOP_WORDS

__all__ = ["refresh", "choose_title", "story_name"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]")
TITLE_CHARS = 100
# Headlines looked at per story: its first and its latest members (bounded
# cost for stories of thousands of articles).
TITLE_CANDIDATES = 200


def _title_score(title: str, centroid: dict[str, float], names: dict[str, float]) -> float:
    words = [w.lower() for w in _WORD.findall(title)]
    content = [w for w in words if w not in STOP_WORDS and len(w) > 2]
    if not content:
        return 0.0
    weight = sum(centroid.get(w, 0.0) for w in set(content))
    lowered = title.lower()
    weight += sum(v for n, v in names.items() if n[1:] in lowered)
    # Favour headlines of ordinary length: not a bare slug, not a paragraph.
    return weight / math.sqrt(max(len(content), 4))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def choose_title(headlines: list[tuple[str | None, str]], centroid: dict[str, float],
                 names: dict[str, float]) -> str:
    """`headlines`: (title or None, body) of members; returns the story's title."""
    titled = [(t, b) for t, b in headlines if t and t.strip()]
    if titled:
        best = max(titled, key=lambda tb: (_title_score(tb[0], centroid, names), -len(tb[0])))
        return _shorten(best[0])
    if headlines:
        best = max(headlines, key=lambda tb: _title_score(tb[1][:300], centroid, names))
        # its first sentence, without the byline, stamp or dateline a scrape glued to it
        first = clean_sentence(re.split(r"(?<=[.!?])\s", best[1].strip(), maxsplit=1)[0])
        if first:
            return _shorten(first)
    top = sorted(centroid, key=lambda t: -centroid[t])[:3]
    return ", ".join(top) or "untitled story"


# A story's name holds at most NAME_NAMES names and NAME_TERMS key terms, each at
# least NAME_SHARE of the weight of the heaviest of its kind (set by hand, reading the
# names of timeline17's nine topics built undated; see tests/stories/test_titles.py).
NAME_NAMES = 2
# Stories of fewer articles than this are named by their most central headline (when
# one has a headline): one event, which a headline says best (set by hand).
NAME_MIN_ARTICLES = 5
NAME_TERMS = 3
NAME_SHARE = 0.25
# Two key terms make a phrase ("oil spill", "swine flu") when they stand side by side
# in at least this share of the texts looked at (and in three of them).
PHRASE_SHARE = 0.2
_NAME_TEXTS = 100


def story_name(centroid: dict[str, float], names: dict[str, float], texts: list[str]) -> str:
    """A short name for the whole story: its key phrase (two key terms its articles
    write side by side, in lower case: not a piece of a name), then the names its
    articles' openings carry most ("Oil spill — BP, Gulf of Mexico"); without a
    phrase, the names then the key terms ("Libya, Muammar Gaddafi: rebels, Tripoli").
    Written as the texts write them; "" when the story has no terms."""
    joined = "\n".join(texts)
    lowered = [t.lower() for t in texts]
    ranked = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:4 * NAME_NAMES]
    candidates = []
    for key, weight in ranked:
        name = key[1:] if key[:1] == "@" else key
        if weight >= NAME_SHARE * ranked[0][1] and not _credited(name, joined):
            candidates.append((sum(name in t for t in lowered), weight, name))
    # "Gulf" gives way to "Gulf of Mexico" when the longer name is common enough
    candidates = [c for c in candidates if not any(
        set(c[2].split()) < set(d[2].split()) and d[0] >= c[0] / 2 for d in candidates)]
    chosen: list[str] = []
    for df, _, name in sorted(candidates, key=lambda c: (-c[0], -c[1], c[2])):
        words = set(name.split())
        if len(chosen) == NAME_NAMES or df < min(2, len(texts)):
            break
        if any(words <= set(c.lower().split()) or set(c.lower().split()) <= words
               for c in chosen):
            continue
        chosen.append(_as_written(name, joined))
    taken = {w for c in chosen for w in c.lower().split()}
    top = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))
    terms = [t for t, w in top[:12] if w >= NAME_SHARE * top[0][1] and t not in taken] if top else []
    phrase = _phrase(terms[:8], joined, len(texts))
    if phrase:
        return phrase[:1].upper() + phrase[1:] + (" — " + ", ".join(chosen) if chosen else "")
    # key terms as the texts write them: lower case ones, not pieces of names ("Board"),
    # and one word of a family ("rebels", not also "rebel")
    shown: list[str] = []
    for word in (_as_written(t, joined) for t in terms):
        if word.islower() and len(shown) < NAME_TERMS and not any(
                word.startswith(w[:5]) for w in shown):
            shown.append(word)
    if chosen and shown:
        return ", ".join(chosen) + ": " + ", ".join(shown)
    return ", ".join(chosen or shown)


def _phrase(terms: list[str], text: str, texts: int) -> str | None:
    """The two key terms most often side by side in lower case ("oil spill"), if
    often enough."""
    if len(terms) < 2:
        return None
    wanted = set(terms)
    counts: dict[str, int] = {}
    words = re.findall(r"[\w'-]+", text)
    for a, b in zip(words, words[1:]):
        if a in wanted and b in wanted and a != b:       # as written: lower case only
            counts[f"{a} {b}"] = counts.get(f"{a} {b}", 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], k))
    return best if counts[best] >= max(3, PHRASE_SHARE * texts) else None


def _credited(name: str, text: str) -> bool:
    """Is `name` mostly a credit: in brackets ("(CNN) --", "-LRB- Reuters -RRB-"), ending
    a byline ("By Jo Bell, CNN"), a wire ("the CNN Wire Staff"): an outlet, not what the
    story is about?"""
    named = re.escape(name)
    every = len(re.findall(r"(?<![\w-])" + named + r"(?![\w-])", text, re.IGNORECASE))
    credits = sum(len(re.findall(p, text, re.IGNORECASE)) for p in (
        r"(?:\(|-LRB-)\s*" + named + r"\s*(?:\)|-RRB-)",
        r"\bBy\s+[^.\n]{0,80}?[,\s]\s*" + named + r"\b",
        r"\b" + named + r"\s+Wire\b"))
    return every > 0 and credits >= every / 2


def _as_written(name: str, text: str) -> str:
    """`name` (lower case) as the texts most often write it; title case if they don't."""
    seen: dict[str, int] = {}
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text, re.IGNORECASE):
        seen[m.group(0)] = seen.get(m.group(0), 0) + 1
    if not seen:
        return name.title() if name.islower() else name
    return max(seen, key=lambda k: (seen[k], k != k.lower(), k))


def refresh(store, story_id: str) -> None:
    """Rewrite the `stories` row of `story_id` from what grouping holds (keeps its timeline)."""
    state = store.grouping.state(story_id)
    members = store.grouping.members(story_id) if state is not None else []
    if not members:
        store.stories.delete(story_id)
        return
    originals = [m for m in members if m["copy_of"] is None] or members
    pick = originals if len(originals) <= TITLE_CANDIDATES else (
        originals[:TITLE_CANDIDATES // 2] + originals[-TITLE_CANDIDATES // 2:])
    step = max(1, len(pick) // _NAME_TEXTS)
    bodies = store.articles.openings([m["article_id"] for m in pick[::step]])
    headline = choose_title([(m["title"], bodies.get(m["article_id"], "")) for m in pick],
                            state["centroid"], state["names"])
    texts = [(m["title"] or "") + "\n" + bodies.get(m["article_id"], "") for m in pick[::step]]
    if len(originals) < NAME_MIN_ARTICLES and any(m["title"] for m in pick):
        title = headline          # a small story is what its best headline says
    else:
        title = story_name(state["centroid"], state["names"], texts) or headline
    data = store.stories.fields(story_id)
    sources = state["sources"]
    data.update({
        "id": story_id,
        "title": title,
        "headline": headline,
        "article_ids": [m["article_id"] for m in members],
        "timeline": data.get("timeline", []),
        "copies": {m["article_id"]: m["copy_of"] for m in members if m["copy_of"]},
        "merged_from": store.stories.merged_into(story_id),
        "first_date": state["first_date"],
        "last_date": state["last_date"],
        "sources": sorted(sources, key=lambda s: (-sources[s], s)),
    })
    store.stories.put(story_id, title, data)
