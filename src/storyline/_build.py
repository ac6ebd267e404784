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
from .executor import Executor, make_executor
from .ingest import InputFile, ReadOptions, discover, read_file
from . import nlp
from .corpus import CorpusSummary, run_corpus_stages
from .model import Article, RawDocument
from .annotate import PIECES_NOTE
from .pipeline import NO_TEXT, NoArticleText, article_id, content_hash, process_many
from .store import Store

__all__ = ["build", "BuildSummary"]

# Articles and finished files written per transaction: large enough to
# amortise commits, small enough that a kill loses little work.
BATCH = 200
# Documents sent to a worker at once: one round trip per article costs more than cleaning
# a short article, and the language pipeline runs a batch faster (`nlp.pipe`).
CHUNK = 16
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
    # CPU seconds per stage, every worker's added up: read, extract, clean, date, timex,
    # language, entities, quotes (per article), store, then the corpus stages.
    stage_seconds: dict[str, float] = field(default_factory=dict)

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
            out.append("first, corpus work left to do (by a stopped build or an upgrade): "
                       + ", ".join(what[k] if k == "entities" else f"{n} {what[k]}"
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

    def profile_lines(self) -> list[str]:
        """Where the CPU time went, stage by stage, the largest first (`build --profile`)."""
        total = sum(self.stage_seconds.values()) or 1.0
        articles = max(self.articles_added + self.articles_updated, 1)
        ranked = sorted(self.stage_seconds.items(), key=lambda kv: -kv[1])
        return [f"CPU seconds by stage (all workers), {total:.1f} s in all, "
                f"{1000 * total / articles:.0f} ms per article:"] + [
            f"  {stage:18s} {t:8.2f} s {100 * t / total:5.1f}%" for stage, t in ranked]


@dataclass(frozen=True)
class _FileDone:
    """Travels through the executor behind a file's last article, in order."""

    file: InputFile
    articles: int
    problems: int


@dataclass(frozen=True)
class _Warned:
    """An article stored with warnings: over its time budget (W001), a page kept
    without its text (W002), a text annotated in pieces (W003)."""

    article: Article
    warnings: tuple[Problem, ...]


def _process_chunk(model: str | None, budget: float, chunk: list[RawDocument | _FileDone],
                   ) -> tuple[list[Article | _Warned | Problem | _FileDone], dict[str, float]]:
    """A worker's task: the per-article stages over a chunk of documents (the file
    markers travel along, in place). Returns the results in order and the CPU
    seconds each stage took over the chunk."""
    raws = [item for item in chunk if isinstance(item, RawDocument)]
    spent: list[dict[str, float]] = [{} for _ in raws]
    try:
        done = iter(process_many(raws, model, spent=spent))
    except Exception as err:   # cannot happen article by article; keep the build going
        done = iter([err] * len(raws))
    out: list[Article | _Warned | Problem | _FileDone] = []
    n = 0
    for item in chunk:
        if isinstance(item, _FileDone):
            out.append(item)
            continue
        out.append(_checked(item, next(done), spent[n], budget))
        n += 1
    seconds: dict[str, float] = {}
    for each in spent:
        for stage, t in each.items():
            seconds[stage] = seconds.get(stage, 0.0) + t
    return out, seconds


def _checked(raw: RawDocument, result: Article | Exception, spent: dict[str, float],
             budget: float) -> Article | _Warned | Problem:
    if isinstance(result, NoArticleText):
        return Problem(Code.E008, raw.origin.path, raw.origin.locator, str(result))
    if isinstance(result, Exception):   # one bad article must not stop the build
        return Problem(Code.E014, raw.origin.path, raw.origin.locator,
                       f"{type(result).__name__}: {result}")
    article = result
    warnings = []
    if NO_TEXT in article.notes:   # counted apart from the inputs that failed
        warnings.append(Problem(Code.W002, raw.origin.path, raw.origin.locator, NO_TEXT,
                                skipped=False))
    pieces = next((n for n in article.notes if n.startswith(PIECES_NOTE)), None)
    if pieces:   # a huge text: analysed whole, but in pieces, and the user should know
        warnings.append(Problem(Code.W003, raw.origin.path, raw.origin.locator, pieces,
                                skipped=False))
    over = _over_budget(article, spent, budget)
    if over:
        warnings.append(over)
    return _Warned(article, tuple(warnings)) if warnings else article


def _over_budget(article: Article, spent: dict[str, float], budget: float) -> Problem | None:
    total = sum(spent.values())
    if total <= budget:
        return None
    ranked = sorted(spent.items(), key=lambda kv: -kv[1])
    # the stage that took the most, and any other that took a tenth of the time
    stages = ", ".join(f"{name} {seconds:.1f} s" for n, (name, seconds) in enumerate(ranked)
                       if n == 0 or seconds >= total / 10)
    return Problem(
        Code.W001, article.origin.path, article.origin.locator,
        f"{total:.1f} s CPU ({stages}; {len(article.body):,} characters of text), "
        f"over the {budget:g} s budget", skipped=False)


def build(paths: list[str], store: Store, *, options: ReadOptions | None = None,
          workers: int | None = 1, stderr: TextIO | None = sys.stderr,
          progress: Callable[[str], None] | None = None,
          model: str | None = nlp.DEFAULT_MODEL,
          article_budget: float = ARTICLE_BUDGET,
          executor: str | Executor = "local") -> BuildSummary:
    """Read `paths` into `store`. `model`: the language pipeline (`storyline.nlp.load`);
    None skips sentences, names and quotes. An article whose per-article stages take
    more than `article_budget` CPU seconds is kept, with a warning (W001) naming it
    and the stage that took the time. `executor`: where the per-article stages run,
    "local" (this process, or `workers` processes), "ray" (a Ray cluster: see
    `storyline.executor.RayExecutor`), or an `Executor`."""
    options = options or ReadOptions()
    if model is not None:
        nlp.load(model)  # a missing model stops the build here, not once per article
    summary = BuildSummary()
    stage_seconds = summary.stage_seconds

    def spent(stage: str, seconds: float) -> None:
        stage_seconds[stage] = stage_seconds.get(stage, 0.0) + seconds

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
            for item in _timed(_guarded(f, read_file(f, options)), "read", spent):
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

    runner = make_executor(workers, executor) if isinstance(executor, str) else executor
    pending: list[Article] = []
    finished: list[_FileDone] = []
    # Problems met while processing the current file's articles (E008, E014):
    # results come in input order, so they arrive before that file's _FileDone.
    file_problems = 0
    unstored: set[str] = set()   # files with an article that could not be stored

    def write() -> None:
        began = time.thread_time()
        _write(store, pending, finished, summary, report, unstored)
        spent("store", time.thread_time() - began)

    try:
        chunks = _chunks(work(), CHUNK)
        for results, seconds in runner.map(partial(_process_chunk, model, article_budget), chunks):
            for stage, t in seconds.items():
                spent(stage, t)
            for result in results:
                if isinstance(result, _Warned):
                    for warning in result.warnings:
                        report(warning)
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
                    write()
                    pending.clear()
                    finished.clear()
        write()
    finally:
        runner.close()
    corpus = run_corpus_stages(store, model, spent=spent)
    summary.template_updates = corpus.template_updates
    summary.corpus = corpus.to_dict()
    summary.seconds = round(time.perf_counter() - started, 2)
    summary.stage_seconds = {k: round(v, 3) for k, v in stage_seconds.items()}
    store.builds.finish(build_id, summary.to_dict())
    return summary


def _timed(items: Iterator, stage: str, spent: Callable[[str, float], None]) -> Iterator:
    """The items, the CPU seconds spent producing them added to `stage`."""
    items = iter(items)
    while True:
        began = time.thread_time()
        item = next(items, _END)
        spent(stage, time.thread_time() - began)
        if item is _END:
            return
        yield item


_END = object()


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


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
