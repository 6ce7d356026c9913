"""A figure dated by a weekday and another outlet's undated figure of the same thing, in a paper
of that day or the day after, may be one day's count (`ledger.day_of_report`): news reports
today's and yesterday's events, so "70 trains had been cancelled on Sunday" (Tuesday's paper)
and "cancelled 120 trains" (Monday's) are rivals stated at one time, a conflict. A weekday
further back, or articles without dates, keep them apart as before.

Every sentence is invented (an invented valley, rail line and harbour).
"""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.figures import build_ledger, when
from corroborate.nlp import Resources
from test_figures import holding, make

MONDAY, TUESDAY = "2026-05-04", "2026-05-05"
UNDATED = "Rail operators cancelled 120 trains across the Harlow valley because of the flooding."


def _dated(day: str) -> str:
    return f"Officials said 70 trains had been cancelled across the Harlow valley on {day}."


@pytest.mark.parametrize(
    ("days", "published", "expected"),
    [
        ({"sunday"}, TUESDAY, date(2026, 5, 3)),
        ({"tuesday"}, TUESDAY, date(2026, 5, 5)),  # the paper's own day
        ({"wednesday"}, TUESDAY, date(2026, 4, 29)),  # last week's
        ({"sunday", "monday"}, TUESDAY, None),  # two days: no one date
        ({"sunday"}, None, None),
        ({"sunday"}, "May 2026", None),
    ],
)
def test_day_date(days: set[str], published: str | None, expected: date | None) -> None:
    assert when.day_date(frozenset(days), published) == expected


def test_news_days() -> None:
    assert when.news_days(MONDAY) == {date(2026, 5, 4), date(2026, 5, 3)}
    assert when.news_days(None) == frozenset()


def test_weekday_of_the_undated_papers_day_before_is_a_conflict(resources: Resources) -> None:
    # Sunday 3 May is the day before Monday's paper: its undated 120 may be Sunday's count
    a = make(UNDATED, "one", date=MONDAY)
    b = make(_dated("Sunday"), "two", date=TUESDAY)
    figures = build_ledger([a, b], resources)
    figure = holding(figures, a, "120")
    assert figure is holding(figures, b, "70")
    assert figure.status == "conflict" and not figure.updated


def test_weekday_of_the_undated_papers_own_day_is_a_conflict(resources: Resources) -> None:
    a = make(UNDATED, "one", date=MONDAY)
    b = make(_dated("Monday"), "two", date=TUESDAY)
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "120") is holding(figures, b, "70")
    assert holding(figures, a, "120").status == "conflict"


@pytest.mark.parametrize(
    ("day", "dates"),
    [
        ("Saturday", (MONDAY, TUESDAY)),  # two days before Monday's paper: another day's count
        ("Sunday", (None, None)),  # no dates: the weekday cannot be placed
        ("Sunday", (MONDAY, None)),
    ],
)
def test_other_days_stay_apart(
    resources: Resources, day: str, dates: tuple[str | None, ...]
) -> None:
    a = make(UNDATED, "one", date=dates[0])
    b = make(_dated(day), "two", date=dates[1])
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "120") is not holding(figures, b, "70")
    assert all(f.status != "conflict" for f in figures)
