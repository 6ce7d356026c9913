"""Store faults a newcomer met: stale story titles after moves, a store in a folder the
reader cannot write, another application's SQLite file, an empty CSV export."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from corroborate.corpus.cluster import Assignment, StoryState
from corroborate.corpus.export import TABLES, export, export_text
from corroborate.corpus.features import extract_features
from corroborate.corpus.store import SqliteStore
from corroborate.errors import StoreError
from corroborate.read.article import make_article
from corroborate.records import Article

# (title, text): two museum-fire reports and two ferry-grounding reports, all invented.
FIRE = [
    (
        "Fire at the Lindqvist Museum",
        "A fire broke out in the roof of the Lindqvist Museum in Brauning on Sunday night.",
    ),
    (
        "Brauning firefighters save Lindqvist paintings",
        "Firefighters in Brauning saved most paintings of the Lindqvist Museum from the fire.",
    ),
]
FERRY = [
    (
        "Ferry Saint Brennoc runs aground off Portmoor",
        "The ferry Saint Brennoc ran aground off Portmoor on Tuesday, the coastguard said.",
    ),
    (
        "Portmoor channel closed after Saint Brennoc grounding",
        "Harbour master Tomas Reyl closed the Portmoor channel after the Saint Brennoc grounded.",
    ),
]


def _article(title: str | None, text: str) -> Article:
    article = make_article(source="in.txt", text=text, title=title, outlet="Invented Post")
    return article


def _story(story_id: str, articles: list[Article]) -> StoryState:
    story = StoryState(story_id)
    for article in articles:
        for term, weight in extract_features(article).terms.items():
            story.counts[term] = story.counts.get(term, 0.0) + weight
        story.size += 1
    story.title = articles[0].title if articles else None
    return story


def _stored(path: Path, groups: dict[str, list[Article]]) -> SqliteStore:
    """A store holding each group as one story (titled by its first article)."""
    store = SqliteStore(path)
    run = store.begin_run(["in.txt"])
    for story_id, articles in groups.items():
        features = [extract_features(a) for a in articles]
        assignments = [Assignment(a.id, story_id, i == 0, 0.5) for i, a in enumerate(articles)]
        store.write_batch(
            run, articles, features, assignments, [], [], [_story(story_id, articles)]
        )
    return store


def _titles(store: SqliteStore) -> dict[str, str | None]:
    return {r[0]: r[1] for r in store.query("SELECT id, title FROM stories")}


def _move(store: SqliteStore, home: dict[str, list[Article]]) -> None:
    """Re-cluster by hand: each story now holds exactly these articles (the in-memory titles
    are the old ones, as a clusterer's can be)."""
    old = _titles(store)
    assignments = [
        Assignment(a.id, story_id, False, 0.5) for story_id, arts in home.items() for a in arts
    ]
    stories = []
    for story_id, articles in home.items():
        story = _story(story_id, articles)
        story.title = old.get(story_id)
        stories.append(story)
    store.replace_clustering(assignments, stories)


@pytest.mark.parametrize(
    ("fire_home", "expected"),
    [
        # the title's article moved away: the remaining fire article names the story
        ([1], FIRE[1][0]),
        # the title's article stays: the title stays, though another member is as good
        ([0, 1], FIRE[0][0]),
        # only an untitled article is left: no title rather than another event's
        ([], None),
    ],
    ids=["title-article-left", "title-article-stayed", "no-titled-member-left"],
)
def test_a_story_title_follows_its_members_after_a_move(
    tmp_path: Path, fire_home: list[int], expected: str | None
) -> None:
    fire = [_article(t, x) for t, x in FIRE]
    ferry = [_article(t, x) for t, x in FERRY]
    untitled = _article(None, "Smoke from the Lindqvist Museum roof was seen across Brauning.")
    with _stored(tmp_path / "c.db", {"s-fire": [*fire, untitled], "s-ferry": ferry}) as store:
        stay = [fire[i] for i in fire_home]
        left = [a for a in fire if a not in stay]
        _move(store, {"s-fire": [*stay, untitled], "s-ferry": [*ferry, *left]})
        titles = _titles(store)
    assert titles["s-fire"] == (expected if stay else None)
    assert titles["s-ferry"] == FERRY[0][0]


def test_a_merged_story_keeps_the_title_of_its_members(tmp_path: Path) -> None:
    fire = [_article(t, x) for t, x in FIRE]
    ferry = [_article(t, x) for t, x in FERRY]
    with _stored(tmp_path / "c.db", {"s-a": ferry[:1], "s-b": ferry[1:], "s-c": fire}) as store:
        _move(store, {"s-a": ferry, "s-c": fire})
        assert _titles(store) == {"s-a": FERRY[0][0], "s-c": FIRE[0][0]}


def test_a_title_is_best_fitting_not_first(tmp_path: Path) -> None:
    """When the title's article leaves, the title that fits the story's terms wins over the
    earliest one: a stray ferry report first in the fire story does not name it."""
    fire = [_article(t, x) for t, x in FIRE]
    ferry = [_article(t, x) for t, x in FERRY]
    stray = ferry[1]
    founder = _article("Lindqvist Museum roof fire", FIRE[0][1] + " The roof fell in.")
    with _stored(tmp_path / "c.db", {"s-fire": [founder, stray, *fire]}) as store:
        _move(store, {"s-fire": [stray, *fire], "s-other": [founder]})
        assert _titles(store)["s-fire"] in {FIRE[0][0], FIRE[1][0]}


def test_an_added_batch_never_writes_a_stale_in_memory_title(tmp_path: Path) -> None:
    untitled = _article(None, "Smoke from the Lindqvist Museum roof was seen across Brauning.")
    with _stored(tmp_path / "c.db", {"s-fire": [untitled]}) as store:
        late = _article(None, "The Lindqvist Museum will stay shut for a month after the fire.")
        story = _story("s-fire", [untitled, late])
        story.title = "Ferry Saint Brennoc runs aground off Portmoor"  # moved away long ago
        run = store.begin_run(["more.txt"])
        assignment = Assignment(late.id, "s-fire", False, 0.5)
        store.write_batch(run, [late], [extract_features(late)], [assignment], [], [], [story])
        assert _titles(store)["s-fire"] is None


# -- another application's SQLite file ----------------------------------------------------------


def _foreign(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO customers (name) VALUES ('Ada Quill')")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("read_only", [False, True], ids=["ingest", "reader"])
def test_another_applications_database_is_refused_untouched(
    tmp_path: Path, read_only: bool
) -> None:
    path = _foreign(tmp_path / "shop.db")
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        SqliteStore(path, read_only=read_only)
    assert str(caught.value) == (
        f"{path}: this SQLite file belongs to another application (it has tables but no "
        "corroborate schema), and corroborate will not add its own to it; give a new file "
        "to --db"
    )
    assert path.read_bytes() == before
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master")] == ["customers"]


def test_an_empty_sqlite_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    sqlite3.connect(path).close()  # zero bytes: nobody's data
    SqliteStore(path).close()
    assert SqliteStore(path, read_only=True).query("SELECT count(*) FROM stories")[0][0] == 0


# -- a store in a folder the reader cannot write ------------------------------------------------

_READER = """
import sys
from corroborate.corpus.store import SqliteStore
with SqliteStore(sys.argv[1], read_only=True) as store:
    print(store.query("SELECT title FROM stories")[0][0])
"""


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="needs root and setpriv to read as another user",
)
def test_a_reader_opens_a_store_in_a_folder_it_cannot_write() -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)  # others may read and enter, not write
        fire = [_article(t, x) for t, x in FIRE]
        _stored(folder / "c.db", {"s-fire": fire}).close()
        assert not (folder / "c.db-shm").exists()  # the last writer closed: WAL files gone
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        # A checkout in a private folder (mktemp -d is 0700) cannot be imported by another
        # user at all: that says nothing about the store, so the test does not apply there.
        probe = [*command, sys.executable, "-c", "import corroborate"]
        if subprocess.run(probe, capture_output=True, timeout=60).returncode != 0:
            pytest.skip("another user cannot import corroborate from this checkout")
        command += [sys.executable, "-c", _READER, str(folder / "c.db")]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == FIRE[0][0]
        assert sorted(p.name for p in folder.iterdir()) == ["c.db"]
    finally:
        shutil.rmtree(folder)


