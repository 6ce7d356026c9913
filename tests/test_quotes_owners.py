"""Who a speaker phrase is about, and speaker lines that open with a role (the session-10
audit: a quote above "Transport secretary <name>" went to the person quoted before it, and
"<farm>'s owner, <name>" printed the farm as the speaker). Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make

ISLANDS = (
    "Corvane Lines said on Monday that it would end sailings to the outer isles.\n\n"
    'Councillor Brenna Holloway said the decision "abandons hundreds of families".\n\n'
    "“We will keep every island connected. Nobody will be left stranded this winter.”\n\n"
    "{line}\n\n"
    "The company said its losses had doubled."
)


@pytest.mark.parametrize(
    ("line", "name", "role"),
    [
        ("Harbour minister Orla Fenwick", "Orla Fenwick", "minister"),
        ("Transport secretary Idris Penhale", "Idris Penhale", "secretary"),
        ("Island affairs spokeswoman Maren Tulloch", "Maren Tulloch", "spokeswoman"),
    ],
)
def test_a_speaker_line_led_by_a_role_names_who_spoke_above_it(
    resources: Resources, line: str, name: str, role: str
) -> None:
    quotes = find_quotes([make(ISLANDS.format(line=line), "islandnews")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("We will keep")]
    assert quote.speaker == name, quote.speaker
    assert quote.speaker_role is not None and role in quote.speaker_role
    (theirs,) = [q for q in quotes if q.text.startswith("abandons")]
    assert theirs.speaker is not None and theirs.speaker.endswith("Brenna Holloway")


def test_a_line_that_reports_is_no_speaker_line(resources: Resources) -> None:
    text = ISLANDS.format(line="Reporting by Orla Fenwick")
    quotes = find_quotes([make(text, "islandnews")], resources)
    assert all(q.speaker is None or "Fenwick" not in q.speaker for q in quotes)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Greywater's manager, Lise Ambrose,", "Lise Ambrose"),
        ("Dorran Pike's lawyer, Ennis Falk,", "Ennis Falk"),
        ("Pike campaign manager Rosa Dunmore", "Rosa Dunmore"),
        ("Former Pike adviser Tobias Renwick", "Tobias Renwick"),
    ],
)
def test_the_speaker_is_the_person_the_phrase_is_about_not_the_owner(
    resources: Resources, phrase: str, name: str
) -> None:
    text = (
        "The mill owner Dorran Pike said the river had risen a metre overnight.\n\n"
        f"{phrase} said there had been “water pouring through the floor” before dawn.\n\n"
        "“Nobody here has seen the river like this in forty years,” she added."
    )
    quotes = find_quotes([make(text, "valleypost")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("water pouring")]
    assert quote.speaker == name, quote.speaker


def test_a_list_of_speakers_keeps_the_first_named(resources: Resources) -> None:
    text = (
        "Ann Kettle, Ivo Marsh and Tomas Berglund argued that the plan “cannot survive "
        "the first hard winter on the hill”."
    )
    (quote,) = find_quotes([make(text, "valleypost")], resources)
    assert quote.speaker == "Ann Kettle", quote.speaker
