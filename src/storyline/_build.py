"""Build: read → process (per article, on an executor) → store → corpus stages.

Incremental: files unchanged since they were last read whole are not read
again, and articles already stored with the same content are not processed
again. Resumable: a file is marked done in the same transaction as its last
article, so a build killed midway re-reads only the files it had not finished.
"""

from __future__ import annotations

import sys
import time
from functools import partial
from dataclasses import asdict, dataclass, field, replace
from typing import Callable, Iterator, TextIO

from .errors import Code, Problem
from .clean.template import article_keys, source_key
from .executor import make_executor
from .ingest import InputFile, ReadOptions, discover, read_file
from . import nlp
from .corpus import CorpusSummary, run_corpus_stages
from .model import Article, RawDocument
from .pipeline import NO_TEXT, NoArticleText, article_id, content_hash, process
from .store import Store

__all__ = ["build", "BuildSummary"]

# Articles and finished files written per transaction: large enough to
# amortise commits, small enough that a kill loses little work.
BATCH = 200
# CPU seconds one article may take in the per-article stages before the build warns
# (W001), naming the article and the stage that took the time. A news article takes
# about 0.05 s (the example corpus, the timeline17 texts); the odd texts that once took
# minutes (a 20,000-mark run, a 4.7 MB one-line text) now take a few seconds.
ARTICLE_BUDGET = 10.0


@dataclass
class BuildSummary:
    files: int = 0
    files_unchanged: int = 0
    articles_added: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    duplicates: int = 0
    problems: int = 0
    warnings: int = 0
    inputs_skipped: int = 0
    inputs_partly_read: int = 0
    template_updates: int = 0
    resumed: dict[str, int] = field(default_factory=dict)   # corpus work a stopped build left
    corpus: dict[str, object] = field(default_factory=dict)   # the corpus stages' summary
    seconds: float = 0.0
    problem_codes: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problems == 0

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def lines(self) -> list[str]:
        out = []
        if self.resumed:
            what = {"templates": "outlets' template lines", "group": "articles to group",
                    "story": "stories to date and retell", "regroup": "stories to look at again",
                    "entities": "entity resolution"}
            out.append("resumed what a stopped build left: " + ", ".join(
                what[k] if k == "entities" else f"{n} {what[k]}"
                for k, n in self.resumed.items() if k in what))
        out += [f"files: {self.files} read, {self.files_unchanged} unchanged since the last build",
               f"articles: {self.articles_added} added, {self.articles_updated} updated, "
               f"{self.articles_unchanged} unchanged, {self.duplicates} duplicates skipped"]
        if self.template_updates:
            out.append(f"template lines: re-applied to {self.template_updates} articles")
        out.extend(CorpusSummary(**self.corpus).lines() if self.corpus else [])
        codes = ", ".join(f"{c} x{n}" for c, n in sorted(self.problem_codes.items())
                          if not c.startswith("W"))
        if self.problems:
            out.append(f"problems: {self.problems} ({self.inputs_skipped} skipped, "
                       f"{self.inputs_partly_read} partly read: {codes})")
        else:
            out.append("problems: none")
        if self.warnings:
            out.append(f"warnings: {self.warnings} ("
                       + ", ".join(f"{c} x{n}" for c, n in sorted(self.problem_codes.items())
                                   if c.startswith("W")) + ")")
        out.append(f"time: {self.seconds:.1f}s")
        return out


@dataclass(frozen=True)
class _FileDone:
    """Travels through the executor behind a file's last article, in order."""

    file: InputFile
    articles: int
    problems: int


@dataclass(frozen=True)
class _Warned:
    """An article stored with a warning: over its time budget (W001), or a page kept
    without its text (W002)."""

    article: Article
    warning: Problem


def _process_safely(model: str | None, budget: float, item: RawDocument | _FileDone,
                    ) -> Article | _Warned | Problem | _FileDone:
    if isinstance(item, _FileDone):
        return item
    try:
        spent: dict[str, float] = {}
        article = process(item, model, spent=spent)
        if NO_TEXT in article.notes:   # counted apart from the inputs that failed
            return _Warned(article, Problem(Code.W002, item.origin.path, item.origin.locator,
                                            NO_TEXT, skipped=False))
        return _over_budget(article, spent, budget) or article
    except NoArticleText as err:
        return Problem(Code.E008, item.origin.path, item.origin.locator, str(err))
    except Exception as err:  # one bad article must not stop the build
        return Problem(Code.E014, item.origin.path, item.origin.locator,
                       f"{type(err).__name__}: {err}")


def _over_budget(article: Article, spent: dict[str, float], budget: float) -> _Warned | None:
    total = sum(spent.values())
    if total <= budget:
        return None
    ranked = sorted(spent.items(), key=lambda kv: -kv[1])
    # the stage that took the most, and any other that took a tenth of the time
    stages = ", ".join(f"{name} {seconds:.1f} s" for n, (name, seconds) in enumerate(ranked)
                       if n == 0 or seconds >= total / 10)
    return _Warned(article, Problem(
        Code.W001, article.origin.path, article.origin.locator,
        f"{total:.1f} s CPU ({stages}; {len(article.body):,} characters of text), "
        f"over the {budget:g} s budget", skipped=False))


