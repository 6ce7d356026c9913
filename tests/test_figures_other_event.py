"""A time told of another event ("... after a barn caught fire late on Sunday", "will reopen in June
after trustees voted by 12 votes to 5") dates that event, not the figure (`when.other_event`):
a figure is not kept apart from another outlet's undated count of the same thing by it.

Every sentence is invented (an invented wood, museum and harbour).
"""

from __future__ import annotations

import pytest

from corroborate.figures import build_ledger, collect_mentions
from corroborate.nlp import Resources
from test_figures import holding, make


def _subject_of(resources: Resources, text: str, written: str) -> tuple[set[str], set[str]]:
    article = make(text, "one")
    start = text.index(written)
    for mention in collect_mentions(article, resources):
        if mention.quantity.start <= start < mention.quantity.end:
            return set(mention.subject.times), set(mention.subject.days)
    raise AssertionError(f"no figure read at {written!r}")


@pytest.mark.parametrize(
    ("text", "written", "times", "days"),
    [
        # the day or month belongs to the "after" clause, or the figure is in one
        (
            "About 60 volunteers combed the Pellow woods near Darrowby after a barn caught fire "
            "late on Sunday.",
            "60",
            set(),
            set(),
        ),
        (
            "The Brannock museum will reopen in June after trustees voted by 12 votes to 5.",
            "12",
            set(),
            set(),
        ),
        (
            "Crews cleared 40 tonnes of debris from Orsby harbour before the ferry returned in "
            "March.",
            "40",
            set(),
            set(),
        ),
        # the figure's own time stays: in its clause, or an "after" phrase with no verb
        (
            "About 60 volunteers searched the Pellow woods on Sunday after a girl went missing.",
            "60",
            set(),
            {"sunday"},
        ),
        (
            "The trustees backed the plan by 12 votes to 5 after a long meeting on Monday.",
            "12",
            set(),
            {"monday"},
        ),
        (
            "In March, crews cleared 40 tonnes of debris after the storm.",
            "40",
            {"march"},
            set(),
        ),
    ],
)
def test_time_of_another_event(
    resources: Resources, text: str, written: str, times: set[str], days: set[str]
) -> None:
    assert _subject_of(resources, text, written) == (times, days)


def test_counts_meet_across_another_events_day(resources: Resources) -> None:
    # the Sunday is when the barn caught fire: the two counts of searchers may clash
    a = make(
        "More than 90 volunteers combed the Pellow woods near Darrowby after a barn caught fire "
        "late on Sunday.",
        "one",
    )
    b = make("About 40 volunteers combed the Pellow woods near Darrowby for the farmer.", "two")
    figures = build_ledger([a, b], resources)
    assert holding(figures, a, "More than 90") is holding(figures, b, "About 40")
    assert holding(figures, a, "More than 90").status == "conflict"
