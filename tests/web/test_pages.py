"""Every page and its JSON twin, against the example corpus's store: the twin is the
query layer's record; filters, pages, errors, limits and headers."""

from __future__ import annotations

import io
import json
import re

import lxml.html
import pytest

from storyline import export, query
from storyline.store import Store
from storyline.web.app import PEOPLE, QUOTES_EACH, SPEAKERS
from storyline.web.guard import CSP, MOST_URL


@pytest.fixture
def reader(example_db):
    with Store(example_db, readonly=True) as store:
        yield store


def page(client, url: str) -> lxml.html.HtmlElement:
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.document_fromstring(r.text)


def twin(client, url: str):
    r = client.get(url)
    assert r.status_code == 200, (url, r.text[:300])
    assert r.headers["content-type"] == "application/json"
    return r.json()


def text(root) -> str:
    return " ".join(root.text_content().split())


def test_stories_page_lists_every_story_with_its_chart(client, reader):
    stories = query.stories(reader)
    root = page(client, "/")
    rows = root.xpath("//table[@class='stories']/tbody/tr")
    assert len(rows) == len(stories)
    for row, s in zip(rows, stories):
        assert row.xpath(".//a/@href")[0] == f"/stories/{s['id']}"
        assert row.xpath("td[3]")[0].text_content().split()[0] == str(s["articles"])
    assert root.xpath("//svg[@class='spark']/rect[@class='bar']")
    assert text(page(client, "/stories")) == text(root)


def test_stories_twin_is_the_query_record_with_coverage(client, reader):
    got = twin(client, "/stories.json")
    stories = query.stories(reader)
    assert got["stories"] == stories and got["total"] == len(stories) and got["next"] is None
    assert got["coverage"] == query.coverage(reader, stories)
    accepted = client.get("/", headers={"accept": "application/json"}).json()
    assert accepted == got


def test_stories_sort_filters_and_pages(client, reader):
    assert twin(client, "/stories.json?sort=recency")["stories"] == query.stories(reader, sort="recency")
    outlet = "KRVT News 8"
    got = twin(client, f"/stories.json?outlet={outlet}")["stories"]
    assert got == query.stories(reader, outlet=outlet) and 0 < len(got) < len(query.stories(reader))
    assert twin(client, "/stories.json?since=2024-07-01&until=2024-12-31")["stories"] == \
        query.stories(reader, since="2024-07-01", until="2024-12-31")
    ruiz = query.entities(reader, name="Ana Ruiz")[0]["id"]
    assert twin(client, f"/stories.json?entity={ruiz}")["stories"] == query.stories(reader, entity=ruiz)
    first = twin(client, "/stories.json?limit=2")
    second = twin(client, f"/stories.json?limit=2&offset={first['next']}")
    assert first["stories"] + second["stories"] == query.stories(reader)[:4]
    root = page(client, "/stories?limit=2")
    assert root.xpath("//a[@rel='next']/@href") == ["?sort=size&limit=2&offset=2"]
    shown = page(client, f"/stories?outlet={outlet}").xpath("//select[@name='outlet']/option[@selected]")
    assert [o.text for o in shown] == [outlet]


def test_story_page_has_timeline_sources_comparison_people_quotes_and_copies(client, reader):
    story = query.story(reader, "spill", speakers=SPEAKERS, quotes_each=QUOTES_EACH, people=PEOPLE)
    sid = story["story"]["id"]
    assert twin(client, f"/stories/{sid}.json") == story
    assert twin(client, f"/stories/{sid}.json?speakers=2&quotes_each=1&people=3") == \
        query.story(reader, sid, speakers=2, quotes_each=1, people=3)
    assert twin(client, "/stories/spill.json") == story         # a story's words name it too
    root = page(client, f"/stories/{sid}")
    entries = root.xpath("//ol[@class='timeline']/li")
    assert len(entries) == len(story["timeline"])
    first = story["timeline"][0]
    details = entries[0].xpath(".//details")[0]
    assert details.get("open") is None                           # folded until clicked
    linked = entries[0].xpath(".//ul[@class='sources']//a/@href")
    assert linked == [f"/articles/{s['article_id']}" for s in first["sources"]]
    assert first["sources"][0]["sentence"] in text(entries[0])
    axis = root.xpath("//svg[@class='axis']")[0]
    marks = axis.xpath(".//g[contains(@class, 'mark')]")
    assert len(marks) == len(story["timeline"])
    ranges = [e for e in story["timeline"] if e["earliest"] != e["latest"]]
    assert len(axis.xpath(".//g[contains(@class, 'range')]/rect")) == len(ranges)
    assert "Where the outlets differ" in text(root) and "Who reports what" in text(root)
    assert "Ana Ruiz" in text(root.xpath("//section[@id='people']")[0])
    speakers = root.xpath("//section[@id='quotes']/details/summary")
    assert len(speakers) == len(story["quotes"])
    copies = root.xpath("//details[@class='copies']//li")
    assert len(copies) == len(story["story"]["copies"]) > 0
    copy_id, original = next(iter(story["story"]["copies"].items()))
    assert copies[0].xpath(".//a/@href") == [f"/articles/{copy_id}", f"/articles/{original}"]