# -- exports of empty tables --------------------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_a_csv_export_of_an_empty_table_has_its_header(tmp_path: Path, table: str) -> None:
    fire = [_article(t, x) for t, x in FIRE]
    with _stored(tmp_path / "full.db", {"s-fire": fire}) as full:
        header = export_text(full, "csv", table).splitlines()[0]  # type: ignore[arg-type]
    with SqliteStore(tmp_path / "empty.db") as empty:
        assert export_text(empty, "csv", table).splitlines() == [header]  # type: ignore[arg-type]
        export(empty, "parquet", tmp_path / "e.parquet", table=table)  # type: ignore[arg-type]
    import pyarrow.parquet as pq

    assert pq.read_schema(tmp_path / "e.parquet").names == header.split(",")


# -- a run that died (killed, or locked out of the store when it tried to finish) ----------------


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


@pytest.mark.parametrize("through", ["cli", "library"])
@pytest.mark.parametrize("owner_alive", [False, True], ids=["owner-gone", "owner-running"])
def test_the_next_ingest_marks_a_dead_run_interrupted(
    tmp_path: Path, owner_alive: bool, through: str
) -> None:
    fire = [_article(t, x) for t, x in FIRE]
    with _stored(tmp_path / "c.db", {"s-fire": fire}) as store:  # its run never finished
        pid = os.getpid() if owner_alive else _dead_pid()
        store.db.execute(
            "UPDATE meta SET value = json_set(value, '$.pid', ?) WHERE key LIKE 'run-owner:%'",
            (pid,),
        )
    text = tmp_path / "bridge.txt"
    text.write_text("The Orrin bridge closed on Monday for repairs after a lorry struck its rail.")
    _ingest_again(text, tmp_path / "c.db", through)
    with SqliteStore(tmp_path / "c.db", read_only=True) as store:
        runs = [tuple(r) for r in store.query("SELECT status, new FROM runs ORDER BY id")]
        owners = store.query("SELECT count(*) FROM meta WHERE key LIKE 'run-owner:%'")[0][0]
    assert runs == [
        ("running" if owner_alive else "interrupted", 0 if owner_alive else 2),
        ("done", 1),
    ]
    assert owners == (1 if owner_alive else 0)


def _ingest_again(text: Path, db: Path, through: str) -> None:
    """A second ingest, as a user runs it (the CLI) or as a program calls the library."""
    if through == "cli":
        from click.testing import CliRunner

        from corroborate.cli import main

        result = CliRunner().invoke(main, ["ingest", str(text), "--db", str(db)])
        assert result.exit_code == 0, result.output
        return
    from corroborate.corpus.ingest import ingest

    with SqliteStore(db) as store:
        assert ingest([str(text)], store, workers=1).new == 1
