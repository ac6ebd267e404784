"""The SQLite store: schema migrations, reading articles back, FTS5 search, template lines."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import storyline
from storyline.errors import StorylineError
from storyline.store import SCHEMA_VERSION, Store
from storyline.store.schema import MIGRATIONS, migrate


def user_version(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


# -- schema -------------------------------------------------------------------------------


def test_new_database_is_migrated_to_the_current_version(db_path):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    with Store(str(db_path)) as store:
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master")}
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert {"articles", "articles_fts", "files", "builds", "problems", "template_lines",
            "stories"} <= tables
    assert mode == "wal"
    assert user_version(db_path) == SCHEMA_VERSION


def schema_sql(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("SELECT sql FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()


def test_reopening_is_a_no_op(built, consistent):
    before = consistent(built)
    schema = schema_sql(built)
    with Store(str(built)) as store:
        assert migrate(store._conn) == SCHEMA_VERSION     # already there: nothing applied
        assert store.articles.count() == before == 4
    assert user_version(built) == SCHEMA_VERSION
    assert schema_sql(built) == schema


def test_a_newer_schema_is_refused(db_path):
    conn = sqlite3.connect(str(db_path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StorylineError, match="newer than this storyline"):
        Store(str(db_path))


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Interview notes, Riverton, Feb. 14: ask Ostrowski about the wells.\n" * 20)
    with pytest.raises(StorylineError, match="not a storyline database"):
        Store(str(notes))


def test_missing_database_is_not_created_when_asked(tmp_path):
    with pytest.raises(StorylineError, match="no database at"):
        Store(str(tmp_path / "nowhere.db"), create=False)
    assert not (tmp_path / "nowhere.db").exists()


# -- reading back ------------------------------------------------------------------------------


def test_articles_round_trip_and_order(built):
    with Store(str(built)) as store:
        articles = list(store.articles.all())
        titles = [a.title for a in articles]
        # dated first, oldest first; undated last
        assert [a.published.date for a in articles[:2]] == ["2024-03-05", "2024-06-27"]
        assert all(a.published.date is None for a in articles[2:])
        assert titles[0] == "Riverton council approves water plant upgrade"
        settlement = articles[1]
        again = store.articles.get(settlement.id)
        assert again == settlement
        assert store.articles.get(settlement.id[:8]) == settlement          # unique prefix
        assert store.articles.get(settlement.origin.path) == settlement     # its path
        assert store.articles.get("no-such-article") is None
        assert [a.title for a in store.articles.all(source="capitol-dispatch")] == [
            "Salem council sends library bond to November ballot"]


def test_ambiguous_prefix_is_an_error(built):
    with Store(str(built)) as store:
        with pytest.raises(StorylineError, match="more than one article"):
            store.articles.get("")


# -- search ----------------------------------------------------------------------------------------


def test_search_returns_snippets_best_first(built):
    with Store(str(built)) as store:
        hits = store.articles.search("girders")
        assert [h["title"] for h in hits] == [
            "Millbrook Street bridge reopens after four months of repairs"]
        [hit] = hits
        assert "[girders]" in hit["snippet"]
        assert set(hit) >= {"id", "title", "source", "published", "snippet", "score"}
        # porter stemming: "settle" finds "settlement"; a title match ranks first
        hits = store.articles.search("settle")
        assert hits[0]["title"] == "Calder agrees to pay $41.5 million to settle Riverton spill claims"
        assert store.articles.search('"water treatment plant"')[0]["published"] == "2024-03-05"
        assert store.articles.search("bond NOT library") == []
        assert len(store.articles.search("bond OR girders")) == 2
        assert store.articles.search("zeppelin") == []


def test_search_does_not_see_removed_lines(built):
    with Store(str(built)) as store:
        # the newsletter plug was removed from both articles that carried it
        assert store.articles.search("newsletters") == []
        assert store.articles.search("comments") == []


def test_bad_search_query_is_a_user_error(built):
    with Store(str(built)) as store:
        with pytest.raises(StorylineError, match="bad search query"):
            store.articles.search('"unbalanced')


# -- template lines -----------------------------------------------------------------------------------

PLUG = "The Riverton Ledger is an independent newsroom serving Alder County since 1889."
LEDES = [
    ("Riverton school board delays vote on later start times",
     "The Riverton School Board voted on Thursday to delay a decision on later start times for "
     "the district's two high schools until its April meeting."),
    ("Millbrook River cleanup crews reach the county line",
     "Cleanup crews working their way down the Millbrook River reached the Alder County line on "
     "Wednesday, two weeks ahead of the schedule the company gave regulators."),
    ("Alder County fair will go on despite spill, organizers say",
     "The Alder County Fair will open as planned on Aug. 8, organizers said on Monday, after "
     "state tests found the fairgrounds' well water safe to drink."),
    ("Riverton library extends hours for tax season",
     "The Riverton Public Library will stay open until 9 p.m. on weekdays through April 15 so "
     "volunteers can help residents file their tax returns for free."),
]


def article(title: str, lede: str, plug: bool) -> str:
    middle = f"\n\n{PLUG}" if plug else ""
    tail = (f"Officials said they would say more about the {title.split()[1].lower()} at the "
            f"next public meeting, which is open to residents.")
    return f"{title}\n\n{lede}{middle}\n\n{tail}\n"


def kinds_of_plug(store: Store) -> dict[str, str]:
    out = {}
    for a in store.articles.all():
        for b in a.blocks:
            if b.text == PLUG:
                out[a.title] = b.kind
    return out


def test_a_line_repeated_across_one_source_becomes_template(tmp_path, write):
    for i, (title, lede) in enumerate(LEDES):
        write(f"corpus/riverton-ledger/story-{i}.txt", article(title, lede, plug=i < 3))
    with Store(str(tmp_path / "t.db")) as store:
        summary = storyline.build([str(tmp_path / "corpus")], store, stderr=None)
        assert summary.template_updates == 3
        kinds = kinds_of_plug(store)
        assert kinds == {title: "template" for title, _ in LEDES[:3]}
        for a in store.articles.all():
            assert PLUG not in a.body
            assert "at the next public meeting" in a.body     # lines that do not repeat stay
            rules = {b.rule for b in a.blocks if b.kind == "template"}
            assert rules <= {"repeats-across-source"}
        assert store.articles.search('"independent newsroom"') == []    # FTS follows the update


def test_the_same_line_across_different_sources_stays_body(tmp_path, write):
    for i, (title, lede) in enumerate(LEDES):
        write(f"corpus/outlet-{i}/story.txt", article(title, lede, plug=True))
    with Store(str(tmp_path / "t.db")) as store:
        summary = storyline.build([str(tmp_path / "corpus")], store, stderr=None)
        assert summary.template_updates == 0
        assert set(kinds_of_plug(store).values()) == {"body"}
        assert len(store.articles.search('"independent newsroom"')) == 4


def test_template_marks_follow_the_corpus(tmp_path, write):
    for i, (title, lede) in enumerate(LEDES):
        write(f"corpus/riverton-ledger/story-{i}.txt", article(title, lede, plug=i < 3))
    db = str(tmp_path / "t.db")
    with Store(db) as store:
        storyline.build([str(tmp_path / "corpus")], store, stderr=None)
    # a fourth article with the plug arrives: it is template at once
    write("corpus/riverton-ledger/story-9.txt",
          article("Riverton council approves water plant upgrade",
                  "The Riverton City Council voted 6-1 on Monday night to spend $14 million "
                  "upgrading the city's water treatment plant.", plug=True))
    with Store(db) as store:
        summary = storyline.build([str(tmp_path / "corpus")], store, stderr=None)
        assert summary.articles_added == 1
        assert kinds_of_plug(store)["Riverton council approves water plant upgrade"] == "template"
    # many more articles of the source without the plug: 4 of 25 is no longer a template line
    for i in range(20):
        write(f"corpus/riverton-ledger/brief-{i}.txt",
              f"Police log, day {i + 1}\n\nRiverton police said on day {i + 1} of the month that "
              f"officers answered {i + 12} calls, most of them about parking on Alder Street.\n")
    with Store(db) as store:
        storyline.build([str(tmp_path / "corpus")], store, stderr=None)
        assert set(kinds_of_plug(store).values()) == {"body"}
        assert len(store.articles.search('"independent newsroom"')) == 4


def numbered_article(n: int):
    """A small stored-shape article numbered `n`."""
    from storyline.model import Article, Block, Origin

    return Article(id=f"a{n}", origin=Origin(path=f"a{n}.txt", format="txt"),
                   blocks=[Block(f"Article number {n} says something.")], content_hash=f"h{n}")


def test_a_reader_sees_the_last_commit_while_a_build_writes(tmp_path):
    """One read-only connection per reader: it never sees a transaction half done."""
    db = str(tmp_path / "r.db")

    with Store(db) as writer:
        with writer.transaction():
            writer.articles.put(numbered_article(0))
        with Store(db, readonly=True) as reader:
            with writer.transaction():
                writer.articles.put(numbered_article(1))
                writer.articles.put(numbered_article(2))
                assert reader.articles.count() == 1          # not the half-written batch
        with Store(db, readonly=True) as reader:
            assert [a.id for a in reader.articles.all()] == ["a0", "a1", "a2"]


def test_a_readers_block_reads_one_snapshot(tmp_path):
    """An export or a request reads many tables: all of them as of one commit."""
    db = str(tmp_path / "s.db")

    with Store(db) as writer:
        with writer.transaction():
            writer.articles.put(numbered_article(0))
        with Store(db, readonly=True) as reader:
            assert reader.articles.count() == 1
            with writer.transaction():
                writer.articles.put(numbered_article(1))
            assert reader.articles.count() == 1                  # still the same snapshot
            assert [a.id for a in reader.articles.all()] == ["a0"]
        with Store(db, readonly=True) as reader:
            assert reader.articles.count() == 2                  # a new block: the new commit


def test_a_problem_quoting_a_lone_surrogate_is_stored_as_text(tmp_path):
    from storyline.errors import Code, Problem

    with Store(str(tmp_path / "p.db")) as store:
        build_id = store.builds.start(["feed.xml"])
        store.builds.add_problem(build_id, Problem(Code.E011, "feed\udc80.xml", "item 3",
                                                   "'utf-8' codec can't encode '\ud807'"))
        [row] = store.builds.problems(build_id)
    assert row["path"] == "feed\ufffd.xml" and row["detail"] == "'utf-8' codec can't encode '\ufffd'"


def test_migration_5_has_articles_stored_before_it_read_again(built):
    """Articles stored before authors and title evidence existed are read again by the
    next build: same ids and stories, now with their authors."""
    conn = sqlite3.connect(str(built))
    with conn:
        conn.execute("UPDATE articles SET content_hash = 'stored-by-v4'")
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    with Store(str(built)) as store:
        assert user_version(built) == SCHEMA_VERSION
        hashes = {r[0] for r in store._conn.execute("SELECT content_hash FROM articles")}
        assert hashes == {""}
        assert store._conn.execute("SELECT count(*) FROM files").fetchone()[0] == 0
        ids = {a.id for a in store.articles.all()}
        paths = sorted({a.origin.path for a in store.articles.all()})
        summary = storyline.build(paths, store, stderr=None, model=None)
        assert summary.articles_updated == 4 and summary.articles_added == 0
        assert {a.id for a in store.articles.all()} == ids
        assert all(a.title_evidence for a in store.articles.all() if a.title)


def test_a_store_compared_by_strings_is_compared_again_by_the_next_build(built, corpus):
    """Migration 7: stores whose comparisons matched strings tell every story again."""
    with Store(str(built)) as store, store.transaction():
        stories = store.stories.all()
        for s in stories:            # the comparison an older storyline stored
            store.stories.put_timeline(s.id, s.timeline, {"outlets": {}, "date_disagreements": []})
    conn = sqlite3.connect(str(built))
    conn.execute("PRAGMA user_version = 6")
    conn.close()
    with Store(str(built)) as store:
        assert sorted(store.work.pending("story")) == sorted(s.id for s in stories)
        storyline.build([str(corpus)], store, stderr=None)
        assert not store.work.pending("story")
        assert all("differences" in s.comparison for s in store.stories.all())