def test_article_page_marks_names_times_quotes_and_folds_removed_lines(client, reader):
    sid = query.story(reader, "spill")["story"]["id"]
    some = next(a for a in query.articles(reader, story=sid)
                if query.article(reader, a["id"])["removed"] and query.article(reader, a["id"])["quotes"])
    record = query.article(reader, some["id"])
    assert twin(client, f"/articles/{some['id']}.json") == record
    root = page(client, f"/articles/{some['id']}")
    body = root.xpath("//div[@class='body']")[0]
    assert " ".join(body.text_content().split()) == " ".join(record["body"].split())
    # A time expression crossing a name is cut in pieces; in order, the pieces hold it whole.
    marked = "".join(e.text_content() for e in body.xpath(".//span[contains(@class, 'timex')]"))
    assert record["timexes"] and all(t["text"] in marked for t in record["timexes"])
    assert body.xpath(".//span[contains(@class, 'ent')]") and body.xpath(".//span[contains(@class, 'quote')]")
    removed = root.xpath("//section[@id='removed']/details")[0]
    assert removed.get("open") is None
    rows = removed.xpath(".//tbody/tr")
    assert [(r.xpath("td[1]")[0].text, r.xpath("td[2]/code")[0].text or "") for r in rows] == \
        [(r["kind"], r["rule"] or "") for r in record["removed"]]
    assert record["published"]["explanation"] in text(root)
    crumbs = root.xpath("//p[@class='crumbs']/a/@href")
    assert crumbs == ["/stories", f"/stories/{sid}"]


def test_entity_page_and_list(client, reader):
    ruiz = query.entities(reader, name="Ana Ruiz")[0]
    record = query.entity(reader, ruiz["id"])
    assert twin(client, f"/entities/{ruiz['id']}.json") == record
    root = page(client, f"/entities/{ruiz['id']}")
    roles = [r.xpath("td[1]")[0].text for r in root.xpath("//section[@id='roles']//tbody/tr")]
    assert roles == [r["role"] for r in record["roles_over_time"]]
    assert len(root.xpath("//section[@id='quotes']//blockquote")) == len(record["quotes"]) > 0
    assert twin(client, "/entities.json?type=PERSON") == query.entities(reader, type="PERSON", limit=100)
    listed = page(client, "/entities?name=Ruiz").xpath("//table[@class='entities']//a/@href")
    assert f"/entities/{ruiz['id']}" in listed


def test_search_with_filters_and_keyset_pages(client, reader):
    assert twin(client, "/search.json?q=water") == query.search(reader, "water")
    sid = query.story(reader, "spill")["story"]["id"]
    got = twin(client, f"/search.json?q=water&story={sid}&outlet=Associated+Wire&since=2024-02-01")
    assert got == query.search(reader, "water", story=sid, outlet="Associated Wire", since="2024-02-01")
    assert got["hits"] and all(h["source"] == "Associated Wire" for h in got["hits"])
    everything = twin(client, "/search.json?q=water&limit=100")["hits"]
    paged, url = [], "/search.json?q=water&limit=3"
    while url:
        one = twin(client, url)
        paged += one["hits"]
        url = f"/search.json?q=water&limit=3&after={one['next']}" if one["next"] else None
    assert [h["id"] for h in paged] == [h["id"] for h in everything]
    root = page(client, "/search?q=water&limit=3")
    hits = root.xpath("//ol[@class='hits']/li")
    assert len(hits) == 3 and all(h.xpath(".//p[@class='snippet']/mark") for h in hits)
    assert "[water]" not in text(root)                       # marks are <mark> on the page
    assert root.xpath("//a[@rel='next']/@href")[0].startswith("/search?q=water&limit=3&after=")
    assert page(client, "/search").xpath("//form[@role='search']//input[@name='q']")


