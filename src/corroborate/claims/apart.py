"""Two sentences about different named things: never one claim, and no dispute either.

Alignment (`align`) joins sentences that are close in meaning; two that differ only in whose
figure or whose act they tell ("Velmora's road budget is 1.9% of GDP" / "Castrel spends 3.2%",
"Rennick won the harbour swim" / "Okafor won the harbour swim") are close in meaning
and yet two facts. `two_facts` tells them from the names the parse finds (`SentenceFacts`:
`holders`, `doers`, `people`), and `FactSplits` keeps clusters apart that hold such a pair.
"""

from __future__ import annotations

import numpy as np

from corroborate.claims.features import SentenceFacts, actor_clash, names_meet


def same_figure(a: list[float], b: list[float]) -> bool:
    """Two sentences give the same telling figure ("nearly 3,000" / "about 2,900")."""
    return any(abs(p - q) <= 0.05 * max(p, q) for p in a for q in b)


def two_facts(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Two sentences about different named things: never one claim, and no dispute either.

    Either they give different telling figures, each for a named holder or place the other
    does not name ("Velmora's road budget is 1.9% of GDP" / "Castrel spends 3.2%"), or the
    doers they name differ ("Rennick won the harbour swim" / "Okafor won the harbour swim").
    A name both use ("killed 12 in the River Ostra's flood" / "15 died when the Ostra flooded
    the valley") keeps them one fact: that is a dispute over the figure. Places told at two
    sizes ("in the Halvern valley" / "from Portvale") are not doers and split nothing
    without a figure."""
    if _other_doers(a, b):
        return True
    if not a.holders or not b.holders:
        return False
    figures_a, figures_b = telling_figures(a), telling_figures(b)
    if not figures_a or not figures_b or same_figure(figures_a, figures_b):
        return False
    return _unnamed(a.holders, b) and _unnamed(b.holders, a)


def _other_doers(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Each names a doer the other does not name at all. Two people doing one act ("closed
    by Mara Lind" / "Tomas Brenner closed") are two versions of it, which the dispute step
    weighs: people count as doers here only against a doer that is no person."""
    doers_a, doers_b = a.doers | a.people, b.doers | b.people
    if not doers_a or not doers_b or (a.people and b.people and actor_clash(a, b)):
        return False
    return _unnamed(doers_a, b) and _unnamed(doers_b, a)


def _unnamed(names: frozenset[str], other: SentenceFacts) -> bool:
    """Whether none of the names is named in the other sentence (`names_meet`)."""
    return not any(names_meet(name, other) for name in names)


class FactSplits:
    """Which units of different articles state two facts (`two_facts`), read once per pair:
    a merge of two clusters asks about every cross pair, and big clusters are asked often."""

    def __init__(self, facts: list[SentenceFacts], owner: np.ndarray) -> None:
        self.facts = facts
        self.owner = owner  # each sentence's article, as a small integer
        self.able = [_may_split(f) for f in facts]
        self.known: dict[tuple[int, int], bool] = {}

    def apart(self, a: list[int], b: list[int]) -> bool:
        """Whether a member of a and one of b from another article state two facts."""
        left = [i for i in a if self.able[i]]
        right = [j for j in b if self.able[j]] if left else []
        return any(self._pair(i, j) for i in left for j in right if self.owner[i] != self.owner[j])

    def _pair(self, i: int, j: int) -> bool:
        key = (min(i, j), max(i, j))
        found = self.known.get(key)
        if found is None:
            found = two_facts(self.facts[i], self.facts[j])
            self.known[key] = found
        return found


def _may_split(facts: SentenceFacts) -> bool:
    """Whether the sentence can be one side of `two_facts`: it names a doer, or a holder
    with a telling figure."""
    return bool(facts.doers | facts.people) or (
        bool(facts.holders) and bool(telling_figures(facts))
    )


def telling_figures(facts: SentenceFacts) -> list[float]:
    return [float(n) for n in facts.numbers if _telling(n)]


def _telling(number: str) -> bool:
    """A figure specific enough to link two sentences: not a small count, not a year."""
    try:
        value = float(number)
    except ValueError:
        return False
    year_like = value.is_integer() and 1900 <= value <= 2100
    return not year_like and (value >= 10 or not value.is_integer())


def same_doer(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Both name a person as a doer, and one that a names is named in b (a place in the
    subject, "the gauge at Harrow Bridge" / "the level at Harrow Bridge", is no doer here)."""
    return bool(b.people) and any(names_meet(name, b) for name in a.people)
