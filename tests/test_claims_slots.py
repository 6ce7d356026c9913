"""One slot of one word filled with two different things: two facts, never one claim.

Every sentence here is invented (a quarry search, ferries and trade of fictional places,
fuel costs, a bakery closure). The MSRP-fitted pair model scores such pairs as paraphrases
(the same words around one changed noun); `slots.slot_clash` reads the changed noun from the
parse, and `apart.FactSplits` keeps the two apart (the claims test is
`test_claims_align_precision.test_two_holders_or_doers_never_share_a_claim`).
"""

from __future__ import annotations

import numpy as np
import pytest

from corroborate.claims.align import _embed_units, attach_word_vectors, sentence_units
from corroborate.claims.apart import FactSplits
from corroborate.nlp import Resources
from test_claims import article


def clash(resources: Resources, first: str, second: str) -> bool:
    """The clash as alignment reads it: each slot noun's vector in its sentence included."""
    articles = [article("a", [first]), article("b", [second])]
    units = sentence_units(articles, resources)
    _, tokens = _embed_units(units, resources)
    attach_word_vectors(units, tokens, resources)
    assert len(units) == 2
    splits = FactSplits.of(units, np.array([0, 1]))
    return splits.apart([0], [1])


TWO_FILLERS = [
    # the doer (subject) changed
    (
        "Volunteer divers searched the flooded quarry.",
        "Police officers searched the flooded quarry.",
    ),
    # the passive subject changed
    ("Bus drivers were offered a 6% rise.", "Cleaners were offered a 6% rise."),
    # a preposition's object changed: another thing, another place
    ("The cost of diesel rose by 9% in March.", "The cost of petrol rose by 4% in March."),
    ("The ferry to Brackport was cancelled.", "The ferry to Kirkwall was cancelled."),
    # the object changed
    ("The council closed the library.", "The council closed the swimming pool."),
    # two fillers swapped: who sold to whom
    ("Valdoria sold wheat to Ostmark in 2023.", "Ostmark sold wheat to Valdoria in 2023."),
]

ONE_FACT = [
    # a name and a description of it
    ("Harlow Foods will shut its bakery.", "The company will shut its bakery."),
    # a name and its initials
    ("The US will no longer fund the scheme.", "The United States will no longer fund the scheme."),
    # a pronoun
    ("The bakery will shut its doors in May.", "It will shut its doors in May."),
    # a date is one event's two versions as often as two events: the dispute step weighs it
    ("The vote was held on Monday.", "The vote was held on Tuesday."),
    # the other noun is in the other sentence too
    ("Nurses and porters walked out at noon.", "Porters walked out at noon."),
    # one count told two ways: a dispute over the figure, whoever did the counted act
    (
        "Paramedics treated 41 people at the quay.",
        "Ambulance crews treated 29 people at the quay.",
    ),
    # one word spelt two ways, and two words of one meaning where they stand
    ("The organiser cancelled the fair.", "The organizer cancelled the fair."),
    ("His films include a war drama.", "His movies include a war drama."),
    # two people for one act: a dispute over who did it, not two facts
    ("Mayor Ana Brisk opened the new library.", "Mayor Tom Hadley opened the new library."),
    # who said it is no part of the fact
    ("Police said the road was closed.", "Officials said the road was closed."),
    # other words around the same nouns
    ("The bakery will close in May.", "The bakery is to shut its doors in May."),
]


@pytest.mark.parametrize(("first", "second"), TWO_FILLERS)
def test_one_slot_filled_two_ways_is_a_clash(first: str, second: str, resources: Resources) -> None:
    assert clash(resources, first, second)
    assert clash(resources, second, first)


@pytest.mark.parametrize(("first", "second"), ONE_FACT)
def test_a_rewording_is_no_clash(first: str, second: str, resources: Resources) -> None:
    assert not clash(resources, first, second)
