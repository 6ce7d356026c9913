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


LOCKED = "the store is locked by another process; wait for it to finish, or use another --db"
FULL = "the disk is full; the batch in flight was rolled back: run the same ingest again to finish"


@pytest.mark.parametrize(
    ("stored", "fault", "then"),
    [
        (
            40,
            LOCKED,
            "; 40 new articles of this run were stored before it: run the same ingest "
            "again to finish",
        ),
        (1, FULL, " (1 new article of this run was stored before it)"),
        (0, LOCKED, ""),
    ],
)
def test_a_store_fault_mid_ingest_says_what_the_run_had_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stored: int, fault: str, then: str
) -> None:
    """Locked out after some batches, ingest said only to wait: not that those batches were
    in, nor that running it again finishes the job."""
    import importlib

    from corroborate.corpus.ingest import IngestCounts
    from corroborate.errors import StoreError

    db = tmp_path / "news.db"

    def ingest(inputs: list[str], store: object, **options: object) -> IngestCounts:
        if stored:
            options["progress"](IngestCounts(read=stored, new=stored))  # type: ignore[operator]
        raise StoreError(f"{db}: {fault}")

    monkeypatch.setattr(importlib.import_module("corroborate.corpus.ingest"), "ingest", ingest)
    (tmp_path / "a.txt").write_text("The Orlo lock reopened on Monday.\n")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {db}: {fault}{then}\n"


@pytest.mark.parametrize("command", [["stories"], ["show", "s-1"], ["export", "--format", "csv"]])
@pytest.mark.parametrize("others", [[], ["news.db"], ["a.db", "b.db", "c.db", "d.db"]])
def test_a_missing_store_names_the_stores_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], others: list[str]
) -> None:
    """`ingest --db news.db`, then `stories` (default corroborate.db) said only "no store"."""
    monkeypatch.chdir(tmp_path)
    for name in others:
        (tmp_path / name).write_bytes(b"")
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 1
    first = "Error: corroborate.db: no store here; run `corroborate ingest INPUT... --db "
    assert result.stderr.startswith(first)
    hint = f" (this folder holds {', '.join(others[:3])}: give it with --db)\n" if others else ""
    assert result.stderr.endswith("first" + hint + ("" if others else "\n"))


def test_report_writes_every_format_asked_for_from_one_run(tmp_path: Path) -> None:
    """Each format was a run of its own (`show` of 19 articles: about 25 s each)."""
    (tmp_path / "a.txt").write_text(
        "The Orlo lock reopened on Monday after divers lifted the sunken barge, the canal "
        "office said.\n"
    )
    outs = [tmp_path / name for name in ("r.json", "r.md", "r.html")]
    args = ["report", str(tmp_path / "a.txt")] + [x for o in outs for x in ("-o", str(o))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert all(o.exists() for o in outs)
    assert outs[0].read_text().lstrip().startswith("{")
    assert outs[1].read_text().startswith("# ") and "<html" in outs[2].read_text()[:200]
    assert [f"report written: {o}" for o in outs] == result.stderr.splitlines()[-3:]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["-o", "a.json", "-o", "b.md", "--format", "html"], "--format names one format"),
        (["-o", "a.json", "-o", "a.json"], "the same -o file is given twice"),
        (["-o", "a.json", "-o", "b.pdf"], "b.pdf"),
    ],
)
def test_several_outputs_are_checked_before_the_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], words: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("corroborate.cli.report._build", _no_work)
    (tmp_path / "a.txt").write_text("The Orlo lock reopened on Monday.\n")
    result = CliRunner().invoke(main, ["report", "a.txt", *args])
    assert result.exit_code in (1, 2) and words in result.output
    assert not list(tmp_path.glob("a.json")) and not list(tmp_path.glob("b.*"))


def _no_work(*args: object) -> None:
    raise AssertionError("the outputs must be checked before the work")


def test_the_date_filters_help_says_undated_stories_are_left_out() -> None:
    """The filters drop stories with no date (and stderr counts them); --help said nothing."""
    out = CliRunner().invoke(main, ["stories", "--help"], terminal_width=200).output
    since = out[out.index("--since") : out.index("--until")]
    until = out[out.index("--until") : out.index("--min-articles")]
    assert "no date" in " ".join(since.split())
    assert "undated" in " ".join(until.split())
