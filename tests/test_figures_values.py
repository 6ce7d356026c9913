"""`figures.values.values_agree`: two written values agree within their precision.

The public test other stages call (claims.disputes); here the rounding of scaled numbers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.figures import read_quantities
from corroborate.figures.extract import Quantity
from corroborate.figures.values import values_agree


def _one(text: str) -> Quantity:
    (quantity,) = read_quantities(text)
    return quantity


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("$735.7bn", "$736bn", True),  # a whole number of billions is read to its last digit
        ("£42.4m", "£42m", True),
        ("£42.6m", "£42m", False),  # rounds to £43m
        ("$12.4bn", "$12bn", True),
        ("about $1tn", "$1.2tn", True),  # "about" a coarse trillion
        ("$1tn", "$1.4tn", False),  # a round trillion is not read as 0.5-1.5 trillion
        ("about $1tn", "$1.6tn", False),
        ("3 billion", "3.4 billion", False),  # never looser than a tenth of itself
        ("3 billion", "3.2 billion", True),
        ("€2.5bn", "3 billion euros", False),  # on the edge of a round figure
        ("£60m", "£55m", False),
        ("£2.5 million", "£2,500,000", True),
    ],
)
def test_scaled_numbers_agree_within_their_precision(first: str, second: str, agree: bool) -> None:
    a, b = _one(first), _one(second)
    assert values_agree(a, b) is agree
    assert values_agree(b, a) is agree


@given(
    whole=st.integers(min_value=1, max_value=999),
    tenths=st.integers(min_value=0, max_value=9),
    scale=st.sampled_from(["m", "bn"]),
)
def test_a_finer_figure_agrees_with_its_rounding(whole: int, tenths: int, scale: str) -> None:
    """ "$W.Tbn" rounded to the whole billion it is nearest agrees with it, when that rounding
    stays within a tenth of the figure."""
    fine = _one(f"${whole}.{tenths}{scale}")
    near = whole + (1 if tenths >= 5 else 0)
    coarse = _one(f"${near}{scale}")
    gap = abs(near - (whole + tenths / 10))
    if gap < min(0.5, 0.1 * near) * 0.999:
        assert values_agree(fine, coarse)
        assert values_agree(coarse, fine)


@given(st.integers(min_value=1, max_value=99_999), st.sampled_from(["", "%", "m", "bn"]))
def test_a_value_agrees_with_itself(value: int, suffix: str) -> None:
    text = f"${value:,}{suffix}" if suffix in ("m", "bn") else f"{value:,}{suffix}"
    assert values_agree(_one(text), _one(text))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("The package is worth $1 trillion.", 0.5e12),  # clamped to 0.1tn in `precision`
        ("a deficit of $736bn", 0.5e9),
        ("a deficit of $735.7bn", 0.05e9),
        ("a budget of Rs 12 crore", 0.5e7),
        ("a $4.5-million fine", 0.05e6),
        ("three billion dollars", None),  # words: read as the stage reads them
        ("12,000 people", None),  # no scale word
        ("65p a litre", None),
    ],
)
def test_the_written_precision_is_the_last_digit_unclamped(
    text: str, written: float | None
) -> None:
    (quantity,) = read_quantities(text)
    if written is None:
        assert quantity.written_precision is None
    else:
        assert quantity.written_precision == pytest.approx(written)
        assert quantity.precision <= quantity.written_precision
