"""The shared sentence toolkit: ends, the fallback splitter, stored spans, variants."""

from __future__ import annotations

from storyline.model import Article, Block, Origin
from storyline.text.sentences import (ENDS_CLAUSE, ENDS_CLAUSE_CJK, ENDS_SENTENCE, SENTENCE_END,
                                      article_sentences, paragraph_sentences, sentence_bounds,
                                      split_sentences)


def cut(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_splitter_keeps_titles_initials_and_acronyms_inside_a_sentence():
    text = "Dr. Smith met U.S. officials and J. Park on Sept. 30. They talked. Then they left."
    assert cut(text, split_sentences(text)) == [
        "Dr. Smith met U.S. officials and J. Park on Sept. 30.", "They talked.", "Then they left."]


def test_splitter_keeps_offsets_and_paragraphs():
    text = "Mr. Okafor spoke at 9 a.m. on Monday. The U.S. team left.\n\nA new paragraph here."
    assert cut(text, split_sentences(text)) == [
        "Mr. Okafor spoke at 9 a.m. on Monday.", "The U.S. team left.", "A new paragraph here."]
    assert split_sentences("One two. Three.", offset=10) == [(10, 18), (19, 25)]


def test_a_sentence_ends_before_a_capital_a_digit_or_an_opening_mark():
    text = 'He left. "Why?" she asked. 3 men (and more) stayed. it goes on.'
    assert cut(text, split_sentences(text)) == [
        "He left.", '"Why?" she asked.', "3 men (and more) stayed. it goes on."]
    assert SENTENCE_END.search("Done.” Next") and not SENTENCE_END.search("Done. next")


def test_article_sentences_prefer_the_stored_spans():
    body = "The bridge collapsed. Two people died."
    article = Article(id="a", origin=Origin(path="a.txt", format="txt"), blocks=[Block(body)])
    assert cut(body, article_sentences(article)) == ["The bridge collapsed.", "Two people died."]
    article.sentences = [(0, len(body)), (5, 999)]      # out-of-range spans are dropped
    assert article_sentences(article) == [(0, len(body))]


def test_quote_paragraphs_keep_marks_with_their_sentence():
    text = "Sen. Ana Ruiz met J. Park in the U.S. capital. Why?! “Fine,” she said. “Go.” He went."
    assert cut(text, paragraph_sentences(text, 0, len(text))) == [
        "Sen. Ana Ruiz met J. Park in the U.S. capital.", "Why?!", "“Fine,” she said.", "“Go.”",
        "He went."]


def test_sentence_bounds_around_a_time_expression():
    text = "It rained. Gov. Lee spoke at 9 a.m. Tuesday in Salem. Others left.\n\nNew part"
    start = text.index("Tuesday")
    left, right = sentence_bounds(text, start, start + 7)
    assert text[left:right] == "Gov. Lee spoke at 9 a.m. Tuesday in Salem."
    start = text.index("New")
    assert text[slice(*sentence_bounds(text, start, start + 3))] == "New part"


def test_line_endings_like_a_sentence_or_a_clause():
    assert ENDS_SENTENCE.search("It ended.”  ") and ENDS_SENTENCE.search("Wait…")
    assert not ENDS_SENTENCE.search("Read more:") and ENDS_CLAUSE.search("Read more:")
    assert not ENDS_CLAUSE.search("Home | News") and not ENDS_CLAUSE.search("終わり。")
    assert ENDS_CLAUSE_CJK.search("終わり。")


def test_stored_spans_cut_in_two_by_the_parser_are_mended():
    body = ('A fire forced 212 passengers off the Sound Crossing Ferries boat.\n\n'
            '"They had every warning," said Osei. "Now they have a deadline."')
    a = Article(id="f", origin=Origin(path="f.txt", format="txt"), blocks=[
        Block(p) for p in body.split("\n\n")])
    q = body.index('"Now')
    # the parser's mistakes: a cut inside a name, and a quote mark on its own
    a.sentences = [(0, body.index("Ferries") - 1), (body.index("Ferries"), body.index("\n\n")),
                   (body.index('"They'), q - 1), (q, q + 1), (q + 1, len(body))]
    assert cut(body, article_sentences(a)) == [
        "A fire forced 212 passengers off the Sound Crossing Ferries boat.",
        '"They had every warning," said Osei.', '"Now they have a deadline."']
    # a closing mark the parser left alone goes back to its sentence
    a.sentences = [(body.index('"They'), len(body) - 1), (len(body) - 1, len(body))]
    assert cut(body, article_sentences(a)) == [body[body.index('"They'):]]
