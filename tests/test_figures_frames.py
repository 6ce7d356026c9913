"""Figures told in different frames (session 4): one act told with two verbs, acts the word lists
know apart, a measure or amount written before its noun, the span of one act, money spent on
two things, a tally of votes, and a mark passed ("crossed 55%").

Every sentence is invented (invented places, clubs, companies and people).
"""

from __future__ import annotations

import pytest

from corroborate.figures import read_quantities
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_together


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (  # one act, two verbs, one named holder
            "Harmby council approved 210 new homes.",
            "Harmby councillors gave the go-ahead to 260 homes.",
            "210",
            "260",
            "conflict",
        ),
        (  # a length written before its noun, and stated with it
            "The 2.6-kilometre Pellow viaduct reopened on Tuesday.",
            "The Pellow viaduct is 2.9 kilometres long.",
            "2.6-kilometre",
            "2.9 kilometres",
            "conflict",
        ),
        (  # one frame, no holder noun
            "Losmere Rovers have drawn six of their last 12 games.",
            "Losmere Rovers have drawn four of their last 12 matches.",
            "six",
            "four",
            "conflict",
        ),
        (  # a mark passed is a floor the exact value lies above
            "Turnout in Brisk crossed 55%.",
            "Brisk recorded a turnout of 57 per cent.",
            "55%",
            "57 per cent",
            "agree",
        ),
        (  # a tally is the votes for, not a margin
            "The Wendle council passed the budget by 40 votes to 9.",
            "The Wendle budget was approved with 40 votes in favour.",
            "40 votes",
            "40 votes",
            "agree",
        ),
        (  # jobs lost, counted as people and as jobs
            "Ormond Steel will lay off 900 staff.",
            "Ormond Steel is cutting 1,400 jobs.",
            "900",
            "1,400",
            "conflict",
        ),
        (  # a population told as a holder and as a place's people
            "Tarrow's population has doubled to 30,000 since 2001.",
            "Tarrow is home to 41,000 people.",
            "30,000",
            "41,000",
            "conflict",
        ),
        (  # a verb and its noun count one thing
            "Nearly 8,000 Cresk residents signed the petition against the mine.",
            "The petition against the Cresk mine has 3,100 signatures.",
            "Nearly 8,000",
            "3,100",
            "conflict",
        ),
        (  # a change someone makes is a change of its object
            "Lowick council will raise council tax by 3.99%.",
            "Council tax in Lowick will go up by 2.99%.",
            "3.99%",
            "2.99%",
            "conflict",
        ),
        (  # one named period: a verb of change is not a later report
            "Unemployment in Restow rose to 7.1% in the second quarter.",
            "Restow's jobless rate was 6.4% in the second quarter.",
            "7.1%",
            "6.4%",
            "conflict",
        ),
    ],
)
def test_one_thing_in_two_frames(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # opposite acts the word lists know
            "Harmby council approved 210 new homes.",
            "Harmby council rejected 90 new homes.",
            "210",
            "90",
        ),
        (  # a state against an act
            "Harmby has 64 schools.",
            "The Harmby strike closed 40 schools.",
            "64",
            "40",
        ),
        (  # a measure before its noun is no rival to another dimension
            "The 120-metre Corve tower was sold on Monday.",
            "The Corve tower is 95 metres tall.",
            "120-metre",
            "95 metres",
        ),
        (  # the property of another noun keeps its own day
            "A £3m repair fund for the Tallis theatre was announced on Monday.",
            "The Tallis theatre cost £20m to build.",
            "£3m",
            "£20m",
        ),
        (  # money spent on two things
            "The Ruddle trust will spend £2m on parks.",
            "The Ruddle trust will spend £2m on libraries.",
            "£2m",
            "£2m",
        ),
        (  # the span of another instance
            "The Oxley strike lasted four weeks.",
            "Oxley's previous strike lasted seven weeks.",
            "four weeks",
            "seven weeks",
        ),
        (  # room for people is not the people there
            "The Sallow ferry sank with 140 people on board.",
            "The Sallow ferry can carry 350 passengers.",
            "140",
            "350",
        ),
        (  # shares of two populations
            "One in four Darnley children lives in poverty.",
            "One in four Darnley adults has no savings.",
            "One in four",
            "One in four",
        ),
        (  # two shares of one population that say different things of it
            "Around one in five Darnley adults smokes.",
            "One in three Darnley adults is obese.",
            "one in five",
            "One in three",
        ),
        (  # acts the word lists tell apart
            "Brenford Town have scored 31 goals in 15 games.",
            "Brenford Town have conceded 12 goals in 15 games.",
            "31",
            "12",
        ),
        (  # changes of two objects
            "Lowick council will raise council tax by 3.99%.",
            "Lowick council will raise parking charges by 12%.",
            "3.99%",
            "12%",
        ),
    ],
)
def test_two_things_stay_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("Turnout crossed 55% by noon.", 55.0),
        ("Orders surpassed 12,000 in March.", 12_000.0),
        ("Sales exceeded $3bn last year.", 3e9),
    ],
)
def test_a_mark_passed_is_a_floor(text: str, low: float) -> None:
    (quantity,) = read_quantities(text)
    assert quantity.low == low and quantity.high is None


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("He was given a nine-year sentence.", [("nine-year", 9.0, "years")]),
        ("She signed a 12-month contract.", [("12-month", 12.0, "months")]),
        ("A 10-year-old girl was hurt.", []),
        ("The yield on ten-year bonds rose to 4.1%.", [("4.1%", 4.1, "percent")]),
        ("Gusts reached 155 km/h.", [("155 km/h", 155.0, "km/h")]),
        (
            "The index fell 2.3% to 7,412 points.",
            [("2.3%", 2.3, "percent"), ("7,412", 7412.0, "count")],
        ),
        ("Growth was revised up to 1.5%.", [("1.5%", 1.5, "percent")]),
    ],
)
def test_terms_speeds_changes_and_revisions_are_read(
    text: str, readings: list[tuple[str, float, str]]
) -> None:
    found = [(q.as_written, q.value, q.unit) for q in read_quantities(text)]
    assert found == readings
    assert all(q.high is None and q.low is None for q in read_quantities(text))
