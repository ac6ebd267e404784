"""News tokenizer exceptions for storyline's English pipeline.

Used by scripts/train/config.cfg as an `[initialize.before_init]` callback (pass
`--code scripts/train/tokenizer.py` to `spacy train`). It runs only when the pipeline is
initialized for training; the special cases are then saved with the tokenizer, so loading the
trained model does not need this file.

What spaCy's default English tokenizer already handles (tested, spaCy 3.8; see
tests/train/test_train_tokenizer.py, tests/nlp/test_nlp_tokenizer.py): curly double and single quotes (“ ” ‘ ’) split off words,
curly-apostrophe contractions (don’t -> do n’t, it’s -> It ’s), em-dashes with or without spaces
("policy—a" -> policy — a), U.S., U.N., E.P.A., D.C., Rep., Sen., Gov., Mr., Mrs., Dr., St.,
Jr., Mt., months (Jan. … Dec., Sept.), most state abbreviations (Calif., Ore., Ariz., Mass.,
N.Y., …), Inc., Corp., Co., Ltd., a.m./p.m. "D-Ore." becomes D | - | Ore. which matches UD's
treatment of hyphens, so it is left alone.

What it splits wrongly and is added here: titles and ranks (Lt., Col., Sgt., Capt., Maj.,
Cmdr., Det., Sec., Atty., Supt., Insp., Asst., Pres.), plural titles (Reps., Sens., Govs.),
Sr., address words (Ave., Blvd., Rd., Hwy., Ft., Dept., Dist.), state abbreviations it misses
(Tex., Vt., Wyo., W.Va.), Hon./Fr./Msgr./Gens., the "’90s" decade form; and three infix
rules: punctuation before a glued curly quote ("said:“No", "Yes,”he"), a curly double quote
glued between characters, and a hyphen after an abbreviation ("U.S.-led", "Calif.-based"; UD
splits hyphens). Not handled: "No. 3" (ambiguous with a sentence-final "no.").
`scripts/train/package.py` applies the same rules when it copies a trained model into the
package, so a model trained before a rule was added gets it too.
"""

from __future__ import annotations

import spacy
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

ABBREVIATIONS = [
    # titles and ranks
    "Lt.", "Col.", "Sgt.", "Capt.", "Maj.", "Cmdr.", "Det.", "Sec.", "Atty.", "Supt.",
    "Insp.", "Asst.", "Pres.", "Reps.", "Sens.", "Govs.", "Sr.", "Cpl.", "Pvt.", "Adm.",
    # places and addresses
    "Ave.", "Blvd.", "Rd.", "Hwy.", "Ft.", "Dept.", "Dist.",
    # US states missing from spaCy's list
    "Tex.", "Vt.", "Wyo.", "W.Va.",
    # more titles
    "Hon.", "Fr.", "Msgr.", "Gens.",
]
NEWS_INFIXES = [
    r"(?<=\w)[,:;.!?](?=[“”])",        # said:“No -> said : “ No ; Yes,”he -> Yes , ” he
    r"(?<=\S)[“”](?=\S)",              # a curly double quote glued between characters
    r"(?<=[A-Za-z]\.)-(?=[A-Za-z])",    # U.S.-led -> U.S. - led, Calif.-based
]
DECADES = [f"’{d}0s" for d in range(10)] + [f"'{d}0s" for d in range(10)]


def add_news_special_cases(nlp) -> None:
    for a in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(a, [{ORTH: a}])
    for d in DECADES:
        nlp.tokenizer.add_special_case(d, [{ORTH: d}])
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + NEWS_INFIXES).finditer


@spacy.registry.callbacks("storyline.news_tokenizer.v1")
def make_news_tokenizer_callback():
    def before_init(nlp):
        add_news_special_cases(nlp)
        return nlp

    return before_init
