"""The shipped same-fact pair model: its file, its checksum, its per-word weights.

Sentences here are invented (a ferry service on the fictional Lake Orrin).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.claims.features import FEATURES, THRESHOLD, facts_of_tokens, pair_features
from corroborate.claims.features import same_fact as same_fact_probability
from corroborate.claims.pair_model import MODEL_FILE, PairModel, load_model, shipped_model
from corroborate.errors import ModelLoadError
from corroborate.nlp import Resources

_WORDS = st.text(alphabet="abcdefgh,.-", min_size=1, max_size=6)
_WEIGHT = st.floats(min_value=-5, max_value=5, allow_nan=False)


def test_shipped_model_matches_the_features() -> None:
    """One weight per feature; the word evidence enters with weight 1, as it was fitted."""
    model = shipped_model()
    assert model.weights.shape == (len(FEATURES),)
    assert FEATURES[-1] == "word_evidence"
    assert model.weights[-1] == 1.0
    assert model.words  # the word part was fitted
    assert np.isfinite(model.weights).all()


def test_damaged_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "pair_model.json"
    copy.write_bytes(MODEL_FILE.read_bytes().replace(b'"bias"', b'"bias" ', 1))
    with pytest.raises(ModelLoadError, match=r"pair_model\.json: sha256 .* differs"):
        load_model(copy, shipped_model_sha())
    with pytest.raises(ModelLoadError, match="not found"):
        load_model(tmp_path / "missing.json", None)


def shipped_model_sha() -> str:
    from corroborate.claims import pair_model

    return pair_model.MODEL_SHA256


@given(
    st.dictionaries(_WORDS, st.tuples(_WEIGHT, _WEIGHT), max_size=8),
    st.lists(_WEIGHT, min_size=1, max_size=5),
    _WEIGHT,
)
def test_json_round_trip(
    words: dict[str, tuple[float, float]], weights: list[float], bias: float
) -> None:
    model = PairModel(np.array(weights), bias, words)
    back = PairModel.from_json(model.to_json({"note": "test"}))
    assert back.weights == pytest.approx(model.weights, abs=1e-5)
    assert back.bias == pytest.approx(bias, abs=1e-5)
    assert set(back.words) == set(words)
    for word, (one, both) in words.items():
        assert back.words[word] == pytest.approx((one, both), abs=1e-4)


@given(
    st.dictionaries(_WORDS, st.tuples(_WEIGHT, _WEIGHT), max_size=8),
    st.frozensets(_WORDS, max_size=6),
    st.frozensets(_WORDS, max_size=6),
)
def test_word_evidence(
    words: dict[str, tuple[float, float]], a: frozenset[str], b: frozenset[str]
) -> None:
    """Symmetric; only known words count, each once: "both" weight if shared, else "one"."""
    model = PairModel(np.zeros(1), 0.0, words)
    expected = sum(words[w][1] if w in a and w in b else words[w][0] for w in (a | b) if w in words)
    assert model.evidence(a, b) == pytest.approx(expected)
    assert model.evidence(a, b) == pytest.approx(model.evidence(b, a))
    assert model.evidence(frozenset(), frozenset()) == 0.0


@pytest.mark.parametrize("delta", [-2.0, -0.5, 0.5, 2.0])
def test_word_evidence_moves_the_decision_its_way(delta: float) -> None:
    row = np.zeros((1, len(FEATURES)))
    more = row.copy()
    more[0, -1] += delta
    before, after = same_fact_probability(row)[0], same_fact_probability(more)[0]
    assert (after > before) == (delta > 0)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "The ferry service across Lake Orrin will resume on Monday, the operator said.",
            "The operator said the ferry service across Lake Orrin would resume on Monday.",
            True,
        ),
        (
            "The ferry service across Lake Orrin will resume on Monday.",
            "The ferry service across Lake Orrin will resume on Monday and fares will rise "
            "by a third, while the night crossing is cut for good.",
            False,
        ),
    ],
)
def test_pair_decision(first: str, second: str, same: bool, resources: Resources) -> None:
    """A restatement with a different attribution is the same fact; a sentence that adds two
    more facts is not (the model weighs an unshared "and" / "while" against it)."""
    nlp = resources.spacy()
    a, b = facts_of_tokens(nlp(first)), facts_of_tokens(nlp(second))
    embedder = resources.embedder()
    assert hasattr(embedder, "embed_tokens")
    vectors, tokens = embedder.embed_tokens([first, second])
    row = pair_features(a, b, float(vectors[0] @ vectors[1]), (tokens[0], tokens[1]))
    assert row[-1] == pytest.approx(shipped_model().evidence(a.all_lemmas, b.all_lemmas))
    probability = same_fact_probability(np.array([row]))[0]
    assert (probability >= THRESHOLD) == same
