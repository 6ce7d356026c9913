"""What a reader sees (session 7's audit): each line of the report says what its numbers are."""

from __future__ import annotations

import dataclasses
import html

import pytest
from rich.console import Console

from corroborate.records import Report
from corroborate.render import render
from corroborate.render._view import SECTION_TITLES, anchor
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


def _section(text: str, fmt: str, key: str, next_key: str) -> str:
    titles = [SECTION_TITLES[k] for k in (key, next_key)]
    if fmt == "terminal":
        titles = [t.upper() for t in titles]
    return text[text.rindex(titles[0]) : text.rindex(titles[1])]


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_an_exclusive_points_to_its_sentence(fmt: str) -> None:
    """ "Only this source reports" listed bare claim texts: a reader could not find the sentence."""
    report = example_report()
    text = render(report, "markdown") if fmt == "markdown" else _terminal(report)
    section = _section(text, fmt, "exclusives", "sources")
    claims = {c.id: c for c in report.claims}
    listed = 0
    for key, claim_ids in report.exclusive.items():
        for claim_id in claim_ids:
            for m in claims[claim_id].mentions:
                if m.article == key:
                    assert f"chars {m.start}–{m.end}" in section
                    listed += 1
    assert listed
    for claim_ids in report.omitted.values():  # an outlet that omits a claim has no span of it
        for claim_id in claim_ids:
            line = next(li for li in section.splitlines() if claims[claim_id].text in li)
            assert "chars" not in line


def test_an_exclusive_of_a_source_group_names_the_copy_that_says_it() -> None:
    report = example_report()
    report.exclusive = {"a-wire": ["c-closed"]}  # the group of the wire story and its reprint
    section = _section(render(report, "markdown"), "markdown", "exclusives", "sources")
    closed = next(c for c in report.claims if c.id == "c-closed")
    wire = next(m for m in closed.mentions if m.article == "a-wire")
    reprint = next(m for m in closed.mentions if m.article == "a-reprint")
    assert f"[chars {wire.start}–{wire.end}](#{anchor('a-wire')})" in section
    assert f"Velmora Daily [chars {reprint.start}–{reprint.end}](#{anchor('a-reprint')})" in section
    assert "Northern Ledger [chars" not in section  # another source's mention is not its own


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_speakers_described_but_not_named_are_not_unattributed_nor_one_person(fmt: str) -> None:
    """ "Unattributed (a nurse, one elderly man)" read as if nobody were credited, and as one
    speaker; each described speaker now has a heading of its own that says it is not named."""
    report = example_report()
    base = report.quotes[0]
    nurse = dataclasses.replace(
        base, id="q-n", speaker=None, speaker_role="a nurse", text="We ran out of beds."
    )
    man = dataclasses.replace(
        base, id="q-m", speaker=None, speaker_role="one elderly man", text="I slept in the car."
    )
    bare = dataclasses.replace(
        base, id="q-b", speaker=None, speaker_role=None, text="It was chaos out there."
    )
    report.quotes = [nurse, base, man, bare]
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    assert "Speaker not named: a nurse" in text
    assert "Speaker not named: one elderly man" in text
    assert "a nurse, one elderly man" not in text
    assert "Unattributed (" not in text
    assert text.index("Speaker not named: a nurse") < text.index("We ran out of beds.")
    assert text.index("Speaker not named: one elderly man") < text.index("I slept in the car.")
    assert text.index("Unattributed") < text.index("It was chaos out there.")


def test_a_single_source_claim_in_the_terminal_gives_its_offsets() -> None:
    """The terminal named only the outlet of a single-source claim: no way to find the sentence."""
    report = example_report()
    single = [c for c in report.claims if c.status == "single-source"]
    assert single
    text = " ".join(_terminal(report).split())
    for claim in single:
        for m in claim.mentions:
            assert f"{m.start}–{m.end}" in text


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_one_outlet_saying_a_claim_twice_is_named_once_with_both_spans(fmt: str) -> None:
    report = example_report()
    claim = next(c for c in report.claims if c.status == "single-source")
    first = claim.mentions[0]
    again = dataclasses.replace(first, start=first.end + 1, end=first.end + 20)
    claim.mentions = [first, again]
    text = render(report, "markdown") if fmt == "markdown" else _terminal(report)
    line = " ".join(next(li for li in text.splitlines() if claim.text in li).split())
    spans = f"{first.start}–{first.end}, {again.start}–{again.end}"
    assert spans in line
    outlet = next(a.outlet for a in report.articles if a.id == first.article)
    assert outlet and line.count(outlet) == 1


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_a_figure_value_shows_how_each_outlet_wrote_it(fmt: str) -> None:
    """“£64 million” — Ledger, Times read as if both had written "£64 million"; the Times
    wrote "£64m". Each outlet that wrote it otherwise is shown with its own wording."""
    report = example_report()
    value = report.figures[0].values[0]
    first = value.mentions[0]
    other = dataclasses.replace(
        first, article="a-ledger", start=5, end=9, text="12k", as_written="12k"
    )
    value.mentions = [first, other]
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    flat = " ".join(text.split())
    assert "12k" in flat
    if fmt != "html":  # HTML lists each mention with its own wording already
        assert f"{other.start}–{other.end} “12k”" in flat
        assert f"{first.start}–{first.end} “{value.as_written}”" not in flat  # same: not repeated


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_an_exclusive_said_only_in_a_copy_points_to_the_copys_sentence(fmt: str) -> None:
    """A group's id is not its origin's ("g-a-…"); an exclusive listed under the origin article
    whose words are only in its reprint had no span at all (found on an invented story whose
    reprint kept a line its wire copy did not have)."""
    report = example_report()
    for group in report.source_groups:
        group.id = f"g-{group.id}"
    for article in report.articles:
        article.source_group = f"g-{article.source_group}"
    closed = next(c for c in report.claims if c.id == "c-closed")
    closed.mentions = [m for m in closed.mentions if m.article == "a-reprint"]
    report.exclusive = {"a-wire": ["c-closed"]}
    text = render(report, "markdown") if fmt == "markdown" else _terminal(report)
    section = _section(text, fmt, "exclusives", "sources")
    (reprint,) = closed.mentions
    line = next(li for li in section.splitlines() if closed.text[:40] in li)
    assert (
        f"Velmora Daily {'[' if fmt == 'markdown' else ''}chars {reprint.start}–{reprint.end}"
        in line
    )


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_two_articles_of_one_outlet_are_told_apart_in_exclusives(fmt: str) -> None:
    """A feed gave two articles of one outlet: "Larkmoor Chronicle — Omits what most others
    report: the judge's finding" read as the outlet's omission, though it ran the finding in
    its other article. Each heading now names its article."""
    report = example_report()
    for article in report.articles:
        if article.id in ("a-ledger", "a-post"):
            article.outlet = "Northern Ledger"
    report.exclusive = {"a-ledger": ["c-closed"], "a-post": ["c-closed"]}
    text = render(report, fmt) if fmt != "terminal" else _terminal(report)
    section = _section(text, fmt, "exclusives", "sources")
    for article in report.articles:
        if article.id in ("a-ledger", "a-post") and article.title:
            assert f"Northern Ledger: “{article.title}”" in html.unescape(section)
