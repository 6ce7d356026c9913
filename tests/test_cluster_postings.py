"""The candidate index after stories are taken out: a clusterer loaded from a store searches
its loaded postings by bisection (`_drop_sorted`) and must leave exactly the postings that the
plain first-match scan (`drop_first`) leaves, whatever the mix of removals, rebuilds and new
stories that follows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.corpus import cluster
from corroborate.corpus.cluster import StoryClusterer, StoryState
from corroborate.corpus.features import ArticleFeatures

# Invented terms: a few common ones that most stories hold (long postings), many rare ones.
COMMON = [f"harbour{i}" for i in range(4)] + ["@Velmora Port Authority", "#2031"]
RARE = [f"ferry{i}" for i in range(40)]


def _story(index: int, terms: list[str]) -> StoryState:
    return StoryState(id=f"s-{index:04d}", counts={t: 1.0 for t in terms}, size=1)


def _loaded(stories: list[StoryState], *, ascending: bool) -> StoryClusterer:
    clusterer = StoryClusterer()
    clusterer.load([StoryState(s.id, dict(s.counts), s.size) for s in stories], {}, len(stories))
    if not ascending:
        clusterer._ascending = {}  # the reference: every removal scans with `drop_first`
    return clusterer


def _postings(clusterer: StoryClusterer) -> dict[str, list[int]]:
    return {term: list(numbers) for term, numbers in clusterer._numbers.items()}


story_terms = st.lists(st.sampled_from(COMMON + RARE), min_size=1, max_size=8, unique=True)
# (0, i): remove the i-th live story; (1, i): rebuild it from new articles (it is posted
# again at the end); (2, i): a new story founded by an article
steps = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000), story_terms), max_size=60)


@pytest.mark.parametrize("ascending_from", [2, 32])
@settings(max_examples=60, deadline=None)
@given(stories=st.lists(story_terms, min_size=1, max_size=80), ops=steps)
def test_removals_leave_the_postings_a_scan_leaves(
    ascending_from: int, stories: list[list[str]], ops: list[tuple[int, int, list[str]]]
) -> None:
    loaded = [_story(i, terms) for i, terms in enumerate(stories)]
    kept, cluster.ASCENDING_FROM = cluster.ASCENDING_FROM, ascending_from
    try:
        fast, plain = _loaded(loaded, ascending=True), _loaded(loaded, ascending=False)
    finally:
        cluster.ASCENDING_FROM = kept
    for step, (op, pick, terms) in enumerate(ops):
        live = sorted(fast.stories)
        assert live == sorted(plain.stories)
        if op == 2 or not live:
            item = ArticleFeatures(f"new-{step}", {t: 2.0 for t in terms}, None, None)
            for clusterer in (fast, plain):
                clusterer.assign(item)
        elif op == 0:
            for clusterer in (fast, plain):
                clusterer.remove_story(live[pick % len(live)])
        else:
            item = ArticleFeatures(f"again-{step}", {t: 1.0 for t in terms}, None, None)
            for clusterer in (fast, plain):
                clusterer.rebuild_story(live[pick % len(live)], [item])
        assert _postings(fast) == _postings(plain)


def test_a_loaded_store_searches_its_long_postings_by_bisection() -> None:
    """The fixture reaches the bisection: the common terms' postings are long enough, and a
    removal there keeps the ascending part counted right."""
    loaded = [_story(i, [*COMMON[:2], RARE[i % len(RARE)]]) for i in range(100)]
    fast, plain = _loaded(loaded, ascending=True), _loaded(loaded, ascending=False)
    assert set(fast._ascending) == set(COMMON[:2])
    assert fast._ascending[COMMON[0]] == 100
    for story_id in ["s-0050", "s-0000", "s-0099", "s-0051"]:
        fast.remove_story(story_id)
        plain.remove_story(story_id)
    assert fast._ascending[COMMON[0]] == 96
    assert _postings(fast) == _postings(plain)


def test_a_clusterer_that_was_not_empty_keeps_the_plain_scan() -> None:
    """Stories loaded into a clusterer that already holds postings need not ascend."""
    clusterer = StoryClusterer()
    clusterer.assign(ArticleFeatures("first", {t: 1.0 for t in COMMON}, None, None))
    clusterer.load([_story(i, COMMON) for i in range(40)], {}, 40)
    assert clusterer._ascending == {}
