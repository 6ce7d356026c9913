"""What a reader sees (session 7's audit): each line of the report says what its numbers are."""

from __future__ import annotations

import pytest
from rich.console import Console

from corroborate.render import render
from corroborate.render.example import example_report
from corroborate.render.terminal import print_report


def _terminal(width: int = 200) -> str:
    console = Console(record=True, width=width, color_system=None)
    print_report(example_report(), console)
    return console.export_text()


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_a_shared_passage_says_which_offsets_are_the_copys_and_which_the_origins(
    fmt: str,
) -> None:
    report = example_report()
    text = render(report, "markdown") if fmt == "markdown" else _terminal()
    passages = [p for g in report.source_groups for ev in g.evidence for p in ev.passages]
    assert passages
    for p in passages:
        copy, origin = f"{p.start}–{p.end}", f"{p.origin_start}–{p.origin_end}"
        words = ("copy chars", "origin chars") if fmt == "markdown" else ("copy", "origin")
        assert f"{words[0]} {copy} ↔ {words[1]} {origin}" in text
