"""A year before 1800 written as a bare number ("the 1482 printed atlas", "from 1482") is no
count.

The bare-year rule of extraction covers 1800-2100; an older year written without an era mark
was read as a count, so an invented story of a stolen atlas (session-9 audit) showed a figure
"1482" in its ledger. A count names its thing in the plural ("the 1500 workers"); a bare
four-digit number before a singular noun, or the time of "in", "since" or a noun's "from", is a
year.
"""

from __future__ import annotations

import pytest

from corroborate.figures import collect_mentions
from corroborate.nlp import Resources
from test_figures import make


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Police are looking for the 1482 printed atlas taken from the library.", []),
        ("A 1640 charter and a 1520 map were among the 1100 items stolen.", ["1100"]),
        # counts stay counts: a plural noun, or a noun counted in its singular form
        ("The 1500 workers at the mill walked out.", ["1500"]),
        ("The 1500 staff were sent home.", ["1500"]),
        ("The farm lost 1200 sheep in the storm.", ["1200"]),
        ("Some 1300 people signed the petition.", ["Some 1300"]),
        # the time of a preposition is a year; a count after a verb's "from", or a range, is not
        ("A printed atlas from 1482, one of four known copies, was stolen.", ["four"]),
        ("The chapel has stood since 1640 and drew 1500 visitors.", ["1500"]),
        ("Membership fell from 1300 last year.", ["1300"]),
        ("The toll rose from 1200 to 1500.", ["1200", "1500"]),
    ],
)
def test_an_old_year_is_no_count(resources: Resources, text: str, figures: list[str]) -> None:
    mentions = collect_mentions(make(text, "Ostry Post"), resources)
    assert [m.quantity.as_written for m in mentions] == figures
