"""The PolNeAR speaker scorer (bench/_polnear.py): the issue's rule, "the speaker as written
overlaps the gold Source span, or the resolved name shares its surname with it".

The spans and names here are invented; no PolNeAR text is used.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from _polnear import Gold, Prediction, speaker_right


@pytest.mark.parametrize(
    ("source", "name", "right"),
    [
        ("Mayor Ortiz", "Lena Ortiz", True),
        # A possessive Source ("Ms. Ortiz's suggestion was ...") is its owner speaking.
        ("Ms. Ortiz's", "Lena Ortiz", True),
        ("Ms. Ortiz’s", "Lena Ortiz", True),
        ("the Lindqvists'", "Anna Lindqvists", True),
        ("Ms. Ortiz's", "Tomas Berg", False),
        # Only a final possessive: a book about someone is not that someone.
        ("Tomas Berg's book on Lena Ortiz's years", "Lena Ortiz", False),
        ("the ferry firm", "Lena Ortiz", False),
    ],
)
def test_a_resolved_name_is_right_when_the_source_holds_its_surname(
    source: str, name: str, right: bool
) -> None:
    gold = Gold(content=[(100, 140)], source=[(10, 10 + len(source))], source_text=source)
    # The speaker as written stands elsewhere (no overlap): only the name can make it right.
    prediction = Prediction(content=[(100, 140)], speaker=[(60, 70)], name=name)
    assert speaker_right(prediction, gold) is right
