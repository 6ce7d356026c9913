"""The end of an ingest run tests each story changed since its last split test once more.

The per-batch second look bisects a story only once it has grown by `growth` since its last
test; a story that grew less, after a test it passed, can hold two events to the end of the
run. The test forces that: the one pass puts one event's articles into the story of the
other event of its kind, the first three of one event and one of the other are tested
together (too few of the second to split off), and the next batch adds too little for the
growth rule. Only the end-of-run test can then split the story.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corpus_fixtures import KESTREL, MUSEUM, PORTMOOR, rows, write_jsonl
from corroborate.corpus.cluster import Assignment, StoryClusterer
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.ingest import ingest, load_clusterer
from corroborate.corpus.refine import BatchRefiner
from corroborate.corpus.store import SqliteStore

EVENTS = {"portmoor": PORTMOOR, "kestrel": KESTREL}


def _rows(host: str, guest: str, guests: int) -> list[dict[str, Any]]:
    """The host event's articles and one guest (batch one), then the other guests and the
    museum fire (batch two, four articles)."""
    items = rows({host: EVENTS[host], guest: EVENTS[guest][:guests], "museum": MUSEUM})
    first = [r for r in items if r["id"].startswith(host)] + [items[len(EVENTS[host])]]
    return first + [r for r in items if r not in first]


def _force_guests(monkeypatch: pytest.MonkeyPatch, host_titles: set[str | None]) -> None:
    """The one pass puts every article of the guest event into the host event's story."""
    assign = StoryClusterer.assign
    guest_titles = {t for _, t, _ in PORTMOOR + KESTREL} - host_titles

    def wrong(self: StoryClusterer, features: ArticleFeatures) -> Assignment:
        if features.title in guest_titles:
            target = next(s for s in self.stories.values() if s.title in host_titles)
            return self.join(features, target.id, "forced for the test")
        return assign(self, features)

    monkeypatch.setattr(StoryClusterer, "assign", wrong)


def _events(store: SqliteStore) -> list[list[str]]:
    found: dict[str, set[str]] = {}
    for source, story in store.query("SELECT source_id, story_id FROM articles"):
        found.setdefault(story, set()).add(source.split("-")[0])
    return sorted(sorted(events) for events in found.values())


def _assert_consistent(store: SqliteStore) -> None:
    sizes = dict(store.query("SELECT story_id, count(*) FROM articles GROUP BY story_id"))
    assert dict(store.query("SELECT id, article_count FROM stories")) == sizes
    loaded = load_clusterer(store, None)
    assert {sid: s.size for sid, s in loaded.stories.items()} == sizes


@pytest.mark.parametrize(("host", "guest"), [("portmoor", "kestrel"), ("kestrel", "portmoor")])
@pytest.mark.parametrize("again", [True, False])
def test_a_story_grown_too_little_for_the_growth_rule_is_split_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, host: str, guest: str, again: bool
) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", _rows(host, guest, guests=2))
    _force_guests(monkeypatch, {t for _, t, _ in EVENTS[host]})
    if not again:
        monkeypatch.setattr(BatchRefiner, "_split_again", lambda self: None)
    with SqliteStore(tmp_path / "a.db") as store:
        ingest([str(data)], store, workers=1, batch_size=4)
        events = _events(store)
        reasons = [
            row[0]
            for row in store.query(
                "SELECT s.reason FROM assignments s JOIN articles a ON a.id = s.article_id "
                "WHERE s.method = 'refine' AND a.source_id LIKE ?",
                (guest + "-%",),
            )
        ]
        _assert_consistent(store)
    if again:
        assert events == sorted([[guest], [host], ["museum"]])
        assert len(reasons) == 2 and all(r.startswith("split from s-") for r in reasons)
    else:  # the growth rule alone leaves both events in one story
        assert sorted([host, guest]) in events
        assert not reasons


def test_a_story_tested_as_it_is_is_not_tested_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settled run: the end-of-run test looks only at stories changed since their test."""
    items = rows({"portmoor": PORTMOOR, "kestrel": KESTREL, "museum": MUSEUM})
    data = write_jsonl(tmp_path / "b.jsonl", items)
    tested: list[list[str]] = []
    refine = BatchRefiner.refine

    def spy(self: BatchRefiner, touched: Any) -> Any:
        tested.append(sorted(touched))
        return refine(self, touched)

    monkeypatch.setattr(BatchRefiner, "refine", spy)
    with SqliteStore(tmp_path / "b.db") as store:
        ingest([str(data)], store, workers=1, batch_size=len(items))
        events = _events(store)
    assert events == [["kestrel"], ["museum"], ["portmoor"]]
    # one batch, tested as it ends; the end-of-run look moves nothing: no story is stale
    assert len(tested) == 2 and tested[1] == []
