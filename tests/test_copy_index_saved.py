"""The copy index saved in the store: a run loads the index of the store's first whole chunks
of articles from it instead of sorting every saved band key again, and must get exactly the
index (and so the copies) that a load from every key gives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corpus_fixtures import WIRE, all_rows, write_jsonl
from corroborate.copies import MinhashCopyDetector
from corroborate.copies.lsh import PassageLshIndex
from corroborate.copies.settings import CopySettings
from corroborate.corpus import copies as copies_module
from corroborate.corpus.copies import StoreCopyFinder
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore

CHUNK = 3  # articles per load chunk in these tests, so that a few articles make whole chunks


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Chunks of CHUNK articles; yields the number of restores from a saved index."""
    monkeypatch.setattr(copies_module, "_CHUNK", CHUNK)
    restores: list[int] = []
    plain = PassageLshIndex.restore

    def counted(index: PassageLshIndex, segments: list[Any]) -> None:
        restores.append(len(segments))
        plain(index, segments)

    monkeypatch.setattr(PassageLshIndex, "restore", counted)
    yield restores


def _rows() -> list[dict[str, Any]]:
    """The fixture's events and a wire story reprinted by six outlets (copies to find)."""
    wire = [
        {"id": f"wire-{n}", "outlet": f"Outlet {n}", "title": WIRE[1], "text": WIRE[2]}
        for n in range(6)
    ]
    rows = all_rows()
    return [*rows[:4], *wire[:3], *rows[4:], *wire[3:]]


