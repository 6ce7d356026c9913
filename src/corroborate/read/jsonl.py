"""JSON and JSON lines: objects with `text` or `html`, and optional metadata."""

from __future__ import annotations

import codecs
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from corroborate.errors import InputReadError, unexpected
from corroborate.read.article import make_article, source_name
from corroborate.read.decode import Decoded, decode, decode_bytes, looks_binary, with_note
from corroborate.read.text import iso_published, read_text
from corroborate.records import Article, ReadError

_META_FIELDS = ("title", "url", "outlet", "published", "author")
# Python's JSON parser recurses once per level: some thousand nested arrays end it.
TOO_DEEP = "JSON nested too deeply to read (over a thousand levels of [ or {): not an article"


def read_jsonl(text: str, source: str) -> Iterator[Article | ReadError]:
    """One article per line; a bad line is reported by line number and the rest go on."""
    # Lines end at "\n" only: str.splitlines would also cut at U+2028 and other separators,
    # which JSON allows unescaped inside a string.
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _from_line(line, f"{source}:{number}", source)


class JsonLine(NamedTuple):
    """One line of a JSON lines file, read but not yet parsed (`jsonl_line` parses it): ingest
    reads a file's lines in its main process and parses them in its worker processes."""

    source: str  # the file
    number: int  # the line's number, from 1
    raw: bytes  # the line as read (a UTF-8 byte-order mark at the file's start removed)


def read_jsonl_file(path: Path) -> Iterator[Article | ReadError]:
    """A JSON lines file read a line at a time, so a crawl export of any size is never held
    in memory whole. Lines are UTF-8 (as JSON lines are meant to be); a line that is not is
    decoded as a legacy-encoded file would be. A UTF-16 file is read whole."""
    for item in jsonl_lines(path):
        yield jsonl_line(item) if isinstance(item, JsonLine) else item


def jsonl_lines(path: Path) -> Iterator[JsonLine | Article | ReadError]:
    """`read_jsonl_file` without the parsing: each non-blank line as a `JsonLine`, and what
    is decided for the file as a whole (a UTF-16 file's articles, read whole; a binary or
    empty file's ReadError) as `read_jsonl_file` gives it."""
    source = source_name(path)
    gzipped = path.name.lower().endswith(".gz")  # an export.jsonl.gz, read as it inflates
    last = 0  # the last line given, for a gzip file that breaks off after it
    with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
        try:
            for item in _lines_of(handle, source):
                last = item.number if isinstance(item, JsonLine) else last
                yield item
        except (EOFError, OSError, zlib.error) as exc:
            if not gzipped:
                raise
            read = f" after line {last}; the lines before it were read" if last else ""
            yield ReadError(source, gzip_problem(exc) + read)


def gzip_problem(exc: BaseException) -> str:
    """A gzip file's fault in words (gzip and zlib say "Error -3 while decompressing data")."""
    if isinstance(exc, EOFError):
        return "the gzip file is cut short"
    if isinstance(exc, gzip.BadGzipFile) and "Not a gzipped file" in str(exc):
        return "not gzip data, though its name ends in .gz"
    return "the gzip data is damaged"


