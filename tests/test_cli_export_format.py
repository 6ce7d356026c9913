"""`export -o FILE` takes its format from the file's name, as `report -o` does; a --format that
the name contradicts, or neither, is a usage error that says what to give. And the command list
of `--help` shows every command's line whole."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corpus_fixtures import all_rows, ingested_store
from corroborate.cli import main


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("store")
    return ingested_store(folder)


def _export(store: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["export", "--db", str(store), *args])


def _rows(path: Path) -> list[dict[str, object]]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    if suffix in (".jsonl", ".ndjson"):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return list(pq.read_table(path).to_pylist())


@pytest.mark.parametrize("name", ["a.csv", "a.jsonl", "a.ndjson", "A.CSV", "a.parquet"])
def test_the_format_comes_from_the_output_name(store: Path, tmp_path: Path, name: str) -> None:
    if name.endswith(".parquet") and importlib.util.find_spec("pyarrow") is None:
        pytest.skip("Parquet needs pyarrow")
    out = tmp_path / name
    result = _export(store, "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = _rows(out)
    assert len(rows) == len(all_rows())
    assert {"article_id", "source_id", "story_id"} <= set(rows[0])


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--format", "csv", "-o", "{tmp}/a.parquet"], "--format csv, but -o"),
        (["-o", "{tmp}/a.xlsx"], "cannot tell the format of"),
        ([], "give --format parquet|csv|jsonl"),
    ],
    ids=["contradicts", "unknown-name", "neither"],
)
def test_a_format_that_cannot_be_told_is_a_usage_error(
    store: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    result = _export(store, *[a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert words in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_explicit_format_still_writes_any_name(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.txt"
    assert _export(store, "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("article_id,")


def test_the_command_list_shows_each_line_whole() -> None:
    result = CliRunner().invoke(main, ["--help"])
    listed = result.output.split("Commands:")[1].splitlines()
    assert {line.split()[0] for line in listed if line.strip()} == set(main.commands)
    assert not any(line.rstrip().endswith("...") for line in listed)
