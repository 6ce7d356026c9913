"""Which capitalised words in a speaker phrase are the speaker's name, and what is left of
the phrase that is a role (the session-11 audit: "said Fenwold librarian <name>" printed
"speaker not named", a name line "<name>, <campaign group>" printed the group as the
speaker). Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make

LIBRARY = (
    "Four branch libraries in the county will close in March.\n\n"
    "‘It is the only warm room some of my readers have all winter,’ said {phrase}, who has "
    "worked there for twenty years."
)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("Fenwold librarian Agnes Whitlock", "Agnes Whitlock"),
        ("Ostlea caretaker Agnes Whitlock", "Agnes Whitlock"),
    ],
)
def test_a_name_after_a_role_noun_is_a_person_whatever_the_tagger_calls_it(
    resources: Resources, phrase: str, name: str
) -> None:
    (quote,) = find_quotes([make(LIBRARY.format(phrase=phrase), "shirenews")], resources)
    assert quote.speaker == name, (quote.speaker, quote.speaker_role)


def test_the_new_jersey_governor_is_still_no_name(resources: Resources) -> None:
    text = (
        "The budget passed on Tuesday.\n\n"
        "“We have balanced the books,” said the New Jersey governor, who took office in May."
    )
    (quote,) = find_quotes([make(text, "statehouse")], resources)
    assert quote.speaker is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("June Castellane, Save Varrow Libraries", "June Castellane"),
        ("Oswin Tarrant, Friends of Harl Park", "Oswin Tarrant"),
    ],
)
def test_a_name_line_with_a_group_names_the_person_first(
    resources: Resources, line: str, name: str
) -> None:
    text = (
        "Outside the chamber, one campaigner was in tears.\n\n"
        "“They have not listened to a single word we said.”\n\n"
        f"{line}\n\n"
        "The council's own survey found most residents opposed the plan."
    )
    quotes = find_quotes([make(text, "valleyherald")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("They have not")]
    assert quote.speaker == name, quote.speaker


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Maren Tulloch, 34, a nurse", "Maren Tulloch", "nurse"),
        ("Idris Penhale, 61, a retired ferryman", "Idris Penhale", "retired ferryman"),
    ],
)
def test_an_age_is_no_part_of_the_role(
    resources: Resources, phrase: str, name: str, role: str
) -> None:
    text = f"“The ferry was our lifeline,” said {phrase}."
    (quote,) = find_quotes([make(text, "islandnews")], resources)
    assert (quote.speaker, quote.speaker_role) == (name, role)


def test_a_second_person_joined_on_is_no_role(resources: Resources) -> None:
    text = (
        "Orla Fenwick and Tomas Berglund, a harbour councillor, said the plan would "
        "“leave the island cut off for weeks”."
    )
    (quote,) = find_quotes([make(text, "islandnews")], resources)
    assert quote.speaker == "Orla Fenwick"
    assert quote.speaker_role is None or not quote.speaker_role.startswith("and")


@pytest.mark.parametrize("letters", ["KC", "QC"])
def test_a_post_nominal_is_no_part_of_the_name(resources: Resources, letters: str) -> None:
    text = (
        "The trial at Carrow Crown Court ended on Friday.\n\n"
        f"“He sold the trust of everyone who voted for him,” prosecutor Ines Varrow {letters} "
        "told the court."
    )
    (quote,) = find_quotes([make(text, "courtwire")], resources)
    assert quote.speaker == "Ines Varrow", quote.speaker
