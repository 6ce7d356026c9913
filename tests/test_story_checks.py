"""The second look's "checked" sizes live in the store (`story_checks`, schema 6): a story
bisected in one run is bisected again in a later run only once it has grown by the refiner's
`growth`, as within one long run; before, every run started with none and bisected every story
it touched again (most of the cost of a small run into a big store)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from corpus_fixtures import all_rows, write_jsonl
from corroborate.corpus import refine as refine_module
from corroborate.corpus.ingest import ingest, load_clusterer, recluster_store
from corroborate.corpus.recluster import bisect_group
from corroborate.corpus.refine import BatchRefiner, save_refinement
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import SqliteStore

# The fixture's stories have two or three articles: halves of one article may be split off.
_SMALL = ClusterSettings(min_split_size=1)


def _refiners(monkeypatch: pytest.MonkeyPatch) -> list[tuple[dict[str, int], BatchRefiner]]:
    """The refiners ingest makes from now on, each with the checks it started from."""
    made: list[tuple[dict[str, int], BatchRefiner]] = []

    class Recorded(BatchRefiner):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append((dict(self.checked), self))

    # the module, not the function `corroborate.corpus` exports under its name
    monkeypatch.setattr(sys.modules["corroborate.corpus.ingest"], "BatchRefiner", Recorded)
    return made


def _bisected(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the groups the second look bisects from now on."""
    sizes: list[int] = []
    real = bisect_group

    def spy(clusterer: Any, group: list[Any]) -> Any:
        sizes.append(len(group))
        return real(clusterer, group)

    monkeypatch.setattr(refine_module, "bisect_group", spy)
    return sizes


@pytest.mark.parametrize("runs", [1, 2, 3])
def test_the_store_keeps_what_the_refiner_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runs: int
) -> None:
    """After each run the store holds the sizes the run's refiner ended with, and the next
    run's refiner starts from them."""
    made = _refiners(monkeypatch)
    rows = all_rows()
    with SqliteStore(tmp_path / "c.db") as store:
        for run in range(runs):
            part = write_jsonl(tmp_path / f"{run}.jsonl", rows[run::runs])
            ingest([str(part)], store, workers=1, settings=_SMALL)
            started, refiner = made[-1]
            assert store.load_checks() == refiner.checked
            assert started == (made[-2][1].checked if run else {})
        assert made[-1][1].checked, "no story was bisected: the fixture tests nothing"


@pytest.mark.parametrize("kept", [True, False], ids=["kept", "cleared"])
def test_a_story_checked_at_its_size_is_not_bisected_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: bool
) -> None:
    with SqliteStore(tmp_path / "c.db") as store:
        ingest(
            [str(write_jsonl(tmp_path / "a.jsonl", all_rows()))], store, workers=1, settings=_SMALL
        )
        rows = store.query("SELECT id, article_count FROM stories")
        sizes: dict[str, int] = {row[0]: row[1] for row in rows}
        story = max(sizes, key=lambda sid: (sizes[sid], sid))
        assert sizes[story] >= 2, "the largest story is too small to bisect"
        store.db.execute("DELETE FROM story_checks")
        if kept:
            store.save_checks({story: sizes[story]})
        bisected = _bisected(monkeypatch)
        refiner = BatchRefiner(store, load_clusterer(store, _SMALL))
        save_refinement(store, refiner.refine([story]))
        assert bisected == ([] if kept else [sizes[story]])
        assert story in store.load_checks()  # checked now, whether again or before


def test_re_clustering_forgets_the_checks(tmp_path: Path) -> None:
    """Re-clustering makes new stories: none of them has been looked at."""
    with SqliteStore(tmp_path / "c.db") as store:
        ingest(
            [str(write_jsonl(tmp_path / "a.jsonl", all_rows()))], store, workers=1, settings=_SMALL
        )
        assert store.load_checks()
        recluster_store(store, _SMALL)
        assert store.load_checks() == {}
