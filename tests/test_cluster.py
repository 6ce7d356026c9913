"""Story clustering: two events of one kind stay apart, ids are stable, evidence is kept."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_fixtures import KESTREL, MUSEUM, PORTMOOR, all_rows, rows, write_jsonl
from corroborate.corpus.cluster import StoryClusterer, story_id_for
from corroborate.corpus.features import ArticleFeatures, extract_features, text_date
from corroborate.corpus.ingest import ingest
from corroborate.corpus.recluster import _absorb_small, map_ids, recluster
from corroborate.corpus.scoring import ClusterSettings, similarity
from corroborate.corpus.store import SqliteStore
from corroborate.read.article import make_article


def _stories(store: SqliteStore) -> dict[str, str]:
    return {r[0]: r[1] for r in store.query("SELECT source_id, story_id FROM articles")}


def _partition(assigned: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for item, story in assigned.items():
        groups.setdefault(story, set()).add(item.split("-")[0])
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("seed", range(4))
def test_two_events_of_one_kind_become_two_stories(tmp_path: Path, seed: int) -> None:
    items = all_rows()
    random.Random(seed).shuffle(items)
    data = write_jsonl(tmp_path / "a.jsonl", items)
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        stories = _stories(store)
    assert len(set(stories.values())) == 3
    assert _partition(stories) == {
        frozenset({"portmoor"}),
        frozenset({"kestrel"}),
        frozenset({"museum"}),
    }


def test_story_ids_stay_stable_as_stories_grow(tmp_path: Path) -> None:
    first = rows({"portmoor": PORTMOOR[:2], "kestrel": KESTREL[:2]})
    later = rows({"portmoor": PORTMOOR[2:], "kestrel": KESTREL[2:], "museum": MUSEUM})
    for item in later:
        item["id"] += "-later"
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(write_jsonl(tmp_path / "1.jsonl", first))], store, workers=1)
        before = _stories(store)
        counts = ingest([str(write_jsonl(tmp_path / "2.jsonl", later))], store, workers=1)
        after = _stories(store)
    assert {k: after[k] for k in before} == before
    assert after["portmoor-0-later"] == before["portmoor-0"]
    assert after["kestrel-0-later"] == before["kestrel-0"]
    assert (counts.new_stories, counts.grown_stories) == (1, 2)


def test_each_assignment_keeps_its_evidence(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "a.jsonl", rows({"portmoor": PORTMOOR}))
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(data)], store, workers=1)
        found = store.query(
            "SELECT b.source_id, a.created, a.score, a.shared_names, a.reason FROM assignments a "
            "JOIN articles b ON b.id = a.article_id ORDER BY b.rowid"
        )
    founder, *joined = found
    assert founder["created"] == 1 and founder["source_id"] == "portmoor-0"
    for row in joined:
        assert row["created"] == 0
        assert row["score"] >= ClusterSettings().join_threshold
        assert "portmoor" in row["shared_names"]
        assert row["reason"].startswith("similarity ")


def _features(article_id: str, text: str, published: str | None) -> ArticleFeatures:
    article = make_article(source=article_id, text=text, published=published)
    article.id = article_id
    from corroborate.clean import clean_article
    from corroborate.segment import segment_article

    segment_article(clean_article(article))
    return extract_features(article)


@pytest.mark.parametrize(("gap_days", "same"), [(3, True), (400, False)])
def test_the_time_window_separates_distant_dates(gap_days: int, same: bool) -> None:
    from datetime import date, timedelta

    text = PORTMOOR[0][2]
    later = (date(2026, 3, 3) + timedelta(days=gap_days)).isoformat()
    clusterer = StoryClusterer(ClusterSettings(window_days=30))
    one = clusterer.assign(_features("a-1", text, "2026-03-03"))
    two = clusterer.assign(_features("a-2", PORTMOOR[1][2], later))
    assert (one.story == two.story) is same


def test_story_ids_come_from_the_founding_article() -> None:
    clusterer = StoryClusterer()
    first = clusterer.assign(_features("a-1", PORTMOOR[0][2], None))
    assert first.created and first.story == story_id_for("a-1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted: May 24, 2005 | the rest", "2005-05-24"),
        ("Tuesday 28 April 2009 22:34", "2009-04-28"),
        ("DECEMBER 16, 2008\n\nHeadline", "2008-12-16"),
        ("Updated March 3rd, 2026, 7:35", "2026-03-03"),
        ("Feb 30, 2001 is not a day", None),
        ("no date here, only 2008", None),
    ],
)
def test_text_dates(text: str, expected: str | None) -> None:
    assert text_date(text) == expected


def test_names_and_years_are_features() -> None:
    features = _features(
        "a-1", "Captain Elsa Varga spoke in Portmoor in 2026. The ship sank.", None
    )
    assert {"@elsa varga", "@portmoor", "@varga", "#2026"} <= set(features.terms)
    assert "@the" not in features.terms  # a capitalised first word is not a name


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Hosts Dana McTavish and Ravi O'Connell met.", {"@mctavish", "@o'connell"}, set()),
        ("The show named LaToya DeVries its host.", {"@latoya devries", "@devries"}, set()),
        ("A 6.4 quake killed 1,250 people.", {"%6.4", "%1250"}, {"%6"}),
        ("They won 3 games and lost 12 in 2024.", {"%12", "#2024"}, {"%3", "%2024"}),
    ],
)
def test_names_with_inner_capitals_and_numbers_are_features(
    text: str, present: set[str], absent: set[str]
) -> None:
    terms = set(_features("a-1", text + " The crowd went home.", None).terms)
    assert present <= terms
    assert not absent & terms


_VECTORS = st.dictionaries(
    st.sampled_from(["@varga", "@portmoor", "#2026", "%7.3", "ferry", "sank", "crew", "storm"]),
    st.floats(min_value=0.01, max_value=5.0),
    min_size=1,
)


@given(_VECTORS, _VECTORS)
def test_similarity_is_symmetric_and_one_for_the_same_full_vector(
    a: dict[str, float], b: dict[str, float]
) -> None:
    settings = ClusterSettings()
    every_kind = {"@kowal": 0.5, "#2025": 0.5, "%12": 0.5, "harbour": 0.5}
    assert similarity(a | every_kind, a | every_kind, settings) == pytest.approx(1.0)
    assert similarity(a, b, settings) == pytest.approx(similarity(b, a, settings))


def test_shared_names_and_numbers_count_more_than_shared_words() -> None:
    settings = ClusterSettings()
    article = {"@varga": 1.0, "%7.3": 1.0, "ferry": 1.0, "sank": 1.0}
    same_event = {"@varga": 1.0, "%7.3": 1.0, "ferry": 1.0, "storm": 1.0}
    same_kind = {"@kowal": 1.0, "%6.1": 1.0, "ferry": 1.0, "sank": 1.0}
    assert similarity(article, same_event, settings) > similarity(article, same_kind, settings)


def test_story_scores_agree_with_the_similarity_of_vectors() -> None:
    clusterer = StoryClusterer()
    texts = ["The Kestrel ferry sank off Portmoor in 2026.", "Divers reached the Kestrel ferry."]
    first, second = (_features(f"a-{i}", text, None) for i, text in enumerate(texts))
    clusterer.assign(first)
    story = clusterer.stories[clusterer.assign(first).story]
    vector = clusterer.weigh(second.terms)
    centroid = {t: c * clusterer.idf(t) for t, c in story.counts.items()}
    assert clusterer.explain_member(second, story.id).score == pytest.approx(
        similarity(vector, centroid, clusterer.settings), abs=1e-3
    )


def test_recluster_on_features_keeps_the_events_apart() -> None:
    items = [
        _features(f"{event}-{i}", text, None)
        for event, articles in (("portmoor", PORTMOOR), ("kestrel", KESTREL), ("museum", MUSEUM))
        for i, (_, _, text) in enumerate(articles)
    ]
    assignments, stories = recluster(items, {})
    assert _partition({a.article: a.story for a in assignments}) == {
        frozenset({"portmoor"}),
        frozenset({"kestrel"}),
        frozenset({"museum"}),
    }
    assert sum(s.size for s in stories) == len(items)


@given(
    st.dictionaries(st.sampled_from("abcdefgh"), st.sampled_from(["n1", "n2", "n3"]), min_size=1),
    st.dictionaries(st.sampled_from("abcdefgh"), st.sampled_from(["o1", "o2"])),
)
def test_map_ids_is_one_to_one_and_keeps_old_ids(new: dict[str, str], old: dict[str, str]) -> None:
    mapping = map_ids(new, old)
    assert set(mapping) == set(new.values())
    assert len(set(mapping.values())) == len(mapping)  # two stories never share an id
    for new_id, kept in mapping.items():
        mine = {old[a] for a, s in new.items() if s == new_id and a in old}
        if kept in old.values():  # an old id goes only to a story that shares articles with it
            assert kept in mine
        rivals = {s for a, s in new.items() if a in old and old[a] in mine and s != new_id}
        if len(mine) == 1 and not rivals:  # the clear case: it keeps its old id
            assert kept == next(iter(mine))


@pytest.mark.parametrize(
    "bad",
    [
        {"join_threshold": 0.0},
        {"join_threshold": 1.5},
        {"window_days": -1},
        {"word_weight": -5.0},  # leaves the similarity no positive scale
        {"merge_threshold": 0.3, "split_threshold": 0.4},
    ],
)
def test_bad_settings_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        ClusterSettings(**bad)  # type: ignore[arg-type]


def test_recluster_puts_a_copy_in_the_story_of_what_it_copies() -> None:
    items = [
        _features(f"{event}-{i}", text, None)
        for event, articles in (("portmoor", PORTMOOR), ("museum", MUSEUM))
        for i, (_, _, text) in enumerate(articles)
    ]
    assignments, _ = recluster(items, {}, copies={"museum-1": "portmoor-0"})
    story = {a.article: a.story for a in assignments}
    assert story["museum-1"] == story["portmoor-0"] != story["museum-0"]


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("Saturday, August 24, 2013", False),
        ("May 03, 2013", False),
        ("Ferry runs aground off Portmoor on March 3, 2026", True),
        ("Ferry runs aground", True),
    ],
)
def test_a_date_line_is_not_a_story_title(title: str, kept: bool) -> None:
    article = make_article(source="a", text=PORTMOOR[0][2], title=title)
    from corroborate.clean import clean_article
    from corroborate.segment import segment_article

    segment_article(clean_article(article))
    assert (extract_features(article).title == title) is kept


_EAGER = ClusterSettings(  # joins nearly anything
    join_threshold=0.01, strong_threshold=0.01, min_word_agreement=0.0, move_word_agreement=0.0
)
# The one pass joins nearly nothing (its word test asks for identical words); the second look
# joins small stories by the join rule with its own word test (`move_word_agreement`). A join
# threshold no article reaches would keep them apart there too: small stories are never
# merged by their centroids (`test_refine_small`).
_SHY = ClusterSettings(min_word_agreement=1.0)


# Small stories join only stories their batch touched (`BatchRefiner._absorb`): the shy
# pass's single articles meet in one batch.
@pytest.mark.parametrize(("settings", "how", "batch"), [(_EAGER, "split", 4), (_SHY, "merged", 16)])
@pytest.mark.parametrize("seed", range(3))
def test_the_second_look_after_each_batch_undoes_one_pass_mistakes(
    tmp_path: Path, settings: ClusterSettings, how: str, batch: int, seed: int
) -> None:
    items = all_rows()
    random.Random(seed).shuffle(items)
    data = write_jsonl(tmp_path / "a.jsonl", items)
    truth = [["kestrel"], ["museum"], ["portmoor"]]
    found = {}
    for refine in (False, True):
        with SqliteStore(tmp_path / f"{refine}.db") as store:
            ingest(
                [str(data)], store, workers=1, settings=settings, refine=refine, batch_size=batch
            )
            found[refine] = _stories(store)
            _assert_consistent(store)
            moved = store.query("SELECT reason FROM assignments WHERE method = 'refine'")
    assert _groups(found[False]) != truth  # the one pass alone gets it wrong
    assert _groups(found[True]) == truth
    assert moved and all(row["reason"].startswith(how + " from s-") for row in moved)


def _groups(assigned: dict[str, str]) -> list[list[str]]:
    """Each story's events, one list per story (two stories of one event count twice)."""
    groups: dict[str, set[str]] = {}
    for item, story in assigned.items():
        groups.setdefault(story, set()).add(item.split("-")[0])
    return sorted(sorted(g) for g in groups.values())


