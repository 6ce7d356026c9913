"""The one line a reader gives for an input it cannot read says what is wrong in words a user
can act on: where (file, line, entry), what, and a hint when one helps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main
from corroborate.read import read_inputs
from corroborate.records import ReadError
from test_read import read_split

Write = Callable[[str, str | bytes], Path]

STORY = (
    "The Skarn ferry resumed sailings on Friday after a two-week strike by its crews ended, "
    "the operator said, and the first boat left Halby at seven."
)


@pytest.mark.parametrize(
    ("line", "words", "cut"),
    [
        (
            '{"text": "The Skarn ferry resumed sail',
            "Unterminated string starting at column 10",
            True,
        ),
        (
            '{"text": "The Skarn ferry", "outlet": "Halby',
            "Unterminated string starting at column 39",
            True,
        ),
        ('{"text": "The Skarn ferry"', "Expecting ',' delimiter at column 27", True),
        ('{"text": "tab\there"}', "Invalid control character at column 14", False),
        ('{"text": "ok"} {"text": "again"}', "Extra data at column 16", False),
        ("{text: 1}", "Expecting property name enclosed in double quotes at column 2", False),
    ],
)
@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_a_bad_json_line_says_what_and_where_once(
    write: Write, line: str, words: str, cut: bool, ending: str
) -> None:
    good = f'{{"text": "{STORY}"}}'
    path = write("wire.jsonl", ending.join([good, line, good]) + ending)
    articles, errors = read_split(str(path))
    assert len(articles) == 2
    (error,) = errors
    assert error.source == f"{path}:2"
    assert error.message.startswith(f"not valid JSON ({words})")
    assert " at at " not in error.message
    assert error.message.endswith("; the line may be cut short") == cut


def test_a_json_file_cut_short_says_so(write: Write) -> None:
    path = write("one.json", f'{{"outlet": "Halby Post", "text": "{STORY[:40]}')
    _, (error,) = read_split(str(path))
    assert error.message == (
        "not valid JSON (Unterminated string starting at line 1); the file may be cut short"
    )


def test_a_folder_names_the_files_no_reader_takes(write: Write, tmp_path: Path) -> None:
    write("crawl/a.txt", STORY)
    write("crawl/day2/b.html", f"<html><body><article><p>{STORY}</p></article></body></html>")
    for name in ("notes.docx", "day2/photo.png", "day2/page.php", "logo.svg"):
        write(f"crawl/{name}", b"\x00not an article")
    write("crawl/.git/HEAD", "ref: refs/heads/main\n")
    write("crawl/.DS_Store", b"\x00\x00")
    folder = tmp_path / "crawl"
    articles, errors = read_split(str(folder))
    assert [Path(a.source).name for a in articles] == ["a.txt", "b.html"]
    (error,) = errors
    assert error.source == str(folder)
    assert error.message.startswith(
        "not read: 4 files of kinds corroborate does not read "
        "(day2/page.php, day2/photo.png, logo.svg and 1 more); it reads .atom, "
    )


@pytest.mark.parametrize(
    "hidden", [[], [".git/HEAD", ".DS_Store"]], ids=["nothing-else", "hidden-only"]
)
def test_a_folder_of_readable_files_gives_no_line(
    write: Write, tmp_path: Path, hidden: list[str]
) -> None:
    write("crawl/a.txt", STORY)
    for name in hidden:
        write(f"crawl/{name}", b"\x00")
    articles, errors = read_split(str(tmp_path / "crawl"))
    assert len(articles) == 1 and errors == []


def test_one_file_of_another_kind_is_named(write: Write, tmp_path: Path) -> None:
    write("crawl/a.txt", STORY)
    write("crawl/b.pdf", b"%PDF-1.7")
    _, (error,) = read_split(str(tmp_path / "crawl"))
    assert error.message.startswith("not read: 1 file of a kind corroborate does not read (b.pdf)")


@pytest.mark.parametrize(
    ("given", "words"),
    [
        (b"", "nothing came in on standard input"),
        (b"\x00\x01\x02\x03" * 64, "this looks like binary data"),
    ],
    ids=["empty", "binary"],
)
def test_standard_input_is_not_called_a_file(given: bytes, words: str) -> None:
    result = CliRunner().invoke(main, ["report", "-"], input=given)
    assert result.exit_code == 1
    assert f"corroborate: skipped <stdin>: {words}" in result.stderr
    assert "the file" not in result.stderr and "binary file" not in result.stderr


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Halby Post</title>
<item><title>Sailings resume</title><link>https://halby.test/1</link>
<description>{story}</description></item>
<item><title>Fares <b>frozen</title><link>https://halby.test/2</link>
<description>The operator froze fares until the spring, its chief said on Friday.</description>
</item>
</channel></rss>"""


def test_a_feed_broken_between_entries_names_the_last_entry_read(write: Write) -> None:
    path = write("halby.rss", FEED.format(story=STORY))
    items = list(read_inputs([str(path)]))
    error = items[-1]
    assert isinstance(error, ReadError) and error.source == str(path)
    last = items[-2].source
    assert last == f"{path}#https://halby.test/2"
    assert error.message.startswith("the feed is cut off or broken (not well-formed XML at line 5")
    assert error.message.endswith(
        f"2 entries were read, the last {last}: any entry after it is missing"
    )


@pytest.mark.parametrize(
    ("line", "has"),
    [
        (
            '{"id": 7, "body": "The ferry sailed.", "headline": "Sailings"}',
            "its fields: 'id', 'body', 'headline'",
        ),
        ('{"text": "  "}', "its fields: 'text'"),
        ("{}", "it is empty"),
        ("{" + ", ".join(f'"f{i}": 1' for i in range(10)) + "}", "'f7', ..."),
    ],
    ids=["body-not-text", "blank-text", "empty", "many-fields"],
)
def test_an_object_without_text_names_the_fields_it_has(write: Write, line: str, has: str) -> None:
    path = write("export.jsonl", line + "\n")
    _, (error,) = read_split(str(path))
    assert error.message == f"the object has no non-empty 'text' or 'html' field ({has})" or (
        has.endswith("...") and error.message.endswith(f"{has})")
    )


@pytest.mark.parametrize(
    ("name", "content", "where"),
    [
        ("blank.txt", "\u200b\u200b\n\n\ufeff\u2060\n".encode(), ""),
        ("rule.md", b"* * *\n\n---\n", ""),
        ("lines.jsonl", b'{"text": "\\u2026 \\u2014 \\u200b"}\n', ":1"),
    ],
    ids=["invisible", "rules", "json-punctuation"],
)
def test_a_text_with_no_words_is_one_line(
    write: Write, name: str, content: bytes, where: str
) -> None:
    path = write(name, content)
    _, (error,) = read_split(str(path))
    assert error.source == f"{path}{where}"
    assert error.message.startswith("it holds no words")


def test_files_joined_with_a_byte_order_mark_in_between_lose_no_line(write: Write) -> None:
    one = f'{{"text": "{STORY}"}}\n'.encode()
    path = write(
        "joined.jsonl", b"\xef\xbb\xbf" + one + b"\xef\xbb\xbf" + one.replace(b"Skarn", b"Halby")
    )
    articles, errors = read_split(str(path))
    assert errors == [] and len(articles) == 2
