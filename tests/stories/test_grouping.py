"""Incremental grouping: articles join the right story, stories stay put, merges are logged,
time ends a story, everything survives reopening the store."""

from __future__ import annotations

from storyline import stories
from storyline.stories import group
from storyline.store import Store

from story_texts import CHESS, DAM, DAM_RETOLD, make, members, put, store  # noqa: F401 (fixture)


def dam(i: int, day: str | None = "2024-03-03", **kw):
    title, body = DAM[i]
    return make(f"dam{i}", title, body, day, **kw)


def chess(i: int, day: str | None = "2024-03-04", **kw):
    title, body = CHESS[i]
    return make(f"chess{i}", title, body, day, **kw)


def dated_bar(monkeypatch, value: float) -> None:
    """The score a dated article needs to join a dated story, whether its news runs in
    stories (JOIN_DATED) or in lone articles (JOIN_SPARSE)."""
    monkeypatch.setattr(group, "JOIN_DATED", value)
    monkeypatch.setattr(group, "JOIN_SPARSE", value)


def test_new_article_joins_the_story_it_belongs_to(store):
    summary = stories.update(store, put(store, dam(0), chess(0)))
    assert summary.started == 2 and summary.joined == 0
    summary = stories.update(store, put(store, dam(1, "2024-03-05"), chess(1, "2024-03-06")))
    assert summary.joined == 2 and summary.started == 0
    m = members(store)
    assert m["dam1"] == m["dam0"] and m["chess1"] == m["chess0"] and m["dam0"] != m["chess0"]
    # the article's own record says so too (the `articles` and export views read it)
    assert store.articles.get("dam1").story_id == m["dam0"]
    assert store._conn.execute("SELECT story_id FROM articles WHERE id = 'chess1'").fetchone()[0] \
        == m["chess0"]


def test_story_record_has_dates_outlets_and_a_readable_title(store):
    stories.update(store, put(store, dam(0, source="Kessick Courier"),
                              dam(1, "2024-03-05", source="Valley Times"),
                              dam(2, "2024-03-20", source="Valley Times")))
    [story] = store.stories.all()
    assert story.article_ids == ["dam0", "dam1", "dam2"]          # date order
    assert (story.first_date, story.last_date) == ("2024-03-03", "2024-03-20")
    assert story.sources == ["Valley Times", "Kessick Courier"]   # most articles first
    assert "Marlow dam" in story.title and story.title in [t for t, _ in DAM]


def test_adding_articles_never_moves_what_users_saw(store):
    stories.update(store, put(store, dam(0), chess(0), dam(1, "2024-03-05")))
    before = members(store)
    stories.update(store, put(store, chess(1, "2024-03-06"), dam(2, "2024-03-08")))
    after = members(store)
    assert {a: after[a] for a in before} == before
    assert store.stories.merges() == []
    # grouping the same ids again changes nothing
    summary = stories.update(store, list(after))
    assert summary.kept == len(after) and members(store) == after


def test_merge_only_when_an_article_links_two_alike_stories_and_it_is_logged(store, monkeypatch):
    # Under a strict threshold, two outlets' reports of the dam failure start two stories ...
    dated_bar(monkeypatch, 0.99)
    retold = make("retold", *DAM_RETOLD, "2024-03-03")
    stories.update(store, put(store, dam(0), retold))
    first = members(store)
    assert first["dam0"] != first["retold"]
    # ... then an article that fits both shows they are one story.
    dated_bar(monkeypatch, 0.1)
    summary = stories.update(store, put(store, dam(1, "2024-03-05")))
    assert summary.merges == 1
    m = members(store)
    assert m["dam0"] == m["retold"] == m["dam1"]
    [log] = store.stories.merges()
    survivor, gone = log["into_id"], log["from_id"]
    assert {survivor, gone} == {first["dam0"], first["retold"]}
    assert "dam1" in log["reason"] and log["similarity"] >= group.MERGE and log["at"]
    # the merged-away id still finds the story, and the story remembers it
    assert store.stories.get(gone).id == survivor and store.stories.get(gone).merged_from == [gone]
    assert [s.id for s in store.stories.all()] == [survivor]


