"""Ingest: within one batch the fuller, earlier text is the origin, whatever the input order.

A store used to make whichever article it read first the origin, so a wire story read after
its abridged reprint was stored as the reprint's copy (the report had it the right way round).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_fixtures import write_jsonl
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore

# An invented wire story about an invented event; the reprint keeps four of its paragraphs.
PARAGRAPHS = [
    "Keepers at the Orrin Valley wildlife park said on Thursday that a young elk had been found "
    "safe two kilometres from its enclosure after a storm brought down a section of fencing.",
    "The animal, a two-year-old female named Tavi, was spotted by a postal worker on the road to "
    "the village of Mossgate shortly after dawn and was calm when keepers reached her.",
    "Park director Ilse Carrow said the fence had been checked the previous week and that the "
    "storm had uprooted an oak which fell across the wire near the northern paddock.",
    "Police closed the Mossgate road for about an hour while vets sedated the elk and moved her "
    "back to the park on a trailer lent by a local farmer, Dov Harlan.",
    "The park will stay shut on Friday while contractors repair the fencing, and visitors with "
    "tickets for that day will be offered a refund or another date, the director said.",
    "It is the first escape from the park since it opened in 1998, according to the regional "
    "council, which licenses the site and has asked for a report on the incident.",
]


def _row(key: str, outlet: str, paragraphs: list[str], published: str) -> dict[str, str]:
    return {
        "id": key,
        "outlet": outlet,
        "title": "Escaped elk found safe near Mossgate",
        "published": published,
        "text": "\n\n".join(paragraphs),
    }


@pytest.mark.parametrize("reprint_first", [True, False])
def test_the_reprint_is_the_copy_whatever_the_input_order(
    tmp_path: Path, reprint_first: bool
) -> None:
    wire = _row("wire", "Northmark Wire", PARAGRAPHS, "2026-06-04")
    reprint = _row("reprint", "Mossgate Echo", PARAGRAPHS[:4], "2026-06-04")
    data = write_jsonl(tmp_path / "a.jsonl", [reprint, wire] if reprint_first else [wire, reprint])
    with SqliteStore(tmp_path / "c.db") as store:
        counts = ingest([str(data)], store, workers=1)
        found = dict(store.query("SELECT source_id, copy_of FROM articles"))
        ids = dict(store.query("SELECT source_id, id FROM articles"))
    assert counts.copies == 1
    assert found["wire"] is None
    assert found["reprint"] == ids["wire"]
