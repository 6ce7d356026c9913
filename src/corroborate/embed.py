"""Sentence embedding backends behind one small interface.

Placeholder until the claims issue lands the MiniLM ONNX backend: `load_embedder` raises, so
nothing silently uses a fake model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from corroborate.errors import ModelLoadError


class Embedder(Protocol):
    """Turns sentences into L2-normalised vectors (one row per sentence)."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def load_embedder(name: str) -> Embedder:
    raise ModelLoadError(f"no embedding backend named {name!r} is available yet")
