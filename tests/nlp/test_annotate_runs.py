"""Long runs of one punctuation mark (a scraped page's 20,000 `"`) are broken for the
tokenizer, whose cost grows with the square of a run, without moving any offset."""

from __future__ import annotations

from storyline.annotate import RUN_BREAK, _break_long_runs


def test_runs_are_broken_at_the_same_length_and_text_is_left_alone():
    text = 'He said "no." ' + '"' * 100 + " then 「" * 3 + "-" * 31 + " " + "." * 40
    broken = _break_long_runs(text)
    assert len(broken) == len(text)
    assert broken.startswith('He said "no." ')                 # ordinary marks untouched
    assert "-" * 31 in broken                                   # shorter than a break
    assert '"' * RUN_BREAK not in broken and "." * RUN_BREAK not in broken
    assert all(a == b or b == " " for a, b in zip(text, broken))


def test_an_article_made_of_a_long_run_is_annotated_whole():
    from storyline import pipeline
    from storyline.model import Origin, RawDocument

    raw = RawDocument(origin=Origin(path="x.txt", format="txt"),
                      content="Council votes\n\nThe council met on Tuesday. " + '"' * 20000
                              + " It ended.")
    article = pipeline.process(raw)
    assert '"' * 20000 in article.body                           # the body keeps every mark
    assert article.sentences and article.sentences[-1][1] <= len(article.body)
