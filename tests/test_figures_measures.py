"""One reading of one named thing told with two verbs (session 6, `alike.one_named_measure`):
"Storm Edda brought gusts of 140 km/h to Wexford Bay" and "gusts reached 155 km/h in Wexford
Bay" are rivals; a part of the thing, a low against a high, or a change are never a conflict.

Every sentence is invented (invented storms, rivers, bridges and towns).
"""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from test_figures import assert_apart, assert_one_figure

ONE_READING = [
    (
        "Storm Orla brought gusts of 140 km/h to Kessock Bay.",
        "Gusts reached 165 km/h in Kessock Bay during Storm Orla.",
        "140 km/h",
        "165 km/h",
    ),
    (
        "Hurricane Tamsin brought winds of 190 km/h to the Perrow coast.",
        "Hurricane Tamsin hit the Perrow coast with winds of 240 km/h.",
        "190 km/h",
        "240 km/h",
    ),
    (
        "The Allen river peaked at 4.8 metres in Dunsford on Monday.",
        "The river in Dunsford reached a peak of 5.6m on Monday.",
        "4.8 metres",
        "5.6m",
    ),
]


@pytest.mark.parametrize(("first", "second", "fa", "fb"), ONE_READING)
def test_one_reading_told_with_two_verbs_is_one_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # a part of the named thing, which the other side never names
            "The Corran Bridge stretches 2.1 km over the Sele.",
            "The Corran Bridge's main span stretches 640 m over the Sele.",
            "2.1 km",
            "640 m",
        ),
        (  # a day's low is not its high
            "Temperatures in Ballater hit 31C on Friday.",
            "Ballater recorded a low of 12C on Friday.",
            "31C",
            "12C",
        ),
        (  # a change against a level
            "The Allen river rose 1.2 metres in Dunsford on Monday.",
            "The river in Dunsford reached a peak of 5.6m on Monday.",
            "1.2 metres",
            "5.6m",
        ),
        (  # two places
            "Storm Orla brought gusts of 140 km/h to Kessock Bay.",
            "Gusts reached 165 km/h in Ardmore during Storm Orla.",
            "140 km/h",
            "165 km/h",
        ),
    ],
)
def test_parts_kinds_and_changes_are_never_a_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)
