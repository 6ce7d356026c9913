"""Expanding inputs (files, directories, globs, `-`) and dispatching each to its reader."""

from __future__ import annotations

import glob
import gzip
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import TypeVar

from corroborate.errors import InputReadError, unexpected
from corroborate.read.article import source_name
from corroborate.read.decode import decode, with_note
from corroborate.records import Article, ReadError

T = TypeVar("T")

Reader = Callable[[str, str], Iterator[Article | ReadError]]


def _text(text: str, source: str) -> Iterator[Article | ReadError]:
    from corroborate.read.text import read_text

    yield read_text(text, source=source)


def _markdown(text: str, source: str) -> Iterator[Article | ReadError]:
    from corroborate.read.jsonl import text_with_meta
    from corroborate.read.markdown import markdown_text, page_metadata
    from corroborate.read.text import iso_published, read_text

    meta, body = page_metadata(text)
    if not meta:
        yield read_text(markdown_text(body), source=source)
        return
    meta["published"] = iso_published(meta["published"])
    yield text_with_meta(markdown_text(body), source, meta, None)


def _html(text: str, source: str) -> Iterator[Article | ReadError]:
    from corroborate.read.html import read_html

    yield read_html(text, source=source)


def _json(text: str, source: str) -> Iterator[Article | ReadError]:
    from corroborate.read.jsonl import read_json

    yield from read_json(text, source)


def _jsonl_text(text: str, source: str) -> Iterator[Article | ReadError]:
    from corroborate.read.jsonl import read_jsonl

    yield from read_jsonl(text, source)


# Readers of decoded text, by file name ending. Readers of whole files (WARC: binary, feeds:
# their own encoding handling, JSON lines: read a line at a time) are in FILE_READERS.
READERS: dict[str, Reader] = {
    ".txt": _text,
    ".text": _text,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".xhtml": _html,
    ".json": _json,
}


def _warc(path: Path) -> Iterator[Article | ReadError]:
    from corroborate.read.warc import read_warc

    yield from read_warc(path)


def _feed(path: Path) -> Iterator[Article | ReadError]:
    from corroborate.read.feed import read_feed

    yield from read_feed(path)


def _jsonl(path: Path) -> Iterator[Article | ReadError]:
    from corroborate.read.jsonl import read_jsonl_file

    yield from read_jsonl_file(path)


FILE_READERS: dict[str, Callable[[Path], Iterator[Article | ReadError]]] = {
    ".jsonl": _jsonl,
    ".ndjson": _jsonl,
    ".jsonl.gz": _jsonl,
    ".ndjson.gz": _jsonl,
    ".warc": _warc,
    ".warc.gz": _warc,
    ".rss": _feed,
    ".atom": _feed,
    ".xml": _feed,
}


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | ReadError]:
    """Every article in the inputs, and a ReadError (naming the input) for each that fails."""
    for item in inputs:
        if item == "-":
            yield from _read_stdin()
            continue
        paths, error = expand_input(item)
        if error:
            yield error
        for path in paths:
            yield from read_path(path)


