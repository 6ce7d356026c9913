"""Ingest's reading: JSON lines handed on unparsed (`read_items`, `jsonl_line`) read as
`read_inputs` reads them, and what ingest counts and stores is the same either way."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_fixtures import all_rows, write_jsonl
from corroborate.corpus.ingest import ingest
from corroborate.corpus.inputs import _lines, read_items
from corroborate.corpus.store import SqliteStore
from corroborate.read import read_inputs
from corroborate.read.jsonl import JsonLine, jsonl_line
from corroborate.read.paths import read_path
from corroborate.records import Article, ReadError

Write = Callable[[str, str | bytes], Path]

STORY = (
    "Cable car to Vindhorn reopens after inspection\n\n"
    "SELMBACH — The cable car up Mount Vindhorn carried passengers again on Friday after a "
    "two-week safety inspection, the operator said.\n\n"
    "Some 640 riders used it on the first morning, a spokeswoman said.\n"
)


def _line(outlet: str, text: str = STORY, **extra: str) -> str:
    return json.dumps({"outlet": outlet, "text": text, **extra}, ensure_ascii=False)


def _parsed(inputs: list[str]) -> list[Article | ReadError]:
    return [jsonl_line(i) if isinstance(i, JsonLine) else i for i in read_items(inputs)]


FILES: dict[str, bytes] = {
    "plain.jsonl": (_line("Alpwire") + "\n" + _line("Tal Radio", id="t-1") + "\n").encode(),
    # a BOM, CRLF, a blank line, a legacy-encoded line, a bad line, a non-object
    "mixed.ndjson": b"\xef\xbb\xbf"
    + _line("Brenz Post").encode()
    + b"\r\n\r\n"
    + _line("Caf\u00e9 Funk").encode("cp1252")
    + b"\n{not json\n[1, 2]\n"
    + _line("Ohne Text", text="  ").encode()
    + b"\n",
    "wide.jsonl": (_line("Isle FM") + "\n" + _line("Isle FM 2") + "\n").encode("utf-16"),
    "empty.jsonl": b"\n \n",
    "image.jsonl": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "story.txt": STORY.encode(),
}


@pytest.mark.parametrize(
    "names",
    [[name] for name in FILES] + [list(FILES), ["plain.jsonl", "missing.jsonl", "story.txt"]],
)
def test_items_parsed_are_what_read_inputs_reads(write: Write, names: list[str]) -> None:
    for name, content in FILES.items():
        write(name, content)
    folder = write("plain.jsonl", FILES["plain.jsonl"]).parent
    inputs = [str(folder / name) for name in names]
    assert _parsed(inputs) == list(read_inputs(inputs))


def test_a_folder_and_a_glob_are_read_in_the_same_order(write: Write) -> None:
    for name, content in FILES.items():
        write(f"in/{name}", content)
    folder = write("in/more/late.jsonl", _line("Late Wire")).parent.parent
    for inputs in ([str(folder)], [str(folder / "*.jsonl")], [str(folder / "**")]):
        assert _parsed(inputs) == list(read_inputs(inputs))


def test_json_lines_come_unparsed_and_other_files_parsed(write: Write) -> None:
    jsonl = write("a.jsonl", FILES["mixed.ndjson"])
    text = write("b.txt", STORY)
    items = list(read_items([str(jsonl), str(text)]))
    assert [type(i).__name__ for i in items] == ["JsonLine"] * 5 + ["Article"]
    assert [i.number for i in items if isinstance(i, JsonLine)] == [1, 3, 4, 5, 6]


@pytest.mark.parametrize("fault", ["gone", "parser"])
def test_a_file_that_cannot_be_read_is_reported_as_read_path_reports_it(
    write: Write, monkeypatch: pytest.MonkeyPatch, fault: str
) -> None:
    path = write("feed.jsonl", FILES["plain.jsonl"])
    if fault == "gone":  # listed, then removed before it was read
        path.unlink()
    else:  # a fault nobody foresaw, met before any line

        def boom(head: bytes) -> bool:
            raise RuntimeError("boom")

        monkeypatch.setattr("corroborate.read.jsonl.looks_binary", boom)
    errors = list(_lines(path))
    assert errors == list(read_path(path))
    assert len(errors) == 1 and isinstance(errors[0], ReadError)
    assert ("cannot read the file" if fault == "gone" else "boom") in errors[0].message


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(_line, st.text(min_size=1, max_size=12)).map(str.encode),
            st.sampled_from([b"", b"  ", b"{", b"null", b'{"html": "<p>x</p>"}', b"\xff\xfe{"]),
            st.builds(
                _line, st.just("Caf\u00e9"), st.just(STORY.replace("\u2014", "-") + "\u00e9t\u00e9")
            ).map(lambda s: s.encode("latin-1")),
        ),
        max_size=8,
    )
)
def test_any_lines_read_alike(tmp_path_factory: pytest.TempPathFactory, lines: list[bytes]) -> None:
    path = tmp_path_factory.mktemp("lines") / "feed.jsonl"
    path.write_bytes(b"\n".join(lines))
    assert _parsed([str(path)]) == list(read_inputs([str(path)]))


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_reads_lines_as_it_read_articles(tmp_path: Path, workers: int) -> None:
    # the same stories, counts, errors and decoding notes as ingest of the parsed articles
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with data.open("ab") as handle:
        handle.write(b"{broken\n" + _line("Caf\u00e9 Funk").encode("cp1252") + b"\n")
    results = []
    for name, items in (("lines", None), ("articles", list(read_inputs([str(data)])))):
        with SqliteStore(tmp_path / f"{name}.db") as store:
            counts = ingest([str(data)], store, workers=workers, items=items)
            again = ingest([str(data)], store, workers=workers, items=items)
            rows = store.query("SELECT id, story_id, source_group FROM articles ORDER BY id")
            errors = store.query("SELECT source, message FROM errors ORDER BY id")
            results.append(
                (
                    counts.as_dict(),
                    again.as_dict(),
                    counts.decoded,
                    again.decoded,
                    [tuple(r) for r in rows],
                    [tuple(r) for r in errors],
                )
            )
    assert results[0] == results[1]
    first, second, decoded, decoded_again = results[0][:4]
    assert (first["read"], first["new"], first["failed"]) == (9, 9, 1)
    assert (second["new"], second["known"]) == (0, 9)
    # (a known article's text was read as it was: the note is given again)
    assert [source for source, _ in decoded] == [f"{data}:10"]
    assert decoded_again == decoded
