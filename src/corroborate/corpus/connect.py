"""Opening the store's SQLite file: read-only connections that also work in a folder the reader
cannot write, and SQLite errors turned into one-line messages that say what to do."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from corroborate.errors import StoreError


def explain_sqlite_error(path: str, exc: sqlite3.Error) -> StoreError:
    """A StoreError whose message says what went wrong with the file and what to do."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path}: the store is locked by another process (another `corroborate ingest`?); "
            "wait for it to finish, or use another --db"
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"{path}: the store is read-only; check the file's and its folder's permissions, "
            "or use another --db"
        )
    if "full" in text:
        return StoreError(
            f"{path}: the disk is full; the batch in flight was rolled back and the store is "
            "consistent: free some space and run the same ingest again to finish"
        )
    if "disk i/o error" in text:
        # SQLite says no more: a file-size limit (`ulimit -f`, EFBIG), a quota or a failing
        # device refused a write; the transaction of the batch in flight is rolled back.
        return StoreError(
            f"{path}: the store could not be written (disk I/O error: a file-size limit such as "
            "`ulimit -f`, a disk quota, or a failing disk); the batch in flight was rolled back "
            "and the store is consistent: fix that and run the same ingest again to finish"
        )
    if "not a database" in text or "malformed" in text:
        return StoreError(f"{path}: this file is not a corroborate store (or it is damaged)")
    return StoreError(f"{path}: {exc}")


def connect_read_only(path: str, timeout: float) -> sqlite3.Connection:
    """A read-only connection, also to a store in a folder this process cannot write.

    A reader of a WAL store needs its -shm file; when no writer has the store open, that file
    is gone, and `mode=ro` cannot create it in a folder the reader may not write. Then (and
    only when no -wal file holds changes not yet in the store) the file is read as immutable:
    nobody is writing it, and nobody with only our rights could start to.
    """
    uri = Path(path).absolute().as_uri()
    db = sqlite3.connect(uri + "?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        folder = Path(path).absolute().parent
        if Path(path + "-wal").exists() or os.access(folder, os.W_OK):
            raise
        db.close()
    return sqlite3.connect(
        uri + "?mode=ro&immutable=1", uri=True, timeout=timeout, isolation_level=None
    )
