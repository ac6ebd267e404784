"""Corrections that last: a person renames a story, merges two, moves an article out
of its story (or marks it off-topic), sets an article's date or a quote's speaker;
each is a record of its own (who, when,
what, what the machine had) and holds on every later build until it is undone.

The machine's grouping stays as it decided it (`store.grouping`); what views read
(each article's `story_id`, the `stories` rows, an article's `published`) is the
machine's result with the corrections in force laid over it, in the order they were
made. `apply` lays them over again, so a build calls it at the end of its corpus
stages, and each `fix` and `undo` calls it at once:

- merge A into B: A's articles (those it held when the merge was made, and any the
  machine places in A later) are B's; A's id names B;
- move an article: into story T, or into a story of its own;
- rename: the story's title is the one given (the machine's is kept to undo it);
- off-topic: the article leaves its story for a story of its own, named as such;
- date: the article's date is the day given (method "correction", confidence 1);
- speaker: the quote's speaker is the name given (the quote found by its id, or by
  its text when the article was read again);
- entity-merge: two entities are one (found by id, or by name and type when the
  entities were resolved anew): the names of the one stand for the other.

A story whose articles or title changed is written anew and its timeline and
comparison told again.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
from collections import Counter
from datetime import date as Date
from typing import Any, Iterable

from .errors import Code, StorylineError
from .model import Evidence, Published
from .store import Store

__all__ = ["KINDS", "fix", "undo", "apply", "who_am_i", "own_story_id"]

KINDS = ("rename", "merge", "move", "off-topic", "date", "speaker", "entity-merge")
OFF_TOPIC = "Off topic: "


def who_am_i() -> str:
    """Who a correction is by when not said: $STORYLINE_USER, else the login name."""
    try:
        return os.environ.get("STORYLINE_USER") or getpass.getuser()
    except (KeyError, OSError):          # no login name (a container without a user)
        return "unknown"


def own_story_id(article_id: str) -> str:
    """The id of the story an article moved out of its story gets to itself."""
    return "s" + hashlib.blake2b(f"{article_id}/own".encode(), digest_size=5).hexdigest()


def _story(store: Store, ref: str) -> str:
    from . import query
    return query.find_story(store, ref).id


def _article(store: Store, ref: str) -> str:
    found = store.articles.get(ref)
    if found is None:
        raise StorylineError(Code.E106, f"no article {ref!r}; `storyline articles` lists them")
    return found.id


def _entity(store: Store, ref: str):
    found = store.entities.get(ref) if ref else None
    if found is None and ref:
        named = store.entities.all(name=ref)
        exact = [e for e in named if e.name.lower() == ref.lower()]
        found = (exact or named or [None])[0]
    if found is None:
        raise StorylineError(Code.E106, f"no entity {ref!r}; `storyline entities` lists them")
    return found


def _quote(store: Store, ref: str):
    """(the quote, its article's id) of a quote id ("ARTICLE-qN")."""
    article_id = ref.rsplit("-q", 1)[0] if "-q" in ref else ""
    article = store.articles.get(article_id) if article_id else None
    found = next((q for q in article.quotes if q.id == ref), None) if article else None
    if found is None:
        raise StorylineError(Code.E106, f"no quote {ref!r}; `storyline quotes --json` gives "
                             "their ids")
    return found, article.id


def fix(store: Store, kind: str, target: str, value: str | None = None, *,
        who: str | None = None, note: str | None = None) -> dict[str, Any]:
    """Make a correction and apply it: `kind` one of `KINDS`; `target` a story (rename,
    merge) or an article (move, date); `value` the new title, the story to merge into,
    the story to move into (None: a story of its own) or the day (YYYY-MM-DD).
    Returns the correction's record."""
    if kind not in KINDS:
        raise StorylineError(Code.E110, f"unknown correction {kind!r}; choose from {', '.join(KINDS)}")
    if kind == "rename":
        title = " ".join((value or "").split())
        if not title:
            raise StorylineError(Code.E120, "a story's new title cannot be empty")
        target, stored = _story(store, target), {"title": title}
    elif kind == "merge":
        target = _story(store, target)
        into = _story(store, value or "")
        if into == target:
            raise StorylineError(Code.E120, f"{value!r} is story {target} itself")
        held = list(store.stories.get(target).article_ids)
        stored = {"into": into, "articles": held}
    elif kind == "move":
        target = _article(store, target)
        to = _story(store, value) if value else None
        current = store.articles.get(target).story_id
        if to is not None and to == current:
            raise StorylineError(Code.E120, f"article {target} is already in story {to}")
        stored = {"to": to, "from": current}
    elif kind == "off-topic":
        target = _article(store, target)
        stored = {"from": store.articles.get(target).story_id}
    elif kind == "speaker":
        quote, article_id = _quote(store, target)
        name = " ".join((value or "").split())
        if not name:
            raise StorylineError(Code.E120, "a quote's speaker cannot be empty")
        target, stored = quote.id, {"name": name, "article": article_id, "text": quote.text}
    elif kind == "entity-merge":
        away, into = _entity(store, target), _entity(store, value or "")
        if away.id == into.id:
            raise StorylineError(Code.E120, f"{value!r} is entity {away.id} itself")
        target, stored = away.id, {"into": into.id, "name": away.name, "type": away.type,
                                   "into_name": into.name}
    else:
        target = _article(store, target)
        day = (value or "").strip()
        try:
            Date.fromisoformat(day)
        except ValueError:
            raise StorylineError(Code.E120, f"{value!r} is not a day (YYYY-MM-DD)") from None
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            raise StorylineError(Code.E120, f"{value!r} is not a day (YYYY-MM-DD)")
        stored = {"date": day}
    with store.transaction():
        correction_id = store.corrections.add(kind, target, stored, who or who_am_i(), note)
        apply(store)
    return store.corrections.get(correction_id)


def undo(store: Store, correction_id: int, *, who: str | None = None) -> dict[str, Any]:
    """Undo a correction: what it changed goes back to what the machine has (a date to
    the one it replaced, a title to the machine's). Returns its record."""
    found = store.corrections.get(correction_id)
    if found is None:
        raise StorylineError(Code.E119, f"no correction {correction_id}; `storyline fix list` "
                             "lists them")
    if found["undone_at"]:
        raise StorylineError(Code.E120, f"correction {correction_id} was undone already "
                             f"({found['undone_at']} by {found['undone_by']})")
    with store.transaction():
        store.corrections.undo(correction_id, who or who_am_i())
        if found["kind"] == "date" and found["before"]:
            article = store.articles.get(found["target"])
            if article is not None:
                article.published = Published.from_dict(found["before"]["published"])
                store.articles.update(article)
                _retell(store, [article.story_id] if article.story_id else [])
        if found["kind"] == "speaker" and found["before"]:
            article = store.articles.get(found["value"]["article"])
            quote = _said(article, found) if article else None
            if quote is not None:
                quote.speaker_name = found["before"]["speaker_name"]
                quote.speaker = found["before"]["speaker"]
                store.articles.update(article)
        if found["kind"] == "merge":
            store.corrections.unalias(found["target"])
        if found["kind"] == "entity-merge":           # the machine's entities again
            from .corpus import resolve_entities
            resolve_entities(store)
        apply(store, also=[found["target"], found["value"].get("into"),
                           found["value"].get("to"), found["value"].get("from")])
    return store.corrections.get(correction_id)


# -- laying the corrections over the machine's result -----------------------------------------


def _view(store: Store, corrections: list[dict[str, Any]]
          ) -> tuple[dict[str, str], dict[str, str], dict[str, dict], dict[str, str]]:
    """(article id -> story id, story id -> corrected title, article id -> date
    correction, merged-away story id -> story it went into) of the machine's grouping
    with `corrections` (those in force) laid over it in order."""
    machine = store.grouping.memberships()
    where = dict(machine)
    merged: dict[str, str] = {}

    def current(story_id: str) -> str:
        seen = set()
        while story_id in merged and story_id not in seen:
            seen.add(story_id)
            story_id = merged[story_id]
        return story_id

    titles: dict[str, str] = {}
    dates: dict[str, dict] = {}
    for c in corrections:
        v = c["value"]
        if c["kind"] == "merge":
            away, into = c["target"], current(store.stories.resolve(v["into"]))
            if away == into:
                continue
            held = set(v.get("articles") or [])
            for a, s in where.items():
                if s == away or (a in held and machine.get(a) is not None) or machine.get(a) == away:
                    where[a] = into
            merged[away] = into
        elif c["kind"] == "off-topic":
            if c["target"] in where:
                where[c["target"]] = own_story_id(c["target"])
                titles.setdefault(own_story_id(c["target"]), OFF_TOPIC)
        elif c["kind"] == "move":
            if c["target"] in where:
                where[c["target"]] = (current(store.stories.resolve(v["to"])) if v.get("to")
                                      else own_story_id(c["target"]))
        elif c["kind"] == "rename":
            titles[current(store.stories.resolve(c["target"]))] = v["title"]
        elif c["kind"] == "date":
            dates[c["target"]] = c
    return where, titles, dates, merged


def apply(store: Store, also: Iterable[str | None] = (), model: str | None = None) -> list[str]:
    """Lay the corrections in force over the machine's result (see the module doc);
    returns the stories written anew. `also`: stories to look at even if no
    correction in force names them (an undone one's). Nothing to do, and nothing
    read, when no correction was ever made."""
    if not store.corrections.any():
        return []
    in_force = store.corrections.all(undone=False)
    where, titles, dates, merged = _view(store, in_force)
    changed: set[str] = set()
    retell: set[str] = set()                         # stories whose timeline is stale
    with store.transaction():
        for c in in_force:                           # dates first: they order the stories
            if c["kind"] == "date":
                retell |= _set_date(store, c)
            elif c["kind"] == "speaker":
                _set_speaker(store, c)
        # The stories a correction may have changed: those it names, those its
        # articles are in (by the machine and by the view), and `also`.
        looked: set[str] = {s for s in also if s}
        memberships = store.grouping.memberships()
        for c in store.corrections.all():
            if c["kind"] in ("speaker", "entity-merge"):      # no story changes with them
                continue
            v = c["value"]
            looked.update(x for x in (c["target"], v.get("into"), v.get("to"), v.get("from"))
                          if isinstance(x, str))
            if c["kind"] in ("move", "off-topic"):
                looked.add(own_story_id(c["target"]))
            for a in [c["target"], *(v.get("articles") or [])]:
                looked.update(x for x in (where.get(a), memberships.get(a)) if x)
        looked = {store.stories.resolve(s) for s in looked} | looked
        looked.update(where[a] for a, s in memberships.items() if s in looked and a in where)
        for away, into in merged.items():
            store.corrections.alias(away, into)
        members: dict[str, list[str]] = {}
        for a, s in where.items():
            if s in looked:
                members.setdefault(s, []).append(a)
        for a in (a for ids in members.values() for a in ids):
            store.articles.set_story(a, where[a])
        for story_id in sorted(looked):
            written = _write_story(store, story_id, members.get(story_id, []),
                                   titles.get(story_id))
            if written:
                changed.add(story_id)
            if written == "members":
                retell.add(story_id)
    _retell(store, sorted(s for s in retell if members.get(s) or store.stories.get(s)), model)
    with store.transaction():
        for c in in_force:
            if c["kind"] == "entity-merge":
                _merge_entities(store, c)
    return sorted(changed)


def _found_entity(store: Store, entity_id: str, name: str, type_: str):
    """An entity by id, or (resolved anew since) by its name and type."""
    found = store.entities.get(entity_id)
    if found is not None and found.id == entity_id:
        return found
    return next((e for e in store.entities.all(type=type_, name=name)
                 if e.name == name or name in e.aliases), None)


def _merge_entities(store: Store, c: dict[str, Any]) -> None:
    v = c["value"]
    away = _found_entity(store, c["target"], v["name"], v["type"])
    into = _found_entity(store, v["into"], v["into_name"], v["type"])
    if away is None or into is None or away.id == into.id:
        return
    into.aliases = list(dict.fromkeys([*into.aliases, away.name, *away.aliases]))
    into.article_ids = list(dict.fromkeys([*into.article_ids, *away.article_ids]))
    into.roles = [*into.roles, *away.roles]
    store.corrections.merge_entities(away.id, into)


def _set_date(store: Store, c: dict[str, Any]) -> set[str]:
    article = store.articles.get(c["target"])
    day = c["value"]["date"]
    if article is None or (article.published.date == day and article.published.method == "correction"):
        return set()
    store.corrections.keep_before(c["id"], {"published": _published_dict(article.published)})
    reason = f"set by {c['who']} on {c['at'][:10]}" + (f": {c['note']}" if c["note"] else "")
    article.published = Published(date=day, earliest=day, latest=day, granularity="day",
                                  method="correction", confidence=1.0,
                                  evidence=[Evidence(text=day, where="correction", note=reason)])
    store.articles.update(article)
    return {article.story_id} if article.story_id else set()


def _said(article, c: dict[str, Any]):
    """The quote a speaker correction names: by id, else (the article read again) by text."""
    return (next((q for q in article.quotes if q.id == c["target"]), None)
            or next((q for q in article.quotes if q.text == c["value"]["text"]), None))


def _set_speaker(store: Store, c: dict[str, Any]) -> None:
    article = store.articles.get(c["value"]["article"])
    quote = _said(article, c) if article else None
    if quote is None or quote.speaker_name == c["value"]["name"]:
        return
    store.corrections.keep_before(c["id"], {"speaker_name": quote.speaker_name,
                                            "speaker": quote.speaker})
    quote.speaker_name, quote.speaker = c["value"]["name"], None
    store.articles.update(article)


def _published_dict(p: Published) -> dict[str, Any]:
    d = dict(vars(p))
    d["evidence"] = [dict(vars(e)) for e in p.evidence]
    return d


def _write_story(store: Store, story_id: str, article_ids: list[str], title: str | None) -> str:
    """Write story `story_id`'s row for these members and title. Returns what changed:
    "members" (its articles or their dates: its timeline is stale), "title", or "" when
    the row already says so. A story left without members loses its row."""
    data = store.stories.fields(story_id)
    if not article_ids:
        if data:
            store.stories.delete(story_id)
            return "members"
        return ""
    machine = [m["article_id"] for m in store.grouping.members(story_id)]
    if machine and set(machine) == set(article_ids):
        # The machine's own story again (a merge or move undone): its row as it tells it.
        from .stories.records import refresh
        refresh(store, story_id)
        fresh = store.stories.fields(story_id)
        fresh.pop("machine_title", None)
        if title is not None and fresh["title"] != title:
            fresh["machine_title"], fresh["title"] = fresh["title"], title
        store.stories.put(story_id, fresh["title"], fresh)
        if any(data.get(k) != fresh.get(k) for k in ("article_ids", "first_date", "last_date")):
            return "members"
        return "title" if any(data.get(k) != fresh.get(k) for k in ("title", "machine_title")) else ""
    keys = store.articles.sort_keys(article_ids)
    ordered = sorted(article_ids, key=lambda a: ((keys.get(a) or (None,))[0] is None,
                                                 (keys.get(a) or (None,))[0] or "", a))
    held = list(store.articles.quote_holders(ids=ordered))
    if title == OFF_TOPIC:
        first = next((a for a in held if a.title), None)
        title = OFF_TOPIC + (first.title if first else f"article {ordered[0]}")
    machine_title = data.get("machine_title") or data.get("title")
    if title is not None and data.get("title") not in (None, title):
        machine_title = data["title"]                # the machine named it anew since
    if title is None and data.get("machine_title"):
        title = data["machine_title"]                # a rename undone: the machine's again
    if not machine_title:                            # a story of its own: its article's title
        first = next((a for a in held if a.title), None)
        machine_title = first.title if first else f"article {ordered[0]}"
    shown = title or machine_title
    copies = {}
    for a in ordered:
        m = store.grouping.member(a)
        if m and m[1] and m[1] in article_ids:
            copies[a] = m[1]
    days = [k[0][:10] for k in keys.values() if k[0]]
    sources = Counter(a.source for a in held if a.source)
    first, last = (min(days), max(days)) if days else (None, None)
    same_members = (set(data.get("article_ids") or []) == set(ordered)
                    and (data.get("first_date"), data.get("last_date")) == (first, last))
    if (same_members and data.get("title") == shown
            and (title is None) == ("machine_title" not in data)):
        return ""
    new = {**data, "id": story_id, "title": shown, "article_ids": ordered, "copies": copies,
           "first_date": first, "last_date": last,
           "sources": sorted(sources, key=lambda s: (-sources[s], s)),
           "headline": data.get("headline") or (held[0].title if held else None),
           "timeline": data.get("timeline", []), "comparison": data.get("comparison", {})}
    if title is not None:
        new["machine_title"] = machine_title
    else:
        new.pop("machine_title", None)
    store.stories.put(story_id, shown, new)
    return "title" if same_members else "members"


def _retell(store: Store, story_ids: list[str], model: str | None = None) -> None:
    from .corpus import tell_story
    for story_id in dict.fromkeys(story_ids):
        if store.stories.get(story_id) is not None:
            tell_story(store, story_id, model)
