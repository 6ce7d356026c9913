"""A story's stored counts: its articles, independent sources and outlets (`stories` table).

`recount` reads every article of the story; `count_added` brings the counts up to date after
a batch that only added articles, from those articles alone (a look-up per new source group
and outlet), since a recount after every batch read the largest story again and again: its
cost grew with the square of the corpus.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Sequence

from corroborate.corpus.cluster import Assignment
from corroborate.records import Article

# A new article as `count_added` counts it: its source group and outlet, as stored.
Member = tuple[str, str | None]


def recount(db: sqlite3.Connection, story_id: str) -> None:
    """Count the story's articles, sources (source groups) and outlets from its articles."""
    row = db.execute(
        "SELECT count(*), count(DISTINCT coalesce(source_group, id)), "
        "count(DISTINCT outlet), group_concat(DISTINCT outlet) FROM articles "
        "WHERE story_id = ?",
        (story_id,),
    ).fetchone()
    outlets = sorted(set((row[3] or "").split(","))) if row[3] else []
    db.execute(
        "UPDATE stories SET article_count=?, source_count=?, outlet_count=?, outlets=? WHERE id=?",
        (row[0], row[1], row[2], json.dumps(outlets[:50]), story_id),
    )


def count_added(db: sqlite3.Connection, story_id: str, members: list[Member]) -> bool:
    """Add the story's new (already stored) members to its stored counts, as `recount` would
    count them; False, with nothing written, when the story needs a `recount` instead.

    A group or outlet is new to the story when every stored article of the story that has it
    is one of the new ones. `recount`'s outlet list is the comma-separated pieces of the
    outlets, sorted, the first 50: so it is the first 50 of the old list and the new outlets.
    Outlets that are empty or hold commas (and stories with articles without a group) are
    left to `recount`, which splits and counts them as it does.
    """
    row = db.execute(
        "SELECT article_count, source_count, outlet_count, outlets FROM stories WHERE id=?",
        (story_id,),
    ).fetchone()
    outlets: list[str] = json.loads(row[3]) if row[3] else []
    named = [outlet for _, outlet in members if outlet is not None]
    if any(not o or "," in o for o in named) or "" in outlets or (row[2] and not outlets):
        return False
    if db.execute(_NO_GROUP, (story_id,)).fetchone() is not None:
        return False
    sources = row[1] + _new_values(db, _SAME_GROUP, story_id, [g for g, _ in members])
    count = row[2] + _new_values(db, _SAME_OUTLET, story_id, named)
    listed = sorted(set(outlets) | set(named))[:50]
    db.execute(
        "UPDATE stories SET article_count=?, source_count=?, outlet_count=?, outlets=? WHERE id=?",
        (row[0] + len(members), sources, count, json.dumps(listed), story_id),
    )
    return True


# `count_added`'s look-ups, each through an index on (story_id, ...): schema versions 2 and 4.
# A value is new when the story's articles hold it exactly as many times as the new ones do,
# so the counts stop one past that: a full count read a large story's index entries for each
# outlet (a 15k-article story has some 250 per outlet), a cost that grew with the corpus.
_NO_GROUP = "SELECT 1 FROM articles WHERE story_id = ? AND source_group IS NULL LIMIT 1"
_SAME_GROUP = (
    "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story_id = ? AND source_group = ? LIMIT ?)"
)
_SAME_OUTLET = (
    "SELECT count(*) FROM (SELECT 1 FROM articles WHERE story_id = ? AND outlet = ? LIMIT ?)"
)


def _new_values(db: sqlite3.Connection, query: str, story_id: str, values: list[str]) -> int:
    """How many of the values no stored article of the story has but the new ones."""
    return sum(
        1
        for value, times in Counter(values).items()
        if db.execute(query, (story_id, value, times + 1)).fetchone()[0] == times
    )


def added_members(
    articles: Sequence[Article], assignments: Sequence[Assignment]
) -> dict[str, list[Member]]:
    """Each story's new articles of a batch, as `count_added` takes them."""
    story = {a.article: a.story for a in assignments}
    found: dict[str, list[Member]] = {}
    for article in articles:
        if article.id in story:
            found.setdefault(story[article.id], []).append(
                (article.source_group or article.id, article.outlet)
            )
    return found
