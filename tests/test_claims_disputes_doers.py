"""Doers told two ways: two outlets name different doers of one act, by a role or a name, and
may word the act with two verbs ("found" / "discovered").

Every article here is invented (a gas leak at Rensby, a concert at the Orveld hall, a boy lost
near the Ostby reservoir), with the kinds of difference real coverage has: a role for a name,
an owner before a role, a passive against an active, "was the first to".
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.frames import frames_of
from corroborate.nlp import Resources
from test_claims import article

# (first, second, a dispute of another doer expected)
CASES = [
    # two roles, each one someone; "was the first to find" is a finding
    (
        "A passing jogger found the missing boy near the Ostby reservoir on Sunday morning.",
        "A postal worker was the first to find the missing boy near the Ostby reservoir on "
        "Sunday morning.",
        True,
    ),
    # a named body against a role tied to another owner, the act worded apart
    (
        "The gas leak was found by the Rensby Gas Board during a routine inspection.",
        "Velcor's own inspectors discovered the gas leak during safety checks, the company said.",
        True,
    ),
    # a named person against a role tied to another owner, one verb
    (
        "The band's drummer, Piet Aaltonen, halted the concert and asked fans to step back.",
        "The concert was halted by the hall's fire officer, who ordered everyone out.",
        True,
    ),
    # --- no dispute ---
    # two groups named by role: one crew, or two side by side
    (
        "Paramedics treated the injured driver at the roadside.",
        "Ambulance crews treated the injured driver at the roadside.",
        False,
    ),
    # one fire under two words: things, not people
    (
        "A fire destroyed the old Kessel mill on Tuesday night.",
        "A blaze gutted the old Kessel mill on Tuesday night.",
        False,
    ),
    # a role beside a name is often that name's first mention
    (
        "A retired teacher found the stolen painting in a skip behind the Orveld hall.",
        "Marta Lindqvist found the stolen painting in a skip behind the Orveld hall.",
        False,
    ),
    # "also": a second doer beside the first
    (
        "Divers from the Coast Rescue Service searched the flooded quarry on Monday.",
        "The harbour's own diver also searched the flooded quarry on Monday.",
        False,
    ),
    # two named people of one story, each with an act of their own
    (
        "Mayor Ann Pike congratulated the winner at the finish line.",
        "Olga Strand won the race at the finish line.",
        False,
    ),
]


@pytest.mark.parametrize(("first", "second", "disputed"), CASES)
def test_another_doer_of_one_act(
    first: str, second: str, disputed: bool, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claims = align_claims([a, b], resources)
    actors = [c for c in claims if c.reason and "different actor" in c.reason]
    if not disputed:
        assert not actors, [c.reason for c in actors]
        return
    assert actors, [(c.text, c.status, c.reason) for c in claims]
    for claim in actors:
        assert claim.status == "disputed"
        # the reason names both outlets and lets a reader see who each says did it
        assert claim.reason is not None and a.id in claim.reason and b.id in claim.reason


@pytest.mark.parametrize(
    ("sentence", "verb", "doer"),
    [
        ("A bus driver was the first to call the police.", "call", "driver"),
        ("Nurse Ida Holm was the only one to stay.", "stay", None),  # "one" is no rank word
        ("The last to leave was the captain.", "leave", None),
    ],
)
def test_the_first_to_do_it_did_it(
    sentence: str, verb: str, doer: str | None, resources: Resources
) -> None:
    (frame,) = [f for f in frames_of(resources.spacy()(sentence)) if f.verb == verb]
    assert (frame.doer.lemma if frame.doer else None) == doer


@pytest.mark.parametrize(
    ("sentence", "anchors"),
    [
        ("Velcor's own inspectors found the leak.", {"velcor"}),
        ("Divers from the Coast Rescue Service searched the quarry.", {"service"}),
        ("A guard at the Orveld depot saw the van.", {"depot"}),
        ("Its inspectors found the leak.", set()),  # a pronoun owner says nothing of whose
        ("Part of the crew left the ship.", set()),  # a part of what "of" names
    ],
)
def test_whose_a_doer_is(sentence: str, anchors: set[str], resources: Resources) -> None:
    frames = [f for f in frames_of(resources.spacy()(sentence)) if f.doer]
    got = {a.split()[-1] for a in frames[0].doer.anchors} if frames[0].doer else set()
    assert got == anchors
