"""One thing told in two ways lines up: a count in two words, a bare "Nm" as metres where a
story measures lengths, a holder as the thing counted ("deaths fell to 62"), a fine someone
"must pay"; one act with two different objects stays two figures."""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger
from corroborate.nlp import Resources
from test_figures import assert_apart, assert_together, holding, make


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb", "status"),
    [
        (  # the counted thing of one side is the other's verb
            "The Pellow concert hall seats 1,850 people.",
            "The 1,850-seat Pellow concert hall reopens in May.",
            "1,850",
            "1,850",
            "agree",
        ),
        (  # one frame, two acts: shots given, people immunised
            "The Marsh Lane clinic gave 3,400 flu shots on Friday.",
            "Some 3,400 people were immunised at the Marsh Lane clinic on Friday.",
            "3,400",
            "Some 3,400",
            "agree",
        ),
        (  # "74m" beside a length in metres is metres, not 74 million
            "The Carrow dam is 74 metres high.",
            "At 74m, the Carrow dam towers over the valley.",
            "74 metres",
            "74m",
            "agree",
        ),
        (  # the holder of "fell to 62" is what is counted
            "Traffic deaths in Brinmoor fell to 62 last year.",
            "Brinmoor recorded 77 traffic deaths last year.",
            "62",
            "77",
            "conflict",
        ),
        (  # "must pay" a fine reports the order, not a demand
            "The regulator fined Soltan Water £6m for leaks.",
            "Soltan Water must pay a £6 million penalty for leaks, the regulator said.",
            "£6m",
            "£6 million",
            "agree",
        ),
        (  # an adjective that says what a rate counts: the jobless rate is unemployment
            "Unemployment in Tressa stands at 6.1%.",
            "Tressa's jobless rate is 6.8%, official figures show.",
            "6.1%",
            "6.8%",
            "conflict",
        ),
        (  # inmates are prisoners
            "Harling Prison has 860 inmates.",
            "Harling Prison has 790 prisoners, inspectors said.",
            "860",
            "790",
            "conflict",
        ),
        (  # a hyphened word ("pre-tax") said on both sides
            "Ferris Bank's pre-tax profit fell 14% to £520m.",
            "Ferris Bank's pre-tax profit fell 9% to £560m.",
            "14%",
            "9%",
            "conflict",
        ),
        (
            "The Carrow dam is 74 metres high.",
            "At 91m, the Carrow dam is the highest in the region.",
            "74 metres",
            "91m",
            "conflict",
        ),
    ],
)
def test_one_thing_in_two_words_lines_up(
    resources: Resources, first: str, second: str, fa: str, fb: str, status: str
) -> None:
    assert_together(resources, first, second, fa, fb, status)


@pytest.mark.parametrize(
    ("first", "second", "fa", "fb"),
    [
        (  # one act, two different objects: two counts that happen to be equal
            "Dunley police recorded 1,310 robberies last year.",
            "Dunley police recorded 1,310 assaults last year.",
            "1,310",
            "1,310",
        ),
        (  # what the counted noun is of: "nests of terns" are not "nests of gulls"
            "The Ravel Point census found 640 nests of terns.",
            "The Ravel Point census found 410 nests of gulls.",
            "640",
            "410",
        ),
        (  # what the counted noun is of, by name: two games
            "Arden Games sold 1.6 million copies of Kestrel in its first week.",
            "Arden Games sold 700,000 copies of Moorland in its first week.",
            "1.6 million",
            "700,000",
        ),
        (  # a rate told on the verb ("every day") is no rival to a total
            "Some 3,000 cyclists cross the Pell bridge every day.",
            "Some 9,000 cyclists crossed the Pell bridge during the festival.",
            "Some 3,000",
            "Some 9,000",
        ),
        (  # different values with different counted nouns are never rivals
            "The Marsh Lane clinic gave 3,400 flu shots on Friday.",
            "Some 2,900 people were immunised at the Marsh Lane clinic on Friday.",
            "3,400",
            "Some 2,900",
        ),
    ],
)
def test_one_act_with_two_objects_stays_apart(
    resources: Resources, first: str, second: str, fa: str, fb: str
) -> None:
    assert_apart(resources, first, second, fa, fb)


@pytest.mark.parametrize(
    "text",
    ["Ferris Air carried 2.4m passengers in May.", "Passengers at Ferris Air rose to 2.4m in May."],
)
def test_bare_m_without_lengths_stays_millions(resources: Resources, text: str) -> None:
    article = make(text, "one")
    figure = holding(build_ledger([article], resources), article, "2.4m")
    assert figure.values[0].value == pytest.approx(2.4e6)
