"""The article store: one SQLite file in WAL mode, versioned, readable while ingest writes.

Tables (plain SQLite types, so the file opens in Datasette as it is):
  articles     one row per article (content-derived id), its text, metadata, story and copy links
  stories      one row per story: title, dates, counts, and its centroid (JSON term counts)
  assignments  why each article is in its story (score, shared names and terms, runner-up)
  features     each article's clustering features (JSON), so re-clustering never re-reads text
  terms        document frequency of every term, for the clustering weights
  copies       which article is a copy of which, with kind and similarity
  copy_keys    each article's LSH band keys; copy_index the index a load built from them
  story_checks each story's size when the second look last bisected it
  runs, errors what each ingest run read, and every input that failed, with the reason
Every ingest batch is written in one transaction, so a killed run loses at most the batch in
flight, and the next run redoes exactly that.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corroborate.corpus.cluster import Assignment, StoryState
from corroborate.corpus.connect import connect_read_only, explain_sqlite_error
from corroborate.corpus.counts import Member, added_members, count_added, recount
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.migrations import SCHEMA_VERSION, upgrade
from corroborate.corpus.runs import dead_runs, forget_owner, mark_interrupted, record_owner
from corroborate.corpus.titles import retitle
from corroborate.errors import StoreError
from corroborate.read.text import restore_reader_marks
from corroborate.records import Article, CopyEvidence, ReadError

DEFAULT_PATH = "corroborate.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def features_of_row(row: Sequence[Any]) -> ArticleFeatures:
    """An article's features from a row (article id, date, terms as JSON, title)."""
    return ArticleFeatures(row[0], load_terms(row[2]), row[1], row[3])


def load_terms(text: str) -> dict[str, float]:
    """Term counts stored as JSON, their terms interned: they then share the strings of the
    centroids and postings that hold the same terms (ingest interns its own). Each `loads`
    makes new strings otherwise, ~4 KB an article: the end-of-run look holds thousands of
    articles' features at once."""
    intern = sys.intern
    return {intern(term): value for term, value in json.loads(text).items()}


# This process's read-only view of a store (see `process_store`): (pid, path, store).
_process_store: tuple[int, str, SqliteStore] | None = None


def process_store(path: str) -> SqliteStore:
    """A read-only store at `path` for this process, opened once and kept.

    Ingest's worker processes read the store through it (known ids, stored articles). A
    forked worker starts with its parent's module state: the pid tells it apart, so it never
    uses a connection it did not open.
    """
    global _process_store
    if _process_store is None or _process_store[:2] != (os.getpid(), path):
        _process_store = (os.getpid(), path, SqliteStore(path, read_only=True))
    return _process_store[2]


