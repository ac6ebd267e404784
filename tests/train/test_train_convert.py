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


# GUM-style `Entity=` brackets (CorefUD): a title, a nested place inside an organization, a
# possessor with "'s", a demonym and a bare common-noun person (fictional names).
GUM = """\
# newdoc id = gum-x
# sent_id = gum-x-1
# text = The mayor met President Ana Ruiz and the Salem Film Society in the United States.
1	The	the	DET	DT	_	2	det	2:det	Entity=(1-person-new-x-cf1-2-sgl
2	mayor	mayor	NOUN	NN	_	3	nsubj	3:nsubj	Entity=1)
3	met	meet	VERB	VBD	_	0	root	0:root	_
4	President	President	PROPN	NNP	_	5	compound	5:compound	Entity=(2-person-new-x-cf2-1,2,3-coref-Ana_Ruiz
5	Ana	Ana	PROPN	NNP	_	3	obj	3:obj	_
6	Ruiz	Ruiz	PROPN	NNP	_	5	flat	5:flat	Entity=2)
7	and	and	CCONJ	CC	_	11	cc	11:cc	_
8	the	the	DET	DT	_	11	det	11:det	Entity=(3-organization-new-x-cf3-4-sgl
9	Salem	Salem	PROPN	NNP	_	11	compound	11:compound	Entity=(4-place-new-x-cf4-1-sgl)
10	Film	Film	PROPN	NNP	_	11	compound	11:compound	_
11	Society	Society	PROPN	NNP	_	5	conj	5:conj	Entity=3)
12	in	in	ADP	IN	_	15	case	15:case	_
13	the	the	DET	DT	_	15	det	15:det	Entity=(5-place-new-x-cf5-3-sgl
14	United	United	PROPN	NNP	_	15	compound	15:compound	_
15	States	States	PROPN	NNPS	_	3	obl	3:obl	Entity=5)|SpaceAfter=No
16	.	.	PUNCT	.	_	3	punct	3:punct	_

# sent_id = gum-x-2
# text = Ruiz's brother praised the Americans.
1	Ruiz	Ruiz	PROPN	NNP	_	3	nmod:poss	3:nmod:poss	Entity=(6-person-new-x-cf1-3-sgl(2-person-giv-x-cf2-1-coref-Ana_Ruiz|SpaceAfter=No
2	's	's	PART	POS	_	1	case	1:case	Entity=2)
3	brother	brother	NOUN	NN	_	4	nsubj	4:nsubj	Entity=6)
4	praised	praise	VERB	VBD	_	0	root	0:root	_
5	the	the	DET	DT	_	6	det	6:det	Entity=(7-person-new-x-cf3-2-sgl
6	Americans	American	PROPN	NNPS	_	4	obj	4:obj	Entity=7)|SpaceAfter=No
7	.	.	PUNCT	.	_	4	punct	4:punct	_

"""


def test_gum_entity_brackets_become_mentions():
    s1, s2 = convert.read_conllu(GUM.splitlines(True))
    assert sorted(s1.mentions) == [(0, 2, "person"), (3, 6, "person"), (7, 11, "organization"),
                                   (8, 9, "place"), (12, 15, "place")]
    assert sorted(s2.mentions) == [(0, 2, "person"), (0, 3, "person"), (4, 6, "person")]


def test_gum_names_follow_uner_conventions():
    s1, s2 = convert.read_conllu(GUM.splitlines(True))
    names = [(" ".join(t.text for t in s1.tokens[a:b]), lab) for a, b, lab in convert.gum_names(s1)]
    # no title, no "the"; "Salem" is nested in the society's name; "the mayor" is no name
    assert names == [("Ana Ruiz", "PER"), ("Salem Film Society", "ORG"), ("United States", "LOC")]
    # no possessive "'s"; "the Americans" is a demonym, "Ruiz's brother" no name
    assert convert.gum_names(s2) == [(0, 1, "PER")]


GUM_OF = """\
# sent_id = gum-y-1
# text = Dana Kim of Riverton spoke.
1	Dana	Dana	PROPN	NNP	_	5	nsubj	5:nsubj	Entity=(1-person-new-x-cf1-4-sgl
2	Kim	Kim	PROPN	NNP	_	1	flat	1:flat	_
3	of	of	ADP	IN	_	4	case	4:case	_
4	Riverton	Riverton	PROPN	NNP	_	1	nmod	1:nmod	Entity=(2-place-new-x-cf2-1-sgl)1)
5	spoke	speak	VERB	VBD	_	0	root	0:root	_|SpaceAfter=No
6	.	.	PUNCT	.	_	5	punct	5:punct	_

"""


def test_a_person_of_a_place_is_a_name_and_a_place():
    [s] = convert.read_conllu(GUM_OF.splitlines(True))
    names = [(" ".join(t.text for t in s.tokens[a:b]), lab) for a, b, lab in convert.gum_names(s)]
    assert names == [("Dana Kim", "PER"), ("Riverton", "LOC")]


def test_convert_gum_ner_option(tmp_path):
    pytest.importorskip("spacy")
    import spacy
    from spacy.tokens import DocBin

    ud, uner, out = tmp_path / "ud", tmp_path / "uner", tmp_path / "out"
    ud.mkdir()
    uner.mkdir()
    for split in ("train", "dev", "test"):
        with gzip.open(ud / f"en_ewt-ud-{split}.conllu.gz", "wt", encoding="utf-8") as f:
            f.write(CONLLU)
        with gzip.open(ud / f"en_gum-ccby-{split}.conllu.gz", "wt", encoding="utf-8") as f:
            f.write(GUM)
        name = convert.UNER_TRAIN if split == "train" else f"en_ewt-ud-{split}.iob2"
        (uner / name).write_text(IOB2, encoding="utf-8")
    (uner / "en_pud-ud-test.iob2").write_text(IOB2, encoding="utf-8")
    counts = convert.convert(ud, uner, out, doc_sents=10, gum_ner=True)
    assert counts["gum-train"]["ent_PER"] == 2 and counts["gum-train"]["ent_LOC"] == 1
    (doc,) = DocBin().from_disk(out / "ner-gum-train.spacy").get_docs(spacy.blank("en").vocab)
    assert [(e.text, e.label_) for e in doc.ents][:2] == [("Ana Ruiz", "PER"), ("Salem Film Society", "ORG")]
    assert doc[0].ent_iob_ == "O"  # GUM marks every mention: the rest is "O", not missing
