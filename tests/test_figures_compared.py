"""What a figure is compared with is no part of its subject (figures/subject.py `_compared`):
"Turnout was 61%, higher than in the last harbour board elections" is no figure of harbour
board elections, and "faster than in 2019" does not date it to 2019.

Every sentence is invented (an invented port town and its boards).
"""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.figures.subject import Subject
from corroborate.nlp import Resources
from test_figures import make


def _subject(resources: Resources, text: str, written: str) -> Subject:
    article = make(text, "Quenby Tide")
    start = text.index(written)
    for mention in collect_mentions(article, resources):
        if mention.quantity.start <= start < mention.quantity.end:
            return mention.subject
    raise AssertionError(f"no mention of {written!r}")


@pytest.mark.parametrize(
    ("text", "written", "absent"),
    [
        (
            "Turnout was 61%, higher than in the last harbour board elections.",
            "61%",
            {"harbour", "board", "election"},
        ),
        ("Ferry fares rose 3.2% in March, faster than in 2019.", "3.2%", {"2019"}),
        ("Cargo volumes grew 4.6%, compared with a fall at Marlow.", "4.6%", {"marlow", "fall"}),
    ],
)
def test_comparison_left_out(
    resources: Resources, text: str, written: str, absent: set[str]
) -> None:
    subject = _subject(resources, text, written)
    said = subject.nouns | subject.times | subject.names | subject.context
    assert not said & absent


@pytest.mark.parametrize(
    ("text", "written", "present"),
    [
        # the comparison holds the figure: its words stay
        ("Quenby's harbour handled more than 40 cruise ships.", "more than 40", {"ship"}),
        ("Fares at Quenby rose faster than 2.1% in 2019.", "2.1%", {"2019"}),
    ],
)
def test_own_comparison_kept(
    resources: Resources, text: str, written: str, present: set[str]
) -> None:
    subject = _subject(resources, text, written)
    said = subject.nouns | subject.times | subject.names | subject.context | {subject.counted}
    assert present <= said
