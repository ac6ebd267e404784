"""Near-duplicates and wire copies: a copy joins its original's story as a copy."""

from __future__ import annotations

from storyline import stories
from storyline.stories import copies

from story_texts import WIRE, make, members, put, store  # noqa: F401 (fixture)


def test_wire_copy_joins_its_original_as_a_copy(store):
    original = make("wire", "Brennholt glassworks strike halts bottle production", WIRE,
                    "2024-05-06", source="Test Wire")
    # an outlet's copy a day later: its own headline, a dateline, the last sentence cut
    copy = make("copy", "Glass workers strike in Brennholt",
                "BRENNHOLT (TW) - " + WIRE.rsplit(" Ferrow said", 1)[0], "2024-05-07",
                source="Brennholt Post")
    summary = stories.update(store, put(store, original, copy))
    assert summary.copies == 1 and summary.started == 1
    m = members(store)
    assert m["copy"] == m["wire"]
    [story] = store.stories.all()
    assert story.copies == {"copy": "wire"} and story.article_ids == ["wire", "copy"]
    # a copy is not extra evidence: the story's representation counts one article
    size = store._conn.execute("SELECT size FROM story_state").fetchone()[0]
    assert size == 1
    assert store.articles.get("copy").story_id == story.id


def test_a_copy_of_a_copy_points_at_the_first_original(store):
    a = make("a", "Strike at Brennholt", WIRE, "2024-05-06")
    b = make("b", "Strike", "BRENNHOLT - " + WIRE, "2024-05-06")
    c = make("c", "Glassworks strike", WIRE + " More follows.", "2024-05-07")
    stories.update(store, put(store, a, b, c))
    [story] = store.stories.all()
    assert story.copies == {"b": "a", "c": "a"}


def test_the_same_text_long_after_is_not_a_copy(store):
    stories.update(store, put(store, make("a", "Strike", WIRE, "2024-05-06")))
    stories.update(store, put(store, make("b", "Strike again", WIRE, "2026-05-06")))
    m = members(store)
    assert m["a"] != m["b"]
    assert all(not s.copies for s in store.stories.all())


def test_reports_in_their_own_words_are_not_copies(store):
    other = ("Bottle deliveries to three regional breweries stopped this week as the walkout at "
             "the Brennholt glassworks entered its second day. Brewers said they had stock for a "
             "fortnight. The union, led by Magda Ferrow, is asking for six percent; managers "
             "offered four percent and say the strike came too early in the talks.")
    stories.update(store, put(store, make("a", "Strike", WIRE, "2024-05-06"),
                              make("b", "Breweries feel glassworks strike", other, "2024-05-07")))
    m = members(store)
    assert m["a"] == m["b"]                        # same story ...
    assert store.stories.all()[0].copies == {}         # ... but not a copy


def test_signatures_and_bands_are_stored_and_short_texts_skipped(store):
    put(store, make("a", "Strike", WIRE, "2024-05-06"), make("brief", "Brief", "Strike ends.", None))
    stories.update(store, ["a", "brief"])
    assert store._conn.execute("SELECT count(*) FROM minhash").fetchone()[0] == 1
    assert store._conn.execute("SELECT count(*) FROM minhash_bands WHERE article_id = 'a'"
                              ).fetchone()[0] == copies.BANDS
