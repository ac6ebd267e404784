"""bench/_timeml.py: the TimeML / MEANTIME readers and the TempEval-3 timex scorer,
checked on small documents written here and figures counted by hand."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "_timeml.py"
_spec = importlib.util.spec_from_file_location("_timeml", _PATH)
timeml = importlib.util.module_from_spec(_spec)
sys.modules["_timeml"] = timeml
_spec.loader.exec_module(timeml)
Timex = timeml.Timex


def T(start, end, type_="DATE", value="2017"):
    return Timex(start, end, "", type_, value)


GOLD = [T(0, 5, "DATE", "2017"), T(10, 20, "DURATION", "P3D"), T(30, 40, "DATE", "2017-06"),
        T(50, 55, "DATE", "2017-06-30"), T(60, 64, "DATE", "2009"), T(65, 69, "DATE", "2010")]
SYSTEM = [
    T(0, 5, "DATE", "2017"),            # exact, right value
    T(12, 20, "DURATION", "P3D"),       # overlaps: relaxed only, right value
    T(30, 40, "DATE", "2017-07"),       # exact, wrong value
    #                                     gold 50-55 missed
    T(60, 69, "DATE", "2009"),          # "2009-2010" over two gold: matches the first only
    T(80, 85, "DATE", "2018"),          # false alarm
]


def test_gold_against_itself_is_perfect():
    figures = timeml.score([(GOLD, list(GOLD))])
    assert all(v == 1.0 for v in figures.values()), figures


def test_hand_counted_example():
    # 6 gold, 5 system; relaxed pairs: 4 (A, B, C, E); strict: 2 (A, C)
    # value right on A, B, E (3 of 4); type right on all 4
    f = timeml.score([(GOLD, SYSTEM)])
    relaxed_f1 = 2 * (4 / 5) * (4 / 6) / (4 / 5 + 4 / 6)
    strict_f1 = 2 * (2 / 5) * (2 / 6) / (2 / 5 + 2 / 6)
    assert f["relaxed_p"] == pytest.approx(4 / 5) and f["relaxed_r"] == pytest.approx(4 / 6)
    assert f["relaxed_f1"] == pytest.approx(relaxed_f1)
    assert f["strict_p"] == pytest.approx(2 / 5) and f["strict_r"] == pytest.approx(2 / 6)
    assert f["strict_f1"] == pytest.approx(strict_f1)
    assert f["value_acc"] == pytest.approx(3 / 4)
    assert f["value_f1"] == pytest.approx(3 / 4 * relaxed_f1)
    assert f["type_acc"] == pytest.approx(1.0)
    assert f["type_f1"] == pytest.approx(relaxed_f1)


def test_one_to_one_matching():
    gold = [T(0, 14, value="P3D")]                       # "Sunday morning"
    system = [T(0, 6, value="P3D"), T(7, 14, value="P3D")]   # "Sunday", "morning"
    assert timeml.match(gold, system) == [(0, 0)]        # the second is a false alarm


def test_counts_are_summed_over_documents():
    one = timeml.score([([T(0, 4)], [T(0, 4)]), ([T(0, 4), T(10, 14)], [])])
    assert one["relaxed_p"] == 1.0 and one["relaxed_r"] == pytest.approx(1 / 3)


def test_empty_system_scores_zero_not_error():
    f = timeml.score([(GOLD, [])])
    assert f["relaxed_f1"] == 0.0 and f["value_f1"] == 0.0


TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>
<TEXT>
AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> it grew for <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    doc = timeml.read_tml(path)
    assert doc.dct == "2013-03-22"
    assert doc.text == "\nAT&T said Friday it grew for three years.\n"
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22"), ("three years", "DURATION", "P3Y")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" doc_name="test">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">rise</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">01</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2008</token>
<token number="6" sentence="2" t_id="7">Sales</token>
<token number="7" sentence="2" t_id="8">rose</token>
<token number="8" sentence="2" t_id="9">last</token>
<token number="9" sentence="2" t_id="10">week</token>
<token number="10" sentence="2" t_id="11">.</token>
<token number="11" sentence="9" t_id="12">Today</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2008-03-01" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2008-W08" functionInDocument="NONE">
<token_anchor t_id="9"/><token_anchor t_id="10"/>
</TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2058" functionInDocument="NONE"/>
</Markables>
</Document>
"""


def test_read_meantime(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(MEANTIME, encoding="utf-8")
    doc = timeml.read_meantime(path)
    assert doc.dct == "2008-03-01"
    # title kept, dateline (the DCT) dropped, sentences after the sixth dropped
    assert doc.text == "Sales rise\nSales rose last week."
    assert [(t.text, t.value) for t in doc.timexes] == [("last week", "2008-W08")]
