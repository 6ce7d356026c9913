"""A figure's phase: "the project" a vote backs is a scheme, not a projection."""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.nlp import Resources
from test_figures import make


@pytest.mark.parametrize(
    ("sentence", "phase"),
    [
        (
            "Voters in Marlow approved the harbour bridge, with 61.4% backing the project in "
            "Sunday's referendum.",
            None,
        ),
        ("Marlow expects 61.4% of voters to back the bridge project in Sunday's vote.", "future"),
    ],
)
def test_a_project_backed_is_no_forecast(
    sentence: str, phase: str | None, resources: Resources
) -> None:
    (mention,) = [m for m in collect_mentions(make(sentence, "one"), resources)]
    assert mention.subject.phase == phase
