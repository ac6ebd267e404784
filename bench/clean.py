"""Cleaning benchmark: how much of trafilatura's noise storyline's cleaner removes.

    python bench/clean.py [--data DIR] [--workers 2] [--limit N] [--show N] [--no-comments]

On the 181 scrapinghub-article-extraction-benchmark pages (``--data``, default
``../shared/data``), trafilatura's default output ``trafilatura.extract(html)`` is cut into
lines (its non-empty lines). Each line gets one label:

Lines and gold are compared as normalised token strings: NFKC, lower case, curly quotes
and dashes made plain, then the ``\\w+`` tokens joined by single spaces (so whitespace and
punctuation differences do not matter, and matches are on whole tokens).

* ``headline`` -- the first line of the page equal to the page's headline: the trafilatura
  metadata title, the longest part of that title around a " | " / " - " separator (drops
  the site name), or an ``<h1>`` of at least 3 tokens. The gold body excludes the
  headline, so removing it is neither a win nor a loss; it is reported on its own.
  Later repeats of the headline (teaser lists) are judged like any other line.
* ``gold`` -- the line is part of the gold articleBody:
    1. substring: the line occurs in the gold text. A line that repeats on the page is
       gold only as many times as the gold contains it;
    2. shingles: at least 80% of the line's 4-token shingles occur in the gold (catches
       lines that differ slightly from the gold, e.g. an inserted link text); first
       occurrence only;
    3. short lines (fewer than 4 tokens) are not tested by 1 and 2, so that "Share" or
       "Advertisement" is not gold just because the word occurs in the text. They are
       gold when they equal a whole gold paragraph (as many times as the gold has it), or
       when joined to the previous or next line they occur in the gold (trafilatura
       sometimes cuts a sentence at a link: "Photos" / "which were released ...").
* ``non-gold`` -- everything else: captions, plugs, bylines, teasers, comments...

Then storyline's cleaner runs on the same text, as the pipeline runs it on HTML pages:
``storyline.clean.clean_text(text, title=<metadata title>, description=<metadata
description>, markup_hint="html")``. It returns one ``Block(text, kind, rule)`` per line in
order, except that it may split a dateline (or a "Name | time" prefix) off the front of a
line. A line counts as removed only if ALL of its text went to non-"body" blocks; a line
partly kept counts as kept.

Reported: share of non-gold lines removed (target >= 60%), share of gold lines wrongly
removed (target <= 0.5%), headline lines removed; ``--show N`` lists up to N wrongly
removed gold lines and N kept non-gold lines with page id, kind and rule. The LAST stdout
line is a JSON object with the headline figures (shares as fractions).

``--no-comments`` uses ``extract(html, include_comments=False)`` instead, which is what
storyline's pipeline itself feeds the cleaner (default trafilatura also keeps the reader
comments it finds).
"""

from __future__ import annotations


import argparse
import inspect
import json
import re
import sys
import unicodedata
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path


import _data

SHINGLE_SIZE = 4
SHINGLE_SHARE = 0.8
SHORT_LINE_TOKENS = 4

_QUOTES = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    "…": "...", "\u00ad": "", "\u200b": "",
})
_WORD = re.compile(r"\w+")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def _shingles(toks: list[str]) -> list[tuple[str, ...]]:
    return [tuple(toks[i : i + SHINGLE_SIZE]) for i in range(len(toks) - SHINGLE_SIZE + 1)]


@dataclass
class Gold:
    """A page's gold text in the forms the line tests need."""

    text: str                                                # normalised tokens, space-joined
    paragraphs: Counter = field(default_factory=Counter)     # same, per gold paragraph
    shingles: set[tuple[str, ...]] = field(default_factory=set)

    @classmethod
    def of(cls, article_body: str) -> "Gold":
        toks = tokens(article_body)
        return cls(
            text=f" {' '.join(toks)} ",
            paragraphs=Counter(" ".join(tokens(p)) for p in article_body.split("\n") if p.strip()),
            shingles=set(_shingles(toks)),
        )

    def count(self, key: str) -> int:
        """How many times a token string occurs in the gold text, as whole tokens."""
        return self.text.count(f" {key} ") if key else 0


