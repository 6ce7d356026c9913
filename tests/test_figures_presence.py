"""Counts of presence told with two verbs or from two ends (session 7, figures/presence.py):
"the plant employs 480 people" and "620 people work at the plant" are one count, the plant's
workforce; verbs of other roles or of other acts ("drew 9,000 runners" / "7,200 runners
finished") stay two figures, and room for ("can carry 400") is never how many there were.

Every sentence is invented (invented breweries, bridges, fairs, ferries and water companies).
"""

from __future__ import annotations

import pytest

from corroborate.figures.presence import noun_role, same_presence
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_one_figure


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # the workforce, from the employer's end and the workers'
            "The Dunmore brewery employs 480 people.",
            "Some 620 people work at the Dunmore brewery.",
            "480",
            "620",
        ),
        (  # traffic: what the bridge carries is what crosses it
            "The Halvey viaduct carries 18,000 vehicles a day.",
            "About 25,000 vehicles cross the Halvey viaduct every day.",
            "18,000",
            "25,000",
        ),
        (  # attendance: drawn to it, or went to it
            "The Corran food fair attracted 14,000 visitors.",
            "Some 21,000 people went to the Corran food fair.",
            "14,000",
            "21,000",
        ),
        (  # a plain count whose noun names the role, against a verb of the role
            "There were 180 passengers on board the Kittiwake when it lost power.",
            "The Kittiwake was carrying 240 passengers when it lost power.",
            "180",
            "240",
        ),
        (  # those served
            "Lowther Water serves 800,000 customers.",
            "Lowther Water supplies 950,000 customers.",
            "800,000",
            "950,000",
        ),
        (  # one loan told by lender and borrowers: the books counted are the thing lent
            "The Penmore library lends 70,000 books a year.",
            "Readers borrow 95,000 books a year from the Penmore library.",
            "70,000",
            "95,000",
        ),
    ],
)
def test_one_count_told_two_ways_is_one_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # two roles: the workforce is not the visitors
            "The Dunmore brewery employs 480 people.",
            "The Dunmore brewery attracted 12,000 visitors.",
            "480",
            "12,000",
        ),
        (  # those who came against those who finished
            "The Tarrow marathon drew 9,000 runners.",
            "7,200 runners finished the Tarrow marathon.",
            "9,000",
            "7,200",
        ),
        (  # the workforce against jobs cut
            "The Dunmore brewery employs 480 people.",
            "The Dunmore brewery will cut 90 jobs.",
            "480",
            "90",
        ),
        (  # another holder
            "The Halvey viaduct carries 18,000 vehicles a day.",
            "About 25,000 vehicles cross the Kelvin bridge every day.",
            "18,000",
            "25,000",
        ),
        (  # room for is not how many were aboard
            "The Orrin ferry can carry 400 passengers.",
            "There were 210 passengers on the Orrin ferry.",
            "400",
            "210",
        ),
    ],
)
def test_other_roles_acts_and_holders_stay_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("x", "y", "nx", "ny", "same"),
    [
        ("staff", "staff", "people", "workers", True),
        ("staff", "attend", "people", "visitors", False),
        ("state", "traffic", "passengers", "passengers", True),
        ("state", "traffic", "crew", "passengers", False),  # "has 40 crew" is no traffic
        ("state", "state", "passengers", "passengers", False),  # left to the ordinary rules
        (None, "attend", "fans", "fans", False),  # an unknown verb is another act
    ],
)
def test_roles_meet_by_verb_or_by_the_counted_noun(
    x: str | None, y: str | None, nx: str, ny: str, same: bool
) -> None:
    assert same_presence(x, y, nx, ny) is same
    assert same_presence(y, x, ny, nx) is same


def test_a_plural_noun_names_its_role() -> None:
    assert noun_role("passengers") == noun_role("passenger") == "traffic"
    assert noun_role("Dunmore workers") == "staff"
    assert noun_role("crew") is None
    assert noun_role(None) is None


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # a name at the start of one sentence is still the holder the other names
            "The Kelling line carried 9 million passengers last year.",
            "Some 7 million passengers travelled on the Kelling line last year.",
            "9 million",
            "7 million",
        ),
        (  # "walk out" is to strike
            "About 2,000 nurses in Harby will strike on Friday.",
            "Some 3,200 Harby nurses will walk out on Friday.",
            "2,000",
            "3,200",
        ),
        (  # "gutted" and "destroyed"; "produces" and "builds"
            "The Lyle Street fire destroyed 11 shops.",
            "Some 16 shops were gutted by the Lyle Street fire.",
            "11",
            "16",
        ),
        (
            "The Ornley plant builds 180,000 vans a year.",
            "The Ornley plant produces 240,000 vans a year.",
            "180,000",
            "240,000",
        ),
        (  # "fixed" and "repaired"; "found" and "unearthed"
            "The council fixed 8,000 potholes in Ambry last year.",
            "Some 11,000 potholes were repaired in Ambry last year.",
            "8,000",
            "11,000",
        ),
        (
            "Archaeologists at Pellham found 220 Saxon coins.",
            "Some 260 Saxon coins were unearthed at Pellham.",
            "220",
            "260",
        ),
    ],
)
def test_synonyms_and_phrases_of_one_act(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # "visitor numbers hit 710,000" counts visitors
            "The Harrow Museum drew 520,000 visitors last year.",
            "Visitor numbers at the Harrow Museum hit 610,000 last year.",
            "520,000",
            "610,000",
        ),
        (
            "Passenger numbers at Kelby airport rose to 4.2 million last year.",
            "Kelby airport handled 3.8 million passengers last year.",
            "4.2 million",
            "3.8 million",
        ),
    ],
)
def test_numbers_of_a_noun_count_that_noun(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


def test_a_change_in_numbers_is_not_a_level(resources: Resources) -> None:
    """ "Passenger numbers rose by 300,000" is the change, not how many there were."""
    assert_apart(
        resources,
        "Passenger numbers at Kelby airport rose by 300,000 last year.",
        "Kelby airport handled 3.8 million passengers last year.",
        "300,000",
        "3.8 million",
    )
