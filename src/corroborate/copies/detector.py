"""The scalable detector: passage signatures, an incremental LSH index, verified pairs."""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from corroborate.copies.lsh import PassageLshIndex, self_join
from corroborate.copies.minhash import SignatureBatch, band_keys, signatures
from corroborate.copies.settings import CopySettings
from corroborate.copies.text import Unit, paragraph_spans, sentence_units, words
from corroborate.copies.verify import (
    Alignment,
    CopyMatch,
    align,
    copy_kind,
    copy_similarity,
    is_whole_copy,
    shared_passages,
)
from corroborate.records import Article


@dataclass(slots=True, frozen=True)
class DocInfo:
    """What verification needs about a document besides its sentences."""

    id: str
    units: list[Unit]
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    # The page's text outside the story (headline, dateline, byline, credit lines), folded by
    # `page_credits`: a reprint names there the wire it ran ("PORT AMELINE, Nov 15 (Meridian
    # Wire) —"), which says who copied whom when dates cannot.
    credits: str = ""

    @property
    def words(self) -> int:
        return sum(len(u.words) for u in self.units)


_NOT_WORD = re.compile(r"[\W_]+")
_CREDIT_CHARS = 2000  # the head and tail of a page: enough for its datelines and credit lines


def _fold(text: str) -> str:
    return f" {_NOT_WORD.sub(' ', text.casefold()).strip()} "


def page_credits(text: str, kept: Sequence[tuple[int, int]]) -> str:
    """The text outside the kept spans, folded (lower case, words only) for `credits`."""
    pieces, position = [], 0
    for start, end in sorted(kept):
        pieces.append(text[position:start])
        position = max(position, end)
    pieces.append(text[position:])
    outside = " ".join(pieces)
    if len(outside) > 2 * _CREDIT_CHARS:
        outside = f"{outside[:_CREDIT_CHARS]} {outside[-_CREDIT_CHARS:]}"
    return _fold(outside) if outside.strip() else ""


def credits(doc: DocInfo, other: DocInfo) -> bool:
    """Whether `doc`'s page names `other`'s outlet as a credit, outside its story: a wire's
    copy names the wire. A one-word outlet counts only as an agency's capitals ("AP", "AFP"):
    a file's name ("reuters-copy" is two words, "news" would match any masthead)."""
    return names_outlet(doc.credits, doc.outlet, other.outlet)


def names_outlet(credits: str, own: str | None, outlet: str | None) -> bool:
    """Whether folded page `credits` (`page_credits`) of an article of outlet `own` name
    another `outlet` (see `credits`)."""
    if not outlet or not credits:
        return False
    name = _fold(outlet)
    if name == _fold(own or "") or not name.strip():
        return False
    if len(name.split()) < 2 and not (outlet.isupper() and 2 <= len(outlet) <= 5):
        return False
    return name in credits


def text_units(text: str) -> list[Unit]:
    """Sentences of a corpus-mode text (paragraphs are its non-empty lines)."""
    return sentence_units(text, paragraph_spans(text))


def pick_origin(docs: Sequence[DocInfo]) -> DocInfo:
    """The likeliest origin among copies of one text: the one the others credit (by its outlet's
    name outside their story), else the earliest published, else the most complete.

    Days, not times: reprints run the same day, and a scraped time of day is too unreliable
    to let a shorter same-day reprint become the origin of a fuller text. When some have no
    date, only completeness counts (a missing date says nothing about who wrote first), and
    texts within 10% of the longest count as equally complete: a dated one is then preferred,
    so that a copy desk adding a word does not make the reprint the origin.
    """
    credited = [d for d in docs if any(credits(o, d) for o in docs if o is not d)]
    if len(credited) == 1 and not any(credits(credited[0], o) for o in docs):
        return credited[0]  # the others name it as their source: a wire and its reprints
    if all(d.published for d in docs):
        return min(docs, key=lambda d: (published_day(d.published), -d.words, d.id))
    longest = max(d.words for d in docs)
    complete = [d for d in docs if d.words >= 0.9 * longest]
    return min(
        complete, key=lambda d: (d.published is None, published_day(d.published), -d.words, d.id)
    )


def published_day(published: str | None) -> str:
    """The day of a published value ("" when undated): copies are ordered by days, not times."""
    return (published or "")[:10]


def is_dated(*docs: DocInfo) -> bool:
    return all(d.published for d in docs)


