"""A copy that credits another article's outlet outside its story names its origin.

The session-10 audit's marathon story (tests/fixtures/audit10/marathon) has a wire story whose
dateline gives no year ("PORT AMELINE, Nov 15 (Meridian Wire) —", so undated) and a dated
reprint crediting "(Meridian Wire)" in its own dateline: the reprint was made the origin and
the wire "copies" it. Dates and lengths cannot tell them apart there; the credit can.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate import clean_articles
from corroborate.copies import find_copies
from corroborate.corpus.ingest import ingest
from corroborate.corpus.store import SqliteStore
from corroborate.read.text import read_text
from corroborate.records import Article

STORY = [
    "Lighthouse keepers on Skerra returned to the station on Monday after a storm tore the "
    "lantern room's roof away on Saturday night, the harbour board said.",
    "Nobody was hurt. The two keepers on duty sheltered in the oil store until the wind dropped "
    "before dawn on Sunday, the board said.",
    "The light was run from a temporary beacon on the quay for 36 hours while engineers fitted a "
    "tarpaulin over the lantern room.",
    "A new roof will be lifted onto the tower by helicopter next month, at a cost the board put "
    "at about 90,000 pounds.",
    "The lighthouse, built in 1871, guards the northern approach to Skerra harbour.",
]


def _wire(dateline: str) -> str:
    return (
        "Storm rips roof off Skerra lighthouse\n\n"
        + f"{dateline} {STORY[0]}\n\n"
        + ("\n\n".join(STORY[1:]) + "\n")
    )


def _reprint(dateline: str, head: str) -> str:
    return f"{head}Storm damages Skerra lighthouse\n\n{dateline} {STORY[0]}\n\n" + (
        "\n\n".join(STORY[1:]) + "\n"
    )


def _origin(wire: Article, reprint: Article) -> str:
    articles = [reprint, wire]
    clean_articles(articles)
    [group] = find_copies(articles)
    return "wire" if group.origin == wire.id else "reprint"


@pytest.mark.parametrize(
    ("wire_line", "reprint_line", "head", "origin"),
    [
        # The wire undated (no year), the reprint dated and crediting it: the wire.
        ("SKERRA, Mar 2 (Harbour Wire) —", "SKERRA, Mar 2 (Harbour Wire) —", "", "wire"),
        # The reprint dated a day before the wire (a scrape's date), crediting it: the wire.
        (
            "SKERRA, March 3, 2026 (Harbour Wire) —",
            "SKERRA, March 2, 2026 (Harbour Wire) —",
            "",
            "wire",
        ),
        ("SKERRA —", "SKERRA —", "", "reprint"),  # no credit: the dated reprint, as before
    ],
)
def test_the_credited_outlet_is_the_origin(
    wire_line: str, reprint_line: str, head: str, origin: str
) -> None:
    wire = read_text(_wire(wire_line), source="harbour-wire.txt")
    dated = "Tuesday 3 March 2026\n" if "2026" not in reprint_line else ""
    reprint = read_text(_reprint(reprint_line, dated + head), source="0712_ab12.txt")
    assert _origin(wire, reprint) == origin


def test_a_one_word_file_name_is_no_credit() -> None:
    """ "wire" (a file's name) is in any dateline crediting some wire: no evidence."""
    wire = read_text(_wire("SKERRA, Mar 2 (Harbour Wire) —"), source="wire.txt")
    reprint = read_text(
        _reprint("SKERRA, Mar 2 (Harbour Wire) —", "Tuesday 3 March 2026\n"), source="0712.txt"
    )
    assert _origin(wire, reprint) == "reprint"


def test_ingest_takes_the_credited_outlet_for_the_origin(tmp_path: Path) -> None:
    """In a store, texts alike in dates and length were ordered by reading: the reprint's file
    name came first, so the wire was stored as the reprint's copy."""
    folder = tmp_path / "in"
    folder.mkdir()
    line = "SKERRA, Mar 2 (Harbour Wire) —"
    (folder / "0712_ab12.txt").write_text(_reprint(line, "Tuesday 3 March 2026\n"))
    (folder / "harbour-wire.txt").write_text(_wire(line))
    with SqliteStore(tmp_path / "c.db") as store:
        ingest([str(folder)], store, workers=1)
        rows = dict(store.query("SELECT outlet, copy_of FROM articles"))
        (wire_id,) = store.query("SELECT id FROM articles WHERE outlet = 'harbour-wire'")
    assert rows == {"harbour-wire": None, "0712_ab12": wire_id[0]}
