"""Echoes (figures/echo.py): a distinctive value that two articles of a story each state once
among several figures is one figure, even where their sentences share no word; two articles'
only counts of one thing are rivals where their values differ; and relative months ("last
month") are dated by the article.

Every story is invented (an invented port town, ferry company and hospital trust).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.figures import _dated, build_ledger
from corroborate.figures.echo import MIN_FIGURES, lone_counts, lone_values
from corroborate.figures.extract import Quantity
from corroborate.figures.subject import Subject
from corroborate.nlp import Resources
from test_figures import holding, make

# Other figures of each article, none of one value with another's: they make the lone value
# one among several.
FIRST_OTHERS = (
    "Work on the quay began in 2024 and 310 workers are on site. "
    "The harbour handled 8.2 million tonnes of cargo. "
    "Around 640 lorries use the port road each day."
)
SECOND_OTHERS = (
    "The harbour board has 11 members. "
    "Ferries carried 1.9 million passengers through Quenby. "
    "About 95 berths will be rebuilt."
)


def _story(first: str, second: str, *, others: bool = True) -> tuple[str, str]:
    if not others:
        return first, second
    return f"{first}\n{FIRST_OTHERS}", f"{second}\n{SECOND_OTHERS}"


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        # a cost with no noun in common: "cost" against "the line"
        (
            "The new terminal at Quenby is expected to cost €415 million.",
            "The €415m project will add four ferry ramps.",
            "€415 million",
            "€415m",
        ),
        # one count named with two nouns ("vacancies", "posts")
        (
            "The trust has 2,340 vacancies across its wards.",
            "Some 2,340 nursing posts are unfilled.",
            "2,340",
            "Some 2,340",
        ),
        # a small count: the same act
        (
            "Police arrested seven dockworkers after the raid.",
            "Seven people were arrested in connection with the seizure.",
            "seven",
            "Seven",
        ),
    ],
)
def test_lone_values_join(resources: Resources, first: str, second: str, fa: str, fb: str) -> None:
    one, two = _story(first, second)
    a, b = make(one, "Quenby Tide", date="2026-04-02"), make(two, "Harbour Wire", date="2026-04-02")
    figures = build_ledger([a, b], resources)
    together = holding(figures, a, fa)
    assert together is holding(figures, b, fb)
    assert together.status == "agree"


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "others"),
    [
        # one sentence per article: a lone value says nothing
        (
            "The new terminal at Quenby is expected to cost €415 million.",
            "The €415m project will add four ferry ramps.",
            "€415 million",
            "€415m",
            False,
        ),
        # two places named: a clash parts them, echo or not
        (
            "Quenby's council raised parking fees by 6.5% this spring.",
            "Marlow's council raised parking fees by 6.5% this spring.",
            "6.5%",
            "6.5%",
            True,
        ),
        # a small count of another act
        (
            "Seven cranes stood idle during the strike.",
            "Seven people were arrested in connection with the seizure.",
            "Seven",
            "Seven",
            True,
        ),
    ],
)
def test_apart_without_echo(
    resources: Resources, first: str, second: str, fa: str, fb: str, others: bool
) -> None:
    one, two = _story(first, second, others=others)
    a, b = make(one, "Quenby Tide"), make(two, "Harbour Wire")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, fa) is not holding(figures, b, fb)


def test_value_told_twice_is_not_lone(resources: Resources) -> None:
    """An article that gives €415m for two things has no lone €415m: the rules decide."""
    first = (
        "The new terminal at Quenby is expected to cost €415 million.\n"
        "The ferry company's debts also reached €415 million.\n" + FIRST_OTHERS
    )
    second = "The €415m project will add four ferry ramps.\n" + SECOND_OTHERS
    a, b = make(first, "Quenby Tide"), make(second, "Harbour Wire")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "€415 million") is not holding(figures, b, "€415m")


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (
            "Divers recovered four anchors from the wreck.",
            "Six anchors were recovered, the museum said.",
            "four",
            "Six",
        ),
        (
            "Rangers counted 14 nests on the island.",
            "Volunteers counted 17 nests, according to the trust.",
            "14",
            "17",
        ),
        (
            "The trust recorded 230 falls on its wards.",
            "In all, 260 falls were recorded, the report found.",
            "230",
            "260",
        ),
    ],
)
def test_lone_counts_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    one, two = _story(first, second)
    a, b = make(one, "Quenby Tide"), make(two, "Harbour Wire")
    figures = build_ledger([a, b], resources)
    rivals = holding(figures, a, fa)
    assert rivals is holding(figures, b, fb)
    assert rivals.status == "conflict"
    # one sentence per article: no such evidence, and no conflict
    a, b = make(first, "Quenby Tide"), make(second, "Harbour Wire")
    assert all(f.status != "conflict" for f in build_ledger([a, b], resources))


@given(
    st.lists(st.tuples(st.sampled_from("ab"), st.sampled_from(["nest", "egg", None])), max_size=20)
)
def test_lone_counts(rows: list[tuple[str, str | None]]) -> None:
    for (article, counted), alone in zip(rows, lone_counts(rows), strict=True):
        in_article = [c for a, c in rows if a == article]
        expected = len(in_article) >= MIN_FIGURES and in_article.count(counted) == 1
        assert alone == (counted is not None and expected)


def _quantity(value: float) -> Quantity:
    return Quantity(0, 1, str(value), value, "count")


@given(st.lists(st.tuples(st.sampled_from("abc"), st.integers(1, 6)), max_size=30))
def test_lone_values(rows: list[tuple[str, int]]) -> None:
    lone = lone_values([(article, _quantity(v)) for article, v in rows])
    for (article, value), alone in zip(rows, lone, strict=True):
        in_article = [v for a, v in rows if a == article]
        assert alone == (len(in_article) >= MIN_FIGURES and in_article.count(value) == 1)


@pytest.mark.parametrize(
    ("said", "published", "month"),
    [
        ("last month", "2026-05-15", "april"),
        ("last month", "2026-01-09", "december"),
        ("next month", "2026-12-01", "january"),
        ("this month", "2026-07-30", "july"),
    ],
)
def test_relative_month_dated(said: str, published: str, month: str) -> None:
    subject = _dated(Subject(times=frozenset({said})), published)
    assert subject.times == {said, month}


def test_relative_month_meets_named_month(resources: Resources) -> None:
    first = "Only 71% of patients were seen within four hours in April, the trust said."
    second = "Only 71% of patients were seen within four hours last month, the trust said."
    a = make(first, "Quenby Tide", date="2026-05-14")
    b = make(second, "Harbour Wire", date="2026-05-15")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "71%") is holding(figures, b, "71%")