def label_lines(lines: list[str], gold: Gold, headlines: set[str]) -> list[str]:
    """Label each line of one page "headline", "gold" or "non-gold" (rules: module doc)."""
    keys = [" ".join(tokens(line)) for line in lines]
    seen: Counter = Counter()
    headline_seen = False
    labels = []
    for i, key in enumerate(keys):
        seen[key] += 1
        nth = seen[key]
        n_tokens = len(key.split())
        if key in headlines and not headline_seen:
            headline_seen = True
            label = "headline"
        elif not key:
            label = "non-gold"
        elif n_tokens < SHORT_LINE_TOKENS:
            joined = [f"{keys[i - 1]} {key}" if i > 0 else "",
                      f"{key} {keys[i + 1]}" if i + 1 < len(keys) else ""]
            is_gold = nth <= gold.paragraphs[key] or (
                nth == 1 and any(gold.count(j.strip()) for j in joined if j.strip() != key))
            label = "gold" if is_gold else "non-gold"
        elif nth <= gold.count(key):
            label = "gold"
        else:
            shingles = _shingles(key.split())
            found = sum(1 for s in shingles if s in gold.shingles)
            label = "gold" if nth == 1 and found >= SHINGLE_SHARE * len(shingles) else "non-gold"
        labels.append(label)
    return labels


def headline_keys(html: str, title: str | None) -> set[str]:
    """Token strings of the page's headline candidates: the metadata title, its longest
    part around a site-name separator, and every <h1> of at least 3 tokens."""
    keys = set()
    if title:
        keys.add(" ".join(tokens(title)))
        keys.add(" ".join(tokens(max(_TITLE_SEPARATOR.split(title), key=len))))
    try:
        import lxml.html

        for h1 in lxml.html.fromstring(html).iter("h1"):
            key = " ".join(tokens(h1.text_content()))
            if len(key.split()) >= 3:
                keys.add(key)
    except Exception:
        pass
    keys.discard("")
    return keys


def _key(text: str) -> str:
    return "".join(_WORD.findall(text))


def blocks_per_line(lines: list[str], blocks: list) -> list[list] | None:
    """Group the cleaner's blocks by the input line they came from (None if they do not
    line up, which would mean the cleaner changed its contract)."""
    groups, b = [], 0
    for line in lines:
        target, got, group = _key(line), "", []
        while b < len(blocks) and (not group or len(got) < len(target)):
            group.append(blocks[b])
            got += _key(blocks[b].text)
            b += 1
        if got != target:
            return None
        groups.append(group)
    return groups if b == len(blocks) else None


def _call_cleaner(text: str, title: str | None, description: str | None) -> list:
    from storyline.clean import clean_text

    accepted = inspect.signature(clean_text).parameters
    kwargs = {k: v for k, v in (("title", title), ("description", description),
                                ("source", None)) if k in accepted}
    return clean_text(text, markup_hint="html", **kwargs)


