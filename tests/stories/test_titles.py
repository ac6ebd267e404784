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


def test_a_first_sentence_standing_in_loses_the_byline_a_scrape_glued_to_it():
    bodies = [(None, "By Jo Bell and Sam Roe, Reuters The Marlow dam failed on Sunday. "
                     "Farmers fled.")]
    assert choose_title(bodies, CENTROID, NAMES) == "The Marlow dam failed on Sunday."


def test_long_titles_are_cut_at_a_word_and_empty_input_names_key_terms():
    long = "Marlow dam " + "and more words " * 20
    title = choose_title([(long, "")], CENTROID, NAMES)
    assert len(title) <= 102 and title.endswith(" …") and not title[:-2].endswith(" ")
    assert choose_title([], CENTROID, NAMES) == "dam, marlow, kessick"


# -- a name for the whole story (storyline.stories.records.story_name) -----------------------
from storyline.stories.records import story_name  # noqa: E402

SPILL_TEXTS = [
    "(CNN) -- The oil spill spread toward Louisiana as BP tried to cap the well in the Gulf "
    "of Mexico.",
    "(CNN) -- BP said the oil spill cost $3 billion; the Gulf of Mexico fisheries stay closed.",
    "(CNN) -- Fishermen blame BP for the oil spill. CNN visited the Gulf coast.",
    "Residents of the Gulf of Mexico coast fear the oil spill will last for years (CNN).",
]


def test_a_story_is_named_by_its_key_phrase_and_its_most_central_names():
    centroid = {"oil": 0.9, "spill": 0.8, "gulf": 0.5, "bp": 0.6, "fisheries": 0.2}
    names = {"@bp": 9.0, "@gulf of mexico": 5.0, "@gulf": 4.0, "@cnn": 6.0, "@louisiana": 1.0}
    # "Gulf" gives way to "Gulf of Mexico"; CNN, credited in brackets, is the outlet
    assert story_name(centroid, names, SPILL_TEXTS) == "Oil spill — BP, Gulf of Mexico"


def test_without_a_phrase_names_then_lower_case_key_terms():
    texts = ["Rebels entered Tripoli as Libya's leader Muammar Gaddafi fled, the rebel "
             "council said.", "Libya rebels hold the airport; Muammar Gaddafi is not seen.",
             "NATO jets hit Tripoli while rebels in Libya advance toward Sirte."]
    centroid = {"libya": 0.9, "rebels": 0.8, "rebel": 0.7, "tripoli": 0.6, "council": 0.3,
                "sirte": 0.2}
    names = {"@libya": 8.0, "@muammar gaddafi": 6.0, "@tripoli": 5.0, "@nato": 1.0}
    # "rebel" is of the family of "rebels"; "Tripoli" is a name, written capitalized
    assert story_name(centroid, names, texts) == "Libya, Muammar Gaddafi: rebels, council"


def test_an_outlet_credited_in_bylines_and_tokenized_brackets_is_no_part_of_the_name():
    texts = ["Tripoli , Libya -LRB- CNN -RRB- -- The rebels entered Tripoli as Muammar Gaddafi fled .",
             "By Jo Bell , CNN The rebels in Libya hold the airport ; CNN saw no sign of Gaddafi .",
             "-LRB- CNN -RRB- -- NATO jets hit Tripoli as rebels in Libya advance .",
             "The CNN Wire Staff reports that rebels in Libya took Sirte ."]
    centroid = {"libya": 0.9, "rebels": 0.8, "tripoli": 0.6, "sirte": 0.2}
    names = {"@cnn": 9.0, "@libya": 8.0, "@tripoli": 5.0}
    assert story_name(centroid, names, texts) == "Libya, Tripoli: rebels"


def test_a_story_without_names_or_terms_has_no_name():
    assert story_name({}, {}, []) == ""
