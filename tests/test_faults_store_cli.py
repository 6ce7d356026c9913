"""Store faults as a user meets them at the command line: a locked, read-only or full store,
a folder one may not write, a file-size limit. Each is one line naming the store and what to
do; nothing stored before is lost or half-written, and running the same ingest again finishes.

tests/test_corpus_store.py holds the library to the same faults; these hold the commands.
Tests run as root here, which may write anywhere, so a refusal by the file system is made by a
test double where a real one cannot be had; the double sits where the real error comes from.
"""

from __future__ import annotations

import functools
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from corpus_fixtures import all_rows, write_jsonl
from corroborate.cli import main
from corroborate.corpus.store import SqliteStore

CLI = "from corroborate.cli import main; main()"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _one_line(result: Result, db: Path, *words: str) -> None:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = [x for x in result.stderr.splitlines() if x.startswith("Error: ")]
    assert line.startswith(f"Error: {db}: "), line
    assert all(word in line for word in words), line


def _counts(db: Path) -> tuple[int, int, int]:
    """Articles, assignments, and the articles the stories count: equal in a whole store."""
    with sqlite3.connect(db) as connection:
        row = connection.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM assignments), "
            "(SELECT coalesce(sum(article_count), 0) FROM stories)"
        ).fetchone()
    connection.close()
    return int(row[0]), int(row[1]), int(row[2])


@pytest.fixture
def news(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "news.jsonl", all_rows())


@pytest.fixture
def store(tmp_path: Path, news: Path) -> Path:
    db = tmp_path / "c.db"
    first = news.with_name("first.jsonl")
    first.write_text("\n".join(news.read_text().splitlines()[:4]) + "\n")
    assert _run("ingest", str(first), "--db", str(db), "--workers", "1").exit_code == 0
    return db


def test_a_locked_store_refuses_writers_and_serves_readers(
    store: Path, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(  # wait 0.2 s for the lock, not the default 10 s
        "corroborate.cli.corpus.SqliteStore", functools.partial(SqliteStore, timeout=0.2)
    )
    before = _counts(store)
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        for command in (["ingest", str(news), "--workers", "1"], ["recluster"]):
            result = _run(*command, "--db", str(store))
            _one_line(result, store, "locked by another process", "wait for it to finish")
        listed = _run("stories", "--db", str(store), "--json")
        assert listed.exit_code == 0 and listed.stdout.count("\n") >= 1
        assert _run("export", "--db", str(store), "--format", "csv").exit_code == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _counts(store) == before


class _FullAfter(SqliteStore):
    """A store on a disk with room for a few more pages (SQLite's own page limit)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.read_only:
            pages = self.db.execute("PRAGMA page_count").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count={pages + 3}")


def test_a_full_disk_mid_ingest_is_one_line_and_the_next_run_finishes(
    store: Path, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("corroborate.cli.corpus.SqliteStore", _FullAfter)
    result = _run("ingest", str(news), "--db", str(store), "--workers", "1", "--batch-size", "1")
    _one_line(result, store, "the disk is full", "run the same ingest again")
    stored = _counts(store)
    assert len(set(stored)) == 1  # whole batches only
    assert 4 < stored[0] < len(all_rows())  # the disk filled in the middle of this run
    monkeypatch.undo()
    again = _run("ingest", str(news), "--db", str(store), "--workers", "1")
    assert again.exit_code == 0, again.output
    assert f"{len(all_rows()) - stored[0]} new, {stored[0]} already known" in again.stdout
    assert len(set(_counts(store))) == 1 and _counts(store)[0] == len(all_rows())


def test_a_file_size_limit_mid_ingest_says_what_to_do(store: Path, news: Path) -> None:
    """`ulimit -f`: the kernel refuses to grow the file (Python ignores SIGXFSZ)."""
    # The limit binds every file the run writes; the write-ahead log starts empty, so a limit of
    # half the store's own size is reached mid-run whatever the schema adds to the store (a
    # headroom above the store's size let a schema-7 store's whole run fit in the log).
    limit = store.stat().st_size // 2

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = subprocess.run(
        [sys.executable, "-c", CLI, "ingest", str(news), "--db", str(store), "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=small_files,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len(set(_counts(store))) == 1
    (line,) = [x for x in done.stderr.splitlines() if x.startswith("Error: ")]
    assert "run the same ingest again" in line, line


def _refuse_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's words for a file it may only read, where they come from: the first write."""

    def read_only(self: SqliteStore, *args: Any, **kwargs: Any) -> Any:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(SqliteStore, "begin_run", read_only)


def test_a_read_only_store_refuses_ingest_in_one_line(
    store: Path, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts(store)
    _refuse_writes(monkeypatch)
    result = _run("ingest", str(news), "--db", str(store), "--workers", "1")
    _one_line(result, store, "read-only", "permissions", "another --db")
    assert _counts(store) == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write a read-only file"
)
def test_a_read_only_store_file_refuses_ingest(store: Path, news: Path) -> None:
    store.chmod(0o444)
    try:
        result = _run("ingest", str(news), "--db", str(store), "--workers", "1")
    finally:
        store.chmod(0o644)
    _one_line(result, store, "read-only")


def test_a_new_store_in_a_folder_one_may_not_write_says_so(
    tmp_path: Path, news: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(  # a folder of someone else's: we may enter it, not write in it
        os, "access", lambda path, mode, **kw: mode != os.W_OK and real_access(path, mode, **kw)
    )
    db = folder / "c.db"
    result = _run("ingest", str(news), "--db", str(db), "--workers", "1")
    _one_line(result, db, "cannot create the store", f"may not write in the folder {folder}")
    assert not db.exists()


def test_a_folder_with_a_bad_file_and_other_kinds_is_ingested_all_but_those(
    tmp_path: Path, news: Path
) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "news.jsonl").write_bytes(news.read_bytes())
    (folder / "page.html").write_bytes(b"<html><body><article><p>The Orlen harb")  # cut off
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\x00")
    db = tmp_path / "c.db"
    result = _run("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert result.exit_code == 0, result.output
    skipped = [x for x in result.stderr.splitlines() if x.startswith("corroborate: skipped")]
    assert len(skipped) == 2
    assert any(f"{folder / 'page.html'}: no article text found" in x for x in skipped)
    assert any(f"{folder}: not read: 1 file of a kind" in x and "scan.pdf" in x for x in skipped)
    assert f"read {len(all_rows())} articles" in result.stdout
    assert "2 could not be read" in result.stdout
    with sqlite3.connect(db) as connection:
        kept = connection.execute("SELECT count(*) FROM errors").fetchone()[0]
    connection.close()
    assert kept == 2
