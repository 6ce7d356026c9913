"""The report as JSON: exactly `Report.to_dict()` (the `corroborate.report/1` contract)."""

from __future__ import annotations

import json

from corroborate.records import Report


def render_json(report: Report) -> str:
    """Readable, stable JSON: indented, non-ASCII kept as written, keys in contract order."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
