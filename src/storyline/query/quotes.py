"""Who said what: quote records with their speakers resolved, and quotes grouped by speaker."""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .records import quote_record

__all__ = ["quotes", "speakers", "quote_records", "by_speaker", "UNKNOWN"]

UNKNOWN = "(speaker unknown)"


def _with_speakers(store, article) -> Any:
    """Each quote's `speaker` set to the entity its speaker's name stands for."""
    names = store.entities.names_in(article.id)
    for quote in article.quotes:
        quote.speaker = names.get(quote.speaker_name or "", quote.speaker)
    return article


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
    needle = speaker.lower() if speaker else None
    for a in held:
        for q in _with_speakers(store, a).quotes:
            if needle and needle not in (q.speaker_name or UNKNOWN).lower():
                continue
            record = quote_record(q)
            record.update(article_title=a.title, published=a.published, source=a.source,
                          copy_of=copies.get(a.id))
            yield record


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
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record["copy_of"]:
            continue
        key = record["speaker"] or record["speaker_name"] or UNKNOWN
        groups.setdefault(key, []).append(record)
    named: dict[str, dict[str, Any]] = {}
    for key, records in groups.items():
        name = max((r["speaker_name"] or UNKNOWN for r in records), key=len)
        group = named.setdefault(name, {"speaker_name": name, "speaker": None, "count": 0,
                                        "quotes": []})
        group["speaker"] = group["speaker"] or next((r["speaker"] for r in records
                                                     if r["speaker"]), None)
        group["quotes"].extend(records)
        group["count"] = len(group["quotes"])
    ranked = sorted(named.values(), key=lambda g: (-g["count"], g["speaker_name"].lower()))
    if quotes_each is not None:
        for group in ranked:
            del group["quotes"][quotes_each:]
    return ranked[:limit or None]
