"""What a reader sees (session 7's audit): each line of the report says what its numbers are."""

from __future__ import annotations

import pytest
from rich.console import Console

from corroborate.records import Report
from corroborate.render import render
from corroborate.render.example import example_report
from corroborate.render.terminal import print_report


def _terminal(report: Report | None = None) -> str:
    console = Console(record=True, width=200, color_system=None)
    print_report(report or example_report(), console)
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


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_a_quotes_flags_are_told_in_words_and_json_keeps_the_codes(fmt: str) -> None:
    report = example_report()
    report.quotes[0].flags = ["wording-differs", "cut-short", "paraphrased-elsewhere"]
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    for words in (
        "outlets word it differently",
        "some outlets quote only part of it",
        "also paraphrased, without quotation marks",
    ):
        assert words in text
    assert "cut-short" not in text and "wording-differs" not in text
    assert '"cut-short"' in render(report, "json")
