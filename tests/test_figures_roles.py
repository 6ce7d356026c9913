"""One handing-over told from its two ends (session 6, figures/roles.py): "X gave £2m to Y" and
"Y received £3.5m from X" are one act, so their values are rivals; other parties, the opposite
direction or a party left unsaid are never a conflict.

Every sentence is invented (invented trusts, councils, banks and towns).
"""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.figures.roles import Handover, one_handover
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_one_figure, make

# (giver's end, taker's end, the figures): one act, told from both ends
BOTH_ENDS = [
    (
        "The Ormsby Trust donated £1.4m to Carrick Children's Hospital.",
        "Carrick Children's Hospital received £1.9m from the Ormsby Trust.",
        "£1.4m",
        "£1.9m",
    ),
    (
        "Wexley Council sold 9 acres of farmland to Pelham Homes for £2.2m.",
        "Pelham Homes bought 9 acres of farmland from Wexley Council for £2.8m.",
        "£2.2m",
        "£2.8m",
    ),
    (
        "Dorran Bank lent $320 million to the Tresk port authority.",
        "The Tresk port authority borrowed $380m from Dorran Bank.",
        "$320 million",
        "$380m",
    ),
    (  # the buyer and the thing bought, the seller unsaid
        "The Orla Group bought the Fenwick Hotel for €90m.",
        "The Fenwick Hotel was sold to the Orla Group for €115m.",
        "€90m",
        "€115m",
    ),
    (
        "The Velby Foundation gave the Ashcombe hospice £600,000.",
        "The Ashcombe hospice was given £450,000 by the Velby Foundation.",
        "£600,000",
        "£450,000",
    ),
]


@pytest.mark.parametrize(("first", "second", "fa", "fb"), BOTH_ENDS)
def test_one_act_from_its_two_ends_is_one_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # the opposite direction: two acts
            "Kelso Rovers paid £4m to Ardent City for the striker.",
            "Ardent City paid £6m to Kelso Rovers for the winger.",
            "£4m",
            "£6m",
        ),
        (  # another taker
            "The Ormsby Trust donated £1.4m to Carrick Children's Hospital.",
            "Tilbury Hospice received £1.9m from the Ormsby Trust.",
            "£1.4m",
            "£1.9m",
        ),
        (  # one party, buying one side and selling the other: two sales
            "The Orla Group bought the Fenwick Hotel for €90m.",
            "The Orla Group sold the Fenwick Hotel for €115m.",
            "€90m",
            "€115m",
        ),
        (  # one verb, another giver
            "Carrick Children's Hospital received £1.4m from the Ormsby Trust.",
            "Carrick Children's Hospital received £600,000 from the Venn Foundation.",
            "£1.4m",
            "£600,000",
        ),
        (  # another giver
            "The Ormsby Trust donated £1.4m to Carrick Children's Hospital.",
            "Carrick Children's Hospital received £1.9m from the Venn Foundation.",
            "£1.4m",
            "£1.9m",
        ),
    ],
)
def test_other_parties_are_never_a_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


def _handover(resources: Resources, sentence: str, written: str) -> Handover | None:
    """The handing-over read for the figure `written` of the sentence."""
    start = sentence.index(written)
    mentions = collect_mentions(make(sentence, "one"), resources)
    (mention,) = [m for m in mentions if m.quantity.start == start]
    return mention.subject.handover


def test_a_party_left_unsaid_is_not_one_act(resources: Resources) -> None:
    told = _handover(
        resources, "The Ormsby Trust donated £1.4m to Carrick Children's Hospital.", "£1.4m"
    )
    half = _handover(resources, "Carrick Children's Hospital received £1.9m.", "£1.9m")
    assert told is not None and half is not None
    assert half.giver == frozenset()
    assert not one_handover(told, half)
    assert one_handover(told, told)


@pytest.mark.parametrize(("first", "second", "fa", "fb"), BOTH_ENDS)
def test_the_parties_are_read_by_role(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    x, y = _handover(resources, first, fa), _handover(resources, second, fb)
    assert x is not None and y is not None
    assert x.act == y.act
    assert x.taker & y.taker
    assert not (x.giver and y.giver) or x.giver & y.giver
    assert not x.giver & y.taker  # the roles are not swapped
