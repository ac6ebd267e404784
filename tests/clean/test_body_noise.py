"""What trafilatura leaves in a page's text that is not the article (issue 17, item 4):
related-link labels in several languages, contact and follow lines, machine-translation
notices, headlines of other stories in capitals, the writer's biography, a second article
appended after the first; and what must stay: a first paragraph that the description
repeats, subheadings in capitals, news sentences that mention tips or Twitter. Every
removed line keeps its text with a kind and a rule. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from storyline.clean import clean_paragraphs
from storyline.model import BLOCK_KINDS

LEDE = ("The Riverton City Council voted 6-1 on Monday night to spend $14 million upgrading the "
        "city's water treatment plant, three weeks after the solvent spill.")
MIDDLE = ("Council member Dana Whitfield cast the lone vote against the plan, saying the rate "
          "increase that pays for it would fall hardest on renters and retirees.")
MORE = ("Work on the plant's filters is to start in June and finish before the end of next year, "
        "the city's water bureau said in a statement on Tuesday.")
CLOSE = ("The council will take up the second half of the budget, including the library hours, "
         "at its meeting on March 18.")


def clean(*paragraphs: str, **kwargs):
    blocks = clean_paragraphs(list(paragraphs), markup_hint="html", **kwargs)
    # nothing is lost: every paragraph's words are in some block, in order
    assert " ".join(b.text for b in blocks).split() == " ".join(paragraphs).split()
    assert all(b.kind in BLOCK_KINDS and (b.rule is None) == (b.kind == "body") for b in blocks)
    return blocks


def kind_of(blocks, text: str) -> tuple[str, str | None]:
    block = next(b for b in blocks if b.text == text)
    return block.kind, block.rule


@pytest.mark.parametrize("line", [
    "Les også: Slik blir været i helgen",
    "Lesen Sie auch: Wie die Stadt das Wasser prüft",
    "Read more: Judge keeps county's spill lawsuit alive",
    "À lire aussi : Le conseil municipal adopte le budget",
    "Läs också: Så mycket kostar vattnet i år",
    "Lees ook | Gemeente keurt begroting goed",
    "Les også",
    "Lesen Sie auch",
])
def test_related_link_labels_across_languages(line):
    blocks = clean(LEDE, line, MIDDLE, CLOSE)
    assert kind_of(blocks, line)[0] == "related"


@pytest.mark.parametrize("line, kind", [
    ("Got a story? Get in touch at news@ledger.example", "footer"),
    ("Have a story idea? Send us your tips at tips@ledger.example", "footer"),
    ("Send tips to jane.roe@ledger.example.", "footer"),
    ("Har du et tips? Kontakt oss på tips@avis.example", "footer"),
    ("Follow Jane Roe on Twitter @janeroe", "promo"),
    ("Follow us on Facebook and Instagram for more local news.", "promo"),
    ("Folgen Sie uns auf Twitter und Facebook.", "promo"),
    ("You can follow him on X @samortiz and email him at sam@ledger.example", "promo"),
])
def test_contact_and_follow_lines(line, kind):
    blocks = clean(LEDE, MIDDLE, MORE, CLOSE, line)
    assert kind_of(blocks, line)[0] == kind


@pytest.mark.parametrize("line", [
    "Police urged anyone with information to get in touch with detectives on 555-0100.",
    "Users who follow him on Twitter saw the post for about an hour before it was deleted.",
    "The mayor said he had no story to tell about the contract, and that the tip line "
    "would stay open.",
])
def test_news_sentences_that_mention_tips_or_twitter_stay(line):
    blocks = clean(LEDE, line, MIDDLE, CLOSE)
    assert kind_of(blocks, line) == ("body", None)


@pytest.mark.parametrize("line", [
    "This article was translated automatically using artificial intelligence. The original "
    "version is in German.",
    "Machine translation: the text may contain errors; view the original.",
    "Dieser Artikel wurde maschinell aus dem Englischen übersetzt.",
    "Cet article a été traduit automatiquement.",
    "Denne artikkelen er maskinoversatt.",
])
def test_machine_translation_notices(line):
    blocks = clean(line, LEDE, MIDDLE, CLOSE)
    assert kind_of(blocks, line) == ("meta", "notice-machine-translation")


def test_a_news_paragraph_about_machine_translation_stays():
    line = ("The court's interpreters said machine translation software had improved, but that "
            "a judge could not rely on it for testimony.")
    assert kind_of(clean(LEDE, line, CLOSE), line) == ("body", None)


def test_headlines_of_other_stories_in_capitals_inside_the_body():
    link = "SENDING EUROPEAN TROOPS TO UKRAINE REMAINS AN OPTION, SAYS FRENCH PRESIDENT"
    subhead = "WHAT THE BUDGET PAYS FOR"              # the article's own subheading
    shouted = "THE COUNCIL WILL MEET AGAIN ON MARCH 18 AT CITY HALL AT SEVEN."   # a sentence
    blocks = clean(LEDE, link, MIDDLE, subhead, MORE, shouted, CLOSE)
    assert kind_of(blocks, link) == ("related", "related-caps-headline")
    assert kind_of(blocks, subhead) == ("body", None)
    assert kind_of(blocks, shouted) == ("body", None)


def test_a_headline_in_capitals_above_the_article_is_not_a_link():
    headline = "COUNCIL VOTES TO SPEND FOURTEEN MILLION ON WATER PLANT UPGRADE"
    blocks = clean(headline, LEDE, MIDDLE, CLOSE)
    assert kind_of(blocks, headline)[0] != "related"


def test_the_writers_biography_after_the_last_paragraph():
    bio = ("Jane Roe is a reporter for the Riverton Ledger covering city hall. Send tips to "
           "jane.roe@ledger.example.")
    bio2 = "Sam Ortiz covers courts and public safety for the Ledger."
    blocks = clean(LEDE, MIDDLE, MORE, CLOSE, bio, bio2)
    assert kind_of(blocks, bio)[0] == "footer"
    assert kind_of(blocks, bio2) == ("footer", "footer-biography")


def test_a_paragraph_about_a_journalist_inside_the_article_stays():
    news = ("Jane Roe is a reporter who was arrested at the protest, and she said police had "
            "seen her press card.")
    blocks = clean(LEDE, news, MIDDLE, MORE, CLOSE)
    assert kind_of(blocks, news) == ("body", None)


SECOND = ["Library hours cut as county trims budget", "By Pat Lee",
          "Riverton's three branch libraries will close on Mondays from April, the county "
          "library board decided on Wednesday in a 4-1 vote.",
          "The board said the cut saves $310,000 a year and that no librarian would lose a job, "
          "since two positions are already vacant."]


def test_a_second_article_appended_after_the_first():
    blocks = clean(LEDE, MIDDLE, MORE, CLOSE, *SECOND, title="Council approves plant upgrade")
    assert [kind_of(blocks, line) for line in SECOND] == [("teaser", "appended-article")] * 4
    assert [b.text for b in blocks if b.kind == "body"] == [LEDE, MIDDLE, MORE, CLOSE]


def test_a_live_blogs_entries_each_with_a_headline_and_byline_stay():
    entries = []
    for n, head in enumerate(("Bridge reopens after inspection", "Schools to open two hours late")):
        entries += [head, "By Pat Lee",
                    f"Update {n + 1}: crews finished the work overnight and the county said the "
                    "roads would be clear before the morning commute, with buses on time."]
    blocks = clean(LEDE, MIDDLE, MORE, *entries, title="Storm live: roads closed")
    assert all(b.kind != "teaser" for b in blocks)


def test_a_subheading_followed_by_a_sentence_starting_with_by_is_no_second_article():
    lines = ["5. Go easy on the bread", "By taking off the top half of the bun, you save nearly "
             "100 calories, about the same as a light beer."]
    blocks = clean(LEDE, MIDDLE, MORE, *lines, CLOSE)
    assert all(b.kind == "body" for b in blocks)


def test_a_first_paragraph_the_description_repeats_stays_with_its_dateline():
    # the page's description is its first paragraph, and a byline follows it: still the
    # story's first paragraph, since it opens with the dateline
    lede = "RIVERTON, Ore. (AW) — " + LEDE
    blocks = clean(lede, "By Jane Doe | Riverton Ledger", MIDDLE, CLOSE, description=lede)
    assert [b.kind for b in blocks][:3] == ["dateline", "body", "byline"]


def test_cards_after_a_more_from_header_go_to_the_end_of_the_page():
    cards = ["More from the Ledger",
             "Library hours cut Library hours cut",
             "The county library board voted to close branches on Mondays.",
             "Bridge reopens after inspection",
             "Crews finished the work overnight."]
    blocks = clean(LEDE, MIDDLE, MORE, CLOSE, *cards)
    assert [b.kind for b in blocks[4:]] == ["teaser"] * 5