def test_fragments_of_one_running_story_consolidate_and_it_is_logged(store, monkeypatch):
    monkeypatch.setattr(group, "CONSOLIDATE", 2.0)           # off while the fragments form
    stories.update(store, put(store, dam(0), dam(1, "2024-03-05")))
    # A second fragment: another outlet's report, kept apart, then grown to two articles.
    dated_bar(monkeypatch, 0.99)
    stories.update(store, put(store, make("retold", *DAM_RETOLD, "2024-03-04")))
    fragment = members(store)["retold"]
    dated_bar(monkeypatch, 0.0)
    monkeypatch.setattr(group._Grouper, "candidates", lambda self, *a: [fragment])
    stories.update(store, put(store, dam(2, "2024-03-06")))
    monkeypatch.undo()
    before = members(store)
    assert before["dam0"] != before["retold"] == before["dam2"]
    # The next run that touches either fragment finds the other running alongside it.
    monkeypatch.setattr(group, "CONSOLIDATE_MIN_TERMS", 10)   # the fixtures are short
    summary = stories.update(store, put(store, chess(0), chess(1, "2024-03-07")))
    assert summary.merges == 0                                 # chess touched nothing of the dam
    summary = stories.update(store, put(store, make("dam3", DAM[2][0] + " again",
                                                    DAM[1][1], "2024-03-08")))
    m = members(store)
    assert summary.merges == 1
    assert m["dam0"] == m["dam1"] == m["dam2"] == m["retold"] == m["dam3"] != m["chess0"]
    [log] = store.stories.merges()
    assert "same time" in log["reason"] and log["similarity"] >= group.CONSOLIDATE
    assert log["articles_moved"] >= 2           # the smaller fragment, dam3 may be in it


def test_time_ends_a_story(store):
    stories.update(store, put(store, dam(0, "2024-03-03"), dam(1, "2024-03-05")))
    # the same kind of report two years later is a new story, not the old one
    late = make("dam-late", DAM[2][0], DAM[2][1], "2026-05-01")
    stories.update(store, put(store, late))
    m = members(store)
    assert m["dam-late"] != m["dam0"]
    # a pause of a few weeks does not end it
    stories.update(store, put(store, dam(2, "2024-04-20")))
    assert members(store)["dam2"] == m["dam0"]


def test_undated_articles_are_grouped_by_text_alone(store):
    stories.update(store, put(store, dam(0, None), chess(0, None), dam(1, None)))
    m = members(store)
    assert m["dam0"] == m["dam1"] != m["chess0"]
    assert store.stories.get(m["dam0"]).first_date is None


def test_grouping_survives_reopening_the_store(tmp_path):
    path = str(tmp_path / "s.db")
    with Store(path) as s:
        stories.update(s, put(s, dam(0), chess(0)))
        story_id = members(s)["dam0"]
    with Store(path) as s:
        summary = stories.update(s, put(s, dam(1, "2024-03-05")))
        assert summary.joined == 1 and members(s)["dam1"] == story_id
        assert s._conn.execute("SELECT value FROM story_meta WHERE key = 'docs'").fetchone()[0] == "3"
        assert s.stories.get(story_id).article_ids == ["dam0", "dam1"]


def test_a_changed_article_that_still_fits_keeps_its_story(store):
    stories.update(store, put(store, dam(0), dam(1, "2024-03-05")))
    before = members(store)
    edited = dam(1, "2024-03-05")
    edited.blocks[0].text += " Repairs will take a year, Varga said."
    edited.content_hash = "edited"
    summary = stories.update(store, put(store, edited))
    assert summary.kept == 1 and members(store) == before
    assert store.articles.get("dam1").story_id == before["dam1"]


def test_unknown_ids_are_counted_not_fatal(store):
    summary = stories.update(store, ["nope"])
    assert summary.missing == 1 and summary.articles == 0 and store.stories.all() == []


def test_pending_lists_stored_articles_no_story_holds_yet(store):
    put(store, dam(0), chess(0))
    assert sorted(stories.pending(store)) == ["chess0", "dam0"]
    stories.update(store, ["dam0"])                 # e.g. a build killed before the rest
    assert stories.pending(store) == ["chess0"]
    stories.update(store, stories.pending(store))
    assert stories.pending(store) == []


