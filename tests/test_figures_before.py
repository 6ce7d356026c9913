"""A figure's earlier value told in its own sentence ("had reached 3,400 by Wednesday, up from
1,200 on Monday", figures/before.py) is the same figure at an earlier time: the ledger shows
one figure, updated, never two figures nor a conflict.

Every story is invented (an invented town, health trust and bridge).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.figures.before import earlier_of
from corroborate.figures.extract import read_quantities
from corroborate.nlp import Resources
from test_figures import holding, make


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Cancellations reached 3,400 by Wednesday, up from 1,200 on Monday.", [None, 0]),
        ("The bridge will now cost £61m, up from the £38m estimate.", [None, 0]),
        # another unit, or a clause break: not the figure's earlier value
        ("The fund holds £61m, up from 38 members last year.", [None, None]),
        ("The bridge will cost £61m. Up from the £38m it was, said one.", [None, None]),
        # a figure of a period and the previous period's: two figures, not an update
        ("Ferries carried 1.2 million passengers in 2025, up from 900,000 in 2024.", [None, None]),
        ("Flu cases reached 412 last week, up from 280 the week before.", [None, None]),
        ("Unemployment fell to 4.1% in March, down from 4.6% a year earlier.", [None, None]),
        # nothing says the figure moved to date: perhaps another event's figure
        ("The party won 58 seats, up from 41.", [None, None]),
        # "from ... to" is a change told, not an earlier report: left as it was
        ("The bill will go up from £480 to £581.", [None, None]),
    ],
)
def test_earlier_value_is_found(text: str, links: list[int | None]) -> None:
    assert earlier_of(read_quantities(text), text) == links


def test_earlier_value_joins_another_outlets_report_of_it(resources: Resources) -> None:
    a = make(
        "The cyber attack forced the Ostry health trust to cancel 1,200 outpatient appointments.",
        "Ostry Post",
        date="2026-03-02",
    )
    b = make(
        "The number of outpatient appointments cancelled because of the attack had reached "
        "3,400 by Wednesday, up from 1,200 on Monday.",
        "Valley Wire",
        date="2026-03-04",
    )
    figures = build_ledger([a, b], resources)
    figure = holding(figures, b, "3,400")
    assert figure is holding(figures, b, "1,200") is holding(figures, a, "1,200")
    assert figure.updated and figure.status != "conflict"
    assert "1,200 (2026-03-02) then 3,400 (2026-03-04)" in figure.reason


def test_one_article_tells_an_update(resources: Resources) -> None:
    a = make(
        "The new bridge at Ostry will now cost £61m, up from the £38m estimate.\n"
        "The bridge will be 420 metres long.",
        "Ostry Post",
        date="2026-03-02",
    )
    figures = build_ledger([a], resources)
    figure = holding(figures, a, "£61m")
    assert figure is holding(figures, a, "£38m")
    assert figure.updated and figure.status == "single-source"
    assert "£38m (before 2026-03-02) then £61m" in figure.reason


def test_another_outlets_earlier_value_is_no_rival(resources: Resources) -> None:
    # the earlier value told by another outlet reports the past, it does not contradict 58
    a = make("The Selwyn Party, led by Mara Hoyt, won 58 seats, up from 41.", "Ostry Post")
    b = make("The Selwyn Party won 41 seats at the last election.", "Valley Wire")
    figures = build_ledger([a, b], resources)
    assert all(f.status != "conflict" for f in figures)
    # nothing says the 58 moved to date ("now", "has risen"): the 41 may be another
    # election's figure, so it is not linked
    assert holding(figures, a, "41") is not holding(figures, a, "58")
