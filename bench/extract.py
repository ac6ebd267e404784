"""Main-text extraction benchmark: storyline's HTML path vs trafilatura alone.

    python bench/extract.py [--data DIR] [--workers 2] [--limit N] [--dump DIR]
    python bench/extract.py --check

Two datasets (read from ``--data``, default ``../shared/data``; never copied):

* scrapinghub-article-extraction-benchmark: 181 news pages, gold = articleBody (no
  headline). Metric: the benchmark's own 4-gram-shingle body F1 (``_metrics.
  scrapinghub_score``); published anchors e.g. trafilatura 2.0.0 .958.
* fundus-evaluation: 80 English news pages, gold = list of paragraphs. Metric:
  ROUGE-LSum F1 as the Fundus paper computes it (``_metrics.rouge_lsum``); published
  anchors e.g. trafilatura 1.12.0 93.62, Fundus 97.69 (in percent).

Systems run here on the same pages:

* ``storyline``: ``storyline.pipeline.process(RawDocument(..., markup="html"))``; the
  prediction is ``Article.body`` (scrapinghub) or its paragraphs (fundus), after the
  corpus template pass a build applies (lines repeated across one site's pages). A page the
  pipeline rejects (``NoArticleText``) or fails on counts as an empty prediction.
* ``trafilatura``: trafilatura called exactly as each benchmark called it, so the figure
  is comparable with the published anchor: scrapinghub ``extract(html,
  include_comments=False)`` (upstream extractors/run_trafilatura.py); fundus
  ``extract(html, include_tables=False, include_comments=False)`` split on newlines
  (fundus-evaluation's scrape_trafilatura).
* ``trafilatura-default``: plain ``trafilatura.extract(html)`` (comments and tables
  included), for reference.

Titles and authors: the headline as printed and the authors, hand-labelled on every page of
both datasets in ``bench/data/page_labels.jsonl`` (half of each dataset ``dev``, where rules
were tuned, half ``test``, held out; the split is a fixed hash of the page id). Metrics:
``title_exact`` (share of pages whose title equals the label after ``_metrics.title_key``:
casefold, quotes and dashes of one kind, spaces collapsed; pages whose label is null, an
unreadable headline, are left out) and ``authors_f1`` (per-page set F1 of
``_metrics.name_key`` names, averaged), for storyline and for trafilatura's
``extract_metadata`` alone.

The human table comes first; the LAST stdout line is one JSON object with the headline
figures as fractions (0..1).

``--check`` only proves the scorers: it re-scores the saved outputs of other extractors
(scrapinghub ``output/*.json``, fundus ``extractions/*.json``) and prints them next to the
published figures. The default run starts with the fast half of that proof (scrapinghub).

``--dump DIR`` writes every prediction (``DIR/<dataset>/<system>/<page>.txt``, fundus
paragraphs separated by blank lines) and per-page scores (``DIR/<dataset>_scores.tsv``).
"""

from __future__ import annotations


import argparse
import csv
import json
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path


import _data
import _metrics

SYSTEMS = ("storyline", "trafilatura", "trafilatura-default")

# Published F1 / precision / recall (accuracy where the README gives it) of the saved
# outputs in scrapinghub output/*.json, from the benchmark's README.
PUBLISHED_SCRAPINGHUB = {
    "AutoExtract": ("AutoExtract (2019)", 0.970, 0.984, 0.956, 0.470),
    "Diffbot": ("Diffbot (2019)", 0.951, 0.958, 0.944, 0.348),
    "trafilatura": ("trafilatura 2.0.0", 0.958, 0.938, 0.978, None),
    "newspaper": ("newspaper4k 0.9.3.1", 0.949, 0.964, 0.934, None),
    "news_please": ("news-please 1.6.16", 0.948, 0.964, 0.933, None),
    "readability": ("readability-lxml 0.8.4.1", 0.922, 0.913, 0.931, 0.315),
    "dragnet": ("dragnet", 0.907, 0.925, 0.889, 0.221),
    "goose3": ("goose3 3.1.20", 0.896, 0.940, 0.856, None),
    "boilerpipe": ("boilerpipe", 0.860, 0.850, 0.870, 0.006),
    "justext": ("justext 3.0.2", 0.804, 0.858, 0.756, None),
    "inscriptis": ("inscriptis 2.6.0", 0.679, 0.517, 0.992, None),
    "html-text": ("html-text 0.7.0", 0.665, 0.500, 0.994, 0.000),
}
SCRAPINGHUB_TOLERANCE = 0.002
FUNDUS_TOLERANCE = 0.1  # ROUGE-LSum points (percent)


