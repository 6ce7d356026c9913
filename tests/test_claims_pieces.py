"""Pieces of a sentence shown as statements: the subordinating word goes, and a clause that only
says which people are meant is no piece."""

from __future__ import annotations

import pytest

from corroborate.claims.pieces import split_pieces
from corroborate.nlp import Resources


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Two dockers were hurt on the quay when a crane dropped a container on Monday night.",
            "a crane dropped a container on Monday night",
        ),
        (
            "The ferry stayed in port at Calder Bay while inspectors examined the damaged hull.",
            "inspectors examined the damaged hull",
        ),
    ],
)
def test_an_adverbial_clause_is_shown_without_its_subordinating_word(
    text: str, shown: str, resources: Resources
) -> None:
    pieces = split_pieces(resources.spacy()(text)[:])
    displays = [p.display for p in pieces]
    assert shown in displays, displays
    (piece,) = [p for p in pieces if p.display == shown]
    # the mention keeps the clause's own words, the subordinating word included
    assert piece.text != shown and piece.text.endswith(shown)


def test_a_clause_on_those_states_no_fact(resources: Resources) -> None:
    text = "The port said it would pay those who lose their jobs at least 16 weeks of wages."
    assert len(split_pieces(resources.spacy()(text)[:])) == 1
