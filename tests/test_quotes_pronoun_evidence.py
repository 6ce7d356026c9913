"""What a he/she after a name says about the name: "said Kett, who gave him his debut" is no
evidence that Kett is "he" (the session-12 audit's transfer story credited Kett's "she said"
quote to the club named before her). Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from test_quotes import make


@pytest.mark.parametrize("verb", ["gave him his debut", "signed him as a boy"])
def test_an_object_pronoun_in_a_clause_on_the_name_is_someone_else(
    resources: Resources, verb: str
) -> None:
    text = (
        "Corvane Athletic have signed the winger Ruben Stoll from Harl Town.\n\n"
        f"'He was always going to play at the top,' said Mirela Osk, who {verb}.\n\n"
        "Harl Town manager Mirela Osk said the club had taken the offer with regret. "
        "“We wish him well,” she said."
    )
    quotes = find_quotes([make(text, "sportsdesk")], resources)
    (quote,) = [q for q in quotes if q.text.startswith("We wish him well")]
    assert quote.speaker == "Mirela Osk", quote.speaker
