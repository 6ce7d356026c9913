"""A figure's earlier value told in a sentence that looks back ("The toll rose to 17 on Tuesday.
The coastguard had earlier put the figure at 12.", figures/lookback.py) is the same figure at an
earlier time: the ledger shows one figure, updated, never a conflict.

Every story is invented (an invented coast, water company and mill).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.figures.extract import read_quantities
from corroborate.figures.lookback import looks_back
from corroborate.nlp import Resources
from test_figures import holding, make


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("The coastguard had earlier put the figure at 12.", "general"),
        ("It had initially put the number of dead at 20.", "general"),
        ("The agency had initially reported 23 deaths.", "own"),
        ("The fire service had on Friday reported three deaths.", "own"),
        ("The council had originally budgeted £12m for the scheme.", "own"),
        # an act, not a figure stated; no word of earlier time; not past perfect
        ("Police had earlier arrested two men.", None),
        ("The agency had reported 23 deaths.", None),
        ("The agency initially reported 23 deaths.", None),
    ],
)
def test_look_back_is_read(text: str, how: str | None) -> None:
    quantities = read_quantities(text)
    assert looks_back(text, 0, quantities[-1]) == how


def test_only_up_to_the_figure_before() -> None:
    # "40 injuries" follows another figure of the sentence: the look-back was about that one
    text = "The agency had earlier reported 23 deaths and 40 injuries."
    first, second = read_quantities(text)
    assert looks_back(text, 0, first) == "own"
    assert looks_back(text, first.end, second) is None


@pytest.mark.parametrize(
    ("first", "later", "new", "old"),
    [
        (
            "A ferry sank off the Kelmouth coast on Monday, killing 12 people, the coastguard "
            "said.",
            "The death toll from the ferry sinking off the Kelmouth coast rose to 17 on "
            "Tuesday, officials said.\nThe coastguard had earlier put the figure at 12.",
            "17",
            "12",
        ),
        (
            "Orvel Water faces a fine of £6m proposed by the regulator over sewage spills.",
            "The regulator on Thursday raised the fine it will impose on Orvel Water to £9m "
            "over sewage spills.\nIt had initially proposed a penalty of £6m.",
            "£9m",
            "£6m",
        ),
    ],
)
def test_look_back_is_an_earlier_value_not_a_rival(
    resources: Resources, first: str, later: str, new: str, old: str
) -> None:
    a = make(first, "Kelmouth Post", date="2026-05-04")
    b = make(later, "Harbour Wire", date="2026-05-05")
    figures = build_ledger([a, b], resources)
    figure = holding(figures, b, new)
    # the later article's look-back value and the first article's report of it: one figure
    assert figure is holding(figures, b, old) is holding(figures, a, old)
    assert figure.updated and figure.status != "conflict"
    assert f"{old} (2026-05-04) then {new} (2026-05-05" in figure.reason


def test_a_look_back_at_another_thing_is_no_earlier_value(resources: Resources) -> None:
    # the look-back counts injuries; the toll counts deaths: not one figure
    a = make(
        "The death toll from the fire at the Brannock mill rose to 9 on Tuesday.\n"
        "Police had earlier reported 40 injuries.",
        "Mill Gazette",
        date="2026-07-01",
    )
    figures = build_ledger([a], resources)
    assert holding(figures, a, "9") is not holding(figures, a, "40")
