"""Export the store's articles, stories and assignments as Parquet, CSV or JSON lines.

Every article row carries `source_id` (the input's own identity: a JSON object's `id`, else
its `url`, else the file path) and `story_id`, so users can join results back to their data.
Rows stream from SQLite in chunks: exporting 100k articles never holds them all in memory.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from corroborate.corpus.store import SqliteStore
from corroborate.errors import CorroborateError

Format = Literal["parquet", "csv", "jsonl"]
Table = Literal["articles", "stories", "assignments"]
FORMATS: tuple[Format, ...] = ("parquet", "csv", "jsonl")
TABLES: tuple[Table, ...] = ("articles", "stories", "assignments")

_QUERIES: dict[Table, str] = {
    "articles": (
        "SELECT a.id AS article_id, a.source_id, a.story_id, s.title AS story_title, a.source, "
        "a.url, a.outlet, a.title, a.published, a.date, a.source_group, a.copy_of, "
        "a.ingested_at, a.decoding FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
        "ORDER BY a.rowid"
    ),
    "stories": (
        "SELECT id AS story_id, title, first_seen, last_seen, article_count, source_count, "
        "outlet_count, outlets, created_at, updated_at FROM stories ORDER BY created_at, id"
    ),
    "assignments": (
        "SELECT g.article_id, a.source_id, g.story_id, g.created, g.score, g.shared_names, "
        "g.shared_terms, g.runner_up, g.runner_up_score, g.candidates, g.reason, g.method "
        "FROM assignments g JOIN articles a ON a.id = g.article_id ORDER BY a.rowid"
    ),
}
_CHUNK = 5000


class ExportError(CorroborateError):
    """The export cannot be written as asked."""


@dataclass(slots=True)
class Rows:
    """A table's rows streamed as dicts, with its column names known before any row (an empty
    export still has its header and its schema)."""

    names: list[str]
    rows: Iterator[dict[str, Any]]

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.rows


def iter_rows(store: SqliteStore, table: Table) -> Rows:
    """The table's rows as dicts, streamed from the store."""
    cursor = store.db.execute(_QUERIES[table])
    names = [column[0] for column in cursor.description]
    return Rows(names, _fetch(cursor, names))


def _fetch(cursor: sqlite3.Cursor, names: list[str]) -> Iterator[dict[str, Any]]:
    while rows := cursor.fetchmany(_CHUNK):
        for row in rows:
            yield dict(zip(names, tuple(row), strict=True))


def export(
    store: SqliteStore, fmt: Format, out: str | Path | TextIO, *, table: Table = "articles"
) -> int:
    """Write `table` in `fmt` to a path or text stream; return the number of rows written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    rows = iter_rows(store, table)
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise ExportError("Parquet is binary: give an output file with -o FILE")
        return _write_parquet(rows, Path(out))
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return _write_text(rows, fmt, handle)
    return _write_text(rows, fmt, out)


def _write_text(rows: Rows, fmt: Format, handle: TextIO) -> int:
    count = 0
    writer = csv.DictWriter(handle, fieldnames=rows.names) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    for row in rows:
        if writer:
            writer.writerow(row)
        else:
            handle.write(json.dumps(lists_decoded(row), ensure_ascii=False) + "\n")
        count += 1
    return count


# Columns the store keeps as JSON lists: JSON output (export's JSON lines, `stories --json`)
# carries them as lists, not as JSON text inside JSON (CSV and Parquet keep the text, which
# their readers can parse with one call).
JSON_LISTS = frozenset({"outlets", "shared_names", "shared_terms"})


def json_list(stored: str | None) -> list[Any]:
    """A column the store keeps as a JSON list, as a list. Nothing stored (NULL: a story not
    yet counted, a store from before the column was filled) is the empty list, so JSON
    output never says "none" in two ways (`null` and `[]`)."""
    return json.loads(stored) if stored else []


def lists_decoded(row: Mapping[str, Any]) -> dict[str, Any]:
    """The row with its JSON-list columns (`JSON_LISTS`) as lists (`json_list`)."""
    return {k: json_list(v) if k in JSON_LISTS else v for k, v in row.items()}


def _write_parquet(rows: Rows, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError(
            "Parquet export needs pyarrow: `pip install 'corroborate[parquet]'` "
            "(or use --format csv / jsonl)"
        ) from exc
    writer = None
    count = 0
    chunk: list[dict[str, Any]] = []
    try:
        for row in rows:
            chunk.append(row)
            if len(chunk) >= _CHUNK:
                writer = _flush(pa, pq, writer, chunk, path, rows.names)
                count += len(chunk)
                chunk = []
        if chunk or writer is None:
            writer = _flush(pa, pq, writer, chunk, path, rows.names)
            count += len(chunk)
    finally:
        if writer is not None:
            writer.close()
    return count


_INTEGER = {"article_count", "source_count", "outlet_count", "created", "candidates"}
_REAL = {"score", "runner_up_score"}


def _flush(
    pa: Any, pq: Any, writer: Any, chunk: list[dict[str, Any]], path: Path, names: list[str]
) -> Any:
    """Write a chunk with a fixed schema (a column that is all null in one chunk stays typed)."""
    if writer is None:
        fields = [
            pa.field(
                n, pa.int64() if n in _INTEGER else pa.float64() if n in _REAL else pa.string()
            )
            for n in names
        ]
        writer = pq.ParquetWriter(str(path), pa.schema(fields))
    writer.write_table(pa.Table.from_pylist(chunk, schema=writer.schema))
    return writer


def export_text(store: SqliteStore, fmt: Format, table: Table = "articles") -> str:
    """The export as a string (for tests and small stores)."""
    buffer = io.StringIO()
    export(store, fmt, buffer, table=table)
    return buffer.getvalue()
