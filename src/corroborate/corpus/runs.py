"""Which process runs an ingest run, so a later run can tell a dead run from a live one.

A run that is killed, or locked out of the store when it tries to write its end, stays
'running' in the runs table. Its owner (pid and host) is kept in the meta table until it
finishes; a later ingest marks 'interrupted' each run whose owner on this machine is gone.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3

_OWNER = "run-owner:"  # meta key prefix
# A dead run's counts are what it stored: its articles and the inputs it failed on.
_INTERRUPTED = (
    "UPDATE runs SET status = 'interrupted', new = (SELECT count(*) FROM articles WHERE "
    "run_id = runs.id), failed = (SELECT count(*) FROM errors WHERE run_id = ?) "
    "WHERE id = ? AND status = 'running'"
)


def record_owner(db: sqlite3.Connection, run_id: int) -> None:
    owner = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
    db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_OWNER + str(run_id), owner))


def forget_owner(db: sqlite3.Connection, run_id: int) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (_OWNER + str(run_id),))


def dead_runs(db: sqlite3.Connection) -> list[int]:
    """Runs whose owner ran on this machine and is gone (a run elsewhere is left alone)."""
    dead = []
    for key, value in db.execute("SELECT key, value FROM meta WHERE key LIKE ?", (_OWNER + "%",)):
        owner = json.loads(value)
        if owner.get("host") == socket.gethostname() and not _alive(int(owner["pid"])):
            dead.append(int(key.removeprefix(_OWNER)))
    return dead


def mark_interrupted(db: sqlite3.Connection, run_id: int) -> None:
    db.execute(_INTERRUPTED, (run_id, run_id))
    forget_owner(db, run_id)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it exists
        return True
    return True
