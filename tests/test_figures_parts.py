"""A narrower measure is a separate figure, and "left" with the state an act left behind is
another act (session 7): "crime rose 4%" / "violent crime rose 9%" are two figures; "the storm
left 25,000 homes without power" is no rival to "the storm damaged 600 homes". Adjectives that
say which reading of the whole is given ("recorded crime", "annual sales") narrow nothing.

Every sentence is invented (invented towns, shops and storms).
"""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_one_figure, assert_together, assert_two_things, make


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        ("Crime in Pelmore rose 4% last year.", "Violent crime in Pelmore rose 9% last year.",
         "4%", "9%"),
        ("Sales at Hobb & Lyle rose 6% in the quarter.",
         "Online sales at Hobb & Lyle rose 18% in the quarter.", "6%", "18%"),
        ("Exports from Varnholm fell 3% in May.",
         "Agricultural exports from Varnholm fell 8% in May.", "3%", "8%"),
        ("The storm left 25,000 homes without power in Dunlow.",
         "The storm damaged 600 homes in Dunlow.", "25,000", "600"),
    ],
)  # fmt: skip
def test_a_part_or_another_act_is_a_separate_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_two_things(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        ("Crime in Pelmore rose 4% last year.", "Recorded crime in Pelmore rose 9% last year.",
         "4%", "9%"),
        ("Sales at Hobb & Lyle rose 6% last year.",
         "Annual sales at Hobb & Lyle rose 9% last year.", "6%", "9%"),
        ("The storm left 25,000 homes without power in Dunlow.",
         "The storm cut power to 40,000 homes in Dunlow.", "25,000", "40,000"),
    ],
)  # fmt: skip
def test_a_reading_of_the_whole_is_still_one_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_one_figure(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("sentence", "written", "qualifiers"),
    [
        ("Violent crime in Pelmore rose 9% last year.", "9%", {("crime", "violent")}),
        ("Recorded crime in Pelmore rose 9% last year.", "9%", set()),
        ("The jobless rate in Pelmore rose to 5.2%.", "5.2%", set()),
        ("Average pay in Pelmore rose 3%.", "3%", set()),
        ("Hollin Homes will build 200 affordable homes.", "200", {("home", "affordable")}),
        ("Doctors treated 19 injured people in Pelmore.", "19", set()),  # an outcome
        ("Pelmore will get 40 new stores.", "40", set()),
    ],
)
def test_qualifiers_are_read_from_the_noun_doing_the_verb(
    resources: Resources, sentence: str, written: str, qualifiers: set[tuple[str, str]]
) -> None:
    start = sentence.index(written)
    mentions = collect_mentions(make(sentence, "one"), resources)
    (mention,) = [m for m in mentions if m.quantity.start == start]
    assert mention.subject.qualifiers == qualifiers


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # the whole of "of the 95 passengers, 80 were rescued" was not rescued
            "The Tarrin ferry was carrying 95 passengers when it sank.",
            "Of the 95 passengers on the Tarrin ferry, 80 were rescued.",
            "95",
            "95",
        ),
    ],
)
def test_the_whole_a_part_is_taken_from_agrees(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_together(resources, first, second, fa, fb, "agree")
    assert_apart(resources, first, second, fa, "80")


def test_the_one_made_to_do_it_is_the_doer(resources: Resources) -> None:
    """ "Snow forced Gale Airways to scrap 340 flights": Gale Airways scraps them, so it is
    a rival to "Gale Airways cancelled 260 flights"; snow is no airline."""
    assert_one_figure(
        resources,
        "Kell Air cancelled 260 flights because of the snow.",
        "Snow forced Kell Air to scrap 340 flights.",
        "260",
        "340",
    )


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # the shelter is where, not what happened to those turned away
            "The Ormond shelter housed 75 people during the frost.",
            "The Ormond shelter turned away 30 people during the frost.",
            "75",
            "30",
        ),
        (  # money in and money out of one party
            "The Kestle Valley appeal raised £1.4m.",
            "The Kestle Valley appeal spent £300,000 on its campaign.",
            "£1.4m",
            "£300,000",
        ),
        (  # what it raised and what it cost
            "The Dorrin festival raised £70,000 for charity.",
            "The Dorrin festival cost £350,000 to stage.",
            "£70,000",
            "£350,000",
        ),
        (  # how many could is not how many do
            "Some 97% of homes in Larby can get fast broadband.",
            "Only 38% of Larby homes have signed up for fast broadband.",
            "97%",
            "38%",
        ),
        (  # the day's high and the night's low
            "Temperatures in Marvo hit 39C on Friday.",
            "Temperatures in Marvo fell to 16C overnight on Friday.",
            "39C",
            "16C",
        ),
    ],
)
def test_two_acts_of_one_holder_are_never_rivals(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_two_things(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # a recent window of a running total
            "The Pellby outbreak has infected 410 people.",
            "The Pellby outbreak infected 120 people in the past week.",
            "410",
            "120",
        ),
        (  # a stretch against one named year
            "Rowan Water will spend £270m on new mains over five years.",
            "Rowan Water will spend £60m on new mains this year.",
            "£270m",
            "£60m",
        ),
        (  # a running tally against a target
            "The Merrin trial will enrol 4,000 patients.",
            "The Merrin trial has so far enrolled 1,500 patients.",
            "4,000",
            "1,500",
        ),
        (  # a narrower kind of the thing counted
            "Hollin Homes will build 800 homes in Tarby.",
            "Hollin Homes will build 200 affordable homes in Tarby.",
            "800",
            "200",
        ),
        (  # a part of the holder
            "The Ardent museum drew 300,000 visitors last year.",
            "The Ardent museum's new wing drew 70,000 visitors last year.",
            "300,000",
            "70,000",
        ),
        (
            "The Lorne bridge is 1.4 km long.",
            "The main span of the Lorne bridge is 520 metres long.",
            "1.4 km",
            "520 metres",
        ),
    ],
)
def test_a_window_a_stretch_a_kind_or_a_part_is_another_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # one act told with and without its stretch
            "The Keswick bank will cut 1,600 jobs over three years.",
            "Keswick bank will axe 2,400 jobs.",
            "1,600",
            "2,400",
        ),
        (  # one running tally, told with and without "so far"
            "The Tarrow strike has cost the economy £900m so far.",
            "The Tarrow strike has cost the economy £600m.",
            "£900m",
            "£600m",
        ),
    ],
)
def test_a_stretch_or_a_tally_told_once_may_be_one_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_together(resources, first, second, fa, fb, "conflict")