def _assert_consistent(store: SqliteStore) -> None:
    """Stories and articles agree, in the table and in a clusterer loaded from the store."""
    from corroborate.corpus.ingest import load_clusterer

    sizes = dict(store.query("SELECT story_id, count(*) FROM articles GROUP BY story_id"))
    listed = dict(store.query("SELECT id, article_count FROM stories"))
    assert sizes == listed
    loaded = load_clusterer(store, None)
    assert {sid: s.size for sid, s in loaded.stories.items()} == sizes


def test_stories_refined_in_one_run_grow_in_the_next(tmp_path: Path) -> None:
    first, later = all_rows()[::2], all_rows()[1::2]
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(write_jsonl(tmp_path / "1.jsonl", first))], store, workers=1, settings=_SHY)
        before = _stories(store)
        # the later articles join the refined stories by the one pass's own rule
        ingest([str(write_jsonl(tmp_path / "2.jsonl", later))], store, workers=1)
        after = _stories(store)
        _assert_consistent(store)
    assert _groups(after) == [["kestrel"], ["museum"], ["portmoor"]]
    # A story of the first run keeps its id: the later articles join it, not the reverse.
    assert set(before.values()) <= set(after.values())


def _absorbed(groups: list[list[ArticleFeatures]]) -> set[frozenset[str]]:
    items = [item for group in groups for item in group]
    clusterer = StoryClusterer()
    df: dict[str, int] = {}
    for item in items:
        for term in item.terms:
            df[term] = df.get(term, 0) + 1
    clusterer.load([], df, len(items))
    merged = _absorb_small(clusterer, groups)
    assert sorted(i.article for g in merged for i in g) == sorted(i.article for i in items)
    return {frozenset(item.article for item in group) for group in merged}


