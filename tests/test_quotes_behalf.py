"""Whose words they are when a speaker phrase names two: "a spokeswoman for <name>" speaks
for that person (the words are the spokeswoman's, unnamed), while "an email from <name>"
is that person's, and the email is no part of their role. Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make

STORY = (
    "Mayor Helen Dorsey said on Monday that the depot would close in March.\n\n"
    "{phrase} said the council had been “misled from the very first meeting”.\n\n"
    "The depot employs 140 people."
)


@pytest.mark.parametrize(
    "phrase",
    [
        "A spokeswoman for Helen Dorsey",
        "A spokesman for Mayor Helen Dorsey",
        "A close friend of Helen Dorsey",
        "An aide to Helen Dorsey",
        "A lawyer for Helen Dorsey",
    ],
)
def test_someone_speaking_for_a_person_is_not_that_person(
    resources: Resources, phrase: str
) -> None:
    quotes = find_quotes([make(STORY.format(phrase=phrase), "valleypost")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("misled")]
    assert quote.speaker is None, quote.speaker
    assert quote.speaker_role is not None and "Dorsey" in quote.speaker_role


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("An email from Helen Dorsey", None),
        ("A letter from council leader Helen Dorsey", "council leader"),
        ("A statement by Helen Dorsey", None),
    ],
)
def test_a_text_from_a_person_is_their_words_and_no_role_of_theirs(
    resources: Resources, phrase: str, role: str | None
) -> None:
    quotes = find_quotes([make(STORY.format(phrase=phrase), "valleypost")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("misled")]
    assert quote.speaker == "Helen Dorsey", quote.speaker
    roles = (quote.speaker_role or "").lower()
    for word in ("email", "letter", "statement", "from", "by"):
        assert word not in roles.split(), quote.speaker_role
    if role is not None:
        assert role in roles, quote.speaker_role


def test_a_named_spokesman_still_speaks(resources: Resources) -> None:
    text = STORY.format(phrase="Tomas Reyes, a spokesman for Helen Dorsey,")
    quotes = find_quotes([make(text, "valleypost")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("misled")]
    assert quote.speaker == "Tomas Reyes", quote.speaker


@pytest.mark.parametrize("determiner", ["Another", "Every"])
def test_another_of_a_kind_is_not_the_one_named_before(
    resources: Resources, determiner: str
) -> None:
    text = (
        "Tomas Reyes, a volunteer at the depot, said the closure was “a betrayal of the town”.\n\n"
        f"{determiner} volunteer said the council had “never once asked us what we thought”."
    )
    quotes = find_quotes([make(text, "valleypost")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("never once")]
    assert quote.speaker is None, quote.speaker
