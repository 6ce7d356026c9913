"""Inputs that once ended a whole run with a traceback: a JSON escape for half a UTF-16 pair
("\\ud800"), the same as a character reference in a feed, JSON nested thousands deep, and any
fault a parser meets in one file. Each is now one article (the half pair shown as U+FFFD and
said in `decoding`) or one line naming the input, and the other inputs go on."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.records import Article, ReadError
from test_read import read_split

Write = Callable[[str, str | bytes], Path]

STORY = (
    "The Skarn ferry resumed sailings on Friday after a two-week strike by its crews ended, "
    "the operator said, and the first boat left Halby at seven."
)
GOOD = json.dumps({"outlet": "Halby Post", "text": STORY}) + "\n"
HALF = "\\ud83d"  # the first half of an emoji, its second half cut off


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("wire.jsonl", GOOD + '{"outlet": "Isle FM", "text": "Crews ' + HALF + ' went back."}\n'),
        ("one.json", '{"outlet": "Isle FM", "title": "Back ' + HALF + '", "text": "Crews went."}'),
        (
            "isle.rss",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Isle FM</title><item>'
            "<title>Back &#xD83D;</title><link>https://isle.test/1</link><description>Crews "
            "&#55357; went back to work on Friday, the union said.</description></item>"
            "</channel></rss>",
        ),
    ],
    ids=["jsonl", "json", "feed"],
)
def test_half_a_surrogate_pair_is_shown_as_a_replacement(
    write: Write, name: str, content: str
) -> None:
    path = write(name, content)
    articles, errors = read_split(str(path))
    assert errors == []
    article = articles[-1]
    assert article.outlet == "Isle FM"
    assert "\ufffd" in (article.text + (article.title or ""))
    assert not any("\ud800" <= ch <= "\udfff" for ch in article.text + (article.title or ""))
    if name != "isle.rss":  # a feed's reference is replaced before parsing, unannounced
        assert article.decoding is not None and "surrogate" in article.decoding
    assert article.text.encode("utf-8")  # the store and the reports can hold it


def test_half_a_surrogate_pair_keeps_the_other_offsets(write: Write) -> None:
    text = "Crews " + HALF + " went back."
    (article,), _ = read_split(str(write("a.jsonl", f'{{"text": "{text}"}}\n')))
    assert article.text == "Crews \ufffd went back."


@pytest.mark.parametrize("name", ["deep.jsonl", "deep.json"])
def test_json_nested_thousands_deep_is_one_line(write: Write, name: str) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    path = write(name, (GOOD + deep + "\n") if name.endswith("l") else deep)
    good = write("good.jsonl", GOOD)
    articles, errors = read_split(str(path), str(good))
    assert len(articles) == (2 if name.endswith("l") else 1)
    (error,) = errors
    assert error.source in (str(path), f"{path}:2")
    assert error.message.startswith("JSON nested too deeply to read")


def test_a_parser_fault_in_one_file_is_one_line(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corroborate.read.html as html_reader

    def choke(*args: object, **kwargs: object) -> Article:
        raise ValueError("lxml met something it did not expect")

    monkeypatch.setattr(html_reader, "read_html", choke)
    page = write("page.html", f"<html><body><p>{STORY}</p></body></html>")
    good = write("good.jsonl", GOOD)
    articles, errors = read_split(str(page), str(good))
    assert len(articles) == 1
    (error,) = errors
    assert error.source == str(page)
    assert error.message.startswith("cannot be read: ValueError: lxml met something")
    assert "please report it" in error.message


def test_ingest_and_report_survive_them_all(tmp_path: Path, write: Write) -> None:
    lines = write(
        "wire.jsonl",
        GOOD
        + '{"outlet": "Isle FM", "text": "Crews '
        + HALF
        + ' went back to work on Friday."}\n'
        + "[" * 50_000
        + "]" * 50_000
        + "\n",
    )
    db = tmp_path / "c.db"
    result = CliRunner().invoke(main, ["ingest", str(lines), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "read 2 articles" in result.stdout and "1 could not be read" in result.stdout
    assert f"skipped {lines}:3: JSON nested too deeply" in result.stderr
    assert "surrogate escape" in result.stdout  # the decoding line names the article
    with sqlite3.connect(db) as connection:
        (stored,) = connection.execute("SELECT count(*) FROM articles").fetchone()
    connection.close()
    assert stored == 2
    out = tmp_path / "r.json"
    result = CliRunner().invoke(main, ["report", str(lines), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 2


def test_a_parser_fault_on_one_json_line_is_one_line(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path ingest's workers take: a line read whole in the main process, parsed there."""
    import corroborate.read.jsonl as jsonl

    real = jsonl._from_line

    def choke(line: str, where: str, source: str) -> Article | ReadError:
        if "CHOKE" in line:
            raise IndexError("a parser's own fault")
        return real(line, where, source)

    monkeypatch.setattr(jsonl, "_from_line", choke)
    path = write("wire.jsonl", GOOD + json.dumps({"text": "CHOKE " + STORY}) + "\n" + GOOD)
    items = [jsonl.jsonl_line(line) for line in jsonl.jsonl_lines(path)]  # type: ignore[arg-type]
    assert [type(i).__name__ for i in items] == ["Article", "ReadError", "Article"]
    assert items[1].source == f"{path}:2"
    assert isinstance(items[1], ReadError) and "cannot be read: IndexError" in items[1].message


def _named_in_bytes(folder: Path, name: bytes, content: bytes) -> None:
    """A file whose name is not UTF-8 (Latin-1 here), as old archives and shares hold."""
    try:
        with open(os.fsencode(folder) + b"/" + name, "wb") as handle:
            handle.write(content)
    except OSError:  # a file system that allows only UTF-8 names
        pytest.skip("this file system refuses a name that is not UTF-8")


def test_a_file_name_that_is_not_utf8_is_named_with_its_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "scrapes"
    folder.mkdir()
    _named_in_bytes(folder, b"halby-caf\xe9.txt", STORY.encode())
    _named_in_bytes(folder, b"vide\xff.txt", b"")
    articles, errors = read_split(str(folder))
    (article,), (error,) = articles, errors
    assert article.source == f"{folder}/halby-caf\\xe9.txt"
    assert article.outlet == "halby-caf\\xe9"
    assert error.source == f"{folder}/vide\\xff.txt"
    db = tmp_path / "c.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "read 1 article" in result.stdout and "1 could not be read" in result.stdout
    assert f"skipped {folder}/vide\\xff.txt: the file is empty" in result.stderr
