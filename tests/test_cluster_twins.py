"""Two events of one kind become two stories (issue 7): two clubs' offers to one striker,
two earthquakes in one province, two celebrities entering one clinic, each told by three
outlets (invented: tests/twin_fixtures.py), ingested as a user would in shuffled orders.

Each pair shares what ECB+ topics 9 and 10 share (the person acted on, the place, the
institutions, the vocabulary): all three pairs become one story today, in the one pass and
after re-clustering, so those cases are strict xfails. The fix that passes one removes its
mark (strict: an unexpected pass fails the suite). Session 12 measured two signals on them
and ECB+ topics 1-10 without finding one that parts them (see the session's report).
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest

from corpus_fixtures import write_jsonl
from corroborate.corpus.ingest import ingest, recluster_store
from corroborate.corpus.store import SqliteStore
from twin_fixtures import TWINS, twin_rows


def _stories(tmp_path: Path, seed: int, *, recluster: bool) -> dict[str, set[str]]:
    """Each event's stories after ingesting every twin article in a shuffled order."""
    items = twin_rows()
    random.Random(seed).shuffle(items)
    data = write_jsonl(tmp_path / f"twins-{seed}.jsonl", items)
    event = {item["id"]: item["event"] for item in items}
    with SqliteStore(tmp_path / f"twins-{seed}.db") as store:
        ingest([str(data)], store, workers=1)
        if recluster:
            recluster_store(store)
        found = store.query("SELECT source_id, story_id FROM articles")
    stories: dict[str, set[str]] = defaultdict(set)
    for source_id, story_id in found:
        stories[event[source_id]].add(story_id)
    return stories


def _twins_apart(stories: dict[str, set[str]], kind: str) -> bool:
    return not stories[f"{kind}-0"] & stories[f"{kind}-1"]


@pytest.mark.parametrize("seed", range(3))
def test_events_of_another_kind_never_meet(tmp_path: Path, seed: int) -> None:
    """The guard: each event of a pair stays one story, and pairs of different kinds never
    share one (holds on the old code too)."""
    stories = _stories(tmp_path, seed, recluster=False)
    assert all(len(found) == 1 for found in stories.values()), stories
    kinds = list(TWINS)
    for i, first in enumerate(kinds):
        for second in kinds[i + 1 :]:
            mine = stories[f"{first}-0"] | stories[f"{first}-1"]
            assert not mine & (stories[f"{second}-0"] | stories[f"{second}-1"])


@pytest.mark.xfail(strict=True, reason="twin events of one kind merge (issue 7)")
@pytest.mark.parametrize("recluster", [False, True], ids=["ingest", "re-cluster"])
@pytest.mark.parametrize("kind", list(TWINS))
def test_twin_events_are_two_stories(tmp_path: Path, kind: str, recluster: bool) -> None:
    for seed in range(3):
        assert _twins_apart(_stories(tmp_path, seed, recluster=recluster), kind), seed
