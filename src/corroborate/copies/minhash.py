"""Passage signatures: word shingles hashed with xxhash, MinHash computed for a whole batch.

The values are exactly datasketch's `MinHash(scheme="affine32", seed=...)` values for the same
shingle hashes (`to_minhash` gives datasketch objects; a test checks the equality against
`MinHash.bulk`), but computed for every passage of a batch at once with numpy instead of one
Python call per document and one hash call per shingle: the per-shingle work is one xxhash per
distinct word, then array arithmetic.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import xxhash

from corroborate.copies.settings import CopySettings
from corroborate.copies.text import fold_word, paragraph_spans, passage_spans

U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]

# Odd 64-bit multipliers that combine a shingle's word hashes (a polynomial hash mod 2^64).
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0x85EBCA77C2B2AE63,
        0x27D4EB2F165667C5,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0xD6E8FEB86659FD93,
    ],
    dtype=np.uint64,
)


@dataclass(slots=True)
class SignatureBatch:
    """MinHash signatures of the passages of a batch of documents.

    Row i is passage i: it belongs to document `doc[i]` (an index into the batch's texts) and
    spans `start[i]:end[i]` of that document's text.
    """

    doc: npt.NDArray[np.int32]
    start: npt.NDArray[np.int32]
    end: npt.NDArray[np.int32]
    hashvalues: U32  # shape (passages, num_perm)

    def __len__(self) -> int:
        return len(self.doc)

    @classmethod
    def concat(
        cls, batches: Sequence[SignatureBatch], doc_offsets: Sequence[int]
    ) -> SignatureBatch:
        return cls(
            doc=np.concatenate([b.doc + off for b, off in zip(batches, doc_offsets, strict=True)]),
            start=np.concatenate([b.start for b in batches]),
            end=np.concatenate([b.end for b in batches]),
            hashvalues=np.concatenate([b.hashvalues for b in batches]),
        )


def permutations(settings: CopySettings) -> tuple[U32, U32]:
    """datasketch's affine32 permutation parameters for the settings' seed and size."""
    gen = np.random.RandomState(settings.seed)
    a = gen.randint(0, 1 << 31, settings.num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, settings.num_perm, dtype=np.uint32)
    return a, b


def fmix32(values: U32) -> U32:
    """MurmurHash3's 32-bit finalizer (datasketch applies it before permuting)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def shingle_hashes(
    word_hashes: npt.NDArray[np.uint64], starts: I64, ends: I64, k: int
) -> tuple[U32, I64]:
    """32-bit hashes of the k-word shingles inside each passage, and each passage's first row.

    Shingles never cross passages; a passage shorter than k words is one shingle.
    """
    n = len(word_hashes)
    combined = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        shifted = np.zeros(n, dtype=np.uint64)
        shifted[: n - j] = word_hashes[j:]
        combined += shifted * _MIX[j % len(_MIX)]
    lengths = ends - starts
    counts = np.maximum(lengths - k + 1, 1)
    first = np.zeros(len(starts), dtype=np.int64)
    np.cumsum(counts[:-1], out=first[1:])
    short = lengths < k
    if not short.any():
        # Shingle starts: positions from each passage's start to k words before its end.
        edges = np.zeros(n + 1, dtype=np.int32)
        np.add.at(edges, starts, 1)
        np.add.at(edges, ends - k + 1, -1)
        hashes = combined[np.cumsum(edges[:n]) > 0]
    else:
        # Row r of passage p is the shingle starting at word starts[p] + (r - first[p]).
        owner = np.repeat(np.arange(len(starts)), counts)
        hashes = combined[starts[owner] + (np.arange(counts.sum()) - first[owner])]
        for p in np.flatnonzero(short):  # a short passage: its words only, not the next ones
            acc = np.uint64(0)
            for j in range(int(lengths[p])):
                acc += word_hashes[starts[p] + j] * _MIX[j % len(_MIX)]
            hashes[first[p]] = acc
    folded = (hashes >> np.uint64(32)) ^ (hashes & np.uint64(0xFFFFFFFF))
    return folded.astype(np.uint32), first


def minhash_rows(shingles: U32, first: I64, settings: CopySettings) -> U32:
    """MinHash of each run of shingles: min over the run of a * fmix32(h) + b (mod 2^32)."""
    a, b = permutations(settings)
    mixed = fmix32(shingles)
    out = np.empty((len(first), settings.num_perm), dtype=np.uint32)
    buffer = np.empty_like(mixed)
    for j in range(settings.num_perm):
        np.multiply(mixed, a[j], out=buffer)
        buffer += b[j]
        out[:, j] = np.minimum.reduceat(buffer, first)
    return out


