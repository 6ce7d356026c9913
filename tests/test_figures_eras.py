"""Years of an era are dates, never figures, however small or large ("1100 BC", "AD 79").

The bare-year rule covers 1800-2100 only, so "made between 1250 and 1100 BC" gave the ledger
two counts of 1,250 and 1,100 (found by the session-9 audit on an invented story).
"""

from __future__ import annotations

import pytest

from corroborate.figures.extract import read_quantities


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        (
            "The canoe was carved between 1250 and 1100 BC, making it about 3,200 years old.",
            ["about 3,200 years"],
        ),
        ("The harbour town was buried in AD 79, when 2,000 people died.", ["2,000"]),
        ("The hoard dates to 640 BCE and holds 312 coins.", ["312"]),
        ("The chapel was built in 850 CE by 40 masons.", ["40"]),
        ("The temple stood from 300 to 200 BC.", []),
        # no era: counts stay counts, and an advert is no era
        ("Between 1250 and 1100 people attended the rally.", ["1250", "1100"]),
        ("The ad campaign cost 300 and 400 pounds a day.", ["300", "400 pounds"]),
    ],
)
def test_years_of_an_era_are_no_figures(text: str, figures: list[str]) -> None:
    assert [q.as_written for q in read_quantities(text)] == figures
