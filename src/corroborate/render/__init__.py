"""Renderers: the report as JSON, Markdown, a self-contained HTML page, or a terminal view.

Every renderer reads one `Report` and computes nothing: the counts, statuses and spans it shows
are the report's own. `render(report, fmt)` returns the text of a file format;
`terminal.print_report(report, console)` prints the report for a person at a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any

from corroborate.errors import CorroborateError
from corroborate.records import Report
from corroborate.render.html import render_html
from corroborate.render.json import render_json
from corroborate.render.markdown import render_markdown

_RENDERERS: Mapping[str, Callable[[Report], str]] = {
    "json": render_json,
    "markdown": render_markdown,
    "html": render_html,
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)
EXTENSIONS: Mapping[str, str] = {
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


class UnknownFormatError(CorroborateError, ValueError):
    """A report format (or a file extension) that no renderer writes."""


def render(report: Report | Mapping[str, Any], fmt: str) -> str:
    """The report as text in `fmt`, one of `FORMATS` ("json", "markdown", "html").

    `report` is a `Report`, or a saved report's JSON data (validated, then read back).
    """
    renderer = _RENDERERS.get(fmt.lower())
    if renderer is None:
        raise UnknownFormatError(
            f"unknown report format {fmt!r}: choose one of {', '.join(FORMATS)}"
        )
    if not isinstance(report, Report):
        from corroborate.schema.load import load_report

        report = load_report(report)
    return renderer(report)


def format_for_path(path: str | PurePath) -> str:
    """The format a report file should have, from its extension (`r.html` -> "html")."""
    suffix = PurePath(path).suffix
    fmt = EXTENSIONS.get(suffix.lower())
    if fmt is None:
        choices = ", ".join(EXTENSIONS)
        found = f"extension {suffix!r}" if suffix else "no extension"
        raise UnknownFormatError(
            f"cannot tell the report format of {str(path)!r}: it has {found}; "
            f"use one of {choices} (or name the format: {', '.join(FORMATS)})"
        )
    return fmt


__all__ = ["EXTENSIONS", "FORMATS", "UnknownFormatError", "format_for_path", "render"]
