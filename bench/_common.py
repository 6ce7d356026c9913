"""Shared plumbing for the benchmark scripts: where the data is, how results are written.

Every script under bench/ prints a table and writes its figures to bench/results/<name>.json:
    {"name": ..., "status": "ok" | "skipped", "reason": ..., "figures": {metric: number},
     "peers": {peer: {metric: number}}, "notes": [...], "machine": {...}}
Floors for quality figures live in bench/baselines/<name>.json as
    {"floors": {metric: {"min": x} | {"max": y}}, "fast": true|false, "data": {...hashes}}
and bench/check.py compares the two.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BASELINES = ROOT / "bench" / "baselines"


def data_dir() -> Path:
    """The shared evaluation data: $CORROBORATE_DATA, else ../shared/data beside the checkout."""
    env = os.environ.get("CORROBORATE_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def require_data(name: str, *relative: str) -> Path | None:
    """The data path, or None after printing a clear skip message and writing a skipped result."""
    path = data_dir().joinpath(*relative)
    if path.exists():
        return path
    message = f"{name}: skipped, {path} does not exist (set CORROBORATE_DATA to the data folder)"
    print(message)
    write_results(name, {}, status="skipped", reason=message)
    return None


def file_hash(path: Path) -> str:
    """A short sha256 of a file or of every file under a folder (sorted), to pin the data."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
    }


def write_results(
    name: str,
    figures: dict[str, float],
    *,
    peers: dict[str, dict[str, float]] | None = None,
    notes: Sequence[str] = (),
    status: str = "ok",
    reason: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    payload: dict[str, Any] = {
        "name": name,
        "status": status,
        "reason": reason,
        "figures": figures,
        "peers": peers or {},
        "notes": list(notes),
        "machine": machine(),
        "argv": sys.argv[1:],
    }
    if extra:
        payload.update(extra)
    out.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    return out


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A plain fixed-width table on stdout."""

    def cell(value: Any) -> str:
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    cells = [[cell(v) for v in row] for row in rows]
    widths = [
        max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(header)
    ]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
