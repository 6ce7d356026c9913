"""The store's schema versions: each migration upgrades a store from one version to the next.

A store records its version in `meta`; `upgrade` runs the migrations it has not had, in one
transaction, so a store is never left half-way between two versions.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 7

# Each entry upgrades the schema from version i to i + 1; never edit a released entry.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, inputs TEXT,
        status TEXT NOT NULL, read INTEGER DEFAULT 0, new INTEGER DEFAULT 0,
        known INTEGER DEFAULT 0, copies INTEGER DEFAULT 0, failed INTEGER DEFAULT 0);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT, url TEXT, title TEXT,
        outlet TEXT, published TEXT, author TEXT, place TEXT, text TEXT NOT NULL,
        date TEXT, kept TEXT, story_id TEXT, source_group TEXT, copy_of TEXT,
        run_id INTEGER REFERENCES runs(id), ingested_at TEXT NOT NULL);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_source_id ON articles(source_id);
    CREATE TABLE stories (
        id TEXT PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
        article_count INTEGER NOT NULL DEFAULT 0, source_count INTEGER NOT NULL DEFAULT 0,
        outlet_count INTEGER NOT NULL DEFAULT 0, outlets TEXT, created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, centroid TEXT NOT NULL);
    CREATE INDEX stories_last_seen ON stories(last_seen);
    CREATE TABLE assignments (
        article_id TEXT PRIMARY KEY REFERENCES articles(id), story_id TEXT NOT NULL,
        created INTEGER NOT NULL, score REAL NOT NULL, shared_names TEXT, shared_terms TEXT,
        runner_up TEXT, runner_up_score REAL, candidates INTEGER, reason TEXT,
        method TEXT NOT NULL, assigned_at TEXT NOT NULL);
    CREATE TABLE features (article_id TEXT PRIMARY KEY, date TEXT, terms TEXT NOT NULL);
    CREATE INDEX features_date ON features(date);
    CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE copies (
        article_id TEXT PRIMARY KEY, origin TEXT NOT NULL, kind TEXT NOT NULL,
        similarity REAL NOT NULL);
    CREATE TABLE copy_keys (article_id TEXT PRIMARY KEY, keys BLOB NOT NULL);
    CREATE TABLE errors (
        id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id), source TEXT NOT NULL,
        message TEXT NOT NULL);
    """,
    # 2: a story's sources and outlets are recounted after every batch that touches it; this
    # index holds all that count reads, so it never reads the articles' rows (their text).
    # 5x faster on a story of 9,000 articles.
    """
    CREATE INDEX articles_story_sources ON articles(story_id, source_group, outlet, id);
    """,
    # 3: the end-of-run look finds an article's copies by origin (a scan of the copies
    # table per moved article before: 1.8 ms a query at 10k articles, 0.01 with the index),
    # and reads the run's articles by run (a scan of every stored article per run before).
    """
    CREATE INDEX IF NOT EXISTS copies_origin ON copies(origin);
    CREATE INDEX IF NOT EXISTS articles_run ON articles(run_id);
    """,
    # 4: a batch that only adds articles to a story counts its new sources and outlets by
    # looking each one up (`counts.count_added`) instead of recounting the story: the recount read
    # every article of the largest story after every batch (quadratic in the corpus).
    """
    CREATE INDEX IF NOT EXISTS articles_story_outlet ON articles(story_id, outlet);
    """,
    # 5: how a text was decoded when it was guessed or had bytes replaced (Article.decoding),
    # so that `show` and `export` tell the user as `report` does.
    "ALTER TABLE articles ADD COLUMN decoding TEXT;",
    # 6: the second look's size of each story when it was last bisected, kept between runs:
    # without it a new run bisected every story it touched again (3,000 new articles into a
    # 100k synthetic store: 7.7 -> 4.7 ms of main CPU an article in the batches; 2.8 into
    # 10k). A store upgraded from 5 starts with none, as every earlier run started.
    """
    CREATE TABLE IF NOT EXISTS story_checks (
        story_id TEXT PRIMARY KEY, size INTEGER NOT NULL) WITHOUT ROWID;
    """,
    # 7: the copy index as the last load built it from the saved band keys, a sorted segment
    # per row (`corpus.copies`); `meta` 'copy_index' says which articles it covers. Each run
    # rebuilt it from every article's keys before: 1.4 s of CPU a run at 100k articles. A
    # store upgraded from 6 has none, and its next run builds and saves it. The triggers
    # forget it when a covered article or its keys change (ingest only adds; a user might not).
    """
    CREATE TABLE IF NOT EXISTS copy_index (
        segment INTEGER PRIMARY KEY, keys BLOB NOT NULL, docs BLOB NOT NULL);
    CREATE TRIGGER IF NOT EXISTS copy_index_keys_deleted AFTER DELETE ON copy_keys
        BEGIN DELETE FROM meta WHERE key = 'copy_index'; END;
    CREATE TRIGGER IF NOT EXISTS copy_index_keys_updated AFTER UPDATE ON copy_keys
        BEGIN DELETE FROM meta WHERE key = 'copy_index'; END;
    CREATE TRIGGER IF NOT EXISTS copy_index_article_deleted AFTER DELETE ON articles
        BEGIN DELETE FROM meta WHERE key = 'copy_index'; END;
    CREATE TRIGGER IF NOT EXISTS copy_index_article_renamed AFTER UPDATE OF id ON articles
        BEGIN DELETE FROM meta WHERE key = 'copy_index'; END;
    """,
)


def upgrade(db: sqlite3.Connection, version: int) -> None:
    """Run the migrations after `version` and record the new version (inside the caller's
    transaction)."""
    for step in MIGRATIONS[version:]:
        for statement in _statements(step):
            db.execute(statement)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))


def _statements(step: str) -> list[str]:
    """A migration's statements (a trigger's body holds ';' of its own: `executescript`
    would commit the caller's transaction, so each is run on its own)."""
    found, pending = [], ""
    for piece in step.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending)
            pending = ""
    return found