def relate(a: DocInfo, b: DocInfo, settings: CopySettings) -> CopyMatch | None:
    """Verify one candidate pair: a CopyMatch (with direction and kind), or None."""
    same_outlet = bool(a.outlet and b.outlet and a.outlet.casefold() == b.outlet.casefold())
    alignment = align(a.units, b.units, settings, same_outlet=same_outlet)
    if not alignment.is_copy(settings):
        return None
    whole = is_whole_copy(alignment, settings, a.words, b.words) or is_abridged_reprint(
        alignment, settings, a, b
    )
    if whole:
        copy_is_a = pick_origin([a, b]) is b
    else:
        dated = is_dated(a, b)
        # Shared passages come from the earlier article, else from the longer one: a partial
        # copy embeds a few paragraphs of a fuller story (group sizes refine this later).
        copy_is_a = partial_rank(a, dated) > partial_rank(b, dated)
    copy, origin = (a, b) if copy_is_a else (b, a)
    titles_differ = bool(a.title and b.title and a.title.strip() != b.title.strip())
    return CopyMatch(
        copy=copy.id,
        origin=origin.id,
        kind=copy_kind(alignment, whole=whole, copy_is_a=copy_is_a, titles_differ=titles_differ),
        similarity=copy_similarity(alignment, copy.units, copy_is_a),
        whole=whole,
        copy_coverage=round(alignment.coverage_a if copy_is_a else alignment.coverage_b, 4),
        origin_coverage=round(alignment.coverage_b if copy_is_a else alignment.coverage_a, 4),
        passages=shared_passages(alignment, copy.units, origin.units, copy_is_a),
        origin_similarity=copy_similarity(alignment, origin.units, not copy_is_a),
    )


def is_abridged_reprint(
    alignment: Alignment, settings: CopySettings, a: DocInfo, b: DocInfo
) -> bool:
    """Whether the shorter text is the longer one cut down: (almost) all its words are the
    longer one's, and it is not the older of the two.

    Such a reprint has no words of its own, so it is no independent source however much it
    cut (a reprint keeping 45% of a wire story had counted as a source of its own). A shorter
    text dated before the longer one is a brief that the longer report embeds or grew from: a
    partial copy, and the longer report's own words stay its own source.
    """
    short, longer = (a, b) if a.words <= b.words else (b, a)
    short_coverage = alignment.coverage_a if short is a else alignment.coverage_b
    if short_coverage < settings.abridged_coverage:
        return False
    return not (is_dated(a, b) and published_day(short.published) < published_day(longer.published))


def partial_rank(doc: DocInfo, dated: bool, group_size: int = 1) -> tuple[str, int, int, str]:
    """Sort key of the likelier origin of shared passages: earlier day (when both are dated),
    then the article that others reprint whole (a wire story), then the longer one."""
    return (published_day(doc.published) if dated else "", -group_size, -doc.words, doc.id)


