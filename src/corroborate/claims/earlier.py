"""Sentences that look back to an earlier occasion: a figure of theirs is not today's.

Both dispute tests ask it (inside one claim, `disputes.within`; between claims and from the
figure ledger, `cross` and `figured`), so it lives below them all.
"""

from __future__ import annotations

import re

from corroborate.claims.align import Unit

# A sentence that looks back to an earlier occasion (beside `disputes`' own `_EARLIER` words).
EARLIER = re.compile(
    r"\b(?:previously|formerly|earlier|used to|in the past|prior to|before that|last (?:year|"
    r"season|month|week))\b",
    re.IGNORECASE,
)

__all__ = ["EARLIER", "looks_back", "one_looks_back"]


def looks_back(a: Unit, b: Unit) -> bool:
    """One of two sentences of one claim looks back ("Last year fourteen people were taken to
    hospital after a ferry fire" / "Three people were taken to hospital"): its figure is of an
    earlier occasion. (Two times named, as between claims, are too strict inside one: on
    ECB+ they dropped 2 true figure disputes of 13, told with the day each outlet reported.)"""
    return one_looks_back(a.whole.text, b.whole.text)


def one_looks_back(first: str, second: str) -> bool:
    """Exactly one of two sentences looks back (`looks_back`, on their texts)."""
    return bool(EARLIER.search(first)) != bool(EARLIER.search(second))
