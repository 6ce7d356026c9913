"""Disputes between two claims: one act told two ways in sentences alignment keeps apart.

Every article here is invented (a cup final, a union letter, a roof falling in at the port of
Harlsby), with the kinds of difference real coverage has: active against passive, a title before
a name, a clause the other side leaves out, a time one side adds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corroborate.claims import align_claims
from corroborate.nlp import Resources
from corroborate.records import Article, Claim, Mention
from test_claims import article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_claim_pairs import Labelled, Side, clashes, held_pairs

# (first, second, kind of dispute or None): two outlets' sentences of one story, worded far
# enough apart that alignment keeps them in two claims.
CASES = [
    # two people named as the doer of one act done to one definite thing, active / passive
    (
        "The winning goal was scored by the visitors' captain, Mila Strand, from close range.",
        "Substitute Teodor Vass scored the winning goal with a header from a corner.",
        "different actor",
    ),
    (
        "The letter was signed by the union's general secretary, Ruth Okoye, on behalf of the "
        "members.",
        "Deputy leader Samuel Abara signed the letter, which was sent to the ministry at once.",
        "different actor",
    ),
    # another count of one thing done, its doer named on one side only
    (
        "Nine workers were injured when the roof of the Harlsby depot fell in.",
        "The collapse of the depot roof injured four workers, the fire service said.",
        "different figures",
    ),
    # --- no dispute ---
    # a doer the sentence does not name ("it") is not known to be the other's
    (
        "It injured 40 people, officials said.",
        "Nine people were injured in the blast at the Harlsby depot.",
        None,
    ),
    # two doers of acts done to things that are not one ("a man", "a woman")
    (
        "Sergeant Ana Reyes arrested a man near the Harlsby quay on Tuesday.",
        "Constable Paul Dorn arrested a woman near the Harlsby quay on Tuesday.",
        None,
    ),
    # a plan against an act: one opening is to come
    (
        "Mayor Ines Calloway will open the new Harlsby footbridge in May.",
        "Port chairman Oskar Feldt opened the new Harlsby footbridge in a short ceremony.",
        None,
    ),
    # two counts of two occasions: one looks back
    (
        "Nine workers were injured when the roof of the Harlsby depot fell in.",
        "Prior to that, a collapse at the depot had injured four workers, the fire service said.",
        None,
    ),
]


def _claims_of(claims: list[Claim], host: Article) -> list[Claim]:
    return [c for c in claims if any(m.article == host.id for m in c.mentions)]


@pytest.mark.parametrize(("first", "second", "kind"), CASES)
def test_one_act_told_two_ways_in_two_claims(
    first: str, second: str, kind: str | None, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claims = align_claims([a, b], resources)
    of_a, of_b = _claims_of(claims, a), _claims_of(claims, b)
    if kind is None:  # (a claim holding both sentences is its own test's: see the others)
        crossed = [c.reason for c in of_a + of_b if "against claim" in (c.reason or "")]
        assert not crossed, crossed
        return
    disputed_a = [c for c in of_a if c.status == "disputed"]
    disputed_b = [c for c in of_b if c.status == "disputed"]
    assert disputed_a and disputed_b, [(c.text, c.reason) for c in claims]
    for claim in disputed_a + disputed_b:
        assert claim.reason is not None and claim.reason.startswith(kind), claim.reason
        # the reason lets a reader see both sides: both outlets ...
        assert a.id in claim.reason and b.id in claim.reason
        if claim in disputed_a and claim in disputed_b:
            continue  # both sentences are its own mentions
        # ... both sentences, and the other claim
        assert first in claim.reason and second in claim.reason
        others = disputed_b if claim in disputed_a else disputed_a
        assert any(f"against claim {o.id}" in claim.reason for o in others), claim.reason


def test_a_clash_between_claims_holds_the_pair_across_both() -> None:
    gull, tern = Side("a1", 0, 30, "Gull Post"), Side("a2", 0, 30, "Tern Daily")
    pairs = [Labelled(gull, tern, True)]
    other = Claim("c-2", "", "disputed", 1, [Mention("a2", 0, 30, "")], None)
    reason = (
        "different actor: Gull Post says Marsh did it (award), Tern Daily says Brandvold, "
        "against claim c-2 — Gull Post: “Marsh awarded it; the crowd cheered.” / Tern Daily: "
        "“Brandvold awarded it.”"
    )
    claim = Claim("c-1", "", "disputed", 1, [Mention("a1", 0, 30, "")], reason)
    # a "; " inside a quoted sentence starts no clash of its own
    assert len(clashes(claim)) == 1
    assert held_pairs(claim, pairs, {"c-2": other}) == [0]
    # without the other claim, one side is missing: nothing held
    assert held_pairs(claim, pairs) == []
    # a reason naming other outlets holds no pair of these
    claim.reason = reason.replace("Tern Daily", "Skua News")
    assert held_pairs(claim, pairs, {"c-2": other}) == []
