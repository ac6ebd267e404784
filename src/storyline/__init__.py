"""storyline: turn a pile of news articles into the stories they tell.

The public Python API. The pipeline runs read → extract → clean → date →
store (→ group → timeline → views); each stage has its own subpackage, and
they all speak the domain model in `storyline.model`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from ._build import BuildSummary, build
from .clean import clean_text
from .errors import Code, Problem, StorylineError
from . import export, query
from .ingest import FieldMap, ReadOptions
from .model import Article, Block, Entity, Event, Origin, Published, Quote, RawDocument, Story, TimeExpr
from .pipeline import process
from .store import Store

__all__ = [
    "__version__",
    "Article", "Block", "Entity", "Event", "Origin", "Published", "Quote", "RawDocument", "Story",
    "TimeExpr",
    "Store", "build", "BuildSummary", "process", "clean_text", "export", "query",
    "ReadOptions", "FieldMap", "Code", "Problem", "StorylineError",
]
