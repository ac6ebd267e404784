"""The headline as printed: the <h1> the metadata titles agree with, site names and
outlet affixes cut, every candidate kept as evidence."""

from __future__ import annotations

from storyline.clean import headline
from storyline.clean.template import TemplateIndex, apply_to_article
from storyline.model import Article, Evidence, Origin


def test_site_names_are_cut_from_either_end():
    cases = [
        ("Flood closes the river road - WELT", ["welt.de"], "Flood closes the river road"),
        ("Council votes on budget | TechCrunch", ["TechCrunch"], "Council votes on budget"),
        ("Bridge reopens – DW – 13.06.2023", ["Deutsche Welle", "dw.com"], "Bridge reopens"),
        ("川の水位が上昇：朝日新聞デジタル", ["朝日新聞デジタル"], "川の水位が上昇"),
        ("Markets slide - WSJ", ["The Wall Street Journal"], "Markets slide"),
        ("Opinion | Rates will rise | The Riverton Ledger", ["Riverton Ledger"],
         "Opinion | Rates will rise"),
    ]
    for title, sites, expected in cases:
        assert headline.strip_site(title, sites)[0] == expected, title


def test_a_headline_that_is_all_segments_keeps_its_words():
    # nothing is cut when what would remain is nothing, nor a separator inside the headline
    assert headline.strip_site("TechCrunch", ["TechCrunch"]) == ("TechCrunch", [])
    assert headline.strip_site("Fire - and then the flood", ["Ledger"])[0] == \
        "Fire - and then the flood"


def test_the_printed_h1_wins_over_an_seo_title():
    title, evidence = headline.choose([
        ("h1", "Log In"),
        ("h1", "Two prison officers charged over falsified records in inmate's death"),
        ("og:title", "Prison guards charged in connection with inmate's death"),
        ("title", "Prison guards charged in connection with inmate's death - Riverton Ledger"),
    ], ["Riverton Ledger"])
    assert title == "Two prison officers charged over falsified records in inmate's death"
    assert [e.where for e in evidence] == ["h1", "h1", "og:title", "title"]
    chosen = [e for e in evidence if e.note]
    assert len(chosen) == 1 and chosen[0].note.startswith("chosen: printed <h1>, agrees with")


def test_a_logo_or_teaser_h1_loses_to_the_metadata_titles():
    title, _ = headline.choose([
        ("h1", "The Riverton Ledger"),
        ("json-ld headline", "Valve failure shuts water plant"),
        ("og:title", "Valve failure shuts water plant | The Riverton Ledger"),
    ], ["The Riverton Ledger"])
    assert title == "Valve failure shuts water plant"
    teaser, _ = headline.choose([
        ("h1", "Why don't you go fight for the reindeer?"),
        ("og:title", "Early reviews of the streaming service are not great - Digg"),
    ], ["digg.com"])
    assert teaser == "Early reviews of the streaming service are not great"


def test_entities_and_mojibake_are_repaired():
    title, evidence = headline.choose([("h1", "â\x80\x98We had some issuesâ\x80\x99 &amp; more")])
    assert title == "‘We had some issues’ & more"
    assert evidence[0].text == title
    # bytes lost on the way: left as they are, not half repaired
    assert headline.repair_mojibake("Ã\x89t\ufffd") == "Ã\x89t\ufffd"


def _article(n: int, title: str, source: str = "Ledger") -> Article:
    return Article(id=f"a{n}", origin=Origin(path=f"{n}.txt", format="feed"), source=source,
                   title=title, title_evidence=[Evidence(text=title, where="feed",
                                                          note="chosen: the feed's title")])


def test_an_affix_repeated_across_an_outlets_titles_is_cut():
    articles = [_article(n, f"Story number {w} breaks :: The Ledger Online")
                for n, w in enumerate(("one", "two", "three"))]
    index = TemplateIndex()
    for a in articles:
        index.add(a.source, a.blocks, a.title_evidence)
    for a in articles:
        assert apply_to_article(a, index.repeated(a.source)) == {"title"}
    assert [a.title for a in articles] == ["Story number one breaks", "Story number two breaks",
                                           "Story number three breaks"]
    assert "outlet's affix" in articles[0].title_evidence[0].note


def test_two_titles_sharing_a_segment_are_not_enough():
    articles = [_article(n, f"Budget {w} :: Ledger Online") for n, w in enumerate(("vote", "fight"))]
    index = TemplateIndex()
    for a in articles:
        index.add(a.source, a.blocks, a.title_evidence)
    assert apply_to_article(articles[0], index.repeated("Ledger")) == set()


def test_a_printed_h1_keeps_a_repeated_segment():
    a = Article(id="h", origin=Origin(path="p.html", format="html"), title="Budget | Ledger Live",
                title_evidence=[Evidence(text="Budget | Ledger Live", where="h1",
                                         note="chosen: the page's first <h1>")])
    assert not headline.cut_affixes(a, {"ledgerlive"})
    assert a.title == "Budget | Ledger Live"
