"""A title before a name is no role: "said Dr Oriel Stanz, the county's chief vet" gives the role
"county's chief vet", not "Dr , the county's chief vet" (the session-10 audit's bird-flu story
printed "Halvard Neame (Dr , the county's chief veterinary officer)"). Invented text."""

from __future__ import annotations

import pytest

from corroborate.nlp import Resources
from corroborate.quotes import find_quotes
from corroborate.read.article import make_article
from corroborate.records import Article, Paragraph


def _make(text: str) -> Article:
    article = make_article(source="valleypost.txt", text=text, outlet="valleypost")
    article.paragraphs.append(Paragraph(0, len(text)))
    article.source_group = "g-valleypost"
    return article


@pytest.mark.parametrize("title", ["Dr", "Dr.", "Mrs", "Prof", "Sir"])
def test_a_title_before_the_name_is_not_part_of_the_role(resources: Resources, title: str) -> None:
    text = (
        "“The herd must be tested again in spring,” said "
        f"{title} Oriel Stanz, the county's chief veterinary officer."
    )
    (quote,) = find_quotes([_make(text)], resources)
    assert quote.speaker is not None and quote.speaker.endswith("Oriel Stanz")
    assert quote.speaker_role is not None
    assert quote.speaker_role.startswith("county's chief veterinary officer"), quote.speaker_role


def test_a_role_before_the_name_stays(resources: Resources) -> None:
    text = "“The herd must be tested again,” said county vet Oriel Stanz."
    (quote,) = find_quotes([_make(text)], resources)
    assert quote.speaker_role is not None and "vet" in quote.speaker_role
