"""Blocks of a pair matrix over a cluster's members, kept while average-link clustering grows
the cluster (issue 7: `show` on a very large story).

A big story's claims have hundreds of members (wire copies), and `align._link` tests every
merge it tries on the merged cluster's whole closeness and score blocks: recomputed for each
pair tried, they held a quarter of a 1,078-article story's time. Here a cluster's own blocks
are kept, and a merge computes only the two clusters' cross blocks. A value of a blocked
matrix does not depend on the block it is computed in (`blocked`), so blocks put together are
the ones computed whole, bit for bit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Members = tuple[int, list[int]]  # a cluster's root (its key in `_link`) and its members


class GrownBlocks:
    """The matrices' blocks over each cluster's members, for clusters that only grow."""

    def __init__(self, *matrices: Any) -> None:
        self._matrices = matrices
        self._kept: dict[int, tuple[int, list[np.ndarray]]] = {}
        self._tried: tuple[int, int, list[np.ndarray]] | None = None

    def merged(self, a: Members, b: Members) -> list[np.ndarray]:
        """Each matrix's block over a's members then b's, as `m[np.ix_(ab, ab)]` gives it."""
        (root_a, members_a), (root_b, members_b) = a, b
        own_a, own_b = self._own(root_a, members_a), self._own(root_b, members_b)
        blocks = []
        for x, y, matrix in zip(own_a, own_b, self._matrices, strict=True):
            top = np.hstack([x, matrix[np.ix_(members_a, members_b)]])
            bottom = np.hstack([matrix[np.ix_(members_b, members_a)], y])
            blocks.append(np.vstack([top, bottom]))
        self._tried = (root_a, root_b, blocks)
        return blocks

    def joined(self, root_a: int, root_b: int, size: int) -> None:
        """Cluster root_b joined root_a (its members after a's), which now has `size`."""
        self._kept.pop(root_b, None)
        tried, self._tried = self._tried, None
        if tried is not None and tried[:2] == (root_a, root_b):
            self._kept[root_a] = (size, tried[2])
        else:  # computed whole when next asked for
            self._kept.pop(root_a, None)

    def _own(self, root: int, members: list[int]) -> list[np.ndarray]:
        kept = self._kept.get(root)
        if kept is None or kept[0] != len(members):
            grid = np.ix_(members, members)
            kept = self._kept[root] = (len(members), [m[grid] for m in self._matrices])
        return kept[1]