def test_a_changed_article_that_no_longer_fits_moves_and_says_so(store):
    stories.update(store, put(store, dam(0), dam(1, "2024-03-05"), chess(0)))
    before = members(store)
    rewritten = make("dam1", CHESS[1][0], CHESS[1][1], "2024-03-05")   # same id, new text
    summary = stories.update(store, put(store, rewritten))
    assert summary.moved == 1
    after = members(store)
    assert after["dam1"] == before["chess0"] and after["dam0"] == before["dam0"]
    assert store.stories.get(before["dam0"]).article_ids == ["dam0"]


def test_in_a_week_of_lone_articles_the_same_week_is_no_reason_to_join(store, monkeypatch):
    # Any same-week score would do where the news runs in stories; lone articles need more.
    monkeypatch.setattr(group, "JOIN_DATED", 0.0)
    monkeypatch.setattr(group, "JOIN_SPARSE", 0.99)
    stories.update(store, put(store, dam(0)))
    stories.update(store, put(store, dam(2, "2024-03-05")))
    m = members(store)
    assert m["dam2"] != m["dam0"]                 # its only neighbour is a lone article
    assert store.stories.merges() == []           # (a story of 1 < LOOK_DATED_SIZE)


def test_after_a_pause_of_weeks_a_lone_story_resumes_at_the_dated_bar(store, monkeypatch):
    # Not the same week: JOIN_SPARSE is about same-week coincidence, the time decay
    # weighs a pause (the example corpus's library story resumes months later).
    monkeypatch.setattr(group, "JOIN_DATED", 0.0)
    monkeypatch.setattr(group, "JOIN_SPARSE", 0.99)
    stories.update(store, put(store, dam(0)))
    stories.update(store, put(store, dam(2, "2024-03-20")))   # 17 days on: > NEIGHBOUR_DAYS
    m = members(store)
    assert m["dam2"] == m["dam0"]


def test_where_the_news_runs_in_stories_the_same_week_joins(store, monkeypatch):
    stories.update(store, put(store, dam(0), dam(1, "2024-03-04"),
                              make("retold", *DAM_RETOLD, "2024-03-03")))
    assert len(set(members(store).values())) == 1          # one story of RUNNING members
    assert group.RUNNING <= 3
    monkeypatch.setattr(group, "JOIN_DATED", 0.0)
    monkeypatch.setattr(group, "JOIN_SPARSE", 0.99)
    stories.update(store, put(store, dam(2, "2024-03-06")))
    m = members(store)
    assert m["dam2"] == m["dam0"]


def test_running_is_the_mean_size_of_the_stories_near_the_article():
    def state(size, first, last):
        return group._State("s", first, last, size, {}, {})
    day = ("2024-03-10", "2024-03-10")
    assert group._running(day, [state(5, "2024-03-01", "2024-03-09"), state(1, "2024-03-09", "2024-03-09")])
    assert not group._running(day, [state(2, "2024-03-01", "2024-03-09"), state(1, "2024-03-09", "2024-03-09")])
    # a big story long over is no neighbour; no neighbour at all: not running
    assert not group._running(day, [state(50, "2023-01-01", "2023-02-01"), state(1, "2024-03-08", "2024-03-08")])
    assert not group._running(day, [])


def test_a_dated_article_left_alone_joins_a_grown_story_at_the_end_of_the_run(store, monkeypatch):
    stories.update(store, put(store, dam(0), dam(1, "2024-03-04")))
    grown = members(store)["dam0"]
    assert members(store)["dam1"] == grown
    # Lone articles around it (a story of 2 < RUNNING): dam2 starts a story of its own ...
    monkeypatch.setattr(group, "JOIN_SPARSE", 0.99)
    monkeypatch.setattr(group, "LOOK_DATED_SIZE", 2)
    summary = stories.update(store, put(store, dam(2, "2024-03-06")))
    assert summary.started == 1 and summary.merges == 1
    # ... and once all are placed it looks again: the story has grown to LOOK_DATED_SIZE.
    assert members(store)["dam2"] == grown
    [log] = store.stories.merges()
    assert log["into_id"] == grown and "dam2" in log["reason"] and "running story" in log["reason"]
