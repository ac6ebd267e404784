"""Name keys and acronyms shared by the article and corpus stages."""

from __future__ import annotations

from storyline.entities.names import acronym_of, acronyms, first_name, is_acronym, name_key, surname


def test_name_key_ignores_form():
    assert name_key("the Norvik Corp.", "ORG") == name_key("Norvik", "ORG") == "norvik"
    assert name_key("Ms. Maria Alvarez") == name_key("Maria Alvarez") == "maria alvarez"
    assert name_key("José Nuñez’s") == "jose nunez"
    assert name_key("U.S. Air Force", "ORG") == name_key("United States Air Force", "ORG")


def test_acronyms():
    assert is_acronym("EPA") and is_acronym("E.P.A.") and is_acronym("DoJ")
    assert not is_acronym("Paris") and not is_acronym("A") and not is_acronym("ABCDEFGH")
    assert acronym_of("E.P.A.") == "EPA"
    assert "EPA" in acronyms("Environmental Protection Agency")
    assert {"DJ", "DOJ"} == acronyms("Department of Justice")
    assert acronyms("Norvik") == set()


def test_surname_and_first_name():
    assert surname("Martin Luther King Jr.") == "king"
    assert surname("Ms. Alvarez") == "alvarez"
    assert first_name("Ludwig van Beethoven") == "ludwig"
    assert first_name("Alvarez") == ""


def test_an_arabic_article_is_not_the_surname():
    assert surname("Bashar al-Assad") == "assad"
    assert surname("Abdel Fattah el-Sisi") == "sisi"
    assert surname("Jean-Luc Picard") == "picard"