def run_page(job: tuple[_data.Page, bool]) -> dict:
    page, include_comments = job
    import trafilatura

    html = _data.read_html(page.html_path)
    text = trafilatura.extract(html, include_comments=include_comments) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    description = meta.description if meta else None
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    gold = Gold.of(page.gold)
    headlines = headline_keys(html, title)
    records = [{"page": page.id, "text": line, "label": label}
               for line, label in zip(lines, label_lines(lines, gold, headlines))]

    out = {"page": page.id, "records": records, "error": None}
    try:
        blocks = _call_cleaner(text, title, description)
    except ImportError as e:
        out["error"] = f"cleaner not available: {e}"
        return out
    groups = blocks_per_line(lines, blocks)
    if groups is None:
        out["error"] = f"{len(blocks)} blocks do not line up with {len(lines)} lines"
        return out
    for record, group in zip(records, groups):
        removed = all(block.kind != "body" for block in group)
        shown = next((blk for blk in group if blk.kind != "body"), group[0])
        record.update(removed=removed, kind=shown.kind, rule=shown.rule,
                      kinds=[blk.kind for blk in group])
    return out


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.2f}%"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=_data.DEFAULT_DATA,
                        help="shared data folder (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="list up to N wrongly removed gold lines and N kept non-gold lines")
    parser.add_argument("--no-comments", action="store_true",
                        help="extract(html, include_comments=False), as storyline's pipeline does")
    args = parser.parse_args(argv)

    pages = _data.scrapinghub_pages(args.data)[: args.limit]
    jobs = [(page, not args.no_comments) for page in pages]
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(run_page, jobs, chunksize=2))

    records = [r for result in results for r in result["records"]]
    errors = [(result["page"], result["error"]) for result in results if result["error"]]
    scored = [r for r in records if "removed" in r]
    labels = Counter(r["label"] for r in records)
    total = len(records)
    call = "extract(html)" if not args.no_comments else "extract(html, include_comments=False)"
    print(f"Cleaning: {len(pages)} scrapinghub pages, trafilatura {call}, {total} lines")
    for label in ("gold", "non-gold", "headline"):
        print(f"  {label:<9} {labels[label]:>6} lines  {_pct(_share(labels[label], total)):>7}")
    non_headline = labels["gold"] + labels["non-gold"]
    print(f"  non-gold share of non-headline lines: {_pct(_share(labels['non-gold'], non_headline))}")

    removed = Counter(r["label"] for r in scored if r["removed"])
    counted = Counter(r["label"] for r in scored)
    nongold_removed = _share(removed["non-gold"], counted["non-gold"])
    gold_removed = _share(removed["gold"], counted["gold"])
    headline_removed = _share(removed["headline"], counted["headline"])
    if errors:
        print(f"  cleaner not scored on {len(errors)} pages: {errors[0][1]}")
    if scored:
        print(f"\n  storyline cleaner ({len(scored)} lines on {len(pages) - len(errors)} pages):")
        print(f"    non-gold lines removed  {removed['non-gold']:>5}/{counted['non-gold']:<5} "
              f"{_pct(nongold_removed):>7}   (target >= 60%)")
        print(f"    gold lines removed      {removed['gold']:>5}/{counted['gold']:<5} "
              f"{_pct(gold_removed):>7}   (target <= 0.5%)")
        print(f"    headline lines removed  {removed['headline']:>5}/{counted['headline']:<5} "
              f"{_pct(headline_removed):>7}")
        by_kind = Counter((r["label"], r["kind"]) for r in scored if r["removed"])
        print("    removed lines by kind (label: kind count):")
        for label in ("non-gold", "gold", "headline"):
            kinds = ", ".join(f"{k} {n}" for (lab, k), n in by_kind.most_common() if lab == label)
            print(f"      {label}: {kinds or '-'}")

        if args.show:
            wrong = [r for r in scored if r["label"] == "gold" and r["removed"]]
            kept = [r for r in scored if r["label"] == "non-gold" and not r["removed"]]
            for heading, rows in (("gold lines wrongly removed", wrong),
                                  ("non-gold lines kept", kept)):
                print(f"\n  {heading} ({len(rows)}, showing {min(len(rows), args.show)}):")
                for r in rows[: args.show]:
                    print(f"    {r['page'][:12]}  {r['kind']}/{r['rule']}  {r['text'][:160]!r}")
    print()
    print(json.dumps({
        "bench": "clean",
        "nongold_removed": None if nongold_removed is None else round(nongold_removed, 4),
        "gold_removed": None if gold_removed is None else round(gold_removed, 4),
        "headline_removed": None if headline_removed is None else round(headline_removed, 4),
        "lines": total,
        "nongold_lines": labels["non-gold"],
        "gold_lines": labels["gold"],
        "headline_lines": labels["headline"],
        "pages": len(pages),
        "pages_not_scored": len(errors),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