def test_a_change_after_inflation_is_another_measure(resources: Resources) -> None:
    assert_two_things(
        resources,
        "Wages in Dorlin rose 3.9% last year.",
        "Wages in Dorlin rose 0.8% after inflation last year.",
        "3.9%",
        "0.8%",
    )


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        ("Van sales in Dorrel rose 6% last year.",
         "Sales of electric vans in Dorrel rose 35% last year.", "6%", "35%"),
        ("House prices in Pellow rose 4% last year.",
         "House prices in central Pellow rose 10% last year.", "4%", "10%"),
        ("Felby council spends £30m a year on roads.",
         "Felby council spends £5m a year on rural roads.", "£30m", "£5m"),
        ("The Marl half marathon had 7,000 runners.",
         "The Marl half marathon had 900 runners over the age of 60.", "7,000", "900"),
        ("Voter turnout in Ashby was 64%.", "Turnout among young voters in Ashby was 39%.",
         "64%", "39%"),
    ],
)  # fmt: skip
def test_a_narrower_part_in_other_words_is_another_figure(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


def test_a_time_of_the_figure_is_no_part_of_it(resources: Resources) -> None:
    """ "in the third quarter" dates the figure; "third" narrows nothing."""
    assert_one_figure(
        resources,
        "Unemployment in Carvel rose to 5.8% in the third quarter.",
        "Carvel's jobless rate climbed to 6.3% in the third quarter.",
        "5.8%",
        "6.3%",
    )


def test_a_kind_of_staff_is_a_part_of_the_staff(resources: Resources) -> None:
    assert_two_things(
        resources,
        "The Harl trust has 5,400 staff.",
        "The Harl trust has 1,900 nursing staff.",
        "5,400",
        "1,900",
    )
