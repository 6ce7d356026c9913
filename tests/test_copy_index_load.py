"""The copy index rebuilt from a store's saved band keys: each chunk of articles is read as one
array, and must give the index that each article's keys read on their own give (the same
sorted segments, each passage numbered by its article's place)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_fixtures import WIRE, all_rows, write_jsonl
from corroborate.copies import MinhashCopyDetector
from corroborate.corpus.copies import StoreCopyFinder
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore


def _reference(
    finder: StoreCopyFinder, chunks: list[list[tuple[str, bytes]]]
) -> MinhashCopyDetector:
    """The index built the plain way: one array of keys and one of numbers per article, each
    chunk's concatenated and added."""
    detector = MinhashCopyDetector(finder.settings)
    bands = finder.settings.bands
    for chunk in chunks:
        keys = [np.frombuffer(blob, dtype=np.uint32).reshape(-1, bands) for _, blob in chunk]
        first = len(detector.ids)
        docs = [np.full(len(rows), first + i, dtype=np.int32) for i, rows in enumerate(keys)]
        if keys:
            detector.index.add(np.concatenate(keys), np.concatenate(docs))
        detector.ids.extend(article for article, _ in chunk)
    return detector


def _same(finder: StoreCopyFinder, reference: MinhashCopyDetector) -> None:
    assert finder.detector.ids == reference.ids
    mine, theirs = finder.detector.index._segments, reference.index._segments
    assert len(mine) == len(theirs)
    for first, second in zip(mine, theirs, strict=True):
        assert first.keys.dtype == second.keys.dtype and first.docs.dtype == second.docs.dtype
        assert np.array_equal(first.keys, second.keys)
        assert np.array_equal(first.docs, second.docs)


def test_a_stored_index_loads_as_each_articles_keys_would(tmp_path: Path) -> None:
    wire = {"id": "wire-0", "outlet": WIRE[0], "title": WIRE[1], "text": WIRE[2]}
    reprint = dict(wire, id="wire-1", outlet="Harrow Gazette")
    data = write_jsonl(tmp_path / "a.jsonl", [*all_rows(), wire, reprint])
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        saved = list(store.iter_copy_keys())
        finder = StoreCopyFinder(store)
        assert len(saved) >= 10 and len(finder.detector.index) > 0  # the fixture has keys
        _same(finder, _reference(finder, [saved]))


# Articles of 0-5 passages: numbers per article (an article without passages holds a place).
articles = st.lists(st.integers(0, 5), max_size=30)


@settings(max_examples=40, deadline=None)
@given(passages=articles, seed=st.integers(0, 2**32 - 1))
def test_chunks_of_saved_keys_index_as_single_articles(passages: list[int], seed: int) -> None:
    with SqliteStore(":memory:") as store:
        finder = StoreCopyFinder(store)
        bands = finder.settings.bands
        generator = np.random.default_rng(seed)
        # few distinct keys, so that many passages share a band key (ties keep their order)
        saved = [
            (f"a{i}", generator.integers(0, 6, (count, bands), dtype=np.uint32).tobytes())
            for i, count in enumerate(passages)
        ]
        chunks = [saved[start : start + 7] for start in range(0, len(saved), 7)]
        for chunk in chunks:  # several chunks: the index's segments merge as they grow
            finder.detector.ids.extend(article for article, _ in chunk)
            finder._add_chunk([blob for _, blob in chunk])
        _same(finder, _reference(finder, chunks))


def test_saved_keys_of_a_broken_length_are_refused() -> None:
    with SqliteStore(":memory:") as store:
        finder = StoreCopyFinder(store)
        finder.detector.ids.append("a0")
        with pytest.raises(ValueError, match="band keys"):
            finder._add_chunk([b"\x00" * (4 * finder.settings.bands + 2)])
