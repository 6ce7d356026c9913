"""A number "and a half" is one number with its unit ("six and a half kilometres" is 6.5 km).

It was read as "six", a count, and the kilometres were lost (found by the session-9 audit on
an invented story: the ledger showed "≈6 roughly six").
"""

from __future__ import annotations

import pytest

from corroborate.figures.extract import read_quantities


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The new trail is six and a half kilometres long.", 6.5, "km"),
        ("Rescuers searched for two and a half hours.", 2.5, "hours"),
        ("The flood wall is 3 and a half metres high.", 3.5, "metres"),
        ("The families waited one and a half years for a ruling.", 1.5, "years"),
        ("The repairs will cost two and a half million pounds.", 2_500_000.0, "GBP"),
    ],
)
def test_and_a_half_belongs_to_the_number(text: str, value: float, unit: str) -> None:
    [quantity] = read_quantities(text)
    assert (quantity.value, quantity.unit) == (value, unit)
    assert "and a half" in quantity.as_written


def test_a_half_of_something_else_stays_apart() -> None:
    # "and a half-time ..." or "a half" elsewhere is not this number's half
    assert [q.value for q in read_quantities("Six players and a coach left at half-time.")] == [6.0]
