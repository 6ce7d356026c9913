"""An output named through a symbolic link, or one that is a device (/dev/stdout, /dev/null):
the link's file gets the report and the link stays; a device is written as it is. Writing
whole-or-nothing by renaming a finished file into place had replaced the link, or the name of
the device itself (as root, /dev/stdout), with a plain file."""

from __future__ import annotations

import os
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.cli.output import check_writable, whole_file

STORY = (
    "Ferry sailings to Halby resume\n\n"
    "HALBY — Sailings to Halby resumed on Friday after a two-week strike by ferry crews ended, "
    "the operator said, and the first boat left at seven in the morning.\n"
)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "halby-post.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_a_link_to_a_file_keeps_the_link_and_updates_its_file(tmp_path: Path, story: Path) -> None:
    out = _folder(tmp_path)
    (out / "2026-03-05.json").write_text("yesterday's")
    (out / "latest.json").symlink_to("2026-03-05.json")
    result = CliRunner().invoke(main, ["report", str(story), "-o", str(out / "latest.json")])
    assert result.exit_code == 0, result.output
    assert (out / "latest.json").is_symlink()
    assert (out / "2026-03-05.json").read_text().startswith("{")
    assert sorted(p.name for p in out.iterdir()) == ["2026-03-05.json", "latest.json"]


@pytest.mark.parametrize("command", ["report", "export"])
def test_a_link_to_a_device_is_written_through(tmp_path: Path, story: Path, command: str) -> None:
    out = _folder(tmp_path)
    (out / "sink").symlink_to(os.devnull)
    if command == "report":
        args = ["report", str(story), "--format", "json"]
    else:
        db = tmp_path / "c.db"
        assert CliRunner().invoke(main, ["ingest", str(story), "--db", str(db)]).exit_code == 0
        args = ["export", "--db", str(db), "--format", "csv"]
    result = CliRunner().invoke(main, [*args, "-o", str(out / "sink")])
    assert result.exit_code == 0, result.output
    assert (out / "sink").is_symlink() and os.readlink(out / "sink") == os.devnull
    assert [p.name for p in out.iterdir()] == ["sink"]


def test_a_failed_write_through_a_link_leaves_its_file_as_it_was(tmp_path: Path) -> None:
    out = _folder(tmp_path)
    (out / "real.html").write_text("old")
    link = out / "report.html"
    link.symlink_to("real.html")
    with pytest.raises(click.ClickException), whole_file(link) as partial:
        partial.write_text("<html>half")
        raise OSError(28, "No space left on device")
    assert (out / "real.html").read_text() == "old" and link.is_symlink()
    assert sorted(p.name for p in out.iterdir()) == ["real.html", "report.html"]


def test_the_early_check_leaves_a_device_alone() -> None:
    check_writable(Path(os.devnull))  # no probe file is made beside it, no error
    assert not any(p.name.endswith(".partial") for p in Path(os.devnull).parent.iterdir())
