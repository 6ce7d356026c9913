"""A small story whose articles share many names and numbers with a larger story joins it in
the second look even when another fragment of the same event matches it better
(`BatchRefiner._prefer`'s `evidence`); a twin event of the same kind, which shares the words
of what happened and the institutions' names but not who, where and how many, does not.

Invented: the ferry Alder Queen's engine fire told by four outlets (two on the rescue, two on
the inquiry, those two alike), and a twin fire on another ferry elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.corpus.features import ENTITY_PREFIX, NUMBER_PREFIX, YEAR_PREFIX
from corroborate.corpus.ingest import ingest, load_clusterer
from corroborate.corpus.refine import BatchRefiner, save_refinement
from corroborate.corpus.scoring import ClusterSettings
from corroborate.corpus.store import SqliteStore, features_of_row

_RESCUE = (
    "The passenger ferry Alder Queen caught fire in the engine room off Kessel Point on "
    "Sunday evening, and lifeboats and fishing crews rescued all 212 people on board, the "
    "Coast Guard said.\n\nCaptain Mirela Osk ordered the evacuation twenty minutes after smoke "
    "reached the car deck, according to the operator, Brannock Lines. Fourteen passengers "
    "were treated for smoke inhalation at Kessel General Hospital.\n\nThe vessel, built in "
    "1998, was towed to Port Ilvar overnight. Investigators from the Maritime Safety Board "
    "will examine the engine room and the fire doors."
)
_RESCUE_TOLD_AGAIN = (
    "Fire broke out in the engine room of the Brannock Lines ferry Alder Queen near Kessel "
    "Point on Sunday, and all 212 passengers and crew were taken off by lifeboats and nearby "
    "fishing boats, the Coast Guard said.\n\nCaptain Mirela Osk gave the order to abandon "
    "ship as smoke spread to the car deck. Fourteen people went to Kessel General Hospital "
    "with smoke inhalation.\n\nTugs towed the burnt ferry to Port Ilvar, where the Maritime "
    "Safety Board opened an inquiry into the engine room fire."
)
_INQUIRY = (
    "The Maritime Safety Board has opened an inquiry into Sunday's engine room fire aboard "
    "the ferry Alder Queen, which forced 212 passengers and crew into lifeboats off Kessel "
    "Point.\n\nBrannock Lines said the 1998 vessel passed its last inspection in March. "
    "Captain Mirela Osk and her crew were praised by the Coast Guard for an orderly "
    "evacuation; fishing crews helped pull people from the water.\n\nFourteen passengers "
    "treated at Kessel General Hospital for smoke inhalation have gone home, and the ferry "
    "lies at Port Ilvar while inspectors examine the fire doors.\n\nBoard chairman Tomas "
    "Wendel said the inquiry would study the sprinkler pumps fitted by the Hallam shipyard "
    "in 2019, the crew rota, the alarm panel and the maintenance logbook, and would publish "
    "interim findings within six weeks."
)
_INQUIRY_TOLD_AGAIN = (
    "Inspectors of the Maritime Safety Board began their inquiry on Monday into the engine "
    "room fire on the ferry Alder Queen, which forced 212 passengers and crew into lifeboats "
    "off Kessel Point.\n\nBrannock Lines said the 1998 vessel had passed its last inspection "
    "in March. The Coast Guard praised Captain Mirela Osk for an orderly evacuation, and "
    "fishing crews helped pull people from the water.\n\nThe fourteen passengers treated at "
    "Kessel General Hospital for smoke inhalation have gone home; the ferry lies at Port "
    "Ilvar, where inspectors are examining its fire doors.\n\nTomas Wendel, the board "
    "chairman, said inspectors would study the sprinkler pumps the Hallam shipyard fitted in "
    "2019, the alarm panel, the crew rota and the maintenance logbook, with interim findings "
    "due within six weeks."
)
_TWIN = (
    "The passenger ferry Morrow Star caught fire in the engine room off Tessa Head on "
    "Thursday morning, and lifeboats and a navy patrol boat rescued all 148 people on board, "
    "the Coast Guard said.\n\nCaptain Piet Haldane ordered the evacuation after smoke filled "
    "the car deck, said the operator, Selkirk Ferries. Nine passengers were treated for smoke "
    "inhalation at St Brendan's Hospital.\n\nThe vessel, built in 2004, was towed to Varne "
    "overnight. Investigators from the Maritime Safety Board will examine the engine room, "
    "the fire doors and the crew's training records."
)
ARTICLES = {
    "rescue-a": ("Harbor Courier", "Ferry Alder Queen burns off Kessel Point", _RESCUE),
    "rescue-b": (
        "Ridge Daily",
        "All 212 saved as Brannock ferry fire forces evacuation",
        (_RESCUE_TOLD_AGAIN),
    ),
    "inquiry-a": ("Coastline News", "Inquiry opens into Alder Queen engine fire", _INQUIRY),
    "inquiry-b": (
        "Bay Herald",
        "Alder Queen inquiry: fire doors under scrutiny",
        (_INQUIRY_TOLD_AGAIN),
    ),
    "twin": ("Bay Herald", "Ferry Morrow Star burns off Tessa Head, 148 rescued", _TWIN),
}
# The one pass founds a story per article: no words agree enough, and no article counts as
# having the event's details (which would lower the words' bar, `words_needed`).
_ALONE = ClusterSettings(min_word_agreement=1.0, evidence_terms=10_000)


def _ingest(store: SqliteStore, path: Path, ids: list[str], **options: object) -> None:
    rows = [
        {"id": i, "outlet": ARTICLES[i][0], "title": ARTICLES[i][1], "text": ARTICLES[i][2]}
        for i in ids
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    ingest([str(path)], store, workers=1, find_copies=False, **options)  # type: ignore[arg-type]


def _store(tmp_path: Path) -> SqliteStore:
    """The rescue's two articles in one story; each inquiry article and the twin alone."""
    store = SqliteStore(tmp_path / "s.db")
    _ingest(store, tmp_path / "a.jsonl", ["rescue-a", "rescue-b"], refine=False)
    _ingest(
        store,
        tmp_path / "b.jsonl",
        ["inquiry-a", "inquiry-b", "twin"],
        settings=_ALONE,
        refine=False,
    )
    return store


