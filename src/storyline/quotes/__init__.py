"""Quote attribution: who said what in an article, with evidence.

    quotes = find_quotes(doc, article.mentions)

`doc` is the spaCy Doc of the article body; `mentions` the entity stage's names
(optional: without them, names come from `doc.ents`). Each `Quote` carries the
quoted content's offsets into the body (`start`/`end`, quote marks excluded), its
`kind` (direct | partial | indirect), the speaker's resolved full name
(`speaker_name`; the phrase itself when it cannot be resolved), the speaker's `role`
as the article states it, the `cue` ("said", "according to", "wrote in a statement",
":", "—") and `evidence`: the cue span (note "cue") and the speaker phrase span
(note "speaker", or "speaker, inherited: ..." when the quote has no attribution of
its own and takes the one before). `id`, `article_id` and `speaker` (the entity id)
are left for the stages that know them.

A quote interrupted by its attribution (“A,” she said. “B.”) is two Quotes with the
same speaker and the same cue evidence. See attribute.py for the rules.
"""

from __future__ import annotations

from .attribute import find_quotes, mentions_from_ents

__all__ = ["find_quotes", "mentions_from_ents"]
