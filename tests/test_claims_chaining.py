"""Claims that do not chain, and disputes that are about one thing.

Every article here is invented (harbour council elections in the fictional port of Calder Bay).
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.claims import align_claims
from corroborate.claims.align import _keeps_core, tense_of
from corroborate.claims.disputes import figure_clash
from corroborate.nlp import Resources
from corroborate.records import Article, Claim
from test_claims import article


def claims_holding(claims: list[Claim], host: Article, phrase: str) -> set[str]:
    return {
        c.id
        for c in claims
        for m in c.mentions
        if m.article == host.id and phrase in host.text[m.start : m.end]
    }


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The harbour council election will be held on March 3.", "future"),
        ("Calder Bay voted on Sunday in a harbour council election.", "past"),
        ("The people of Calder Bay have voted in the harbour council election.", "past"),
        ("The election will be held on two lists, a message from the commission said.", "future"),
        ("The clerk made clear the council would not meet before May.", ""),
        ("Voters go to the polls on Sunday in Calder Bay.", ""),
        ("The harbour council election is over.", ""),
    ],
)
def test_tense_of_a_clause(sentence: str, tense: str, resources: Resources) -> None:
    assert tense_of(resources.spacy()(sentence)) == tense


TWO_ELECTIONS = [
    (
        "Voters in Calder Bay cast their ballots on Sunday in the harbour council election.",
        "Calder Bay voted on Sunday in a harbour council election meant to show reform.",
        "The harbour council election in Calder Bay will be held on a two-list basis on March 3.",
        "Harbour council elections in Calder Bay will be held on March 3 with two lists for "
        "the first time.",
    ),
]


@pytest.mark.parametrize(("past_a", "past_b", "future_a", "future_b"), TWO_ELECTIONS)
def test_an_election_held_and_one_to_be_held_are_two_claims(
    past_a: str, past_b: str, future_a: str, future_b: str, resources: Resources
) -> None:
    a, b = article("a", [past_a]), article("b", [past_b])
    c, d = article("c", [future_a]), article("d", [future_b])
    claims = align_claims([a, b, c, d], resources)
    held = claims_holding(claims, a, "ballots") | claims_holding(claims, b, "voted")
    planned = claims_holding(claims, c, "two-list") | claims_holding(claims, d, "two lists")
    assert claims_holding(claims, a, "ballots") & claims_holding(claims, b, "voted")
    assert claims_holding(claims, c, "two-list") & claims_holding(claims, d, "two lists")
    assert not held & planned


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        # an ordinal is no count
        ("The 4th harbour council election ended on Sunday.", "It was held on 2 lists.", None),
        # times of day are no figures
        ("Voting began at 8:00 am (0300 GMT) on Sunday.", "Voting ended at 6 pm on Sunday.", None),
        # counts of different things
        ("More than 50 firefighters tackled the blaze.", "Ten fire engines fought it.", None),
        # one figure both give
        ("Damage is put at 2.33% of output.", "Damage is 2.3% of output.", None),
        ("565 shops were badly damaged.", "We have 355 damaged shops.", ("565", "355")),
        (
            "The strike has cost the port 12 million dollars.",
            "The strike has cost the port 30 million dollars.",
            ("12 million dollars", "30 million dollars"),
        ),
    ],
)
def test_figures_clash_only_when_about_one_thing(
    first: str, second: str, clash: tuple[str, str] | None
) -> None:
    assert figure_clash(first, second) == clash


def test_an_ordinal_against_a_count_is_no_dispute(resources: Resources) -> None:
    a = article("a", ["The 4th harbour council election in Calder Bay ended on Sunday evening."])
    b = article("b", ["The harbour council election in Calder Bay ended on Sunday evening."])
    c = article("c", ["Calder Bay's council election with 2 lists ended on Sunday evening."])
    claims = align_claims([a, b, c], resources)
    joined = claims_holding(claims, a, "4th") & claims_holding(claims, c, "2 lists")
    assert joined
    assert all(claim.status == "corroborated" for claim in claims if claim.id in joined)


def _chain(n: int, near: float, far: float) -> np.ndarray:
    """Closeness of n mentions in a row: neighbours `near`, the rest `far`."""
    closeness = np.full((n, n), far)
    for i in range(n - 1):
        closeness[i, i + 1] = closeness[i + 1, i] = near
    np.fill_diagonal(closeness, 1.0)
    return closeness


@given(st.integers(min_value=4, max_value=12))
def test_a_chain_fails_the_core_and_a_tight_claim_holds(n: int) -> None:
    owner = np.arange(n)
    members = list(range(n))
    unscored = np.zeros((n, n))
    assert not _keeps_core(owner, _chain(n, near=0.7, far=0.2), unscored, members)
    assert _keeps_core(owner, _chain(n, near=0.7, far=0.6), unscored, members)


@given(st.integers(min_value=3, max_value=12), st.floats(min_value=0.0, max_value=1.0))
def test_a_loose_claim_holds_only_with_the_models_word(n: int, score: float) -> None:
    # every mention 0.55 from the others: close enough on average only if the model backs it
    owner = np.arange(n)
    closeness = np.full((n, n), 0.55)
    np.fill_diagonal(closeness, 1.0)
    scores = np.full((n, n), score)
    assert _keeps_core(owner, closeness, scores, list(range(n))) == (score >= 0.1)
