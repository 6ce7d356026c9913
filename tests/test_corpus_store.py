"""The SQLite store: schema versions, faults with clear messages, consistency, round trips."""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corroborate.corpus.refine as refine_module
from corpus_fixtures import all_rows, write_jsonl
from corroborate.corpus.cluster import Assignment, StoryState
from corroborate.corpus.connect import explain_sqlite_error
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SCHEMA_VERSION, SqliteStore
from corroborate.errors import StoreError
from corroborate.read.article import make_article


def test_a_new_store_has_the_current_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(
        SCHEMA_VERSION
    )
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "stories", "assignments", "runs", "errors", "copies"} <= tables


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    SqliteStore(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(StoreError) as caught:
        SqliteStore(path)
    assert str(caught.value) == (
        f"{path}: this store has schema version {SCHEMA_VERSION + 1}, written by a newer "
        f"corroborate (this one reads up to {SCHEMA_VERSION}); upgrade corroborate"
    )


def test_a_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store here"):
        SqliteStore(path, read_only=True)
    assert not path.exists()


def test_a_locked_store_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    SqliteStore(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        store = SqliteStore(path, timeout=0.05)
        with pytest.raises(StoreError, match="locked by another process"):
            store.begin_run(["x"])
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_read_only_store_refuses_writes_clearly(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    SqliteStore(path).close()
    store = SqliteStore(path, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.begin_run(["x"])
    assert store.query("SELECT count(*) FROM runs")[0][0] == 0


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("database is locked", "locked by another process"),
        ("attempt to write a readonly database", "read-only"),
        ("database or disk is full", "the disk is full"),
        ("file is not a database", "not a corroborate store"),
        ("something else", "something else"),
    ],
)
def test_sqlite_errors_become_clear_messages(message: str, expected: str) -> None:
    error = explain_sqlite_error("x.db", sqlite3.OperationalError(message))
    assert expected in str(error)
    assert str(error).startswith("x.db: ")


def _consistent(store: SqliteStore) -> None:
    """Every stored article has its features, assignment, a story that counts it."""
    one = store.query(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM features), "
        "(SELECT count(*) FROM assignments), (SELECT coalesce(sum(article_count), 0) "
        "FROM stories), (SELECT count(*) FROM copy_keys)"
    )[0]
    assert len(set(one)) == 1, tuple(one)
    orphans = store.query(
        "SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)"
    )
    assert orphans[0][0] == 0


def test_disk_full_mid_ingest_leaves_the_store_consistent(tmp_path: Path) -> None:
    rows = all_rows()
    data = write_jsonl(tmp_path / "a.jsonl", rows)
    path = tmp_path / "c.db"
    store = SqliteStore(path)
    pages = store.query("PRAGMA page_count")[0][0]
    store.db.execute(f"PRAGMA max_page_count={pages + 3}")
    with pytest.raises(StoreError, match="the disk is full"):
        ingest([str(data)], store, batch_size=1, workers=1)
    _consistent(store)
    stored = store.query("SELECT count(*) FROM articles")[0][0]
    assert stored < len(rows)
    store.close()
    again = SqliteStore(path)
    counts = ingest([str(data)], again, batch_size=1, workers=1)
    assert (counts.known, counts.new) == (stored, len(rows) - stored)
    _consistent(again)


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200)


@settings(max_examples=25, deadline=None)
@given(text=texts, title=st.none() | texts, outlet=st.none() | texts)
def test_articles_round_trip(text: str, title: str | None, outlet: str | None) -> None:
    article = make_article(source="in.txt", text=text, title=title, outlet=outlet)
    feature = ArticleFeatures(article.id, {"term": 1.0})
    assignment = Assignment(article.id, "s-1", True, 0.0)
    story = StoryState("s-1", {"term": 1.0}, 1)
    with tempfile.TemporaryDirectory() as folder, SqliteStore(Path(folder) / "c.db") as store:
        run = store.begin_run(["in.txt"])
        store.write_batch(run, [article], [feature], [assignment], [], [], [story])
        (back,) = store.story_articles("s-1")
    assert (back.id, back.text, back.title, back.outlet) == (
        article.id,
        article.text,
        article.title,
        article.outlet,
    )


# The indexes each schema version added (the tables are version 1's).
_ADDED = {
    2: ["articles_story_sources"],
    3: ["copies_origin", "articles_run"],
    4: ["articles_story_outlet"],
    5: [],
    6: [],
    7: [],
}
# The columns each schema version added, as (table, column).
_ADDED_COLUMNS = {5: [("articles", "decoding")]}
# The tables each schema version added.
_ADDED_TABLES = {6: ["story_checks"], 7: ["copy_index"]}


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_an_older_store_is_upgraded_in_place(tmp_path: Path, version: int) -> None:
    path = tmp_path / "c.db"
    data = write_jsonl(tmp_path / "a.jsonl", all_rows()[:3])
    with SqliteStore(path) as store:
        ingest([str(data)], store, workers=1)
        for later in range(version + 1, SCHEMA_VERSION + 1):
            for index in _ADDED[later]:
                store.db.execute(f"DROP INDEX {index}")
            for table, column in _ADDED_COLUMNS.get(later, []):
                store.db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            for table in _ADDED_TABLES.get(later, []):
                store.db.execute(f"DROP TABLE {table}")
        store.db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(version),))
    with pytest.raises(StoreError, match=f"schema version {version}"):
        SqliteStore(path, read_only=True)  # readers never write: they ask for an upgrade
    with SqliteStore(path) as store:
        indexes = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {index for added in _ADDED.values() for index in added} <= indexes
        assert store.query("SELECT count(*) FROM articles")[0][0] == 3
        for table, column in (c for added in _ADDED_COLUMNS.values() for c in added):
            assert column in {r[1] for r in store.query(f"PRAGMA table_info({table})")}
        tables = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {table for added in _ADDED_TABLES.values() for table in added} <= tables
        assert store.load_checks() == {}  # an upgraded store's next run bisects as before
        ingest([str(data)], store, workers=1)  # and a run after the upgrade writes to it
    with SqliteStore(path, read_only=True) as reader:
        version_now = reader.query("SELECT value FROM meta WHERE key='schema_version'")[0][0]
        assert version_now == str(SCHEMA_VERSION)


@pytest.mark.parametrize(
    ("query", "index"),
    [(refine_module._COPIES_OF, "copies_origin"), (refine_module._RUN_ARTICLES, "articles_run")],
    ids=["copies-of-an-article", "articles-of-a-run"],
)
def test_the_end_of_run_look_reads_through_an_index(tmp_path: Path, query: str, index: str) -> None:
    """Its queries run once per moved article or per run: a scan of a table that grows with
    the store there would make ingest time grow faster than the corpus."""
    with SqliteStore(tmp_path / "c.db") as store:
        params = ("x",) * query.count("?")
        plan = " ".join(str(row[-1]) for row in store.query("EXPLAIN QUERY PLAN " + query, params))
    assert f"USING INDEX {index}" in plan
    assert "SCAN" not in plan


def test_features_and_centroids_read_back_share_interned_terms(tmp_path: Path) -> None:
    """Terms read back from the store are interned, so the thousands of articles' features
    the end-of-run look holds share one string per term with the centroids and postings,
    rather than one per article and read."""
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        features = list(store.iter_features())
        centroids = list(store.load_stories())
    terms = [t for f in features for t in f.terms] + [t for s in centroids for t in s.counts]
    assert terms and all(sys.intern(term) is term for term in terms)
