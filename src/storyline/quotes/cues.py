"""Words that report speech or writing ("said", "according to") and the nouns that
name speakers by their job ("the spokesman") or speak themselves ("the letter").

The verb list started from the reporting verbs most frequent as PolNeAR train cues
(said 3964, says 414, told 386, added 200, wrote 195, ...); belief verbs ("think",
"believe") and naming verbs are kept apart because they head partial quotes or
opinions rather than statements.
"""

from __future__ import annotations

__all__ = ["SPEECH_VERBS", "STRONG_VERBS", "STANCE_VERBS", "NAMING_VERBS", "BELIEF_VERBS",
           "ROLE_NOUNS", "DOCUMENT_NOUNS", "AUTHOR_VERBS", "HOLDER_VERBS", "SHOW_VERBS", "NOMINAL_CUES",
           "GROUP_NOUNS", "PRONOUNS", "cue_kind", "is_document"]

_SPEECH = """
say says said saying tell tells told telling add adds added adding write writes wrote
writing written note notes noted noting explain explains explained explaining argue
argues argued arguing claim claims claimed claiming insist insists insisted insisting
warn warns warned warning state states stated stating announce announces announced
declare declares declared declaring tweet tweets tweeted tweeting posted
reply replies replied respond responds responded answer answered ask asks asked asking
admit admits admitted acknowledge acknowledges acknowledged concede conceded
suggest suggests suggested suggesting predict predicts predicted recall recalls
recalled remember remembered report reports reported reporting confirm confirms
confirmed deny denies denied continue continued continues conclude concluded
contend contends contended maintain maintains maintained mention mentioned
observe observed promise promised promises vow vowed vows pledge
pledged complain complained complains testify testified emphasize emphasized
stress stressed stresses shout shouted shouts cry cried joke joked quip quipped
whisper whispered recount recounted reveal revealed reveals assert asserted
asserts allege alleged alleges charged agree agreed agrees disagree
disagreed urge urged urges boast boasted boasts countered
caution cautioned cautions read reads show shows showed found find finds
indicate indicates indicated shown
"""
# Stance verbs: PolNeAR counts "Clinton cited …", "Trump urged …", "the union endorsed …"
# as attributions (their frequent cues in train); they take the rest of the sentence.
_STANCE = """
cited cites urged urges criticized criticizes attacked attacks endorsed endorses accused
accuses praised praises defended defends proposed proposes supported supports opposed
opposes rejected rejects blamed blames dismissed dismisses questioned questions mocked
slammed blasted hailed demanded demands threatened threatens vowed pledged promised
wants wanted plans planned expects expected estimated estimates predicted
"""
_NAMING = """call calls called calling dub dubs dubbed describe describes described describing
label labeled labelled labels brand branded"""
_BELIEF = """think thinks thought believe believes believed hope hopes hoped fear fears feared
worry worries worried"""

SPEECH_VERBS = frozenset(_SPEECH.split())
NAMING_VERBS = frozenset(_NAMING.split())
STANCE_VERBS = frozenset(_STANCE.split())
# Verbs that report speech in any construction; the others need "that", a colon or
# a quote after them ("he continued to push" is not a quote).
STRONG_VERBS = frozenset("""
say says said saying tell tells told telling add adds added adding write writes wrote
tweeted tweets argued argues claimed claims insisted insists warned warns stated
explained explains noted notes replied responded recalled acknowledged
admitted asked asks note
""".split())
BELIEF_VERBS = frozenset(_BELIEF.split())

# Job words: "the spokesman said" names a person the article usually introduces.
ROLE_NOUNS = frozenset("""
spokesman spokeswoman spokesperson official officials aide aides adviser advisor
minister president senator governor mayor secretary director chief chairman
chairwoman chair leader manager commissioner attorney lawyer prosecutor judge
sheriff officer detective inspector superintendent counsel executive ceo founder analyst
expert economist professor researcher scientist doctor candidate nominee
congressman congresswoman representative lawmaker legislator ambassador envoy
general commander captain councilman councilwoman councillor treasurer
administrator head owner resident witness source sources spokespeople activist
organizer coach player chancellor premier king queen prince pope
""".split())

# Written or institutional speakers: "the letter says", "the agency said".
DOCUMENT_NOUNS = frozenset("""
statement letter report study survey memo email e-mail document filing lawsuit complaint
ruling order release post tweet poll analysis review audit indictment affidavit
timeline record records data figures document transcript count tally estimate forecast
video footage slide results findings research
""".split())
# What a document does with its content, no "that" needed: "the poll shows Clinton ahead".
# (tuned on PolNeAR train/dev: their frequent cues after a document subject)
SHOW_VERBS = frozenset("""
show shows showed shown found finds suggest suggests suggested indicate indicates indicated
reveal reveals revealed estimate estimates estimated
""".split())
# Nouns that report what someone said when a that-clause follows: "Trump's claim that …".
NOMINAL_CUES = frozenset("""
claim claims assertion assertions statement warning warnings argument insistence suggestion
promise pledge contention allegation allegations accusation accusations charge announcement
admission prediction
""".split())
# Who made a document, in the phrase after it: "a timeline the company filed", "a poll
# released by the agency" (the author speaks through it).
AUTHOR_VERBS = frozenset("""
filed released issued published prepared submitted sent wrote written produced compiled
conducted commissioned posted drafted authored provided
""".split())
# Who holds a document, not who made it: "records reviewed by the Dispatch".
HOLDER_VERBS = frozenset("""
obtained reviewed seen viewed examined analyzed reported cited broadcast leaked
""".split())
GROUP_NOUNS = frozenset("""
agency company department ministry government campaign committee council
administration office police court board firm group union party university
commission authority authorities spokesmen officials organization network
""".split())

PRONOUNS = frozenset("he she they we i it who you".split())


def is_document(word: str) -> bool:
    """A lower-cased noun naming a document ("records", "the timeline")."""
    return word in DOCUMENT_NOUNS or (word.endswith("s") and word[:-1] in DOCUMENT_NOUNS)


def cue_kind(word: str) -> str | None:
    """'speech', 'stance', 'naming', 'belief' or None for a lower-cased word
    ("pledging" is read as "pledged", "praising" as "praised")."""
    if word.endswith("ing") and len(word) > 5 and word not in SPEECH_VERBS:
        stem = word[:-3]
        for form in (stem + "ed", stem + "d", stem[:-1] + "ed" if stem[-1:] == stem[-2:-1] else ""):
            if form and (form in STANCE_VERBS or form in SPEECH_VERBS or form in NAMING_VERBS):
                return _kind(form)
        return None
    return _kind(word)


def _kind(word: str) -> str | None:
    if word in SPEECH_VERBS:
        return "speech"
    if word in STANCE_VERBS:
        return "stance"
    if word in NAMING_VERBS:
        return "naming"
    if word in BELIEF_VERBS:
        return "belief"
    return None
