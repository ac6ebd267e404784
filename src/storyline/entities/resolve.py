"""Corpus stage: one `Entity` per real person, organization or place across articles.

Each article already gave every mention the fullest name it uses (`find_mentions`).
Here names are joined across articles, with dictionaries only (cost linear in the
number of mentions):

1. the same normalized name is the same entity ("Boeing Co." = "Boeing"; an ORG/LOC
   type disagreement between articles does not split it: the majority type wins);
2. an acronym joins the full name it stands for when the corpus reads it one way: every
   article that spells it out ("Environmental Protection Agency (EPA)") spells it the same
   way, and at least ACRONYM_SHARE of the articles using it spell it out or name that
   full name beside it (its initials alone). Otherwise it stays its own name ("BP" in
   an oil-spill corpus is not the "Bolivar Peninsula" one article also names), except
   in an article that spells it out;
3. a one-word personal name (an article that never gives the full name) joins the one
   person of the same story with that surname, or, of several, the one the story names
   in DOMINANT_SHARE of the articles that give one of them in full ("Assad" in 2011 is
   Bashar al-Assad, not his father or his wife, named once each); otherwise it stays
   apart, and it never joins a namesake from another story. With none, and an organization or place of that
   name in the corpus, it is taken for a mislabelled organization or place.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

from ..model import Entity
from .lexicon import ORG_SUFFIXES
from .names import acronym_of, is_acronym, name_key, org_stem, surname

__all__ = ["resolve", "Resolution", "entity_id_for", "ACRONYM_SHARE", "DOMINANT_SHARE"]

# Share of the articles using an acronym that must spell it out, or name the full name
# beside it, for the acronym to stand for that name everywhere (timeline17 pile of 300
# articles: "BP" had a full name beside it in 3 of 150 articles, each a different one;
# MEANTIME's "GM" has "General Motors" in most).
ACRONYM_SHARE = 0.5
# Share of a story's full-name articles that one of several namesakes needs for a lone
# surname to be taken as that person. Set by reasoning (three in four), not tuned: checked on the
# held-out timeline17 trial pile of issue 15 (Syria: Bashar al-Assad 14 articles, Hafez
# Assad 2, Asma al-Assad 1) and unchanged on bench/entities.py (MEANTIME, GUM).
DOMINANT_SHARE = 0.75


def entity_id_for(type: str, name: str, scope: str = "") -> str:
    """Stable entity id: a hash of type and normalized canonical name (and, for a
    surname that never met its full name, the story it was seen in)."""
    text = f"{type}|{name_key(name, type)}|{scope}" if scope else f"{type}|{name_key(name, type)}"
    return "e-" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


@dataclass
class Resolution:
    """What `resolve` found: the entities, and which one each article's mention names.

    `entity_id(article_id, mention.name)` gives the entity id of a mention (None for a
    name the article did not mention); pass `type` too to tell apart a person and a
    place that share a name in one article.
    """

    entities: list[Entity] = field(default_factory=list)
    _ids: dict[tuple[str, str, str | None], str] = field(default_factory=dict, repr=False)

    def entity_id(self, article_id: str, name: str, type: str | None = None) -> str | None:
        if type is not None and (article_id, name, type) in self._ids:
            return self._ids[(article_id, name, type)]
        return self._ids.get((article_id, name, None))

    def names(self) -> Iterator[tuple[tuple[str, str, str], str]]:
        """Each ((article_id, mention name, type), entity id): what the store keeps."""
        return ((key, eid) for key, eid in self._ids.items() if key[2] is not None)

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


class _Union:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _single_person(name: str, type: str) -> bool:
    return type == "PERSON" and len(name.split()) == 1


def resolve(articles: Iterable[Any], story_of: Mapping[str, str] | None = None) -> Resolution:
    """Entities of a corpus from its articles' mentions.

    `articles`: objects with `.id` and `.mentions` (storyline `Article`s). `story_of`:
    {article_id: story_id}; a surname alone is only joined to a full name of the same
    story. Without it, an article's `.story_id` is used, and when that is unset too the
    whole corpus counts as one story.
    """
    uf = _Union()
    rows: list[tuple[str, Any, Any]] = []          # (article_id, mention, node)
    story_names: dict[str, dict[str, set]] = {}    # story -> surname -> full-name nodes
    named_in: dict[Any, set[str]] = {}             # full-name node -> articles naming it
    users: dict[str, set[str]] = {}                # acronym -> articles using it
    spelled: dict[str, dict[str, Any]] = {}        # acronym -> {article: full-name node it spells out}
    beside: dict[str, dict[str, Any]] = {}         # acronym -> {article: node of a name with its initials}
    acronym_nodes: dict[str, set] = {}             # acronym -> nodes of the acronym as a name
    stems: dict[str, set] = {}                     # "ford" -> nodes of "Ford", "Ford Motor Co."
    node_types: dict[Any, Counter] = {}
    surname_nodes: dict[Any, tuple[str, str]] = {}  # node -> (story, surname)
    for article in articles:
        aid = article.id
        story = (story_of.get(aid, f"article:{aid}") if story_of is not None
                 else getattr(article, "story_id", None) or "*")
        for m in article.mentions:
            if _single_person(m.name, m.type):
                node = ("S", story, name_key(m.name, m.type))
                surname_nodes[node] = (story, surname(m.name))
            else:
                node = ("N", name_key(m.name, m.type))
                if m.type == "PERSON":
                    story_names.setdefault(story, {}).setdefault(surname(m.name), set()).add(node)
                    named_in.setdefault(node, set()).add(aid)
                elif is_acronym(m.name):
                    code = acronym_of(m.name)
                    acronym_nodes.setdefault(code, set()).add(node)
                    users.setdefault(code, set()).add(aid)
                    if m.expands:
                        beside.setdefault(code, {})[aid] = ("N", name_key(m.expands, m.type))
                elif is_acronym(m.text):          # "EPA" written, "Environmental ..." spelled out
                    code = acronym_of(m.text)
                    spelled.setdefault(code, {})[aid] = node
                    users.setdefault(code, set()).add(aid)
            uf.find(node)
            rows.append((aid, m, node))
            node_types.setdefault(node, Counter())[m.type] += 1
            if m.type == "ORG" and node[0] == "N" and not is_acronym(m.name):
                stems.setdefault(org_stem(m.name), set()).add(node)

    for code, nodes in acronym_nodes.items():
        full = _reading(spelled.get(code, {}), beside.get(code, {}), len(users[code]))
        # the acronym, and every spelling of its one reading, are one entity
        for node in [*nodes, *spelled.get(code, {}).values()] if full is not None else ():
            uf.union(full, node)
    # "Ford" = "Ford Motor Company", when every name involved is mostly an organization
    for nodes in stems.values():
        orgs = [n for n in nodes if node_types[n].most_common(1)[0][0] == "ORG"]
        for n in orgs[1:]:
            uf.union(orgs[0], n)
    for node, (story, sur) in surname_nodes.items():
        full = {uf.find(n) for n in story_names.get(story, {}).get(sur, ())}
        if len(full) > 1:
            full = _dominant(story_names[story][sur], named_in, uf)
        if len(full) == 1:
            uf.union(full.pop(), node)
        elif not full and ("N", node[2]) in node_types \
                and node_types[("N", node[2])].most_common(1)[0][0] != "PERSON":
            # no person of that name in the story, but an organization or place: the
            # NER called "Boeing" a person here
            uf.union(("N", node[2]), node)

    groups: dict[Any, list[tuple[str, Any]]] = {}
    for aid, m, node in rows:
        groups.setdefault(uf.find(node), []).append((aid, m))
    result = Resolution()
    used: set[str] = set()
    for root, members in groups.items():
        entity = _entity(root, members, used)
        result.entities.append(entity)
        for aid, m in members:
            result._ids.setdefault((aid, m.name, None), entity.id)
            result._ids.setdefault((aid, m.name, m.type), entity.id)
    names = {e.id: e.name for e in result.entities}
    for entity, (root, members) in zip(result.entities, groups.items()):
        entity.roles = _roles(members, result, names)
    return result


def _dominant(nodes: set, named_in: dict[Any, set[str]], uf: _Union) -> set:
    """{the one person} of namesakes who has DOMINANT_SHARE of their full-name articles
    (an article naming two of them counts for each), else the empty set."""
    articles: dict[Any, set[str]] = {}
    for n in nodes:
        articles.setdefault(uf.find(n), set()).update(named_in.get(n, ()))
    top = max(articles, key=lambda r: len(articles[r]))
    return {top} if len(articles[top]) >= DOMINANT_SHARE * sum(map(len, articles.values())) else set()


def _same_reading(a: Any, b: Any) -> bool:
    """Two spellings of one full name: "European Aeronautic Defence and Space Company" and
    "European Aeronautic Defense & Space NV" (MEANTIME) share half the words of the shorter."""
    wa, wb = set(a[1].split()) - _SMALL, set(b[1].split()) - _SMALL
    return len(wa & wb) * 2 >= min(len(wa), len(wb))


_SMALL = frozenset({"of", "the", "and", "&", "for"})


def _reading(spelled: dict[str, Any], beside: dict[str, Any], n_users: int) -> Any:
    """The full name an acronym stands for across the corpus, or None (see the module
    doc, rule 2): the name its articles spell it out with, else the name most often
    beside it; either way found in ACRONYM_SHARE of the articles using it."""
    if spelled:
        full = Counter(spelled.values()).most_common(1)[0][0]
        if not all(_same_reading(full, other) for other in spelled.values()):
            return None                  # two readings: only the articles spelling it out know
    elif beside:
        full = Counter(beside.values()).most_common(1)[0][0]
    else:
        return None
    support = set(spelled) | {aid for aid, node in beside.items() if _same_reading(node, full)}
    return full if len(support) >= ACRONYM_SHARE * n_users else None


def _without_suffix(name: str) -> str:
    """"BP Plc" -> "BP": a company's legal suffix does not spell its name out."""
    words = name.split()
    while len(words) > 1 and words[-1].lower() in ORG_SUFFIXES:
        words.pop()
    return " ".join(words)


