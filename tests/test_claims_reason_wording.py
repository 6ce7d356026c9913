"""A dispute's reason reads as a sentence: a figure that opened its own sentence ("More than 120
firefighters ...") loses that capital inside the reason ("... gives more than 120"), while a
name's capital ("Rs 500") stays. Invented outlets and events."""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.rivals import cited, figures_reason
from corroborate.nlp import Resources
from test_claims import article
from test_claims_disputes import claims_of


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("More than 120", "more than 120"),
        ("Nearly 30", "nearly 30"),
        ("About 80", "about 80"),
        ("Twelve", "twelve"),
        ("Twenty-one", "twenty-one"),
        ("A third", "a third"),
        ("Some 40", "some 40"),
        # not a sentence's capital on a number word or a marker: kept as written
        ("Rs 500", "Rs 500"),
        ("US$4bn", "US$4bn"),
        ("£3m", "£3m"),
        ("120", "120"),
        ("MORE THAN 120", "MORE THAN 120"),
    ],
)
def test_a_figure_is_cited_without_its_sentence_capital(written: str, shown: str) -> None:
    assert cited(written) == shown


def test_the_reason_names_both_outlets_and_their_figures() -> None:
    reason = figures_reason("Quay Herald", "More than 40", "Gantry FM", "Twelve")
    assert reason == "different figures: Quay Herald gives more than 40, Gantry FM gives twelve"


def test_a_dispute_over_sentence_opening_figures(resources: Resources) -> None:
    first = "Twelve people were taken to hospital after the Marlow Street tram crash, police said."
    second = "Thirty people were taken to hospital after the Marlow Street tram crash, police said."
    a, b = article("a", [first]), article("b", [second])
    (claim,) = claims_of(align_claims([a, b], resources), a, first[:20])
    assert claim.status == "disputed", claim.reason
    assert claim.reason is not None
    assert "gives twelve" in claim.reason and "gives thirty" in claim.reason, claim.reason
