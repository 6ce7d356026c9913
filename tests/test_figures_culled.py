"""The session-10 audit planted a conflict the ledger missed: one outlet's 28,000 hens to be
culled at a farm, another's 32,000 hens "to be destroyed" there. "Are to be destroyed" was read
as a state ("are": how many there are), and culling and destroying were two acts. Now "are to be
destroyed" is the act planned and culling is destroying. (The audit's own pair still lacks
evidence: its place name is the story's topic, and "on the site" shares no noun with "a farm".)

Every story is invented (an invented town, farm and agency).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger, collect_mentions
from corroborate.nlp import Resources
from test_figures import holding, make


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Around 32,000 hens are to be destroyed at a farm near Tolven.", "destroy"),
        ("Two schools are to close in June.", "close"),
        # a state stays a state
        ("About 9,000 households are still without power.", "have"),
    ],
)
def test_the_act_planned(resources: Resources, text: str, verb: str) -> None:
    (mention,) = collect_mentions(make(text, "one"), resources)
    assert mention.subject.verb == verb


WIRE = (
    "All 28,000 laying hens at a farm near Tolven will be culled after bird flu was found "
    "there, the county's animal health agency said on Friday.\n"
    "A 3km protection zone has been set up around the Tolven farm."
)
RADIO = (
    "Around 32,000 hens are to be destroyed at a farm near Tolven after bird flu was found "
    "there, the agency said on Friday."
)
GAZETTE = (
    "Keepers near Tolven were told on Friday to keep their birds indoors, and a 10km "
    "surveillance zone was set up around the Tolven farm."
)


def test_hens_culled_and_destroyed_are_rivals(resources: Resources) -> None:
    a = make(WIRE, "Tolven Wire", date="2026-02-06")
    b = make(RADIO, "Tolven Radio", date="2026-02-06")
    c = make(GAZETTE, "Tolven Gazette", date="2026-02-06")
    figures = build_ledger([a, b, c], resources)
    figure = holding(figures, a, "28,000")
    assert figure is holding(figures, b, "Around 32,000")
    assert figure.status == "conflict"


def test_other_birds_are_no_rivals(resources: Resources) -> None:
    # the same act on another kind of bird, or on more birds elsewhere: not the farm's hens
    a = make(WIRE, "Tolven Wire", date="2026-02-06")
    b = make(
        "Around 4,000 ducks are to be destroyed at a farm near Tolven, the agency said.",
        "Tolven Radio",
        date="2026-02-06",
    )
    c = make(
        "Another 6,000 hens will be culled at a second farm near Tolven.\n" + GAZETTE,
        "Tolven Gazette",
        date="2026-02-06",
    )
    figures = build_ledger([a, b, c], resources)
    assert all(f.status != "conflict" for f in figures)
