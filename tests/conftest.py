"""Shared fixtures: short, realistic news articles written for these tests, and helpers
that put them on disk in every input format storyline reads.

Nothing here reads ../shared/data: every fixture is written into pytest's tmp_path.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Callable

import pytest

import storyline
from storyline.model import Article

# -- texts ---------------------------------------------------------------------

# A plain-text scrape with the usual noise: headline, byline, dateline, a photo
# credit, an in-body link, a newsletter plug, a comment prompt and teasers.
SETTLEMENT_TXT = """\
Calder agrees to pay $41.5 million to settle Riverton spill claims
By SAM ORTIZ | Associated Wire

RIVERTON, Ore. (AW) — Calder Resin Works agreed on Thursday to pay $41.5 million to settle claims by Alder County and about 2,000 residents over the February chemical spill that fouled the Millbrook River.

Workers pump solvent out of a drainage ditch near the Calder plant, Feb. 13, 2024. (Riverton Ledger/Jane Roe)

The settlement, filed in Alder County Circuit Court, must still be approved by a judge. It would end the county's lawsuit and a class action brought by residents.

SEE ALSO: Judge keeps county's spill lawsuit alive, orders Calder into mediation

"This is not everything we asked for, but it is real money, now," County Judge Ana Ruiz said.

Sign up for The Morning Ledger newsletter at riverledger.com/newsletters

Tell us in the comments: should the settlement have been larger?

Calder spokesman Evan Lowry said the company was glad to put the lawsuits behind it and would keep paying for river monitoring through 2027.

More from the Ledger

Salem library bond campaign kicks off
Ironclads head to nationals in Houston
"""

BRIDGE_TXT = """\
Millbrook Street bridge reopens after four months of repairs

The Millbrook Street bridge reopened to traffic on Friday morning, four months after inspectors found cracks in two of its steel girders and closed it to everything but pedestrians.

City engineer Tom Alvarez said crews replaced both girders and repaved the deck, and that the work finished two weeks ahead of schedule and about $300,000 under budget.

Commuters who had detoured through downtown said the reopening would cut ten minutes from their drive. "It feels like getting an hour of my week back," said Priya Natarajan, who drives to the hospital on the east side every morning.
"""

LIBRARY_TXT = """\
Salem council sends library bond to November ballot

SALEM, Ore. — Salem voters will decide in November whether to borrow $92 million to build a new central library, after the City Council voted 7-2 on Monday to put the bond on the ballot.

Supporters say the 1972 building on Liberty Street is too small, leaks when it rains and cannot be made earthquake-safe for less than the cost of a new one.

Council member Greg Holt, who voted no, said the city should ask for a smaller bond. "Nobody is against libraries," Holt said. "People are against paying for a palace."
"""

# A saved news page: trafilatura finds the article, the metadata gives title and date.
PAGE_HTML = """\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Riverton council approves water plant upgrade | Riverton Ledger</title>
<meta property="og:title" content="Riverton council approves water plant upgrade">
<meta property="og:site_name" content="Riverton Ledger">
<meta property="og:url" content="https://riverledger.example/news/council-water-plant">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<meta name="author" content="Jane Doe">
</head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article>
<h1>Riverton council approves water plant upgrade</h1>
<p>The Riverton City Council voted 6-1 on Monday night to spend $14 million upgrading the city's water treatment plant, three weeks after a chemical spill upstream forced residents to drink bottled water.</p>
<p>Council member Dana Whitfield, who cast the lone vote against the plan, said she supported the upgrade but objected to paying for it with a rate increase before the county's lawsuit against the plant's owner is resolved.</p>
<p>"We are asking the people who were harmed to pay for the fix," Whitfield said. "That is backwards."</p>
<p>Sign up for The Morning Ledger newsletter at riverledger.com/newsletters</p>
<p>Water Bureau Director Lena Ostrowski said construction on the new carbon filters could begin as early as June and would take about a year.</p>
</article>
<footer>Copyright 2024 Riverton Ledger. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

# A page with no article on it: a site menu and a footer.
NAV_HTML = """\
<!doctype html>
<html><head><title>Riverton Ledger - Sections</title></head>
<body><nav><ul>
<li><a href="/news">News</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/obituaries">Obituaries</a></li>
</ul></nav></body></html>
"""