# --------------------------------------------------------------------------------------
# Running the systems (in worker processes)
# --------------------------------------------------------------------------------------

_pipeline = None


def _storyline_body(html: str, path: Path, url: str | None) -> tuple[str, str | None]:
    """storyline's cleaned article for one page (as a dict; the corpus template pass
    runs later over all pages), and a note when it produced none."""
    global _pipeline
    if _pipeline is None:
        from storyline import pipeline

        _pipeline = pipeline
    from storyline.model import Origin, RawDocument

    raw = RawDocument(origin=Origin(path=str(path), format="html", url=url), content=html,
                      markup="html")
    try:
        return _pipeline.process(raw, model=None).to_dict(), None
    except Exception as e:  # NoArticleText, or a crash: an empty prediction either way
        return "", f"{type(e).__name__}: {e}"


def _run_systems(html: str, page: _data.Page, trafilatura_kwargs: dict) -> dict:
    import trafilatura

    out: dict = {"texts": {}, "notes": {}, "seconds": {}, "meta": {}}
    runs = {
        "storyline": lambda: _storyline_body(html, page.html_path, page.url),
        "trafilatura": lambda: (trafilatura.extract(html, **trafilatura_kwargs) or "", None),
        "trafilatura-default": lambda: (trafilatura.extract(html) or "", None),
    }
    for system, run in runs.items():
        start = time.perf_counter()
        try:
            text, note = run()
        except ImportError as e:
            text, note = None, f"not available: {e}"
        out["seconds"][system] = time.perf_counter() - start
        out["texts"][system] = text
        if note:
            out["notes"][system] = note
    meta = trafilatura.extract_metadata(html, default_url=page.url)
    out["meta"]["trafilatura"] = {
        "title": meta.title if meta else None,
        "authors": [a for a in ((meta.author or "").split("; ") if meta else []) if a]}
    return out


def run_scrapinghub_page(page: _data.Page) -> tuple[str, dict]:
    html = _data.read_html(page.html_path)
    return page.id, _run_systems(html, page, {"include_comments": False})


def _paragraphs(system: str, text: str) -> list[str]:
    if system == "storyline":
        return [p for p in text.split("\n\n") if p.strip()]
    # fundus-evaluation: trafilatura's text split on newlines, whitespace normalised
    return [" ".join(p.split()) for p in text.split("\n")]


def run_fundus_page(page: _data.Page) -> tuple[str, dict]:
    html = _data.read_html(page.html_path)
    out = _run_systems(html, page, {"include_tables": False, "include_comments": False})
    out["paragraphs"] = {}
    out["rouge"] = {}
    for system, text in out["texts"].items():
        if text is None or system == "storyline":  # scored after the template pass
            continue
        paragraphs = _paragraphs(system, text)
        out["paragraphs"][system] = paragraphs
        out["rouge"][system] = _metrics.rouge_lsum(paragraphs, page.gold)
    return page.id, out


def apply_corpus_templates(results: dict) -> None:
    """What `storyline build` does after storing articles: lines repeated across one
    site's pages are template, title affixes repeated across them are cut. Turns each
    stored article dict into its final body, and keeps its title and authors."""
    from storyline.clean import TemplateIndex
    from storyline.clean.template import apply_to_article
    from storyline.model import Article

    articles = {pid: Article.from_dict(r["texts"]["storyline"]) for pid, r in results.items()
                if isinstance(r["texts"].get("storyline"), dict)}
    index = TemplateIndex()
    for article in articles.values():
        index.add(_site(article), article.blocks, article.title_evidence)
    for pid, result in results.items():
        article = articles.get(pid)
        if article is not None:
            apply_to_article(article, index.repeated(_site(article)))
            result["texts"]["storyline"] = article.body
        result["meta"]["storyline"] = {"title": article.title if article else None,
                                       "authors": article.authors if article else []}


def _site(article) -> str | None:
    from urllib.parse import urlsplit

    return article.source or (urlsplit(article.origin.url).hostname if article.origin.url else None)


