"""Bad input and faults at the command line: one line per problem, naming the file, the rest
goes on, and nothing half-written is left where a finished file would be."""

from __future__ import annotations

import errno
import importlib
import io
import json
import os
import signal
import sqlite3
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from corpus_fixtures import all_rows, write_jsonl
from corroborate.cli import main
from corroborate.cli.output import whole_file

# Bad inputs of every kind the readers refuse, each with the words its one line must hold.
BAD_INPUTS: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "the file is empty"),
    ("blank.md", b"  \n\t\n", "the file is empty"),
    ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("crawl.warc", b"this was never a crawl\n", "WARC"),
    ("feed.rss", b"<settings><volume>3</volume></settings>", "feed"),
    ("lines.jsonl", b'[1, 2]\n{"id": "q1"}\n', "line"),
    ("cut.jsonl", b'{"id": "q2", "text": "The Orlen harbour reopened on Mon\n', "cut short"),
    ("cut.html", b"<html><head><title>Orlen</title></head><body><article><p>The Orl", "no article"),
    (
        "broken.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Orlen FM</title><item>'
        b"<title>Harbour <b>open</title><link>https://orlen-fm.test/1</link></item>",
        "the feed is cut off or broken in this entry",
    ),
]


def _ingest(*args: str) -> Result:
    return CliRunner().invoke(main, ["ingest", *args, "--workers", "1"])


def _articles(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])


@pytest.mark.parametrize(("name", "content", "problem"), BAD_INPUTS)
def test_one_bad_input_is_named_and_the_rest_is_stored(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    good = write_jsonl(tmp_path / "news.jsonl", all_rows())
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "c.db"
    result = _ingest(str(bad), str(good), "--db", str(db))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if str(bad) in line]
    assert lines and all(line.startswith(f"corroborate: skipped {bad}") for line in lines)
    assert any(problem.lower() in line.lower() for line in lines)
    assert "" not in result.stderr.splitlines()  # no progress display off a terminal
    assert f"read {len(all_rows())} articles" in result.stdout
    assert _articles(db) == len(all_rows())


