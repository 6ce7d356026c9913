"""People "treated" by paramedics or medics are counted as hurt (`words.OUTCOMES`): "37 people
were treated by paramedics" and another outlet's "more than 50 people were injured" count one
thing, a conflict, where the first had no outcome and could never be the second's rival.

Every sentence is invented (an invented stadium).
"""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from test_figures import assert_together
from test_figures_part_of_them import mention_at


@pytest.mark.parametrize(
    ("text", "written", "outcome"),
    [
        ("A total of 37 people were treated by paramedics at Carrow stadium.", "37", "injured"),
        ("Medics treated 140 fans at Carrow stadium for cuts and bruises.", "140", "injured"),
        ("Police said 52 people were injured at Carrow stadium.", "52", "injured"),  # as before
        ("About 7,400 people are waiting for treatment at Carrow hospital.", "7,400", None),
    ],
)
def test_treated_are_hurt(resources: Resources, text: str, written: str, outcome: str) -> None:
    assert mention_at(resources, text, written).subject.outcome == outcome


def test_treated_against_injured_is_a_conflict(resources: Resources) -> None:
    assert_together(
        resources,
        "A total of 37 people were treated by paramedics at Carrow stadium, police said.",
        "More than 50 people were injured at Carrow stadium, the health board said.",
        "37",
        "50",
        "conflict",
    )
