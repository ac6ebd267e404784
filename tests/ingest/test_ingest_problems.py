"""Bad input: each bad file is skipped or partly read with one clear line on stderr naming
the file, the place and why; it is counted in the build summary and stored with the
build; the rest of the build goes on; the exit status says something failed."""

from __future__ import annotations

import gzip
import io
import json
import re
import time
from pathlib import Path

import pytest
import zstandard

import storyline
from storyline.cli import main
from storyline.errors import Code, Problem
from storyline.ingest import read_paths
from storyline.model import RawDocument
from storyline.store import Store

DEPARTMENTS = ["parks", "police", "fire", "library", "water", "roads", "transit", "schools",
               "housing", "health", "sewer", "airport", "harbor", "museum", "zoo", "courts",
               "elections", "planning", "permits", "animal control"]
RECORDS = [
    {"title": f"{town} council approves {item} budget",
     "text": f"The {town} City Council voted {votes} on Tuesday to approve the {item} budget for "
             f"the coming year, after a two-hour hearing in which residents asked for more money "
             f"for road repairs and the public library."}
    for town in ["Riverton", "Salem", "Millbrook", "Alder Falls", "East Riverton", "Bend",
                 "Medford", "Eugene", "Corvallis", "Albany", "Newport", "Astoria", "Hood River",
                 "Pendleton", "Ashland"]
    for votes, item in zip(["5-2", "7-0", "4-3", "6-1"] * 5, DEPARTMENTS)
]   # 300 records, about 70 KB


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


def problems_of(path: Path) -> list[Problem]:
    return [item for _, item in read_paths([str(path)]) if isinstance(item, Problem)]


def articles_of(path: Path) -> list:
    return [item for _, item in read_paths([str(path)]) if not isinstance(item, Problem)]


# -- one reader at a time ----------------------------------------------------------------------


