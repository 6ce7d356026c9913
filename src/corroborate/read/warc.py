"""WARC files (.warc, .warc.gz): every HTML (or plain-text) page a crawl captured.

A crawl is long and some of it is always damaged. A broken record is reported (with its byte
offset) and skipped: the reader looks for the next record header (a `WARC/1.` line, or the
next gzip member of a .warc.gz) and goes on from there, so one bad record never loses the rest.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from corroborate.errors import InputReadError
from corroborate.read.decode import decode_bytes
from corroborate.records import Article, ReadError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_BROKEN = (ArchiveLoadFailed, ValueError, EOFError, OSError, zlib.error, IndexError, KeyError)


def read_warc(path: str | Path) -> Iterator[Article | ReadError]:
    """An Article for every captured page; a ReadError for each broken or unreadable record."""
    source = str(path)
    gzipped = source.lower().endswith(".gz")
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        yield ReadError(source, f"cannot read the file: {exc.strerror or exc}")
        return
    try:
        yield from _read_from(handle, source, gzipped)
    finally:
        handle.close()


def _read_from(handle: BinaryIO, source: str, gzipped: bool) -> Iterator[Article | ReadError]:
    offset, resumed = 0, False
    found_any = False  # any record or damage: else the file is not a WARC at all
    pages = 0
    while True:
        handle.seek(offset)
        records = ArchiveIterator(handle)
        end = offset  # where the last good record ended: the damage starts there
        try:
            for record in records:
                found_any = True
                for item in _page(record, source):
                    pages += 1
                    yield item
                # Only after the content was read: asking for the offset skips to the end.
                end = offset + records.get_record_offset() + records.get_record_length()
                resumed = False
            if not pages:
                what = "no captured HTML or text pages" if found_any else "no records"
                yield ReadError(source, f"the WARC file holds {what}")
            return
        except _BROKEN as exc:
            found_any = True
            if not resumed:  # a resync that lands on more of the same damage says nothing new
                problem = _printable(str(exc))
                yield ReadError(f"{source}@{end}", f"broken WARC record skipped: {problem}")
            # Never at `end` itself: the damaged record may start with a valid-looking header.
            next_start = _next_record(handle, max(end, offset) + 1, gzipped)
            if next_start is None:
                return
            offset, resumed = next_start, True


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
        text = decode_bytes(record.content_stream().read(), name)
        if kind.lower() in _TEXT_TYPES:
            from corroborate.read.text import read_text

            yield _with_url(read_text(text, source=name), url)
            return
        from corroborate.read.html import read_html

        yield read_html(text, source=name, url=url, meta={"url": url, "source_id": url})
    except InputReadError as exc:
        yield ReadError(exc.source, exc.problem)


def _with_url(article: Article, url: str | None) -> Article:
    if url:
        article.url = url
        article.source_id = url
    return article
