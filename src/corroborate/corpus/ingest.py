"""Ingest: read inputs as a stream, in batches, into the store; assign each article a story.

Per batch: in worker processes, parse JSON lines (read here, parsed there: `read_items`), drop
articles the store already has (ids are content-derived, so this makes ingest idempotent),
clean, segment and extract features (the per-article stage, with each article's
copy-detection keys and sentences), find copies (index look-up here, the
verification of candidate pairs in the workers), assign stories (the global step,
sequential), and write everything in one transaction. Memory holds two batches of articles
plus the stories' centroids; a run killed half-way loses only the batch in flight, which the
next run redoes.

The pipeline keeps both cores busy and this process (the sequential step) from waiting:
while it clusters and stores batch N-1, the workers verify batch N's candidate copies, then
prepare batch N+1.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing import get_context
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from corroborate.clean import clean_article
from corroborate.copies.settings import CopySettings
from corroborate.corpus.cluster import Assignment, StoryClusterer, StoryState
from corroborate.corpus.features import ArticleFeatures, extract_features
from corroborate.corpus.inputs import Item, read_items
from corroborate.corpus.recluster import recluster
from corroborate.corpus.refine import BatchRefiner, save_refinement
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import SqliteStore, process_store
from corroborate.read.jsonl import JsonLine, jsonl_line
from corroborate.records import Article, CopyEvidence, ReadError
from corroborate.segment import segment_article


class CopyFinder(Protocol):
    """Finds copies of a batch's articles among everything seen so far (and within the batch).

    It sets `source_group` and `copy_of` on the articles it recognises as copies. `start`
    begins the work and returns the call that finishes it (and gives the evidence).
    """

    def start(
        self,
        articles: Sequence[Article],
        keys: Sequence[Any] | None = None,
        docs: Sequence[Any] | None = None,
    ) -> Callable[[], list[CopyEvidence]]: ...

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
    # (source, note) of each article read whose text was guessed or had bytes replaced
    # (`Article.decoding`), known ones too
    decoded: list[tuple[str, str]] = field(default_factory=list)

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


class Prepared(NamedTuple):
    """An article after the per-article stage."""

    article: Article
    features: ArticleFeatures
    copy_keys: Any  # its copy-detection band keys (None when no copies are looked for)
    copy_doc: Any  # the sentences copy verification reads, maybe pickled (or None)
    # its features' terms as the store keeps them: JSON, written where the article was
    # prepared (in a worker, not in the sequential step)
    terms_json: str


_CHUNK = 32  # articles per task sent to a worker: signatures are computed a chunk at a time


def prepare(article: Article, copy_settings: CopySettings | None = None) -> Prepared:
    """The per-article stage: clean, segment, features; copy-detection data when asked."""
    return prepare_chunk([article], copy_settings)[0]


def prepare_chunk(
    articles: Sequence[Article], copy_settings: CopySettings | None = None, *, lean: bool = False
) -> list[Prepared]:
    """`prepare` for several articles at once (their passages are signed in one batch).

    `lean` drops what the global step never reads (sentences, removed blocks) before the
    articles travel back from a worker process, and sends the copy-detection documents
    pickled (the global step only forwards them to the workers that verify copies).
    """
    features = []
    for article in articles:
        clean_article(article)
        segment_article(article)
        features.append(extract_features(article))
    keys: list[Any] = [None] * len(articles)
    docs: list[Any] = [None] * len(articles)
    if copy_settings is not None:
        from corroborate.corpus.copies import prepare_copies

        keys, docs = prepare_copies(articles, copy_settings, packed=lean)
    if lean:
        for article in articles:
            article.sentences, article.removed = [], []
    terms = [json.dumps(feature.terms) for feature in features]
    return [Prepared(*row) for row in zip(articles, features, keys, docs, terms, strict=True)]


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
    items: Iterable[Item] | None = None,
    refine: bool = True,
) -> IngestCounts:
    """Read `inputs` (or the given `items`) into the store and return the counts.

    Copies are found with the copies stage's detector over the whole store unless
    `find_copies` is False (or another `copies` finder is given). After each batch, the stories
    it touched get a second look (`BatchRefiner`: split and merge), and at the end each article
    of the run looks again for its story (`BatchRefiner.finish`), unless `refine` is False.

    Inputs that fail are counted and stored with their reason; the rest goes on. A StoreError
    (locked, read-only, disk full) stops the run with the store consistent. Earlier runs still
    marked 'running' whose process on this machine is gone (killed, or locked out when they
    tried to write their end) are first marked 'interrupted'.
    """
    store.close_interrupted_runs()
    clusterer = load_clusterer(store, settings)
    existing = set(clusterer.stories)  # to tell new stories from grown ones at the end
    counts = IngestCounts()
    run_id = store.begin_run(inputs)
    stream = read_items(inputs) if items is None else iter(items)
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    status = "failed"
    refiner = BatchRefiner(store, clusterer) if refine else None
    with _fewer_collections(), _executor(workers) as pool:
        if copies is None and find_copies:
            from corroborate.corpus.copies import StoreCopyFinder

            copies = StoreCopyFinder(store, pool=pool)
        copy_settings = getattr(copies, "settings", None)
        try:
            batches = _batches(stream, batch_size)
            waiting = _prepare_batch(next(batches, []), store, pool, copy_settings)
            previous: _Staged | None = None
            while waiting.parts:
                # The copies of batch N go to the workers first, then the articles of N+1,
                # while this process stores batch N-1.
                staged = _stage(waiting, store, copies, previous)
                waiting = _prepare_batch(next(batches, []), store, pool, copy_settings)
                if previous:
                    _store_batch(previous, store, run_id, clusterer, counts, progress, refiner)
                previous = staged
            if previous:
                _store_batch(previous, store, run_id, clusterer, counts, progress, refiner)
            if refiner:  # each article of the run looks again, with the run's final weights
                refiner.finish(run_id)
            _count_stories(store, run_id, existing, counts)
            status = "done"
        finally:
            _finish(store, run_id, counts, status)
    return counts


@contextmanager
def _fewer_collections(young: int = 50_000) -> Iterator[None]:
    """Run with the cyclic garbage collector's young generation `young` objects long.

    Ingest builds a large, long-lived heap (story centroids, the candidate index, term
    counts) a few objects per article, nearly none of them in reference cycles; with the
    default 700 the collector ran thousands of times and took ~15% of this process's CPU at
    10k articles. The state loaded from the store is frozen (never scanned again). Cycles are
    still collected, later; the settings are restored at the end.
    """
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(max(young, threshold[0]), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if not frozen:  # a caller's own frozen objects stay frozen
            gc.unfreeze()


def _count_stories(
    store: SqliteStore, run_id: int, existing: set[str], counts: IngestCounts
) -> None:
    """The run's story counts as the store holds them at its end.

    The per-batch counts (shown while the run goes) cannot see later merges, splits and
    end-of-run moves: a story counted new in one batch may have been merged into another by
    the end. The final counts are the stories that now hold articles of this run: new if the
    store did not have them when the run began, grown if it did.
    """
    now = {row[0] for row in store.query(_RUN_STORIES, (run_id,))}
    counts.new_stories = len(now - existing)
    counts.grown_stories = len(now & existing)


# Stories holding the run's articles, via the articles(run_id) index.
_RUN_STORIES = "SELECT DISTINCT story_id FROM articles WHERE run_id = ? AND story_id IS NOT NULL"


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


class _Chunk(NamedTuple):
    """A few items of a batch after the per-article stage (in a worker, or here)."""

    prepared: list[Prepared]  # the articles the store did not have, in the order read
    errors: list[ReadError]  # lines that could not be read, in order
    read: int  # articles read, known ones included
    decoded: list[tuple[str, str]]  # (source, note) of each article read whose text was changed


@dataclass(slots=True)
class _Prepared:
    """A batch read, its per-article stage under way: in stream order, each input that failed
    and the (future) chunks of the items between them."""

    parts: list[ReadError | Future[_Chunk] | _Chunk]


def _prepare_batch(
    batch: list[Item],
    store: SqliteStore,
    pool: Executor | None,
    copy_settings: CopySettings | None,
) -> _Prepared:
    path = store.path if Path(store.path).is_file() else None
    parts: list[ReadError | Future[_Chunk] | _Chunk] = []
    run: list[Article | JsonLine] = []
    for item in [*batch, None]:  # (None: the end, to send the last run)
        if isinstance(item, Article | JsonLine):
            run.append(item)
            continue
        for start in range(0, len(run), _CHUNK):
            chunk = run[start : start + _CHUNK]
            parts.append(
                pool.submit(prepare_items, chunk, copy_settings, path)
                if pool
                else prepare_items(chunk, copy_settings, store=store)
            )
        run = []
        if item is not None:
            parts.append(item)
    return _Prepared(parts)


def prepare_items(
    items: Sequence[Article | JsonLine],
    copy_settings: CopySettings | None,
    path: str | None = None,
    *,
    store: SqliteStore | None = None,
) -> _Chunk:
    """A chunk's JSON lines parsed, the articles the store has dropped, the rest prepared.

    Given no `store`, this runs in a worker process: the store at `path` is read through the
    worker's own read-only connection (with no `path`, every article is prepared and the
    caller drops the known ones), and what is prepared is made `lean` to travel back.
    """
    read = [jsonl_line(item) if isinstance(item, JsonLine) else item for item in items]
    articles = [item for item in read if isinstance(item, Article)]
    lookup = store or (process_store(path) if path is not None else None)
    known = lookup.known_ids(a.id for a in articles) if lookup is not None else set()
    fresh = [a for a in _unique(articles) if a.id not in known]
    return _Chunk(
        prepared=prepare_chunk(fresh, copy_settings, lean=store is None) if fresh else [],
        errors=[item for item in read if isinstance(item, ReadError)],
        read=len(articles),
        decoded=[(a.source, a.decoding) for a in articles if a.decoding],
    )


@dataclass(slots=True)
class _Staged:
    """A prepared batch whose copies are being verified."""

    errors: list[ReadError]
    read: int
    decoded: list[tuple[str, str]]
    articles: list[Article]
    features: list[ArticleFeatures]
    copies: Callable[[], list[CopyEvidence]] | None
    saved: list[tuple[str, bytes]]
    terms: list[str]  # the features' terms as JSON


def _stage(
    batch: _Prepared, store: SqliteStore, copies: CopyFinder | None, unwritten: _Staged | None
) -> _Staged:
    """Collect the batch's per-article stage and start finding its copies."""
    errors: list[ReadError] = []
    chunks = []
    for part in batch.parts:
        if isinstance(part, ReadError):
            errors.append(part)
        else:
            chunks.append(_result(part))
            errors.extend(chunks[-1].errors)
    # The batch was checked against the store before the two before it were written; the
    # one before it is not written yet. (And one article may be in two chunks.)
    first: dict[str, Prepared] = {}
    for chunk in chunks:
        for item in chunk.prepared:
            first.setdefault(item.article.id, item)
    prepared = list(first.values())
    written = store.known_ids(item.article.id for item in prepared)
    if unwritten:
        written.update(article.id for article in unwritten.articles)
    prepared = [item for item in prepared if item.article.id not in written]
    fresh = [item.article for item in prepared]
    features = [_interned(item.features) for item in prepared]
    found = None
    if copies and fresh:
        keys = [item.copy_keys for item in prepared]
        docs = [item.copy_doc for item in prepared]
        complete = all(key is not None for key in keys) and all(d is not None for d in docs)
        found = copies.start(fresh, keys if complete else None, docs if complete else None)
    saved = copies.take_keys() if copies else []
    return _Staged(
        errors,
        sum(c.read for c in chunks),
        [note for c in chunks for note in c.decoded],
        fresh,
        features,
        found,
        saved,
        [item.terms_json for item in prepared],
    )


