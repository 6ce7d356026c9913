"""Copies across a whole store, batch by batch, with the copies stage's MinhashCopyDetector.

Each batch's passages are signed and looked up in the detector's LSH index (everything stored
before, and the batch itself); candidate pairs are verified by sentence alignment, loading
stored articles from the store. A whole-article copy joins the source group of the article it
copies, so it counts as that source, never as a new one. The index's band keys are saved with
each batch (in the same transaction as the articles), so the next run rebuilds the index
without signing the store's texts again.

The work per article (band keys, the sentences verification reads) is done where the article
is prepared (ingest's worker processes: `prepare_copies`); given a process pool, the pairs are
verified there too (`start`), the workers loading stored articles through their own read-only
connection. Only the index look-up and the marking of copies stay in the calling process.
"""

from __future__ import annotations

import hashlib
import pickle
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corroborate.copies import DocInfo, MinhashCopyDetector
from corroborate.copies.detector import article_doc as units_doc
from corroborate.copies.detector import names_outlet, page_credits, published_day, relate
from corroborate.copies.lsh import self_join
from corroborate.copies.minhash import U32, WordHashes, band_keys, batch_signatures
from corroborate.copies.settings import CopySettings
from corroborate.copies.text import sentence_units
from corroborate.copies.verify import CopyMatch
from corroborate.corpus.features import text_date
from corroborate.corpus.store import SqliteStore, process_store
from corroborate.records import Article, CopyEvidence

# A document for verification, or the same pickled: worker processes make them pickled, this
# process only holds and forwards them to the workers that verify (unpickled, then pickled
# again for each task that needs one, they cost this process ~1 ms an article at 100k).
AnyDoc = DocInfo | bytes

_DOC_CACHE = 3000
_CHUNK = 20_000  # articles per chunk of the index's load (see `_load_index`)
_PARTNERS = 4
_PAIRS_PER_TASK = 128  # candidate pairs per verification task sent to a worker


@dataclass(slots=True)
class _SavedIndex:
    """The copy index after the load's first `articles` articles (whole chunks)."""

    articles: int
    last_rowid: int  # the store's rowid of the last of them
    ids: str  # a digest of their ids, in order
    segments: list[tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]]


def _digest(ids: list[str]) -> str:
    return hashlib.blake2b("\x00".join(ids).encode(), digest_size=16).hexdigest()


