"""Authors: the names in bylines and author fields, without roles, outlets and site credits."""

from __future__ import annotations

import pytest

from storyline.clean.authors import first_names, names


@pytest.mark.parametrize("text, sites, expected", [
    ("By RACHEL DUNMORE | Riverton Ledger", [], ["Rachel Dunmore"]),
    ("Tom Krisher, AP Auto Writer", [], ["Tom Krisher"]),
    ("Lisa Kaczke and Trevor J. Mitchell", [], ["Lisa Kaczke", "Trevor J. Mitchell"]),
    ("Daniel Boguslaw, Prem Thakker", [], ["Daniel Boguslaw", "Prem Thakker"]),
    ("Rachael Link, MS, RD", [], ["Rachael Link"]),
    ("Finian Cunningham. Sputnik International", [], ["Finian Cunningham"]),
    ("Sarah E. Needleman", [], ["Sarah E. Needleman"]),
    ("Meg Kinnard and Errin Haines, Associated Press", [], ["Meg Kinnard", "Errin Haines"]),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ["cnn.com"], ["Chris Cillizza"]),
    ("Jill Disis, CNN Business", ["www.cnn.com"], ["Jill Disis"]),
    ("Jeff Foust Monday; November", [], ["Jeff Foust"]),
    ("Текст: Венера Ерофеева", [], ["Венера Ерофеева"]),
    ("Associated Press", ["foxnews.com"], ["Associated Press"]),     # a wire credit
    ("THE ASSOCIATED PRESS", ["apnews.com", "AP News"], []),          # the site itself
    ("CNBC.com staff", ["cnbc.com"], []),
    ("Telegraph Reporters", ["The Telegraph"], []),
    ("Beachbody", ["beachbodyondemand.com"], []),
    ("admin", [], []),
    ("jdadmin", [], []),
    ("By Staff", [], []),
    ("https://www.example.com/people/jo-bell", [], []),
    ("", [], []),
])
def test_names(text, sites, expected):
    assert names(text, sites) == expected


def test_all_caps_names_are_title_cased():
    assert names("By MELISSA GOLDIN") == ["Melissa Goldin"]
    assert names("Mike LaChance") == ["Mike LaChance"]


def test_the_first_source_with_names_wins():
    found, source = first_names([("json-ld", ["The Riverton Ledger"]),
                                 ("meta", ["Jo Bell", "Sam Ortiz"]),
                                 ("trafilatura", ["Someone Else"])], ["Riverton Ledger"])
    assert (found, source) == (["Jo Bell", "Sam Ortiz"], "meta")
    # trafilatura title-cases user names: one word from it is not a name
    assert first_names([("trafilatura", ["Rmb"])]) == ([], None)


def test_an_outlet_alone_gives_way_to_a_later_sources_person():
    found = first_names([("json-ld", ["The Western Journal"]),
                         ("byline", ["by Warner Todd Huston, The Western Journal"])],
                        ["thegatewaypundit.com"])
    assert found == (["Warner Todd Huston"], "byline")
    # with no person anywhere the outlet stays: a wire credit is a credit
    assert first_names([("json-ld", ["Associated Press"]), ("meta", [""])]) == \
        (["Associated Press"], "json-ld")


def test_a_printed_byline_with_more_names_wins():
    from storyline.clean.authors import with_printed

    assert with_printed(["Stefan Becket"], ["Stefan Becket", "Kathryn Watson"]) == \
        ["Stefan Becket", "Kathryn Watson"]
    assert with_printed(["Jane Mayer"], ["Patricia Marx"]) == ["Jane Mayer"]   # another story's
    assert with_printed([], ["Jo Bell"]) == ["Jo Bell"]
