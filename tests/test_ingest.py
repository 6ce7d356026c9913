"""Ingest: counts, idempotence, failures with reasons, copies, workers, kill and resume."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap
from array import array
from pathlib import Path
from typing import cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corroborate.corpus.copies as copies_module
import corroborate.corpus.postings as postings_module
from corpus_fixtures import WIRE, all_rows, rows, write_jsonl
from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ArticleFeatures
from corroborate.corpus.ingest import ingest, recluster_store
from corroborate.corpus.refine import BatchRefiner
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import SqliteStore

TESTS = Path(__file__).resolve().parent


def _stories(store: SqliteStore) -> dict[str, str]:
    return {r[0]: r[1] for r in store.query("SELECT source_id, story_id FROM articles")}


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        first = ingest([str(data)], store, workers=1)
        before = _stories(store)
        second = ingest([str(data)], store, workers=1)
        assert (first.read, first.new, first.known) == (8, 8, 0)
        assert (second.read, second.new, second.known) == (8, 0, 8)
        assert _stories(store) == before
        assert store.query("SELECT count(*) FROM articles")[0][0] == 8


def test_the_same_article_in_two_inputs_is_stored_once(tmp_path: Path) -> None:
    items = all_rows()
    one = write_jsonl(tmp_path / "one.jsonl", items[:3])
    two = write_jsonl(tmp_path / "two.jsonl", [{**items[0], "id": "other-id"}, *items[3:]])
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(one), str(two)], store, workers=1)
        assert (counts.read, counts.new, counts.known) == (9, 8, 1)


def test_failed_inputs_are_counted_with_reasons(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows()[:2])
    missing = tmp_path / "missing.jsonl"
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(data), str(missing)], store, workers=1)
        assert (counts.new, counts.failed) == (2, 1)
        assert [e.source for e in counts.errors] == [str(missing)]
        stored = store.query("SELECT source, message FROM errors")
        assert [(r[0], r[1]) for r in stored] == [(str(missing), counts.errors[0].message)]


def test_source_id_is_the_inputs_own_id(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        assert set(_stories(store)) == {r["id"] for r in all_rows()}


def test_a_verbatim_reprint_is_a_copy_in_the_same_story(tmp_path: Path) -> None:
    _, title, text = WIRE
    items = rows({"wire": [WIRE, ("Daily Lantern", title, text)]})
    data = write_jsonl(tmp_path / "a.jsonl", items + all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(data)], store, workers=1)
        assert counts.copies == 1
        stories = _stories(store)
        assert stories["wire-0"] == stories["wire-1"]
        row = store.query(
            "SELECT article_count, source_count FROM stories WHERE id = ?", (stories["wire-0"],)
        )[0]
        assert (row[0], row[1]) == (2, 1)
        reason = store.query(
            "SELECT reason FROM assignments a JOIN articles b "
            "ON a.article_id = b.id WHERE b.source_id = 'wire-1'"
        )[0][0]
        assert reason.startswith("copy of ")
        recluster_store(store)
        again = _stories(store)
        assert again["wire-0"] == again["wire-1"]


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_do_not_change_the_result(tmp_path: Path, workers: int) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "one.db") as one, SqliteStore(tmp_path / "many.db") as many:
        ingest([str(data)], one, workers=1, batch_size=3)
        ingest([str(data)], many, workers=workers, batch_size=3)
        assert _stories(one) == _stories(many)


_KILLER = """
import os, signal, sys
sys.path.insert(0, {tests!r})
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore
store = SqliteStore({db!r})
calls = 0
def kill(*args, **kwargs):
    global calls
    calls += 1
    if calls == 3:
        os.kill(os.getpid(), signal.SIGKILL)
if {mid_batch!r}:
    original = store._add_df
    def add_df(features):
        original(features)
        kill()  # inside the batch's transaction, after its articles were written
    store._add_df = add_df
    ingest([{data!r}], store, batch_size=2, workers=1)
else:
    ingest([{data!r}], store, batch_size=2, workers=1, progress=kill)
