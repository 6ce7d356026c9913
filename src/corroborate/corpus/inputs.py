"""What ingest reads: `read_inputs`, except that JSON lines come unparsed.

Parsing a JSON line into an article (JSON, the text reader's headline and dateline, the
content-derived id) cost ingest's main process ~7% of its CPU at 10k articles, and that
process, the sequential step, is what limits ingest on two cores. `read_items` hands each
line on as read (`JsonLine`) for the worker processes to parse (`read.jsonl.jsonl_line`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corroborate.read.article import source_name
from corroborate.read.jsonl import JsonLine, jsonl_lines
from corroborate.read.paths import FILE_READERS, expand_input, file_guarded, read_inputs, read_path
from corroborate.records import Article, ReadError

Item = Article | ReadError | JsonLine

_JSONL = FILE_READERS[".jsonl"]


def read_items(inputs: Iterable[str]) -> Iterator[Item]:
    """Every input as `read_inputs` reads it, in the same order, but a JSON lines file's
    non-blank lines as `JsonLine`s: `jsonl_line` of each gives what `read_inputs` gives."""
    for item in inputs:
        if item == "-":
            yield from read_inputs([item])
            continue
        paths, error = expand_input(item)
        if error:
            yield error
        for path in paths:
            if FILE_READERS.get(path.suffix.lower()) is _JSONL:
                yield from _lines(path)
            else:
                yield from read_path(path)


def _lines(path: Path) -> Iterator[Item]:
    """`jsonl_lines`, its problems as `read_path` reports them."""
    yield from file_guarded(source_name(path), jsonl_lines(path))
