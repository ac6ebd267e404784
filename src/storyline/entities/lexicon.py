"""Small word lists the name rules rest on: titles, honorifics, name particles.

All entries are lowercase. They are deliberately short: a title the list misses only
loses a role (the name is still found), while a wrong entry would cut real names.
"""

from __future__ import annotations

from ..text.calendar import MONTH_NAMES, WEEKDAY_NAMES

__all__ = [
    "ORG_HEADS",
    "TITLES",
    "TITLE_ABBREVIATIONS",
    "HONORIFICS",
    "NAME_SUFFIXES",
    "NAME_PARTICLES",
    "ORG_SUFFIXES",
    "ORG_GENERIC",
    "ACRONYM_SKIP",
    "PLACE_ACRONYMS",
    "ROLE_STOP",
    "NOMINAL_HEADS",
    "NOT_NAMES",
]

# Abbreviated titles as news prints them, with the word a role should show.
TITLE_ABBREVIATIONS = {
    "sec.": "Secretary", "gov.": "Governor", "sen.": "Senator", "rep.": "Representative",
    "pres.": "President", "gen.": "General", "lt.": "Lieutenant", "col.": "Colonel",
    "capt.": "Captain", "cmdr.": "Commander", "adm.": "Admiral", "sgt.": "Sergeant",
    "maj.": "Major", "supt.": "Superintendent", "atty.": "Attorney", "det.": "Detective",
    "insp.": "Inspector", "amb.": "Ambassador", "prof.": "Professor", "rev.": "Reverend",
    "gov": "Governor", "sen": "Senator", "rep": "Representative", "lt": "Lieutenant",
    # British style drops the dot ("Adm Allen", BBC on the Gulf spill)
    "gen": "General", "col": "Colonel", "capt": "Captain", "cmdr": "Commander",
    "adm": "Admiral", "sgt": "Sergeant", "maj": "Major", "supt": "Superintendent",
    "det": "Detective", "insp": "Inspector", "prof": "Professor",
}

# Head words of roles. A pre-modifier or apposition is taken as a role only when it
# holds one of these (or the parser marks it as an apposition).
TITLES = frozenset("""
president vice-president vice prime secretary minister premier chancellor governor senator
representative congressman congresswoman congressmember lawmaker legislator mayor
judge justice magistrate prosecutor attorney lawyer counsel sheriff commissioner
administrator ambassador envoy diplomat consul director manager chief head leader chair
chairman chairwoman chairperson ceo cfo coo cto founder co-founder cofounder owner
president-elect spokesman spokeswoman spokesperson officer executive treasurer auditor
clerk councilman councilwoman councillor councilor alderman assemblyman assemblywoman
speaker whip delegate superintendent principal dean provost professor lecturer
researcher scientist economist analyst strategist adviser advisor aide deputy
general colonel lieutenant captain sergeant admiral major commander marshal corporal
private inspector detective constable trooper agent firefighter coach manager editor
reporter correspondent columnist publisher producer king queen prince princess emperor
pope bishop archbishop cardinal reverend pastor rabbi imam sheikh ayatollah sultan
monarch partner economist physician surgeon nurse engineer architect analyst
coordinator organizer organiser activist campaigner candidate nominee commander-in-chief
administrator spokeswomen spokesmen officials official employee worker member
""".split()) | frozenset(TITLE_ABBREVIATIONS)

# Courtesy titles: dropped from names, never a role.
HONORIFICS = frozenset("""
mr. mrs. ms. miss mx. mr mrs ms dr. dr sir dame lord lady messrs. mme. mlle. m.
""".split())

NAME_SUFFIXES = frozenset("jr. jr sr. sr ii iii iv phd ph.d. md m.d.".split())

# Lowercase words inside personal names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = frozenset("de del della der di da das dos du van von la le bin al el ibn ben st.".split())

# Company-form words: "Boeing Co." and "Boeing" are the same organization.
ORG_SUFFIXES = frozenset("""
inc. inc corp. corp co. co ltd. ltd llc l.l.c. plc sa s.a. sas ag nv n.v. gmbh
company corporation incorporated limited group holdings
""".split())

# Trailing words an organization is often named without: "Ford Motor Company" is "Ford",
# "Qatar Airways" is "Qatar" in later articles (only joined with ORG-typed names).
ORG_GENERIC = frozenset("""
motor motors airlines airline airways group holdings international industries systems
technologies communications entertainment enterprises partners corporation company
computer computers
""".split())

# Words skipped when forming an acronym from initials ("Department of Justice" -> DOJ
# is also tried with them kept).
ACRONYM_SKIP = frozenset("of the and for & on in at to a an".split())

# The places news writes as acronyms (compared without dots: "U.S." is "US"). Any other
# acronym the recognizer calls a place is taken for an organization: on timeline17 it
# typed "CNN" a place 481 times out of 497.
PLACE_ACRONYMS = frozenset("US USA UK UAE DC NYC LA DRC PRC".split())

# Words that end a role phrase: verbs of saying, conjunctions, prepositions that do not
# belong in a title, time words.
ROLE_STOP = frozenset("""
said says say told tells added adds according and or but nor with by to from at in on
as when while after before that who whom which whose where is was are were has have had
will would could should may might can did does do not also then than if because since
yesterday today tomorrow this these those there here it its he she they we i you his her
their our my your
""".split()) | frozenset(WEEKDAY_NAMES)

# Heads of definite descriptions that can stand for a named organization seen earlier in
# the article: "the agency" for the Environmental Protection Agency.
NOMINAL_HEADS = frozenset("""
agency department ministry company corporation bank university commission committee
council court board bureau office authority administration institute service union
party association foundation firm airline carrier government
""".split())

# Last words that make a multi-word name an organization whatever the recognizer said
# ("Calder Resin Works", "Riverton Water Bureau" came out as places; timeline17:
# "Muslim Brotherhood", "Coast Guard").
ORG_HEADS = ORG_SUFFIXES | NOMINAL_HEADS | frozenset("""
works mills club league team network press times post news herald tribune
journal gazette ledger dispatch courier
brotherhood movement alliance coalition guard orchestra choir ensemble
""".split())

# Words a statistical tagger sometimes marks as names that never are names by themselves
# (timeline17: "God" a person, "the Sea" of a protest sign an organization).
NOT_NAMES = frozenset("""
i he she it we they you him her them us me his hers its our their my your this that
these those who whom what which mr. mrs. ms. dr. the a an
god sea
""".split()) | frozenset(MONTH_NAMES) | frozenset(WEEKDAY_NAMES)
