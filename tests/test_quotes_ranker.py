"""Quotes: the learned second look at the rules' speaker (`quotes.ranker`).

Every article here is invented. The shipped weights must load, describe the features the
candidates give, and rank an invented quote's right speaker above a rival; the switch takes
another candidate only when the second stage is sure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from corroborate.nlp import Resources
from corroborate.quotes import candidates, find_quotes
from corroborate.quotes.ranker import WEIGHTS, Linear, Ranker, read_ranker, shipped_ranker
from test_quotes import make
from test_quotes_candidates import TEXTS, each_quote

CASES = [
    *TEXTS,
    (
        "“The pier is sound and the divers found no crack,” harbour engineer Ines Vold said "
        "after Councillor Dale Ferris asked about it.",
        "Ines Vold",
        "Dale Ferris",
    ),
]


def test_the_shipped_weights_load() -> None:
    ranker = shipped_ranker()
    width = len(candidates.FEATURES)
    assert ranker.first.coef.shape == (width - 1,)
    assert ranker.second.coef.shape == (3 * width + 3,)
    assert 0.0 < ranker.threshold < 1.0
    assert candidates.FEATURES[ranker.without] == "rule_choice"


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        read_ranker(path)


def scored(text: str, resources: Resources) -> dict[str, float]:
    """The shipped first stage's probability for each candidate of the article's one quote."""
    ranker = shipped_ranker()
    found: dict[str, float] = {}

    def observe(span: Any, paras: Any, quoted: Any, choice: Any, before: Any, _: Any) -> None:
        listed = candidates.collect(span, paras, quoted, choice, before)
        rows = np.array([candidates.features(c, span, paras, quoted, listed) for c in listed])
        probability = ranker.first.probability(np.delete(rows, ranker.without, axis=1))
        found.update({c.speaker.text: float(p) for c, p in zip(listed, probability, strict=True)})

    each_quote(make(text, "quaytimes"), resources, observe)
    return found


@pytest.mark.parametrize(("text", "right", "rival"), CASES)
def test_the_first_stage_ranks_the_speaker_above_a_rival(
    resources: Resources, text: str, right: str, rival: str
) -> None:
    found = scored(text, resources)
    mine = max(p for said, p in found.items() if right in said)
    theirs = max(p for said, p in found.items() if rival in said)
    assert mine > theirs, found


@pytest.mark.parametrize(("text", "right", "rival"), CASES)
def test_the_ranker_keeps_a_clear_speaker(
    resources: Resources, text: str, right: str, rival: str
) -> None:
    article = make(text, "quaytimes")
    learned = [(q.text, q.speaker) for q in find_quotes([article], resources, learned=True)]
    rules = [(q.text, q.speaker) for q in find_quotes([article], resources)]
    assert learned == rules
    assert [speaker for _, speaker in learned] == [right]


def toy_ranker(threshold: float) -> Ranker:
    """Two features; the first stage likes feature 1; the second stage switches by how much
    more the first stage likes the other candidate."""
    width = 2
    first = Linear(np.zeros(width - 1), np.ones(width - 1), np.array([4.0]), -2.0)
    coef = np.zeros(3 * width + 3)
    coef[-1] = 10.0  # the difference of the two probabilities
    second = Linear(np.zeros(3 * width + 3), np.ones(3 * width + 3), coef, -3.0)
    return Ranker(first, second, 0, threshold)


@pytest.mark.parametrize(
    ("rows", "rule", "threshold", "expected"),
    [
        ([[1.0, 0.0], [0.0, 1.0]], 0, 0.5, 1),  # the other is far likelier: switch
        ([[1.0, 0.0], [0.0, 1.0]], 0, 0.999, None),  # not sure enough
        ([[1.0, 1.0], [0.0, 0.0]], 0, 0.5, None),  # the rules' pick is the likelier
        ([[1.0, 0.0]], 0, 0.0, None),  # nothing to switch to
        ([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], 1, 0.5, 2),  # the best other, not the first
    ],
)
def test_the_switch(
    rows: list[list[float]], rule: int, threshold: float, expected: int | None
) -> None:
    assert toy_ranker(threshold).switch(np.array(rows), rule) == expected