def read_articles(inputs: Iterable[str]) -> tuple[list[Article], list[ReadError]]:
    """`read_inputs`, the articles apart from the errors, each text once: an article whose
    text was given before (one file given twice, a folder and a glob over it, a feed that
    repeats an entry) is listed as an error naming the first, so none is dropped unannounced."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    first: dict[str, str] = {}
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            errors.append(item)
        elif item.id in first:
            earlier = first[item.id]
            again = "given twice" if earlier == item.source else f"the same text as {earlier}"
            errors.append(ReadError(item.source, f"{again}; read once"))
        else:
            first[item.id] = item.source
            articles.append(item)
    return articles, errors


def expand_input(item: str) -> tuple[list[Path], ReadError | None]:
    """A file, every readable file under a directory (sorted), or the matches of a glob."""
    path = Path(item)
    if path.is_dir():
        files, passed = _walk(path)
        found = [p for p in files if _known(p)]
        passed["other"] = [p for p in files if not _known(p)]
        left = _left_out(item, path, passed)
        if not found:
            problem = "the directory holds no readable files (" + _kinds() + ")"
            return [], ReadError(source_name(item), problem + (f"; {left.message}" if left else ""))
        return found, left
    if path.exists():
        return [path], None
    if any(ch in item for ch in "*?["):
        matches = sorted(Path(m) for m in glob.glob(item, recursive=True) if Path(m).is_file())
        if not matches:
            return [], ReadError(source_name(item), "the pattern matches no files")
        return matches, None
    return [], ReadError(source_name(item), "no such file or directory")


def _walk(folder: Path) -> tuple[list[Path], dict[str, list[Path]]]:
    """Every file under a folder, sorted, and what the walk passed over: links to folders
    (not followed, as find and grep -r do: a link back up would loop, one to / read all),
    broken links, and folders it may not open."""
    files: list[Path] = []
    passed: dict[str, list[Path]] = {"link": [], "broken": [], "closed": []}

    def closed(exc: OSError) -> None:
        if exc.filename is not None and os.fspath(exc.filename) != os.fspath(folder):
            passed["closed"].append(Path(exc.filename))

    for root, dirs, names in os.walk(folder, onerror=closed):
        here = Path(root)
        passed["link"] += [here / d for d in dirs if (here / d).is_symlink()]
        for name in names:
            target = here / name
            (files if target.is_file() else passed["broken"]).append(target)
    return sorted(files), passed


# How each kind of thing a folder's walk passed over is told: (one, many).
_PASSED = {
    "other": (
        "1 file of a kind corroborate does not read",
        "{n} files of kinds corroborate does not read",
    ),
    "link": ("1 link to a folder, not followed", "{n} links to folders, not followed"),
    "broken": ("1 broken link or special file", "{n} broken links or special files"),
    "closed": ("1 folder it may not open", "{n} folders it may not open"),
}
_HINTS = {"other": "it reads {kinds}", "link": "give a linked folder as an input to read it"}


def _left_out(item: str, folder: Path, passed: dict[str, list[Path]]) -> ReadError | None:
    """One line for what a folder given holds but is not read (a page saved as .php, a .docx,
    a link to another folder), so that nothing is passed over unannounced; hidden files and
    folders (.git, .DS_Store) are nobody's articles and are not counted."""
    parts = []
    for kind, (one, many) in _PASSED.items():
        shown = [p for p in passed.get(kind, []) if not _hidden(p.relative_to(folder))]
        if not shown:
            continue
        names = ", ".join(source_name(p.relative_to(folder)) for p in shown[:3])
        more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
        what = one if len(shown) == 1 else many.format(n=len(shown))
        hint = _HINTS.get(kind, "").format(kinds=_kinds())
        parts.append(f"{what} ({names}{more})" + (f"; {hint}" if hint else ""))
    if not parts:
        return None
    return ReadError(source_name(item), "not read: " + "; ".join(parts))


def read_path(path: Path) -> Iterator[Article | ReadError]:
    """The articles of one file; problems become ReadErrors naming the file."""
    source = source_name(path)
    yield from file_guarded(source, _read_path(path, source))


def _read_path(path: Path, source: str) -> Iterator[Article | ReadError]:
    suffix = _suffix(path)
    if suffix in FILE_READERS:
        yield from FILE_READERS[suffix](path)
        return
    inner = suffix.removesuffix(".gz")
    reader = READERS.get(inner)
    if reader is None and inner not in _FEEDS:
        kind = suffix or "(none)"
        yield ReadError(source, f"unknown file type {kind!r}; expected one of {_kinds()}")
        return
    data = path.read_bytes()
    if suffix.endswith(".gz"):  # a page.html.gz, a feed.rss.gz: as their plain files
        data = _inflated(data, source)
        if inner in _FEEDS:
            from corroborate.read.feed import read_feed_bytes

            yield from read_feed_bytes(data, source)
            return
    assert reader is not None
    decoded = decode(data, source)
    for item in file_guarded(source, reader(decoded.text, source)):
        yield with_note(item, decoded)


