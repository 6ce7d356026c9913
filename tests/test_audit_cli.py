"""The command line as a newcomer meets it (session 7's audit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main


@pytest.mark.parametrize("limit", [1, 100])
def test_report_on_more_articles_than_one_story_holds_points_to_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr("corroborate.cli.report.MANY_ARTICLES", limit)
    for name, place in (("a.txt", "Orlo"), ("b.txt", "Brenn")):
        (tmp_path / name).write_text(
            f"The {place} lock reopened on Monday after divers lifted the sunken barge, the "
            "canal office said.\n"
        )
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    note = "corroborate: note: 2 articles, all read as the coverage of one story; for a crawl"
    assert (note in result.stderr) == (limit < 2)
    assert (tmp_path / "r.json").exists()
