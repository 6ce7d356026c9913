"""Ingest: read inputs as a stream, in batches, into the store; assign each article a story.

Per batch: drop articles the store already has (ids are content-derived, so this makes ingest
idempotent), clean, segment and extract features in worker processes (the per-article stage),
find copies, assign stories (the global step, sequential), and write everything in one
transaction. Memory holds one batch of articles plus the stories' centroids; a run killed
half-way loses only the batch in flight, which the next run redoes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from multiprocessing import get_context
from typing import Any, Protocol

from corroborate.clean import clean_article
from corroborate.copies.settings import CopySettings
from corroborate.corpus.cluster import (
    Assignment,
    ClusterSettings,
    StoryClusterer,
    StoryState,
)
from corroborate.corpus.features import ArticleFeatures, extract_features
from corroborate.corpus.recluster import BatchRefiner, recluster, save_refinement
from corroborate.corpus.store import SqliteStore
from corroborate.read import read_inputs
from corroborate.records import Article, CopyEvidence, ReadError
from corroborate.segment import segment_article


class CopyFinder(Protocol):
    """Finds copies of a batch's articles among everything seen so far (and within the batch).

    It sets `source_group` and `copy_of` on the articles it recognises as copies.
    """

    def add(
        self, articles: Sequence[Article], keys: Sequence[Any] | None = None
    ) -> list[CopyEvidence]: ...

    def take_keys(self) -> list[tuple[str, bytes]]:
        """Index data of the articles added since the last call, saved with their batch."""
        ...


@dataclass(slots=True)
class IngestCounts:
    """What one ingest run did."""

    read: int = 0  # articles read from the inputs
    new: int = 0  # stored for the first time
    known: int = 0  # already in the store (or given twice), skipped
    copies: int = 0  # new articles that are copies of another
    failed: int = 0  # inputs that could not be read
    new_stories: int = 0
    grown_stories: int = 0
    errors: list[ReadError] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "read": self.read,
            "new": self.new,
            "known": self.known,
            "copies": self.copies,
            "failed": self.failed,
            "new_stories": self.new_stories,
            "grown_stories": self.grown_stories,
        }


Progress = Callable[[IngestCounts], None]


def prepare(
    article: Article, copy_settings: CopySettings | None = None
) -> tuple[Article, ArticleFeatures, Any]:
    """The per-article stage: clean, segment, features; copy-detection keys when asked."""
    clean_article(article)
    segment_article(article)
    keys = None
    if copy_settings is not None:
        from corroborate.corpus.copies import passage_keys

        keys = passage_keys(article.kept_text, copy_settings)
    return article, extract_features(article), keys


def ingest(
    inputs: Sequence[str],
    store: SqliteStore,
    *,
    batch_size: int = 256,
    workers: int | None = None,
    settings: ClusterSettings | None = None,
    copies: CopyFinder | None = None,
    find_copies: bool = True,
    progress: Progress | None = None,
    items: Iterable[Article | ReadError] | None = None,
    refine: bool = True,
) -> IngestCounts:
    """Read `inputs` (or the given `items`) into the store and return the counts.

    Copies are found with the copies stage's detector over the whole store unless
    `find_copies` is False (or another `copies` finder is given). After each batch, the stories
    it touched get a second look (`BatchRefiner`: split and merge) unless `refine` is False.

    Inputs that fail are counted and stored with their reason; the rest goes on. A StoreError
    (locked, read-only, disk full) stops the run with the store consistent.
    """
    clusterer = load_clusterer(store, settings)
    if copies is None and find_copies:
        from corroborate.corpus.copies import StoreCopyFinder

        copies = StoreCopyFinder(store)
    counts = IngestCounts()
    run_id = store.begin_run(inputs)
    stream = read_inputs(inputs) if items is None else iter(items)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    status = "failed"
    refiner = BatchRefiner(store, clusterer) if refine else None
    with _executor(workers) as pool:
        try:
            # While the workers prepare one batch, this process stores the one before it.
            step = partial(prepare, copy_settings=getattr(copies, "settings", None))
            waiting: _Prepared | None = None
            for batch in _batches(stream, batch_size):
                ready, waiting = waiting, _prepare_batch(batch, store, pool, step)
                if ready:
                    _store_batch(ready, store, run_id, clusterer, copies, counts, progress, refiner)
            if waiting:
                _store_batch(waiting, store, run_id, clusterer, copies, counts, progress, refiner)
            status = "done"
        finally:
            _finish(store, run_id, counts, status)
    return counts


def _finish(store: SqliteStore, run_id: int, counts: IngestCounts, status: str) -> None:
    try:
        store.finish_run(run_id, counts.as_dict(), status)
    except Exception:  # the run's own error matters more than its bookkeeping
        if status == "done":
            raise


def load_clusterer(store: SqliteStore, settings: ClusterSettings | None) -> StoryClusterer:
    clusterer = StoryClusterer(settings)
    df, documents = store.load_df()
    clusterer.load(store.load_stories(), df, documents)
    return clusterer


@dataclass(slots=True)
class _Prepared:
    """A batch read, its known articles dropped, its per-article stage under way."""

    errors: list[ReadError]
    read: int
    results: Iterator[tuple[Article, ArticleFeatures, Any]]


def _prepare_batch(
    batch: list[Article | ReadError],
    store: SqliteStore,
    pool: Executor | None,
    step: Callable[[Article], tuple[Article, ArticleFeatures, Any]],
) -> _Prepared:
    articles = _unique([item for item in batch if isinstance(item, Article)])
    known = store.known_ids(a.id for a in articles)
    fresh = [a for a in articles if a.id not in known]
    results = pool.map(step, fresh, chunksize=16) if pool else map(step, fresh)
    return _Prepared(
        errors=[item for item in batch if isinstance(item, ReadError)],
        read=sum(1 for item in batch if isinstance(item, Article)),
        results=iter(results),
    )


def _store_batch(
    batch: _Prepared,
    store: SqliteStore,
    run_id: int,
    clusterer: StoryClusterer,
    copies: CopyFinder | None,
    counts: IngestCounts,
    progress: Progress | None,
    refiner: BatchRefiner | None = None,
) -> None:
    """The global step for one batch (copies, stories) and its one transaction."""
    prepared = list(batch.results)
    # The next batch was checked against the store before this one was written.
    written = store.known_ids(article.id for article, _, _ in prepared)
    prepared = [item for item in prepared if item[0].id not in written]
    fresh = [article for article, _, _ in prepared]
    features = [feature for _, feature, _ in prepared]
    keys = [key for _, _, key in prepared]
    given = keys if all(key is not None for key in keys) else None
    evidence = copies.add(fresh, given) if copies and fresh else []
    saved = copies.take_keys() if copies else []
    before = set(clusterer.stories)
    assignments = _assign(fresh, features, evidence, clusterer, store)
    touched = {a.story for a in assignments}
    stories: list[StoryState] = [clusterer.stories[sid] for sid in sorted(touched)]
    store.write_batch(run_id, fresh, features, assignments, evidence, batch.errors, stories, saved)
    if refiner:  # its own transaction: killed before it, the store holds the one-pass stories
        save_refinement(store, refiner.refine(touched))
    counts.read += batch.read
    counts.failed += len(batch.errors)
    counts.errors.extend(batch.errors)
    counts.new += len(fresh)
    counts.known += batch.read - len(fresh)
    counts.copies += sum(1 for a in fresh if a.copy_of)
    counts.new_stories += sum(1 for sid in touched if sid not in before)
    counts.grown_stories += sum(1 for sid in touched if sid in before)
    if progress:
        progress(counts)


def _assign(
    articles: Sequence[Article],
    features: Sequence[ArticleFeatures],
    evidence: Sequence[CopyEvidence],
    clusterer: StoryClusterer,
    store: SqliteStore,
) -> list[Assignment]:
    """Stories for a batch: a whole copy joins the story of the article it copies."""
    copied = {e.article: e for e in evidence}
    story: dict[str, str] = {}
    assignments = []
    for article, feature in zip(articles, features, strict=True):
        match = copied.get(article.id)
        target = (
            (story.get(match.origin) or store.story_of_article(match.origin)) if match else None
        )
        if match and target:
            why = f"copy of {match.origin} ({match.kind}, similarity {match.similarity:.2f})"
            assignment = clusterer.join(feature, target, why)
        else:
            assignment = clusterer.assign(feature)
        story[article.id] = assignment.story
        assignments.append(assignment)
    return assignments


def _unique(articles: list[Article]) -> list[Article]:
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.id, article)
    return list(seen.values())


def _batches(
    stream: Iterator[Article | ReadError], size: int
) -> Iterator[list[Article | ReadError]]:
    while batch := list(islice(stream, size)):
        yield batch


class _NoPool:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _executor(workers: int) -> ProcessPoolExecutor | _NoPool:
    """Worker processes for the per-article stage; none when one core is asked for."""
    if workers <= 1:
        return _NoPool()
    method = "fork" if "fork" in _start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=workers, mp_context=get_context(method))


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def recluster_store(store: SqliteStore, settings: ClusterSettings | None = None) -> int:
    """Cluster every stored article again, keeping story ids; return how many moved.

    The one-pass assignment saw the corpus grow; this pass uses the final term statistics and
    date order. Features stream from the store; only the story centroids and the new
    assignments are held in memory.
    """
    previous = store.story_of()
    df, documents = store.load_df()
    copies = {r[0]: r[1] for r in store.query("SELECT article_id, origin FROM copies")}
    assignments, stories = recluster(
        store.iter_features(), previous, settings, df=df, documents=documents, copies=copies
    )
    store.replace_clustering(assignments, stories)
    return sum(1 for a in assignments if previous.get(a.article) != a.story)