def file_guarded(source: str, items: Iterator[T]) -> Iterator[T | ReadError]:
    """`items` read from one file, its problems as one ReadError naming it: a fault the reader
    foresaw, one the system reports, or any other (one file must not end a run of thousands).
    Ingest's JSON-lines reader (`corpus.inputs`) reports its files' faults the same way."""
    try:
        yield from items
    except InputReadError as exc:
        yield ReadError(exc.source, exc.problem)
    except OSError as exc:
        yield ReadError(source, f"cannot read the file: {exc.strerror or exc}")
    except Exception as exc:  # a parser's fault on one file must not end a run of thousands
        yield ReadError(source, unexpected(exc))


def _read_stdin() -> Iterator[Article | ReadError]:
    """Standard input, its kind sniffed from its first bytes: a WARC or a feed (read whole, as
    their files are), else JSON, HTML or text by the first character."""
    source = "<stdin>"
    data = sys.stdin.buffer.read()
    whole = _whole_reader(data)
    if whole is not None:
        yield from file_guarded(source, whole(data, source))
        return
    try:
        decoded = decode(data, source)
    except InputReadError as exc:  # "the file is empty" would puzzle: no file was named
        problem = exc.problem.replace("the file is empty", "nothing came in on standard input")
        if data.startswith(_GZIP):
            problem = "gzip-compressed data: decompress it first (gunzip -c FILE | ...)"
        yield ReadError(exc.source, problem.replace("a binary file", "binary data"))
        return
    head = decoded.text.lstrip()[:1]
    reader = _jsonl_text if head in "{[" else _html if head == "<" else _text
    if head == "[":
        reader = _json
    for item in file_guarded(source, reader(decoded.text, source)):
        yield with_note(item, decoded)


_GZIP = b"\x1f\x8b"
# A feed's root element near its start (after an XML declaration, comments, a stylesheet).
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)


def _whole_reader(data: bytes) -> Callable[[bytes, str], Iterator[Article | ReadError]] | None:
    """The reader of a WARC (gzipped or not) or an RSS/Atom feed given on standard input: read
    as one HTML page, a feed's entries ran together, untitled, and a WARC became text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(_GZIP):
        try:
            head = zlib.decompressobj(31).decompress(data[:65536], 16)
        except zlib.error:
            return None
    if head.startswith(b"WARC/1."):
        from corroborate.read.warc import read_warc_bytes

        return read_warc_bytes
    if head.startswith(b"<") and _FEED_ROOT.search(head) and b"<html" not in head.lower():
        from corroborate.read.feed import read_feed_bytes

        return read_feed_bytes
    return None


_FEEDS = (".rss", ".atom", ".xml")


def _inflated(data: bytes, source: str) -> bytes:
    from corroborate.read.jsonl import gzip_problem

    try:
        return gzip.decompress(data)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputReadError(source, gzip_problem(exc)) from exc


def _suffix(path: Path) -> str:
    """The kind a file's name gives: its last suffix, or its last two for a gzipped one
    (".warc.gz", ".jsonl.gz", ".html.gz")."""
    name = path.name.lower()
    if name.endswith(".warc"):
        return ".warc"
    if name.endswith(".gz"):
        return PurePath(name[:-3]).suffix + ".gz"
    return path.suffix.lower()


def _known(path: Path) -> bool:
    suffix = _suffix(path)
    inner = suffix.removesuffix(".gz")
    return suffix in READERS or suffix in FILE_READERS or inner in READERS or inner in _FEEDS


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _kinds() -> str:
    plain = sorted({*READERS, *FILE_READERS} - {".warc.gz", ".jsonl.gz", ".ndjson.gz"})
    return ", ".join(plain) + " (each also gzipped, as .gz)"
