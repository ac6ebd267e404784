"""storyline.nlp: choosing and loading a language model, and the entity-type mapping."""

from __future__ import annotations

import pytest

from storyline import nlp
from storyline.errors import StorylineError

spacy = pytest.importorskip("spacy")


def test_model_name_prefers_explicit_then_environment(monkeypatch):
    monkeypatch.delenv("STORYLINE_MODEL", raising=False)
    assert nlp.model_name() == nlp.DEFAULT_MODEL == "storyline"
    monkeypatch.setenv("STORYLINE_MODEL", "/models/fresh")
    assert nlp.model_name() == "/models/fresh"
    assert nlp.model_name("en_core_web_sm") == "en_core_web_sm"


def test_unknown_model_name_is_e015(monkeypatch):
    monkeypatch.delenv("STORYLINE_MODEL", raising=False)
    with pytest.raises(StorylineError, match="E015") as err:
        nlp.load("en_core_web_nonexistent_xyz")
    assert "en_core_web_nonexistent_xyz" in str(err.value)


def test_missing_path_is_e015(tmp_path):
    with pytest.raises(StorylineError, match="E015"):
        nlp.load(str(tmp_path / "no-such-model"))


def test_missing_shipped_model_is_e015(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYLINE_MODEL", raising=False)
    monkeypatch.setattr(nlp, "MODEL_DIR", tmp_path / "model")
    with pytest.raises(StorylineError, match="E015.*scripts/train"):
        nlp._load.__wrapped__("storyline", False)  # past the cache: a model loaded earlier must not hide this


@pytest.mark.parametrize("label, kind", [
    ("PER", "PERSON"), ("PERSON", "PERSON"),  # ours (UNER) and spaCy's OntoNotes models
    ("ORG", "ORG"),
    ("LOC", "LOC"), ("GPE", "LOC"), ("FAC", "LOC"),
])
def test_entity_types_map_every_models_labels(label, kind):
    assert nlp.ENTITY_TYPES[label] == kind


@pytest.mark.parametrize("label", ["NORP", "DATE", "MONEY", "PRODUCT", "EVENT", "MISC", "OTH"])
def test_entity_types_drop_labels_storyline_does_not_use(label):
    assert label not in nlp.ENTITY_TYPES


def test_entity_types_cover_only_three_kinds():
    assert set(nlp.ENTITY_TYPES.values()) == {"PERSON", "ORG", "LOC"}


# -- the model itself: the shipped one, or $STORYLINE_MODEL while developing -----------------


@pytest.fixture(scope="module")
def model():
    try:
        return nlp.load()
    except StorylineError as e:
        pytest.skip(f"no language model here: {e}")


def test_loaded_model_has_what_the_build_reads(model):
    assert {"tagger", "parser", "ner"} <= set(model.pipe_names)
    # the build skips what it never reads
    assert not {"morphologizer", "trainable_lemmatizer"} & set(model.pipe_names)
    assert set(model.get_pipe("ner").labels) <= set(nlp.ENTITY_TYPES)


def test_full_load_keeps_morphology_for_benchmarks(model):
    full = nlp.load(full=True)
    assert "morphologizer" in full.pipe_names
    assert full is nlp.load(full=True)  # loaded once per process


def test_model_annotates_a_news_paragraph(model):
    text = ("Mayor Dana Whitfield of Riverton said on Tuesday that the city would close "
            "the bridge. The repairs will take six weeks.")
    doc = model(text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[-1] == "The repairs will take six weeks."
    assert all(t.tag_ for t in doc)
    assert all(t.dep_ for t in doc)
    assert [t.text for t in doc if t.dep_ == "ROOT"][-1] == "take"
    people = [e.text for e in doc.ents if nlp.ENTITY_TYPES.get(e.label_) == "PERSON"]
    # the name is found as a person (the span may still take in the title "Mayor")
    assert any(p.endswith("Dana Whitfield") for p in people)
