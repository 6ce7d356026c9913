"""A person's age is no figure: "a man of 54", "a woman, 71,".

The session-10 audit (tests/fixtures/audit10/marathon) found the ledger listing "man condition |
count | 54" from "A man of 54". A parent's number is a count of children, and a group's stays a
count. Invented sentences.
"""

from __future__ import annotations

import pytest

from corroborate.figures.extract import read_quantities


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("A man of 54 was taken to hospital.", []),
        ("The winner, a woman of 71, finished in 4 hours.", ["4 hours"]),
        ("Two boys of 12 and a girl of 9 were rescued from the quarry.", ["Two"]),
        ("A cyclist, 38, and 4 passengers were hurt.", ["4"]),
        ("A man of 61 years was hurt.", []),
        # not ages: a parent's children, a group's size, a number between commas after a place
        ("A father of three was among 23 runners treated.", ["three", "23"]),
        ("A group of 54 runners was treated.", ["54"]),
        ("Of the runners, 54, mostly men, were treated.", ["54"]),
    ],
)
def test_a_persons_age_is_no_figure(text: str, figures: list[str]) -> None:
    assert [q.as_written for q in read_quantities(text)] == figures
