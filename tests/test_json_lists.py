"""Columns kept as JSON lists read alike in every JSON output: `stories --json` and export's
JSON lines give the same list for a story, and nothing stored (NULL) is the empty list."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_fixtures import ingested_store
from corroborate.cli import main
from corroborate.corpus.export import JSON_LISTS, json_list, lists_decoded


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lists")
    return ingested_store(folder)


def _json_lines(*args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (None, []),
        ("", []),
        ("[]", []),
        ('["Quayside Post", "Tern FM"]', ["Quayside Post", "Tern FM"]),
    ],
)
def test_stories_and_export_give_one_list_for_what_is_stored(
    store: Path, tmp_path: Path, stored: str | None, expected: list[str]
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(store.read_bytes())
    with sqlite3.connect(db) as connection:
        story = connection.execute("SELECT id FROM stories ORDER BY id LIMIT 1").fetchone()[0]
        connection.execute("UPDATE stories SET outlets = ? WHERE id = ?", (stored, story))
    listed = {r["id"]: r["outlets"] for r in _json_lines("stories", "--db", str(db), "--json")}
    exported = {
        r["story_id"]: r["outlets"]
        for r in _json_lines("export", "--db", str(db), "--format", "jsonl", "--table", "stories")
    }
    assert listed == exported
    assert listed[story] == expected
    assert all(isinstance(v, list) and v for k, v in listed.items() if k != story)


@pytest.mark.parametrize("column", sorted(JSON_LISTS))
@pytest.mark.parametrize("stored", [None, "", "[]", '["a"]', '["a", "b, c"]'])
def test_every_list_column_decodes_alike(column: str, stored: str | None) -> None:
    row = {"id": "s-1", column: stored, "title": None}
    decoded = lists_decoded(row)
    assert decoded[column] == json_list(stored) == (json.loads(stored) if stored else [])
    assert decoded["title"] is None  # other columns keep their null
