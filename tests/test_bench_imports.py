"""Every benchmark script imports: CI has no shared data, so a bench that breaks at import (a
moved name) would otherwise only show at the next run with data (2920c94 broke the clustering
bench that way and nothing caught it)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SCRIPTS = sorted(p.stem for p in BENCH.glob("*.py") if p.stem.startswith(("bench_", "check")))


@pytest.fixture(autouse=True)
def _bench_on_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))


def test_there_are_benchmarks_to_import() -> None:
    assert {"bench_clustering", "bench_claim_pairs", "bench_figures"} <= set(SCRIPTS)


@pytest.mark.parametrize("name", SCRIPTS)
def test_a_benchmark_script_imports(name: str) -> None:
    try:
        module = importlib.import_module(name)
    finally:
        sys.modules.pop(name, None)
    # the script itself, not a module of the same name found elsewhere on the path
    assert Path(str(module.__file__)).resolve().parent == BENCH
