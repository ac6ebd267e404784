"""scripts/train/convert.py on tiny CoNLL-U and IOB2 snippets written for these tests."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "train" / "convert.py"
spec = importlib.util.spec_from_file_location("storyline_train_convert", SCRIPT)
convert = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = convert  # dataclasses look their module up in sys.modules
spec.loader.exec_module(convert)

# "Ruiz didn't sign." with an MWT (did + n't), then a sentence with an empty node (ellipsis).
CONLLU = """\
# newdoc id = doc-a
# sent_id = doc-a-0001
# text = Ana Ruiz didn't sign in Salem.
1	Ana	Ana	PROPN	NNP	Number=Sing	5	nsubj	5:nsubj	_
2	Ruiz	Ruiz	PROPN	NNP	Number=Sing	1	flat	1:flat	_
3-4	didn't	_	_	_	_	_	_	_	_
3	did	do	AUX	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	5	aux	5:aux	_
4	n't	not	PART	RB	_	5	advmod	5:advmod	_
5	sign	sign	VERB	VB	VerbForm=Inf	0	root	0:root	_
6	in	in	ADP	IN	_	7	case	7:case	_
7	Salem	Salem	PROPN	NNP	Number=Sing	5	obl	5:obl:in	SpaceAfter=No
8	.	.	PUNCT	.	_	5	punct	5:punct	_

# sent_id = doc-a-0002
# text = Kim got two and Lee three.
1	Kim	Kim	PROPN	NNP	Number=Sing	2	nsubj	2:nsubj	_
2	got	get	VERB	VBD	Tense=Past	0	root	0:root	_
3	two	two	NUM	CD	NumType=Card	2	obj	2:obj	_
4	and	and	CCONJ	CC	_	5	cc	5:cc	_
5	Lee	Lee	PROPN	NNP	Number=Sing	2	conj	2:conj	_
5.1	got	get	VERB	VBD	_	_	_	2:conj	CopyOf=2
6	three	three	NUM	CD	NumType=Card	5	orphan	5.1:obj	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	2:punct	_

# newdoc id = doc-b
# sent_id = doc-b-0001
# text = Go.
1	Go	go	VERB	VB	Mood=Imp	0	root	0:root	SpaceAfter=No
2	.	.	PUNCT	.	_	1	punct	1:punct	_

"""

# UNER tokenizes "Ana Ruiz" etc. on the same words; the second sentence splits nothing.
IOB2 = """\
# newdoc id = doc-a
# sent_id = doc-a-0001
# text = Ana Ruiz didn't sign in Salem.
1	Ana	B-PER	-	x
2	Ruiz	I-PER	-	x
3	did	O
4	n't	O
5	sign	O
6	in	O
7	Salem	B-LOC	-	x
8	.	B-O	-	x

# sent_id = doc-a-0002
# text = Kim got two and Lee three.
1	Kim	B-PER	-	x
2	got	O
3	two	B-OTH	-	x
4	and	O
5	Lee	B-PER	-	x
6	three	O
7	.	O