class WordHashes:
    """xxhash of each distinct (spelling-folded) word, kept across the batches of one call, so
    that each word is hashed once per process rather than once per occurrence or batch."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.ids: dict[str, int] = {}
        self.values = np.zeros(0, dtype=np.uint64)

    def lookup(self, words: list[str]) -> npt.NDArray[np.uint64]:
        new = set(words).difference(self.ids)
        if new:
            start = len(self.ids)
            self.ids.update(zip(new, range(start, start + len(new)), strict=True))
            fresh = np.fromiter(
                (xxhash.xxh64_intdigest(fold_word(w).encode(), self.seed) >> 1 for w in new),
                np.int64,
                len(new),
            ).view(np.uint64)
            self.values = np.concatenate([self.values, fresh])
        # small numbers (word ids) are what numpy reads fastest from Python
        return self.values[np.fromiter(map(self.ids.__getitem__, words), np.int32, len(words))]


def batch_signatures(
    texts: Sequence[str], settings: CopySettings, hashes: WordHashes | None = None
) -> SignatureBatch:
    """Signatures of every passage of the texts, in one process."""
    docs, starts_c, ends_c, lengths = [], [], [], []
    all_words: list[str] = []
    for index, text in enumerate(texts):
        for start, end, passage in passage_spans(
            text,
            paragraph_spans(text),
            min_words=settings.min_passage_words,
            max_words=settings.max_passage_words,
        ):
            docs.append(index)
            starts_c.append(start)
            ends_c.append(end)
            lengths.append(len(passage))
            all_words.extend(passage)
    if not docs:
        return _empty(settings)
    word_hashes = (hashes or WordHashes(settings.seed)).lookup(all_words)
    ends = np.cumsum(np.array(lengths, dtype=np.int64))
    shingles, first = shingle_hashes(word_hashes, ends - lengths, ends, settings.shingle_words)
    return SignatureBatch(
        doc=np.array(docs, dtype=np.int32),
        start=np.array(starts_c, dtype=np.int32),
        end=np.array(ends_c, dtype=np.int32),
        hashvalues=minhash_rows(shingles, first, settings),
    )


def _empty(settings: CopySettings) -> SignatureBatch:
    none = np.zeros(0, dtype=np.int32)
    return SignatureBatch(
        none, none.copy(), none.copy(), np.zeros((0, settings.num_perm), np.uint32)
    )


# A worker process's word hashes, kept while its pool lives (set by the pool's initializer).
_worker_hashes: WordHashes | None = None


def _start_worker(seed: int) -> None:
    global _worker_hashes
    _worker_hashes = WordHashes(seed)


def _work(job: tuple[Sequence[str], CopySettings]) -> SignatureBatch:
    return batch_signatures(*job, hashes=_worker_hashes)


def signatures(texts: Sequence[str], settings: CopySettings) -> SignatureBatch:
    """Signatures of the texts' passages, in batches spread over `settings.processes` cores."""
    size = settings.batch_size
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    if settings.processes <= 1 or len(chunks) <= 1:
        hashes = WordHashes(settings.seed)
        parts = [batch_signatures(chunk, settings, hashes) for chunk in chunks]
    else:
        context = multiprocessing.get_context("fork" if _can_fork() else "spawn")
        with context.Pool(
            settings.processes, initializer=_start_worker, initargs=(settings.seed,)
        ) as pool:
            parts = pool.map(_work, [(chunk, settings) for chunk in chunks], chunksize=1)
    if not parts:
        return _empty(settings)
    return SignatureBatch.concat(parts, list(range(0, len(texts), size)))


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def band_keys(batch: SignatureBatch, settings: CopySettings) -> U32:
    """One 32-bit key per band per passage: passages that agree on a whole band share a key.

    32 bits is the width the corpus store saves. Chance collisions (verified and dropped, so
    they cost time, not accuracy) grow with the square of the corpus: about 100 per band at a
    million passages (100k documents), 10,000 at ten million; 64-bit keys would remove them.
    """
    rows = batch.hashvalues[:, : settings.bands * settings.rows].astype(np.uint64)
    rows = rows.reshape(len(batch), settings.bands, settings.rows)
    key = np.zeros((len(batch), settings.bands), dtype=np.uint64)
    for j in range(settings.rows):
        key = key * np.uint64(0x100000001B3) + rows[:, :, j] + np.uint64(j + 1)
    key ^= key >> np.uint64(29)
    key *= np.uint64(0xBF58476D1CE4E5B9)
    key ^= key >> np.uint64(32)
    return (key & np.uint64(0xFFFFFFFF)).astype(np.uint32)