class StoreCopyFinder:
    """Finds whole-article copies of new articles among a store's articles and each other."""

    def __init__(
        self,
        store: SqliteStore,
        settings: CopySettings | None = None,
        pool: Executor | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or CopySettings(processes=1)
        self.detector = MinhashCopyDetector(self.settings)
        self._pending: list[tuple[str, bytes]] = []
        # Recently seen documents, parsed: a story's new articles are verified against the
        # same few earlier ones batch after batch. Bounded, so memory stays flat.
        self._docs: OrderedDict[str, AnyDoc] = OrderedDict()
        # The documents of the last two batches, held whatever the cache drops: ingest starts
        # a batch's verification before the batch before it is written to the store.
        self._recent: list[dict[str, AnyDoc]] = [{}, {}]
        # Workers can verify only when they can open the store themselves.
        path = Path(store.path)
        self.pool = pool if pool is not None and path.is_file() else None
        self._path = str(path.absolute())
        self._load_index()

    def _load_index(self) -> None:
        """Build the LSH index from the band keys saved by earlier runs, in chunks of `_CHUNK`
        articles, starting from the index saved after the whole chunks of an earlier load
        when the store has one; save it again when this load added whole chunks.

        The segments depend on the chunks (a bucket's first `max_bucket` holders are taken
        per segment), so the saved index is exactly the state a load from every key reaches
        after those chunks: loading from it gives the same index, without sorting every key
        again (1.4 s of CPU a run at 100k articles).
        """
        saved = self._saved_index()
        if saved is not None and not self._load_keys(saved):
            self.detector = MinhashCopyDetector(self.settings)  # the store changed: rebuild
            saved = None
        if saved is None:
            self._load_keys(None)

    def _load_keys(self, saved: _SavedIndex | None) -> bool:
        """Load the keys after the saved index's articles (all without one); False, having
        loaded nothing of it, if the store's first articles are not the ones it covers."""
        ids, blobs = self.detector.ids, []
        restored = saved is None
        reached: _SavedIndex | None = None
        for rowid, article_id, blob in self.store.iter_copy_keys_after(
            saved.last_rowid if saved else 0
        ):
            if blob is not None and not restored:
                if not self._restore(saved):
                    return False
                restored = True
            ids.append(article_id)
            if blob is None:
                continue
            blobs.append(blob)
            if len(blobs) >= _CHUNK:
                self._add_chunk(blobs)
                reached = _SavedIndex(len(ids), rowid, _digest(ids), self.detector.index.segments())
        if not restored and not self._restore(saved):
            return False
        self._add_chunk(blobs)
        if reached is not None and not self.store.read_only:
            self._save_index(reached)
        return True

    def _restore(self, saved: _SavedIndex | None) -> bool:
        """Take the saved segments if the articles read so far are the ones they cover."""
        if saved is None:
            return True
        ids = self.detector.ids
        if len(ids) != saved.articles or _digest(ids) != saved.ids:
            return False
        self.detector.index.restore(saved.segments)
        return True

    def _saved_index(self) -> _SavedIndex | None:
        found = self.store.load_copy_index()
        if found is None:
            return None
        info, parts = found
        if info.get("format") != 1 or info.get("bands") != self.settings.bands:
            return None
        if info.get("chunk") != _CHUNK:
            return None
        segments = []
        for keys, docs in parts:
            k = np.frombuffer(keys, dtype=np.uint32).reshape(self.settings.bands, -1)
            d = np.frombuffer(docs, dtype=np.int32).reshape(self.settings.bands, -1)
            segments.append((k, d))
        return _SavedIndex(info["articles"], info["last_rowid"], info["ids"], segments)

    def _save_index(self, reached: _SavedIndex) -> None:
        info = {
            "format": 1,
            "bands": self.settings.bands,
            "chunk": _CHUNK,
            "articles": reached.articles,
            "last_rowid": reached.last_rowid,
            "ids": reached.ids,
        }
        # (memoryviews of the arrays: SQLite reads the bytes in place, no copy of the index)
        parts = [
            (
                np.ascontiguousarray(k, np.uint32).data,
                np.ascontiguousarray(d, np.int32).data,
            )
            for k, d in reached.segments
        ]
        self.store.save_copy_index(info, parts)

    def _add_chunk(self, blobs: list[bytes]) -> None:
        """Index the chunk's saved keys, each article numbered by its place in `ids`.

        The chunk's keys are read as one array (two small arrays an article cost ~3 us each:
        0.3 s of CPU a run at 100k articles).
        """
        if not blobs:
            return
        width = 4 * self.settings.bands  # bytes of one passage's band keys
        passages = []
        for blob in blobs:
            count, rest = divmod(len(blob), width)
            if rest:
                raise ValueError(f"saved band keys of {len(blob)} bytes, not passages of {width}")
            passages.append(count)
        first = len(self.detector.ids) - len(blobs)
        keys = np.frombuffer(b"".join(blobs), dtype=np.uint32).reshape(-1, self.settings.bands)
        docs = np.repeat(np.arange(first, first + len(blobs), dtype=np.int32), passages)
        self.detector.index.add(keys, docs)
        blobs.clear()

    def take_keys(self) -> list[tuple[str, bytes]]:
        """The band keys of the articles added since the last call, to save with the batch."""
        pending, self._pending = self._pending, []
        return pending

    def add(
        self,
        articles: Sequence[Article],
        keys: Sequence[U32] | None = None,
        docs: Sequence[AnyDoc] | None = None,
    ) -> list[CopyEvidence]:
        """Index the batch, verify its candidates; mark copies (`source_group`, `copy_of`).

        `keys` and `docs` are the articles' `prepare_copies` when worker processes computed
        them already.
        """
        return self.start(articles, keys, docs)()

    def start(
        self,
        articles: Sequence[Article],
        keys: Sequence[U32] | None = None,
        docs: Sequence[AnyDoc] | None = None,
    ) -> Callable[[], list[CopyEvidence]]:
        """Index the batch and start verifying its candidate pairs (in the pool, if any).

        Returns the call that waits for the verification and marks the copies: the caller
        can do other work (read the next batch) in between.
        """
        if keys is None or docs is None:
            keys, docs = prepare_copies(articles, self.settings)
        pairs = sorted(self._index(articles, keys))
        # (each article's document, in the articles' order: packed ones do not show their ids)
        self._recent = [self._recent[-1], {a.id: d for a, d in zip(articles, docs, strict=True)}]
        for article, doc in zip(articles, docs, strict=True):
            self._remember(article.id, doc)
        if self.pool is None:
            found = [relate(self._doc(x), self._doc(y), self.settings) for x, y in pairs]
            matches = [m for m in found if m is not None]
            return lambda: self._mark(articles, [m for m in matches if m.whole])
        tasks = [
            self._submit(pairs[i : i + _PAIRS_PER_TASK])
            for i in range(0, len(pairs), _PAIRS_PER_TASK)
        ]

        def finish() -> list[CopyEvidence]:
            matches = [m for task in tasks for m in task.result()]
            return self._mark(articles, [m for m in matches if m.whole])

        return finish

    def _submit(self, pairs: list[tuple[str, str]]) -> Future[list[CopyMatch]]:
        """Send pairs to a worker with the documents this process has parsed already."""
        assert self.pool is not None
        known = {i: d for pair in pairs for i in pair if (d := self._held(i)) is not None}
        return self.pool.submit(_verify_in_worker, self._path, self.settings, pairs, known)

    def _index(self, articles: Sequence[Article], keys: Sequence[U32]) -> list[tuple[str, str]]:
        """The detector's `add` on precomputed keys, keeping each article's keys to save."""
        detector, settings = self.detector, self.settings
        first = len(detector.ids)
        rows = np.concatenate([*keys, np.zeros((0, settings.bands), np.uint32)])
        docs = np.concatenate(
            [np.full(len(k), first + n, dtype=np.int32) for n, k in enumerate(keys)]
            + [np.zeros(0, np.int32)]
        )
        found = [
            detector.index.query(rows, docs, newest=_PARTNERS),
            self_join(rows, docs, settings.max_bucket),
        ]
        detector.index.add(rows, docs)
        detector.ids.extend(a.id for a in articles)
        for article, own in zip(articles, keys, strict=True):
            self._pending.append((article.id, np.ascontiguousarray(own, np.uint32).tobytes()))
        return [(detector.ids[x], detector.ids[y]) for x, y in _nearest(np.concatenate(found))]

    def _held(self, article_id: str) -> AnyDoc | None:
        for batch in self._recent:
            if article_id in batch:
                return batch[article_id]
        return self._docs.get(article_id)

    def _doc(self, article_id: str) -> DocInfo:
        doc = self._held(article_id)
        if doc is not None:
            if article_id in self._docs:
                self._docs.move_to_end(article_id)
            return unpacked(doc)
        found = stored_doc(self.store, article_id)
        self._remember(article_id, found)
        return found

    def _remember(self, article_id: str, doc: AnyDoc) -> None:
        self._docs[article_id] = doc
        self._docs.move_to_end(article_id)
        if len(self._docs) > _DOC_CACHE:
            self._docs.popitem(last=False)

    def _mark(self, articles: Sequence[Article], whole: list[CopyMatch]) -> list[CopyEvidence]:
        """Each new article that copies another joins that one's source group.

        Within the batch the earlier published, else the fuller text is the origin, as in a
        report; input order decides only between texts alike in both (a verbatim reprint of
        the same day). Input order used to decide everything, so a wire story read after its
        abridged reprint was stored as the reprint's copy. An article stored before is never
        re-labelled, so a new one joins it whichever way the match points.
        """
        order = {a.id: n for n, a in enumerate(articles)}
        links = {
            a.id: best for a in articles if (best := _best_origin(a.id, whole, articles, order))
        }
        found: dict[str, CopyEvidence] = {}

        def join(article_id: str) -> None:
            if article_id in found or article_id not in links:
                return
            match, other = links[article_id]
            # the origin first, so a chain of copies ends in one group; marking before
            # recursing stops a cycle, which consistent directions never give
            found[article_id] = CopyEvidence(
                article_id, other, match.kind, round(match.similarity, 4)
            )
            if other in order:
                join(other)
            article = articles[order[article_id]]
            article.source_group, article.copy_of = self._group_of(other, articles, order)

        for article in articles:
            join(article.id)
        return [found[a.id] for a in articles if a.id in found]

    def _group_of(
        self, other: str, articles: Sequence[Article], order: dict[str, int]
    ) -> tuple[str, str]:
        if other in order:
            earlier = articles[order[other]]
            return earlier.source_group or earlier.id, earlier.copy_of or earlier.id
        group, origin = self.store.group_of(other)
        return group or other, origin or other


def passage_keys(text: str, settings: CopySettings) -> U32:
    """The LSH band keys of a text's passages (shape: passages x bands), for `add`."""
    return band_keys(batch_signatures([text], settings), settings)


# This process's word hashes (each distinct word hashed once), renewed when it grows large.
_hashes: WordHashes | None = None
_HASHED_WORDS = 500_000


def prepare_copies(
    articles: Sequence[Article], settings: CopySettings, *, packed: bool = False
) -> tuple[list[U32], list[AnyDoc]]:
    """What copy detection needs of each article, computed where the articles are prepared:
    its passages' band keys (signed together, in one batch) and the sentences verification
    reads, with the same metadata a stored article has (`stored_doc`); `packed`: pickled,
    for a worker process to send."""
    global _hashes
    if _hashes is None or len(_hashes.ids) > _HASHED_WORDS:
        _hashes = WordHashes(settings.seed)
    texts = [a.kept_text for a in articles]
    batch = batch_signatures(texts, settings, _hashes)
    keys = band_keys(batch, settings)
    ends = np.searchsorted(batch.doc, np.arange(len(texts) + 1), side="left")
    split = [keys[ends[n] : ends[n + 1]] for n in range(len(texts))]
    docs = [article_doc(a) for a in articles]
    if packed:
        return split, [pickle.dumps(doc, pickle.HIGHEST_PROTOCOL) for doc in docs]
    return split, list(docs)


def unpacked(doc: AnyDoc) -> DocInfo:
    """A document, unpickled if it came pickled."""
    return pickle.loads(doc) if isinstance(doc, bytes) else doc


def article_doc(article: Article) -> DocInfo:
    """An article's sentences for verification, as `stored_doc` reads it back later."""
    doc = units_doc(article)
    # the date the store keeps beside the published one (`coalesce(published, date)`)
    published = article.published or text_date(article.text[:600])
    return DocInfo(doc.id, doc.units, published, article.title, article.outlet, doc.credits)


def stored_doc(store: SqliteStore, article_id: str) -> DocInfo:
    """A stored article's sentences (kept paragraphs only) for verification."""
    text, spans, published, title, outlet = store.copy_source(article_id)
    credits = page_credits(text, spans) if spans != [(0, len(text))] else ""
    return DocInfo(article_id, sentence_units(text, spans), published, title, outlet, credits)


# The stored articles a worker process parsed, and the store they came from.
_worker_docs: OrderedDict[str, DocInfo] = OrderedDict()
_worker_docs_of: SqliteStore | None = None


def _verify_in_worker(
    path: str, settings: CopySettings, pairs: list[tuple[str, str]], known: dict[str, AnyDoc]
) -> list[CopyMatch]:
    """Verify candidate pairs in a worker: documents from `known`, else from the store."""
    global _worker_docs_of
    store = process_store(path)
    if store is not _worker_docs_of:
        _worker_docs.clear()  # a forked copy of the parent's state, or another store
        _worker_docs_of = store
    given = {article_id: unpacked(d) for article_id, d in known.items()}

    def doc(article_id: str) -> DocInfo:
        found = given.get(article_id) or _worker_docs.get(article_id)
        if found is None:
            found = _worker_docs[article_id] = stored_doc(store, article_id)
            if len(_worker_docs) > _DOC_CACHE:
                _worker_docs.popitem(last=False)
        return found

    found = (relate(doc(x), doc(y), settings) for x, y in pairs)
    return [match for match in found if match is not None]


def _nearest(pairs: np.ndarray[Any, Any], limit: int = _PARTNERS) -> list[tuple[int, int]]:
    """At most `limit` partners per new document, the most recently added first.

    A story reprinted a hundred times would otherwise cost a hundred verifications for each
    new reprint; copies run close in time, and a copy of a copy lands in the same group.
    In numpy: a shared passage links a new document to up to `max_bucket` earlier ones per
    band, so a large corpus gives thousands of pairs per batch.
    """
    if len(pairs) == 0:
        return []
    new = np.maximum(pairs[:, 0], pairs[:, 1]).astype(np.int64)
    old = np.minimum(pairs[:, 0], pairs[:, 1]).astype(np.int64)
    code = np.unique(new * (1 << 31) + ((1 << 31) - 1 - old))  # by new, then newest old
    new, old = code >> 31, (1 << 31) - 1 - (code & ((1 << 31) - 1))
    first = np.flatnonzero(np.r_[True, new[1:] != new[:-1]])
    rank = np.arange(len(new)) - np.repeat(first, np.diff(np.r_[first, len(new)]))
    keep = rank < limit
    return list(zip(new[keep].tolist(), old[keep].tolist(), strict=True))


def _best_origin(
    article: str, matches: list[CopyMatch], articles: Sequence[Article], order: dict[str, int]
) -> tuple[CopyMatch, str] | None:
    """The most similar whole-copy match that makes `article` a copy: of an article stored
    before (whichever way the match points), or of one of the batch that is older or fuller,
    else that was read before it."""
    mine = order[article]
    found = []
    for match in matches:
        if article not in (match.copy, match.origin):
            continue
        other = match.origin if match.copy == article else match.copy
        if other not in order:
            found.append((match.similarity, other, match))
            continue
        decided = _decided(match, articles[order[match.copy]], articles[order[match.origin]])
        if (match.copy == article) if decided else order[other] < mine:
            found.append((match.similarity, other, match))
    if not found:
        return None
    _, other, match = max(found, key=lambda f: (f[0], f[1]))
    return match, other


def _credits(article: Article, other: Article) -> bool:
    kept = [(p.start, p.end) for p in article.paragraphs]
    credits = page_credits(article.text, kept) if kept else ""
    return names_outlet(credits, article.outlet, other.outlet)


def _decided(match: CopyMatch, copy: Article, origin: Article) -> bool:
    """Whether the match's direction rests on the texts (the origin is dated a day before the
    copy, or holds a tenth more of its words than the copy holds of the origin's)."""
    copy_day, origin_day = published_day(copy.published), published_day(origin.published)
    if copy_day and origin_day and origin_day < copy_day:
        return True
    if _credits(copy, origin) != _credits(origin, copy):
        return True  # one names the other's outlet as its credit (`pick_origin`)
    return match.origin_coverage + 0.1 <= match.copy_coverage