def test_binary_file(write):
    path = write("scan.txt", b"%PDF-1.4\x00\x00\x01\x02 Riverton\x00council" * 50)
    [p] = problems_of(path)
    assert (p.code, p.path, p.skipped) == (Code.E001, str(path), True)
    assert not articles_of(path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \n"], ids=["empty", "whitespace"])
def test_empty_file(write, content):
    path = write("empty.txt", content)
    [p] = problems_of(path)
    assert (p.code, p.skipped) == (Code.E002, True)


def undecodable(texts) -> bytes:
    good = texts.bridge.replace('"', "“", 1).replace('"', "”", 1).replace(" and ", " — and ")
    data = good.encode("utf-8")
    cut = data.index(b"Commuters")
    return data[:cut] + b"\xff\xfe" + data[cut:]


def test_undecodable_bytes_partly_read(write, texts):
    path = write("damaged.txt", undecodable(texts))
    items = [item for _, item in read_paths([str(path)])]
    [p] = [i for i in items if isinstance(i, Problem)]
    [doc] = [i for i in items if not isinstance(i, Problem)]
    assert (p.code, p.skipped) == (Code.E003, False)
    assert "2 undecodable bytes" in p.detail and "byte" in p.detail
    assert "“It feels like getting an hour of my week back,”" in doc.content   # still UTF-8
    assert "\ufffd\ufffdCommuters" in doc.content


def test_file_too_large_is_skipped_fast(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(200 << 20)   # sparse: 200 MB on paper, nothing on disk
    started = time.perf_counter()
    [p] = problems_of(path)
    assert time.perf_counter() - started < 5
    assert (p.code, p.skipped) == (Code.E004, True)
    assert "50 MB" in p.detail


def test_truncated_gzip_stream_keeps_earlier_records(write):
    data = gzip.compress(jsonl(RECORDS))
    path = write("wire.jsonl.gz", data[: len(data) // 2])
    items = [item for _, item in read_paths([str(path)])]
    docs = [i for i in items if not isinstance(i, Problem)]
    [p] = [i for i in items if isinstance(i, Problem)]
    assert (p.code, p.skipped) == (Code.E005, False)
    assert 0 < len(docs) < len(RECORDS)
    assert p.place == f"line={len(docs) + 1}"          # where reading stopped
    # the records read are whole and in order; no half line became an article
    assert [d.title for d in docs] == [r["title"] for r in RECORDS[: len(docs)]]
    assert [d.origin.locator for d in docs] == [f"line={i}" for i in range(1, len(docs) + 1)]


def test_truncated_zstd_stream_is_reported(write):
    data = zstandard.ZstdCompressor().compress(jsonl(RECORDS))
    path = write("wire.jsonl.zst", data[: len(data) * 2 // 3])
    items = [item for _, item in read_paths([str(path)])]
    [p] = [i for i in items if isinstance(i, Problem)]
    assert (p.code, p.skipped) == (Code.E005, False)


def test_truncated_gzip_text_is_skipped(write, texts):
    data = gzip.compress(texts.settlement.encode())
    path = write("settlement.txt.gz", data[: len(data) // 2])
    [p] = problems_of(path)
    assert (p.code, p.skipped) == (Code.E005, True)
    assert not articles_of(path)


def test_malformed_json_lines(write):
    lines = [json.dumps(RECORDS[0]), '{"title": "Council approves zoo budget", "text": "The council',
             json.dumps(RECORDS[1]), "not json at all", json.dumps(RECORDS[2])]
    path = write("dump.jsonl", "\n".join(lines) + "\n")
    items = [item for _, item in read_paths([str(path)])]
    bad = [i for i in items if isinstance(i, Problem)]
    assert [(p.code, p.place, p.skipped) for p in bad] == [(Code.E006, "line=2", False),
                                                          (Code.E006, "line=4", False)]
    docs = [i for i in items if not isinstance(i, Problem)]
    assert [d.origin.locator for d in docs] == ["line=1", "line=3", "line=5"]


def test_malformed_json_file(write):
    path = write("dump.json", '[{"title": "Council approves budget", "text": "The council voted"')
    [p] = problems_of(path)
    assert (p.code, p.skipped) == (Code.E006, True)


def three_page_warc(make_warc, path: Path, texts, gzip: bool = False) -> bytes:
    pages = [texts.page.replace("6-1", score).encode() for score in ("6-1", "5-2", "4-3")]
    make_warc(path, [(f"https://riverledger.example/news/{i}", "text/html", page)
                     for i, page in enumerate(pages)], request=False, gzip=gzip)
    return path.read_bytes()


def read_all(path: Path) -> tuple[list[RawDocument], list[Problem]]:
    items = [item for _, item in read_paths([str(path)])]
    return ([i for i in items if not isinstance(i, Problem)],
            [i for i in items if isinstance(i, Problem)])


def test_broken_warc_record_header(tmp_path, make_warc, texts):
    data = three_page_warc(make_warc, tmp_path / "good.warc", texts)
    third = data.index(b"WARC/1.", data.index(b"WARC/1.", data.index(b"WARC/1.") + 1) + 1)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:third] + b"XXXX" + data[third + 4:])   # a damaged record header
    docs, [p] = read_all(broken)
    assert (p.code, p.place, p.skipped) == (Code.E007, "record=3", False)
    assert "reading stopped here" in p.detail
    assert [d.origin.locator for d in docs] == ["record=1", "record=2"]
    assert [d.origin.url for d in docs] == ["https://riverledger.example/news/0",
                                            "https://riverledger.example/news/1"]


def test_warc_with_junk_after_the_last_record(tmp_path, make_warc, texts):
    data = three_page_warc(make_warc, tmp_path / "good.warc", texts)
    appended = tmp_path / "appended.warc"
    appended.write_bytes(data + b"<html><body>503 Service Unavailable</body></html>\r\n")
    docs, [p] = read_all(appended)
    assert (p.code, p.place) == (Code.E007, "record=4")
    assert len(docs) == 3


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [300, 1000])
def test_truncated_warc(tmp_path, make_warc, texts, gz, cut):
    name = "crawl.warc.gz" if gz else "crawl.warc"
    data = three_page_warc(make_warc, tmp_path / "good" / name, texts, gzip=gz)
    truncated = tmp_path / name
    truncated.write_bytes(data[:-cut])     # a download that stopped early
    docs, [p] = read_all(truncated)
    assert (p.code, p.place, p.skipped) == (Code.E007, "record=3", False)
    # the whole records before it are kept; no half page becomes an article
    assert [d.origin.locator for d in docs] == ["record=1", "record=2"]
    assert all(d.content == texts.page.replace("6-1", s) for d, s in zip(docs, ("6-1", "5-2")))


@pytest.mark.parametrize("padding", [b"\r\n\r\n", b"\n", gzip.compress(b""),
                                     gzip.compress(b"\r\n") + b"\n"],
                         ids=["crlf", "newline", "empty-member", "blank-member"])
def test_padding_after_the_last_record_is_not_a_problem(tmp_path, make_warc, texts, padding):
    data = three_page_warc(make_warc, tmp_path / "good" / "crawl.warc.gz", texts, gzip=True)
    padded = tmp_path / "crawl.warc.gz"
    padded.write_bytes(data + padding)
    docs, problems = read_all(padded)
    assert not problems and len(docs) == 3


def test_html_page_without_an_article(tmp_path, write, texts):
    write("pages/sections.html", texts.nav)
    write("pages/empty-body.html", "<!doctype html><html><head><title>Riverton Ledger</title>"
                                   "</head><body></body></html>")
    write("pages/council.html", texts.page)
    with storyline.Store(str(tmp_path / "nav.db")) as store:
        summary = storyline.build([str(tmp_path / "pages")], store, stderr=None)
        assert summary.articles_added == 1
        assert summary.problem_codes == {"E008": 2}
        assert summary.inputs_skipped == 2
        assert sorted((Path(p["path"]).name, p["code"], p["skipped"]) for p in store.builds.problems()) == [
            ("empty-body.html", "E008", 1), ("sections.html", "E008", 1)]
        [article] = store.articles.all()
    assert article.title == "Riverton council approves water plant upgrade"


def test_warc_response_without_an_article_names_its_record(tmp_path, make_warc, texts):
    path = make_warc(tmp_path / "crawl.warc", [
        ("https://riverledger.example/news/council", "text/html", texts.page.encode()),
        ("https://riverledger.example/sections", "text/html", texts.nav.encode()),
    ])
    with storyline.Store(str(tmp_path / "w.db")) as store:
        summary = storyline.build([str(path)], store, stderr=None)
        assert summary.articles_added == 1
        [p] = store.builds.problems()
    assert (p["code"], p["place"]) == ("E008", "record=4")


# -- a whole folder of bad input, through build() and the CLI -------------------------------------


@pytest.fixture
def bad_folder(tmp_path, write, texts, make_warc) -> Path:
    write("inbox/good/bridge.txt", texts.bridge)
    write("inbox/good/library.txt", texts.library)
    write("inbox/binary.txt", b"\x00\x01\x02\x03PK\x03\x04" * 100)
    write("inbox/empty.txt", b"")
    write("inbox/damaged.txt", undecodable(texts))
    with open(tmp_path / "inbox" / "huge.txt", "wb") as f:
        f.truncate(200 << 20)
    data = gzip.compress(jsonl(RECORDS))
    write("inbox/wire.jsonl.gz", data[: len(data) // 2])
    data = gzip.compress(texts.settlement.encode())
    write("inbox/settlement.txt.gz", data[: len(data) // 2])
    write("inbox/dump.jsonl", "\n".join([json.dumps(RECORDS[0]), "{oops", json.dumps(RECORDS[1])]))
    warc = make_warc(tmp_path / "inbox" / "crawl.warc", [
        ("https://riverledger.example/news/council", "text/html", texts.page.encode()),
        ("https://riverledger.example/news/council-2", "text/html", texts.page.encode()[:-20]),
    ])
    warc.write_bytes(warc.read_bytes()[:-500])                # the crawl was cut short
    write("inbox/sections.html", texts.nav)
    return tmp_path / "inbox"


EXPECTED = {  # file -> (code, place, skipped)
    "binary.txt": ("E001", None, True),
    "empty.txt": ("E002", None, True),
    "damaged.txt": ("E003", None, False),
    "huge.txt": ("E004", None, True),
    "wire.jsonl.gz": ("E005", "line=*", False),       # * : wherever the cut falls
    "settlement.txt.gz": ("E005", None, True),
    "dump.jsonl": ("E006", "line=2", False),
    "crawl.warc": ("E007", "record=4", False),
    "sections.html": ("E008", None, True),
}


def test_bad_folder_through_build(bad_folder, tmp_path):
    err = io.StringIO()
    with storyline.Store(str(tmp_path / "bad.db")) as store:
        summary = storyline.build([str(bad_folder)], store, stderr=err)
        stored = {Path(a.origin.path).name for a in store.articles.all()}
        rows = store.builds.problems()
    assert not summary.ok
    assert summary.problems == len(EXPECTED) == len(rows)
    assert summary.inputs_skipped == sum(1 for *_, s in EXPECTED.values() if s)
    assert summary.inputs_partly_read == sum(1 for *_, s in EXPECTED.values() if not s)
    assert summary.problem_codes == {"E001": 1, "E002": 1, "E003": 1, "E004": 1, "E005": 2,
                                     "E006": 1, "E007": 1, "E008": 1}
    found = {Path(r["path"]).name: (r["code"], r["place"], bool(r["skipped"])) for r in rows}
    assert re.fullmatch(r"line=\d+", found["wire.jsonl.gz"][1])
    found["wire.jsonl.gz"] = ("E005", "line=*", False)
    assert found == EXPECTED
    # the rest of the build went on: good files, and the good parts of bad ones
    assert {"bridge.txt", "library.txt", "damaged.txt", "wire.jsonl.gz", "dump.jsonl",
            "crawl.warc"} <= stored
    assert not stored & {"binary.txt", "empty.txt", "huge.txt", "settlement.txt.gz",
                         "sections.html"}
    lines = err.getvalue().splitlines()
    assert len(lines) == len(EXPECTED)
    for name, (code, place, skipped) in EXPECTED.items():
        [line] = [ln for ln in lines if f"{bad_folder / name}" in ln]
        assert line.startswith("storyline: ")
        assert f" {code} " in line
        assert line.endswith("(skipped)" if skipped else "(partly read)")
        if place:
            assert re.search(re.escape(f"{bad_folder / name}:{place}: ").replace(r"\*", r"\d+"), line)


def test_bad_folder_through_the_cli(bad_folder, tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["build", str(bad_folder), "--db", db]) == 1
    out, err = capsys.readouterr()
    assert out == ""                                     # data only on stdout; none here
    problem_lines = [ln for ln in err.splitlines() if str(bad_folder) in ln]
    assert len(problem_lines) == len(EXPECTED)
    for name, (code, _, _) in EXPECTED.items():
        assert any(str(bad_folder / name) in ln and code in ln for ln in problem_lines), name
    assert "problems: 9 (5 skipped, 4 partly read: E001 x1, E002 x1, E003 x1, E004 x1, E005 x2, " \
           "E006 x1, E007 x1, E008 x1)" in err
    assert main(["articles", "--db", db, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"Millbrook Street bridge reopens after four months of repairs",
            "Salem council sends library bond to November ballot"} <= {a["title"] for a in listed}


def test_problems_are_reported_again_until_fixed(bad_folder, tmp_path, texts, capsys):
    db = str(tmp_path / "again.db")
    assert main(["build", str(bad_folder), "--db", db, "-q"]) == 1
    capsys.readouterr()
    # a second build reads the good files as unchanged and reports every problem again
    assert main(["build", str(bad_folder), "--db", db, "--json", "-q"]) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["problems"] == len(EXPECTED)
    assert summary["articles_added"] == 0
    assert summary["files_unchanged"] == 2                # the two good files
    # fix every bad file: the build is clean again
    for name in EXPECTED:
        (bad_folder / name).unlink()
    assert main(["build", str(bad_folder), "--db", db, "-q"]) == 0


# -- one bad record never stops the rest (issue "Nothing lost") ----------------------------


def test_bytes_no_encoding_fits_in_a_json_lines_file(write, tmp_path, capsys):
    write("bad.jsonl", b"\xaf{i!`8\\")
    write("good.jsonl", jsonl(RECORDS[:3]))
    db = str(tmp_path / "x.db")
    assert main(["build", str(tmp_path), "--db", db, "--no-language"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"bad\.jsonl:line=1: E006 malformed JSON: no text encoding fits", err)
    with storyline.Store(db, readonly=True) as store:
        assert store.articles.count() == 3


def test_a_lone_surrogate_is_replaced_and_noted_not_fatal(write, tmp_path):
    write("dump.jsonl", '{"title": "Council x\\ud807y vote", "text": "The council voted 5-2 on '
                        'Tuesday to approve the parks budget after a long hearing."}\n'
          + json.dumps(RECORDS[0]) + "\n")
    db = str(tmp_path / "x.db")
    assert main(["build", str(tmp_path), "--db", db, "--no-language"]) == 0
    with storyline.Store(db, readonly=True) as store:
        [odd] = [a for a in store.articles.all() if a.title.startswith("Council x")]
    assert odd.title == "Council x\ufffdy vote"
    assert any("lone surrogates" in note for note in odd.notes)


def test_a_reader_that_fails_ends_its_file_with_a_problem(write, tmp_path, monkeypatch, capsys):
    from storyline.ingest import dataset

    original = dataset.record_to_document

    def fragile(record, origin, *args):
        if "Salem" in str(record.get("title")):
            raise RuntimeError("reader bug")
        return original(record, origin, *args)

    monkeypatch.setattr(dataset, "record_to_document", fragile)
    write("a.jsonl", jsonl(RECORDS[15:25]))     # 5 Riverton records, then Salem at line 6
    write("b.jsonl", jsonl(RECORDS[40:42]))
    db = str(tmp_path / "x.db")
    assert main(["build", str(tmp_path), "--db", db, "--no-language"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"a\.jsonl:after line=5: E009 unreadable file: reader failed: "
                     r"RuntimeError: reader bug \(partly read\)", err)
    with storyline.Store(db, readonly=True) as store:
        assert store.articles.count() == 5 + 2


def test_an_article_the_store_cannot_hold_is_reported_and_its_file_read_again(
        write, tmp_path, monkeypatch, capsys):
    from storyline import _build

    original = _build.process_many

    def unstorable(raws, model=None, **kwargs):
        articles = original(raws, model, **kwargs)
        for article in articles:
            if "Salem" in (article.title or ""):
                article.title += "\udc80"      # what no reader makes today, if one ever did
        return articles

    monkeypatch.setattr(_build, "process_many", unstorable)
    write("a.jsonl", jsonl(RECORDS[18:22]))
    db = str(tmp_path / "x.db")
    assert main(["build", str(tmp_path), "--db", db, "--no-language"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"a\.jsonl:line=3: E014 article failed to process: could not be stored: "
                     r"UnicodeEncodeError", err)
    with storyline.Store(db, readonly=True) as store:
        assert store.articles.count() == 2 and not store.files.unchanged(str(tmp_path / "a.jsonl"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_over_long_line_in_a_compressed_dump_is_skipped_and_the_rest_read(write, tmp_path, fmt):
    """The line is read past in chunks, never held whole (a 1 GiB line: 2.2 GB peak before,
    0.12 GB now), and the records after it are read."""
    from storyline.ingest import ReadOptions

    first, last = RECORDS[0], RECORDS[1]
    if fmt == "jsonl":
        data = jsonl([first]) + b'{"title": "huge", "text": "' + b"a" * 50_000 + b'"}\n' + jsonl([last])
    else:
        data = ("title,text\n" + "".join(f'{r["title"]},"{r["text"]}"\n' for r in [first])).encode() \
            + b"huge," + b"a" * 50_000 + b"\n" + f'{last["title"]},"{last["text"]}"\n'.encode()
    write(f"dump.{fmt}.gz", gzip.compress(data))
    items = [item for _, item in read_paths([str(tmp_path)], ReadOptions(max_record_bytes=10_000))]
    problems = [i for i in items if isinstance(i, Problem)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.title for d in docs] == [first["title"], last["title"]]
    assert len(problems) == 1 and problems[0].code == Code.E013 and not problems[0].skipped
    assert problems[0].place == ("line=2" if fmt == "jsonl" else "line=3")


# -- a per-article time budget, reported with its origin (issue "Nothing lost") --------------


def test_an_article_over_its_time_budget_is_kept_with_a_warning_naming_it_and_the_stage(
        write, tmp_path, capsys):
    path = write("slow.jsonl", "\n".join(json.dumps(
        {"title": f"Council vote {n}", "text": "The council voted on Tuesday to close the "
         "Millbrook Street bridge for repairs, the mayor said."}) for n in range(2)))
    db = str(tmp_path / "budget.db")
    # a budget no article meets: every article is over it, stored, and named
    assert main(["build", str(path), "--db", db, "--article-budget", "0", "--json",
                 "--no-language"]) == 0                     # a warning is not a failure to read
    out, err = capsys.readouterr()
    summary = json.loads(out)
    assert summary["warnings"] == 2 and summary["problems"] == 0 and summary["articles_added"] == 2
    warnings = [ln for ln in err.splitlines() if ": W001 " in ln]
    assert len(warnings) == 2
    for n, line in enumerate(warnings, 1):
        assert line.startswith(f"storyline: {path}:line={n}: W001 article over its time budget: ")
        # the stages that took the time, the costliest first (all 0.0 s here: any of them)
        stage = r"(read|extract|clean|date|timex|language|annotate|entities|quotes)"
        assert re.search(r": \d+\.\d s CPU \(" + stage + r" \d+\.\d s[,;]", line)
        assert line.endswith(" characters of text), over the 0 s budget (read)")
    assert "warnings: 2 (W001 x2)" in err and "problems: none" in err
    with Store(db, readonly=True) as store:
        assert [p["code"] for p in store.builds.problems()] == ["W001", "W001"]
    # the default budget: no warning for ordinary articles
    assert main(["build", str(path), "--db", str(tmp_path / "default.db"), "--json", "-q",
                 "--no-language"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == 0


@pytest.mark.parametrize("fmt", ["jsonl", "rss", "warc"])
def test_a_malformed_url_is_no_source_not_a_crash(write, tmp_path, make_warc, texts, fmt):
    """"http://[::1" made urlsplit raise ValueError ("Invalid IPv6 URL") while guessing the
    outlet from the URL: the reader stopped at that record (fuzz, issue "Nothing lost")."""
    url = "http://[::1"
    if fmt == "jsonl":
        path = write("dump.jsonl", jsonl([{**RECORDS[0], "url": url}]))
    elif fmt == "rss":
        path = write("feed.rss", f"<rss><channel><item><title>{RECORDS[0]['title']}</title>"
                                 f"<link>{url}</link><description>{RECORDS[0]['text']}</description>"
                                 "</item></channel></rss>")
    else:
        path = make_warc(tmp_path / "crawl.warc", [(url, "text/html", texts.bridge.encode())],
                         request=False)
    [doc] = [item for _, item in read_paths([str(path)])]
    assert isinstance(doc, RawDocument) and doc.source is None


@pytest.mark.parametrize("ref", ["&#xD800;", "&#56320;", "&#x110000;", "&#" + "9" * 5000 + ";"])
def test_a_character_reference_to_no_character_in_a_feed(write, ref):
    """A reference to a surrogate or past U+10FFFF made feedparser's fallback parser raise
    (UnicodeEncodeError, ValueError) and the whole feed was lost (fuzz, issue "Nothing lost");
    it reads as U+FFFD, as in HTML, and the entry is kept."""
    path = write("feed.rss", f"<rss><channel><item><title>Council {ref} vote</title>"
                             f"<description>{RECORDS[0]['text']} &#x2014; &#233;</description>"
                             "</item></channel></rss>")
    [doc] = [item for _, item in read_paths([str(path)])]
    assert doc.title == "Council \ufffd vote" and doc.content.endswith("— é")


@pytest.mark.parametrize("charset", ["unicode_escape", "utf-7", "punycode"])
def test_a_declared_charset_that_is_no_web_charset(tmp_path, make_warc, texts, charset):
    """A WARC response declaring charset=unicode_escape decoded "\\ud800" in its page into a
    lone surrogate (an article the store cannot hold), UTF-7 spelled one as "+2AA-", and
    punycode raised UnicodeError, losing the record as E007 (fuzz, issue "Nothing lost").
    Such a label is not believed: the page is read as the bytes say."""
    page = f"<html><body><p>{texts.bridge}</p><p>\\ud800 +2AA- abc-9999999</p></body></html>"
    path = make_warc(tmp_path / "crawl.warc",
                     [("https://example.com/a", f"text/html; charset={charset}", page.encode())])
    [doc] = [item for _, item in read_paths([str(path)])]
    assert isinstance(doc, RawDocument) and doc.content == page


def test_a_feed_in_an_encoding_feedparser_cannot_read_is_one_problem(write):
    """feedparser believes the XML declaration: "unicode_escape" decoded "\\ud800" into a lone
    surrogate it then failed to re-encode (UnicodeEncodeError), and read_feed raised (fuzz,
    issue "Nothing lost"). It is one E011 line naming the file."""
    path = write("feed.rss", "<?xml version='1.0' encoding='unicode_escape'?><rss><channel><item>"
                             "<title>Council \\ud800 vote</title></item></channel></rss>")
    [problem] = [item for _, item in read_paths([str(path)])]
    assert (problem.code, problem.path) == (Code.E011, str(path))
