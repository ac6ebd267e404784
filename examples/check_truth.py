"""Check examples/corpus.truth.json against examples/corpus (stdlib only).

    python examples/check_truth.py

Checks that the JSON Lines and RSS files parse, that every corpus file is described,
and that every removed line, quote snippet, hard body paragraph and entity alias in the
truth file occurs verbatim in the article it names.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
TRUTH = HERE / "corpus.truth.json"
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"
PATH_DATE = re.compile(r"(?<!\d)(19\d\d|20\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def _p_texts(fragment: str) -> list[str]:
    """Text of every <p> element in an HTML fragment, tags stripped, entities decoded."""
    out = []
    for inner in re.findall(r"<p\b[^>]*>(.*?)</p>", fragment, flags=re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", inner))
        out.append(re.sub(r"\s+", " ", text).strip())
    return out


def article_lines(file: str, locator: str | None) -> tuple[list[str], dict]:
    """The lines (paragraphs) of one article's text, and facts about its container."""
    path = CORPUS / file
    raw = path.read_text(encoding="utf-8")
    if file.endswith(".txt"):
        return [l.strip() for l in raw.splitlines() if l.strip()], {}
    if file.endswith(".jsonl"):
        n = int(locator.split("=")[1])
        rec = json.loads(raw.splitlines()[n - 1])
        return [l.strip() for l in rec["text"].split("\n") if l.strip()], rec
    if file.endswith(".rss"):
        n = int(locator.split("=")[1])
        item = ET.fromstring(raw).findall("./channel/item")[n - 1]
        return _p_texts(item.find(CONTENT_NS).text), {"title": item.findtext("title")}
    if file.endswith(".html"):
        article = re.search(r"<article\b.*?</article>", raw, flags=re.S).group(0)
        h1 = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1\b[^>]*>(.*?)</h1>", article, re.S).group(1)))
        return _p_texts(article), {"title": h1, "raw": raw, "article": article}
    raise ValueError(file)


def main() -> int:
    errors: list[str] = []
    err = errors.append

    # 1. containers parse
    for i, line in enumerate((CORPUS / "wire/associated-wire.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        for key in ("title", "text", "date", "url", "source"):
            if key not in rec:
                err(f"jsonl line {i}: missing {key}")
    root = ET.parse(CORPUS / "feeds/capitol-dispatch.rss").getroot()
    for i, item in enumerate(root.findall("./channel/item"), 1):
        for tag in ("title", "link", "pubDate", "description", CONTENT_NS):
            if item.find(tag) is None:
                err(f"rss entry {i}: missing {tag}")

    truth = json.loads(TRUTH.read_text(encoding="utf-8"))
    arts = {a["id"]: a for a in truth["articles"]}

    # 2. every corpus file (and every record in multi-article files) is described
    described = {(a["file"], a["locator"]) for a in truth["articles"]}
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        rel = path.relative_to(CORPUS).as_posix()
        if rel.endswith(".jsonl"):
            n = len(path.read_text(encoding="utf-8").splitlines())
            want = {(rel, f"line={i}") for i in range(1, n + 1)}
        elif rel.endswith(".rss"):
            n = len(ET.parse(path).getroot().findall("./channel/item"))
            want = {(rel, f"entry={i}") for i in range(1, n + 1)}
        else:
            want = {(rel, None)}
        for w in want - described:
            err(f"not in truth file: {w}")
    for f, loc in described:
        if not (CORPUS / f).is_file():
            err(f"truth names a missing file: {f}")

    # 3. per-article checks
    text_of = {}
    for a in truth["articles"]:
        lines, meta = article_lines(a["file"], a["locator"])
        text_of[a["id"]] = "\n".join(lines)
        for r in a["removed"]:
            t = r["text"]
            ok = any(l.startswith(t) for l in lines) if r["kind"] == "dateline" else t in lines
            if not ok:
                err(f"{a['id']} {a['file']}: removed {r['kind']!r} not found as a line: {t!r}")
        if a["file"].endswith(".txt"):
            if a["title"] is not None and lines[0] != a["title"]:
                err(f"{a['id']}: first line is not the title")
            has_date = bool(PATH_DATE.search(a["file"]))
            if has_date != a["dated_in_metadata"]:
                err(f"{a['id']}: file-name date {has_date} vs dated_in_metadata {a['dated_in_metadata']}")
            if has_date and PATH_DATE.search(a["file"]).group(0) != a["true_date"]:
                err(f"{a['id']}: file-name date differs from true_date")
        elif a["file"].endswith(".jsonl"):
            if meta["title"] != a["title"] or not meta["date"].startswith(a["true_date"]):
                err(f"{a['id']}: jsonl title/date mismatch")
        else:
            if meta["title"] != a["title"]:
                err(f"{a['id']}: title mismatch {meta['title']!r}")
        if a["file"].endswith(".html"):
            has_meta = "article:published_time" in meta["raw"]
            if has_meta != a["dated_in_metadata"]:
                err(f"{a['id']}: published_time meta {has_meta} vs dated_in_metadata {a['dated_in_metadata']}")
            for r in a.get("page_noise") or []:
                caps = [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", c))).strip()
                        for c in re.findall(r"<figcaption>(.*?)</figcaption>", meta["article"], re.S)]
                if r["text"] not in caps:
                    err(f"{a['id']}: page_noise caption not found: {r['text']!r}")

    # 4. snippets
    for q in truth["quote_forms"]:
        if q["snippet"] not in text_of[q["article"]]:
            err(f"quote snippet not in {q['article']}: {q['snippet']!r}")
    for h in truth["hard_body_paragraphs"]:
        if h["text"] not in text_of[h["article"]].split("\n"):
            err(f"hard body paragraph not in {h['article']}: {h['text']!r}")
    main_text = "\n".join(text_of[i] for i, a in arts.items() if a["story"] == "main")
    for e in truth["entities"]:
        for alias in e["aliases"]:
            if alias not in main_text:
                err(f"entity alias not found in main story: {alias!r}")
    for ev in truth["events"]:
        for i in ev["articles"]:
            if i not in arts:
                err(f"event names unknown article {i}")

    for e in errors:
        print("FAIL", e)
    n = len(truth["articles"])
    print(f"{n} articles, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
