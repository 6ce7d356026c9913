"""A part against its whole is two facts: "Thirty of the stranded passengers were children" /
"120 passengers were stranded" share the counted noun and read close, and were one claim.

Every sentence here is invented.
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.parts import counts_of, part_of_whole
from corroborate.claims.rivals import clash_of
from corroborate.figures.extract import read_quantities
from corroborate.nlp import Resources
from corroborate.records import Article, Claim
from test_claims import article, claim_of


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _supporters(claims: list[Claim], host: Article, sentence: str) -> set[str]:
    """The articles of the claim that mentions the sentence in `host`."""
    return {m.article for m in claim_of(claims, host, sentence[:25]).mentions}


def _pair(first: str, second: str) -> list[Article]:
    return [
        article("part0", ["Storms hit the town of Ashby on Sunday.", first]),
        article("part1", ["Ashby is recovering after the weekend storm.", second]),
    ]


PART_AND_WHOLE = [
    (
        "Thirty of the stranded passengers were children, the ferry operator said.",
        "The operator said about 120 passengers were stranded on the ferry overnight.",
    ),
    (
        "Twelve of the flooded homes were in Ashby Lane, the council said.",
        "The council said 85 homes were flooded in the storm on Sunday.",
    ),
    ("The fire destroyed 18 of the market's stalls, traders said.", "The market has 60 stalls."),
    (
        "Nine of the sacked workers have taken the firm to a tribunal.",
        "The firm sacked 40 workers last month.",
    ),
]


@pytest.mark.parametrize("part, whole", PART_AND_WHOLE)
def test_a_part_and_its_whole_are_two_claims(resources: Resources, part: str, whole: str) -> None:
    arts = _pair(part, whole)
    assert _supporters(align_claims(arts, resources), arts[0], part) == {arts[0].id}


@pytest.mark.parametrize(
    "first, second, split",
    [
        # a part and a whole of the same noun, the whole far bigger
        (
            "Forty of the cancelled flights were to Spain.",
            "The airline cancelled 150 flights.",
            True,
        ),
        ("The hack hit 1.2m of the bank's customers.", "The bank has 5 million customers.", True),
        # one count told two ways: the same figure, or both as parts, or near figures
        (
            "The hack hit 1.2m of the bank's customers.",
            "The hack hit 1.2 million customers.",
            False,
        ),
        (
            "Forty of the flights were cancelled.",
            "Forty-five of the flights were cancelled.",
            False,
        ),
        ("Three of the crew were hurt.", "Five crew were hurt.", False),
        # "of" without a number, or an indefinite noun, counts no part
        ("Most of the flights were cancelled.", "The airline cancelled 150 flights.", False),
        ("Forty of 150 flights were cancelled.", "The airline cancelled 150 flights.", False),
        # another noun counted
        ("Forty of the flights were cancelled.", "The airline employs 900 pilots.", False),
    ],
)
def test_part_of_whole(resources: Resources, first: str, second: str, split: bool) -> None:
    nlp = resources.spacy()
    a, b = counts_of(nlp(first)), counts_of(nlp(second))
    assert part_of_whole(a, b) is split
    assert part_of_whole(b, a) is split


def test_counts_read_scaled_figures(resources: Resources) -> None:
    counts = counts_of(resources.spacy()("The hack hit some 2.5m of the 7 million customers."))
    assert counts.parts == {(2_500_000.0, "customer")}
    assert counts.wholes == {(7_000_000.0, "customer")}


@pytest.mark.parametrize(
    "first, second, clash",
    [
        # a count told as a part of a definite whole counts the same thing as a plain count
        (
            "The firm has withdrawn 8,400 of its Vexa heaters from shops.",
            "The firm is recalling 4,800 Vexa heaters.",
            ("8,400", "4,800"),
        ),
        # the same figure agrees
        (
            "The firm has withdrawn 8,400 of its Vexa heaters from shops.",
            "The firm is recalling 8,400 Vexa heaters.",
            None,
        ),
    ],
)
def test_a_part_counts_what_its_noun_names(
    first: str, second: str, clash: tuple[str, str] | None
) -> None:
    found = clash_of(first, read_quantities(first), second, read_quantities(second))
    assert found == clash
