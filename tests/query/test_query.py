"""The query layer: one record for one thing, whichever view asks."""

from __future__ import annotations

import io
import json

import pytest

from storyline import export, query
from storyline.cli import main
from storyline.errors import StorylineError
from storyline.store import Store


@pytest.fixture
def reader(example_db):
    with Store(example_db, readonly=True) as store:
        yield store


def cli_json(capsys, *argv) -> object:
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_json_and_the_export_give_the_same_records(reader, example_db, capsys):
    out = io.StringIO()
    export.write(reader, "json", out)
    exported = json.loads(out.getvalue())
    some = exported["articles"][3]
    shown = cli_json(capsys, "show", some["id"], "--db", example_db)
    assert {k: v for k, v in shown.items() if k != "quotes"} == some
    assert shown["quotes"] == [q for q in exported["quotes"] if q["article_id"] == some["id"]]
    assert cli_json(capsys, "stories", "--db", example_db) == query.stories(reader)
    assert cli_json(capsys, "entities", "--db", example_db) == exported["entities"]
    assert cli_json(capsys, "timeline", "--db", example_db) == query.timeline(reader)
    assert cli_json(capsys, "quotes", "--db", example_db) == query.speakers(reader)
    stored = {s["id"]: s for s in exported["stories"]}
    told = query.timeline(reader)
    assert [{k: v for k, v in e.items() if k != "sources"} for e in told["timeline"]] == \
        [{k: v for k, v in e.items() if k != "sources"} for e in stored[told["story"]["id"]]["timeline"]]


def test_wire_copies_quotes_are_marked_and_listed_once_by_speaker(reader):
    copies = {c: o for s in reader.stories.all() for c, o in s.copies.items()}
    assert copies, "the example corpus has a wire copy"
    every = list(query.quotes(reader))
    marked = [q for q in every if q["copy_of"]]
    assert marked and all(copies[q["article_id"]] == q["copy_of"] for q in marked)
    grouped = [q for g in query.speakers(reader) for q in g["quotes"]]
    assert len(grouped) == len(every) - len(marked)


def test_story_detail_has_timeline_people_quotes_and_articles_by_outlet(reader):
    detail = query.story(reader, "spill")
    assert detail["story"]["articles"] >= 10
    assert detail["timeline"] and all(s["outlet"] for e in detail["timeline"] for s in e["sources"])
    assert any(e["name"] == "Ana Ruiz" for e in detail["entities"])
    assert detail["quotes"][0]["count"] >= detail["quotes"][-1]["count"]
    listed = [a["id"] for items in detail["articles"].values() for a in items]
    assert sorted(listed) == sorted(detail["story"]["article_ids"])


def test_stories_sorted_and_filtered(reader):
    by_size = query.stories(reader)
    assert [s["articles"] for s in by_size] == sorted((s["articles"] for s in by_size), reverse=True)
    recent = query.stories(reader, sort="recency")
    assert [s["last_date"] for s in recent] == sorted((s["last_date"] for s in recent), reverse=True)
    assert all(s["last_date"] >= "2024-07-01" for s in query.stories(reader, since="2024-07-01"))
    assert query.stories(reader, since="2030-01-01") == []
    outlet = by_size[0]["sources"][-1]
    assert all(outlet in s["sources"] for s in query.stories(reader, outlet=outlet))
    with pytest.raises(StorylineError):
        query.stories(reader, sort="alphabetical")


def test_search_filters_and_keyset_pages(reader):
    everything = query.search(reader, "water", limit=100)["hits"]
    assert len(everything) > 4
    pages, after = [], None
    while True:
        page = query.search(reader, "water", limit=3, after=after)
        pages += [h["id"] for h in page["hits"]]
        if not page["next"]:
            break
        after = page["next"]
    assert pages == [h["id"] for h in everything]          # same order, none twice, none lost
    spill = query.find_story(reader, "spill")
    in_story = query.search(reader, "water", story=spill.id, limit=100)["hits"]
    assert in_story and all(h["story_id"] == spill.id for h in in_story)
    dated = query.search(reader, "water", since="2024-03-01", until="2024-03-31", limit=100)["hits"]
    assert dated and all("2024-03-01" <= h["published"] <= "2024-03-31" for h in dated)
    ruiz = query.entities(reader, name="Ana Ruiz")[0]
    named = query.search(reader, "water", entity=ruiz["id"], limit=100)["hits"]
    assert named and {h["id"] for h in named} <= set(ruiz["article_ids"])
    with pytest.raises(StorylineError):
        query.search(reader, "water", after="not a cursor")


