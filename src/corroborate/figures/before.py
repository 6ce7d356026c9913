"""A figure's earlier value, told in its own sentence: "had reached 3,400 by Wednesday, up from
1,200 on Monday". The earlier value is the same figure at an earlier time, so the ledger shows
the two as one figure updated, never as two figures (they share a sentence) nor as rivals.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corroborate.figures.extract import Quantity
from corroborate.figures.subject import Subject

# What lies between a figure and its earlier value: ", up from", "by Wednesday, down from the";
# no clause break (".", ";") and no other figure between them (the nearest figure before).
_UP_FROM = re.compile(
    r"^[^.;:]*?,\s*(?:up|down)\s+from\s+(?:(?:the|an?|its|their|his|her)\s+)?$", re.IGNORECASE
)


# A figure of a period ("in 2025, up from 900,000 in 2024", "last week, up from 280 the week
# before") is one period's figure and its earlier value another period's: two figures, not an
# update. Only a running figure (a tally, an estimate, an offer) is updated in place.
_PERIOD = re.compile(
    r"\b(?:years?|annual|annually|quarters?|months?|monthly|weeks?|weekly|seasons?|elections?|"
    r"1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.]")
# A running figure is told as moved to date: "has now refloated 14", "had reached 3,400",
# "raised its offer to £80m". Without such a word ("won 58 seats, up from 41") the earlier value
# may be another event's figure (the last election's), so it is left alone.
_MOVED = re.compile(
    r"\b(?:now|so far|reach(?:ed|es)?|rais(?:ed|es)|lift(?:ed|s)|ris(?:en|es)|rose|climb(?:ed|s)|"
    r"increas(?:ed|es)|jump(?:ed|s)|grow(?:n|s)|grew|revised|updated|latest|in total)\b",
    re.IGNORECASE,
)


def earlier_of(
    quantities: list[Quantity], text: str, periods: list[bool] | None = None, start: int = 0
) -> list[int | None]:
    """For each quantity of one sentence (in order, offsets into `text`), the index of the
    figure it is the earlier value of ("1,200" in "reached 3,400, up from 1,200"), or None.
    Only a value of the same unit right after its figure ("£61m, up from the £38m estimate"),
    and never for a figure of a period (`periods[i]`: the figure's subject names a time; or a
    period word between the two values or after the earlier one, in its clause), nor where
    the sentence before the figure (from `start`) does not tell it as moved to date (`_MOVED`)."""
    found: list[int | None] = [None] * len(quantities)
    for i in range(1, len(quantities)):
        head, earlier = quantities[i - 1], quantities[i]
        between = text[head.end : earlier.start]
        if head.unit != earlier.unit or not _UP_FROM.match(between):
            continue
        tail = _CLAUSE_END.split(text[earlier.end : earlier.end + 80], maxsplit=1)[0]
        if (periods and periods[i - 1]) or _PERIOD.search(between) or _PERIOD.search(tail):
            continue
        if not _MOVED.search(text[start : head.start]):
            continue
        found[i] = i - 1
    return found


def as_earlier(head: Subject) -> Subject:
    """The earlier value's subject: the head figure's, without its own time ("by Wednesday"
    is when the new value held) and without its update cue."""
    return replace(head, days=frozenset(), times=frozenset(), update_cue=False, revised=False)
