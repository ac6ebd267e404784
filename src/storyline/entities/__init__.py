"""People, organizations and places: mentions in each article, entities across the corpus.

- `find_mentions(doc)` (per-article stage): names from the NER, cleaned, with roles, each
  carrying the fullest name its article uses ("Alvarez" -> "Maria Alvarez", "EPA" ->
  "Environmental Protection Agency").
- `resolve(articles, story_of)` (corpus stage): one `Entity` per real person,
  organization or place, and a map from each article's mention names to entity ids.
"""

from __future__ import annotations

from .mentions import find_mentions, mentions_from_spans
from .resolve import Resolution, entity_id_for, resolve

__all__ = ["find_mentions", "mentions_from_spans", "resolve", "Resolution", "entity_id_for"]
