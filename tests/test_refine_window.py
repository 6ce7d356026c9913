"""Two stories merge in the second look only within the join rule's time window
(`scoring.spans_meet`): two events of one kind years apart share the place's, the officials'
and the institutions' names, and their centroids can meet the merge threshold.

Invented: a fire at the Ostmere public library in 2031, and another at the same library two
years later, each told by four outlets."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.corpus.ingest import ingest, load_clusterer, recluster_store
from corroborate.corpus.refine import BatchRefiner, save_refinement
from corroborate.corpus.scoring import ClusterSettings, spans_meet, within_window
from corroborate.corpus.store import SqliteStore

_FIRST = [
    "A fire broke out in the reading room of the Ostmere Public Library on Harlow Street on "
    "Tuesday night, and fire crews led by Chief Lena Varga kept it from the rare books "
    "archive, the Ostmere Fire Department said. The council's librarian, Tomas Prell, said "
    "about 3,000 books were lost to smoke and water. Electrical wiring in the reading room "
    "is suspected.",
    "Fire crews saved the rare books archive of the Ostmere Public Library after a fire in "
    "its reading room on Tuesday night, Chief Lena Varga of the Ostmere Fire Department said. "
    "Librarian Tomas Prell said some 3,000 books were damaged by smoke and water; the wiring "
    "of the reading room is suspected.",
    "The Ostmere Public Library on Harlow Street will stay closed for a month after Tuesday's "
    "reading room fire, librarian Tomas Prell said. Chief Lena Varga said faulty wiring was "
    "the likely cause, and 3,000 books were lost, though the rare books archive was saved by "
    "the Ostmere Fire Department.",
    "Volunteers began drying books at the Ostmere Public Library on Wednesday after a fire in "
    "the reading room. Librarian Tomas Prell thanked Chief Lena Varga and the Ostmere Fire "
    "Department for saving the rare books archive; 3,000 books were lost, and wiring is "
    "suspected.",
]
_SECOND = [
    "A fire broke out in the children's wing of the Ostmere Public Library on Harlow Street "
    "early on Sunday, and crews under Chief Lena Varga kept it from the rare books archive, "
    "the Ostmere Fire Department said. Librarian Tomas Prell said about 900 books were lost. "
    "A heater left on in the children's wing is suspected.",
    "The Ostmere Fire Department saved the rare books archive again as fire swept the "
    "children's wing of the Ostmere Public Library early on Sunday, Chief Lena Varga said. "
    "Librarian Tomas Prell said 900 books were lost; a heater is suspected.",
    "The children's wing of the Ostmere Public Library on Harlow Street will be closed after "
    "Sunday's fire, librarian Tomas Prell said. Chief Lena Varga blamed a heater; 900 books "
    "were lost and the rare books archive was spared by the Ostmere Fire Department.",
    "Parents helped clear the children's wing of the Ostmere Public Library on Monday after "
    "Sunday's fire. Tomas Prell, the librarian, thanked Chief Lena Varga and the Ostmere "
    "Fire Department; 900 books were lost, and a heater is suspected.",
]
_OUTLETS = ["Harbor Courier", "Ridge Daily", "Coastline News", "Bay Herald"]


def _ingest_fires(store: SqliteStore, folder: Path) -> dict[str, str]:
    """Each fire in a run of its own, the one pass only; source id -> story id."""
    for name, texts, day in (("a", _FIRST, "2031-03-04"), ("b", _SECOND, "2033-05-15")):
        rows = [
            {"id": f"{name}{i}", "outlet": o, "published": day, "text": t}
            for i, (o, t) in enumerate(zip(_OUTLETS, texts, strict=True))
        ]
        path = folder / f"{name}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        ingest([str(path)], store, workers=1, find_copies=False, refine=False)
    return {r[0]: r[1] for r in store.query("SELECT source_id, story_id FROM articles")}


def _stories(store: SqliteStore) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for source, story_id in store.query("SELECT source_id, story_id FROM articles"):
        found.setdefault(story_id, set()).add(source)
    return sorted(found.values(), key=sorted)


def _stories_after(tmp_path: Path, window_days: int) -> list[set[str]]:
    """The second fire's story gets the second look (with this window) after both runs."""
    with SqliteStore(tmp_path / "s.db") as store:
        stories = _ingest_fires(store, tmp_path)
        assert len(set(stories.values())) == 2  # the one pass keeps the two fires apart
        settings = ClusterSettings(window_days=window_days)
        refiner = BatchRefiner(store, load_clusterer(store, settings))
        save_refinement(store, refiner.refine([stories["b0"]]))
        return _stories(store)


TWO = [{f"a{i}" for i in range(4)}, {f"b{i}" for i in range(4)}]
# the default window, and one of decades (the rule off: the fixture needs the rule)
_WINDOWS = pytest.mark.parametrize(
    ("window_days", "expected"), [(120, TWO), (10_000, [TWO[0] | TWO[1]])]
)


@_WINDOWS
def test_two_fires_years_apart_stay_two_stories(
    tmp_path: Path, window_days: int, expected: list[set[str]]
) -> None:
    """With the default window the second look keeps the fires apart; with a window of
    decades (the rule off) their centroids merge: the fixture needs the rule."""
    assert _stories_after(tmp_path, window_days) == expected


@pytest.mark.parametrize(
    ("first", "second", "days", "meet"),
    [
        (("2031-03-01", "2031-03-10"), ("2031-07-08", "2031-07-20"), 120, True),
        (("2031-03-01", "2031-03-10"), ("2031-07-09", "2031-07-20"), 120, False),
        (("2031-07-09", "2031-07-20"), ("2031-03-01", "2031-03-10"), 120, False),
        (("2031-03-01", "2033-03-10"), ("2032-01-01", "2032-01-02"), 0, True),
        ((None, None), ("2032-01-01", "2032-01-02"), 0, True),
        (("2031-03-01", "2031-03-10"), (None, None), 0, True),
    ],
)
def test_spans_meet(
    first: tuple[str | None, str | None],
    second: tuple[str | None, str | None],
    days: int,
    meet: bool,
) -> None:
    assert spans_meet(first, second, days) is meet


_DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1))


@given(_DAYS, st.integers(0, 400), _DAYS, st.integers(0, 400), st.integers(0, 400))
def test_spans_meet_is_a_window_between_spans(
    start: date, length: int, other: date, other_length: int, window: int
) -> None:
    """Symmetric; and a one-day span meets another span exactly when the one pass would let
    an article of that day join a story of that span (`within_window`)."""
    first = (start.isoformat(), (start + timedelta(days=length)).isoformat())
    second = (other.isoformat(), (other + timedelta(days=other_length)).isoformat())
    assert spans_meet(first, second, window) == spans_meet(second, first, window)
    day = (start.isoformat(), start.isoformat())
    assert spans_meet(day, second, window) == within_window(day[0], *second, window)


@_WINDOWS
def test_re_clustering_keeps_the_two_fires_apart(
    tmp_path: Path, window_days: int, expected: list[set[str]]
) -> None:
    """Re-clustering's merge of stories asks the same window (its one pass and its small
    stories' join already did)."""
    with SqliteStore(tmp_path / "s.db") as store:
        _ingest_fires(store, tmp_path)
        recluster_store(store, ClusterSettings(window_days=window_days))
        assert _stories(store) == expected
