"""A title with its office before the name: "Director of National Intelligence <name> said"
printed the speaker "Director" (the parse heads the phrase with the title and hangs the
name on "of"), and "the director of national intelligence <name>" read as someone speaking
for the person ("a friend of <name>"). Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make


@pytest.mark.parametrize("name", ["Peter Hollis", "Susan Marsh"])
@pytest.mark.parametrize(
    ("template", "role"),
    [
        (
            "Director of National Intelligence {name} said the agency was “ready for anything”.",
            "Director of National Intelligence",
        ),
        (
            "“We are ready for anything,” said Director of National Intelligence {name}.",
            "Director of National Intelligence",
        ),
        (
            "The director of national intelligence {name} said the agency was "
            "“ready for anything”.",
            "director of national intelligence",
        ),
    ],
)
def test_the_name_after_a_title_and_its_office_is_the_speaker(
    resources: Resources, template: str, name: str, role: str
) -> None:
    (quote,) = find_quotes([make(template.format(name=name), "capitolwire")], resources)
    assert (quote.speaker, quote.speaker_role) == (name, role)


@pytest.mark.parametrize("name", ["Peter Hollis", "Susan Marsh"])
def test_a_friend_of_someone_still_speaks_for_themself(resources: Resources, name: str) -> None:
    text = f"A friend of {name} said the agency was “ready for anything”."
    (quote,) = find_quotes([make(text, "capitolwire")], resources)
    assert quote.speaker is None
