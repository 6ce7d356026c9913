"""The pair features behind "same fact": word-piece alignment, n-gram overlap, their symmetry.

Sentences are invented (ferries and tolls on the fictional Lake Orrin).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from corroborate.claims.features import (
    FEATURES,
    TOKEN_FEATURES,
    TOKEN_THRESHOLDS,
    facts_of_tokens,
    ngram_features,
    pair_features,
    token_features,
)
from corroborate.embed import MiniLmOnnxEmbedder
from corroborate.nlp import Resources

PAIRS = [
    (
        "The Orrin ferry will stop running on Sunday, the harbour council said.",
        "The harbour council said the Orrin ferry would stop on Sunday.",
    ),
    (
        "Tolls on the Marren bridge rose 12 percent in March.",
        "Tolls on the Marren bridge rose 12 percent in March, and the council plans another rise.",
    ),
    ("Captain Ilsa Brenner closed the north quay.", "Fishing boats returned to Port Vell."),
]
_SIMILARITY = arrays(
    np.float32,
    st.tuples(st.integers(1, 6), st.integers(1, 6)),
    elements=st.floats(-1, 1, width=32),
)


@pytest.fixture(scope="module")
def minilm() -> MiniLmOnnxEmbedder:
    return MiniLmOnnxEmbedder()


def _feature(values: list[float], name: str) -> float:
    """A named value from `token_features` or from the whole `pair_features` row."""
    names = FEATURES if len(values) == len(FEATURES) else TOKEN_FEATURES
    return values[names.index(name)]


@given(_SIMILARITY)
def test_token_features_do_not_depend_on_which_sentence_comes_first(
    similarity: np.ndarray,
) -> None:
    assert np.allclose(token_features(similarity), token_features(similarity.T))


@pytest.mark.parametrize("extra", [0, 1, 3])
def test_pieces_with_no_counterpart_are_counted_unaligned(extra: int) -> None:
    """Four pieces matched one to one; the longer sentence adds `extra` pieces that match
    nothing (the "one sentence adds a clause" pattern)."""
    similarity = np.zeros((4 + extra, 4), dtype=np.float32)
    similarity[np.arange(4), np.arange(4)] = 1.0
    values = token_features(similarity)
    for threshold in TOKEN_THRESHOLDS:
        assert _feature(values, f"unaligned_count_max_{threshold}") == extra
        assert _feature(values, f"unaligned_count_min_{threshold}") == 0
        assert _feature(values, f"unaligned_share_max_{threshold}") == pytest.approx(
            extra / (4 + extra)
        )
    assert _feature(values, "token_recall_max") == 1.0
    assert _feature(values, "token_recall_min") == pytest.approx(4 / (4 + extra))


def test_an_empty_sentence_gives_zero_token_features() -> None:
    assert token_features(np.zeros((0, 3), dtype=np.float32)) == [0.0] * len(TOKEN_FEATURES)


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_pair_features_do_not_depend_on_order(
    first: str, second: str, resources: Resources, minilm: MiniLmOnnxEmbedder
) -> None:
    """The aligner scores each pair once, in whatever order its units come: the features (and
    so the decision) must be the same either way, with token vectors and without."""
    nlp = resources.spacy()
    a, b = facts_of_tokens(nlp(first)), facts_of_tokens(nlp(second))
    vectors, tokens = minilm.embed_tokens([first, second])
    cosine = float(vectors[0] @ vectors[1])
    for pieces in ((tokens[0], tokens[1]), None):
        forward = pair_features(a, b, cosine, pieces)
        backward = pair_features(b, a, cosine, None if pieces is None else pieces[::-1])
        assert len(forward) == len(FEATURES)
        assert np.allclose(forward, backward, atol=1e-6)


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_sentence_matches_itself_fully(first: str, second: str, resources: Resources) -> None:
    nlp = resources.spacy()
    for text in (first, second):
        facts = facts_of_tokens(nlp(text))
        assert ngram_features(facts, facts) == [1.0] * 4
        values = pair_features(facts, facts, 1.0)  # no token vectors: words align to themselves
        assert _feature(values, "token_f") == 1.0
        assert _feature(values, "unaligned_count_max_0.8") == 0


def test_ngram_overlap_falls_with_longer_ngrams_for_a_reworded_sentence(
    resources: Resources,
) -> None:
    nlp = resources.spacy()
    first, second = PAIRS[0]
    values = ngram_features(facts_of_tokens(nlp(first)), facts_of_tokens(nlp(second)))
    assert values == sorted(values, reverse=True)
    assert values[0] > 0.5 > values[-1]
