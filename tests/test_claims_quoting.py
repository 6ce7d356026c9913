"""Claims built on quotes: a quote is supported only by the same words or a report of them.

Every article here is invented (pool closures in the fictional town of Harlow Reach, and a
cable car that stalled over the fictional Skelda gorge).
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Claim
from test_claims import article, claim_of


@pytest.fixture(scope="module")
def resources() -> Resources:
    return Resources()


def _articles_of(claim: Claim) -> set[str]:
    return {m.article for m in claim.mentions}


POOL_QUOTE = (
    '"Shutting a pool takes one meeting; reopening one takes a generation," said Moira '
    "Tennant of the Keep Harlow Pools campaign."
)
POOL_FACTS = (
    "Four swimming pools in Harlow Reach are to shut at the end of April.",
    "Four Harlow Reach pools will shut next spring after a council vote that ran past midnight.",
)


def test_a_quoted_opinion_is_not_supported_by_a_fact_on_its_topic(resources: Resources) -> None:
    opener = "Harlow Reach council voted on Monday to close four of its eleven public pools."
    quoting = [
        article(
            f"quoting{k}",
            [opener if k == 0 else "The council said the pools cost too much.", POOL_QUOTE],
        )
        for k in range(2)
    ]
    plain = [
        article(f"plain{k}", [fact, "Campaigners plan a march."])
        for k, fact in enumerate(POOL_FACTS)
    ]
    claims = align_claims(quoting + plain, resources)
    quote = claim_of(claims, quoting[0], "Shutting a pool")
    assert _articles_of(quote) == {a.id for a in quoting}
    assert quote.independent_sources == 2


# Each pair: a rescuer's quote and a passenger's of the same moment, in two outlets.
CABLE_CAR = [
    (
        "“The wind was picking up and the lamps were going,” said rescue leader Ilse Marrow.",
        '"It felt like the whole cabin dropped, and then every lamp went out," said passenger '
        "Tomas Vell.",
    ),
    (
        "“The snow was falling and the light was going,” rescue leader Ilse Marrow said.",
        '"It felt like the whole cabin shook, and then every light went out," said passenger '
        "Tomas Vell.",
    ),
]


@pytest.mark.parametrize("rescuer_says, passenger_says", CABLE_CAR)
def test_two_speakers_quotes_of_one_moment_are_two_claims(
    resources: Resources, rescuer_says: str, passenger_says: str
) -> None:
    arts = [
        article(
            "car0", ["The Skelda cable car stopped over the gorge at dusk on Sunday.", rescuer_says]
        ),
        article(
            "car1",
            ["Forty passengers were stranded for hours over the Skelda gorge.", passenger_says],
        ),
    ]
    for claim in align_claims(arts, resources):
        quoted = [m.text for m in claim.mentions if "went out" in m.text or "was going" in m.text]
        assert claim.independent_sources == 1 or not quoted, claim.mentions