@pytest.mark.parametrize("url,status", [
    ("/stories/no-such-story-words-zzz", 404), ("/stories/no-such-story-words-zzz.json", 404),
    ("/articles/ffffffffffff", 404), ("/entities/e-nope", 404), ("/nowhere", 404),
    ("/search?q=water&since=yesterday", 400), ("/search?q=water&limit=101", 400),
    ("/stories?limit=0", 400), ("/stories?sort=alphabetical", 400),
    ("/stories/spill?quotes_each=201", 400), ("/stories/spill.json?people=0", 400),
    ("/search?q=%22unclosed", 400), ("/search?q=water&after=garbage", 400),
    ("/export/secrets.txt", 404),
])
def test_errors_say_what_is_wrong(client, url, status):
    r = client.get(url)
    assert r.status_code == status, r.text[:300]
    if url.endswith(".json") or ".json?" in url:
        assert r.json()["status"] == status and r.json()["error"]
    else:
        root = lxml.html.document_fromstring(r.text)
        assert root.xpath("//p[@class='error']")[0].text_content().strip()


def test_ids_never_reach_the_file_system(client):
    for url in ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                "/static/..%2f..%2fcli%2f__init__.py", "/articles/..%2F..%2F..%2Fetc%2Fpasswd",
                "/articles/../../../etc/passwd", "/stories/%2e%2e%2f%2e%2e%2fREADME.md"]:
        r = client.get(url)
        assert r.status_code == 404, url
        assert "root:" not in r.text and "[build-system]" not in r.text and "import" not in r.text


def test_every_response_carries_a_csp_that_forbids_script(client):
    assert "script-src 'none'" in CSP and "default-src 'none'" in CSP
    for url in ["/", "/stories.json", "/nowhere", "/static/style.css", "/docs", "/export/quotes.jsonl"]:
        r = client.get(url)
        assert r.headers["content-security-policy"] == CSP, url
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_read_only_and_small_requests(client):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/stories").status_code == 405
    assert client.request("GET", "/stories", content=b"x" * 10).status_code == 413
    assert client.get("/search?q=" + "a" * MOST_URL).status_code == 414
    assert client.get("/search?q=" + "a" * 2100).status_code == 400   # longer than a query may be
    assert client.head("/").status_code == 200


def test_pages_load_nothing_from_elsewhere_and_run_no_script(client, reader):
    sid = query.story(reader, "spill")["story"]["id"]
    some = query.articles(reader, story=sid)[0]["id"]
    for url in ["/", f"/stories/{sid}", f"/articles/{some}", "/search?q=water", "/entities", "/docs"]:
        root = page(client, url)
        assert not root.xpath("//script") and not root.xpath("//*[@style]"), url
        for link in root.xpath("//link/@href | //img/@src | //form/@action"):
            assert link.startswith("/"), (url, link)


def test_openapi_and_docs_describe_every_page(client):
    api = twin(client, "/openapi.json")
    for path in ["/stories", "/stories.json", "/stories/{ref}", "/stories/{ref}.json",
                 "/articles/{ref}.json", "/entities/{ref}.json", "/search.json",
                 "/export/{table}.{fmt}"]:
        assert path in api["paths"], path
    docs = client.get("/docs").text
    assert "/search.json" in docs and "maximum 100" in docs
    assert not re.search(r"(src|href)=\"(https?:)?//", docs)


def test_exports_stream_whole_tables_as_the_export_writes_them(client, reader, example_db):
    for fmt in ("jsonl", "csv"):
        out = io.StringIO()
        export.write(reader, fmt, out)
        r = client.get(f"/export/articles.{fmt}")
        assert r.status_code == 200 and r.text == out.getvalue(), fmt
    quotes = [json.loads(line) for line in client.get("/export/quotes.jsonl").text.splitlines()]
    assert quotes == list(query.quotes(reader))
    entities = [json.loads(line) for line in client.get("/export/entities.jsonl").text.splitlines()]
    assert entities == query.entities(reader)
    stories = [json.loads(line) for line in client.get("/export/stories.jsonl").text.splitlines()]
    assert [s["id"] for s in stories] == [s.id for s in reader.stories.all()]


def test_a_submitted_form_with_empty_fields_filters_nothing(client, reader):
    assert twin(client, "/stories.json?sort=size&since=&until=&outlet=&entity=")["stories"] == \
        query.stories(reader)
    assert twin(client, "/search.json?q=water&story=&outlet=&since=&until=&entity=") == \
        query.search(reader, "water")
