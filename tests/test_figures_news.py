"""Figures in the forms of session 3's news kinds: South Asian scales, temperatures, word shares,
rounding edges, local dollars, and the subject rules they needed (what money is for, rates
against totals, holders of two changes, prison terms, synonyms of the thing counted).

Every sentence is invented (invented places, companies and people).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger, read_quantities
from corroborate.figures.ledger import values_agree
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_together, make, one


@pytest.mark.parametrize(
    ("text", "value", "unit", "written"),
    [
        ("Floods forced 2.5 lakh people from their homes.", 250_000, "count", "2.5 lakh"),
        ("The gang laundered Rs 40 crore, police said.", 400_000_000, "INR", "Rs 40 crore"),
        ("Each bidder paid Rs. 750 for the form.", 750, "INR", "Rs. 750"),
        ("The state passed a Rs 9,300-crore budget.", 93_000_000_000, "INR", "Rs 9,300-crore"),
        ("She faces a $2.5-million fine.", 2_500_000, "USD", "$2.5-million"),
        ("Tennerby baked in 41.3C heat.", 41.3, "degrees", "41.3C"),
        ("The mercury reached 39 °C by noon.", 39, "degrees", "39 °C"),
        ("The Ardley reservoir lost half its water.", 50, "percent", "half"),
        ("Wind now meets three-fifths of Ardley's demand.", 60, "percent", "three-fifths"),
        ("The comet passed 12 light-years from the star.", 12, "light years", "12 light-years"),
        ("The tremor had a magnitude of 4.7.", 4.7, "magnitude", "4.7"),
        ("A pint of milk in Orwick costs 65p.", 0.65, "GBP", "65p"),  # pence are pounds
        ("Fares on the Telby line rose by 20 pence.", 0.2, "GBP", "20 pence"),
        ("Diesel fell 3.5p a litre.", 0.035, "GBP", "3.5p"),
        ("The Ferrand reservoir is a third full.", 100 / 3, "percent", "a third"),
        ("The fire burned 40 square km of moor.", 40, "km2", "40 square km"),
        ("The Ferrand stand was half empty.", 50, "percent", "half"),
    ],
)
def test_news_forms_are_read(text: str, value: float, unit: str, written: str) -> None:
    got_value, _low, _high, got_unit, _approx, as_written = one(text)
    assert got_value == pytest.approx(value)
    assert (got_unit, as_written) == (unit, written)


@pytest.mark.parametrize(
    "text",
    [
        "Group C 4 points clear",
        "Take vitamin C twice a day",
        "It took half an hour.",
        "He is right half the time.",
        "The vote closes at 2 p.m. on Friday.",  # a time, not pence
        "She won for a third time.",
    ],
)
def test_letters_and_idioms_are_not_news_forms(text: str) -> None:
    assert all(q.unit not in ("degrees", "percent", "GBP") for q in read_quantities(text))


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        ("4.15%", "4.2%", True),  # rounds to it
        ("2.5%", "3%", False),  # on the edge of "3%", a round figure of its own
        ("2.33%", "2.3%", True),
        ("A$1,890", "about $1,900", True),  # an Australian report's own dollar
        ("A$3.4 billion", "$2.9 billion", False),
        ("A$3.4 billion", "US$3.4 billion", False),  # the US dollar written as such
    ],
)
def test_rounding_edges_and_local_dollars(first: str, second: str, agree: bool) -> None:
    (a,), (b,) = read_quantities(first), read_quantities(second)
    assert values_agree(a, b) is agree


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (
            "The Corley budget sets aside £900m for roads over four years.",
            "The Corley budget sets aside £300m for libraries over four years.",
            "£900m",
            "£300m",
        ),
        (
            "Brannock Foods shares jumped 11% on Monday.",
            "Brannock Foods' quarterly profit rose 11% to $95m.",
            "11%",
            "11%",
        ),
        (
            "Hessle Mining's revenue rose 9% to $2.1bn last year.",
            "Hessle Mining's operating margin widened to 9%.",
            "9%",
            "9%",
        ),
        (
            "More than 600 trains were cancelled in Tarvey on Friday.",
            "Tarvey station handles 900 trains a day.",
            "More than 600",
            "900",
        ),
        (
            "The Tarvey council rates will rise 2.9% next year.",
            "The Tarvey council rates rose 3.6% this year.",
            "2.9%",
            "3.6%",
        ),
    ],
)
def test_purposes_holders_and_rates_keep_figures_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "Some 640,000 postal votes were cast in Morland.",
            "Morland election officials counted 641,200 postal ballots.",
            "Some 640,000",
            "641,200",
            "agree",
        ),
        (
            "The Pellow tunnel will be 14 km long.",
            "The Pellow tunnel will run 19 kilometres.",
            "14 km",
            "19 kilometres",
            "conflict",
        ),
        (
            "Former councillor Dana Rusk was jailed for four years for bribery.",
            "Dana Rusk was sentenced to seven years in prison.",
            "four years",
            "seven years",
            "conflict",
        ),
        (
            "Average weekly earnings in Tennerby rose to A$1,640.",
            "Tennerby's average weekly wage is about $1,650.",
            "A$1,640",
            "about $1,650",
            "agree",
        ),
        (
            "Marrin Steel reported a quarterly net profit of $140m.",
            "Marrin Steel posted a net profit of $95m for the quarter.",
            "$140m",
            "$95m",
            "conflict",
        ),
        (
            "Court records show Rs 40 crore was laundered through Ellora Traders.",
            "Ellora Traders laundered ₹400 million, court records show.",
            "Rs 40 crore",
            "₹400 million",
            "agree",
        ),
    ],
)
def test_synonyms_measures_terms_and_scales_line_up(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


def test_last_year_meets_the_year_before_publication(resources: Resources) -> None:
    a = make("Hessle Mining's revenue rose to €3.4bn last year.", "one", date="2026-03-02")
    b = make("Hessle Mining's revenue came to 3.4 billion euros in 2025.", "two")
    c = make("Hessle Mining's revenue came to 3.4 billion euros in 2024.", "three")
    figures = build_ledger([a, b, c], resources)
    held = [f for f in figures if any(m.article == a.id for v in f.values for m in v.mentions)]
    assert len(held) == 1
    articles = {m.article for v in held[0].values for m in v.mentions}
    assert articles == {a.id, b.id}


@pytest.mark.parametrize(
    "text", ["Tarvey drew 2-2 at home.", "Corley won 3-1 in the final.", "a 101-94 win for Pellow"]
)
def test_a_result_is_neither_a_range_nor_two_counts(text: str) -> None:
    assert read_quantities(text) == []


def test_a_table_row_counts_the_label_before_each_number(resources: Resources) -> None:
    assert_together(
        resources,
        "Morland results: Turnout 55.4% Registered voters 2,310,000 Rejected ballots 9,212",
        "Morland had 2.31 million registered voters.",
        "2,310,000",
        "2.31 million",
        "agree",
    )


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (
            "Customs seized 2.5 tonnes of heroin at Corley docks.",
            "Customs seized 600kg of heroin at Corley docks.",
            "2.5 tonnes",
            "600kg",
            "conflict",
        ),
        (
            "A magnitude 5.2 earthquake shook Pellow on Tuesday.",
            "The earthquake that hit Pellow on Tuesday had a magnitude of 4.6.",
            "5.2",
            "4.6",
            "conflict",
        ),
    ],
)
def test_metric_units_and_a_day_named_elsewhere_can_conflict(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


def test_metric_against_imperial_never_conflicts(resources: Resources) -> None:
    assert_apart(
        resources,
        "The Sandling fire has burned 12,000 hectares.",
        "The Sandling fire has burned 12,000 acres.",
        "12,000 hectares",
        "12,000 acres",
    )
