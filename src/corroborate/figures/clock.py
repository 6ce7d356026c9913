"""A duration told in parts is one value: "2:14:09", "two hours 14 minutes 9 seconds", "2 hours,
14 minutes and 9 seconds". Read part by part, a race time was three figures (2 hours, 14
minutes, 9 seconds) that lined up with any other story's hours, minutes and seconds; read whole,
it is 8,049 seconds, which agrees with the same time written the other way.

A duration in parts is stated in seconds, whatever its parts, so "2:14:09" and "2 hours 14
minutes 9 seconds" compare; its precision is its last part's ("2 hours 14 minutes": to the
half minute).
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.figures.extract import Quantity

SECONDS = "seconds"
_STEP = {"hours": 3600.0, "minutes": 60.0, "seconds": 1.0}
# "2:14:09", "1:58:40.5": hours, minutes and seconds. Not "10:30" (a time of day or a score),
# not a part of a longer run of digits and colons.
_CLOCK = re.compile(r"(?<![\w:.])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d+))?(?![\w:]|\.\d)")
# A clock time of day: "at 10:30:15", "10:30:15 GMT".
_AT = re.compile(r"\b(?:at|from|until|till|by)\s+$", re.IGNORECASE)
_OF_DAY = re.compile(r"^\s*(?:[ap]\.?m\b|gmt|bst|utc|cet|local\s+time|hrs\b)", re.IGNORECASE)
# What lies between two parts: "2 hours 14 minutes", "2 hours, 14 minutes and 9 seconds".
_JOIN = re.compile(r"^\s*,?\s*(?:and\s+)?$", re.IGNORECASE)


def with_clock_times(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (a text's quantities, left to right) with its durations in parts made one, and
    the clock-written durations ("2:14:09") added, in order."""
    clocks = [q for q in map(_clock, _CLOCK.finditer(text)) if q is not None and _lapse(text, q)]
    kept = [q for q in found if not any(c.start < q.end and q.start < c.end for c in clocks)]
    return _join_parts(text, sorted(kept + clocks, key=lambda q: q.start))


def _clock(match: re.Match[str]) -> Quantity | None:
    hours, minutes, seconds, decimals = match.groups()
    value = int(hours) * 3600 + int(minutes) * 60 + float(f"{seconds}.{decimals or 0}")
    precision = 0.5 * 10.0 ** -len(decimals or "")
    start, end = match.span()
    return Quantity(
        start, end, match.group(), value, SECONDS, precision=precision,
        number_start=start, number_end=end,
    )  # fmt: skip


def _lapse(text: str, clock: Quantity) -> bool:
    """A lapse of time, not a time of day ("at 10:30:15", "10:30:15 GMT")."""
    return not (_AT.search(text[: clock.start]) or _OF_DAY.match(text[clock.end :]))


def _join_parts(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    last_step: float | None = None  # the step of the last part of out[-1], a duration
    for quantity in found:
        step = _STEP.get(quantity.unit)
        if out and last_step is not None and _next_part(text, out[-1], quantity, last_step):
            out[-1] = _joined(text, out[-1], quantity)
        else:
            out.append(quantity)
        # a clock time is whole: nothing follows it as a part
        last_step = None if _CLOCK.fullmatch(out[-1].as_written) else step
    return out


def _next_part(text: str, head: Quantity, part: Quantity, head_step: float) -> bool:
    """`part` continues `head` ("2 hours" then "14 minutes"): a smaller unit of time, a plain
    value, nothing but a comma or "and" between them."""
    if part.unit not in _STEP or not part.plain or part.value is None or head.value is None:
        return False
    if _STEP[part.unit] >= head_step:
        return False
    return _JOIN.match(text[head.end : part.start]) is not None


def _joined(text: str, head: Quantity, part: Quantity) -> Quantity:
    """Two parts as one duration in seconds; the head's markers ("more than", "about") hold
    for the whole."""
    head_seconds = _in_seconds(head)
    step = _STEP[part.unit]
    value = (head_seconds.value or 0.0) + (part.value or 0.0) * step
    return replace(
        head_seconds,
        end=part.end,
        as_written=text[head.start : part.end],
        value=value,
        low=value if head.low is not None else None,
        high=value if head.high is not None else None,
        unit=SECONDS,
        precision=part.precision * step,
        number_end=part.number_end,
        written_precision=None,
    )


def _in_seconds(quantity: Quantity) -> Quantity:
    if quantity.unit == SECONDS:
        return quantity
    step = _STEP[quantity.unit]
    return replace(
        quantity,
        value=None if quantity.value is None else quantity.value * step,
        unit=SECONDS,
        precision=quantity.precision * step,
    )
