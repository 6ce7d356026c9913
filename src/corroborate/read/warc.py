"""WARC files (.warc, .warc.gz): every HTML (or plain-text) page a crawl captured.

A crawl is long and some of it is always damaged. A broken record is reported (with its byte
offset) and skipped: the reader looks for the next record header (a `WARC/1.` line, or the
next gzip member of a .warc.gz) and goes on from there, so one bad record never loses the rest.
"""

from __future__ import annotations

import gzip
import io
import itertools
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from warcio.archiveiterator import WARCIterator
from warcio.exceptions import ArchiveLoadFailed

from corroborate.errors import InputReadError
from corroborate.read.article import source_name
from corroborate.read.decode import decode, with_note
from corroborate.records import Article, ReadError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
# How much of a damaged gzip member is inflated to say what is wrong and which page it held.
_GZIP_LOOK = 1 << 16
# How many compressed bytes a member is inflated from to tell whether it is whole.
_MEMBER_LOOK = 1 << 22
# What warcio raises on damaged bytes; a header cut off mid-way even gives AttributeError.
_BROKEN = (
    ArchiveLoadFailed,
    ValueError,
    EOFError,
    OSError,
    zlib.error,
    IndexError,
    KeyError,
    AttributeError,
    TypeError,
)


def read_warc(path: str | Path) -> Iterator[Article | ReadError]:
    """An Article for every captured page; a ReadError for each broken or unreadable record."""
    source = source_name(path)
    gzipped = source.lower().endswith(".gz")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        yield ReadError(source, f"cannot read the file: {exc.strerror or exc}")
        return
    given = 0
    try:
        for item in _read_from(handle, source, gzipped):
            given += 1
            yield item
    except _WholeGzip:
        # A crawl gzipped whole (`gzip crawl.warc`) rather than a record to a member: valid,
        # read as one stream; the items given before warcio noticed are not given twice.
        with gzip.open(path, "rb") as stream:
            for index, item in enumerate(_read_from(cast(BinaryIO, stream), source, False)):
                if index >= given:
                    yield item
    finally:
        handle.close()


def read_warc_bytes(data: bytes, source: str) -> Iterator[Article | ReadError]:
    """`read_warc` of a crawl's bytes (standard input), gzipped a record to a member or not."""
    gzipped = data.startswith(_GZIP_MAGIC)
    given = 0
    try:
        for item in _read_from(io.BytesIO(data), source, gzipped):
            given += 1
            yield item
    except _WholeGzip:
        plain = io.BytesIO(gzip.decompress(data))
        yield from itertools.islice(_read_from(plain, source, False), given, None)


class _WholeGzip(Exception):
    """The .warc.gz is one gzip stream, not one member per record."""


def _read_from(handle: BinaryIO, source: str, gzipped: bool) -> Iterator[Article | ReadError]:
    size = handle.seek(0, 2)
    offset, resumed = 0, False
    found_any = False  # any record or damage: else the file is not a WARC at all
    pages = 0
    while True:
        handle.seek(offset)
        records = _QuietArchiveIterator(handle)
        end = offset  # where the last good record ended: the damage starts there
        try:
            for record in records:
                found_any = True
                items = list(_page(record, source))  # held until the record proves whole
                start = records.get_record_offset()  # absolute; reads the rest of the record
                end = start + records.get_record_length()
                _check_whole(record, records, start)
                if gzipped:
                    _check_member(handle, start)
                pages += len(items)
                yield from items
                resumed = False
            if gzipped and end < size and _next_record(handle, end + 1, gzipped) is not None:
                # warcio read a cut member on into the next members' bytes, took them as its
                # data by chance, and stopped without a fault: the records after it are there
                raise _DamagedRecord(end, "its gzip member is cut short")
            tail = _cut_tail(handle, source, end, size) if found_any else None
            if tail:
                yield tail
            elif not pages:
                what = "no captured HTML or text pages" if found_any else "no records"
                yield ReadError(source, f"the WARC file holds {what}")
            return
        except (_DamagedRecord, *_BROKEN) as exc:
            if gzipped and "non-chunked gzip" in str(exc):
                raise _WholeGzip from exc
            at = exc.offset if isinstance(exc, _DamagedRecord) else end
            # The search starts at the damage itself only when this pass read some good records
            # first: the record that failed then is the one at `end`, and it may be whole (the
            # damage was in the bytes before it). Else one byte on, so the same header is not
            # tried twice.
            damaged = isinstance(exc, _DamagedRecord)
            next_start = _next_record(handle, at + 1 if damaged or end <= offset else end, gzipped)
            if not found_any and next_start is None:
                yield ReadError(source, "the WARC file holds no records (no WARC header in it)")
                return
            found_any = True
            if not resumed:  # a resync that lands on more of the same damage says nothing new
                problem = exc.problem if isinstance(exc, _DamagedRecord) else _problem(exc)
                if gzipped:
                    problem = _gzip_problem(handle, at) or problem
                if not damaged and _next_record(handle, at + 1, gzipped) is None:
                    problem += "; the file ends in it (was it cut short?)"
                yield ReadError(f"{source}@{at}", f"broken WARC record skipped: {problem}")
            if next_start is None:
                return
            offset, resumed = next_start, True


