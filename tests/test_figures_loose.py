"""Graded identity (session 4): a loose match of subjects may make two figures agree, never
conflict. Two full verbs about one holder ("inspected 310 homes", "repainted 75 homes") stay
two figures with a note; a light verb ("plan to walk out") still makes one act; jobs counted as
people conflict only where the people's side names the jobs.

Every sentence is invented (invented places, companies and people).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger, collect_mentions, loose
from corroborate.figures.ledger import can_conflict
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_together, assert_two_things, holding, make

# Two full verbs done to one kind of thing by one named holder: two acts.
TWO_ACTS = [
    ("Pelham Council inspected 310 homes after the storm.", "Pelham Council repainted 75 homes."),
    ("Corby police interviewed 52 people after the fire.", "Corby police charged 9 people."),
    ("The Ressick food bank fed 900 families.", "The Ressick food bank housed 60 families."),
    ("Dunwell's 3,000 nurses rallied on Friday.", "Dunwell's 1,800 nurses picketed on Friday."),
]


@pytest.mark.parametrize(("first", "second"), TWO_ACTS)
def test_two_full_verbs_never_conflict(resources: Resources, first: str, second: str) -> None:
    fa, fb = _number(first), _number(second)
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(("first", "second"), TWO_ACTS)
def test_a_loose_match_is_noted(resources: Resources, first: str, second: str) -> None:
    """The reader is told why two figures that look alike were not called a conflict."""
    a, b = make(first, "one"), make(second, "two")
    figures = build_ledger([a, b], resources)
    one, two = holding(figures, a, _number(first)), holding(figures, b, _number(second))
    assert one is not two
    for figure, other in ((one, two), (two, one)):
        assert figure.reason is not None and loose.NOT_SURE in figure.reason
        assert other.values[0].as_written in figure.reason


@pytest.mark.parametrize(("first", "second"), TWO_ACTS)
def test_two_full_verbs_may_agree(resources: Resources, first: str, second: str) -> None:
    """The same value under a loose match is still one figure: agreeing costs nothing."""
    value = _number(first)
    same = second.replace(_number(second), value)
    assert_together(resources, first, same, value, value, "agree")


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (  # a light verb: "plan to walk out" is the strike
            "Corvey's 4,000 dock workers will strike on Monday.",
            "Some 2,500 Corvey dockers plan to walk out on Monday.",
            "4,000",
            "2,500",
            "conflict",
        ),
        (  # jobs named on the people's side
            "Brannock Mills will cut 700 jobs.",
            "About 1,100 Brannock Mills workers will lose their jobs.",
            "700 jobs",
            "1,100",
            "conflict",
        ),
    ],
)
def test_strict_enough_to_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # the people lose something else than their jobs
            "Brannock Mills will cut 700 jobs.",
            "About 1,100 Brannock Mills staff will lose their overtime pay.",
            "700 jobs",
            "1,100",
        ),
        (  # "go" onto a shorter week is not jobs going
            "Hurst Glass said 300 jobs will go at its Leeford plant.",
            "Hurst Glass said 1,200 workers at the Leeford plant will go onto a four-day week.",
            "300 jobs",
            "1,200 workers",
        ),
    ],
)
def test_jobs_not_named_stay_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


def test_rule_names_are_known() -> None:
    assert set(loose.LOOSE_RULES) >= loose.CONFLICT_LOOSE
    assert not loose.FOR_CONFLICT.allows("two_verbs")
    assert all(loose.ANY_LOOSE.allows(rule) for rule in loose.LOOSE_RULES)


@pytest.mark.parametrize(("first", "second"), TWO_ACTS)
def test_strictness_is_explicit(resources: Resources, first: str, second: str) -> None:
    """The same two mentions are rivals when every loose rule counts (the note's question) and
    not for a conflict; asking the first question leaves the second's answer as it was."""
    x = collect_mentions(make(first, "one"), resources)[0]
    y = collect_mentions(make(second, "two"), resources)[0]
    assert not can_conflict(x, y)
    assert can_conflict(x, y, strict=loose.ANY_LOOSE)
    assert not can_conflict(x, y, strict=loose.FOR_CONFLICT)


def _number(sentence: str) -> str:
    """The first figure of an invented sentence: its first word holding a digit."""
    return next(w for w in sentence.split() if any(c.isdigit() for c in w)).strip("',.")


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (
            "Harrow Motors sold 5,400 electric cars in the first quarter.",
            "Harrow Motors sold 9,100 vans in the first quarter.",
            "5,400",
            "9,100",
        ),
        (
            "The Tenby depot runs 210 buses.",
            "The Tenby depot runs 95 lorries.",
            "210",
            "95",
        ),
    ],
)
def test_two_kinds_of_one_class_never_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    """Cars and vans are both vehicles, but neither word names the other's count."""
    assert_two_things(resources, first, second, fa, fb)


def test_a_kind_against_its_class_may_conflict(resources: Resources) -> None:
    """ "Vehicles" may be the cars the other side counts: the class word is no kind."""
    assert_together(
        resources,
        "Harrow Motors sold 5,400 vehicles in the first quarter.",
        "Harrow Motors sold 6,300 cars in the first quarter.",
        "5,400",
        "6,300",
        "conflict",
    )