def _stories(store: SqliteStore) -> list[set[str]]:
    found: dict[str, set[str]] = {}
    for source, story in store.query("SELECT source_id, story_id FROM articles"):
        found.setdefault(story, set()).add(source)
    return sorted(found.values(), key=sorted)


def _second_look(store: SqliteStore, settings: ClusterSettings | None = None) -> None:
    refiner = BatchRefiner(store, load_clusterer(store, settings))
    story = dict(store.query("SELECT source_id, story_id FROM articles"))
    save_refinement(store, refiner.refine([story["rescue-a"]]))


def test_the_fixture_needs_the_rule(tmp_path: Path) -> None:
    """Each inquiry article matches the other inquiry article best, so the best-match test
    alone keeps the event in three stories."""
    with _store(tmp_path) as store:
        assert len(_stories(store)) == 4
        _second_look(store, ClusterSettings(evidence_terms=10_000))
        assert {"inquiry-a"} in _stories(store) and {"inquiry-b"} in _stories(store)


def test_one_event_told_by_fragments_becomes_one_story(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        _second_look(store)
        assert _stories(store) == [{"rescue-a", "rescue-b", "inquiry-a", "inquiry-b"}, {"twin"}]


@pytest.mark.parametrize(("article", "at_least"), [("inquiry-a", 12), ("twin", 0)])
def test_what_the_twin_shares_is_words_and_institutions(
    tmp_path: Path, article: str, at_least: int
) -> None:
    """The twin shares many terms with the rescue's story, but few names and numbers: the
    rule counts only those."""
    with _store(tmp_path) as store:
        clusterer = load_clusterer(store, None)
        story = dict(store.query("SELECT source_id, story_id FROM articles"))
        counts = clusterer.stories[story["rescue-a"]].counts
        row = store.query(
            "SELECT f.article_id, f.date, f.terms, a.title FROM features f JOIN articles a "
            "ON a.id = f.article_id WHERE a.source_id = ?",
            (article,),
        )[0]
        shared = [t for t in features_of_row(row).terms if t in counts]
        specific = [t for t in shared if t[:1] in (ENTITY_PREFIX, YEAR_PREFIX, NUMBER_PREFIX)]
        assert len(specific) >= at_least
        if article == "twin":
            assert len(shared) >= 20 > 12 > len(specific)
