"""Two sentences about different named things: never one claim, and no dispute either.

Alignment (`align`) joins sentences that are close in meaning; two that differ only in whose
figure or whose act they tell ("Velmora's road budget is 1.9% of GDP" / "Castrel spends 3.2%",
"Rennick won the harbour swim" / "Okafor won the harbour swim") are close in meaning
and yet two facts. `two_facts` tells them from the names the parse finds (`SentenceFacts`:
`holders`, `doers`, `people`), and `FactSplits` keeps clusters apart that hold such a pair.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from corroborate.claims.features import SentenceFacts, actor_clash, names_meet
from corroborate.claims.parts import NO_COUNTS, Counts, part_of_whole
from corroborate.claims.slots import Slot, slot_clash
from corroborate.claims.wordmeaning import MEANING_WORD


def same_figure(a: list[float], b: list[float]) -> bool:
    """Two sentences give the same telling figure ("nearly 3,000" / "about 2,900")."""
    return any(abs(p - q) <= 0.05 * max(p, q) for p in a for q in b)


DISTINCTIVE = 100  # a figure this big, both given, stands for a shared word (`share_figures`)


def share_figures(
    facts: Sequence[SentenceFacts], left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Whether each pair (left[k], right[k]) gives the same distinctive figure
    (`distinctive_figures`)."""
    figures = [distinctive_figures(f) for f in facts]
    shared = np.zeros(len(left), dtype=bool)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        shared[k] = bool(figures[i] and figures[j]) and same_figure(figures[i], figures[j])
    return shared


def distinctive_figures(facts: SentenceFacts) -> list[float]:
    """The telling figures of DISTINCTIVE or more, or with a fraction. A story counts many
    things in small numbers ("Twelve people were treated" / "Twelve families were moved"); a
    figure such as 31,000 or 2.4 seldom stands for two facts of one story."""
    return [f for f in telling_figures(facts) if f >= DISTINCTIVE or not f.is_integer()]