@pytest.mark.parametrize("alone", range(3))
def test_recluster_joins_a_small_story_to_the_event_it_belongs_to(alone: int) -> None:
    portmoor = [_features(f"portmoor-{i}", a[2], None) for i, a in enumerate(PORTMOOR)]
    kestrel = [_features(f"kestrel-{i}", a[2], None) for i, a in enumerate(KESTREL)]
    museum = [_features(f"museum-{i}", a[2], None) for i, a in enumerate(MUSEUM)]
    rest = [item for i, item in enumerate(portmoor) if i != alone]
    groups = _absorbed([rest, [portmoor[alone]], kestrel, museum])
    # the lone Portmoor article rejoins its event; the other ferry grounding and the
    # two-article museum story (no name in common with any other) stay apart
    assert groups == {
        frozenset(i.article for i in portmoor),
        frozenset(i.article for i in kestrel),
        frozenset(i.article for i in museum),
    }


@pytest.mark.parametrize(("gap_days", "joins"), [(2, True), (400, False)])
def test_a_small_story_joins_only_within_the_time_window(gap_days: int, joins: bool) -> None:
    from datetime import date, timedelta

    rest = [_features(f"p-{i}", a[2], "2026-03-03") for i, a in enumerate(PORTMOOR[:-1])]
    later = (date(2026, 3, 3) + timedelta(days=gap_days)).isoformat()
    alone = _features("p-late", PORTMOOR[-1][2], later)
    groups = _absorbed([rest, [alone]])
    assert (len(groups) == 1) is joins


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1), (1, 2, 0)])
def test_single_articles_of_one_event_end_in_one_story(order: tuple[int, int, int]) -> None:
    portmoor = [_features(f"portmoor-{i}", a[2], None) for i, a in enumerate(PORTMOOR)]
    museum = [_features(f"museum-{i}", a[2], None) for i, a in enumerate(MUSEUM)]
    # a single article that joined another single article whose story then joined a third
    groups = _absorbed([[portmoor[i]] for i in order] + [museum])
    assert groups == {frozenset(i.article for i in portmoor), frozenset(i.article for i in museum)}