class _QuietArchiveIterator(WARCIterator):  # type: ignore[misc]
    """warcio's WARC iterator, without its warning on standard error when a record is not
    followed by a blank line: `err_count` still counts them, and the reader reports them. (Its
    WARC-only parsing matters after a resync: the general iterator reads damage as an old ARC
    record, which swallows the good record after it.)"""

    INC_RECORD = ""


class _DamagedRecord(Exception):
    """A record warcio read without complaint whose length does not fit its bytes."""

    def __init__(self, offset: int, problem: str) -> None:
        super().__init__(problem)
        self.offset = offset
        self.problem = problem


def _check_whole(record: Any, records: _QuietArchiveIterator, start: int) -> None:
    """Raise _DamagedRecord when the record's Content-Length is not its length."""
    declared = record.rec_headers.get_header("Content-Length")
    if declared is not None and not declared.strip().isdigit():
        problem = f"its Content-Length is not a number ({_printable(declared, 20)!r})"
        raise _DamagedRecord(start, problem)
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        problem = f"it is cut short ({missing} bytes of its content are missing)"
        raise _DamagedRecord(start, problem)
    if records.err_count:
        problem = "its Content-Length does not match its content (no blank line after it)"
        raise _DamagedRecord(start, problem)


def _cut_tail(handle: BinaryIO, source: str, end: int, size: int) -> ReadError | None:
    """A ReadError when bytes after the last whole record hold more than blank lines: warcio
    stops without a word at a record (or gzip member) that the end of the file cuts off."""
    if end >= size:
        return None
    handle.seek(end)
    if not handle.read(1 << 16).strip():
        return None
    return ReadError(
        f"{source}@{end}",
        "the file ends inside a WARC record (was it cut short?); the page in it is lost",
    )


def _problem(exc: BaseException) -> str:
    """What is wrong, in words: never the raw bytes of a damaged record."""
    text = str(exc)
    marker = "first line:"
    if isinstance(exc, ArchiveLoadFailed) and marker in text:
        line = text.split(marker, 1)[1].strip()
        readable = line.isascii() and line.isprintable() and len(line) <= 60
        return "not a WARC record header" + (f" ({line!r})" if readable and line else "")
    if isinstance(exc, AttributeError | TypeError | IndexError | KeyError):
        return "its header is incomplete or damaged"  # warcio's own message says nothing here
    return _printable(text)


def _check_member(handle: BinaryIO, start: int) -> None:
    """Raise _DamagedRecord when the gzip member a record starts is cut short or damaged: warcio
    inflates the next member's bytes on as the rest of a cut one, and the page it yields ends
    in that noise ("Waterwa0ah: 4s hooTprt99li"), which must not become an article's text."""
    keep = handle.tell()  # warcio reads on from here
    try:
        handle.seek(start)
        if handle.read(len(_GZIP_MAGIC)) != _GZIP_MAGIC:
            return  # not at a member's start (a crawl gzipped whole): nothing to check here
        eof, broken, _ = _inflate(handle, start, _MEMBER_LOOK)
        # Not whole: its data broke, or the file ended first (a member the look stopped inside,
        # as in a crawl gzipped whole, cannot be told and passes).
        ended = not eof and handle.tell() - start < _MEMBER_LOOK
        problem = _gzip_problem(handle, start) if broken or ended else None
    finally:
        handle.seek(keep)
    if problem:
        raise _DamagedRecord(start, problem)


