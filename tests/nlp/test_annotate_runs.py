"""Long runs of one punctuation mark (a scraped page's 20,000 `"`) are tokenized in pieces
(the tokenizer's cost grows with the square of a run), the text and offsets left alone."""

from __future__ import annotations

from storyline import nlp
from storyline.annotate import RUN_BREAK, _make_doc


def test_runs_are_tokenized_in_pieces_and_the_text_is_left_alone():
    text = 'He said "no." ' + '"' * 100 + " then 「" * 3 + "-" * 31 + " " + "." * 40
    doc = _make_doc(nlp.load(), text)
    assert doc.text == text                                     # every offset is the body's
    assert [t.text for t in doc][:4] == ["He", "said", '"', "no"]   # ordinary marks untouched
    assert max(len(t.text) for t in doc) <= RUN_BREAK


def test_a_quote_holding_a_long_run_is_the_bodys_text():
    """Runs were broken with a space in the parsed text, and quotes were cut from that text:
    a quote holding 40 `!` came out with a space in them, not the body's text (fuzz, issue 12)."""
    from storyline.annotate import annotate
    from storyline.model import Article, Block, Origin

    body = "“We will not go " + "!" * 40 + "” Maria Alvarez said."
    article = Article(id="a", origin=Origin("a.txt", "txt"), blocks=[Block(body)])
    annotate(article, nlp.load())
    [quote] = article.quotes
    assert quote.text == body[quote.start:quote.end] == "We will not go " + "!" * 40


def test_an_article_made_of_a_long_run_is_annotated_whole():
    from storyline import pipeline
    from storyline.model import Origin, RawDocument

    raw = RawDocument(origin=Origin(path="x.txt", format="txt"),
                      content="Council votes\n\nThe council met on Tuesday. " + '"' * 20000
                              + " It ended.")
    article = pipeline.process(raw)
    assert '"' * 20000 in article.body                           # the body keeps every mark
    assert article.sentences and article.sentences[-1][1] <= len(article.body)