"""


def test_mwt_uses_syntactic_words_and_keeps_text():
    sents = convert.read_conllu(CONLLU.splitlines(True))
    s = sents[0]
    assert [t.text for t in s.tokens] == ["Ana", "Ruiz", "did", "n't", "sign", "in", "Salem", "."]
    assert [t.space for t in s.tokens][2:4] == [False, True]  # SpaceAfter from the MWT line
    assert s.tokens[3].lemma == "not" and s.tokens[3].head == 4
    st = Counter()
    convert.check_text(sents, st)
    assert st["text_mismatch"] == 0
    assert s.stats["mwt"] == 1 and s.stats.get("mwt_collapsed", 0) == 0


def test_mwt_whose_words_do_not_spell_the_surface_is_collapsed():
    block = [
        "1-2\tvámonos\t_\t_\t_\t_\t_\t_\t_\t_",
        "1\tvamos\tir\tVERB\t_\t_\t0\troot\t_\t_",
        "2\tnos\tnosotros\tPRON\t_\t_\t1\tobj\t_\t_",
        "3\tya\tya\tADV\t_\t_\t1\tadvmod\t_\t_",
    ]
    (s,) = convert.read_conllu(["# sent_id = x\n"] + [b + "\n" for b in block])
    assert [t.text for t in s.tokens] == ["vámonos", "ya"]
    assert s.tokens[0].lemma == "ir" and s.tokens[0].head == -1  # MWT's syntactic head
    assert s.tokens[1].head == 0
    assert s.stats["mwt_collapsed"] == 1


def test_empty_nodes_are_skipped_and_heads_stay_on_words():
    s = convert.read_conllu(CONLLU.splitlines(True))[1]
    assert [t.text for t in s.tokens] == ["Kim", "got", "two", "and", "Lee", "three", "."]
    assert s.tokens[5].head == 4 and s.tokens[5].dep == "orphan"
    assert s.stats["empty_nodes_skipped"] == 1


def test_iob2_spans_drop_oth_and_b_o():
    sents = convert.read_iob2(IOB2.splitlines(True))
    assert sents[0].ents == [(0, 2, "PER"), (6, 7, "LOC")]
    assert sents[1].ents == [(0, 1, "PER"), (4, 5, "PER")]
    assert [t.space for t in sents[0].tokens] == [True, True, False, True, True, True, False, True]


def test_iob_to_spans_lenient_i():
    assert convert.iob_to_spans(["I-ORG", "I-ORG", "O", "B-LOC", "I-PER"]) == [
        (0, 2, "ORG"), (3, 4, "LOC"), (4, 5, "PER")]


def test_ner_alignment_across_different_tokenization():
    ud = convert.read_conllu(CONLLU.splitlines(True))[0]
    ner = convert.read_iob2([
        "# sent_id = doc-a-0001\n", "1\tAna\tB-PER\n", "2\tRuiz\tI-PER\n", "3\tdidn't\tO\n",
        "4\tsign\tO\n", "5\tin\tO\n", "6\tSalem.\tB-LOC\n", "\n"])[0]
    # "Salem." in the NER tokenization covers two UD tokens: the span is expanded to both
    assert convert.align_ents(ud, ner) == [(0, 2, "PER"), (6, 8, "LOC")]
    other = convert.read_iob2(["# sent_id = z\n", "1\tSomething\tO\n", "\n"])[0]
    assert convert.align_ents(ud, other) is None


def test_docs_group_sentences_and_carry_ner(tmp_path):
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import DocBin

    sents = convert.read_conllu(CONLLU.splitlines(True))
    st = Counter()
    convert.attach_ner(sents[:1], convert.read_iob2(IOB2.splitlines(True)), st)
    assert st["ner_sent_aligned"] == 1
    groups = convert.group(sents, 10)
    assert [len(g) for g in groups] == [2, 1]  # a new doc starts at `# newdoc`
    nlp = spacy.blank("en")
    doc = convert.make_doc(nlp.vocab, groups[0])
    assert doc.text == "Ana Ruiz didn't sign in Salem. Kim got two and Lee three."
    assert [s.text for s in doc.sents] == ["Ana Ruiz didn't sign in Salem.", "Kim got two and Lee three."]
    assert doc[4].dep_ == "ROOT" and doc[3].head.i == 4 and doc[3].lemma_ == "not"
    assert doc[2].pos_ == "AUX" and doc[2].tag_ == "VBD" and str(doc[2].morph) == "Mood=Ind|Tense=Past|VerbForm=Fin"
    assert [(e.text, e.label_) for e in doc.ents] == [("Ana Ruiz", "PER"), ("Salem", "LOC")]
    # the first sentence is annotated (O outside entities), the second is missing (no NER)
    assert doc[4].ent_iob_ == "O" and doc[9].ent_iob_ == ""
    path = tmp_path / "x.spacy"
    assert convert.write_docbin(path, [doc]) == 1
    (back,) = DocBin().from_disk(path).get_docs(nlp.vocab)
    assert back.text == doc.text and [e.label_ for e in back.ents] == ["PER", "LOC"]


def test_convert_end_to_end_on_tiny_files(tmp_path):
    pytest.importorskip("spacy")
    ud, uner, out = tmp_path / "ud", tmp_path / "uner", tmp_path / "out"
    ud.mkdir()
    uner.mkdir()
    for split in ("train", "dev", "test"):
        for name in (f"en_ewt-ud-{split}.conllu.gz", f"en_gum-ccby-{split}.conllu.gz"):
            with gzip.open(ud / name, "wt", encoding="utf-8") as f:
                f.write(CONLLU)
        name = convert.UNER_TRAIN if split == "train" else f"en_ewt-ud-{split}.iob2"
        (uner / name).write_text(IOB2, encoding="utf-8")
    (uner / "en_pud-ud-test.iob2").write_text(IOB2, encoding="utf-8")
    counts = convert.convert(ud, uner, out, doc_sents=10)
    assert counts["ewt-train"]["ner_sent_aligned"] == 2
    assert counts["ewt-train"]["ner_sent_missing"] == 1
    assert counts["ner-pud-test"]["ent_PER"] == 3
    for f in ("train", "dev", "ewt-test", "gum-test", "ner-ewt-test", "ner-pud-test"):
        assert (out / f"{f}.spacy").exists()
