"""Term weighting: stop words, TF-IDF and cosine over plain dicts.

Story grouping weighs whole articles (`STOP_WORDS`, `tfidf` with a term cap);
the timeline stage compares sentences of one story (`SENTENCE_STOP_WORDS`,
`tfidf_vectors`). Both use one formula: sublinear tf x smoothed idf,
L2-normalized, the same as scikit-learn's TfidfVectorizer(sublinear_tf=True).
Plain dicts as sparse vectors are fast enough for tens to thousands of texts.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Mapping

from .calendar import MONTH_NAMES, WEEKDAY_NAMES

__all__ = ["ENGLISH_STOP_WORDS", "STOP_WORDS", "SENTENCE_STOP_WORDS", "tfidf", "tfidf_vectors",
           "cosine", "centroid"]

# scikit-learn's English stop-word list (sklearn.feature_extraction.text.ENGLISH_STOP_WORDS,
# itself taken from the Glasgow Information Retrieval Group's list), copied from
# scikit-learn 1.9.1 so that storyline does not depend on scikit-learn for a word list.
# scikit-learn is under the BSD 3-Clause License, Copyright (c) 2007-2026 The
# scikit-learn developers.
ENGLISH_STOP_WORDS = frozenset("""
a about above across after afterwards again against all almost alone along already also
although always am among amongst amoungst amount an and another any anyhow anyone anything
anyway anywhere are around as at back be became because become becomes becoming been before
beforehand behind being below beside besides between beyond bill both bottom but by call can
cannot cant co con could couldnt cry de describe detail do done down due during each eg
eight either eleven else elsewhere empty enough etc even ever every everyone everything
everywhere except few fifteen fifty fill find fire first five for former formerly forty
found four from front full further get give go had has hasnt have he hence her here
hereafter hereby herein hereupon hers herself him himself his how however hundred i ie if in
inc indeed interest into is it its itself keep last latter latterly least less ltd made many
may me meanwhile might mill mine more moreover most mostly move much must my myself name
namely neither never nevertheless next nine no nobody none noone nor not nothing now nowhere
of off often on once one only onto or other others otherwise our ours ourselves out over own
part per perhaps please put rather re same see seem seemed seeming seems serious several she
should show side since sincere six sixty so some somehow someone something sometime
sometimes somewhere still such system take ten than that the their them themselves then
thence there thereafter thereby therefore therein thereupon these they thick thin third this
those though three through throughout thru thus to together too top toward towards twelve
twenty two un under until up upon us very via was we well were what whatever when whence
whenever where whereafter whereas whereby wherein whereupon wherever whether which while
whither who whoever whole whom whose why will with within without would yet you your yours
yourself yourselves
""".split())

# Story grouping's list: news function words on top of the English list; they occur
# in every story and only add noise to the index.
STOP_WORDS = ENGLISH_STOP_WORDS | frozenset(WEEKDAY_NAMES) | frozenset("""
said says say told year years new just like including according added week month day time
people percent mr mrs ms dr lrb rrb lsb rsb today yesterday tomorrow ago did does make made
way use used going want good know think
""".split())

# The timeline's list, for comparing sentences: function words, reporting verbs and
# calendar words say nothing about which event a sentence reports.
SENTENCE_STOP_WORDS = frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES) | frozenset("""
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into is
it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your yours yourself yourselves said says
say saying told tells according one two new may might must shall us mr mrs ms dr it's year
years day days week weeks month months today yesterday tomorrow last next ago since still
already
""".split())


def tfidf(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int,
          keep: int | None = None) -> dict[str, float]:
    """Sublinear tf x smoothed idf of term counts (weights allowed), L2-normalized.
    With `keep`, only the `keep` heaviest terms (ties by term), heaviest first."""
    weights = {t: (1.0 + math.log(c)) * (math.log((n_docs + 1) / (df.get(t, 0) + 1)) + 1.0)
               for t, c in counts.items() if c > 0}
    top = list(weights.items()) if keep is None else \
        sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {t: w / norm for t, w in top}


def tfidf_vectors(docs: list[list[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors of word lists, document frequencies from `docs`."""
    df: Counter[str] = Counter()
    for words in docs:
        df.update(set(words))
    return [tfidf(Counter(words), df, len(docs)) for words in docs]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit-length vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def centroid(vectors: Iterable[dict[str, float]]) -> dict[str, float]:
    """Unit-length mean of vectors."""
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
    return {w: x / norm for w, x in total.items()}
