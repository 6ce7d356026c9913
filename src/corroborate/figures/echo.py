"""Echoes: one distinctive value that two articles of a story each state once among several.

In a whole story most pairs of figures are unrelated, and the rules join two figures only when
their sentences say the same thing about them. Outlets often do not: "It is expected to cost
€640 million" and "The €640m line will have 22 stops" share no noun, yet in a story where each
article states a handful of figures and exactly one of them is €640m, the two are one figure far
more often than not. That is evidence the pair alone does not hold: a value that is the only one
of its kind among several of each article's figures. So an echo lets two mentions join without
shared words, and lets them count one noun two ways ("six suspects" / "six people were
arrested"); every clear clash the rules read (names, times, holders, outcomes, units) still
parts them. A pair of one-sentence articles holds no such evidence: an article must state
`MIN_FIGURES` figures or more for its lone value to count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from corroborate.figures.extract import Quantity

# Figures an article must state for a value it states once to say something.
MIN_FIGURES = 4
# Small counts ("six", "two") recur across a story's figures: they echo only where the act is
# the same ("six were arrested" / "police arrested six suspects").
SMALL_COUNT = 10.0


def reading(quantity: Quantity) -> tuple[str, float | None, float | None, float | None]:
    """A value as read, whatever its approximation marker ("some 3,500" reads as "3,500")."""
    return (quantity.unit, quantity.value, quantity.low, quantity.high)


def lone_values(mentions: Sequence[tuple[str, Quantity]]) -> list[bool]:
    """For each (article id, quantity): is it a value its article states once, in an article
    that states at least `MIN_FIGURES` figures?"""
    per_article = Counter(article for article, _ in mentions)
    same = Counter((article, reading(q)) for article, q in mentions)
    return [
        per_article[article] >= MIN_FIGURES and same[(article, reading(q))] == 1
        for article, q in mentions
    ]


def lone_counts(mentions: Sequence[tuple[str, str | None]]) -> list[bool]:
    """For each (article id, counted thing): is it the article's only count of that thing,
    in an article that states at least `MIN_FIGURES` figures? Two articles' only counts of
    containers found are likely one count told two ways, so a rival where their values differ
    (what the rules read of the two acts still decides)."""
    per_article = Counter(article for article, _ in mentions)
    same = Counter(mentions)
    return [
        counted is not None
        and per_article[article] >= MIN_FIGURES
        and same[(article, counted)] == 1
        for article, counted in mentions
    ]


def small(quantity: Quantity) -> bool:
    """A count under ten: it names many things in one story."""
    if quantity.unit != "count":
        return False
    known = [v for v in (quantity.value, quantity.low, quantity.high) if v is not None]
    return bool(known) and max(known) < SMALL_COUNT
