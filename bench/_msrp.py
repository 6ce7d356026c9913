"""MSRP pairs as the alignment benchmark and the cross-encoder training read them.

Kept free of corroborate's and torch's imports so that bench/train_cross_encoder.py can read the
data from its own training environment.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from _common import require_data

# Rows 0-2999 are the fitting part; rows 3000-4075 are held out.
FIT_END = 3000


def load_pairs(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Left sentences, right sentences and 0/1 labels, in file order."""
    left, right, labels = [], [], []
    with path.open(encoding="utf-8-sig") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            labels.append(int(row[0]))
            left.append(row[3])
            right.append(row[4])
    return left, right, np.array(labels)


def fitting_pairs() -> tuple[list[str], list[str], np.ndarray] | None:
    """Rows 0-2999 (left, right, labels) for the studies that read only them, or None after
    the skip message when the data is not there."""
    path = require_data("alignment", "msrp", "msr_paraphrase_train.txt")
    if path is None:
        return None
    left, right, labels = load_pairs(path)
    return left[:FIT_END], right[:FIT_END], labels[:FIT_END]
