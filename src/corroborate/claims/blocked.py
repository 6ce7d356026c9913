"""Claim alignment's pair matrices without n x n arrays (issue 7: `show` on a very large story).

A story of 1,000 articles has ~18k units: one dense n x n float64 matrix of them is 2.6 GB, and
alignment used several (cosines, scores, closeness, shared figures, phrases and words). Here
the pairs alignment acts on are found a block of rows at a time, and stored sparse; what the
clustering reads for a group of units (a cluster's block) is computed when asked for.

- `Cosines`: the cosine of any pair, computed for the block asked for. Each value is the
  float64 product rounded to float32, so it does not depend on the block it comes from (a
  float32 product's last bit does: OpenBLAS picks its kernel by the matrices' shapes).
- `PairScores`: symmetric sparse scores, 0 for pairs never scored.
- `Closeness`: cosine plus the bonuses for a shared telling figure and a shared phrase.

Each answers `m[i, j]` (a number), `m[np.ix_(rows, cols)]` (a dense block) and `m[i, cols]`
(a row), the ways alignment reads them, and `np.asarray(m)` gives the dense matrix (tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
from scipy import sparse

ROWS = 512  # rows of cosines computed at once: ROWS x n float64, ~74 MB at 18k units
PAIRS = 65_536  # pairs looked up at once in an incidence matrix

Block = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _index(block: Block, key: Any) -> Any:
    """`m[i, j]`, `m[np.ix_(rows, cols)]` or `m[i, cols]` through a block function."""
    rows, cols = key
    if np.ndim(rows) == 0 and np.ndim(cols) == 0:
        return block(np.array([int(rows)]), np.array([int(cols)]))[0, 0]
    if np.ndim(rows) == 0:
        return block(np.array([int(rows)]), np.asarray(cols, dtype=np.int64).ravel())[0]
    rows, cols = np.asarray(rows), np.asarray(cols)
    if rows.ndim == 2 and cols.ndim == 2 and rows.shape[1] == 1 and cols.shape[0] == 1:
        return block(rows.ravel().astype(np.int64), cols.ravel().astype(np.int64))
    raise TypeError(f"unsupported index for a blocked pair matrix: {key!r}")


class Cosines:
    """Cosines of unit-length vectors, computed for the blocks asked for."""

    def __init__(self, vectors: np.ndarray) -> None:
        self.wide = np.ascontiguousarray(vectors, dtype=np.float64)
        self.n = len(vectors)
        self.shape = (self.n, self.n)

    def block(self, rows: np.ndarray, cols: np.ndarray | None = None) -> np.ndarray:
        right = self.wide if cols is None else self.wide[cols]
        product: np.ndarray = self.wide[rows] @ right.T
        return product.astype(np.float32)

    def row_blocks(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(rows, their cosines to every unit), ROWS rows at a time."""
        for start in range(0, self.n, ROWS):
            rows = np.arange(start, min(start + ROWS, self.n))
            yield rows, self.block(rows)

    def __getitem__(self, key: Any) -> Any:
        return _index(self.block, key)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        every = np.arange(self.n)
        return self.block(every, every).astype(dtype or np.float32)


Pairs = tuple[np.ndarray, np.ndarray, np.ndarray]  # left, right (left < right), values


def close_pairs(
    cosines: Cosines,
    floor: float,
    keep: Callable[[np.ndarray, np.ndarray], np.ndarray],
    select: Callable[[Pairs], Pairs] | None = None,
) -> Pairs:
    """Pairs i < j with cosine >= floor for which keep(rows, block) (a boolean mask over a
    block's rows x all units) holds, in row-major order (as `np.nonzero` of a dense upper
    triangle gives them), with their cosines; `select` narrows each block's pairs (and may
    give other values) before they are kept, so memory holds only what it keeps."""
    lefts, rights, values = [], [], []
    for rows, block in cosines.row_blocks():
        mask = block >= floor
        mask &= np.arange(cosines.n)[None, :] > rows[:, None]
        mask &= keep(rows, block)
        left, right = np.nonzero(mask)
        found = (rows[left].astype(np.int64), right.astype(np.int64), block[left, right])
        if select is not None:
            found = select(found)
        lefts.append(found[0])
        rights.append(found[1])
        values.append(found[2])
    if not lefts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return np.concatenate(lefts), np.concatenate(rights), np.concatenate(values)


