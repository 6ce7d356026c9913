"""Claim alignment without n x n arrays (`claims.blocked`): the blocked pair matrices give
exactly what the dense ones give, and alignment's memory does not grow as n^2.

The dense references are the plain rules written out over whole matrices, as alignment
computed them before; the blocked path is run with tiny row blocks so that every pair list
is stitched from several blocks."""

from __future__ import annotations

import dataclasses
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.claims import blocked
from corroborate.claims.align import (
    NUMBER_BONUS,
    PHRASE_BONUS,
    Unit,
    cluster_units,
    score_pairs,
    sentence_units,
)
from corroborate.claims.blocked import (
    Closeness,
    Cosines,
    PairScores,
    close_pairs,
    incidence,
    share_any,
)
from corroborate.nlp import Resources
from test_claims import article

# Invented, one fact each on unrelated topics, so that only a sentence and its copies pair.
FACTS = [
    "The Orlen ferry carried 412 passengers across the Wend estuary on its first crossing.",
    "Farmers in the Kessel valley harvested their barley two weeks earlier than usual.",
    "The Marlow county library lent 18,500 books during its summer reading scheme.",
    "A new telescope on Mount Verin photographed a comet passing close to Jupiter.",
    "Nurses at Holmfield hospital voted to accept the revised pay offer on Tuesday.",
    "The Brackley marathon raised 96,000 pounds for the children's hospice.",
    "Engineers reopened the Tarrow viaduct after replacing two cracked support girders.",
    "The city council approved a bypass around the market town of Elsham.",
]
GROUP = 10  # outlets that copy one wire story


def _unit_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    vectors = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@st.composite
def _vector_sets(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors with repeats (copies) and near repeats, and each one's article."""
    n = draw(st.integers(2, 40))
    seed = draw(st.integers(0, 10_000))
    base = _unit_vectors(6, 8, seed)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(base), size=n)
    noise = rng.standard_normal((n, 8)).astype(np.float32) * draw(st.sampled_from([0, 0.1, 1]))
    vectors = base[picks] + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    owners = rng.integers(0, draw(st.integers(1, 8)), size=n)
    return vectors.astype(np.float32), owners


@settings(max_examples=60, deadline=None)
@given(_vector_sets(), st.sampled_from([1, 3, 64]), st.sampled_from([0.0, 0.4, 0.9]))
def test_close_pairs_are_the_dense_upper_triangle(
    case: tuple[np.ndarray, np.ndarray], rows: int, floor: float
) -> None:
    vectors, owners = case
    cosines = Cosines(vectors)
    dense = np.asarray(cosines)
    assert np.allclose(dense, vectors @ vectors.T, atol=1e-5)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(blocked, "ROWS", rows)
        left, right, values = close_pairs(
            cosines, floor, lambda at, _: owners[at][:, None] != owners[None, :]
        )
    wanted = (dense >= floor) & (owners[:, None] != owners[None, :])
    expected = np.nonzero(np.triu(wanted, k=1))
    # the same pairs in the same (row-major) order, and the very cosines of the dense matrix
    assert left.tolist() == expected[0].tolist() and right.tolist() == expected[1].tolist()
    assert np.array_equal(values, dense[expected])
    # narrowing each block's pairs keeps the pairs and order of narrowing them all at once
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(blocked, "ROWS", rows)
        narrowed = close_pairs(
            cosines,
            floor,
            lambda at, _: owners[at][:, None] != owners[None, :],
            lambda found: (
                found[0][found[2] >= floor + 0.2],
                found[1][found[2] >= floor + 0.2],
                found[2][found[2] >= floor + 0.2],
            ),
        )
    kept = values >= floor + 0.2
    assert narrowed[0].tolist() == left[kept].tolist()
    assert narrowed[1].tolist() == right[kept].tolist()
    assert np.array_equal(narrowed[2], values[kept])