def _ingest_runs(folder: Path, rows: list[dict[str, Any]], runs: int) -> Path:
    path = folder / "c.db"
    size = -(-len(rows) // runs)
    for n, start in enumerate(range(0, len(rows), size)):
        data = write_jsonl(folder / f"day{n}.jsonl", rows[start : start + size])
        with SqliteStore(path) as store:
            ingest([str(data)], store, workers=1)
    return path


def _from_every_key(store: SqliteStore) -> MinhashCopyDetector:
    """The index built from every saved key, CHUNK articles at a time (no saved index)."""
    detector = MinhashCopyDetector(CopySettings(processes=1))
    bands = detector.settings.bands
    saved = list(store.iter_copy_keys())
    for start in range(0, len(saved), CHUNK):
        chunk = saved[start : start + CHUNK]
        keys = [np.frombuffer(blob, dtype=np.uint32).reshape(-1, bands) for _, blob in chunk]
        first = len(detector.ids)
        docs = [np.full(len(k), first + i, dtype=np.int32) for i, k in enumerate(keys)]
        detector.index.add(np.concatenate(keys), np.concatenate(docs))
        detector.ids.extend(article for article, _ in chunk)
    return detector


def _same(finder: StoreCopyFinder, reference: MinhashCopyDetector) -> None:
    assert finder.detector.ids == reference.ids
    mine, theirs = finder.detector.index.segments(), reference.index.segments()
    assert len(mine) == len(theirs)
    for (keys, docs), (want_keys, want_docs) in zip(mine, theirs, strict=True):
        assert keys.dtype == want_keys.dtype and docs.dtype == want_docs.dtype
        assert np.array_equal(keys, want_keys) and np.array_equal(docs, want_docs)


def _covered(path: Path) -> int:
    with SqliteStore(path) as store:
        found = store.load_copy_index()
    return 0 if found is None else int(found[0]["articles"])


@pytest.mark.parametrize("runs", [1, 2, 3])
def test_a_load_from_the_saved_index_equals_one_from_every_key(
    tmp_path: Path, runs: int, small_chunks: list[int]
) -> None:
    path = _ingest_runs(tmp_path, _rows(), runs)
    with SqliteStore(path) as store:
        StoreCopyFinder(store)  # saves the whole chunks if no run has yet
        articles = len(list(store.iter_copy_keys()))
        assert _covered(path) == articles // CHUNK * CHUNK > 0
        restores = len(small_chunks)
        finder = StoreCopyFinder(store)
        assert len(small_chunks) == restores + 1  # (the guard: it loaded from the saved index)
        _same(finder, _from_every_key(store))


def test_articles_after_the_saved_ones_are_added_in_chunks(
    tmp_path: Path, small_chunks: list[int]
) -> None:
    rows = _rows()
    path = _ingest_runs(tmp_path, rows[:7], 1)
    assert _covered(path) == 0  # a run saves the index its load built, not its own
    data = write_jsonl(tmp_path / "more.jsonl", rows[7:])
    with SqliteStore(path) as store:
        ingest([str(data)], store, workers=1)  # its load: 7 articles, 2 whole chunks saved
        assert not small_chunks and _covered(path) == 6
        finder = StoreCopyFinder(store)  # 14 articles: 6 saved, 2 more whole chunks, 2 left
        assert len(small_chunks) == 1
        assert _covered(path) == 12
        _same(finder, _from_every_key(store))


_NO_TRIGGERS = [
    f"DROP TRIGGER copy_index_{name}"
    for name in ("keys_deleted", "keys_updated", "article_deleted", "article_renamed")
]
# Changes a user (or another tool) might make to the articles a saved index covers.
TAMPERS = {
    "keys-rewritten": [
        "UPDATE copy_keys SET keys = (SELECT keys FROM copy_keys WHERE article_id = :second) "
        "WHERE article_id = :first"
    ],
    "keys-deleted": ["DELETE FROM copy_keys WHERE article_id = :first"],
    "article-deleted": ["DELETE FROM articles WHERE id = :first"],
    # with the triggers gone, only the check of the covered ids (count and digest) is left
    "deleted-no-triggers": [*_NO_TRIGGERS, "DELETE FROM copy_keys WHERE article_id = :first"],
    "order-swapped-no-triggers": [
        *_NO_TRIGGERS,
        "UPDATE articles SET rowid = -1 WHERE id = :first",
        "UPDATE articles SET rowid = :first_row WHERE id = :second",
        "UPDATE articles SET rowid = :second_row WHERE id = :first",
    ],
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_a_store_whose_first_articles_changed_is_loaded_from_every_key(
    tmp_path: Path, small_chunks: list[int], tamper: list[str]
) -> None:
    path = _ingest_runs(tmp_path, _rows(), 1)
    with SqliteStore(path) as store:
        StoreCopyFinder(store)
    assert _covered(path) > CHUNK
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA foreign_keys = OFF")
        rows = db.execute("SELECT id, rowid FROM articles ORDER BY rowid LIMIT 2").fetchall()
        names = {"first": rows[0][0], "second": rows[1][0]}
        names |= {"first_row": rows[0][1], "second_row": rows[1][1]}
        for statement in tamper:
            db.execute(statement, {k: v for k, v in names.items() if f":{k}" in statement})
    restores = len(small_chunks)
    with SqliteStore(path) as store:
        finder = StoreCopyFinder(store)
        assert len(small_chunks) == restores  # not restored
        _same(finder, _from_every_key(store))
        assert _covered(path) == len(finder.detector.ids) // CHUNK * CHUNK  # saved afresh


def _copies(path: Path) -> list[tuple[Any, ...]]:
    with SqliteStore(path) as store:
        found = store.query("SELECT id, source_group, copy_of FROM articles ORDER BY id")
        return [tuple(row) for row in found] + [
            tuple(row) for row in store.query("SELECT * FROM copies ORDER BY article_id")
        ]


def test_the_next_run_finds_the_same_copies_with_or_without_the_saved_index(
    tmp_path: Path, small_chunks: list[int]
) -> None:
    rows = _rows()
    kept, dropped = tmp_path / "kept", tmp_path / "dropped"
    for folder in (kept, dropped):
        folder.mkdir()
        with SqliteStore(_ingest_runs(folder, rows[:8], 1)) as store:
            StoreCopyFinder(store)  # a load saves the index of its whole chunks
    with sqlite3.connect(dropped / "c.db") as db:
        db.execute("DELETE FROM copy_index")
        db.execute("DELETE FROM meta WHERE key = 'copy_index'")
    assert _covered(kept / "c.db") == 6 and _covered(dropped / "c.db") == 0
    assert not small_chunks
    for folder in (kept, dropped):
        data = write_jsonl(folder / "more.jsonl", rows[8:])
        with SqliteStore(folder / "c.db") as store:
            ingest([str(data)], store, workers=1)
    assert len(small_chunks) == 1  # (the guard: one run loaded from the saved index)
    found = _copies(kept / "c.db")
    assert any(row[2] for row in found[: len(rows)])  # (the guard: the run found copies)
    assert found == _copies(dropped / "c.db")
