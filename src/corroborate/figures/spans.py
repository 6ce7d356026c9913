"""Spans of time around a number: what makes "six hours" a figure or a date, "a 25-minute delay"
a span and "a 24-hour strike" a name of a kind, and the half in "a year and a half".

Split from `extract.py`, which calls these when the unit it read is a duration.
"""

from __future__ import annotations

from corroborate.figures import lexicon as lx
from corroborate.figures.spacing import Token

_DASHES = frozenset("-–—")

# Nouns a hyphened span of time measures: "a nine-year sentence", "a 25-minute delay", "the
# 18-week target"; not "ten-year bonds" or "a five-year plan", which name a kind.
TERM_NOUNS = frozenset(
    """sentence sentences term terms ban bans contract contracts delay delays wait waits
    suspension stint spell lease tenure jail prison target""".split()
)


def term(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """ "a nine-year sentence", "a 12-month jail term": a span of time written as a modifier."""
    if j + 2 >= len(tokens) or tokens[j].text not in _DASHES:
        return None
    if not (tokens[j].glued and tokens[j + 1].glued):
        return None
    hit = _unit_at(tokens, j + 1)
    if hit is None or hit[1] >= len(tokens) or tokens[hit[1]].low not in TERM_NOUNS:
        return None
    return hit


def _unit_at(tokens: list[Token], j: int) -> tuple[str, int] | None:
    unit = lx.DURATION_SUFFIX.get(tokens[j].low)
    return (unit, j + 1) if unit else None


def is_adjective(tokens: list[Token], end: int, unit: str | None) -> bool:
    """ "a 30-day truce", "a 24-hour strike": a duration used as a modifier."""
    if unit is not None or end + 1 >= len(tokens):
        return False
    dash, word = tokens[end], tokens[end + 1]
    return (
        dash.text in _DASHES
        and dash.glued
        and word.glued
        and (word.low in lx.DURATION_SUFFIX or word.low.startswith("year"))
    )


def and_a_half(tokens: list[Token], end: int) -> bool:
    """ "an hour and a half", "a year and a half": the half after the unit belongs to it."""
    return [t.low for t in tokens[end : end + 3]] == ["and", "a", "half"]


def is_relative_time(tokens: list[Token], start: int, end: int) -> bool:
    """ "six months ago", "two days later": a time told from another, a date and not a figure.
    A span a verb of lasting gives ("lasted six hours before the volcano quietened", "held for
    two days before his release") and a comparison ("18 months later than planned", a delay)
    are figures."""
    if end >= len(tokens) or tokens[end].low not in lx.RELATIVE_AFTER:
        return False
    if end + 1 < len(tokens) and tokens[end + 1].low == "than":
        return False
    return not (start > 0 and tokens[start - 1].low in lx.SPAN_CUES)