class MinhashCopyDetector:
    """Copy detection for a growing corpus: add batches, get verified copy relations.

    Documents get numbers in the order they are added; the index keeps only band keys (linear
    memory), so verification asks the caller for documents by id (`docs`), e.g. from a store.
    """

    def __init__(self, settings: CopySettings | None = None) -> None:
        self.settings = settings or CopySettings()
        self.index = PassageLshIndex(self.settings.bands, self.settings.max_bucket)
        self.ids: list[str] = []
        # folded text of passages found in many documents, by document (see `add`)
        self._common: dict[str, list[str]] = {}

    def signatures(self, texts: Sequence[str]) -> SignatureBatch:
        """MinHash signatures of every passage of the texts (batched, on all `processes`)."""
        return signatures(texts, self.settings)

    def add(self, ids: Sequence[str], texts: Sequence[str]) -> list[tuple[str, str]]:
        """Index a batch; return candidate pairs among it and with everything indexed before."""
        if len(ids) != len(texts):
            raise ValueError(f"got {len(ids)} ids for {len(texts)} texts; give one id per text")
        batch = self.signatures(texts)
        keys = band_keys(batch, self.settings)
        docs = (batch.doc + len(self.ids)).astype(np.int32)
        old_spread = np.zeros(len(batch), dtype=np.int64)
        new_spread = np.zeros(len(batch), dtype=np.int64)
        found = [
            self.index.query(keys, docs, old_spread),
            self_join(keys, docs, self.settings.max_bucket, new_spread),
        ]
        self.index.add(keys, docs)
        self.ids.extend(ids)
        common = np.flatnonzero(old_spread + new_spread >= self.settings.common_passage_docs)
        for p in common:
            text = texts[int(batch.doc[p])]
            folded = " ".join(words(text[int(batch.start[p]) : int(batch.end[p])]))
            self._common.setdefault(self.ids[int(docs[p])], []).append(folded)
        pairs = np.concatenate(found)
        return [(self.ids[int(x)], self.ids[int(y)]) for x, y in pairs]

    def verify(
        self,
        pairs: Iterable[tuple[str, str]],
        docs: Callable[[str], DocInfo],
        *,
        processes: int = 1,
    ) -> list[CopyMatch]:
        """Verified copy relations among the candidate pairs (each document loaded once).

        With `processes` > 1 the pairs are verified in forked worker processes, which call
        `docs` themselves: a loader that reads a database must open its own connection there.
        """
        ordered = sorted(pairs)  # pairs of one document together: it is loaded once per chunk
        if processes <= 1 or len(ordered) < 64 or not _can_fork():
            return self._verify_chunk(ordered, docs)
        size = -(-len(ordered) // (processes * 4))
        chunks = [ordered[i : i + size] for i in range(0, len(ordered), size)]
        context = multiprocessing.get_context("fork")
        with context.Pool(processes, initializer=_start_worker, initargs=(self, docs)) as pool:
            parts = pool.map(_verify_in_worker, chunks, chunksize=1)
        return [match for part in parts for match in part]

    def _verify_chunk(
        self, pairs: Sequence[tuple[str, str]], docs: Callable[[str], DocInfo]
    ) -> list[CopyMatch]:
        cache: dict[str, DocInfo] = {}

        def get(doc_id: str) -> DocInfo:
            if doc_id not in cache:
                cache[doc_id] = self.mark_common(docs(doc_id))
            return cache[doc_id]

        found = (relate(get(x), get(y), self.settings) for x, y in pairs)
        return [match for match in found if match is not None]

    def mark_common(self, doc: DocInfo) -> DocInfo:
        """Flag the document's sentences that lie in passages found in very many documents."""
        for passage in self._common.get(doc.id, ()):
            for unit in doc.units:
                unit.common = unit.common or unit.normal in passage
        return doc

    def find(
        self,
        ids: Sequence[str],
        texts: Sequence[str],
        published: Mapping[str, str | None] | None = None,
        outlets: Mapping[str, str | None] | None = None,
    ) -> list[CopyMatch]:
        """Index and verify a whole corpus held in memory, on a fresh detector.

        For a corpus that arrives in batches, call `add` per batch and `verify` its pairs with
        a loader that can fetch earlier documents (from the store).
        """
        if self.ids:
            raise ValueError(
                "find() needs a fresh detector: it can only load the texts it is given; "
                "use add() and verify() with a loader to extend an index"
            )
        by_id = dict(zip(ids, texts, strict=True))
        dates, names = published or {}, outlets or {}
        pairs = self.add(ids, texts)
        return self.verify(
            pairs,
            processes=self.settings.processes,
            docs=lambda i: DocInfo(
                i, text_units(by_id[i]), published=dates.get(i), outlet=names.get(i)
            ),
        )


def article_doc(article: Article) -> DocInfo:
    """An article's sentences (from its kept paragraphs) for verification."""
    spans: Sequence[tuple[int, int]] = (
        [(p.start, p.end) for p in article.paragraphs]
        if article.paragraphs or article.removed
        else paragraph_spans(article.text)  # not cleaned: every line is the story
    )
    return DocInfo(
        article.id,
        sentence_units(article.text, list(spans)),
        published=article.published,
        title=article.title,
        outlet=article.outlet,
        credits=page_credits(article.text, spans) if article.paragraphs else "",
    )


# The detector and loader a forked verification worker uses: set once per worker process by
# the pool's initializer (fork passes them without pickling), never in the parent.
_worker: tuple[MinhashCopyDetector, Callable[[str], DocInfo]] | None = None


def _start_worker(detector: MinhashCopyDetector, docs: Callable[[str], DocInfo]) -> None:
    global _worker
    _worker = (detector, docs)


def _verify_in_worker(pairs: list[tuple[str, str]]) -> list[CopyMatch]:
    assert _worker is not None, "a verification worker runs only inside its pool"
    detector, docs = _worker
    return detector._verify_chunk(pairs, docs)


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()
