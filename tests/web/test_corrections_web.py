"""Corrections over HTTP (`storyline serve --write`): forms on the story and article
pages and POST /fix, each carrying the server's token; shown at once, undone the same
way; a server without --write takes none. The browser test applies and undoes one."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import serving
from fastapi.testclient import TestClient

from storyline import query
from storyline.store import Store
from storyline.web import create_app


@pytest.fixture
def db(example_db, tmp_path) -> str:
    copy = str(tmp_path / "fix.db")
    shutil.copy(example_db, copy)
    return copy


def ferry(db: str) -> str:
    with Store(db, readonly=True) as store:
        return query.find_story(store, "ferry lifeboats").id


def token_of(page: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', page).group(1)


def test_a_read_only_server_takes_no_correction(db):
    client = TestClient(create_app(db))
    page = client.get(f"/stories/{ferry(db)}").text
    assert 'action="/fix"' not in page
    assert client.post("/fix", json={"action": "rename"}).status_code == 405


def test_fix_and_undo_over_json(db):
    client = TestClient(create_app(db, write=True))
    story = ferry(db)
    page = client.get(f"/stories/{story}").text          # kept now: must not stay stale
    token = token_of(page)
    said = {"action": "rename", "target": story, "value": "Ferry fire", "by": "ana"}
    assert client.post("/fix", json=said).status_code == 403
    assert client.post("/fix", json={**said, "token": "wrong"}).status_code == 403
    answer = client.post("/fix", json={**said, "token": token})
    assert answer.status_code == 200
    record = answer.json()
    assert (record["kind"], record["who"], record["value"]["title"]) == ("rename", "ana", "Ferry fire")
    shown = client.get(f"/stories/{story}.json").json()
    assert shown["story"]["title"] == "Ferry fire"
    assert [c["id"] for c in shown["corrections"]] == [record["id"]]
    assert "Corrected by people" in client.get(f"/stories/{story}").text
    undone = client.post("/fix/undo", json={"id": record["id"], "token": token, "by": "ben"})
    assert undone.status_code == 200 and undone.json()["undone_by"] == "ben"
    assert client.get(f"/stories/{story}.json").json()["story"]["title"] != "Ferry fire"
    listed = client.get("/corrections.json").json()
    assert [(c["id"], c["undone_by"]) for c in listed] == [(record["id"], "ben")]
    bad = client.post("/fix", json={"action": "date", "target": "nope", "value": "2024-01-01",
                                    "token": token})
    assert bad.status_code == 404 and "E106" in bad.json()["error"]
    assert client.post("/fix/undo", json={"id": 99, "token": token}).status_code == 404


def test_a_form_post_redirects_to_what_it_corrected(db):
    client = TestClient(create_app(db, write=True), follow_redirects=False)
    with Store(db, readonly=True) as store:
        article = store.stories.get(ferry(db)).article_ids[0]
    page = client.get(f"/articles/{article}").text
    assert 'name="action" value="date"' in page
    answer = client.post("/fix", data={"action": "date", "target": article, "value": "2023-06-06",
                                       "token": token_of(page)})
    assert answer.status_code == 303 and answer.headers["location"] == f"/articles/{article}"
    assert client.get(f"/articles/{article}.json").json()["published"]["date"] == "2023-06-06"


def test_a_given_token_is_typed_not_carried(db):
    client = TestClient(create_app(db, write=True, token="s3cret-token"))
    page = client.get(f"/stories/{ferry(db)}").text
    assert "s3cret-token" not in page and 'type="password" name="token"' in page
    said = {"action": "rename", "target": ferry(db), "value": "X"}
    assert client.post("/fix", json=said).status_code == 403
    assert client.post("/fix", json={**said, "token": "s3cret-token"}).status_code == 200


def test_bodies_are_small_forms_or_json(db):
    client = TestClient(create_app(db, write=True))
    assert client.post("/fix", content=b"x" * 20000,
                       headers={"content-type": "application/json"}).status_code == 413
    assert client.post("/fix", content=b"<a/>", headers={"content-type": "text/xml"}).status_code == 415
    assert client.put("/fix", json={}).status_code == 405


def test_apply_and_undo_in_the_browser(db):
    playwright_api = pytest.importorskip("playwright.sync_api")
    from test_browser import CHROMIUM, shot
    if CHROMIUM is None:
        pytest.skip("no chromium on PATH (apt-get install chromium)")
    story = ferry(db)
    with serving(db, write=True) as base, playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        errors = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(f"{base}/stories/{story}")
        page.click("details#correct summary")
        form = page.locator("form.fix", has=page.locator("input[value=rename]"))
        form.locator("input[name=value]").fill("Ferry fire off Port Ellery")
        form.locator("input[name=by]").fill("ana")
        form.locator("button").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Ferry fire off Port Ellery"
        assert "ana: story" in page.locator(".fixed").inner_text()
        shot(page, "correction-applied")
        page.locator(".fixed form button").click()
        page.wait_for_load_state()
        assert page.url.endswith("/corrections") and "undone" in page.content()
        page.goto(f"{base}/stories/{story}")
        assert page.locator("h1").inner_text() != "Ferry fire off Port Ellery"
        shot(page, "correction-undone")
        browser.close()
    assert errors == []


def test_writes_answer_only_to_the_servers_own_names(db):
    app = create_app(db, write=True, hosts={"127.0.0.1", "localhost"})
    here = TestClient(app, base_url="http://127.0.0.1:8000")
    token = token_of(here.get(f"/stories/{ferry(db)}").text)
    said = {"action": "rename", "target": ferry(db), "value": "X", "token": token}
    rebound = TestClient(app, base_url="http://attacker.example:8000")
    assert rebound.post("/fix", json=said).status_code == 403
    assert here.post("/fix", json=said).status_code == 200


def test_an_entity_merge_from_its_page(db):
    client = TestClient(create_app(db, write=True), follow_redirects=False)
    with Store(db, readonly=True) as store:
        people = store.entities.all(type="PERSON")
    away, into = people[-1], people[0]
    page = client.get(f"/entities/{away.id}").text
    assert 'name="action" value="entity-merge"' in page
    answer = client.post("/fix", data={"action": "entity-merge", "target": away.id,
                                       "value": into.id, "token": token_of(page)})
    assert answer.status_code == 303 and answer.headers["location"] == f"/entities/{into.id}"
    merged = client.get(f"/entities/{into.id}.json").json()
    assert away.name in merged["aliases"]
    assert "Corrected by people" in client.get(f"/entities/{into.id}").text
    assert client.get(f"/entities/{away.id}.json").status_code == 404
