"""Grouping without dates: an unknown date is no reason to split, bounds count as a
window, undated articles of a running story join it, different stories stay apart, and
members dated later by their story are reconsidered for merging."""

from __future__ import annotations

from storyline import stories
from storyline.model import Published
from storyline.stories import group

from story_texts import CHESS, DAM, DAM_RETOLD, make, members, put, store  # noqa: F401 (fixture)

# A running story told over weeks: each report adds new facts in new words, so an
# undated report shares its names with the story far more than its words.
STRIKE = [
    ("Brennholt glassworks strike begins over pay",
     "Workers at the Brennholt glassworks walked out over pay, union leader Magda Ferrow "
     "said. The strike halts bottle production for three breweries near Oster Vale. "
     "Brennholt management called the walkout premature and said its pay offer stood."),
    ("Breweries ration bottles as Brennholt glassworks strike drags on",
     "Three breweries around Oster Vale began rationing bottles as the Brennholt glassworks "
     "strike entered its second week. Magda Ferrow said the union would not return for "
     "the pay offer Brennholt management had made before the walkout."),
    ("Brennholt glassworks strike talks collapse again",
     "Talks between Brennholt management and the union collapsed again on pay, Magda Ferrow "
     "said, and the glassworks strike will go on. Oster Vale breweries said bottle stocks "
     "would last a few more days."),
    ("Mediator named in Brennholt glassworks strike",
     "A state mediator, Aurel Dunmore, was named to end the Brennholt glassworks strike over "
     "pay. Magda Ferrow welcomed him; Brennholt management said the glassworks could not "
     "pay more than its offer. Oster Vale breweries wait for bottles."),
]
# Undated, late in the story: few of its words, the same people, firm and town.
STRIKE_LATE = (
    "Ferrow and Dunmore shake hands at Brennholt",
    "Magda Ferrow and Aurel Dunmore shook hands in the canteen at Brennholt on a grey "
    "morning; furnaces were relit and the first lorries left for Oster Vale by noon. "
    "Ferrow thanked members for their patience through a long winter.")


def strike(i: int, day: str | None, **kw):
    return make(f"strike{i}", *STRIKE[i], day, **kw)


def test_an_undated_report_with_few_shared_words_joins_its_running_story_by_its_names(
        store, monkeypatch):
    # (toy texts are tighter than news: the plain threshold is raised above the late
    # report's score, so that only the undated route can take it)
    monkeypatch.setattr(group, "JOIN", 0.5)
    monkeypatch.setattr(group, "COHESION_SHARE", 0.5)
    days = ["2024-01-08", "2024-01-15", "2024-01-22", "2024-02-05"]
    stories.update(store, put(store, *(strike(i, d) for i, d in enumerate(days)),
                              make("chess0", *CHESS[0], "2024-01-10")))
    late = make("late", *STRIKE_LATE, None)
    stories.update(store, put(store, late))
    m = members(store)
    assert m["late"] == m["strike0"] != m["chess0"]
    # it needed the undated route: its score is below the plain threshold
    assert store._conn.execute("SELECT score FROM story_members WHERE article_id = 'late'"
                               ).fetchone()[0] < group.JOIN


def test_a_tight_story_does_not_take_a_loosely_alike_undated_article(store, monkeypatch):
    monkeypatch.setattr(group, "JOIN", 0.5)
    monkeypatch.setattr(group, "COHESION_SHARE", 0.9)    # the bar: 0.9 x the members' mean
    monkeypatch.setattr(group, "LOOK_SHARE", 0.9)
    days = ["2024-01-08", "2024-01-15", "2024-01-22", "2024-02-05"]
    stories.update(store, put(store, *(strike(i, d) for i, d in enumerate(days))))
    stories.update(store, put(store, make("late", *STRIKE_LATE, None)))
    m = members(store)
    assert m["late"] != m["strike0"]


def test_undated_articles_of_two_different_stories_stay_apart(store):
    pile = [make(f"dam{i}", *DAM[i], None) for i in range(3)]
    pile += [make(f"chess{i}", *CHESS[i], None) for i in range(2)]
    pile += [make(f"strike{i}", *STRIKE[i], None) for i in range(4)]
    stories.update(store, put(store, *pile))
    m = members(store)
    assert len({m[f"dam{i}"] for i in range(3)}) == 1
    assert len({m[f"chess{i}"] for i in range(2)}) == 1
    assert len({m[f"strike{i}"] for i in range(4)}) == 1
    assert len({m["dam0"], m["chess0"], m["strike0"]}) == 3


def test_bounds_are_a_window_for_the_time_gap(store):
    stories.update(store, put(store, make("dam0", *DAM[0], "2024-03-03"),
                              make("dam1", *DAM[1], "2024-03-05")))
    # bounds two years later: the same kind of report, a new story
    far = make("far", *DAM[2], None)
    far.published = Published(earliest="2026-04-01", latest="2026-06-01")
    # bounds around the story's weeks: no reason to split
    near = make("near", *DAM_RETOLD, None)
    near.published = Published(earliest="2024-02-20", latest="2024-04-30")
    stories.update(store, put(store, far, near))
    m = members(store)
    assert m["near"] == m["dam0"]
    assert m["far"] != m["dam0"]


def test_members_dated_by_their_story_are_reconsidered_for_merging(store, monkeypatch):
    # Two fragments of the dam story: one dated, one whose members were misdated (a
    # year off, as the story stage may correct).
    monkeypatch.setattr(group, "JOIN", 0.99)
    monkeypatch.setattr(group, "JOIN_UNDATED", 0.99)
    monkeypatch.setattr(group, "LOOK_SHARE", 99)
    monkeypatch.setattr(group, "CONSOLIDATE_MIN_TERMS", 10)
    stories.update(store, put(store, make("dam0", *DAM[0], "2024-03-03"),
                              make("dam1", *DAM[1], "2024-03-04")))
    monkeypatch.setattr(group, "JOIN", 0.2)
    stories.update(store, put(store, make("dam2", *DAM[2], "2025-09-01"),
                              make("retold", *DAM_RETOLD, "2025-09-01")))
    monkeypatch.setattr(group, "JOIN", 0.99)
    stories.update(store, put(store, make("chess0", *CHESS[0], None),
                              make("chess1", *CHESS[1], None)))
    m = members(store)
    assert m["dam2"] != m["dam0"]
    assert m["retold"] == m["dam2"]
    # the story stage dates the fragment's members (as corpus.tell_story would)
    with store.transaction():
        for article_id in ("dam2", "retold"):
            article = store.articles.get(article_id)
            article.published = Published(date="2024-03-06", granularity="day", method="story")
            store.articles.update(article)
    merged = stories.reconsider(store, [m["dam2"], m["chess0"]])
    m2 = members(store)
    assert m2["dam2"] == m2["dam0"] != m2["chess0"]
    assert merged == [m2["dam0"]]
    assert store.stories.get(m2["dam0"]).first_date == "2024-03-03"
