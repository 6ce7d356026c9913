"""A long `report` or `show` names, on a terminal, the stage that runs and what each took.

A 100-article story's report runs for minutes; stderr showed one spinner ("building the
report") and nothing of which stage ran or where the time went. Without a terminal (a log, a
pipe) nothing is printed.
"""

from __future__ import annotations

import pytest

from corroborate.cli.output import working
from corroborate.nlp import Resources
from corroborate.read.text import read_text
from corroborate.story import STAGES, build_report

_STORY = (
    "Lornholm ferry crews end three-day stoppage\n\n"
    "Ferry crews at Lornholm returned to work on Monday after a three-day stoppage over "
    "rosters, the operator said.\n\nServices to the outer islands will run to the winter "
    "timetable until Friday.\n"
)


def test_build_report_names_each_stage_as_it_begins(resources: Resources) -> None:
    named: list[str] = []
    articles = [read_text(_STORY, source="orlo.txt"), read_text(_STORY, source="kestrel.txt")]
    build_report(articles, resources=resources, progress=named.append)
    assert named == list(STAGES)


def test_on_a_terminal_each_ended_stage_leaves_a_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich then takes stderr for a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    with working("building the report of 2 articles") as stage:
        stage("cleaning")
        stage("copies")
    lines = [line.strip() for line in capsys.readouterr().err.splitlines()]
    ended = [line for line in lines if line.endswith(" s") and ": " in line]
    assert [line.split(": ")[-1].rsplit(" ", 2)[0] for line in ended] == ["cleaning", "copies"]


def test_without_a_terminal_nothing_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    with working("building the report of 2 articles") as stage:
        stage("cleaning")
        stage("copies")
    assert capsys.readouterr().err == ""
