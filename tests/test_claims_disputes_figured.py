"""Disputes from the figure ledger (`claims.figured`) and figures of an earlier occasion in
one claim (`earlier.looks_back`).

The ledger cases are built from records (invented outlets and values); the time cases run the
claims stage over invented articles (a ferry fire at Ostby, a council vote at Harlsby).
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.figured import dispute_figures
from corroborate.nlp import Resources
from corroborate.records import Article, Claim, Figure, FigureMention, FigureValue, Mention
from test_claims import article

_FIRST = "Ellor climbed twelve places this year."
_SECOND = "Ellor University rose nineteen places to 80th."


def _records(
    group_b: str, status: str = "conflict", updated: bool = False, one_claim: bool = False
) -> tuple[list[Claim], list[Figure], list[Article]]:
    a = Article(id="a1", source="a1", text=_FIRST, outlet="Gull Post", source_group="g1")
    b = Article(id="b1", source="b1", text=_SECOND, outlet="Tern Daily", source_group=group_b)
    first = Claim("c-1", _FIRST, "single-source", 1, [Mention("a1", 0, len(_FIRST), _FIRST)])
    second = Claim("c-2", _SECOND, "single-source", 1, [Mention("b1", 0, len(_SECOND), _SECOND)])
    if one_claim:
        first.mentions += second.mentions
    values = [
        FigureValue(12, "twelve", mentions=[FigureMention("a1", 13, 19, "twelve", "", _FIRST, 0)]),
        FigureValue(
            19, "nineteen", mentions=[FigureMention("b1", 24, 32, "nineteen", "", _SECOND, 0)]
        ),
    ]
    figure = Figure("f-1", "places", "count", status, values, updated=updated)  # type: ignore[arg-type]
    claims = [first] if one_claim else [first, second]
    return claims, [figure], [a, b]


def test_a_figure_in_conflict_disputes_both_claims_naming_each_other() -> None:
    claims, figures, articles = _records("g2")
    dispute_figures(claims, figures, articles)
    first, second = claims
    assert first.status == second.status == "disputed"
    for claim, other in ((first, second), (second, first)):
        assert claim.reason is not None
        assert claim.reason.startswith("different figures: Gull Post gives twelve")
        assert f"against claim {other.id}" in claim.reason
        assert _FIRST in claim.reason and _SECOND in claim.reason


def test_a_figure_in_conflict_inside_one_claim() -> None:
    claims, figures, articles = _records("g2", one_claim=True)
    dispute_figures(claims, figures, articles)
    (claim,) = claims
    assert claim.status == "disputed"
    assert claim.reason == "different figures: Gull Post gives twelve, Tern Daily gives nineteen"


@pytest.mark.parametrize(
    ("group_b", "status", "updated"),
    [
        ("g1", "conflict", False),  # one source group: a copy is no second version
        ("g2", "agree", False),
        ("g2", "conflict", True),  # a later report updated the figure: no dispute
    ],
)
def test_no_dispute_without_a_conflict_of_two_sources(
    group_b: str, status: str, updated: bool
) -> None:
    claims, figures, articles = _records(group_b, status, updated)
    dispute_figures(claims, figures, articles)
    assert all(c.status == "single-source" and c.reason is None for c in claims)


def test_a_reason_naming_the_two_outlets_is_kept() -> None:
    claims, figures, articles = _records("g2")
    claims[0].status, claims[0].reason = "disputed", "negation: Gull Post and Tern Daily differ"
    dispute_figures(claims, figures, articles)
    assert claims[0].reason == "negation: Gull Post and Tern Daily differ"
    assert claims[1].status == "disputed"


@pytest.mark.parametrize(
    ("first", "second", "disputed"),
    [
        # one side looks back: a count of an earlier occasion
        (
            "Last year fourteen people were taken to hospital after a ferry fire at Ostby.",
            "Three people were taken to hospital after a ferry fire at Ostby.",
            False,
        ),
        # a time one side adds leaves the two counts one occasion's
        (
            "The Harlsby council approved the harbour budget by 31 votes to 12.",
            "The Harlsby harbour budget was approved by 29 votes to 12 on Thursday evening.",
            True,
        ),
    ],
)
def test_figures_of_an_earlier_occasion_in_one_claim(
    first: str, second: str, disputed: bool, resources: Resources
) -> None:
    claims = align_claims([article("a", [first]), article("b", [second])], resources)
    figures = [c for c in claims if c.reason and c.reason.startswith("different figures")]
    assert bool(figures) == disputed, [(c.text, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("first", "second", "sentence"),
    [
        # one value rounded within the precision it is written with
        ("$2bn", "$2.3bn", _SECOND),
        # one side looks back to an earlier occasion
        ("twelve", "nineteen", "Prior to that, Ellor rose nineteen places."),
    ],
)
def test_no_dispute_where_the_claims_tests_see_none(first: str, second: str, sentence: str) -> None:
    claims, figures, articles = _records("g2")
    values = figures[0].values
    values[0].as_written, values[1].as_written = first, second
    values[1].mentions[0].sentence = sentence
    dispute_figures(claims, figures, articles)
    assert all(c.status == "single-source" for c in claims), [c.reason for c in claims]