def two_facts(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Two sentences about different named things: never one claim, and no dispute either.

    They tell one number as two measures (`other_measures`) or one act on two occasions
    (`other_occasions`), or they give different telling
    figures, each for a named holder or place the other does not name ("Velmora's road
    budget is 1.9% of GDP" / "Castrel spends 3.2%"), or the doers they name differ
    ("Rennick won the harbour swim" / "Okafor won the harbour swim").
    A name both use ("killed 12 in the River Ostra's flood" / "15 died when the Ostra flooded
    the valley") keeps them one fact: that is a dispute over the figure. Places told at two
    sizes ("in the Halvern valley" / "from Portvale") are not doers and split nothing
    without a figure."""
    if _other_doers(a, b) or other_measures(a, b) or other_occasions(a, b):
        return True
    if not a.holders or not b.holders:
        return False
    figures_a, figures_b = telling_figures(a), telling_figures(b)
    if not figures_a or not figures_b or same_figure(figures_a, figures_b):
        return False
    return _unnamed(a.holders, b) and _unnamed(b.holders, a)


def other_measures(a: SentenceFacts, b: SentenceFacts) -> bool:
    """One number told as two measures ("The satellite weighs 310kg" / "The satellite cost
    €310m"): the number is what makes them look alike, and they measure nothing in common.
    A measure both give ("4% ... $2m" / "4%") keeps them one fact or a dispute."""
    kinds_a, kinds_b = {m for _, m in a.measures}, {m for _, m in b.measures}
    if not kinds_a or not kinds_b or kinds_a & kinds_b:
        return False
    numbers_b = [n for n, _ in b.measures]
    return any(same_figure([n], numbers_b) for n, _ in a.measures)


def other_occasions(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Each names a place the other does not name and a date that shares no word with the
    other's ("ran aground off Kellan Island on Saturday" / "ran aground near Port Arran in
    2021"): two occasions. A place alone may be told at two sizes ("in the Halvern valley" /
    "in Portvale"), and a date alone may be one event's two versions (a dispute): only both
    together split."""
    if not (a.places and b.places and a.dates and b.dates):
        return False
    if not _places_unnamed(a.places, b) or not _places_unnamed(b.places, a):
        return False
    words_a = {w for date in a.dates for w in date}
    return not any(w in words_a for date in b.dates for w in date)


def _other_doers(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Each names a doer the other does not name at all. Two people doing one act on one
    thing ("closed by Mara Lind" / "Tomas Brenner closed") are two versions of it, which the
    dispute step weighs: people count as doers here only against a doer that is no person,
    or when the things they act on differ (`_other_things`)."""
    doers_a, doers_b = a.doers | a.people, b.doers | b.people
    if not doers_a or not doers_b:
        return False
    if a.people and b.people and actor_clash(a, b) and not _other_things(a, b):
        return False
    return _unnamed(doers_a, b) and _unnamed(doers_b, a)


def _other_things(a: SentenceFacts, b: SentenceFacts) -> bool:
    """Each acts on a thing the other never mentions ("The rocket was built by ..." / "The
    satellite was built by ..."): not one act, whoever did it."""
    return bool(
        a.patients
        and b.patients
        and not a.patients & (b.lemmas | b.words)
        and not b.patients & (a.lemmas | a.words)
    )


def _places_unnamed(places: frozenset[str], other: SentenceFacts) -> bool:
    """Whether no place is named in the other sentence, by the words that tell it from the
    other's places ("tarrow" of "tarrow aquarium" against "brennvik aquarium": a kind word
    both use ties nothing, whether or not `names_meet` knows it as one)."""
    kinds = {word for place in other.places for word in place.split()}
    for place in places:
        own = [word for word in place.split() if word not in kinds]
        if not own or any(names_meet(word, other) for word in own):
            return False
    return True


def _unnamed(names: frozenset[str], other: SentenceFacts) -> bool:
    """Whether none of the names is named in the other sentence (`names_meet`)."""
    return not any(names_meet(name, other) for name in names)


class FactSplits:
    """Which units of different articles state two facts (`two_facts`, one slot of one word
    filled two ways: `slots.slot_clash`, or a part against its whole: `parts.part_of_whole`),
    read once per pair: a merge of two clusters asks
    about every cross pair, and big clusters are asked often."""

    def __init__(
        self,
        facts: list[SentenceFacts],
        owner: np.ndarray,
        slots: Sequence[frozenset[Slot]] | None = None,
        fillers: Sequence[Mapping[str, np.ndarray]] | None = None,
        counts: Sequence[Counts] | None = None,
    ) -> None:
        self.facts = facts
        self.owner = owner  # each sentence's article, as a small integer
        self.slots = slots if slots is not None else [frozenset()] * len(facts)
        self.fillers = fillers if fillers is not None else [{}] * len(facts)  # noun -> vector
        self.counts = counts if counts is not None else [NO_COUNTS] * len(facts)
        # a sentence that counts a whole splits only against one counting a part: where no
        # sentence of the story counts a part, direct counts make no pair worth reading
        any_part = any(c.parts for c in self.counts)
        self.able = [
            _may_split(f) or bool(s) or bool(c.parts) or (any_part and bool(c.wholes))
            for f, s, c in zip(facts, self.slots, self.counts, strict=True)
        ]
        self.known: dict[tuple[int, int], bool] = {}

    @classmethod
    def of(cls, units: Sequence[Any], owner: np.ndarray) -> FactSplits:
        """For alignment units (`align.Unit`: their facts, slots, slot nouns' vectors and
        counts)."""
        facts = [u.facts for u in units]
        slots, fillers = [u.slots for u in units], [u.fillers for u in units]
        return cls(facts, owner, slots, fillers, [u.counts for u in units])

    def apart(self, a: list[int], b: list[int]) -> bool:
        """Whether a member of a and one of b from another article state two facts."""
        left = [i for i in a if self.able[i]]
        right = [j for j in b if self.able[j]] if left else []
        return any(self._pair(i, j) for i in left for j in right if self.owner[i] != self.owner[j])

    def _pair(self, i: int, j: int) -> bool:
        key = (min(i, j), max(i, j))
        found = self.known.get(key)
        if found is None:
            a, b = self.facts[i], self.facts[j]
            found = (
                two_facts(a, b)
                or self._slots_clash(i, j)
                or part_of_whole(self.counts[i], self.counts[j])
            )
            self.known[key] = found
        return found

    def _slots_clash(self, i: int, j: int) -> bool:
        a, b = self.facts[i], self.facts[j]
        fillers_a, fillers_b = self.fillers[i], self.fillers[j]

        def near(x: str, y: str) -> bool:
            p, q = fillers_a.get(x), fillers_b.get(y)
            return p is not None and q is not None and float(p @ q) >= MEANING_WORD

        return slot_clash(self.slots[i], self.slots[j], (a, b), near)


def _may_split(facts: SentenceFacts) -> bool:
    """Whether the sentence can be one side of `two_facts`: it names a doer, gives a figure
    with a known measure, or a holder with a telling figure."""
    return (
        bool(facts.doers | facts.people or facts.measures)
        or bool(facts.places and facts.dates)
        or (bool(facts.holders) and bool(telling_figures(facts)))
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