"""


@pytest.mark.parametrize("mid_batch", [False, True], ids=["between-batches", "mid-batch"])
def test_a_killed_ingest_resumes_with_nothing_lost_or_doubled(
    tmp_path: Path, mid_batch: bool
) -> None:
    items = all_rows()
    data = write_jsonl(tmp_path / "a.jsonl", items)
    db = tmp_path / "c.db"
    script = _KILLER.format(tests=str(TESTS), db=str(db), data=str(data), mid_batch=mid_batch)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], timeout=120)
    assert done.returncode == -9  # it really was killed
    with SqliteStore(db) as store:
        stored = store.query("SELECT count(*) FROM articles")[0][0]
        assert stored == (4 if mid_batch else 6)  # whole batches only
        counts = ingest([str(data)], store, workers=1)
        assert (counts.known, counts.new) == (stored, len(items) - stored)
        assert store.query("SELECT count(*), count(DISTINCT id) FROM articles")[0][:] == (8, 8)
        totals = store.query(
            "SELECT (SELECT count(*) FROM assignments), (SELECT count(*) FROM features), "
            "(SELECT sum(article_count) FROM stories)"
        )[0]
        assert tuple(totals) == (8, 8, 8)
        runs = [tuple(r) for r in store.query("SELECT status, new FROM runs ORDER BY id")]
        # the killed run never finished; the next one marked it, with what it had stored
        assert runs == [("interrupted", stored), ("done", len(items) - stored)]
        assert len(set(_stories(store).values())) == 3


def test_recluster_keeps_story_ids_and_counts(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        before = _stories(store)
        moved = recluster_store(store)
        assert moved == 0
        assert _stories(store) == before
        methods = {r[0] for r in store.query("SELECT method FROM assignments")}
        assert methods == {"re-cluster"}
        sizes = store.query("SELECT sum(article_count) FROM stories")[0][0]
        assert sizes == 8


def test_progress_reports_running_counts(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    seen: list[int] = []
    with SqliteStore(tmp_path / "c.db") as store:
        ingest(
            [str(data)],
            store,
            workers=1,
            batch_size=3,
            progress=lambda counts: seen.append(counts.read),
        )
    assert seen == [3, 6, 8]


@pytest.mark.parametrize("batch_size", [1, 3, 256])
def test_story_counts_are_those_the_store_holds_at_the_end(tmp_path: Path, batch_size: int) -> None:
    # Per batch, a story started in one batch looks "grown" in the next and one merged away
    # later still looks new; the final counts must be what the store holds after the run.
    items = all_rows()
    first = write_jsonl(tmp_path / "a.jsonl", items[:5])
    second = write_jsonl(tmp_path / "b.jsonl", items[5:])
    with SqliteStore(tmp_path / "c.db") as store:
        one = ingest([str(first)], store, workers=1, batch_size=batch_size)
        stored = {r[0] for r in store.query("SELECT DISTINCT story_id FROM articles")}
        assert (one.new_stories, one.grown_stories) == (len(stored), 0)
        two = ingest([str(second)], store, workers=1, batch_size=batch_size)
        run = store.query("SELECT max(id) FROM runs")[0][0]
        holding = {
            r[0]
            for r in store.query("SELECT DISTINCT story_id FROM articles WHERE run_id = ?", (run,))
        }
        assert two.new_stories == len(holding - stored)
        assert two.grown_stories == len(holding & stored)


def test_run_rows_record_the_counts(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", all_rows())
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(data)], store, workers=1)
        row = store.query("SELECT inputs, status, read, new, known FROM runs")[0]
        assert json.loads(row[0]) == [str(data)]
        assert tuple(row[1:]) == ("done", counts.read, counts.new, counts.known)


def test_a_removed_story_with_pruned_terms_is_never_a_candidate() -> None:
    """A merged story's postings for terms pruned from its centroid stay behind; scoring an
    article that shares such a term must skip them (it used to raise KeyError mid-ingest)."""
    settings = ClusterSettings(story_terms=2)
    clusterer = StoryClusterer(settings)
    wide = {f"term{n}": 1.0 + n / 10 for n in range(6)}  # > 2 * story_terms: pruned on add
    clusterer.assign(ArticleFeatures("a", wide, "2026-03-01"))
    (story_id,) = clusterer.stories
    pruned = set(wide) - set(clusterer.stories[story_id].counts)
    assert pruned  # the premise: some terms left the centroid but not the postings
    clusterer.remove_story(story_id)
    shared = {term: 2.0 for term in pruned}
    assignment = clusterer.assign(ArticleFeatures("b", shared, "2026-03-02"))
    assert assignment.created and assignment.story != story_id


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sets(st.integers(0, 30), min_size=1, max_size=12), min_size=1, max_size=40))
def test_numpy_candidate_scoring_matches_the_dict_sums(term_sets: list[set[int]]) -> None:
    """Long postings are summed with numpy: the candidates (and so every assignment, ties
    included) must be exactly those of the one-by-one dict sums, with stories removed too."""

    def run(numpy_from: int) -> list[tuple[str, float, str | None, int]]:
        original = postings_module.NUMPY_FROM
        postings_module.NUMPY_FROM = numpy_from
        try:
            clusterer = StoryClusterer(ClusterSettings(candidates=3, posting_limit=5))
            found = []
            for n, terms in enumerate(term_sets):
                vector = {f"@name{t}" if t % 3 == 0 else f"word{t}": 1.0 for t in terms}
                a = clusterer.assign(ArticleFeatures(f"a{n}", vector, "2026-01-01"))
                found.append((a.story, a.score, a.runner_up, a.candidates))
                if n % 4 == 3 and len(clusterer.stories) > 1:
                    clusterer.remove_story(sorted(clusterer.stories)[n % len(clusterer.stories)])
            return found
        finally:
            postings_module.NUMPY_FROM = original

    assert run(0) == run(10**9)


@pytest.mark.parametrize("long", [False, True], ids=["short-posting", "numpy-posting"])
@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=300), st.integers(0, 7))
def test_a_removed_story_leaves_its_first_posting(
    long: bool, numbers: list[int], number: int
) -> None:
    """`drop_first` (numpy from `SCAN_WITH_NUMPY` entries) removes what list.remove would."""
    if long:  # padded with other stories' numbers in front, so numpy searches it
        numbers = [9] * postings_module.SCAN_WITH_NUMPY + numbers
    posting = array("i", numbers)
    expected = list(numbers)
    held = number in expected
    if held:
        expected.remove(number)
    assert postings_module.drop_first(posting, number) == held
    assert posting.tolist() == expected


@pytest.mark.parametrize("cache", [1, 3000], ids=["workers-load-from-store", "docs-shipped"])
def test_copies_verified_in_workers_match_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: int
) -> None:
    """Workers verify candidate pairs, loading earlier articles from the store themselves
    when this process no longer holds them: the copies found must not change."""
    _, title, text = WIRE
    reprints = [WIRE, ("Daily Lantern", title, text), ("Evening Lamp", "Ministers meet", text)]
    items = rows({"wire": reprints[:1]}) + all_rows() + rows({"wire": reprints})[1:]
    data = write_jsonl(tmp_path / "a.jsonl", items)
    found = []
    for workers in (1, 2):
        monkeypatch.setattr(copies_module, "_DOC_CACHE", cache if workers == 2 else 3000)
        with SqliteStore(tmp_path / f"{workers}.db") as store:
            counts = ingest([str(data)], store, workers=workers, batch_size=2)
            copies = store.query("SELECT article_id, origin, kind, similarity FROM copies")
            found.append((counts.copies, sorted(tuple(r) for r in copies), _stories(store)))
    assert found[0][0] == 2
    assert found[0] == found[1]


@pytest.mark.parametrize("gap", [0, 1, 3], ids=lambda g: f"{g}-between")
def test_an_article_repeated_a_few_articles_later_is_stored_once(tmp_path: Path, gap: int) -> None:
    """Batches overlap in flight (one read while the one before is not yet written): a repeat
    in the next batch, or the one after, is still recognised."""
    items = all_rows()
    repeated = [*items[:3], *items[3 : 3 + gap], items[1], *items[3 + gap :]]
    data = write_jsonl(tmp_path / "a.jsonl", repeated)
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(data)], store, workers=2, batch_size=2)
        assert (counts.read, counts.new, counts.known) == (9, 8, 1)
        assert store.query("SELECT count(*), count(DISTINCT id) FROM articles")[0][:] == (8, 8)


def _nearest_one_by_one(pairs: list[tuple[int, int]], limit: int) -> set[tuple[int, int]]:
    """The partner rule read plainly: per new document, its `limit` newest earlier ones."""
    partners: dict[int, set[int]] = {}
    for x, y in pairs:
        partners.setdefault(max(x, y), set()).add(min(x, y))
    return {(new, old) for new, olds in partners.items() for old in sorted(olds)[-limit:]}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=200),
    st.integers(1, 5),
    st.sampled_from([0, 2**31 - 45]),
)
def test_copy_partners_are_the_newest_few_per_document(
    pairs: list[tuple[int, int]], limit: int, offset: int
) -> None:
    """Copy candidates keep each new document's `limit` newest partners (computed in numpy:
    the pairs a large corpus gives are many): exactly the plain rule's, each pair once."""
    distinct = [(x + offset, y + offset) for x, y in pairs if x != y]
    found = copies_module._nearest(np.array(distinct, dtype=np.int64).reshape(-1, 2), limit)
    assert len(found) == len(set(found))
    assert set(found) == _nearest_one_by_one(distinct, limit)


