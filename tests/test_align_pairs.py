"""Claim alignment's pair scores (`score_pairs`): only pairs that share a content word (by
spelling or by meaning, `wordmeaning`) or a distinctive figure are scored, and units alike in
everything the features read are scored once per pair of kinds; the scores must be those of
scoring every close pair of different articles on its own (the plain rule), with pairs that
share only names at 0.

The invented stories repeat a wire passage word for word in several outlets (the case the
kinds are for) beside their own wordings, and pair sentences that share only names."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from corroborate.claims.align import (
    CANDIDATE_COSINE,
    Unit,
    attach_word_vectors,
    score_pairs,
    sentence_units,
)
from corroborate.claims.apart import distinctive_figures, same_figure
from corroborate.claims.blocked import Cosines
from corroborate.claims.features import pair_features, same_fact
from corroborate.claims.wordmeaning import share_meaning
from corroborate.embed import token_vectors_of
from corroborate.nlp import Resources
from test_claims import article

WIRE = (
    "Engineers closed the Tarrow Viaduct on Friday after inspectors found cracks in two "
    "support girders. The regional transport office said repairs would take at least six weeks."
)
STORIES = {
    "viaduct": [
        [WIRE, "Commuters queued for buses at dawn as the Tarrow Viaduct stayed shut."],
        [WIRE, "Mayor Ilse Brandt said the closure would cost shops near the viaduct dearly."],
        [
            "Inspectors found cracks in two girders of the Tarrow Viaduct, which engineers "
            "closed on Friday.",
            "Repairs will take six weeks or more, the transport office said.",
        ],
        [WIRE],
    ],
    "names only": [
        ["John Smith and Mary Jones visited London and Paris."],
        ["Mary Jones thanked John Smith warmly in London and Paris."],
        ["In Paris, John Smith greeted Mary Jones of London."],
    ],
}


def _units(story: str, resources: Resources) -> tuple[list[Unit], np.ndarray, list[np.ndarray]]:
    articles = [article(f"{story[:4]}{n}", texts) for n, texts in enumerate(STORIES[story])]
    units = sentence_units(articles, resources)
    with_tokens = token_vectors_of(resources.embedder())
    assert with_tokens is not None, "the shipped embedder gives token vectors"
    vectors, tokens = with_tokens.embed_tokens([u.text for u in units])
    attach_word_vectors(units, tokens, resources)
    return units, vectors, tokens


def _plain(units: list[Unit], vectors: np.ndarray, tokens: list[np.ndarray]) -> np.ndarray:
    """Every close pair of different articles scored alone; pairs sharing only names 0."""
    scores = np.zeros((len(units), len(units)))
    cosines = np.asarray(Cosines(vectors))  # alignment's cosines (float64 rounded to float32)
    for i, j in combinations(range(len(units)), 2):
        a, b = units[i].facts, units[j].facts
        cosine = float(cosines[i, j])
        if units[i].article.id == units[j].article.id or cosine < CANDIDATE_COSINE:
            continue
        figures = distinctive_figures(a), distinctive_figures(b)
        if not (
            (a.lemmas - a.entities) & (b.lemmas - b.entities)
            or same_figure(*figures)
            or share_meaning(units[i].word_vectors, units[j].word_vectors)
        ):
            continue
        row = pair_features(a, b, cosine, (tokens[i], tokens[j]))
        scores[i, j] = scores[j, i] = float(same_fact(np.array([row]))[0])
    return scores


@pytest.mark.parametrize("story", sorted(STORIES))
def test_pair_scores_are_the_plain_rule(story: str, resources: Resources) -> None:
    units, vectors, tokens = _units(story, resources)
    found = np.asarray(score_pairs(units, vectors, tokens))
    plain = _plain(units, vectors, tokens)
    assert (found > 0).sum() == (plain > 0).sum()
    # the model's product over many rows differs from one row's in the last bits only
    assert np.allclose(found, plain, rtol=0, atol=1e-12)
    assert np.array_equal(found, found.T)


def test_repeated_wire_sentences_score_alike(resources: Resources) -> None:
    """Two units alike in all the features read score exactly the same against a partner
    at the same cosine (scored once, they can no longer differ in the last bits)."""
    units, vectors, tokens = _units("viaduct", resources)
    found = np.asarray(score_pairs(units, vectors, tokens))
    cosines = np.asarray(Cosines(vectors))
    compared = 0
    for i, k in combinations(range(len(units)), 2):
        alike = units[i].facts == units[k].facts and units[i].text in WIRE
        alike = alike and vectors[i].tobytes() == vectors[k].tobytes()
        if not alike or tokens[i].tobytes() != tokens[k].tobytes():
            continue
        for partner, unit in enumerate(units):
            owners = {units[i].article.id, units[k].article.id}
            # the pair's features are read in index order (a, b): both with the partner first,
            # or both with it second
            same_side = (partner < i) == (partner < k)
            if (
                unit.article.id not in owners
                and same_side
                and cosines[i, partner] == cosines[k, partner]
            ):
                assert found[i, partner] == found[k, partner]
                compared += found[i, partner] > 0
    assert compared, "no repeated sentence was scored: the fixture tests nothing"


def test_pairs_sharing_only_names_score_zero(resources: Resources) -> None:
    units, vectors, tokens = _units("names only", resources)
    found = np.asarray(score_pairs(units, vectors, tokens))
    cosines = np.asarray(Cosines(vectors))
    close = 0
    for i, j in combinations(range(len(units)), 2):
        a, b = units[i].facts, units[j].facts
        if not (a.lemmas - a.entities) & (b.lemmas - b.entities):
            assert found[i, j] == 0.0
            close += cosines[i, j] >= CANDIDATE_COSINE
    assert close, "no close pair shares only names: the fixture tests nothing"