def build(paths: list[str], store: Store, *, options: ReadOptions | None = None,
          workers: int | None = 1, stderr: TextIO | None = sys.stderr,
          progress: Callable[[str], None] | None = None,
          model: str | None = nlp.DEFAULT_MODEL,
          article_budget: float = ARTICLE_BUDGET) -> BuildSummary:
    """Read `paths` into `store`. `model`: the language pipeline (`storyline.nlp.load`);
    None skips sentences, names and quotes. An article whose per-article stages take
    more than `article_budget` CPU seconds is kept, with a warning (W001) naming it
    and the stage that took the time."""
    options = options or ReadOptions()
    if model is not None:
        nlp.load(model)  # a missing model stops the build here, not once per article
    summary = BuildSummary()
    started = time.perf_counter()
    build_id = store.builds.start(paths)
    summary.resumed = store.work.counts()

    def report(problem: Problem) -> None:
        summary.problem_codes[problem.code.name] = summary.problem_codes.get(problem.code.name, 0) + 1
        if problem.warning:
            summary.warnings += 1
        else:
            summary.problems += 1
            if problem.skipped:
                summary.inputs_skipped += 1
            else:
                summary.inputs_partly_read += 1
        store.builds.add_problem(build_id, problem)
        if stderr:
            print(f"storyline: {problem}", file=stderr)

    def work() -> Iterator[RawDocument | _FileDone]:
        for f in discover(paths):
            if not f.is_stdin and store.files.unchanged(f.path):
                summary.files_unchanged += 1
                continue
            summary.files += 1
            articles = problems = 0
            for item in _guarded(f, read_file(f, options)):
                if isinstance(item, Problem):
                    problems += 1
                    report(item)
                    continue
                digest = content_hash(item)
                state = store.articles.state(article_id(item.origin, digest), digest)
                if state == "same":
                    summary.articles_unchanged += 1
                elif state == "duplicate":
                    summary.duplicates += 1
                else:
                    articles += 1
                    yield item
            yield _FileDone(f, articles, problems)

    executor = make_executor(workers)
    pending: list[Article] = []
    finished: list[_FileDone] = []
    # Problems met while processing the current file's articles (E008, E014):
    # results come in input order, so they arrive before that file's _FileDone.
    file_problems = 0
    unstored: set[str] = set()   # files with an article that could not be stored
    try:
        for result in executor.map(partial(_process_safely, model, article_budget), work()):
            if isinstance(result, _Warned):
                report(result.warning)
                result = result.article
            if isinstance(result, Problem):
                report(result)
                file_problems += 1
            elif isinstance(result, Article):
                pending.append(result)
            else:
                if file_problems:
                    result = replace(result, problems=result.problems + file_problems)
                    file_problems = 0
                finished.append(result)
                if progress:
                    progress(result.file.path)
            if len(pending) + len(finished) >= BATCH:
                _write(store, pending, finished, summary, report, unstored)
                pending, finished = [], []
        _write(store, pending, finished, summary, report, unstored)
    finally:
        executor.close()
    corpus = run_corpus_stages(store, model)
    summary.template_updates = corpus.template_updates
    summary.corpus = corpus.to_dict()
    summary.seconds = round(time.perf_counter() - started, 2)
    store.builds.finish(build_id, summary.to_dict())
    return summary


def _guarded(f, items: Iterator[RawDocument | Problem]) -> Iterator[RawDocument | Problem]:
    """A reader's items; a reader that fails on odd input ends its file with a problem
    line naming the file and the last place read, and the build goes on."""
    place = None
    try:
        for item in items:
            place = item.origin.locator if isinstance(item, RawDocument) else item.place
            yield item
    except Exception as err:   # one bad input must not stop the build
        where = f"after {place}" if place else None
        yield Problem(Code.E009, f.path, where, f"reader failed: {type(err).__name__}: {err}",
                      skipped=place is None)


def _write(store: Store, articles: list[Article], finished: list[_FileDone],
           summary: BuildSummary, report: Callable[[Problem], None], unstored: set[str]) -> None:
    """One transaction: a batch of articles, the corpus work they make (journaled), and
    the files whose last article is among them or before them. An article that cannot
    be stored is reported and left out, and its file is read again next time."""
    if not articles and not finished:
        return
    with store.transaction():
        for article in articles:
            state = store.articles.state(article.id, article.content_hash)
            if state == "same":
                continue
            if state == "duplicate":  # an earlier article of this same build
                summary.duplicates += 1
                continue
            source = source_key(article.source)
            try:
                store.articles.put(article)
            except (UnicodeEncodeError, ValueError) as err:   # text SQLite cannot hold
                report(Problem(Code.E014, article.origin.path, article.origin.locator,
                               f"could not be stored: {type(err).__name__}: {err}"))
                unstored.add(article.origin.path)
                continue
            store.templates.put(article.id, source, article_keys(article))
            store.work.add("templates", [source])
            store.work.add("group", [article.id])
            if state == "changed":
                summary.articles_updated += 1
            else:
                summary.articles_added += 1
        # A file with problems is read again next time, so they are reported
        # again until fixed.
        for done in finished:
            if not done.file.is_stdin and done.problems == 0 and done.file.path not in unstored:
                store.files.mark_done(done.file.path, done.articles, done.problems)