def _neighbours_one_by_one(clusterer: StoryClusterer, refiner: BatchRefiner, sid: str) -> list[str]:
    """The second look's neighbour rule read plainly: weight shared over the story's 40
    heaviest terms, the last `posting_limit` postings of each, ties by story id."""
    vector = refiner._vector(sid)[0]
    weights = {t: w for part in vector.values() for t, w in part.items()}
    shared: dict[str, float] = {}
    for term in sorted(weights, key=lambda t: -weights[t])[:40]:
        for other in clusterer.posted(term)[-clusterer.settings.posting_limit :]:
            if other != sid and other in clusterer.stories:
                shared[other] = shared.get(other, 0.0) + weights[term]
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    return [other for other, _ in ranked[: clusterer.settings.candidates]]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sets(st.integers(0, 60), min_size=1, max_size=14), min_size=2, max_size=50))
def test_second_look_neighbours_match_the_plain_sums(term_sets: list[set[int]]) -> None:
    """The second look ranks a story's neighbours with numpy sums over story numbers: they
    must be exactly the plain sums' (ties by id), with pruned terms and removed stories."""
    clusterer = StoryClusterer(ClusterSettings(candidates=3, posting_limit=6, story_terms=4))
    refiner = BatchRefiner(cast(SqliteStore, None), clusterer, checked={})  # no store read
    for n, terms in enumerate(term_sets):
        vector = {f"@name{t % 7}" if t % 5 == 0 else f"word{t}": 1.0 + t % 3 for t in terms}
        clusterer.assign(ArticleFeatures(f"a{n}", vector, "2026-01-01"))
        if n % 5 == 4 and len(clusterer.stories) > 2:
            clusterer.remove_story(sorted(clusterer.stories)[n % len(clusterer.stories)])
    for sid in sorted(clusterer.stories):
        assert refiner._neighbours(sid) == _neighbours_one_by_one(clusterer, refiner, sid)


@pytest.mark.parametrize("frozen_before", [False, True], ids=["plain", "caller-froze"])
def test_ingest_leaves_the_garbage_collector_as_it_found_it(
    tmp_path: Path, frozen_before: bool
) -> None:
    """Ingest runs with fewer collections; the thresholds and frozen objects are the
    caller's again afterwards."""
    threshold = gc.get_threshold()
    if frozen_before:
        gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        data = write_jsonl(tmp_path / "a.jsonl", all_rows())
        with SqliteStore(tmp_path / "c.db") as store:
            assert ingest([str(data)], store, workers=1).new == len(all_rows())
        assert gc.get_threshold() == threshold
        assert (gc.get_freeze_count() > 0) == (frozen > 0)
    finally:
        gc.unfreeze()
