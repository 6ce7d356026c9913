"""Copies for a corpus that grows by batches (`corroborate ingest`).

`ArticleCopyFinder.add(articles)` finds copies of a batch's articles among everything added
before and within the batch, sets `source_group`, `copy_of` and `borrowed` on the new
articles, and returns the evidence. Groups already stored keep their id and origin: a new
article joins an existing group (even when it would have made the better origin), and two
stored groups are never merged, so nothing written before has to be rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corroborate.copies.detector import (
    DocInfo,
    MinhashCopyDetector,
    article_doc,
    is_dated,
    partial_rank,
    pick_origin,
    relate,
)
from corroborate.copies.groups import best_per_group, borrowed_spans, to_evidence
from corroborate.copies.settings import CopySettings
from corroborate.copies.verify import CopyMatch
from corroborate.records import Article, CopyEvidence, Paragraph


@dataclass(slots=True)
class _Stored:
    """What verification needs of an earlier article when no loader is given."""

    text: str
    paragraphs: list[tuple[int, int]]
    published: str | None
    title: str | None
    outlet: str | None


class ArticleCopyFinder:
    """Incremental copy detection over Articles (the ingest's `CopyFinder`).

    `load(article_id)` fetches an earlier article (e.g. from the store) for verification;
    without it the finder keeps each article's text in memory (about its size in bytes).
    """

    def __init__(
        self,
        settings: CopySettings | None = None,
        load: Callable[[str], Article | None] | None = None,
    ) -> None:
        self.detector = MinhashCopyDetector(settings)
        self.settings = self.detector.settings
        self._load = load
        self._stored: dict[str, _Stored] = {}
        self._parent: dict[str, str] = {}
        self._origin: dict[str, str] = {}  # root -> origin article id
        self._size: dict[str, int] = {}  # root -> members

    def add(self, articles: Sequence[Article]) -> list[CopyEvidence]:
        batch = {a.id: article_doc(a) for a in articles}
        pairs = self.detector.add(list(batch), [a.kept_text for a in articles])
        cache: dict[str, DocInfo] = {}

        def get(doc_id: str) -> DocInfo:
            if doc_id in batch:
                return batch[doc_id]
            if doc_id not in cache:
                cache[doc_id] = self._earlier(doc_id)
            return cache[doc_id]

        matches = self.detector.verify(pairs, get)
        for doc_id in batch:
            self._parent[doc_id] = self._origin[doc_id] = doc_id
            self._size[doc_id] = 1
        self._merge([m for m in matches if m.whole], batch, get)
        evidence = self._assign(articles, matches, get)
        if self._load is None:
            for a in articles:
                spans = [(p.start, p.end) for p in a.paragraphs]
                self._stored[a.id] = _Stored(a.text, spans, a.published, a.title, a.outlet)
        return evidence

    def _earlier(self, doc_id: str) -> DocInfo:
        if self._load is not None:
            article = self._load(doc_id)
            if article is None:
                raise KeyError(f"the loader has no article {doc_id!r}; it was indexed before")
            return article_doc(article)
        stored = self._stored[doc_id]
        article = Article(
            id=doc_id,
            source="",
            text=stored.text,
            published=stored.published,
            title=stored.title,
            outlet=stored.outlet,
        )
        article.paragraphs = [Paragraph(s, e) for s, e in stored.paragraphs]
        return article_doc(article)

    def _root(self, x: str) -> str:
        while self._parent[x] != x:
            self._parent[x] = self._parent[self._parent[x]]
            x = self._parent[x]
        return x

    def _merge(
        self, whole: list[CopyMatch], batch: dict[str, DocInfo], get: Callable[[str], DocInfo]
    ) -> None:
        """Union new articles with their copies; a stored group always absorbs a new one."""
        for match in sorted(whole, key=lambda m: (m.copy, m.origin)):
            a, b = self._root(match.copy), self._root(match.origin)
            if a == b:
                continue
            old_a, old_b = a not in batch, b not in batch
            if old_a and old_b:
                continue  # two stored groups: never rewritten
            if old_a or old_b:
                keep, drop = (a, b) if old_a else (b, a)
            else:
                oa, ob = get(self._origin[a]), get(self._origin[b])
                keep, drop = (a, b) if pick_origin([oa, ob]) is oa else (b, a)
            self._parent[drop] = keep
            self._size[keep] += self._size.pop(drop)

    def _assign(
        self, articles: Sequence[Article], matches: list[CopyMatch], get: Callable[[str], DocInfo]
    ) -> list[CopyEvidence]:
        evidence: list[CopyEvidence] = []
        partials = self._partials(matches, get)
        for article in articles:
            root = self._root(article.id)
            origin = self._origin[root]
            article.source_group = f"g-{origin}"
            article.copy_of = origin if origin != article.id else None
            article.borrowed = borrowed_spans(partials, article.id)
            if article.copy_of:
                match = relate(get(article.id), get(origin), self.settings)
                if match is None or match.copy != article.id:
                    linking = [m for m in matches if m.whole and m.copy == article.id]
                    match = linking[0] if linking else match
                if match is not None:
                    evidence.append(to_evidence(match))
        evidence.extend(to_evidence(m) for m in partials)
        return evidence

    def _partials(self, matches: list[CopyMatch], get: Callable[[str], DocInfo]) -> list[CopyMatch]:
        found: list[tuple[CopyMatch, str]] = []
        for m in matches:
            ra, rb = self._root(m.copy), self._root(m.origin)
            if m.whole or ra == rb:
                continue
            copy, origin = get(m.copy), get(m.origin)
            dated = is_dated(copy, origin)
            if partial_rank(copy, dated, self._size[ra]) < partial_rank(
                origin, dated, self._size[rb]
            ):
                m, rb = m.flipped(), ra
            found.append((m, self._origin[rb]))
        return best_per_group(found)
