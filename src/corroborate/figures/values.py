"""Whether two written values can be the same value, given their precision and markers.

`values_agree` is the one test every stage uses ("2.3%" and "2.33%" agree; "north of three
percent" and "exceeding 3%" agree; "at least 20" and "28" agree): two values agree when the
intervals they stand for overlap. 2.3 means 2.25-2.35, "about 2.3" adds a tenth either side,
"at least 20" is 20 and up, "between 10 and 12" is 10-12. Units of one dimension are compared
in one unit ("2.5 tonnes" and "2,500 kg").
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from corroborate.figures.extract import Quantity

APPROXIMATE_SHARE = 0.1  # "about 40" covers 36-44
EDGE_SHARE = 0.02  # a value on the rounding edge of another agrees only this close to it
# "As many as 20,000" is an estimate that reaches 20,000, not any number below it: it covers
# half of that and up, so it cannot agree with an unrelated count of 4,500.
ESTIMATE_CEILINGS = ("up to", "as many as", "as much as", "as high as", "a maximum of")
ESTIMATE_FLOOR = 0.5
# "More than 3,000 homes" is not 26,000 homes: a floor reaches three times itself at most.
FLOOR_REACH = 3.0


def interval(quantity: Quantity) -> tuple[float, float]:
    """The values a written figure stands for, given its precision, bound and approximation."""
    slack = quantity.precision * 0.999
    if quantity.value is None:
        low = quantity.low if quantity.low is not None else -math.inf
        high = quantity.high if quantity.high is not None else math.inf
        return low - slack, high + slack
    value = quantity.value
    spread = abs(value) * APPROXIMATE_SHARE if quantity.approximate else 0.0
    if quantity.low is not None:
        if quantity.approximate:
            return value - slack, value + spread + slack
        return value - slack, (value * FLOOR_REACH + slack) if value > 0 else math.inf
    if quantity.high is not None:
        if quantity.approximate:
            return value - spread - slack, value + slack
        if quantity.as_written.lower().startswith(ESTIMATE_CEILINGS):
            return value * ESTIMATE_FLOOR - slack, value + slack
        return -math.inf, value + slack
    return value - spread - slack, value + spread + slack


# Units of one dimension, with their size in a base unit: "2.5 tonnes" and "2,500 kg" agree.
UNIT_SCALE: dict[str, tuple[str, float]] = {
    "mm": ("length", 0.001), "cm": ("length", 0.01), "metres": ("length", 1.0),
    "km": ("length", 1000.0), "miles": ("length", 1609.344), "feet": ("length", 0.3048),
    "inches": ("length", 0.0254), "grams": ("mass", 0.001), "kg": ("mass", 1.0),
    "tonnes": ("mass", 1000.0), "mg": ("mass", 1e-6), "ml": ("volume", 0.001),
    "hectares": ("area", 1e4), "acres": ("area", 4046.86),
    "km2": ("area", 1e6), "square miles": ("area", 2.59e6), "litres": ("volume", 1.0),
    "cubic metres": ("volume", 1000.0),
}  # fmt: skip


# Metric units convert without the slips of metric against imperial: "1.5 tonnes" and "400kg"
# can be rivals.
METRIC = frozenset(
    {"mm", "cm", "metres", "km", "grams", "kg", "tonnes", "litres", "km2", "mg", "ml"}
)

# Spans of time in seconds (a month a twelfth of a year), so "90 minutes" and "an hour and a
# half", "six months" and "half a year" agree. Only for agreeing: spans in two units are not
# one dimension to `same_dimension`, so "two years" against "18 months" is two figures, never
# a conflict (a sentence and a delay are told in the unit they were set in).
SPAN_SECONDS = {
    "seconds": 1.0, "minutes": 60.0, "hours": 3600.0, "days": 86400.0, "weeks": 604800.0,
    "months": 31557600.0 / 12, "years": 31557600.0, "decades": 315576000.0,
}  # fmt: skip


def same_dimension(a: Quantity, b: Quantity) -> bool:
    if a.unit == b.unit:
        return True
    one, other = UNIT_SCALE.get(a.unit), UNIT_SCALE.get(b.unit)
    return one is not None and other is not None and one[0] == other[0]


def _in_unit(quantity: Quantity, unit: str) -> Quantity:
    """The quantity restated in another unit of its dimension."""
    return _scaled(quantity, unit, UNIT_SCALE[quantity.unit][1] / UNIT_SCALE[unit][1])


def _scaled(quantity: Quantity, unit: str, factor: float) -> Quantity:
    def scale(x: float | None) -> float | None:
        return None if x is None else x * factor

    return replace(
        quantity,
        unit=unit,
        value=scale(quantity.value),
        low=scale(quantity.low),
        high=scale(quantity.high),
        precision=quantity.precision * factor,
    )


def _in_seconds(quantity: Quantity) -> Quantity:
    return _scaled(quantity, "seconds", SPAN_SECONDS[quantity.unit])


def values_agree(a: Quantity, b: Quantity) -> bool:
    if a.unit != b.unit and not _dollars(a, b):
        if a.unit in SPAN_SECONDS and b.unit in SPAN_SECONDS:
            a, b = _in_seconds(a), _in_seconds(b)
        elif not same_dimension(a, b):
            return False
        else:
            b = _in_unit(b, a.unit)
    if a.plain and b.plain and a.value is not None and b.value is not None:
        # Two exact values agree when the finer one rounds to the coarser: 2.33% is 2.3%. On
        # the edge only when the gap is small beside the value: 4.15% rounds to 4.2%, but
        # 2.5% is not the "3%" an outlet wrote as a round figure.
        gap, step = abs(a.value - b.value), max(a.precision, b.precision)
        edge = gap <= step * 1.001 and gap <= EDGE_SHARE * max(abs(a.value), abs(b.value))
        return gap < step * 0.999 or edge
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    low, high = max(low_a, low_b), min(high_a, high_b)
    # Open intervals must overlap; an exact value ("a fifth") may sit on another's edge.
    return low < high or (low <= high and (low_a == high_a or low_b == high_b))


_LOCAL_DOLLARS = frozenset({"AUD", "CAD", "NZD", "HKD", "SGD"})
_US_WRITTEN = re.compile(r"US\$|\$US|USD|US dollars?", re.IGNORECASE)


def _dollars(a: Quantity, b: Quantity) -> bool:
    """A bare "$" and a country's dollar ("A$3.4bn", "$3.4bn"): an Australian report writes
    "$" for its own dollar, so they may agree; never a conflict, since the second may be a
    conversion (compatible() parts different units whose values disagree)."""
    pair = {a.unit, b.unit}
    if len(pair) != 2 or "USD" not in pair or not pair & _LOCAL_DOLLARS:
        return False
    usd = a if a.unit == "USD" else b
    return not _US_WRITTEN.search(usd.as_written)
