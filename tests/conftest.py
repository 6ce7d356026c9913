"""Shared fixtures: small invented articles written to a temporary folder, and the models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.nlp import Resources


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a file under the test's temporary folder and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture(scope="module")
def resources() -> Resources:
    """Models and caches for one test module (spaCy and the embedder load on first use); a
    module that needs other settings defines its own."""
    return Resources()
