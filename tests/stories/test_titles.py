"""Story titles: the headline of the most central article, else its opening sentence."""

from __future__ import annotations

from storyline.stories import choose_title

CENTROID = {"dam": 0.9, "marlow": 0.8, "kessick": 0.5, "flood": 0.4, "chess": 0.01}
NAMES = {"@marlow": 0.7}


def test_the_headline_carrying_the_storys_heaviest_terms_wins():
    headlines = [("Weather: a wet week ahead", ""),
                 ("Marlow dam fails, floods Kessick valley", ""),
                 ("Local chess club meets", "")]
    assert choose_title(headlines, CENTROID, NAMES) == "Marlow dam fails, floods Kessick valley"


def test_without_headlines_the_central_articles_first_sentence_stands_in():
    bodies = [(None, "Rain fell all week. Nobody minded."),
              (None, "The Marlow dam failed on Sunday and flooded Kessick. Farmers fled.")]
    assert choose_title(bodies, CENTROID, NAMES) == "The Marlow dam failed on Sunday and flooded Kessick."


def test_long_titles_are_cut_at_a_word_and_empty_input_names_key_terms():
    long = "Marlow dam " + "and more words " * 20
    title = choose_title([(long, "")], CENTROID, NAMES)
    assert len(title) <= 102 and title.endswith(" …") and not title[:-2].endswith(" ")
    assert choose_title([], CENTROID, NAMES) == "dam, marlow, kessick"
