"""A duration told in parts is one value (figures/clock.py): "2:14:09" and "two hours, 14
minutes and 9 seconds" are both 8,049 seconds, so two outlets' race times line up, and a time of
day ("at 10:30:15") is no duration.

Every story is invented (an invented runner and race).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.figures.clock import with_clock_times
from corroborate.figures.extract import read_quantities
from corroborate.nlp import Resources
from test_figures import holding, make

PARTS = "two hours 14 minutes 9 seconds"
JOINED = "2 hours, 14 minutes and 9 seconds"


def durations(text: str) -> list[tuple[str, float | None, float]]:
    found = with_clock_times(text, read_quantities(text))
    return [(q.as_written, q.value, q.precision) for q in found if q.unit == "seconds"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She won in 2:14:09 on Sunday.", [("2:14:09", 8049.0, 0.5)]),
        ("He ran 1:58:40.5 in Berlin.", [("1:58:40.5", 7120.5, 0.05)]),
        ("She ran two hours 14 minutes 9 seconds.", [(PARTS, 8049, 0.5)]),
        ("He ran 2 hours, 14 minutes and 9 seconds.", [(JOINED, 8049, 0.5)]),
        # the last part says how precise the whole is: to the half minute
        ("The talks lasted 3 hours 20 minutes.", [("3 hours 20 minutes", 12000.0, 30.0)]),
        # a time of day, a unit out of order, a clause between: no duration in parts
        ("The doors opened at 10:30:15.", []),
        ("The clock read 10:30:15 GMT.", []),
        ("The siege lasted 14 minutes and 3 hours.", []),
        ("The siege lasted 14 hours; 30 minutes of it in the dark.", []),
    ],
)  # fmt: skip
def test_duration_in_parts(text: str, expected: list[tuple[str, float, float]]) -> None:
    assert durations(text) == expected


def test_a_bound_holds_for_the_whole() -> None:
    text = "The rescue took more than two hours 30 minutes."
    (found,) = with_clock_times(text, read_quantities(text))
    assert (found.as_written, found.value, found.low) == (
        "more than two hours 30 minutes",
        9000.0,
        9000.0,
    )


def test_one_race_time_written_two_ways(resources: Resources) -> None:
    a = make("Ines Varga won the Farrow marathon on Sunday in 2:14:09.", "Farrow Post")
    b = make(
        "Varga ran two hours, 14 minutes and 9 seconds to win the Farrow marathon.", "Run Wire"
    )
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, "2:14:09")
    assert figure is holding(figures, b, "two hours, 14 minutes and 9 seconds")
    assert figure.status == "agree"
    # the parts are no figures of their own
    assert figure is holding(figures, b, "9 seconds")
