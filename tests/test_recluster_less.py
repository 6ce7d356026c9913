"""A story scored without one of its articles, from the story's own weights and lengths.

Re-clustering and the end-of-run look score an article against its story less its own counts;
`similarity_less` does that from the story's prepared vector in the article's terms only. It
must agree with building the reduced story and scoring it the plain way.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.corpus.recluster import prepare_vector, similarity_less, vector_similarity
from corroborate.corpus.scoring import ClusterSettings

# a few terms of each kind: names, years, numbers and words
TERMS = ["@varga", "@portmoor", "@kestrel bay", "#2024", "#2019", "%212", "%7.3", "ferry", "fog"]
weights = st.dictionaries(st.sampled_from(TERMS), st.floats(0.1, 5.0), min_size=1)


def _reduced(story: dict[str, float], less: dict[str, float]) -> dict[str, float]:
    rest = {t: w - less.get(t, 0.0) for t, w in story.items()}
    return {t: w for t, w in rest.items() if w > 0}


@given(article=weights, own=weights, others=weights)
def test_similarity_less_equals_scoring_the_reduced_story(
    article: dict[str, float], own: dict[str, float], others: dict[str, float]
) -> None:
    # A story's weights are its articles' summed: one article's (`own`) plus the others'.
    # (The others' weights are at least 0.1, as counts of 1 or more times a term weight: the
    # subtraction then never cancels to a residue that floats would blur.)
    story = {t: own.get(t, 0.0) + others.get(t, 0.0) for t in own.keys() | others.keys()}
    expected = vector_similarity(
        prepare_vector(article), prepare_vector(_reduced(story, own)), ClusterSettings()
    )
    found = similarity_less(prepare_vector(article), prepare_vector(story), own, ClusterSettings())
    assert math.isclose(found, expected, rel_tol=1e-9, abs_tol=1e-9)


@pytest.mark.parametrize("share", [0.0, 0.5])
def test_nothing_taken_away_is_the_plain_similarity(share: float) -> None:
    article = {"@varga": 1.0, "ferry": 0.5, "#2024": 0.7}
    story = {"@varga": 3.0, "@portmoor": 2.0, "ferry": 1.5, "fog": 1.0, "#2024": 2.0}
    less = {"@kestrel bay": 1.0} if share == 0.0 else {t: w * share for t, w in story.items()}
    plain = vector_similarity(
        prepare_vector(article), prepare_vector(_reduced(story, less)), ClusterSettings()
    )
    found = similarity_less(prepare_vector(article), prepare_vector(story), less, ClusterSettings())
    assert math.isclose(found, plain, rel_tol=1e-9)
