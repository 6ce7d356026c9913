"""A number with "of them" / "of whom" is a part of a count told before it ("37 people were hurt,
nine of them seriously"): a subset (`subject._is_subset`), so never a rival of another outlet's
whole count ("more than 50 people were injured"), nor its earlier value.

Every sentence is invented (an invented stadium and town).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger, collect_mentions
from corroborate.figures.ledger import FigureMentionDraft
from corroborate.nlp import Resources
from test_figures import holding, make


def mention_at(resources: Resources, text: str, written: str) -> FigureMentionDraft:
    """The figure the ledger reads at `written` in a one-sentence article."""
    article = make(text, "one")
    start = text.index(written)
    for mention in collect_mentions(article, resources):
        if mention.quantity.start <= start < mention.quantity.end:
            return mention
    raise AssertionError(f"no figure read at {written!r}")


@pytest.mark.parametrize(
    ("text", "written", "subset"),
    [
        (
            "Police said 37 people were hurt at Carrow stadium, nine of them seriously.",
            "nine",
            True,
        ),
        ("Forty people were rescued from the Wenlow flats, 12 of whom were children.", "12", True),
        ("Police said 37 people were hurt at Carrow stadium.", "37", False),
        ("Nine of the 40 people rescued from the Wenlow flats were children.", "40", False),
    ],
)
def test_part_of_them_is_a_subset(
    resources: Resources, text: str, written: str, subset: bool
) -> None:
    assert mention_at(resources, text, written).subject.subset is subset


def test_part_of_them_is_no_rival_of_a_whole(resources: Resources) -> None:
    a = make(
        "Police said 37 people were hurt at Carrow stadium, nine of them seriously.",
        "one",
        date="2026-07-12",
    )
    b = make(
        "More than 50 people were injured at Carrow stadium, the health board said.",
        "two",
        date="2026-07-13",
    )
    figures = build_ledger([a, b], resources)
    part = holding(figures, a, "nine")
    assert part is not holding(figures, b, "50")
    assert part.status != "conflict" and not part.updated
