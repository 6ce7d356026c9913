"""The clustering bench's error listing (`--errors`): which true stories a clustering splits
and which found stories hold several, with articles outside the scored rows counted only.

Invented labels; the clustering itself is not run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_clustering import bcubed, errors

# Two floods of one river (two events of one kind) and a mayor's election.
ROWS = [{"id": f"f{i}", "story": "flood-a"} for i in range(4)]
ROWS += [{"id": f"g{i}", "story": "flood-b"} for i in range(3)]
ROWS += [{"id": f"m{i}", "story": "mayor"} for i in range(3)]


def test_a_perfect_clustering_has_no_errors() -> None:
    predicted = {row["id"]: "x-" + row["story"] for row in ROWS}
    assert errors(predicted, ROWS) == []


def test_two_events_in_one_story_and_a_story_in_two_are_listed() -> None:
    predicted = {row["id"]: "s1" for row in ROWS if row["story"].startswith("flood")}
    predicted |= {"m0": "s2", "m1": "s2", "m2": "s3"}
    assert sorted(errors(predicted, ROWS)) == [
        ("merged", "flood-a 4 + flood-b 3"),
        ("split", "mayor: 2 + 1"),
    ]
    gold = {row["id"]: row["story"] for row in ROWS}
    assert bcubed(predicted, gold)[0] < 1 and bcubed(predicted, gold)[1] < 1


def test_articles_outside_the_scored_rows_are_counted_not_named() -> None:
    predicted = {row["id"]: row["story"] for row in ROWS}
    predicted |= {"held-1": "mayor", "held-2": "mayor", "held-3": "other"}
    assert errors(predicted, ROWS) == [("merged", "mayor 3 + 2 other topics")]