class SqliteStore:
    """Articles, stories and the evidence that links them, in one SQLite file."""

    def __init__(
        self,
        path: str | Path = DEFAULT_PATH,
        *,
        create: bool = True,
        read_only: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        if (read_only or not create) and not Path(self.path).exists():
            raise StoreError(
                f"{self.path}: no store here; run `corroborate ingest INPUT... --db {self.path}` "
                "first"
            )
        try:
            if read_only:  # readers never write, so they never wait for or block a writer
                self.db = connect_read_only(self.path, timeout)
            else:
                self.db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self._setup()
        except sqlite3.Error as exc:
            raise explain_sqlite_error(self.path, exc) from exc

    def _setup(self) -> None:
        version = self._version()
        if version == 0 and self._has_tables():
            raise StoreError(
                f"{self.path}: this SQLite file belongs to another application (it has tables "
                "but no corroborate schema), and corroborate will not add its own to it; "
                "give a new file to --db"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: this store has schema version {version}, written by a newer "
                f"corroborate (this one reads up to {SCHEMA_VERSION}); upgrade corroborate"
            )
        if version < SCHEMA_VERSION and self.read_only:
            raise StoreError(
                f"{self.path}: this store has schema version {version}; run "
                f"`corroborate ingest --db {self.path}` once to upgrade it to {SCHEMA_VERSION}"
            )
        if version < SCHEMA_VERSION:
            self.db.execute("PRAGMA journal_mode=WAL")
            with self.transaction():
                upgrade(self.db, version)
        if not self.read_only:
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")

    def _version(self) -> int:
        has_meta = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if not has_meta:
            return 0
        row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _has_tables(self) -> bool:
        return bool(self.db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; any SQLite error rolls it back and becomes a clear StoreError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain_sqlite_error(self.path, exc) from exc
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise explain_sqlite_error(self.path, exc) from exc
            raise

    # -- runs ----------------------------------------------------------------------------------
    def begin_run(self, inputs: Sequence[str]) -> int:
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (started_at, inputs, status) VALUES (?, ?, 'running')",
                (_now(), json.dumps(list(inputs))),
            )
            run_id = int(cursor.lastrowid or 0)
            record_owner(self.db, run_id)  # so a later run can tell if this one died
        return run_id

    def close_interrupted_runs(self) -> list[int]:
        """Mark 'interrupted' every run still 'running' whose process, on this machine, is
        gone; return their ids. (A run on another machine is left as it is.)"""
        closed = dead_runs(self.db)
        if closed:
            with self.transaction():
                for run_id in closed:
                    mark_interrupted(self.db, run_id)
        return closed

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "done") -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at=?, status=?, read=?, new=?, known=?, copies=?, "
                "failed=? WHERE id=?",
                (
                    _now(),
                    status,
                    counts.get("read", 0),
                    counts.get("new", 0),
                    counts.get("known", 0),
                    counts.get("copies", 0),
                    counts.get("failed", 0),
                    run_id,
                ),
            )
            forget_owner(self.db, run_id)

    # -- reading state -------------------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def load_stories(self) -> Iterator[StoryState]:
        query = "SELECT id, title, first_seen, last_seen, article_count, centroid FROM stories"
        for row in self.db.execute(query):
            yield StoryState(
                id=row["id"],
                counts=load_terms(row["centroid"]),
                size=row["article_count"],
                first=row["first_seen"],
                last=row["last_seen"],
                title=row["title"],
            )

    def load_checks(self) -> dict[str, int]:
        """Each story's size when the second look last bisected it (`BatchRefiner.checked`)."""
        return {
            row[0]: row[1] for row in self.db.execute("SELECT story_id, size FROM story_checks")
        }

    def save_checks(self, sizes: Mapping[str, int]) -> None:
        """Record the sizes at which the second look bisected stories."""
        self.db.executemany(
            "INSERT OR REPLACE INTO story_checks VALUES (?, ?)", sorted(sizes.items())
        )

    def load_df(self) -> tuple[dict[str, int], int]:
        df = {row[0]: row[1] for row in self.db.execute("SELECT term, df FROM terms")}
        documents = self.db.execute("SELECT count(*) FROM features").fetchone()[0]
        return df, int(documents)

    def iter_features(self) -> Iterator[ArticleFeatures]:
        """Every article's features in date order (undated last), streamed."""
        query = "SELECT f.article_id, f.date, f.terms, a.title FROM features f JOIN articles a "
        query += "ON a.id = f.article_id ORDER BY f.date IS NULL, f.date, a.rowid"
        for row in self.db.execute(query):
            yield features_of_row(row)

    def iter_copy_keys(self) -> Iterator[tuple[str, bytes]]:
        """Saved LSH band keys of every article, in the order they were stored."""
        query = "SELECT k.article_id, k.keys FROM copy_keys k JOIN articles a "
        query += "ON a.id = k.article_id ORDER BY a.rowid"
        for row in self.db.execute(query):
            yield row[0], row[1]

    def iter_copy_keys_after(self, rowid: int) -> Iterator[tuple[int, str, bytes | None]]:
        """(rowid, article id, saved band keys) of every article with keys, in the order they
        were stored; the keys only of articles stored after `rowid` (None before)."""
        query = "SELECT a.rowid, k.article_id, CASE WHEN a.rowid > ? THEN k.keys END "
        query += "FROM copy_keys k JOIN articles a ON a.id = k.article_id ORDER BY a.rowid"
        for row in self.db.execute(query, (rowid,)):
            yield row[0], row[1], row[2]

    def load_copy_index(self) -> tuple[dict[str, Any], list[tuple[bytes, bytes]]] | None:
        """The saved copy index: what it covers (`save_copy_index`) and each segment's
        (keys, documents) bytes, or None if none was saved."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'copy_index'").fetchone()
        if row is None:
            return None
        query = "SELECT keys, docs FROM copy_index ORDER BY segment"
        return json.loads(row[0]), [(r[0], r[1]) for r in self.db.execute(query)]

    def save_copy_index(
        self, info: Mapping[str, Any], segments: Sequence[tuple[memoryview, memoryview]]
    ) -> None:
        """Replace the saved copy index, in one transaction."""
        with self.transaction():
            self.db.execute("DELETE FROM copy_index")
            self.db.executemany(
                "INSERT INTO copy_index VALUES (?, ?, ?)",
                [(n, k, d) for n, (k, d) in enumerate(segments)],
            )
            self.db.execute(
                "INSERT OR REPLACE INTO meta VALUES ('copy_index', ?)", (json.dumps(dict(info)),)
            )

    def copy_source(
        self, article_id: str
    ) -> tuple[str, list[tuple[int, int]], str | None, str | None, str | None]:
        """A stored article's text, kept paragraph spans, date, title and outlet, for copy
        verification."""
        row = self.db.execute(
            "SELECT text, kept, coalesce(published, date), title, outlet FROM articles "
            "WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: article {article_id} is indexed but not stored")
        spans = [(int(a), int(b)) for a, b in json.loads(row[1] or "[]")]
        return row[0], spans or [(0, len(row[0]))], row[2], row[3], row[4]

    def group_of(self, article_id: str) -> tuple[str | None, str | None]:
        """A stored article's source group and the origin it copies (None for an origin)."""
        row = self.db.execute(
            "SELECT source_group, copy_of FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def story_of_article(self, article_id: str) -> str | None:
        row = self.db.execute(
            "SELECT story_id FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def story_of(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.db.execute("SELECT id, story_id FROM articles")}

    def replace_clustering(
        self, assignments: Sequence[Assignment], stories: Sequence[StoryState]
    ) -> None:
        """Swap in a whole new clustering (from re-clustering) in one transaction."""
        with self.transaction():
            self.db.executemany(
                "UPDATE articles SET story_id = ? WHERE id = ?",
                [(a.story, a.article) for a in assignments],
            )
            self.save_assignments(assignments, "re-cluster")
            keep = [(s.id,) for s in stories]
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS keep_ids (id TEXT PRIMARY KEY)")
            self.db.execute("DELETE FROM keep_ids")
            self.db.executemany("INSERT INTO keep_ids VALUES (?)", keep)
            self.db.execute("DELETE FROM stories WHERE id NOT IN (SELECT id FROM keep_ids)")
            self.db.execute("DELETE FROM story_checks")  # new stories: none has been looked at
            self.save_stories(stories)

    # -- writing a batch -----------------------------------------------------------------------
    def write_batch(
        self,
        run_id: int,
        articles: Sequence[Article],
        features: Sequence[ArticleFeatures],
        assignments: Sequence[Assignment],
        copies: Sequence[CopyEvidence],
        errors: Sequence[ReadError],
        stories: Iterable[StoryState],
        copy_keys: Sequence[tuple[str, bytes]] = (),
        terms_json: Sequence[str] | None = None,
    ) -> None:
        """Everything one batch learned, in one transaction: all of it lands, or none.

        `terms_json` is each feature's terms as JSON when the caller has it already (ingest's
        workers write it, so this process does not)."""
        with self.transaction():
            self.db.executemany("INSERT OR REPLACE INTO copy_keys VALUES (?, ?)", copy_keys)
            self._insert_articles(run_id, articles, features, assignments)
            self._insert_evidence(features, assignments, copies, terms_json=terms_json)
            self.db.executemany(
                "INSERT INTO errors (run_id, source, message) VALUES (?, ?, ?)",
                [(run_id, e.source, e.message) for e in errors],
            )
            self._add_df(features)
            self.save_stories(stories, added=added_members(articles, assignments))

    def _insert_articles(
        self,
        run_id: int,
        articles: Sequence[Article],
        features: Sequence[ArticleFeatures],
        assignments: Sequence[Assignment],
    ) -> None:
        story = {a.article: a.story for a in assignments}
        dates = {f.article: f.published for f in features}
        now = _now()
        self.db.executemany(
            "INSERT INTO articles (id, source, source_id, url, title, outlet, published, author, "
            "place, text, date, kept, story_id, source_group, copy_of, run_id, ingested_at, "
            "decoding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id,
                    a.source,
                    a.source_id,
                    a.url,
                    a.title,
                    a.outlet,
                    a.published,
                    a.author,
                    a.place,
                    a.text,
                    dates.get(a.id),
                    json.dumps([[p.start, p.end] for p in a.paragraphs]),
                    story.get(a.id),
                    a.source_group or a.id,
                    a.copy_of,
                    run_id,
                    now,
                    a.decoding,
                )
                for a in articles
            ],
        )

    def _insert_evidence(
        self,
        features: Sequence[ArticleFeatures],
        assignments: Sequence[Assignment],
        copies: Sequence[CopyEvidence],
        method: str = "one-pass",
        terms_json: Sequence[str] | None = None,
    ) -> None:
        texts = terms_json if terms_json is not None else [json.dumps(f.terms) for f in features]
        self.db.executemany(
            "INSERT INTO features VALUES (?, ?, ?)",
            [(f.article, f.published, text) for f, text in zip(features, texts, strict=True)],
        )
        self.save_assignments(assignments, method)
        self.db.executemany(
            "INSERT OR REPLACE INTO copies VALUES (?, ?, ?, ?)",
            [(c.article, c.origin, c.kind, c.similarity) for c in copies],
        )

    def save_assignments(self, assignments: Sequence[Assignment], method: str) -> None:
        now = _now()
        self.db.executemany(
            "INSERT OR REPLACE INTO assignments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.article,
                    a.story,
                    int(a.created),
                    a.score,
                    json.dumps(a.shared_names),
                    json.dumps(a.shared_terms),
                    a.runner_up,
                    a.runner_up_score,
                    a.candidates,
                    a.reason,
                    method,
                    now,
                )
                for a in assignments
            ],
        )

    def _add_df(self, features: Sequence[ArticleFeatures]) -> None:
        delta: dict[str, int] = {}
        for item in features:
            for term in item.terms:
                delta[term] = delta.get(term, 0) + 1
        self.db.executemany(
            "INSERT INTO terms VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
            list(delta.items()),
        )

    def save_stories(
        self,
        stories: Iterable[StoryState],
        *,
        added: Mapping[str, list[Member]] | None = None,
    ) -> None:
        """Upsert the stories' centroids, recount their articles, sources and outlets, and
        title them as `report` titles their articles (`titles.retitle`).

        Every change of a story's members (a batch's new articles, a split, a merge, the
        end-of-run look, re-clustering) ends here. `added` gives, for a story that only
        gained articles since it was last counted, their (source group, outlet): its counts
        are then brought up to date from those alone.
        """
        now = _now()
        for story in stories:
            self.db.execute(
                "INSERT INTO stories (id, first_seen, last_seen, created_at, updated_at, "
                "centroid) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "first_seen=excluded.first_seen, last_seen=excluded.last_seen, "
                "updated_at=excluded.updated_at, centroid=excluded.centroid",
                (story.id, story.first, story.last, now, now, json.dumps(story.counts)),
            )
            members = added.get(story.id) if added is not None else None
            if members is None or not count_added(self.db, story.id, members):
                recount(self.db, story.id)
            retitle(self.db, story.id, story.counts)

    # -- queries for the CLI and export --------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return list(self.stream(sql, params))

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """The rows of a read one at a time (`query` holds them all), errors explained."""
        try:
            yield from self.db.execute(sql, params)
        except sqlite3.Error as exc:
            raise explain_sqlite_error(self.path, exc) from exc

    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story, as read (cleaning is redone by the story pipeline)."""
        rows = self.query(
            "SELECT * FROM articles WHERE story_id = ? ORDER BY date, id", (story_id,)
        )
        return [
            restore_reader_marks(
                Article(
                    id=r["id"],
                    source=r["source"],
                    text=r["text"],
                    title=r["title"],
                    outlet=r["outlet"],
                    published=r["published"],
                    author=r["author"],
                    place=r["place"],
                    url=r["url"],
                    source_id=r["source_id"],
                    decoding=r["decoding"],
                )
            )
            for r in rows
        ]

    def resolve_story(self, prefix: str) -> str:
        """The story id a user typed, allowing a unique prefix."""
        rows = self.query("SELECT id FROM stories WHERE id LIKE ? LIMIT 2", (prefix + "%",))
        if len(rows) == 1:
            return str(rows[0][0])
        if not rows:
            raise StoreError(f"no story {prefix!r} in {self.path}; list them with `stories`")
        raise StoreError(f"{prefix!r} matches several stories; give more of the id")
