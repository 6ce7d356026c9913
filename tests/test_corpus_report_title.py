"""`stories` lists a story by the title `report` gives the same articles.

`stories` had titled a story by the first article ingested and kept it while that article
stayed, `report` by the headline the others copy (a wire story), else the earliest: one story
went by two names (the session-11 audit's fire story). Invented articles, ingested in every
order, must be listed as `report` titles them.
"""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.cli import main

WIRE = (
    "Ferry crews at Lornholm returned to work on Monday after a three-day stoppage over "
    "rosters, the Skerrow Line operator said in a statement to islanders.\n\n"
    "Services to the outer islands of Vatten and Orsay will run to the winter timetable until "
    "Friday, and two extra sailings will clear the backlog of freight waiting at the quay.\n\n"
    "The Lornholm Seafarers Union said talks on the rosters would resume next month with a "
    "mediator from the Tarrant Conciliation Service present.\n\n"
    "Hauliers said 140 lorries had queued at the terminal since Thursday, and that fresh fish "
    "from Orsay had been sent to the mainland by air.\n"
)
OWN = (
    "Skippers on the Lornholm run voted to go back to sea on Sunday night, ending a walkout "
    "that had stranded islanders on Vatten and Orsay since Thursday.\n\n"
    "Islanders queued at the quay from dawn on Monday for the first Skerrow Line sailing in "
    "four days, and the union said the rosters would be talked over again next month.\n"
)
OTHER = (
    "The Skerrow Line stoppage at Lornholm is over: crews went back to the ferries on Monday "
    "after three days in which no boat left for Vatten or Orsay.\n\n"
    "Shops on Orsay had run short of milk and bread by Sunday, a councillor said, and 140 "
    "lorries waited at the terminal for the first crossing.\n"
)


def _files(folder: Path, dates: dict[str, str]) -> dict[str, Path]:
    """The story's pages as scraped text (headline, date line, body); one reprints the wire,
    cut by its last paragraph."""
    pages = {
        "wire": ("Lornholm ferry crews end stoppage", WIRE),
        "reprint": ("Ferry crews back at work", WIRE.rsplit("\n\n", 1)[0] + "\n"),
        "own": ("Ferry walkout over as skippers vote", OWN),
        "other": ("Islands cut off no more", OTHER),
    }
    paths = {}
    for name, (headline, body) in pages.items():
        if name not in dates:
            continue
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(f"{headline}\n{dates[name]}\n\n{body}", encoding="utf-8")
    return paths


def _titles(tmp_path: Path, files: list[Path]) -> tuple[list[str | None], str | None]:
    """The stories `stories --json` lists after ingesting the files in this order, and the
    title `report` gives them."""
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    names = [str(p) for p in files]
    result = runner.invoke(main, ["ingest", *names, "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["stories", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line)["title"] for line in result.output.splitlines()]
    out = tmp_path / "report.json"
    result = runner.invoke(main, ["report", *names, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return listed, json.loads(out.read_text(encoding="utf-8"))["story"]["title"]


SAME_DAY = dict.fromkeys(("wire", "reprint", "own", "other"), "12 March 2026")


@pytest.mark.parametrize("order", list(permutations(("wire", "reprint", "own")))[::2])
def test_the_copied_headline_names_the_story_in_both(tmp_path: Path, order: tuple[str]) -> None:
    paths = _files(tmp_path, SAME_DAY)
    listed, reported = _titles(tmp_path, [paths[n] for n in (*order, "other")])
    assert reported == "Lornholm ferry crews end stoppage"
    assert listed == [reported]


def test_without_copies_the_earliest_names_it_in_both(tmp_path: Path) -> None:
    """Ingested newest first, the story is still named by its earliest article."""
    dates = {"other": "14 March 2026", "own": "13 March 2026", "wire": "12 March 2026"}
    paths = _files(tmp_path, dates)
    listed, reported = _titles(tmp_path, [paths["other"], paths["own"], paths["wire"]])
    assert reported == "Lornholm ferry crews end stoppage"
    assert listed == [reported]