def test_entity_detail_lists_its_stories_and_quotes(reader):
    ruiz = query.entities(reader, name="Ana Ruiz")[0]
    detail = query.entity(reader, ruiz["id"][:8])
    assert detail["stories"] and detail["stories"][0]["articles"] >= 1
    assert detail["quotes"] and all(q["speaker"] == ruiz["id"] for q in detail["quotes"])
    with pytest.raises(StorylineError):
        query.entity(reader, "no-such-entity")


def test_a_read_only_store_cannot_write(reader):
    import sqlite3
    with pytest.raises(StorylineError):
        with reader.transaction():
            pass
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.builds.start(["somewhere"])


def test_words_find_the_story_most_of_whose_articles_name_them(reader):
    """`timeline WORDS` opens the story the words best describe: the one with the most
    articles naming them, not a small story that has one of them in its title."""
    every = reader.stories.all()
    largest = max(every, key=lambda s: len(s.article_ids))
    assert query.find_story(reader, "Calder").id == largest.id
    assert query.find_story(reader, "solvent spill").id == largest.id
    assert query.find_story(reader, "robotics").id != largest.id
    ferry = query.find_story(reader, "ferry")
    assert ferry.id != largest.id and "ferry" in ferry.title.lower()
    # all the words where some article has them all; else any of them
    assert query.find_story(reader, "Ironclads Calder").id == largest.id
    with pytest.raises(StorylineError):
        query.find_story(reader, "zeppelin")


def test_an_article_without_a_headline_lists_its_first_sentence_marked_as_derived(reader):
    from storyline.query.records import shown_title
    listed = query.articles(reader)
    untitled = [a for a in listed if not a["title"]]
    assert untitled and all(a["derived_title"] for a in untitled)
    for a in untitled:
        assert len(a["derived_title"]) <= 92 and not a["derived_title"].endswith(" …  ")
        assert shown_title(a).endswith("[first sentence]")
        body = query.article(reader, a["id"])["body"]
        assert a["derived_title"].rstrip(" …") in " ".join(body.split())
    titled = [a for a in listed if a["title"]]
    assert titled and all(a["derived_title"] is None and shown_title(a) == a["title"]
                          for a in titled)


def test_a_storys_entities_count_the_storys_articles_and_quotes_take_a_limit(reader):
    largest = max(reader.stories.all(), key=lambda s: len(s.article_ids))
    held = set(largest.article_ids)
    listed = query.entities(reader, story=largest.id)
    assert listed and all(set(e["article_ids"]) <= held and e["article_ids"] for e in listed)
    counts = [len(e["article_ids"]) for e in listed]
    assert counts == sorted(counts, reverse=True)
    # somewhere the whole pile names an entity more often than this story does
    whole = {e["id"]: len(e["article_ids"]) for e in query.entities(reader)}
    assert any(whole[e["id"]] > len(e["article_ids"]) for e in listed)
    everyone = query.speakers(reader)
    assert len(everyone) > 2 and query.speakers(reader, limit=2) == everyone[:2]


def test_words_that_are_a_storys_key_phrase_open_that_story():
    """`timeline "charity single"` opens "Charity single — Haiti, Simon Cowell", though the
    big Haiti story has more articles naming both words."""
    from types import SimpleNamespace

    from storyline.model import Story

    big = Story(id="s1", title="Haiti: earthquake, aid, survivors", article_ids=[f"a{i}" for i in range(60)])
    small = Story(id="s2", title="Charity single — Haiti, Simon Cowell", article_ids=["b1", "b2"])
    store = SimpleNamespace(
        stories=SimpleNamespace(get=lambda ref: None, all=lambda: [big, small]),
        articles=SimpleNamespace(story_counts=lambda q: {"s1": 9, "s2": 2}))
    assert query.find_story(store, "charity single").id == "s2"
    assert query.find_story(store, "Charity single — Haiti, Simon Cowell").id == "s2"
    assert query.find_story(store, "Haiti charity").id == "s1"     # not a name: most articles


def test_coverage_counts_each_storys_articles_by_day(reader):
    summaries = query.stories(reader)
    counted = query.coverage(reader, summaries)
    assert set(counted) == {s["id"] for s in summaries}
    for s in summaries:
        c = counted[s["id"]]
        assert sum(c["days"].values()) + c["undated"] == s["articles"]
        assert list(c["days"]) == sorted(c["days"])
        if c["days"]:
            assert s["first_date"] <= min(c["days"]) and max(c["days"]) <= s["last_date"]


def test_an_entitys_roles_over_time_span_the_articles_giving_them(reader):
    ruiz = query.entity(reader, query.entities(reader, name="Ana Ruiz")[0]["id"])
    spans = {s["role"]: s for s in ruiz["roles_over_time"]}
    assert "County Judge" in spans
    judge = spans["County Judge"]
    dates = [reader.articles.get(a).published.date for a in judge["article_ids"]]
    assert (judge["first"], judge["last"]) == (min(filter(None, dates)), max(filter(None, dates)))
    assert sorted(a for s in spans.values() for a in s["article_ids"]) == \
        sorted({r["article_id"] for r in ruiz["roles"]})