def _lines_of(
    handle: gzip.GzipFile | BinaryIO, source: str
) -> Iterator[JsonLine | Article | ReadError]:
    head = handle.read(8192)
    handle.seek(0)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from read_jsonl(decode_bytes(handle.read(), source), source)
        return
    if looks_binary(head):
        yield ReadError(source, "this looks like a binary file, not text, HTML or JSON")
        return
    empty = True
    for number, raw in enumerate(handle, start=1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if not raw.strip():
            continue
        empty = False
        yield JsonLine(source, number, raw)
    if empty:
        yield ReadError(source, "the file is empty")


def jsonl_line(line: JsonLine) -> Article | ReadError:
    """The article on one line of a JSON lines file, or why there is none."""
    where = f"{line.source}:{line.number}"
    try:
        decoded = Decoded(line.raw.decode("utf-8"))
    except UnicodeDecodeError:
        try:
            decoded = decode(line.raw, where)
        except InputReadError as exc:
            return ReadError(exc.source, exc.problem)
    try:
        return with_note(_from_line(decoded.text, where, line.source), decoded)
    except InputReadError as exc:
        return ReadError(exc.source, exc.problem)
    except Exception as exc:  # one line a parser chokes on must not end the ingest
        return ReadError(where, unexpected(exc))


def _from_line(line: str, where: str, source: str) -> Article | ReadError:
    try:
        # Without its line break: a line cut inside a string is then "Unterminated string",
        # not "Invalid control character" (the break itself, inside the string).
        # A byte-order mark starts a line where files were joined (`cat a.jsonl b.jsonl`).
        value = json.loads(line.rstrip("\r\n").removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        return ReadError(where, json_problem(exc, f"column {exc.colno}", "line"))
    except RecursionError:
        return ReadError(where, TOO_DEEP)
    return _article_or_error(value, where, source)


def json_problem(exc: json.JSONDecodeError, place: str, unit: str) -> str:
    """'not valid JSON (what at PLACE)', with a hint when the `unit` (line, file) looks cut
    short. Some of json's own words end in "at" ("Invalid control character at")."""
    words = exc.msg if exc.msg.endswith(" at") else f"{exc.msg} at"
    cut = exc.msg.startswith("Unterminated") or exc.pos >= len(exc.doc.rstrip())
    hint = f"; the {unit} may be cut short" if cut else ""
    return f"not valid JSON ({words} {place}){hint}"


def read_json(text: str, source: str) -> Iterator[Article | ReadError]:
    """A JSON file holding one article object or a list of them."""
    try:
        value = json.loads(text)
    except RecursionError:
        yield ReadError(source, TOO_DEEP)
        return
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON lines is common enough to accept.
        if exc.msg == "Extra data":
            yield from read_jsonl(text, source)
            return
        yield ReadError(source, json_problem(exc, f"line {exc.lineno}", "file"))
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        where = f"{source}[{index}]" if isinstance(value, list) else source
        yield _article_or_error(item, where, source)


def _article_or_error(value: Any, where: str, source: str) -> Article | ReadError:
    try:
        return article_from_object(value, where)
    except InputReadError as exc:
        return ReadError(exc.source, exc.problem)


def article_from_object(value: Any, where: str) -> Article:
    """An Article from one JSON object; metadata given in the object wins over what is found."""
    if not isinstance(value, dict):
        kind = type(value).__name__.replace("dict", "object").replace("list", "array")
        raise InputReadError(where, f"expected a JSON object with 'text' or 'html', got {kind}")
    meta = {key: _as_str(value.get(key)) for key in _META_FIELDS}
    meta["published"] = iso_published(meta["published"])
    source_id = _as_str(value.get("id")) or meta["url"]
    body = value.get("text")
    html = value.get("html")
    if isinstance(body, str) and body.strip():
        return text_with_meta(body, where, meta, source_id)
    if isinstance(html, str) and html.strip():
        from corroborate.read.html import read_html

        article = read_html(html, source=where, url=meta["url"], meta=meta)
        article.source_id = source_id or article.source_id
        return article
    raise InputReadError(where, _no_body(value))


def _no_body(value: dict[str, Any]) -> str:
    """Why an object gave no article, with the fields it has: an export whose body is called
    "body" or "content" is then seen at once."""
    shown = list(value)[:8]
    fields = ", ".join(repr(key) for key in shown) + (", ..." if len(value) > len(shown) else "")
    has = f"its fields: {fields}" if value else "it is empty"
    return f"the object has no non-empty 'text' or 'html' field ({has})"


def text_with_meta(
    body: str, where: str, meta: dict[str, str | None], source_id: str | None
) -> Article:
    """A text object read as a .txt would be: its headline and dateline spans are kept, so
    cleaning removes them as it does for a file; metadata given in the object wins."""
    found = read_text(body, source=where)
    article = make_article(
        source=where,
        text=body,
        title=meta["title"] or found.title,
        outlet=meta["outlet"],
        url=meta["url"],
        published=meta["published"] or found.published,
        author=meta["author"],
        place=found.place,
        source_id=source_id,
    )
    span = found.meta.get("title_span")
    # The headline line is "shown as the title" only when it is the title shown; a different
    # given title leaves the line in the story.
    if span and _same_words(article.title, found.title):
        article.meta["title_span"] = span
    if "dateline_span" in found.meta:
        article.meta["dateline_span"] = found.meta["dateline_span"]
    return article


def _same_words(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
