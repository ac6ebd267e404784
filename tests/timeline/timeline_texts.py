"""A small fictional story for the timeline tests: the Harlow Bridge collapse, told by
three outlets over two weeks (sentences written for these tests)."""

from __future__ import annotations

from storyline import timex
from storyline.model import Article, Block, Origin, Published


def article(aid: str, source: str | None, published: str | None, *paragraphs: str,
            title: str | None = None) -> Article:
    """An Article as the pipeline would leave it: body blocks, date, time expressions."""
    a = Article(id=aid, origin=Origin(path=f"{aid}.txt", format="txt"), source=source,
                title=title, blocks=[Block(p) for p in paragraphs])
    if published:
        a.published = Published(date=published, earliest=published, latest=published,
                                granularity="day", method="dataset", confidence=0.95)
    a.timexes = timex.tag(a.body, published)
    return a


# 2024-03-05 is a Tuesday.
COLLAPSE_GAZETTE = article(
    "gaz1", "Harlow Gazette", "2024-03-05",
    "The Harlow Bridge collapsed into the Venn River on Tuesday morning, killing two "
    "motorists and injuring nine others.",
    "Rescue crews pulled survivors from the water for several hours.",
    "The county will open an inquiry next month.")

COLLAPSE_POST = article(
    "post1", "Venn Valley Post", "2024-03-06",
    "Two drivers died and nine people were hurt when the Harlow Bridge collapsed into the "
    "Venn River on March 5.",
    "Engineers had flagged cracks in the bridge's main span in 2022.")

# A wire copy of the Gazette's report, run by another site.
COLLAPSE_COPY = article(
    "copy1", "Riverside Daily", "2024-03-05",
    "The Harlow Bridge collapsed into the Venn River on Tuesday morning, killing two "
    "motorists and injuring nine others.",
    "Rescue crews pulled survivors from the water for several hours.")

INQUIRY_GAZETTE = article(
    "gaz2", "Harlow Gazette", "2024-03-12",
    "Governor Lena Okafor ordered an independent inquiry into the bridge collapse on "
    "Monday.",
    "The inquiry will report by June.",
    "The Harlow Bridge collapsed on March 5, killing two people.")

INQUIRY_POST = article(
    "post2", "Venn Valley Post", "2024-03-13",
    "Governor Lena Okafor on March 11 ordered an independent inquiry into the collapse of "
    "the Harlow Bridge.",
    "The collapse on March 5 killed two motorists and injured nine.")

FERRY_TRIBUNE = article(
    "trib1", "Lakeside Tribune", "2024-03-15",
    "A temporary ferry service across the Venn River began on Friday to replace the "
    "collapsed Harlow Bridge.",
    "The Harlow Bridge collapsed on March 5, killing two motorists.")

STORY = [COLLAPSE_GAZETTE, COLLAPSE_POST, COLLAPSE_COPY, INQUIRY_GAZETTE, INQUIRY_POST,
         FERRY_TRIBUNE]
