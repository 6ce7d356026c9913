"""The learned figure decision (figures/learned.py): the shipped weights load, the padded trees
score as a tree walk does, and the judged ledger decides invented pairs.

Every sentence is invented (invented towns, councils, ferries and breweries).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.figures import build_ledger
from corroborate.figures.learned import (
    FEATURES,
    MODEL_FILE,
    PairJudge,
    PairModel,
    Trees,
    shipped_model,
)
from corroborate.nlp import Resources
from corroborate.records import Figure
from test_figures import holding, make


def test_shipped_weights_load() -> None:
    model = shipped_model()
    assert model.features == FEATURES
    for head in (model.agreeing, model.differing):
        width = head.feature.shape[1]
        assert head.leaf.shape == (head.feature.shape[0], width + 1)
        assert head.feature.max() < len(FEATURES)
    assert 0.0 < model.agree_threshold < 1.0
    assert 0.0 < model.differ_threshold < 1.0


def test_weights_round_trip() -> None:
    model = shipped_model()
    again = PairModel.from_json(json.loads(json.dumps(model.to_json())))
    vector = np.linspace(0.0, 1.0, len(FEATURES))
    for agree in (True, False):
        assert again.probability(vector, agree) == model.probability(vector, agree)


def test_other_features_refused() -> None:
    data = json.loads(MODEL_FILE.read_text())
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="refit"):
        PairModel.from_json(data)


def _walk(trees: Trees, x: np.ndarray) -> float:
    """One tree at a time, node by node: what `Trees.score` computes with arrays."""
    total = 0.0
    inner = trees.feature.shape[1]
    for t in range(trees.feature.shape[0]):
        node = 0
        while node < inner:
            right = x[trees.feature[t, node]] > trees.threshold[t, node]
            node = 2 * node + 1 + int(right)
        total += trees.leaf[t, node - inner]
    return trees.init + trees.rate * total


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-3.0, 3.0), min_size=len(FEATURES), max_size=len(FEATURES)))
def test_array_trees_match_a_walk(values: list[float]) -> None:
    x = np.asarray(values)
    x[0] = 1.0  # the bias column, which padded nodes split on
    for head in (shipped_model().agreeing, shipped_model().differing):
        assert head.score(x) == pytest.approx(_walk(head, x))
    assert 0.0 <= shipped_model().probability(x, True) <= 1.0


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "same"),
    [
        (  # one amount told twice
            "Brenfield council will spend £4.2m on new flood defences.",
            "The council in Brenfield is spending £4.2m on flood defences.",
            "£4.2m",
            "£4.2m",
            True,
        ),
        (  # one toll told twice
            "Twelve people died when the Marlow ferry caught fire on Sunday.",
            "The Marlow ferry fire on Sunday killed 12 people.",
            "Twelve",
            "12",
            True,
        ),
        (  # two things of two towns that share nothing
            "The Dunmore brewery employs 480 people.",
            "Kestwick library lent 480 books in March.",
            "480",
            "480",
            False,
        ),
    ],
)
def test_judged_ledger_decides_invented_pairs(
    resources: Resources, first: str, second: str, fa: str, fb: str, same: bool
) -> None:
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources, judge=True)
    together = holding(figures, a, fa) is holding(figures, b, fb)
    assert together == same
    assert all(f.status != "conflict" for f in figures)


def test_nothing_shared_is_never_one(resources: Resources) -> None:
    a = make("The Dunmore brewery employs 480 people.", "one")
    b = make("Kestwick library lent 480 books in March.", "two")
    from corroborate.figures import story_mentions

    mentions, topic = story_mentions([a, b], resources)
    judge = PairJudge(shipped_model(), resources.embedder().embed)
    judge.prepare(mentions)
    first = next(m for m in mentions if m.article is a)
    second = next(m for m in mentions if m.article is b)
    assert judge.probability(first, second, topic) == 0.0


def test_one_judge_serves_many_ledgers(resources: Resources) -> None:
    """A judge passed to several ledgers decides each as a fresh one would (its pair cache is
    keyed by mention ids, which later ledgers may reuse)."""
    texts = [
        ("Brenfield council will spend £4.2m on flood defences.", "Brenfield is spending £4.2m."),
        ("The Dunmore brewery employs 480 people.", "Some 520 people work at the brewery."),
        ("Twelve people died in the Marlow fire.", "The Marlow fire killed 15 people."),
    ]
    shared = PairJudge(shipped_model(), resources.embedder().embed)
    for first, second in texts * 2:
        a, b = make(first, "one"), make(second, "two")
        reused = build_ledger([a, b], resources, shared)
        fresh = build_ledger([a, b], resources, True)
        assert [(f.status, len(f.values)) for f in reused] == [
            (f.status, len(f.values)) for f in fresh
        ]


@pytest.mark.parametrize("learned", [False, True])
def test_default_follows_the_switch(
    resources: Resources, monkeypatch: pytest.MonkeyPatch, learned: bool
) -> None:
    """`build_ledger` without a judge decides as `LEARNED_DEFAULT` says."""
    import corroborate.figures as figures

    monkeypatch.setattr(figures, "LEARNED_DEFAULT", learned)
    a = make("The Dunmore brewery employs 480 people.", "one")
    b = make("Some 520 people work at the Dunmore brewery.", "two")

    def shape(found: list[Figure]) -> list[tuple[str, int]]:
        return [(f.status, len(f.values)) for f in found]

    assert shape(build_ledger([a, b], resources)) == shape(build_ledger([a, b], resources, learned))
