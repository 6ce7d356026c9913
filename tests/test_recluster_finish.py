"""The end of an ingest run: each article of the run looks again for its story.

A one-pass decision is taken with the stories and term weights of its moment; the test forces
one such mistake (an article put in the story of the other event of its kind) and checks that
the end-of-run look moves it back, records why, and leaves the store consistent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corpus_fixtures import KESTREL, PORTMOOR, all_rows, write_jsonl
from corroborate.corpus import refine
from corroborate.corpus.cluster import Assignment, StoryClusterer
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.ingest import ingest, load_clusterer
from corroborate.corpus.refine import BatchRefiner, Refinement
from corroborate.corpus.store import SqliteStore

# (the misplaced article's event and index, the event whose story it is forced into)
MISTAKES = [("kestrel", 0, "portmoor"), ("kestrel", 2, "portmoor"), ("portmoor", 1, "kestrel")]
TITLES = {"portmoor": [t for _, t, _ in PORTMOOR], "kestrel": [t for _, t, _ in KESTREL]}


def _ordered(event: str, index: int) -> list[dict[str, Any]]:
    """The rows with the misplaced article last (both events' stories exist when it comes)."""
    items = all_rows()
    wrong = [r for r in items if r["id"] == f"{event}-{index}"]
    return [r for r in items if r not in wrong] + wrong


def _force_mistake(monkeypatch: pytest.MonkeyPatch, title: str, into: str) -> None:
    """The one pass puts the article titled `title` into the story of event `into`."""
    assign = StoryClusterer.assign

    def wrong(self: StoryClusterer, features: ArticleFeatures) -> Assignment:
        if features.title == title:
            target = next(s for s in self.stories.values() if s.title in TITLES[into])
            return self.join(features, target.id, "forced for the test")
        return assign(self, features)

    monkeypatch.setattr(StoryClusterer, "assign", wrong)


def _events(store: SqliteStore) -> dict[str, set[str]]:
    """Story id -> the events of its articles."""
    events: dict[str, set[str]] = {}
    for source, story in store.query("SELECT source_id, story_id FROM articles"):
        events.setdefault(story, set()).add(source.split("-")[0])
    return events


def _pairs(store: SqliteStore, sql: str) -> dict[str, Any]:
    return {row[0]: row[1] for row in store.query(sql)}


def _assert_consistent(store: SqliteStore) -> None:
    sizes = _pairs(store, "SELECT story_id, count(*) FROM articles GROUP BY story_id")
    assert _pairs(store, "SELECT id, article_count FROM stories") == sizes
    loaded = load_clusterer(store, None)
    assert {sid: s.size for sid, s in loaded.stories.items()} == sizes


@pytest.mark.parametrize(("event", "index", "into"), MISTAKES)
@pytest.mark.parametrize(("finish", "chunk"), [(True, refine.FINISH_CHUNK), (True, 2), (False, 2)])
def test_the_end_of_a_run_moves_a_misplaced_article_back(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event: str,
    index: int,
    into: str,
    finish: bool,
    chunk: int,
) -> None:
    monkeypatch.setattr(refine, "FINISH_CHUNK", chunk)  # 2: the run looked at in 6 chunks
    data = write_jsonl(tmp_path / "a.jsonl", _ordered(event, index))
    _force_mistake(monkeypatch, TITLES[event][index], into)
    # Only the end-of-run look acts: the per-batch second look would also split the story.
    monkeypatch.setattr(BatchRefiner, "refine", lambda self, touched: Refinement())
    if not finish:
        monkeypatch.setattr(BatchRefiner, "finish", lambda self, run_id: None)
    with SqliteStore(tmp_path / "a.db") as store:
        ingest([str(data)], store, workers=1)
        events = _events(store)
        home = store.query(
            "SELECT story_id FROM articles WHERE source_id = ?", (f"{event}-{index}",)
        )
        moved = store.query(
            "SELECT reason FROM assignments WHERE method = 'refine' AND article_id = "
            "(SELECT id FROM articles WHERE source_id = ?)",
            (f"{event}-{index}",),
        )
        _assert_consistent(store)
    mixed = [found for found in events.values() if len(found) > 1]
    if finish:
        assert not mixed
        assert events[home[0][0]] == {event}
        assert [r[0].split(":")[0] for r in moved] == [
            f"re-examined at the end of its run, from {_story_of_event(events, into)}"
        ]
    else:  # without the end-of-run look, the per-batch second look leaves the mistake
        assert mixed == [{event, into}]


def _story_of_event(events: dict[str, set[str]], event: str) -> str:
    return next(story for story, found in events.items() if found == {event})


def test_a_settled_run_moves_nothing_when_looked_at_again(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "b.jsonl", all_rows())
    with SqliteStore(tmp_path / "b.db") as store:
        ingest([str(data)], store, workers=1)
        before = _pairs(store, "SELECT id, story_id FROM articles")
        events = _events(store)
        run = store.query("SELECT max(id) FROM runs")[0][0]
        BatchRefiner(store, load_clusterer(store, None)).finish(run)
        after = _pairs(store, "SELECT id, story_id FROM articles")
        _assert_consistent(store)
    assert sorted(sorted(found) for found in events.values()) == [
        ["kestrel"],
        ["museum"],
        ["portmoor"],
    ]
    assert after == before


def test_a_copy_follows_the_article_it_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _ordered("kestrel", 0)
    reprint = dict(items[-1], id="kestrel-reprint", outlet="Dockside Daily")
    data = write_jsonl(tmp_path / "c.jsonl", [*items, reprint])
    _force_mistake(monkeypatch, TITLES["kestrel"][0], "portmoor")
    monkeypatch.setattr(BatchRefiner, "refine", lambda self, touched: Refinement())
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        copied = store.query("SELECT copy_of FROM articles WHERE source_id = 'kestrel-reprint'")
        events = _events(store)
        found = _pairs(store, "SELECT source_id, story_id FROM articles")
        reasons = store.query(
            "SELECT reason FROM assignments WHERE method = 'refine' AND article_id = "
            "(SELECT id FROM articles WHERE source_id = 'kestrel-reprint')"
        )
        _assert_consistent(store)
    assert copied[0][0]  # stored as a copy of kestrel-0, so it joined kestrel-0's story
    assert found["kestrel-reprint"] == found["kestrel-0"] == found["kestrel-1"]
    assert not [e for e in events.values() if len(e) > 1]
    assert [r[0].startswith("re-examined at the end of its run") for r in reasons] == [True]
