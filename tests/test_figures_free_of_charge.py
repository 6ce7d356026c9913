""" "free" before its noun says what a thing costs, not that people were freed: "more than 60 free
parking spaces" has no outcome (`counted._free_of_charge`), so it meets another outlet's count
of the same spaces instead of being kept apart as a count of people released.

Every sentence is invented (an invented harbour town and fair).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.nlp import Resources
from test_figures import holding, make
from test_figures_part_of_them import mention_at


@pytest.mark.parametrize(
    ("text", "written", "outcome"),
    [
        (
            "The council said there were more than 60 free parking spaces at Wenlow harbour.",
            "60",
            None,
        ),
        ("Organisers handed out 2,000 free tickets for the Carrow fair.", "2,000", None),
        # people freed keep their outcome
        ("Rebels freed 12 hostages near Carrow on Friday.", "12", "released"),
        ("Twelve hostages were set free near Carrow on Friday.", "Twelve", "released"),
    ],
)
def test_free_before_a_noun_is_no_outcome(
    resources: Resources, text: str, written: str, outcome: str | None
) -> None:
    assert mention_at(resources, text, written).subject.outcome == outcome


def test_free_spaces_meet_another_count_of_them(resources: Resources) -> None:
    a = make(
        "The council said there were more than 60 free parking spaces at Wenlow harbour.", "one"
    )
    b = make("There were only 35 parking spaces at Wenlow harbour, residents said.", "two")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "60") is holding(figures, b, "35")
    assert holding(figures, a, "60").status == "conflict"
