"""One shared text toolkit: sentences, abbreviations, calendar words, term weighting.

A bottom-floor package: it imports only the standard library and `storyline.model`,
so every stage (cleaning, dating, the temporal tagger, quotes, timelines, story
grouping) can use it without an import cycle. Import from the modules:
`sentences`, `abbreviations`, `calendar`, `terms`.
"""

__all__: list[str] = []
