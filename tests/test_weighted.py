"""`StoryClusterer.weighted` (the second look's centroid weights, the cache checked once) gives
the floats `idf` gives one term at a time, as the corpus grows and the weights' cache renews."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.corpus.cluster import StoryClusterer
from corroborate.corpus.features import ArticleFeatures

terms = st.sampled_from(["@Varga", "@Portmoor", "#2026", "%212", "ferry", "fog", "inquiry"])
articles = st.lists(st.dictionaries(terms, st.floats(0.5, 4.0), min_size=1), max_size=30)


@settings(max_examples=60, deadline=None)
@given(articles, st.dictionaries(terms, st.floats(0.1, 9.0)), st.integers(0, 29))
def test_weighted_is_idf_term_by_term(
    stream: list[dict[str, float]], counts: dict[str, float], when: int
) -> None:
    one, other = StoryClusterer(), StoryClusterer()
    for n, item in enumerate(stream):
        for clusterer in (one, other):
            clusterer.assign(ArticleFeatures(f"a{n}", dict(item), "2026-03-01"))
        if n == when:  # mid-stream, before the cache would be renewed by anything else
            assert one.weighted(counts) == {t: c * other.idf(t) for t, c in counts.items()}
    assert one.weighted(counts) == {t: c * other.idf(t) for t, c in counts.items()}
    assert one.generation == other.generation
