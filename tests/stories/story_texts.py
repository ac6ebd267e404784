"""Small fictional news articles for story grouping tests (all names invented)."""

from __future__ import annotations

import pytest

from storyline.model import Article, Block, Origin, Published
from storyline.store import Store

DAM = [
    ("Marlow dam fails after storm, floods Kessick valley farms",
     "The earthen Marlow dam gave way early Sunday after three days of storm rain, sending "
     "water across the Kessick valley. Farmers in Kessick said the flood reached their barns "
     "within an hour. County engineer Ilse Varga said the Marlow dam spillway had been "
     "blocked by debris and the reservoir overtopped the crest."),
    ("Kessick valley farmers count losses as Marlow dam flood recedes",
     "Flood water from the failed Marlow dam began to recede in the Kessick valley on Tuesday. "
     "Farmers counted drowned livestock and ruined hay. Engineer Ilse Varga told the county "
     "board the dam spillway debris should have been cleared before the storm reached Kessick."),
    ("Inquiry into Marlow dam failure to examine spillway inspections",
     "The county board ordered an inquiry into the Marlow dam failure that flooded the Kessick "
     "valley. The inquiry will examine why spillway inspections lapsed, board chair Oren Haldane "
     "said. Engineer Ilse Varga will testify about the blocked spillway and the dam crest."),
]
# A second outlet's report of DAM[0]: same facts, its own words (not a copy).
DAM_RETOLD = (
    "Marlow dam bursts in storm; Kessick valley farms under water",
    "After three days of storm rain the earthen Marlow dam burst on Sunday morning and water "
    "poured across the Kessick valley. Kessick farmers said their barns flooded within the hour. "
    "Ilse Varga, the county engineer, said debris had blocked the Marlow dam spillway so the "
    "reservoir overtopped the dam crest.")
CHESS = [
    ("Teenager Petra Lindqvist leads Vellmar chess open after five rounds",
     "Sixteen-year-old Petra Lindqvist won again on Friday and leads the Vellmar chess open "
     "with five points from five games. Her sharp opening play against grandmaster Tomas Reyk "
     "drew a crowd to the tournament hall in Vellmar."),
    ("Lindqvist holds off Reyk to win Vellmar chess open",
     "Petra Lindqvist drew her final game against grandmaster Tomas Reyk and won the Vellmar "
     "chess open by half a point. The tournament in Vellmar drew two hundred players; Lindqvist "
     "is the youngest winner of the open."),
]
WIRE = (
    "Workers at the Brennholt glassworks walked off the job on Monday after talks over pay "
    "broke down late on Sunday night, union leader Magda Ferrow said. The strike halts "
    "production of bottles for three breweries in the region. Management at Brennholt said it "
    "had offered a raise of four percent over two years and called the walkout premature. "
    "Ferrow said the union wanted six percent and a cap on weekend shifts."
)


def make(id: str, title: str | None, body: str, day: str | None, source: str = "Test Wire",
         ) -> Article:
    return Article(id=id, origin=Origin(path=f"/fixtures/{id}.txt", format="txt"), source=source,
                   title=title, published=Published(date=day, granularity="day" if day else None),
                   blocks=[Block(p) for p in body.split("\n\n")], content_hash=f"hash-{id}-{len(body)}")


def put(store: Store, *articles: Article) -> list[str]:
    with store.transaction():
        for a in articles:
            store.articles.put(a)
    return [a.id for a in articles]


def members(store: Store) -> dict[str, str]:
    return store.grouping.memberships()


@pytest.fixture
def store():
    s = Store(":memory:")
    yield s
    s.close()