@settings(max_examples=60, deadline=None)
@given(_vector_sets(), st.integers(0, 10_000))
def test_blocks_rows_and_single_pairs_agree_with_the_dense_matrix(
    case: tuple[np.ndarray, np.ndarray], seed: int
) -> None:
    vectors, _ = case
    n = len(vectors)
    rng = np.random.default_rng(seed)
    cosines = Cosines(vectors)
    left, right = np.nonzero(np.triu(rng.random((n, n)) < 0.3, k=1))
    scores = PairScores(n, left[::-1].copy(), right[::-1].copy(), rng.random(len(left))[::-1])
    rows, cols = rng.integers(0, n, size=5), rng.integers(0, n, size=4)
    for matrix in (cosines, scores):
        dense = np.asarray(matrix)
        assert np.array_equal(dense, dense.T)
        assert np.array_equal(matrix[np.ix_(rows, cols)], dense[np.ix_(rows, cols)])
        assert np.array_equal(matrix[int(rows[0]), cols.tolist()], dense[rows[0], cols])
        assert matrix[int(rows[1]), int(cols[1])] == dense[rows[1], cols[1]]
    upper = np.asarray(scores)
    assert not upper[left, left].any() if len(left) else True
    for threshold in (0.2, 0.7):
        at_left, at_right, at_values = scores.at_least(threshold)
        expected = np.nonzero(np.triu(upper >= threshold, k=1))
        assert at_left.tolist() == expected[0].tolist()
        assert at_right.tolist() == expected[1].tolist()
        assert np.array_equal(at_values, upper[expected])


@settings(max_examples=40, deadline=None)
@given(_vector_sets(), st.integers(0, 10_000))
def test_closeness_is_the_dense_sum(case: tuple[np.ndarray, np.ndarray], seed: int) -> None:
    """Closeness as alignment built it over whole matrices: cosine + figure and phrase
    bonuses, with the same float operations in the same order."""
    vectors, _ = case
    n = len(vectors)
    rng = np.random.default_rng(seed)
    figures = [
        [float(f) for f in rng.choice([12.0, 12.5, 40.0, 3000.0], rng.integers(0, 3))]
        for _ in range(n)
    ]
    phrases = [set(rng.choice(["ab", "cd", "ef"], rng.integers(0, 3)).tolist()) for _ in range(n)]

    def same(a: list[float], b: list[float]) -> bool:
        return any(abs(p - q) <= 0.05 * max(p, q) for p in a for q in b)

    figure = np.zeros((n, n))
    phrase = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            figure[i, j] = float(
                i != j and bool(figures[i] and figures[j]) and same(figures[i], figures[j])
            )
            phrase[i, j] = float(bool(phrases[i] & phrases[j]))
    cosines = Cosines(vectors)
    dense = np.asarray(cosines) + NUMBER_BONUS * figure + PHRASE_BONUS * phrase
    closeness = Closeness(cosines, figures, same, incidence(phrases), (NUMBER_BONUS, PHRASE_BONUS))
    assert np.array_equal(np.asarray(closeness), dense)
    left, right = np.nonzero(np.triu(np.ones((n, n), dtype=bool), k=1))
    pairs = closeness.pairs(left, right, np.asarray(cosines)[left, right])
    assert np.array_equal(pairs, dense[left, right])
    holds = incidence(phrases)
    assert share_any(holds, left, right).tolist() == (phrase[left, right] > 0).tolist()


@pytest.fixture(scope="module")
def facts_units() -> list[Unit]:
    units = sentence_units([article("facts", FACTS)], Resources())
    assert len(units) >= len(FACTS), "every invented fact becomes a unit"
    return units


def _copied_story(units: list[Unit], outlets: int) -> tuple[list[Unit], np.ndarray]:
    """Outlets in groups of GROUP, each group carrying its own wire story word for word:
    units of invented articles, one vector per fact of each group's story (the texts are
    the same facts, but only a group's copies are close in meaning)."""
    vectors = _unit_vectors(len(units) * outlets // GROUP, 384, 7)
    story, rows = [], []
    for k in range(outlets):
        host = article(f"outlet{k}", ["Outlet number " + str(k) + " printed the wire story."])
        for index, unit in enumerate(units):
            story.append(dataclasses.replace(unit, article=host))
            rows.append((k // GROUP) * len(units) + index)
    return story, vectors[rows]


def test_alignment_memory_grows_with_the_pairs_not_n_squared(facts_units: list[Unit]) -> None:
    """The largest memory alignment holds at once (tracemalloc's peak: numpy reports its
    arrays to it, so this counts bytes, not time) stays under half of ONE dense float64
    n x n matrix; the dense code held several."""
    units, vectors = _copied_story(facts_units, 300)
    n = len(units)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(blocked, "ROWS", 64)
        tracemalloc.start()
        try:
            scores = score_pairs(units, vectors)
            clusters = cluster_units(units, scores, Cosines(vectors))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    dense = n * n * 8
    assert peak < dense / 2, f"peak {peak} bytes against {dense} for one n x n matrix"
    # and the work was done: each fact's copies are one claim
    groups = 300 // GROUP
    assert sorted(len(c) for c in clusters) == [GROUP] * len(facts_units) * groups
    assert len(scores.values) == len(facts_units) * groups * GROUP * (GROUP - 1) // 2
