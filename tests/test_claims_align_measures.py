"""Two facts that look alike by a number or by a doer's act (`apart.two_facts`, session 9).

Every sentence is invented (the port of Tarrow, its dredger and lighthouse). Three rules:
- one number told as two measures is two facts ("the dredger weighs 420 tonnes" / "the dredger
  cost £420m"); a measure both give, or a count (no known measure), keeps them joinable;
- two people "doing one act" are two versions of it (a dispute to weigh) only when they act on
  one thing: "the crane was built by Ada Kerr" / "the tug was built by Ivo Pascal" are two facts;
- one act at two named places on two dates is two occasions; a place or a date alone is not.
"""

from __future__ import annotations

import pytest

from corroborate.claims import align_claims
from corroborate.claims.apart import other_measures, other_occasions, two_facts
from corroborate.claims.features import SentenceFacts, facts_of_tokens, measures_of
from corroborate.nlp import Resources
from test_claims import article


def facts(resources: Resources, text: str) -> SentenceFacts:
    return facts_of_tokens(resources.spacy()(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The dredger weighs 420 tonnes.", {(420.0, "mass")}),
        ("The dredger cost £420m.", {(420.0, "money")}),
        ("Fares rose 7% to $3.20.", {(7.0, "share"), (3.2, "money")}),
        ("The channel is 14 metres deep.", {(14.0, "length")}),
        ("About 1,300 homes lost power.", set()),  # a count measures nothing known
    ],
)
def test_measures_read_from_the_figures(text: str, expected: set[object]) -> None:
    assert measures_of(text) == expected


TWO_MEASURES = [
    ("The Tarrow dredger weighs 420 tonnes.", "The Tarrow dredger cost £420m."),
    ("The new breakwater is 640 metres long.", "The new breakwater took 640 days to build."),
    ("Port fees rose 12% this year.", "Port fees now bring in €12m a year."),
]
ONE_MEASURE = [
    # the same number in one measure: one fact (or a dispute)
    ("The Tarrow dredger cost £420m.", "The dredger cost 420 million pounds."),
    # a measure both give keeps them joinable, whatever else one adds
    ("Port fees rose 12% to €4m.", "Port fees rose 12% this year."),
    # different numbers: not this rule's
    ("The dredger weighs 420 tonnes.", "The dredger cost £95m."),
    # a count has no known measure
    ("Some 420 dockers joined the strike.", "The strike cost the port £420m."),
]


@pytest.mark.parametrize(("first", "second"), TWO_MEASURES)
def test_one_number_in_two_measures_is_two_facts(
    first: str, second: str, resources: Resources
) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert other_measures(a, b) and other_measures(b, a)
    assert two_facts(a, b) and two_facts(b, a)


@pytest.mark.parametrize(("first", "second"), ONE_MEASURE)
def test_one_measure_is_not_split(first: str, second: str, resources: Resources) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert not other_measures(a, b) and not other_measures(b, a)


TWO_THINGS_TWO_PEOPLE = [
    ("The crane was built by Ada Kerr.", "The tugboat was built by Ivo Pascal."),
    ("Anna Petrova opened the harbour inquiry.", "Karl Weiss opened the sailing museum."),
]
ONE_THING_TWO_PEOPLE = [
    # one act on one thing by two people: two versions, for the dispute step
    (
        "The harbour inquiry was opened by Judge Anna Petrova.",
        "Judge Karl Weiss opened the inquiry.",
    ),
    ("Mara Lind closed the terminal.", "The terminal was closed by Tomas Brenner."),
]


@pytest.mark.parametrize(("first", "second"), TWO_THINGS_TWO_PEOPLE)
def test_two_people_acting_on_two_things_are_two_facts(
    first: str, second: str, resources: Resources
) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert two_facts(a, b) and two_facts(b, a)


@pytest.mark.parametrize(("first", "second"), ONE_THING_TWO_PEOPLE)
def test_two_people_acting_on_one_thing_stay_one_act(
    first: str, second: str, resources: Resources
) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert not two_facts(a, b) and not two_facts(b, a)


TWO_OCCASIONS = [
    (
        "The Tarrow ferry ran aground off Skerry Point on Saturday.",
        "Another ferry ran aground near Gullholm in 2019.",
    ),
    (
        "A seal pup was born at Tarrow Aquarium on Sunday.",
        "A seal pup was also born at Brennvik Aquarium in May 2023.",
    ),
]
ONE_OCCASION = [
    # one place named by both: a dispute over the date, if anything
    (
        "The ferry ran aground off Skerry Point on Saturday.",
        "The ferry ran aground near Skerry Point late on Sunday.",
    ),
    # a date that names no day ("today" may be Saturday)
    ("The storm hit Tarrow on Monday.", "The storm hit Gullholm today."),
    # a place or a date on one side only
    ("The ferry ran aground off Skerry Point on Saturday.", "The ferry ran aground on Sunday."),
    # one date: a place told at two sizes
    (
        "The ferry ran aground off Skerry Point on Saturday.",
        "The ferry ran aground near Gullholm on Saturday.",
    ),
]


@pytest.mark.parametrize(("first", "second"), TWO_OCCASIONS)
def test_two_places_and_two_dates_are_two_occasions(
    first: str, second: str, resources: Resources
) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert other_occasions(a, b) and other_occasions(b, a)
    assert two_facts(a, b)


@pytest.mark.parametrize(("first", "second"), ONE_OCCASION)
def test_a_place_or_a_date_alone_is_one_occasion(
    first: str, second: str, resources: Resources
) -> None:
    a, b = facts(resources, first), facts(resources, second)
    assert not other_occasions(a, b) and not other_occasions(b, a)


@pytest.mark.parametrize(
    ("first", "second"), TWO_MEASURES + TWO_THINGS_TWO_PEOPLE[:1] + TWO_OCCASIONS
)
def test_two_facts_never_share_a_claim(first: str, second: str, resources: Resources) -> None:
    a = article("a", [first, "Storm surges battered Tarrow's seafront through the night."])
    b = article("b", [second, "The harbour master said the port would reopen on Friday."])
    for claim in align_claims([a, b], resources):
        held = {m.article for m in claim.mentions if m.text in {first, second}}
        assert len(held) <= 1, claim
