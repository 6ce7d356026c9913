"""Counts of one thing told two ways, and readings that must not hide them.

Every sentence here is invented (a council vote in Orvel, a smoke-filled tunnel in Brisk, cavers
stranded in the Hallam caves), with the kinds of wording real coverage has: a tally with its
other side in common, the people counted as those who needed help, a depth given as a position.
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.disputes import figure_clash
from corroborate.nlp import Resources
from test_claims import article


@pytest.mark.parametrize(
    ("first", "second", "clash"),
    [
        # the other side of one tally in common: the tally still differs
        (
            "The Orvel council approved the budget by 31 votes to 12.",
            "Councillors backed the Orvel budget by 27 votes to 12 on Monday night.",
            True,
        ),
        (
            "The Brisk juniors won 9 of 14 matches this season.",
            "The Brisk juniors won 11 of 14 matches in the season.",
            True,
        ),
        # ... while a figure in common that is no side of a tally still excuses the rest
        (
            "Officers seized 12 rifles, two handguns and a launcher.",
            "Officers seized seven rifles, two grenades and a launcher.",
            False,
        ),
        # a share of a whole both give counts nothing of its own
        (
            "Twelve of the 40 passengers were hurt in the Brisk tunnel.",
            "Thirty of the 40 passengers walked out of the Brisk tunnel unhurt.",
            False,
        ),
    ],
)
def test_a_tally_in_common_excuses_nothing(first: str, second: str, clash: bool) -> None:
    assert (figure_clash(first, second) is not None) is clash
    assert (figure_clash(second, first) is not None) is clash


# Two outlets' sentences that align as one claim: disputed or not.
CASES = [
    # the figure counts those who needed help, not what was asked for
    (
        "Hospitals in Brisk treated 310 people for smoke inhalation on Sunday.",
        "On Sunday, 190 people needed hospital treatment for smoke inhalation in Brisk.",
        True,
    ),
    # ... while what one side asks for is still not what the other says was done
    (
        "The Orvel dockers' union is seeking 300 new jobs at the container terminal.",
        "The terminal's owner has offered 120 new jobs at the Orvel container terminal.",
        False,
    ),
    # a depth told as a position is a depth, not a gap
    (
        "The Hallam cavers were stranded 220 metres underground, rescuers said.",
        "The Hallam cavers had been stranded 180 metres below the surface.",
        True,
    ),
    # ... while a length above a usual level is a gap, not the level
    (
        "The river Brisk rose to 4.1 metres at the town bridge on Tuesday.",
        "The river Brisk was 1.2 metres above its usual level at the town bridge on Tuesday.",
        False,
    ),
]


@pytest.mark.parametrize(("first", "second", "disputed"), CASES)
def test_a_count_read_for_what_it_is(
    first: str, second: str, disputed: bool, resources: Resources
) -> None:
    a, b = article("a", [first]), article("b", [second])
    claims = align_claims([a, b], resources)
    touching = [c for c in claims if {m.article for m in c.mentions} & {a.id, b.id}]
    found = [c for c in touching if c.status == "disputed"]
    if disputed:
        assert found and all("different figures" in (c.reason or "") for c in found), [
            (c.text, c.reason) for c in touching
        ]
    else:
        assert not found, [c.reason for c in found]
