"""Figures written the way people say them: "an hour and a half", "almost a decade", "half a
year", "cut fares by half", "a fifth below", "about an eighth", "60g", "a 6.4-magnitude quake",
"25-minute delays", "lasted six hours before ...", "18 months later than planned".

The session-12 tally of labelled mentions the ledger never read (figure stories dev, dev2, dev3
and the dev pair sets) found these forms the commonest after dates told from now ("47 years
ago"), which stay dates. Each form has sentences that must NOT become figures beside it.
"""

from __future__ import annotations

import pytest

from corroborate.figures.extract import Quantity, read_quantities
from corroborate.figures.values import same_dimension, values_agree

# (sentence, as written, value, unit, low, high, approximate)
READ = [
    # one unit of time told with "a"
    ("The gates opened an hour and a half late.", "an hour and a half", 1.5, "hours"),
    ("The viaduct will close for a year and a half from May.", "a year and a half", 1.5, "years"),
    ("The orchard fund shrank in half a year.", "half a year", 0.5, "years"),
    ("Rescuers reached the walkers in just under an hour.", "just under an hour", 1.0, "hours"),
    ("The miner was jailed for a year.", "a year", 1.0, "years"),
    ("The survey ship spent almost a decade at sea.", "almost a decade", 1.0, "decades"),
    # a share that sizes a change, with no "of"
    ("The ferry company cut fares by half last winter.", "half", 50.0, "percent"),
    ("Its shares had fallen by almost half since May.", "almost half", 50.0, "percent"),
    ("Lorn Water wants to raise bills by nearly a third.", "nearly a third", 100 / 3, "percent"),
    ("The vaccine reduced admissions by a quarter.", "a quarter", 25.0, "percent"),
    ("Footfall is about a fifth below last year's.", "about a fifth", 20.0, "percent"),
    ("Sales were a third higher than in June.", "a third", 100 / 3, "percent"),
    ("The trust lost about an eighth of its value.", "about an eighth", 12.5, "percent"),
    # a unit touching the number, a measure as a modifier
    ("Each parcel must weigh at least 60g.", "at least 60g", 60.0, "grams"),
    ("Patients took 5mg a day.", "5mg", 5.0, "mg"),
    ("A 6.4-magnitude quake shook the valley.", "6.4-magnitude", 6.4, "magnitude"),
    ("Commuters face 25-minute delays on the coast line.", "25-minute", 25.0, "minutes"),
    ("Only 40% were seen within the 18-week target.", "18-week", 18.0, "weeks"),
    # a span a verb of lasting gives, and a delay: not a time told from another
    ("The storm lasted about six hours before it eased.", "about six hours", 6.0, "hours"),
    ("The hostages were held for two days before their release.", "two days", 2.0, "days"),
    ("The tunnel will open 18 months later than planned.", "18 months", 18.0, "months"),
]


@pytest.mark.parametrize(("text", "written", "value", "unit"), READ)
def test_spoken_figure_is_read(text: str, written: str, value: float, unit: str) -> None:
    found = [q for q in read_quantities(text) if q.unit == unit]
    assert [(q.as_written, q.unit) for q in found] == [(written, unit)]
    assert found[0].value == pytest.approx(value)


def test_bounds_and_approximation_are_kept() -> None:
    [decade] = read_quantities("The survey ship spent almost a decade at sea.")
    assert (decade.high, decade.approximate) == (1.0, True)
    [third] = read_quantities("Lorn Water wants to raise bills by nearly a third.")
    assert third.approximate and third.high == pytest.approx(100 / 3)


NOT_FIGURES = [
    "She earns £30,000 a year.",  # a rate: only the money is a figure
    "The ferry sails twice a day in winter.",
    "It was a day of protests across the island.",
    "The talks collapsed a week ago.",  # a date told from now
    "Two days later, police arrested a second man.",
    "She won the title for a second time.",
    "Claims are settled within a month.",  # a deadline, not counted in the labelled sets
    "The firm was sued by a third party.",
    "The seller was advised by a third, a filing shows.",  # a third bank
    "The visitors led by half-time.",
    "He lost half a day's pay.",
    "The 5G mast went up last spring.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert [q.as_written for q in read_quantities(text) if q.unit != "GBP"] == []


def _one(text: str) -> Quantity:
    [quantity] = read_quantities(text)
    return quantity


@pytest.mark.parametrize(
    ("one", "other", "agree"),
    [
        ("The doors opened 90 minutes late.", "The doors opened an hour and a half late.", True),
        ("The fund fell in six months.", "The fund fell in half a year.", True),
        ("The viaduct shuts for 18 months.", "The viaduct shuts for a year and a half.", True),
        ("The probe spent nine years in space.", "The probe spent almost a decade in space.", True),
        ("The fund lost 12% of its value.", "The fund lost about an eighth of its value.", True),
        ("The doors opened two hours late.", "The doors opened an hour and a half late.", False),
        ("The viaduct shuts for two years.", "The viaduct shuts for 18 months.", False),
    ],
)
def test_spans_in_two_units_compare(one: str, other: str, agree: bool) -> None:
    assert values_agree(_one(one), _one(other)) is agree
    assert values_agree(_one(other), _one(one)) is agree


def test_spans_in_two_units_are_never_one_dimension() -> None:
    # Two spans that disagree in two units stay two figures: never a conflict.
    assert not same_dimension(_one("It shuts for two years."), _one("It shuts for 18 months."))