def test_search_snippets_take_the_callers_marks(reader):
    plain = query.search(reader, "water", limit=3)
    marked = query.search(reader, "water", limit=3, marks=("\x02", "\x03"))
    assert [h["id"] for h in plain["hits"]] == [h["id"] for h in marked["hits"]]
    for a, b in zip(plain["hits"], marked["hits"]):
        assert "\x02" in b["snippet"] and b["snippet"].replace("\x02", "[").replace("\x03", "]") == a["snippet"]


def test_a_story_reads_its_articles_once_and_gives_the_same_records(reader):
    detail = query.story(reader, "spill")
    sid = detail["story"]["id"]
    assert detail["quotes"] == query.speakers(reader, story=sid)
    assert query.story(reader, sid, speakers=2)["quotes"] == query.speakers(reader, story=sid, limit=2)
    short = query.story(reader, sid, quotes_each=1, people=3)
    assert [g["count"] for g in short["quotes"]] == [g["count"] for g in detail["quotes"]]
    assert [g["quotes"] for g in short["quotes"]] == [g["quotes"][:1] for g in detail["quotes"]]
    assert short["entities"] == detail["entities"][:3]
    assert {k: detail[k] for k in ("story", "timeline")} == query.timeline(reader, sid)
    full = {a.id: a for a in reader.articles.all(story_id=sid)}
    listed = {a["id"]: a for items in detail["articles"].values() for a in items}
    assert {i: (a["title"], a["published"]) for i, a in listed.items()} == \
        {i: (a.title, a.published.date) for i, a in full.items()}


def test_an_outlet_is_named_by_its_display_name_or_its_key(reader):
    # KRVT's HTML pages carry the display name, its text files the folder's key.
    assert query.outlet_names(reader, "krvt-news8") == ["KRVT News 8", "krvt-news8"]
    assert query.outlet_names(reader, "KRVT news 8") == ["KRVT News 8", "krvt-news8"]
    assert query.outlet_names(reader, "cascade-courier") == ["The Cascade Courier"]
    assert query.outlet_names(reader, "Nobody Daily") == ["Nobody Daily"]
    both = query.articles(reader, source="KRVT-News-8")
    assert {a["source"] for a in both} == {"KRVT News 8", "krvt-news8"}
    assert query.articles(reader, source="krvt-news8") == both
    assert {h["source"] for h in query.search(reader, "Ironclads", outlet="krvt news 8",
                                              limit=50)["hits"]} == {"KRVT News 8", "krvt-news8"}
    assert query.stories(reader, outlet="cascade courier") == \
        query.stories(reader, outlet="The Cascade Courier") != []
    assert query.articles(reader, source="Nobody Daily") == []


def test_the_comparison_gives_differences_series_and_whom_each_outlet_quotes(reader, example_db,
                                                                             capsys):
    found = query.comparison(reader, "spill")
    assert {"story", "outlets", "differences", "series", "exclusive", "sources"} <= set(found)
    # The example corpus's planted difference in the amount spilled (bench/data labels ex-001).
    gallons = [d for d in found["differences"] if d["kind"] == "number" and d["unit"] == "litre"]
    assert gallons, found["differences"]
    values = {a["value"] for d in gallons for a in d["accounts"]}
    assert {"about 12,000 gallons", "nearly 15,000 gallons"} <= values
    for d in found["differences"]:
        assert 0 < d["confidence"] < 1
        assert all(a["sentence"] and a["article_id"] and a["outlet"] for a in d["accounts"])
    # Whom each outlet quotes: most quoted first, unknown speakers left out.
    wire = found["sources"]["Associated Wire"]
    assert wire and wire == sorted(wire, key=lambda s: -s["quotes"])
    assert all(s["speaker"] != "(speaker unknown)" for s in wire)
    # The story record carries the same comparison, and the CLI prints it.
    assert query.story(reader, "spill")["comparison"]["differences"] == found["differences"]
    assert main(["compare", "spill", "--db", example_db]) == 0
    out = capsys.readouterr().out
    assert "Where the outlets differ" in out and "nearly 15,000 gallons" in out


def test_an_outlet_is_no_source_of_its_own_but_a_name_inside_its_key_is():
    from storyline.query.compare import _names_of
    assert "reuters" in _names_of("LibyaWar_reuters")
    assert "cascadecourier" in _names_of("The Cascade Courier")
    assert "bp" not in _names_of("bpoil_washingtonpost")