def _inflate(handle: BinaryIO, at: int, limit: int) -> tuple[bool, bool, bytes]:
    """Inflate the gzip member at `at` from at most `limit` bytes: whether it ended whole,
    whether its data broke first, and the start of what came out (up to _GZIP_LOOK)."""
    handle.seek(at)
    inflater = zlib.decompressobj(31)  # 31: a gzip header and trailer
    head, read = b"", 0
    while read < limit and not inflater.eof:
        chunk = handle.read(min(4096, limit - read))
        if not chunk:
            break
        read += len(chunk)
        try:  # in steps, to keep what came out before a fault
            out = inflater.decompress(chunk)
        except zlib.error:
            return False, True, head
        head += out[: _GZIP_LOOK - len(head)]
    return inflater.eof, False, head


def _gzip_problem(handle: BinaryIO, at: int) -> str | None:
    """What is wrong with the gzip member at `at`, and the page it held, when it is cut short
    or its compressed data is damaged (warcio calls either "not a WARC record header", as the
    next member's bytes are read on as this one's); None when the member itself is whole."""
    stop = _next_record(handle, at + 1, gzipped=True)
    limit = stop - at if stop is not None else _MEMBER_LOOK
    eof, broken, head = _inflate(handle, at, min(limit, _MEMBER_LOOK))
    if eof or (not broken and limit > _MEMBER_LOOK):
        return None
    if broken:
        problem = "its gzip data is damaged"
    elif stop is None:
        problem = "its gzip member is cut short: the file ends inside it (was it cut short?)"
    else:
        problem = f"its gzip member is cut short: the next record starts at byte {stop}"
    uri = re.search(rb"WARC-Target-URI:[ \t]*<?([!-~]{1,200}?)>?\r?\n", head)
    return problem + (f"; the page {uri.group(1).decode()} in it is lost" if uri else "")


def _printable(text: str, limit: int = 120) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    clean = " ".join(clean.split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _next_record(handle: BinaryIO, start: int, gzipped: bool) -> int | None:
    """The byte offset of the next record header at or after `start`, if any."""
    marker = _GZIP_MAGIC if gzipped else _WARC_MAGIC
    handle.seek(start)
    chunk_size, overlap = 1 << 20, len(marker) - 1
    position = start
    tail = b""
    while chunk := handle.read(chunk_size):
        data = tail + chunk
        index = data.find(marker)
        while index != -1:
            at = position - len(tail) + index
            if gzipped or at == 0 or _line_start(handle, at):
                return at
            index = data.find(marker, index + 1)
        tail = data[-overlap:]
        position += len(chunk)
    return None


def _line_start(handle: BinaryIO, at: int) -> bool:
    keep = handle.tell()
    handle.seek(at - 1)
    before = handle.read(1)
    handle.seek(keep)
    return before == b"\n"


def _page(record: Any, source: str) -> Iterator[Article | ReadError]:
    """The article in one record, if it is a captured page; other records are skipped."""
    if record.rec_type not in ("response", "resource"):
        return
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers else None
        if status and not str(status).startswith("2"):
            return
    kind = (record.content_type or "").split(";")[0].strip().lower()
    if record.http_headers:
        kind = (record.http_headers.get_header("Content-Type") or kind).split(";")[0].strip()
    if kind.lower() not in _HTML_TYPES + _TEXT_TYPES:
        return
    url = record.rec_headers.get_header("WARC-Target-URI")
    name = f"{source}#{url or record.rec_headers.get_header('WARC-Record-ID')}"
    try:
        decoded = decode(record.content_stream().read(), name, _charset(record))
        if kind.lower() in _TEXT_TYPES:
            from corroborate.read.text import read_text

            page = _with_url(read_text(decoded.text, source=name), url)
            yield with_note(page, decoded)
            return
        from corroborate.read.html import read_html

        meta = {"url": url, "source_id": url}
        yield with_note(read_html(decoded.text, source=name, url=url, meta=meta), decoded)
    except InputReadError as exc:
        yield ReadError(exc.source, exc.problem)


def _charset(record: Any) -> str | None:
    """The charset the HTTP response (or the WARC record) gives for its page, if any."""
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") if headers else None) or record.content_type
    for part in (kind or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _with_url(article: Article, url: str | None) -> Article:
    if url:
        article.url = url
        article.source_id = url
    return article