def _score_storyline_fundus(job: tuple[str, str, list[str]]) -> tuple[str, list[str], dict]:
    pid, text, gold = job
    paragraphs = _paragraphs("storyline", text)
    return pid, paragraphs, _metrics.rouge_lsum(paragraphs, gold)


def _score_saved_fundus(job: tuple[str, str, list[str], list[str]]) -> tuple[str, str, dict]:
    scraper, article, prediction, gold = job
    return scraper, article, _metrics.rouge_lsum(prediction, gold)


# --------------------------------------------------------------------------------------
# Titles and authors against the hand labels
# --------------------------------------------------------------------------------------

LABELS = _data.REPO_ROOT / "bench" / "data" / "page_labels.jsonl"
SPLITS = ("dev", "test", "all")


def load_labels(path: Path = LABELS) -> dict[tuple[str, str], dict]:
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return {(r["dataset"], r["page"]): r for r in rows}


def score_pages(labels: dict, results: dict[str, dict]) -> dict:
    """{system: {split: {"title_exact", "authors_f1", "pages", "titled"}}} over the labelled
    pages of `results` ({dataset: {page id: result}}), and the per-page rows."""
    rows = []
    for dataset, by_page in results.items():
        for pid, result in by_page.items():
            label = labels.get((dataset, pid))
            if label is None:
                continue
            for system, meta in result["meta"].items():
                rows.append({
                    "dataset": dataset, "page": pid, "split": label["split"], "system": system,
                    "title": meta["title"], "gold_title": label["title"],
                    "title_ok": None if label["title"] is None else
                    _metrics.title_key(meta["title"]) == _metrics.title_key(label["title"]),
                    "authors": meta["authors"], "gold_authors": label["authors"],
                    "authors_f1": _metrics.authors_f1(meta["authors"], label["authors"])})
    scores: dict = {}
    for system in sorted({r["system"] for r in rows}):
        for split in SPLITS:
            mine = [r for r in rows if r["system"] == system and split in ("all", r["split"])]
            titled = [r["title_ok"] for r in mine if r["title_ok"] is not None]
            scores.setdefault(system, {})[split] = {
                "title_exact": statistics.mean(titled) if titled else None,
                "authors_f1": statistics.mean(r["authors_f1"] for r in mine) if mine else None,
                "pages": len(mine), "titled": len(titled)}
    return {"scores": scores, "rows": rows}


def print_pages(pages: dict) -> None:
    print("Titles and authors (bench/data/page_labels.jsonl; dev = tuned on, test = held out)")
    print(f"  {'system':<12} {'split':<5} {'pages':>5} {'title_exact':>11} {'authors_f1':>10}")
    for system, by_split in pages["scores"].items():
        for split, s in by_split.items():
            te = "-" if s["title_exact"] is None else f"{s['title_exact']:.3f}"
            af = "-" if s["authors_f1"] is None else f"{s['authors_f1']:.3f}"
            print(f"  {system:<12} {split:<5} {s['pages']:>5} {te:>11} {af:>10}")
    print()


# --------------------------------------------------------------------------------------
# Scorer proof (--check)
# --------------------------------------------------------------------------------------


def check_scrapinghub(data: Path, verbose: bool = True) -> bool:
    gold = {p.id: p.gold for p in _data.scrapinghub_pages(data)}
    rows, all_ok = [], True
    for system, (version, predictions) in _data.scrapinghub_outputs(data).items():
        score = _metrics.scrapinghub_score(predictions, gold)
        published = PUBLISHED_SCRAPINGHUB.get(system)
        status = ""
        if published:
            diffs = [abs(score[k] - v) for k, v in zip(("f1", "precision", "recall", "accuracy"),
                                                        published[1:]) if v is not None]
            ok = max(diffs) <= SCRAPINGHUB_TOLERANCE
            all_ok &= ok
            status = "ok" if ok else "MISMATCH"
        rows.append((system, version, score, published, status))
    if verbose:
        print("Scorer check: scrapinghub shingle F1, saved outputs re-scored vs published README")
        print(f"  {'system':<16} {'version':<11} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'±F1':>6}"
              f"   {'pub F1':>6} {'pub P':>6} {'pub R':>6} {'pub acc':>7}")
        for system, version, s, pub, status in rows:
            published_cols = (f"{pub[1]:>6.3f} {pub[2]:>6.3f} {pub[3]:>6.3f} "
                              f"{'' if pub[4] is None else format(pub[4], '.3f'):>7}"
                              if pub else f"{'-':>6} {'-':>6} {'-':>6} {'':>7}")
            print(f"  {system:<16} {str(version or ''):<11} {s['f1']:>6.3f} {s['precision']:>6.3f} "
                  f"{s['recall']:>6.3f} {s['accuracy']:>6.3f} {s['f1_std']:>6.3f}   "
                  f"{published_cols}  {status}")
        print(f"  -> {'all published rows reproduced' if all_ok else 'SOME ROWS DO NOT MATCH'}"
              f" (tolerance ±{SCRAPINGHUB_TOLERANCE})\n")
    return all_ok


