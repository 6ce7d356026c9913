"""A story's stored counts after a batch that only added articles (`counts.count_added`) are
those a whole recount (`counts.recount`) gives, whatever the groups and outlets."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.corpus.counts import Member, count_added, recount
from corroborate.corpus.store import SqliteStore

# Outlets as stores meet them: plain, missing, empty, holding a comma (which the recount's
# outlet list splits), and more than the 50 the list keeps.
PLAIN = [f"Invented Outlet {n:02d}" for n in range(60)]
ODD = [None, "", "Harbour Times, Evening", "Portmoor Post,"]

# One article: its story (of three), the article whose source group it copies (an index into
# the articles before it; None for an origin), its outlet.
_article = st.tuples(
    st.integers(0, 2),
    st.one_of(st.none(), st.integers(0, 10_000)),
    st.sampled_from(PLAIN[:8] + PLAIN[50:]) | st.sampled_from(ODD),
)


def _db() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, story_id TEXT, source_group TEXT, outlet TEXT)"
    )
    db.execute("CREATE INDEX a_sources ON articles(story_id, source_group, outlet, id)")
    db.execute("CREATE INDEX a_outlets ON articles(story_id, outlet)")
    db.execute(
        "CREATE TABLE stories (id TEXT PRIMARY KEY, article_count INTEGER DEFAULT 0, "
        "source_count INTEGER DEFAULT 0, outlet_count INTEGER DEFAULT 0, outlets TEXT)"
    )
    return db


def _row(db: sqlite3.Connection, story: str) -> tuple[object, ...]:
    found = db.execute(
        "SELECT article_count, source_count, outlet_count, outlets FROM stories WHERE id = ?",
        (story,),
    ).fetchone()
    return tuple(found)


def _add_batch(
    db: sqlite3.Connection, batch: list[tuple[int, int | None, str | None]], groups: list[str]
) -> dict[str, list[Member]]:
    """Store the batch's articles; each story's new members, as ingest gives them."""
    added: dict[str, list[Member]] = {}
    for story, copied, outlet in batch:
        article = f"a-{len(groups)}"
        group = groups[copied % len(groups)] if copied is not None and groups else article
        groups.append(group)
        db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?)", (article, f"s{story}", group, outlet)
        )
        db.execute("INSERT OR IGNORE INTO stories (id) VALUES (?)", (f"s{story}",))
        added.setdefault(f"s{story}", []).append((group, outlet))
    return added


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_article, min_size=1, max_size=12), min_size=1, max_size=8))
def test_counting_the_added_articles_gives_the_recount(
    batches: list[list[tuple[int, int | None, str | None]]],
) -> None:
    db, groups = _db(), list[str]()
    for batch in batches:
        for story, members in _add_batch(db, batch, groups).items():
            if not count_added(db, story, members):
                recount(db, story)
            counted = _row(db, story)
            recount(db, story)
            assert counted == _row(db, story)


@pytest.mark.parametrize("outlets", [PLAIN[:3], PLAIN], ids=["few-outlets", "over-50-outlets"])
def test_plain_outlets_are_counted_without_a_recount(outlets: list[str]) -> None:
    """The look-up path is the one taken for ordinary outlets (else the test above would
    compare the recount with itself)."""
    db, groups = _db(), list[str]()
    batch: list[tuple[int, int | None, str | None]] = [(0, None, o) for o in outlets]
    batch += [(0, 0, outlets[0]), (0, 1, outlets[-1])]  # two copies, of known outlets
    first = _add_batch(db, batch, groups)
    assert count_added(db, "s0", first["s0"])
    again = _add_batch(db, [(0, 3, outlets[0]), (0, None, "Invented Outlet 99")], groups)
    assert count_added(db, "s0", again["s0"])
    listed = sorted({*outlets, "Invented Outlet 99"})
    assert _row(db, "s0") == (
        len(batch) + 2,
        len(outlets) + 1,
        len(listed),
        json.dumps(listed[:50]),
    )


def test_an_ingest_batch_counts_through_the_indexes(tmp_path: Path) -> None:
    """The look-ups read through an index: a scan of the story would cost what the recount
    did."""
    from corroborate.corpus import counts

    with SqliteStore(tmp_path / "c.db") as store:
        for query in (counts._NO_GROUP, counts._SAME_GROUP, counts._SAME_OUTLET):
            plan = " ".join(
                str(r[3])
                for r in store.query(
                    "EXPLAIN QUERY PLAN " + query, ("s", "x", 2)[: query.count("?")]
                )
            )
            assert "USING COVERING INDEX" in plan or "USING INDEX" in plan, plan
