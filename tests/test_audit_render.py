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


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
@pytest.mark.parametrize("origin_cited", [True, False])
def test_a_cited_copy_is_marked_as_a_copy_of_its_origin(fmt: str, origin_cited: bool) -> None:
    """A wire story and its reprint cited as [1] and [4] read as two sources behind a line."""
    report = example_report()
    cited = ["a-wire", "a-ledger", "a-post", "a-reprint"] if origin_cited else ["a-reprint"]
    report.summary[0].articles = cited
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    reprint = next(a for a in report.articles if a.id == "a-reprint")
    wire = next(a for a in report.articles if a.id == "a-wire")
    origin = "[1]" if origin_cited else str(wire.outlet)
    if fmt == "markdown":
        origin = origin.replace("[", "\\[").replace("]", "\\]")
    note = f"— copy of {origin}"
    if fmt == "html":
        assert text.count(f'<span class="copy">{note}</span>') == 1
    else:
        assert text.count(f"({reprint.source}) {note}") == 1
    assert text.count("copy of [") + text.count("copy of \\[") == (1 if origin_cited else 0)


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
@pytest.mark.parametrize("with_origin", [True, False])
def test_a_figure_value_marks_a_copy_listed_beside_its_origin(fmt: str, with_origin: bool) -> None:
    """Five outlets and "3 sources" read as a miscount when two of the five are one source."""
    import dataclasses

    report = example_report()
    value = next(v for f in report.figures for v in f.values if v.articles == ["a-wire"])
    reprint = dataclasses.replace(value.mentions[0], article="a-reprint", start=7, end=19)
    value.mentions = [*value.mentions, reprint] if with_origin else [reprint]
    value.articles = [m.article for m in value.mentions]
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    assert text.count(" (copy)") == (1 if with_origin else 0)
