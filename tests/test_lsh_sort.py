"""A segment of the copy index sorts each band's keys by one combined 64-bit key (key above
position); it must give exactly what a stable argsort gives: the same keys and, among equal
keys, the documents in the order they were added."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.copies.lsh import _Segment


def _stable(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    order = np.argsort(keys, axis=1, kind="stable")
    return np.take_along_axis(keys, order, 1), np.take_along_axis(docs, order, 1)


@settings(max_examples=60, deadline=None)
@given(
    bands=st.integers(1, 4),
    count=st.integers(0, 300),
    distinct=st.sampled_from([1, 3, 50, 2**32 - 1]),  # few distinct keys: many ties
    dtype=st.sampled_from([np.uint32, np.uint16, np.uint64]),
    seed=st.integers(0, 2**32 - 1),
)
def test_a_segment_sorts_as_a_stable_argsort(
    bands: int, count: int, distinct: int, dtype: type, seed: int
) -> None:
    rng = np.random.default_rng(seed)
    high = min(distinct, np.iinfo(dtype).max)
    keys: np.ndarray = rng.integers(0, high, size=(bands, count), endpoint=True).astype(dtype)
    if dtype is np.uint64 and count:
        keys[0, 0] = np.iinfo(np.uint64).max  # wider than 32 bits: the plain argsort path
    docs = np.broadcast_to(np.sort(rng.integers(0, 40, count)).astype(np.int32), keys.shape)
    segment = _Segment.build(keys, docs.copy())
    want_keys, want_docs = _stable(keys, docs)
    assert segment.keys.dtype == keys.dtype
    assert np.array_equal(segment.keys, want_keys)
    assert np.array_equal(segment.docs, want_docs)


def test_equal_keys_keep_the_order_they_were_added() -> None:
    keys = np.array([[7, 3, 7, 3, 7]], dtype=np.uint32)
    docs = np.array([[4, 0, 1, 2, 3]], dtype=np.int32)
    segment = _Segment.build(keys, docs)
    assert segment.keys.tolist() == [[3, 3, 7, 7, 7]]
    assert segment.docs.tolist() == [[0, 2, 4, 1, 3]]
