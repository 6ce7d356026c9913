"""Invented articles for the corpus tests: invented outlets, invented events.

Two events of the same kind (two ferries running aground, in different places, with different
people) and one unrelated event (a museum fire), each told by several outlets in their own
words, plus one wire story and a verbatim reprint of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PORTMOOR = [
    (
        "Harbour Gazette",
        "Ferry runs aground off Portmoor",
        "The passenger ferry Saint Brennoc ran aground off Portmoor on Tuesday morning, the "
        "coastguard said. All 212 passengers were taken ashore by lifeboats from Portmoor and "
        "Gullhaven.\n\nCaptain Elsa Varga told reporters the Saint Brennoc lost steering in heavy "
        "fog near the Portmoor breakwater. Northway Ferries said an inquiry had begun.\n\n"
        "The Portmoor harbour master, Tomas Reyl, said the channel would stay closed until the "
        "ship was refloated.",
    ),
    (
        "Coastal Courier",
        "Saint Brennoc passengers rescued after grounding",
        "Lifeboat crews brought 212 people safely off the Saint Brennoc after the Northway "
        "Ferries vessel struck rocks near Portmoor.\n\nThe ship's master, Elsa Varga, blamed a "
        "steering failure in thick fog. Harbour master Tomas Reyl closed the Portmoor channel.\n\n"
        "Northway Ferries apologised to passengers and promised a full inquiry into the grounding.",
    ),
    (
        "Northern Ledger",
        "Northway Ferries opens inquiry into Portmoor grounding",
        "Northway Ferries has opened an inquiry after its ship Saint Brennoc grounded at Portmoor, "
        "where lifeboats from Gullhaven helped evacuate the passengers.\n\nCaptain Elsa Varga said "
        "the crew followed procedure once the steering failed. Tomas Reyl, Portmoor's harbour "
        "master, expects the ship to be refloated at high tide.",
    ),
]

KESTREL = [
    (
        "Harbour Gazette",
        "Ferry grounded in Kestrel Bay",
        "The ferry Maren Light ran aground in Kestrel Bay late on Friday, Dunmore Lines said. "
        "Its 96 passengers spent the night on board before tugs from Ardley arrived.\n\n"
        "Captain Ilan Rusk said the Maren Light hit a sandbank that charts of Kestrel Bay did not "
        "show. Dunmore Lines chartered buses to take passengers on to Ardley.",
    ),
    (
        "Valley Post",
        "Maren Light refloated after night on sandbank",
        "Tugs from Ardley refloated the Maren Light on Saturday after the Dunmore Lines ferry "
        "spent the night stuck on a sandbank in Kestrel Bay.\n\nCaptain Ilan Rusk praised the 96 "
        "passengers for their calm. Dunmore Lines said the Kestrel Bay charts would be checked.",
    ),
    (
        "Northern Ledger",
        "Dunmore Lines blames uncharted sandbank",
        "Dunmore Lines says an uncharted sandbank in Kestrel Bay caused the grounding of its "
        "ferry Maren Light.\n\nCaptain Ilan Rusk and the crew kept the 96 passengers on board "
        "overnight until tugs from Ardley pulled the vessel free on Saturday.",
    ),
]

MUSEUM = [
    (
        "Valley Post",
        "Fire damages Lindqvist Museum in Brauning",
        "A fire broke out in the roof of the Lindqvist Museum in Brauning on Sunday night. "
        "Firefighters saved most of the paintings, museum director Hanne Osk said.\n\n"
        "Brauning fire chief Paol Drennan said the blaze started in wiring above the east gallery.",
    ),
    (
        "Coastal Courier",
        "Paintings rescued as Lindqvist Museum burns",
        "Firefighters carried paintings out of the burning Lindqvist Museum in Brauning, "
        "director Hanne Osk said on Monday.\n\nFire chief Paol Drennan said faulty wiring in the "
        "east gallery roof was the likely cause of the Brauning fire.",
    ),
]

WIRE = (
    "Meridian Wire",
    "Trade ministers meet in Calverly",
    "Trade ministers from nine countries met in Calverly on Wednesday to discuss tariffs on "
    "farm machinery, the host government said.\n\nCalverly trade minister Odile Brask said the "
    "talks had been frank and that a joint statement would follow on Thursday.\n\nDelegates "
    "from Vessmark and Orlay left early, according to officials in Calverly.",
)


def rows(
    events: dict[str, list[tuple[str, str, str]]], day: str = "2026-03-03"
) -> list[dict[str, Any]]:
    """JSON-lines rows, one per article, with an `id` of our own and the gold event."""
    out = []
    for event, articles in events.items():
        for index, (outlet, title, text) in enumerate(articles):
            out.append(
                {
                    "id": f"{event}-{index}",
                    "event": event,
                    "outlet": outlet,
                    "title": title,
                    "published": day,
                    "text": text,
                }
            )
    return out


def all_rows() -> list[dict[str, Any]]:
    return rows({"portmoor": PORTMOOR, "kestrel": KESTREL, "museum": MUSEUM})


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def ingested_store(folder: Path) -> Path:
    """A store in `folder` holding `all_rows`, ingested as a newcomer would (the CLI, one
    worker)."""
    from click.testing import CliRunner

    from corroborate.cli import main

    data = write_jsonl(folder / "news.jsonl", all_rows())
    db = folder / "c.db"
    result = CliRunner().invoke(main, ["ingest", str(data), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db
