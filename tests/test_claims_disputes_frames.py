"""Disputes read from who did what: one act told two ways, however else the sentences differ.

Every article here is invented (a warehouse fire in the river town of Hollin Ferry, a by-election
in Dunmere, a car recall by the carmaker Tessaro), with the kinds of difference real coverage
has: a time or a place one outlet adds, who told whom, a clause the other leaves out.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from corroborate.claims import align_claims
from corroborate.claims.disputes import figure_clash
from corroborate.claims.frames import frames_of
from corroborate.nlp import Resources
from corroborate.records import Claim, Mention
from test_claims import article
from test_claims_disputes import one_claim

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_claim_pairs import Labelled, Side, held_pairs

# (first, second, kind of dispute or None): two outlets' sentences that align as one claim.
CASES = [
    # a negation: the rest of the two sentences differs (a time, a reason, what came next)
    (
        "The Green candidate, Tobias Renk, conceded defeat shortly after midnight.",
        "Tobias Renk did not concede on the night and said his party would go to court.",
        "negation",
    ),
    # ... held in a verb: "refused to concede" did not concede
    (
        "The Green candidate, Tobias Renk, conceded defeat shortly after midnight.",
        "Green candidate Tobias Renk refused to concede, saying he would seek a recount.",
        "negation",
    ),
    (
        "Okafor offered a draw on move 40, which Demir declined.",
        "Okafor did not offer a draw at any point in the deciding game.",
        "negation",
    ),
    # ... or in "without": he left without shaking hands
    (
        "Lena Okafor shook hands with Yusuf Demir after the final game.",
        "Lena Okafor left the stage without shaking Yusuf Demir's hand after the final game.",
        "negation",
    ),
    # a negation of a part: "paid part of the ransom" / "did not pay the ransom"
    (
        "Orlen Valley Water did not pay the ransom.",
        "Orlen Valley Water paid part of the ransom to the hackers on Monday night.",
        "negation",
    ),
    # one doer, two figures for what it did, the counted things worded two ways
    (
        "Tessaro Motors is recalling 84,000 cars in Europe over a fault in the brake booster.",
        "Carmaker Tessaro is recalling 48,000 vehicles after the discovery of a brake fault.",
        "different figures",
    ),
    # two named doers of one act done to one thing
    (
        "Fire Chief Dana Orlov ordered the evacuation of the streets around the warehouse.",
        "Mayor Pieter Lund ordered the evacuation of the streets around the warehouse as "
        "flames spread.",
        "different actor",
    ),
    # --- no dispute ---
    # a claim and its denial, each told as what its own speaker says: two parties' versions
    (
        "The fault has been linked to three crashes in Germany, the transport regulator said.",
        "The fault has not been linked to any crashes, Tessaro said.",
        None,
    ),
    # a plan (or a stance against one) is no act that happened
    (
        "The Dunmere council voted against closing the maternity unit last year.",
        "The Dunmere council did not back a plan to close the maternity unit last year.",
        None,
    ),
    (
        "The Dunmere council plans to close the maternity unit next year.",
        "The Dunmere council did not close the maternity unit last year.",
        None,
    ),
    # the same stance both ways: "did not concede" and "refused to concede"
    (
        "Green candidate Tobias Renk refused to concede, saying he would seek a recount.",
        "Tobias Renk did not concede on the night and said his party would go to court.",
        None,
    ),
    # "I don't think he conceded" says he did not; "barely" is all but "not"
    (
        "I don't think Tobias Renk conceded defeat on the night, his agent said.",
        "Tobias Renk did not concede defeat on the night, his agent said.",
        None,
    ),
    (
        "Yusuf Demir barely landed a punch on Okafor in the twelve rounds.",
        "Yusuf Demir didn't land a clean punch on Okafor in the twelve rounds.",
        None,
    ),
    # a doer on one side only, and he may be another shooter
    (
        "No shots were fired when the Hollin Ferry suspect was taken into custody.",
        "He fired one shot at the Hollin Ferry suspect before he was taken into custody.",
        None,
    ),
    # told as what someone says on both sides, by two speakers (one of them unnamed)
    (
        "Ines Varga was shot after, police say, pointing a gun at the officers.",
        "Some witnesses said Ines Varga did not point a gun at the officers.",
        None,
    ),
    # two different times: two states, not two versions of one
    (
        "The Dunmere reservoirs were 44 per cent full a fortnight ago.",
        "The Dunmere reservoirs were 33 per cent full at the end of August.",
        None,
    ),
    # "stop" negates what it governs ("stopped paying"), not a clause the parser hangs on it
    (
        '"Our message is clear, the fighting in Dunmere must stop and this feud must end," '
        "he told the council.",
        'He stressed, "As the feud enters its third year, our message is clear: the fighting '
        'in Dunmere must stop and this feud must end."',
        None,
    ),
    # two doers, one of them named by both: no other version of who did it
    (
        "Fire Chief Dana Orlov and Mayor Pieter Lund ordered the evacuation of the streets "
        "around the warehouse.",
        "Mayor Pieter Lund ordered the evacuation of the streets around the warehouse.",
        None,
    ),
    (
        "Ines Varga of the Civic Alliance has won the Dunmere by-election.",
        "The Civic Alliance has won the Dunmere by-election, overturning a majority of 4,000.",
        None,
    ),
    # not one doer, and not one thing done to: two acts
    (
        "Tessaro Motors is recalling 84,000 cars in Europe over a fault in the brake booster.",
        "Brannock Cars is recalling 48,000 vehicles after the discovery of a brake fault.",
        None,
    ),
]


@pytest.mark.parametrize(("first", "second", "kind"), CASES)
def test_one_act_told_two_ways(
    first: str, second: str, kind: str | None, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claims = align_claims([a, b], resources)
    together = [c for c in claims if {m.article for m in c.mentions} >= {a.id, b.id}]
    if kind is None:
        assert all(c.status != "disputed" for c in together), [c.reason for c in together]
        return
    claim = one_claim(claims, a, b)
    assert claim.reason is not None and claim.reason.startswith(kind), claim.reason


def test_the_reason_names_each_pair_of_outlets_that_clash(resources: Resources) -> None:
    conceded = "The Green candidate, Tobias Renk, conceded defeat shortly after midnight."
    a = article("a", [conceded])
    b = article("b", ["Tobias Renk did not concede on the night, his party said on Friday."])
    c = article("c", ["Green candidate Tobias Renk refused to concede, seeking a recount."])
    claim = one_claim(align_claims([a, b, c], resources), a, b)
    assert claim.reason is not None
    clashes = claim.reason.split("; ")
    # a disputes b and c; b and c agree, so no clash names them both
    assert {frozenset(o for o in (a.id, b.id, c.id) if o in part) for part in clashes} == {
        frozenset({a.id, b.id}),
        frozenset({a.id, c.id}),
    }


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        # the crew agree; the passengers are counted apart and differ
        (
            "The MV Ostra Gull was carrying 326 passengers and 21 crew.",
            "There were 298 passengers and 21 crew aboard.",
            True,
        ),
        # a total against a kind of what it counts: a part
        (
            "Some 18,000 business customers lost power in Dunmere.",
            "In total about 41,000 customers lost power in Dunmere, including businesses.",
            False,
        ),
        # ... and only when it says what it counts: "two other rifles" may be no rifles at all
        (
            "Officers seized 12 AK-47 rifles, two other rifles and a launcher.",
            "Officers seized seven AK-47 rifles, two grenades and a launcher.",
            False,
        ),
        # the agreeing figure counts what the other does: one of them is a part
        (
            "A total of 27 boats answered the call, including three tugs.",
            "A total of 27 tugs, launches and other boats were on the scene.",
            False,
        ),
    ],
)
def test_one_figure_in_common_excuses_only_what_it_counts(
    first: str, second: str, clash: bool
) -> None:
    assert (figure_clash(first, second) is not None) is clash
    assert (figure_clash(second, first) is not None) is clash


@pytest.mark.parametrize(
    ("sentence", "verb", "negated", "mood"),
    [
        ("Renk refused to concede.", "concede", True, set()),
        ("Renk did not refuse to concede.", "concede", False, set()),
        ("No crashes were caused by the fault.", "cause", True, set()),
        ("The crew were unable to reach the ship.", "reach", True, set()),
        ("The council will close the unit.", "close", False, {"will"}),
        ("The council plans to close the unit.", "close", False, {"to:plan"}),
        ("The sprinkler system was not working.", "work", True, set()),
        ("The bridge was not safe.", "be:safe", True, set()),
    ],
)
def test_a_frame_reads_its_polarity_and_mood(
    sentence: str, verb: str, negated: bool, mood: set[str], resources: Resources
) -> None:
    (frame,) = [f for f in frames_of(resources.spacy()(sentence)) if f.verb == verb]
    assert frame.negated is negated
    assert set(frame.mood) == mood


def test_the_scorer_reads_each_clash_of_a_reason_apart() -> None:
    names = ("Gull Post", "Tern Daily", "Skua News")
    gull, tern, skua = (Side(f"a{k}", 0, 30, name) for k, name in enumerate(names))
    pairs = [Labelled(gull, tern, True), Labelled(gull, skua, True), Labelled(tern, skua, False)]
    mentions = [Mention(side.article, 0, 30, "") for side in (gull, tern, skua)]
    reason = (
        "negation: Gull Post and Tern Daily state opposite versions; "
        "negation: Gull Post and Skua News state opposite versions"
    )
    claim = Claim("c", "", "disputed", 3, mentions, reason)
    assert held_pairs(claim, pairs) == [0, 1]