def _entity(root: Any, members: list[tuple[str, Any]], used: set[str]) -> Entity:
    types = Counter(m.type for _, m in members)
    type = types.most_common(1)[0][0]
    names = Counter(m.name for _, m in members)
    # the most frequent full form; acronyms ("BP", "BP Plc") and lone surnames only when
    # nothing else is known
    name = max(names, key=lambda n: (not is_acronym(_without_suffix(n)),
                                     type != "PERSON" or len(n.split()) > 1, names[n], len(n)))
    scope = root[1] if root[0] == "S" else ""
    eid = entity_id_for(type, name, scope)
    n = 2
    while eid in used:                   # two namesakes kept apart: disambiguate the later
        eid = entity_id_for(type, name, f"{scope}#{n}")
        n += 1
    used.add(eid)
    aliases: dict[str, None] = {}
    article_ids: dict[str, None] = {}
    for aid, m in members:
        for form in (m.name, m.text):
            if form[:1].isupper() or form[:1].isdigit():   # not "the agency"
                aliases.setdefault(form, None)
        article_ids.setdefault(aid, None)
    return Entity(id=eid, name=name, type=type, aliases=list(aliases),
                  article_ids=list(article_ids))


def _roles(members: list[tuple[str, Any]], result: Resolution,
           names: dict[str, str]) -> list[dict[str, Any]]:
    roles: dict[tuple, dict[str, Any]] = {}
    for aid, m in members:
        if not m.role:
            continue
        of = m.role_of
        if of is not None:
            owner = result.entity_id(aid, of)
            of = names.get(owner, of) if owner else of
        roles.setdefault((m.role, of, aid), {"role": m.role, "of": of, "article_id": aid})
    return list(roles.values())
