"""Copies across a whole store, batch by batch, with the copies stage's MinhashCopyDetector.

Each batch's passages are signed and looked up in the detector's LSH index (everything stored
before, and the batch itself); candidate pairs are verified by sentence alignment, loading
stored articles from the store. A whole-article copy joins the source group of the article it
copies, so it counts as that source, never as a new one. The index's band keys are saved with
each batch (in the same transaction as the articles), so the next run rebuilds the index
without signing the store's texts again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

import corroborate.copies as copies_stage
from corroborate.copies import DocInfo, MinhashCopyDetector
from corroborate.copies.lsh import self_join
from corroborate.copies.minhash import U32, band_keys, batch_signatures
from corroborate.copies.settings import CopySettings
from corroborate.copies.text import sentence_units
from corroborate.copies.verify import CopyMatch
from corroborate.corpus.store import SqliteStore
from corroborate.records import Article, CopyEvidence

_DOC_CACHE = 3000
_PARTNERS = 4


class StoreCopyFinder:
    """Finds whole-article copies of new articles among a store's articles and each other."""

    def __init__(self, store: SqliteStore, settings: CopySettings | None = None) -> None:
        self.store = store
        self.settings = settings or CopySettings(processes=1)
        self.detector = MinhashCopyDetector(self.settings)
        self._pending: list[tuple[str, bytes]] = []
        # Recently seen documents, parsed: a story's new articles are verified against the
        # same few earlier ones batch after batch. Bounded, so memory stays flat.
        self._docs: OrderedDict[str, DocInfo] = OrderedDict()
        self._load_index()

    def _load_index(self) -> None:
        """Rebuild the LSH index from the band keys saved by earlier runs, in large chunks."""
        keys: list[np.ndarray[Any, Any]] = []
        docs: list[np.ndarray[Any, Any]] = []
        for article_id, blob in self.store.iter_copy_keys():
            rows = np.frombuffer(blob, dtype=np.uint32).reshape(-1, self.settings.bands)
            docs.append(np.full(len(rows), len(self.detector.ids), dtype=np.int32))
            keys.append(rows)
            self.detector.ids.append(article_id)
            if len(keys) >= 20_000:
                self._add_chunk(keys, docs)
        self._add_chunk(keys, docs)

    def _add_chunk(self, keys: list[Any], docs: list[Any]) -> None:
        if keys:
            self.detector.index.add(np.concatenate(keys), np.concatenate(docs))
        keys.clear()
        docs.clear()

    def take_keys(self) -> list[tuple[str, bytes]]:
        """The band keys of the articles added since the last call, to save with the batch."""
        pending, self._pending = self._pending, []
        return pending

    def add(
        self, articles: Sequence[Article], keys: Sequence[U32] | None = None
    ) -> list[CopyEvidence]:
        """Index the batch, verify its candidates; mark copies (`source_group`, `copy_of`).

        `keys` are the articles' `passage_keys` when worker processes computed them already.
        """
        if keys is None:
            keys = [passage_keys(a.kept_text, self.settings) for a in articles]
        pairs = self._index(articles, keys)
        batch = {a.id: a for a in articles}
        matches = self.detector.verify(pairs, lambda i: self._doc(i, batch))
        return self._mark(articles, [m for m in matches if m.whole])

    def _index(self, articles: Sequence[Article], keys: Sequence[U32]) -> list[tuple[str, str]]:
        """The detector's `add` on precomputed keys, keeping each article's keys to save."""
        detector, settings = self.detector, self.settings
        first = len(detector.ids)
        rows = np.concatenate([*keys, np.zeros((0, settings.bands), np.uint32)])
        docs = np.concatenate(
            [np.full(len(k), first + n, dtype=np.int32) for n, k in enumerate(keys)]
            + [np.zeros(0, np.int32)]
        )
        found = [detector.index.query(rows, docs), self_join(rows, docs, settings.max_bucket)]
        detector.index.add(rows, docs)
        detector.ids.extend(a.id for a in articles)
        for article, own in zip(articles, keys, strict=True):
            self._pending.append((article.id, np.ascontiguousarray(own, np.uint32).tobytes()))
        return [(detector.ids[x], detector.ids[y]) for x, y in _nearest(np.concatenate(found))]

    def _doc(self, article_id: str, batch: dict[str, Article]) -> DocInfo:
        doc = self._docs.get(article_id)
        if doc is not None:
            self._docs.move_to_end(article_id)
            return doc
        article = batch.get(article_id)
        if article is not None:
            doc = copies_stage.article_doc(article)  # type: ignore[attr-defined]  # not in __all__
        else:
            text, spans, published = self.store.copy_source(article_id)
            doc = DocInfo(article_id, sentence_units(text, spans), published)
        self._docs[article_id] = doc
        if len(self._docs) > _DOC_CACHE:
            self._docs.popitem(last=False)
        return doc

    def _mark(self, articles: Sequence[Article], whole: list[CopyMatch]) -> list[CopyEvidence]:
        """Each new article that copies an earlier one joins that one's source group."""
        order = {a.id: n for n, a in enumerate(articles)}
        evidence = []
        for article in articles:
            best = _best_earlier(article.id, whole, order)
            if best is None:
                continue
            match, other = best
            group, origin = self._group_of(other, articles, order)
            article.source_group, article.copy_of = group, origin
            evidence.append(CopyEvidence(article.id, other, match.kind, round(match.similarity, 4)))
        return evidence

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


def _nearest(pairs: np.ndarray[Any, Any], limit: int = _PARTNERS) -> list[tuple[int, int]]:
    """At most `limit` partners per new document, the most recently added first.

    A story reprinted a hundred times would otherwise cost a hundred verifications for each
    new reprint; copies run close in time, and a copy of a copy lands in the same group.
    """
    partners: dict[int, list[int]] = {}
    for x, y in pairs.tolist():
        new, old = (x, y) if x > y else (y, x)
        partners.setdefault(new, []).append(old)
    return [
        (new, old)
        for new, olds in partners.items()
        for old in sorted(set(olds), reverse=True)[:limit]
    ]


def _best_earlier(
    article: str, matches: list[CopyMatch], order: dict[str, int]
) -> tuple[CopyMatch, str] | None:
    """The most similar whole-copy match with an article stored before, or earlier in batch."""
    mine = order[article]
    found = []
    for match in matches:
        if article not in (match.copy, match.origin):
            continue
        other = match.origin if match.copy == article else match.copy
        if order.get(other, -1) < mine:
            found.append((match.similarity, other, match))
    if not found:
        return None
    _, other, match = max(found, key=lambda f: (f[0], f[1]))
    return match, other