def _damaged_warc(path: Path) -> int:
    """A crawl of three pages with a record whose Content-Length is not a number after the
    first; returns the number of pages."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    texts = _page_texts()
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for index, text in enumerate(texts):
            body = f"<html><head><title>{text[:30]}</title></head><body><article><p>{text}</p>"
            body += f"<p>{text} The harbour office repeated it later.</p></article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                f"http://invented-{index}.test/",
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=headers,
            )
            writer.write_record(record)
            if index == 0:
                handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n")
    return len(texts)


def test_a_broken_warc_record_is_named_and_the_crawl_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    pages = _damaged_warc(path)
    db = tmp_path / "c.db"
    result = _ingest(str(path), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert f"corroborate: skipped {path}@" in result.stderr
    assert "broken WARC record" in result.stderr
    assert pages - 1 <= _articles(db) <= pages


def test_a_broken_warc_record_loses_no_good_page(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    pages = _damaged_warc(path)
    db = tmp_path / "c.db"
    assert _ingest(str(path), "--db", str(db)).exit_code == 0
    assert _articles(db) == pages


def _page_texts() -> list[str]:
    return [
        "The Orlen harbour reopened on Monday after three weeks of storm repairs, the council "
        "said, and the first fishing boats came back in the afternoon.",
        "Repairs to the quay at Orlen cost 4.1 million crowns, twice the sum set aside in the "
        "spring, the council's finance chief told reporters on Monday.",
        "Skippers at Orlen said the harbour's new lights made night landings safer, though two "
        "berths on the north wall stay closed until the summer.",
    ]


def test_nothing_readable_exits_1_and_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = _ingest(str(empty), str(tmp_path / "missing.html"), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 1
    assert "2 could not be read" in result.stdout
    assert "no article could be read from the inputs given" in result.stderr


def test_a_store_in_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "news.jsonl", all_rows())
    db = tmp_path / "nowhere" / "c.db"
    result = _ingest(str(good), "--db", str(db))
    assert result.exit_code == 1
    assert f"the folder {db.parent} does not exist" in result.stderr
    assert not db.parent.exists()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    db = tmp_path / "c.db"
    result = _ingest(str(write_jsonl(tmp_path / "news.jsonl", all_rows())), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def _disk_full_after(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """Make `module.name` write part of its output, then fail as a full disk does."""

    def failing(rows: Any, fmt: Any, handle: Any) -> int:
        handle.write("article_id,source_id\n")
        handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(module, name, failing)


@pytest.mark.parametrize("existing", [None, "the export of yesterday\n"])
def test_an_export_cut_off_by_a_full_disk_leaves_no_partial_file(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: str | None
) -> None:
    out = tmp_path / "out" / "articles.csv"
    out.parent.mkdir()
    if existing is not None:
        out.write_text(existing)
    _disk_full_after(
        monkeypatch, importlib.import_module("corroborate.corpus.export"), "_write_text"
    )
    result = CliRunner().invoke(
        main, ["export", "--db", str(store), "--format", "csv", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert f"cannot write {out}: {os.strerror(errno.ENOSPC)}; nothing was written" in result.stderr
    left = sorted(p.name for p in out.parent.iterdir())
    assert left == ([] if existing is None else [out.name])
    if existing is not None:
        assert out.read_text() == existing


def _write_then_fail(target: Path, failure: BaseException) -> None:
    with whole_file(target) as partial:
        partial.write_text("<html>half")
        raise failure


@pytest.mark.parametrize(
    "failure", [OSError(errno.EDQUOT, "Disk quota exceeded"), KeyboardInterrupt()]
)
@pytest.mark.parametrize("existing", [None, "old"])
def test_whole_file_replaces_the_target_only_when_complete(
    tmp_path: Path, failure: BaseException, existing: str | None
) -> None:
    target = tmp_path / "report.html"
    if existing is not None:
        target.write_text(existing)
    with pytest.raises((click.ClickException, KeyboardInterrupt)) as raised:
        _write_then_fail(target, failure)
    if isinstance(failure, OSError):
        assert isinstance(raised.value, click.ClickException)
        assert str(target) in raised.value.message and "Disk quota" in raised.value.message
    assert [p.name for p in tmp_path.iterdir()] == ([] if existing is None else [target.name])
    if existing is not None:
        assert target.read_text() == existing
    with whole_file(target) as partial:
        partial.write_text("<html>whole</html>")
    assert target.read_text() == "<html>whole</html>"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_stories_on_an_empty_store_says_how_to_fill_it(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "c.db"
    _ingest(str(empty), "--db", str(db))
    result = CliRunner().invoke(main, ["stories", "--db", str(db)])
    assert result.exit_code == 0
    assert f"no stories in {db} yet" in result.stderr and "corroborate ingest" in result.stderr


def test_stories_says_when_no_story_matches(store: Path) -> None:
    result = CliRunner().invoke(main, ["stories", "--db", str(store), "--search", "zzqx"])
    assert result.exit_code == 0
    assert "no story matches these filters (3 stories in" in result.stderr


@pytest.mark.parametrize("columns", [80, 100, 140])
def test_story_titles_stay_readable_in_a_narrow_terminal(store: Path, columns: int) -> None:
    result = CliRunner().invoke(
        main, ["stories", "--db", str(store)], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0
    titles = [json.loads(line)["title"] for line in _json_stories(store)]
    words = " ".join(result.stdout.replace("│", " ").split())
    for title in titles:  # every word of every title is shown, wrapped or not
        assert all(word in words for word in title.split())
    assert ("┃ first seen" in result.stdout) == (columns >= 110)


def _json_stories(store: Path) -> list[str]:
    result = CliRunner().invoke(main, ["stories", "--db", str(store), "--json"])
    return result.stdout.splitlines()


def _tick() -> None:
    """A Python call: pending signal handlers run before it returns."""


def test_ctrl_c_keeps_the_stored_batches_and_workers_ignore_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = importlib.import_module("corroborate.corpus.ingest")
    real = module.ingest
    main_pid = os.getpid()

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        # A forked worker has another pid: Ctrl-C must not raise there.
        monkeypatch.setattr(os, "getpid", lambda: main_pid + 1)
        os.kill(main_pid, signal.SIGINT)
        _tick()
        monkeypatch.setattr(os, "getpid", lambda: main_pid)
        real(*args, **kwargs)
        os.kill(main_pid, signal.SIGINT)  # the main process: stops
        _tick()

    monkeypatch.setattr(module, "ingest", interrupted)
    db = tmp_path / "c.db"
    # As from a terminal: a test run in the background starts with SIGINT ignored.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        news = write_jsonl(tmp_path / "news.jsonl", all_rows())
        result = _ingest(str(news), "--db", str(db))
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored
    finally:
        signal.signal(signal.SIGINT, before)
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.stderr and "run the same ingest again" in result.stderr
    assert _articles(db) == len(all_rows())


@pytest.mark.parametrize("terminal", [True, False])
def test_a_long_step_shows_a_spinner_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    from corroborate.cli.output import working

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    if terminal:
        monkeypatch.setenv("FORCE_COLOR", "1")
    with working("building the report of s-invented"):
        pass
    captured = capsys.readouterr()
    assert ("building the report of s-invented" in captured.err) == terminal
    assert captured.out == ""


@pytest.mark.parametrize(
    ("args", "table"),
    [
        (["ingest", "news.jsonl", "--workers", "1"], "copy_keys"),
        (["export", "--format", "jsonl"], "articles"),
        (["stories", "--json"], "stories"),
    ],
)
def test_a_damaged_store_is_one_line_not_a_traceback(
    store: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], table: str
) -> None:
    with sqlite3.connect(store) as connection:  # the store opens; one table's page is garbage
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
    connection.close()
    with store.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xde\xad" * (size // 2))
    monkeypatch.chdir(store.parent)
    result = CliRunner().invoke(main, [*args, "--db", str(store)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{store}: this file is not a corroborate store (or it is damaged)" in result.stderr
