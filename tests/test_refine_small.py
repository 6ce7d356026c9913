"""The second look's rule for small stories (`BatchRefiner._absorb`): a story of at most three
articles joins another only when each of its articles would join that story (names, time
window, words) and matches it best of all stories; it is never merged by its centroid.

The fixtures are one invented mayor in three unrelated events (`test_cluster_words`): the
names are the same in all nine articles, the events are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.corpus.ingest import ingest, load_clusterer
from corroborate.corpus.refine import BatchRefiner, save_refinement
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import SqliteStore
from test_cluster_words import EVENTS

_ALONE = ClusterSettings(min_word_agreement=1.0)  # the one pass founds a story per article
# The second look with names alone (no word test) and a low bar: only the best-match test
# keeps the events apart.
_NAMES_ONLY = ClusterSettings(join_threshold=0.1, move_word_agreement=0.0)


def _rows(wanted: list[str]) -> list[dict[str, str]]:
    return [
        {"id": f"{event}-{i}", "title": title, "text": text, "outlet": outlet}
        for event in EVENTS
        for i, (outlet, title, text) in enumerate(EVENTS[event])
        if f"{event}-{i}" in wanted or event in wanted
    ]


def _ingest(store: SqliteStore, path: Path, rows: list[dict[str, str]], **options: object) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    ingest([str(path)], store, workers=1, **options)  # type: ignore[arg-type]


def _second_look(store: SqliteStore, settings: ClusterSettings, touched: list[str]) -> None:
    refiner = BatchRefiner(store, load_clusterer(store, settings))
    story = dict(store.query("SELECT source_id, story_id FROM articles"))
    save_refinement(store, refiner.refine([story[item] for item in touched]))


def _stories(store: SqliteStore) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for source, story in store.query("SELECT source_id, story_id FROM articles"):
        found.setdefault(story, set()).add(source)
    return list(found.values())


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_a_small_story_joins_only_the_story_it_matches_best(tmp_path: Path, event: str) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest(store, tmp_path / "a.jsonl", _rows(list(EVENTS)), settings=_ALONE, refine=False)
        _second_look(store, _NAMES_ONLY, [f"{event}-0"])
        for story in _stories(store):
            assert len({item.split("-")[0] for item in story}) == 1, f"events joined: {story}"


def test_one_events_single_articles_are_joined(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest(store, tmp_path / "a.jsonl", _rows(list(EVENTS)), settings=_ALONE, refine=False)
        _second_look(store, _NAMES_ONLY, [f"{event}-0" for event in EVENTS])
        assert len(_stories(store)) < 9


def test_a_small_story_is_never_merged_by_its_centroid(tmp_path: Path) -> None:
    """Centroids of one article meet a low merge threshold on the mayor's names; with a join
    bar no article reaches, nothing joins."""
    settings = ClusterSettings(join_threshold=0.99, strong_threshold=1.0, merge_threshold=0.41)
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest(store, tmp_path / "a.jsonl", _rows(["water"]), settings=_ALONE, refine=False)
        _second_look(store, settings, ["water-0", "water-1", "water-2"])
        assert len(_stories(store)) == 3


# The second look's bar low enough for names alone; the words' test is what is left.
_LOW = ClusterSettings(join_threshold=0.1)


@pytest.mark.parametrize(("words", "joined"), [(_LOW.small_word_agreement, False), (0.0, True)])
def test_a_lone_article_of_another_event_needs_its_words_to_agree(
    tmp_path: Path, words: float, joined: bool
) -> None:
    """The mayor's budget article alone beside the water story (its only candidate, so the
    best-match test passes): few of its names and numbers are the story's, so its words
    must agree `small_word_agreement`; with no such bar it would join."""
    settings = ClusterSettings(join_threshold=0.1, small_word_agreement=words)
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest(store, tmp_path / "a.jsonl", _rows(["water"]), settings=_LOW)
        _ingest(store, tmp_path / "b.jsonl", _rows(["budget-0"]), settings=_ALONE, refine=False)
        assert len(_stories(store)) == 2
        _second_look(store, settings, ["water-0"])
        assert (len(_stories(store)) == 1) is joined


def test_a_lone_article_of_the_same_event_still_joins(tmp_path: Path) -> None:
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest(store, tmp_path / "a.jsonl", _rows(["water-0", "water-1"]), settings=_LOW)
        _ingest(store, tmp_path / "b.jsonl", _rows(["water-2"]), settings=_ALONE, refine=False)
        assert len(_stories(store)) == 2
        _second_look(store, _LOW, ["water-0"])
        assert _stories(store) == [{"water-0", "water-1", "water-2"}]
