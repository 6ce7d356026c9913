"""Joining the claims of one quote's units (`claims.quoted._joinable`) reads only the pairs
close enough for `_clash` to compare (issue 7: big claims of wire copies made it read every
pair), and must decide as reading every pair did, pairs at the threshold included."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.claims import quoted
from corroborate.claims.quoted import EVIDENCE_COSINE


def _vectors(seed: int, size: int) -> np.ndarray:
    """Unit vectors, half of them built at cosines a hair either side of EVIDENCE_COSINE
    from their neighbour, as float32 like the embedder's."""
    rng = np.random.default_rng(seed)
    rows = rng.normal(size=(size, 16))
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    for k in range(1, size, 2):
        base, other = rows[k - 1], rng.normal(size=16)
        other -= (other @ base) * base
        other /= np.linalg.norm(other)
        cosine = EVIDENCE_COSINE + rng.choice([-1e-7, 0.0, 1e-7, -0.2, 0.2])
        rows[k] = cosine * base + np.sqrt(1 - cosine**2) * other
    return rows.astype(np.float32)


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 2**16),
    size=st.integers(2, 14),
    cut=st.integers(1, 13),
    clashing=st.integers(0, 5),
)
def test_joinable_decides_as_every_pair_did(seed: int, size: int, cut: int, clashing: int) -> None:
    vectors = _vectors(seed, size)
    cut = min(cut, size - 1)
    a, b = list(range(cut)), list(range(cut, size))
    alignment = SimpleNamespace(vectors=vectors)
    asked: list[tuple[int, int]] = []

    def clash(_: Any, i: int, j: int) -> bool:  # as `_clash`: only close pairs may clash
        asked.append((i, j))
        close = float(vectors[i] @ vectors[j]) >= EVIDENCE_COSINE
        return close and (i * 7 + j) % 6 < clashing

    original = quoted._clash
    quoted._clash = clash  # type: ignore[assignment]
    try:
        got = quoted._joinable(alignment, a, b)  # type: ignore[arg-type]
    finally:
        quoted._clash = original
    read = list(asked)
    mean_ok = float((vectors[a] @ vectors[b].T).mean()) >= quoted.CLAIM_MEAN_COSINE
    every = [(i, j) for i in a for j in b]
    close = [p for p in every if float(vectors[p[0]] @ vectors[p[1]]) >= EVIDENCE_COSINE]
    clashes = [p for p in close if clash(None, *p)]
    assert got == (mean_ok and not clashes)
    if mean_ok:  # each close pair read, in the order of all pairs, up to the first clash
        upto = close[: close.index(clashes[0]) + 1] if clashes else close
        assert [p for p in read if p in close] == upto
