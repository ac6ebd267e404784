"""The stage table: every stage of a build, in the order it runs, with what it
requires and what it assigns (as spaCy components declare theirs).

Per-article stages (`pipeline.ARTICLE_STAGES`) are pure functions of one article
and run on any executor; corpus stages (`corpus.CORPUS_STAGES`) run after the
articles are stored, reading and writing the store. The one rule for what runs
again is `pipeline.rerun`: when a stage changes an article's body or date, every
per-article stage that requires it runs again (template lines found later change
the body: time expressions and the language pipeline run again; a date from the
story changes the date: time expressions are resolved again).

    python -m storyline.stages      # prints the table (README's "Stages" section)
"""

from __future__ import annotations

from .corpus import CORPUS_STAGES
from .pipeline import ARTICLE_STAGES, Stage, rerun

__all__ = ["STAGES", "Stage", "rerun", "table"]

STAGES: tuple[Stage, ...] = ARTICLE_STAGES + CORPUS_STAGES


def table() -> str:
    """The stage table as Markdown."""
    rows = ["| stage | runs on | requires | assigns | where |", "|---|---|---|---|---|"]
    for s in STAGES:
        rows.append(f"| {s.name} | {'each article' if s.scope == 'article' else 'the store'} "
                    f"| {', '.join(s.requires)} | {', '.join(s.assigns)} | {s.doc} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table())