def _published_fundus(data: Path) -> tuple[dict, dict]:
    """The published summary (mean P/R/F1 in %) and per-article F1 from the data folder."""
    folder = data / _data.FUNDUS
    summary = {}
    with open(folder / "analysis" / "rouge_lsum_scraper_summary.tsv", encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t"))[3:]:
            summary[row[0]] = {"precision": float(row[1]), "recall": float(row[3]),
                               "f1": float(row[5])}
    per_article = {}
    with open(folder / "scores" / "rouge_lsum.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            per_article[(row["scraper"], row["article"])] = float(row["f1_score"])
    return summary, per_article


def check_fundus(data: Path, workers: int) -> bool:
    gold = {p.id: p.gold for p in _data.fundus_pages(data)}
    extractions = _data.fundus_extractions(data)
    summary, per_article = _published_fundus(data)
    jobs = [(scraper, article, bodies.get(article, []), gold[article])
            for scraper, bodies in extractions.items() for article in gold]
    # longest articles first keeps the pool busy to the end
    jobs.sort(key=lambda j: -len(" ".join(j[2])) * len(" ".join(j[3])))
    scores: dict[str, dict[str, dict]] = {s: {} for s in extractions}
    with ProcessPoolExecutor(workers) as pool:
        for scraper, article, score in pool.map(_score_saved_fundus, jobs, chunksize=1):
            scores[scraper][article] = score

    print("Scorer check: fundus-evaluation ROUGE-LSum (%), saved extractions re-scored vs published")
    print(f"  sentence splitter: {_metrics.SENTENCE_SPLITTER}")
    print(f"  {'scraper':<12} {'P':>6} {'R':>6} {'F1':>6}   {'pub P':>6} {'pub R':>6} {'pub F1':>6}"
          f"   {'articles = pub':>14} {'max |d|':>8}")
    all_ok = True
    for scraper, by_article in scores.items():
        mean = {k: 100 * statistics.mean(s[k] for s in by_article.values())
                for k in ("precision", "recall", "f1")}
        pub = summary.get(scraper)
        diffs = [abs(s["f1"] - per_article[(scraper, a)]) for a, s in by_article.items()
                 if (scraper, a) in per_article]
        same = sum(d < 1e-9 for d in diffs)
        status = ""
        if pub:
            ok = abs(mean["f1"] - pub["f1"]) <= FUNDUS_TOLERANCE
            all_ok &= ok
            status = "ok" if ok else "MISMATCH"
        pub_cols = (f"{pub['precision']:>6.2f} {pub['recall']:>6.2f} {pub['f1']:>6.2f}"
                    if pub else f"{'-':>6} {'-':>6} {'-':>6}")
        print(f"  {scraper:<12} {mean['precision']:>6.2f} {mean['recall']:>6.2f} {mean['f1']:>6.2f}"
              f"   {pub_cols}   {same:>6}/{len(diffs):<7} {max(diffs, default=0):>8.4f}  {status}")
    print(f"  -> {'all published rows reproduced' if all_ok else 'SOME ROWS DO NOT MATCH'}"
          f" (tolerance ±{FUNDUS_TOLERANCE} points)")
    print("  (per-article differences come from sentence splitting: upstream used NLTK's"
          " trained English Punkt model)\n")
    return all_ok


# --------------------------------------------------------------------------------------
# The benchmark
# --------------------------------------------------------------------------------------


def _run_pool(function, pages, workers):
    with ProcessPoolExecutor(workers) as pool:
        return dict(pool.map(function, pages, chunksize=1))


def _available(results: dict, system: str) -> bool:
    return all(r["texts"].get(system) is not None for r in results.values())


def _notes(results: dict, system: str) -> list[tuple[str, str]]:
    return [(pid, r["notes"][system]) for pid, r in results.items() if system in r["notes"]]


def bench_scrapinghub(pages, workers) -> tuple[dict, dict]:
    results = _run_pool(run_scrapinghub_page, pages, workers)
    apply_corpus_templates(results)
    gold = {p.id: p.gold for p in pages}
    scores = {}
    for system in SYSTEMS:
        if _available(results, system):
            predictions = {pid: r["texts"][system] for pid, r in results.items()}
            scores[system] = _metrics.scrapinghub_score(predictions, gold)
    return results, scores


def bench_fundus(pages, workers) -> tuple[dict, dict]:
    # the biggest pages first: ROUGE-LSum's LCS is quadratic in article length
    pages = sorted(pages, key=lambda p: -p.html_path.stat().st_size)
    results = _run_pool(run_fundus_page, pages, workers)
    apply_corpus_templates(results)
    jobs = [(p.id, results[p.id]["texts"]["storyline"], p.gold) for p in pages]
    with ProcessPoolExecutor(workers) as pool:
        for pid, paragraphs, rouge in pool.map(_score_storyline_fundus, jobs, chunksize=1):
            results[pid]["paragraphs"]["storyline"] = paragraphs
            results[pid]["rouge"]["storyline"] = rouge
    scores = {}
    for system in SYSTEMS:
        if _available(results, system):
            per_page = [r["rouge"][system] for r in results.values()]
            scores[system] = {k: statistics.mean(s[k] for s in per_page)
                              for k in ("precision", "recall", "f1")}
            scores[system]["f1_std"] = statistics.pstdev(s["f1"] for s in per_page)
    return results, scores


def _seconds_per_page(results: dict, system: str) -> float:
    return statistics.mean(r["seconds"][system] for r in results.values())


def print_table(sh_results, sh_scores, fu_results, fu_scores) -> None:
    print(f"Extraction: {len(sh_results)} scrapinghub pages (shingle F1), "
          f"{len(fu_results)} fundus pages (ROUGE-LSum, %)")
    print(f"  {'system':<20} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'±F1':>6} {'empty':>5}"
          f"   {'R-LSum F1':>9} {'P':>6} {'R':>6} {'empty':>5}   {'s/page':>6}")
    for system in SYSTEMS:
        if system not in sh_scores and system not in fu_scores:
            print(f"  {system:<20} not available")
            continue
        sh, fu = sh_scores.get(system), fu_scores.get(system)
        sh_cols = (f"{sh['f1']:>6.3f} {sh['precision']:>6.3f} {sh['recall']:>6.3f} "
                   f"{sh['accuracy']:>6.3f} {sh['f1_std']:>6.3f} "
                   f"{sum(1 for r in sh_results.values() if not r['texts'][system].strip()):>5}"
                   if sh else f"{'-':>6} {'':>6} {'':>6} {'':>6} {'':>6} {'':>5}")
        fu_cols = (f"{100 * fu['f1']:>9.2f} {100 * fu['precision']:>6.2f} "
                   f"{100 * fu['recall']:>6.2f} "
                   f"{sum(1 for r in fu_results.values() if not r['texts'][system].strip()):>5}"
                   if fu else f"{'-':>9} {'':>6} {'':>6} {'':>5}")
        seconds = statistics.mean([_seconds_per_page(sh_results, system)] +
                                  ([_seconds_per_page(fu_results, system)] if fu_results else []))
        print(f"  {system:<20} {sh_cols}   {fu_cols}   {seconds:>6.3f}")
    print("  published: scrapinghub trafilatura 2.0.0 .958/.938/.978, newspaper4k .949, "
          "news-please .948; fundus Fundus 97.69, trafilatura 1.12.0 93.62, news-please 93.39")
    print("  trafilatura = called as each benchmark did (no comments; fundus also no tables); "
          "trafilatura-default = extract(html)")
    for dataset, results in (("scrapinghub", sh_results), ("fundus", fu_results)):
        notes = _notes(results, "storyline")
        if notes:
            print(f"  storyline notes on {dataset} ({len(notes)} pages):")
            for pid, note in notes[:10]:
                print(f"    {pid}: {note[:150]}")
            if len(notes) > 10:
                print(f"    ... {len(notes) - 10} more (see --dump)")
    print()


def dump(directory: Path, sh_results, sh_scores, fu_results) -> None:
    for dataset, results in (("scrapinghub", sh_results), ("fundus", fu_results)):
        for pid, result in results.items():
            for system, text in result["texts"].items():
                if text is None:
                    continue
                folder = directory / dataset / system
                folder.mkdir(parents=True, exist_ok=True)
                if dataset == "fundus":
                    text = "\n\n".join(result["paragraphs"][system])
                name = pid[: -len(".html.gz")] if pid.endswith(".html.gz") else pid
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with open(directory / "scrapinghub_scores.tsv", "w", encoding="utf-8") as f:
        f.write("page\tsystem\tprecision\trecall\ttp\tfp\tfn\texact\tnote\n")
        for system, score in sh_scores.items():
            for pid, s in score["pages"].items():
                note = sh_results[pid]["notes"].get(system, "")
                f.write(f"{pid}\t{system}\t{_fmt(s['precision'])}\t{_fmt(s['recall'])}\t"
                        f"{s['tp']:.4f}\t{s['fp']:.4f}\t{s['fn']:.4f}\t{int(s['exact'])}\t"
                        f"{' '.join(note.split())}\n")
    with open(directory / "fundus_scores.tsv", "w", encoding="utf-8") as f:
        f.write("page\tsystem\tprecision\trecall\tf1\tnote\n")
        for pid, result in sorted(fu_results.items()):
            for system, s in result["rouge"].items():
                note = result["notes"].get(system, "")
                f.write(f"{pid}\t{system}\t{s['precision']:.4f}\t{s['recall']:.4f}\t"
                        f"{s['f1']:.4f}\t{' '.join(note.split())}\n")
    print(f"predictions and per-page scores written to {directory}\n")


def _fmt(value) -> str:
    return "" if value is None else f"{value:.4f}"


def _round(value):
    return None if value is None else round(value, 4)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=_data.DEFAULT_DATA,
                        help="shared data folder (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--check", action="store_true",
                        help="only re-score the saved outputs of other extractors (scorer proof)")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    parser.add_argument("--dump", type=Path, help="write predictions and per-page scores here")
    args = parser.parse_args(argv)

    if args.check:
        ok = check_scrapinghub(args.data)
        ok = check_fundus(args.data, args.workers) and ok
        print(json.dumps({"bench": "extract-check", "scorers_reproduce_published": ok}))
        return 0 if ok else 1

    check_scrapinghub(args.data)
    sh_pages = _data.scrapinghub_pages(args.data)[: args.limit]
    fu_pages = _data.fundus_pages(args.data)[: args.limit]
    sh_results, sh_scores = bench_scrapinghub(sh_pages, args.workers)
    fu_results, fu_scores = bench_fundus(fu_pages, args.workers)
    print_table(sh_results, sh_scores, fu_results, fu_scores)
    pages = score_pages(load_labels(), {"scrapinghub": sh_results, "fundus": fu_results})
    print_pages(pages)
    if args.dump:
        dump(args.dump, sh_results, sh_scores, fu_results)
        with open(args.dump / "titles.jsonl", "w", encoding="utf-8") as f:
            for row in pages["rows"]:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")

    def page_figure(system, split, key):
        return _round(pages["scores"].get(system, {}).get(split, {}).get(key))

    def figure(scores, system, key):
        return _round(scores[system][key]) if system in scores else None

    print(json.dumps({
        "bench": "extract",
        "f1": figure(sh_scores, "storyline", "f1"),
        "precision": figure(sh_scores, "storyline", "precision"),
        "recall": figure(sh_scores, "storyline", "recall"),
        "f1_trafilatura": figure(sh_scores, "trafilatura", "f1"),
        "f1_trafilatura_default": figure(sh_scores, "trafilatura-default", "f1"),
        "fundus_rouge": figure(fu_scores, "storyline", "f1"),
        "fundus_rouge_trafilatura": figure(fu_scores, "trafilatura", "f1"),
        "fundus_rouge_trafilatura_default": figure(fu_scores, "trafilatura-default", "f1"),
        "pages": len(sh_pages),
        "fundus_pages": len(fu_pages),
        **{f"{key}{'' if split == 'all' else '_' + split}{suffix}": page_figure(system, split, key)
           for key in ("title_exact", "authors_f1")
           for system, suffix in (("storyline", ""), ("trafilatura", "_trafilatura"))
           for split in SPLITS},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
