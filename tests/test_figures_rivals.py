"""Rivals across a story: a conflict is found between outlets, figure to figure.

- A value that is a true rival of one outlet's figure is a rival of the figure that outlet's
  value belongs to: "some 800 homes" against "about 1,200 homes" is a conflict even where a
  third outlet's "1,200 homes were damaged" says too little to be a rival on its own.
- Two values of one article are never what makes a conflict: an article that gives "€2.7bn"
  and "€160m" is telling two figures, not disagreeing with itself.
- Where the latest reports still disagree among themselves, the figure is in conflict, not
  updated: "27 injured" on Sunday, then "23" and "27" on Monday.

Every story is invented (an invented town, bus company and airlines).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.nlp import Resources
from test_figures import holding, make

SUNDAY, MONDAY = "2026-03-01", "2026-03-02"


def _ledger(resources: Resources, texts: list[tuple[str, str, str]]) -> tuple[list, list]:
    articles = [make(text, outlet, date=date) for outlet, date, text in texts]
    return build_ledger(articles, resources), articles


def _homes(second_date: str) -> list[tuple[str, str, str]]:
    """Two outlets agree on 1,200 homes; another says 800, sharing "the storm" with only one of
    them."""
    return [
        ("Ostry Post", SUNDAY, "About 1,200 homes were damaged in the storm, the agency said."),
        (
            "Valley Wire",
            second_date,
            "The agency said some 800 homes had been damaged by the storm.",
        ),
        ("Metro Daily", second_date, "Engineers estimated that 1,200 homes were damaged."),
    ]


@pytest.mark.parametrize("second_date", [SUNDAY, MONDAY])
def test_a_rival_of_one_outlet_is_a_rival_of_its_figure(
    resources: Resources, second_date: str
) -> None:
    figures, (a, b, c) = _ledger(resources, _homes(second_date))
    figure = holding(figures, b, "800")
    assert figure is holding(figures, a, "1,200") is holding(figures, c, "1,200")
    assert figure.status == "conflict" and not figure.updated


def test_many_outlets_against_one_is_still_a_conflict(resources: Resources) -> None:
    more = ("Coast FM", SUNDAY, "In all 1,200 homes were damaged, officials said.")
    figures, (a, b, *_) = _ledger(resources, [*_homes(SUNDAY), more])
    figure = holding(figures, b, "800")
    assert figure is holding(figures, a, "1,200") and figure.status == "conflict"
    assert "3 independent sources" in figure.reason and "some 800 (1 " in figure.reason


def test_two_figures_of_one_article_are_no_conflict(resources: Resources) -> None:
    first = (
        "The merger values the smaller airline at €2.7bn, the companies said.\n"
        "The airlines expect to save €160m a year within three years by combining networks."
    )
    figures, (a, _) = _ledger(
        resources,
        [
            ("Ostry Post", SUNDAY, first),
            ("Valley Wire", SUNDAY, "The deal values Skyra at €2.7bn."),
        ],
    )
    assert holding(figures, a, "€2.7bn") is not holding(figures, a, "€160m")
    assert all(f.status != "conflict" for f in figures)


def test_latest_reports_that_disagree_are_a_conflict_not_an_update(resources: Resources) -> None:
    figures, (a, b, c) = _ledger(
        resources,
        [
            ("Ostry Post", SUNDAY, "A bus left the road near Ostry, and 27 people were injured."),
            ("Valley Wire", MONDAY, "Officials said 23 people were injured in the crash."),
            ("Metro Daily", MONDAY, "Rescue workers said 27 people were injured in the crash."),
        ],
    )
    figure = holding(figures, b, "23")
    assert figure is holding(figures, a, "27") is holding(figures, c, "27")
    assert figure.status == "conflict" and not figure.updated
    assert "then" not in figure.reason


def test_a_toll_that_rose_is_still_an_update(resources: Resources) -> None:
    figures, (a, b, c) = _ledger(
        resources,
        [
            (
                "Ostry Post",
                SUNDAY,
                "A bus left the road near Ostry on Sunday, killing nine people.",
            ),
            ("Valley Wire", MONDAY, "The death toll from the bus crash near Ostry rose to 11."),
            ("Metro Daily", MONDAY, "The number of people killed in the crash has risen to 11."),
        ],
    )
    figure = holding(figures, b, "11")
    assert figure is holding(figures, c, "11") is holding(figures, a, "nine")
    assert figure.status == "agree" and figure.updated
