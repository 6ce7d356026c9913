"""The command line: formats, exit status, one line per skipped input."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.schema import validate_report

Write = Callable[[str, str | bytes], Path]

STORY_A = (
    "Bridge over the Vells river reopens\n\n"
    "ARDMOOR — The Vells bridge reopened to traffic on Thursday after six weeks of repairs, "
    "the roads agency said.\n\n"
    "Repairs cost 2.1 million crowns, the agency said.\n"
)
STORY_B = (
    "Traffic returned to the Vells bridge in Ardmoor on Thursday, ending six weeks of detours.\n\n"
    "The roads agency put the cost of the work at 2.1 million crowns.\n"
)


def test_report_writes_json_valid_against_the_schema(write: Write, tmp_path: Path) -> None:
    a, b = write("ardmoor-post.txt", STORY_A), write("vells-radio.txt", STORY_B)
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["report", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    validate_report(data)
    assert data["story"]["article_count"] == 2
    assert [x["outlet"] for x in data["articles"]] == ["ardmoor-post", "vells-radio"]


@pytest.mark.parametrize(("suffix", "marker"), [(".md", "#"), (".html", "<!DOCTYPE html")])
def test_format_from_extension(write: Write, tmp_path: Path, suffix: str, marker: str) -> None:
    a = write("a.txt", STORY_A)
    out = tmp_path / f"r{suffix}"
    result = CliRunner().invoke(main, ["report", str(a), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert marker.lower() in out.read_text()[:200].lower()


def test_format_option_overrides_and_prints_to_stdout(write: Write) -> None:
    a = write("a.txt", STORY_A)
    result = CliRunner().invoke(main, ["report", str(a), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema"] == "corroborate.report/1"


def test_skipped_inputs_are_named_and_the_rest_goes_on(write: Write, tmp_path: Path) -> None:
    good = write("a.txt", STORY_A)
    empty = write("empty.txt", "")
    missing = tmp_path / "missing.html"
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main, ["report", str(good), str(empty), str(missing), "-o", str(out)]
    )
    assert result.exit_code == 0
    assert f"corroborate: skipped {empty}: the file is empty" in result.stderr
    assert f"corroborate: skipped {missing}: no such file or directory" in result.stderr
    data = json.loads(out.read_text())
    assert [e["source"] for e in data["errors"]] == [str(empty), str(missing)]


def test_nothing_readable_exits_1(write: Write) -> None:
    empty = write("empty.txt", "")
    result = CliRunner().invoke(main, ["report", str(empty)])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr


def test_usage_errors_exit_2(write: Write) -> None:
    assert CliRunner().invoke(main, ["report"]).exit_code == 2
    a = write("a.txt", STORY_A)
    assert CliRunner().invoke(main, ["report", str(a), "--format", "pdf"]).exit_code == 2


def test_unknown_output_extension_is_a_clear_error(write: Write, tmp_path: Path) -> None:
    a = write("a.txt", STORY_A)
    result = CliRunner().invoke(main, ["report", str(a), "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert ".pdf" in result.stderr


@pytest.mark.parametrize("command", [["report", "missing.txt"], ["show", "s-nope", "--db"]])
def test_a_bad_output_extension_is_told_before_any_work(tmp_path: Path, command: list[str]) -> None:
    """The report (seconds to minutes) was built first, and only then was the -o refused."""
    if command[-1] == "--db":
        command = [*command, str(tmp_path / "c.db")]  # no store there: that error must not come
    result = CliRunner().invoke(main, [*command, "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 1
    assert "cannot tell the report format" in result.stderr and ".docx" in result.stderr
    assert "skipped" not in result.stderr and "no store" not in result.stderr


def test_stdin(write: Write) -> None:
    result = CliRunner().invoke(main, ["report", "-", "--format", "json"], input=STORY_A)
    assert result.exit_code == 0
    (article,) = json.loads(result.stdout)["articles"]
    assert article["source"] == "<stdin>"
    assert article["title"] == "Bridge over the Vells river reopens"


def test_the_command_line_runs_as_a_module() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "corroborate.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("corroborate, version ")
