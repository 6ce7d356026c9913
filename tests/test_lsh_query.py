"""The copy index's query against a plain reference: its pairs and spread with full buckets
(`max_bucket`), added in batches (several segments), and with `newest`, the same most
recent partners per document as without (what ingest's `_nearest` keeps)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.copies.lsh import PassageLshIndex
from corroborate.corpus.copies import _nearest

BANDS = 2


def _reference(
    indexed: list[tuple[int, tuple[int, ...]]], query: list[tuple[int, tuple[int, ...]]], cap: int
) -> tuple[set[tuple[int, int]], list[int]]:
    """Pairs (low, high) and each query passage's spread, by looping: a key's holders in the
    order added, the first `cap` of them per segment; here one segment (all added at once)."""
    pairs, spread = set(), []
    for doc, keys in query:
        most = 0
        for band in range(BANDS):
            holders = [d for d, k in indexed if k[band] == keys[band]]
            most = max(most, len(holders))
            pairs |= {(min(doc, d), max(doc, d)) for d in holders[:cap] if d != doc}
        spread.append(most)
    return pairs, spread


passages = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=60)


def _docs(count: int, first: int, per_doc: int) -> np.ndarray:
    return (first + np.arange(count) // per_doc).astype(np.int32)


@settings(max_examples=60, deadline=None)
@given(passages, passages, st.integers(1, 4), st.integers(1, 3))
def test_query_finds_the_reference_pairs_and_spread(
    old: list[tuple[int, int]], new: list[tuple[int, int]], cap: int, per_doc: int
) -> None:
    old_docs = _docs(len(old), 0, per_doc)
    new_docs = _docs(len(new), int(old_docs[-1]) + 1, per_doc)
    index = PassageLshIndex(bands=BANDS, max_bucket=cap)
    index.add(np.array(old, dtype=np.uint32), old_docs)
    spread = np.zeros(len(new), dtype=np.int64)
    found = index.query(np.array(new, dtype=np.uint32), new_docs, spread)
    pairs, expected_spread = _reference(
        list(zip(old_docs.tolist(), old, strict=True)),
        list(zip(new_docs.tolist(), new, strict=True)),
        cap,
    )
    assert {tuple(p) for p in found.tolist()} == pairs
    assert spread.tolist() == expected_spread


@settings(max_examples=80, deadline=None)
@given(
    st.lists(passages, min_size=1, max_size=6),
    passages,
    st.integers(1, 70),
    st.integers(1, 5),
    st.integers(1, 3),
)
def test_newest_keeps_each_documents_most_recent_partners(
    batches: list[list[tuple[int, int]]],
    new: list[tuple[int, int]],
    cap: int,
    newest: int,
    per_doc: int,
) -> None:
    # batches of several documents each (and several passages a document): several segments,
    # windows longer than `newest`, and tails that repeat a document
    index = PassageLshIndex(bands=BANDS, max_bucket=cap)
    first = 0
    for batch in batches:
        docs = _docs(len(batch), first, per_doc)
        index.add(np.array(batch, dtype=np.uint32), docs)
        first = int(docs[-1]) + 1
    keys, docs = np.array(new, dtype=np.uint32), _docs(len(new), first, per_doc)
    spread_all, spread_cut = np.zeros(len(new), np.int64), np.zeros(len(new), np.int64)
    every = index.query(keys, docs, spread_all)
    cut = index.query(keys, docs, spread_cut, newest=newest)
    assert {tuple(p) for p in cut.tolist()} <= {tuple(p) for p in every.tolist()}
    assert _nearest(cut, newest) == _nearest(every, newest)
    assert spread_cut.tolist() == spread_all.tolist()
