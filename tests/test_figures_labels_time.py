"""A figure's subject line says what it measures, not when: "Thursday morning", "a bank holiday
weekend" and "3pm" stay out of it (the session-9 audit found "Eurasian lynx thursday morning
barn enclosure" in a ledger). The time is compared apart; the line is what a reader sees.
"""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.nlp import Resources
from test_figures import make

TIME_WORDS = ("thursday", "morning", "monday", "afternoon", "weekend", "holiday", "pm")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The lynx was found in a barn enclosure on Thursday morning, about four miles away.",
            "barn",
        ),
        ("The statue, valued at about £1.2 million, was taken on Monday afternoon.", "statue"),
        ("The consultation ran for nine days over a bank holiday weekend.", None),
        ("The ferry carried 420 passengers at 3pm on the harbour crossing.", "passengers"),
    ],
)
def test_a_subject_line_leaves_out_the_time(
    resources: Resources, text: str, kept: str | None
) -> None:
    [mention] = collect_mentions(make(text, "Ostry Post"), resources)
    label = mention.subject.label.lower()
    assert not any(word in label.split() for word in TIME_WORDS), label
    if kept is not None:
        assert kept in label
