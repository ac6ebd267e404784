"""The pages in headless Chromium (Debian's `chromium`, driven by Playwright with its
executable path; `playwright install` is never run): click from the stories to a story
to an article and back, open a timeline entry to its sources, search with a filter,
and load the hostile store's pages to see that nothing runs. Screenshots are kept in
build/test-artifacts/web/ for a person to look at.

Skips, saying why, when Playwright or a Chromium cannot be had.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import serving

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed "
                                     "(it comes with the test extra: pip install -e '.[test]')")

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "test-artifacts" / "web"
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))),
                None)
MARK = "document.documentElement.getAttribute('data-pwned')"


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("no chromium, chromium-browser or google-chrome on PATH (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        try:
            launched = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except playwright_api.Error as err:
            pytest.skip(f"{CHROMIUM} did not start under Playwright: {str(err)[:200]}")
        yield launched
        launched.close()


@pytest.fixture
def tab(browser):
    """A page that records every console error and uncaught exception (a CSP violation
    is a console error: the pages must not break their own policy)."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


def shot(page, name: str) -> None:
    """What a person sees first (NAME.png) and the whole page (NAME-full.png)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.screenshot(path=str(ARTIFACTS / f"{name}-full.png"), full_page=True)


@pytest.fixture(scope="module")
def site(example_db):
    with serving(example_db) as base:
        yield base


def test_stories_to_story_to_article_and_back(tab, site):
    tab.goto(site + "/")
    assert tab.inner_text("h1").startswith("Stories")
    assert tab.locator("svg.spark rect.bar").count() > 0
    shot(tab, "stories")
    first = tab.locator("table.stories tbody tr").first.locator("a").first
    title = first.inner_text()
    first.click()
    tab.wait_for_url("**/stories/*")
    assert tab.inner_text("h1") == title
    entry = tab.locator("ol.timeline > li").first
    source = entry.locator("ul.sources a").first
    assert not source.is_visible()                   # folded until the entry is opened
    entry.locator("summary").click()
    assert source.is_visible()
    assert tab.locator("svg.axis g.mark").count() == tab.locator("ol.timeline > li").count()
    shot(tab, "story")
    source.click()
    tab.wait_for_url("**/articles/*")
    assert tab.locator("div.body span.timex").count() > 0
    assert tab.locator("div.body span.ent").count() > 0
    shot(tab, "article")
    tab.go_back()
    tab.wait_for_url("**/stories/*")
    assert tab.inner_text("h1") == title
    tab.go_back()
    assert tab.inner_text("h1").startswith("Stories")
    tab.locator("header nav a", has_text="People").click()
    tab.locator("table.entities tbody a").first.click()
    tab.wait_for_url("**/entities/*")
    shot(tab, "entity")
    assert tab.errors == []


def test_search_with_an_outlet_filter_and_the_next_page(tab, site):
    tab.goto(site + "/search")
    tab.fill("form.filters input[name=q]", "water")
    tab.fill("form.filters input[name=outlet]", "Associated Wire")
    tab.click("form.filters button")
    tab.wait_for_url("**/search?*")
    hits = tab.locator("ol.hits > li")
    assert hits.count() > 0
    for i in range(hits.count()):
        assert hits.nth(i).locator(".sub").inner_text().startswith("Associated Wire")
    assert tab.locator("ol.hits mark").count() > 0
    shot(tab, "search")
    tab.goto(site + "/search?q=water&limit=2")
    shown = tab.locator("ol.hits > li a").first.inner_text()
    tab.click("a[rel=next]")
    assert tab.locator("ol.hits > li a").first.inner_text() != shown
    assert tab.errors == []


def test_hostile_pages_run_nothing_in_chromium(tab, store_path):
    from test_hostile_in_browser import ID, INLINE

    with serving(store_path) as base:
        for url in ["/", f"/stories/{quote('s1' + ID, safe='')}",
                    f"/articles/{quote('a1' + ID, safe='')}", "/entities/e1", "/search?q=body"]:
            tab.goto(base + url)
            tab.wait_for_timeout(300)                # time for anything that would run
            assert tab.evaluate(MARK) is None, url
            assert tab.title() != "PWNED", url
            assert INLINE[0] in tab.inner_text("main"), url   # shown as text, not dropped
        shot(tab, "hostile-search")         # the last page loaded: payloads as text
    # The same check sees a payload that runs (a blank page with no policy).
    tab.goto("about:blank")
    tab.set_content(f"<p>{INLINE[1]}</p>")
    tab.wait_for_timeout(300)
    assert tab.evaluate(MARK) == "1"
