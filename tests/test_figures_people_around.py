"""A count of people at large and a count of one kind of people ("passengers", "fans") are
consistent where the people are not fewer (`ledger._people_around`): "more than 240 people on
board" may be the "212 passengers" and the crew, so the two are never rivals. Fewer people than
the kind can still be a conflict.

Every sentence is invented (an invented ferry, port and stadium).
"""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from test_figures import assert_apart, assert_together

FERRY = "The Wenlow ferry was carrying 212 passengers when it struck rocks near Carrow."
ON_BOARD = "{} people were on board the Wenlow ferry when it struck rocks near Carrow."
CRUSH = "Police said {} {} were injured in the crush at Carrow stadium."


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (FERRY, ON_BOARD.format("More than 240"), "212", "240"),  # the crew besides
        (CRUSH.format(40, "fans"), CRUSH.format(55, "people"), "40", "55"),  # staff besides
    ],
)
def test_more_people_than_a_kind_are_no_rivals(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (FERRY, ON_BOARD.format("About 150"), "212", "150"),
        (CRUSH.format(60, "fans"), CRUSH.format(45, "people"), "60", "45"),
    ],
)
def test_fewer_people_than_a_kind_still_clash(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_together(resources, first, second, fa, fb, "conflict")