RSS_FEED = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Capitol Dispatch</title>
<link>https://capitoldispatch.example</link>
<description>State politics from Salem</description>
<item>
<title>Senate panel grills Calder chief over Riverton spill</title>
<link>https://capitoldispatch.example/2024/03/calder-hearing</link>
<pubDate>Tue, 05 Mar 2024 18:20:00 GMT</pubDate>
<dc:creator>Maria Lopez</dc:creator>
<description>Calder's chief executive apologized to lawmakers.</description>
<content:encoded><![CDATA[<p>The chief executive of Calder Resin Works apologized to state senators on Tuesday for the February chemical spill that left Riverton without drinkable tap water for nearly three weeks.</p>
<p>"It was inexcusable," Philip Marsh told the Senate Environment Committee. "We own it."</p>
<p>Senators pressed Marsh on why a corroded valve flagged in three inspections was never replaced.</p>]]></content:encoded>
</item>
<item>
<title>Library bond heads to the November ballot</title>
<link>https://capitoldispatch.example/2024/03/library-bond</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 GMT</pubDate>
<description>Salem voters will decide in November whether to borrow $92 million for a new central library, the city council decided on Wednesday.</description>
</item>
</channel>
</rss>
"""

ATOM_FEED = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>KRVT News 8</title>
<id>urn:krvt:news</id>
<updated>2024-03-01T08:00:00Z</updated>
<entry>
<title>East Riverton cleared to drink tap water</title>
<link href="https://krvt8.example/news/east-riverton-cleared"/>
<id>urn:krvt:1</id>
<published>2024-02-29T16:00:00Z</published>
<updated>2024-03-01T08:00:00Z</updated>
<author><name>Marcus Bell</name></author>
<summary>The east side can drink the water again.</summary>
<content type="html">&lt;p&gt;Residents of East Riverton can drink their tap water again, the city said Thursday, after two rounds of tests found no trace of the solvent.&lt;/p&gt;&lt;p&gt;The rest of the city remains under the do-not-drink order until tests on the west side come back clean.&lt;/p&gt;</content>
</entry>
</feed>
"""


@pytest.fixture
def texts() -> SimpleNamespace:
    """The article texts above, by name."""
    return SimpleNamespace(settlement=SETTLEMENT_TXT, bridge=BRIDGE_TXT, library=LIBRARY_TXT,
                           page=PAGE_HTML, nav=NAV_HTML, rss=RSS_FEED, atom=ATOM_FEED)


# -- writing inputs ----------------------------------------------------------------


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("folder/name.txt", text_or_bytes, encoding="utf-8") -> the file's Path."""

    def _write(relpath: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return _write


@pytest.fixture
def make_warc() -> Callable[..., Path]:
    """make_warc(path, [(url, content_type, body_bytes), ...], gzip=False, request=True).

    Writes response records (and, with request=True, a request record first) with
    WARC-Date 2024-03-06T12:00:00Z.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def _make(path: Path, responses: list[tuple[str, str, bytes]], gzip: bool = False,
              request: bool = True, date: str = "2024-03-06T12:00:00Z") -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            writer = WARCWriter(fh, gzip=gzip)
            for url, ctype, body in responses:
                if request:
                    host = url.split("/")[2]
                    req = writer.create_warc_record(
                        url, "request",
                        payload=io.BytesIO(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()),
                        warc_headers_dict={"WARC-Date": date})
                    writer.write_record(req)
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers,
                                                warc_headers_dict={"WARC-Date": date})
                writer.write_record(rec)
        return path

    return _make


@pytest.fixture
def corpus(tmp_path: Path, write, texts) -> Path:
    """A small folder corpus: two outlets' text files and a saved HTML page."""
    write("corpus/riverton-ledger/2024-06-27-calder-settles.txt", texts.settlement)
    write("corpus/riverton-ledger/bridge-reopens.txt", texts.bridge)
    write("corpus/capitol-dispatch/library-bond.txt", texts.library)
    write("corpus/pages/council-water-plant.html", texts.page)
    return tmp_path / "corpus"


# -- the store ------------------------------------------------------------------------


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def store(db_path: Path):
    with storyline.Store(str(db_path)) as s:
        yield s


@pytest.fixture
def built(corpus: Path, db_path: Path) -> Path:
    """The corpus built into db_path (closed again); returns the database path."""
    with storyline.Store(str(db_path)) as s:
        summary = storyline.build([str(corpus)], s, stderr=None)
    assert summary.ok and summary.articles_added == 4, summary
    return db_path


def check_consistent(db: Path | str) -> int:
    """Assert the database holds only whole articles; returns how many.

    Every row's columns agree with its JSON, FTS matches the articles table, no
    two rows share content.
    """
    conn = sqlite3.connect(str(db))
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute("SELECT id, content_hash, body, title, path, data FROM articles").fetchall()
        for row in rows:
            article = Article.from_dict(json.loads(row["data"]))
            assert article.id == row["id"]
            assert article.body == row["body"]
            assert article.title == row["title"]
            assert article.content_hash == row["content_hash"]
            assert article.origin.path == row["path"]
        hashes = [row["content_hash"] for row in rows]
        assert len(hashes) == len(set(hashes)), "the same content is stored twice"
        (fts,) = conn.execute("SELECT count(*) FROM articles_fts").fetchone()
        assert fts == len(rows)
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        return len(rows)
    finally:
        conn.close()


@pytest.fixture
def consistent() -> Callable[[Path | str], int]:
    return check_consistent


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> str:
    """The bundled example corpus built once for the session (read it, don't change it)."""
    from storyline.store import Store

    db = str(tmp_path_factory.mktemp("example") / "example.db")
    corpus = Path(__file__).resolve().parents[1] / "examples" / "corpus"
    with Store(db) as store:
        storyline.build([str(corpus)], store, stderr=None)
    return db
