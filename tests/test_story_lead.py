"""A story no article gave a headline is listed by its lead sentence, marked as a lead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from corpus_fixtures import all_rows, write_jsonl
from corroborate.cli import main
from corroborate.corpus.titles import LEAD_CHARS, story_lead

TEXT = "Share this page\nFerry crews at Portmoor walked out at dawn. Talks failed late on Sunday.\n"


@pytest.mark.parametrize(
    ("kept", "expected"),
    [
        # The removed first line (a share button) never becomes the lead.
        ([[16, len(TEXT) - 1]], "Ferry crews at Portmoor walked out at dawn."),
        (None, "Share this page Ferry crews at Portmoor walked out at dawn."),
        ([], None),
    ],
)
def test_the_lead_is_the_first_kept_sentence(kept: list[list[int]] | None, expected: str) -> None:
    text = TEXT if kept != [] else ""
    assert story_lead([(text, json.dumps(kept) if kept is not None else None)]) == expected


def test_a_long_lead_is_cut_at_a_word() -> None:
    words = "The harbour board met again on Tuesday, and " * 6
    lead = story_lead([(words, None)])
    assert lead is not None and lead.endswith("…")
    assert len(lead) <= LEAD_CHARS + 1
    assert words.startswith(lead[:-1])
    assert not lead[:-1].endswith((" ", ","))


def _stories(tmp_path: Path, items: list[dict[str, Any]], *options: str) -> str:
    data = write_jsonl(tmp_path / "news.jsonl", items)
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(data), "--db", db, "--workers", "1"]).exit_code == 0
    result = runner.invoke(main, ["stories", "--db", db, *options])
    assert result.exit_code == 0, result.output
    return result.output


def test_untitled_stories_show_their_lead(tmp_path: Path) -> None:
    items = [{k: v for k, v in row.items() if k != "title"} for row in all_rows()]
    rows = [json.loads(line) for line in _stories(tmp_path, items, "--json").splitlines()]
    assert rows and all(row["title"] is None for row in rows)
    texts = [item["text"] for item in items]
    for row in rows:
        assert row["lead"] and any(row["lead"].rstrip("…") in " ".join(t.split()) for t in texts)
    table = _stories(tmp_path, items)
    assert "lead:" in table and "(untitled)" not in table


@pytest.mark.parametrize("tag", ["[VIDEO]", "[b]", "[red]"])
def test_a_headline_with_brackets_is_shown_as_written(tmp_path: Path, tag: str) -> None:
    # A headline is text, never console markup: "[b]" must not turn the rest bold and vanish.
    items = all_rows()
    for item in items:
        item["title"] = f"{tag} {item.get('title') or 'news'}"
    table = _stories(tmp_path, items)
    assert tag in table
