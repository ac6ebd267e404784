"""Who said what: quote records with their speakers resolved, and quotes grouped by speaker."""

from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator

from ..model import Quote
from .records import quote_record

__all__ = ["quotes", "speakers", "quote_records", "by_speaker", "story_speakers", "UNKNOWN"]

UNKNOWN = "(speaker unknown)"


def quotes(store, *, story: str | None = None, speaker: str | None = None,
           articles: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """Quote records in article order, with the article's title, date and outlet and
    `copy_of`: for a wire copy's quote, the article it copies (its quotes are the
    original's). Filters: a story (any name `find_story` takes), speakers whose name
    contains `speaker`, these article ids."""
    copies: dict[str, str] = {}
    story_id = None
    if story:
        from .stories import find_story
        found = find_story(store, story)
        story_id, copies = found.id, found.copies
    else:
        for s in store.stories.all():
            copies.update(s.copies)
    held = store.articles.quote_holders(story_id=story_id, ids=articles)
    return quote_records(store, held, copies, speaker)


def quote_records(store, held: Iterable[Any], copies: dict[str, str],
                  speaker: str | None = None) -> Iterator[dict[str, Any]]:
    """The quote records of these articles (`store.articles.quote_holders`), a copy's
    marked with the article it copies; only speakers whose name holds `speaker`."""
    for said in _said(store, held, speaker):
        yield _record(said, copies)


def _said(store, held: Iterable[Any], speaker: str | None = None) -> Iterator[tuple[Any, dict]]:
    """(article, stored quote with its `speaker` set to the entity its speaker's name
    stands for), in article order; only speakers whose name holds `speaker`."""
    needle = speaker.lower() if speaker else None
    for a in held:
        names = store.entities.names_in(a.id) if a.quotes else {}
        for q in a.quotes:
            if needle and needle not in (q.get("speaker_name") or UNKNOWN).lower():
                continue
            yield a, {**q, "speaker": names.get(q.get("speaker_name") or "", q.get("speaker"))}


def _record(said: tuple[Any, dict], copies: dict[str, str]) -> dict[str, Any]:
    a, q = said
    record = quote_record(Quote.from_dict(q))
    record.update(article_title=a.title, published=a.published, source=a.source,
                  copy_of=copies.get(a.id))
    return record


def speakers(store, *, story: str | None = None, speaker: str | None = None,
             limit: int | None = None) -> list[dict[str, Any]]:
    """Quotes grouped by speaker, most quoted first: [{speaker_name, speaker, count,
    quotes}], at most `limit` groups. One group per speaker entity when names have been
    resolved (so "Ruiz" and "Ana Ruiz" are one speaker), else per name; a group is
    named by its longest name. A wire copy's quotes are its original's and are not
    listed again."""
    return by_speaker(quotes(store, story=story, speaker=speaker), limit)


def by_speaker(records: Iterable[dict[str, Any]], limit: int | None = None,
               quotes_each: int | None = None) -> list[dict[str, Any]]:
    """Quote records grouped as `speakers` groups them; with `quotes_each`, a group
    keeps its first quotes only (its `count` is of all)."""
    return _grouped(records, lambda r: (r["copy_of"], r["speaker"], r["speaker_name"]),
                    lambda r: r, limit, quotes_each)


def story_speakers(store, held: list[Any], copies: dict[str, str], limit: int | None = None,
                   quotes_each: int | None = None) -> list[dict[str, Any]]:
    """`by_speaker` of a story's articles (`quote_holders`), making records only of the
    quotes it keeps (a story of a thousand articles has ten thousand quotes)."""
    return _grouped(_said(store, held),
                    lambda s: (copies.get(s[0].id), s[1]["speaker"], s[1].get("speaker_name")),
                    lambda s: _record(s, copies), limit, quotes_each)


def _grouped(items: Iterable[Any], facts: Callable[[Any], tuple], record: Callable[[Any], dict],
             limit: int | None, quotes_each: int | None) -> list[dict[str, Any]]:
    """Items grouped by speaker: one group per speaker entity, else per name, named by
    its longest name; a wire copy's (`copy_of`) left out; most quoted first."""
    groups: dict[str, list[tuple[Any, str | None, str | None]]] = {}
    for item in items:
        copy_of, speaker, name = facts(item)
        if copy_of:
            continue
        groups.setdefault(speaker or name or UNKNOWN, []).append((item, speaker, name))
    named: dict[str, dict[str, Any]] = {}
    for members in groups.values():
        name = max((n or UNKNOWN for _, _, n in members), key=len)
        group = named.setdefault(name, {"speaker_name": name, "speaker": None, "items": []})
        group["speaker"] = group["speaker"] or next((s for _, s, _ in members if s), None)
        group["items"].extend(item for item, _, _ in members)
    ranked = sorted(named.values(), key=lambda g: (-len(g["items"]), g["speaker_name"].lower()))
    return [{"speaker_name": g["speaker_name"], "speaker": g["speaker"], "count": len(g["items"]),
             "quotes": [record(item) for item in g["items"][:quotes_each]]}
            for g in ranked[:limit or None]]