def _result(part: Future[_Chunk] | _Chunk) -> _Chunk:
    return part.result() if isinstance(part, Future) else part


def _interned(features: ArticleFeatures) -> ArticleFeatures:
    """The features with their terms interned: every story centroid, posting and count that
    holds a term then shares one string, instead of one per article it came from."""
    features.terms = {sys.intern(term): value for term, value in features.terms.items()}
    return features


def _store_batch(
    staged: _Staged,
    store: SqliteStore,
    run_id: int,
    clusterer: StoryClusterer,
    counts: IngestCounts,
    progress: Progress | None,
    refiner: BatchRefiner | None = None,
) -> None:
    """The global step for one batch (copies, stories) and its one transaction."""
    fresh, features, saved = staged.articles, staged.features, staged.saved
    evidence = staged.copies() if staged.copies else []
    before = set(clusterer.stories)
    assignments = _assign(fresh, features, evidence, clusterer, store)
    touched = {a.story for a in assignments}
    stories: list[StoryState] = [clusterer.stories[sid] for sid in sorted(touched)]
    store.write_batch(
        run_id, fresh, features, assignments, evidence, staged.errors, stories, saved, staged.terms
    )
    if refiner:  # its own transaction: killed before it, the store holds the one-pass stories
        save_refinement(store, refiner.refine(touched))
    counts.read += staged.read
    counts.failed += len(staged.errors)
    counts.errors.extend(staged.errors)
    counts.decoded.extend(staged.decoded)
    counts.new += len(fresh)
    counts.known += staged.read - len(fresh)
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


def _batches(stream: Iterator[Item], size: int) -> Iterator[list[Item]]:
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
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context(method))
    # Start the workers now, before this process reads the inputs and loads the copy index:
    # forked later, each would start out holding those too.
    pool.submit(os.getpid).result()
    return pool


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