class PairScores:
    """A symmetric n x n matrix of pair scores, 0 for pairs not given, stored sparse."""

    def __init__(self, n: int, left: np.ndarray, right: np.ndarray, values: np.ndarray) -> None:
        self.n = n
        self.shape = (n, n)
        upper = np.argsort(left * n + right, kind="stable")
        self.left, self.right = left[upper], right[upper]
        self.values = np.asarray(values, dtype=np.float64)[upper]
        keys = np.concatenate([self.left * n + self.right, self.right * n + self.left])
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.stored = np.concatenate([self.values, self.values])[order]

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        wanted = rows[:, None] * self.n + cols[None, :]
        if len(self.keys) == 0:
            return np.zeros(wanted.shape, dtype=np.float64)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.stored[at], 0.0)

    def pairs(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The score of each pair (left[k], right[k]), 0 for pairs never scored."""
        wanted = left.astype(np.int64) * self.n + right.astype(np.int64)
        if len(self.keys) == 0:
            return np.zeros(len(wanted), dtype=np.float64)
        at = np.minimum(np.searchsorted(self.keys, wanted), len(self.keys) - 1)
        return np.where(self.keys[at] == wanted, self.stored[at], 0.0)

    def at_least(self, threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Stored pairs i < j scoring >= threshold (> 0), in row-major order, with scores."""
        keep = self.values >= threshold
        return self.left[keep], self.right[keep], self.values[keep]

    def __getitem__(self, key: Any) -> Any:
        return _index(self.block, key)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        every = np.arange(self.n)
        return self.block(every, every).astype(dtype or np.float64)


def incidence(sets: Sequence[frozenset[Any] | set[Any]]) -> sparse.csr_array:
    """A units x items 0/1 matrix: which units hold which item (word, phrase)."""
    ids: dict[Any, int] = {}
    rows, cols = [], []
    for i, items in enumerate(sets):
        for item in sorted(items, key=repr):  # an order that does not depend on hashing
            rows.append(i)
            cols.append(ids.setdefault(item, len(ids)))
    data = np.ones(len(rows), dtype=np.int32)
    return sparse.csr_array((data, (rows, cols)), shape=(len(sets), max(len(ids), 1)))


def share_any(holds: sparse.csr_array, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair (left[k], right[k]): whether the two units hold a common item."""
    return share_count(holds, left, right) > 0


def share_count(holds: sparse.csr_array, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair (left[k], right[k]): how many items the two units both hold."""
    found = np.zeros(len(left), dtype=np.int64)
    for start in range(0, len(left), PAIRS):  # the rows gathered cost ~100 bytes a pair
        at = slice(start, start + PAIRS)
        common = (holds[left[at]] * holds[right[at]]).sum(axis=1)
        found[at] = np.asarray(common).ravel()
    return found


def share_block(holds: sparse.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Whether each unit of rows holds an item in common with each unit of cols."""
    return np.asarray((holds[rows] @ holds[cols].T).toarray()) > 0


class Closeness:
    """cosine + figure_bonus x (same telling figure) + phrase_bonus x (same phrase), as
    alignment's looser pass reads closeness; `same_figure(i, j)` decides a pair of units
    that both give telling figures."""

    def __init__(
        self,
        cosines: Cosines,
        figures: list[list[float]],
        same_figure: Callable[[list[float], list[float]], bool],
        phrases: sparse.csr_array,
        bonuses: tuple[float, float],
    ) -> None:
        self.cosines = cosines
        self.figures = figures
        self.same_figure = same_figure
        self.phrases = phrases
        self.figure_bonus, self.phrase_bonus = bonuses
        self.shape = cosines.shape
        self._figure_pairs: dict[tuple[int, int], bool] = {}

    def figure_block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        shared = np.zeros((len(rows), len(cols)), dtype=np.float64)
        row_at = [x for x, i in enumerate(rows.tolist()) if self.figures[i]]
        col_at = [y for y, j in enumerate(cols.tolist()) if self.figures[j]]
        for x in row_at:
            i = int(rows[x])
            for y in col_at:
                j = int(cols[y])
                if i != j and self._shares_figure(min(i, j), max(i, j)):
                    shared[x, y] = 1.0
        return shared

    def _shares_figure(self, i: int, j: int) -> bool:
        known = self._figure_pairs.get((i, j))
        if known is None:
            known = self.same_figure(self.figures[i], self.figures[j])
            self._figure_pairs[(i, j)] = known
        return known

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        # the same operations, in the same order, as the dense sum did over whole matrices
        phrase = share_block(self.phrases, rows, cols).astype(np.float64)
        figure = self.figure_block(rows, cols)
        cosine = self.cosines.block(rows, cols)
        return cosine + self.figure_bonus * figure + self.phrase_bonus * phrase

    def pairs(self, left: np.ndarray, right: np.ndarray, cosine: np.ndarray) -> np.ndarray:
        """Closeness of each pair (left[k], right[k]) whose cosine (float32) is known."""
        figure = np.zeros(len(left), dtype=np.float64)
        holds = np.array([bool(f) for f in self.figures] or [False])
        for k in np.nonzero(holds[left] & holds[right])[0].tolist():
            figure[k] = float(self._shares_figure(int(left[k]), int(right[k])))
        phrase = share_any(self.phrases, left, right).astype(np.float64)
        return cosine + self.figure_bonus * figure + self.phrase_bonus * phrase

    def __getitem__(self, key: Any) -> Any:
        return _index(self.block, key)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        every = np.arange(self.cosines.n)
        return self.block(every, every).astype(dtype or np.float64)
